import GlossGraphReading
import GlossGraphText

/// English–Chinese term pairs from bilingual text: an English line followed by its Chinese
/// translation (podcast exports with hard breaks, bilingual subtitles). An English n-gram and a
/// Chinese string that occur in the same aligned line pairs, and seldom apart, are proposed
/// as one concept's two names.
///
/// The association is Dice's coefficient over aligned segments, 2·n(e,z) / (n(e) + n(z)), as
/// in Smadja, McKeown and Hatzivassiloglou's Champollion (1996) for collocation translation;
/// a pair must be each other's best match.
enum AlignedPairs {
    /// An aligned pair of lines: the English words (as written) and the Chinese text.
    struct Segment {
        var words: [String]
        var chinese: [Unicode.Scalar]
        /// Where the English line is: a file index (of `DiscoveryFindings`) and a 1-based line.
        var file: Int
        var line: Int
    }

    /// Line pairs needed before a text counts as bilingual.
    static let minimumSegments = 5
    /// Segments a pair must share, and its least Dice coefficient.
    static let minimumShared = 2
    static let minimumDice = 0.75

    static let englishStopWords: Set<String> = [
        "a", "an", "the", "of", "for", "from", "to", "in", "on", "with", "by", "and", "or", "but", "is", "are", "was", "were", "be",
        "been", "it", "its", "this", "that", "these", "those", "we", "you", "they", "i", "he", "she", "our", "your", "their", "as", "at",
        "so", "if", "not", "no", "do", "does", "did", "can", "could", "will", "would", "should", "what", "which", "who", "how", "why",
        "when", "there", "here", "about", "into", "than", "then", "more", "most", "very", "just", "also", "all", "some", "any", "one",
        "have", "has", "had", "get", "got", "like", "really", "yeah", "okay", "well", "let's", "that's", "it's", "don't", "we're",
        "you're", "i'm", "they're", "much", "many", "up", "out", "over", "only", "even", "still", "because", "right", "thing", "things",
        "lot", "kind", "way", "make", "makes", "made", "say", "said", "think", "know", "mean", "actually", "basically", "now", "two",
        "three", "first", "other", "each", "every", "same", "such", "where", "while", "both", "before", "after", "between", "through",
    ]

    /// The aligned line pairs of `unit`, whose lines are `lines` (`lines(of:)`): a line of
    /// English followed by one of Chinese; or, in a unit of two lines (a subtitle cue), the
    /// Chinese line first, as bilingual subtitles made in China put it. (In longer units a
    /// Chinese line before an English one may be the end of one pair and the start of the next.)
    static func segments(of unit: TranscriptUnit, lines: [Range<Int>], file: Int) -> [Segment] {
        let englishFirst = zip(lines, lines.dropFirst()).compactMap { english, chinese in
            segment(english: unit.utf8[english], chinese: unit.utf8[chinese], file: file) { GramTable.line(of: unit, atTextOffset: english.lowerBound) }
        }
        guard englishFirst.isEmpty, lines.count == 2,
            let chineseFirst = segment(english: unit.utf8[lines[1]], chinese: unit.utf8[lines[0]], file: file, line: { GramTable.line(of: unit, atTextOffset: lines[0].lowerBound) })
        else { return englishFirst }
        return [chineseFirst]
    }

    /// The aligned line pair across two units, one after the other: the last line of `unit`
    /// in English and the first of `next` in Chinese (bilingual exports where each line is a
    /// turn or a caption of its own: `Host: …` / `主持人：…`). Only for units whose own lines
    /// make no pair: a bilingual cue's English line and the next cue's Chinese are not one.
    static func segment(from unit: TranscriptUnit, lastLine: Range<Int>, to next: TranscriptUnit, firstLine: Range<Int>, file: Int) -> Segment? {
        segment(english: unit.utf8[lastLine], chinese: next.utf8[firstLine], file: file) { GramTable.line(of: unit, atTextOffset: lastLine.lowerBound) }
    }

