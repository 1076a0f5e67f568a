import Foundation
import GlossGraphText

/// Finds concepts by any of their names, by pinyin, or by a unique beginning of a name, and
/// suggests close names for a query that matches nothing.
public struct GlossaryLookup {
    /// How a query found its concept.
    public enum MatchKind: String, Sendable {
        /// The query is one of the concept's names (under `NameKey`'s rules).
        case name
        /// The query is a Traditional or regional form of a Chinese name (`ChineseForms`:
        /// 資料中心 for 数据中心), or converts to a name under OpenCC's `t2s`, `tw2sp` or `hk2s`.
        case regionalForm = "regional-form"
        /// The query is the pinyin of one of its Chinese names (tones and spaces optional).
        case pinyin
        /// The query begins one of its names (or their pinyin), and no other concept's.
        case prefix
    }

    public struct Match: Sendable {
        public var concept: Concept
        public var kind: MatchKind
        /// The name the query matched, as the glossary writes it.
        public var matchedName: String
    }

    /// How close a suggested name is to the query, closest first.
    public enum Closeness: Int, Comparable, Sendable {
        /// The query is one or more whole words of the name (`scaling` in `scaling law`;
        /// `模型` in `奖励模型`), or whole syllables of its pinyin.
        case words
        /// The query begins a word of the name (`scal` in `scaling law`).
        case wordBeginning
        /// The query's words are words of the name in another inflection (`code` and `coding`,
        /// `scaling laws` and `scaling law`): the same after a light suffix strip (`NameWords.stem`).
        case otherForm
        /// A few typing errors away from the beginning of a word of the name: at most one for a
        /// query of 5 to 8 letters (3 to 5 CJK characters), two for a longer one, none for a
        /// shorter one. This is Elasticsearch's `AUTO` fuzziness one step stricter, since one
        /// wrong letter in a short word or an acronym names another thing (`code`/`mode`, `PPO`/`PPA`).
        case typo
        /// The query (4 letters or more) is inside a word of the name (`code` in `autoencoder`).
        case insideWord
        /// The name is one or more whole words of the query (`paring` in `paring knife`, 链条
        /// in 链条油): the query names something more.
        case holdsName

        public static func < (lhs: Closeness, rhs: Closeness) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The name JSON output gives it: `words`, `word-beginning`, `other-form`, `typo`,
        /// `inside-word`, `holds-name`.
        public var label: String {
            switch self {
            case .words: "words"
            case .wordBeginning: "word-beginning"
            case .otherForm: "other-form"
            case .typo: "typo"
            case .insideWord: "inside-word"
            case .holdsName: "holds-name"
            }
        }
    }

    /// A close name offered when nothing matched.
    public struct Suggestion: Sendable {
        public var concept: Concept
        public var matchedName: String
        public var closeness: Closeness
        /// Edits between the query and the closest part of the name (0 unless a typo).
        public var distance: Int
    }

    public struct Result: Sendable {
        public var query: String
        /// The concepts found; empty when the query matched nothing.
        public var matches: [Match]
        /// Close names, closest first, when nothing matched; empty when no name is close.
        public var suggestions: [Suggestion]
    }

    /// A Chinese name's sound: its segments, and its keys in the first combinations of readings.
    private struct SpokenName: Sendable {
        var concept: Int
        var name: String
        var segments: [Pinyin.Segment]
        var keys: [(key: String, syllableStarts: [Int])]
    }

    /// The most reading combinations a name's typo suggestions compare against (exact and
    /// beginning matches try every combination).
    static let suggestionKeyLimit = 32

    public let glossary: Glossary
    /// The sound of the Chinese names, computed on first use (most look-ups match a name).
    private let spokenNames: LazyBox<[SpokenName]>
    /// The Traditional and regional forms of the Chinese names, by key, made on first use.
    private let regionalForms: LazyBox<[String: (concept: Int, name: String)]>

    public init(glossary: Glossary) {
        self.glossary = glossary
        let concepts = glossary.concepts
        regionalForms = LazyBox {
            var names: [(name: String, concept: Int)] = []
            for (conceptIndex, concept) in concepts.enumerated() {
                for name in concept.names where name.text.containsCJK { names.append((name.text, conceptIndex)) }
            }
            var index: [String: (concept: Int, name: String)] = [:]
            for (name, form) in ChineseForms.of(names) {
                let key = NameKey.key(form, simplifyTraditional: false)
                if index[key] == nil { index[key] = (name.concept, name.name) }
            }
            return index
        }
        spokenNames = LazyBox {
            var names: [SpokenName] = []
            for (conceptIndex, concept) in concepts.enumerated() {
                for name in concept.names where name.text.containsCJK {
                    let segments = Pinyin.segments(ofChinese: name.text)
                    names.append(SpokenName(
                        concept: conceptIndex, name: name.text, segments: segments,
                        keys: Pinyin.keys(of: segments, limit: GlossaryLookup.suggestionKeyLimit)))
                }
            }
            return names
        }
    }

