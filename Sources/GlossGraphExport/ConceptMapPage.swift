import Foundation
import GlossGraphGlossary
import GlossGraphGraph
import GlossGraphText

/// Writes `concept-map.html`: one self-contained page (no network, no file beside it) that
/// draws the map where Graphviz laid it out and lets a reader search it, follow a concept's
/// links, read the passages behind a concept or a link, and filter by community, speaker and
/// link weight.
///
/// The page's data is one JSON object in a `<script type="application/json">` element, with
/// `<`, `>`, `&`, U+2028 and U+2029 written as `\u` escapes, so no text from a transcript can
/// end the element or run as script; the page's script puts text in with `textContent` only.
/// A Content-Security-Policy forbids every fetch.
public enum ConceptMapPage {
    /// The largest graph `map` writes a page for: past it the page runs to hundreds of MB
    /// (5,000 concepts and 1.3 million links made 793 MB) and no browser draws it usefully.
    public static let largestGraph = (concepts: 1000, links: 5000)

    /// The page for `graph`, laid out by Graphviz when it is installed (from the DOT that
    /// `DOTExporter` writes with both names in every box, so either name alone fits its box)
    /// and by `ForceLayout` otherwise; `notices` gets one when Graphviz is missing or fails
    /// and the force layout is used instead.
    public static func format(_ graph: ConceptGraph, options: DOTExporter.Options = DOTExporter.Options(), notices: inout [Notice]) -> [UInt8] {
        var dotOptions = options
        dotOptions.labels = .both
        dotOptions.titled = false
        let layout: PageLayout
        if graph.nodes.count > Graphviz.largestDrawnGraph.concepts || graph.edges.count > Graphviz.largestDrawnGraph.links {
            layout = PageLayout(grid: graph)
        } else {
            let instead = "so the interactive page is laid out by a simpler force layout, with straight links"
            do throws(GlossGraphError) {
                let json = try Graphviz.layout(DOTExporter.format(graph, options: dotOptions))
                if let laidOut = PageLayout(graphvizJSON: json, graph: graph) {
                    layout = laidOut
                } else {
                    notices.append(Notice("Graphviz's layout (dot -Tjson) could not be read, \(instead)"))
                    layout = PageLayout(force: graph)
                }
            } catch {
                switch error.problem {
                case .graphvizFailed(_, let message):
                    notices.append(Notice("Graphviz failed to lay out the map (\(message)), \(instead)"))
                default:
                    notices.append(Notice(
                        "Graphviz is not installed, \(instead); install it for the drawn layout (Debian/Ubuntu: apt-get install graphviz fonts-noto-cjk; macOS: brew install graphviz)"))
                }
                layout = PageLayout(force: graph)
            }
        }
        var json = JSONText()
        json.beginObject()
        json.key("title"); json.string(DOTExporter.title(graph))
        json.key("unit"); json.string(graph.metadata.unit)
        json.key("measure"); json.string(graph.metadata.weightMeasure.rawValue)
        json.key("labels"); json.string(options.labels.rawValue)
        json.key("font"); json.string(options.fontName)
        json.key("width"); json.double(layout.width)
        json.key("height"); json.double(layout.height)
        json.key("evidence"); json.bool(graph.nodes.contains { !$0.evidence.isEmpty })
        json.key("communities")
        json.beginArray()
        for (number, community) in DOTExporter.communityNames(graph).enumerated() {
            json.beginObject()
            json.key("color"); json.string(CommunityPalette.color(number))
            json.key("members"); json.int(community.members)
            json.key("central")
            json.beginArray()
            for index in community.central { json.int(index) }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.key("nodes")
        json.beginArray()
        for (index, node) in graph.nodes.enumerated() {
            let concept = node.concept
            json.newline()
            json.beginObject()
            json.key("id"); json.string(concept.id)
            json.key("zh"); json.string(concept.zh)
            json.key("en"); json.string(concept.en)
            json.key("zhLines"); strings(concept.zh.isEmpty ? [] : DOTExporter.wrapped(concept.zh, columns: DOTExporter.labelColumns).components(separatedBy: "\n"), &json)
            json.key("enLines"); strings(concept.englishLabel.isEmpty ? [] : DOTExporter.wrapped(concept.englishLabel, columns: DOTExporter.labelColumns).components(separatedBy: "\n"), &json)
            json.key("abbreviations"); strings(concept.abbreviations, &json)
            json.key("variants"); strings(concept.zhVariants + concept.enVariants, &json)
            json.key("category"); json.string(concept.category)
            json.key("note"); json.string(concept.note)
            json.key("discovered"); json.bool(concept.provenance == .discovered)
            json.key("units"); json.int(node.units)
            json.key("mentions"); json.int(node.mentions)
            json.key("community"); json.int(node.community)
            json.key("speakers")
            json.beginArray()
            for speaker in node.speakers {
                json.beginArray()
                json.string(speaker.name)
                json.int(speaker.mentions)
                json.endArray()
            }
            json.endArray()
            let box = layout.boxes[index]
            json.key("x"); json.double(round(box.x))
            json.key("y"); json.double(round(box.y))
            json.key("w"); json.double(round(box.width))
            json.key("h"); json.double(round(box.height))
            json.key("evidence"); snippets(node.evidence, &json)
            json.endObject()
        }
        json.endArray()
        json.key("links")
        json.beginArray()
        for (index, edge) in graph.edges.enumerated() {
            json.newline()
            json.beginObject()
            json.key("source"); json.int(edge.source)
            json.key("target"); json.int(edge.target)
            json.key("weight"); json.double((edge.weight * 1000).rounded() / 1000)
            json.key("count"); json.int(edge.count)
            json.key("path"); json.string(layout.paths[index])
            json.key("evidence"); snippets(edge.evidence, &json)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        var page = Array(ConceptMapPageTemplate.head.utf8)
        page += Array("<title>".utf8) + Array(DOTExporter.htmlEscaped("Concept map: " + DOTExporter.title(graph)).utf8) + Array("</title>\n".utf8)
        page += Array("<script type=\"application/json\" id=\"map-data\">".utf8)
        page += scriptSafe(json.bytes)
        page += Array("</script>\n".utf8)
        page += Array(ConceptMapPageTemplate.body.utf8)
        return page
    }

    private static func strings(_ values: [String], _ json: inout JSONText) {
        json.beginArray()
        for value in values { json.string(value) }
        json.endArray()
    }

    private static func snippets(_ snippets: [Snippet], _ json: inout JSONText) {
        json.beginArray()
        for snippet in snippets {
            json.beginObject()
            json.key("file"); json.string(snippet.file)
            json.key("line"); json.int(snippet.line)
            json.key("speaker"); json.optionalString(snippet.speaker)
            json.key("pieces")
            json.beginArray()
            for piece in snippet.pieces {
                json.beginArray()
                json.string(piece.text)
                json.int(piece.mark)
                json.endArray()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
    }

    /// JSON text that can stand inside a `<script>` element: `<`, `>`, `&` (which occur only
    /// inside strings) and the two characters JavaScript once took for line ends, U+2028 and
    /// U+2029, as `\u` escapes.
    static func scriptSafe(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "<"): output += Array("\\u003c".utf8)
            case UInt8(ascii: ">"): output += Array("\\u003e".utf8)
            case UInt8(ascii: "&"): output += Array("\\u0026".utf8)
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                output += Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 2
            default: output.append(byte)
            }
            index += 1
        }
        return output
    }
}

/// Where the page draws each box and link, in points, y downwards, origin at the top left.
struct PageLayout {
    var width: Double
    var height: Double
    var boxes: [(x: Double, y: Double, width: Double, height: Double)]
    /// Each link as SVG path data.
    var paths: [String]

