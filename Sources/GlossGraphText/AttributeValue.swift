/// The typed value of a graph attribute.
public enum AttributeValue: Sendable {
    case string(String)
    case int(Int)
    case double(Double)

    /// The GraphML `attr.type` of the value.
    package var graphMLType: String {
        switch self {
        case .string: "string"
        case .int: "long"
        case .double: "double"
        }
    }

    /// The value as text, numbers in the shortest form that reads back exactly.
    package var text: String {
        switch self {
        case .string(let value): value
        case .int(let value): String(value)
        case .double(let value): value.isFinite ? JSONText.shortest(value) : (value.isNaN ? "NaN" : value > 0 ? "INF" : "-INF")
        }
    }
}

/// CSV cells that spreadsheets would read as formulas, made inert as OWASP's "CSV Injection"
/// advice says: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
/// gets a leading `'`, which spreadsheets hide and Gephi keeps as part of the text.
public enum SpreadsheetCell {
    static let formulaStarts: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]

    /// `text`, with a `'` before it when it starts as a formula would, or with a `'` that
    /// `reading` would take for one added (`'-` and `''`), so that every text reads back as written.
    public static func inert(_ text: String) -> String {
        guard let first = text.utf8.first, formulaStarts.contains(first) || reading(text) != text else { return text }
        return "'" + text
    }

    /// A cell read back: the `'` that `inert` added, removed (a `'` before a formula's first
    /// character or before another `'`).
    public static func reading(_ cell: String) -> String {
        let bytes = cell.utf8
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "'") else { return cell }
        let second = bytes[bytes.index(after: bytes.startIndex)]
        guard formulaStarts.contains(second) || second == UInt8(ascii: "'") else { return cell }
        return String(cell.dropFirst())
    }
}
