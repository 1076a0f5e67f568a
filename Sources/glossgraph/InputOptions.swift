import ArgumentParser
import GlossGraph
import Synchronization

extension InputFormat: ExpressibleByArgument {}
extension CooccurrenceUnit: ExpressibleByArgument {}
extension LabelScript: ExpressibleByArgument {}

/// Options for reading transcripts, shared by every command that reads them.
struct InputOptions: ParsableArguments {
    @Argument(help: "Transcript files or folders (searched for .md, .txt, .srt, .vtt, .ass, .ssa); - is standard input.")
    var inputs: [String] = []

    @Option(name: .long, help: "Read the inputs as this format instead of detecting it.")
    var inputFormat: InputFormat = .auto

    @Flag(name: .long, help: "Keep editor's notes (> blockquotes between turns) as separate 'note' units.")
    var keepNotes = false

    @Flag(name: .long, help: "Read invalid UTF-8 or UTF-16 as U+FFFD, with a warning, instead of failing.")
    var replaceInvalid = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The inputs' text encoding when it is not UTF-8 (gb18030, big5, or any name iconv knows); such files are read whole.",
            valueName: "NAME"))
    var encoding: String?

    @Option(name: .long, help: ArgumentHelp("Show a speaker label under another name, e.g. 莱克斯=Lex Fridman (repeatable).", valueName: "LABEL=NAME"))
    var speaker: [String] = []

    @Option(name: .long, help: ArgumentHelp("A file of LABEL=NAME lines mapping speaker labels to display names.", valueName: "FILE"))
    var speakerMap: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also read the names of inputs from FILE (- is standard input): one per line, or separated by NUL bytes (find -print0).",
            valueName: "FILE"))
    var filesFrom: String?

    /// The inputs named, then those listed by `--files-from`; with none, standard input when
    /// it is piped, else `defaults`.
    func paths(defaults: [String] = []) throws -> [String] {
        if let filesFrom {
            if filesFrom == "-" && inputs.contains("-") { throw ValidationError("--files-from - reads names from standard input, which cannot also be a transcript") }
            // Read first during validation, where the argument parser would report a library
            // error as its own (status 1): reported here as every run reports them.
            var listed: [String] = []
            try runReportingErrors { listed = try ListedInputs.names(listedIn: filesFrom) }
            return inputs + listed
        }
        if !inputs.isEmpty { return inputs }
        return Terminal.standardInputIsPiped ? ["-"] : defaults
    }

    /// For commands without a default input: a usage error when nothing is to be read.
    func requireInputs() throws {
        if try paths().isEmpty { throw ValidationError("name at least one transcript file or folder (or - for standard input)") }
    }

    func readingOptions() throws(GlossGraphError) -> ReadingOptions {
        var map = SpeakerMap()
        if let speakerMap { map = try SpeakerMap.load(contentsOf: speakerMap) }
        for entry in speaker {
            try map.add(entry: entry, source: SourceLocation(file: "--speaker"))
        }
        return ReadingOptions(
            format: inputFormat, keepNotes: keepNotes, replaceInvalid: replaceInvalid, speakerMap: map, encoding: encoding)
    }
}

/// The `--glossary` option shared by every command that uses the glossary.
struct GlossaryOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A glossary file or folder of .tsv files (repeatable; merged). Default: the bundled Glossary/.",
            valueName: "FILE"))
    var glossary: [String] = []

    var source: GlossarySource { GlossarySource(paths: glossary) }
}

/// `--discover` and what goes with it, for the commands that find concepts in the inputs
/// (`map`, `extract`).
struct DiscoveryOptions: ParsableArguments {
    @Flag(name: .long, help: "Add the concepts glossgraph discover proposes for these inputs (glosses the text states, names and terms found twice) to the glossary for this run; maps mark them source=discovered and draw them dashed.")
    var discover = false

    @Option(name: .long, parsing: .unconditional, help: "With --discover, add at most this many proposals.")
    var discoverLimit: Int = 40

    @Flag(name: .long, help: "With --discover, start from no glossary: only the concepts discovered in the inputs are found (for text from another field than the glossary's).")
    var noGlossary = false

    /// The cut for the library, or nil without `--discover`.
    var cut: DiscoveryCut? { discover ? DiscoveryCut(limit: discoverLimit, withoutGlossary: noGlossary) : nil }

    func validate(inputs: [String], glossary: GlossaryOptions) throws {
        if discoverLimit < 1 { throw ValidationError("--discover-limit must be at least 1") }
        if noGlossary && !discover { throw ValidationError("--no-glossary needs --discover: without a glossary, only discovered concepts can be found") }
        if noGlossary && !glossary.glossary.isEmpty { throw ValidationError("--no-glossary and --glossary exclude each other") }
        if discover && inputs.contains("-") { throw ValidationError("--discover reads the inputs twice: name files, not standard input") }
    }
}

/// The names a `--files-from` list gives, read once per run: validation and the run ask for
/// them both, and standard input can be read only once.
enum ListedInputs {
    private static let read = Mutex<[String: [String]]>([:])

    static func names(listedIn path: String) throws -> [String] {
        if let names = read.withLock({ $0[path] }) { return names }
        let names = try InputList.names(listedIn: path)
        read.withLock { $0[path] = names }
        return names
    }
}
