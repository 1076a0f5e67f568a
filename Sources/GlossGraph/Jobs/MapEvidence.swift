import Foundation

/// Passages of the transcripts that show a map's concepts and links, for the interactive page:
/// the first `perConcept` units (in file and text order) where each concept occurs, and the
/// first `perLink` units where both concepts of each link do.
public enum MapEvidence {
    public static let perConcept = 6
    public static let perLink = 4
    /// Characters (Unicode scalars) of context kept before the first marked mention and after
    /// the last; the text between two marked mentions is cut in the middle past `gapScalars`.
    static let contextScalars = 60
    static let gapScalars = 120

    /// Fills `graph`'s nodes' and edges' `evidence` from a second reading of `files`, in order,
    /// cut into units as counting cut them (turns; sentences or paragraphs with those units; a
    /// window of turns is shown turn by turn, so a link's passages are the turns that hold
    /// both). Reading stops as soon as every concept and link has its passages (as many as it
    /// has units, up to the limits), which on a large corpus comes early. Standard input
    /// (`-`), read once already, gives none.
    ///
    /// - Throws: `GlossGraphError` when a file cannot be read again.
    public static func collect(
        into graph: inout ConceptGraph, files: [String], reading: ReadingOptions, unit: CooccurrenceUnit, extractor: ConceptExtractor
    ) throws {
        var nodeOfConcept: [Int: Int] = [:]
        let positions = Dictionary(extractor.glossary.concepts.enumerated().map { ($0.element.id, $0.offset) }) { first, _ in first }
        for (index, node) in graph.nodes.enumerated() {
            if let concept = positions[node.concept.id] { nodeOfConcept[concept] = index }
        }
        var edgeOfPair: [UInt64: Int] = [:]
        for (index, edge) in graph.edges.enumerated() { edgeOfPair[UInt64(edge.source) << 32 | UInt64(edge.target)] = index }
        let nodeTargets = graph.nodes.map { min(perConcept, $0.units) }
        let edgeTargets = graph.edges.map { min(perLink, $0.count) }
        var missing = nodeTargets.reduce(0, +) + edgeTargets.reduce(0, +)
        var nodes = [[Snippet]](repeating: [], count: graph.nodes.count)
        var edges = [[Snippet]](repeating: [], count: graph.edges.count)
        var scratch = TermMatcher.Scratch()
        for file in files where file != "-" && missing > 0 {
            var nextIndex = 1
            do {
                _ = try TranscriptReader.readInParts(contentsOf: file, options: reading) { units in
                    for turn in units {
                        UnitSplitter.forEachPiece(of: turn, as: unit, nextIndex: &nextIndex) { piece in
                            let extraction = extractor.extract(piece, scratch: &scratch)
                            var mentions: [Int: [Range<Int>]] = [:]
                            for match in extraction.matches {
                                if let node = nodeOfConcept[match.concept] { mentions[node, default: []].append(match.range) }
                            }
                            let present = mentions.keys.sorted()
                            for node in present where nodes[node].count < perConcept {
                                nodes[node].append(snippet(of: extraction.unit, marking: [mentions[node]!]))
                                if nodes[node].count <= nodeTargets[node] { missing -= 1 }
                            }
                            for (offset, source) in present.enumerated() {
                                for target in present[(offset + 1)...] {
                                    guard let edge = edgeOfPair[UInt64(source) << 32 | UInt64(target)], edges[edge].count < perLink else { continue }
                                    edges[edge].append(snippet(of: extraction.unit, marking: [mentions[source]!, mentions[target]!]))
                                    if edges[edge].count <= edgeTargets[edge] { missing -= 1 }
                                }
                            }
                        }
                    }
                    if missing <= 0 { throw Complete() }
                }
            } catch is Complete {
                break
            }
        }
        for index in nodes.indices { graph.nodes[index].evidence = nodes[index] }
        for index in edges.indices { graph.edges[index].evidence = edges[index] }
    }

    /// Ends the reading once every passage is found.
    private struct Complete: Error {}

