import GlossGraphText

/// Where stretches of cleaned text come from: pairs of (output offset, source index), one
/// each time the copying jumps in the source (after removed markup) or in the output.
struct SourceRuns {
    private(set) var entries: [(output: Int, source: Int)] = []
    private var nextOutput = -1
    private var nextSource = -1

    /// `count` bytes copied from `source` to `output`.
    @inline(__always)
    mutating func copied(output: Int, source: Int, count: Int) {
        if output != nextOutput || source != nextSource { entries.append((output, source)) }
        nextOutput = output + count
        nextSource = source + count
    }

    /// One output byte stands for markup starting at `source` (an entity, an escape).
    mutating func replaced(output: Int, source: Int) {
        entries.append((output, source))
        nextOutput = -1
        nextSource = -1
    }

    /// `count` output bytes at `offset` were removed; entries from `first` on (all at or
    /// after `offset`) are shifted, and the first byte kept maps to where it came from.
    mutating func removedLeadingOutput(_ count: Int, at offset: Int, fromEntry first: Int) {
        var kept: [(output: Int, source: Int)] = Array(entries[..<first])
        var carried: (output: Int, source: Int)?
        for entry in entries[first...] {
            if entry.output < offset + count {
                carried = (offset, entry.source + (offset + count - entry.output))
            } else {
                if let pending = carried { kept.append(pending) }
                carried = nil
                kept.append((entry.output - count, entry.source))
            }
        }
        if let pending = carried { kept.append(pending) }
        entries = kept
        nextOutput = -1
        nextSource = -1
    }

    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        nextOutput = -1
        nextSource = -1
    }
}

