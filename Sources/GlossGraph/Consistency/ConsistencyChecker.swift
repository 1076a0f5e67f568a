import GlossGraphExtraction
import GlossGraphGlossary
import GlossGraphReading
import GlossGraphText

/// One place a name is used.
public struct NameUse: Sendable, Hashable {
    public var file: String
    public var turn: Int
    public var line: Int
    public var column: Int
    /// The text as written.
    public var text: String
    /// Whether the clause around it is Chinese text (`ConsistencyChecker.isChineseContext`).
    public var inChineseText: Bool
    /// Whether the English beside it names the concept in Latin script: the unit's own English
    /// sentences, or the English unit just before it; nil where there is no such English.
    public var namedInEnglish: Bool? = nil
    /// The longer name it is part of, when the Chinese character after or before it makes one
    /// the transcript uses twice or more (片皮 in 片皮机): replaced, it would make another word.
    public var partOf: String? = nil
    /// Whether the sentence also names the concept by another of its names (`X，我们也叫 Y`,
    /// `X 和 Y 是一回事`): it states or contrasts the names, and a replacement would say X is X.
    public var besideOtherName = false
}

/// How one name of a concept is used in the transcripts.
public struct NameUsage: Sendable {
    /// The glossary name the text matched (its canonical spelling).
    public var name: ConceptName
    public var uses: [NameUse]
    /// What `--suggest` replaces these uses with; nil when they stay as they are.
    public var replacement: String?
    /// Why uses of a name the glossary would replace are kept: the name may mean something
    /// else here (`ConsistencyChecker`'s rules).
    public var keptBecause: String?

    /// The name as the text writes it most often (a Traditional form of the glossary's
    /// Simplified name, say): the glossary's name when no use differs from it.
    public var writtenAs: String {
        var counts: [String: Int] = [:]
        for use in uses { counts[use.text, default: 0] += 1 }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? name.text
    }
}

/// What a translator should look at.
public enum FindingKind: String, Sendable, CaseIterable {
    /// A name the glossary marks deprecated is used.
    case deprecated
    /// The concept is rendered under a Chinese name that is not its preferred one.
    case chineseVariants = "chinese-variants"
    /// The concept is named under several English names in English text (only when asked).
    case englishVariants = "english-variants"
    /// Chinese text keeps the English name of a concept that it must translate, and never uses
    /// a Chinese name of it.
    case untranslated
    /// A Chinese name is written in the other script than the text's: Simplified in a
    /// Traditional text, or Traditional in a Simplified one.
    case mixedScripts = "mixed-scripts"
}

public struct ConsistencyFinding: Sendable {
    public var kind: FindingKind
    public var concept: Concept
    /// The names involved, most used first; those with a `replacement` are what `--suggest`
    /// changes.
    public var usages: [NameUsage]
    /// What to use instead.
    public var preferred: String
    /// Higher matters more; findings are listed by it.
    public var weight: Int

    /// Whether the text must change: every finding but non-preferred names whose uses are all
    /// kept (they may mean something else), which are for review and do not fail the check.
    public var needsAction: Bool {
        switch kind {
        case .chineseVariants, .englishVariants: usages.contains { $0.replacement != nil }
        default: true
        }
    }

    public var message: String {
        // A name whose uses are split (replaced and kept) is listed once.
        var counts: [(name: String, count: Int)] = []
        for usage in usages {
            if let index = counts.firstIndex(where: { $0.name == usage.writtenAs }) {
                counts[index].count += usage.uses.count
            } else {
                counts.append((usage.writtenAs, usage.uses.count))
            }
        }
        let names = counts.map { "\($0.name) ×\($0.count)" }.joined(separator: ", ")
        switch kind {
        case .deprecated: return "deprecated rendering \(names); use \(preferred)"
        case .chineseVariants: return "Chinese \(counts.count == 1 ? "name" : "names") \(names); preferred \(preferred)"
        case .englishVariants: return "\(usages.count) English names: \(names); preferred \(preferred)"
        case .untranslated: return "English only: \(names); the glossary's Chinese is \(preferred) (translate by hand)"
        case .mixedScripts: return "written in the other script: \(names); in this text's script \(preferred)"
        }
    }
}

