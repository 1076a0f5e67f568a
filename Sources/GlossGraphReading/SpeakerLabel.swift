import GlossGraphText

/// Recognises speaker labels at the start of a line, in the styles transcripts use.
enum SpeakerLabel {
    typealias Bytes = ArraySlice<UInt8>

    /// A label found on a line: the speaker's name and where the speech after it starts.
    struct Match {
        var name: Bytes
        var textStart: Int
        /// The label carried a timestamp (`[00:10]`), a sure sign of a speaker label.
        var hasTimestamp = false
    }

    /// Longest speaker name accepted, in bytes (about 16 CJK characters or 48 Latin ones).
    static let maximumNameBytes = 48

    /// `**名字：** text`, `**Name:**`, `**名字**：text`, `**[00:10] Speaker B:** text`.
    static func bold(_ line: Bytes) -> Match? {
        var index = skipIndent(line)
        guard line.endIndex - index >= 5, line[index] == MarkdownLine.star,
            line[index + 1] == MarkdownLine.star
        else { return nil }
        index = skipSpaces(line, from: index + 2)
        let beforeTimestamp = index
        index = skipTimestamp(line, from: index)
        let hasTimestamp = index != beforeTimestamp
        let nameStart = index
        while index < line.endIndex && index - nameStart <= maximumNameBytes {
            if line[index] == MarkdownLine.star {
                // `**名字**：`: the colon follows the bold span.
                guard index + 1 < line.endIndex, line[index + 1] == MarkdownLine.star else { return nil }
                let afterBold = skipSpaces(line, from: index + 2)
                guard let afterColon = colonEnd(line, at: afterBold) else { return nil }
                return validated(line[nameStart..<index], textStart: afterColon, hasTimestamp: hasTimestamp)
            }
            if let afterColon = colonEnd(line, at: index) {
                // `**名字：**`: the colon is inside the bold span.
                let closing = skipSpaces(line, from: afterColon)
                guard line.endIndex - closing >= 2, line[closing] == MarkdownLine.star,
                    line[closing + 1] == MarkdownLine.star
                else { return nil }
                return validated(line[nameStart..<index], textStart: closing + 2, hasTimestamp: hasTimestamp)
            }
            index += 1
        }
        return nil
    }

    /// `Name: text`, `名字：text`, `[00:10] Speaker B: text`, `00:10:05 Speaker B: text`.
    static func colon(_ line: Bytes) -> Match? {
        let indent = skipIndent(line)
        var index = skipTimestamp(line, from: indent)
        let hasTimestamp = index != indent
        let nameStart = index
        while index < line.endIndex && index - nameStart <= maximumNameBytes {
            if let afterColon = colonEnd(line, at: index) {
                // `http://…` is not a speaker.
                if afterColon < line.endIndex && line[afterColon] == UInt8(ascii: "/") { return nil }
                return validated(line[nameStart..<index], textStart: afterColon, hasTimestamp: hasTimestamp)
            }
            switch line[index] {
            case MarkdownLine.star, MarkdownLine.openBracket, MarkdownLine.openParen,
                MarkdownLine.greaterThan, MarkdownLine.hash:
                return nil
            default:
                index += 1
            }
        }
        return nil
    }

    /// A short name alone on its line (`LEX`, `主持人`), to be confirmed by recurrence.
    static func nameLine(_ line: Bytes) -> Match? {
        let text = MarkdownLine.trimmed(line)
        guard !text.isEmpty, text.count <= maximumNameBytes / 2 else { return nil }
        switch text.first! {
        case MarkdownLine.hash, MarkdownLine.greaterThan, MarkdownLine.bang,
            MarkdownLine.openBracket, MarkdownLine.star, MarkdownLine.hyphen:
            return nil
        default:
            break
        }
        if let last = ScriptClass.lastScalar(text), isSentenceEnd(last) || last == 0x3A || last == 0xFF1A {
            return nil
        }
        return validated(text, textStart: text.endIndex)
    }

    private static func isSentenceEnd(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x2E, 0x21, 0x3F, 0x2C, 0x3B, 0x3002, 0xFF01, 0xFF1F, 0xFF0C, 0xFF1B, 0x2026, 0x3001:
            return true
        default:
            return false
        }
    }

    /// A name must be short and hold no sentence punctuation, so that an emphasised phrase
    /// ending in a colon is not mistaken for a speaker.
    private static func validated(_ rawName: Bytes, textStart: Int, hasTimestamp: Bool = false) -> Match? {
        let name = MarkdownLine.trimmed(rawName)
        guard !name.isEmpty, name.count <= maximumNameBytes else { return nil }
        var index = name.startIndex
        while index < name.endIndex {
            let byte = name[index]
            if byte < 0x80 {
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
                    || byte == UInt8(ascii: ";") || byte == MarkdownLine.star
                {
                    return nil
                }
                index += 1
            } else {
                if let scalar = ScriptClass.firstScalar(name[index...]), isSentenceEnd(scalar) {
                    return nil
                }
                index += 1
                while index < name.endIndex && name[index] & 0xC0 == 0x80 { index += 1 }
            }
        }
        return Match(name: name, textStart: textStart, hasTimestamp: hasTimestamp)
    }

    private static func skipIndent(_ line: Bytes) -> Int {
        var index = line.startIndex
        while index < line.endIndex && index - line.startIndex < 4 && MarkdownLine.isSpace(line[index]) {
            index += 1
        }
        return index
    }

    private static func skipSpaces(_ line: Bytes, from start: Int) -> Int {
        var index = start
        while index < line.endIndex && MarkdownLine.isSpace(line[index]) { index += 1 }
        return index
    }

    /// Skips `[00:10]`, `(00:10:05)` or a bare `00:10` timestamp followed by a space.
    private static func skipTimestamp(_ line: Bytes, from start: Int) -> Int {
        var index = start
        guard index < line.endIndex else { return start }
        let opener = line[index]
        let bracketed = opener == MarkdownLine.openBracket || opener == MarkdownLine.openParen
        if bracketed { index += 1 }
        let digitsStart = index
        var colons = 0
        while index < line.endIndex {
            let byte = line[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: ",")
            {
                index += 1
            } else if byte == UInt8(ascii: ":") {
                colons += 1
                index += 1
            } else {
                break
            }
        }
        guard colons >= 1, index - digitsStart >= 3,
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[index - 1])
        else { return start }
        if bracketed {
            guard index < line.endIndex,
                line[index] == (opener == MarkdownLine.openBracket ? MarkdownLine.closeBracket : MarkdownLine.closeParen)
            else { return start }
            index += 1
        } else {
            guard index < line.endIndex, MarkdownLine.isSpace(line[index]) else { return start }
        }
        return skipSpaces(line, from: index)
    }

    /// If a colon (`:` or full-width `：`) is at `index`, the index just past it.
    @inline(__always)
    private static func colonEnd(_ line: Bytes, at index: Int) -> Int? {
        guard index < line.endIndex else { return nil }
        if line[index] == UInt8(ascii: ":") { return index + 1 }
        if line.endIndex - index >= 3 && line[index] == 0xEF && line[index + 1] == 0xBC
            && line[index + 2] == 0x9A
        {
            return index + 3
        }
        return nil
    }
}
