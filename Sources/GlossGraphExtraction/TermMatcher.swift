import GlossGraphGlossary
import GlossGraphReading
import GlossGraphText

/// One occurrence of a glossary name in a text.
public struct TermMatch: Sendable, Hashable {
    /// UTF-8 byte range of the occurrence in the text, as written there.
    public var range: Range<Int>
    /// Index of the concept in the glossary the matcher was built from.
    public var concept: Int
    /// Index of the name in `TermMatcher.patterns`.
    public var pattern: Int

    public init(range: Range<Int>, concept: Int, pattern: Int) {
        self.range = range
        self.concept = concept
        self.pattern = pattern
    }
}

/// Finds every glossary name in a text in one pass over its UTF-8 bytes, leftmost-longest and
/// without overlaps, under `NameKey`'s rules.
///
/// The names are compiled into an Aho–Corasick automaton over their `NameKey` forms, one step
/// per Unicode scalar (a Chinese character is one step, not three bytes). The text is not
/// copied into a normalised string: each scalar is decoded from the UTF-8 bytes and read
/// through a class table that already folds ASCII case and full-width ASCII; only separators
/// and zero-width characters take a slower path (zero-width characters skipped; separators
/// between a letter and a digit, or next to CJK, skipped; a hyphen between letters read as a
/// space). Each step remembers the raw offset it came from. Latin names match only at word
/// boundaries (`RSP` not inside `RSPX`), and a CJK character next to a Latin one is a
/// boundary (`在RSP中`). All names ending at a position are collected; the leftmost, then
/// longest, non-overlapping ones win.
public final class TermMatcher: Sendable {
    /// A name as matched: its normalised bytes and its concept.
    public struct Pattern: Sendable {
        public var name: String
        public var key: [UInt8]
        public var concept: Int
        /// Unicode scalars in `key`: the automaton's steps.
        var length: Int
        /// The first (last) normalised byte is an ASCII letter or digit, so the match must
        /// not be preceded (followed) by one.
        var needsLeftBoundary: Bool
        var needsRightBoundary: Bool
        /// The name ends in a digit (GPT-4, Claude 3.5), so it is not found where the text goes
        /// on with the number (GPT-4.5, Claude 3.5.1).
        var endsInDigit = false
        /// The name starts with a Chinese numeral character (百度, 千问), so it is not found
        /// inside a number (八百度, 一千二百度: eight hundred degrees).
        var startsWithNumeral = false
        /// A Traditional or regional form written only with characters Simplified Chinese also
        /// writes (人工智慧): found only in a text that holds a Traditional-only character.
        var needsTraditionalText = false
        /// A form with a Traditional-only character (資料中心), which the automaton reads as
        /// Simplified (资料中心): found only where the occurrence itself holds one.
        var needsTraditionalSpan = false
    }

    public let patterns: [Pattern]
    /// Scalar of the Basic Multilingual Plane → input class (0 for scalars in no name). ASCII
    /// upper case and full-width ASCII share their ASCII lower case's class; separators and
    /// zero-width characters are `separatorClass`, to be normalised first.
    private let scalarClass: [UInt16]
    /// Input classes of scalars beyond the BMP that occur in names.
    private let supplementaryClass: [UInt32: UInt16]
    private static let separatorClass: UInt16 = 0xFFFF
    /// The class of the Traditional-only characters that a matcher built with
    /// `notesTraditional` notes when met: otherwise as class 0.
    private static let notedClass: UInt16 = 0xFFFE
    /// Whether any pattern `needsTraditionalText`.
    private let hasTraditionalTextPatterns: Bool
    /// The classes of a space and a hyphen, what separators become.
    private let spaceClass: UInt16
    private let hyphenClass: UInt16
    private let classCount: Int
    /// log2 of a row's length in the dense table: `classCount` rounded up to a power of two,
    /// so that finding a row is a shift, not a multiplication, in the loop.
    private let rowShift: Int
    /// Dense transition table for searching, indexed by `state << rowShift | class`; a target
    /// state that ends a pattern carries `outputFlag`, so one load says both where to go and
    /// whether to look. Two bytes an entry keeps the table small enough to stay in cache.
    private let transitions: [UInt16]
    private static let outputFlag: UInt16 = 0x8000
    /// Pattern ending at each state, or -1.
    private let terminal: [Int32]
    /// Nearest state down the failure chain (itself excluded) that ends a pattern, or -1.
    private let outputLink: [Int32]
    private let ringMask: Int
    /// For glossaries too large for a dense table: the trie with failure links, followed at
    /// match time. Slower per byte, but memory grows with the names, not names × classes.
    private let sparse: SparseAutomaton?