/// Checks the terminology of transcripts against the glossary, the way CAT-tool QA does.
///
/// The rules (README, "consistency"): a deprecated name is a finding, to be replaced by the
/// preferred name of its own language; a non-preferred Chinese rendering (`zh_variants`) is a
/// finding, to be replaced by the preferred Chinese name;
/// an English name of a concept that must be translated (`Concept.mustTranslate`), kept in
/// Chinese text that never uses a Chinese name of it, is reported and never replaced. Not
/// findings: abbreviations and their plurals (`LLMs`), an inflected form of a preferred name
/// (`scaling laws`), and a variant that is the preferred name without its first modifier
/// (`语言模型` for `大语言模型`, `language model` for `large language model`), which texts use
/// in its general sense: list it as deprecated to have it reported. A variant is not replaced,
/// though reported, where it may mean something else (`replacingVariant`).
public struct ConsistencyChecker {
    public let glossary: Glossary
    /// Whether English variants in English text are findings too.
    public var checksEnglishVariants: Bool
    /// The script every file is checked in (its preferred names and what is the other script);
    /// nil: each file's own, as `detectScript` finds it.
    public var script: LabelScript?
    private let extractor: ConceptExtractor

    public init(glossary: Glossary, checksEnglishVariants: Bool = false, script: LabelScript? = nil) {
        self.glossary = glossary
        self.checksEnglishVariants = checksEnglishVariants
        self.script = script
        extractor = ConceptExtractor(glossary: glossary)
    }

    /// Every concept found with the names it is used under, in glossary order.
    public func usages(_ transcripts: [Transcript]) -> [(concept: Concept, usages: [NameUsage])] {
        var byConcept: [Int: [Int: NameUsage]] = [:]  // concept → name → usage
        var scratch = TermMatcher.Scratch()
        for transcript in transcripts {
            let transcriptText = Array(transcript.units.map(\.text).joined(separator: "\n").utf8)
            // Where each variant occurs, built once per transcript: a long transcript asks
            // about the same names' neighbours thousands of times.
            var contexts: [String: NameContexts] = [:]
            // The concepts an English unit names, for the Chinese unit after it (its translation,
            // in an export that gives each language its own turn or caption).
            var previousEnglish: EnglishBeside?
            for unit in transcript.units where unit.kind != .note {
                let extraction = extractor.extract(unit, scratch: &scratch)
                let words = Self.latinWords(extraction.unit.utf8)
                let hasEnglish = words.count >= Self.bilingualLatinWords
                let isEnglish = hasEnglish && !extraction.unit.utf8.contains { $0 >= 0xE3 && $0 <= 0xE9 }
                let own = hasEnglish ? EnglishBeside(extraction, words: words) : nil
                let english = own ?? previousEnglish
                previousEnglish = isEnglish ? own : nil
                let bytes = extraction.unit.utf8
                var otherNameInSentence: [Bool]?
                for (matchIndex, match) in extraction.matches.enumerated() {
                    let names = glossary.concepts[match.concept].names
                    let mention = extraction.describe(match)
                    // A Chinese mention written as one of the concept's names is that name, though
                    // the matcher may have found it by another that reads alike (數據中心 by
                    // 数据中心, as it reads Traditional characters as Simplified).
                    let pattern = extractor.pattern(match.pattern)
                    let written = mention.text.containsCJK ? NameKey.key(mention.text, simplifyTraditional: false) : nil
                    guard let nameIndex = names.firstIndex(where: { written != nil && NameKey.key($0.text, simplifyTraditional: false) == written })
                        ?? names.firstIndex(where: { $0.text == pattern.name })
                    else { continue }
                    let name = names[nameIndex]
                    let chinese = Self.isChineseContext(extraction.unit.utf8, around: match.range)
                    var use = NameUse(
                        file: unit.file, turn: unit.index, line: mention.line, column: mention.column, text: mention.text, inChineseText: chinese)
                    if let english { use.namedInEnglish = english.names(glossary.concepts[match.concept], index: match.concept) }
                    // Only a variant's uses are replaced, so only they need these.
                    if name.role == .zhVariant {
                        let written = String(decoding: bytes[match.range], as: UTF8.self)
                        if contexts[written] == nil { contexts[written] = NameContexts(of: Array(bytes[match.range]), in: transcriptText) }
                        use.partOf = Self.longerName(around: match.range, in: bytes, contexts: contexts[written]!)
                        if otherNameInSentence == nil { otherNameInSentence = Self.namedByTwoNames(extraction.matches, in: bytes) }
                        use.besideOtherName = otherNameInSentence![matchIndex]
                    }
                    byConcept[match.concept, default: [:]][nameIndex, default: NameUsage(name: name, uses: [])].uses.append(use)
                }
            }
        }
        return byConcept.keys.sorted().map { concept in
            let usages = byConcept[concept]!.values.sorted {
                $0.uses.count != $1.uses.count ? $0.uses.count > $1.uses.count : $0.name.text < $1.name.text
            }
            return (glossary.concepts[concept], usages)
        }
    }

