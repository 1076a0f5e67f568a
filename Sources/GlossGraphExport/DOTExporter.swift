import GlossGraphGlossary
import GlossGraphGraph
import GlossGraphText

/// Writes the concept graph as Graphviz DOT, laid out by `neato`: generated node ids with the
/// text in quoted, escaped labels in both languages, a CJK-capable font on every default,
/// node size by frequency, pen width and edge length by weight, fill colour by community.
public enum DOTExporter {
    /// A font with CJK glyphs (Debian: fonts-noto-cjk). Without one, Graphviz draws boxes.
    public static let defaultFont = "Noto Sans CJK SC"

    /// The Noto CJK font whose glyph forms follow the labels' script (Simplified, Traditional
    /// as Taiwan writes it, Hong Kong's): all three come with Debian's fonts-noto-cjk.
    public static func defaultFont(for script: LabelScript) -> String {
        switch script {
        case .hans: defaultFont
        case .hant, .tw: "Noto Sans CJK TC"
        case .hk: "Noto Sans CJK HK"
        }
    }

    public struct Options: Sendable {
        public var fontName = DOTExporter.defaultFont
        /// Graphviz layout engine written into the graph (`neato`, `fdp`, `sfdp`, `dot` …).
        public var layout = "neato"
        public var title: String?

        public init(fontName: String = DOTExporter.defaultFont, layout: String = "neato", title: String? = nil) {
            self.fontName = fontName
            self.layout = layout
            self.title = title
        }
    }

    public static func format(_ graph: ConceptGraph, options: Options = Options()) -> [UInt8] {
        var output = "graph \(quoted("concept map")) {\n"
        var graphAttributes = [
            ("charset", "UTF-8"), ("layout", options.layout), ("fontname", options.fontName), ("overlap", "false"),
            ("splines", "true"), ("sep", "+6"), ("outputorder", "edgesfirst"), ("bgcolor", "white"), ("pad", "0.3"),
        ]
        if let title = options.title {
            graphAttributes += [("label", title), ("labelloc", "t"), ("fontsize", "20")]
        }
        output += "  graph [\(attributeList(graphAttributes))];\n"
        output += "  node [\(attributeList([("fontname", options.fontName), ("shape", "box"), ("style", "rounded,filled"), ("color", "#555555"), ("margin", "0.12,0.06")]))];\n"
        output += "  edge [\(attributeList([("fontname", options.fontName), ("color", "#66666699")]))];\n"
        let maxUnits = Double(graph.nodes.map(\.units).max() ?? 1)
        for (index, node) in graph.nodes.enumerated() {
            let concept = node.concept
            let label = concept.zh.isEmpty || concept.en.isEmpty ? concept.bilingualLabel : "\(concept.zh)\n\(concept.en)"
            let scale = (Double(node.units) / maxUnits).squareRoot()
            let discovered = concept.provenance == .discovered
            var attributes = [
                ("label", label), ("fontsize", format(10 + 12 * scale)), ("fillcolor", CommunityPalette.color(node.community)),
                ("tooltip", "\(concept.id)\(discovered ? " (discovered)" : ""): \(node.units) units, \(node.mentions) mentions"),
            ]
            // A concept discovered in the text, not reviewed in a glossary, has a dashed border.
            if discovered { attributes.append(("style", "rounded,filled,dashed")) }
            output += "  n\(index) [\(attributeList(attributes))];\n"
        }
        let weights = graph.edges.map(\.weight)
        let low = weights.min() ?? 0, high = weights.max() ?? 1
        for edge in graph.edges {
            let strength = high > low ? (edge.weight - low) / (high - low) : 1
            output += "  n\(edge.source) -- n\(edge.target) [\(attributeList([("penwidth", format(0.6 + 4 * strength)), ("len", format(2.2 - 1.2 * strength)), ("tooltip", "\(edge.count) units")]))];\n"
        }
        output += "}\n"
        return Array(output.utf8)
    }

    private static func format(_ value: Double) -> String {
        JSONText.shortest((value * 100).rounded() / 100)
    }

    private static func attributeList(_ attributes: [(String, String)]) -> String {
        attributes.map { "\($0.0)=\(quoted($0.1))" }.joined(separator: ", ")
    }

    /// A DOT string literal: backslashes, quotes and line breaks escaped; characters that
    /// XML (so SVG) cannot carry removed, as `XMLText` does. Keywords such as `node` are safe
    /// since every string is quoted. Graphviz decodes HTML entities (`&amp;`) even in plain
    /// labels, so a word joiner after `&` keeps such text as written.
    public static func quoted(_ text: String) -> String {
        var output = "\""
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\\": output += "\\\\"
            case "\"": output += "\\\""
            case "\n": output += "\\n"
            case "\r": continue
            case "&":
                output += "&"
                if startsEntity(scalars, at: index + 1) { output += "\u{2060}" }
            default:
                if XMLText.isKept(scalar) && (scalar.value >= 0x20 || scalar == "\t") {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    /// Whether `&` followed by these characters reads as an entity: `name;` or `#123;`.
    private static func startsEntity(_ scalars: [Unicode.Scalar], at start: Int) -> Bool {
        var index = start
        while index < scalars.count, index - start <= 32 {
            let scalar = scalars[index]
            if scalar == ";" { return index > start }
            guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "#" else { return false }
            index += 1
        }
        return false
    }
}
