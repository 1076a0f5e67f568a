import Foundation
import GlossGraphText

/// Pinyin for finding Chinese names by their sound.
///
/// Readings come from `PinyinTable`, generated from pypinyin's data: every reading of a
/// character, most common first, and the words its phrase data reads otherwise (番茄 fan qie,
/// where 茄 is first jia), whose readings then come first in a name's key. A name is found by
/// any combination of its characters' readings, so a polyphonic character is found by the
/// reading the word has (微调 `weitiao`, 长尾 `changwei`) whether or not the phrase data holds
/// the word, and no ICU transform starts for a look-up.
public enum Pinyin {
    /// One unit of a name's sound: the readings of a CJK character, or one run of Latin
    /// letters and digits, lowercased, read as it is written.
    struct Segment: Sendable {
        var readings: [Substring]
        /// Whether the segment is a character's readings, which a query may follow with a tone
        /// number (`gui1`), rather than Latin text read as written.
        var isSyllable: Bool
    }

    /// The segments of a Chinese name: `宪法AI` → `[xian], [fa], [ai]`. Characters that are
    /// neither CJK with a reading nor ASCII letters or digits are left out.
    /// A word the table reads otherwise than in its characters' first readings (番茄 fan qie)
    /// puts its readings first, the longest such word from the left winning.
    static func segments(ofChinese name: String) -> [Segment] {
        var segments: [Segment] = []
        // The characters of the segments that are syllables, nil for Latin ones.
        var characters: [Unicode.Scalar?] = []
        var latin = ""
        func endLatin() {
            if !latin.isEmpty {
                segments.append(Segment(readings: [Substring(latin)], isSyllable: false))
                characters.append(nil)
            }
            latin = ""
        }
        for scalar in NameKey.compatibilityNormalized(name).unicodeScalars {
            let value = scalar.value
            if let readings = readings(of: value) {
                endLatin()
                segments.append(Segment(readings: readings, isSyllable: true))
                characters.append(scalar)
            } else if (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) {
                latin.unicodeScalars.append(scalar)
            } else if (0x41...0x5A).contains(value) {
                latin.unicodeScalars.append(Unicode.Scalar(value + 0x20)!)
            } else {
                endLatin()
            }
        }
        endLatin()
        var start = 0
        while start < segments.count {
            var matched = 1
            var length = min(phraseLengthLimit, segments.count - start)
            while length >= 2 {
                let window = characters[start..<start + length]
                if window.allSatisfy({ $0 != nil }),
                    let reading = phraseReadings[String(String.UnicodeScalarView(window.map { $0! }))]
                {
                    for (offset, syllable) in reading.enumerated() {
                        segments[start + offset].readings = [syllable] + segments[start + offset].readings.filter { $0 != syllable }
                    }
                    matched = length
                    break
                }
                length -= 1
            }
            start += matched
        }
        return segments
    }

    /// `PinyinTable.phrases` by word: each character's reading in it.
    private static let phraseReadings: [String: [Substring]] = {
        var readings: [String: [Substring]] = [:]
        for entry in PinyinTable.phrases.split(separator: " ") {
            guard let equals = entry.firstIndex(of: "=") else { continue }
            readings[String(entry[..<equals])] = entry[entry.index(after: equals)...].split(separator: ",")
        }
        return readings
    }()

    /// The most characters of a word in `PinyinTable.phrases`.
    private static let phraseLengthLimit = phraseReadings.keys.map { $0.unicodeScalars.count }.max() ?? 0

    /// Toneless pinyin of a Chinese name in each character's most common reading, letters and
    /// digits only: `宪法AI` → `xianfaai`.
    public static func key(ofChinese name: String) -> String {
        segments(ofChinese: name).map { String($0.readings[0]) }.joined()
    }

    /// The pinyin keys of a name in every combination of its characters' readings, most common
    /// readings first, at most `limit`; each with the offsets (in letters, 0-based) where its
    /// syllables start.
    static func keys(of segments: [Segment], limit: Int) -> [(key: String, syllableStarts: [Int])] {
        var keys: [(key: String, syllableStarts: [Int])] = [("", [])]
        for segment in segments {
            var extended: [(key: String, syllableStarts: [Int])] = []
            for reading in segment.readings {
                for partial in keys where extended.count < limit {
                    extended.append((partial.key + reading, partial.syllableStarts + [partial.key.utf8.count]))
                }
            }
            keys = extended
        }
        return keys
    }

