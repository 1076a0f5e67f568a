import Foundation
import GlossGraphExtraction
import GlossGraphText

/// How often each concept occurs and how often two concepts occur in the same unit (a pair
/// counts once per unit), with the first supporting units of each pair: what a
/// `CooccurrenceTally` counted, what a counts file holds, and what the graph is built from.
///
/// What is kept does not depend on the order units arrive in (the smallest supporting
/// references, the earliest first mention), so counts of parts of a corpus merge into exactly
/// the counts of the whole, whichever way it was split.
public struct CooccurrenceCounts: Sendable {
    /// Supporting units kept per pair and per concept; counts are always exact.
    public static let supportLimit = 100

    public struct ConceptCounts: Sendable {
        public var units = 0
        public var mentions = 0
        public var speakerMentions: [String: Int] = [:]
        public var firstMention: MentionLocation?
    }

    public struct PairCounts: Sendable {
        public var count = 0
        public var support: [UnitReference] = []
    }

    public private(set) var concepts: [ConceptCounts]
    /// Keyed by `first << 32 | second` with `first < second` (concept indices).
    public private(set) var pairs: [UInt64: PairCounts] = [:]
    public private(set) var unitCount = 0

    public init(conceptCount: Int) {
        concepts = Array(repeating: ConceptCounts(), count: conceptCount)
    }

    /// Adds the counts of another part of the corpus, counted with the same glossary.
    public mutating func merge(_ other: CooccurrenceCounts) {
        precondition(other.concepts.count == concepts.count, "counts of different glossaries")
        unitCount += other.unitCount
        for index in concepts.indices {
            let theirs = other.concepts[index]
            concepts[index].units += theirs.units
            concepts[index].mentions += theirs.mentions
            concepts[index].speakerMentions.merge(theirs.speakerMentions, uniquingKeysWith: +)
            if let first = theirs.firstMention { concepts[index].firstMention = Self.earlier(concepts[index].firstMention, first) }
        }
        for (key, pair) in other.pairs {
            Self.add(pair, to: &pairs[key, default: PairCounts()])
        }
    }

    /// One access to the dictionary entry instead of two.
    private static func add(_ other: PairCounts, to pair: inout PairCounts) {
        if pair.count == 0 {
            pair = other
        } else {
            pair.count += other.count
            keepSmallest(&pair.support, adding: other.support)
        }
    }

    package static func earlier(_ current: MentionLocation?, _ candidate: MentionLocation) -> MentionLocation {
        guard let current else { return candidate }
        return (candidate.file, candidate.line, candidate.column) < (current.file, current.line, current.column) ? candidate : current
    }

    /// Keeps the `supportLimit` smallest references, sorted; `references` must be sorted too.
    package static func keepSmallest(_ support: inout [UnitReference], adding references: some Sequence<UnitReference>) {
        for reference in references {
            // The rest are larger still: a full list keeps none of them.
            if support.count == supportLimit, let last = support.last, !(reference < last) { break }
            // References of one part arrive in order: most go at the end.
            if support.last.map({ $0 < reference }) ?? true {
                support.append(reference)
                continue
            }
            var low = 0, high = support.count
            while low < high {
                let middle = (low + high) / 2
                if support[middle] < reference { low = middle + 1 } else { high = middle }
            }
            if low < support.count && support[low] == reference { continue }
            support.insert(reference, at: low)
            if support.count > supportLimit { support.removeLast() }
        }
    }

    /// Builds counts from their parts, as read from a counts file.
    public init(unitCount: Int, concepts: [ConceptCounts], pairs: [UInt64: PairCounts]) {
        self.unitCount = unitCount
        self.concepts = concepts
        self.pairs = pairs
    }
}
