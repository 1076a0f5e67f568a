import Foundation
import Testing

@testable import GlossGraph
@testable import GlossGraphCounting
@testable import GlossGraphExport
@testable import GlossGraphExtraction
@testable import GlossGraphGlossary
@testable import GlossGraphGraph
@testable import GlossGraphText

/// Runs ../shared/tools/check-exports, the real clients (xmllint with the GraphML schema,
/// NetworkX, igraph, Graphviz), on files.
enum CheckExports {
    static let tool = TestPaths.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/tools/check-exports").path
    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: tool) }

    static func run(_ files: [String], schema: String? = nil) throws -> CommandResult {
        try runTool((schema.map { ["GRAPHML_XSD=\($0)"] } ?? []) + ["bash", tool] + files)
    }
}

/// Runs a program found through `env` (with `NAME=value` settings first), output and errors
/// together in `stdout`.
func runTool(_ arguments: [String], in directory: URL? = nil) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self), stderr: "")
}

/// The official GraphML schema extended the way GraphML provides for (redefining
/// `data-extension.type` and `key.extra.attrib`) to admit yEd's graphics: any element in the
/// yWorks namespace inside `<data>`, and `yfiles.type` on `<key>`. It is made from
/// ../shared/schemas at test time in `folder`; returns the path of its entry point.
func yEdExtendedGraphMLSchema(in folder: URL) throws -> String {
    let shared = CheckExports.tool.replacingOccurrences(of: "tools/check-exports", with: "schemas/graphml")
    let target = folder.appendingPathComponent("graphml-yed")
    try FileManager.default.copyItem(atPath: shared, toPath: target.path)
    let entry = target.appendingPathComponent("graphml.xsd")
    var schema = try String(contentsOf: entry, encoding: .utf8)
    schema = schema.replacingOccurrences(
        of: "<xs:attributeGroup ref=\"key.attributes.attrib\"/>",
        with: "<xs:attributeGroup ref=\"key.attributes.attrib\"/><xs:attribute name=\"yfiles.type\" type=\"xs:NMTOKEN\"/>")
    schema = schema.replacingOccurrences(
        of: "</xs:redefine>",
        with: """
            <xs:complexType name="data-extension.type" mixed="true"><xs:complexContent><xs:extension base="data-extension.type">
            <xs:sequence><xs:any namespace="http://www.yworks.com/xml/graphml" processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
            </xs:extension></xs:complexContent></xs:complexType></xs:redefine>
            """)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target.path)
    for file in try FileManager.default.contentsOfDirectory(atPath: target.path) {
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: target.appendingPathComponent(file).path)
    }
    try schema.write(to: entry, atomically: true, encoding: .utf8)
    return entry.path
}

/// Runs a Python snippet with the file as argument; returns its output.
func python(_ code: String, _ arguments: [String]) throws -> CommandResult {
    try runTool(["python3", "-c", code] + arguments)
}

@Suite("Exporters read back by real clients", .enabled(if: CheckExports.isAvailable, "../shared/tools/check-exports is absent; skipping"))
struct ExporterTests {
    static func hostileGraph() -> ConceptGraph { ExporterStructureTests.hostileGraph() }
    static var hostileGlossary: Glossary { ExporterStructureTests.hostileGlossary }

    @Test("names with quotes, backslashes, markup, newlines, control characters, emoji and DOT keywords pass check-exports")
    func hostileNames() throws {
        let graph = Self.hostileGraph()
        #expect(graph.nodes.count == 8)
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let graphml = folder.appendingPathComponent("hostile.graphml").path
        let dot = folder.appendingPathComponent("hostile.dot").path
        try Data(try GraphMLExporter.format(graph)).write(to: URL(fileURLWithPath: graphml))
        try Data(DOTExporter.format(graph)).write(to: URL(fileURLWithPath: dot))
        let result = try CheckExports.run([graphml, dot])
        #expect(result.status == 0, "\(result.stdout)")
        // The names come back through a real reader, control characters made XML-safe.
        let readBack = try python(
            "import sys, networkx as nx; G = nx.read_graphml(sys.argv[1]); print('\\n'.join(repr(G.nodes[n]['zh']) for n in sorted(G)))",
            [graphml])
        #expect(readBack.stdout.contains("'控制字符'"), "\(readBack.stdout)")
        #expect(readBack.stdout.contains("'<标签>&amp;'"), "\(readBack.stdout)")
        #expect(readBack.stdout.contains("'引号\"和\\\\反斜杠'"), "\(readBack.stdout)")
        #expect(readBack.stdout.contains("'换\\n行'"), "\(readBack.stdout)")
    }

