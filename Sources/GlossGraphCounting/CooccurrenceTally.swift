import GlossGraphExtraction
import GlossGraphText

/// The one tally behind every count (`map`, `count`, `extract`, windows of turns): it is fed
/// one unit's concept mentions at a time, keeps them in flat arrays and an open-addressing pair
/// table, and is turned into `CooccurrenceCounts` once.
///
/// Counting is per unit and per pair of concepts in it, so it runs millions of times on a
/// large corpus; a `Dictionary` keyed by pair (SipHash) and by speaker name, and a
/// `MentionLocation` made for every concept of every unit, cost more than finding the
/// concepts. Here a unit costs a few array writes per concept and one probe per pair.
public struct CooccurrenceTally: Sendable {
    public private(set) var unitCount = 0
    private var units: [Int]
    private var mentions: [Int]
    private var firstMentions: [MentionLocation?]
    private var speakers: [String] = []
    private var speakerIndex: [String: Int] = [:]
    /// Mentions per speaker (index into `speakers`) and concept.
    private var speakerMentions: [[Int]] = []
    private var pairs: PairTable
    private let detail: Detail

    /// What a tally keeps beyond each concept's units, mentions and speakers.
    public enum Detail: Sendable {
        /// Pairs with their supporting units, and each concept's first mention: for graphs.
        case cooccurrence
        /// Nothing more: for frequency tables, which need neither.
        case frequencies
    }

    /// Per unit: mentions and first match per concept (zero between units), and which are set.
    private var unitMentions: [Int]
    private var unitFirstOffset: [Int]
    private var unitConcepts: [Int] = []
    private var lastSpeaker: (name: String, index: Int)?

    public var conceptCount: Int { units.count }

    /// A tally of `conceptCount` concepts (glossary indices `0..<conceptCount`).
    /// `settledPairs` are counted without supporting references: their first
    /// `CooccurrenceCounts.supportLimit` are known from earlier parts of the file. With
    /// `detail` says whether pairs and first mentions are kept.
    public init(conceptCount: Int, settledPairs: Set<UInt64> = [], detail: Detail = .cooccurrence) {
        pairs = PairTable(settled: settledPairs)
        self.detail = detail
        units = Array(repeating: 0, count: conceptCount)
        mentions = units
        unitMentions = units
        unitFirstOffset = units
        firstMentions = Array(repeating: nil, count: conceptCount)
    }

    /// Adds one unit whose mentions are `matches` (in text order), spoken by `speaker`, and
    /// supported by `reference`; `position` gives the 1-based source line and column (in
    /// Unicode scalars) of a UTF-8 byte offset in the unit's text. It is only asked for the
    /// first mention of a concept that the tally does not know an earlier one of.
    public mutating func add(
        _ matches: [TermMatch], speaker unitSpeaker: String?, reference: UnitReference,
        position: (Int) -> (line: Int, column: Int)
    ) {
        unitCount += 1
        guard !matches.isEmpty else { return }
        for match in matches {
            if unitMentions[match.concept] == 0 {
                unitConcepts.append(match.concept)
                unitFirstOffset[match.concept] = match.range.lowerBound
            }
            unitMentions[match.concept] += 1
        }
        // Pairs are keyed smaller index first; frequencies need no order.
        if detail == .cooccurrence { unitConcepts.sort() }
        var speaker: Int?
        if let name = unitSpeaker { speaker = speakerNumber(name) }
        for concept in unitConcepts {
            let count = unitMentions[concept]
            units[concept] += 1
            mentions[concept] += count
            if let speaker { speakerMentions[speaker][concept] += count }
            // Units of a part arrive in order, so the first mention is usually known already
            // and no source position needs working out.
            let knownEarlier =
                detail == .frequencies || (firstMentions[concept].map { $0.file == reference.file && $0.line < reference.line } ?? false)
            if !knownEarlier {
                let (line, column) = position(unitFirstOffset[concept])
                let location = MentionLocation(file: reference.file, line: line, column: column)
                firstMentions[concept] = CooccurrenceCounts.earlier(firstMentions[concept], location)
            }
            unitMentions[concept] = 0
        }
        if detail == .cooccurrence {
            for (position, first) in unitConcepts.enumerated() {
                for second in unitConcepts[(position + 1)...] {
                    pairs.add(key: UInt64(first) << 32 | UInt64(second), reference: reference)
                }
            }
        }
        unitConcepts.removeAll(keepingCapacity: true)
    }

    /// Credits `speaker` with the mentions of `matches` without counting a unit: for units
    /// that span several speakers' turns, whose turns are credited one by one.
    public mutating func credit(_ matches: [TermMatch], to speaker: String) {
        guard !matches.isEmpty else { return }
        let number = speakerNumber(speaker)
        for match in matches { speakerMentions[number][match.concept] += 1 }
    }

