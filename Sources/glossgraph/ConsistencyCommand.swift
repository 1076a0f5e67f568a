import ArgumentParser
import GlossGraph

struct ConsistencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consistency",
        abstract: "Check a translation's terminology against the glossary, as CAT-tool QA does.",
        discussion: """
            For each concept found: the names it is used under, with counts, turns and lines. \
            Flags deprecated renderings (with the preferred name), concepts rendered under \
            several Chinese (or English) names, and English names left without the glossary's \
            Chinese. Exit status: 0 when clean, 2 when there are findings (other failures as \
            for every command). --suggest prints the fixes as a unified diff for patch; the \
            files are never changed.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, md, json, tsv
    }

    @OptionGroup var input: InputOptions
    @OptionGroup var glossaryOptions: GlossaryOptions

    @Option(name: .shortAndLong, help: "Report format: text for the terminal, md for editors, json or tsv for scripts.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Print the replacements of deprecated and non-preferred names as a unified diff.")
    var suggest = false

    func run() throws {
        try runReportingErrors {
            let glossary = try glossaryOptions.load()
            let transcripts = try input.readTranscripts()
            let checker = ConsistencyChecker(glossary: glossary)
            let findings = checker.findings(transcripts)
            if suggest {
                let usages = checker.usages(transcripts)
                for transcript in transcripts {
                    let text = String(decoding: try FileReading.bytes(ofFile: transcript.file), as: UTF8.self)
                    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                    let endsWithNewline = text.hasSuffix("\n")
                    if endsWithNewline { lines.removeLast() }
                    let edits = ConsistencySuggestions.edits(usages, file: transcript.file, lines: lines)
                    Terminal.write(ConsistencySuggestions.unifiedDiff(file: transcript.file, lines: lines, edits: edits, endsWithNewline: endsWithNewline))
                }
            } else {
                switch format {
                case .text: Terminal.write(ConsistencyReport.text(findings))
                case .md: Terminal.write(ConsistencyReport.markdown(findings, files: transcripts.map(\.file)))
                case .json: Terminal.write(ConsistencyReport.json(findings))
                case .tsv: Terminal.write(ConsistencyReport.tsv(findings))
                }
            }
            if !findings.isEmpty { throw ExitCode(2) }
        }
    }
}
