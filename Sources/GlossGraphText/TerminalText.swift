/// Text laid out for a terminal: widths in columns, where a CJK character takes two.
package enum TerminalText {
    /// Terminal columns a string takes: two for wide (CJK) characters, one otherwise.
    package static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (ScriptClass.isCJK($1.value) ? 2 : 1) }
    }

    package static func truncated(_ text: String, to width: Int) -> String {
        guard displayWidth(text) > width else { return text }
        var result = ""
        var used = 0
        for scalar in text.unicodeScalars {
            let cost = ScriptClass.isCJK(scalar.value) ? 2 : 1
            if used + cost > width - 1 { break }
            result.unicodeScalars.append(scalar)
            used += cost
        }
        return result + "…"
    }

    /// UTF-8 `bytes` with their control characters shown rather than obeyed, for a terminal:
    /// C0 controls other than tab and line feed, and DEL, in caret notation (`^[` for ESC,
    /// `^?` for DEL, as `cat -v` shows them), C1 controls (U+0080–U+009F) as `<U+009B>`. A
    /// transcript or glossary can then not retitle the window or clear the screen. Unicode's
    /// bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069),
    /// which reorder what follows on the line, are shown as `<U+202E>` too.
    package static func inert(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F {
                output += [UInt8(ascii: "^"), byte == 0x7F ? UInt8(ascii: "?") : byte + 0x40]
            } else if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                output += Array("<U+00\(String(bytes[index + 1], radix: 16, uppercase: true))>".utf8)
                index += 1
            } else if byte == 0xE2, index + 2 < bytes.count,
                (bytes[index + 1] == 0x80 && (0xAA...0xAE).contains(bytes[index + 2])) || (bytes[index + 1] == 0x81 && (0xA6...0xA9).contains(bytes[index + 2]))
            {
                let scalar = 0x2000 | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
                output += Array("<U+\(String(scalar, radix: 16, uppercase: true))>".utf8)
                index += 2
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }

    package static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - displayWidth(text)))
    }
}

extension String {
    package func replacingNewlines() -> String {
        String(unicodeScalars.map { $0 == "\n" ? " " : Character($0) })
    }
}

extension StringProtocol {
    /// Whether `other` occurs in the text, compared as UTF-8 bytes: the texts are NFC as read,
    /// and Foundation's `contains`, a locale-aware search by grapheme clusters, costs many
    /// times more in the loops that test every unit. False for an empty `other`, as
    /// Foundation's.
    package func containsText(_ other: some StringProtocol) -> Bool {
        func search(_ text: UnsafeBufferPointer<UInt8>, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
            var found = false
            ByteSearch.forEachUse(of: UnsafeRawBufferPointer(other), in: UnsafeRawBufferPointer(text)) { _ in
                found = true
                return nil
            }
            return found
        }
        let found = utf8.withContiguousStorageIfAvailable { text in other.utf8.withContiguousStorageIfAvailable { search(text, $0) } }
        return (found ?? nil) ?? Array(utf8).withUnsafeBufferPointer { text in Array(other.utf8).withUnsafeBufferPointer { search(text, $0) } }
    }

    /// The text without leading and trailing white space (including U+3000 and BOM).
    package func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace || $0 == "\u{FEFF}" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        // By UTF-8 bytes: building a scalar view goes scalar by scalar.
        return String(decoding: utf8[first..<scalars.index(after: last)], as: UTF8.self)
    }
}
