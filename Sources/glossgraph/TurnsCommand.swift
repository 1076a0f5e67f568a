import ArgumentParser
import GlossGraph

struct TurnsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "turns",
        abstract: "Read transcripts into speaker turns and list them.",
        discussion: """
            Formats are detected per file: Markdown with **名字：** labels, plain 'Name: text' \
            lines (optionally timestamped), a name alone on a line, SRT and WebVTT subtitles, \
            or paragraphs when there are no speaker labels.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case table, jsonl
    }

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "Output format: a table for people or JSON Lines for programs.")
    var format: OutputFormat = .table

    func run() throws {
        try runReportingErrors {
            let transcripts = try input.readTranscripts()
            let units = transcripts.flatMap(\.units)
            switch format {
            case .jsonl:
                // In batches, so that the output of a large corpus is never held whole.
                for start in stride(from: 0, to: units.count, by: 4096) {
                    Terminal.write(UnitListing.jsonLines(units[start..<min(start + 4096, units.count)]))
                }
            case .table:
                Terminal.write(UnitListing.table(units, width: Terminal.columns ?? 100))
                let speakers = Set(units.compactMap(\.speaker)).count
                Terminal.printError("\(units.count) units from \(transcripts.count) file\(transcripts.count == 1 ? "" : "s"), \(speakers) speaker\(speakers == 1 ? "" : "s")")
            }
        }
    }
}