    /// Whether `query` (a key from `key(ofQuery:)`) reads the whole name, in any of its
    /// readings, each syllable optionally followed by a tone number 1–5; with `prefixOnly`,
    /// whether it reads a beginning of the name (it may end inside a syllable).
    static func reads(_ query: String, _ segments: [Segment], prefixOnly: Bool = false) -> Bool {
        let query = Array(query.utf8)
        guard !query.isEmpty else { return false }
        var reachable: Set<Int> = [0]
        for segment in segments {
            var next = Set<Int>()
            for start in reachable {
                if prefixOnly && start == query.count { return true }
                let rest = query[start...]
                for reading in segment.readings {
                    let letters = reading.utf8
                    if rest.starts(with: letters) {
                        let end = start + letters.count
                        next.insert(end)
                        if segment.isSyllable, end < query.count, (0x31...0x35).contains(query[end]) { next.insert(end + 1) }
                    } else if prefixOnly && letters.starts(with: rest) {
                        return true
                    }
                }
            }
            if next.isEmpty { return false }
            reachable = next
        }
        return reachable.contains(query.count)
    }

    /// Whether a key from `key(ofQuery:)` is a sequence of pinyin syllables (any syllable the
    /// table knows), as `changweifenbu` is and `ppo` or `code` are not.
    static func isSyllables(_ query: String) -> Bool {
        let letters = Array(query.utf8)
        guard !letters.isEmpty else { return false }
        var reachable = [Bool](repeating: false, count: letters.count + 1)
        reachable[0] = true
        for start in 0..<letters.count where reachable[start] {
            for length in 1...min(6, letters.count - start)
            where syllables.contains(String(decoding: letters[start..<start + length], as: UTF8.self)) {
                reachable[start + length] = true
            }
        }
        return reachable[letters.count]
    }

    private static let syllables: Set<String> = {
        var all = Set<String>()
        for table in [PinyinTable.unified, PinyinTable.extensionA] {
            for slot in table.split(separator: " ") {
                for reading in slot.split(separator: ",") { all.insert(String(reading)) }
            }
        }
        return all
    }()

    private static let unifiedSlots = PinyinTable.unified.split(separator: " ", omittingEmptySubsequences: false)
    private static let extensionASlots = PinyinTable.extensionA.split(separator: " ", omittingEmptySubsequences: false)

    /// The readings of a code point, most common first; nil when it is not a CJK ideograph the
    /// table gives a reading for.
    static func readings(of value: UInt32) -> [Substring]? {
        let slot: Substring
        if value >= PinyinTable.unifiedStart, Int(value - PinyinTable.unifiedStart) < unifiedSlots.count {
            slot = unifiedSlots[Int(value - PinyinTable.unifiedStart)]
        } else if value >= PinyinTable.extensionAStart, Int(value - PinyinTable.extensionAStart) < extensionASlots.count {
            slot = extensionASlots[Int(value - PinyinTable.extensionAStart)]
        } else {
            return nil
        }
        return slot.isEmpty ? nil : slot.split(separator: ",")
    }

    /// The pinyin key of a query typed in Latin letters, lowercased, without tone marks,
    /// spaces or punctuation, digits kept (`guimo dinglü` → `guimodinglu`, `gui1mo2`, `lv` →
    /// `lu`); empty when the query is not Latin. `reads` takes a digit 1–5 after a syllable
    /// as its tone.
    public static func key(ofQuery query: String) -> String {
        guard !query.containsCJK else { return "" }
        // `v` is the usual keyboard stand-in for ü.
        return lettersOnly(query).replacingOccurrences(of: "lv", with: "lu").replacingOccurrences(of: "nv", with: "nu")
    }

    /// A query key without tone numbers (a digit 1–5 after a letter), for comparing with the
    /// keys of `keys(of:limit:)`.
    static func toneless(_ key: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousIsLetter = false
        for scalar in key.unicodeScalars {
            if ("1"..."5").contains(scalar) && previousIsLetter {
                previousIsLetter = false
                continue
            }
            previousIsLetter = scalar.properties.isAlphabetic
            scalars.append(scalar)
        }
        return String(scalars)
    }

    private static func lettersOnly(_ text: String) -> String {
        let stripped = text.applyingTransform(.stripDiacritics, reverse: false) ?? text
        return String(String.UnicodeScalarView(stripped.lowercased().unicodeScalars.filter {
            ($0.value >= 0x61 && $0.value <= 0x7A) || ($0.value >= 0x30 && $0.value <= 0x39)
        }))
    }
}
