import Foundation
import GlossGraphText

/// The everyday words of general Chinese, decided by their frequency in a large general
/// corpus: the word list with corpus frequencies that jieba ships (`jieba/dict.txt`, about
/// 350,000 words and 60 million tokens; Debian and Ubuntu package it as `python3-jieba`).
/// A word used at least `everydayPerMillion` times per million tokens there is an everyday
/// word: in a transcript it is no glossary term, unless the text glosses it or sets it in bold.
/// (Termhood against a reference corpus, as in Kilgarriff's "simple maths" keyness.)
public struct GeneralWords: Sendable {
    /// Uses per million tokens from which a word is an everyday word. On the evaluation
    /// texts, no annotated term is used more than 5 times per million, and most proposals
    /// that are not terms are used more than 10 times.
    public static let everydayPerMillion = 10.0

    /// Read before the standard places: a path to a file in jieba's `word count tag` format.
    public static let environmentVariable = "GLOSSGRAPH_GENERAL_WORDS"

    /// Where Debian's `python3-jieba` and pip's `jieba` put the word list.
    public static let standardPaths = [
        "/usr/lib/python3/dist-packages/jieba/dict.txt", "/usr/local/lib/python3/dist-packages/jieba/dict.txt",
    ]

    /// Uses per million tokens under which a one-character measure word (tag q) starts no
    /// phrase: 个 (2089), 层 (103), 套 (72), 盘 (64) start quantities' tails; 箱 (20), 株 (13),
    /// 盾 (11) are nouns more often than measures.
    public static let nounMeasurePerMillion = 30.0

    /// Words used at least `everydayPerMillion` times per million tokens.
    public let everyday: Set<String>
    /// The everyday words that are function words, adverbs, numerals, measure words, time
    /// or direction words (jieba's tags d, p, c, u, r, m, q, t, f, y, e, o): a string that
    /// starts or ends with one (颗裸片, 晶圆上, 晶体管越) is a phrase, not a term. (Verbs are
    /// left out: a leading everyday verb removed more terms than phrases on the evaluation set.)
    public let phraseEdges: (starts: Set<String>, ends: Set<String>)
    /// The whole word list, for cutting Chinese text into words (nil when built from sets).
    public let lexicon: ChineseLexicon?
    /// The everyday words of two characters, each as its scalars packed `first << 32 | second`:
    /// looked up for every n-gram of a corpus, without making a string.
    let everydayPairs: Set<UInt64>
    /// The words of the list of three characters to `Gram.longest`, all CJK, that jieba
    /// counted (more than 3 uses: it lists words it has not counted at 3): looked up for every
    /// n-gram of a corpus, as the n-gram's own characters.
    let listedWords: Set<Gram>
    /// The file they were read from.
    public let source: String

    /// The word list found through `environmentVariable` or at a standard path, or nil when
    /// there is none (or it cannot be read).
    public static func load() -> GeneralWords? {
        let environment = ProcessInfo.processInfo.environment[environmentVariable].map { [$0] } ?? []
        for path in environment + standardPaths where FileManager.default.isReadableFile(atPath: path) {
            if let bytes = try? FileReading.bytes(ofFile: path), let words = GeneralWords(jiebaDictionary: bytes, source: path) {
                return words
            }
        }
        return nil
    }

