import Foundation
import GlossGraphExtraction
import GlossGraphGlossary
import GlossGraphReading
import GlossGraphText

/// A proposed glossary entry, with the evidence for it.
public struct DiscoveryCandidate: Sendable {
    public enum Kind: String, Sendable {
        /// A pair the text states (`X（Y）`, `X指的是Y`).
        case gloss
        /// A Latin-script acronym.
        case acronym
        /// A Latin-script name (product, model, bill, benchmark).
        case name
        /// A recurring Chinese string that behaves like a term.
        case term
        /// An English–Chinese pair found together in the aligned lines of a bilingual text.
        case aligned
    }

    public var kind: Kind
    public var zh: String
    public var en: String
    public var abbreviation: String
    public var score: Double
    /// Occurrences in the text (for a gloss, of whichever of its names the text uses most).
    public var count: Int
    public var file: String
    public var line: Int
    /// The known concept this may be another name of.
    public var variantOf: String?
    /// Other names of the proposed concept: Chinese ones stated (阿司匹林，也就是乙酰水杨酸) or
    /// one character shorter or longer (自博弈 beside 自我博弈), and a second English name
    /// stated on the gloss's line (`（mechanical action），英文也叫 tracker action`).
    public var variants: [String] = []
    /// Why it is proposed, for people.
    public var reason: String
    /// A gloss giving a second English name of the term glossed just before on its line
    /// (`StatedGloss.isSecondName`): folded into that gloss.
    var isSecondName = false
    /// A gloss whose Chinese term follows a demonstrative (这种支座（LRB）): it names a thing
    /// the text has introduced, under the head of its name.
    var refersBack = false

    /// After `other` (a gloss of the same concept) is folded into this proposal, its Chinese
    /// name leads when it ranked higher, being used more (肠外营养 ×3 over 静脉营养 ×1, which
    /// the bracket gloss followed); this one's becomes a variant. Call before taking `other`'s score.
    mutating func lead(with other: DiscoveryCandidate) {
        guard other.score > score, !other.zh.isEmpty, other.zh != zh, variants.contains(other.zh) else { return }
        variants = [zh] + variants.filter { $0 != other.zh }
        zh = other.zh
        count = max(count, other.count)
        file = other.file
        line = other.line
    }
}

/// Proposes glossary entries from text the glossary does not cover yet: stated glosses,
/// Latin-script acronyms and names, and recurring Chinese terms ranked by a nested-term
/// statistic (C-value) and boundary checks (branching entropy, function characters).
public struct Discoverer: Sendable {
    public let glossary: Glossary?
    let extractor: ConceptExtractor?

    /// Everyday words: the general word list's when there is one (`GeneralWords`), else a
    /// short built-in list.
    let everydayWords: Set<String>
    let generalWords: GeneralWords?

    /// Everyday English, which lower-case English words set in Chinese text are not terms
    /// for; without it, no such word is proposed.
    let englishWords: EnglishWords?

    /// `generalWords` decides which strings are everyday words; without it, a short built-in
    /// list of common words does. `englishWords` decides which lower-case English words are.
    public init(glossary: Glossary?, generalWords: GeneralWords? = nil, englishWords: EnglishWords? = nil) {
        self.glossary = glossary
        extractor = glossary.map { ConceptExtractor(glossary: $0) }
        everydayWords = generalWords.map { $0.everyday.union(Self.commonWords) } ?? Self.commonWords
        self.generalWords = generalWords
        self.englishWords = englishWords
    }

    /// UTF-8 bytes of a file read as one part (cut at a turn): a part's n-gram table stays
    /// small enough to merge quickly, and the few parts in flight keep memory bounded.
    public static let partBytes = 512 << 10

    /// Candidates in rank order, from transcripts held in memory (each a part of its own).
    /// `boldSpans` are phrases the source set in bold (hints).
    /// `boldGlossHeads` are those set in bold right before a bracket (see `boldHead`).
    public func discover(_ transcripts: [Transcript], boldSpans: Set<String> = [], boldGlossHeads: Set<String> = []) -> [DiscoveryCandidate] {
        var all = DiscoveryFindings()
        for transcript in transcripts { all.merge(findings(in: transcript.units)) }
        all.boldSpans.formUnion(boldSpans)
        all.boldGlossHeads.formUnion(boldGlossHeads)
        return proposals(from: all)
    }

