import Foundation
import GlossGraphText

/// Chinese words with their corpus frequencies and word classes, for cutting a run of
/// Chinese text into words where a stated gloss's Chinese term may start.
///
/// The cut is jieba's dictionary-only segmentation (`jieba.cut(text, HMM=False)`): the path
/// through the graph of dictionary words in the run whose product of word probabilities is
/// largest, a character not in the dictionary being a word of its own with the probability
/// of a word seen once. A run of Latin letters and digits is one word.
public struct ChineseLexicon: Sendable {
    /// What a word does at the edge of a term.
    public enum WordClass: Sendable {
        /// Prepositions, conjunctions, particles, pronouns, measure phrases (一个, 这种) and
        /// `clauseVerbs` (是, 叫做, 做, 会): the clause before a term, never in it.
        case clause
        /// Adverbs, other numerals and measure words, time and direction words (直接, 极,
        /// 半, 前): before a term, or its first word (直接偏好优化, 极紫外).
        case modifier
        /// Other verbs: a term may hold one (模仿学习), but one in front of a noun is
        /// usually the verb that governs it (依靠摩尔定律).
        case verb
        case content
    }

    struct Word: Sendable {
        var logProbability: Float
        var wordClass: WordClass
        /// Used at least `GeneralWords.everydayPerMillion` times per million tokens.
        var everyday: Bool
        /// A verb or a verbal noun (tags v, vn): after a verb, it makes a compound
        /// (强化学习, 对抗测试) rather than the verb's object.
        var isVerbal: Bool
        /// A verbal noun (tag vn: 设计, 统一), which is a verb's object as often as a verb.
        var isVerbalNoun = false
        /// An adjective or distinguishing word (tags a, b): 巨大的, 所谓的 describe a term
        /// rather than name part of it.
        var isAdjective: Bool
        /// A preposition (tag p: 基于, 以, 面向).
        var isPreposition: Bool
        /// An adverb (tags d, ad: 非常, 越来越, 逐渐).
        var isAdverb = false
        /// A localiser (tag f: 上, 后, 之间), which follows its noun.
        var isLocaliser = false
        /// A time word (tag t: 星期, 礼拜, 明年), which says when, not what.
        var isTimeWord = false
        /// A word of place (tag s: 屋里, 车上, 国内), which says where.
        var isPlaceWord = false
        /// An idiom or fixed expression (tags i, l: 一段时间), whose parts still read as words.
        var isFixedExpression = false
        /// A numeral or measure word (tags m, q, mq: 很多, 好几颗, 数百万): a quantity before a
        /// term, however rare the word.
        var isNumeral = false

        /// A proper name (tags nr, ns, nt, nz and their kinds: 中国, 都柏林).
        var isProperName = false
        /// A person's, place's or organisation's name (tags nr, ns, nt and their kinds: 长河,
        /// 中国), not the other proper names (nz), which include many technical words (道床).
        var isNameOfPersonOrPlace = false
        /// A transliterated foreign name (tag nrt: 约翰, 玛格丽特).
        var isTransliteratedName = false
        /// Tagged as a person's name (tag nr), as jieba tags hundreds of everyday verbs and
        /// nouns too (修正, 陈列, 卫星, 明白).
        var isTaggedPersonName = false
        /// A morpheme (tag zg), which jieba gives many one-character verbs (穿, 憋, 垫) and some
        /// nouns (车).
        var isMorpheme = false

        /// For a word of two characters, whether a longer word of the list starts with it, other
        /// than with a directional or result complement (扩散|器, 免疫|力, 保留|剧目; not 包括,
        /// 属于, 统称): a verb that starts none is a predicate, not a modifier in a term.
        var startsCompounds = false

        /// The same word read as an everyday verb, where the clause makes it one whatever its tag.
        mutating func readAsVerb() {
            wordClass = .verb
            everyday = true
            isVerbal = true
            isProperName = false
            isNameOfPersonOrPlace = false
            isTaggedPersonName = false
        }

        /// A noun: no clause word, modifier, verb or adjective.
        var isNoun: Bool { wordClass == .content && !isVerbal && !isAdjective }
    }

