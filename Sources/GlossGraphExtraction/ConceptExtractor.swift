import Dispatch
import Synchronization
import GlossGraphGlossary
import GlossGraphReading
import GlossGraphText

/// The concepts found in one unit.
public struct UnitExtraction: Sendable {
    public var unit: TranscriptUnit
    /// Every mention in text order.
    public var matches: [TermMatch]

    /// `matches` as counting takes them: a concept's names side by side in one gloss are one
    /// mention (see `ConceptExtractor.mentions`).
    public var countedMatches: [TermMatch] {
        var counted = matches
        unit.utf8.withUnsafeBufferPointer { ConceptExtractor.droppingGlossedRepeats(&counted, from: 0, in: $0) }
        return counted
    }

    /// Concept indices in order of first mention, each once.
    public var conceptsInOrder: [Int] {
        var seen = Set<Int>()
        return matches.compactMap { seen.insert($0.concept).inserted ? $0.concept : nil }
    }

    /// The mentions of each concept, concepts in order of first mention.
    public var mentionsByConcept: [(concept: Int, mentions: [TermMatch])] {
        var order: [Int] = []
        var groups: [Int: [TermMatch]] = [:]
        for match in matches {
            if groups[match.concept] == nil { order.append(match.concept) }
            groups[match.concept, default: []].append(match)
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// The text of a mention as written, with its source line and column.
    public func describe(_ match: TermMatch) -> (text: String, line: Int, column: Int) {
        let position = unit.sourcePosition(ofTextOffset: match.range.lowerBound)
        let text = String(decoding: unit.utf8[match.range], as: UTF8.self)
        return (text, position.line, position.column)
    }
}

/// Finds glossary concepts in transcript units: the second stage of the pipeline.
public final class ConceptExtractor: Sendable {
    public let glossary: Glossary
    /// The matcher of the names and their Simplified forms (`TermMatcher.forGlossary`).
    public let matcher: TermMatcher
    /// With the Traditional and regional forms too: made when a unit first holds a character
    /// only Traditional Chinese writes, and used from then on.
    private let fullMatcher: LazyBox<TermMatcher>
    private let usesFull = Atomic<Bool>(false)

    /// `expectingTraditional`: the text is expected to hold Traditional characters (see
    /// `TranscriptReader.beginsInTraditional`), so the Traditional forms of the names are made
    /// at once, on other threads, rather than when the first such unit comes.
    public init(glossary: Glossary, expectingTraditional: Bool = false) {
        self.glossary = glossary
        let (base, full) = TermMatcher.forGlossary(glossary, expectingTraditional: expectingTraditional)
        matcher = base
        fullMatcher = LazyBox(full)
        if expectingTraditional {
            DispatchQueue.global(qos: .userInitiated).async { [fullMatcher] in _ = fullMatcher.value }
        }
    }

    /// The pattern a match names, whichever matcher found it (their patterns agree).
    public func pattern(_ index: Int) -> TermMatcher.Pattern {
        index < matcher.patterns.count ? matcher.patterns[index] : fullMatcher.value.patterns[index]
    }

    /// Appends the matches in `text` to `matches`. Once a text has held a Traditional-only
    /// character, every text is matched with the Traditional forms too; the base matcher finds
    /// the same as they would in a text without one, so the order texts come in (on any thread)
    /// changes nothing.
    public func match(_ text: UnsafeBufferPointer<UInt8>, into matches: inout [TermMatch], scratch: inout TermMatcher.Scratch) {
        if usesFull.load(ordering: .relaxed) {
            fullMatcher.value.matches(in: text, into: &matches, scratch: &scratch)
            return
        }
        let start = matches.count
        matcher.matches(in: text, into: &matches, scratch: &scratch)
        guard scratch.metTraditional else { return }
        usesFull.store(true, ordering: .relaxed)
        matches.removeSubrange(start...)
        fullMatcher.value.matches(in: text, into: &matches, scratch: &scratch)
    }

    /// The concepts mentioned in `unit`.
    public func extract(_ unit: consuming TranscriptUnit, scratch: inout TermMatcher.Scratch) -> UnitExtraction {
        var matches: [TermMatch] = []
        unit.utf8.withUnsafeBufferPointer { match($0, into: &matches, scratch: &scratch) }
        return UnitExtraction(unit: unit, matches: matches)
    }

    public func extract(_ unit: TranscriptUnit) -> UnitExtraction {
        var scratch = TermMatcher.Scratch()
        return extract(unit, scratch: &scratch)
    }
}
