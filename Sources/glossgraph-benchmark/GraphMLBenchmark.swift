import ArgumentParser
import Foundation
import GlossGraph

/// Measures GlossGraph's stages on synthetic data; a developer's tool, kept out of the
/// user's `glossgraph` command.
@main
struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossgraph-benchmark",
        abstract: "Measure GlossGraph's stages on synthetic data.",
        subcommands: [GraphMLWriting.self]
    )

    struct GraphMLWriting: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "graphml",
            abstract: "Write a synthetic graph (five attributes per node and edge) as GraphML and time it.",
            discussion: "--json also writes the same graph as node-link JSON, so NetworkX can write it for comparison."
        )

        @Option(name: .long, help: "Number of nodes.")
        var nodes: Int = 10_000

        @Option(name: .long, help: "Number of edges.")
        var edges: Int = 200_000

        @Option(name: .shortAndLong, help: "The GraphML file to write.")
        var output: String

        @Flag(inversion: .prefixedNo, help: "Indent the XML (default: as map does, only graphs of up to 10,000 nodes and edges).")
        var indent: Bool?

        @Option(name: .long, help: "Also write the graph as node-link JSON to this file (not timed).")
        var json: String?

        func validate() throws {
            if nodes < 2 || edges < 1 { throw ValidationError("--nodes must be at least 2 and --edges at least 1") }
            if edges > nodes * (nodes - 1) / 2 { throw ValidationError("--edges exceeds the number of node pairs") }
        }

        func run() throws {
            do {
                try measure()
            } catch {
                FileHandle.standardError.write(Data("\(error.description)\n".utf8))
                throw ExitCode(error.status.rawValue)
            }
        }

        private func measure() throws(GlossGraphError) {
            let graph = SyntheticGraph(nodes: nodes, edges: edges)
            let start = Date()
            try GraphMLExporter.write(
                toFile: output, graphAttributes: [("generator", .string("GlossGraph benchmark"))],
                nodeCount: graph.nodeCount, nodeID: graph.nodeID, nodeAttributes: graph.nodeAttributes,
                edgeCount: graph.edgeEnds.count, edgeEnds: { (graph.nodeID(graph.edgeEnds[$0].0), graph.nodeID(graph.edgeEnds[$0].1)) },
                edgeAttributes: graph.edgeAttributes, indent: indent)
            let seconds = Date().timeIntervalSince(start)
            let size = Double((try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0) / 1e6
            print(String(format: "graphml: %d nodes, %d edges, %.1f MB in %.3f s (%.0f MB/s), written to %@",
                         nodes, edges, size, seconds, size / seconds, output))
            if let json {
                try AtomicFile.write(
                    NodeLinkJSONExporter.format(
                        graphAttributes: [], nodeCount: graph.nodeCount, nodeID: graph.nodeID, nodeAttributes: graph.nodeAttributes,
                        edgeCount: graph.edgeEnds.count, edgeEnds: { (graph.nodeID(graph.edgeEnds[$0].0), graph.nodeID(graph.edgeEnds[$0].1)) },
                        edgeAttributes: graph.edgeAttributes),
                    to: json)
            }
        }
    }
}

/// A deterministic pseudo-random graph with five attributes per node and per edge.
struct SyntheticGraph {
    let nodeCount: Int
    let edgeEnds: [(Int, Int)]
    private let nodeIDs: [String]

    init(nodes: Int, edges: Int) {
        nodeCount = nodes
        var state: UInt64 = 0x5EED
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var seen = Set<UInt64>()
        var ends: [(Int, Int)] = []
        ends.reserveCapacity(edges)
        while ends.count < edges {
            let a = Int(next() % UInt64(nodes)), b = Int(next() % UInt64(nodes))
            guard a != b, seen.insert(UInt64(min(a, b)) << 32 | UInt64(max(a, b))).inserted else { continue }
            ends.append((min(a, b), max(a, b)))
        }
        edgeEnds = ends
        nodeIDs = (0..<nodes).map { "n\($0)" }
    }

    func nodeID(_ index: Int) -> String { nodeIDs[index] }

    func nodeAttributes(_ index: Int) -> [(name: String, value: AttributeValue)] {
        [
            ("label", .string("概念\(index) / concept \(index)")), ("zh", .string("概念\(index)")),
            ("turns", .int(index % 97 + 1)), ("pagerank", .double(1 / Double(index + 1))), ("community", .int(index % 12)),
        ]
    }

    func edgeAttributes(_ index: Int) -> [(name: String, value: AttributeValue)] {
        [
            ("weight", .double(Double(index % 1000) / 1000)), ("count", .int(index % 50 + 1)),
            ("jaccard", .double(Double(index % 777) / 777)), ("npmi", .double(Double(index % 333) / 333 - 0.5)),
            ("support", .string("talk.md: \(index % 174 + 1)@L\(index % 900 + 1)")),
        ]
    }
}
