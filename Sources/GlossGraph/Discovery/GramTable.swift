import CMemoryHints
import GlossGraphReading
import GlossGraphText
import Synchronization

/// An n-gram of two to `Gram.longest` CJK characters, packed 21 bits a character (0 past its
/// end), three characters to a word.
struct Gram: Hashable, Sendable {
    var low: UInt64 = 0, middle: UInt64 = 0, high: UInt64 = 0

    /// The most characters a gram holds (three words of three 21-bit characters).
    static let longest = 9
    /// Stands for the digit a run of CJK characters follows (2|型炎症, 3|期临床): the run's
    /// first strings are then no word's start, as their left neighbour shows. No n-gram
    /// holding it is a candidate.
    static let digit: UInt32 = 0x30

    init() {}

    init(_ scalars: some Collection<UInt32>) {
        for (position, scalar) in scalars.enumerated() { append(scalar, at: position) }
    }

    /// Sets the character at `position` (0-based), which must be empty.
    @inline(__always) mutating func append(_ scalar: UInt32, at position: Int) {
        let shift = UInt64(position % 3) * 21
        switch position / 3 {
        case 0: low |= UInt64(scalar) << shift
        case 1: middle |= UInt64(scalar) << shift
        default: high |= UInt64(scalar) << shift
        }
    }

    /// The character at `position` (0 past the end).
    func scalar(at position: Int) -> UInt32 {
        let word = position / 3 == 0 ? low : position / 3 == 1 ? middle : high
        return UInt32(truncatingIfNeeded: word >> (UInt64(position % 3) * 21)) & 0x1F_FFFF
    }

    var length: Int {
        var count = 0
        while count < Self.longest && scalar(at: count) != 0 { count += 1 }
        return count
    }

    var scalars: [UInt32] { (0..<length).map { scalar(at: $0) } }

    /// The characters from `start` on, `count` of them.
    func slice(_ start: Int, _ count: Int) -> Gram {
        var gram = Gram()
        for position in 0..<count { gram.append(scalar(at: start + position), at: position) }
        return gram
    }

    var text: String { String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init))) }

    @inline(__always) var mixed: Int {
        var hash = low &* 0x9E37_79B9_7F4A_7C15
        hash = (hash ^ middle) &* 0xBF58_476D_1CE4_E5B9
        hash = (hash ^ high) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: hash ^ (hash >> 31))
    }
}

/// Counts of single CJK characters: a flat array for U+3400–U+9FFF (where nearly all fall), a
/// dictionary for the rest.
struct CharacterCounts: Sendable {
    private var common: [UInt32] = []
    private var other: [UInt32: UInt32] = [:]
    private static let commonRange: Range<UInt32> = 0x3400..<0xA000

    /// Counts `count` more of the character `scalar`.
    @inline(__always) mutating func add(_ scalar: UInt32, count: UInt32 = 1) {
        if Self.commonRange.contains(scalar) {
            if common.isEmpty { common = [UInt32](repeating: 0, count: Self.commonRange.count) }
            common[Int(scalar - Self.commonRange.lowerBound)] &+= count
        } else {
            other[scalar, default: 0] &+= count
        }
    }

    /// The count of the one character `text`; 0 for a longer text.
    func count(of text: String) -> Int {
        guard let scalar = text.unicodeScalars.first?.value, text.unicodeScalars.count == 1 else { return 0 }
        if Self.commonRange.contains(scalar) { return common.isEmpty ? 0 : Int(common[Int(scalar - Self.commonRange.lowerBound)]) }
        return Int(other[scalar] ?? 0)
    }

    mutating func merge(_ counts: CharacterCounts) {
        if common.isEmpty {
            common = counts.common
        } else if !counts.common.isEmpty {
            for index in common.indices { common[index] &+= counts.common[index] }
        }
        other.merge(counts.other, uniquingKeysWith: &+)
    }

    /// The characters counted at least once, with their counts, as a statistics file records them.
    var byCharacter: [String: Int] {
        var counts: [String: Int] = [:]
        for (index, count) in common.enumerated() where count > 0 {
            counts[String(Unicode.Scalar(Self.commonRange.lowerBound + UInt32(index))!)] = Int(count)
        }
        for (scalar, count) in other where count > 0 {
            if let character = Unicode.Scalar(scalar) { counts[String(character)] = Int(count) }
        }
        return counts
    }
}

