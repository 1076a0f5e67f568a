import ArgumentParser
import GlossGraph

struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Look up a term's Chinese/English pair by any of its names.",
        discussion: """
            A term is found by any name in either language (NFKC, any letter case, ASL-3 = ASL 3 \
            = ASL3, Traditional Chinese as Simplified), by the pinyin of a Chinese name with or \
            without tones and spaces, in any reading of a polyphonic character (xianfa AI, \
            guimo dinglü, weitiao), or by a beginning that only one concept's names have. When \
            nothing matches, the exit status is 1 and only close names are suggested: whole \
            words, a word's beginning, another inflection, a few typos (none in 4 letters or \
            fewer), or 4 letters or more inside a word.
            """
    )

    enum OutputFormat: String, HumanReadableFormat {
        case text, json
    }

    @Argument(help: "The terms to look up.")
    var terms: [String]

    @Option(name: .shortAndLong, help: "Output format.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: ArgumentHelp("The same as --format json.", visibility: .hidden))
    var json = false

    @OptionGroup var glossaryOptions: GlossaryOptions

    func run() throws {
        try runReportingErrors {
            let results = try GlossaryJobs.lookup(terms, in: glossaryOptions.source)
            if json || format == .json {
                Terminal.write(GlossaryListing.json(results))
            } else {
                Terminal.write(results.map(GlossaryListing.text).joined(separator: "\n"))
            }
            if results.contains(where: { $0.matches.isEmpty }) {
                // A term of a text the glossary has never seen is in no glossary yet.
                if glossaryOptions.glossary.isEmpty && !(json || format == .json) {
                    Terminal.writeError(
                        "note: only the bundled glossary was searched; to look up the terms discover proposes for a text, save them with 'glossgraph discover --format glossary TEXT > more.tsv' and look up with --glossary more.tsv (repeat --glossary to keep others)\n")
                }
                throw ExitCode(ExitStatus.notFound.rawValue)
            }
        }
    }
}
