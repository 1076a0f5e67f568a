import Foundation
import Testing

@testable import GlossGraphExport
@testable import GlossGraphGlossary

/// The drawn map checked from Graphviz's own layout (`dot -Tjson`): what a reader sees.
@Suite("the drawn map: boxes apart, links visible, labels wrapped, a title and a legend")
struct MapDrawingTests {
    /// A box laid out by Graphviz, in points.
    struct Box {
        var id: Int
        var label: String
        var minX, minY, maxX, maxY: Double

        func contains(_ point: (Double, Double), inset: Double) -> Bool {
            point.0 > minX + inset && point.0 < maxX - inset && point.1 > minY + inset && point.1 < maxY - inset
        }
    }

    /// The layout of `dot`'s DOT text: node boxes, and each link's drawn curve sampled at
    /// 20 points per Bézier segment.
    static func layout(ofDOT dot: String) throws -> (boxes: [Box], links: [(tail: Int, head: Int, points: [(Double, Double)])]) {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("map.dot")
        let output = folder.appendingPathComponent("map.json")
        try Data(dot.utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["dot", "-Tjson", "-o", output.path, input.path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        var boxes: [Box] = []
        for object in json["objects"] as? [[String: Any]] ?? [] {
            guard let position = object["pos"] as? String, let width = Double(object["width"] as? String ?? ""),
                let height = Double(object["height"] as? String ?? "")
            else { continue }
            let xy = position.split(separator: ",").compactMap { Double($0) }
            let (w, h) = (width * 72, height * 72)
            boxes.append(Box(
                id: object["_gvid"] as! Int, label: object["label"] as? String ?? "", minX: xy[0] - w / 2, minY: xy[1] - h / 2,
                maxX: xy[0] + w / 2, maxY: xy[1] + h / 2))
        }
        var links: [(tail: Int, head: Int, points: [(Double, Double)])] = []
        for edge in json["edges"] as? [[String: Any]] ?? [] {
            var points: [(Double, Double)] = []
            for operation in edge["_draw_"] as? [[String: Any]] ?? [] where ["b", "B"].contains(operation["op"] as? String) {
                let control = (operation["points"] as? [[Double]] ?? []).map { ($0[0], $0[1]) }
                var start = 0
                while start + 3 < control.count {
                    let (p0, p1, p2, p3) = (control[start], control[start + 1], control[start + 2], control[start + 3])
                    for step in 0...20 {
                        let t = Double(step) / 20, u = 1 - t
                        let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
                        points.append((a * p0.0 + b * p1.0 + c * p2.0 + d * p3.0, a * p0.1 + b * p1.1 + c * p2.1 + d * p3.1))
                    }
                    start += 3
                }
            }
            links.append((edge["tail"] as! Int, edge["head"] as! Int, points))
        }
        return (boxes, links)
    }

    static let inputs: [String] = {
        var inputs = [TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path]
        if TestPaths.hasSharedCorpus { inputs.append(TestPaths.sharedTranscript) }
        return inputs
    }()

    @Test(
        "no two boxes overlap and no link runs under a box it does not join, in Graphviz's own layout",
        .enabled(if: Graphviz.isInstalled, "Graphviz is not installed (Scripts/install-deps installs it); skipping"),
        arguments: inputs)
    func layoutIsReadable(_ input: String) throws {
        let result = try CLI.run(["map", "-f", "dot", "-o", "-", input])
        try #require(result.status == 0, "\(result.stderr)")
        let (boxes, links) = try Self.layout(ofDOT: result.stdout)
        #expect(boxes.count >= 25)
        for (index, box) in boxes.enumerated() {
            for other in boxes[(index + 1)...] {
                let overlaps = box.minX < other.maxX && other.minX < box.maxX && box.minY < other.maxY && other.minY < box.maxY
                #expect(!overlaps, "\(box.label) overlaps \(other.label)")
            }
        }
        #expect(!links.isEmpty && links.allSatisfy { !$0.points.isEmpty })
        for link in links {
            for box in boxes where box.id != link.tail && box.id != link.head {
                #expect(!link.points.contains { box.contains($0, inset: 2) }, "a link runs under \(box.label)")
            }
        }
    }

    @Test(
        "the title names the input, unit, measure and size; the legend names each community by its most linked concepts",
        .enabled(if: Graphviz.isInstalled, "Graphviz is not installed (Scripts/install-deps installs it); skipping"))
    func titleAndLegend() throws {
        let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path
        let result = try CLI.run(["map", "-f", "json", "-o", "-", example])
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        let edges = try #require(json["edges"] as? [[String: Any]])
        let dot = try CLI.run(["map", "-f", "dot", "-o", "-", example]).stdout
        #expect(dot.contains("scaling-and-safety.md · 36 turns · weight: association strength (VOSviewer) · \(nodes.count) concepts, \(edges.count) links"))
        // The most linked concept of each community opens its legend line.
        var degree: [String: Int] = [:]
        for edge in edges {
            degree[edge["source"] as! String, default: 0] += 1
            degree[edge["target"] as! String, default: 0] += 1
        }
        let communities = Set(nodes.map { $0["community"] as! Int })
        for community in communities.sorted().prefix(DOTExporter.legendCommunities) {
            let members = nodes.filter { $0["community"] as! Int == community }
            let top = members.max {
                let (a, b) = (degree[$0["id"] as! String] ?? 0, degree[$1["id"] as! String] ?? 0)
                return a != b ? a < b : ($0["units"] as! Int) < ($1["units"] as! Int)
            }!
            let name = top["zh"] as? String ?? ""
            #expect(dot.contains("■■</font> \(name)"), "community \(community) should open with \(name)")
        }
        // Graphviz draws it with no complaint.
        let (boxes, _) = try Self.layout(ofDOT: dot)
        #expect(boxes.count == nodes.count)
    }

    @Test("--label zh, en or both picks the names in the boxes")
    func labelChoice() throws {
        let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path
        let zh = try CLI.run(["map", "--label", "zh", "-f", "dot", "-o", "-", example]).stdout
        let en = try CLI.run(["map", "--label", "en", "-f", "dot", "-o", "-", example]).stdout
        let both = try CLI.run(["map", "-f", "dot", "-o", "-", example]).stdout
        #expect(zh.contains("label=\"负责任扩展策略\""))
        #expect(en.contains("label=\"Responsible\\nScaling Policy\""))
        #expect(both.contains("label=\"负责任扩展策略\\nResponsible\\nScaling Policy\""))
        #expect(!zh.contains("Scaling Policy\"") && !en.contains("label=\"负责任扩展策略"))
    }

    @Test("long labels wrap at spaces and between CJK characters, into even lines")
    func wrapping() {
        #expect(DOTExporter.wrapped("基于人类反馈的强化学习", columns: 20) == "基于人类反馈\n的强化学习")
        #expect(DOTExporter.wrapped("chemical, biological, radiological and nuclear", columns: 20) == "chemical,\nbiological,\nradiological\nand nuclear")
        #expect(DOTExporter.wrapped("scaling law", columns: 20) == "scaling law")
        #expect(DOTExporter.wrapped("升级版Claude 3.5 Sonnet", columns: 20) == "升级版Claude\n3.5 Sonnet")
        // A word longer than a line stays whole.
        #expect(DOTExporter.wrapped("Supercalifragilisticexpialidocious", columns: 20) == "Supercalifragilisticexpialidocious")
    }
}
