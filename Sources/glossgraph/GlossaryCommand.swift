import ArgumentParser
import GlossGraph

extension GlossaryJobs.ExportFormat: ExpressibleByArgument {}
extension GlossaryJobs.ImportFormat: ExpressibleByArgument {}

struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Check, export and import the bilingual glossary.",
        subcommands: [Check.self, Export.self, Import.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate glossary files and report every problem.",
            discussion: """
                Reports malformed rows, empty names, duplicate ids and names claimed by two \
                concepts, each with its file and line. Exit 0 when valid, 65 when not.
                """
        )

        @Argument(help: "Glossary files or folders (default: the bundled glossary).")
        var files: [String] = []

        // As the other commands name a glossary: `--glossary FILE` checks FILE too.
        @OptionGroup var glossaryOptions: GlossaryOptions

        func run() throws {
            try runReportingErrors {
                let loaded = try GlossaryJobs.check(GlossarySource(paths: files + glossaryOptions.glossary))
                let names = loaded.glossary.concepts.reduce(0) { $0 + $1.names.count }
                let count = loaded.files.count
                Terminal.write("ok: \(loaded.glossary.concepts.count) concepts, \(names) names in \(count) file\(count == 1 ? "" : "s")\n")
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the glossary as TBX (ISO 30042 TBX-Basic), CSV for CAT tools, or a Markdown table."
        )

        @Option(name: .shortAndLong, help: "The format to write.")
        var format: GlossaryJobs.ExportFormat

        @Option(name: .shortAndLong, help: ArgumentHelp("The file to write (default: standard output).", valueName: "FILE"))
        var output: String?

        @OptionGroup var glossaryOptions: GlossaryOptions

        func run() throws {
            try runReportingErrors {
                try writeOutput(try GlossaryJobs.export(glossaryOptions.source, as: format), to: output)
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a TBX or CSV termbase and write it as glossary rows.",
            discussion: """
                The rows are validated like the glossary itself before anything is written; a bad \
                row is an error with its file and line. Language tags are read as BCP 47 (en_US, \
                zh_CN, cmn-Hans); a langSec of another language, an empty term or an entry with no \
                English or Chinese term is left out with a warning naming the entry. A CSV that is \
                not UTF-8 is an error naming the byte, unless --encoding names its encoding.
                """
        )

        @Argument(help: "The TBX or CSV file to read.")
        var file: String

        @Option(name: .shortAndLong, help: "The format of the file (default: from its extension).")
        var format: GlossaryJobs.ImportFormat?

        @Option(name: .shortAndLong, help: ArgumentHelp("The glossary file to write (default: standard output).", valueName: "FILE"))
        var output: String?

        @Option(
            name: .long,
            help: ArgumentHelp(
                "The file's text encoding when it is not UTF-8 (a CSV from a Chinese spreadsheet: gb18030, big5).", valueName: "NAME"))
        var encoding: String?

        func run() throws {
            let encodingHint = { (problem: Problem) -> String? in
                switch problem {
                case .invalidUTF8(_, let likely): return ", or name its encoding with --encoding \(likely?.lowercased() ?? "(gb18030, big5)")"
                case .notWellFormedXML(let message) where message.contains("UTF-8") || message.contains("encoding"):
                    return "; if the file is not UTF-8, name its encoding with --encoding (gb18030, big5)"
                default: return nil
                }
            }
            try runReportingErrors(commandHint: encodingHint) {
                try writeOutput(
                    try GlossaryJobs.importTermbase(file, format: format, encoding: encoding, notices: Terminal.printNotices), to: output)
            }
        }
    }
}
