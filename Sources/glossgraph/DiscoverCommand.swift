import ArgumentParser
import Foundation
import GlossGraph

struct DiscoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "Propose new glossary entries from transcripts: stated glosses, Latin names, lower-case English jargon, recurring Chinese terms.",
        discussion: """
            Glosses are pairs the text states (负责任扩展计划（responsible scaling plan，RSP）, \
            RLHF（强化学习与人类反馈）, X指的是Y, first crack 就是一爆); asides, years, citations, \
            URLs, e-mail addresses and enumerations in brackets are not. Two Chinese names of one \
            concept (X，也就是Y, X又称Y) make one proposal with a variant. Latin acronyms and \
            names, foreign names written in Chinese with a middle dot (阿曼达·阿斯克尔, joined \
            to the Latin name they transliterate), lower-case English set in Chinese text that \
            general English seldom uses (wordfreq's list; said once, in a text short enough that \
            once is far above its general frequency), and Chinese strings that recur and behave like terms (C-value, \
            branching entropy, no function characters at the edges, bold as a hint), follow. \
            Known concepts are left out; new names of known \
            concepts are offered as additions to them. Editor's notes are read too: they often \
            gloss terms. With no file (and nothing piped), the bundled example is read.
            """
    )

    enum OutputFormat: String, HumanReadableFormat {
        case text, glossary, json
    }

    @OptionGroup var input: InputOptions
    @OptionGroup var glossaryOptions: GlossaryOptions

    @Flag(name: .long, help: "Use no glossary, as on a new domain.")
    var noGlossary = false

    @Option(name: .shortAndLong, help: "Output format.")
    var format: OutputFormat = .text

    @Option(name: .long, parsing: .unconditional, help: "How many candidates to list.")
    var top: Int = 50

    @Option(name: .shortAndLong, parsing: .unconditional, help: "Files, or parts of a large file, read at once (default: one per core); the proposals are the same for any number.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(
        name: .long,
        help: "The inputs are files that glossgraph count --discover wrote for the parts of a corpus, in corpus order: propose for the whole. Give the glossary the parts were counted with (--glossary, as count had it); parts counted with another are refused.")
    var fromCounts = false

    func validate() throws {
        guard top > 0 else { throw ValidationError("--top must be at least 1") }
        guard jobs > 0 else { throw ValidationError("--jobs must be at least 1") }
        if noGlossary && !glossaryOptions.glossary.isEmpty { throw ValidationError("--no-glossary and --glossary exclude each other") }
        if fromCounts {
            if noGlossary { throw ValidationError("--from-counts needs the glossary the parts were counted with (--glossary, as count had it); --no-glossary cannot go with it") }
            if input.inputs.isEmpty { throw ValidationError("--from-counts needs the files count --discover wrote") }
        }
    }

    func run() throws {
        try runReportingErrors {
            let candidates = fromCounts
                ? try AnalysisJobs.proposals(fromStatistics: input.inputs, glossary: glossaryOptions.source, notices: Terminal.printNotices)
                : try AnalysisJobs.discover(
                    try input.paths(), reading: try input.readingOptions(), glossary: noGlossary ? nil : glossaryOptions.source,
                    jobs: jobs, notices: Terminal.printNotices)
            switch format {
            case .text:
                Terminal.write(DiscoveryListing.table(candidates, limit: top))
                if candidates.count > top { Terminal.write("(\(candidates.count - top) more; --top N shows more)\n") }
            case .glossary, .json:
                if format == .json {
                    Terminal.write(DiscoveryListing.json(candidates, limit: top))
                } else {
                    Terminal.write(DiscoveryListing.glossaryRows(candidates, limit: top))
                }
                // The output is data for another program: what it leaves out is said on standard error.
                if candidates.count > top {
                    Terminal.writeError(
                        "note: \(top) of \(candidates.count) proposals written, in rank order; --top \(candidates.count) writes them all\n")
                }
            }
        }
    }
}
