import Foundation
import GlossGraphExtraction
import GlossGraphReading
import GlossGraphText

/// Counts, unit by unit, how often each concept occurs and how often two concepts occur in the
/// same unit (a pair counts once per unit), keeping the first supporting units of each pair.
///
/// What is kept does not depend on the order units arrive in (the smallest supporting
/// references, the earliest first mention), so counts of parts of a corpus merge into exactly
/// the counts of the whole, whichever way it was split.
public struct CooccurrenceCounter: Sendable {
    /// Supporting units kept per pair and per concept; counts are always exact.
    public static let supportLimit = 100

    public struct ConceptCounts: Sendable {
        public var units = 0
        public var mentions = 0
        public var speakerMentions: [String: Int] = [:]
        public var firstMention: MentionLocation?
    }

    public struct PairCounts: Sendable {
        public var count = 0
        public var support: [UnitReference] = []
    }

    public private(set) var concepts: [ConceptCounts]
    /// Keyed by `first << 32 | second` with `first < second` (concept indices).
    public private(set) var pairs: [UInt64: PairCounts] = [:]
    public private(set) var unitCount = 0

    public init(conceptCount: Int) {
        concepts = Array(repeating: ConceptCounts(), count: conceptCount)
    }

    /// Adds one unit: its concepts with their mention counts, the unit's reference and
    /// speaker, and where each concept is first mentioned in it.
    public mutating func add(
        concepts found: [(concept: Int, mentions: Int, first: MentionLocation)], reference: UnitReference, speaker: String?
    ) {
        unitCount += 1
        guard !found.isEmpty else { return }
        let ordered = found.sorted { $0.concept < $1.concept }
        for entry in ordered {
            concepts[entry.concept].units += 1
            concepts[entry.concept].mentions += entry.mentions
            if let speaker { concepts[entry.concept].speakerMentions[speaker, default: 0] += entry.mentions }
            concepts[entry.concept].firstMention = Self.earlier(concepts[entry.concept].firstMention, entry.first)
        }
        for (position, first) in ordered.enumerated() {
            for second in ordered[(position + 1)...] {
                let key = UInt64(first.concept) << 32 | UInt64(second.concept)
                Self.add(PairCounts(count: 1, support: [reference]), to: &pairs[key, default: PairCounts()])
            }
        }
    }

    /// Adds counts made of another part of the corpus (with the same glossary). With
    /// `turnOffset`, the other counts numbered their turns from 1 within a part of a file
    /// that starts after `turnOffset` units; their supporting references are renumbered.
    ///
    /// Returns the pairs whose supporting references became complete (`supportLimit` of
    /// them) with these counts: when parts are merged in corpus order, later units cannot
    /// change them.
    @discardableResult
    public mutating func merge(_ other: CooccurrenceCounter, turnOffset: Int = 0) -> [UInt64] {
        precondition(other.concepts.count == concepts.count, "counts of different glossaries")
        unitCount += other.unitCount
        for index in concepts.indices {
            let theirs = other.concepts[index]
            concepts[index].units += theirs.units
            concepts[index].mentions += theirs.mentions
            concepts[index].speakerMentions.merge(theirs.speakerMentions, uniquingKeysWith: +)
            if let first = theirs.firstMention { concepts[index].firstMention = Self.earlier(concepts[index].firstMention, first) }
        }
        var settled: [UInt64] = []
        for (key, pair) in other.pairs {
            if Self.add(pair, turnOffset: turnOffset, to: &pairs[key, default: PairCounts()]) { settled.append(key) }
        }
        return settled
    }

    /// One access to the dictionary entry instead of two; true when `pair`'s supporting
    /// references became complete.
    @discardableResult
    private static func add(_ other: PairCounts, turnOffset: Int = 0, to pair: inout PairCounts) -> Bool {
        let wasComplete = pair.support.count == supportLimit
        let support = other.support.lazy.map { UnitReference(file: $0.file, turn: $0.turn + turnOffset, line: $0.line) }
        if pair.count == 0 {
            pair = PairCounts(count: other.count, support: turnOffset == 0 ? other.support : Array(support))
        } else {
            pair.count += other.count
            keepSmallest(&pair.support, adding: support)
        }
        return !wasComplete && pair.support.count == supportLimit
    }

