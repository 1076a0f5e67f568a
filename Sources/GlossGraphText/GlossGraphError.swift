/// The exit status a failure maps to, following BSD `sysexits.h` as the README documents.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    case success = 0
    /// A lookup found nothing.
    case notFound = 1
    /// The command line was wrong.
    case usage = 64
    /// An input file was read but its content is not acceptable.
    case dataError = 65
    /// An input file or folder does not exist or cannot be opened.
    case noInput = 66
    /// An output file or folder cannot be created.
    case cannotCreate = 73
    /// Reading or writing failed part-way.
    case ioError = 74
}

/// A problem tied to a place in an input file, printed as `path:line: message`.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// 1-based line number, or nil when the problem concerns the whole file.
    public var line: Int?
    /// 1-based column in Unicode scalars, when known.
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        return text
    }
}

/// Every error the library reports: a location when there is one, a message for people, and
/// the exit status the command-line tool should end with.
public struct GlossGraphError: Error, Sendable, CustomStringConvertible {
    public var location: SourceLocation?
    public var message: String
    public var status: ExitStatus

    public init(_ message: String, at location: SourceLocation? = nil, status: ExitStatus) {
        self.message = message
        self.location = location
        self.status = status
    }

    public var description: String {
        if let location { return "\(location): error: \(message)" }
        return "error: \(message)"
    }
}

/// Several errors found in one pass (for example every bad row of a glossary), so that one
/// problem does not hide the next.
public struct GlossGraphErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [GlossGraphError]

    public init(_ errors: [GlossGraphError]) {
        precondition(!errors.isEmpty, "an error list must hold at least one error")
        self.errors = errors
    }

    /// The most specific status among the errors: the first one's.
    public var status: ExitStatus { errors[0].status }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}

/// A message that does not stop the run (a replaced invalid byte, a file with no speaker labels).
public struct Notice: Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation?
    public var message: String

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String {
        if let location { return "\(location): note: \(message)" }
        return "note: \(message)"
    }
}
