import GlossGraphReading
import GlossGraphText

/// What counts as one unit for finding concepts together.
public enum CooccurrenceUnit: String, Sendable, CaseIterable {
    /// A speaker's whole turn (the default). A Markdown table, which the reader makes a unit of
    /// its own, is a unit per row, and a list of labelled entries (`- 熔池：melt pool`) a unit
    /// per entry: a table or list of terms lists them, it does not relate them.
    case turn
    /// A sentence: split after 。！？!?… (and `.` that does not sit between digits), with
    /// closing quotes and brackets kept on the sentence they close.
    case sentence
    /// A paragraph of a turn.
    case paragraph
}

/// Splits transcript units into sentences or paragraphs, keeping speaker and source positions.
public enum UnitSplitter {
    /// The units of `unit` at the given granularity; `.turn` gives the unit itself.
    /// `nextIndex` numbers the pieces within their file and is advanced.
    public static func split(_ unit: TranscriptUnit, into granularity: CooccurrenceUnit, nextIndex: inout Int) -> [TranscriptUnit] {
        let ranges: [Range<Int>]
        switch granularity {
        case .turn:
            guard let rows = tableRowRanges(unit.utf8) else {
                var whole = unit
                whole.index = nextIndex
                nextIndex += 1
                return [whole]
            }
            ranges = rows
        case .paragraph: ranges = paragraphRanges(unit.utf8)
        case .sentence: ranges = sentenceRanges(unit.utf8)
        }
        let bytes = unit.utf8
        return ranges.map { range in
            defer { nextIndex += 1 }
            return piece(of: unit, bytes: bytes, range: range, index: nextIndex)
        }
    }

    /// Calls `body` with each unit of `unit` at the given granularity, as `split` makes them;
    /// a turn is passed on without building an array for it.
    public static func forEachPiece(
        of unit: TranscriptUnit, as granularity: CooccurrenceUnit, nextIndex: inout Int, _ body: (consuming TranscriptUnit) throws -> Void
    ) rethrows {
        guard granularity == .turn, !Self.mayBeRows(unit.utf8[...]) else {
            for piece in split(unit, into: granularity, nextIndex: &nextIndex) { try body(piece) }
            return
        }
        var whole = unit
        whole.index = nextIndex
        nextIndex += 1
        try body(whole)
    }