    /// Looks a query up: by name, then by pinyin, then by a unique beginning; when all fail,
    /// with up to `suggestionLimit` suggestions of close names (`Closeness`). A beginning
    /// that `isGeneralWord` finds a word of general Chinese or English on its own (链条 of
    /// 链条油, chain of chain oil) names another thing: its names are suggested, not matched.
    public func lookup(_ query: String, suggestionLimit: Int = 5, isGeneralWord: ((String) -> Bool)? = nil) -> Result {
        let trimmed = query.trimmingWhitespace()
        if let found = glossary.concept(named: trimmed) {
            return Result(query: query, matches: [Match(concept: found.concept, kind: .name, matchedName: found.name.text)], suggestions: [])
        }
        if trimmed.containsCJK, let found = regionalMatch(trimmed) {
            return Result(query: query, matches: [found], suggestions: [])
        }
        // An English plural of a name is the name (RSPs, data centers), as in transcripts, and
        // a singular finds a name written in the plural (swirl mark for swirl marks), as names
        // proposed from a text keep its number. `es` only after a sibilant (sandboxes; metres is
        // no plural of METR).
        if !trimmed.containsCJK {
            var numberForms: [String] = []
            for suffix in ["s", "es"] where trimmed.hasSuffix(suffix) && trimmed.count > suffix.count + 1
                && (suffix == "s" || EnglishPlural.takesES(stemEnding: trimmed.utf8.dropLast(2).suffix(2)))
            {
                numberForms.append(String(trimmed.dropLast(suffix.count)))
            }
            if trimmed.count >= 3, trimmed.last?.isLetter == true {
                numberForms.append(trimmed + (EnglishPlural.takesES(stemEnding: trimmed.utf8.suffix(2)) ? "es" : "s"))
            }
            if let found = numberForms.lazy.compactMap({ self.glossary.concept(named: $0) }).first {
                return Result(query: query, matches: [Match(concept: found.concept, kind: .name, matchedName: found.name.text)], suggestions: [])
            }
        }
        let queryKey = NameKey.key(trimmed)
        // A Latin name written with or without its hyphens, spaces or accents (IV curve for
        // I-V curve, OrthoK for Ortho-K, Controle for Contrôle), when it is one concept's.
        if !queryKey.containsCJK {
            let joined = Self.joined(queryKey)
            let hits = glossary.nameIndex.filter { !$0.key.containsCJK && Self.joined($0.key) == joined }
            if Set(hits.map(\.concept)).count == 1 {
                return Result(query: query, matches: unique(hits.map { ($0.concept, $0.name.text) }, kind: .name), suggestions: [])
            }
        }
        let queryPinyin = Pinyin.key(ofQuery: trimmed)
        if !queryPinyin.isEmpty {
            let matches = spokenNames.value.filter { Pinyin.reads(queryPinyin, $0.segments) }
            if !matches.isEmpty { return Result(query: query, matches: unique(matches.map { ($0.concept, $0.name) }, kind: .pinyin), suggestions: []) }
        }
        let prefixMatches = prefixCandidates(queryKey: queryKey, queryPinyin: queryPinyin)
        if Set(prefixMatches.map(\.concept)).count == 1, !(isGeneralWord?(trimmed) ?? false) {
            return Result(query: query, matches: unique(prefixMatches, kind: .prefix), suggestions: [])
        }
        return Result(query: query, matches: [], suggestions: suggestions(queryKey: queryKey, queryPinyin: queryPinyin, limit: suggestionLimit))
    }

    /// `key` (a Latin `NameKey` key) without its spaces, which hyphens between letters have
    /// become (`i v curve` and `iv curve` → `ivcurve`, `ortho k` and `orthok` → `orthok`), and
    /// without diacritics (`contrôle` → `controle`), as people type names on an English keyboard.
    static func joined(_ key: String) -> String {
        key.replacingOccurrences(of: " ", with: "").folding(options: .diacriticInsensitive, locale: nil)
    }

    /// A concept whose Chinese name has the query as a Traditional or regional form, or whose
    /// name the query becomes under OpenCC's conversions to Simplified.
    private func regionalMatch(_ query: String) -> Match? {
        if let hit = regionalForms.value[NameKey.key(query, simplifyTraditional: false)] {
            return Match(concept: glossary.concepts[hit.concept], kind: .regionalForm, matchedName: hit.name)
        }
        for converted in ChineseConversion.convert([query], by: ChineseConversion.toSimplified) {
            if let text = converted?.first, let found = glossary.concept(named: text) {
                return Match(concept: found.concept, kind: .regionalForm, matchedName: found.name.text)
            }
        }
        return nil
    }

