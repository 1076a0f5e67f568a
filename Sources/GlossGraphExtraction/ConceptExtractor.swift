import GlossGraphGlossary
import GlossGraphReading
import GlossGraphText

/// The concepts found in one unit.
public struct UnitExtraction: Sendable {
    public var unit: TranscriptUnit
    /// Every mention in text order.
    public var matches: [TermMatch]

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
    public let matcher: TermMatcher

    public init(glossary: Glossary) {
        self.glossary = glossary
        matcher = TermMatcher(glossary: glossary)
    }

    /// The concepts mentioned in `unit`.
    public func extract(_ unit: consuming TranscriptUnit, scratch: inout TermMatcher.Scratch) -> UnitExtraction {
        var matches: [TermMatch] = []
        unit.utf8.withUnsafeBufferPointer { matcher.matches(in: $0, into: &matches, scratch: &scratch) }
        return UnitExtraction(unit: unit, matches: matches)
    }

    public func extract(_ unit: TranscriptUnit) -> UnitExtraction {
        var scratch = TermMatcher.Scratch()
        return extract(unit, scratch: &scratch)
    }
}
