import GlossGraphText

extension Discoverer {
    /// Least number of compounds a Latin part and a Chinese word must share their other part
    /// in before they are taken for one name written two ways (AI系统, AI安全, AI模型 beside
    /// 人工智能系统, 人工智能安全, 人工智能模型): two shared compounds happen by chance
    /// (ERP系统 and 仓储系统, ERP数据 and 仓储数据).
    static let interchangeableCompounds = 3

    /// A term written half in Latin script split into its Latin part and its Chinese part, in
    /// the order written (`AI系统` → AI, 系统, Latin first; `宪法AI` → AI, 宪法, Latin last), or nil
    /// when it is not one Latin run and two Chinese characters or more. Spaces between the
    /// parts are dropped (`AI 安全`).
    static func latinAndChinese(_ text: String) -> (latin: String, chinese: String, latinFirst: Bool)? {
        let scalars = Array(text.unicodeScalars)
        func isLatin(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-./+&".unicodeScalars.contains(scalar))
        }
        guard let first = scalars.first, let last = scalars.last, isLatin(first) != isLatin(last) else { return nil }
        let latinFirst = isLatin(first)
        let latinCount = latinFirst ? scalars.prefix(while: isLatin).count : scalars.reversed().prefix(while: isLatin).count
        let latin = latinFirst ? scalars[..<latinCount] : scalars[(scalars.count - latinCount)...]
        let chinese = (latinFirst ? scalars[latinCount...] : scalars[..<(scalars.count - latinCount)]).filter { $0 != " " }
        guard latin.contains(where: { $0.properties.isAlphabetic }), chinese.count >= 2, chinese.allSatisfy({ ScriptClass.isCJK($0.value) }) else { return nil }
        return (String(String.UnicodeScalarView(latin)), String(String.UnicodeScalarView(chinese)), latinFirst)
    }

    /// A Latin acronym or name and a Chinese word a text writes in each other's place inside
    /// compounds (AI系统 and 人工智能系统, AI安全 and 人工智能安全, AI模型 and 人工智能模型): a
    /// translation that drifts between keeping the English and rendering it. The Latin part's
    /// compounds are the term candidates written with it; a Chinese term candidate is its other
    /// name when the text `uses` (occurrences in the corpus) the Chinese word with the other
    /// part of `interchangeableCompounds` or more of them, twice each, these are at least half
    /// of the Chinese word's compounds among the candidates, and each is the other's best
    /// partner (most such compounds, no tie). Then each pair of compounds is one proposal (the
    /// one used more leads, the other a variant; a Chinese compound no candidate names becomes
    /// a variant of the Latin one), and the Chinese word's own proposal takes the Latin as its
    /// abbreviation or English (folding in the Latin's own proposal). Glosses keep their rows.
    /// The evidence is the text's alone: no dictionary says that AI is 人工智能.
    static func mergingInterchangeableParts(_ candidates: [DiscoveryCandidate], uses: (String) -> Int) -> [DiscoveryCandidate] {
        let terms = candidates.indices.filter { candidates[$0].kind == .term && !candidates[$0].zh.isEmpty }
        let chinese = terms.filter { candidates[$0].zh.unicodeScalars.count >= 2 && candidates[$0].zh.unicodeScalars.allSatisfy { ScriptClass.isCJK($0.value) } }
        let chineseIndex = Dictionary(chinese.map { (candidates[$0].zh, $0) }, uniquingKeysWith: min)
        struct Part: Hashable {
            var latin: String
            var latinFirst: Bool
        }
        // Each Latin part's compounds among the candidates: the Chinese other part → the candidate.
        var compounds: [Part: [String: Int]] = [:]
        for index in terms {
            guard let parts = latinAndChinese(candidates[index].zh) else { continue }
            compounds[Part(latin: parts.latin, latinFirst: parts.latinFirst), default: [:]][parts.chinese] = index
        }
        func joined(_ word: String, _ other: String, latinFirst: Bool) -> String { latinFirst ? word + other : other + word }
        // For each Latin part with enough compounds, the Chinese words the text writes with as many of their other parts.
        var partners: [Part: [(word: Int, shared: [String])]] = [:]
        for (part, others) in compounds where others.count >= interchangeableCompounds {
            for word in chinese {
                let shared = others.keys.filter { uses(joined(candidates[word].zh, $0, latinFirst: part.latinFirst)) >= 2 }
                if shared.count >= interchangeableCompounds { partners[part, default: []].append((word, shared.sorted())) }
            }
        }
        func compoundCount(of word: String, latinFirst: Bool) -> Int {
            chinese.filter { index in
                let text = candidates[index].zh
                return text.unicodeScalars.count >= word.unicodeScalars.count + 2 && (latinFirst ? text.hasPrefix(word) : text.hasSuffix(word))
            }.count
        }
        var result = candidates
        var removed = Set<Int>()
        for part in partners.keys.sorted(by: { ($0.latin, $0.latinFirst ? 0 : 1) < ($1.latin, $1.latinFirst ? 0 : 1) }) {
            let options = partners[part]!
            let most = options.map(\.shared.count).max()!
            guard options.filter({ $0.shared.count == most }).count == 1, let best = options.first(where: { $0.shared.count == most }) else { continue }
            let word = candidates[best.word].zh
            // The Chinese word's best partner is this Latin part.
            let rivals = partners.filter { $0.key != part && $0.key.latinFirst == part.latinFirst }.compactMap { $0.value.first { $0.word == best.word }?.shared.count }
            guard rivals.allSatisfy({ $0 < most }), most * 2 >= compoundCount(of: word, latinFirst: part.latinFirst) else { continue }
            let written = "\(part.latin) = \(word) in " + best.shared.map { joined(part.latin, $0, latinFirst: part.latinFirst) }.joined(separator: ", ")
            for other in best.shared {
                let latinForm = compounds[part]![other]!
                let chineseText = joined(word, other, latinFirst: part.latinFirst)
                guard !removed.contains(latinForm) else { continue }
                guard let chineseForm = chineseIndex[chineseText], !removed.contains(chineseForm) else {
                    if !result[latinForm].variants.contains(chineseText) { result[latinForm].variants.append(chineseText) }
                    result[latinForm].reason += "; also written \(chineseText) (\(uses(chineseText))×): \(written)"
                    continue
                }
                let (keep, fold) = candidates[chineseForm].count >= candidates[latinForm].count ? (chineseForm, latinForm) : (latinForm, chineseForm)
                result[keep].variants += ([result[fold].zh] + result[fold].variants).filter { $0 != result[keep].zh && !result[keep].variants.contains($0) }
                result[keep].score = max(result[keep].score, result[fold].score)
                result[keep].reason += "; also written \(result[fold].zh) (\(result[fold].count)×): \(written)"
                removed.insert(fold)
            }
            guard !removed.contains(best.word), result[best.word].en.isEmpty, result[best.word].abbreviation.isEmpty else { continue }
            if GlossMiner.isAcronym(part.latin) { result[best.word].abbreviation = part.latin } else { result[best.word].en = part.latin }
            result[best.word].reason += "; written \(written)"
            if let own = result.indices.first(where: { index in
                !removed.contains(index) && (result[index].kind == .acronym || result[index].kind == .name)
                    && NameKey.key(result[index].abbreviation + result[index].en) == NameKey.key(part.latin)
            }) {
                result[best.word].score = max(result[best.word].score, result[own].score)
                removed.insert(own)
            }
        }
        return result.indices.filter { !removed.contains($0) }.map { result[$0] }
    }
}
