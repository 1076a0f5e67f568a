import GlossGraphText

/// A pull reader for JSON (RFC 8259) in UTF-8 bytes: the caller asks for what it expects
/// next, and anything else is a `SyntaxError` naming the byte offset. Values the
/// caller does not want are skipped without recursion.
package struct JSONPullReader {
    /// What is wrong with the text, at which byte offset where there is one.
    package struct SyntaxError: Error {
        package var detail: String
        package init(detail: String) { self.detail = detail }
    }

    /// The bytes read and not yet dropped: `bytes[0]` is byte `dropped` of the file.
    private var bytes: [UInt8]
    private var dropped = 0
    private var offset = 0
    /// Whether the container just entered has had an element (so a comma comes next).
    private var started: [Bool] = []
    /// Where more bytes come from, a chunk at a time; nil when `bytes` is the whole text.
    private let source: (() throws(GlossGraphError) -> [UInt8]?)?
    private var sourceEnded: Bool
    /// What the source threw: the text ends there, and the reader's caller reports this.
    package private(set) var sourceError: GlossGraphError?

    /// The most bytes a string may hold: ids, names and paths are far shorter, and a string
    /// without end must not fill memory.
    static let longestString = 1 << 20
    /// The most digits a number may have: far more than 2⁶⁴ needs.
    static let longestNumber = 40
    /// The deepest nesting a skipped value may have: the files hold three levels.
    static let deepestNesting = 1000
    /// Bytes before the read position are dropped, between values, once there are this many.
    private static let dropBytes = 1 << 20

    package init(bytes: [UInt8]) {
        self.bytes = bytes
        source = nil
        sourceEnded = true
    }

    /// Reads the text a chunk at a time from `source` (nil at its end), keeping about a chunk
    /// and the value being read.
    package init(source: @escaping () throws(GlossGraphError) -> [UInt8]?) {
        bytes = []
        self.source = source
        sourceEnded = false
    }

    /// Whether the text has a byte at `index` of `bytes`, reading more when it must.
    private mutating func has(_ index: Int) -> Bool {
        while index >= bytes.count {
            guard !sourceEnded, let source else { return false }
            do {
                if let chunk = try source() { bytes += chunk } else { sourceEnded = true }
            } catch {
                sourceError = error
                sourceEnded = true
            }
        }
        return true
    }

    /// Drops the bytes already read; only where no caller holds an index into `bytes`.
    private mutating func dropRead() {
        guard offset >= Self.dropBytes, source != nil else { return }
        bytes.removeFirst(offset)
        dropped += offset
        offset = 0
    }

    private mutating func failure(_ expected: String) -> SyntaxError {
        SyntaxError(detail: has(offset) ? "not valid JSON at byte offset \(dropped + offset): expected \(expected)" : "the file ends early: expected \(expected)")
    }

    private mutating func skipSpace() {
        while has(offset) {
            let byte = bytes[offset]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            offset += 1
            // No caller holds an index across white space it skips: a run of it need not be kept.
            if offset >= Self.dropBytes { dropRead() }
        }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard has(offset), bytes[offset] == byte else { return false }
        offset += 1
        return true
    }

    package mutating func enterObject(_ what: String) throws {
        guard started.count < Self.deepestNesting else { throw SyntaxError(detail: "a value nested more than \(Self.deepestNesting) deep") }
        guard take(UInt8(ascii: "{")) else { throw failure("an object for \(what)") }
        started.append(false)
    }

    package mutating func enterArray(_ what: String) throws {
        guard started.count < Self.deepestNesting else { throw SyntaxError(detail: "a value nested more than \(Self.deepestNesting) deep") }
        guard take(UInt8(ascii: "[")) else { throw failure("an array for \(what)") }
        started.append(false)
    }

    /// The next key of the object entered, or nil at its end (which is left).
    package mutating func nextKey() throws -> String? {
        guard try hasNextMember(closing: "}") else { return nil }
        let key = try string("a key")
        guard take(UInt8(ascii: ":")) else { throw failure("':'") }
        return key
    }

    /// Whether the array entered has another element; at its end, it is left.
    package mutating func hasNextElement() throws -> Bool {
        try hasNextMember(closing: "]")
    }

    /// Whether the container entered has another member (after a comma, unless it is the
    /// first); at `closing`, the container is left.
    private mutating func hasNextMember(closing: Unicode.Scalar) throws -> Bool {
        dropRead()
        if take(UInt8(ascii: closing)) {
            started.removeLast()
            return false
        }
        if started[started.count - 1] {
            guard take(UInt8(ascii: ",")) else { throw failure("',' or '\(closing)'") }
        }
        started[started.count - 1] = true
        return true
    }

    /// After the top-level value: nothing but white space.
    package mutating func end() throws {
        skipSpace()
        guard !has(offset) else { throw failure("the end of the file") }
    }

    package mutating func string(_ what: String) throws -> String {
        skipSpace()
        guard has(offset), bytes[offset] == UInt8(ascii: "\"") else { throw failure("a string for \(what)") }
        offset += 1
        let start = offset
        while has(offset), bytes[offset] != UInt8(ascii: "\""), bytes[offset] != UInt8(ascii: "\\"), bytes[offset] >= 0x20 {
            offset += 1
            if offset - start > Self.longestString { throw SyntaxError(detail: "\(what) is a string of more than \(Self.longestString) bytes") }
        }
        if has(offset), bytes[offset] == UInt8(ascii: "\"") {
            guard let text = String(validating: bytes[start..<offset], as: UTF8.self) else { throw failure("UTF-8 text in \(what)") }
            offset += 1
            return text
        }
        // Escapes: decoded one by one.
        var scalars = String.UnicodeScalarView()
        guard let plain = String(validating: bytes[start..<offset], as: UTF8.self) else { throw failure("UTF-8 text in \(what)") }
        scalars.append(contentsOf: plain.unicodeScalars)
        var pendingHigh: UInt32?
        while true {
            guard has(offset) else { throw failure("the end of a string") }
            if offset - start > Self.longestString { throw SyntaxError(detail: "\(what) is a string of more than \(Self.longestString) bytes") }
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                guard pendingHigh == nil else { throw failure("a low surrogate") }
                return String(scalars)
            }
            guard byte >= 0x20 else { throw failure("no control character in a string") }
            if byte != UInt8(ascii: "\\") {
                guard pendingHigh == nil else { throw failure("a low surrogate") }
                var end = offset + 1
                while has(end), bytes[end] & 0xC0 == 0x80 { end += 1 }
                guard let piece = String(validating: bytes[offset..<end], as: UTF8.self) else { throw failure("UTF-8 text in \(what)") }
                scalars.append(contentsOf: piece.unicodeScalars)
                offset = end
                continue
            }
            guard has(offset + 1) else { throw failure("an escape") }
            let escape = bytes[offset + 1]
            offset += 2
            if escape == UInt8(ascii: "u") {
                guard has(offset + 3), let value = UInt32(String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self), radix: 16) else {
                    throw failure("four hex digits")
                }
                offset += 4
                if let high = pendingHigh {
                    guard (0xDC00...0xDFFF).contains(value) else { throw failure("a low surrogate") }
                    scalars.append(Unicode.Scalar(0x10000 + (high - 0xD800) << 10 + (value - 0xDC00))!)
                    pendingHigh = nil
                } else if (0xD800...0xDBFF).contains(value) {
                    pendingHigh = value
                } else if value == 0 {
                    // No text GlossGraph reads holds NUL (it is refused as binary data); other
                    // controls, escaped, are what `count` writes for a transcript's own.
                    throw failure("no NUL character (U+0000) in \(what)")
                } else if let scalar = Unicode.Scalar(value) {
                    scalars.append(scalar)
                } else {
                    throw failure("a character, not a lone surrogate")
                }
                continue
            }
            guard pendingHigh == nil else { throw failure("a low surrogate") }
            let decoded: Unicode.Scalar
            switch escape {
            case UInt8(ascii: "\""): decoded = "\""
            case UInt8(ascii: "\\"): decoded = "\\"
            case UInt8(ascii: "/"): decoded = "/"
            case UInt8(ascii: "b"): decoded = "\u{8}"
            case UInt8(ascii: "f"): decoded = "\u{C}"
            case UInt8(ascii: "n"): decoded = "\n"
            case UInt8(ascii: "r"): decoded = "\r"
            case UInt8(ascii: "t"): decoded = "\t"
            default: throw failure("an escape")
            }
            scalars.append(decoded)
        }
    }

    /// A whole number; one past 64 bits reads as `Int.max`, so that the range check names it.
    package mutating func integer(_ what: String) throws -> Int {
        skipSpace()
        let negative = has(offset) && bytes[offset] == UInt8(ascii: "-")
        if negative { offset += 1 }
        let start = offset
        var value = 0
        var overflow = false
        while has(offset), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) {
            // A number of more digits than any count is refused at once, quoting its start:
            // a GiB of digits must not be held, nor put in a message.
            if offset - start >= Self.longestNumber {
                throw SyntaxError(detail: "\(what) is \(String(decoding: bytes[(negative ? start - 1 : start)..<offset], as: UTF8.self))…, a number of more than \(Self.longestNumber) digits")
            }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(bytes[offset] - UInt8(ascii: "0")))
            overflow = overflow || o1 || o2
            value = sum
            offset += 1
        }
        guard offset > start else { throw SyntaxError(detail: "\(what) is not a whole number") }
        // JSON writes no leading zeros (RFC 8259, section 6); count never does.
        if offset - start > 1 && bytes[start] == UInt8(ascii: "0") {
            throw SyntaxError(detail: "\(what) is \(String(decoding: bytes[start..<offset], as: UTF8.self)), a number with a leading zero")
        }
        if has(offset), [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[offset]) {
            throw SyntaxError(detail: "\(what) is not a whole number")
        }
        if overflow {
            throw SyntaxError(detail: "\(what) is \(String(decoding: bytes[(negative ? start - 1 : start)..<offset], as: UTF8.self)), past 64 bits")
        }
        return negative ? -value : value
    }

    /// `true` or `false`.
    package mutating func bool(_ what: String) throws -> Bool {
        if take(UInt8(ascii: "t")) {
            guard take(UInt8(ascii: "r")), take(UInt8(ascii: "u")), take(UInt8(ascii: "e")) else { throw failure("true or false for \(what)") }
            return true
        }
        guard take(UInt8(ascii: "f")), take(UInt8(ascii: "a")), take(UInt8(ascii: "l")), take(UInt8(ascii: "s")), take(UInt8(ascii: "e")) else {
            throw failure("true or false for \(what)")
        }
        return false
    }

    /// A string, or nil for `null`.
    package mutating func optionalString(_ what: String) throws -> String? {
        skipSpace()
        if has(offset), bytes[offset] == UInt8(ascii: "n") {
            guard take(UInt8(ascii: "n")), take(UInt8(ascii: "u")), take(UInt8(ascii: "l")), take(UInt8(ascii: "l")) else { throw failure("a string or null for \(what)") }
            return nil
        }
        return try string(what)
    }

    /// A scalar's text as it would be named: a number as written, a string quoted and said to be one.
    package mutating func scalarText(_ what: String) throws -> String {
        skipSpace()
        guard has(offset) else { throw failure("a value for \(what)") }
        if bytes[offset] == UInt8(ascii: "\"") { return "'\(try string(what))' (a string)" }
        if bytes[offset] == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) {
            let start = offset
            while has(offset), !",:]} \n\r\t".utf8.contains(bytes[offset]) {
                offset += 1
                if offset - start > Self.longestNumber {
                    return String(decoding: bytes[start..<(start + Self.longestNumber)], as: UTF8.self) + "… (a number of more than \(Self.longestNumber) characters)"
                }
            }
            return String(decoding: bytes[start..<offset], as: UTF8.self)
        }
        try skipValue()
        return "(not a number)"
    }

    /// Steps over one value of any kind, nested containers included, without recursion.
    package mutating func skipValue() throws {
        var depth = 0
        repeat {
            // No index is held between the values skipped: what was read may be dropped.
            dropRead()
            skipSpace()
            guard has(offset) else { throw failure("a value") }
            switch bytes[offset] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth < Self.deepestNesting else { throw SyntaxError(detail: "a value nested more than \(Self.deepestNesting) deep") }
                depth += 1
                offset += 1
                skipSpace()
                if has(offset), bytes[offset] == UInt8(ascii: "}") || bytes[offset] == UInt8(ascii: "]") {
                    depth -= 1
                    offset += 1
                    break
                }
                continue
            case UInt8(ascii: "\""):
                _ = try string("a value")
            default:
                let start = offset
                while has(offset), !",:]} \n\r\t".utf8.contains(bytes[offset]) {
                    offset += 1
                    if offset - start > Self.longestNumber { throw failure("a value") }
                }
                let token = String(decoding: bytes[start..<offset], as: UTF8.self)
                guard ["true", "false", "null"].contains(token) || Double(token) != nil else { throw failure("a value") }
            }
            // After a value inside containers: a key's colon is handled here, then a comma or
            // the containers' ends.
            while depth > 0 {
                skipSpace()
                guard has(offset) else { throw failure("',' or the end of an object or array") }
                let byte = bytes[offset]
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":") {
                    offset += 1
                    break
                }
                guard byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") else { throw failure("',' or the end of an object or array") }
                offset += 1
                depth -= 1
            }
        } while depth > 0
    }
}
