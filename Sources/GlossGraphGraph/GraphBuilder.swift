import Foundation
import GlossGraphCounting
import GlossGraphGlossary
import GlossGraphText

/// How the concept graph is pruned and weighted, the way KH Coder and VOSviewer users know it.
///
/// The defaults draw the main themes of a text in one connected picture: the 60 most frequent
/// concepts (KH Coder's top-N), weighted by VOSviewer's association strength, joined by their
/// backbone (a maximum spanning forest by shared units, so that no frequent concept floats
/// alone) and then by the strongest other links, up to 1.25 links per concept on the map (a
/// mean degree of 2.5). The map of earlier versions (every concept, the 60 strongest links by
/// Jaccard) is `weight = .jaccard`, `maxConcepts = nil`, `backbone = false`,
/// `links = .strongest(60)`.
public struct GraphOptions: Sendable {
    /// How many links the map keeps.
    public enum LinkLimit: Sendable, Equatable {
        /// The strongest `n` links (the backbone's first when there is one).
        case strongest(Int)
        /// As many links as this many times the concepts on the map, rounded.
        case perConcept(Double)
        /// Every link that passes the other filters.
        case all
    }

    /// The measure used as weight: for pruning, layout and line width.
    public var weight: EdgeMeasure = .association
    /// Concepts found in fewer units are left out.
    public var minFrequency = 2
    /// Only the most frequent concepts (by units; ties by id) are mapped; nil maps all.
    public var maxConcepts: Int? = 60
    /// Pairs found together in fewer units are not linked.
    public var minPairCount = 2
    /// How many links are kept.
    public var links: LinkLimit = .perConcept(1.25)
    /// Keep only links whose weight is at least this (instead of, or with, `links`).
    public var threshold: Double?
    /// Keep a maximum spanning forest of the links by shared units first (Kruskal; ties by
    /// weight), so that the map connects everything the links connect; `links` then adds the
    /// strongest others by weight.
    public var backbone = true
    /// The backbone may also use pairs found together in this many units (fewer than
    /// `minPairCount`), so that a concept that shares `minPairCount` units with no other is
    /// still joined by the unit it shares most; nil: `minPairCount`.
    public var backboneMinPairCount: Int?
    /// Keep concepts left without links.
    public var keepIsolated = false
    /// Whether a short text's map (fewer than `shortTextUnits` units) that would link fewer
    /// than `smallMapConcepts` concepts links concepts that share one unit, since few pairs
    /// recur in a short text; front ends set it when the user named no pair count.
    public var adaptsToShortTexts = false
    /// Whether, besides, such a map admits concepts found in one unit when too few are found
    /// in `minFrequency` units to link `smallMapConcepts`; front ends set it when the user
    /// named no frequency.
    public var adaptsFrequencyToShortTexts = false
    /// Whether such a map, still linking fewer than `smallMapConcepts` concepts or with no more
    /// than `mostIsolatedConcepts` found, keeps the concepts left without links (the
    /// `mostIsolatedConcepts` most frequent), so that a short text's map shows what the text
    /// names even when few of its concepts meet; front ends set it when the user did not say
    /// whether to keep them.
    public var adaptsIsolationToShortTexts = false
    public static let shortTextUnits = 100
    public static let smallMapConcepts = 10
    /// At most this many concepts are on a short text's map that keeps concepts without links.
    public static let mostIsolatedConcepts = 20

    public init() {}
}

