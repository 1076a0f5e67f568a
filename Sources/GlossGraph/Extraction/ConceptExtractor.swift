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
    public func extract(_ unit: TranscriptUnit, scratch: inout TermMatcher.Scratch) -> UnitExtraction {
        var matches: [TermMatch] = []
        unit.utf8.withUnsafeBufferPointer { matcher.matches(in: $0, into: &matches, scratch: &scratch) }
        return UnitExtraction(unit: unit, matches: matches)
    }

    public func extract(_ unit: TranscriptUnit) -> UnitExtraction {
        var scratch = TermMatcher.Scratch()
        return extract(unit, scratch: &scratch)
    }
}

/// How often a concept occurs: in how many units, how many times, and by whom.
public struct ConceptFrequency: Sendable, Equatable {
    public var units = 0
    public var mentions = 0
    /// Units and mentions per speaker (units without a speaker are not counted here).
    public var bySpeaker: [String: (units: Int, mentions: Int)] = [:]

    public static func == (lhs: ConceptFrequency, rhs: ConceptFrequency) -> Bool {
        lhs.units == rhs.units && lhs.mentions == rhs.mentions
            && lhs.bySpeaker.mapValues { [$0.units, $0.mentions] } == rhs.bySpeaker.mapValues { [$0.units, $0.mentions] }
    }
}

/// Per-concept counts over a corpus, built unit by unit.
public struct CorpusFrequencies: Sendable {
    /// Indexed by concept index; concepts never found have zero counts.
    public private(set) var concepts: [ConceptFrequency]
    public private(set) var unitCount = 0

    public init(conceptCount: Int) {
        concepts = Array(repeating: ConceptFrequency(), count: conceptCount)
    }

    /// Concepts seen in the current unit, reused from unit to unit.
    private var unitCounts: [Int: Int] = [:]

    public mutating func add(_ extraction: UnitExtraction) {
        unitCount += 1
        guard !extraction.matches.isEmpty else { return }
        unitCounts.removeAll(keepingCapacity: true)
        for match in extraction.matches { unitCounts[match.concept, default: 0] += 1 }
        for (concept, mentions) in unitCounts {
            concepts[concept].units += 1
            concepts[concept].mentions += mentions
            if let speaker = extraction.unit.speaker {
                let previous = concepts[concept].bySpeaker[speaker] ?? (0, 0)
                concepts[concept].bySpeaker[speaker] = (previous.units + 1, previous.mentions + mentions)
            }
        }
    }

    /// Concept indices that occur, most units first (then most mentions, then glossary order).
    public func ranked() -> [Int] {
        concepts.indices.filter { concepts[$0].units > 0 }.sorted {
            let a = concepts[$0], b = concepts[$1]
            return a.units != b.units ? a.units > b.units : a.mentions != b.mentions ? a.mentions > b.mentions : $0 < $1
        }
    }
}
