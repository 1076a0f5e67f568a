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