    /// For a map larger than Graphviz lays out in reasonable time (and than a force layout
    /// does): boxes in rows by community, most frequent first, links drawn straight.
    init(grid graph: ConceptGraph) {
        let order = graph.nodes.indices.sorted {
            let (a, b) = (graph.nodes[$0], graph.nodes[$1])
            return a.community != b.community ? a.community < b.community : a.units != b.units ? a.units > b.units : $0 < $1
        }
        let columns = max(1, Int(Double(order.count).squareRoot().rounded(.up)))
        var boxes = [(x: Double, y: Double, width: Double, height: Double)](repeating: (0, 0, 160, 40), count: graph.nodes.count)
        for (position, index) in order.enumerated() {
            boxes[index] = (Double(position % columns) * 200 + 100, Double(position / columns) * 70 + 40, 180, 44)
        }
        self.boxes = boxes
        width = Double(columns) * 200
        height = Double((order.count + columns - 1) / columns) * 70 + 20
        paths = graph.edges.map { edge in
            let (a, b) = (boxes[edge.source], boxes[edge.target])
            return "M\(Self.number(a.x)),\(Self.number(a.y))L\(Self.number(b.x)),\(Self.number(b.y))"
        }
    }

    /// From Graphviz's `-Tjson` output for `graph`'s DOT (nodes `n0`…, in order); nil when it
    /// does not hold every node and edge.
    init?(graphvizJSON data: [UInt8], graph: ConceptGraph) {
        guard let json = try? JSONSerialization.jsonObject(with: Data(data)) as? [String: Any],
            let bb = (json["bb"] as? String)?.split(separator: ",").compactMap({ Double($0) }), bb.count == 4
        else { return nil }
        let (left, top) = (bb[0], bb[3])
        width = bb[2] - bb[0]
        height = bb[3] - bb[1]
        var boxes = [(x: Double, y: Double, width: Double, height: Double)?](repeating: nil, count: graph.nodes.count)
        for object in json["objects"] as? [[String: Any]] ?? [] {
            guard let name = object["name"] as? String, name.hasPrefix("n"), let index = Int(name.dropFirst()), index < boxes.count,
                let position = (object["pos"] as? String)?.split(separator: ",").compactMap({ Double($0) }), position.count == 2,
                let w = Double(object["width"] as? String ?? ""), let h = Double(object["height"] as? String ?? "")
            else { continue }
            boxes[index] = (position[0] - left, top - position[1], w * 72, h * 72)
        }
        guard boxes.allSatisfy({ $0 != nil }) else { return nil }
        self.boxes = boxes.map { $0! }
        var gvidOfNode: [Int: Int] = [:]
        for object in json["objects"] as? [[String: Any]] ?? [] {
            if let name = object["name"] as? String, let index = Int(name.dropFirst()), let id = object["_gvid"] as? Int { gvidOfNode[id] = index }
        }
        var edgeOfPair: [[Int]: Int] = [:]
        for (index, edge) in graph.edges.enumerated() { edgeOfPair[[edge.source, edge.target]] = index }
        var paths: [String?] = Array(repeating: nil, count: graph.edges.count)
        for edge in json["edges"] as? [[String: Any]] ?? [] {
            guard let tail = (edge["tail"] as? Int).flatMap({ gvidOfNode[$0] }), let head = (edge["head"] as? Int).flatMap({ gvidOfNode[$0] }),
                let position = edgeOfPair[[min(tail, head), max(tail, head)]]
            else { continue }
            var d = ""
            for operation in edge["_draw_"] as? [[String: Any]] ?? [] where ["b", "B"].contains(operation["op"] as? String) {
                let points = (operation["points"] as? [[Double]] ?? []).filter { $0.count == 2 }.map { (x: $0[0] - left, y: top - $0[1]) }
                guard points.count >= 4 else { continue }
                d += "M\(Self.number(points[0].x)),\(Self.number(points[0].y))"
                var next = 1
                while next + 2 < points.count {
                    d += "C" + points[next..<(next + 3)].map { "\(Self.number($0.x)),\(Self.number($0.y))" }.joined(separator: " ")
                    next += 3
                }
            }
            paths[position] = d
        }
        guard paths.allSatisfy({ $0 != nil }) else { return nil }
        self.paths = paths.map { $0! }
    }

