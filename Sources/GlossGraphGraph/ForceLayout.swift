import Foundation
import GlossGraphText

/// A deterministic force-directed layout (Fruchterman–Reingold) for tools that open a graph
/// without laying it out, such as yEd: linked concepts pull together, all push apart.
public enum ForceLayout {
    /// Positions for every node, in points, inside a square about `size` wide (by default
    /// wide enough that nodes with bilingual labels keep about 450 points apart).
    public static func positions(_ graph: ConceptGraph, size: Double? = nil, iterations: Int = 300) -> [(x: Double, y: Double)] {
        let count = graph.nodes.count
        guard count > 0 else { return [] }
        let size = size ?? 450 * Double(count).squareRoot()
        // Start on a circle in node order, so the result is the same on every run.
        var position = (0..<count).map { index -> (x: Double, y: Double) in
            let angle = 2 * Double.pi * Double(index) / Double(count)
            return (size / 2 * cos(angle), size / 2 * sin(angle))
        }
        let ideal = size / Double(count).squareRoot()
        let maxWeight = graph.edges.map(\.weight).max() ?? 1
        var temperature = size / 10
        for _ in 0..<iterations {
            var shift = [(x: Double, y: Double)](repeating: (0, 0), count: count)
            for a in 0..<count {
                for b in (a + 1)..<count {
                    let dx = position[a].x - position[b].x, dy = position[a].y - position[b].y
                    let distance = max((dx * dx + dy * dy).squareRoot(), 0.01)
                    let force = ideal * ideal / distance
                    shift[a].x += dx / distance * force
                    shift[a].y += dy / distance * force
                    shift[b].x -= dx / distance * force
                    shift[b].y -= dy / distance * force
                }
            }
            for edge in graph.edges {
                let a = edge.source, b = edge.target
                let dx = position[a].x - position[b].x, dy = position[a].y - position[b].y
                let distance = max((dx * dx + dy * dy).squareRoot(), 0.01)
                let strength = maxWeight > 0 ? 0.5 + max(edge.weight, 0) / maxWeight : 1
                let force = distance * distance / ideal * strength
                shift[a].x -= dx / distance * force
                shift[a].y -= dy / distance * force
                shift[b].x += dx / distance * force
                shift[b].y += dy / distance * force
            }
            for index in 0..<count {
                let length = max((shift[index].x * shift[index].x + shift[index].y * shift[index].y).squareRoot(), 0.01)
                let step = min(length, temperature)
                position[index].x += shift[index].x / length * step
                position[index].y += shift[index].y / length * step
                // Gravity keeps unlinked parts from drifting away.
                position[index].x *= 0.995
                position[index].y *= 0.995
            }
            temperature = max(temperature * 0.98, 1)
        }
        // Rounded, so small floating-point differences cannot change the written file.
        return position.map { ($0.x.rounded(), $0.y.rounded()) }
    }
}
