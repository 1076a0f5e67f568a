/// The words of a word list keyed by their Unicode scalars: an open-addressing table (linear
/// probing) over one array of all keys' scalars. A segmenter looks up every substring of a
/// run of text up to `ChineseLexicon.longestWord` characters; here it extends a hash one
/// scalar at a time (`Probe`) and makes no `String` for each, whose hashing first normalises
/// the text (NFC) and costs more than the lookup. Keys are never removed.
struct WordTable: Sendable {
    /// The scalars of every key, one after another.
    private var keyScalars: [UInt32] = []
    /// Where each key starts in `keyScalars`, and one past the last key's end.
    private var keyStarts: [UInt32] = [0]
    private var values: [ChineseLexicon.Word] = []
    /// An index into `values`, or -1 for an empty slot.
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { values.count }

    /// The hash of a key being read one scalar at a time (FNV-1a over the scalar values, then
    /// the finaliser of MurmurHash3 so that linear probing sees well-spread bits).
    struct Probe {
        fileprivate var state: UInt64 = 0xCBF2_9CE4_8422_2325

        @inline(__always) mutating func append(_ scalar: UInt32) {
            state = (state ^ UInt64(scalar)) &* 0x0000_0100_0000_01B3
        }

        @inline(__always) var hash: Int {
            var mixed = state
            mixed ^= mixed >> 33
            mixed &*= 0xFF51_AFD7_ED55_8CCD
            mixed ^= mixed >> 33
            return Int(truncatingIfNeeded: mixed)
        }
    }

    static func probe(_ scalars: some Sequence<UInt32>) -> Probe {
        var probe = Probe()
        for scalar in scalars { probe.append(scalar) }
        return probe
    }

    /// The index in `values` of the key `scalars`, whose probe is `probe`.
    @inline(__always) private func index(of scalars: some Collection<UInt32>, probe: Probe) -> Int? {
        var slot = probe.hash & mask
        while true {
            let value = Int(slots[slot])
            if value < 0 { return nil }
            let start = Int(keyStarts[value])
            let end = Int(keyStarts[value + 1])
            if end - start == scalars.count && keyScalars[start..<end].elementsEqual(scalars) { return value }
            slot = (slot + 1) & mask
        }
    }

    /// The word whose scalars are `scalars`, whose probe (`Self.probe(scalars)`) is `probe`.
    @inline(__always) func word(_ scalars: some Collection<UInt32>, probe: Probe) -> ChineseLexicon.Word? {
        index(of: scalars, probe: probe).map { values[$0] }
    }

    /// The word of one character.
    @inline(__always) func word(_ scalar: Unicode.Scalar) -> ChineseLexicon.Word? {
        var probe = Probe()
        probe.append(scalar.value)
        return word(CollectionOfOne(scalar.value), probe: probe)
    }

    /// The word written `text`, as the list writes it (no reading as Simplified).
    subscript(_ text: String) -> ChineseLexicon.Word? {
        get {
            let scalars = text.unicodeScalars.lazy.map(\.value)
            return word(scalars, probe: Self.probe(scalars))
        }
        set {
            guard let newValue else { preconditionFailure("WordTable removes no word") }
            set(Array(text.unicodeScalars.lazy.map(\.value)), newValue)
        }
    }

    /// Sets the word of the key `scalars`, adding the key when it is new; returns the key's
    /// index (0-based, in the order the keys were added).
    @discardableResult
    mutating func set(_ scalars: [UInt32], _ word: ChineseLexicon.Word) -> Int {
        let probe = Self.probe(scalars)
        if let existing = index(of: scalars, probe: probe) {
            values[existing] = word
            return existing
        }
        if (values.count + 1) * 2 > slots.count { grow() }
        keyScalars += scalars
        keyStarts.append(UInt32(keyScalars.count))
        values.append(word)
        insertSlot(values.count - 1, hash: probe.hash)
        return values.count - 1
    }

    /// Changes the word at `index` (0-based, in the order the keys were added).
    mutating func update(at index: Int, _ change: (inout ChineseLexicon.Word) -> Void) {
        change(&values[index])
    }

    /// The scalars of the key at `index` (0-based, in the order the keys were added).
    func key(at index: Int) -> ArraySlice<UInt32> {
        keyScalars[Int(keyStarts[index])..<Int(keyStarts[index + 1])]
    }

    private mutating func insertSlot(_ value: Int, hash: Int) {
        var slot = hash & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(value)
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for value in values.indices { insertSlot(value, hash: Self.probe(key(at: value)).hash) }
    }
}