    /// The findings, most important first: deprecated renderings, names in the other script,
    /// then non-preferred Chinese renderings by how many names a concept is spread over, then
    /// English left untranslated. Each file is checked on its own, in its own script
    /// (`script`, or `detectScript`): a Traditional text against the Traditional names.
    public func findings(_ transcripts: [Transcript]) -> [ConsistencyFinding] { check(transcripts).findings }

    /// `findings(_:)`, and how many of the glossary's concepts the texts name (0: the glossary
    /// covers nothing of them, and no finding means nothing).
    public func check(_ transcripts: [Transcript]) -> (findings: [ConsistencyFinding], conceptsFound: Int) {
        // Each file is a translation of its own: a term translated in one does not excuse its
        // English left in another.
        var findings: [ConsistencyFinding] = []
        var found = Set<String>()
        for transcript in transcripts {
            let checked = self.findings([transcript], in: script ?? Self.detectScript(of: transcript))
            findings += checked.findings
            found.formUnion(checked.concepts)
        }
        let sorted = findings.sorted {
            $0.weight != $1.weight ? $0.weight > $1.weight : ($0.concept.id, $0.kind.rawValue) < ($1.concept.id, $1.kind.rawValue)
        }
        return (sorted, found.count)
    }

    private func findings(_ transcripts: [Transcript], in script: LabelScript) -> (findings: [ConsistencyFinding], concepts: [String]) {
        var findings: [ConsistencyFinding] = []
        let found = usages(transcripts)
        let preferredChinese = script.relabel(found.map(\.concept)).map(\.zh)
        let mentionScripts = Self.mentionScripts(Set(found.flatMap { $0.usages.flatMap { $0.uses.map(\.text) } }))
        let traditionalText = script != .hans
        for ((concept, usages), zh) in zip(found, preferredChinese) {
            for var usage in usages where usage.name.role == .deprecated {
                let preferred = usage.name.language == "zh" ? zh : concept.en
                usage.replacement = preferred.isEmpty ? nil : preferred
                findings.append(ConsistencyFinding(
                    kind: .deprecated, concept: concept, usages: [usage], preferred: preferred.isEmpty ? concept.bilingualLabel : preferred,
                    weight: 1000 + usage.uses.count))
            }
            // A name tagged for a script or region is at home in Traditional text, unless the
            // text is checked for another region (a zh-HK name in a --script tw check).
            let atHome = { (name: ConceptName) -> Bool in
                guard traditionalText, let tag = name.tag else { return false }
                return script == .hant || tag == "zh-Hant" || tag == script.tag
            }
            let chinese = usages.filter {
                $0.name.role == .zh
                    || ($0.name.role == .zhVariant && !Self.isShortForm($0.name.text, of: concept.zh) && !atHome($0.name))
            }
            if chinese.contains(where: { $0.name.role == .zhVariant }) {
                findings.append(ConsistencyFinding(
                    kind: .chineseVariants, concept: concept, usages: chinese.flatMap { replacingVariant($0, of: concept, with: zh) },
                    preferred: zh.isEmpty ? chinese[0].name.text : zh,
                    weight: 100 * chinese.count + chinese.reduce(0) { $0 + $1.uses.count }))
            }
            // The preferred name (or a tagged one) written in the other script.
            let otherScript: MentionScript = traditionalText ? .simplified : .traditional
            let mixed: [NameUsage] = usages.compactMap { usage in
                guard usage.name.role == .zh || (usage.name.role == .zhVariant && usage.name.tag != nil) else { return nil }
                var kept = usage
                kept.uses = usage.uses.filter { mentionScripts[$0.text] == otherScript }
                kept.replacement = zh.isEmpty ? nil : zh
                return kept.uses.isEmpty ? nil : kept
            }
            if !mixed.isEmpty {
                findings.append(ConsistencyFinding(
                    kind: .mixedScripts, concept: concept, usages: mixed, preferred: zh,
                    weight: 500 + mixed.reduce(0) { $0 + $1.uses.count }))
            }
            if checksEnglishVariants {
                let english = englishUsages(of: concept, usages, inChineseText: false)
                let distinct = Set(english.map { Self.isPreferredForm($0.name, of: concept) ? concept.en : $0.name.text })
                if distinct.count > 1 {
                    findings.append(ConsistencyFinding(
                        kind: .englishVariants, concept: concept,
                        usages: english.map { Self.isPreferredForm($0.name, of: concept) ? $0 : replacing($0, with: concept.en) },
                        preferred: concept.en.isEmpty ? english[0].name.text : concept.en,
                        weight: 100 * distinct.count + english.reduce(0) { $0 + $1.uses.count }))
                }
            }
            let anyChinese = usages.contains { $0.name.language == "zh" }
            let untranslated = englishUsages(of: concept, usages, inChineseText: true)
            if concept.mustTranslate && !concept.zh.isEmpty && !anyChinese && !untranslated.isEmpty {
                findings.append(ConsistencyFinding(
                    kind: .untranslated, concept: concept, usages: untranslated, preferred: zh,
                    weight: 10 + untranslated.reduce(0) { $0 + $1.uses.count }))
            }
        }
        return (findings, found.map(\.concept.id))
    }