/// Builds the weighted concept graph from co-occurrence counts: the third stage.
public enum GraphBuilder {
    /// `build`, adapted to a short text (fewer than `shortTextUnits` units) when the options
    /// adapt to short texts: the backbone may join concepts that share one unit, since few
    /// pairs recur in a short text; and when the map still links fewer than
    /// `smallMapConcepts` concepts, every pair that shares one unit is a link, and (when the
    /// options adapt the frequency too) a concept found in one unit may be on the map; when
    /// it still does (and the options adapt isolation), the concepts without a link are kept,
    /// up to `mostIsolatedConcepts`. The change is described for people (nil: none), with the
    /// options the map was built with.
    public static func buildAdapting(
        counts: CooccurrenceCounts, glossary: Glossary, options: GraphOptions, metadata: GraphMetadata,
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) -> (graph: ConceptGraph, change: String?, used: GraphOptions) {
        guard options.adaptsToShortTexts, counts.unitCount < GraphOptions.shortTextUnits, options.minPairCount > 1 else {
            return (build(counts: counts, glossary: glossary, options: options, metadata: metadata, progress: progress), nil, options)
        }
        var joined = options
        if options.backbone { joined.backboneMinPairCount = 1 }
        let graph = build(counts: counts, glossary: glossary, options: joined, metadata: metadata, progress: progress)
        // Concepts with a link: with --keep-isolated the others are on the map too.
        let linked = Set(graph.edges.flatMap { [$0.source, $0.target] }).count
        // The backbone's links of concepts sharing fewer units than asked, said when there are any.
        let backboneChange: String? = {
            let once = graph.edges.filter { $0.count < options.minPairCount }.count
            guard once > 0 else { return nil }
            return "a short text (\(counts.unitCount) units): \(once) link\(once == 1 ? "" : "s") of the backbone join concepts that share fewer than \(options.minPairCount) units with any other, by the unit they share"
        }()
        if linked >= GraphOptions.smallMapConcepts { return (graph, backboneChange, joined) }
        var adapted = options
        adapted.minPairCount = 1
        var adaptedGraph = build(counts: counts, glossary: glossary, options: adapted, metadata: metadata, progress: progress)
        var oneUnitConcepts = false
        var linkedNow: Int { Set(adaptedGraph.edges.flatMap { [$0.source, $0.target] }).count }
        if options.adaptsFrequencyToShortTexts, options.minFrequency > 1, linkedNow < GraphOptions.smallMapConcepts {
            var wider = adapted
            wider.minFrequency = 1
            let widerGraph = build(counts: counts, glossary: glossary, options: wider, metadata: metadata, progress: progress)
            if widerGraph.edges.count > adaptedGraph.edges.count {
                (adapted, adaptedGraph, oneUnitConcepts) = (wider, widerGraph, true)
            }
        }
        var alone = 0
        // (Or when every concept found fits on the map: a short text's one-off concept is no clutter.)
        let found = counts.concepts.filter { $0.units >= (options.adaptsFrequencyToShortTexts ? 1 : options.minFrequency) }.count
        if options.adaptsIsolationToShortTexts, !options.keepIsolated,
            linkedNow < GraphOptions.smallMapConcepts || found <= GraphOptions.mostIsolatedConcepts
        {
            var keeping = adapted
            keeping.keepIsolated = true
            if options.adaptsFrequencyToShortTexts { keeping.minFrequency = 1 }
            keeping.maxConcepts = min(options.maxConcepts ?? .max, GraphOptions.mostIsolatedConcepts)
            let kept = build(counts: counts, glossary: glossary, options: keeping, metadata: metadata, progress: progress)
            if kept.nodes.count > adaptedGraph.nodes.count {
                let linked = Set(kept.edges.flatMap { [$0.source, $0.target] }).count
                alone = kept.nodes.count - linked
                oneUnitConcepts = keeping.minFrequency < options.minFrequency && kept.nodes.contains { $0.units < options.minFrequency }
                (adapted, adaptedGraph) = (keeping, kept)
            }
        }
        guard adaptedGraph.edges.count > graph.edges.count || adaptedGraph.nodes.count > graph.nodes.count else {
            return (graph, backboneChange, joined)
        }
        var changes: [String] = []
        if adaptedGraph.edges.isEmpty {
            changes.append("no two of its concepts share a unit")
        } else {
            changes.append("links between concepts that share \(options.minPairCount) units would join only \(linked) concepts, so concepts that share one unit are linked")
        }
        if oneUnitConcepts { changes.append("concepts found in one unit are mapped too") }
        if alone > 0 {
            let cut = adapted.maxConcepts.map { adaptedGraph.nodes.count >= $0 } ?? false
            changes.append("the \(cut ? "most frequent " : "")\(alone) concept\(alone == 1 ? "" : "s") without a link \(alone == 1 ? "is" : "are") drawn alone")
        }
        let said = changes.count == 1 ? changes[0] : changes.dropLast().joined(separator: ", ") + ", and " + changes[changes.count - 1]
        return (adaptedGraph, "a short text (\(counts.unitCount) units): \(said)", adapted)
    }