    @Test("JSON loads with nx.node_link_graph; CSV has Gephi's headers")
    func jsonAndCSV() throws {
        let graph = Self.hostileGraph()
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("g.json").path
        try Data(NodeLinkJSONExporter.format(graph)).write(to: URL(fileURLWithPath: json))
        let loaded = try python(
            "import sys, json, networkx as nx; G = nx.node_link_graph(json.load(open(sys.argv[1]))); print(G.number_of_nodes(), G.number_of_edges(), G.graph['weight_measure'], G.nodes['quotes']['zh'])",
            [json])
        #expect(loaded.status == 0, "\(loaded.stdout)")
        #expect(loaded.stdout == "8 \(graph.edges.count) jaccard 引号\"和\\反斜杠\n")
        let nodes = String(decoding: GephiCSVExporter.nodes(graph), as: UTF8.self)
        let edges = String(decoding: GephiCSVExporter.edges(graph), as: UTF8.self)
        #expect(nodes.hasPrefix("Id,Label,name,zh,en,abbreviations,category,source,units,mentions,"))
        #expect(edges.hasPrefix("Source,Target,Type,Id,Weight,count,jaccard,"))
        #expect(edges.split(separator: "\n")[1].contains(",Undirected,e0,"))
        // Quotes, commas and line breaks of every kind come back through Python's csv reader.
        let nodesFile = folder.appendingPathComponent("nodes.csv").path
        try Data(GephiCSVExporter.nodes(graph)).write(to: URL(fileURLWithPath: nodesFile))
        let rows = try python(
            "import sys, csv, json; print(json.dumps(sorted([r['Id'], r['zh'], r['speakers']] for r in csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))))",
            [nodesFile])
        let expected = graph.nodes.map { [$0.concept.id, $0.concept.zh, GraphAttributes.node($0).first { $0.name == "speakers" }!.value.text] }
            .sorted { $0.lexicographicallyPrecedes($1) }
        let decoded = try JSONDecoder().decode([[String]].self, from: Data(rows.stdout.utf8))
        #expect(decoded == expected, "\(rows.stdout)")
    }
}

/// What the exporters write, checked in Swift: these need no outside client, so they run
/// everywhere (a user's clone without ../shared included).
@Suite("Exporters' structure")
struct ExporterStructureTests {
    /// A glossary whose names hold everything that breaks naive exporters.
    static let hostileGlossary = try! Glossary(concepts: [
        Concept(id: "quotes", category: "x", zh: "引号\"和\\反斜杠", en: "say \"hi\" \\ back"),
        Concept(id: "markup", category: "x", zh: "<标签>&amp;", en: "a < b & c > d"),
        Concept(id: "newline", category: "x", zh: "换\n行", en: "line\nbreak"),
        Concept(id: "control", category: "x", zh: "控制\u{1}字符\u{7F}", en: "bell\u{7}tab\tend"),
        Concept(id: "emoji", category: "x", zh: "表情😀,\u{2028}分隔", en: "rocket 🚀 ZWJ 👩‍🔬"),
        Concept(id: "node", category: "x", zh: "node", en: "graph"),
        Concept(id: "edge", category: "x", zh: "edge", en: "strict digraph subgraph"),
        Concept(id: "escapes", category: "x", zh: "\\N \\G \\l", en: "{record|field}"),
    ])

