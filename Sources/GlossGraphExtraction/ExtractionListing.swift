import GlossGraphGlossary
import GlossGraphText

/// Renders extraction results for people and for programs.
public enum ExtractionListing {
    /// One JSON object per unit:
    /// `{"file","turn","speaker","line_start","concepts":[{"id","zh","en","source","count","mentions":[{"line","column","text"}]}]}`
    /// (`source`: `glossary`, or `discovered` with `extract --discover`).
    public static func jsonLines(_ extractions: some Collection<UnitExtraction>, glossary: Glossary) -> [UInt8] {
        var json = JSONText()
        for extraction in extractions {
            let unit = extraction.unit
            json.beginObject()
            json.key("file"); json.string(unit.file)
            json.key("turn"); json.int(unit.parentIndex ?? unit.index)
            if unit.parentIndex != nil { json.key("unit"); json.int(unit.index) }
            json.key("speaker"); json.optionalString(unit.speaker)
            json.key("line_start"); json.int(unit.lineStart)
            json.key("concepts")
            json.beginArray()
            for (conceptIndex, mentions) in extraction.mentionsByConcept {
                let concept = glossary.concepts[conceptIndex]
                json.beginObject()
                json.key("id"); json.string(concept.id)
                json.key("zh"); json.string(concept.zh)
                json.key("en"); json.string(concept.en)
                json.key("source"); json.string(concept.provenance.rawValue)
                json.key("count"); json.int(mentions.count)
                json.key("mentions")
                json.beginArray()
                for mention in mentions {
                    let described = extraction.describe(mention)
                    json.beginObject()
                    json.key("line"); json.int(described.line)
                    json.key("column"); json.int(described.column)
                    json.key("text"); json.string(described.text)
                    json.endObject()
                }
                json.endArray()
                json.endObject()
            }
            json.endArray()
            json.endObject()
            json.newline()
        }
        return json.bytes
    }

    public static let tsvHeader = "file\tturn\tspeaker\tline\tcolumn\tid\tzh\ten\ttext\n"

    /// One row per mention: file, turn, speaker, line, column, concept id, zh, en, text.
    public static func tsv(_ extractions: some Collection<UnitExtraction>, glossary: Glossary) -> [UInt8] {
        var output = ""
        for extraction in extractions {
            let unit = extraction.unit
            for match in extraction.matches {
                let concept = glossary.concepts[match.concept]
                let described = extraction.describe(match)
                let cells = [
                    unit.file, String(unit.parentIndex ?? unit.index), unit.speaker ?? "", String(described.line),
                    String(described.column), concept.id, concept.zh, concept.en, described.text,
                ]
                output += cells.map(tsvCell).joined(separator: "\t") + "\n"
            }
        }
        return Array(output.utf8)
    }

    private static func tsvCell(_ value: String) -> String {
        guard value.contains(where: { $0 == "\t" || $0.isNewline }) else { return value }
        return String(value.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }

    /// One line per unit with concepts: where it is, who speaks, and the concepts found.
    public static func textLines(_ extractions: some Collection<UnitExtraction>, glossary: Glossary) -> String {
        var output = ""
        for extraction in extractions where !extraction.matches.isEmpty {
            let unit = extraction.unit
            let concepts = extraction.mentionsByConcept.map { entry -> String in
                let label = glossary.concepts[entry.concept].bilingualLabel
                return entry.mentions.count > 1 ? "\(label) ×\(entry.mentions.count)" : label
            }
            output += "\(unit.file):\(unit.lineStart)  #\(unit.parentIndex ?? unit.index)  \(unit.speaker ?? "–"): \(concepts.joined(separator: "; "))\n"
        }
        return output
    }
}