    /// From `ForceLayout`, links drawn straight: for machines without Graphviz.
    init(force graph: ConceptGraph) {
        let positions = ForceLayout.positions(graph)
        let boxes = graph.nodes.enumerated().map { index, node -> (x: Double, y: Double, width: Double, height: Double) in
            let longest = max(node.concept.zh.unicodeScalars.count * 2, node.concept.englishLabel.count, 4)
            return (positions[index].x, positions[index].y, Double(longest) * 7 + 20, 40)
        }
        let minX = boxes.map { $0.x - $0.width / 2 }.min() ?? 0, minY = boxes.map { $0.y - $0.height / 2 }.min() ?? 0
        self.boxes = boxes.map { ($0.x - minX + 10, $0.y - minY + 10, $0.width, $0.height) }
        width = (self.boxes.map { $0.x + $0.width / 2 }.max() ?? 0) + 10
        height = (self.boxes.map { $0.y + $0.height / 2 }.max() ?? 0) + 10
        paths = graph.edges.map { [boxes = self.boxes] edge in
            let (a, b) = (boxes[edge.source], boxes[edge.target])
            return "M\(Self.number(a.x)),\(Self.number(a.y))L\(Self.number(b.x)),\(Self.number(b.y))"
        }
    }

    static func number(_ value: Double) -> String { JSONText.shortest((value * 10).rounded() / 10) }
}