    static func hostileGraph() -> ConceptGraph {
        var tally = CooccurrenceTally(conceptCount: hostileGlossary.concepts.count)
        for index in 0..<6 {
            let members = (0..<hostileGlossary.concepts.count).filter { ($0 + index) % 3 != 0 }
            tally.add(
                members.enumerated().map { TermMatch(range: $0.offset..<($0.offset + 1), concept: $0.element, pattern: 0) },
                speaker: "说\"话\"人", reference: UnitReference(file: "f<&>\"", turn: index + 1, line: index + 1),
                position: { _ in (index + 1, 1) })
        }
        let counter = tally.counts()
        var options = GraphOptions()
        options.links = .all
        let metadata = GraphMetadata(sourceFiles: ["f<&>\""], glossaryFiles: ["g\u{1}"], unit: "turn", weightMeasure: .jaccard, unitCount: 6)
        return GraphBuilder.build(counts: counter, glossary: hostileGlossary, options: options, metadata: metadata)
    }

    @Test("GraphML declares every key before the graph, ids equal to names, allowed types only")
    func graphMLStructure() throws {
        let text = String(decoding: try GraphMLExporter.format(Self.hostileGraph()), as: UTF8.self)
        let keysEnd = try #require(text.range(of: "<graph "))
        let head = String(text[..<keysEnd.lowerBound])
        let keyLines = head.split(separator: "\n").filter { $0.contains("<key ") }
        #expect(keyLines.count == 6 + 15 + 7)
        for line in keyLines {
            let id = try #require(line.firstMatch(of: /id="([^"]+)"/)).1
            let name = try #require(line.firstMatch(of: /attr.name="([^"]+)"/)).1
            let type = try #require(line.firstMatch(of: /attr.type="([^"]+)"/)).1
            #expect(id == name)
            #expect(["int", "long", "float", "double", "boolean", "string"].contains(String(type)))
        }
        #expect(!text[keysEnd.lowerBound...].contains("<key "))
        #expect(text.contains("edgedefault=\"undirected\""))
        #expect(text.contains("<edge id=\"e0\""))
        #expect(!text.contains("\u{1}"))
    }

    @Test("DOT quotes and escapes every string and names a CJK font on every default")
    func dotText() {
        let text = String(decoding: DOTExporter.format(Self.hostileGraph()), as: UTF8.self)
        #expect(text.contains("graph [charset=\"UTF-8\""))
        #expect(text.contains("node [fontname=\"Noto Sans CJK SC\""))
        #expect(text.contains("edge [fontname=\"Noto Sans CJK SC\""))
        #expect(text.contains("label=\"引号\\\"和\\\\反斜杠\\nsay \\\"hi\\\" \\\\ back\""))
        #expect(text.contains("label=\"node\\ngraph\""))
        #expect(!text.contains("\u{1}") && !text.contains("\u{7}"))
        #expect(DOTExporter.quoted("a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"")
    }

    @Test("the drawing's title counts one unit, concept or link in the singular")
    func titleSingular() throws {
        let glossary = try Glossary(concepts: [
            Concept(id: "glaze", category: "x", zh: "釉料", en: "glaze"), Concept(id: "cone", category: "x", zh: "测温锥", en: "pyrometric cone"),
        ])
        var tally = CooccurrenceTally(conceptCount: 2)
        tally.add(
            [TermMatch(range: 0..<2, concept: 0, pattern: 0), TermMatch(range: 3..<6, concept: 1, pattern: 0)],
            speaker: nil, reference: UnitReference(file: "kiln.srt", turn: 1, line: 3), position: { _ in (3, 1) })
        var options = GraphOptions()
        options.links = .all
        (options.minFrequency, options.minPairCount) = (1, 1)
        let metadata = GraphMetadata(sourceFiles: ["kiln.srt"], glossaryFiles: [], unit: "turn", weightMeasure: .association, unitCount: 1)
        let graph = GraphBuilder.build(counts: tally.counts(), glossary: glossary, options: options, metadata: metadata)
        #expect(graph.edges.count == 1)
        #expect(DOTExporter.title(graph) == "kiln.srt · 1 turn · weight: association strength (VOSviewer) · 2 concepts, 1 link")
    }

    @Test("exports of the same input are byte-identical")
    func deterministic() throws {
        #expect(try GraphMLExporter.format(Self.hostileGraph()) == GraphMLExporter.format(Self.hostileGraph()))
        #expect(DOTExporter.format(Self.hostileGraph()) == DOTExporter.format(Self.hostileGraph()))
        #expect(NodeLinkJSONExporter.format(Self.hostileGraph()) == NodeLinkJSONExporter.format(Self.hostileGraph()))
    }
}
