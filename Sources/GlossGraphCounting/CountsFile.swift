import Foundation
import GlossGraphText

/// Partial co-occurrence counts of a part of a corpus, as written by `glossgraph count` and
/// merged by `glossgraph merge`: JSON, keyed by concept id, with the glossary's ids to check
/// that all parts were counted with the same glossary.
public struct CountsFile: Sendable {
    public static let format = "glossgraph-counts"
    public static let version = 1

    public var counts: CooccurrenceCounter
    /// Concept ids in glossary order.
    public var conceptIDs: [String]
    public var unit: String
    public var sourceFiles: [String]
    public var glossaryFiles: [String]

    public init(counts: CooccurrenceCounter, conceptIDs: [String], unit: String, sourceFiles: [String], glossaryFiles: [String]) {
        self.counts = counts
        self.conceptIDs = conceptIDs
        self.unit = unit
        self.sourceFiles = sourceFiles
        self.glossaryFiles = glossaryFiles
    }

    public func encoded() -> [UInt8] {
        var json = JSONText()
        json.beginObject()
        json.key("format"); json.string(Self.format)
        json.key("version"); json.int(Self.version)
        json.key("unit"); json.string(unit)
        json.key("units"); json.int(counts.unitCount)
        for (key, values) in [("source_files", sourceFiles), ("glossary_files", glossaryFiles), ("glossary", conceptIDs)] {
            json.key(key)
            json.beginArray()
            for value in values { json.string(value) }
            json.endArray()
        }
        json.key("concepts")
        json.beginArray()
        for (index, concept) in counts.concepts.enumerated() where concept.units > 0 || !concept.speakerMentions.isEmpty {
            json.newline()
            json.beginObject()
            json.key("id"); json.string(conceptIDs[index])
            json.key("units"); json.int(concept.units)
            json.key("mentions"); json.int(concept.mentions)
            json.key("speakers")
            json.beginObject()
            for (speaker, mentions) in concept.speakerMentions.sorted(by: { $0.key < $1.key }) {
                json.key(speaker); json.int(mentions)
            }
            json.endObject()
            if let first = concept.firstMention {
                json.key("first")
                json.beginArray(); json.string(first.file); json.int(first.line); json.int(first.column); json.endArray()
            }
            json.endObject()
        }
        json.endArray()
        json.key("pairs")
        json.beginArray()
        for (key, pair) in counts.pairs.sorted(by: { $0.key < $1.key }) {
            json.newline()
            json.beginObject()
            json.key("a"); json.string(conceptIDs[Int(key >> 32)])
            json.key("b"); json.string(conceptIDs[Int(key & 0xFFFF_FFFF)])
            json.key("count"); json.int(pair.count)
            json.key("support")
            json.beginArray()
            for reference in pair.support {
                json.beginArray(); json.string(reference.file); json.int(reference.turn); json.int(reference.line); json.endArray()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.newline()
        return json.bytes
    }

    /// Reads a counts file; every problem is an error naming the file.
    public static func decode(_ bytes: [UInt8], file: String) throws(GlossGraphError) -> CountsFile {
        func fail(_ message: String) -> GlossGraphError {
            GlossGraphError(message, at: SourceLocation(file: file), status: .dataError)
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw fail("not a counts file: it is not a JSON object")
        }
        guard object["format"] as? String == format else { throw fail("not a counts file written by glossgraph count") }
        guard object["version"] as? Int == version else { throw fail("counts file version \(object["version"] ?? "?") is not \(version)") }
        guard let unit = object["unit"] as? String, let units = object["units"] as? Int,
            let conceptIDs = object["glossary"] as? [String], let sourceFiles = object["source_files"] as? [String],
            let glossaryFiles = object["glossary_files"] as? [String], let conceptList = object["concepts"] as? [[String: Any]],
            let pairList = object["pairs"] as? [[String: Any]]
        else { throw fail("a counts file needs unit, units, glossary, source_files, glossary_files, concepts and pairs") }
        var index: [String: Int] = [:]
        for (position, id) in conceptIDs.enumerated() { index[id] = position }
        var concepts = [CooccurrenceCounter.ConceptCounts](repeating: .init(), count: conceptIDs.count)
        for entry in conceptList {
            guard let id = entry["id"] as? String, let position = index[id], let conceptUnits = entry["units"] as? Int,
                let mentions = entry["mentions"] as? Int, let speakers = entry["speakers"] as? [String: Int]
            else { throw fail("a concept entry is malformed: \(entry)") }
            concepts[position].units = conceptUnits
            concepts[position].mentions = mentions
            concepts[position].speakerMentions = speakers
            if let first = entry["first"] as? [Any], first.count == 3, let file = first[0] as? String, let line = first[1] as? Int,
                let column = first[2] as? Int
            {
                concepts[position].firstMention = MentionLocation(file: file, line: line, column: column)
            }
        }
        var pairs: [UInt64: CooccurrenceCounter.PairCounts] = [:]
        for entry in pairList {
            guard let a = (entry["a"] as? String).flatMap({ index[$0] }), let b = (entry["b"] as? String).flatMap({ index[$0] }),
                let count = entry["count"] as? Int, let support = entry["support"] as? [[Any]]
            else { throw fail("a pair entry is malformed: \(entry)") }
            var references: [UnitReference] = []
            for reference in support {
                guard reference.count == 3, let file = reference[0] as? String, let turn = reference[1] as? Int,
                    let line = reference[2] as? Int
                else { throw fail("a supporting unit is malformed: \(reference)") }
                references.append(UnitReference(file: file, turn: turn, line: line))
            }
            pairs[UInt64(min(a, b)) << 32 | UInt64(max(a, b))] = .init(count: count, support: references)
        }
        return CountsFile(
            counts: CooccurrenceCounter(unitCount: units, concepts: concepts, pairs: pairs), conceptIDs: conceptIDs, unit: unit,
            sourceFiles: sourceFiles, glossaryFiles: glossaryFiles)
    }
}
