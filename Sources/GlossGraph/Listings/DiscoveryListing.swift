import GlossGraphGlossary
import GlossGraphText

/// Phrases a Markdown text sets in bold (`**…**`) or in quotation marks (“…”, 「…」, 『…』),
/// line by line: two to sixteen characters with Chinese in them, neither a label (ending in a colon)
/// nor a clause (with ，or 。). Discovery takes them as hints of terms.
public enum BoldSpans {
    public static func find(in text: String) -> Set<String> { findWithHeads(in: text).spans }

    /// The phrases of `text` set in bold or quotes, and those of them set in bold right before
    /// a bracket (`**后上叉**（seat stays）`): the writer's own extent of a glossed term, keyed
    /// with what the bracket says (`headKey`), so that it is that gloss's extent only (a bold
    /// `**托槽**（bracket）` is no extent of `自锁托槽（self-ligating bracket）`).
    public static func findWithHeads(in text: String) -> (spans: Set<String>, glossHeads: Set<String>) {
        var spans = Set<String>()
        var heads = Set<String>()
        for line in Array(text.utf8).split(separator: 0x0A) { find(inLine: line, into: &spans, glossHeads: &heads) }
        return (spans, heads)
    }

    /// Adds the phrases of one line (UTF-8, without its line end) to `spans`, and those set in
    /// bold right before an opening bracket to `glossHeads`. One pass finds the `**` marks and
    /// opening quotation marks (“ E2 80 9C, 「 E3 80 8C, 『 E3 80 8E): it runs over every line
    /// of a corpus, most of which hold none.
    static func find(inLine line: ArraySlice<UInt8>, into spans: inout Set<String>, glossHeads: inout Set<String>) {
        var marks: [Int] = []
        // By quotation pair (`quotePairs`): where each opening mark's text starts. (A tuple: an
        // array of arrays would be allocated for every line.)
        var opens: ([Int], [Int], [Int]) = ([], [], [])
        line.withUnsafeBufferPointer { bytes in
            var index = 0
            while index + 1 < bytes.count {
                // Eight bytes at a time while none of them is * or E2/E3, as in most CJK text.
                if index + 8 <= bytes.count, !Self.mayOpenMark(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                if byte == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "*") {
                    marks.append(line.startIndex + index)
                    index += 2
                    continue
                }
                if byte & 0xFE == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 {
                    let third = bytes[index + 2]
                    if byte == 0xE2 && third == 0x9C {
                        opens.0.append(line.startIndex + index + 3)
                    } else if byte == 0xE3 && third == 0x8C {
                        opens.1.append(line.startIndex + index + 3)
                    } else if byte == 0xE3 && third == 0x8E {
                        opens.2.append(line.startIndex + index + 3)
                    }
                }
                index += 1
            }
        }
        for pair in stride(from: 1, to: marks.count, by: 2) {
            // A bold field label (`- **时间**：11月14日`) names a field, not a term.
            let after = line[(marks[pair] + 2)...].drop { $0 == UInt8(ascii: " ") }
            if after.first == UInt8(ascii: ":") || after.starts(with: [0xEF, 0xBC, 0x9A]) { continue }
            add(line[(marks[pair - 1] + 2)..<marks[pair]], to: &spans)
            // （ is EF BC 88.
            if after.first == UInt8(ascii: "(") || after.starts(with: [0xEF, 0xBC, 0x88]), let head = phrase(line[(marks[pair - 1] + 2)..<marks[pair]]) {
                glossHeads.insert(headKey(head, bracket: bracketOpening(after)))
            }
        }
        guard !(opens.0.isEmpty && opens.1.isEmpty && opens.2.isEmpty) else { return }
        for (pair, starts) in [opens.0, opens.1, opens.2].enumerated() where !starts.isEmpty {
            let close = quotePairs[pair].close
            for (number, start) in starts.enumerated() {
                let pieceEnd = number + 1 < starts.count ? starts[number + 1] - 3 : line.endIndex
                var end = start
                while end + 2 < pieceEnd && !(line[end] == close[0] && line[end + 1] == close[1] && line[end + 2] == close[2]) { end += 1 }
                if end + 2 < pieceEnd { add(line[start..<end], to: &spans) }
            }
        }
    }

