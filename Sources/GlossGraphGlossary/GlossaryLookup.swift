import Foundation
import GlossGraphText

/// Finds concepts by any of their names, by pinyin, or by a unique beginning of a name, and
/// suggests close names for a query that matches nothing.
public struct GlossaryLookup {
    /// How a query found its concept.
    public enum MatchKind: String, Sendable {
        /// The query is one of the concept's names (under `NameKey`'s rules).
        case name
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

    /// A close name offered when nothing matched.
    public struct Suggestion: Sendable {
        public var concept: Concept
        public var matchedName: String
        /// Edits between the query and the closest part of the name (0 for a partial name).
        public var distance: Int
    }

    public struct Result: Sendable {
        public var query: String
        /// The concepts found; empty when the query matched nothing.
        public var matches: [Match]
        /// Close names, closest first, when nothing matched.
        public var suggestions: [Suggestion]
    }

    public let glossary: Glossary
    /// Pinyin keys of the Chinese names, computed on first use (ICU transforms are slow to
    /// start, and most look-ups match a name exactly).
    private let pinyinIndex: LazyBox<[(key: String, concept: Int, name: String)]>

    public init(glossary: Glossary) {
        self.glossary = glossary
        let concepts = glossary.concepts
        pinyinIndex = LazyBox {
            var names: [(concept: Int, name: String)] = []
            for (conceptIndex, concept) in concepts.enumerated() {
                for name in concept.names where name.text.containsCJK {
                    names.append((conceptIndex, name.text))
                }
            }
            return names.map { (Pinyin.key(ofChinese: $0.name), $0.concept, $0.name) }
        }
    }

    /// Looks a query up: by name, then by pinyin, then by a unique beginning; when all fail,
    /// with up to `suggestionLimit` suggestions.
    public func lookup(_ query: String, suggestionLimit: Int = 5) -> Result {
        let trimmed = query.trimmingWhitespace()
        if let found = glossary.concept(named: trimmed) {
            return Result(query: query, matches: [Match(concept: found.concept, kind: .name, matchedName: found.name.text)], suggestions: [])
        }
        let queryKey = NameKey.key(trimmed)
        let queryPinyin = Pinyin.key(ofQuery: trimmed)
        if !queryPinyin.isEmpty {
            let matches = pinyinIndex.value.filter { $0.key == queryPinyin }
            if !matches.isEmpty { return Result(query: query, matches: unique(matches, kind: .pinyin), suggestions: []) }
        }
        let prefixMatches = prefixCandidates(queryKey: queryKey, queryPinyin: queryPinyin)
        if Set(prefixMatches.map(\.concept)).count == 1 {
            return Result(query: query, matches: unique(prefixMatches, kind: .prefix), suggestions: [])
        }
        return Result(query: query, matches: [], suggestions: suggestions(queryKey: queryKey, queryPinyin: queryPinyin, limit: suggestionLimit))
    }

    private func unique(_ hits: [(key: String, concept: Int, name: String)], kind: MatchKind) -> [Match] {
        var seen = Set<Int>()
        return hits.compactMap { hit in
            guard seen.insert(hit.concept).inserted else { return nil }
            return Match(concept: glossary.concepts[hit.concept], kind: kind, matchedName: hit.name)
        }
    }

    /// Names (and pinyin keys) that start with the query; the query must be long enough to
    /// mean something (two CJK characters, or three letters).
    private func prefixCandidates(queryKey: String, queryPinyin: String) -> [(key: String, concept: Int, name: String)] {
        var hits: [(key: String, concept: Int, name: String)] = []
        let meaningful = queryKey.containsCJK ? queryKey.count >= 2 : queryKey.count >= 3
        if meaningful {
            for entry in glossary.nameIndex where entry.key.hasPrefix(queryKey) {
                hits.append((entry.key, entry.concept, entry.name.text))
            }
        }
        if queryPinyin.count >= 3 {
            for entry in pinyinIndex.value where entry.key.hasPrefix(queryPinyin) {
                hits.append(entry)
            }
        }
        return hits
    }