    /// Dense tables larger than this many entries (2 bytes each) give way to the sparse form.
    public static let denseTableLimit = 16 << 20

    struct SparseAutomaton: Sendable {
        let edgeStart: [Int32]
        let edgeClass: [UInt16]
        let edgeTarget: [Int32]
        let failure: [Int32]
        let hasOutput: [Bool]

        func next(_ state: Int, _ inputClass: Int) -> Int {
            var current = state
            while true {
                var low = Int(edgeStart[current]), high = Int(edgeStart[current + 1])
                while low < high {
                    let middle = (low + high) / 2
                    let value = Int(edgeClass[middle])
                    if value == inputClass { return Int(edgeTarget[middle]) }
                    if value < inputClass { low = middle + 1 } else { high = middle }
                }
                if current == 0 { return 0 }
                current = Int(failure[current])
            }
        }
    }

    /// The matchers of a glossary's names: `base` finds every name as written and as its key
    /// reads it (a name in Traditional characters also in Simplified ones, as ICU converts
    /// them), and notes a unit that holds a character only Traditional Chinese writes
    /// (`TraditionalCharacters`) and no name uses; `full`, made on first use, reads each
    /// Traditional-only character as the Simplified one OpenCC's `t2s` makes of it (數據中心 is
    /// found as 数据中心) and adds the regional forms of the names (`ChineseForms.forMatching`:
    /// 資料中心). A form is found as the glossary name it comes from.
    ///
    /// In `full`, a pattern `base` does not have counts only where the occurrence holds a
    /// Traditional-only character, or, for a form written in characters Simplified also writes
    /// (人工智慧), in a unit that holds one; so the two find the same in a text `base` does not note;
    /// `full`'s patterns begin with `base`'s, in the same order, so a match's pattern index
    /// means the same in both. OpenCC is thus opened only for text with Traditional
    /// characters; `expectingTraditional` starts making the forms at once, on a thread of
    /// their own, while `base` is built.
    public static func forGlossary(
        _ glossary: Glossary, expectingTraditional: Bool = false
    ) -> (base: TermMatcher, full: @Sendable () -> TermMatcher) {
        var glossaryNames: [(name: String, concept: Int)] = []
        for (index, concept) in glossary.concepts.enumerated() {
            for name in concept.names { glossaryNames.append((name.text, index)) }
        }
        let allNames = glossaryNames
        let early = expectingTraditional ? Deferred { ChineseForms.forMatching(of: allNames) } : nil
        var names: [(name: String, concept: Int)] = [], keys: [String] = []
        // Keys with a Traditional-only character go to `full` alone, so that none is in
        // `base`'s alphabet and `base` notes every one.
        var traditionalNames: [(name: String, concept: Int)] = [], traditionalKeys: [String] = []
        // As written, too: the glossary's keys read Traditional characters as Simplified (ICU).
        let asWritten = glossaryNames.filter { $0.name.containsCJK }.map { ($0, NameKey.key($0.name, simplifyTraditional: false)) }
        for (name, key) in zip(glossaryNames, glossary.nameKeys.flatMap { $0 }) + asWritten {
            if key.unicodeScalars.contains(where: { TraditionalCharacters.contains($0.value) }) {
                traditionalNames.append(name)
                traditionalKeys.append(key)
            } else {
                names.append(name)
                keys.append(key)
            }
        }
        let base = TermMatcher(names: names, keys: keys, denseLimit: denseTableLimit, notesTraditional: true)
        let baseCount = base.patterns.count
        let (fullNames, fullKeys) = (names + traditionalNames, keys + traditionalKeys)
        return (base, {
            var names = fullNames, keys = fullKeys
            for (name, form) in (try? early?.value()) ?? ChineseForms.forMatching(of: allNames) {
                names.append(name)
                keys.append(NameKey.key(form, simplifyTraditional: false))
            }
            return TermMatcher(
                names: names, keys: keys, denseLimit: denseTableLimit, foldsTraditional: true, needsTraditionalTextFrom: baseCount)
        })
    }

