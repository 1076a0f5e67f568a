import Foundation
import Testing

@testable import GlossGraph
@testable import GlossGraphCounting
@testable import GlossGraphExport
@testable import GlossGraphExtraction
@testable import GlossGraphGlossary
@testable import GlossGraphGraph
@testable import GlossGraphReading
@testable import GlossGraphText

@Suite("Co-occurrence counts, edge measures, pruning and node measures")
struct GraphBuilderTests {
    static let glossary = try! Glossary(concepts: ["a", "b", "c", "d", "e"].map {
        Concept(id: $0, category: "x", zh: "", en: "concept \($0)")
    })

    /// Counts units given as lists of concept indices.
    static func counts(_ units: [[Int]]) -> CooccurrenceCounts {
        var tally = CooccurrenceTally(conceptCount: glossary.concepts.count)
        for (index, concepts) in units.enumerated() {
            tally.add(
                concepts.enumerated().map { TermMatch(range: $0.offset..<($0.offset + 1), concept: $0.element, pattern: 0) },
                speaker: index % 2 == 0 ? "甲" : "乙", reference: UnitReference(file: "f", turn: index + 1, line: index + 1),
                position: { _ in (index + 1, 1) })
        }
        return tally.counts()
    }

    static func build(_ units: [[Int]], _ configure: (inout GraphOptions) -> Void = { _ in }) -> ConceptGraph {
        var options = GraphOptions()
        options.minFrequency = 1
        options.minPairCount = 1
        configure(&options)
        let metadata = GraphMetadata(sourceFiles: ["f"], glossaryFiles: ["g"], unit: "turn", weightMeasure: options.weight, unitCount: units.count)
        return GraphBuilder.build(counts: counts(units), glossary: glossary, options: options, metadata: metadata)
    }

    @Test("a pair counts once per unit; measures follow their definitions")
    func measures() throws {
        // a in 3 units, b in 2, together in 2, of 4 units.
        let graph = Self.build([[0, 1], [0, 1], [0], [2]])
        #expect(graph.nodes.map(\.concept.id) == ["a", "b"])
        let edge = try #require(graph.edges.first)
        #expect(graph.edges.count == 1)
        #expect(edge.count == 2)
        #expect(edge.jaccard == 2.0 / 3.0)
        #expect(edge.dice == 0.8)
        #expect(abs(edge.npmi - log(0.5 / (0.75 * 0.5)) / -log(0.5)) < 1e-12)
        #expect(edge.association == 4.0 * 2 / (3 * 2))
        #expect(edge.weight == edge.association)
        #expect(edge.support == [UnitReference(file: "f", turn: 1, line: 1), UnitReference(file: "f", turn: 2, line: 2)])
        #expect(GraphAttributes.supportText(edge) == "f: 1@L1 2@L2")
        let a = graph.nodes[0]
        #expect(a.units == 3 && a.mentions == 3)
        #expect(a.speakers.map(\.name) == ["甲", "乙"])
        #expect(a.firstMention == MentionLocation(file: "f", line: 1, column: 1))
    }

    @Test("frequency and pair-count filters, top-N, threshold and isolated nodes")
    func pruning() {
        let units = [[0, 1], [0, 1], [0, 2], [3], [3], [1, 2]]
        #expect(Self.build(units) { $0.minPairCount = 2 }.edges.count == 1)
        #expect(Self.build(units) { $0.minFrequency = 2 }.nodes.map(\.concept.id) == ["a", "b", "c"])
        #expect(Self.build(units) { $0.links = .strongest(1); $0.backbone = false }.edges.map(\.count) == [2])
        #expect(Self.build(units) { $0.threshold = 0.5; $0.weight = .jaccard }.edges.count == 1)
        #expect(!Self.build(units).nodes.contains { $0.concept.id == "d" })
        #expect(Self.build(units) { $0.keepIsolated = true }.nodes.contains { $0.concept.id == "d" })
    }

    @Test("the backbone is a maximum spanning forest")
    func backbone() {
        // A triangle a–b (strong), b–c, a–c: the backbone drops the weakest link.
        let units = [[0, 1], [0, 1], [0, 1], [1, 2], [1, 2], [0, 2], [0], [2], [2]]
        let graph = Self.build(units) { $0.links = .strongest(1) }
        #expect(graph.edges.count == 2)
        #expect(graph.edges.map { "\(graph.nodes[$0.source].concept.id)-\(graph.nodes[$0.target].concept.id)" } == ["a-b", "b-c"])
    }