    /// Candidates in rank order from the findings of a whole corpus. With `jobs` above 1 the
    /// pairs of aligned lines, which depend on the findings alone, are found on a thread of
    /// their own while the rest is ranked; the candidates are the same for any `jobs`.
    public func proposals(from findings: DiscoveryFindings, jobs: Int = 1) -> [DiscoveryCandidate] {
        let aligned = jobs > 1 ? Deferred { [self] in alignedPairs(findings) } : nil
        var candidates = glossCandidates(findings)
        // An acronym's plural in a gloss (REITs) claims the singular the Latin names count it under.
        let claimed = Set(candidates.flatMap {
            [NameKey.key($0.zh), NameKey.key($0.en), NameKey.key($0.abbreviation), NameKey.key(Self.latinLemma($0.abbreviation))]
        })
        // Words of a stated expansion (Human Feedback in Reinforcement Learning from Human
        // Feedback) are not names of their own unless they also stand alone: each run of whole
        // words of an expansion, with the most uses of an expansion holding it, looked up per
        // name rather than searched for in every expansion.
        var expansionRuns: [String: Int] = [:]
        for candidate in candidates where !candidate.en.isEmpty {
            let words = candidate.en.lowercased().split(separator: " ")
            for start in words.indices {
                for end in start..<words.count {
                    let run = words[start...end].joined(separator: " ")
                    expansionRuns[run] = max(expansionRuns[run] ?? 0, candidate.count)
                }
            }
        }
        var names = latinCandidates(findings)
        Self.attachAcronyms(&names, toGlosses: &candidates)
        let foreignNames = transliteratedNameCandidates(findings, pairingWith: &names, claimed: claimed)
        // A single word of a longer name found as often (Zero of AlphaGo Zero, Fama of
        // Fama-French) is that name's short form, not a name of its own.
        var longestUse: [String: Int] = [:]  // a word → the highest count of a longer name holding it
        for name in names {
            let words = Set(name.en.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init))
            guard words.count > 1 else { continue }
            for word in words { longestUse[word] = max(longestUse[word] ?? 0, name.count) }
        }
        // A mixed-script term's shorter forms used about as often as it (SWE of SWE基准测试, AI基准
        // of AI基准测试) are its fragments.
        let nameCounts = Dictionary(names.map { (NameKey.key($0.zh + $0.en + $0.abbreviation), $0.count) }, uniquingKeysWith: max)
        var fragments = Set<String>()
        for name in names where name.zh.containsCJK {
            let scalars = Array(name.zh.unicodeScalars)
            let isLatin = scalars.map { $0.isASCII && MarkdownLine.isASCIIAlphanumeric(UInt8($0.value)) }
            // Never inside a Latin token: I型糖尿病 is no fragment of II型糖尿病.
            for cut in 1..<scalars.count where !(isLatin[cut - 1] && isLatin[cut]) {
                for part in [scalars[..<cut], scalars[cut...]] {
                    let key = NameKey.key(String(String.UnicodeScalarView(part)))
                    if let count = nameCounts[key], name.count * 4 >= count * 3 { fragments.insert(key) }
                }
            }
        }
        candidates += names.filter { name in
            guard !fragments.contains(NameKey.key(name.zh + name.en + name.abbreviation)) else { return false }
            let text = name.zh + name.en + name.abbreviation  // a name has one of the three
            let isShortForm = !name.en.isEmpty && !name.en.contains(" ") && !name.en.contains("-")
                && (longestUse[name.en.lowercased()] ?? 0) >= name.count
            return !claimed.contains(NameKey.key(text)) && !isShortForm
                && !(expansionRuns[text.lowercased()].map { name.count <= $0 } ?? false)
        }
        let claimedVariants = Set(candidates.flatMap { $0.variants.map { NameKey.key($0) } })
        // A string inside the Chinese names the text states, and seldom used outside them (性皮炎
        // of 特应性皮炎 and 异位性皮炎), is a fragment of those names; so is one inside the terms
        // it writes in two scripts (型糖尿病 of I型糖尿病 and II型糖尿病).
        let statedNames = Set(candidates.filter { $0.kind == .gloss }.flatMap { [$0.zh] + $0.variants }.filter { !$0.isEmpty }
            + names.filter { $0.zh.containsCJK }.map(\.zh))
            .map { (name: $0, count: occurrences(of: $0, in: findings, fallback: [])) }
        // A one-character everyday verb before a stated name is its predicate (簽|臨時買賣合約).
        let statedSet = Set(statedNames.map(\.name))
        func isVerbBeforeName(_ text: String) -> Bool {
            guard let first = text.unicodeScalars.first, statedSet.contains(String(text.unicodeScalars.dropFirst())),
                let verb = generalWords?.lexicon?.word(String(first))
            else { return false }
            return verb.everyday && verb.wordClass == .verb
        }
        // The parts of a foreign name (玛格丽特 of 玛格丽特·欧文斯) name that person, used alone too.
        let nameParts = Set(findings.transliterated.values.flatMap { $0.text.unicodeScalars.split(whereSeparator: Self.nameDots.contains) }.map {
            NameKey.key(String(String.UnicodeScalarView($0)))
        })
        candidates += (termCandidates(findings).filter { !nameParts.contains(NameKey.key($0.zh)) } + foreignNames).filter { term in
            let inNames = statedNames.reduce(0) { $0 + ($1.name != term.zh && $1.name.containsText(term.zh) ? $1.count : 0) }
            return !claimed.contains(NameKey.key(term.zh)) && !claimedVariants.contains(NameKey.key(term.zh)) && Double(term.count) > Double(inNames) * 1.25
                && !isVerbBeforeName(term.zh)
        }
        candidates = Self.mergingInterchangeableParts(Self.mergingVariants(candidates)) { occurrences(of: $0, in: findings, fallback: []) }
        candidates = withAlignedPairs(
            candidates, pairs: aligned.flatMap { try? $0.value() } ?? alignedPairs(findings), findings: findings, claimed: claimed)
        // The speakers are the transcript's people, not its terms (陈教授; `Speaker A（主持人）`
        // in a cast list).
        // So are the English names that speaker labels transliterate: a Chinese transcript of
        // an English interview labels the turns 莱克斯 and 阿莫迪 and names Lex Fridman and Dario
        // Amodei in its introduction.
        // Their other words (Dario, used alone to address him) go with them, in either script
        // (达里奥).
        let transliteratedSpeakers = findings.speakers.filter { label in
            // Roles (主持人, 观众) are everyday words; transliterated names are not.
            label.count >= 2 && label.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) } && !everydayWords.contains(label)
        }
        let speakerWords = Set(candidates.filter { $0.kind == .name }.map { $0.en.split(separator: " ") }.filter { words in
            words.contains { word in word.first?.isUppercase == true && transliteratedSpeakers.contains { Transliteration.isTransliteration($0, of: String(word)) } }
        }.joined())
        // A speaker's given name alone (志明 of 吴志明) names the speaker too.
        // So does a Latin-script speaker's first name (Kevin of Kevin Tan, as a chat writes it).
        let givenNames = Set(findings.speakers.compactMap { key -> String? in
            let words = key.split(separator: " ")
            if (2...3).contains(words.count), words.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isLetter } }) { return String(words[0]) }
            let scalars = Array(key.unicodeScalars)
            guard scalars.count == 3, let surname = key.first, Self.surnames.contains(surname) else { return nil }
            return String(String.UnicodeScalarView(scalars.dropFirst()))
        })
        candidates.removeAll { candidate in
            [candidate.zh, candidate.en, candidate.abbreviation].contains { !$0.isEmpty && findings.speakers.contains(NameKey.key($0)) }
                || (!candidate.zh.isEmpty && givenNames.contains(NameKey.key(candidate.zh)))
                || (candidate.kind == .name && candidate.zh.isEmpty && givenNames.contains(NameKey.key(candidate.en)))
                || candidate.kind == .name && !candidate.en.isEmpty && candidate.en.split(separator: " ").allSatisfy(speakerWords.contains)
                || candidate.kind == .term && !speakerWords.isEmpty && candidate.zh.unicodeScalars.allSatisfy({ (0x4E00...0x9FFF).contains($0.value) })
                    && speakerWords.contains { Transliteration.isTransliteration(candidate.zh, of: String($0)) }
                // Who calls a thing by a name (行内, 业内, 我哋) is no term, however often a
                // text says so; nor is a thread's starter (楼主).
                || candidate.kind == .term && Self.peopleWhoName.contains(ChineseLexicon.simplified(candidate.zh))
        }
        let ranked = candidates.sorted {
            $0.score != $1.score ? $0.score > $1.score : ($0.file, $0.line, $0.zh + $0.en) < ($1.file, $1.line, $1.zh + $1.en)
        }
        // A concept's other renderings follow the proposals of other concepts, so that the
        // first hundred proposals name as many concepts as they can: glosses sharing an English
        // name or abbreviation with one ranked before, and names that are one ranked before in
        // another word order or with their family name (Claude 3-5 Sonnet after Sonnet 3.5).
        var named = Set<String>()
        var nameForms = Set<[String]>()
        var first: [DiscoveryCandidate] = []
        var others: [DiscoveryCandidate] = []
        for candidate in ranked {
            let keys = [candidate.en, candidate.abbreviation].filter { !$0.isEmpty }.map { NameKey.key($0) }
            let forms = candidate.kind == .name ? Self.nameForms(candidate.en) { findings.latin[NameKey.key($0)]?.count ?? 0 } : []
            let isOtherRendering = (candidate.kind == .gloss && keys.contains(where: named.contains)) || forms.contains(where: nameForms.contains)
            if isOtherRendering { others.append(candidate) } else { first.append(candidate) }
            named.formUnion(keys)
            nameForms.formUnion(forms)
        }
        return first + others
    }

    /// An acronym the text uses (DWC) whose letters are the initials of the English of one
    /// gloss stated without an abbreviation (深水栽培（deep water culture）) is that gloss's
    /// abbreviation: it joins the gloss, which counts its uses, and is no proposal of its own.
    /// Initials are taken with and without small words (of, for, the, and, to, in, on), and with
    /// hyphenated words split or whole. An acronym of two letters (CT beside cold tumor) or one
    /// two glosses could stand for stays apart.
    static func attachAcronyms(_ names: inout [DiscoveryCandidate], toGlosses glosses: inout [DiscoveryCandidate]) {
        var byInitials: [String: [Int]] = [:]
        for (index, gloss) in glosses.enumerated() where gloss.kind == .gloss && gloss.abbreviation.isEmpty && !gloss.zh.isEmpty {
            for initials in Set(englishInitials(gloss.en)) { byInitials[initials, default: []].append(index) }
        }
        guard !byInitials.isEmpty else { return }
        names.removeAll { name in
            let letters = name.abbreviation.lowercased().filter(\.isLetter)
            guard name.kind == .acronym, letters.count >= 3, let matches = byInitials[letters], matches.count == 1 else { return false }
            glosses[matches[0]].abbreviation = name.abbreviation
            glosses[matches[0]].count = max(glosses[matches[0]].count, name.count)
            return true
        }
    }

    /// The initials of an English name of two words or more, lower-case, in the ways an
    /// acronym may take them (`attachAcronyms`); none for one word.
    static func englishInitials(_ english: String) -> [String] {
        let small: Set<String> = ["of", "for", "the", "and", "to", "in", "on", "a", "an"]
        let words = english.lowercased().split(separator: " ").map(String.init)
        guard words.count >= 2, words.allSatisfy({ $0.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "-") } }) else { return [] }
        let parts = words.flatMap { $0.split(separator: "-").map(String.init) }
        return [words, words.filter { !small.contains($0) }, parts, parts.filter { !small.contains($0) }]
            .filter { $0.count >= 2 }.map { String($0.compactMap(\.first)) }
    }

    /// Recurring Chinese strings one character apart, inside the string (自博弈 and 自我博弈,
    /// 规模定律 and 规模化定律), are one concept's names: the one found less often (or the
    /// shorter, as often) becomes a variant of the other, which ranks as the better of the
    /// two. Only plain recurring strings are folded so; a gloss keeps its own row. The shorter
    /// has three characters at least, and the character between them is no Latin letter or
    /// digit.
    static func mergingVariants(_ candidates: [DiscoveryCandidate]) -> [DiscoveryCandidate] {
        var result = candidates
        var indexOf: [String: Int] = [:]
        var removed = Set<Int>()
        for (index, candidate) in candidates.enumerated() where !candidate.zh.isEmpty {
            guard let other = indexOf[candidate.zh] else {
                indexOf[candidate.zh] = index
                continue
            }
            // Two Chinese names stated for a term the text also glosses in English
            // (特应性皮炎（AD）… 特应性皮炎，也就是异位性皮炎) are one concept.
            let namesOnly = { (candidate: DiscoveryCandidate) in candidate.en.isEmpty && candidate.abbreviation.isEmpty && !candidate.variants.isEmpty }
            guard candidate.kind == .gloss, result[other].kind == .gloss, namesOnly(candidate) || namesOnly(result[other]) else { continue }
            let (keep, fold) = namesOnly(candidate) ? (other, index) : (index, other)
            result[keep].variants += result[fold].variants.filter { !result[keep].variants.contains($0) }
            result[keep].score = max(result[keep].score, result[fold].score)
            result[keep].reason += "; " + result[fold].reason
            removed.insert(fold)
            indexOf[candidate.zh] = keep
        }
        // A gloss of a name the text gives as another's short form, its characters taken in
        // order from the other's (局放 · partial discharge, where 局部放电，简称局放), is the full
        // name's gloss.
        for (index, candidate) in candidates.enumerated() where candidate.kind == .gloss && !candidate.zh.isEmpty && !removed.contains(index) {
            guard let keep = result.indices.first(where: { other in
                other != index && !removed.contains(other) && result[other].kind == .gloss && result[other].variants.contains(candidate.zh)
                    && Self.isShortForm(candidate.zh, of: result[other].zh)
                    && (result[other].en.isEmpty || candidate.en.isEmpty || NameKey.key(result[other].en) == NameKey.key(candidate.en))
            }) else { continue }
            if result[keep].en.isEmpty { result[keep].en = candidate.en }
            if result[keep].abbreviation.isEmpty { result[keep].abbreviation = candidate.abbreviation }
            result[keep].score = max(result[keep].score, candidate.score)
            result[keep].reason += "; " + candidate.reason
            removed.insert(index)
        }
        // Two Chinese names stated for a term the text glosses in English under the other name
        // (光敏树脂（photopolymer），又称「感光胶」, where 感光胶 is the one used more): one concept,
        // on the English gloss's row.
        for (index, candidate) in candidates.enumerated() where !removed.contains(index) && candidate.kind == .gloss
            && candidate.en.isEmpty && candidate.abbreviation.isEmpty && !candidate.variants.isEmpty
        {
            guard let keep = result.indices.first(where: { other in
                other != index && !removed.contains(other) && result[other].kind == .gloss && !(result[other].en.isEmpty && result[other].abbreviation.isEmpty)
                    && candidate.variants.contains(result[other].zh)
            }) else { continue }
            for name in [candidate.zh] + candidate.variants where name != result[keep].zh && !result[keep].variants.contains(name) {
                result[keep].variants.append(name)
            }
            result[keep].score = max(result[keep].score, candidate.score)
            result[keep].reason += "; " + candidate.reason
            removed.insert(index)
        }
        // One Chinese name glossed twice, the English sides agreeing where both give one (医院信息系统
        // （HIS） in the text, `| 医院信息系统 | Hospital Information System |` in a table), or two
        // Chinese names glossed in the same English (污泥龄 and 污泥停留时间 both sludge retention
        // time; 静脉营养（parenteral nutrition，PN） beside 肠外营养): one concept, on the first
        // row, with every name.
        // The first row kept under each name (Chinese as written, English and abbreviation by
        // their keys), so that each gloss looks up its rows rather than comparing with every one.
        func names(_ candidate: DiscoveryCandidate) -> [String] {
            (candidate.zh.isEmpty ? [] : ["zh " + candidate.zh]) + (candidate.en.isEmpty ? [] : ["en " + NameKey.key(candidate.en)])
                + (candidate.abbreviation.isEmpty ? [] : ["abbr " + NameKey.key(candidate.abbreviation)])
        }
        func agree(_ a: String, _ b: String) -> Bool { a.isEmpty || b.isEmpty || NameKey.key(a) == NameKey.key(b) }
        var firstRow: [String: Int] = [:]
        for index in result.indices where !removed.contains(index) && result[index].kind == .gloss {
            let candidate = result[index]
            // A row without Chinese (the expansion `PDOP（Position Dilution of Precision）` in one
            // turn) joins one with (`PDOP，也就是位置精度因子` in an earlier one) as that one joins it.
            let keep = names(candidate).compactMap { firstRow[$0] }.filter { other in
                agree(result[other].en, candidate.en) && agree(result[other].abbreviation, candidate.abbreviation)
                    && (!candidate.zh.isEmpty || !result[other].zh.isEmpty)
            }.min()
            // A second English name stated on the gloss's line (机械式连动（mechanical action），
            // 英文也叫 tracker action) is the concept's too.
            let secondEnglish = keep != nil || !candidate.isSecondName ? nil : firstRow["zh " + candidate.zh].flatMap { other in
                (result[other].file, result[other].line) == (candidate.file, candidate.line) && !result[other].en.isEmpty
                    && agree(result[other].abbreviation, candidate.abbreviation) ? other : nil
            }
            if let other = secondEnglish {
                if !result[other].variants.contains(candidate.en) { result[other].variants.append(candidate.en) }
                result[other].score = max(result[other].score, candidate.score)
                result[other].reason += "; " + candidate.reason
                removed.insert(index)
                firstRow["en " + NameKey.key(candidate.en)] = firstRow["en " + NameKey.key(candidate.en)] ?? other
                continue
            }
            guard let keep else {
                for name in names(candidate) where firstRow[name] == nil { firstRow[name] = index }
                continue
            }
            if result[keep].en.isEmpty { result[keep].en = candidate.en }
            if result[keep].abbreviation.isEmpty { result[keep].abbreviation = candidate.abbreviation }
            // A row with no Chinese name yet (FCR = feed conversion ratio, then FCR 就是饲料换肉率)
            // takes the gloss's Chinese as its name, not as a variant.
            if result[keep].zh.isEmpty { result[keep].zh = candidate.zh }
            for name in [candidate.zh] + candidate.variants where !name.isEmpty && name != result[keep].zh && !result[keep].variants.contains(name) {
                result[keep].variants.append(name)
            }
            result[keep].lead(with: candidate)
            result[keep].score = max(result[keep].score, candidate.score)
            result[keep].reason += "; " + candidate.reason
            removed.insert(index)
            for name in names(result[keep]) where firstRow[name] == nil { firstRow[name] = keep }
        }
        for (index, candidate) in candidates.enumerated() where candidate.zh.count >= 4 && !removed.contains(index) && indexOf[candidate.zh] == index {
            let characters = Array(candidate.zh)
            // A letter or a digit more is another thing (I型糖尿病 and II型糖尿病).
            for position in 1..<(characters.count - 1) where !(characters[position].isASCII && (characters[position].isLetter || characters[position].isNumber)) {
                var shorter = characters
                shorter.remove(at: position)
                guard let other = indexOf[String(shorter)], other != index, !removed.contains(other) else { continue }
                let longerWins = candidates[index].count >= candidates[other].count
                let (keep, fold) = longerWins ? (index, other) : (other, index)
                guard result[fold].kind == .term, result[fold].variantOf == nil else { continue }
                result[keep].variants.append(result[fold].zh)
                result[keep].score = max(result[keep].score, result[fold].score)
                result[keep].reason += "; also written \(result[fold].zh) (\(result[fold].count)×)"
                removed.insert(fold)
                if fold == index { break }
            }
        }
        return result.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    }

    /// Whether `short` is a Chinese short form of `full`: fewer characters, each found in
    /// `full` in order, the first one first (局放 of 局部放电, 世卫 of 世界卫生组织).
    static func isShortForm(_ short: String, of full: String) -> Bool {
        guard short.count < full.count, short.first == full.first else { return false }
        var rest = Substring(full)
        for character in short {
            guard let found = rest.firstIndex(of: character) else { return false }
            rest = rest[rest.index(after: found)...]
        }
        return true
    }

    /// A versioned name's forms that another writing of it shares: its words in any order,
    /// lower-cased, version numbers by value (3-5 and 3.5, 3.0 and 3); and the same without its
    /// family name, the word found most often on its own (Claude of Claude Opus 3.0), when
    /// that leaves a word besides numbers. Names without a number have none: word order
    /// matters to them.
    static func nameForms(_ name: String, standaloneCount: (String) -> Int) -> [[String]] {
        let words = name.split(separator: " ").map(String.init)
        let isNumber = { (word: String) in word.first?.isNumber == true && word.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" } }
        guard words.count >= 2, words.contains(where: isNumber) else { return [] }
        let normalised = words.map { word -> String in
            guard isNumber(word) else { return word.lowercased() }
            var number = word.replacingOccurrences(of: "-", with: ".")
            while number.hasSuffix(".0") { number.removeLast(2) }
            return number
        }
        var forms = [normalised.sorted()]
        let counts = words.map { isNumber($0) ? 0 : standaloneCount($0) }
        if let family = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[family] > 0,
            counts.filter({ $0 == counts[family] }).count == 1
        {
            var rest = normalised
            rest.remove(at: family)
            if rest.contains(where: { !isNumber($0) }) { forms.append(rest.sorted()) }
        }
        return forms
    }

    /// `candidates` with the pairs of a bilingual text's aligned lines (see `AlignedPairs`):
    /// a pair replaces the term and the name it joins; a pair with a name a stated gloss
    /// claims is left out.
    private func withAlignedPairs(
        _ candidates: [DiscoveryCandidate], pairs: [AlignedPairs.Pair], findings: DiscoveryFindings, claimed: Set<String>
    ) -> [DiscoveryCandidate] {
        let pairs = pairs.filter {
            !claimed.contains(NameKey.key($0.chinese)) && !claimed.contains(NameKey.key($0.english)) && knownConcept($0.english) == nil
        }
        guard !pairs.isEmpty else { return candidates }
        let pairedChinese = Set(pairs.map(\.chinese))
        let pairedEnglish = Set(pairs.map { NameKey.key($0.english) })
        var result = candidates.filter { candidate in
            !(candidate.kind == .term && pairedChinese.contains(candidate.zh)) && !(candidate.kind == .name && pairedEnglish.contains(NameKey.key(candidate.en)))
        }
        for pair in pairs {
            result.append(DiscoveryCandidate(
                kind: .aligned, zh: pair.chinese, en: pair.english, abbreviation: "", score: 20 + log2(Double(1 + pair.shared)), count: pair.shared,
                file: findings.file(pair.first.file), line: pair.first.line, variantOf: nil,
                reason: String(format: "together in %d aligned English–Chinese line pairs (Dice %.2f)", pair.shared, pair.dice)))
        }
        return result
    }

    /// The pairs of `findings`' aligned lines (`AlignedPairs.pairs`). An English side that is
    /// no everyday English vouches for a two-character word general text uses now and then
    /// (长石 · feldspar); an everyday English one does not (温度 · temperature), nor does any
    /// English vouch for an everyday Chinese word or a phrase.
    private func alignedPairs(_ findings: DiscoveryFindings) -> [AlignedPairs.Pair] {
        AlignedPairs.pairs(findings.segments) { english, chinese in
            knownConcept(chinese) == nil && isTermShaped(chinese, boldSpans: [], translating: isTermLikeEnglish(english))
        }
    }

    /// Whether a lower-case run of English words names something general English does not
    /// say every day: one word under `EnglishWords.everydayZipf`, or several with none at
    /// `EnglishWords.phraseZipf` or more and one under `everydayZipf` (wheel speed, roast
    /// level; not development time), every one of them holding a letter (not 13.5 nanometers).
    /// False without wordfreq's list.
    private func isTermLikeEnglish(_ run: String) -> Bool {
        let words = run.split(separator: " ")
        guard let englishWords, words.allSatisfy({ $0.contains(where: \.isLetter) }) else { return false }
        let zipfs = words.map { englishWords.zipf(of: String($0)) }
        guard let rarest = zipfs.min(), rarest < EnglishWords.everydayZipf else { return false }
        return zipfs.allSatisfy { $0 < EnglishWords.phraseZipf }
    }

    // MARK: Known names

    private func knownConcept(_ name: String) -> Concept? {
        guard !name.isEmpty, let glossary else { return nil }
        return glossary.concept(named: name)?.concept
    }

    /// Whether `chinese` and a Chinese name of `concept` share a character of content (no
    /// particle: 的, 之), compared in Simplified characters; true when the concept has no
    /// Chinese name.
    static func sharesChineseCharacter(_ chinese: String, with concept: Concept) -> Bool {
        let names = concept.names.filter { $0.language == "zh" }
        guard !names.isEmpty else { return true }
        let own = Set(ChineseLexicon.simplified(chinese).filter { !"的之和与".contains($0) })
        return names.contains { !own.isDisjoint(with: ChineseLexicon.simplified($0.text)) }
    }

    /// Whether `english` and an English name of `concept` share a word of three letters or
    /// more that is no function word (Responsible Scaling Plan ~ responsible scaling policy).
    static func sharesEnglishWord(_ english: String, with concept: Concept) -> Bool {
        func words(_ text: String) -> Set<String> {
            Set(text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).filter { $0.count >= 3 && !["the", "and", "for", "from", "with"].contains($0) })
        }
        let own = words(english)
        return concept.names.contains { $0.language == "en" && !own.isDisjoint(with: words($0.text)) }
    }

    /// A known concept with a Chinese name one character away from `zh` (机械可解释性 ~
    /// 机制可解释性). Two words of jieba's list are two words, however close (变速器 is no
    /// variant of 减速器). Compared in Simplified characters (機制可解譯性 ~ 机制可解释性). The
    /// characters that differ are Chinese (G代码 is no variant of 写代码), and a name of three
    /// characters differs by one taken out (自博弈 ~ 自我博弈), not one changed: that is a third
    /// of it (读代码, 写代码).
    private func closeVariant(of zh: String) -> Concept? {
        guard let glossary, zh.count >= 3 else { return nil }
        let query = Array(ChineseLexicon.simplified(zh).unicodeScalars)
        let lexicon = generalWords?.lexicon
        let isListed = lexicon.map { $0.word(ChineseLexicon.simplified(zh)) != nil } ?? false
        for concept in glossary.concepts {
            for name in concept.names where name.language == "zh" {
                if isListed, lexicon?.word(ChineseLexicon.simplified(name.text)) != nil { continue }
                let other = Array(ChineseLexicon.simplified(name.text).unicodeScalars)
                if other.count == query.count, other.count >= 4, case let differing = zip(query, other).filter({ $0 != $1 }), differing.count == 1,
                    Self.isChineseCharacter(differing[0].0), Self.isChineseCharacter(differing[0].1)
                {
                    return concept
                }
                if min(other.count, query.count) >= 3 && Self.isOneInnerDeletion(other.count > query.count ? other : query, of: other.count > query.count ? query : other) {
                    return concept
                }
            }
        }
        return nil
    }

    /// Whether `shorter` is `longer` with one Chinese character taken from inside (not its
    /// first or last).
    static func isOneInnerDeletion(_ longer: [Unicode.Scalar], of shorter: [Unicode.Scalar]) -> Bool {
        guard longer.count == shorter.count + 1, longer.count >= 3 else { return false }
        var prefix = 0
        while prefix < shorter.count && longer[prefix] == shorter[prefix] { prefix += 1 }
        guard prefix >= 1 && prefix <= longer.count - 2, isChineseCharacter(longer[prefix]) else { return false }
        return longer[(prefix + 1)...].elementsEqual(shorter[prefix...])
    }

    private static func isChineseCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ScriptClass.isCJK(scalar.value) && !GlossMiner.isCJKPunctuation(scalar)
    }

    // MARK: Glosses

    /// A string's occurrences in the corpus: a Chinese string's from the n-gram counts
    /// (the least count of its windows when it is longer than an n-gram: at least its own
    /// count), a Latin name's from the Latin-name counts, and any other's in `fallback`.
    private func occurrences(of text: String, in findings: DiscoveryFindings, fallback: [UInt8]) -> Int {
        // N-grams stop at a name's dots (詹姆斯·韦布空间望远镜): at most the least count of its parts.
        let parts = text.unicodeScalars.split(whereSeparator: Self.nameDots.contains)
        if parts.count > 1 {
            return parts.map { occurrences(of: String(String.UnicodeScalarView($0)), in: findings, fallback: fallback) }.min() ?? 0
        }
        let scalars = text.unicodeScalars.map(\.value)
        if scalars.count >= 2, scalars.allSatisfy({ ScriptClass.isCJK($0) && !GlossMiner.isCJKPunctuation(Unicode.Scalar($0)!) }) {
            let windows = stride(from: 0, through: max(0, scalars.count - Gram.longest), by: 1).map { start in
                Int(findings.grams.find(Gram(scalars[start..<min(scalars.count, start + Gram.longest)]))?.count ?? 0)
            }
            return windows.min() ?? 0
        }
        if scalars.count == 1, ScriptClass.isCJK(scalars[0]), !GlossMiner.isCJKPunctuation(scalars[0]) { return findings.grams.characters.count(of: text) }
        if let latin = findings.latin[NameKey.key(text)] { return latin.count }
        return GlossMiner.occurrences(of: text, in: fallback)
    }

    /// `mined` (the glosses of each of `units`) with the Chinese name of glosses that give one
    /// Chinese name two unrelated English names (no word of three letters or more in common)
    /// taken further back in their text: the name was cut to a head two terms share
    /// (自动验光仪（autorefractor）and 综合验光仪（phoropter）both gave 验光仪). It takes in the longest stretch of one to four
    /// characters before it that the text uses with it twice or more (干投|酒花), else the words
    /// before it back to a clause word, a one-character verb or punctuation (靠|后拉索), at most
    /// two words; a gloss with nothing to take in keeps its name.
    private func withSiblingExtents(_ mined: [[StatedGloss]], units: [TranscriptUnit], recurrence: (String) -> Int) -> [[StatedGloss]] {
        guard let lexicon = generalWords?.lexicon else { return mined }
        var english: [String: Set<String>] = [:]
        // English names only: an abbreviation alone (奖励模型（RM）) may stand for either.
        for gloss in mined.joined() where !gloss.zh.isEmpty && gloss.zhVariant.isEmpty && !gloss.en.isEmpty {
            english[gloss.zh, default: []].insert(gloss.en.lowercased())
        }
        let cut = Set(english.filter { _, names in
            let words = names.map { Set($0.split(whereSeparator: { $0 == " " || $0 == "-" }).filter { $0.count >= 3 }) }
            return names.count >= 2 && !words.contains { $0.isEmpty }
                && words.indices.allSatisfy { a in words.indices.allSatisfy { b in a == b || words[a].isDisjoint(with: words[b]) } }
        }.keys)
        guard !cut.isEmpty else { return mined }
        return zip(mined, units).map { glosses, unit in
            glosses.map { gloss in
                guard cut.contains(gloss.zh), gloss.offset <= unit.utf8.count, unit.utf8[gloss.offset...].starts(with: gloss.zh.utf8) else { return gloss }
                var before: [Unicode.Scalar] = []
                for scalar in String(decoding: unit.utf8[..<gloss.offset], as: UTF8.self).unicodeScalars.reversed() {
                    guard before.count < 6, ScriptClass.isCJK(scalar.value), !GlossMiner.isCJKPunctuation(scalar) else { break }
                    before.insert(scalar, at: 0)
                }
                var extended = gloss
                let prefixes = (1..<min(5, before.count + 1)).reversed().map { String(String.UnicodeScalarView(before.suffix($0))) }
                if let prefix = prefixes.first(where: { !Self.functionCharacters.contains($0.first!) && recurrence($0 + gloss.zh) >= 2 }) {
                    extended.zh = prefix + gloss.zh
                } else if !before.isEmpty {
                    let starts = lexicon.wordStarts(before[...])
                    var taken = 0
                    for (index, start) in starts.enumerated().reversed() {
                        let word = String(String.UnicodeScalarView(before[start..<(index + 1 < starts.count ? starts[index + 1] : before.count)]))
                        let entry = lexicon.word(word)
                        if entry?.wordClass == .clause || (word.count == 1 && entry.map { $0.everyday && $0.isVerbal } ?? false) { break }
                        extended.zh = word + extended.zh
                        taken += 1
                        if taken == 2 { break }
                    }
                }
                extended.offset -= extended.zh.utf8.count - gloss.zh.utf8.count
                return extended
            }
        }
    }

    /// `count` with each string's answer kept: the gloss miner asks for the same strings'
    /// counts again and again, and each answer may scan a text. For one thread.
    static func memoized(_ count: @escaping (String) -> Int) -> (String) -> Int {
        var known: [String: Int] = [:]
        return { text in
            if let answer = known[text] { return answer }
            let answer = count(text)
            known[text] = answer
            return answer
        }
    }

    /// For each n-gram of `table` (by slot), its uses in longer names: the sum of the counts
    /// of the (n+1)-grams that end with it, start with a character that may end a word
    /// (`GlossMiner.extendsLeft`) and recur, as `GlossMiner.standaloneOccurrences` counts them.
    static func usesExtendedLeft(_ table: GramTable) -> [Int32] {
        let slots = table.slots
        var extended = [Int32](repeating: 0, count: slots.count)
        for slot in slots where slot.count >= 2 {
            let length = slot.key.length
            guard length >= 3, GlossMiner.extendsLeft(slot.key.scalar(at: 0)), let suffix = table.index(of: slot.key.slice(1, length - 1)) else { continue }
            extended[suffix] &+= Int32(clamping: slot.count)
        }
        return extended
    }

    private func glossCandidates(_ findings: DiscoveryFindings) -> [DiscoveryCandidate] {
        var byKey: [String: DiscoveryCandidate] = [:]
        var order: [String] = []
        var stated: [String: Int] = [:]  // times each gloss is stated
        var ownUses: [String: Int] = [:]  // uses of each gloss's first name (the count is the concept's)
        let units = findings.glossUnitOrder.map { findings.glossUnits[$0]! }
        let unitText = Array(units.map(\.unit.text).joined(separator: "\n").utf8)
        let extendedLeft = units.isEmpty ? [] : Self.usesExtendedLeft(findings.grams)
        // The units are mined on all cores, a block of them at a time, in order.
        let blocks = stride(from: 0, to: units.count, by: 256).map { $0..<min(units.count, $0 + 256) }
        let mined = (try? Parallel.map(blocks, jobs: ProcessInfo.processInfo.activeProcessorCount) { block -> [[StatedGloss]] in
            let recurrence = Self.memoized { occurrences(of: $0, in: findings, fallback: unitText) }
            let standalone = Self.memoized { candidate -> Int in
                let scalars = candidate.unicodeScalars.map(\.value)
                guard (2..<Gram.longest).contains(scalars.count), let index = findings.grams.index(of: Gram(scalars)) else {
                    return GlossMiner.standaloneOccurrences(of: candidate, in: unitText)
                }
                return max(0, Int(findings.grams.slots[index].count) - Int(extendedLeft[index]))
            }
            return units[block].map { entry in
                GlossMiner.glosses(
                    in: entry.unit.text, recurrence: recurrence, standalone: standalone, runStarts: findings.grams.runInitials.count(of:), lexicon: generalWords?.lexicon,
                    lineStarts: Self.lineStarts(of: entry.unit), bare: true)
            }
        })?.flatMap { $0 } ?? []  // the body never throws
        let fitted = withSiblingExtents(mined, units: units.map(\.unit)) { occurrences(of: $0, in: findings, fallback: unitText) }
        for ((unit, copies), glosses) in zip(units.map({ ($0.unit, $0.copies) }), fitted) {
            for var gloss in glosses {
                // English set after a term without a marker names it when general English seldom
                // uses it and the text does not use it as its own jargon (twice at most).
                if gloss.isBare && !(isTermLikeEnglish(gloss.en) && (findings.latin[NameKey.key(gloss.en)]?.count ?? 0) <= 2) { continue }
                gloss.en = Self.withoutArticle(gloss.en)
                if !findings.boldGlossHeads.isEmpty, let head = Self.boldHead(of: gloss, in: unit.utf8, heads: findings.boldGlossHeads) {
                    (gloss.zh, gloss.offset) = head
                }
                let key = [gloss.zh, gloss.en, gloss.abbreviation, gloss.zhVariant].map { NameKey.key($0) }.joined(separator: "|")
                stated[key, default: 0] += copies
                if var existing = byKey[key] {
                    existing.score += Double(copies)
                    byKey[key] = existing
                    continue
                }
                if !gloss.zhVariant.isEmpty {
                    if let candidate = chineseNamesCandidate(gloss, unit: unit, copies: copies, findings: findings, unitText: unitText) {
                        byKey[key] = candidate
                        order.append(key)
                    }
                    continue
                }
                let zhConcept = knownConcept(gloss.zh)
                // An abbreviation names the known concept only when the text's expansion, if it
                // gives one, shares a word with the concept's English names: ASL spelled out as
                // American Sign Language is not AI Safety Levels, though the glossary has ASL.
                var enConcept = knownConcept(gloss.en)
                var homonym: Concept? = nil
                if enConcept == nil, let byAbbreviation = knownConcept(gloss.abbreviation) {
                    // Without an English expansion, the Chinese name says whose abbreviation it is
                    // (严重不良事件，简称SAE is no sparse autoencoder).
                    let same = gloss.en.isEmpty
                        ? gloss.zh.isEmpty || Self.sharesChineseCharacter(gloss.zh, with: byAbbreviation)
                        : Self.sharesEnglishWord(gloss.en, with: byAbbreviation)
                    if same { enConcept = byAbbreviation } else { homonym = byAbbreviation }
                }
                if let zhConcept, let enConcept, zhConcept.id == enConcept.id { continue }  // already known
                // Every name known, though as names of two concepts (强大的人工智能 of powerful-ai
                // glossed AGI): nothing to add, and as a new concept it would clash with both.
                if [gloss.zh, gloss.en, gloss.abbreviation].allSatisfy({ $0.isEmpty || knownConcept($0) != nil }) { continue }
                let position = unit.sourcePosition(ofTextOffset: gloss.offset)
                let english = [gloss.en, gloss.abbreviation].filter { !$0.isEmpty }.joined(separator: " / ")
                // Written as a pairing, not in brackets: the text's own words may differ (the
                // bracket's comma, the words before the term that the extent leaves out).
                var reason = gloss.zh.isEmpty ? "the text spells it out: \(gloss.abbreviation) = \(gloss.en)" : "the text glosses it: \(gloss.zh) = \(english)"
                var variant: Concept? = nil
                if let homonym { reason += "; \(gloss.abbreviation) also stands for \(homonym.id) (\(homonym.en)) in the glossary" }
                if let enConcept, zhConcept == nil {
                    variant = enConcept
                    reason += "; '\(english)' names \(enConcept.id), so '\(gloss.zh)' is another rendering of it"
                } else if let zhConcept, enConcept == nil {
                    variant = zhConcept
                    reason += "; '\(gloss.zh)' names \(zhConcept.id), so '\(english)' is another English name of it"
                } else if zhConcept == nil, let close = closeVariant(of: gloss.zh) {
                    variant = close
                    reason += "; close to \(close.id)'s Chinese name"
                }
                // Uses of the concept: of whichever of its names the text uses most (鳍式场效晶体管
                // once in its gloss, FinFET three times).
                let first = gloss.zh.isEmpty ? (gloss.en.isEmpty ? gloss.abbreviation : gloss.en) : gloss.zh
                // Renderings that share an English name (强大的人工智能 and a wrong extent, both glossing
                // AGI) rank by their own uses next.
                // The English names' uses are the Latin names' counts: a search of the text for
                // each gloss would scan it once per gloss.
                let own = max(1, occurrences(of: first, in: findings, fallback: unitText), findings.statedNameCounts[NameKey.key(first)] ?? 0)
                let latinUses = [gloss.en, gloss.abbreviation].filter { !$0.isEmpty }.map { name in
                    (findings.latin[NameKey.key(name)] ?? findings.latin[NameKey.key(Self.latinLemma(name))])?.count ?? 0
                }
                let count = max(own, latinUses.max() ?? 0)
                ownUses[key] = own
                byKey[key] = DiscoveryCandidate(
                    kind: .gloss, zh: gloss.zh, en: gloss.en, abbreviation: gloss.abbreviation,
                    score: 30 + log2(Double(1 + count)) + log2(Double(1 + own)) / 4 + Double(copies - 1), count: count, file: unit.file, line: position.line,
                    variantOf: variant?.id, reason: reason)
                byKey[key]!.isSecondName = gloss.isSecondName
                byKey[key]!.refersBack = Self.followsDemonstrative(unit.utf8, offset: gloss.offset)
                order.append(key)
            }
        }
        // Glosses that share an English side name one concept under several Chinese names.
        // Two glossed alike, one's Chinese ending the other's: when the longer recurs and is
        // stated as often, the shorter is an anaphor (训练一个较小的模型（RM） beside 奖励模型（RM）);
        // when the longer is said once and the shorter recurs, or the text states the shorter
        // more often, the longer took in words before the term (训练奖励模型 of a heading
        // `训练奖励模型（RM）`; 我觉得迎角（angle of attack） beside a text that glosses 迎角).
        let all = order.map { (candidate: byKey[$0]!, stated: stated[$0] ?? 1, uses: ownUses[$0] ?? byKey[$0]!.count, length: byKey[$0]!.zh.count) }
        func isEveryday(_ name: String) -> Bool { generalWords?.lexicon?.word(ChineseLexicon.simplified(name))?.everyday ?? false }
        // The glosses sharing an English name or an abbreviation with each, found through those
        // names rather than by comparing every pair (a text may state thousands of glosses).
        func englishNames(_ candidate: DiscoveryCandidate) -> [String] {
            (candidate.en.isEmpty ? [] : ["en " + NameKey.key(candidate.en)])
                + (candidate.abbreviation.isEmpty ? [] : ["abbr " + NameKey.key(candidate.abbreviation)])
        }
        var sharing: [String: [Int]] = [:]
        for (index, entry) in all.enumerated() {
            for name in englishNames(entry.candidate) { sharing[name, default: []].append(index) }
        }
        // One stated after a demonstrative (这种支座（LRB） after 铅芯橡胶支座（lead rubber
        // bearing，LRB）) is an anaphor however seldom the longer recurs, and no measure of it.
        let values = all.indices.filter { index in
            let (candidate, timesStated, uses, length) = all[index]
            guard !candidate.zh.isEmpty else { return true }
            let peers = Set(englishNames(candidate).flatMap { sharing[$0] ?? [] })
            let anaphor = peers.contains { other in
                all[other].length > length && all[other].candidate.zh.hasSuffix(candidate.zh)
                    && ((all[other].uses >= 2 && all[other].stated >= timesStated) || candidate.refersBack)
            }
            // (A row without Chinese, an acronym's expansion, is no shorter name: every name
            // ends with the empty one.)
            let overExtended = peers.contains { other in
                length > all[other].length && !all[other].candidate.zh.isEmpty && candidate.zh.hasSuffix(all[other].candidate.zh)
                    && !all[other].candidate.refersBack
                    && ((uses == 1 && all[other].uses > 1) || all[other].stated > timesStated)
            }
            // An everyday word glossed in the English of a term that is none (這個聲音（rattle）
            // after 鋼絲音（rattle）) refers back to it: general text uses it for many things.
            let generic = isEveryday(candidate.zh) && peers.contains { other in
                other != index && !all[other].candidate.zh.isEmpty && !isEveryday(all[other].candidate.zh) && all[other].stated >= timesStated
            }
            return !anaphor && !overExtended && !generic
        }.map { all[$0].candidate }
        // Renderings glossed alike become one proposal in `mergingVariants`.
        return values
    }

    /// Whether the Chinese term at UTF-8 offset `offset` of `text` follows a demonstrative
    /// (`GlossMiner.demonstratives`: 这种, 那个, 這些), spaces aside.
    static func followsDemonstrative(_ text: [UInt8], offset: Int) -> Bool {
        guard offset > 0, offset <= text.count else { return false }
        var end = offset
        while end > 0 && text[end - 1] == UInt8(ascii: " ") { end -= 1 }
        let before = text[..<end]
        return GlossMiner.demonstratives.contains { before.reversed().starts(with: $0.utf8.reversed()) }
    }

    /// The phrase the source set in bold right before a gloss's bracket (`**后上叉**（seat
    /// stays）`, `多用**桶轴**（thru-axle）`), when it ends where the gloss's Chinese term ends
    /// and differs from it: the writer's own extent, over the one judged from the words. Nil
    /// otherwise. `heads` are the phrases set in bold before a bracket anywhere in the corpus,
    /// each keyed with what its bracket says (`BoldSpans.findWithHeads`): a head counts before
    /// a bracket that says the same. `gloss.offset` is a UTF-8 offset in `text`. The longest
    /// phrase that fits is taken, all CJK characters, no longer than `Gram.longest`.
    static func boldHead(of gloss: StatedGloss, in text: [UInt8], heads: Set<String>) -> (text: String, offset: Int)? {
        guard !gloss.zh.isEmpty, gloss.offset >= 0, gloss.offset < text.count, text[gloss.offset...].starts(with: gloss.zh.utf8) else { return nil }
        let end = gloss.offset + gloss.zh.utf8.count
        // （ is EF BC 88.
        guard end < text.count, text[end] == UInt8(ascii: "(") || text[end...].starts(with: [0xEF, 0xBC, 0x88]) else { return nil }
        let bracket = BoldSpans.bracketOpening(text[end...])
        var start = end
        var best: (text: String, offset: Int)?
        for _ in 0..<Gram.longest {
            // Back over one character, a CJK one (lead bytes E3–E9) and no punctuation.
            guard start > 0 else { break }
            var lead = start - 1
            while lead > 0 && text[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard (0xE3...0xE9).contains(text[lead]), let scalar = ScriptClass.firstScalar(text[lead..<start]), ScriptClass.isCJK(scalar),
                !GlossMiner.isCJKPunctuation(scalar)
            else { break }
            start = lead
            let phrase = String(decoding: text[start..<end], as: UTF8.self)
            if end - start > 3, heads.contains(BoldSpans.headKey(phrase, bracket: bracket)) { best = (phrase, start) }
        }
        guard let best, best.text != gloss.zh else { return nil }
        return best
    }

    /// An English term without the article an English sentence put before it (`The main
    /// cable（主缆）carries…` glosses main cable); a title keeps its own (The Bitter Lesson: its
    /// words are capitalised).
    static func withoutArticle(_ english: String) -> String {
        let words = english.split(separator: " ")
        guard words.count >= 2, ["The", "the"].contains(words[0]),
            words.dropFirst().allSatisfy({ $0.first?.isUppercase != true })
        else { return english }
        return words.dropFirst().joined(separator: " ")
    }

    /// A proposal from two Chinese names the text gives one concept (大模型就是大语言模型):
    /// a new concept with the other name as its variant, or, when the glossary knows one of
    /// them, the other as a new name of that concept; nil when it knows both.
    private func chineseNamesCandidate(
        _ gloss: StatedGloss, unit: TranscriptUnit, copies: Int, findings: DiscoveryFindings, unitText: [UInt8]
    ) -> DiscoveryCandidate? {
        let concepts = [knownConcept(gloss.zh), knownConcept(gloss.zhVariant)]
        if concepts[0] != nil && concepts[1] != nil { return nil }
        let known = concepts[0] ?? concepts[1] ?? knownConcept(gloss.en) ?? knownConcept(gloss.abbreviation)
        let zh = concepts[0] == nil ? gloss.zh : gloss.zhVariant
        let count = max(1, occurrences(of: zh, in: findings, fallback: unitText))
        let english = [gloss.en, gloss.abbreviation].filter { !$0.isEmpty }.joined(separator: " / ")
        var reason = english.isEmpty
            ? "the text gives it two Chinese names: \(gloss.zh), \(gloss.zhVariant)"
            : "the text glosses it: \(gloss.zh) = \(english), and names it \(gloss.zhVariant) too"
        if let known { reason += "; \(known.id) has one of these names" }
        return DiscoveryCandidate(
            kind: .gloss, zh: zh, en: gloss.en, abbreviation: gloss.abbreviation, score: 30 + log2(Double(1 + count)) + Double(copies - 1), count: count,
            file: unit.file, line: unit.sourcePosition(ofTextOffset: gloss.offset).line, variantOf: known?.id,
            variants: concepts[0] == nil && concepts[1] == nil ? [gloss.zhVariant] : [], reason: reason)
    }

    // MARK: Latin-script names

    /// Words that are capitalised or acronyms in any text and name nothing in particular.
    static let genericLatin: Set<String> = ["AI", "OK", "I", "A", "X", "The", "And", "But", "So", "We", "It", "This", "That", "CEO"]

    /// Whether the name at `range` of `bytes` is AM or PM after a time (10:02 AM): a time of
    /// day, where elsewhere PM is a project manager or preventive maintenance.
    static func isTimeOfDay(_ range: Range<Int>, in bytes: [UInt8]) -> Bool {
        let text = bytes[range]
        guard text.elementsEqual("AM".utf8) || text.elementsEqual("PM".utf8) || text.elementsEqual("am".utf8) || text.elementsEqual("pm".utf8) else { return false }
        var index = range.lowerBound - 1
        while index >= 0 && bytes[index] == UInt8(ascii: " ") { index -= 1 }
        return index >= 0 && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
    }

    /// English month names and their abbreviations: a month and numbers (Jun 3, March 2024)
    /// are a date, not a name.
    static let months: Set<String> = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "January", "February", "March",
        "April", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// Whether `name` is a date: a month and one or two numbers (Jun 3, March 2024, Jun 3 2024),
    /// a weekday before them (`Sun Jun 9 21` of PTT's `Sun Jun  9 21:33:10 2024`), or a month's
    /// abbreviation alone (Sept of `Sept. 12`).
    static func isDate(_ name: String) -> Bool {
        var words = name.split(separator: " ")
        if words.count >= 3, ChatExport.englishWeekdays.contains(String(words[0]).trimmingCharacters(in: [".", ","])) { words.removeFirst() }
        if words.count == 1, name.count <= 4, name != "May", months.contains(name) { return true }
        guard (2...3).contains(words.count), months.contains(String(words[0]).trimmingCharacters(in: ["."])) else { return false }
        return words.dropFirst().allSatisfy { $0.trimmingCharacters(in: [","]).allSatisfy(\.isNumber) }
    }

    /// Titles and roles, which stand next to a name but are never part of one (Anthropic CEO
    /// Dario Amodei is a company and a person).
    static let titles: Set<String> = ["CEO", "CTO", "CFO", "COO", "CSO", "VP", "Dr", "Dr.", "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Prof", "Prof.", "President", "Founder", "Cofounder", "Co-founder"]

    /// The byte ranges of `name` (in `bytes`) between the titles it holds.
    static func splittingTitles(_ name: Range<Int>, in bytes: [UInt8]) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = name.lowerBound
        var wordStart = name.lowerBound
        for index in name.lowerBound...name.upperBound where index == name.upperBound || bytes[index] == UInt8(ascii: " ") {
            if titles.contains(String(decoding: bytes[wordStart..<index], as: UTF8.self)) {
                if wordStart > start { parts.append(start..<(wordStart - 1)) }
                start = index + 1
            }
            wordStart = index + 1
        }
        if start < name.upperBound { parts.append(start..<name.upperBound) }
        return parts
    }

    private func latinCandidates(_ findings: DiscoveryFindings) -> [DiscoveryCandidate] {
        // A name written with and without an article (The Passivhaus Institut, Passivhaus
        // Institut) is one name, counted under the form without it.
        var articleUses: [String: Int] = [:]
        for key in findings.latinOrder {
            let text = findings.latin[key]!.text
            guard text.hasPrefix("The "), findings.latin[NameKey.key(String(text.dropFirst(4)))] != nil else { continue }
            articleUses[NameKey.key(String(text.dropFirst(4))), default: 0] += findings.latin[key]!.count
        }
        return findings.latinOrder.compactMap { key in
            var entry = findings.latin[key]!
            if entry.text.hasPrefix("The "), findings.latin[NameKey.key(String(entry.text.dropFirst(4)))] != nil { return nil }
            entry.count += articleUses[key] ?? 0
            // A word that only ever opens an English sentence (Today, Thanks) names nothing.
            guard entry.insideSentence else { return nil }
            if entry.text.containsCJK {
                guard entry.count >= 2, knownConcept(entry.text) == nil else { return nil }
                return DiscoveryCandidate(
                    kind: .term, zh: entry.text, en: "", abbreviation: "", score: 3 + log2(Double(1 + entry.count)) * 2.5, count: entry.count,
                    file: findings.file(entry.file), line: entry.line, variantOf: nil,
                    reason: "written in two scripts side by side, \(entry.count)×")
            }
            // Names side by side (Anthropic Claude), or a name and a generic word (ASL4 AI), each
            // found more often on its own, are no name of their own.
            let words = entry.text.split(separator: " ").map(String.init)
            if words.count > 1, words.allSatisfy({ Self.genericLatin.contains($0) || (findings.latin[NameKey.key($0)]?.count ?? 0) > entry.count }) {
                return nil
            }
            // Lower-case English set in Chinese text is a term when it recurs and is no
            // everyday English (ok, anyway, by the way).
            let lowercase = entry.text.unicodeScalars.allSatisfy { $0.properties.isLowercase || $0 == " " || $0 == "-" }
            // Said once, it is one when the text uses it far more than general English does:
            // in a short text, not in a long one.
            if lowercase {
                guard let englishWords, !englishWords.isEveryday(entry.text), !Self.interjections.contains(entry.text) else { return nil }
                if entry.count < 2 {
                    let rarest = entry.text.split(whereSeparator: { $0 == " " || $0 == "-" }).map { englishWords.zipf(of: String($0)) }.min() ?? 0
                    let perMillion = rarest > 0 ? pow(10, rarest - 3) : 0
                    guard Self.keyness(uses: entry.count, tokens: findings.estimatedTokens, generalPerMillion: perMillion) >= Self.onceKeyness
                    else { return nil }
                }
            }
            let acronym = GlossMiner.isAcronym(entry.text)
            // A discourse label (Step one, Part II) heads a step or a section: it names nothing.
            guard knownConcept(entry.text) == nil, !Self.languageNames.contains(entry.text), !Self.isEmoticon(entry.text),
                !SpeakerLabel.isDiscourseLabel(Array(entry.text.utf8)[...])
            else { return nil }
            // A capitalised word general English uses every day (Windows, Twitter) is a name
            // of everyday life more often than one of the text's field: ranked as a Chinese
            // string found as often, not above it.
            let everyday = !acronym && !lowercase && words.count == 1 && (englishWords?.isEveryday(entry.text) ?? false)
            return DiscoveryCandidate(
                kind: acronym ? .acronym : .name, zh: "", en: acronym ? "" : entry.text, abbreviation: acronym ? entry.text : "",
                // Above a Chinese string of the same count: a Latin name inside Chinese text is
                // a name the speaker chose not to translate.
                score: (everyday ? 3 : 6) + log2(Double(1 + entry.count)) * 2.5, count: entry.count, file: findings.file(entry.file), line: entry.line,
                variantOf: nil,
                reason: acronym ? "an acronym the glossary does not know, \(entry.count)×"
                    : lowercase ? "English the text leaves untranslated and general English seldom uses, \(entry.count)×"
                    : everyday ? "a Latin-script name the glossary does not know, \(entry.count)×; general English uses it every day"
                    : "a Latin-script name the glossary does not know, \(entry.count)×")
        }
    }

    /// How much more often a text uses a word than general text does: Kilgarriff's "simple
    /// maths" (Sketch Engine's keyword score, Kilgarriff 2009), (f + n) / (r + n) for f and r
    /// the uses per million tokens here and in the reference, with the smoothing n = 1.
    static func keyness(uses: Int, tokens: Double, generalPerMillion: Double) -> Double {
        (Double(uses) / max(tokens, 1) * 1_000_000 + 1) / (generalPerMillion + 1)
    }

    /// The keyness that makes a word used once a term: in a text of 500 tokens a word used
    /// once is at 2,000 per million, which a word of general English's middle band (delta,
    /// tick: about 10 per million) stays far below; in a transcript of 30,000 tokens only a
    /// word general English hardly uses (prefill) reaches it, and in a larger corpus none.
    static let onceKeyness = 20.0

    /// `GlossMiner.namingSubjects` and the roles a forum thread names people by.
    static let peopleWhoName = Set(GlossMiner.namingSubjects + ["楼主", "版主", "网友", "新手", "小白"])

    /// Chat abbreviations written in capitals (a closed class; IMO is also a name, and stays).
    static let chatAbbreviations: Set<String> = ["LOL", "LMAO", "OMG", "BTW", "FYI", "TBH", "IDK"]

    /// Whether a Latin name is an emoticon (`Emoticon.isEmoticon(_:)`) or a chat abbreviation.
    /// QQ and TT (crying eyes) are also names (Tencent's QQ): the scan of names leaves them out
    /// where they end a line or a sentence (`cryingEyes`).
    static func isEmoticon(_ text: String) -> Bool {
        chatAbbreviations.contains(text) || (Emoticon.isEmoticon(text) && !cryingEyes.contains(text))
    }

    /// Emoticons of letters that are names too.
    static let cryingEyes: Set<String> = ["QQ", "TT"]

    /// Interjections and chat abbreviations (lol, gg, btw, emm): a closed class of words that
    /// name nothing, however rare in general English.
    static let interjections: Set<String> = [
        "lol", "lmao", "gg", "btw", "thx", "ty", "pls", "plz", "fyi", "imo", "imho", "tbh", "idk", "omg", "asap", "brb", "np",
        "haha", "hahaha", "hah", "hmm", "emm", "em", "um", "uh", "er", "yep", "yup", "nope", "nah", "oops", "wow", "ok", "okay",
        "yeah", "yes", "no", "hi", "hey", "bye", "ah", "oh", "eh", "aha",
    ]

    /// Names of languages, which a bilingual text uses to say which language a name is in
    /// (`English 叫 glycemic index`) or a subtitle's English line translates 中文 with: a
    /// closed class of words that name no concept of the text's field.
    static let languageNames: Set<String> = [
        "Chinese", "Mandarin", "Cantonese", "English", "Japanese", "Korean", "French", "German", "Spanish", "Russian", "Italian",
        "Portuguese", "Arabic", "Hindi", "Vietnamese", "Thai",
    ]

    /// Most words in a run of lower-case English set in Chinese text that may be one term
    /// (batch size, tree-shaking, reinforcement learning from feedback has more).
    static let embeddedRunWords = 3

    /// Lower-case words (and the ampersand) that join the capitalised words of one name
    /// (Code of Practice, Musée du Louvre, Ludwig van Beethoven, Thames & Hudson).
    static let nameConnectives = ["of", "for", "and", "the", "de", "du", "des", "la", "le", "von", "van", "der", "den", "da", "di", "del", "to", "on", "in", "&"]

    /// Capitalised words that open English sentences and never start a name: prepositions,
    /// determiners, pronouns, conjunctions and numbers (a closed class; The, which titles keep,
    /// is not one).
    static let sentenceOpeners: Set<String> = [
        "Under", "Over", "In", "On", "At", "For", "With", "From", "By", "After", "Before", "During", "Since", "Until", "Through",
        "Without", "Within", "Between", "Among", "Into", "About", "Across", "Against", "Unlike", "Like", "As", "If", "When",
        "While", "Because", "Although", "But", "And", "Or", "So", "These", "Those", "This", "That", "Our", "Their", "Its",
        "His", "Her", "My", "Your", "We", "They", "It", "There", "Here", "Some", "Many", "Most", "All", "Every", "Each", "Both",
        "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Several", "Few", "No",
    ]

    /// English words that make an adjective of the name before their hyphen (Pokémon-style,
    /// GPU-based): a closed class.
    static let adjectiveSuffixWords: Set<String> = ["style", "like", "based", "driven", "level", "scale", "specific", "free", "friendly", "type", "grade", "class", "compatible", "powered"]

    /// A Latin name as a glossary lists it: an acronym's plural as the acronym (CVEs → CVE,
    /// AI LODs → AI LOD), and a name made an adjective by a hyphenated word (Pokémon-style)
    /// as the name.
    static func latinLemma(_ name: String) -> String {
        var text = name
        if let hyphen = text.lastIndex(of: "-"), adjectiveSuffixWords.contains(String(text[text.index(after: hyphen)...])), hyphen > text.startIndex {
            text = String(text[..<hyphen])
        }
        if let space = text.lastIndex(of: " ") {
            let last = String(text[text.index(after: space)...])
            if let singular = GlossMiner.acronymSingular(last) { text = String(text[...space]) + singular }
        } else if let singular = GlossMiner.acronymSingular(text) {
            text = singular
        }
        return text
    }

    /// `bytes` with each Latin letter beyond ASCII (U+00C0–U+024F: é, ñ, ü, ø, ł) written as
    /// ASCII letters of the same byte length (`A` or `a` by the letter's case, then `a`), and
    /// an ampersand or a slash between two capitals (R&D, ATT&CK, B/L) as a capital: byte
    /// offsets are unchanged, and names that hold such characters (La Niña, Zürich, MITRE
    /// ATT&CK, House B/L) are read whole rather than cut at them. `bytes` itself when it holds
    /// none.
    static func asciiLetterView(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(where: { (0xC3...0xC9).contains($0) || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "/") }) else { return bytes }
        var view = bytes
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "/") {
                if index > 0, index + 1 < bytes.count, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[index - 1]),
                    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[index + 1])
                {
                    view[index] = UInt8(ascii: "A")
                }
            } else if (0xC3...0xC9).contains(byte), index + 1 < bytes.count, bytes[index + 1] & 0xC0 == 0x80 {
                let value = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                guard (0xC0...0x24F).contains(value), value != 0xD7, value != 0xF7, let scalar = Unicode.Scalar(value) else { continue }
                view[index] = scalar.properties.isUppercase ? UInt8(ascii: "A") : UInt8(ascii: "a")
                view[index + 1] = UInt8(ascii: "a")
            }
        }
        return view
    }

    /// Byte ranges (of the UTF-8 `text`) of Latin names: acronyms (RSP, SB 1047), capitalised
    /// word sequences (Golden Gate Claude, AlphaGo Zero), hyphenated names (SWE-bench), single
    /// capitalised words (Sora, Zürich) and lower-case words with digits (a16z).
    /// `opensSentence` tells a single capitalised word that opens a sentence, where any
    /// English word is capitalised.
    static func latinNames(in text: [UInt8]) -> [(range: Range<Int>, opensSentence: Bool)] {
        let bytes = asciiLetterView(text)
        var names: [(range: Range<Int>, opensSentence: Bool)] = []
        var index = 0
        func isWordByte(_ byte: UInt8) -> Bool {
            MarkdownLine.isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
        /// Whether the text ends, a line ends or a sentence ends (。！？!?.~) after `end`, spaces aside.
        func endsSentence(at end: Int) -> Bool {
            var after = end
            while after < bytes.count && bytes[after] == UInt8(ascii: " ") { after += 1 }
            guard after < bytes.count else { return true }
            if "\n!?.~".utf8.contains(bytes[after]) { return true }
            return ["。", "！", "？", "～"].contains { bytes[after...].starts(with: $0.utf8) }
        }
        /// Whether the word at `start..<end` opens an English sentence, where any word is
        /// capitalised: after an English sentence's end (`. `, `? `, `: `, a quote, a dash), or
        /// first in the text, on its line or after a Chinese sentence's end (`。`, `！`, `：`)
        /// unless Chinese text follows it (Today I…, Right., but not Medtronic在…: Chinese
        /// capitalises nothing).
        func opensSentence(at start: Int, end: Int) -> Bool {
            var before = start - 1
            while before >= 0 && bytes[before] == UInt8(ascii: " ") { before -= 1 }
            var after = end
            while after < bytes.count && bytes[after] == UInt8(ascii: " ") { after += 1 }
            // What follows is English unless it is Chinese (or other non-ASCII) text.
            let englishFollows = after == bytes.count || bytes[after] < 0x80
            guard before >= 0 else { return englishFollows }
            // An English sentence or phrase quoted in Chinese text (机长常说Never be afraid…,
            // 传闻数据(Anecdotal data)): the word opens a run of English that goes on in lower
            // case, on its line or the next.
            var next = after
            while next < bytes.count && (bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\n")) { next += 1 }
            if bytes[before] >= 0x80 || bytes[before] == UInt8(ascii: "(") || bytes[before] == UInt8(ascii: "[") {
                if next > end && next < bytes.count && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[next]) { return true }
            }
            if [UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: ":"), UInt8(ascii: "\""), UInt8(ascii: "-")].contains(bytes[before]) {
                return true
            }
            if bytes[before] == UInt8(ascii: "\n") { return englishFollows }
            guard let last = ScriptClass.lastScalar(bytes[0...before][...]) else { return englishFollows }
            return [0x3002, 0xFF01, 0xFF1F, 0xFF1A, 0x2026, 0x201C].contains(last) && englishFollows
        }
        /// The end of a lower-case word of letters and digits (both) at `start`, if that is one.
        func lowercaseNameEnd(from start: Int) -> Int? {
            var end = start
            var digits = 0
            var lower = 0
            while end < bytes.count && MarkdownLine.isASCIIAlphanumeric(bytes[end]) {
                if bytes[end] >= UInt8(ascii: "0") && bytes[end] <= UInt8(ascii: "9") { digits += 1 } else if bytes[end] >= UInt8(ascii: "a") { lower += 1 }
                end += 1
            }
            guard digits > 0, lower >= 2, lower + digits == end - start, end - start >= 3,
                bytes[start] >= UInt8(ascii: "a"), end == bytes.count || !isWordByte(bytes[end])
            else { return nil }
            return end
        }
        /// Whether the text just before `start` (or from `start` on), past spaces and curly
        /// quotes, is Chinese (a Han character or CJK punctuation, U+2E80 on), or the line's edge.
        func chineseOrEdge(_ start: Int, forward: Bool) -> (chinese: Bool, edge: Bool) {
            var at = forward ? start : start - 1
            while at >= 0 && at < bytes.count {
                if bytes[at] == UInt8(ascii: " ") { at += forward ? 1 : -1; continue }
                // “ ” ‘ ’ (E2 80 98–9D) quote words in Chinese and English text alike.
                let lead = forward ? at : at - 2
                if lead >= 0 && lead + 2 < bytes.count && bytes[lead] == 0xE2 && bytes[lead + 1] == 0x80 && (0x98...0x9D).contains(bytes[lead + 2]) {
                    at = forward ? at + 3 : at - 3
                    continue
                }
                break
            }
            guard at >= 0 && at < bytes.count, bytes[at] != UInt8(ascii: "\n") else { return (false, true) }
            var lead = at
            while !forward && lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            let chinese = bytes[lead] >= 0xE3 || (bytes[lead] == 0xE2 && lead + 1 < bytes.count && bytes[lead + 1] >= 0xBA)
                || bytes[lead] >= 0xF0
            return (chinese, false)
        }
        /// The end of the lower-case English words (letters, hyphens inside) that run from
        /// `start`, one space between each, and how many there are.
        func lowercaseWords(from start: Int) -> (end: Int, count: Int) {
            var end = start
            var words = 0
            while end < bytes.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[end]) {
                while end < bytes.count && ((UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[end])
                    || (bytes[end] == UInt8(ascii: "-") && end + 1 < bytes.count && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[end + 1])))
                {
                    end += 1
                }
                words += 1
                guard end + 1 < bytes.count, bytes[end] == UInt8(ascii: " "), (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[end + 1]) else { break }
                end += 1
            }
            return (end, words)
        }
        /// Whether English at `start..<end` is set in Chinese text: it ends a word, and has
        /// Chinese on one side at least and Chinese or the line's edge on the other.
        func isSetInChinese(_ start: Int, _ end: Int) -> Bool {
            guard end == bytes.count || !MarkdownLine.isASCIIAlphanumeric(bytes[end]) && bytes[end] != UInt8(ascii: ".") else { return false }
            let before = chineseOrEdge(start, forward: false)
            let after = chineseOrEdge(end, forward: true)
            return (before.chinese || after.chinese) && (before.chinese || before.edge) && (after.chinese || after.edge)
        }
        /// The end of a run of one to `embeddedRunWords` lower-case English words at `start`
        /// set in Chinese text. A longer run is English text, not a term.
        func embeddedLowercaseRunEnd(from start: Int) -> Int? {
            let run = lowercaseWords(from: start)
            guard run.count <= Self.embeddedRunWords, run.end - start >= 2, isSetInChinese(start, run.end) else { return nil }
            return run.end
        }
        /// The end of lower-case words after the capitalised word `name` when the two make one
        /// run of at most `embeddedRunWords` words set in Chinese text, not ending in a function
        /// word.
        func capitalisedRunEnd(name: Range<Int>) -> Int? {
            guard name.upperBound + 1 < bytes.count, bytes[name.upperBound] == UInt8(ascii: " ") else { return nil }
            let run = lowercaseWords(from: name.upperBound + 1)
            guard run.count >= 1, run.count + 1 <= Self.embeddedRunWords, isSetInChinese(name.lowerBound, run.end) else { return nil }
            let lastWord = bytes[name.upperBound..<run.end].split(separator: UInt8(ascii: " ")).last.map { String(decoding: $0, as: UTF8.self) } ?? ""
            return GlossMiner.englishFunctionWords.contains(lastWord) ? nil : run.end
        }
        while index < bytes.count {
            guard MarkdownLine.isASCIIAlphanumeric(bytes[index]), index == 0 || !isWordByte(bytes[index - 1]) else {
                index += 1
                continue
            }
            // A sequence of words, each capitalised, a number, or a hyphenated capitalised word.
            var end = index
            var wordStart = index
            var words = 0
            var sawLetter = false
            while wordStart < bytes.count {
                var wordEnd = wordStart
                while wordEnd < bytes.count && isWordByte(bytes[wordEnd]) { wordEnd += 1 }
                while wordEnd > wordStart && (bytes[wordEnd - 1] == UInt8(ascii: ".") || bytes[wordEnd - 1] == UInt8(ascii: "-")) { wordEnd -= 1 }
                guard wordEnd > wordStart else { break }
                let first = bytes[wordStart]
                let isCapitalised = first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")
                let isNumber = first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")
                guard isCapitalised || (isNumber && words > 0) else { break }
                // I in a contraction (I'll, I’m) is the pronoun, no part of a name (Today I'll…).
                if wordEnd == wordStart + 1 && first == UInt8(ascii: "I") && wordEnd < bytes.count
                    && (bytes[wordEnd] == UInt8(ascii: "'") || bytes[wordEnd...].starts(with: "’".utf8))
                {
                    break
                }
                // So is I after a word opening a sentence and before one in lower case (Then I
                // roll it, Now I use…); a numeral I follows a name (a Type I joint, World War I).
                if words == 1 && wordEnd == wordStart + 1 && first == UInt8(ascii: "I") && wordEnd + 1 < bytes.count
                    && opensSentence(at: index, end: end)
                    && bytes[wordEnd] == UInt8(ascii: " ") && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[wordEnd + 1])
                {
                    break
                }
                sawLetter = sawLetter || isCapitalised
                words += 1
                end = wordEnd
                // An en dash between capitalised words joins the parts of one name (Gas
                // Chromatography–Mass Spectrometry), as a hyphen does inside a word.
                if wordEnd + 3 < bytes.count, bytes[wordEnd] == 0xE2, bytes[wordEnd + 1] == 0x80, bytes[wordEnd + 2] == 0x93,
                    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[wordEnd + 3])
                {
                    wordStart = wordEnd + 3
                    continue
                }
                // Continue over one space to the next word, or over a lower-case connective
                // between two capitalised words (Mixture of Experts, Code of Practice).
                guard wordEnd + 1 < bytes.count, bytes[wordEnd] == UInt8(ascii: " "),
                    MarkdownLine.isASCIIAlphanumeric(bytes[wordEnd + 1]) || bytes[wordEnd + 1] == UInt8(ascii: "&")
                else { break }
                wordStart = wordEnd + 1
                if let connective = Self.nameConnectives.first(where: { bytes[wordStart...].starts(with: ($0 + " ").utf8) }),
                    wordStart + connective.utf8.count + 1 < bytes.count,
                    bytes[wordStart + connective.utf8.count] == UInt8(ascii: " "),
                    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[wordStart + connective.utf8.count + 1])
                {
                    wordStart += connective.utf8.count + 1
                }
            }
            // A word that only opens English sentences (Under, These, When) is no part of the
            // name after it (Under the Paris Agreement, These NDCs).
            if words >= 2, let space = bytes[index..<end].firstIndex(of: UInt8(ascii: " ")),
                Self.sentenceOpeners.contains(String(decoding: bytes[index..<space], as: UTF8.self)), opensSentence(at: index, end: space)
            {
                var next = space + 1
                if let connective = Self.nameConnectives.first(where: { bytes[next...].starts(with: ($0 + " ").utf8) }) { next += connective.utf8.count + 1 }
                words -= 1
                index = next
            }
            if words > 0 && sawLetter {
                let text = bytes[index..<end]
                let letters = text.filter { $0 >= UInt8(ascii: "A") }.count
                let upper = text.filter { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }.count
                // A single word counts when it is an acronym, camel-case or hyphenated, or a
                // capitalised word inside a sentence (Sora, Gemini): one that opens an
                // English sentence (Today, Thanks) says nothing.
                let single = words == 1
                let plainWord = single && upper < 2 && !text.contains(UInt8(ascii: "-"))
                // A capitalised word and lower-case words after it, set in Chinese text as one
                // run of English (Varroa mite 很常见, 用 Kalman filter 估计): one name.
                if plainWord, letters >= 2, let runEnd = capitalisedRunEnd(name: index..<end) {
                    names.append((index..<runEnd, false))
                    index = runEnd
                    continue
                }
                // Crying eyes (QQ, TT) ending a line or a sentence are an emoticon; elsewhere a
                // name (加QQ, QQ號).
                let cryingEyes = Self.cryingEyes.contains(String(decoding: text, as: UTF8.self)) && endsSentence(at: end)
                if letters >= 2 && !cryingEyes { names.append((index..<end, plainWord && opensSentence(at: index, end: end))) }
                index = max(end, index + 1)
            } else if let end = lowercaseNameEnd(from: index) ?? embeddedLowercaseRunEnd(from: index) {
                // A lower-case name with digits in it (a16z, gpt4o), or lower-case English set in
                // Chinese text (用 tokenizer 切分).
                names.append((index..<end, false))
                index = end
            } else {
                while index < bytes.count && isWordByte(bytes[index]) { index += 1 }
            }
        }
        return names
    }

    // MARK: Chinese terms

    static let functionCharacters: Set<Character> = Set("的了是在和不也就都而与及或把被对将为从向让给用以这那我你您他她它们吗呢吧啊着著过很又还但所其该每各个种些嘅咗啲喺係唔冇佢嗰咁")

    /// Greetings that hold a pronoun (a closed class, Simplified).
    static let greetings: Set<String> = ["您好", "你好", "你们好", "大家好"]

    /// Negations, Simplified and Cantonese.
    static let negations: Set<Character> = Set("不没未别唔冇")

    /// Aspect particles (了, 着, 过; 著 is Traditional text's 着).
    static let aspectParticles: Set<String> = ["了", "着", "著", "过"]

    /// Everyday words that recur in any conversation and are never glossary terms.
    static let commonWords: Set<String> = phraseWords.union(Set("""
        人们 大家 事实 情况 方式 方法 过程 结果 原因 部分 程度 领域 世界 今天 明天 未来 过去 今年 几年 十年 一年 人类 公司 \
        工作 研究 系统 能力 风险 模型 训练 数据 技术 地方 可能性 东西 时候 问题 事情 方面 时间
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)))

    /// Function words, adverbs and everyday verbs: a string that starts or ends with one is a
    /// phrase (可能会, 非常重要, 做到这一点), not a term.
    static let phraseWords: Set<String> = Set("""
        如果 可能 非常 什么 需要 进行 没有 然后 因此 能够 如何 认为 知道 觉得 所以 因为 但是 可以 已经 一些 一个 一种 这样 \
        那样 这些 那些 其他 其实 实际 实际上 真正 真的 很多 许多 更多 一点 一样 不同 之间 之后 之前 以及 或者 还是 而且 并且 \
        虽然 不过 例如 比如 也许 当然 同时 关于 通过 对于 由于 只是 就是 还有 还会 不会 不能 应该 必须 希望 想要 看到 发现 \
        开始 继续 做到 得到 出现 发生 成为 变得 存在 包括 产生 提供 使用 利用 意味 意味着 表示 说明 理解 思考 考虑 讨论 \
        谈论 看看 一下 一起 一直 总是 经常 有时 有些 有点 有一 越来越 我们 你们 他们 它们 自己 大多数 很大 最大 最好 最后 \
        最初 第一 第二 首先 其次 基本 基本上 任何 某种 甚至 再次 再说 令人 看起来 似乎 并没有 有可能 一系列 一小部分 大部分 \
        更好 更好地 这一点 那么 这么 怎么 为什么 所有 整个 每个 各种 不是 只有 可能会 很多人 有很多 有人 没有人 有什么 \
        事情 情况 东西 时候
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Verbs that follow a verb as its result or direction (跑完, 意识到, 准备好, 听起来): a closed
    /// class. Other characters jieba tags as verbs end terms (波动率, 降维).
    static let verbComplements: Set<String> = [
        "到", "完", "掉", "住", "进", "出", "回", "起", "来", "去", "上", "下", "过", "开", "成", "好", "走",
        "起来", "出来", "下来", "下去", "过来", "回来", "回去", "进来", "进去", "出去", "上来", "上去",
    ]

    /// The complements that end no noun, whatever word jieba's list makes of the one before
    /// (整理 is tagged a noun in 记录整理好): a result (完, 掉, 住, 好, 到) or a direction of two
    /// characters (起来, 出来).
    static let resultComplements = Set(ChineseLexicon.resultComplements.map { String($0) }).union(verbComplements.filter { $0.count == 2 })

    /// Verbs that, standing first, open a clause of purpose or goal (来描述, 到碱基编辑): a closed
    /// class. (去 is left out: as a prefix it starts terms, 去中心化, 去杠杆.)
    static let goalVerbs: Set<String> = ["来", "到"]
    /// Verbs of talking, looking and hearing of one character (a closed class, Simplified): one
    /// standing as a word of its own opens what is talked of, looked at or heard (聊|火山,
    /// 看|天气), no name; the words that hold one (说明书, 听力师, 看门狗) are cut otherwise.
    static let perceptionVerbs: Set<String> = ["聊", "谈", "讲", "说", "问", "看", "听"]

    /// Conjunctions that join coordinated nouns (和, 与, 及, 或): a closed class.
    static let conjunctions: Set<String> = ["和", "与", "及", "以及", "或", "或者", "跟", "并"]

    /// The commonest Chinese surnames (one character; a closed class), which start a person's
    /// name before a title (林晓舟老师) where jieba's list tags the character otherwise (林 ng).
    static let surnames = Set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")

    /// Titles that follow a surname (周医生, 王教授).
    static let personTitles: Set<String> = [
        "医生", "大夫", "老师", "教授", "律师", "先生", "女士", "博士", "经理", "总监", "主任", "院长", "记者", "同学", "师傅", "工程师",
        "科长", "处长", "部长", "组长", "所长", "局长", "校长", "主管", "护士长", "班长", "队长", "站长", "厂长",
    ]

    /// Last characters of nouns for a person's occupation (酿酒师, 记者, 技术员, 科学家, 厂长).
    static let occupationEndings: Set<Character> = ["师", "家", "员", "长", "者", "匠", "手", "官", "生"]

    /// One-character titles a surname takes in speech (赵工 for an engineer, 王总 for a manager).
    static let shortPersonTitles: Set<Character> = ["工", "总"]

    /// The characters Chinese number words are written with, approximate ones included (上千,
    /// 数百, 几十, 成千, 近百).
    static let numberCharacters: Set<Character> = GlossMiner.numeralCharacters.union("百千万亿上数几成近余")

    /// Characters that end Chinese technical terms: -器 -性 -化 -法 -率 -论 -学 -型 -机 -链 -头 -式 -度 -体.
    static let termSuffixes: Set<Character> = Set("器性化法率论学型机链头式度体网码")

    /// Whether a string begins or ends with an everyday word, so reads as a phrase.
    static func isPhrase(_ text: String) -> Bool {
        let characters = Array(text)
        for length in 1..<characters.count where length <= longestPhraseWord {
            if phraseWords.contains(String(characters[..<length])) || phraseWords.contains(String(characters[(characters.count - length)...])) {
                return true
            }
        }
        return false
    }

    private static let longestPhraseWord = phraseWords.map(\.count).max() ?? 0

    /// Two-character words are mostly general vocabulary: one used `twoCharacterEverydayPerMillion`
    /// times per million tokens or more in jieba's corpus (偏好, 流程, 瓶颈) is no term unless the
    /// text glosses it or sets it in bold.
    static let twoCharacterEverydayPerMillion = 2.0

    private func isCommonTwoCharacterWord(_ gram: String) -> Bool {
        guard gram.count == 2, let lexicon = generalWords?.lexicon else { return false }
        return lexicon.perMillion(gram) >= Self.twoCharacterEverydayPerMillion
    }

    /// Whether `text` (cut into the list's `words`) ends in 种 (seed, strain, starter) after a
    /// noun: a word the list holds (酵母|种) or a run of characters it leaves single (酸面种), as
    /// 菌种 and 稻种 are listed words; after a numeral or demonstrative 种 is a quantity's
    /// measure word (三种, 这种).
    private func isSeedSuffix(_ text: String, words: [String]?) -> Bool {
        guard text.count >= 3, text.last == "种", let words, words.count == 1 || words.last == "种", let lexicon = generalWords?.lexicon,
            lexicon.word(text) == nil
        else { return false }
        let before = words.count == 1 ? String(text.dropLast().last!) : words[words.count - 2]
        guard !Self.functionCharacters.contains(before.last!) else { return false }
        return lexicon.word(before).map { $0.isNoun && !$0.isNumeral } ?? true
    }

    /// Whether a Chinese string may be a term: it neither starts nor ends with a function
    /// character, is no everyday word (unless set in bold or quotes) and reads as no phrase
    /// (unless set in bold or quotes, except for the built-in phrase words). A string that
    /// aligned lines pair with a term-like English name (`translating`) may be a two-character
    /// word general text uses under `GeneralWords.everydayPerMillion` times per million.
    private func isTermShaped(_ written: String, boldSpans: Set<String>, translating: Bool = false) -> Bool {
        // The word lists are Simplified: Traditional text is judged by its Simplified characters.
        let text = ChineseLexicon.simplified(written)
        guard let first = text.first, let last = text.last, !Self.isPhrase(text), !(generalWords?.lexicon?.isFunctionWord(text) ?? false)
        else { return false }
        // The string cut into words by the list (nil without it).
        let lexicon = generalWords?.lexicon
        let words = lexicon?.words(of: text)
        // A function character at an edge, unless a word of the list holds it there (对象|池),
        // or it is 种 after a noun (酸面种).
        let endsInSeed = isSeedSuffix(text, words: words)
        if Self.functionCharacters.contains(first) || (Self.functionCharacters.contains(last) && !endsInSeed) {
            guard let words, words.count >= 2,
                !Self.functionCharacters.contains(first) || words[0].count >= 2,
                !Self.functionCharacters.contains(last) || words[words.count - 1].count >= 2 || endsInSeed
            else { return false }
        }
        // A personal pronoun, or a greeting the list holds with one (您好), is a clause's: no
        // term holds it (陈工|您好 gave 工您好), though a word of the list may (自我博弈).
        if let words, words.contains(where: { GlossMiner.personalPronouns.contains($0) || Self.greetings.contains($0) }) { return false }
        // A negation ends a subject and its predicate's start (卫星轴|没调好), however the list
        // joins it to the character before.
        if Self.negations.contains(last), lexicon?.word(text) == nil { return false }
        // A verb and its complement (剪掉, 新芽剪掉; 做得好, 长得快) and a degree adverb before an
        // adjective (太晚, 很贵) make a predicate, unless the list holds the whole as an everyday
        // word other than a verb (jieba lists 剪掉 and 做得好, seldom used, as verbs).
        if !(lexicon?.word(text).map { $0.everyday && !$0.isVerbal } ?? false), let words {
            if last == "掉" || (text.count <= 4 && text.dropFirst().dropLast().contains("得")) { return false }
            if let opening = words.first, GlossMiner.degreeAdverbs.contains(opening) { return false }
        }
        // A number of two characters or more and one character after it is a quantity and its
        // measure word (上千|条, 几百|个, 三十|年), however the list cuts it (上|千条); an adjective
        // or verb there makes a name (二十|大).
        if text.count >= 3, text.dropLast().allSatisfy(Self.numberCharacters.contains), !Self.numberCharacters.contains(last),
            !(generalWords?.lexicon?.word(String(last)).map { $0.isAdjective || $0.wordClass == .verb } ?? false)
        {
            return false
        }
        // A directional complement of two characters ends a verb phrase, even one the list holds
        // as a single fixed expression (翘起来).
        if text.count >= 3, Self.verbComplements.contains(String(text.suffix(2))) { return false }
        // A language's name (意大利语, 冰岛语) says in which language a name is, and is none.
        if let lexicon, last == "语" || last == "文", GlossMiner.namesLanguage(Substring(text), lexicon: lexicon) { return false }
        if let lexicon, let words, words.count >= 2 {
            // A verb's result or direction after other words (意识|到, 跑|完, 准备|好, 听|起来), or
            // a one-character adverb or localiser (学科|中|都): the string is a phrase.
            let lastWord = words[words.count - 1]
            if let word = lexicon.word(lastWord) {
                let afterVerb = lexicon.word(words[words.count - 2])?.wordClass == .verb
                // A measure word after a noun is its head (继|箱), not a quantity's end.
                let isMeasureAfterNoun = lexicon.isMeasureHead(lastWord, after: words[words.count - 2])
                if lastWord.count == 1 && (word.wordClass == .clause || (word.wordClass == .modifier && !isMeasureAfterNoun) || word.isLocaliser)
                    || Self.verbComplements.contains(lastWord) && (word.wordClass == .verb || afterVerb || Self.resultComplements.contains(lastWord))
                {
                    return false
                }
            }
            // Movement verbs that open a purpose or goal clause (来|描述, 到|碱基编辑).
            if Self.goalVerbs.contains(words[0]) || Self.perceptionVerbs.contains(words[0]) { return false }
            // Two things joined by a conjunction that stands as a word of its own (温度|和|盐度,
            // 安全性|和|规模化) are a coordination, not one term; a word that holds the
            // character (和平, 调和|平均数) is no conjunction.
            if words.dropFirst().dropLast().contains(where: { Self.conjunctions.contains($0) }) { return false }
            // An aspect particle standing as a word of its own (背|着|喷雾器, 做|了|实验; 著 as
            // Traditional text writes it) follows a verb: the string is a verb phrase. A word
            // that holds the character (着色器, 附着力, 了解) is no particle.
            if words.dropFirst().dropLast().contains(where: { Self.aspectParticles.contains($0) }) { return false }
            // So does the copula standing as a word of its own (截止|是|周三): the string is a
            // clause (但是, 于是 and 是非 are words that hold the character).
            if words.dropFirst().dropLast().contains("是") { return false }
            // A derivational suffix standing alone at the start ends the word before it
            // (中|度|患者, 特应|性|皮炎): the string starts inside a word.
            if GlossMiner.derivationalSuffixes.contains(String(first)), words[0].count == 1 { return false }
        }
        // A surname and a title name a person (周医生, 陈律师), not a term; so does a full name
        // and a title (陈默老师): a name the list knows as a person's, or one it does not know
        // that starts with a surname (`surnames`, or a character it tags as a name). 主治医生,
        // 软件工程师 and 规培医生 are terms.
        if text.count == 3 && Self.personTitles.contains(String(text.suffix(2))) { return false }
        if text.count == 2 && Self.surnames.contains(first) && Self.shortPersonTitles.contains(last) { return false }
        if let title = Self.personTitles.first(where: { text.hasSuffix($0) }) {
            let name = String(text.dropLast(title.count))
            // So does a department, a surname and a title (影像科何主任, 设备科周科长).
            if name.count >= 3, let surname = name.last, Self.surnames.contains(surname), let unit = name.dropLast().last, "科部处室办组所院局".contains(unit) {
                return false
            }
            if let lexicon, (2...3).contains(name.count) {
                if let word = lexicon.word(name) {
                    if word.isProperName && word.wordClass == .content { return false }
                } else if Self.surnames.contains(name.first!) || (lexicon.word(String(name.prefix(1)))?.isProperName ?? false) {
                    return false
                }
            }
        }
        // A title and then a full name (酿酒师陈静, 调香师周岚, 车架师傅周建国) name a person too:
        // a noun for a person's occupation (one of the list, or one it lacks with such an
        // ending or ending in one of `personTitles`), then two or three characters from a
        // surname that the list does not hold as another word.
        if let lexicon, (4...7).contains(text.count) {
            for nameLength in 2...3 where text.count - nameLength >= 2 {
                let title = String(text.dropLast(nameLength)), name = String(text.suffix(nameLength))
                let simplifiedTitle = ChineseLexicon.simplified(title)
                guard lexicon.word(title).map({ $0.isNoun }) ?? true, let ending = simplifiedTitle.last,
                    Self.occupationEndings.contains(ending) || Self.personTitles.contains(where: { simplifiedTitle.hasSuffix($0) }),
                    let surname = ChineseLexicon.simplified(String(name.prefix(1))).first,
                    Self.surnames.contains(surname)
                else { continue }
                if lexicon.word(name).map({ $0.isProperName }) ?? true { return false }
            }
        }
        if boldSpans.contains(written) { return true }
        return !everydayWords.contains(text) && (translating || !isCommonTwoCharacterWord(text)) && !(generalWords?.isPhrase(text) ?? false)
    }

    /// Ranks the recurring n-grams as terms. Branching entropy comes from the n-gram counts
    /// themselves: the right neighbours of an n-gram are the (n+1)-grams it starts, and a run's
    /// edge is a neighbour of its own (a term often stands between punctuation); neighbours
    /// pruning dropped count as edges do.
    private func termCandidates(_ findings: DiscoveryFindings) -> [DiscoveryCandidate] {
        let table = findings.grams
        let slots = table.slots
        let boldSpans = findings.boldSpans
        let bold = Set(boldSpans.compactMap { span -> Gram? in
            let scalars = span.unicodeScalars.map(\.value)
            return (2..<Gram.longest).contains(scalars.count) ? Gram(scalars) : nil
        })
        let lengths = slots.map { $0.count > 0 ? UInt8($0.key.length) : 0 }
        // Σ c·log c over each n-gram's known neighbours, left and right, and whether every
        // neighbour is a function character or weak boundary.
        var leftSum = [Double](repeating: 0, count: slots.count)
        var rightSum = [Double](repeating: 0, count: slots.count)
        var boundedLeft = [Bool](repeating: true, count: slots.count)
        var boundedRight = [Bool](repeating: true, count: slots.count)
        // Uses of each n-gram whose last character makes an everyday word with the next one
        // (模型变 in 模型变得), or whose first makes one with the one before (物医院 in
        // 动物医院): there the string cuts a word in two.
        var cutAtEnd = [Int32](repeating: 0, count: slots.count)
        var cutAtStart = [Int32](repeating: 0, count: slots.count)
        // Uses of each n-gram after a determiner or quantifier (每|条音轨, 多|条音轨): one used
        // only there starts with a measure word, the end of a quantity, not a term. (Numerals
        // are left out: 三|因子模型 and 五|因子模型 share a term.)
        var quantifiedLeft = [Int32](repeating: 0, count: slots.count)
        // Uses of each n-gram that end or start inside a longer word of the list it is not
        // (二氧化 in 二氧化硫 and 二氧化碳, 氧化硫 in 二氧化硫): a bound part of words, not a term.
        // (The list is Simplified: Traditional text's n-grams are looked up as written.)
        var inWordAtEnd = [Int32](repeating: 0, count: slots.count)
        var inWordAtStart = [Int32](repeating: 0, count: slots.count)
        let listedWords = generalWords?.listedWords ?? []
        let quantifiers = Set("每几多各某这那该本此诸".unicodeScalars.map(\.value))
        let everydayPairs = generalWords?.lexicon == nil ? [] : generalWords?.everydayPairs ?? []
        func isBoundary(_ scalar: UInt32) -> Bool {
            guard let character = Unicode.Scalar(TraditionalCharacters.simplified(scalar)).map(Character.init) else { return true }
            return Self.functionCharacters.contains(character) || GlossMiner.weakBoundaries.contains(character)
        }
        for (index, slot) in slots.enumerated() where lengths[index] >= 3 {
            let length = Int(lengths[index])
            let weight = Double(slot.count) * log(Double(slot.count))
            let isListedWord = listedWords.contains(slot.key)
            if let prefix = table.index(of: slot.key.slice(0, length - 1)) {
                rightSum[prefix] += weight
                if isListedWord { inWordAtEnd[prefix] += Int32(slot.count) }
                if boundedRight[prefix] && !isBoundary(slot.key.scalar(at: length - 1)) { boundedRight[prefix] = false }
                if everydayPairs.contains(UInt64(TraditionalCharacters.simplified(slot.key.scalar(at: length - 2))) << 32 | UInt64(TraditionalCharacters.simplified(slot.key.scalar(at: length - 1)))) {
                    cutAtEnd[prefix] += Int32(slot.count)
                }
            }
            if let suffix = table.index(of: slot.key.slice(1, length - 1)) {
                leftSum[suffix] += weight
                if isListedWord { inWordAtStart[suffix] += Int32(slot.count) }
                if boundedLeft[suffix] && !isBoundary(slot.key.scalar(at: 0)) { boundedLeft[suffix] = false }
                if everydayPairs.contains(UInt64(TraditionalCharacters.simplified(slot.key.scalar(at: 0))) << 32 | UInt64(TraditionalCharacters.simplified(slot.key.scalar(at: 1)))) {
                    cutAtStart[suffix] += Int32(slot.count)
                }
                if quantifiers.contains(TraditionalCharacters.simplified(slot.key.scalar(at: 0))) { quantifiedLeft[suffix] += Int32(slot.count) }
            }
        }
        let suffixes = Set(Self.termSuffixes.compactMap { $0.unicodeScalars.first?.value })
        // Strings seen once count only when they look like a term: set in bold or quotes, or
        // ending in a term-forming character (编码器, 可解释性) with a boundary on each side.
        let frequent = slots.indices.map { index -> Bool in
            let length = Int(lengths[index])
            guard length >= 2 && length < Gram.longest else { return false }
            let slot = slots[index]
            guard slot.key.scalar(at: 0) != Gram.digit else { return false }
            if slot.count >= 2 || bold.contains(slot.key) { return true }
            return length >= 4 && suffixes.contains(slot.key.scalar(at: length - 1)) && boundedLeft[index] && boundedRight[index]
        }
        // C-value: frequency less the mean frequency of the longer candidates that contain it.
        var containingSum = [Int](repeating: 0, count: slots.count)
        var containingTerms = [Int32](repeating: 0, count: slots.count)
        var seen: [Int] = []
        for index in slots.indices where frequent[index] && lengths[index] > 2 {
            let key = slots[index].key
            let length = Int(lengths[index])
            seen.removeAll(keepingCapacity: true)
            for innerLength in 2..<length {
                for start in 0...(length - innerLength) {
                    guard let inner = table.index(of: key.slice(start, innerLength)), frequent[inner], !seen.contains(inner) else { continue }
                    seen.append(inner)
                    containingSum[inner] += Int(slots[index].count)
                    containingTerms[inner] += 1
                }
            }
        }
        var results: [(candidate: DiscoveryCandidate, key: Gram)] = []
        for index in slots.indices where frequent[index] {
            let slot = slots[index]
            let length = Int(lengths[index])
            var cValue = Double(slot.count)
            if containingTerms[index] > 0 { cValue -= Double(containingSum[index]) / Double(containingTerms[index]) }
            cValue *= log2(Double(length) + 1)
            let total = Double(slot.count)
            let leftEntropy = log(total) - leftSum[index] / total
            let rightEntropy = log(total) - rightSum[index] / total
            let boundaryQuality = min(leftEntropy, rightEntropy)
            guard cValue > 0, boundaryQuality > 0.3, Int(cutAtEnd[index]) * 2 < Int(slot.count), Int(cutAtStart[index]) * 2 < Int(slot.count),
                Int(quantifiedLeft[index]) < Int(slot.count)
            else { continue }
            let gram = slot.key.text
            if Int(inWordAtEnd[index] + inWordAtStart[index]) * 2 > Int(slot.count),
                !(length >= 3 ? listedWords.contains(slot.key) : generalWords?.lexicon?.word(gram) != nil)
            {
                continue
            }
            guard isTermShaped(gram, boldSpans: boldSpans), knownConcept(gram) == nil else { continue }
            let isBold = bold.contains(slot.key)
            // Two-character strings are mostly everyday words; terms run longer.
            let lengthWeight = length == 2 ? 0.3 : length == 3 ? 0.8 : 1
            let score = log2(1 + cValue) * lengthWeight * (0.5 + min(boundaryQuality, 2)) * (isBold ? 1.5 : 1)
            let variant = closeVariant(of: gram)
            var reason = String(format: "recurs %d×; C-value %.1f; boundary entropy %.2f/%.2f", Int(slot.count), cValue, leftEntropy, rightEntropy)
            if isBold { reason += "; set in bold or quotes" }
            if let variant { reason += "; one character from \(variant.id)'s Chinese name" }
            let place = table.place(of: slot)
            results.append((DiscoveryCandidate(
                kind: .term, zh: gram, en: "", abbreviation: "", score: score, count: Int(slot.count), file: findings.file(Int(place.file)),
                line: Int(place.line), variantOf: variant?.id, reason: reason), slot.key))
        }
        // Taiwan's vocabulary (介面, 軟體, 螢幕) is not in jieba's list of mainland words: a
        // candidate whose mainland form by OpenCC's tw2sp (接口, 软件, 屏幕) is an everyday word
        // or a phrase is one too. One OpenCC call for all; without OpenCC's data, none is dropped.
        if let mainland = ChineseConversion.tw2sp.convert(results.map(\.candidate.zh)) {
            results = zip(results, mainland).filter { result, form in
                form == result.candidate.zh || isTermShaped(form, boldSpans: boldSpans.contains(result.candidate.zh) ? [form] : [])
            }.map(\.0)
        }
        // Drop fragments: a candidate inside a better one that occurs about as often (the
        // highest count of a better candidate holding each string is kept as they are taken).
        results.sort { $0.candidate.score != $1.candidate.score ? $0.candidate.score > $1.candidate.score : $0.candidate.zh < $1.candidate.zh }
        // So is one whose uses are nearly all inside candidates one character longer, two or
        // more of them (轧钢板 of 冷轧钢板 and 热轧钢板, 处理法 of 水洗处理法 and 日晒处理法): a
        // shared part of sibling terms, never used alone.
        var longer: [Gram: (count: Int, kinds: Int)] = [:]
        for (candidate, key) in results {
            let length = candidate.zh.unicodeScalars.count
            guard length >= 3 else { continue }
            for inner in Set([key.slice(1, length - 1), key.slice(0, length - 1)]) {
                longer[inner, default: (0, 0)].count += candidate.count
                longer[inner, default: (0, 0)].kinds += 1
            }
        }
        var kept: [DiscoveryCandidate] = []
        var heldBy: [Gram: Int] = [:]
        for (candidate, key) in results {
            if let better = heldBy[key], Double(candidate.count) <= Double(better) * 1.25 { continue }
            if let siblings = longer[key], siblings.kinds >= 2, Double(candidate.count) <= Double(siblings.count) * 1.25 { continue }
            kept.append(candidate)
            let length = candidate.zh.unicodeScalars.count
            for innerLength in 2..<max(2, length) {
                for start in 0...(length - innerLength) {
                    let inner = key.slice(start, innerLength)
                    heldBy[inner] = max(heldBy[inner] ?? 0, candidate.count)
                }
            }
        }
        return kept
    }

}
