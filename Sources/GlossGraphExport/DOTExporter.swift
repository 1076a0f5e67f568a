import Foundation
import GlossGraphGlossary
import GlossGraphGraph
import GlossGraphText

/// The names a concept's box shows on the map.
public enum NodeLabels: String, Sendable, CaseIterable {
    case zh, en, both
}

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
        /// The names each concept's box shows.
        public var labels = NodeLabels.both
        /// Whether the drawing has a title (inputs, unit, weight measure, counts) and a legend
        /// naming each community by its most central concepts.
        public var titled = true

        public init(fontName: String = DOTExporter.defaultFont, layout: String = "neato", labels: NodeLabels = .both, titled: Bool = true) {
            self.fontName = fontName
            self.layout = layout
            self.labels = labels
            self.titled = titled
        }
    }

    /// Lines of a label are wrapped at this many columns (a CJK character takes two), about
    /// the width of ten Chinese characters.
    public static let labelColumns = 20
    /// Communities named in the legend; the rest are summed up in one line.
    public static let legendCommunities = 10

    public static func format(_ graph: ConceptGraph, options: Options = Options()) -> [UInt8] {
        ByteSink.collect { (sink: inout ByteSink) throws(GlossGraphError) in try write(graph, options: options, to: &sink) }
    }

    /// Writes the DOT into `sink` a line at a time.
    ///
    /// - Throws: `GlossGraphError` `.writeFailed` from the sink.
    public static func write(_ graph: ConceptGraph, options: Options = Options(), to output: inout ByteSink) throws(GlossGraphError) {
        output.append("graph \(quoted("concept map")) {\n")
        let graphAttributes = [
            ("charset", "UTF-8"), ("layout", options.layout), ("fontname", options.fontName), ("overlap", "false"),
            ("splines", "true"), ("sep", "+6"), ("outputorder", "edgesfirst"), ("bgcolor", "white"), ("pad", "0.3"),
        ]
        output.append("  graph [\(attributeList(graphAttributes))")
        if options.titled { output.append(", labelloc=\"t\", labeljust=\"l\", label=<\(titleTable(graph, options: options))>") }
        output.append("];\n")
        output.append("  node [\(attributeList([("fontname", options.fontName), ("shape", "box"), ("style", "rounded,filled"), ("color", "#555555"), ("margin", "0.12,0.06")]))];\n")
        output.append("  edge [\(attributeList([("fontname", options.fontName), ("color", "#555555AA")]))];\n")
        let maxUnits = Double(graph.nodes.map(\.units).max() ?? 1)
        for (index, node) in graph.nodes.enumerated() {
            let concept = node.concept
            let scale = (Double(node.units) / maxUnits).squareRoot()
            let discovered = concept.provenance == .discovered
            var attributes = [
                ("label", label(concept, options.labels)), ("fontsize", format(10 + 12 * scale)), ("fillcolor", CommunityPalette.color(node.community)),
                ("tooltip", "\(concept.bilingualLabel) (\(concept.id)\(discovered ? ", discovered" : "")): \(counted(node.units, "unit")), \(counted(node.mentions, "mention"))"),
            ]
            // A concept discovered in the text, not reviewed in a glossary, has a dashed border.
            if discovered { attributes.append(("style", "rounded,filled,dashed")) }
            output.append("  n\(index) [\(attributeList(attributes))];\n")
            try output.flushIfFull()
        }
        let weights = graph.edges.map(\.weight)
        let low = weights.min() ?? 0, high = weights.max() ?? 1
        for edge in graph.edges {
            let strength = high > low ? (edge.weight - low) / (high - low) : 1
            output.append("  n\(edge.source) -- n\(edge.target) [\(attributeList([("penwidth", format(1 + 3.5 * strength)), ("len", format(2.2 - 1.2 * strength)), ("tooltip", counted(edge.count, "unit"))]))];\n")
            try output.flushIfFull()
        }
        output.append("}\n")
        try output.flush()
    }

    /// A concept's box label: the names `labels` asks for (the other when it has only one),
    /// each wrapped at `labelColumns`.
    static func label(_ concept: Concept, _ labels: NodeLabels) -> String {
        let names: [String]
        switch labels {
        case .both: names = [concept.zh, concept.englishLabel].filter { !$0.isEmpty }
        case .zh: names = [concept.zh.isEmpty ? concept.englishLabel : concept.zh]
        case .en: names = [concept.englishLabel.isEmpty ? concept.zh : concept.englishLabel]
        }
        return names.map { wrapped($0, columns: labelColumns) }.joined(separator: "\n")
    }

    /// `text` broken into lines of at most `columns` columns where it can be: at spaces, and
    /// between CJK characters (two columns each, as `TerminalText.displayWidth` counts them).
    /// A word longer than a line stays whole.
    public static func wrapped(_ text: String, columns: Int) -> String {
        var pieces: [(text: String, width: Int, spaceBefore: Bool)] = []
        var word = "", wordWidth = 0, wordSpaceBefore = false, pendingSpace = false
        func flush() {
            if !word.isEmpty { pieces.append((word, wordWidth, wordSpaceBefore)) }
            word = ""
            wordWidth = 0
        }
        for scalar in text.unicodeScalars {
            if scalar == " " {
                flush()
                pendingSpace = true
            } else if ScriptClass.isCJK(scalar.value) {
                flush()
                pieces.append((String(scalar), 2, pendingSpace))
                pendingSpace = false
            } else {
                if word.isEmpty {
                    wordSpaceBefore = pendingSpace
                    pendingSpace = false
                }
                word.unicodeScalars.append(scalar)
                wordWidth += 1
            }
        }
        flush()
        // The fewest lines greedy filling gives, then lines as even as they can be in that
        // many (基于人类反馈 / 的强化学习, not ten characters and an orphan).
        let fewest = filled(pieces, columns: columns)
        guard fewest.count > 1 else { return fewest.joined(separator: "\n") }
        let total = pieces.reduce(0) { $0 + $1.width + ($1.spaceBefore ? 1 : 0) }
        var width = (total + fewest.count - 1) / fewest.count
        while width < columns {
            let even = filled(pieces, columns: width)
            if even.count <= fewest.count { return even.joined(separator: "\n") }
            width += 1
        }
        return fewest.joined(separator: "\n")
    }

    private static func filled(_ pieces: [(text: String, width: Int, spaceBefore: Bool)], columns: Int) -> [String] {
        var lines: [String] = []
        var line = "", lineWidth = 0
        for piece in pieces {
            let gap = piece.spaceBefore && !line.isEmpty ? 1 : 0
            if lineWidth > 0 && lineWidth + gap + piece.width > columns {
                lines.append(line)
                line = piece.text
                lineWidth = piece.width
            } else {
                line += (gap == 1 ? " " : "") + piece.text
                lineWidth += gap + piece.width
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// The measure's name for people, with its source.
    static func measureName(_ measure: EdgeMeasure) -> String {
        switch measure {
        case .count: "shared units"
        case .jaccard: "Jaccard"
        case .dice: "Dice"
        case .npmi: "NPMI"
        case .association: "association strength (VOSviewer)"
        }
    }

    /// The title line: the inputs, the unit, the weight measure and the map's size.
    public static func title(_ graph: ConceptGraph) -> String {
        let files = graph.metadata.sourceFiles
        let inputs = files.count == 1 ? (files[0] == "-" ? "standard input" : (files[0] as NSString).lastPathComponent) : files.count == 0 ? "standard input" : "\(files.count) files"
        let unitCount = graph.metadata.unitCount
        let unit = graph.metadata.unit
        let counted = unit.contains(" ") ? "\(unitCount) unit\(unitCount == 1 ? "" : "s") of \(unit)" : "\(unitCount) \(unit)\(unitCount == 1 ? "" : "s")"
        return "\(inputs) · \(counted) · weight: \(measureName(graph.metadata.weightMeasure)) · \(graph.nodes.count) concept\(graph.nodes.count == 1 ? "" : "s"), \(graph.edges.count) link\(graph.edges.count == 1 ? "" : "s")"
    }

    /// Each community's size and its most central concepts, most central first: those with
    /// the most links (degree centrality), then the most units, then the first on the map.
    public static func communityNames(_ graph: ConceptGraph, count: Int = 3) -> [(members: Int, central: [Int])] {
        let communities = (graph.nodes.map(\.community).max() ?? -1) + 1
        var degree = [Int](repeating: 0, count: graph.nodes.count)
        for edge in graph.edges {
            degree[edge.source] += 1
            degree[edge.target] += 1
        }
        var result = [(members: Int, central: [Int])](repeating: (0, []), count: communities)
        let order = graph.nodes.indices.sorted {
            if degree[$0] != degree[$1] { return degree[$0] > degree[$1] }
            return graph.nodes[$0].units != graph.nodes[$1].units ? graph.nodes[$0].units > graph.nodes[$1].units : $0 < $1
        }
        for index in order {
            let community = graph.nodes[index].community
            result[community].members += 1
            if result[community].central.count < count { result[community].central.append(index) }
        }
        return result
    }

    /// `count` and `noun`, in the plural unless the count is one (1 unit, 2 units).
    static func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    /// The title and legend as a Graphviz HTML-like table.
    static func titleTable(_ graph: ConceptGraph, options: Options) -> String {
        var rows = ""
        let communities = communityNames(graph)
        for (number, community) in communities.enumerated().prefix(legendCommunities) {
            let names = community.central.map { index -> String in
                let concept = graph.nodes[index].concept
                let name = options.labels == .en ? (concept.englishLabel.isEmpty ? concept.zh : concept.englishLabel) : (concept.zh.isEmpty ? concept.englishLabel : concept.zh)
                return htmlEscaped(name)
            }
            let more = community.members > community.central.count ? " (\(community.members) concepts)" : ""
            rows += "<tr><td align=\"left\"><font color=\"\(CommunityPalette.color(number))\">■■</font> \(names.joined(separator: " · "))\(more)</td></tr>"
        }
        if communities.count > legendCommunities {
            rows += "<tr><td align=\"left\">and \(communities.count - legendCommunities) smaller communities</td></tr>"
        }
        let legend = rows.isEmpty ? "" : "<tr><td align=\"left\"><table border=\"0\" cellborder=\"0\" cellspacing=\"2\" cellpadding=\"1\">\(rows)</table></td></tr>"
        return "<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"2\"><tr><td align=\"left\"><font point-size=\"18\">\(htmlEscaped(title(graph)))</font></td></tr>\(legend)</table>"
    }

    /// Text for a Graphviz HTML-like label: `&`, `<`, `>` and quotes as entities, characters
    /// XML cannot carry removed.
    static func htmlEscaped(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default:
                if XMLText.isKept(scalar) && scalar.value >= 0x20 { output.unicodeScalars.append(scalar) }
            }
        }
        return output
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
