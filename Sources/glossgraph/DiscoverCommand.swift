import ArgumentParser
import GlossGraph

struct DiscoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "Propose new glossary entries from transcripts: stated glosses, Latin names, recurring Chinese terms.",
        discussion: """
            Glosses are pairs the text states (负责任扩展计划（responsible scaling plan，RSP）, \
            RLHF（强化学习与人类反馈）, X指的是Y); asides, years, citations, URLs and \
            enumerations in brackets are not. Latin acronyms and names, and Chinese strings that \
            recur and behave like terms (C-value, branching entropy, no function characters at \
            the edges, bold as a hint), follow. Known concepts are left out; new names of known \
            concepts are offered as additions to them. Editor's notes are read too: they often \
            gloss terms.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case table, glossary, json
    }

    @OptionGroup var input: InputOptions
    @OptionGroup var glossaryOptions: GlossaryOptions

    @Flag(name: .long, help: "Use no glossary, as on a new domain.")
    var noGlossary = false

    @Option(name: .shortAndLong, help: "Output format.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "How many candidates to list.")
    var top: Int = 50

    func validate() throws {
        guard top > 0 else { throw ValidationError("--top must be at least 1") }
        if noGlossary && !glossaryOptions.glossary.isEmpty { throw ValidationError("--no-glossary and --glossary exclude each other") }
    }

    func run() throws {
        try runReportingErrors {
            var reading = try input.readingOptions()
            reading.keepNotes = true
            var transcripts: [Transcript] = []
            var bold = Set<String>()
            let paths = input.inputs.isEmpty ? [try BundledFiles.example()] : input.inputs
            for file in try TranscriptReader.expandInputs(paths) {
                let bytes = try FileReading.bytes(ofFile: file)
                let transcript = try TranscriptReader.read(bytes: bytes, file: file, options: reading)
                Terminal.printNotices(transcript.notices)
                transcripts.append(transcript)
                bold.formUnion(BoldSpans.find(in: String(decoding: bytes, as: UTF8.self)))
            }
            let glossary = noGlossary ? nil : try glossaryOptions.load()
            let candidates = Discoverer(glossary: glossary).discover(transcripts, boldSpans: bold)
            switch format {
            case .table: Terminal.write(DiscoveryListing.table(candidates, limit: top))
            case .glossary: Terminal.write(DiscoveryListing.glossaryRows(candidates, limit: top))
            case .json: Terminal.write(DiscoveryListing.json(candidates, limit: top))
            }
        }
    }
}