    private let words: WordTable
    /// Single characters tagged as pronouns that are not `pronouns`.
    private let reclassified: Set<String>
    /// Cantonese words whose Simplified form is another word, by the characters they are
    /// written in (係, read as 是, not 系).
    private let cantonese: [String: Word]
    /// Characters found in two or more of the words jieba's list tags as transliterated
    /// foreign names (`nrt`: 克里斯, 彼得, 达里奥), about 500: the characters transliteration
    /// spells names with (阿, 斯, 克, 尔, 德 …).
    let transliterationCharacters: Set<Unicode.Scalar>
    private let unknownLogProbability: Float
    /// Longest word looked up, in Unicode scalars (jieba's dictionary has few longer ones
    /// that matter for term edges).
    static let longestWord = 8

    /// Verbs of closed classes that jieba tags as verbs but that stand before a term rather
    /// than in one: copulas and naming verbs (是, 叫做, 称为), light verbs (做, 进行, 加以),
    /// auxiliaries (会, 能, 要, 需要), phase verbs (开始, 继续), causatives (使, 让, 令) and
    /// verbs that introduce examples (比如, 还有), and the questions a copula or an auxiliary
    /// asks as A-not-A (是不是, 是否, 会不会: 是不是|极轴校正没做好).
    static let clauseVerbs: Set<String> = [
        "是", "叫", "叫做", "叫作", "称", "称为", "称作", "称之为", "即", "为", "作为", "就是", "也就是", "有", "没有", "有没有", "像", "比", "用",
        "是不是", "是否", "会不会", "能不能", "要不要", "可不可以", "该不该",
        "又称", "又叫", "也叫", "也称", "俗称", "简称", "亦称", "又名", "又称为", "也称为", "所谓",
        "做", "进行", "加以", "予以", "给予", "做出", "作出", "会", "能", "能够", "可以", "应", "应该", "应当", "要", "需要", "必须", "得",
        "开始", "继续", "停止", "比如", "例如", "譬如", "还有", "使", "让", "令", "说", "讲", "问",
    ]

    /// Directional and result complements and aspect particles (留下来, 做完了): a verb they
    /// follow makes no compound with them.
    static let complementCharacters: Set<Unicode.Scalar> = [
        "来", "去", "上", "下", "出", "起", "进", "回", "过", "开", "住", "到", "完", "掉", "好", "了", "着", "得", "成", "为", "给", "在",
    ]

    /// Result complements of one character, which end the verb before them (跑完, 做好).
    static let resultComplements: Set<Unicode.Scalar> = ["到", "完", "掉", "住", "好"]

    /// Colloquial Cantonese words written in Hong Kong transcripts, which jieba's list (of
    /// Mandarin) lacks, each read as the Mandarin word it stands for: the function words (嘅 as
    /// 的, 咗 as 了, 啲 as 些, 喺 as 在, 係 as 是, 唔 as 不, 冇 as 没有, 佢 as 他, 仲 as 还, 同埋
    /// as 和, 咩 as 什么: a closed class) and the everyday verbs, nouns and adverbs that have their own
    /// characters (睇 as 看, 搵 as 找, 攞 as 拿, 諗 as 想, 嘢 as 东西, 而家 as 现在, 出嚟 as 出来, 入面 as
    /// 里面, 淨係 as 只是).
    static let cantoneseWords: [(cantonese: String, standard: String)] = [
        ("嘅", "的"), ("咗", "了"), ("啲", "些"), ("喺", "在"), ("係", "是"), ("即係", "就是"), ("唔", "不"), ("冇", "没有"),
        ("佢", "他"), ("佢哋", "他们"), ("我哋", "我们"), ("你哋", "你们"), ("嗰", "那"), ("呢個", "这个"), ("嗰個", "那个"), ("咁", "这么"),
        ("仲", "还"), ("同埋", "和"), ("咩", "什么"), ("乜", "什么"), ("乜嘢", "什么"), ("點解", "为什么"), ("點樣", "怎样"), ("邊個", "谁"),
        ("睇", "看"), ("搵", "找"), ("揾", "找"), ("攞", "拿"), ("畀", "给"), ("俾", "给"), ("諗", "想"),
        ("唔好", "不要"), ("嚟", "来"), ("識", "会"), ("鍾意", "喜欢"), ("瞓", "睡"), ("嘢", "东西"), ("而家", "现在"), ("啱", "对"), ("好似", "好像"),
        ("出嚟", "出来"), ("入嚟", "进来"), ("返嚟", "回来"), ("落嚟", "下来"), ("上嚟", "上来"), ("過嚟", "过来"), ("入面", "里面"), ("出面", "外面"),
        ("淨係", "只是"), ("大細", "大小"), ("撈埋", "混合"), ("喺度", "在这里"), ("依家", "现在"), ("嗰陣", "那时"), ("差唔多", "差不多"),
        ("成日", "经常"), ("好彩", "幸好"),
    ]