    /// The byte ranges of the unit's non-empty lines: its paragraphs, and the source lines the
    /// reader joined into one (an English line and its translation read as a hard wrap).
    static func lines(of unit: TranscriptUnit) -> [Range<Int>] {
        var cuts: [Int] = []
        for (previous, segment) in zip(unit.segments, unit.segments.dropFirst()) where segment.line != previous.line {
            cuts.append(segment.textOffset)
        }
        let text = unit.utf8
        var ranges: [Range<Int>] = []
        var start = 0
        var nextCut = 0
        while start < text.count {
            while nextCut < cuts.count && cuts[nextCut] <= start { nextCut += 1 }
            let newline = text[start...].firstIndex(of: 0x0A) ?? text.count
            let end = nextCut < cuts.count ? min(newline, cuts[nextCut]) : newline
            if end > start { ranges.append(start..<end) }
            start = end < text.count && text[end] == 0x0A ? end + 1 : end
        }
        return ranges
    }

    private static func segment(english: ArraySlice<UInt8>, chinese: ArraySlice<UInt8>, file: Int, line: () -> Int) -> Segment? {
        guard mayBeEnglish(english) else { return nil }
        let english = String(decoding: english, as: UTF8.self), chinese = String(decoding: chinese, as: UTF8.self)
        guard isEnglish(english), isChinese(chinese) else { return nil }
        let words = english.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "'") })
            .map { $0.trimmingCharacters(in: ["'", "-"]) }.filter { !$0.isEmpty }
        return Segment(words: words, chinese: Array(chinese.unicodeScalars), file: file, line: line())
    }

    /// Whether `text` has no CJK characters (no UTF-8 lead byte E3–E9) and eight ASCII letters:
    /// a quick test before `isEnglish`.
    private static func mayBeEnglish(_ text: ArraySlice<UInt8>) -> Bool {
        var letters = 0
        for byte in text {
            if byte >= 0xE3 && byte <= 0xE9 { return false }
            if (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") { letters += 1 }
        }
        return letters >= 8
    }

    private static func isEnglish(_ text: String) -> Bool {
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 8 && letters.allSatisfy { $0.isASCII }
    }

    private static func isChinese(_ text: String) -> Bool {
        let scalars = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        return scalars.count >= 4 && scalars.filter { ScriptClass.isCJK($0.value) }.count * 2 > scalars.count
    }

    private struct PairKey: Hashable {
        var english: String
        var chinese: String
    }

    /// The singular of a regular English plural, lowercased (cores → core, glaciers → glacier,
    /// boundaries → boundary, processes → process); other words as they are (glass, basis,
    /// physics, gas).
    static func singular(_ word: String) -> String {
        guard word.count >= 4, word.hasSuffix("s"), word.allSatisfy({ $0.isLetter }) else { return word }
        if ["ss", "us", "is", "ics"].contains(where: word.hasSuffix) { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if ["ches", "shes", "xes", "sses"].contains(where: word.hasSuffix) { return String(word.dropLast(2)) }
        return String(word.dropLast())
    }

    /// At most this many line pairs are read (the first in the corpus), which bounds the work.
    static let segmentLimit = 5000

    /// Pairs found in aligned lines (the first `segmentLimit`), with the segments they share,
    /// Dice's coefficient and the first segment they share; `isTerm` judges a Chinese string
    /// (everyday words and phrases are not) given the lower-case English it pairs with.
    /// A pair: its English and Chinese, the segments they share, their Dice coefficient, and
    /// the first segment holding both.
    typealias Pair = (english: String, chinese: String, shared: Int, dice: Double, first: Segment)

    static func pairs(_ segments: [Segment], isTerm: (_ english: String, _ chinese: String) -> Bool) -> [Pair] {
        let segments = Array(segments.prefix(segmentLimit))
        guard segments.count >= minimumSegments else { return [] }
        // Occurrences in segments (each string counted once per segment), keyed lowercased,
        // with the form first written.
        var englishIn: [String: Set<Int>] = [:]
        var written: [String: String] = [:]
        var chineseIn: [String: Set<Int>] = [:]
        for (position, segment) in segments.enumerated() {
            for length in 1...3 where segment.words.count >= length {
                for start in 0...(segment.words.count - length) {
                    var gram = segment.words[start..<(start + length)].map { $0.lowercased() }
                    guard !englishStopWords.contains(gram.first!), !englishStopWords.contains(gram.last!), gram.first!.count >= 2 else { continue }
                    // A noun's plural is its singular (Ice cores in one cue, an ice core in the next).
                    let singular = Self.singular(gram[gram.count - 1])
                    let isPlural = singular != gram[gram.count - 1]
                    gram[gram.count - 1] = singular
                    let key = gram.joined(separator: " ")
                    if written[key] == nil || (written[key]!.lowercased() != key && !isPlural) {
                        written[key] = segment.words[start..<(start + length)].joined(separator: " ")
                    }
                    englishIn[key, default: []].insert(position)
                }
            }
            var run: [Unicode.Scalar] = []
            for scalar in segment.chinese + [" "] {
                if ScriptClass.isCJK(scalar.value) && !GlossMiner.isCJKPunctuation(scalar) {
                    run.append(scalar)
                    continue
                }
                for length in 2...6 where run.count >= length {
                    for start in 0...(run.count - length) {
                        chineseIn[String(String.UnicodeScalarView(run[start..<(start + length)])), default: []].insert(position)
                    }
                }
                run = []
            }
        }
        let english = englishIn.filter { $0.value.count >= minimumShared }
        // Every recurring string competes, terms or not, so that a fragment of an everyday word
        // (凝土 of 混凝土) never wins in its place; pairs whose Chinese is no term go at the end.
        let chinese = chineseIn.filter { $0.value.count >= minimumShared }
        // Segments each pair shares, counted segment by segment (only pairs that meet), and
        // the first of them.
        var englishOf = [[String]](repeating: [], count: segments.count)
        var chineseOf = [[String]](repeating: [], count: segments.count)
        for (key, positions) in english { for position in positions { englishOf[position].append(key) } }
        for (key, positions) in chinese { for position in positions { chineseOf[position].append(key) } }
        var shared: [PairKey: (count: Int, first: Int)] = [:]
        for position in segments.indices {
            for e in englishOf[position] {
                for z in chineseOf[position] {
                    shared[PairKey(english: e, chinese: z), default: (0, position)].count += 1
                }
            }
        }
        func better(_ a: (String, Int, Double), than b: (String, Int, Double)?) -> Bool {
            guard let b else { return true }
            if a.2 != b.2 { return a.2 > b.2 }
            if a.0.count != b.0.count { return a.0.count > b.0.count }
            return a.0 < b.0
        }
        // Each English string's best Chinese match, and the other way round.
        var bestChinese: [String: (String, Int, Double)] = [:]
        var bestEnglish: [String: (String, Int, Double)] = [:]
        for (pair, meeting) in shared where meeting.count >= minimumShared {
            let value = 2 * Double(meeting.count) / Double(english[pair.english]!.count + chinese[pair.chinese]!.count)
            guard value >= minimumDice else { continue }
            if better((pair.chinese, meeting.count, value), than: bestChinese[pair.english]) {
                bestChinese[pair.english] = (pair.chinese, meeting.count, value)
            }
            if better((pair.english, meeting.count, value), than: bestEnglish[pair.chinese]) {
                bestEnglish[pair.chinese] = (pair.english, meeting.count, value)
            }
        }
        return bestChinese.compactMap { e, match in
            guard bestEnglish[match.0]?.0 == e, isTerm(e, match.0) else { return nil }
            let first = segments[shared[PairKey(english: e, chinese: match.0)]!.first]
            return (written[e] ?? e, match.0, match.1, match.2, first)
        }.sorted { ($0.shared, $0.dice, $0.english) > ($1.shared, $1.dice, $1.english) }
    }
}
