import GlossGraphText

/// Node measures of the concept graph: weighted degree, PageRank, betweenness and
/// communities. Every algorithm visits nodes and neighbours in index order, so results are
/// the same on every run.
public enum NetworkMeasures {
    /// Fills in every node's measures.
    /// `progress` hears of a long computation: the sources of an estimated betweenness done,
    /// and how many there are (called every `progressSources` sources, and at the end).
    public static func annotate(_ graph: inout ConceptGraph, progress: ((_ done: Int, _ total: Int) -> Void)? = nil) {
        let count = graph.nodes.count
        var adjacency = [[(node: Int, weight: Double)]](repeating: [], count: count)
        for edge in graph.edges {
            // Measures need positive weights; NPMI can be negative or zero.
            let weight = max(edge.weight, 1e-9)
            adjacency[edge.source].append((edge.target, weight))
            adjacency[edge.target].append((edge.source, weight))
        }
        for index in 0..<count { adjacency[index].sort { $0.node < $1.node } }
        let pageRank = pageRank(adjacency)
        let sources = count > betweennessExactLimit ? betweennessSampleSize : nil
        let betweenness = betweenness(adjacency, sources: sources, progress: sources == nil ? nil : progress)
        graph.metadata.betweennessEstimate = sources.map { "from \($0) of \(count) nodes as sources (Brandes and Pich 2007)" }
        let communities = louvain(adjacency)
        var weightedDegree = [Double](repeating: 0, count: count)
        for edge in graph.edges {
            weightedDegree[edge.source] += edge.weight
            weightedDegree[edge.target] += edge.weight
        }
        for index in 0..<count {
            graph.nodes[index].weightedDegree = weightedDegree[index]
            graph.nodes[index].pageRank = pageRank[index]
            graph.nodes[index].betweenness = betweenness[index]
            graph.nodes[index].community = communities[index]
        }
    }

    /// Weighted PageRank with damping 0.85; nodes without links spread their rank evenly.
    static func pageRank(_ adjacency: [[(node: Int, weight: Double)]], damping: Double = 0.85) -> [Double] {
        let count = adjacency.count
        guard count > 0 else { return [] }
        let strength = adjacency.map { $0.reduce(0) { $0 + $1.weight } }
        var rank = [Double](repeating: 1 / Double(count), count: count)
        for _ in 0..<200 {
            var next = [Double](repeating: 0, count: count)
            var dangling = 0.0
            for node in 0..<count {
                if strength[node] == 0 {
                    dangling += rank[node]
                    continue
                }
                for neighbour in adjacency[node] {
                    next[neighbour.node] += damping * rank[node] * neighbour.weight / strength[node]
                }
            }
            let base = (1 - damping) / Double(count) + damping * dangling / Double(count)
            var change = 0.0
            for node in 0..<count {
                next[node] += base
                change += abs(next[node] - rank[node])
            }
            rank = next
            if change < 1e-12 { break }
        }
        return rank
    }

    /// Graphs with more nodes than this get betweenness estimated from
    /// `betweennessSampleSize` sources: exact betweenness takes time nodes × links (258 s for
    /// 48,710 concepts and 147,008 links).
    public static let betweennessExactLimit = 2000
    public static let betweennessSampleSize = 1000
    /// Sources between two reports to `annotate`'s progress.
    static let progressSources = 50