    /// Everyday verbs jieba's list tags as something else (换, change or replace, is tagged nz,
    /// a proper name; 产生, bring about, n; 升, raise, 绑, tie, 穿, wear, zg, a morpheme; 经, pass
    /// through, and 学, learn, n; 建议, advise, and 主张, advocate, n): read as verbs, so that one
    /// governs the term after it (信号|经|电离层, 学|引返编, 医生建议|免疫治疗).
    static let verbsTaggedOtherwise: Set<String> = [
        "换", "产生", "升", "绑", "经", "学", "建议", "主张",
        // The verbs among the single characters jieba tags zg that it counts 2,000 times or more.
        "穿", "掉", "选", "奔", "响", "寻", "失", "呼", "止", "挡", "丢", "护", "抵", "休", "搜", "抛", "罚", "盗", "叹",
    ]

    /// Nouns jieba's list tags as clause words (针, a needle or stitch, is tagged p, a
    /// preposition): read as nouns, so that one ends a term (脱针 for dropped stitch).
    static let nounsTaggedOtherwise: Set<String> = ["针"]

    /// Single-character pronouns and demonstratives, and the pronouns for a group jieba tags as
    /// nouns (大家, 大伙, 人们: 请问|大家|单蹼): a closed class.
    static let pronouns: Set<String> = [
        "我", "你", "您", "他", "她", "它", "这", "那", "谁", "其", "此", "之", "某", "各", "每", "本", "该", "哪", "啥", "咱",
        "大家", "大伙", "大家伙", "人们",
        // Oneself, where 自我 and 自身 start terms (自我博弈).
        "自己", "自个儿", "自各儿",
    ]

    /// jieba's tags (the ICTCLAS set) of clause words and of modifiers.
    private static let clauseTags: Set<String> = ["p", "c", "u", "uj", "ul", "ud", "uv", "uz", "ug", "r", "y", "e", "o"]
    private static let modifierTags: Set<String> = ["d", "ad", "m", "q", "t", "f"]