    /// Which script a mention is written in.
    enum MentionScript {
        /// With characters only Simplified Chinese writes (数据).
        case simplified
        /// With characters only Traditional Chinese writes (數據).
        case traditional
        /// The same in both (算力), or not Chinese.
        case either
    }

    /// The script of each text, by OpenCC: Traditional when `t2s` changes it, Simplified when
    /// `s2t` does and `t2s` does not.
    static func mentionScripts(_ texts: Set<String>) -> [String: MentionScript] {
        let list = texts.filter(\.containsCJK).sorted()
        let converted = ChineseConversion.convert(list, by: [.t2s, .s2t])
        guard let simplified = converted[0], let traditional = converted[1] else { return [:] }
        var scripts: [String: MentionScript] = [:]
        for (index, text) in list.enumerated() {
            scripts[text] = simplified[index] != text ? .traditional : traditional[index] != text ? .simplified : .either
        }
        return scripts
    }

    /// Whether a transcript is written in Traditional (`hant`) or Simplified (`hans`)
    /// characters: by the characters in its turns that only one script writes, each counted as
    /// often as it occurs (OpenCC's `t2s` and `s2t` of each character).
    public static func detectScript(of transcript: Transcript) -> LabelScript {
        var counts: [Character: Int] = [:]
        for unit in transcript.units where unit.kind != .note {
            for character in unit.text where character.unicodeScalars.first.map({ ScriptClass.isCJK($0.value) }) == true {
                counts[character, default: 0] += 1
            }
        }
        let scripts = mentionScripts(Set(counts.keys.map { String($0) }))
        var traditional = 0, simplified = 0
        for (character, count) in counts {
            switch scripts[String(character)] {
            case .traditional: traditional += count
            case .simplified: simplified += count
            default: break
            }
        }
        return traditional > simplified ? .hant : .hans
    }