    /// Brandes' betweenness on hop counts, normalised by (n−1)(n−2) over both directions as
    /// NetworkX does for undirected graphs. With `sources`, estimated from that many source
    /// nodes spread evenly over the node order and scaled by n / sources, as Brandes and Pich
    /// ("Centrality estimation in large networks", 2007) and NetworkX's `k=` do; the same
    /// nodes every run, so the estimate is deterministic.
    static func betweenness(
        _ adjacency: [[(node: Int, weight: Double)]], sources: Int? = nil, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) -> [Double] {
        let count = adjacency.count
        var centrality = [Double](repeating: 0, count: count)
        guard count > 2 else { return centrality }
        let sampled = sources.map { min($0, count) } ?? count
        for pick in 0..<sampled {
            if pick % progressSources == 0 { progress?(pick, sampled) }
            let source = sampled == count ? pick : pick * count / sampled
            var stack: [Int] = []
            var predecessors = [[Int]](repeating: [], count: count)
            var paths = [Double](repeating: 0, count: count)
            var distance = [Int](repeating: -1, count: count)
            paths[source] = 1
            distance[source] = 0
            var queue = [source]
            var head = 0
            while head < queue.count {
                let node = queue[head]
                head += 1
                stack.append(node)
                for neighbour in adjacency[node] {
                    if distance[neighbour.node] < 0 {
                        distance[neighbour.node] = distance[node] + 1
                        queue.append(neighbour.node)
                    }
                    if distance[neighbour.node] == distance[node] + 1 {
                        paths[neighbour.node] += paths[node]
                        predecessors[neighbour.node].append(node)
                    }
                }
            }
            var dependency = [Double](repeating: 0, count: count)
            while let node = stack.popLast() {
                for predecessor in predecessors[node] {
                    dependency[predecessor] += paths[predecessor] / paths[node] * (1 + dependency[node])
                }
                if node != source { centrality[node] += dependency[node] }
            }
        }
        let scale = Double(count) / Double(sampled) / Double((count - 1) * (count - 2))
        return centrality.map { $0 * scale }
    }

    /// Louvain community detection (modularity, resolution 1), deterministic: nodes are
    /// visited in index order and ties keep the lower community. Communities are numbered by
    /// size, largest first, then by their first node.
    static func louvain(_ adjacency: [[(node: Int, weight: Double)]]) -> [Int] {
        let count = adjacency.count
        guard count > 0 else { return [] }
        var membership = Array(0..<count)  // original node → current super-node
        var graph = adjacency
        while true {
            let local = louvainPass(graph)
            let groups = Set(local).count
            for node in 0..<count { membership[node] = local[membership[node]] }
            if groups == graph.count { break }
            // Aggregate: one super-node per community.
            var aggregated = [[Int: Double]](repeating: [:], count: groups)
            for (node, neighbours) in graph.enumerated() {
                for neighbour in neighbours {
                    aggregated[local[node]][local[neighbour.node], default: 0] += neighbour.weight
                }
            }
            graph = aggregated.map { $0.map { (node: $0.key, weight: $0.value) }.sorted { $0.node < $1.node } }
        }
        // Number communities by size, then by first member.
        var members: [Int: [Int]] = [:]
        for node in 0..<count { members[membership[node], default: []].append(node) }
        let ordered = members.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
        var result = [Int](repeating: 0, count: count)
        for (number, group) in ordered.enumerated() {
            for node in group { result[node] = number }
        }
        return result
    }

    /// One level of Louvain: moves nodes between communities while modularity improves;
    /// returns each node's community, renumbered 0… in order of first appearance.
    private static func louvainPass(_ graph: [[(node: Int, weight: Double)]]) -> [Int] {
        let count = graph.count
        var community = Array(0..<count)
        // Self-loops (from aggregation) count once in the node's strength.
        let strength = graph.map { $0.reduce(0) { $0 + $1.weight } }
        let twiceTotal = strength.reduce(0, +)
        guard twiceTotal > 0 else { return community }
        var communityStrength = strength
        var improved = true
        var rounds = 0
        while improved && rounds < 100 {
            improved = false
            rounds += 1
            for node in 0..<count {
                let current = community[node]
                var linksTo: [Int: Double] = [:]
                for neighbour in graph[node] where neighbour.node != node {
                    linksTo[community[neighbour.node], default: 0] += neighbour.weight
                }
                communityStrength[current] -= strength[node]
                var best = current
                var bestGain = (linksTo[current] ?? 0) - communityStrength[current] * strength[node] / twiceTotal
                for candidate in linksTo.keys.sorted() where candidate != current {
                    let gain = linksTo[candidate]! - communityStrength[candidate] * strength[node] / twiceTotal
                    if gain > bestGain + 1e-12 {
                        best = candidate
                        bestGain = gain
                    }
                }
                communityStrength[best] += strength[node]
                if best != current {
                    community[node] = best
                    improved = true
                }
            }
        }
        var renumber: [Int: Int] = [:]
        return community.map { label in
            if let number = renumber[label] { return number }
            renumber[label] = renumber.count
            return renumber[label]!
        }
    }
}