    /// The matcher of every name of `glossary` in all its forms: `forGlossary`'s `full`.
    public static func full(_ glossary: Glossary) -> TermMatcher {
        forGlossary(glossary).full()
    }

    /// Builds the matcher for names with the concept each stands for. Names whose keys are
    /// equal are one pattern (the first one given).
    public convenience init(names: [(name: String, concept: Int)]) {
        self.init(names: names, denseLimit: Self.denseTableLimit)
    }

    convenience init(names: [(name: String, concept: Int)], denseLimit: Int) {
        self.init(names: names, keys: NameKey.keys(names.map(\.name)), denseLimit: denseLimit)
    }

    /// `keys` are the names' `NameKey` keys; `denseLimit` caps the dense table's entries
    /// (tests lower it to exercise the sparse form). With `notesTraditional`, the characters of
    /// `TraditionalCharacters` that no key holds are noted when met (`Scratch.metTraditional`).
    /// With `foldsTraditional`, keys and text read each of them as its Simplified character
    /// (`TraditionalCharacters.simplified`), and keys that then read alike are one pattern.
    /// The patterns from `needsTraditionalTextFrom` on count only where a Traditional-only
    /// character is: in the occurrence, for a key that holds one (`needsTraditionalSpan`), else
    /// anywhere in the text (`needsTraditionalText`).
    init(
        names: [(name: String, concept: Int)], keys: [String], denseLimit: Int, notesTraditional: Bool = false,
        foldsTraditional: Bool = false, needsTraditionalTextFrom: Int = .max
    ) {
        var patterns: [Pattern] = []
        var symbols: [[UInt32]] = []
        var seenKeys = Set<[UInt32]>()
        for ((name, concept), text) in zip(names, keys) {
            let key = Array(text.utf8)
            let read = text.unicodeScalars.map { foldsTraditional ? TraditionalCharacters.simplified($0.value) : $0.value }
            let holdsTraditional = text.unicodeScalars.contains { TraditionalCharacters.contains($0.value) }
            // A match never starts or ends with a separator, so a name that does (`-`, `如果-`)
            // can never be found; leave it out rather than match half of it.
            guard let first = key.first, let last = key.last, first != UInt8(ascii: "-"), last != UInt8(ascii: "-"),
                seenKeys.insert(read).inserted
            else { continue }
            symbols.append(read)
            patterns.append(Pattern(
                name: name, key: key, concept: concept, length: symbols.last!.count,
                needsLeftBoundary: MarkdownLine.isASCIIAlphanumeric(first),
                needsRightBoundary: MarkdownLine.isASCIIAlphanumeric(last),
                endsInDigit: (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(last),
                startsWithNumeral: read.first.map(Self.isChineseNumeral) ?? false,
                needsTraditionalText: patterns.count >= needsTraditionalTextFrom && !holdsTraditional,
                needsTraditionalSpan: patterns.count >= needsTraditionalTextFrom && holdsTraditional))
        }
        self.patterns = patterns
        hasTraditionalTextPatterns = patterns.contains { $0.needsTraditionalText || $0.needsTraditionalSpan }

        // Input classes: one per scalar that occurs in a key, class 0 for all others.
        var scalarClass = [UInt16](repeating: 0, count: 0x10000)
        var supplementaryClass: [UInt32: UInt16] = [:]
        var classCount = 1
        for scalar in symbols.joined() {
            if scalar < 0x10000 {
                guard scalarClass[Int(scalar)] == 0 else { continue }
                scalarClass[Int(scalar)] = UInt16(classCount)
            } else {
                guard supplementaryClass[scalar] == nil else { continue }
                supplementaryClass[scalar] = UInt16(classCount)
            }
            classCount += 1
        }
        // Input classes are 16-bit and one value marks separators; `Glossary` refuses more.
        precondition(classCount - 1 <= Glossary.maximumDistinctCharacters, "more distinct characters in names than input classes")
        for upper in UInt32(0x41)...0x5A { scalarClass[Int(upper)] = scalarClass[Int(upper | 0x20)] }
        // Full-width ASCII reads as ASCII (NFKC); no key holds it, since keys are NFKC.
        for wide in 0xFF01...0xFF5E { scalarClass[wide] = scalarClass[Self.foldedASCII(wide - 0xFF01 + 0x21)] }
        // Curly apostrophes are the ASCII one, as `NameKey` reads them.
        scalarClass[0x2018] = scalarClass[0x27]
        scalarClass[0x2019] = scalarClass[0x27]
        func inputClass(_ scalar: UInt32) -> Int {
            Int(scalar < 0x10000 ? scalarClass[Int(scalar)] : supplementaryClass[scalar]!)
        }
        self.classCount = classCount
        var rowShift = 0
        while 1 << rowShift < classCount { rowShift += 1 }
        self.rowShift = rowShift

        // The trie, its edges in a map while it grows (a dense table per state would take
        // states × classes of memory before any choice is made).
        var edgeMap: [UInt64: Int32] = [:]
        var terminal: [Int32] = [-1]
        for index in patterns.indices {
            var state = 0
            for scalar in symbols[index] {
                let key = UInt64(state) << 16 | UInt64(inputClass(scalar))
                if let child = edgeMap[key] {
                    state = Int(child)
                } else {
                    let child = Int32(terminal.count)
                    edgeMap[key] = child
                    terminal.append(-1)
                    state = Int(child)
                }
            }
            terminal[state] = Int32(index)
        }
        let stateCount = terminal.count

        // Edges in compressed rows: a state's children sorted by class.
        let sortedEdges = edgeMap.sorted { $0.key < $1.key }
        edgeMap = [:]
        var edgeStart = [Int32](repeating: 0, count: stateCount + 1)
        for edge in sortedEdges { edgeStart[Int(edge.key >> 16) + 1] += 1 }
        for state in 0..<stateCount { edgeStart[state + 1] += edgeStart[state] }
        let edgeClass = sortedEdges.map { UInt16(truncatingIfNeeded: $0.key & 0xFFFF) }
        let edgeTarget = sortedEdges.map(\.value)
        func child(_ state: Int, _ inputClass: Int) -> Int32? {
            var low = Int(edgeStart[state]), high = Int(edgeStart[state + 1])
            while low < high {
                let middle = (low + high) / 2
                let value = Int(edgeClass[middle])
                if value == inputClass { return edgeTarget[middle] }
                if value < inputClass { low = middle + 1 } else { high = middle }
            }
            return nil
        }

        // Failure and output links, breadth first.
        var failure = [Int32](repeating: 0, count: stateCount)
        var outputLink = [Int32](repeating: -1, count: stateCount)
        var queue: [Int] = []
        queue.reserveCapacity(stateCount)
        for edge in Int(edgeStart[0])..<Int(edgeStart[1]) { queue.append(Int(edgeTarget[edge])) }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let fail = Int(failure[state])
            outputLink[state] = terminal[fail] >= 0 ? Int32(fail) : outputLink[fail]
            for edge in Int(edgeStart[state])..<Int(edgeStart[state + 1]) {
                let target = Int(edgeTarget[edge]), inputClass = Int(edgeClass[edge])
                var fallback = fail
                while true {
                    if let next = child(fallback, inputClass), Int(next) != target {
                        failure[target] = next
                        break
                    }
                    if fallback == 0 {
                        failure[target] = 0
                        break
                    }
                    fallback = Int(failure[fallback])
                }
                queue.append(target)
            }
        }
        let hasOutput = (0..<stateCount).map { terminal[$0] >= 0 || outputLink[$0] >= 0 }

        if stateCount << rowShift <= denseLimit && stateCount < Int(Self.outputFlag) {
            // A complete DFA: every state and class has its next state. A state's row is its
            // failure state's row (filled before it, breadth first) with its own edges on top.
            var transitions = [UInt16](repeating: 0, count: stateCount << rowShift)
            func encoded(_ target: Int32) -> UInt16 {
                UInt16(target) | (hasOutput[Int(target)] ? Self.outputFlag : 0)
            }
            transitions.withUnsafeMutableBufferPointer { table in
                for edge in Int(edgeStart[0])..<Int(edgeStart[1]) { table[Int(edgeClass[edge])] = encoded(edgeTarget[edge]) }
                for state in queue {
                    let row = state << rowShift
                    (table.baseAddress! + row).update(from: table.baseAddress! + Int(failure[state]) << rowShift, count: classCount)
                    for edge in Int(edgeStart[state])..<Int(edgeStart[state + 1]) {
                        table[row + Int(edgeClass[edge])] = encoded(edgeTarget[edge])
                    }
                }
            }
            self.transitions = transitions
            sparse = nil
        } else {
            transitions = []
            sparse = SparseAutomaton(edgeStart: edgeStart, edgeClass: edgeClass, edgeTarget: edgeTarget, failure: failure, hasOutput: hasOutput)
        }
        spaceClass = scalarClass[0x20]
        hyphenClass = scalarClass[0x2D]
        for scalar in Self.separatorScalars + Self.zeroWidthScalars { scalarClass[Int(scalar)] = Self.separatorClass }
        if notesTraditional {
            for scalar in TraditionalCharacters.list.unicodeScalars where scalarClass[Int(scalar.value)] == 0 {
                scalarClass[Int(scalar.value)] = Self.notedClass
            }
        }
        if foldsTraditional {
            for scalar in TraditionalCharacters.list.unicodeScalars {
                let simplified = TraditionalCharacters.simplified(scalar.value)
                scalarClass[Int(scalar.value)] = simplified < 0x10000 ? scalarClass[Int(simplified)] : supplementaryClass[simplified] ?? 0
            }
        }
        self.scalarClass = scalarClass
        self.supplementaryClass = supplementaryClass
        self.terminal = terminal
        self.outputLink = outputLink
        let longest = patterns.map(\.length).max() ?? 1
        var ringSize = 1
        while ringSize <= longest { ringSize <<= 1 }
        self.ringMask = ringSize - 1
    }