    private func suggestions(queryKey: String, queryPinyin: String, limit: Int) -> [Suggestion] {
        guard !queryKey.isEmpty else { return [] }
        let query = Array(queryKey.unicodeScalars)
        let allowed = max(1, query.count / 4)
        var best: [Int: Suggestion] = [:]
        func consider(_ conceptIndex: Int, _ name: String, _ distance: Int) {
            if let existing = best[conceptIndex], existing.distance <= distance { return }
            best[conceptIndex] = Suggestion(concept: glossary.concepts[conceptIndex], matchedName: name, distance: distance)
        }
        for entry in glossary.nameIndex {
            let name = Array(entry.key.unicodeScalars)
            if entry.key.contains(queryKey) && query.count >= 2 {
                consider(entry.concept, entry.name.text, 0)
            } else {
                let distance = EditDistance.toClosestPrefix(of: name, from: query)
                if distance <= allowed { consider(entry.concept, entry.name.text, distance) }
            }
        }
        if queryPinyin.count >= 3 {
            let pinyinQuery = Array(queryPinyin.unicodeScalars)
            for entry in pinyinIndex.value {
                let distance =
                    entry.key.contains(queryPinyin) ? 0 : EditDistance.toClosestPrefix(of: Array(entry.key.unicodeScalars), from: pinyinQuery)
                if distance <= max(1, pinyinQuery.count / 4) { consider(entry.concept, entry.name, distance) }
            }
        }
        return best.values.sorted {
            ($0.distance, $0.matchedName.count, $0.concept.id) < ($1.distance, $1.matchedName.count, $1.concept.id)
        }.prefix(limit).map { $0 }
    }
}

/// A value computed on first use; safe to share between threads.
final class LazyBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let made = make()
        stored = made
        return made
    }
}

/// Edit distances between sequences of Unicode scalars.
enum EditDistance {
    /// The fewest insertions, deletions and substitutions that turn `query` into some prefix
    /// of `name` (so a typo in the first word of a long name still counts as close).
    static func toClosestPrefix(of name: [Unicode.Scalar], from query: [Unicode.Scalar]) -> Int {
        guard !query.isEmpty else { return 0 }
        guard !name.isEmpty else { return query.count }
        // Rows over the query, columns over the name; the answer is the best cell of the last row.
        var previous = Array(0...name.count)
        var current = [Int](repeating: 0, count: name.count + 1)
        for i in 1...query.count {
            current[0] = i
            for j in 1...name.count {
                let substitution = previous[j - 1] + (query[i - 1] == name[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous.min()!
    }
}

/// Pinyin keys for finding Chinese names by their sound.
public enum Pinyin {
    /// Toneless pinyin of a Chinese name, letters and digits only: `宪法AI` → `xianfaai`.
    /// Readings come from `PinyinTable` (one reading per character, as ICU gives it), so no
    /// ICU transform has to start up for a look-up.
    public static func key(ofChinese name: String) -> String {
        var key = ""
        for scalar in name.precomposedStringWithCompatibilityMapping.unicodeScalars {
            let value = scalar.value
            if let reading = reading(of: value) {
                key += reading
            } else if (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) {
                key.unicodeScalars.append(scalar)
            } else if (0x41...0x5A).contains(value) {
                key.unicodeScalars.append(Unicode.Scalar(value + 0x20)!)
            }
        }
        return key
    }

    private static let unifiedReadings = PinyinTable.unified.split(separator: " ", omittingEmptySubsequences: false)
    private static let extensionAReadings = PinyinTable.extensionA.split(separator: " ", omittingEmptySubsequences: false)

    static func reading(of value: UInt32) -> Substring? {
        if value >= PinyinTable.unifiedStart, Int(value - PinyinTable.unifiedStart) < unifiedReadings.count {
            return unifiedReadings[Int(value - PinyinTable.unifiedStart)]
        }
        if value >= PinyinTable.extensionAStart, Int(value - PinyinTable.extensionAStart) < extensionAReadings.count {
            return extensionAReadings[Int(value - PinyinTable.extensionAStart)]
        }
        return nil
    }

    /// The pinyin key of a query typed in Latin letters, with or without tone marks, tone
    /// numbers and spaces (`guimo dinglü`, `gui1mo2`, `lv`); empty when the query is not Latin.
    public static func key(ofQuery query: String) -> String {
        guard !query.containsCJK else { return "" }
        var text = lettersOnly(query)
        // Tone numbers after a syllable: drop a digit 1–5 that follows a letter.
        var scalars = String.UnicodeScalarView()
        var previousIsLetter = false
        for scalar in text.unicodeScalars {
            if ("1"..."5").contains(scalar) && previousIsLetter {
                previousIsLetter = false
                continue
            }
            previousIsLetter = scalar.properties.isAlphabetic
            scalars.append(scalar)
        }
        text = String(scalars)
        // `v` is the usual keyboard stand-in for ü.
        return text.replacingOccurrences(of: "lv", with: "lu").replacingOccurrences(of: "nv", with: "nu")
    }

    private static func lettersOnly(_ text: String) -> String {
        let stripped = text.applyingTransform(.stripDiacritics, reverse: false) ?? text
        return String(String.UnicodeScalarView(stripped.lowercased().unicodeScalars.filter {
            ($0.value >= 0x61 && $0.value <= 0x7A) || ($0.value >= 0x30 && $0.value <= 0x39)
        }))
    }
}