    @Test("PageRank sums to one and favours the hub; betweenness as NetworkX computes it")
    func nodeMeasures() {
        // A star: a in the middle of b, c, d.
        let graph = Self.build([[0, 1], [0, 2], [0, 3]])
        let total = graph.nodes.reduce(0) { $0 + $1.pageRank }
        #expect(abs(total - 1) < 1e-9)
        #expect(graph.nodes[0].pageRank > graph.nodes[1].pageRank)
        // NetworkX: betweenness_centrality(star with 4 nodes)[hub] == 1.0, leaves 0.
        #expect(abs(graph.nodes[0].betweenness - 1) < 1e-12)
        #expect(graph.nodes[1].betweenness == 0)
        #expect(graph.nodes[0].weightedDegree == 3 * graph.edges[0].weight)
    }

    /// Before, exact betweenness on 48,710 concepts and 147,008 links took 258 s.
    @Test("betweenness of a large graph is estimated from a sample of sources, close to exact, and says so")
    func sampledBetweenness() {
        // Two stars of 1,500 leaves whose hubs are joined: each hub lies on about half the
        // shortest paths; a path node between them on the rest. Exact values from Brandes.
        let leaves = 1500
        var adjacency = [[(node: Int, weight: Double)]](repeating: [], count: 2 * leaves + 3)
        func link(_ a: Int, _ b: Int) {
            adjacency[a].append((b, 1))
            adjacency[b].append((a, 1))
        }
        let (hubA, hubB, middle) = (2 * leaves, 2 * leaves + 1, 2 * leaves + 2)
        for leaf in 0..<leaves {
            link(leaf, hubA)
            link(leaves + leaf, hubB)
        }
        link(hubA, middle)
        link(middle, hubB)
        for index in adjacency.indices { adjacency[index].sort { $0.node < $1.node } }
        let exact = NetworkMeasures.betweenness(adjacency)
        let estimate = NetworkMeasures.betweenness(adjacency, sources: NetworkMeasures.betweennessSampleSize)
        for node in [hubA, hubB, middle] {
            #expect(abs(estimate[node] - exact[node]) < 0.05 * exact[node], "node \(node): \(estimate[node]) against \(exact[node])")
        }
        #expect(estimate[0] == 0)
        #expect(adjacency.count > NetworkMeasures.betweennessExactLimit)
        var graph = ConceptGraph(
            nodes: [], edges: [],
            metadata: GraphMetadata(sourceFiles: [], glossaryFiles: [], unit: "turn", weightMeasure: .count, unitCount: 0))
        NetworkMeasures.annotate(&graph)
        #expect(graph.metadata.betweennessEstimate == nil)
        #expect(!GraphAttributes.graph(graph.metadata).contains { $0.name == "betweenness_estimate" })
        graph.metadata.betweennessEstimate = "from 1000 of 3003 nodes as sources (Brandes and Pich 2007)"
        #expect(GraphAttributes.graph(graph.metadata).contains { $0.name == "betweenness_estimate" })
    }

    @Test("Louvain separates two groups, numbering the larger first, the same on every run")
    func communities() {
        // a–b–c together often; d–e together; one weak a–d link.
        let units = [[0, 1, 2], [0, 1, 2], [0, 1], [1, 2], [3, 4], [3, 4], [0, 3]]
        let first = Self.build(units) { $0.weight = .count }
        let second = Self.build(units) { $0.weight = .count }
        #expect(first.nodes.map(\.community) == [0, 0, 0, 1, 1])
        #expect(first.nodes.map(\.community) == second.nodes.map(\.community))
    }

    @Test("a window of turns is one unit; speakers still get their own mentions")
    func windows() throws {
        let glossary = try Glossary(concepts: [
            Concept(id: "x", category: "c", zh: "甲概念", en: ""), Concept(id: "y", category: "c", zh: "乙概念", en: ""),
        ])
        let units = ["甲概念", "乙概念", "甲概念", "没有"].enumerated().map {
            TranscriptUnit(file: "f", index: $0.offset + 1, kind: .turn, speaker: $0.offset % 2 == 0 ? "A" : "B", text: $0.element, lineStart: $0.offset + 1, lineEnd: $0.offset + 1)
        }
        let transcript = Transcript(file: "f", format: .markdown, units: units, notices: [])
        let extractor = ConceptExtractor(glossary: glossary)
        let byTurn = CorpusCounting.count([transcript], extractor: extractor)
        #expect(byTurn.unitCount == 4 && byTurn.pairs.isEmpty)
        let byWindow = CorpusCounting.count([transcript], extractor: extractor, settings: CountingSettings(window: 2))
        #expect(byWindow.unitCount == 2)
        #expect(byWindow.pairs.values.map(\.count) == [1])
        #expect(byWindow.concepts[0].units == 2 && byWindow.concepts[0].mentions == 2)
        #expect(byWindow.concepts[0].speakerMentions == ["A": 2])
        #expect(byWindow.concepts[1].speakerMentions == ["B": 1])
    }
}
