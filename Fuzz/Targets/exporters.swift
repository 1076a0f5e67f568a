import CGraph
import CLibXML2

// The exporters: any names and texts give GraphML that libxml2 parses back with the same
// (XML-safe) names, and DOT that Graphviz's own parser accepts.
func fuzzOne(_ bytes: [UInt8]) {
    let parts = fuzzParts(bytes, maxParts: 12).filter { !$0.isEmpty }
    guard parts.count >= 2 else { return }
    var concepts: [Concept] = []
    for (index, part) in parts.enumerated() {
        concepts.append(Concept(id: "c\(index)", category: part, zh: part, en: "e\(index) \(part)"))
    }
    var counter = CooccurrenceCounter(conceptCount: concepts.count)
    for unit in 0..<3 {
        counter.add(
            concepts: concepts.indices.map { ($0, 1, MentionLocation(file: parts[unit % parts.count], line: 1, column: 1)) },
            reference: UnitReference(file: parts[0], turn: unit + 1, line: unit + 1), speaker: parts.last)
    }
    guard let glossary = try? Glossary(concepts: concepts) else { return }  // names that collide
    var options = GraphOptions()
    options.topEdges = nil
    let metadata = GraphMetadata(sourceFiles: parts, glossaryFiles: ["g"], unit: "turn", weightMeasure: .jaccard, unitCount: 3)
    let graph = GraphBuilder.build(counts: counter, glossary: glossary, options: options, metadata: metadata)

    let graphML = try! GraphMLExporter.format(graph, options: .init(yEd: bytes.count % 2 == 0))
    let document = graphML.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { xmlReadMemory($0.baseAddress, Int32($0.count), "fuzz.graphml", "UTF-8", Int32(XML_PARSE_NONET.rawValue)) }
    }
    guard let document else { fatalError("libxml2 cannot parse our GraphML for \(parts.debugDescription)") }
    var labels: [String] = []
    var stack: [xmlNodePtr] = [xmlDocGetRootElement(document)]
    while let node = stack.popLast() {
        if node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name, String(cString: name) == "data",
            let key = xmlGetProp(node, "key")
        {
            if String(cString: key) == "zh", let content = xmlNodeGetContent(node) {
                labels.append(String(cString: content))
                glossgraph_xml_free(content)
            }
            glossgraph_xml_free(key)
        }
        var child = node.pointee.children
        while let current = child {
            stack.append(current)
            child = current.pointee.next
        }
    }
    xmlFreeDoc(document)
    let expected = graph.nodes.map { XMLText.safe($0.concept.zh) }
    precondition(labels.sorted() == expected.sorted(), "GraphML names differ after parsing: \(labels) vs \(expected)")

    let dot = DOTExporter.format(graph)
    let parsed = dot.withUnsafeBufferPointer { buffer -> UnsafeMutablePointer<Agraph_t>? in
        var text = Array(buffer) + [0]
        return text.withUnsafeMutableBufferPointer { agmemread(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) }
    }
    guard let parsed else { fatalError("Graphviz rejects our DOT for \(parts.debugDescription)") }
    precondition(agnnodes(parsed) == Int32(graph.nodes.count), "Graphviz node count")
    agclose(parsed)
}