    /// Entries as `(word, count, tag)`; `everydayCount` is the count from which a word is
    /// an everyday word.
    init(entries: [(word: ArraySlice<UInt8>, count: Int, tag: ArraySlice<UInt8>)], total: Int, everydayCount: Double) {
        var words = WordTable(capacity: entries.count)
        var reclassified = Set<String>()
        let logTotal = Float(log(Double(total)))
        // The list has some 350,000 words and a few dozen tags: a tag is read once, and a
        // word is tested against the closed classes by its bytes (String hashing normalises).
        var tags: [ArraySlice<UInt8>: TagTraits] = [:]
        var scalars: [UInt32] = []
        // Words of six UTF-8 bytes (two characters, mostly), with their index in `words`.
        var sixByteWords: [(bytes: UInt64, index: Int)] = []
        for entry in entries where entry.count > 0 {
            let tag: TagTraits
            if let known = tags[entry.tag] {
                tag = known
            } else {
                tag = TagTraits(String(decoding: entry.tag, as: UTF8.self).trimmingWhitespace())
                tags[entry.tag] = tag
            }
            scalars.removeAll(keepingCapacity: true)
            var bytes = entry.word.makeIterator()
            var decoder = UTF8()
            while case .scalarValue(let scalar) = decoder.decode(&bytes) { scalars.append(scalar.value) }
            let wordClass: WordClass
            let opensWithDemonstrative = Self.demonstrativeBytes.contains { entry.word.starts(with: $0) }
            let isMeasurePhrase =
                (tag.mayNameMeasurePhrase || opensWithDemonstrative) && Self.isMeasurePhrase(String(decoding: entry.word, as: UTF8.self), tag: tag.tag)
            let closed = entry.word.count <= Self.longestClosedWordBytes ? Self.closedClasses[entry.word] ?? [] : []
            let isTaggedOtherwise = closed.contains(.verbTaggedOtherwise)
            let isPronoun = closed.contains(.pronoun)
            if tag.tag == "r" && entry.word.starts(with: Self.zi) && !isPronoun {
                // 自我, 自身: jieba tags them as pronouns, but they start terms (自我博弈).
                wordClass = .content
            } else if closed.contains(.nounTaggedOtherwise) {
                wordClass = .content
            } else if tag.tag == "r" && scalars.count == 1 && !isPronoun {
                // 任 (负责任): a single character jieba tags as a pronoun that is rarely one alone.
                wordClass = .content
                reclassified.insert(String(decoding: entry.word, as: UTF8.self))
            } else if tag.isClauseTag || isMeasurePhrase || isPronoun || closed.contains(.clauseVerb) {
                // The pronouns are a closed class whatever jieba tags them (您 and 每 are zg).
                wordClass = .clause
            } else if tag.isModifierTag || closed.contains(.degreeAdverb) {
                // 很 is tagged zg, a morpheme.
                wordClass = .modifier
            } else if tag.isVerbTag || isTaggedOtherwise {
                wordClass = .verb
            } else {
                wordClass = .content
            }
            let index = words.set(
                scalars,
                Word(
                    logProbability: Float(log(Double(entry.count))) - logTotal, wordClass: wordClass, everyday: Double(entry.count) >= everydayCount,
                    isVerbal: tag.isVerbal || isTaggedOtherwise, isVerbalNoun: tag.tag == "vn", isAdjective: tag.tag == "a" || tag.tag == "b",
                    isPreposition: tag.tag == "p", isAdverb: tag.tag == "d" || tag.tag == "ad" || closed.contains(.degreeAdverb),
                    isLocaliser: tag.tag == "f", isTimeWord: tag.tag == "t", isPlaceWord: tag.tag == "s",
                    isFixedExpression: tag.tag == "i" || tag.tag == "l", isNumeral: tag.isNumeral || isMeasurePhrase,
                    isProperName: tag.isProperName && !isTaggedOtherwise, isNameOfPersonOrPlace: tag.isNameOfPersonOrPlace,
                    isTransliteratedName: tag.tag == "nrt", isTaggedPersonName: tag.tag == "nr", isMorpheme: tag.tag == "zg"))
            if entry.word.count == 6 { sixByteWords.append((Self.packed(entry.word), index)) }
        }
        // Two-character words that start a longer one, by their six UTF-8 bytes.
        var starters = Set<UInt64>()
        for entry in entries where entry.word.count >= 9 && entry.word.first! >= 0xE0 {
            let rest = entry.word.dropFirst(6)
            let complements = rest.count <= 6 && String(decoding: rest, as: UTF8.self).unicodeScalars.allSatisfy(Self.complementCharacters.contains)
            if !complements { starters.insert(Self.packed(entry.word.prefix(6))) }
        }
        for word in sixByteWords where starters.contains(word.bytes) {
            words.update(at: word.index) { $0.startsCompounds = true }
        }
        // Keyed as lookups find them, by Simplified characters (呢個 as 呢个), unless that is
        // another word (係 is not 系, a suffix in 生殖系): then as written, looked up first.
        var cantonese: [String: Word] = [:]
        for (written, standard) in Self.cantoneseWords {
            let key = Self.simplified(written)
            guard let standard = words[standard] else { continue }
            if key == written || words[key] == nil { words[key] = standard } else { cantonese[written] = standard }
        }
        self.cantonese = cantonese
        var namesHolding: [Unicode.Scalar: Int] = [:]
        for entry in entries where (tags[entry.tag]?.tag ?? String(decoding: entry.tag, as: UTF8.self).trimmingWhitespace()) == "nrt" {
            for scalar in Set(String(decoding: entry.word, as: UTF8.self).unicodeScalars) { namesHolding[scalar, default: 0] += 1 }
        }
        transliterationCharacters = Set(namesHolding.filter { $0.value >= 2 }.keys)
        self.words = words
        self.reclassified = reclassified
        unknownLogProbability = -logTotal
    }

    /// What a jieba tag says of its words, read once per tag.
    private struct TagTraits {
        let tag: String
        let isClauseTag, isModifierTag, isVerbTag, isVerbal, isNumeral, isProperName, isNameOfPersonOrPlace: Bool
        /// Tags of the words `isMeasurePhrase` reads beyond those opening with a demonstrative.
        let mayNameMeasurePhrase: Bool

