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
            match(text, into: &matches, scratch: &scratch)
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
                piece.utf8.withUnsafeBufferPointer { match($0, into: &matches, scratch: &scratch) }
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
            turn.utf8.withUnsafeBufferPointer { match($0, into: &matches, scratch: &scratch) }
            if let speaker = turn.speaker { credit(speaker, matches) }
            window.append((turn, matches))
            if window.count == size { flush() }
        }
        flush()
    }
}