    static func earlier(_ current: MentionLocation?, _ candidate: MentionLocation) -> MentionLocation {
        guard let current else { return candidate }
        return (candidate.file, candidate.line, candidate.column) < (current.file, current.line, current.column) ? candidate : current
    }

    /// Keeps the `supportLimit` smallest references, sorted; `references` must be sorted too.
    static func keepSmallest(_ support: inout [UnitReference], adding references: some Sequence<UnitReference>) {
        for reference in references {
            // The rest are larger still: a full list keeps none of them.
            if support.count == supportLimit, let last = support.last, !(reference < last) { break }
            // References of one part arrive in order: most go at the end.
            if support.last.map({ $0 < reference }) ?? true {
                support.append(reference)
                continue
            }
            var low = 0, high = support.count
            while low < high {
                let middle = (low + high) / 2
                if support[middle] < reference { low = middle + 1 } else { high = middle }
            }
            if low < support.count && support[low] == reference { continue }
            support.insert(reference, at: low)
            if support.count > supportLimit { support.removeLast() }
        }
    }

    /// Builds counts from their parts, as read from a counts file.
    public init(
        unitCount: Int, concepts: [ConceptCounts], pairs: [UInt64: PairCounts]
    ) {
        self.unitCount = unitCount
        self.concepts = concepts
        self.pairs = pairs
    }

    /// Adds the concepts of one extracted unit.
    public mutating func add(_ extraction: UnitExtraction) {
        let unit = extraction.unit
        let found = extraction.mentionsByConcept.map { entry -> (concept: Int, mentions: Int, first: MentionLocation) in
            let position = unit.sourcePosition(ofTextOffset: entry.mentions[0].range.lowerBound)
            return (entry.concept, entry.mentions.count, MentionLocation(file: unit.file, line: position.line, column: position.column))
        }
        add(
            concepts: found, reference: UnitReference(file: unit.file, turn: unit.parentIndex ?? unit.index, line: unit.lineStart),
            speaker: unit.speaker)
    }
}

extension CooccurrenceCounter {
    /// Credits each concept's mentions in one turn to its speaker, without counting a unit
    /// (used when units span several turns).
    public mutating func addSpeakerMentions(_ extraction: UnitExtraction) {
        guard let speaker = extraction.unit.speaker else { return }
        for entry in extraction.mentionsByConcept {
            concepts[entry.concept].speakerMentions[speaker, default: 0] += entry.mentions.count
        }
    }

    /// Counts a whole corpus: each transcript's turns, cut into the chosen units, or grouped
    /// into windows of `window` consecutive turns when `window` is more than 1.
    public static func count(
        _ transcripts: [Transcript], extractor: ConceptExtractor, unit: CooccurrenceUnit = .turn, window: Int = 1
    ) -> CooccurrenceCounter {
        var counter = CooccurrenceCounter(conceptCount: extractor.glossary.concepts.count)
        var scratch = TermMatcher.Scratch()
        for transcript in transcripts {
            counter.add(transcript, extractor: extractor, unit: unit, window: window, scratch: &scratch)
        }
        return counter
    }

    /// Counts one transcript (see `count(_:extractor:unit:window:)`).
    public mutating func add(
        _ transcript: Transcript, extractor: ConceptExtractor, unit: CooccurrenceUnit = .turn, window: Int = 1,
        scratch: inout TermMatcher.Scratch
    ) {
        add(units: transcript.units, extractor: extractor, unit: unit, window: window, scratch: &scratch)
    }