        init(_ tag: String) {
            self.tag = tag
            isClauseTag = ChineseLexicon.clauseTags.contains(tag)
            isModifierTag = ChineseLexicon.modifierTags.contains(tag)
            isVerbTag = tag == "v" || tag == "vd" || tag == "vi"
            isVerbal = tag.hasPrefix("v")
            isNumeral = tag == "m" || tag == "q" || tag == "mq"
            isProperName = ["nr", "ns", "nt", "nz"].contains { tag.hasPrefix($0) }
            isNameOfPersonOrPlace = ["nr", "ns", "nt"].contains { tag.hasPrefix($0) }
            mayNameMeasurePhrase = ChineseLexicon.measurePhraseTags.contains(tag)
        }
    }

    /// The closed classes a word of the list is in.
    private struct ClosedClasses: OptionSet {
        let rawValue: UInt8
        static let pronoun = Self(rawValue: 1)
        static let verbTaggedOtherwise = Self(rawValue: 2)
        static let nounTaggedOtherwise = Self(rawValue: 4)
        static let clauseVerb = Self(rawValue: 8)
        static let degreeAdverb = Self(rawValue: 16)
    }

    /// The closed classes' words as UTF-8, as the list's words are read: one lookup a word.
    private static let closedClasses: [ArraySlice<UInt8>: ClosedClasses] = {
        var classes: [ArraySlice<UInt8>: ClosedClasses] = [:]
        let members: [(Set<String>, ClosedClasses)] = [
            (pronouns, .pronoun), (verbsTaggedOtherwise, .verbTaggedOtherwise), (nounsTaggedOtherwise, .nounTaggedOtherwise),
            (clauseVerbs, .clauseVerb), (Set(GlossMiner.degreeAdverbs), .degreeAdverb),
        ]
        for (words, kind) in members {
            for word in words { classes[ArraySlice(word.utf8), default: []].insert(kind) }
        }
        return classes
    }()
    private static let longestClosedWordBytes = closedClasses.keys.map(\.count).max() ?? 0
    /// The degree adverbs of one character (很, 太), tested per character as words are cut.
    private static let degreeAdverbScalars = Set(GlossMiner.degreeAdverbs.filter { $0.unicodeScalars.count == 1 }.map { $0.unicodeScalars.first! })
    private static let demonstrativeBytes = ["这", "那", "這"].map { Array($0.utf8) }
    private static let zi = Array("自".utf8)

    /// Up to eight bytes as one number.
    private static func packed(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Tags of the words that may be a numeral or demonstrative with a measure word.
    private static let measurePhraseTags: Set<String> = ["m", "q", "mq", "b", "r"]

    /// 一个, 同一个, 这种, 每位: a numeral or demonstrative with a measure word.
    private static func isMeasurePhrase(_ word: String, tag: String) -> Bool {
        // A demonstrative and a numeral (这三类, 那两个) whatever the tag: jieba's list holds
        // some such phrases as fixed expressions (这三类 l).
        if let first = word.unicodeScalars.first, "这那這".unicodeScalars.contains(first) {
            let scalars = Array(word.unicodeScalars)
            if scalars.count >= 3 && "一二三四五六七八九十两兩几幾".unicodeScalars.contains(scalars[1]) { return true }
        }
        // (`mq`: a numeral or demonstrative and a measure word that jieba lists as one: 这根,
        // 这件, 三分钟. jieba tags 零件 so too; holding neither, it stays a noun.)
        guard measurePhraseTags.contains(tag), word.count >= 2 else { return false }
        // A length of time (五分钟, 三天, 两年), whatever its numeral; not a count of times
        // (二次 opens 二次发酵).
        if tag.hasPrefix("m"), "一二三四五六七八九十两几半".contains(word.first!), ["分钟", "小时", "天", "年", "周", "秒"].contains(where: { word.hasSuffix($0) }) {
            return true
        }
        return word.contains(where: { "一两几每第这那某各".contains($0) }) || word.hasSuffix("个") || word.hasSuffix("种") || word.hasSuffix("些")
    }

    /// The entry of `text`, read as its Simplified characters first: jieba's list holds a few
    /// Traditional characters as rare words of their own (從, 會), which would hide 从, 会.
    func word(_ text: String) -> Word? {
        guard Self.hasTraditional(text) else { return words[text] }
        return cantonese[text] ?? words[Self.simplified(text)] ?? words[text]
    }

    /// Whether `text` holds a character only Traditional Chinese writes, or 於 or 著, told from
    /// its UTF-8 bytes (the common case, text with none, is checked on every lookup).
    static func hasTraditional(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            // 於 is E6 96 BC, 著 E8 91 97.
            TraditionalCharacters.occur(in: bytes) || bytes.indices.dropLast(2).contains {
                bytes[$0] == 0xE6 && bytes[$0 + 1] == 0x96 && bytes[$0 + 2] == 0xBC || bytes[$0] == 0xE8 && bytes[$0 + 1] == 0x91 && bytes[$0 + 2] == 0x97
            }
        }
    }

