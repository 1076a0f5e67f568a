/// Builds JSON text directly into a byte buffer, with keys in the order written, so that
/// output is deterministic and needs no intermediate objects.
public struct JSONText {
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = []

    public init() {}

    public mutating func beginObject() { beginValue(); bytes.append(UInt8(ascii: "{")); needsComma.append(false) }
    public mutating func endObject() { needsComma.removeLast(); bytes.append(UInt8(ascii: "}")) }
    public mutating func beginArray() { beginValue(); bytes.append(UInt8(ascii: "[")); needsComma.append(false) }
    public mutating func endArray() { needsComma.removeLast(); bytes.append(UInt8(ascii: "]")) }

    /// Writes `"key":`; the next value written belongs to it.
    public mutating func key(_ name: String) {
        beginValue()
        Self.appendQuoted(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        if !needsComma.isEmpty { needsComma[needsComma.count - 1] = false }
    }

    public mutating func string(_ value: String) { beginValue(); Self.appendQuoted(value, to: &bytes) }
    /// A string given as UTF-8 bytes, which must be valid UTF-8 (a unit's text, without
    /// making a `String` of it).
    public mutating func string(utf8 value: [UInt8]) {
        beginValue()
        value.withUnsafeBufferPointer { Self.appendQuoted(utf8: $0, to: &bytes) }
    }
    public mutating func int(_ value: Int) { beginValue(); bytes.append(contentsOf: String(value).utf8) }
    public mutating func bool(_ value: Bool) { beginValue(); bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    public mutating func null() { beginValue(); bytes.append(contentsOf: "null".utf8) }
    /// A finite number in the shortest form that reads back as the same `Double`, always with
    /// a fraction or an exponent (`1.0`, not `1`), so that JSON readers that type numbers by
    /// their form (Python's `json`, and so NetworkX) read every value as a float.
    public mutating func double(_ value: Double) {
        beginValue()
        bytes.append(contentsOf: (value.isFinite ? "\(value)" : "null").utf8)
    }

    public mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    public mutating func newline() { bytes.append(0x0A) }

    /// Moves the bytes written so far into `sink` (which writes them out once it holds a MiB);
    /// the text goes on where it stopped.
    ///
    /// - Throws: `GlossGraphError` `.writeFailed` from the sink.
    public mutating func drain(into sink: inout ByteSink) throws(GlossGraphError) {
        sink.append(contentsOf: bytes)
        bytes.removeAll(keepingCapacity: true)
        try sink.flushIfFull()
    }

    private mutating func beginValue() {
        guard let last = needsComma.last else { return }
        if last { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    /// A number in the shortest form that reads back as the same `Double` (integers without `.0`).
    public static func shortest(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends `value` as a JSON string literal: quotes, backslashes and control characters
    /// escaped; everything else written as UTF-8.
    public static func appendQuoted(_ value: String, to output: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendQuoted(utf8: $0, to: &output) }
    }

    /// `appendQuoted(_:to:)` for a string given as valid UTF-8 bytes.
    public static func appendQuoted(utf8 buffer: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var index = 0
        while index < buffer.count {
            // Copy the run of bytes that need no escaping in one go.
            var runEnd = index
            while runEnd < buffer.count && !needsEscape(buffer[runEnd]) { runEnd += 1 }
            if runEnd > index {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[index..<runEnd]))
                index = runEnd
                if index == buffer.count { break }
            }
            let byte = buffer[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            default:
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0xF)])
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