    /// Counts one transcript file read in parts cut at turns, up to `workers` parts at once
    /// (each read, matched and counted on a worker), so memory does not grow with the file;
    /// the result is the same for any number of workers. `progress` is told of bytes read
    /// and of units counted as they happen.
    public static func count(
        file: String, options: ReadingOptions = ReadingOptions(), extractor: ConceptExtractor, unit: CooccurrenceUnit = .turn,
        workers: Int, progress: ((_ bytes: Int, _ units: Int) -> Void)? = nil
    ) throws -> (counts: CooccurrenceCounter, notices: [Notice]) {
        try count(file: file, options: options, extractor: { extractor }, unit: unit, workers: workers, progress: progress)
    }

    /// `count(file:options:extractor:unit:workers:progress:)` with an extractor that may
    /// still be in the making (`extractor` may wait for it, e.g. on a `Deferred`): the file
    /// is opened and its first parts are read and parsed meanwhile.
    public static func count(
        file: String, options: ReadingOptions = ReadingOptions(), extractor: @escaping @Sendable () throws -> ConceptExtractor,
        unit: CooccurrenceUnit = .turn, workers: Int, progress: ((_ bytes: Int, _ units: Int) -> Void)? = nil
    ) throws -> (counts: CooccurrenceCounter, notices: [Notice]) {
        var total: PartTally?
        // Parts are merged in file order, so a pair whose supporting references are complete
        // needs none from the parts still to come: workers do not even keep them.
        let settled = SettledPairs()
        let transcript = try TranscriptReader.readBatches(
            contentsOf: file, options: options, workers: workers, progress: { progress?($0, 0) },
            process: { batch in
                Result {
                    let extractor = try extractor()
                    var tally = PartTally(conceptCount: extractor.glossary.concepts.count, settledPairs: settled.pairs)
                    var scratch = TermMatcher.Scratch()
                    tally.add(batch: batch, extractor: extractor, unit: unit, scratch: &scratch)
                    return (tally, batch.count)
                }
            },
            collect: { result, unitOffset in
                let (part, units) = try result.get()
                progress?(0, units)
                if total == nil { total = PartTally(conceptCount: part.conceptCount) }
                let newlySettled = total!.merge(part, turnOffset: unitOffset)
                if !newlySettled.isEmpty { settled.pairs.formUnion(newlySettled) }
            })
        let counts = try total?.counter() ?? CooccurrenceCounter(conceptCount: extractor().glossary.concepts.count)
        return (counts, transcript.notices)
    }

    /// Counts units of one file (all of them, or a part cut at a turn when `window` is 1).
    public mutating func add(
        units turns: [TranscriptUnit], extractor: ConceptExtractor, unit: CooccurrenceUnit = .turn, window: Int = 1,
        scratch: inout TermMatcher.Scratch
    ) {
        guard window > 1 else {
            var tally = PartTally(conceptCount: concepts.count)
            tally.add(units: turns, extractor: extractor, unit: unit, scratch: &scratch)
            merge(tally.counter())
            return
        }
        var block: [UnitExtraction] = []
        func flush() {
            guard let first = block.first else { return }
            var merged: [Int: (mentions: Int, first: MentionLocation)] = [:]
            for extraction in block {
                for entry in extraction.mentionsByConcept {
                    let position = extraction.unit.sourcePosition(ofTextOffset: entry.mentions[0].range.lowerBound)
                    let location = MentionLocation(file: extraction.unit.file, line: position.line, column: position.column)
                    let previous = merged[entry.concept]
                    merged[entry.concept] = ((previous?.mentions ?? 0) + entry.mentions.count, previous?.first ?? location)
                }
                addSpeakerMentions(extraction)
            }
            add(
                concepts: merged.map { ($0.key, $0.value.mentions, $0.value.first) },
                reference: UnitReference(file: first.unit.file, turn: first.unit.index, line: first.unit.lineStart), speaker: nil)
            block.removeAll()
        }
        for turn in turns {
            block.append(extractor.extract(turn, scratch: &scratch))
            if block.count == window { flush() }
        }
        flush()
    }
}

/// The pairs of a file's counts so far whose supporting references are complete, shared with
/// the workers counting later parts.
private final class SettledPairs: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Set<UInt64> = []

    var pairs: Set<UInt64> {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
