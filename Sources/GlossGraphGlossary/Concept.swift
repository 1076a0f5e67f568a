import Foundation
import GlossGraphText

/// How a name of a concept is to be used, as TBX's administrative status has it.
public enum TermStatus: String, Sendable, Hashable, CaseIterable {
    /// The name to use (the concept's `zh` and `en`).
    case preferred
    /// An accepted other name (variants and abbreviations).
    case admitted
    /// A wrong or discouraged rendering that texts nevertheless use.
    case deprecated
}

/// Which field of a concept a name comes from.
public enum NameRole: String, Sendable, Hashable, CaseIterable {
    case zh, en
    case abbreviation = "abbr"
    case zhVariant = "zh_variants"
    case enVariant = "en_variants"
    case deprecated

    public var status: TermStatus {
        switch self {
        case .zh, .en: .preferred
        case .abbreviation, .zhVariant, .enVariant: .admitted
        case .deprecated: .deprecated
        }
    }
}

/// A name of a concept with the field it comes from.
public struct ConceptName: Sendable, Hashable {
    public var text: String
    public var role: NameRole
    /// The BCP 47 tag of a Chinese name written for another script or region than Simplified
    /// Chinese (`zh-Hant`, `zh-TW`, `zh-HK`); nil for the Simplified default and English.
    public var tag: String? = nil

    /// The language of the name: `zh` when it has any CJK character, otherwise `en`.
    public var language: String {
        switch role {
        case .zh, .zhVariant: "zh"
        case .en, .enVariant: "en"
        case .abbreviation, .deprecated: text.containsCJK ? "zh" : "en"
        }
    }
}

/// Where a concept comes from.
public enum ConceptProvenance: String, Sendable, Hashable {
    /// A glossary file (curated, reviewed).
    case glossary
    /// Proposed by `discover` from the text itself for this run (`map --discover`), not reviewed.
    case discovered
}

/// One entry of the glossary: a concept with its Chinese and English names.
public struct Concept: Sendable, Hashable {
    /// Stable identifier: lowercase ASCII letters, digits and single hyphens, starting with a
    /// letter (`responsible-scaling-policy`).
    public var id: String
    public var category: String
    /// The preferred Chinese name; empty when the concept has none.
    public var zh: String
    /// The preferred English name; empty when the concept has none.
    public var en: String
    public var abbreviations: [String]
    public var zhVariants: [String]
    public var enVariants: [String]
    /// Wrong or discouraged renderings that texts use (either language).
    public var deprecated: [String]
    /// A short note on what the concept is.
    public var note: String
    /// The tags of Chinese names written for another script or region (`zh-Hant`, `zh-TW`,
    /// `zh-HK`), by name; names not in it are Simplified Chinese or English.
    public var nameTags: [String: String] = [:]
    /// Whether Chinese text must translate the concept's English name (`consistency` reports it
    /// left in Latin script); nil: as `translatesByDefault` says for its category.
    public var translate: Bool?
    public var provenance = ConceptProvenance.glossary

    public init(
        id: String, category: String, zh: String, en: String, abbreviations: [String] = [],
        zhVariants: [String] = [], enVariants: [String] = [], deprecated: [String] = [], note: String = ""
    ) {
        self.id = id
        self.category = category
        self.zh = zh
        self.en = en
        self.abbreviations = abbreviations
        self.zhVariants = zhVariants
        self.enVariants = enVariants
        self.deprecated = deprecated
        self.note = note
    }

    /// Categories whose English names Chinese text customarily keeps in Latin script (products,
    /// models, companies, benchmarks, people: `随着GPT、Claude等大语言模型的发展`).
    public static let latinScriptCategories: Set<String> = ["model", "product", "organization", "benchmark", "person"]

    /// Whether Chinese text must translate the English name: `translate` if the glossary
    /// says, else true unless the category is one of `latinScriptCategories`.
    public var mustTranslate: Bool {
        translate ?? !Self.latinScriptCategories.contains(category)
    }

    /// Every name, preferred names first, in the order of the glossary's columns.
    public var names: [ConceptName] {
        var names: [ConceptName] = []
        if !zh.isEmpty { names.append(ConceptName(text: zh, role: .zh)) }
        if !en.isEmpty { names.append(ConceptName(text: en, role: .en)) }
        names += abbreviations.map { ConceptName(text: $0, role: .abbreviation) }
        names += zhVariants.map { ConceptName(text: $0, role: .zhVariant) }
        names += enVariants.map { ConceptName(text: $0, role: .enVariant) }
        names += deprecated.map { ConceptName(text: $0, role: .deprecated) }
        if !nameTags.isEmpty {
            for index in names.indices { names[index].tag = nameTags[names[index].text] }
        }
        return names
    }

    /// The name for readers of `tag` (`zh-Hant`, `zh-TW`, `zh-HK`): the first Chinese name,
    /// preferred or admitted, that the glossary tags so; nil when it has none.
    public func chineseName(for tag: String) -> String? {
        ([zh] + zhVariants).first { !$0.isEmpty && nameTags[$0]?.caseInsensitiveCompare(tag) == .orderedSame }
    }

    /// The Chinese name for readers of `tag` when OpenCC writes the preferred name for them as
    /// `converted`: the name the glossary tags so (`chineseName(for:)`); for a regional tag
    /// (`zh-TW`, `zh-HK`) without one, the name tagged `zh-Hant` when it differs from
    /// `converted` in its characters' variants alone (both read the same in OpenCC's `t2s`:
    /// Taiwanese text writes 支台齒 where `s2twp` writes 支臺齒), as the text it came from
    /// wrote it; else `converted`. Regional vocabulary (軟件 beside 軟體) is kept.
    public func chineseName(for tag: String, converted: String) -> String {
        if let tagged = chineseName(for: tag) { return tagged }
        guard tag.caseInsensitiveCompare("zh-Hant") != .orderedSame, let attested = chineseName(for: "zh-Hant"), attested != converted,
            let simplified = ChineseConversion.t2s.convert([attested, converted]), simplified[0] == simplified[1]
        else { return converted }
        return attested
    }

    /// The English a label shows: the preferred name, or the first abbreviation of a concept
    /// that has none (印刷电路板 · PCB); empty when it has neither.
    public var englishLabel: String {
        en.isEmpty ? abbreviations.first ?? "" : en
    }

    /// A label in both languages for people: `宪法AI / Constitutional AI`, `印刷电路板 / PCB`.
    public var bilingualLabel: String {
        switch (zh.isEmpty, englishLabel.isEmpty) {
        case (false, false): "\(zh) / \(englishLabel)"
        case (false, true): zh
        default: englishLabel
        }
    }
}

extension StringProtocol {
    /// Whether any character is CJK (Han, kana, hangul, CJK punctuation or full-width form).
    package var containsCJK: Bool {
        unicodeScalars.contains { ScriptClass.isCJK($0.value) }
    }
}
