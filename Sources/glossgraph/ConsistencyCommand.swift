import ArgumentParser
import GlossGraph

struct ConsistencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consistency",
        abstract: "Check a translation's terminology against the glossary, as CAT-tool QA does.",
        discussion: """
            For each concept found: the names it is used under, with counts, turns and lines. \
            Each file is checked on its own. \
            Flags deprecated renderings (with the preferred name of their language), concepts \
            rendered under several Chinese names, and English names that Chinese text keeps \
            without ever using the glossary's Chinese (not for products, models, companies, \
            benchmarks and people unless the glossary's translate column says yes). Plurals of \
            a preferred name and abbreviations are never findings. Exit status, as diff and \
            grep use it: 0 when clean or only kept names are left to review, 1 when the text \
            must change, 2 or more for trouble (64 \
            usage, 65 bad input, 66 missing input …). --suggest prints, as a unified diff for \
            patch, exactly the replacements the report shows (→); the files are never changed. \
            A file in Traditional characters is checked against the Traditional (or, with \
            --script tw or hk, the regional) names, and a name in the other script is a finding.
            """
    )

    enum OutputFormat: String, HumanReadableFormat {
        case text, md, json, tsv
    }

    @OptionGroup var input: InputOptions
    @OptionGroup var glossaryOptions: GlossaryOptions

    @Option(name: .shortAndLong, help: "Report format: text for the terminal, md for editors, json or tsv for scripts.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Print the report's replacements of deprecated and non-preferred names as a unified diff.")
    var suggest = false

    @Flag(name: .long, help: "Also report a concept named under several English names in English text.")
    var englishVariants = false

    @Option(
        name: .long,
        help: "The script the texts are checked in: hans, hant, tw or hk (default: each file's own, Simplified or Traditional).")
    var script: LabelScript?

    func validate() throws { try input.requireInputs() }

    func run() throws {
        try runReportingErrors {
            let result = try AnalysisJobs.consistency(
                try input.paths(), reading: try input.readingOptions(), glossary: glossaryOptions.source, suggest: suggest, englishVariants: englishVariants, script: script,
                notices: Terminal.printNotices)
            if result.conceptsFound == 0 {
                Terminal.printError(
                    "note: no concept of the glossary was found in the inputs, so no name was checked; glossgraph discover --format glossary "
                        + "writes this text's terms as a glossary to review and pass with --glossary")
            }
            if let suggestions = result.suggestions {
                Terminal.write(suggestions)
                let unchanged = result.findings.filter { $0.needsAction && !$0.usages.contains { $0.replacement != nil } }
                if !unchanged.isEmpty {
                    Terminal.printError(
                        "note: \(unchanged.count) finding\(unchanged.count == 1 ? "" : "s") no replacement can mend (English left untranslated, "
                            + "several English names): glossgraph consistency without --suggest lists \(unchanged.count == 1 ? "it" : "them")")
                }
            } else {
                switch format {
                case .text: Terminal.write(ConsistencyReport.text(result.findings))
                case .md: Terminal.write(ConsistencyReport.markdown(result.findings, files: result.files))
                case .json: Terminal.write(ConsistencyReport.json(result.findings))
                case .tsv: Terminal.write(ConsistencyReport.tsv(result.findings))
                }
            }
            if result.findings.contains(where: \.needsAction) { throw ExitCode(ExitStatus.findings.rawValue) }
        }
    }
}