    /// `progress` hears of the network measures' progress on large graphs (`NetworkMeasures.annotate`).
    public static func build(
        counts: CooccurrenceCounts, glossary: Glossary, options: GraphOptions, metadata: GraphMetadata,
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) -> ConceptGraph {
        let total = Double(max(counts.unitCount, 1))
        // Nodes: frequent enough, the most frequent when there is a limit, sorted by id.
        var conceptIndices = counts.concepts.indices.filter { counts.concepts[$0].units >= max(options.minFrequency, 1) }
        if let limit = options.maxConcepts, conceptIndices.count > limit {
            conceptIndices.sort {
                let (a, b) = (counts.concepts[$0].units, counts.concepts[$1].units)
                return a != b ? a > b : glossary.concepts[$0].id < glossary.concepts[$1].id
            }
            conceptIndices.removeLast(conceptIndices.count - max(limit, 0))
        }
        conceptIndices.sort { glossary.concepts[$0].id < glossary.concepts[$1].id }
        var nodeIndex: [Int: Int] = [:]
        for (position, concept) in conceptIndices.enumerated() { nodeIndex[concept] = position }

        // Candidate edges with every measure.
        var edges: [ConceptEdge] = []
        let leastPairCount = min(options.minPairCount, options.backboneMinPairCount ?? options.minPairCount)
        for (key, pair) in counts.pairs where pair.count >= leastPairCount {
            let first = Int(key >> 32), second = Int(key & 0xFFFF_FFFF)
            guard let a = nodeIndex[first], let b = nodeIndex[second] else { continue }
            let ni = Double(counts.concepts[first].units), nj = Double(counts.concepts[second].units)
            let nij = Double(pair.count)
            let pij = nij / total
            let npmi = pij >= 1 ? 1 : log(pij / ((ni / total) * (nj / total))) / -log(pij)
            // Supporting units are attached to the links that are kept (below).
            var edge = ConceptEdge(
                source: min(a, b), target: max(a, b), count: pair.count, jaccard: nij / (ni + nj - nij),
                dice: 2 * nij / (ni + nj), npmi: npmi, association: total * nij / (ni * nj), weight: 0,
                support: [])
            edge.weight = edge.value(of: options.weight)
            edges.append(edge)
        }
        // Strongest first; ties broken by count, then by the ends, so the order is total.
        edges.sort { lhs, rhs in
            if lhs.weight != rhs.weight { return lhs.weight > rhs.weight }
            if lhs.count != rhs.count { return lhs.count > rhs.count }
            return (lhs.source, lhs.target) < (rhs.source, rhs.target)
        }
        if let threshold = options.threshold { edges.removeAll { $0.weight < threshold } }
        edges = kept(edges, options: options, nodeCount: conceptIndices.count)
        for index in edges.indices {
            let key = UInt64(conceptIndices[edges[index].source]) << 32 | UInt64(conceptIndices[edges[index].target])
            let reversed = UInt64(conceptIndices[edges[index].target]) << 32 | UInt64(conceptIndices[edges[index].source])
            edges[index].support = (counts.pairs[key] ?? counts.pairs[reversed])?.support.sorted() ?? []
        }

        var nodes = conceptIndices.map { concept -> ConceptNode in
            let counted = counts.concepts[concept]
            let speakers = counted.speakerMentions.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            return ConceptNode(
                concept: glossary.concepts[concept], units: counted.units, mentions: counted.mentions,
                speakers: speakers.map { ($0.key, $0.value) }, firstMention: counted.firstMention)
        }
        if !options.keepIsolated {
            var linked = Set<Int>()
            for edge in edges {
                linked.insert(edge.source)
                linked.insert(edge.target)
            }
            var renumber: [Int: Int] = [:]
            var kept: [ConceptNode] = []
            for (index, node) in nodes.enumerated() where linked.contains(index) {
                renumber[index] = kept.count
                kept.append(node)
            }
            nodes = kept
            edges = edges.map { edge in
                var edge = edge
                edge.source = renumber[edge.source]!
                edge.target = renumber[edge.target]!
                return edge
            }
        }
        edges.sort { ($0.source, $0.target) < ($1.source, $1.target) }
        var graph = ConceptGraph(nodes: nodes, edges: edges, metadata: metadata)
        NetworkMeasures.annotate(&graph, progress: progress)
        return graph
    }

    /// The links the map keeps, from `edges` sorted strongest first, in that order: the
    /// backbone's, then the strongest others up to the limit, which `.perConcept` takes from
    /// the concepts these links join (isolated concepts are left out later unless kept).
    static func kept(_ edges: [ConceptEdge], options: GraphOptions, nodeCount: Int) -> [ConceptEdge] {
        var keep = [Bool](repeating: false, count: edges.count)
        var kept = 0
        if options.backbone {
            // The backbone joins each concept by the pairs seen most often, the surest evidence
            // (hubs stay hubs); the other links are the strongest by the weight measure, which
            // for association strength are the pairs met more often than chance predicts.
            let byCount = edges.indices.sorted { edges[$0].count != edges[$1].count ? edges[$0].count > edges[$1].count : $0 < $1 }
            for index in maximumSpanningForest(byCount.map { edges[$0] }, nodeCount: nodeCount).map({ byCount[$0] }) {
                keep[index] = true
                kept += 1
            }
        }
        // Links other than the backbone's share at least `minPairCount` units.
        let others = edges.indices.filter { !keep[$0] && edges[$0].count >= options.minPairCount }
        let limit: Int
        switch options.links {
        case .all: limit = Int.max
        case .strongest(let count): limit = count
        case .perConcept(let ratio):
            let joined = Set(edges.flatMap { [$0.source, $0.target] }).count
            limit = Int((ratio * Double(options.keepIsolated ? nodeCount : joined)).rounded())
        }
        for index in others where kept < limit {
            keep[index] = true
            kept += 1
        }
        return edges.indices.filter { keep[$0] }.map { edges[$0] }
    }

    /// Kruskal's algorithm on edges already sorted strongest first (by the measure spanned):
    /// the positions in `edges` of the forest's links.
    static func maximumSpanningForest(_ edges: [ConceptEdge], nodeCount: Int) -> [Int] {
        var parent = Array(0..<nodeCount)
        func root(_ node: Int) -> Int {
            var node = node
            while parent[node] != node {
                parent[node] = parent[parent[node]]
                node = parent[node]
            }
            return node
        }
        var forest: [Int] = []
        for (position, edge) in edges.enumerated() {
            let a = root(edge.source), b = root(edge.target)
            guard a != b else { continue }
            parent[max(a, b)] = min(a, b)
            forest.append(position)
        }
        return forest
    }
}
