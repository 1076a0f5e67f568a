import GlossGraphGlossary
import GlossGraphText

/// Phrases a source sets off: in bold (`**稀疏自动编码器**`) or in quotes (“向上竞争”), used
/// as hints that they are terms. Speaker labels (ending in a colon) are not phrases.
public enum BoldSpans {
    public static func find(in text: String) -> Set<String> {
        var spans = Set<String>()
        for line in text.split(separator: "\n") {
            var phrases: [Substring] = []
            let parts = line.components(separatedBy: "**")
            if parts.count >= 3 {
                for index in stride(from: 1, to: parts.count - 1, by: 2) { phrases.append(Substring(parts[index])) }
            }
            for quoted in line.split(separator: "“").dropFirst() {
                if let end = quoted.firstIndex(of: "”") { phrases.append(quoted[..<end]) }
            }
            for part in phrases {
                let phrase = part.trimmingWhitespace()
                guard phrase.count >= 2, phrase.count <= 16, phrase.containsCJK,
                    !phrase.hasSuffix("："), !phrase.hasSuffix(":"), !phrase.contains("，"), !phrase.contains("。")
                else { continue }
                spans.insert(phrase)
            }
        }
        return spans
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
            if let variant = candidate.variantOf { line += "  → variant of \(variant)" }
            output += line + "\n    " + candidate.reason + "\n"
        }
        return output
    }

    /// Rows in the glossary's own format, ready to append; new names of known concepts come
    /// as comments saying which concept and column they belong to.
    public static func glossaryRows(_ candidates: [DiscoveryCandidate], limit: Int) -> String {
        var output = "# Proposed by glossgraph discover; check each row before keeping it.\n"
        let proposed = ProposedConcepts(candidates.prefix(limit))
        for (conceptID, candidate) in proposed.newNames {
            let additions = [
                candidate.zh.isEmpty ? nil : "zh_variants: \(candidate.zh)", candidate.en.isEmpty ? nil : "en_variants: \(candidate.en)",
                candidate.abbreviation.isEmpty ? nil : "abbr: \(candidate.abbreviation)",
            ].compactMap { $0 }
            output += "# add to \(conceptID): \(additions.joined(separator: "; "))\n"
        }
        return output + GlossaryTSV.format(proposed.concepts, header: false)
    }

    /// An array in rank order: `{"zh","en","abbreviation","kind","score","count","file","line","variant_of","reason"}`.
    public static func json(_ candidates: [DiscoveryCandidate], limit: Int) -> [UInt8] {
        var json = JSONText()
        json.beginArray()
        for candidate in candidates.prefix(limit) {
            json.newline()
            json.beginObject()
            json.key("zh"); json.string(candidate.zh)
            json.key("en"); json.string(candidate.en)
            json.key("abbreviation"); json.string(candidate.abbreviation)
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
        for candidate in candidates {
            if let variant = candidate.variantOf {
                newNames.append((variant, candidate))
                continue
            }
            // A concept needs a preferred name: an acronym alone stands as the English one.
            let onlyAbbreviation = candidate.zh.isEmpty && candidate.en.isEmpty
            let english = onlyAbbreviation ? candidate.abbreviation : candidate.en
            let abbreviation = onlyAbbreviation ? "" : candidate.abbreviation
            let names = [candidate.zh, english, abbreviation].filter { !$0.isEmpty }
            if let existing = names.lazy.compactMap({ claimed[NameKey.key($0)] }).first {
                for name in names where claimed[NameKey.key(name)] == nil {
                    if name.containsCJK { concepts[existing].zhVariants.append(name) } else { concepts[existing].enVariants.append(name) }
                    claimed[NameKey.key(name)] = existing
                }
                continue
            }
            let id = GlossaryTSV.newID(
                from: [english.isEmpty ? abbreviation : english, Pinyin.key(ofChinese: candidate.zh)], prefix: "term-", used: &usedIDs)
            for name in names { claimed[NameKey.key(name)] = concepts.count }
            concepts.append(Concept(
                id: id, category: "new", zh: candidate.zh, en: english, abbreviations: abbreviation.isEmpty ? [] : [abbreviation], note: ""))
        }
    }
}
