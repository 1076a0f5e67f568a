import GlossGraphText

/// A language tag as termbases write it, read as BCP 47 (RFC 5646) says: without case,
/// `_` as `-` (`en_US`, `zh_CN`, as Java and POSIX locales write them), ISO 639-3 and
/// 639-2 codes for the same language (`cmn`, `zho`, `chi`, `eng`), an extended language
/// subtag (`zh-cmn-Hans`), a script (`Hans`, `Hant`) and a region (`CN`, `TW`, `HK`).
public struct LanguageTag: Sendable, Hashable, CustomStringConvertible {
    /// The languages a glossary holds.
    public enum Language: Sendable, Hashable {
        case english
        case chinese
        /// Any other, by its primary subtag, lowercased.
        case other(String)
    }

    public var language: Language
    /// The script subtag, title-cased (`Hans`); nil when the tag has none.
    public var script: String?
    /// The region subtag, uppercased (`TW`) or a UN M.49 number (`419`); nil when none.
    public var region: String?
    /// The tag as written.
    public var description: String

    /// Primary language subtags read as Chinese: the macrolanguage `zh` and its written
    /// standard Mandarin `cmn`, and their ISO 639-2 forms.
    static let chineseCodes: Set<String> = ["zh", "cmn", "zho", "chi"]
    static let englishCodes: Set<String> = ["en", "eng"]

    public init(_ tag: String) {
        description = tag
        let subtags = tag.trimmingWhitespace().replacingOccurrences(of: "_", with: "-").lowercased()
            .split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        var rest = subtags.dropFirst()
        let primary = subtags.first ?? ""
        // An extended language subtag: `zh-cmn`, `zh-yue`; the written language stays Chinese.
        if Self.chineseCodes.contains(primary), let next = rest.first, next.count == 3, next.allSatisfy(\.isLetter) {
            rest = rest.dropFirst()
        }
        language = Self.chineseCodes.contains(primary) ? .chinese : Self.englishCodes.contains(primary) ? .english : .other(primary)
        if let next = rest.first, next.count == 4, next.allSatisfy(\.isLetter) {
            script = next.prefix(1).uppercased() + next.dropFirst()
            rest = rest.dropFirst()
        }
        if let next = rest.first, (next.count == 2 && next.allSatisfy(\.isLetter)) || (next.count == 3 && next.allSatisfy(\.isNumber)) {
            region = next.uppercased()
        }
    }

    /// A Chinese tag as the glossary writes it: `zh`, its script and its region (`zh-TW`,
    /// `zh-Hant`, `zh-Hant-HK`); the tag as written for other languages.
    public var canonical: String {
        guard language == .chinese else { return description }
        return "zh" + (script.map { "-" + $0 } ?? "") + (region.map { "-" + $0 } ?? "")
    }

    /// For a Chinese tag, whether it names Traditional characters: the script `Hant`, or with no
    /// script a region that writes them (Taiwan, Hong Kong, Macao), as CLDR's likely subtags say.
    public var isTraditionalChinese: Bool {
        guard language == .chinese else { return false }
        if let script { return script == "Hant" }
        return ["TW", "HK", "MO"].contains(region ?? "")
    }
}
