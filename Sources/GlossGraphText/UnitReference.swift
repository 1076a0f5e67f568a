import GlossGraphText

/// A unit of text that supports a link or a node: which file, which turn, which line.
public struct UnitReference: Sendable, Hashable, Comparable {
    public var file: String
    /// The turn's index in its file (for a sentence or paragraph, the turn it belongs to).
    public var turn: Int
    /// 1-based source line where the unit starts.
    public var line: Int

    public init(file: String, turn: Int, line: Int) {
        self.file = file
        self.turn = turn
        self.line = line
    }

    public static func < (lhs: UnitReference, rhs: UnitReference) -> Bool {
        (lhs.file, lhs.turn, lhs.line) < (rhs.file, rhs.turn, rhs.line)
    }
}

/// Where a concept is first mentioned.
public struct MentionLocation: Sendable, Hashable {
    public var file: String
    public var line: Int
    /// 1-based, in Unicode scalars.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}