    /// Reads a list in jieba's format: one `word count [tag]` per line, counts in tokens.
    /// Nil when no line has a count.
    public init?(jiebaDictionary bytes: [UInt8], source: String) {
        var entries: [(word: ArraySlice<UInt8>, count: Int, tag: ArraySlice<UInt8>)] = []
        var total = 0
        for line in bytes.split(separator: 0x0A) {
            // `word count [tag]`, the count in ASCII digits.
            guard let space = line.firstIndex(of: 0x20) else { continue }
            let rest = line[(space + 1)...]
            let digitsEnd = rest.firstIndex(of: 0x20) ?? rest.endIndex
            let digits = rest[..<digitsEnd].last == 0x0D ? rest[..<(digitsEnd - 1)] : rest[..<digitsEnd]
            guard space > line.startIndex, !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { continue }
            let count = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            entries.append((line[..<space], count, digitsEnd < rest.endIndex ? rest[(digitsEnd + 1)...] : []))
            total += count
        }
        guard total > 0 else { return nil }
        let threshold = Double(total) * Self.everydayPerMillion / 1_000_000
        var everyday = Set<String>()
        var starts = Set<String>()
        var ends = Set<String>()
        for entry in entries where Double(entry.count) >= threshold {
            let word = String(decoding: entry.word, as: UTF8.self)
            everyday.insert(word)
            let tag = String(decoding: entry.tag, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            // 自我, 自身: tagged as pronouns, but they start terms (自我博弈), as ChineseLexicon reads them.
            guard let first = tag.first, tag != "vn", !(word.hasPrefix("自") && tag == "r") else { continue }
            // Localisers (tag f) follow their noun (晶圆上, 会议后); before one they are a
            // prefix (后训练, 前额叶, 上游), so they end phrases but start none.
            // A measure word used less than `nounMeasurePerMillion` times per million tokens is
            // mostly a noun borrowed as a measure (箱, 盒, 株, 盾): it starts terms (盾尾, 株高).
            let isNounMeasure = tag == "q" && entry.word.count == 3 && Double(entry.count) < Double(total) * Self.nounMeasurePerMillion / 1_000_000
            if "dpcurmqtyeo".contains(first) && !isNounMeasure { starts.insert(word) }
            if "dpcurmqftyeo".contains(first) { ends.insert(word) }
        }
        // Words of propensity (容易, 难以) open a predicate (容易|测), however jieba tags them;
        // 难 and 易 alone also open names (难度, 易经), so only the longer ones.
        starts.formUnion(GlossMiner.propensityWords.filter { $0.count >= 2 })
        for (cantonese, standard) in ChineseLexicon.cantoneseWords {
            for form in Set([cantonese, ChineseLexicon.simplified(cantonese)]) {
                if everyday.contains(standard) { everyday.insert(form) }
                if starts.contains(standard) { starts.insert(form) }
                if ends.contains(standard) { ends.insert(form) }
            }
        }
        self.everyday = everyday
        phraseEdges = (starts, ends)
        lexicon = ChineseLexicon(entries: entries, total: total, everydayCount: threshold)
        everydayPairs = Self.pairs(everyday)
        var listedWords = Set<Gram>()
        var scalars: [UInt32] = []
        for entry in entries where entry.count > 3 && entry.word.count >= 9 && entry.word.count <= 3 * Gram.longest {
            scalars.removeAll(keepingCapacity: true)
            var bytes = entry.word.makeIterator()
            var decoder = UTF8()
            while case .scalarValue(let scalar) = decoder.decode(&bytes) { scalars.append(scalar.value) }
            if (3...Gram.longest).contains(scalars.count), scalars.allSatisfy(ScriptClass.isCJK) { listedWords.insert(Gram(scalars)) }
        }
        self.listedWords = listedWords
        self.source = source
    }

    static func pairs(_ words: Set<String>) -> Set<UInt64> {
        Set(words.compactMap { word -> UInt64? in
            let scalars = Array(word.unicodeScalars)
            return scalars.count == 2 ? UInt64(scalars[0].value) << 32 | UInt64(scalars[1].value) : nil
        })
    }

    public init(everyday: Set<String>, phraseEdges: (starts: Set<String>, ends: Set<String>) = ([], []), source: String) {
        self.everyday = everyday
        self.phraseEdges = phraseEdges
        everydayPairs = Self.pairs(everyday)
        listedWords = []
        lexicon = nil
        self.source = source
    }

    /// Whether `text` reads as a phrase: it starts or ends with an everyday function word
    /// (`phraseEdges`), holds a word of propensity (`GlossMiner.propensityWords`), or its
    /// words make one (`ChineseLexicon.isPhrase`).
    func isPhrase(_ text: String) -> Bool {
        let characters = Array(text)
        let words = lexicon?.words(of: text) ?? []
        // An edge that is a word of two characters or more in the list (not a fixed expression)
        // is judged as that word (据 is a preposition, but 合成数据 ends in 数据): a clause word
        // (一款新药), or an everyday function word or modifier, a localiser only at the end
        // (晶圆之间, but 后训练). Any other edge (a single character, characters the list does
        // not know: 晶圆上, an idiom: 一段时间) is judged by its first or last characters.
        func isEdge(_ edges: Set<String>, atStart: Bool) -> Bool {
            if let lexicon, let text = atStart ? words.first : words.last, text.count >= 2, let word = lexicon.word(text), !word.isFixedExpression {
                if word.wordClass == .clause { return true }
                // An adverb of two characters straight before a noun is used as an attributive
                // (长期|利益, 比较|优势): adverbs modify verbs and adjectives, so there it names a
                // kind, as a distinguishing word does.
                if atStart, word.wordClass == .modifier, !word.isNumeral, words.count >= 2, let next = lexicon.word(words[1]), next.isNoun {
                    return false
                }
                // 二 and a measure word (二次, 二级, 二维) is an ordinal attributive, "secondary":
                // Chinese counts two of something with 两 (两次), so it starts no quantity.
                if atStart, word.isNumeral, text.count == 2, text.first == "二", !Discoverer.numberCharacters.contains(text.last!), words.count >= 2 {
                    return false
                }
                if edges.contains(text) { return true }
                // A word of place made of a noun and a localiser (厂里, 车上, 体内), which jieba
                // lists by the thousand and tags s (or n: 厂里, 店里), ends a phrase that says
                // where (污水厂里, 公交车上), not a term.
                if !atStart, words.count >= 2, text.count == 2, "里上中内外下".contains(text.last!),
                    word.isPlaceWord || (text.last == "里" && word.isNoun)
                {
                    return true
                }
                return word.everyday && word.wordClass == .modifier && !(atStart && word.isLocaliser)
            }
            return (1..<min(4, characters.count)).contains { length in
                let edge = String(atStart ? characters[..<length] : characters[(characters.count - length)...])
                // A measure word after a noun the list does not hold with it is its head (王台).
                if !atStart, length == 1, let lexicon, lexicon.isMeasureHead(edge, after: String(characters[characters.count - 2])) {
                    return false
                }
                return edges.contains(edge)
            }
        }
        let prefixed = GlossMiner.startsWithDerivationalPrefix(words)
        // A word of propensity inside opens a predicate (土|容易|板结): the words make a clause.
        if words.dropFirst().contains(where: { $0.count >= 2 && GlossMiner.propensityWords.contains($0) }) { return true }
        return (!prefixed && isEdge(phraseEdges.starts, atStart: true)) || isEdge(phraseEdges.ends, atStart: false) || (lexicon?.isPhrase(text) ?? false)
    }
}