    /// A passage of `unit` around the mentions in `marks` (byte ranges; the first list marked
    /// 1, the second 2): from `contextScalars` before the first mention shown (for a link, the
    /// closest pair of mentions of its two concepts) to as many after the last, a long stretch
    /// between the two cut to its ends; every mention inside the passage is marked.
    static func snippet(of unit: TranscriptUnit, marking marks: [[Range<Int>]]) -> Snippet {
        let bytes = unit.utf8
        var anchors = [marks[0][0]]
        if marks.count == 2 {
            // The closest pair, walking both lists (in text order) at once: linear in the
            // mentions, however many a long unit holds.
            var best = (marks[0][0], marks[1][0])
            var (i, j) = (0, 0)
            while i < marks[0].count && j < marks[1].count {
                let (a, b) = (marks[0][i], marks[1][j])
                if distance(a, b) < distance(best.0, best.1) { best = (a, b) }
                if a.lowerBound < b.lowerBound { i += 1 } else { j += 1 }
            }
            anchors = [best.0, best.1].sorted { $0.lowerBound < $1.lowerBound }
        }
        let begin = trimmedStart(bytes, from: 0, to: anchors[0].lowerBound, keeping: contextScalars)
        let end = advanced(bytes, from: anchors[anchors.count - 1].upperBound, by: contextScalars)
        var segments = [begin..<end]
        if anchors.count == 2 {
            let (gapStart, gapEnd) = (anchors[0].upperBound, anchors[1].lowerBound)
            let half = gapScalars / 2
            let firstEnd = advanced(bytes, from: gapStart, by: half)
            let secondStart = trimmedStart(bytes, from: gapStart, to: gapEnd, keeping: half)
            if firstEnd < secondStart { segments = [begin..<firstEnd, secondStart..<end] }
        }
        let marked = marks.enumerated().flatMap { list in list.element.map { (range: $0, mark: list.offset + 1) } }
            .sorted { $0.range.lowerBound < $1.range.lowerBound }
        var pieces: [Snippet.Piece] = begin > 0 ? [.init(text: "…", mark: 0)] : []
        for (number, segment) in segments.enumerated() {
            if number > 0 { pieces.append(.init(text: " … ", mark: 0)) }
            var cursor = segment.lowerBound
            for mention in marked where mention.range.lowerBound >= cursor && mention.range.upperBound <= segment.upperBound {
                if mention.range.lowerBound > cursor { pieces.append(.init(text: text(bytes, cursor..<mention.range.lowerBound), mark: 0)) }
                pieces.append(.init(text: text(bytes, mention.range), mark: mention.mark))
                cursor = mention.range.upperBound
            }
            if cursor < segment.upperBound { pieces.append(.init(text: text(bytes, cursor..<segment.upperBound), mark: 0)) }
        }
        if end < bytes.count { pieces.append(.init(text: "…", mark: 0)) }
        let line = unit.sourcePosition(ofTextOffset: anchors[0].lowerBound).line
        return Snippet(file: unit.file, line: line, speaker: unit.speaker, pieces: pieces)
    }

    /// The offset `scalars` Unicode scalars after `start` (at most the end of `bytes`).
    private static func advanced(_ bytes: [UInt8], from start: Int, by scalars: Int) -> Int {
        var offset = start
        var passed = 0
        while offset < bytes.count {
            if bytes[offset] & 0xC0 != 0x80 {
                if passed == scalars { break }
                passed += 1
            }
            offset += 1
        }
        return offset
    }

    private static func distance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        a.lowerBound < b.lowerBound ? b.lowerBound - a.upperBound : a.lowerBound - b.upperBound
    }

    private static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        range.isEmpty ? "" : String(decoding: bytes[range], as: UTF8.self)
    }

    /// The start of the last `keeping` scalars before `end`, at `start` or after it.
    private static func trimmedStart(_ bytes: [UInt8], from start: Int, to end: Int, keeping: Int) -> Int {
        var offset = end
        var kept = 0
        while offset > start && kept < keeping {
            offset -= 1
            if bytes[offset] & 0xC0 != 0x80 { kept += 1 }
        }
        return offset
    }
}