    /// Whether one of eight bytes is `*` or E2/E3 (the lead bytes of the quotation marks),
    /// with the bit trick for a zero byte in a word (Hacker's Delight, 6-1).
    @inline(__always) static func mayOpenMark(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        return hasZeroByte(word ^ (ones &* 0x2A)) || hasZeroByte((word & (ones &* 0xFE)) ^ (ones &* 0xE2))
    }

    /// Quotation marks, UTF-8: “ ” (U+201C, U+201D), and the corner brackets 「 」 and 『 』
    /// (U+300C–U+300F) that Traditional Chinese quotes with.
    static let quotePairs: [(open: [UInt8], close: [UInt8])] = [
        ([0xE2, 0x80, 0x9C], [0xE2, 0x80, 0x9D]), ([0xE3, 0x80, 0x8C], [0xE3, 0x80, 0x8D]), ([0xE3, 0x80, 0x8E], [0xE3, 0x80, 0x8F]),
    ]

    private static func add(_ bytes: ArraySlice<UInt8>, to spans: inout Set<String>) {
        if let phrase = phrase(bytes) { spans.insert(phrase) }
    }

    /// The phrase `bytes` hold if it may name a term: two to sixteen characters, some CJK, no
    /// clause punctuation, spaces at the ends trimmed.
    private static func phrase(_ bytes: ArraySlice<UInt8>) -> String? {
        // Two to sixteen characters take at most 64 bytes, besides spaces; CJK needs a lead byte.
        guard bytes.count <= 96, bytes.contains(where: { $0 >= 0xE3 }) else { return nil }
        let phrase = String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
        guard phrase.count >= 2, phrase.count <= 16, phrase.containsCJK,
            !phrase.hasSuffix("："), !phrase.hasSuffix(":"), !phrase.containsText("，"), !phrase.containsText("。")
        else { return nil }
        return phrase
    }

    /// A gloss head's key: the bold phrase and what its bracket says first.
    static func headKey(_ head: String, bracket: String) -> String { head + "\u{1F}" + bracket }

    /// What a bracket says up to its first comma, its end or any other full-width form (at
    /// most 80 bytes), spaces trimmed; `bytes` start at the opening bracket, `(` or `（`
    /// (EF BC 88). Both sides of a comparison cut alike, so the key is the English's start.
    static func bracketOpening(_ bytes: ArraySlice<UInt8>) -> String {
        let inside = bytes.dropFirst(bytes.first == UInt8(ascii: "(") ? 1 : 3).prefix(80)
        // ）(EF BC 89), ，(EF BC 8C) and the other full-width forms open with EF.
        let end = inside.firstIndex { $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: ",") || $0 == 0xEF } ?? inside.endIndex
        return String(decoding: inside[..<end], as: UTF8.self).trimmingWhitespace()
    }
}

/// Renders discovery candidates as a table, as glossary rows, or as JSON.
public enum DiscoveryListing {
    public static func table(_ candidates: [DiscoveryCandidate], limit: Int) -> String {
        var output = ""
        for (rank, candidate) in candidates.prefix(limit).enumerated() {
            let english = [candidate.en, candidate.abbreviation].filter { !$0.isEmpty }.joined(separator: " / ")
            let names = [candidate.zh, english].filter { !$0.isEmpty }.joined(separator: "  ·  ")
            var line = "\(rank + 1). [\(candidate.kind.rawValue)] \(names)  ×\(candidate.count)  \(candidate.file):\(candidate.line)"
            if !candidate.variants.isEmpty { line += "  also \(candidate.variants.joined(separator: ", "))" }
            if let variant = candidate.variantOf { line += "  → variant of \(variant)" }
            output += line + "\n    " + candidate.reason + "\n"
        }
        return output
    }

