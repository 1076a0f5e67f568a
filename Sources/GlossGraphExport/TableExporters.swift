import GlossGraphGraph
import GlossGraphText

/// Writes the concept graph in NetworkX's node-link JSON shape, which `nx.node_link_graph`
/// loads and D3 or Cytoscape.js can use. Links are listed under both `edges` (NetworkX 3.4
/// and later) and `links` (earlier NetworkX, D3).
public enum NodeLinkJSONExporter {
    public static func format(_ graph: ConceptGraph) -> [UInt8] {
        ByteSink.collect { (sink: inout ByteSink) throws(GlossGraphError) in try write(graph, to: &sink) }
    }

    /// Writes the graph into `sink` as it goes.
    ///
    /// - Throws: `GlossGraphError` `.writeFailed` from the sink.
    public static func write(_ graph: ConceptGraph, to sink: inout ByteSink) throws(GlossGraphError) {
        try write(
            graphAttributes: GraphAttributes.graph(graph.metadata),
            nodeCount: graph.nodes.count, nodeID: { graph.nodes[$0].concept.id }, nodeAttributes: { GraphAttributes.node(graph.nodes[$0]) },
            edgeCount: graph.edges.count,
            edgeEnds: { (graph.nodes[graph.edges[$0].source].concept.id, graph.nodes[graph.edges[$0].target].concept.id) },
            edgeAttributes: { GraphAttributes.edge(graph.edges[$0]) }, to: &sink)
    }

    /// Writes any undirected graph given by accessors, as `GraphMLExporter.write(toFile:…)`
    /// takes it.
    public static func format(
        graphAttributes: [(name: String, value: AttributeValue)],
        nodeCount: Int, nodeID: (Int) -> String, nodeAttributes: (Int) -> [(name: String, value: AttributeValue)],
        edgeCount: Int, edgeEnds: (Int) -> (String, String), edgeAttributes: (Int) -> [(name: String, value: AttributeValue)]
    ) -> [UInt8] {
        ByteSink.collect { (sink: inout ByteSink) throws(GlossGraphError) in
            try write(
                graphAttributes: graphAttributes, nodeCount: nodeCount, nodeID: nodeID, nodeAttributes: nodeAttributes, edgeCount: edgeCount,
                edgeEnds: edgeEnds, edgeAttributes: edgeAttributes, to: &sink)
        }
    }

    private static func write(
        graphAttributes: [(name: String, value: AttributeValue)],
        nodeCount: Int, nodeID: (Int) -> String, nodeAttributes: (Int) -> [(name: String, value: AttributeValue)],
        edgeCount: Int, edgeEnds: (Int) -> (String, String), edgeAttributes: (Int) -> [(name: String, value: AttributeValue)],
        to sink: inout ByteSink
    ) throws(GlossGraphError) {
        var json = JSONText()
        json.beginObject()
        json.key("directed"); json.bool(false)
        json.key("multigraph"); json.bool(false)
        json.key("graph")
        writeObject(graphAttributes, &json)
        json.key("nodes")
        json.beginArray()
        for index in 0..<nodeCount {
            json.newline()
            json.beginObject()
            json.key("id"); json.string(nodeID(index))
            writeMembers(nodeAttributes(index), &json)
            json.endObject()
            try json.drain(into: &sink)
        }
        json.endArray()
        for key in ["edges", "links"] {
            json.key(key)
            json.beginArray()
            for index in 0..<edgeCount {
                let (source, target) = edgeEnds(index)
                json.newline()
                json.beginObject()
                json.key("source"); json.string(source)
                json.key("target"); json.string(target)
                writeMembers(edgeAttributes(index), &json)
                json.endObject()
                try json.drain(into: &sink)
            }
            json.endArray()
        }
        json.endObject()
        json.newline()
        try json.drain(into: &sink)
        try sink.flush()
    }

    private static func writeObject(_ attributes: [(name: String, value: AttributeValue)], _ json: inout JSONText) {
        json.beginObject()
        writeMembers(attributes, &json)
        json.endObject()
    }