/// Counts of the CJK n-grams of a text: for each n-gram its occurrences and where it was
/// first seen. An open-addressing table (linear probing) of fixed-size slots, since a corpus
/// has millions of n-grams and a dictionary of structs costs several times more.
///
/// Tables of parts of a corpus merge (counts add; the first place seen is kept from the table
/// merged into). A table that holds more than `limit` n-grams drops the least frequent:
/// `prune(toAtMost:)` removes those seen at most θ times, θ the least that halves the table,
/// and remembers the largest θ (`prunedCount`), so an n-gram's count may be short by that much
/// when it was dropped and seen again (the lossy-counting bound of Manku and Motwani, 2002).
struct GramTable: Sendable {
    /// 32 bytes, so that a slot never straddles two cache lines: counting touches slots at
    /// random, and each touch is mostly a cache miss (one line, not two).
    struct Slot: Sendable {
        var key = Gram()
        var count: UInt32 = 0
        /// The index in `places` of where it was first seen.
        var place: UInt32 = 0
    }

    /// Where an n-gram was first seen: a file index and a 1-based line.
    struct Place: Sendable, Equatable {
        var file: UInt32
        var line: UInt32
    }

    /// An n-gram, its count and where it was first seen: a table's content outside the table.
    struct Entry: Sendable {
        var key: Gram
        var count: UInt32
        var place: Place
    }

    private(set) var slots: [Slot]
    /// First places, by `Slot.place`, in the order the n-grams came (with those pruning has
    /// dropped, until it next compacts them).
    private var places: [Place] = []
    private(set) var occupied = 0
    private var mask: Int
    /// The largest count pruning has dropped (0: every count is exact).
    private(set) var prunedCount: UInt32 = 0
    /// How often each CJK character occurs, and how many runs of CJK characters it opens (after
    /// punctuation, Latin text or a line's start; a digit's run aside): never pruned.
    private(set) var characters = CharacterCounts()
    private(set) var runInitials = CharacterCounts()

    /// N-grams a table holds before it prunes: 2¹⁹, in at most 2²⁰ slots of 32 bytes (32 MB).
    static let limit = 1 << 19

