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

/// How often a concept occurs: in how many units, how many times, and by whom.
public struct ConceptFrequency: Sendable, Equatable {
    public var units = 0
    public var mentions = 0
    /// Units and mentions per speaker (units without a speaker are not counted here).
    public var bySpeaker: [String: (units: Int, mentions: Int)] = [:]

    public init(units: Int = 0, mentions: Int = 0, bySpeaker: [String: (units: Int, mentions: Int)] = [:]) {
        self.units = units
        self.mentions = mentions
        self.bySpeaker = bySpeaker
    }

    public static func == (lhs: ConceptFrequency, rhs: ConceptFrequency) -> Bool {
        lhs.units == rhs.units && lhs.mentions == rhs.mentions
            && lhs.bySpeaker.mapValues { [$0.units, $0.mentions] } == rhs.bySpeaker.mapValues { [$0.units, $0.mentions] }
    }
}

/// Per-concept counts over a corpus, built unit by unit.
public struct CorpusFrequencies: Sendable {
    public private(set) var unitCount = 0
    /// Units and mentions per concept index.
    private var units: [Int]
    private var mentions: [Int]
    /// Speakers in order of first appearance, and units and mentions per speaker and concept.
    private var speakers: [String] = []
    private var speakerIndex: [String: Int] = [:]
    private var speakerUnits: [[Int]] = []
    private var speakerMentions: [[Int]] = []
    /// Mentions per concept in the current unit (all zero between units), and which are set.
    private var unitMentions: [Int]
    private var unitConcepts: [Int] = []

    public init(conceptCount: Int) {
        units = Array(repeating: 0, count: conceptCount)
        mentions = units
        unitMentions = units
    }

    /// Indexed by concept index; concepts never found have zero counts.
    public var concepts: [ConceptFrequency] {
        var result = units.indices.map { ConceptFrequency(units: units[$0], mentions: mentions[$0]) }
        for (speaker, name) in speakers.enumerated() {
            for concept in units.indices where speakerUnits[speaker][concept] > 0 {
                result[concept].bySpeaker[name] = (speakerUnits[speaker][concept], speakerMentions[speaker][concept])
            }
        }
        return result
    }

    public mutating func add(_ extraction: UnitExtraction) {
        add(matches: extraction.matches, speaker: extraction.unit.speaker)
    }

    /// Adds one unit of `speaker` in which `matches` were found.
    mutating func add(matches: [TermMatch], speaker name: String?) {
        unitCount += 1
        guard !matches.isEmpty else { return }
        for match in matches {
            if unitMentions[match.concept] == 0 { unitConcepts.append(match.concept) }
            unitMentions[match.concept] += 1
        }
        // One dictionary lookup per unit, not per concept.
        var speaker: Int?
        if let name {
            speaker = speakerIndex[name]
            if speaker == nil {
                speaker = speakers.count
                speakerIndex[name] = speakers.count
                speakers.append(name)
                speakerUnits.append(Array(repeating: 0, count: units.count))
                speakerMentions.append(Array(repeating: 0, count: units.count))
            }
        }
        for concept in unitConcepts {
            let count = unitMentions[concept]
            units[concept] += 1
            mentions[concept] += count
            if let speaker {
                speakerUnits[speaker][concept] += 1
                speakerMentions[speaker][concept] += count
            }
            unitMentions[concept] = 0
        }
        unitConcepts.removeAll(keepingCapacity: true)
    }

    /// Adds the concepts of every unit of a transcript file, read in parts on this thread
    /// without making a value per unit; returns what reading noticed.
    public mutating func add(
        file: String, options: ReadingOptions = ReadingOptions(), extractor: ConceptExtractor, unit: CooccurrenceUnit = .turn
    ) throws -> [Notice] {
        var matches: [TermMatch] = []
        var scratch = TermMatcher.Scratch()
        var nextIndex = 1
        let transcript = try TranscriptReader.readBatches(
            contentsOf: file, options: options, workers: 1, process: { $0 },
            collect: { batch, _ in
                guard unit == .turn else {
                    for turn in batch.units {
                        UnitSplitter.forEachPiece(of: turn, as: unit, nextIndex: &nextIndex) { add(extractor.extract($0, scratch: &scratch)) }
                    }
                    return
                }
                batch.forEachText { entry, text in
                    matches.removeAll(keepingCapacity: true)
                    extractor.matcher.matches(in: text, into: &matches, scratch: &scratch)
                    add(matches: matches, speaker: entry.speaker)
                }
            })
        return transcript.notices
    }

    /// Concept indices that occur, most units first (then most mentions, then glossary order).
    public func ranked() -> [Int] {
        units.indices.filter { units[$0] > 0 }.sorted {
            units[$0] != units[$1] ? units[$0] > units[$1] : mentions[$0] != mentions[$1] ? mentions[$0] > mentions[$1] : $0 < $1
        }
    }
}
