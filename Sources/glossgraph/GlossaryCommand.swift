import ArgumentParser
import GlossGraph

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

        func run() throws {
            try runReportingErrors {
                let paths = try files.isEmpty
                    ? GlossaryLocator.defaultFiles()
                    : files.flatMap { path throws(GlossGraphError) in try GlossaryLocator.files(in: path) }
                let glossary = try Glossary.load(files: paths)
                let names = glossary.concepts.reduce(0) { $0 + $1.names.count }
                Terminal.write("ok: \(glossary.concepts.count) concepts, \(names) names in \(paths.count) file\(paths.count == 1 ? "" : "s")\n")
            }
        }
    }

    enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
        case tbx, csv, md
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the glossary as TBX (ISO 30042 TBX-Basic), CSV for CAT tools, or a Markdown table."
        )

        @Option(name: .shortAndLong, help: "The format to write.")
        var format: ExportFormat

        @Option(name: .shortAndLong, help: ArgumentHelp("The file to write (default: standard output).", valueName: "FILE"))
        var output: String?

        @OptionGroup var glossaryOptions: GlossaryOptions

        func run() throws {
            try runReportingErrors {
                let concepts = try glossaryOptions.load().concepts
                let bytes: [UInt8] =
                    switch format {
                    case .tbx: try GlossaryTBX.format(concepts)
                    case .csv: GlossaryCSV.format(concepts)
                    case .md: GlossaryMarkdown.format(concepts)
                    }
                try writeOutput(bytes, to: output)
            }
        }
    }

    enum ImportFormat: String, ExpressibleByArgument, CaseIterable {
        case tbx, csv
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a TBX or CSV termbase and write it as glossary rows.",
            discussion: "The rows are validated like the glossary itself before anything is written."
        )

        @Argument(help: "The TBX or CSV file to read.")
        var file: String

        @Option(name: .shortAndLong, help: "The format of the file (default: from its extension).")
        var format: ImportFormat?

        @Option(name: .shortAndLong, help: ArgumentHelp("The glossary file to write (default: standard output).", valueName: "FILE"))
        var output: String?

        func run() throws {
            try runReportingErrors {
                let bytes = try FileReading.bytes(ofFile: file)
                let chosen = format ?? (file.lowercased().hasSuffix(".csv") ? .csv : .tbx)
                let rows: [(concept: Concept, line: Int)] =
                    switch chosen {
                    case .tbx: try GlossaryTBX.parse(bytes, file: file)
                    case .csv: try GlossaryCSV.parse(String(decoding: bytes, as: UTF8.self), file: file)
                    }
                // Validate as a glossary, so that what is written loads.
                let glossary = try Glossary(
                    concepts: rows.map(\.concept), sources: rows.map { SourceLocation(file: file, line: $0.line) })
                let text = "# Imported by GlossGraph from \(file)\n" + GlossaryTSV.format(glossary.concepts)
                try writeOutput(Array(text.utf8), to: output)
            }
        }
    }
}

/// Writes to a file atomically, or to standard output when no file (or `-`) is named.
func writeOutput(_ bytes: [UInt8], to path: String?) throws {
    if let path, path != "-" {
        try AtomicFile.write(bytes, to: path)
    } else {
        Terminal.write(bytes)
    }
}