/// Byte-level recognisers and cleaners for one line of Markdown-ish transcript text.
///
/// Lines are slices of a UTF-8 buffer without their `\n`. Everything works on bytes: the
/// markup characters are all ASCII, so they never split a multi-byte character.
package enum MarkdownLine {
    package typealias Bytes = ArraySlice<UInt8>

    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let doubleQuote = UInt8(ascii: "\"")
    static let star = UInt8(ascii: "*")
    static let underscore = UInt8(ascii: "_")
    static let hash = UInt8(ascii: "#")
    static let greaterThan = UInt8(ascii: ">")
    static let lessThan = UInt8(ascii: "<")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let openParen = UInt8(ascii: "(")
    static let closeParen = UInt8(ascii: ")")
    static let bang = UInt8(ascii: "!")
    static let backslash = UInt8(ascii: "\\")
    static let ampersand = UInt8(ascii: "&")
    static let hyphen = UInt8(ascii: "-")

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    /// The line without leading and trailing spaces, tabs and ideographic spaces (U+3000).
    static func trimmed(_ line: Bytes) -> Bytes {
        var start = line.startIndex
        var end = line.endIndex
        while start < end {
            if isSpace(line[start]) {
                start += 1
            } else if end - start >= 3 && line[start] == 0xE3 && line[start + 1] == 0x80
                && line[start + 2] == 0x80
            {
                start += 3
            } else {
                break
            }
        }
        while end > start {
            if isSpace(line[end - 1]) {
                end -= 1
            } else if end - start >= 3 && line[end - 3] == 0xE3 && line[end - 2] == 0x80
                && line[end - 1] == 0x80
            {
                end -= 3
            } else {
                break
            }
        }
        return line[start..<end]
    }

    static func isBlank(_ line: Bytes) -> Bool { trimmed(line).isEmpty }

    /// True for ATX headings: one to six `#` then a space or the end of the line.
    static func isHeading(_ line: Bytes) -> Bool {
        let text = trimmed(line)
        var index = text.startIndex
        while index < text.endIndex && text[index] == hash { index += 1 }
        let level = index - text.startIndex
        return level >= 1 && level <= 6 && (index == text.endIndex || isSpace(text[index]))
    }

    /// True for a `>` blockquote line.
    package static func isBlockquote(_ line: Bytes) -> Bool {
        trimmed(line).first == greaterThan
    }

    /// Whether `line` defines a Markdown footnote (`[^1]: text`, GitHub's and Pandoc's
    /// syntax): a note on the text, nobody's speech.
    package static func isFootnoteDefinition(_ line: Bytes) -> Bool {
        let text = trimmed(line)
        guard text.starts(with: [openBracket, UInt8(ascii: "^")]), let close = text.prefix(40).firstIndex(of: closeBracket) else { return false }
        return close > text.startIndex + 2 && close + 1 < text.endIndex && text[close + 1] == UInt8(ascii: ":")
    }

    /// The text of a footnote definition without its `[^1]:` marker.
    package static func footnoteContent(_ line: Bytes) -> Bytes {
        let text = trimmed(line)
        guard let close = text.firstIndex(of: closeBracket) else { return text }
        return trimmed(text[(close + 2)...])
    }

    /// The text of a blockquote line without its `>` markers.
    package static func blockquoteContent(_ line: Bytes) -> Bytes {
        var text = trimmed(line)
        while text.first == greaterThan {
            text = trimmed(text.dropFirst())
        }
        return text
    }

    /// True for a thematic break (`---`, `***`, `___`, `===`, spaces allowed) and for an empty bold
    /// span `****`, which renders as nothing.
    static func isRule(_ line: Bytes) -> Bool {
        let text = trimmed(line)
        // `===` too: exports (QQ's) rule off their banners with it.
        guard let first = text.first, first == hyphen || first == star || first == underscore || first == UInt8(ascii: "=") else {
            return false
        }
        var count = 0
        for byte in text {
            if byte == first {
                count += 1
            } else if !isSpace(byte) {
                return false
            }
        }
        return count >= 3
    }

    /// Longest link text or target looked for, in bytes. Scanning no further keeps a line of
    /// unbalanced brackets linear instead of quadratic.
    static let linkScanLimit = 2048

    /// The end of a Markdown link or image target `(…)` that starts at `open`, or nil.
    private static func closingParen(in text: Bytes, from open: Int) -> Int? {
        guard open < text.endIndex, text[open] == openParen else { return nil }
        var depth = 0
        var index = open
        let limit = min(text.endIndex, open + linkScanLimit)
        while index < limit {
            switch text[index] {
            case openParen: depth += 1
            case closeParen:
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// If a link `[text](target)` starts at `index` (at its `[`), the index of its `]` and of
    /// the `)` that closes it.
    static func link(in text: Bytes, at index: Int) -> (closeBracket: Int, closeParen: Int)? {
        guard text[index] == openBracket else { return nil }
        var cursor = index + 1
        let limit = min(text.endIndex, index + linkScanLimit)
        while cursor < limit && text[cursor] != closeBracket {
            if text[cursor] == openBracket { return nil }
            cursor += 1
        }
        guard cursor < limit, let paren = closingParen(in: text, from: cursor + 1) else {
            return nil
        }
        return (cursor, paren)
    }

    /// True when the line holds nothing but Markdown images (and spaces).
    static func isImageOnly(_ line: Bytes) -> Bool {
        var text = trimmed(line)
        guard !text.isEmpty else { return false }
        while let first = text.first {
            guard first == bang, text.count > 1, let found = link(in: text, at: text.startIndex + 1)
            else { return false }
            text = trimmed(text[(found.closeParen + 1)...])
        }
        return true
    }

    /// True when the line is a list item (or a bare line) holding only links: a "further
    /// reading" list, which is not speech.
    static func isLinkListItem(_ line: Bytes) -> Bool {
        var text = trimmed(line)
        // List marker: -, *, + or digits followed by . or ).
        if let first = text.first {
            if first == hyphen || first == star || first == UInt8(ascii: "+") {
                text = trimmed(text.dropFirst())
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) {
                var index = text.startIndex
                while index < text.endIndex && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[index]) {
                    index += 1
                }
                if index < text.endIndex && (text[index] == UInt8(ascii: ".") || text[index] == closeParen) {
                    text = trimmed(text[(index + 1)...])
                }
            }
        }
        var links = 0
        while let first = text.first {
            guard first == openBracket, let found = link(in: text, at: text.startIndex) else {
                return false
            }
            links += 1
            text = trimmed(text[(found.closeParen + 1)...])
            // Separators between several links on one line.
            while let separator = text.first, separator == UInt8(ascii: "|") || separator == UInt8(ascii: ",") {
                text = trimmed(text.dropFirst())
            }
        }
        return links > 0
    }

    /// True for a whole line set in emphasis (`_…_` or `*…*`) that holds a URL: a citation or
    /// reference footer, not speech.
    static func isEmphasizedCitation(_ line: Bytes) -> Bool {
        let text = trimmed(line)
        guard text.count >= 2, let first = text.first, let last = text.last,
            first == last, first == underscore || first == star
        else { return false }
        return containsURL(text)
    }

    static func containsURL(_ text: Bytes) -> Bool {
        var index = text.startIndex
        while index + 3 <= text.endIndex {
            if text[index] == UInt8(ascii: ":") && text[index + 1] == UInt8(ascii: "/")
                && text[index + 2] == UInt8(ascii: "/")
            {
                return true
            }
            index += 1
        }
        return false
    }

    /// True when the whole line is one bold span (`**…**`), such as a publication's banner.
    static func isBoldOnly(_ line: Bytes) -> Bool {
        let text = trimmed(line)
        return text.count > 4 && text.starts(with: [star, star]) && text.reversed().starts(with: [star, star])
    }

    /// If a URL (`scheme://…` or `www.…`) starts at `index`, the index just past it.
    @inline(__always)
    private static func urlEnd(in text: Bytes, at index: Int) -> Int? {
        let byte = text[index]
        guard byte == UInt8(ascii: "h") || byte == UInt8(ascii: "H") || byte == UInt8(ascii: "w")
            || byte == UInt8(ascii: "W")
        else { return nil }
        if index > text.startIndex {
            let previous = text[index - 1]
            if previous < 0x80 && (isASCIIAlphanumeric(previous) || previous == UInt8(ascii: "/")) {
                return nil
            }
        }
        var cursor = index
        let startsWithScheme: Bool = {
            if hasPrefix(text, at: index, "https://") {
                cursor = index + 8
                return true
            }
            if hasPrefix(text, at: index, "http://") {
                cursor = index + 7
                return true
            }
            return false
        }()
        if !startsWithScheme {
            guard hasPrefix(text, at: index, "www.") else { return nil }
            cursor = index + 4
        }
        while cursor < text.endIndex {
            let byte = text[cursor]
            if byte <= 0x20 || byte >= 0x80 || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || byte == closeParen || byte == closeBracket
            {
                break
            }
            cursor += 1
        }
        // Sentence punctuation right after a URL belongs to the sentence.
        while cursor > index,
            let last = Optional(text[cursor - 1]),
            last == UInt8(ascii: ".") || last == UInt8(ascii: ",") || last == UInt8(ascii: ";")
        {
            cursor -= 1
        }
        return cursor
    }

    @inline(__always)
    @inlinable package static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    private static func hasPrefix(_ text: Bytes, at index: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard text.endIndex - index >= count else { return false }
        let pointer = prefix.utf8Start
        for offset in 0..<count where text[index + offset] | 0x20 != pointer[offset] | 0x20 {
            return false
        }
        return true
    }

    /// If an HTML tag (`<b>`, `</span>`, `<br/>`, `<!-- … -->`) starts at `index`, the index
    /// just past it.
    private static func htmlTagEnd(in text: Bytes, at index: Int) -> Int? {
        guard index + 2 < text.endIndex else { return nil }
        let next = text[index + 1]
        let isTagStart: Bool
        if next == UInt8(ascii: "/") || next == bang {
            let third = text[index + 2]
            isTagStart = third == hyphen || isASCIIAlphanumeric(third) && third > UInt8(ascii: "9")
        } else {
            isTagStart = isASCIIAlphanumeric(next) && next > UInt8(ascii: "9")
        }
        guard isTagStart else { return nil }
        var cursor = index + 1
        let limit = min(text.endIndex, index + linkScanLimit)
        while cursor < limit {
            if text[cursor] == greaterThan { return cursor + 1 }
            if text[cursor] == lessThan { return nil }
            cursor += 1
        }
        return nil
    }

    private static let entities: [(name: [UInt8], value: UInt8)] = [
        (Array("&amp;".utf8), UInt8(ascii: "&")), (Array("&lt;".utf8), UInt8(ascii: "<")),
        (Array("&gt;".utf8), UInt8(ascii: ">")), (Array("&quot;".utf8), UInt8(ascii: "\"")),
        (Array("&#39;".utf8), UInt8(ascii: "'")), (Array("&nbsp;".utf8), UInt8(ascii: " ")),
    ]

    /// Bytes at which `appendCleanText` may have to act; all others are copied as they are.
    @inline(__always)
    private static func isMarkupTrigger(_ byte: UInt8) -> Bool {
        switch byte {
        case bang, openBracket, closeBracket, star, underscore, lessThan, backslash, ampersand,
            space, tab, UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "w"), UInt8(ascii: "W"):
            return true
        default:
            return false
        }
    }

    /// Whether a trigger byte inside a plain run would be copied as it is anyway, so the run
    /// goes on: a space after anything but a space (only a second space is dropped), and a
    /// letter that could start a URL after a letter, digit or `/` (where `urlEnd` finds none).
    @inline(__always)
    private static func continuesRun(_ byte: UInt8, after previous: UInt8) -> Bool {
        switch byte {
        case space: previous != space
        case UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "w"), UInt8(ascii: "W"):
            previous < 0x80 && (isASCIIAlphanumeric(previous) || previous == UInt8(ascii: "/"))
        default: false
        }
    }

    /// The end of the run of bytes from `start` on that `isMarkupTrigger` lets through
    /// (`start` follows a byte of the run, so each byte has one before it). Markup
    /// is ASCII, so sixteen bytes that are all non-ASCII (Chinese text) are skipped at once.
    private static func plainRunEnd(in text: Bytes, from start: Int) -> Int {
        text.withUnsafeBufferPointer { buffer in
            let raw = UnsafeRawBufferPointer(buffer)
            var index = start - text.startIndex
            let allHigh: UInt64 = 0x8080_8080_8080_8080
            while index < buffer.count {
                if index + 16 <= buffer.count
                    && raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self) & allHigh == allHigh
                {
                    index += 16
                } else if isMarkupTrigger(buffer[index]) && !continuesRun(buffer[index], after: buffer[index - 1]) {
                    break
                } else {
                    index += 1
                }
            }
            return text.startIndex + index
        }
    }

    /// Appends the line's text with Markdown and HTML markup removed: images and bare URLs
    /// dropped, links reduced to their text, emphasis markers and tags removed, the common
    /// character entities decoded. Leading and trailing spaces are not copied.
    package static func appendCleanText(of line: Bytes, to output: inout [UInt8]) {
        var runs = SourceRuns()
        appendCleanText(of: line, to: &output, runs: &runs)
    }

    /// Like `appendCleanText(of:to:)`, recording in `runs` which source byte each stretch of
    /// output comes from.
    static func appendCleanText(of line: Bytes, to output: inout [UInt8], runs: inout SourceRuns) {
        let text = trimmed(line)
        let outputStart = output.count
        let firstRun = runs.entries.count
        var index = text.startIndex
        var pendingLinkClose: (closeBracket: Int, closeParen: Int)? = nil
        var emphasis: Set<Int>? = nil  // the line's emphasis stars, found at its first star
        var underscores: Set<Int>? = nil  // and its emphasis underscores
        while index < text.endIndex {
            if let pending = pendingLinkClose, index == pending.closeBracket {
                index = pending.closeParen + 1
                pendingLinkClose = nil
                continue
            }
            let byte = text[index]
            if !isMarkupTrigger(byte) {
                // Most bytes are plain text: copy the whole run at once.
                let runEnd = plainRunEnd(in: text, from: index + 1)
                runs.copied(output: output.count, source: index, count: runEnd - index)
                output.append(contentsOf: text[index..<runEnd])
                index = runEnd
                continue
            }
            switch byte {
            case bang where index + 1 < text.endIndex && text[index + 1] == openBracket:
                if let image = link(in: text, at: index + 1) {
                    index = image.closeParen + 1
                    continue
                }
            case openBracket where pendingLinkClose == nil:
                if let found = link(in: text, at: index) {
                    pendingLinkClose = found
                    index += 1
                    continue
                }
            case star:
                if emphasis == nil { emphasis = emphasisMarks(in: text) }
                if emphasis!.contains(index) {
                    index += 1
                    continue
                }
            case underscore:
                if underscores == nil { underscores = emphasisMarks(in: text, delimiter: underscore) }
                if underscores!.contains(index) {
                    index += 1
                    continue
                }
            case lessThan:
                if let end = htmlTagEnd(in: text, at: index) {
                    index = end
                    continue
                }
            case backslash where index + 1 < text.endIndex:
                let next = text[index + 1]
                if next < 0x80 && !isASCIIAlphanumeric(next) && !isSpace(next) {
                    runs.replaced(output: output.count, source: index)
                    output.append(next)
                    index += 2
                    continue
                }
            case ampersand:
                if let entity = entities.first(where: { text[index...].starts(with: $0.name) }) {
                    runs.replaced(output: output.count, source: index)
                    output.append(entity.value)
                    index += entity.name.count
                    continue
                }
            case UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "w"), UInt8(ascii: "W"):
                if let end = urlEnd(in: text, at: index) {
                    index = end
                    continue
                }
            case space, tab:
                // Removed markup and URLs must not leave double spaces behind.
                if output.count > outputStart && output[output.count - 1] == space {
                    index += 1
                    continue
                }
                runs.copied(output: output.count, source: index, count: 1)
                output.append(space)
                index += 1
                continue
            default:
                break
            }
            runs.copied(output: output.count, source: index, count: 1)
            output.append(byte)
            index += 1
        }
        // Removing markup can leave spaces at either end ("** 文本 **").
        var start = outputStart
        while start < output.count && isSpace(output[start]) { start += 1 }
        if start > outputStart {
            output.removeSubrange(outputStart..<start)
            runs.removedLeadingOutput(start - outputStart, at: outputStart, fromEntry: firstRun)
        }
        while output.count > outputStart, let last = output.last, isSpace(last) { output.removeLast() }
    }

    /// The offsets of the stars in `text` that mark emphasis, to be removed; other stars are
    /// text (`A* search`, `2*3=6`). A run of stars opens emphasis when text follows it and no
    /// ASCII letter or digit comes before it, and closes it when text comes before it and no
    /// ASCII letter or digit follows; an opening run is closed by the next closing run of the
    /// same length (after CommonMark's delimiter runs, without intraword emphasis). A star and
    /// a space opening the line are a list bullet; runs of two stars or more are always markup.
    /// With `delimiter` an underscore, only runs that pair are markup: `_强调_` and `__init__`
    /// lose them, `m(_ _)m` and `snake_case` keep them.
    static func emphasisMarks(in text: Bytes, delimiter: UInt8 = star) -> Set<Int> {
        var marks = Set<Int>()
        var openers: [(start: Int, length: Int)] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index] == delimiter else {
                index += 1
                continue
            }
            var end = index
            while end < text.endIndex && text[end] == delimiter { end += 1 }
            let before = index > text.startIndex ? text[index - 1] : space
            let after = end < text.endIndex ? text[end] : space
            if delimiter == star, end - index >= 2 || (index == text.startIndex && isSpace(after)) || (end == text.endIndex && !isSpace(before) && !isASCIIAlphanumeric(before)) {
                // Two stars or more are bold whatever stands around them (a label's parser may
                // have taken the opening pair: `**Q：问题？**`), and so is a star ending the
                // line after text that is no Latin word (`*Q：问题？*`), with the run that
                // opened it (`*（笑）*` kept its first star).
                marks.formUnion(index..<end)
                if let opener = openers.lastIndex(where: { $0.length == end - index }) {
                    marks.formUnion(openers[opener].start..<(openers[opener].start + openers[opener].length))
                    openers.removeSubrange(opener...)
                }
            } else if !isSpace(before) && !isASCIIAlphanumeric(after), let opener = openers.lastIndex(where: { $0.length == end - index }) {
                marks.formUnion(openers[opener].start..<(openers[opener].start + openers[opener].length))
                marks.formUnion(index..<end)
                openers.removeSubrange(opener...)
            } else if !isSpace(after) && !isASCIIAlphanumeric(before) {
                openers.append((index, end - index))
            }
            index = end
        }
        return marks
    }

    /// Whether text starts with a time, `08:01` or `1:02:03`, and a space: the start of a
    /// table-of-contents or timestamped line.
    static func startsWithTime(_ text: ArraySlice<UInt8>) -> Bool {
        guard let first = text.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return false }
        var index = text.startIndex
        var colons = 0
        var digits = 0
        while index < text.endIndex {
            let byte = text[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
            } else if byte == UInt8(ascii: ":") {
                colons += 1
            } else {
                break
            }
            index += 1
        }
        return colons >= 1 && digits >= 3 && index < text.endIndex && text[index] == space && text[index - 1] != UInt8(ascii: ":")
    }

    /// The narrowest line taken for a hard wrap, in terminal columns (a CJK character takes
    /// two): wider than a subtitle line (at most 42 by broadcasters' rules), narrower than the
    /// 60 to 80 columns plain text is wrapped to.
    package static let hardWrapColumns = 48

    /// Whether `line` is wide enough to have been cut where a wrap's width ran out
    /// (`hardWrapColumns` or more).
    package static func fillsWrapWidth(_ line: ArraySlice<UInt8>) -> Bool {
        // A line is never wider than its bytes (a CJK character's three bytes take two columns).
        if line.count < hardWrapColumns { return false }
        return TerminalText.displayWidth(String(decoding: line, as: UTF8.self)) >= hardWrapColumns
    }

    /// Whether a line opens an entry of a list of terms: a Latin term of two to twelve letters,
    /// digits or hyphens and a colon (`AAP：美国儿科学会（…）`, `THI: 温湿指数`).
    package static func startsWithTermLabel(_ line: ArraySlice<UInt8>) -> Bool {
        var index = line.startIndex
        guard index < line.endIndex, (0x41...0x5A).contains(line[index] & 0xDF) else { return false }
        while index < line.endIndex && index - line.startIndex < 12 && (isASCIIAlphanumeric(line[index]) || line[index] == hyphen) { index += 1 }
        guard index - line.startIndex >= 2, index < line.endIndex else { return false }
        return line[index] == UInt8(ascii: ":") || line[index...].starts(with: [0xEF, 0xBC, 0x9A])  // ： U+FF1A
    }

    /// Whether a line quotes another post, as forums write it: `引述《阿明》：…`, `※ 引述《ming
    /// (阿明)》之銘言：` (PTT), `引用 #3 阿明：…`, or a quoted line under such a header that
    /// opens with `: `. Its line break is kept: a quotation and the reply after it are no
    /// sentence wrapped.
    static func isForumQuotation(_ line: ArraySlice<UInt8>) -> Bool {
        var text = trimmed(line)
        if text.starts(with: [0x3A, space]) { return true }
        if text.starts(with: Array("※".utf8)) { text = trimmed(text.dropFirst(3)) }
        guard let marker = quotationMarkers.first(where: { text.starts(with: $0) }) else { return false }
        let rest = trimmed(text.dropFirst(marker.count)).prefix(96)
        // The quoted post's author, in 《》 or after a floor number, then a colon.
        let named = rest.starts(with: Array("《".utf8)) || rest.first == UInt8(ascii: "#")
        return named && (rest.firstRange(of: Array("：".utf8)) != nil || rest.firstRange(of: [0x3A]) != nil)
    }

    private static let quotationMarkers: [[UInt8]] = ["引述", "引用", "轉述", "转述"].map { Array($0.utf8) }

    /// Whether a paragraph is an aside wholly in one pair of brackets, and a sentence, not a
    /// sound (`（本文根据录音整理，经受访者审阅。）`, `[编者注：下文的 RSP 指负责任扩展策略]`): an
    /// editor's words between or after the turns, not the speaker's.
    /// `SubtitleParser.isSoundDescription` tells the short sounds (`（笑）`).
    static func isBracketedAside(_ line: ArraySlice<UInt8>) -> Bool {
        let text = trimmed(line)
        guard let first = ScriptClass.firstScalar(text), let last = ScriptClass.lastScalar(text),
            let close = asideBrackets[first], close == last
        else { return false }
        // The first closing bracket ends the line: `（笑）我觉得……（停顿）` is speech.
        let closing = Array(String(UnicodeScalar(close)!).utf8)
        guard let firstClose = text.firstRange(of: closing), firstClose.upperBound == text.endIndex else { return false }
        return !SubtitleParser.isSoundDescription(text)
    }

    private static let asideBrackets: [UInt32: UInt32] = [0xFF08: 0xFF09, 0x28: 0x29, 0x3010: 0x3011, 0x5B: 0x5D]

    /// Whether `previous` is a numbered heading (`二、空间语法`, `（三）习得`, `3. 结论`) over the
    /// text that follows, not a line a wrap cut: too short for one (`fillsWrapWidth`), no comma
    /// or colon at its end to carry a sentence on.
    static func endsShortLine(_ previous: ArraySlice<UInt8>, before next: ArraySlice<UInt8>) -> Bool {
        let line = trimmed(previous)
        // Most lines are told by their first character: a digit, a bracket or a CJK numeral.
        guard let first = ScriptClass.firstScalar(line), Self.headingOpeners.contains(first) || (0x30...0x39).contains(first),
            !next.isEmpty, !fillsWrapWidth(line), let last = ScriptClass.lastScalar(line)
        else { return false }
        // ， 、 ； ： , ; : and dashes carry a sentence on to the next line.
        guard ![0xFF0C, 0x3001, 0xFF1B, 0xFF1A, 0x2C, 0x3B, 0x3A, 0x2014, 0x2013].contains(last) else { return false }
        let text = String(decoding: line, as: UTF8.self)
        let numerals = "一二三四五六七八九十"
        var rest = Substring(text)
        if rest.hasPrefix("（") || rest.hasPrefix("(") { rest = rest.dropFirst() }
        let number = rest.prefix { numerals.contains($0) || $0.isASCII && $0.isNumber }
        guard !number.isEmpty, number.count <= 3 else { return false }
        let after = rest.dropFirst(number.count)
        return after.hasPrefix("、") || after.hasPrefix("）") || after.hasPrefix(")") || after.hasPrefix(". ") || after.hasPrefix("．")
    }

    /// The characters a numbered heading opens with besides digits: brackets and 一 to 十.
    private static let headingOpeners = Set("(（一二三四五六七八九十".unicodeScalars.map(\.value))

    /// Whether two lines are a sentence and its translation rather than one text wrapped: one
    /// holds no CJK character and at least three words, the other starts with one (`The scan
    /// takes three minutes` / `口扫大概三分钟`, in either order); or the other holds CJK and
    /// ends a Chinese sentence before the English one (`RoR 要平稳往下走。` / `The RoR should…`).
    static func isTranslationPair(_ previous: ArraySlice<UInt8>, _ next: ArraySlice<UInt8>) -> Bool {
        // Lead bytes E3–E9 start the CJK blocks (U+3000–U+9FFF), so a byte scan tells a line
        // with none.
        func isEnglishSentence(_ bytes: ArraySlice<UInt8>) -> Bool {
            !bytes.contains { (0xE3...0xE9).contains($0) } && bytes.split(separator: space).lazy.filter { $0.contains { (0x61...0x7A).contains($0 | 0x20) } }.count >= 3
        }
        func startsCJK(_ bytes: ArraySlice<UInt8>) -> Bool { bytes.first.map { (0xE3...0xE9).contains($0) } == true && ScriptClass.firstScalar(bytes).map(ScriptClass.isCJK) == true }
        func endsChineseSentence(_ bytes: ArraySlice<UInt8>) -> Bool {
            ScriptClass.lastScalar(bytes).map { [0x3002, 0xFF01, 0xFF1F].contains($0) } == true
        }
        return (startsCJK(next) && isEnglishSentence(previous)) || ((startsCJK(previous) || endsChineseSentence(previous)) && isEnglishSentence(next))
    }

    /// Whether a line is an entry of a Markdown list: a bullet (`-`, `*`, `+`, `•`) or a number
    /// and a dot (`3. `) before a space.
    package static func isListItem(_ line: ArraySlice<UInt8>) -> Bool { listItemIndent(line) != nil }

    /// The indentation, in bytes, of a Markdown list entry's marker (`isListItem`), or nil for a
    /// line that is no entry: nested entries are indented more (`   - 王经理：` under `2. 议程`).
    package static func listItemIndent(_ line: ArraySlice<UInt8>) -> Int? {
        let text = trimmed(line)
        guard let first = text.first else { return nil }
        let indent = text.startIndex - line.startIndex
        if [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(first) { return text.dropFirst().first == space ? indent : nil }
        if text.starts(with: [0xE2, 0x80, 0xA2]) { return indent }  // •
        let digits = text.prefix { (0x30...0x39).contains($0) }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let rest = text.dropFirst(digits.count)
        return rest.first == UInt8(ascii: ".") && rest.dropFirst().first == space ? indent : nil
    }

    /// Whether a line is a row of a Markdown (GitHub) table: it starts and ends with `|` and
    /// has three at least.
    package static func isTableRow(_ line: ArraySlice<UInt8>) -> Bool {
        let trimmed = trimmed(line)
        return trimmed.first == UInt8(ascii: "|") && trimmed.last == UInt8(ascii: "|") && trimmed.filter { $0 == UInt8(ascii: "|") }.count >= 3
    }

    /// Whether a space joins a hard-wrapped line, `text[lineStart...]`, to the paragraph
    /// before it, `text[paragraphStart..<lineStart]`: none after a hyphen or where either side
    /// is CJK, one between Latin-like text.
    static func needsJoiningSpace(_ text: [UInt8], paragraphStart: Int, lineStart: Int) -> Bool {
        guard paragraphStart < lineStart, lineStart < text.count else { return false }
        let endsWithJoiningHyphen =
            text[lineStart - 1] == hyphen && lineStart - paragraphStart >= 2 && !isSpace(text[lineStart - 2])
        guard !endsWithJoiningHyphen,
            let before = ScriptClass.lastScalar(text[paragraphStart..<lineStart]),
            let after = ScriptClass.firstScalar(text[lineStart...])
        else { return false }
        return ScriptClass.isLatinLike(before) && ScriptClass.isLatinLike(after)
    }
}