    /// A Chinese variant's usage with the replacement for its uses, split in two where some
    /// uses are kept: in a bilingual unit whose English does not name the concept (UTF-8编码
    /// beside "encoding" is not programming's 编码), or everywhere when the variant is an
    /// everyday word (`GeneralWords`, as 医疗 is), which may mean something else.
    /// `preferred` is the concept's preferred Chinese name in the text's script.
    private func replacingVariant(_ usage: NameUsage, of concept: Concept, with preferred: String) -> [NameUsage] {
        guard usage.name.role == .zhVariant, !preferred.isEmpty else { return [usage] }
        let name = usage.name.text
        var keptForAll: String?
        if Self.everydayWords?.everyday.contains(name) == true {
            keptForAll = "an everyday word, which may mean something else"
        } else if Self.isNarrowerForm(name, of: concept.zh) {
            keptForAll = "the preferred name with a word before it, which may name something narrower"
        }
        if let keptForAll {
            var kept = usage
            kept.keptBecause = keptForAll
            return [kept]
        }
        // Without English beside it, a common word (in jieba's list, used once per million
        // or more: 编码) may mean something else; a rendering of the term rarely is one.
        let common = (Self.everydayWords?.lexicon?.perMillion(name) ?? 0) >= Self.commonPerMillion
        var replaced = usage, unconfirmed = usage, commonWord = usage, inLongerName = usage, stating = usage
        let replaceable = usage.uses.filter { $0.partOf == nil && !$0.besideOtherName }
        inLongerName.uses = usage.uses.filter { $0.partOf != nil }
        inLongerName.keptBecause = "part of a longer name the text uses (\(usage.uses.compactMap(\.partOf).first ?? name))"
        stating.uses = usage.uses.filter { $0.partOf == nil && $0.besideOtherName }
        stating.keptBecause = "in a sentence that names the concept by another name too"
        replaced.uses = replaceable.filter { $0.namedInEnglish == true || ($0.namedInEnglish == nil && !common) }
        replaced.replacement = preferred
        unconfirmed.uses = replaceable.filter { $0.namedInEnglish == false }
        unconfirmed.keptBecause = "the English beside it does not name the concept"
        commonWord.uses = replaceable.filter { $0.namedInEnglish == nil && common }
        commonWord.keptBecause = "a common word, which may mean something else, and no English beside it to tell"
        return [replaced, unconfirmed, commonWord, inLongerName, stating].filter { !$0.uses.isEmpty }
    }

    /// The string of a use and the Chinese characters after it (or, failing that, the one
    /// before it) when the text has it twice or more; characters that start no term (的, 是,
    /// 和) make no longer name. Ranges are UTF-8 offsets in `text`; `contexts` holds the
    /// neighbours of every occurrence of the use's string in the whole transcript.
    static func longerName(around range: Range<Int>, in text: [UInt8], contexts: NameContexts) -> String? {
        func character(at offset: Int) -> [UInt8]? {
            guard offset >= 0, offset + 3 <= text.count, (0xE3...0xE9).contains(text[offset]) else { return nil }
            let character = String(decoding: text[offset..<(offset + 3)], as: UTF8.self)
            guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                !GlossMiner.isCJKPunctuation(scalar), !GlossMiner.badStarts.contains(Character(scalar))
            else { return nil }
            return Array(text[offset..<(offset + 3)])
        }
        let name = String(decoding: text[range], as: UTF8.self)
        if let after = character(at: range.upperBound), contexts.followed(by: after) >= 2 {
            // As far as the text uses it so (缩放定律曲线, not 缩放定律曲).
            var suffix = after
            var end = range.upperBound + 3
            while suffix.count < NameContexts.longestSuffix, let next = character(at: end), contexts.followed(by: suffix + next) >= 2 {
                suffix += next
                end += 3
            }
            return name + String(decoding: suffix, as: UTF8.self)
        }
        if let before = character(at: range.lowerBound - 3), contexts.preceded(by: before) >= 2 {
            return String(decoding: before, as: UTF8.self) + name
        }
        return nil
    }

