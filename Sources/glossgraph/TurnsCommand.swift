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
            let options = try input.readingOptions()
            guard !input.inputs.isEmpty else { throw ValidationError("name at least one transcript file or folder") }
            let files = try TranscriptReader.expandInputs(input.inputs)
            var unitCount = 0
            var speakers = Set<String>()
            for file in files {
                // In parts, so the output of a large file streams and the file is never held whole.
                let transcript = try TranscriptReader.readInParts(contentsOf: file, options: options) { units in
                    unitCount += units.count
                    speakers.formUnion(units.compactMap(\.speaker))
                    switch format {
                    case .jsonl: Terminal.write(UnitListing.jsonLines(units))
                    case .table: Terminal.write(UnitListing.table(units, width: Terminal.columns ?? 100, header: unitCount == units.count))
                    }
                }
                Terminal.printNotices(transcript.notices)
            }
            if format == .table {
                Terminal.printError("\(unitCount) units from \(files.count) file\(files.count == 1 ? "" : "s"), \(speakers.count) speaker\(speakers.count == 1 ? "" : "s")")
            }
        }
    }
}