    /// `text` with the characters only Traditional Chinese writes as OpenCC's `t2s` writes
    /// each (個 → 个): jieba's list is Simplified, and one character for one keeps offsets.
    /// 於 is read as 于 too: `TraditionalCharacters` leaves it out because Simplified writes it
    /// in a surname, but Traditional writes it in 屬於, 關於, 由於, which the list has as 属于….
    /// 著 is read as the aspect marker 着 outside the words where it is zhù (接著 as 接着, 著名
    /// kept; `TraditionalCharacters.readsAsAspectMarker`), as OpenCC's `tw2s` reads it.
    static func simplified(_ text: String) -> String {
        hasTraditional(text) ? String(String.UnicodeScalarView(simplified(text.unicodeScalars))) : text
    }

    /// `scalars` as `simplified(_:)` writes them, one for one.
    static func simplified(_ scalars: some Collection<Unicode.Scalar>) -> [Unicode.Scalar] {
        var read = scalars.map { $0 == "於" ? "于" : Unicode.Scalar(TraditionalCharacters.simplified($0.value)) ?? $0 }
        for index in read.indices where read[index] == "著" {
            let previous = index > 0 ? read[index - 1] : nil
            if TraditionalCharacters.readsAsAspectMarker(previous: previous, next: index + 1 < read.count ? read[index + 1] : nil) { read[index] = "着" }
        }
        return read
    }

    /// Whether `scalar` may be read as another character by `simplified(_:)`.
    static func isTraditional(_ scalar: Unicode.Scalar) -> Bool { scalar == "於" || scalar == "著" || TraditionalCharacters.contains(scalar.value) }

    /// Uses of `text` per million tokens of jieba's corpus; 0 for a string not in the list.
    public func perMillion(_ text: String) -> Double {
        word(text).map { exp(Double($0.logProbability)) * 1_000_000 } ?? 0
    }

    /// Whether jieba tags `text` as a pronoun that is read here as part of a word (任 of 负责任).
    func isReclassified(_ text: String) -> Bool { reclassified.contains(text) }