    /// The neighbours of every occurrence of one name in a text (UTF-8), to count how often
    /// the name is followed by given bytes, or preceded by one character, in time logarithmic
    /// in its occurrences: the occurrences sorted by the bytes after them, as in a suffix array.
    struct NameContexts {
        /// Bytes after a name that a longer name may add: six Chinese characters.
        static let longestSuffix = 18
        private let text: [UInt8]
        private let end: [Int]  // where each occurrence ends, sorted by the bytes that follow
        private let before: [[UInt8]: Int]  // the three bytes before an occurrence → count

        init(of name: [UInt8], in text: [UInt8]) {
            self.text = text
            var ends: [Int] = [], before: [[UInt8]: Int] = [:]
            var offset = 0
            while offset + name.count <= text.count {
                if text[offset] == name[0] && text[offset..<(offset + name.count)].elementsEqual(name) {
                    ends.append(offset + name.count)
                    if offset >= 3 { before[Array(text[(offset - 3)..<offset]), default: 0] += 1 }
                    offset += name.count
                } else {
                    offset += 1
                }
            }
            let limit = Self.longestSuffix
            self.end = ends.sorted { a, b in
                text[a..<min(a + limit, text.count)].lexicographicallyPrecedes(text[b..<min(b + limit, text.count)])
            }
            self.before = before
        }

        /// How many occurrences `suffix` (at most `longestSuffix` bytes) follows.
        func followed(by suffix: [UInt8]) -> Int {
            func after(_ index: Int) -> ArraySlice<UInt8> { text[end[index]..<min(end[index] + suffix.count, text.count)] }
            // The first occurrence whose following bytes are not below `suffix`, then the first
            // whose following bytes do not start with it.
            var low = 0, high = end.count
            while low < high {
                let middle = (low + high) / 2
                if after(middle).lexicographicallyPrecedes(suffix) { low = middle + 1 } else { high = middle }
            }
            let first = low
            high = end.count
            while low < high {
                let middle = (low + high) / 2
                if after(middle).elementsEqual(suffix) { low = middle + 1 } else { high = middle }
            }
            return low - first
        }

        /// How many occurrences the three bytes `character` precede.
        func preceded(by character: [UInt8]) -> Int { before[character] ?? 0 }
    }

    /// For each match (in `matches`' order), whether its sentence (up to `sentenceEndLength`'s
    /// marks) also names its concept written otherwise. Ranges are UTF-8 offsets in `text`; linear in the text and the matches.
    static func namedByTwoNames(_ matches: [TermMatch], in text: [UInt8]) -> [Bool] {
        guard matches.count > 1 else { return Array(repeating: false, count: matches.count) }
        // The offsets just past each sentence end, ascending.
        var breaks: [Int] = []
        var offset = 0
        while offset < text.count {
            let length = sentenceEndLength(text, at: offset)
            if length > 0 { breaks.append(offset + length) }
            offset += max(1, length)
        }
        func sentence(of offset: Int) -> Int {
            var low = 0, high = breaks.count
            while low < high {
                let middle = (low + high) / 2
                if breaks[middle] <= offset { low = middle + 1 } else { high = middle }
            }
            return low
        }
        struct Key: Hashable {
            let sentence: Int, concept: Int
        }
        let keys = matches.map { Key(sentence: sentence(of: $0.range.lowerBound), concept: $0.concept) }
        var written: [Key: Set<[UInt8]>] = [:]
        for (key, match) in zip(keys, matches) { written[key, default: []].insert(Array(text[match.range])) }
        return keys.map { written[$0]!.count > 1 }
    }

