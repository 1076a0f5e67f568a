import GlossGraphCounting
import GlossGraphGlossary
import GlossGraphText

/// The edge measures GlossGraph computes; one of them is the weight.
public enum EdgeMeasure: String, Sendable, CaseIterable {
    /// Units in which both concepts occur.
    case count
    /// n_ij / (n_i + n_j − n_ij).
    case jaccard
    /// 2·n_ij / (n_i + n_j).
    case dice
    /// Normalised pointwise mutual information, log(p_ij / (p_i·p_j)) / −log(p_ij), in [−1, 1].
    case npmi
    /// Association strength as VOSviewer defines it, N·n_ij / (n_i·n_j): 1 when the two
    /// concepts co-occur as often as chance predicts.
    case association

    /// The values the measure takes, for checking a threshold.
    public var range: ClosedRange<Double> {
        switch self {
        case .count, .association: 0...Double.greatestFiniteMagnitude
        case .jaccard, .dice: 0...1
        case .npmi: -1...1
        }
    }
}

/// A concept on the map, with its frequencies and network measures.
public struct ConceptNode: Sendable {
    public var concept: Concept
    /// Units (turns, by default) that mention the concept.
    public var units: Int
    public var mentions: Int
    /// Mentions per speaker, most first.
    public var speakers: [(name: String, mentions: Int)]
    public var firstMention: MentionLocation?
    public var weightedDegree = 0.0
    public var pageRank = 0.0
    /// Normalised shortest-path betweenness (hops), as NetworkX computes it.
    public var betweenness = 0.0
    /// Community number, 0 for the largest community.
    public var community = 0
    /// Where the concept occurs, for people to read: filled in after the graph is built,
    /// empty when the text is not at hand (a map made from counts files).
    public var evidence: [Snippet] = []
}

/// A short passage of a unit, for people to read: where it is, who said it, and its text in
/// pieces, the mentions of the concepts marked.
public struct Snippet: Sendable, Hashable {
    /// A run of the passage's text; `mark` is 0 for plain text, 1 for a mention of the node
    /// (or of a link's source), 2 for a mention of a link's target.
    public struct Piece: Sendable, Hashable {
        public var text: String
        public var mark: Int

        public init(text: String, mark: Int) {
            self.text = text
            self.mark = mark
        }
    }

    public var file: String
    /// 1-based source line of the first marked mention.
    public var line: Int
    public var speaker: String?
    public var pieces: [Piece]

    public init(file: String, line: Int, speaker: String?, pieces: [Piece]) {
        self.file = file
        self.line = line
        self.speaker = speaker
        self.pieces = pieces
    }
}

/// A link between two concepts that occur in the same units.
public struct ConceptEdge: Sendable {
    /// Indices into `ConceptGraph.nodes`; `source < target`.
    public var source: Int
    public var target: Int
    public var count: Int
    public var jaccard: Double
    public var dice: Double
    public var npmi: Double
    public var association: Double
    /// The chosen measure's value.
    public var weight: Double
    /// The first supporting units, in text order (at most `CooccurrenceCounts.supportLimit`).
    public var support: [UnitReference]
    /// Passages where both concepts occur, for people to read (see `ConceptNode.evidence`).
    public var evidence: [Snippet] = []

    public func value(of measure: EdgeMeasure) -> Double {
        switch measure {
        case .count: Double(count)
        case .jaccard: jaccard
        case .dice: dice
        case .npmi: npmi
        case .association: association
        }
    }
}

/// Facts about how a graph was made, written into every export.
public struct GraphMetadata: Sendable {
    public var sourceFiles: [String]
    public var glossaryFiles: [String]
    public var unit: String
    public var weightMeasure: EdgeMeasure
    public var unitCount: Int
    public var version = GlossGraphVersion.string
    /// How betweenness was estimated, when it was (from a sample of source nodes,
    /// `NetworkMeasures.betweennessSampleSize`); nil when exact (from every node).
    public var betweennessEstimate: String?

    public init(sourceFiles: [String], glossaryFiles: [String], unit: String, weightMeasure: EdgeMeasure, unitCount: Int) {
        self.sourceFiles = sourceFiles
        self.glossaryFiles = glossaryFiles
        self.unit = unit
        self.weightMeasure = weightMeasure
        self.unitCount = unitCount
    }
}

/// The weighted concept graph: nodes sorted by concept id, edges by their ends.
public struct ConceptGraph: Sendable {
    public var nodes: [ConceptNode]
    public var edges: [ConceptEdge]
    public var metadata: GraphMetadata
}