    /// Entries of the dense transition table (0 in the sparse form); never above
    /// `denseTableLimit`, so memory stays bounded for any glossary.
    public var tableEntries: Int { transitions.count }

    /// Whether the automaton is the sparse form (for very large glossaries).
    public var isSparse: Bool { sparse != nil }

    /// Number of automaton states (for reporting memory use).
    public var stateCount: Int { terminal.count }

    /// The matches in `text`, leftmost-longest and non-overlapping, in text order.
    public func matches(in text: String) -> [TermMatch] {
        var scratch = Scratch()
        var result: [TermMatch] = []
        var text = text
        text.withUTF8 { matches(in: $0, into: &result, scratch: &scratch) }
        return result
    }

    /// Reusable buffers, so that matching many texts allocates nothing per text.
    public struct Scratch {
        var candidates: [TermMatch] = []
        var ring: [Int] = []
        /// Whether the last text matched held a Traditional-only character the matcher notes.
        public var metTraditional = false
        public init() {}
    }

    /// Appends the matches in `bytes` (valid UTF-8) to `result`.
    public func matches(in bytes: UnsafeBufferPointer<UInt8>, into result: inout [TermMatch], scratch: inout Scratch) {
        var candidates = scratch.candidates
        var ringStorage = scratch.ring
        var met = false
        scratch = Scratch()
        defer {
            scratch.candidates = candidates
            scratch.ring = ringStorage
            scratch.metTraditional = met
        }
        candidates.removeAll(keepingCapacity: true)
        if ringStorage.count != ringMask + 1 { ringStorage = [Int](repeating: 0, count: ringMask + 1) }
        let count = bytes.count
        guard count > 0 else { return }
        ringStorage.withUnsafeMutableBufferPointer { ring in
            if let sparse {
                scan(bytes, ring: ring, into: &candidates, met: &met) { state, inputClass in
                    state = sparse.next(state, Int(inputClass))
                    return sparse.hasOutput[state]
                }
            } else {
                transitions.withUnsafeBufferPointer { transitions in
                    let rowShift = self.rowShift
                    scan(bytes, ring: ring, into: &candidates, met: &met) { state, inputClass in
                        let next = transitions[state &<< rowShift | Int(inputClass)]
                        state = Int(next & ~Self.outputFlag)
                        return next & Self.outputFlag != 0
                    }
                }
            }
        }
        if hasTraditionalTextPatterns,
            candidates.contains(where: { patterns[$0.pattern].needsTraditionalText || patterns[$0.pattern].needsTraditionalSpan })
        {
            var textHolds: Bool?  // looked at once, when a candidate first asks
            candidates.removeAll { candidate in
                let pattern = patterns[candidate.pattern]
                if pattern.needsTraditionalSpan { return !TraditionalCharacters.occur(in: UnsafeBufferPointer(rebasing: bytes[candidate.range])) }
                guard pattern.needsTraditionalText else { return false }
                if textHolds == nil { textHolds = TraditionalCharacters.occur(in: bytes) }
                return !textHolds!
            }
        }
        Self.selectLeftmostLongest(&candidates, into: &result)
    }