    /// Uses per million tokens in jieba's list from which a variant is a common word.
    static let commonPerMillion = 1.0

    /// The English of a unit: the concepts it names in Latin script, and its words (stemmed).
    struct EnglishBeside {
        var concepts: Set<Int>
        var words: Set<String>

        /// `words` are the unit's `latinWords`.
        init(_ extraction: UnitExtraction, words: [String]) {
            concepts = Set(extraction.matches.filter { match in !extraction.unit.utf8[match.range].contains { $0 >= 0x80 } }.map(\.concept))
            self.words = Set(words.map(NameWords.stem))
        }

        /// Whether it names `concept`: by one of its names, or by a word of four letters or more
        /// of its English names (the weights, for model weights; GPU clusters, for compute cluster).
        func names(_ concept: Concept, index: Int) -> Bool {
            if concepts.contains(index) { return true }
            let english = concept.names.filter { $0.language == "en" }.map { Array($0.text.lowercased().utf8) }
            return english.contains { name in
                ConsistencyChecker.latinWords(name).contains { $0.count >= 4 && words.contains(NameWords.stem($0)) }
            }
        }
    }

    /// The lowercased words of Latin letters in UTF-8 `text`.
    static func latinWords(_ text: [UInt8]) -> [String] {
        var words: [String] = [], word: [UInt8] = []
        for byte in text + [0x20] {
            if (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") {
                word.append(byte | 0x20)
            } else if !word.isEmpty {
                words.append(String(decoding: word, as: UTF8.self))
                word.removeAll(keepingCapacity: true)
            }
        }
        return words
    }

    /// Jieba's word list, read once when a variant is to be judged.
    private static let everydayWords: GeneralWords? = GeneralWords.load()

    /// A unit with this many Latin words holds English sentences, not only English terms.
    static let bilingualLatinWords = 6

    /// Whether a Chinese `name` is `preferred` with a word before it (多模态 of 模态, but also
    /// AI对齐 of 对齐): possibly a narrower term, Chinese putting the head last.
    static func isNarrowerForm(_ name: String, of preferred: String) -> Bool {
        !preferred.isEmpty && name.containsCJK && name.count > preferred.count && name.hasSuffix(preferred)
    }

    /// `usage` with the replacement for its uses, unless it is the preferred name.
    private func replacing(_ usage: NameUsage, with preferred: String) -> NameUsage {
        var usage = usage
        if usage.name.role.status != .preferred && !preferred.isEmpty { usage.replacement = preferred }
        return usage
    }

    /// The English (non-deprecated, non-abbreviation) usages of a concept whose uses lie in
    /// Chinese text (or in English text), keeping only those uses; abbreviation forms and
    /// short forms left out.
    private func englishUsages(of concept: Concept, _ usages: [NameUsage], inChineseText: Bool) -> [NameUsage] {
        usages.compactMap { usage in
            guard usage.name.role == .en || usage.name.role == .enVariant,
                !Self.isAbbreviationForm(usage.name.text, of: concept),
                !(usage.name.role == .enVariant && Self.isShortForm(usage.name.text, of: concept.en))
            else { return nil }
            var kept = usage
            kept.uses = usage.uses.filter { $0.inChineseText == inChineseText }
            return kept.uses.isEmpty ? nil : kept
        }
    }

    /// Whether `name` is `base` inflected: a plural (`-s`, `-es`, `-y` → `-ies`) or a
    /// possessive (`'s`), compared without case.
    static func isInflection(_ name: String, of base: String) -> Bool {
        let name = name.lowercased(), base = base.lowercased()
        guard !base.isEmpty, name.count > base.count else { return false }
        for suffix in ["s", "es", "'s", "\u{2019}s"] where name == base + suffix { return true }
        return base.hasSuffix("y") && name == base.dropLast() + "ies"
    }