    static func paragraphRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
            if let trimmed = trim(start..<index, in: bytes) { ranges.append(trimmed) }
            start = index + 1
        }
        return ranges
    }

    /// The rows of a unit that is a Markdown table (every line starts and ends with `|`), without
    /// its `|---|` delimiter row, or the entries of a list whose every entry is labelled
    /// (`isLabelledEntry`); nil for any other unit.
    static func tableRowRanges(_ bytes: [UInt8]) -> [Range<Int>]? {
        guard let first = bytes.first, first == UInt8(ascii: "|") || MarkdownLine.isListItem(bytes[...]) else { return nil }
        var rows: [Range<Int>] = []
        for range in paragraphRanges(bytes) {
            if first == UInt8(ascii: "|") {
                guard bytes[range.lowerBound] == UInt8(ascii: "|"), bytes[range.upperBound - 1] == UInt8(ascii: "|") else { return nil }
                let isDelimiter = bytes[range].allSatisfy { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || $0 == 0x20 }
                if !isDelimiter { rows.append(range) }
            } else {
                guard MarkdownLine.isListItem(bytes[range]), isLabelledEntry(bytes[range]) else { return nil }
                rows.append(range)
            }
        }
        return rows.count > 1 ? rows : nil
    }

    /// Whether a list entry is labelled: a colon within its first 20 characters, bullet
    /// included, where a bracketed gloss of the label (up to 80 characters) is not counted
    /// (`- 熔池：melt pool`, `1. 殺菁：fixing`,
    /// `- X射线衍射（X-ray diffraction，XRD）：…`). A colon inside brackets labels nothing.
    static func isLabelledEntry(_ line: ArraySlice<UInt8>) -> Bool {
        var (outside, inside, depth) = (0, 0, 0)
        for scalar in String(decoding: line, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "（", "(":
                depth += 1
            case "）", ")":
                depth = max(0, depth - 1)
            case "：", ":":
                if depth == 0 { return true }
                inside += 1
            default:
                if depth > 0 { inside += 1 } else { outside += 1 }
            }
            if outside >= 20 || inside > 80 { return false }
        }
        return false
    }

    /// Whether a unit's text may be a table or a list (`tableRowRanges`), told by its first
    /// bytes: a bar, a bullet and a space, `•`, or a number, a dot and a space.
    static func mayBeRows(_ bytes: some Collection<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if first == UInt8(ascii: "|") || bytes.starts(with: [0xE2, 0x80, 0xA2]) { return true }
        if [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(first) { return bytes.dropFirst().first == 0x20 }
        let rest = bytes.drop { (0x30...0x39).contains($0) }
        return rest.count < bytes.count && rest.starts(with: [UInt8(ascii: "."), 0x20])
    }

    static func sentenceRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var index = 0
        func close(at end: Int) {
            if let trimmed = trim(start..<end, in: bytes) { ranges.append(trimmed) }
            start = end
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                close(at: index)
                start = index + 1
                index += 1
                continue
            }
            var terminatorEnd: Int?
            switch byte {
            case UInt8(ascii: "!"), UInt8(ascii: "?"):
                terminatorEnd = index + 1
            case UInt8(ascii: "."):
                let nextIsDigit = index + 1 < bytes.count && (0x30...0x39).contains(bytes[index + 1])
                let previousIsDigit = index > 0 && (0x30...0x39).contains(bytes[index - 1])
                let nextIsSpaceOrEnd = index + 1 == bytes.count || bytes[index + 1] == 0x20 || bytes[index + 1] == 0x0A
                if !(nextIsDigit && previousIsDigit) && (nextIsSpaceOrEnd || bytes[index + 1] >= 0xE0) {
                    terminatorEnd = index + 1
                }
            case 0xE2, 0xE3, 0xEF:
                if let scalar = ScriptClass.firstScalar(bytes[index...]), isTerminator(scalar) {
                    terminatorEnd = index + 3
                }
            default:
                break
            }
            guard var end = terminatorEnd else {
                index += 1
                continue
            }
            // Runs of terminators and closing quotes or brackets stay with the sentence.
            while end < bytes.count, let scalar = ScriptClass.firstScalar(bytes[end...]),
                isTerminator(scalar) || isCloser(scalar) || scalar == 0x21 || scalar == 0x3F
            {
                end += scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : 3
            }
            close(at: end)
            index = end
        }
        close(at: bytes.count)
        return ranges
    }

    private static func isTerminator(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x3002, 0xFF01, 0xFF1F, 0x2026, 0xFF0E, 0xFF61: true
        default: false
        }
    }

    private static func isCloser(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x29, 0x22, 0x27, 0x300B, 0x3009, 0x3011: true
        default: false
        }
    }

    private static func trim(_ range: Range<Int>, in bytes: [UInt8]) -> Range<Int>? {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && (bytes[lower] == 0x20 || bytes[lower] == 0x0A) { lower += 1 }
        while upper > lower && (bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x0A) { upper -= 1 }
        return lower < upper ? lower..<upper : nil
    }

    private static func piece(of unit: TranscriptUnit, bytes: [UInt8], range: Range<Int>, index: Int) -> TranscriptUnit {
        let first = unit.sourcePosition(ofTextOffset: range.lowerBound)
        let last = unit.sourcePosition(ofTextOffset: range.upperBound - 1)
        var segments = [SourceSegment(textOffset: 0, line: first.line, column: first.column)]
        for segment in unit.segments where segment.textOffset > range.lowerBound && segment.textOffset < range.upperBound {
            segments.append(SourceSegment(textOffset: segment.textOffset - range.lowerBound, line: segment.line, column: segment.column))
        }
        var piece = TranscriptUnit(
            file: unit.file, index: index, kind: unit.kind, speaker: unit.speaker,
            utf8: Array(bytes[range]), lineStart: first.line, lineEnd: last.line,
            segments: segments)
        piece.parentIndex = unit.index
        return piece
    }
}