    /// Adds the counts of the next part of the same file, whose turns are numbered from 1
    /// within the part that starts after `turnOffset` units. Returns the pairs whose
    /// supporting references became complete.
    public mutating func merge(_ other: CooccurrenceTally, turnOffset: Int = 0) -> [UInt64] {
        unitCount += other.unitCount
        for concept in units.indices {
            units[concept] += other.units[concept]
            mentions[concept] += other.mentions[concept]
            if let first = other.firstMentions[concept] {
                firstMentions[concept] = CooccurrenceCounts.earlier(firstMentions[concept], first)
            }
        }
        for (theirs, name) in other.speakers.enumerated() {
            let mine = speakerNumber(name)
            for concept in units.indices { speakerMentions[mine][concept] += other.speakerMentions[theirs][concept] }
        }
        return pairs.merge(other.pairs, turnOffset: turnOffset)
    }

    private mutating func speakerNumber(_ name: String) -> Int {
        if let last = lastSpeaker, last.name == name { return last.index }
        let index: Int
        if let known = speakerIndex[name] {
            index = known
        } else {
            index = speakers.count
            speakerIndex[name] = index
            speakers.append(name)
            speakerMentions.append(Array(repeating: 0, count: units.count))
        }
        lastSpeaker = (name, index)
        return index
    }

    /// The counts as a `CooccurrenceCounts`.
    public func counts() -> CooccurrenceCounts {
        var concepts = units.indices.map { index in
            CooccurrenceCounts.ConceptCounts(units: units[index], mentions: mentions[index], firstMention: firstMentions[index])
        }
        for (speaker, name) in speakers.enumerated() {
            for concept in concepts.indices where speakerMentions[speaker][concept] > 0 {
                concepts[concept].speakerMentions[name] = speakerMentions[speaker][concept]
            }
        }
        return CooccurrenceCounts(unitCount: unitCount, concepts: concepts, pairs: pairs.dictionary())
    }
}

/// Pair counts and supporting units keyed by `first << 32 | second`, in an open-addressing
/// table with linear probing (keys are never 0, since `first < second`).
private struct PairTable {
    /// Pairs whose references are not kept.
    let settled: Set<UInt64>
    private var slots = [UInt64](repeating: 0, count: 1 << 10)
    private var entryOfSlot = [Int32](repeating: -1, count: 1 << 10)
    /// 64 − log2(slots.count): Fibonacci hashing keeps the high bits of key × 2^64/φ.
    private var shift = 64 - 10
    private var keys: [UInt64] = []
    private var counts: [Int] = []
    private var supports: [[UnitReference]] = []
    private var keepsSupport: [Bool] = []

    init(settled: Set<UInt64>) {
        self.settled = settled
    }

    mutating func add(key: UInt64, reference: UnitReference) {
        let entry = self.entry(for: key)
        counts[entry] += 1
        if keepsSupport[entry] { CooccurrenceCounts.keepSmallest(&supports[entry], adding: CollectionOfOne(reference)) }
    }

    /// Adds another table's pairs (see `PartTally.merge`).
    mutating func merge(_ other: PairTable, turnOffset: Int) -> [UInt64] {
        var settled: [UInt64] = []
        for (theirs, key) in other.keys.enumerated() {
            let entry = self.entry(for: key)
            counts[entry] += other.counts[theirs]
            // Settled pairs (most of them, after the first parts) bring no references.
            guard !other.supports[theirs].isEmpty else { continue }
            let wasComplete = supports[entry].count == CooccurrenceCounts.supportLimit
            let references = other.supports[theirs].lazy.map { UnitReference(file: $0.file, turn: $0.turn + turnOffset, line: $0.line) }
            CooccurrenceCounts.keepSmallest(&supports[entry], adding: references)
            if !wasComplete && supports[entry].count == CooccurrenceCounts.supportLimit { settled.append(key) }
        }
        return settled
    }

    private mutating func entry(for key: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = slot(of: key)
        while true {
            let found = slots[slot]
            if found == key { return Int(entryOfSlot[slot]) }
            if found == 0 { break }
            slot = (slot + 1) & mask
        }
        let entry = keys.count
        slots[slot] = key
        entryOfSlot[slot] = Int32(entry)
        keys.append(key)
        counts.append(0)
        supports.append([])
        keepsSupport.append(!settled.contains(key))
        if keys.count * 2 > slots.count { grow() }
        return entry
    }

    private func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [UInt64](repeating: 0, count: size)
        entryOfSlot = [Int32](repeating: -1, count: size)
        shift -= 1
        for (entry, key) in keys.enumerated() {
            var slot = slot(of: key)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = key
            entryOfSlot[slot] = Int32(entry)
        }
    }

    func dictionary() -> [UInt64: CooccurrenceCounts.PairCounts] {
        var result: [UInt64: CooccurrenceCounts.PairCounts] = [:]
        result.reserveCapacity(keys.count)
        for (entry, key) in keys.enumerated() {
            result[key] = CooccurrenceCounts.PairCounts(count: counts[entry], support: supports[entry])
        }
        return result
    }
}
