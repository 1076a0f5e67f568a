import ArgumentParser
import GlossGraph

extension CooccurrenceUnit: ExpressibleByArgument {}

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

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl, tsv
    }

    @OptionGroup var input: InputOptions
    @OptionGroup var glossaryOptions: GlossaryOptions

    @Option(name: .shortAndLong, help: "Output format.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "The unit concepts are found in: a speaker's turn, a sentence or a paragraph.")
    var unit: CooccurrenceUnit = .turn

    @Option(name: .long, help: "How many concepts the frequency table lists (text format).")
    var top: Int = 30

    @Flag(name: .long, help: "Print only the frequency table (text format).")
    var summary = false

    func validate() throws {
        guard top > 0 else { throw ValidationError("--top must be at least 1") }
        if summary && format != .text { throw ValidationError("--summary goes with --format text") }
    }

    func run() throws {
        try runReportingErrors {
            let glossary = try glossaryOptions.load()
            let extractor = ConceptExtractor(glossary: glossary)
            var frequencies = CorpusFrequencies(conceptCount: glossary.concepts.count)
            var scratch = TermMatcher.Scratch()
            if format == .tsv { Terminal.write(ExtractionListing.tsvHeader) }
            let options = try input.readingOptions()
            guard !input.inputs.isEmpty else { throw ValidationError("name at least one transcript file or folder") }
            for file in try TranscriptReader.expandInputs(input.inputs) {
                if summary {
                    // Only the frequency table: no unit needs to be kept or printed.
                    Terminal.printNotices(try frequencies.add(file: file, options: options, extractor: extractor, unit: unit))
                    continue
                }
                var nextIndex = 1
                var batch: [UnitExtraction] = []
                func flush() {
                    switch format {
                    case .jsonl: Terminal.write(ExtractionListing.jsonLines(batch, glossary: glossary))
                    case .tsv: Terminal.write(ExtractionListing.tsv(batch, glossary: glossary))
                    case .text: Terminal.write(ExtractionListing.textLines(batch, glossary: glossary))
                    }
                    batch.removeAll(keepingCapacity: true)
                }
                // In parts, so a large file is never held whole.
                let transcript = try TranscriptReader.readInParts(contentsOf: file, options: options) { turns in
                    for turn in turns {
                        UnitSplitter.forEachPiece(of: turn, as: unit, nextIndex: &nextIndex) { piece in
                            let extraction = extractor.extract(piece, scratch: &scratch)
                            frequencies.add(extraction)
                            batch.append(extraction)
                        }
                    }
                    flush()
                }
                Terminal.printNotices(transcript.notices)
            }
            if format == .text {
                if !summary { Terminal.write("\n") }
                Terminal.write(ExtractionListing.frequencyTable(frequencies, glossary: glossary, top: top))
            }
        }
    }
}
