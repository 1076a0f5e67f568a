import GlossGraphExtraction
import GlossGraphReading
import GlossGraphText

/// The counts of consecutive units of one file, kept in flat arrays and an open-addressing
/// pair table while they are counted, then turned into a `CooccurrenceCounter` once.
///
/// Counting is per unit and per pair of concepts in it, so it runs millions of times on a
/// large corpus; a `Dictionary` keyed by pair (SipHash) and by speaker name, and a
/// `MentionLocation` made for every concept of every unit, cost more than finding the
/// concepts. Here a unit costs a few array writes per concept and one probe per pair.
struct PartTally {
    private(set) var unitCount = 0
    private var units: [Int]
    private var mentions: [Int]
    private var firstMentions: [MentionLocation?]
    private var speakers: [String] = []
    private var speakerIndex: [String: Int] = [:]
    /// Mentions per speaker (index into `speakers`) and concept.
    private var speakerMentions: [[Int]] = []
    private var pairs: PairTable

    /// Per unit: mentions and first match per concept (zero between units), and which are set.
    private var unitMentions: [Int]
    private var unitFirstOffset: [Int]
    private var unitConcepts: [Int] = []
    private var lastSpeaker: (name: String, index: Int)?

    var conceptCount: Int { units.count }

    /// `settledPairs` are counted without supporting references: their first
    /// `CooccurrenceCounter.supportLimit` are known from earlier parts of the file.
    init(conceptCount: Int, settledPairs: Set<UInt64> = []) {
        pairs = PairTable(settled: settledPairs)
        units = Array(repeating: 0, count: conceptCount)
        mentions = units
        unitMentions = units
        unitFirstOffset = units
        firstMentions = Array(repeating: nil, count: conceptCount)
    }

    /// Finds the concepts of `turns` (cut into `unit`s) and adds them, unit by unit.
    mutating func add(units turns: [TranscriptUnit], extractor: ConceptExtractor, unit: CooccurrenceUnit, scratch: inout TermMatcher.Scratch) {
        var nextIndex = 1
        var matches: [TermMatch] = []
        for turn in turns {
            UnitSplitter.forEachPiece(of: turn, as: unit, nextIndex: &nextIndex) { piece in
                matches.removeAll(keepingCapacity: true)
                piece.utf8.withUnsafeBufferPointer { extractor.matcher.matches(in: $0, into: &matches, scratch: &scratch) }
                add(
                    file: piece.file, speaker: piece.speaker, lineStart: piece.lineStart, matches: matches,
                    reference: UnitReference(file: piece.file, turn: piece.parentIndex ?? piece.index, line: piece.lineStart),
                    position: piece.sourcePosition)
            }
        }
    }

    /// Finds the concepts of a batch of turns (cut into `unit`s) and adds them; turns are
    /// read where they lie in the batch.
    mutating func add(batch: UnitBatch, extractor: ConceptExtractor, unit: CooccurrenceUnit, scratch: inout TermMatcher.Scratch) {
        guard unit == .turn else { return add(units: batch.units, extractor: extractor, unit: unit, scratch: &scratch) }
        var matches: [TermMatch] = []
        batch.forEachText { entry, text in
            matches.removeAll(keepingCapacity: true)
            extractor.matcher.matches(in: text, into: &matches, scratch: &scratch)
            add(
                file: batch.file, speaker: entry.speaker, lineStart: entry.lineStart, matches: matches,
                reference: UnitReference(file: batch.file, turn: entry.index, line: entry.lineStart),
                position: { batch.sourcePosition(of: entry, textOffset: $0) })
        }
    }

    /// Adds one unit of `file` whose matches are `matches`, supported by `reference`;
    /// `position` gives the source line and column of an offset in the unit's text.
    mutating func add(
        file: String, speaker unitSpeaker: String?, lineStart: Int, matches: [TermMatch], reference: UnitReference,
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
        unitConcepts.sort()
        var speaker: Int?
        if let name = unitSpeaker { speaker = speakerNumber(name) }
        for concept in unitConcepts {
            let count = unitMentions[concept]
            units[concept] += 1
            mentions[concept] += count
            if let speaker { speakerMentions[speaker][concept] += count }
            // Units of a part arrive in order, so the first mention is usually known already
            // and no source position needs working out.
            let knownEarlier = firstMentions[concept].map { $0.file == file && $0.line < lineStart } ?? false
            if !knownEarlier {
                let (line, column) = position(unitFirstOffset[concept])
                let location = MentionLocation(file: file, line: line, column: column)
                firstMentions[concept] = CooccurrenceCounter.earlier(firstMentions[concept], location)
            }
            unitMentions[concept] = 0
        }
        for (position, first) in unitConcepts.enumerated() {
            for second in unitConcepts[(position + 1)...] {
                pairs.add(key: UInt64(first) << 32 | UInt64(second), reference: reference)
            }
        }
        unitConcepts.removeAll(keepingCapacity: true)
    }

    /// Adds the counts of the next part of the same file, whose turns are numbered from 1
    /// within the part that starts after `turnOffset` units. Returns the pairs whose
    /// supporting references became complete.
    mutating func merge(_ other: PartTally, turnOffset: Int) -> [UInt64] {
        unitCount += other.unitCount
        for concept in units.indices {
            units[concept] += other.units[concept]
            mentions[concept] += other.mentions[concept]
            if let first = other.firstMentions[concept] {
                firstMentions[concept] = CooccurrenceCounter.earlier(firstMentions[concept], first)
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

    /// The counts as a `CooccurrenceCounter`.
    func counter() -> CooccurrenceCounter {
        var concepts = units.indices.map { index in
            CooccurrenceCounter.ConceptCounts(units: units[index], mentions: mentions[index], firstMention: firstMentions[index])
        }
        for (speaker, name) in speakers.enumerated() {
            for concept in concepts.indices where speakerMentions[speaker][concept] > 0 {
                concepts[concept].speakerMentions[name] = speakerMentions[speaker][concept]
            }
        }
        return CooccurrenceCounter(unitCount: unitCount, concepts: concepts, pairs: pairs.dictionary())
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
        if keepsSupport[entry] { CooccurrenceCounter.keepSmallest(&supports[entry], adding: CollectionOfOne(reference)) }
    }

    /// Adds another table's pairs (see `PartTally.merge`).
    mutating func merge(_ other: PairTable, turnOffset: Int) -> [UInt64] {
        var settled: [UInt64] = []
        for (theirs, key) in other.keys.enumerated() {
            let entry = self.entry(for: key)
            counts[entry] += other.counts[theirs]
            // Settled pairs (most of them, after the first parts) bring no references.
            guard !other.supports[theirs].isEmpty else { continue }
            let wasComplete = supports[entry].count == CooccurrenceCounter.supportLimit
            let references = other.supports[theirs].lazy.map { UnitReference(file: $0.file, turn: $0.turn + turnOffset, line: $0.line) }
            CooccurrenceCounter.keepSmallest(&supports[entry], adding: references)
            if !wasComplete && supports[entry].count == CooccurrenceCounter.supportLimit { settled.append(key) }
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

    func dictionary() -> [UInt64: CooccurrenceCounter.PairCounts] {
        var result: [UInt64: CooccurrenceCounter.PairCounts] = [:]
        result.reserveCapacity(keys.count)
        for (entry, key) in keys.enumerated() {
            result[key] = CooccurrenceCounter.PairCounts(count: counts[entry], support: supports[entry])
        }
        return result
    }
}
