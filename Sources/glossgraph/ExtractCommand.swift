import ArgumentParser
import GlossGraph

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find the glossary's concepts in each turn, under any of their names.",
        discussion: """
            Names are matched leftmost-longest without overlaps (宪法人工智能 before 人工智能), \
            Latin names at word boundaries only, under the glossary's name rules. The text \
            format lists each unit's concepts and ends with the most frequent concepts; jsonl \
            gives one object per unit with every mention's source line and column; tsv one row \
            per mention.
            """
    )

    enum OutputFormat: String, HumanReadableFormat {
        case text, jsonl, tsv
    }

    @OptionGroup var input: InputOptions
    @OptionGroup var glossaryOptions: GlossaryOptions

    @Option(name: .shortAndLong, help: "Output format.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "The unit concepts are found in: a speaker's turn, a sentence or a paragraph (a Markdown table is a unit per row, a list of labelled entries a unit per entry).")
    var unit: CooccurrenceUnit = .turn

    @Option(name: .long, parsing: .unconditional, help: "How many concepts the frequency table lists (text format).")
    var top: Int = 30

    @Flag(name: .long, help: "Print only the frequency table (text format).")
    var summary = false

    @OptionGroup var discovery: DiscoveryOptions

    func validate() throws {
        guard top > 0 else { throw ValidationError("--top must be at least 1") }
        if summary && format != .text { throw ValidationError("--summary goes with --format text") }
        try input.requireInputs()
        try discovery.validate(inputs: try input.paths(), glossary: glossaryOptions)
    }

    func run() throws {
        try runReportingErrors {
            let reading = try input.readingOptions()
            let (glossary, _) = try TranscriptJobs.glossary(
                glossaryOptions.source, for: try input.paths(), reading: reading, discovery: discovery.cut)
            if format == .tsv { Terminal.write(ExtractionListing.tsvHeader) }
            let counts = try TranscriptJobs.extract(
                try input.paths(), reading: reading, glossary: glossary, unit: unit,
                extractions: summary
                    ? nil
                    : { batch in
                        switch format {
                        case .jsonl: Terminal.write(ExtractionListing.jsonLines(batch, glossary: glossary))
                        case .tsv: Terminal.write(ExtractionListing.tsv(batch, glossary: glossary))
                        case .text: Terminal.write(ExtractionListing.textLines(batch, glossary: glossary))
                        }
                    },
                notices: Terminal.printNotices)
            let noneFound = counts.unitCount > 0 && counts.concepts.allSatisfy { $0.units == 0 }
            // An empty table says nothing the note below does not.
            if format == .text && !noneFound {
                if !summary { Terminal.write("\n") }
                Terminal.write(ExtractionListing.frequencyTable(counts, glossary: glossary, top: top))
            }
            // As map says of an empty map: a glossary from another field finds nothing here.
            if noneFound, discovery.cut == nil {
                Terminal.writeError(
                    "note: no concept of the glossary was found in \(counts.unitCount) unit\(counts.unitCount == 1 ? "" : "s"); the glossary covers little of this text: try --discover, which adds the concepts glossgraph discover proposes\n")
            }
        }
    }
}