    private static func writeMembers(_ attributes: [(name: String, value: AttributeValue)], _ json: inout JSONText) {
        for attribute in attributes {
            json.key(attribute.name)
            switch attribute.value {
            case .string(let value): json.string(value)
            case .int(let value): json.int(value)
            case .double(let value): json.double(value)
            }
        }
    }
}

/// Writes `nodes.csv` and `edges.csv` with Gephi's spreadsheet headers (Id, Label; Source,
/// Target, Type, Id, Weight), the other attributes as further columns. Text cells that a
/// spreadsheet would read as a formula start with `'` (`SpreadsheetCell.inert`).
public enum GephiCSVExporter {
    public static func nodes(_ graph: ConceptGraph) -> [UInt8] {
        ByteSink.collect { (sink: inout ByteSink) throws(GlossGraphError) in try writeNodes(graph, to: &sink) }
    }

    public static func edges(_ graph: ConceptGraph) -> [UInt8] {
        ByteSink.collect { (sink: inout ByteSink) throws(GlossGraphError) in try writeEdges(graph, to: &sink) }
    }

    /// Writes the nodes table into `sink` a row at a time.
    ///
    /// - Throws: `GlossGraphError` `.writeFailed` from the sink.
    public static func writeNodes(_ graph: ConceptGraph, to sink: inout ByteSink) throws(GlossGraphError) {
        if graph.nodes.isEmpty { append(["Id", "Label"], to: &sink) }
        for (index, node) in graph.nodes.enumerated() {
            let attributes = GraphAttributes.node(node).filter { $0.name != "label" }
            if index == 0 { append(["Id", "Label"] + attributes.map(\.name), to: &sink) }
            append([node.concept.id, node.concept.bilingualLabel].map(SpreadsheetCell.inert) + attributes.map(\.value.cell), to: &sink)
            try sink.flushIfFull()
        }
        try sink.flush()
    }

    /// Writes the edges table into `sink` a row at a time.
    ///
    /// - Throws: `GlossGraphError` `.writeFailed` from the sink.
    public static func writeEdges(_ graph: ConceptGraph, to sink: inout ByteSink) throws(GlossGraphError) {
        if graph.edges.isEmpty { append(["Source", "Target", "Type", "Id", "Weight"], to: &sink) }
        for (index, edge) in graph.edges.enumerated() {
            let attributes = GraphAttributes.edge(edge).filter { $0.name != "weight" }
            if index == 0 { append(["Source", "Target", "Type", "Id", "Weight"] + attributes.map(\.name), to: &sink) }
            append(
                [graph.nodes[edge.source].concept.id, graph.nodes[edge.target].concept.id].map(SpreadsheetCell.inert)
                    + ["Undirected", "e\(index)", AttributeValue.double(edge.weight).text] + attributes.map(\.value.cell), to: &sink)
            try sink.flushIfFull()
        }
        try sink.flush()
    }

    private static func append(_ row: [String], to output: inout ByteSink) {
        for (column, cell) in row.enumerated() {
            if column > 0 { output.append(UInt8(ascii: ",")) }
            if needsQuotes(cell) {
                output.append(UInt8(ascii: "\""))
                for byte in cell.utf8 {
                    if byte == UInt8(ascii: "\"") { output.append(byte) }
                    output.append(byte)
                }
                output.append(UInt8(ascii: "\""))
            } else {
                output.append(contentsOf: cell.utf8)
            }
        }
        output.append(0x0A)
    }

    /// Whether a cell holds a comma, a quote or a line break (`Character.isNewline`); decided
    /// on bytes, since support cells are long, and by Characters only when a byte could start
    /// a line break that is not ASCII (U+0085, U+2028, U+2029).
    private static func needsQuotes(_ cell: String) -> Bool {
        var mayHaveOtherBreak = false
        for byte in cell.utf8 {
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: "\""), 0x0A...0x0D: return true
            case 0xC2, 0xE2: mayHaveOtherBreak = true
            default: break
            }
        }
        return mayHaveOtherBreak && cell.contains(where: \.isNewline)
    }
}

extension AttributeValue {
    /// The value as a CSV cell: numbers as they are, text made inert (`SpreadsheetCell`).
    fileprivate var cell: String {
        if case .string(let text) = self { return SpreadsheetCell.inert(text) }
        return self.text
    }
}