    /// The start offsets of the words of `scalars` (indices into the collection), in order;
    /// the first is `scalars.startIndex`.
    func wordStarts(_ source: ArraySlice<Unicode.Scalar>) -> [Int] {
        let start = source.startIndex
        let count = source.count
        guard count > 0 else { return [] }
        // Traditional characters are read as their Simplified ones (TraditionalCharacters), one
        // for one, so that offsets stay those of `source`.
        let scalars = ContiguousArray(source.contains(where: Self.isTraditional) ? Self.simplified(source) : Array(source))
        // best[i]: the best log probability of cutting scalars[i ..< end]; next[i]: where its first word ends.
        var best = [Float](repeating: 0, count: count + 1)
        var next = [Int](repeating: count, count: count + 1)
        for offset in stride(from: count - 1, through: 0, by: -1) {
            let scalar = scalars[offset]
            if Self.isLatinOrDigit(scalar) || scalar == " " {
                // A Latin word (or a space) is one token: it ends where its kind of character does.
                var end = offset + 1
                while end < count && (scalar == " " ? scalars[end] == " " : Self.isLatinOrDigit(scalars[end])) { end += 1 }
                best[offset] = unknownLogProbability + best[end]
                next[offset] = end
                continue
            }
            best[offset] = unknownLogProbability + best[offset + 1]
            next[offset] = offset + 1
            var probe = WordTable.Probe()
            probe.append(scalar.value)
            var end = offset + 1
            while end < count && end - offset < Self.longestWord {
                let following = scalars[end]
                guard !Self.isLatinOrDigit(following), following != " " else { break }
                probe.append(following.value)
                end += 1
                if let word = words.word(scalars[offset..<end].lazy.map(\.value), probe: probe), word.logProbability + best[end] > best[offset] {
                    best[offset] = word.logProbability + best[end]
                    next[offset] = end
                }
            }
            if let word = words.word(scalar), word.logProbability + best[offset + 1] > best[offset] {
                best[offset] = word.logProbability + best[offset + 1]
                next[offset] = offset + 1
            }
        }
        var starts: [Int] = []
        var offset = 0
        while offset < count {
            // Characters the dictionary leaves single, one after another, are read as one
            // unknown word (jieba hands such runs to its HMM for the same reason), unless one
            // of them is an everyday clause word (的, 是, 把) or a pronoun or determiner (每, 各:
            // jieba tags 每 zg, which would make 每条 a word of 每条音轨).
            let isLoose = { (at: Int) in
                next[at] == at + 1 && ScriptClass.isCJK(scalars[at].value) && !Self.pronouns.contains(String(Character(scalars[at])))
                    && !(self.words.word(scalars[at]).map { $0.everyday && $0.wordClass == .clause } ?? false)
            }
            // An everyday verb or localiser does not start such a word (看|尾延迟, 聊|零信任,
            // 上|多因素认证: a localiser follows its noun), nor goes on from
            // an everyday adverb or localiser (先|看, 再|讲, 后|测): the two are the clause before a term. A result
            // complement ends the verb before it, not a word (重跑|完).
            let everydayClass = { (at: Int) in self.words.word(scalars[at]).flatMap { $0.everyday ? $0.wordClass : nil } }
            let everydayLocaliser = { (at: Int) in self.words.word(scalars[at]).map { $0.everyday && $0.isLocaliser } ?? false }
            let everydayVerbal = { (at: Int) in self.words.word(scalars[at]).map { $0.everyday && $0.isVerbal } ?? false }
            // After a preposition of means the instrument's name follows, which a verb may open
            // (用|顶空技术, where 顶 alone is to push); not a complement making the means a verb
            // (拿起|捞藻网, pick up).
            let afterMeans = { (at: Int) in
                at > 0 && GlossMiner.meansPrepositions.contains(String(Character(scalars[at - 1])))
                    && !Self.resultComplements.contains(scalars[at]) && !"起来去出上下回进开过".unicodeScalars.contains(scalars[at])
            }
            let continuesLooseRun = offset > 0 && isLoose(offset) && starts.last.map { last in
                (last - start..<offset).allSatisfy { isLoose($0) } && (everydayClass(last - start) != .verb || afterMeans(last - start)) && !everydayLocaliser(last - start)
                    // Nor does a modal or degree adverb, a time word, 一 or 个 (先|素烧, 也|最, 当|底糖,
                    // 一|锅, 做个|双乙酰): a clause's, where other adverbs and numerals may open a
                    // name (真胃, 二噁英).
                    && !self.opensNoName(String(Character(scalars[last - start])))
                    // Nor goes on over one such, or over 时 ending a clause of time (量体|时|只|量):
                    // it is the clause's wherever it stands. (`scalars` are Simplified: 時 is 时.)
                    && !self.opensNoName(String(Character(scalars[offset]))) && scalars[offset] != "时"
                    && !(everydayClass(offset - 1) == .modifier && everydayVerbal(offset))
                    && !Self.resultComplements.contains(scalars[offset])
                    // Nor does a preposition of means or of way: it opens the clause's means
                    // (灰调|靠|飞尘版, 雷达波|经|对流层).
                    && !GlossMiner.meansPrepositions.contains(String(Character(scalars[offset]))) && scalars[offset] != "经"
                    // A degree adverb goes on no word: it opens the predicate (高|很|容易).
                    && !Self.degreeAdverbScalars.contains(scalars[offset])
            } ?? false
            if !continuesLooseRun { starts.append(start + offset) }
            offset = next[offset]
        }
        return starts
    }