    init(capacity: Int = 1 << 12) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Self.storage(size)
        mask = size - 1
    }

    /// Slot arrays of tables no longer needed, by size: a part's table takes one instead of
    /// having fresh memory mapped and zeroed for it.
    private static let spare = Mutex<[Int: [[Slot]]]>([:])

    private static func storage(_ size: Int) -> [Slot] {
        guard var reused = spare.withLock({ $0[size]?.popLast() }) else { return Array(repeating: Slot(), count: size) }
        reused.withUnsafeMutableBufferPointer { $0.update(repeating: Slot()) }
        return reused
    }

    /// Gives the table's memory to the next table of its size; two are kept per size (as many
    /// as parts wait for a worker).
    consuming func recycle() {
        let storage = slots
        slots = []
        places = []
        Self.spare.withLock { spare in
            if spare[storage.count, default: []].count < 2 { spare[storage.count, default: []].append(storage) }
        }
    }

    /// Frees the kept slot arrays (when a corpus has been read).
    static func releaseSpareStorage() {
        spare.withLock { $0 = [:] }
    }

    var count: Int { occupied }

    /// The slot index of `key`, inserting it (count 0) when new; `isNew` says which.
    @inline(__always) private mutating func slotIndex(of key: Gram, isNew: inout Bool) -> Int {
        if (occupied + 1) * 2 > slots.count {
            // A table never grows past twice `limit` slots: it prunes instead.
            if slots.count >= 2 * Self.limit { prune(toAtMost: Self.limit / 2) }
            // Pruning cannot make room when nearly every n-gram is frequent: then it grows.
            if (occupied + 1) * 2 > slots.count { grow() }
        }
        var index = key.mixed & mask
        while true {
            let slot = slots[index]
            if slot.count == 0 {
                slots[index].key = key
                occupied += 1
                isNew = true
                return index
            }
            if slot.key == key { return index }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.count > 0 { insertNew(slot) }
    }

    private mutating func insertNew(_ slot: Slot) {
        var index = slot.key.mixed & mask
        while slots[index].count != 0 { index = (index + 1) & mask }
        slots[index] = slot
    }

    /// A table holding `entries` (distinct n-grams with counts above 0), the largest count
    /// pruning dropped, each character's count and the runs each opens: one read back from a
    /// statistics file.
    static func restoring(
        _ entries: [Entry], prunedCount: UInt32, characters: CharacterCounts = CharacterCounts(), runStarts: CharacterCounts = CharacterCounts()
    ) -> GramTable {
        var table = GramTable(capacity: max(1 << 12, entries.count))
        for (index, entry) in entries.enumerated() { table.insertNew(Slot(key: entry.key, count: entry.count, place: UInt32(index))) }
        table.places = entries.map(\.place)
        table.occupied = entries.count
        table.prunedCount = prunedCount
        (table.characters, table.runInitials) = (characters, runStarts)
        return table
    }

    /// Counts the n-grams of two to `Gram.longest` characters of `run` (CJK scalars), seen in
    /// `file` at `line`, in order of their start and length; `grams` is scratch space.
    @inline(__always) mutating func addGrams(of run: [UInt32], file: UInt32, line: UInt32, scratch grams: inout [Gram]) {
        grams.removeAll(keepingCapacity: true)
        for start in 0..<(run.count - 1) {
            var gram = Gram()
            gram.append(run[start], at: 0)
            for length in 2...min(Gram.longest, run.count - start) {
                gram.append(run[start + length - 1], at: length - 1)
                grams.append(gram)
            }
        }
        // Each n-gram's slot is asked for `prefetchDistance` n-grams before it is counted, so
        // that the cache misses of a table larger than the cache overlap.
        grams.withUnsafeBufferPointer { grams in
            for index in 0..<min(Self.prefetchDistance, grams.count) { prefetch(grams[index]) }
            for index in grams.indices {
                if index + Self.prefetchDistance < grams.count { prefetch(grams[index + Self.prefetchDistance]) }
                add(grams[index], file: file, line: line)
            }
        }
    }

    /// Starts loading the slot where a search for `key` begins (a hint; see `addGrams`).
    @inline(__always) private func prefetch(_ key: Gram) {
        slots.withUnsafeBufferPointer { gg_prefetch_for_write($0.baseAddress! + (key.mixed & mask)) }
    }

    /// How many n-grams ahead `addGrams` asks for a slot: enough loads in flight to cover a
    /// miss's latency, few enough that the lines stay cached until counted.
    static let prefetchDistance = 16

    /// Counts one occurrence of `key`, seen in `file` at `line`.
    @inline(__always) mutating func add(_ key: Gram, file: UInt32, line: UInt32) {
        var isNew = false
        let index = slotIndex(of: key, isNew: &isNew)
        if isNew {
            slots[index].place = UInt32(places.count)
            places.append(Place(file: file, line: line))
        }
        slots[index].count += 1
    }

    func find(_ key: Gram) -> Slot? {
        index(of: key).map { slots[$0] }
    }

    /// Where the n-gram of `slot` (one of `slots`, counted) was first seen.
    func place(of slot: Slot) -> Place {
        places[Int(slot.place)]
    }

    /// The counted n-grams, in slot order.
    var entries: [Entry] {
        slots.filter { $0.count > 0 }.map { Entry(key: $0.key, count: $0.count, place: place(of: $0)) }
    }

    /// The index in `slots` of `key`, if counted.
    func index(of key: Gram) -> Int? {
        var index = key.mixed & mask
        while true {
            let slot = slots[index]
            if slot.count == 0 { return nil }
            if slot.key == key { return index }
            index = (index + 1) & mask
        }
    }

    /// The non-overlapping uses of `text` in the text counted (as `GlossMiner.occurrences`
    /// counts them), when the table holds that number exactly; nil when it does not: `text`
    /// is not one to `Gram.longest` CJK characters without punctuation, or some of its first
    /// characters are also its last (哈哈哈: overlapping uses are then more than
    /// non-overlapping ones), or the table has been pruned.
    func exactOccurrences(of text: String) -> Int? {
        guard prunedCount == 0 else { return nil }
        var scalars: [UInt32] = []
        for scalar in text.unicodeScalars {
            guard scalars.count < Gram.longest, ScriptClass.isCJK(scalar.value), !GlossMiner.isCJKPunctuation(scalar.value) else { return nil }
            scalars.append(scalar.value)
        }
        guard !scalars.isEmpty else { return nil }
        if scalars.count == 1 { return characters.count(of: text) }
        guard !(1..<scalars.count).contains(where: { scalars[..<$0].elementsEqual(scalars[(scalars.count - $0)...]) }) else { return nil }
        return find(Gram(scalars)).map { Int($0.count) } ?? 0
    }

    /// Adds `other`'s counts; `fileIndex` maps `other`'s file indices to this table's. N-grams
    /// new here keep `other`'s first place. Prunes first when the two hold more than `limit`
    /// n-grams.
    mutating func merge(_ other: GramTable, fileIndex: (UInt32) -> UInt32) {
        // Pruned before the merge rather than during it, so that what is dropped depends on
        // the counts alone, not on where the other table's slots lie.
        if occupied + other.occupied > Self.limit { prune(toAtMost: Self.limit / 2) }
        let incoming = other.slots
        for (position, slot) in incoming.enumerated() {
            // As in `addGrams`: the slot a later n-gram goes to is asked for ahead.
            if position + Self.prefetchDistance < incoming.count, incoming[position + Self.prefetchDistance].count > 0 {
                prefetch(incoming[position + Self.prefetchDistance].key)
            }
            guard slot.count > 0 else { continue }
            var isNew = false
            let index = slotIndex(of: slot.key, isNew: &isNew)
            if isNew {
                let place = other.place(of: slot)
                slots[index].place = UInt32(places.count)
                places.append(Place(file: fileIndex(place.file), line: place.line))
            }
            slots[index].count += slot.count
        }
        prunedCount = max(prunedCount, other.prunedCount)
        characters.merge(other.characters)
        runInitials.merge(other.runInitials)
    }

    /// Drops the n-grams seen at most θ times, θ the least that leaves at most `target`.
    mutating func prune(toAtMost target: Int) {
        let buckets = 1 << 12
        var histogram = [Int](repeating: 0, count: buckets + 1)
        for slot in slots where slot.count > 0 { histogram[Int(min(slot.count, UInt32(buckets)))] += 1 }
        var threshold: UInt32 = 0
        var remaining = occupied
        while remaining > target && threshold < buckets - 1 {
            threshold += 1
            remaining -= histogram[Int(threshold)]
        }
        // The survivors are set aside (at most `target` of them) and the slots cleared in
        // place, so pruning needs no second table.
        var survivors: [Slot] = []
        survivors.reserveCapacity(remaining)
        var kept: [Place] = []
        kept.reserveCapacity(remaining)
        for var slot in slots where slot.count > threshold {
            kept.append(places[Int(slot.place)])
            slot.place = UInt32(kept.count - 1)
            survivors.append(slot)
        }
        slots.withUnsafeMutableBufferPointer { $0.update(repeating: Slot()) }
        places = kept
        occupied = survivors.count
        for slot in survivors { insertNew(slot) }
        prunedCount = max(prunedCount, threshold)
    }

    /// Counts the n-grams of two to `Gram.longest` characters of `units`' runs of CJK
    /// characters (without punctuation), with first places in file `fileIndex`.
    static func counting(_ units: [TranscriptUnit], fileIndex: Int) -> GramTable {
        // Sized for one distinct n-gram a character: a corpus of transcripts that repeat one
        // another (a series' intros, a podcast's sponsor reads) has fewer, one text read once
        // about three. A table that needs more grows, which costs less than clearing and then
        // merging a table twice too large for every part.
        let characters = units.reduce(0) { $0 + $1.utf8.count } / 3
        var table = GramTable(capacity: min(limit, max(1 << 12, characters)))
        var run: [UInt32] = []
        var offsets: [Int] = []
        var grams: [Gram] = []
        for unit in units {
            func flush() {
                if let first = run.first, first != Gram.digit { table.runInitials.add(first) }
                guard run.count >= 2 else { return }
                let line = UInt32(Self.line(of: unit, atTextOffset: offsets[0]))
                table.addGrams(of: run, file: UInt32(fileIndex), line: line, scratch: &grams)
            }
            // The text is valid UTF-8 (as read), so scalars are decoded here without checks.
            let bytes = unit.utf8
            var offset = 0
            while offset < bytes.count {
                let lead = UInt32(bytes[offset])
                let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                var value = width == 1 ? lead : width == 2 ? lead & 0x1F : width == 3 ? lead & 0x0F : lead & 0x07
                for next in 1..<width where offset + next < bytes.count { value = value << 6 | UInt32(bytes[offset + next] & 0x3F) }
                if ScriptClass.isCJK(value) && !GlossMiner.isCJKPunctuation(value) {
                    if run.isEmpty && offset > 0 && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset - 1]) {
                        run.append(Gram.digit)
                        offsets.append(offset - 1)
                    }
                    run.append(value)
                    offsets.append(offset)
                    table.characters.add(value)
                } else if !run.isEmpty {
                    flush()
                    run.removeAll(keepingCapacity: true)
                    offsets.removeAll(keepingCapacity: true)
                }
                offset += width
            }
            flush()
            run.removeAll(keepingCapacity: true)
            offsets.removeAll(keepingCapacity: true)
        }
        return table
    }

    /// The source line (1-based) of a UTF-8 offset in `unit`'s text.
    static func line(of unit: TranscriptUnit, atTextOffset offset: Int) -> Int {
        var low = 0
        var high = unit.segments.count
        while low < high {
            let middle = (low + high) / 2
            if unit.segments[middle].textOffset <= offset { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? unit.segments[low - 1].line : unit.lineStart
    }
}
