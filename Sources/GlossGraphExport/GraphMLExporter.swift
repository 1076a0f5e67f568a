import GlossGraphGraph
import GlossGraphText

/// Writes the concept graph as GraphML through libxml2's xmlTextWriter, the way Gephi, yEd,
/// Cytoscape, NetworkX and igraph read it: every `<key>` declared before the graph with
/// `attr.name` and `attr.type`, key ids equal to the attribute names, every edge with an id,
/// `edgedefault="undirected"`.
public enum GraphMLExporter {
    public struct Options: Sendable {
        /// Add yEd's node graphics (shape, size by frequency, fill by community, label).
        public var yEd = false
        /// Indent the XML; nil indents graphs small enough to be read by people.
        public var indent: Bool?

        public init(yEd: Bool = false, indent: Bool? = nil) {
            self.yEd = yEd
            self.indent = indent
        }
    }

    static let namespace = "http://graphml.graphdrawing.org/xmlns"

    /// Graphs with more nodes and edges than this are written without indentation, which
    /// adds a fifth to the size and time of a large file and helps nobody read it.
    public static let indentationLimit = 10_000

    static func indents(_ requested: Bool?, elements: Int) -> Bool {
        requested ?? (elements <= indentationLimit)
    }
    static let yWorksNamespace = "http://www.yworks.com/xml/graphml"

    public static func format(_ graph: ConceptGraph, options: Options = Options()) throws(GlossGraphError) -> [UInt8] {
        try write(graph, to: XMLWriter(indent: indents(options.indent, elements: graph.nodes.count + graph.edges.count), what: "GraphML"), options: options)
    }

    /// Writes the graph into `sink`, streaming it through libxml2 when the sink has a file.
    ///
    /// - Throws: `GlossGraphError` when libxml2 or the sink fails.
    public static func write(_ graph: ConceptGraph, to sink: inout ByteSink, options: Options = Options()) throws(GlossGraphError) {
        let indent = indents(options.indent, elements: graph.nodes.count + graph.edges.count)
        guard let descriptor = sink.descriptor else {
            sink.append(contentsOf: try write(graph, to: XMLWriter(indent: indent, what: "GraphML"), options: options))
            return
        }
        try sink.flush()
        try write(graph, to: XMLWriter(fileDescriptor: descriptor, indent: indent, what: "GraphML"), options: options)
    }

    /// Writes the graph to a file atomically, streaming it through libxml2.
    public static func write(_ graph: ConceptGraph, toFile path: String, options: Options = Options()) throws(GlossGraphError) {
        try AtomicFile.write(to: path) { descriptor throws(GlossGraphError) in
            let indent = indents(options.indent, elements: graph.nodes.count + graph.edges.count)
            try write(graph, to: XMLWriter(fileDescriptor: descriptor, indent: indent, what: "GraphML"), options: options)
        }
    }

    @discardableResult
    private static func write(_ graph: ConceptGraph, to xml: XMLWriter, options: Options) throws(GlossGraphError) -> [UInt8] {
        let maxUnits = graph.nodes.map(\.units).max() ?? 1
        // yEd opens files as they are, so the nodes need places.
        let positions = options.yEd ? ForceLayout.positions(graph) : []
        let yEdGraphics: ((Int, XMLWriter) throws(GlossGraphError) -> Void)? =
            options.yEd
            ? { (index: Int, xml: XMLWriter) throws(GlossGraphError) in
                try writeYEdGraphics(graph.nodes[index], at: positions[index], maxUnits: maxUnits, xml)
            } : nil
        return try write(
            to: xml, graphAttributes: GraphAttributes.graph(graph.metadata),
            nodeCount: graph.nodes.count, nodeID: { graph.nodes[$0].concept.id }, nodeAttributes: { GraphAttributes.node(graph.nodes[$0]) },
            edgeCount: graph.edges.count,
            edgeEnds: { (graph.nodes[graph.edges[$0].source].concept.id, graph.nodes[graph.edges[$0].target].concept.id) },
            edgeAttributes: { GraphAttributes.edge(graph.edges[$0]) }, yEdGraphics: yEdGraphics)
    }

    /// Writes any undirected graph given by accessors to a file, atomically and streaming.
    /// Attribute types are taken from the first node and the first edge, which all others
    /// must share.
    public static func write(
        toFile path: String, graphAttributes: [(name: String, value: AttributeValue)],
        nodeCount: Int, nodeID: (Int) -> String, nodeAttributes: (Int) -> [(name: String, value: AttributeValue)],
        edgeCount: Int, edgeEnds: (Int) -> (String, String), edgeAttributes: (Int) -> [(name: String, value: AttributeValue)],
        indent: Bool? = nil
    ) throws(GlossGraphError) {
        try AtomicFile.write(to: path) { descriptor throws(GlossGraphError) in
            let indent = indents(indent, elements: nodeCount + edgeCount)
            try write(
                to: XMLWriter(fileDescriptor: descriptor, indent: indent, what: "GraphML"), graphAttributes: graphAttributes,
                nodeCount: nodeCount, nodeID: nodeID, nodeAttributes: nodeAttributes, edgeCount: edgeCount, edgeEnds: edgeEnds,
                edgeAttributes: edgeAttributes, yEdGraphics: nil)
        }
    }