    /// Whether an English name is the preferred English name or an inflection of it.
    static func isPreferredForm(_ name: ConceptName, of concept: Concept) -> Bool {
        name.role == .en || isInflection(name.text, of: concept.en)
    }

    /// Whether an English name is an abbreviation of the concept inflected (`LLMs` for `LLM`).
    static func isAbbreviationForm(_ name: String, of concept: Concept) -> Bool {
        concept.abbreviations.contains { isInflection(name, of: $0) }
    }

    /// Whether `name` is `preferred` without its first modifier: a shorter Chinese name it ends
    /// with (`语言模型` of `大语言模型`), or its last words (`language model` of
    /// `large language model`).
    static func isShortForm(_ name: String, of preferred: String) -> Bool {
        guard !name.isEmpty, name.count < preferred.count else { return false }
        if name.containsCJK { return preferred.hasSuffix(name) }
        let words = preferred.lowercased().split(separator: " "), short = name.lowercased().split(separator: " ")
        return short.count < words.count && words.suffix(short.count).elementsEqual(short)
    }

    /// The length in bytes of the sentence end that starts at byte `index` of `text`, or 0: a
    /// line break; a Chinese full stop, question or exclamation mark (3 bytes); an ASCII one
    /// before a space, a line break or the end (a decimal point ends nothing: GPT-3.5).
    static func sentenceEndLength(_ text: [UInt8], at index: Int) -> Int {
        switch text[index] {
        case 0x0A: return 1
        case UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"):
            return index + 1 == text.count || text[index + 1] == 0x20 || text[index + 1] == 0x0A ? 1 : 0
        case 0xE3 where index + 2 < text.count: return text[index + 1] == 0x80 && text[index + 2] == 0x82 ? 3 : 0  // 。
        case 0xEF where index + 2 < text.count:  // ！ ？
            return text[index + 1] == 0xBC && (text[index + 2] == 0x81 || text[index + 2] == 0x9F) ? 3 : 0
        default: return 0
        }
    }

    /// How far from a mention `isChineseContext` looks for its sentence's ends, in bytes.
    static let contextBytes = 600

    /// Whether the clause around `range` (bytes of `text`, up to a line break, a sentence's
    /// end or `contextBytes` away, the mention itself left out) is Chinese: at least 1.5 CJK
    /// characters for each Latin word (about the length of a Chinese word).
    static func isChineseContext(_ text: [UInt8], around range: Range<Int>) -> Bool {
        func isBoundary(_ index: Int) -> Bool { sentenceEndLength(text, at: index) > 0 }
        // The sentence, or at most `contextBytes` on each side, so that a line of megabytes
        // with no full stop costs the same per mention as a sentence.
        let earliest = max(0, range.lowerBound - contextBytes), latest = min(text.count, range.upperBound + contextBytes)
        var start = range.lowerBound
        while start > earliest && !isBoundary(start - 1) { start -= 1 }
        while start < range.lowerBound && text[start] & 0xC0 == 0x80 { start += 1 }
        var end = range.upperBound
        while end < latest && !isBoundary(end) { end += 1 }
        var cjk = 0, latinWords = 0
        for part in [text[start..<range.lowerBound], text[range.upperBound..<end]] {
            var inWord = false
            for scalar in String(decoding: part, as: UTF8.self).unicodeScalars {
                let isLetter = scalar.value < 0x250 && scalar.properties.isAlphabetic
                if isLetter && !inWord { latinWords += 1 }
                inWord = isLetter
                if ScriptClass.isCJK(scalar.value) && scalar.properties.isAlphabetic { cjk += 1 }
            }
        }
        return cjk > 0 && Double(cjk) >= 1.5 * Double(latinWords)
    }
}
