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

    enum OutputFormat: String, HumanReadableFormat {
        case text, jsonl
    }

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "Output format: text (a table) for people, or JSON Lines for programs.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Also list the lines read as no unit (preamble, headings, link lists, subtitle timings …), with why.")
    var showSkipped = false

    func validate() throws { try input.requireInputs() }

    /// Units held before the first rows of a listing are written, to size its speaker column.
    static let widthSample = 50

    func run() throws {
        try runReportingErrors {
            var listed = 0
            // The parts read are listed as they come, in one speaker column: the first units
            // (up to `widthSample`, or the whole file) are held until they set its width, which
            // later parts only widen (a first part of one short-named turn set it too narrow).
            var speakerColumn = 0
            var held: [TranscriptUnit] = []
            func list(_ units: [TranscriptUnit]) {
                guard !units.isEmpty else { return }
                speakerColumn = max(speakerColumn, UnitListing.speakerWidth(of: units))
                Terminal.write(UnitListing.table(units, width: Terminal.columns ?? 100, header: listed == 0 || units.first?.index == 1, speakerWidth: speakerColumn))
                listed += units.count
            }
            let summary = try TranscriptJobs.readTurns(
                try input.paths(), reading: try input.readingOptions(),
                units: { units in
                    switch format {
                    case .jsonl:
                        Terminal.write(UnitListing.jsonLines(units))
                        listed += units.count
                    case .text:
                        held += units
                        if listed > 0 || held.count >= Self.widthSample {
                            list(held)
                            held = []
                        }
                    }
                },
                notices: Terminal.printNotices,
                finished: { transcript in
                    list(held)
                    held = []
                    // Listing the skipped lines says all that the notice about them would.
                    Terminal.printNotices(transcript.notices.filter { !showSkipped || $0.topic != .skippedText })
                    guard showSkipped else { return }
                    switch format {
                    case .jsonl: Terminal.write(UnitListing.jsonLines(skipped: transcript.skipped))
                    case .text: Terminal.write(UnitListing.table(skipped: transcript.skipped))
                    }
                })
            if format == .text {
                let speakers = summary.speakers.count
                Terminal.printError("\(summary.units) units from \(summary.files) file\(summary.files == 1 ? "" : "s"), \(speakers) speaker\(speakers == 1 ? "" : "s")")
            }
        }
    }
}