    /// A glossary file of its own (`Glossary/README.md`'s format, header row included), to
    /// review and keep in the glossary folder or read with a glossary option; new names of
    /// known concepts come as comments saying which concept and column they belong to.
    public static func glossaryRows(_ candidates: [DiscoveryCandidate], limit: Int) -> String {
        var output = "# Proposed by glossgraph discover; check each row before keeping it.\n"
        let proposed = ProposedConcepts(candidates.prefix(limit))
        for (conceptID, candidate) in proposed.newNames {
            let additions = [
                candidate.zh.isEmpty ? nil : "zh_variants: \(Self.simplified(candidate.zh).name)",
                candidate.en.isEmpty ? nil : "en_variants: \(candidate.en)",
                candidate.abbreviation.isEmpty ? nil : "abbr: \(candidate.abbreviation)",
            ].compactMap { $0 }
            output += "# add to \(conceptID): \(additions.joined(separator: "; "))\n"
        }
        return output + GlossaryTSV.format(proposed.concepts.map(Self.simplifiedNames), header: true)
    }

    /// `concept` with its Chinese names in Simplified characters, as the glossary's `zh` and
    /// `zh_variants` columns hold them (by OpenCC's `t2s`, or character by character without
    /// OpenCC): a name in Traditional characters that OpenCC's `s2t` would not write back is
    /// kept as a variant tagged `zh-Hant` (`Glossary/README.md`).
    static func simplifiedNames(_ concept: Concept) -> Concept {
        var concept = concept
        func simplified(_ name: String) -> String {
            let (converted, keepsWritten) = Self.simplified(name)
            if keepsWritten, concept.nameTags[name] == nil {
                concept.zhVariants.append(name)
                concept.nameTags[name] = "zh-Hant"
            }
            return converted
        }
        concept.zh = simplified(concept.zh)
        var variants: [String] = []
        for name in concept.zhVariants where concept.nameTags[name] == nil {
            let converted = simplified(name)
            if converted != concept.zh, !variants.contains(converted) { variants.append(converted) }
        }
        concept.zhVariants = variants + concept.zhVariants.filter { concept.nameTags[$0] != nil }
        concept.abbreviations = concept.abbreviations.map { $0.containsCJK ? Self.simplified($0).name : $0 }
        return concept
    }

    /// A Chinese name in Simplified characters (OpenCC's `t2s`, or character by character
    /// without OpenCC), and whether the name as written is worth keeping beside it: it is in
    /// Traditional characters that OpenCC's `s2t` would not write back.
    static func simplified(_ name: String) -> (name: String, keepsWritten: Bool) {
        let converted = ChineseConversion.t2s.convert(name) ?? ChineseLexicon.simplified(name)
        return (converted, converted != name && ChineseConversion.s2t.convert(converted) != name)
    }

    /// An array in rank order: `{"zh","en","abbreviation","variants","kind","score","count","file","line","variant_of","reason"}`,
    /// `variants` the other names (an array of strings: Chinese ones, and a second English
    /// name stated beside the gloss).
    public static func json(_ candidates: [DiscoveryCandidate], limit: Int) -> [UInt8] {
        var json = JSONText()
        json.beginArray()
        for candidate in candidates.prefix(limit) {
            json.newline()
            json.beginObject()
            json.key("zh"); json.string(candidate.zh)
            json.key("en"); json.string(candidate.en)
            json.key("abbreviation"); json.string(candidate.abbreviation)
            json.key("variants"); json.beginArray()
            for variant in candidate.variants { json.string(variant) }
            json.endArray()
            json.key("kind"); json.string(candidate.kind.rawValue)
            json.key("score"); json.double((candidate.score * 1000).rounded() / 1000)
            json.key("count"); json.int(candidate.count)
            json.key("file"); json.string(candidate.file)
            json.key("line"); json.int(candidate.line)
            json.key("variant_of"); json.optionalString(candidate.variantOf)
            json.key("reason"); json.string(candidate.reason)
            json.endObject()
        }
        json.endArray()
        json.newline()
        return json.bytes
    }
}

/// Proposals as glossary concepts: proposals that share a name are one concept (强大的人工智能
/// and 超级有用的人工智能 both glossed AGI), each with a new id (from its English name or the
/// pinyin of its Chinese one) in the category `new`; proposals that name a known concept are
/// new names of it, kept apart.
public struct ProposedConcepts: Sendable {
    public var concepts: [Concept] = []
    /// New names of known concepts: the concept's id and the proposal, in rank order.
    public var newNames: [(conceptID: String, candidate: DiscoveryCandidate)] = []

