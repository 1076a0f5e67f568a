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
