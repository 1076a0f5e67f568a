/// Writes the concept graph as GraphML through libxml2's xmlTextWriter, the way Gephi, yEd,
/// Cytoscape, NetworkX and igraph read it: every `<key>` declared before the graph with
/// `attr.name` and `attr.type`, key ids equal to the attribute names, every edge with an id,
/// `edgedefault="undirected"`.
public enum GraphMLExporter {
    public struct Options: Sendable {
        /// Add yEd's node graphics (shape, size by frequency, fill by community, label).
        public var yEd = false
        public var indent = true

        public init(yEd: Bool = false, indent: Bool = true) {
            self.yEd = yEd
            self.indent = indent
        }
    }

    static let namespace = "http://graphml.graphdrawing.org/xmlns"
    static let yWorksNamespace = "http://www.yworks.com/xml/graphml"

    public static func format(_ graph: ConceptGraph, options: Options = Options()) throws(GlossGraphError) -> [UInt8] {
        let xml = try XMLWriter(indent: options.indent, what: "GraphML")
        try xml.startDocument()
        try xml.startElement("graphml")
        try xml.attribute("xmlns", namespace)
        try xml.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        if options.yEd { try xml.attribute("xmlns:y", yWorksNamespace) }
        try xml.attribute(
            "xsi:schemaLocation", "\(namespace) http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")

        // Keys first: their types come from the first node or edge, which all share.
        let graphAttributes = GraphAttributes.graph(graph.metadata)
        try declareKeys(graphAttributes, for: "graph", xml)
        if let first = graph.nodes.first { try declareKeys(GraphAttributes.node(first), for: "node", xml) }
        if let first = graph.edges.first { try declareKeys(GraphAttributes.edge(first), for: "edge", xml) }
        if options.yEd {
            try xml.startElement("key")
            try xml.attribute("id", "nodegraphics")
            try xml.attribute("for", "node")
            try xml.attribute("yfiles.type", "nodegraphics")
            try xml.endElement()
        }

        try xml.startElement("graph")
        try xml.attribute("id", "concept-map")
        try xml.attribute("edgedefault", "undirected")
        try writeData(graphAttributes, xml)
        let maxUnits = graph.nodes.map(\.units).max() ?? 1
        for node in graph.nodes {
            try xml.startElement("node")
            try xml.attribute("id", node.concept.id)
            try writeData(GraphAttributes.node(node), xml)
            if options.yEd { try writeYEdGraphics(node, maxUnits: maxUnits, xml) }
            try xml.endElement()
        }
        for (index, edge) in graph.edges.enumerated() {
            try xml.startElement("edge")
            try xml.attribute("id", "e\(index)")
            try xml.attribute("source", graph.nodes[edge.source].concept.id)
            try xml.attribute("target", graph.nodes[edge.target].concept.id)
            try writeData(GraphAttributes.edge(edge), xml)
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

    private static func writeData(_ attributes: [(name: String, value: AttributeValue)], _ xml: XMLWriter) throws(GlossGraphError) {
        for attribute in attributes {
            try xml.startElement("data")
            try xml.attribute("key", attribute.name)
            try xml.text(attribute.value.text)
            try xml.endElement()
        }
    }

    private static func writeYEdGraphics(_ node: ConceptNode, maxUnits: Int, _ xml: XMLWriter) throws(GlossGraphError) {
        let scale = (Double(node.units) / Double(max(maxUnits, 1))).squareRoot()
        let fontSize = Int((11 + 13 * scale).rounded())
        let labelWidth = Double(UnitListing.displayWidth(node.concept.bilingualLabel))
        let width = max(60, labelWidth * Double(fontSize) * 0.62 + 24)
        let height = Double(fontSize) + 22
        try xml.startElement("data")
        try xml.attribute("key", "nodegraphics")
        try xml.startElement("y:ShapeNode")
        try xml.startElement("y:Geometry")
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