    public init(_ candidates: some Sequence<DiscoveryCandidate>) {
        var usedIDs = Set<String>()
        var claimed: [String: Int] = [:]  // name key → index in concepts
        var abbreviationOnly = Set<Int>()  // concepts whose English name is their abbreviation
        for candidate in candidates {
            if let variant = candidate.variantOf {
                newNames.append((variant, candidate))
                continue
            }
            // An acronym with no long form is the concept's abbreviation beside its Chinese name
            // (印刷电路板 · abbr PCB), as a termbase holds an abbreviated form; with no Chinese
            // name either, it is the preferred name itself (a row needs one).
            let onlyAbbreviation = candidate.en.isEmpty
            let abbreviationIsName = onlyAbbreviation && candidate.zh.isEmpty
            let english = abbreviationIsName ? candidate.abbreviation : candidate.en
            let abbreviation = abbreviationIsName ? "" : candidate.abbreviation
            let names = [candidate.zh, english, abbreviation].filter { !$0.isEmpty } + candidate.variants
            if let existing = names.lazy.compactMap({ claimed[NameKey.key($0)] }).first {
                // A concept known so far by its abbreviation alone (邻面去釉, IPR) takes the
                // long form a later proposal gives it (IPR, interproximal reduction) as its
                // English name, and a Chinese name as its Chinese one when it had none.
                if !onlyAbbreviation, abbreviationOnly.contains(existing) || concepts[existing].en.isEmpty {
                    if abbreviationOnly.remove(existing) != nil { concepts[existing].abbreviations.append(concepts[existing].en) }
                    concepts[existing].en = english
                    claimed[NameKey.key(english)] = existing
                }
                if concepts[existing].zh.isEmpty, !candidate.zh.isEmpty, claimed[NameKey.key(candidate.zh)] == nil {
                    concepts[existing].zh = candidate.zh
                    claimed[NameKey.key(candidate.zh)] = existing
                }
                for name in names where claimed[NameKey.key(name)] == nil {
                    if name.containsCJK && Self.isChineseShortForm(name, of: concepts[existing].zh) {
                        concepts[existing].abbreviations.append(name)
                    } else if name.containsCJK {
                        concepts[existing].zhVariants.append(name)
                    } else if name == abbreviation {
                        concepts[existing].abbreviations.append(name)
                    } else {
                        concepts[existing].enVariants.append(name)
                    }
                    claimed[NameKey.key(name)] = existing
                }
                continue
            }
            let id = GlossaryTSV.newID(
                from: [english.isEmpty ? abbreviation : english, Pinyin.key(ofChinese: candidate.zh)], prefix: "term-", used: &usedIDs)
            for name in names { claimed[NameKey.key(name)] = concepts.count }
            if abbreviationIsName { abbreviationOnly.insert(concepts.count) }
            var concept = Concept(
                id: id, category: "new", zh: candidate.zh, en: english, abbreviations: abbreviation.isEmpty ? [] : [abbreviation], note: "")
            let chinese = candidate.variants.filter(\.containsCJK)
            concept.abbreviations += chinese.filter { Self.isChineseShortForm($0, of: candidate.zh) }
            concept.zhVariants = chinese.filter { !Self.isChineseShortForm($0, of: candidate.zh) }
            concept.enVariants = candidate.variants.filter { !$0.containsCJK }
            concepts.append(concept)
        }
    }

    /// Whether `short` abbreviates the Chinese name `name` as Chinese forms short forms (缩略语):
    /// two characters or more, at most half of the name's, taken from it in order, its first
    /// character first (微逆 of 微型逆变器, 局放 of 局部放电, 集采 of 集中采购). Such a name is the
    /// concept's abbreviated form (TBX's termType `abbreviation`), which `consistency` admits
    /// as it admits RLHF; a longer shortening (自博弈 of 自我博弈) is a variant.
    static func isChineseShortForm(_ short: String, of name: String) -> Bool {
        guard short.count >= 2, short.count * 2 <= name.count, short.first == name.first, short.containsCJK else { return false }
        var rest = name[...]
        for character in short {
            guard let found = rest.firstIndex(of: character) else { return false }
            rest = rest[rest.index(after: found)...]
        }
        return true
    }
}