    @discardableResult
    private static func write(
        to xml: XMLWriter, graphAttributes: [(name: String, value: AttributeValue)],
        nodeCount: Int, nodeID: (Int) -> String, nodeAttributes: (Int) -> [(name: String, value: AttributeValue)],
        edgeCount: Int, edgeEnds: (Int) -> (String, String), edgeAttributes: (Int) -> [(name: String, value: AttributeValue)],
        yEdGraphics: ((Int, XMLWriter) throws(GlossGraphError) -> Void)?
    ) throws(GlossGraphError) -> [UInt8] {
        try xml.startDocument()
        try xml.startElement("graphml")
        try xml.attribute("xmlns", namespace)
        try xml.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        if yEdGraphics != nil { try xml.attribute("xmlns:y", yWorksNamespace) }
        try xml.attribute(
            "xsi:schemaLocation", "\(namespace) http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")

        // Keys first: every <key> must come before <graph>.
        try declareKeys(graphAttributes, for: "graph", xml)
        if nodeCount > 0 { try declareKeys(nodeAttributes(0), for: "node", xml) }
        if edgeCount > 0 { try declareKeys(edgeAttributes(0), for: "edge", xml) }
        if yEdGraphics != nil {
            try xml.startElement("key")
            try xml.attribute("id", "nodegraphics")
            try xml.attribute("for", "node")
            try xml.attribute("yfiles.type", "nodegraphics")
            try xml.endElement()
        }

        try xml.startElement("graph")
        try xml.attribute("id", "concept-map")
        try xml.attribute("edgedefault", "undirected")
        try writeData(graphAttributes, xml, depth: 2, lastChildren: nodeCount == 0 && edgeCount == 0)
        for index in 0..<nodeCount {
            try xml.startElement("node")
            try xml.attribute("id", nodeID(index))
            try writeData(nodeAttributes(index), xml, depth: 3)
            if let yEdGraphics { try yEdGraphics(index, xml) }
            try xml.endElement()
        }
        for index in 0..<edgeCount {
            let (source, target) = edgeEnds(index)
            try xml.startElement("edge")
            try xml.attribute("id", "e\(index)")
            try xml.attribute("source", source)
            try xml.attribute("target", target)
            try writeData(edgeAttributes(index), xml, depth: 3)
            try xml.endElement()
        }
        try xml.endElement()  // graph
        try xml.endElement()  // graphml
        return try xml.finish()
    }

    private static func declareKeys(_ attributes: [(name: String, value: AttributeValue)], for domain: String, _ xml: XMLWriter) throws(GlossGraphError) {
        for attribute in attributes {
            try xml.startElement("key")
            try xml.attribute("id", attribute.name)
            try xml.attribute("for", domain)
            try xml.attribute("attr.name", attribute.name)
            try xml.attribute("attr.type", attribute.value.graphMLType)
            try xml.endElement()
        }
    }

    /// The `<data>` children of an element at `depth` (graph 2, node and edge 3).
    private static func writeData(
        _ attributes: [(name: String, value: AttributeValue)], _ xml: XMLWriter, depth: Int, lastChildren: Bool = true
    ) throws(GlossGraphError) {
        // Attribute names are identifiers chosen in GraphAttributes, safe as key values.
        try xml.simpleElements("data", attribute: "key", attributes, depth: depth, lastChildren: lastChildren)
    }

    private static func writeYEdGraphics(
        _ node: ConceptNode, at center: (x: Double, y: Double), maxUnits: Int, _ xml: XMLWriter
    ) throws(GlossGraphError) {
        let scale = (Double(node.units) / Double(max(maxUnits, 1))).squareRoot()
        let fontSize = Int((11 + 13 * scale).rounded())
        let labelWidth = Double(TerminalText.displayWidth(node.concept.bilingualLabel))
        let width = max(60, labelWidth * Double(fontSize) * 0.62 + 24)
        let height = Double(fontSize) + 22
        try xml.startElement("data")
        try xml.attribute("key", "nodegraphics")
        try xml.startElement("y:ShapeNode")
        try xml.startElement("y:Geometry")
        try xml.attribute("x", JSONText.shortest((center.x - width / 2).rounded()))
        try xml.attribute("y", JSONText.shortest((center.y - height / 2).rounded()))
        try xml.attribute("width", JSONText.shortest(width.rounded()))
        try xml.attribute("height", JSONText.shortest(height.rounded()))
        try xml.endElement()
        try xml.startElement("y:Fill")
        try xml.attribute("color", CommunityPalette.color(node.community))
        try xml.attribute("transparent", "false")
        try xml.endElement()
        try xml.startElement("y:NodeLabel")
        try xml.attribute("fontSize", String(fontSize))
        try xml.attribute("fontFamily", DOTExporter.defaultFont)
        // NetworkX reads yEd's NodeLabel as the node's label, so it must equal `label`.
        try xml.text(node.concept.bilingualLabel)
        try xml.endElement()
        try xml.startElement("y:Shape")
        try xml.attribute("type", "roundrectangle")
        try xml.endElement()
        try xml.endElement()  // ShapeNode
        try xml.endElement()  // data
    }
}

/// Fill colours for communities: a qualitative palette, light enough for black labels.
public enum CommunityPalette {
    static let colors = [
        "#8DD3C7", "#FFFFB3", "#BEBADA", "#FB8072", "#80B1D3", "#FDB462", "#B3DE69", "#FCCDE5", "#BC80BD", "#CCEBC5",
        "#FFED6F", "#A6CEE3",
    ]

    /// The colour of community `number`; communities past the palette are grey.
    public static func color(_ number: Int) -> String {
        number >= 0 && number < colors.count ? colors[number] : "#D9D9D9"
    }
}
