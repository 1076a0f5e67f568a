extension ExtractionListing {
    /// The most frequent concepts with both names, their counts and who mentions them.
    public static func frequencyTable(_ counts: CooccurrenceCounts, glossary: Glossary, top: Int) -> String {
        let concepts = counts.concepts
        // Most units first, then most mentions, then glossary order.
        let ranked = concepts.indices.filter { concepts[$0].units > 0 }.sorted {
            (concepts[$0].units, concepts[$0].mentions, $1) > (concepts[$1].units, concepts[$1].mentions, $0)
        }
        var output = "\(ranked.count) concept\(ranked.count == 1 ? "" : "s") in \(counts.unitCount) unit\(counts.unitCount == 1 ? "" : "s")"
        output += ranked.count > top ? "; the \(top) most frequent:\n" : ":\n"
        let rows = ranked.prefix(top).enumerated().map { rank, conceptIndex -> [String] in
            let concept = glossary.concepts[conceptIndex]
            let counts = concepts[conceptIndex]
            let speakers = counts.speakerMentions.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            return [String(rank + 1), concept.zh.isEmpty ? "–" : concept.zh, concept.en.isEmpty ? "–" : concept.en, String(counts.units), String(counts.mentions), speakers]
        }
        let header = ["#", "中文", "English", "units", "mentions", "speakers (mentions)"]
        var widths = header.map(TerminalText.displayWidth)
        for row in rows {
            for (column, cell) in row.enumerated().dropLast() { widths[column] = max(widths[column], TerminalText.displayWidth(cell)) }
        }
        for row in [header] + rows {
            let cells = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : TerminalText.padded(cell, to: widths[column])
            }
            output += cells.joined(separator: "  ").trimmingWhitespace() + "\n"
        }
        return output
    }
}
