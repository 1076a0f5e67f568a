import GlossGraphGraph
import GlossGraphText

/// The one table of what every exporter writes for graphs, nodes and edges, so that GraphML,
/// JSON and CSV carry the same attributes under the same names.
public enum GraphAttributes {
    public static func graph(_ metadata: GraphMetadata) -> [(name: String, value: AttributeValue)] {
        [
            ("source_files", .string(metadata.sourceFiles.joined(separator: "; "))),
            ("glossary", .string(metadata.glossaryFiles.joined(separator: "; "))),
            ("unit", .string(metadata.unit)),
            ("units_total", .int(metadata.unitCount)),
            ("weight_measure", .string(metadata.weightMeasure.rawValue)),
            ("generator", .string("GlossGraph \(metadata.version)")),
        ]
            + (metadata.betweennessEstimate.map { [("betweenness_estimate", .string($0))] } ?? [])
    }

    /// Node attributes; `label` and `name` carry the bilingual label for Gephi and Cytoscape.
    public static func node(_ node: ConceptNode) -> [(name: String, value: AttributeValue)] {
        let concept = node.concept
        return [
            ("label", .string(concept.bilingualLabel)),
            ("name", .string(concept.bilingualLabel)),
            ("zh", .string(concept.zh)),
            ("en", .string(concept.en)),
            // Abbreviations apart from the label, which shows one only for a concept without
            // an English name (`五通 / BB`): `; ` between several.
            ("abbreviations", .string(concept.abbreviations.joined(separator: "; "))),
            ("category", .string(concept.category)),
            // Where the concept comes from: `glossary`, or `discovered` (map --discover).
            ("source", .string(concept.provenance.rawValue)),
            ("units", .int(node.units)),
            ("mentions", .int(node.mentions)),
            ("weighted_degree", .double(node.weightedDegree)),
            ("pagerank", .double(node.pageRank)),
            ("betweenness", .double(node.betweenness)),
            ("community", .int(node.community)),
            ("speakers", .string(node.speakers.map { "\($0.name) \($0.mentions)" }.joined(separator: "; "))),
            ("first_mention", .string(node.firstMention?.description ?? "")),
        ]
    }

    public static func edge(_ edge: ConceptEdge) -> [(name: String, value: AttributeValue)] {
        [
            ("weight", .double(edge.weight)),
            ("count", .int(edge.count)),
            ("jaccard", .double(edge.jaccard)),
            ("dice", .double(edge.dice)),
            ("npmi", .double(edge.npmi)),
            ("association", .double(edge.association)),
            ("support", .string(supportText(edge))),
        ]
    }

    /// The supporting units, compactly: `file.md: 12@L40 15@L52; other.md: 3@L9`, then
    /// `(+N more)` when the count exceeds the units kept.
    public static func supportText(_ edge: ConceptEdge) -> String {
        // Built as bytes: a map of a large corpus has a hundred references on each link, and
        // three exporters write them.
        var text: [UInt8] = []
        text.reserveCapacity(edge.support.count * 12 + 32)
        var currentFile: String?
        for reference in edge.support {
            if reference.file != currentFile {
                if currentFile != nil { text.append(contentsOf: "; ".utf8) }
                text.append(contentsOf: reference.file.utf8)
                text.append(contentsOf: ": ".utf8)
                currentFile = reference.file
            } else {
                text.append(UInt8(ascii: " "))
            }
            text.append(contentsOf: String(reference.turn).utf8)
            text.append(contentsOf: "@L".utf8)
            text.append(contentsOf: String(reference.line).utf8)
        }
        if edge.count > edge.support.count { text.append(contentsOf: " (+\(edge.count - edge.support.count) more)".utf8) }
        return String(decoding: text, as: UTF8.self)
    }
}
