import GlossGraphText

/// Renders look-up results for people and for programs.
public enum GlossaryListing {
    /// A block per concept found, or the suggestions when nothing was.
    public static func text(_ result: GlossaryLookup.Result) -> String {
        guard !result.matches.isEmpty else {
            var output = "no concept named '\(result.query)'"
            if result.suggestions.isEmpty { return output + ", and no name close to it\n" }
            output += "; did you mean:\n"
            for suggestion in result.suggestions {
                let concept = suggestion.concept
                let via = suggestion.matchedName == concept.zh || suggestion.matchedName == concept.en ? "" : "  (as '\(suggestion.matchedName)')"
                output += "  \(concept.bilingualLabel)  [\(concept.id)]\(via)\n"
            }
            return output
        }
        var output = ""
        for match in result.matches {
            let concept = match.concept
            output += "\(concept.bilingualLabel)  [\(concept.id)]\n"
            func row(_ label: String, _ values: [String]) {
                // Padded to 14 columns as a terminal shows them (中文 takes four).
                let padding = String(repeating: " ", count: max(1, 14 - TerminalText.displayWidth(label)))
                if !values.isEmpty { output += "  \(label)\(padding)\(values.joined(separator: ", "))\n" }
            }
            row("中文 zh", concept.zh.isEmpty ? [] : [concept.zh])
            let regional = regionalNames(of: concept)
            for (tag, form) in regional { row(tag, [form]) }
            row("English", concept.en.isEmpty ? [] : [concept.en])
            row("abbreviations", concept.abbreviations)
            // A variant the glossary tags for a script or region is shown in that row above.
            row("other zh", concept.zhVariants.filter { variant in concept.nameTags[variant] == nil || !regional.contains { $0.name == variant } })
            row("other en", concept.enVariants)
            row("deprecated", concept.deprecated)
            row("category", [concept.category])
            row("note", concept.note.isEmpty ? [] : [concept.note])
            if concept.deprecated.contains(match.matchedName) {
                let preferred = match.matchedName.containsCJK && !concept.zh.isEmpty ? concept.zh : concept.en.isEmpty ? concept.zh : concept.en
                output += "  ('\(match.matchedName)' is a deprecated name: use \(preferred))\n"
            }
            if match.kind != .name || match.matchedName != result.query {
                let how = switch match.kind {
                case .name: "as the name"
                case .regionalForm: "as a Traditional or regional form of"
                case .pinyin: "by the pinyin of"
                case .prefix: "as the beginning of"
                }
                output += "  (found '\(result.query)' \(how) '\(match.matchedName)')\n"
            }
        }
        return output
    }

    /// The concept's Chinese name in Traditional characters and in Taiwan's and Hong Kong's
    /// usage (`zh-Hant`, `zh-TW`, `zh-HK`): the name the glossary tags so
    /// (`Concept.chineseName(for:)`), else its preferred name as OpenCC's `s2t`, `s2twp` and
    /// `s2hk` write it; empty without a Chinese name.
    public static func regionalNames(of concept: Concept) -> [(tag: String, name: String)] {
        guard !concept.zh.isEmpty else { return [] }
        let conversions: [(String, ChineseConversion)] = [("zh-Hant", .s2t), ("zh-TW", .s2twp), ("zh-HK", .s2hk)]
        let converted = ChineseConversion.convert([concept.zh], by: conversions.map(\.1))
        return zip(conversions, converted).compactMap { pair, forms in
            concept.chineseName(for: pair.0).map { (pair.0, $0) } ?? forms?.first.map { (pair.0, concept.chineseName(for: pair.0, converted: $0)) }
        }
    }

    /// A JSON array with one object per query:
    /// `{"query","found","concepts":[{…}],"suggestions":[{"id","zh","en","name","closeness","distance"}]}`;
    /// closeness is `words`, `word-beginning`, `typo` or `inside-word` (`GlossaryLookup.Closeness`).
    public static func json(_ results: [GlossaryLookup.Result]) -> [UInt8] {
        var json = JSONText()
        json.beginArray()
        for result in results {
            json.beginObject()
            json.key("query"); json.string(result.query)
            json.key("found"); json.bool(!result.matches.isEmpty)
            json.key("concepts")
            json.beginArray()
            for match in result.matches {
                json.beginObject()
                writeConceptFields(match.concept, to: &json)
                json.key("regional")
                json.beginObject()
                for (tag, name) in regionalNames(of: match.concept) { json.key(tag); json.string(name) }
                json.endObject()
                json.key("matched_name"); json.string(match.matchedName)
                json.key("matched_by"); json.string(match.kind.rawValue)
                json.endObject()
            }
            json.endArray()
            json.key("suggestions")
            json.beginArray()
            for suggestion in result.suggestions {
                json.beginObject()
                json.key("id"); json.string(suggestion.concept.id)
                json.key("zh"); json.string(suggestion.concept.zh)
                json.key("en"); json.string(suggestion.concept.en)
                json.key("name"); json.string(suggestion.matchedName)
                json.key("closeness"); json.string(suggestion.closeness.label)
                json.key("distance"); json.int(suggestion.distance)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.newline()
        return json.bytes
    }

    /// The concept's fields as JSON members, in the glossary's column order.
    public static func writeConceptFields(_ concept: Concept, to json: inout JSONText) {
        json.key("id"); json.string(concept.id)
        json.key("zh"); json.string(concept.zh)
        json.key("en"); json.string(concept.en)
        for (key, values) in [
            ("abbreviations", concept.abbreviations), ("zh_variants", concept.zhVariants),
            ("en_variants", concept.enVariants), ("deprecated", concept.deprecated),
        ] {
            json.key(key)
            json.beginArray()
            for value in values { json.string(value) }
            json.endArray()
        }
        json.key("category"); json.string(concept.category)
        json.key("note"); json.string(concept.note)
    }
}