    private func unique(_ hits: [(concept: Int, name: String)], kind: MatchKind) -> [Match] {
        var seen = Set<Int>()
        return hits.compactMap { hit in
            guard seen.insert(hit.concept).inserted else { return nil }
            return Match(concept: glossary.concepts[hit.concept], kind: kind, matchedName: hit.name)
        }
    }

    /// Names (and pinyin readings) that start with the query; the query must be long enough to
    /// mean something (two CJK characters, or three letters).
    private func prefixCandidates(queryKey: String, queryPinyin: String) -> [(concept: Int, name: String)] {
        var hits: [(concept: Int, name: String)] = []
        let meaningful = queryKey.containsCJK ? queryKey.count >= 2 : queryKey.count >= 3
        if meaningful {
            for entry in glossary.nameIndex where entry.key.hasPrefix(queryKey) {
                hits.append((entry.concept, entry.name.text))
            }
        }
        if queryPinyin.count >= 3 {
            for spoken in spokenNames.value where Pinyin.reads(queryPinyin, spoken.segments, prefixOnly: true) {
                hits.append((spoken.concept, spoken.name))
            }
        }
        return hits
    }

    private func suggestions(queryKey: String, queryPinyin: String, limit: Int) -> [Suggestion] {
        guard !queryKey.isEmpty else { return [] }
        let query = Array(queryKey.unicodeScalars)
        var best: [Int: Suggestion] = [:]
        func consider(_ conceptIndex: Int, _ name: String, _ closeness: (Closeness, Int)?) {
            guard let (closeness, distance) = closeness else { return }
            if let existing = best[conceptIndex], (existing.closeness, existing.distance) <= (closeness, distance) { return }
            best[conceptIndex] = Suggestion(concept: glossary.concepts[conceptIndex], matchedName: name, closeness: closeness, distance: distance)
        }
        for entry in glossary.nameIndex {
            let name = Array(entry.key.unicodeScalars)
            consider(entry.concept, entry.name.text, Closeness.of(query, in: name, wordStarts: NameWords.starts(of: name)))
        }
        let toneless = Pinyin.toneless(queryPinyin)
        if toneless.count >= 3 && Pinyin.isSyllables(toneless) {
            let pinyinQuery = Array(toneless.unicodeScalars)
            for spoken in spokenNames.value {
                for reading in spoken.keys {
                    // No typos in pinyin: one letter off is another syllable (xingzheng, jingzheng).
                    let closeness = Closeness.of(
                        pinyinQuery, in: Array(reading.key.unicodeScalars), wordStarts: Set(reading.syllableStarts), allowInsideWord: false,
                        allowTypos: false)
                    consider(spoken.concept, spoken.name, closeness)
                }
            }
        }
        return best.values.sorted {
            ($0.closeness, $0.distance, $0.matchedName.count, $0.concept.id) < ($1.closeness, $1.distance, $1.matchedName.count, $1.concept.id)
        }.prefix(limit).map { $0 }
    }
}

extension GlossaryLookup.Closeness {
    /// How close `query` is to `name` (both name keys, as scalars) whose words start at
    /// `wordStarts` (offsets in scalars, 0-based); nil when it is not close at all.
    static func of(
        _ query: [Unicode.Scalar], in name: [Unicode.Scalar], wordStarts: Set<Int>, allowInsideWord: Bool = true, allowTypos: Bool = true
    ) -> (Self, Int)? {
        guard !query.isEmpty, !name.isEmpty else { return nil }
        let isChinese = query.contains { ScriptClass.isCJK($0.value) }
        let meaningful = isChinese ? query.count >= 2 : query.count >= 3
        var insideWord = false
        if meaningful, query.count <= name.count {
            var beginsWord = false
            for start in 0...(name.count - query.count) where name[start..<start + query.count].elementsEqual(query) {
                let end = start + query.count
                if wordStarts.contains(start) {
                    let endsWord = end == name.count || wordStarts.contains(end)
                        || !(name[end].properties.isAlphabetic || NameKey.isDigit(name[end]))
                    if endsWord { return (.words, 0) }
                    beginsWord = true
                } else {
                    insideWord = true
                }
            }
            if beginsWord { return (.wordBeginning, 0) }
        }
        if !isChinese, NameWords.sameStems(query, in: name) { return (.otherForm, 0) }
        let allowed = isChinese ? (query.count <= 2 ? 0 : query.count <= 5 ? 1 : 2) : (query.count <= 4 ? 0 : query.count <= 8 ? 1 : 2)
        if allowed > 0 && allowTypos {
            var closest = Int.max
            for start in wordStarts.sorted() where start < name.count {
                closest = min(closest, EditDistance.toClosestPrefix(of: Array(name[start...]), from: query))
            }
            if closest <= allowed { return (.typo, closest) }
        }
        if allowInsideWord && insideWord && !isChinese && query.count >= 4 { return (.insideWord, 0) }
        // The name inside the query, from a word's start to a word's end.
        let nameIsChinese = name.contains { ScriptClass.isCJK($0.value) }
        if allowInsideWord, name.count < query.count, nameIsChinese ? name.count >= 2 : name.count >= 3 {
            let queryStarts = NameWords.starts(of: query)
            for start in 0...(query.count - name.count) where queryStarts.contains(start) && query[start..<start + name.count].elementsEqual(name) {
                let end = start + name.count
                if end == query.count || queryStarts.contains(end) || !(query[end].properties.isAlphabetic || NameKey.isDigit(query[end])) {
                    return (.holdsName, 0)
                }
            }
        }
        return nil
    }
}

