import GlossGraphReading
import GlossGraphText

/// What extraction hands counting for each unit: its mentions in text order, its speaker (nil
/// for units without one, such as windows of several turns), the unit's reference, and a
/// function giving the 1-based source line and column (Unicode scalars) of a UTF-8 byte offset
/// in the unit's text. The arguments are valid during the call only.
public typealias UnitMentionsBody = (
    _ matches: [TermMatch], _ speaker: String?, _ reference: UnitReference, _ position: (Int) -> (line: Int, column: Int)
) -> Void

extension ConceptExtractor {
    /// The matches in `text` (UTF-8) as counting takes them: a concept's names set side by
    /// side in one gloss (`熔池（weld pool）`, `WPS（Welding Procedure Specification，焊接工艺规程）`,
    /// `RSP / 负责任扩展策略`), nothing but spaces, brackets, commas and slashes between them,
    /// are one mention, the first; each name's use is still a match for `match(_:into:scratch:)`.
    func mentions(_ text: UnsafeBufferPointer<UInt8>, into matches: inout [TermMatch], scratch: inout TermMatcher.Scratch) {
        let start = matches.count
        match(text, into: &matches, scratch: &scratch)
        Self.droppingGlossedRepeats(&matches, from: start, in: text)
    }

    /// Drops from `matches[start...]` (matches in `text`, in order) each that follows a match
    /// of its concept across nothing but `separatesGlossedNames`.
    static func droppingGlossedRepeats(_ matches: inout [TermMatch], from start: Int, in text: UnsafeBufferPointer<UInt8>) {
        guard matches.count - start >= 2 else { return }
        var kept = start + 1
        var previous = matches[start]
        for index in (start + 1)..<matches.count {
            let next = matches[index]
            defer { previous = next }
            if next.concept == previous.concept, previous.range.upperBound <= next.range.lowerBound,
                Self.separatesGlossedNames(text[previous.range.upperBound..<next.range.lowerBound])
            {
                continue
            }
            matches[kept] = next
            kept += 1
        }
        matches.removeSubrange(kept...)
    }

    /// Whether `gap` holds only what sets a gloss's names apart: spaces, brackets, commas and
    /// slashes, half- or full-width, at most 12 bytes, one bracket or comma at least.
    static func separatesGlossedNames(_ gap: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard !gap.isEmpty, gap.count <= 12 else { return false }
        var index = gap.startIndex
        var marks = 0
        while index < gap.endIndex {
            switch gap[index] {
            case 0x20: index += 1
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: "/"):
                marks += 1
                index += 1
            // （ ） ， ／ (EF BC 88, 89, 8C, 8F)
            case 0xEF where index + 2 < gap.endIndex && gap[index + 1] == 0xBC && [0x88, 0x89, 0x8C, 0x8F].contains(gap[index + 2]):
                marks += 1
                index += 3
            default: return false
            }
        }
        return marks > 0
    }

    /// Finds the concepts of each unit of `batch` (one part of a file, its turns cut into
    /// `unit`s) and hands them to `body`, unit by unit in text order; turns are read where
    /// they lie in the batch, without a `TranscriptUnit` each.
    package func forEachUnit(
        in batch: UnitBatch, as unit: CooccurrenceUnit, scratch: inout TermMatcher.Scratch, _ body: UnitMentionsBody
    ) {
        guard unit == .turn else { return forEachUnit(in: batch.units, as: unit, scratch: &scratch, body) }
        var matches: [TermMatch] = []
        batch.forEachText { entry, text in
            matches.removeAll(keepingCapacity: true)
            mentions(text, into: &matches, scratch: &scratch)
            let position = { batch.sourcePosition(of: entry, textOffset: $0) }
            // A table is a unit per row, a list of labelled entries a unit per entry, as `UnitSplitter` cuts them.
            if UnitSplitter.mayBeRows(text), let rows = UnitSplitter.tableRowRanges(Array(text)) {
                for row in rows {
                    body(
                        matches.filter { row.contains($0.range.lowerBound) }, entry.speaker,
                        UnitReference(file: batch.file, turn: entry.index, line: position(row.lowerBound).line), position)
                }
                return
            }
            body(matches, entry.speaker, UnitReference(file: batch.file, turn: entry.index, line: entry.lineStart), position)
        }
    }

    /// Finds the concepts of each unit of `turns` cut into `unit`s, numbered from 1 (a
    /// sentence's or paragraph's reference names its turn), and hands them to `body` in order.
    public func forEachUnit(
        in turns: [TranscriptUnit], as unit: CooccurrenceUnit, scratch: inout TermMatcher.Scratch, _ body: UnitMentionsBody
    ) {
        var nextIndex = 1
        var matches: [TermMatch] = []
        for turn in turns {
            UnitSplitter.forEachPiece(of: turn, as: unit, nextIndex: &nextIndex) { piece in
                matches.removeAll(keepingCapacity: true)
                piece.utf8.withUnsafeBufferPointer { mentions($0, into: &matches, scratch: &scratch) }
                body(
                    matches, piece.speaker, UnitReference(file: piece.file, turn: piece.parentIndex ?? piece.index, line: piece.lineStart),
                    piece.sourcePosition)
            }
        }
    }

    /// Groups `turns` into windows of `size` consecutive turns (the last may be shorter) and
    /// hands each window's concepts to `unit` as one unit without a speaker, referenced by its
    /// first turn; each turn's mentions go to `credit` with the turn's speaker, since the
    /// window has none.
    public func forEachWindow(
        of turns: [TranscriptUnit], size: Int, scratch: inout TermMatcher.Scratch, unit body: UnitMentionsBody,
        credit: (_ speaker: String, _ matches: [TermMatch]) -> Void
    ) {
        precondition(size >= 1, "a window holds at least one turn")
        var window: [(turn: TranscriptUnit, matches: [TermMatch])] = []
        func flush() {
            guard let first = window.first?.turn else { return }
            // The window's text is its turns' texts one after another: offsets are shifted
            // by the bytes of the turns before.
            var combined: [TermMatch] = []
            var starts: [Int] = []
            var start = 0
            for (turn, matches) in window {
                starts.append(start)
                combined += matches.map { TermMatch(range: ($0.range.lowerBound + start)..<($0.range.upperBound + start), concept: $0.concept, pattern: $0.pattern) }
                start += turn.utf8.count
            }
            body(combined, nil, UnitReference(file: first.file, turn: first.index, line: first.lineStart)) { offset in
                let index = starts.lastIndex { $0 <= offset } ?? 0
                return window[index].turn.sourcePosition(ofTextOffset: offset - starts[index])
            }
            window.removeAll(keepingCapacity: true)
        }
        for turn in turns {
            var matches: [TermMatch] = []
            turn.utf8.withUnsafeBufferPointer { mentions($0, into: &matches, scratch: &scratch) }
            if let speaker = turn.speaker { credit(speaker, matches) }
            window.append((turn, matches))
            if window.count == size { flush() }
        }
        flush()
    }
}