    /// Feeds the text's scalars to the automaton: `step` moves `state` on an input class and
    /// says whether the new state ends a pattern. Inlined into each form of the automaton, so
    /// that the loop keeps its state in registers.
    @inline(__always)
    private func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, ring: UnsafeMutableBufferPointer<Int>, into candidates: inout [TermMatch], met: inout Bool,
        step: (inout Int, UInt16) -> Bool
    ) {
        scalarClass.withUnsafeBufferPointer { scalarClass in
            let count = bytes.count
            let ringMask = self.ringMask
            var state = 0
            var emitted = 0
            var index = 0
            while index < count {
                // Decode one scalar; Chinese (three bytes) and ASCII take the short paths.
                let lead = bytes[index]
                var inputClass: UInt16
                var width: Int
                if lead < 0x80 {
                    inputClass = scalarClass[Int(lead)]
                    width = 1
                } else if lead & 0xF0 == 0xE0 && index &+ 2 < count {
                    let scalar = Int(lead & 0x0F) &<< 12 | Int(bytes[index &+ 1] & 0x3F) &<< 6 | Int(bytes[index &+ 2] & 0x3F)
                    inputClass = scalarClass[scalar]
                    width = 3
                } else {
                    (inputClass, width) = otherClass(bytes, at: index)
                }
                // One comparison for both rare classes keeps the common path as it was.
                if inputClass >= Self.notedClass {
                    if inputClass == Self.notedClass {
                        met = true
                        inputClass = 0
                    } else {
                        guard let replacement = Self.normalizedSeparator(bytes, at: index, width: width) else {
                            index &+= width
                            continue
                        }
                        inputClass = replacement == UInt8(ascii: " ") ? spaceClass : hyphenClass
                    }
                }
                ring[emitted & ringMask] = index
                emitted &+= 1
                if step(&state, inputClass) {
                    collect(state: state, emitted: emitted, end: index &+ width, ring: ring, bytes: bytes, into: &candidates)
                }
                index &+= width
            }
        }
    }

    /// Records every pattern that ends at this state (itself and down its output links)
    /// whose word boundaries hold.
    @inline(never)
    private func collect(
        state: Int, emitted: Int, end: Int, ring: UnsafeMutableBufferPointer<Int>, bytes: UnsafeBufferPointer<UInt8>,
        into candidates: inout [TermMatch]
    ) {
        var current = terminal[state] >= 0 ? state : Int(outputLink[state])
        while current >= 0 {
            let patternIndex = Int(terminal[current])
            let pattern = patterns[patternIndex]
            let start = ring[(emitted - pattern.length) & ringMask]
            if (!pattern.needsLeftBoundary || Self.isBoundary(before: start, in: bytes))
                && !(pattern.startsWithNumeral && Self.followsChineseNumeral(start, in: bytes))
            {
                if !pattern.needsRightBoundary || Self.isBoundary(after: end, in: bytes) {
                    if !(pattern.endsInDigit && Self.continuesNumber(after: end, in: bytes)) {
                        candidates.append(TermMatch(range: start..<end, concept: pattern.concept, pattern: patternIndex))
                    }
                } else if !pattern.endsInDigit, let plural = Self.pluralEnd(after: end, in: bytes) {
                    candidates.append(TermMatch(range: start..<plural, concept: pattern.concept, pattern: patternIndex))
                }
            }
            current = Int(outputLink[current])
        }
    }

    /// Candidates arrive ordered by end; keep the leftmost, then longest, without overlaps.
    /// They are sorted where they are (a sorted copy per text costs an allocation).
    static func selectLeftmostLongest(_ candidates: inout [TermMatch], into result: inout [TermMatch]) {
        guard !candidates.isEmpty else { return }
        if candidates.count > 1 {
            candidates.sort {
                $0.range.lowerBound != $1.range.lowerBound
                    ? $0.range.lowerBound < $1.range.lowerBound : $0.range.upperBound > $1.range.upperBound
            }
        }
        var end = -1
        for candidate in candidates where candidate.range.lowerBound >= end {
            result.append(candidate)
            end = candidate.range.upperBound
        }
    }

    // MARK: Normalising on the fly

    /// White space and dashes: what `normalizedSeparator` decides about.
    private static let separatorScalars: [UInt32] = [
        0x20, 0x09, 0x0B, 0x0C, 0x0D, 0x2D, 0xA0, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
        0x2008, 0x2009, 0x200A, 0x2010, 0x2011, 0x2012, 0x2013, 0x202F, 0x205F, 0x2212, 0x3000, 0xFF0D,
    ]
    /// Skipped wherever they are.
    private static let zeroWidthScalars: [UInt32] = [0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]

    private static func foldedASCII(_ scalar: Int) -> Int {
        scalar >= 0x41 && scalar <= 0x5A ? scalar | 0x20 : scalar
    }

    /// The class of a scalar that is neither ASCII nor three bytes long (or is cut short).
    private func otherClass(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt16, Int) {
        let (scalar, width) = Self.decode(bytes, at: index)
        let inputClass = scalar < 0x10000 ? scalarClass[Int(scalar)] : supplementaryClass[scalar] ?? 0
        return (inputClass, min(width, bytes.count - index))
    }

    /// What a separator or zero-width character at `index` becomes: a space or hyphen, or
    /// nothing (skipped).
    private static func normalizedSeparator(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, width: Int) -> UInt8? {
        let scalar = decode(bytes, at: index).scalar
        switch scalar {
        case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
            return nil
        case 0x2D, 0x2010...0x2013, 0x2212, 0xFF0D:
            return separator(isHyphen: true, at: index, width: width, in: bytes)
        default:
            // White space, and spaces by NFKC.
            return separator(isHyphen: false, at: index, width: width, in: bytes)
        }
    }

    private enum CharacterKind {
        case letter, digit, space, cjk, other, none
    }

    /// The kind of a scalar as `NameKey` sees it (full-width ASCII as ASCII).
    private static func kind(of scalar: UInt32) -> CharacterKind {
        var value = scalar
        if value >= 0xFF01 && value <= 0xFF5E { value = value - 0xFF01 + 0x21 }
        switch value {
        case 0x30...0x39: return .digit
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: return value == 0xD7 || value == 0xF7 ? .other : .letter
        case 0x20, 0x09, 0x0B, 0x0C, 0x0D, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        default: return ScriptClass.isCJK(value) ? .cjk : .other
        }
    }

    /// A space or hyphen: dropped between a letter and a digit (either order) and, for a
    /// space, next to CJK or after another space; a hyphen between letters reads as a space.
    private static func separator(isHyphen: Bool, at index: Int, width: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        let before = previousKind(before: index, in: bytes)
        if !isHyphen && (before == .space || before == .none) { return nil }
        // The next character after any further spaces.
        var next = index + width
        var after = CharacterKind.none
        while next < bytes.count {
            let (scalar, nextWidth) = decode(bytes, at: next)
            let nextKind = kind(of: scalar)
            if nextKind == .space && !isHyphen {
                next += nextWidth
                continue
            }
            after = nextKind
            break
        }
        if (before == .letter && after == .digit) || (before == .digit && after == .letter) { return nil }
        if isHyphen {
            return before == .letter && after == .letter ? UInt8(ascii: " ") : UInt8(ascii: "-")
        }
        if before == .cjk || after == .cjk || after == .none { return nil }
        return UInt8(ascii: " ")
    }

    private static func previousKind(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> CharacterKind {
        guard index > 0 else { return .none }
        var start = index - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return kind(of: decode(bytes, at: start).scalar)
    }

    /// Chinese numeral characters (as in 一千二百, 两万, 〇).
    static func isChineseNumeral(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x5343, 0x4E07, 0x842C, 0x4EBF,
            0x5104, 0x96F6, 0x4E24, 0x5169, 0x3007:
            true
        default: false
        }
    }

    /// Whether the character before `offset` (a byte offset) is a Chinese numeral character.
    static func followsChineseNumeral(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset >= 3 else { return false }
        var start = offset - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return isChineseNumeral(decode(bytes, at: start).scalar)
    }

    /// True when the character before `offset` is not an ASCII (or full-width) letter or digit.
    static func isBoundary(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset > 0 else { return true }
        var start = offset - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return !isAlphanumeric(decode(bytes, at: start).scalar)
    }

    /// True when the character at `offset` is not an ASCII (or full-width) letter or digit.
    /// Whether the text at `offset` goes on with a number: a full stop (ASCII or full-width)
    /// and a digit (`.5` of GPT-4.5).
    static func continuesNumber(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset < bytes.count else { return false }
        let stop = decode(bytes, at: offset)
        guard stop.scalar == 0x2E || stop.scalar == 0xFF0E, offset + stop.width < bytes.count else { return false }
        let digit = decode(bytes, at: offset + stop.width).scalar
        return (0x30...0x39).contains(digit) || (0xFF10...0xFF19).contains(digit)
    }

    /// Where an English plural ending (`s`, `es`) that follows a Latin name at `offset` ends,
    /// when a word boundary follows it: `RSPs`, `data centers`, `sandboxes` are the names
    /// `RSP`, `data center`, `sandbox`. English writes `es` only after a sibilant (s, x, z, ch,
    /// sh), so `metres` is no plural of `METR`. Nil otherwise.
    static func pluralEnd(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard offset < bytes.count else { return nil }
        if bytes[offset] == UInt8(ascii: "s"), isBoundary(after: offset + 1, in: bytes) { return offset + 1 }
        if offset > 0, EnglishPlural.takesES(stemEnding: bytes[max(0, offset - 2)..<offset]),
            bytes[offset] == UInt8(ascii: "e"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "s"),
            isBoundary(after: offset + 2, in: bytes)
        {
            return offset + 2
        }
        return nil
    }

    static func isBoundary(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset < bytes.count else { return true }
        return !isAlphanumeric(decode(bytes, at: offset).scalar)
    }

    private static func isAlphanumeric(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: true
        default: false
        }
    }

    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32, width: Int) {
        let lead = bytes[index]
        let count = bytes.count
        func continuation(_ offset: Int) -> UInt32 {
            index + offset < count ? UInt32(bytes[index + offset] & 0x3F) : 0
        }
        switch lead {
        case ..<0x80: return (UInt32(lead), 1)
        case 0xC0..<0xE0: return (UInt32(lead & 0x1F) << 6 | continuation(1), 2)
        case 0xE0..<0xF0: return (UInt32(lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3)
        default: return (UInt32(lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
        }
    }
}