    /// Whether a single character is a clause's and opens no word the list lacks: 一 and 个,
    /// a time word (当), a modal or a degree adverb (`GlossMiner.modalWords`, `degreeAdverbs`),
    /// or 只 (only; 只读 is a word of the list).
    /// Negations are not among them: they make words (不稳定, 不可逆).
    func opensNoName(_ character: String) -> Bool {
        character == "一" || character == "个" || (words[character]?.isTimeWord ?? false)
            || (GlossMiner.modalWords.contains(character) && !["不", "没", "唔", "冇"].contains(character)) || GlossMiner.degreeAdverbs.contains(character)
            || character == "只"
    }

    /// Whether a string reads as a phrase rather than a term by its words: it starts or ends
    /// with an everyday clause word (人们会, 能达到, 使模型), or holds a structural particle
    /// or aspect marker (新的模型, 结合得好).
    public func isPhrase(_ text: String) -> Bool {
        let texts = words(of: text)
        guard texts.count >= 2 else { return false }
        let everyday = { (text: String) in self.word(text).flatMap { $0.everyday ? $0 : nil } }
        // A numeral and measure word before a derivational suffix make an adjective (一片|式|背板).
        let prefixed = GlossMiner.startsWithDerivationalPrefix(texts)
            || (texts.count >= 3 && (everyday(texts[0])?.isNumeral ?? false) && GlossMiner.derivationalSuffixes.contains(texts[1]))
        if (!prefixed && everyday(texts[0])?.wordClass == .clause) || everyday(texts[texts.count - 1])?.wordClass == .clause { return true }
        // Structural particles and aspect markers inside make a phrase (模型的提供者, 结合得好).
        if texts.indices.dropFirst().contains(where: { index in
            ["的", "得", "地", "了", "着"].contains(texts[index])
                && !(index + 1 < texts.count && isCharacterBeforeNoun(texts[index], next: texts[index + 1]))
        }) {
            return true
        }
        // So does a clause word of two characters or more inside (解决这个问题, 让我们看).
        if texts.dropFirst().dropLast().contains(where: { $0.count >= 2 && everyday($0)?.wordClass == .clause }) { return true }
        return false
    }

    /// Whether `word`, 地 or 得, is a character of a word the list lacks rather than a
    /// particle, the word after it being `next`: those particles go before a verb or an
    /// adjective (仔细地|检查, 跑得|快), never a noun (探|地|雷达).
    func isCharacterBeforeNoun(_ word: String, next: String) -> Bool {
        (word == "地" || word == "得") && self.word(next)?.isNoun == true
    }

    /// Whether a string, cut into the list's words, ends in a predicate: an adverb, then the
    /// adjective or verb it modifies as the last word (人工智能|越来越|好, 模型|非常|重要). A
    /// name has no such ending; a term may start with an adverb (直接偏好优化).
    func endsInPredicate(_ text: String) -> Bool {
        let words = words(of: text)
        guard words.count >= 2, let adverb = word(words[words.count - 2]), adverb.isAdverb,
            let last = word(words[words.count - 1]), last.isAdjective || last.wordClass == .verb
        else { return false }
        return true
    }

    /// Whether `text` is one word of a closed class in the list: a function word, adverb,
    /// numeral, measure, time or direction word (当然, 数百万, 之后), which names nothing even
    /// when quoted or set in bold.
    public func isFunctionWord(_ text: String) -> Bool {
        guard let word = word(text) else { return false }
        return word.wordClass == .clause || word.wordClass == .modifier
    }

    /// Whether `measure`, a measure word (tag q, m), heads the noun `previous` before it rather
    /// than ending a quantity: it ends one only after a numeral or a demonstrative or other
    /// clause word (一台, 这台); after a noun it is that noun's head (王台 a queen cell, 继箱 a
    /// hive's super).
    func isMeasureHead(_ measure: String, after previous: String) -> Bool {
        guard word(measure)?.isNumeral == true else { return false }
        guard let before = word(previous) else { return true }
        return !before.isNumeral && before.wordClass != .clause
    }

    /// `text` cut into words (jieba's dictionary-only segmentation, as `wordStarts` cuts).
    func words(of text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let starts = wordStarts(scalars[...]) + [scalars.count]
        return (0..<(starts.count - 1)).map { String(String.UnicodeScalarView(scalars[starts[$0]..<starts[$0 + 1]])) }
    }

    private static func isLatinOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