/// Where the words of a name key begin.
package enum NameWords {
    /// Offsets (in scalars, 0-based) where a word starts: the beginning, after a space or
    /// punctuation, at a change between letters and digits, and at every CJK character
    /// (Chinese does not separate words, so any character may begin one).
    static func starts(of name: [Unicode.Scalar]) -> Set<Int> {
        var starts: Set<Int> = []
        func kind(_ scalar: Unicode.Scalar) -> Int {
            if ScriptClass.isCJK(scalar.value) { return 0 }
            if NameKey.isDigit(scalar) { return 1 }
            if scalar.properties.isAlphabetic { return 2 }
            return 3
        }
        var previous = 3
        for (offset, scalar) in name.enumerated() {
            let current = kind(scalar)
            if current == 0 || (current != 3 && current != previous) { starts.insert(offset) }
            previous = current
        }
        return starts
    }

    /// Whether the Latin words of `query` are, after `stem`, consecutive words of `name`.
    static func sameStems(_ query: [Unicode.Scalar], in name: [Unicode.Scalar]) -> Bool {
        let queryStems = latinWords(query).map(stem)
        let nameStems = latinWords(name).map(stem)
        guard !queryStems.isEmpty, queryStems.count <= nameStems.count else { return false }
        return (0...(nameStems.count - queryStems.count)).contains { start in
            nameStems[start..<start + queryStems.count].elementsEqual(queryStems)
        }
    }

    private static func latinWords(_ text: [Unicode.Scalar]) -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in text + [" "] {
            if scalar.value < 0x250 && (scalar.properties.isAlphabetic || NameKey.isDigit(scalar)) {
                word.append(scalar)
            } else if !word.isEmpty {
                words.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        return words
    }

    /// A light English stem: one of `ing`, `ed`, `es`, `s`, `e` taken off a word of four letters
    /// or more, leaving at least three (`coding` → `cod`, `code` → `cod`, `laws` → `law`).
    /// Enough to tell that two names are one word in two inflections; not a full stemmer.
    package static func stem(_ word: String) -> String {
        guard word.count >= 4 else { return word }
        for suffix in ["ing", "ed", "es", "s", "e"] where word.hasSuffix(suffix) && word.count - suffix.count >= 3 {
            return String(word.dropLast(suffix.count))
        }
        return word
    }
}

/// Edit distances between sequences of Unicode scalars.
package enum EditDistance {
    /// The fewest insertions, deletions, substitutions and swaps of neighbours that turn
    /// `query` into some prefix of `name` (so a typo in the first word of a long name still
    /// counts as close).
    package static func toClosestPrefix(of name: [Unicode.Scalar], from query: [Unicode.Scalar]) -> Int {
        guard !query.isEmpty else { return 0 }
        guard !name.isEmpty else { return query.count }
        // Rows over the query, columns over the name; the answer is the best cell of the last
        // row. Two neighbours swapped count as one edit (Damerau's transposition: Cluade).
        var beforePrevious = [Int](repeating: 0, count: name.count + 1)
        var previous = Array(0...name.count)
        var current = [Int](repeating: 0, count: name.count + 1)
        for i in 1...query.count {
            current[0] = i
            for j in 1...name.count {
                let substitution = previous[j - 1] + (query[i - 1] == name[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                if i > 1, j > 1, query[i - 1] == name[j - 2], query[i - 2] == name[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous.min()!
    }
}

