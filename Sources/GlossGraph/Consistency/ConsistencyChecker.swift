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
}

/// How one name of a concept is used in the transcripts.
public struct NameUsage: Sendable {
    /// The glossary name the text matched (its canonical spelling).
    public var name: ConceptName
    public var uses: [NameUse]
}

/// What a translator should look at.
public enum FindingKind: String, Sendable, CaseIterable {
    /// A wrong or discouraged rendering is used.
    case deprecated
    /// The concept is rendered under several Chinese names.
    case chineseVariants = "chinese-variants"
    /// The concept is named under several English names.
    case englishVariants = "english-variants"
    /// The English name is used and the glossary's Chinese rendering never is.
    case untranslated
}

public struct ConsistencyFinding: Sendable {
    public var kind: FindingKind
    public var concept: Concept
    /// The names involved, most used first.
    public var usages: [NameUsage]
    /// What to use instead.
    public var preferred: String
    /// Higher matters more; findings are listed by it.
    public var weight: Int

    public var message: String {
        let names = usages.map { "\($0.name.text) ×\($0.uses.count)" }.joined(separator: ", ")
        switch kind {
        case .deprecated: return "deprecated rendering \(names); use \(preferred)"
        case .chineseVariants: return "\(usages.count) Chinese names: \(names); preferred \(preferred)"
        case .englishVariants: return "\(usages.count) English names: \(names); preferred \(preferred)"
        case .untranslated: return "English only: \(names); the glossary's Chinese is \(preferred)"
        }
    }
}

/// Checks the terminology of transcripts against the glossary, the way CAT-tool QA does.
public struct ConsistencyChecker {
    public let glossary: Glossary
    private let extractor: ConceptExtractor

    public init(glossary: Glossary) {
        self.glossary = glossary
        extractor = ConceptExtractor(glossary: glossary)
    }

    /// Every concept found with the names it is used under, in glossary order.
    public func usages(_ transcripts: [Transcript]) -> [(concept: Concept, usages: [NameUsage])] {
        var byConcept: [Int: [Int: NameUsage]] = [:]  // concept → pattern → usage
        var scratch = TermMatcher.Scratch()
        for transcript in transcripts {
            for unit in transcript.units where unit.kind != .note {
                let extraction = extractor.extract(unit, scratch: &scratch)
                for match in extraction.matches {
                    let pattern = extractor.matcher.patterns[match.pattern]
                    guard let name = glossary.concepts[match.concept].names.first(where: { $0.text == pattern.name }) else { continue }
                    let mention = extraction.describe(match)
                    let use = NameUse(file: unit.file, turn: unit.index, line: mention.line, column: mention.column, text: mention.text)
                    byConcept[match.concept, default: [:]][match.pattern, default: NameUsage(name: name, uses: [])].uses.append(use)
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

    /// The findings, most important first: deprecated renderings, then concepts by how many
    /// names they are spread over, then English left untranslated.
    public func findings(_ transcripts: [Transcript]) -> [ConsistencyFinding] {
        var findings: [ConsistencyFinding] = []
        for (concept, usages) in usages(transcripts) {
            let deprecated = usages.filter { $0.name.role == .deprecated }
            for usage in deprecated {
                let preferred = usage.name.language == "zh" && !concept.zh.isEmpty ? concept.zh : concept.en.isEmpty ? concept.zh : concept.en
                findings.append(ConsistencyFinding(
                    kind: .deprecated, concept: concept, usages: [usage], preferred: preferred, weight: 1000 + usage.uses.count))
            }
            let chinese = usages.filter { $0.name.language == "zh" && $0.name.role != .abbreviation }
            if chinese.count > 1 {
                findings.append(ConsistencyFinding(
                    kind: .chineseVariants, concept: concept, usages: chinese, preferred: concept.zh.isEmpty ? chinese[0].name.text : concept.zh,
                    weight: 100 * chinese.count + chinese.reduce(0) { $0 + $1.uses.count }))
            }
            let english = usages.filter { $0.name.language == "en" && $0.name.role != .abbreviation }
            if english.count > 1 {
                findings.append(ConsistencyFinding(
                    kind: .englishVariants, concept: concept, usages: english, preferred: concept.en.isEmpty ? english[0].name.text : concept.en,
                    weight: 100 * english.count + english.reduce(0) { $0 + $1.uses.count }))
            }
            if !concept.zh.isEmpty && chinese.isEmpty && !english.isEmpty {
                findings.append(ConsistencyFinding(
                    kind: .untranslated, concept: concept, usages: english, preferred: concept.zh,
                    weight: 10 + english.reduce(0) { $0 + $1.uses.count }))
            }
        }
        return findings.sorted {
            $0.weight != $1.weight ? $0.weight > $1.weight : ($0.concept.id, $0.kind.rawValue) < ($1.concept.id, $1.kind.rawValue)
        }
    }

    /// The replacement each non-preferred use should get: deprecated names and Chinese or
    /// English variants become the preferred name of their language.
    public static func replacement(for name: ConceptName, in concept: Concept) -> String? {
        switch name.role {
        case .zhVariant: return concept.zh.isEmpty ? nil : concept.zh
        case .enVariant: return concept.en.isEmpty ? nil : concept.en
        case .deprecated:
            if name.language == "zh" { return concept.zh.isEmpty ? nil : concept.zh }
            return concept.en.isEmpty ? nil : concept.en
        case .zh, .en, .abbreviation: return nil
        }
    }
}
