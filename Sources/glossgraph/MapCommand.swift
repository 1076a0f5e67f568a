import ArgumentParser
import Foundation
import GlossGraph

extension EdgeMeasure: ExpressibleByArgument {}

/// How co-occurrence units are made: shared by `map` and `count`.
struct CountingOptions: ParsableArguments {
    @Option(name: .long, help: "The co-occurrence unit: a turn, a sentence or a paragraph.")
    var unit: CooccurrenceUnit = .turn

    @Option(name: .long, help: "Group this many consecutive turns into one unit (with --unit turn).")
    var window: Int = 1

    @Option(name: .long, help: "Files, or parts of a large file, read and counted at once (default: one per core); the output is the same for any number.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Show no progress line, even on a terminal.")
    var quiet = false

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if window < 1 { throw ValidationError("--window must be at least 1") }
        if window > 1 && unit != .turn { throw ValidationError("--window groups turns; use it with --unit turn") }
    }

    /// How the unit is named in exports and counts files.
    var description: String { window > 1 ? "\(window) turns" : unit.rawValue }

    /// Reads and counts every input file, `jobs` files (or parts of a file) at a time, a
    /// part of each file in memory at once; returns the merged counts and the files in input
    /// order. Reading starts while the extractor is still being made; when both fail, the
    /// extractor's (glossary's) error is the one thrown, as if it had been made first.
    func count(_ input: InputOptions, defaultInputs: [String] = [], extractor: @escaping @Sendable () throws -> ConceptExtractor) throws -> (counts: CooccurrenceCounter, files: [String]) {
        do {
            return try count(input, defaultInputs: defaultInputs, deferred: extractor)
        } catch {
            _ = try extractor()
            throw error
        }
    }

    private func count(_ input: InputOptions, defaultInputs: [String], deferred extractor: @escaping @Sendable () throws -> ConceptExtractor) throws -> (counts: CooccurrenceCounter, files: [String]) {
        let options = try input.readingOptions()
        let paths = input.inputs.isEmpty ? defaultInputs : input.inputs
        guard !paths.isEmpty else { throw ValidationError("name at least one transcript file or folder") }
        let files = try TranscriptReader.expandInputs(paths)
        let (unit, window) = (self.unit, self.window)
        // Jobs go to files first; jobs left over read and count the parts of each file.
        let workersPerFile = max(1, jobs / max(1, min(jobs, files.count)))
        let progress = ProgressLine(files: files, quiet: quiet)
        defer { progress.finish() }
        let parts = try Parallel.map(files, jobs: jobs) { file -> (counts: CooccurrenceCounter, notices: [Notice]) in
            // In parts cut at turns, so a large file is never held whole; a window of turns
            // needs the turns of one piece together, so it reads whole files.
            if window > 1 {
                let transcript = try TranscriptReader.read(contentsOf: file, options: options)
                let extractor = try extractor()
                var counts = CooccurrenceCounter(conceptCount: extractor.glossary.concepts.count)
                var scratch = TermMatcher.Scratch()
                counts.add(transcript, extractor: extractor, unit: unit, window: window, scratch: &scratch)
                return (counts, transcript.notices)
            }
            return try CooccurrenceCounter.count(
                file: file, options: options, extractor: extractor, unit: unit, workers: workersPerFile,
                progress: { bytes, units in
                    progress.advance(bytes: bytes)
                    progress.advance(units: units)
                })
        }
        var merged = CooccurrenceCounter(conceptCount: try extractor().glossary.concepts.count)
        for part in parts {
            Terminal.printNotices(part.notices)
            merged.merge(part.counts)
        }
        return (merged, files)
    }
}

/// How the graph is pruned and which files are written: shared by `map` and `merge`.
struct GraphExportOptions: ParsableArguments {
    enum ExportFormat: String, CaseIterable, ExpressibleByArgument {
        case graphml, dot, json, csv
    }

    enum RenderFormat: String, CaseIterable, ExpressibleByArgument {
        case svg, png, pdf, none
    }

    @Option(name: .long, help: "The link measure used for pruning, layout and line width.")
    var weight: EdgeMeasure = .jaccard

    @Option(name: .long, help: "Leave out concepts found in fewer units than this.")
    var minFrequency: Int = 2

    @Option(name: .long, help: "Link two concepts only when they share at least this many units.")
    var minPairCount: Int = 2

    @Option(name: .long, help: "Keep only the strongest N links (KH Coder draws 60).")
    var top: Int = 60

    @Option(name: .long, help: "Keep only links whose weight is at least this.")
    var threshold: Double?

    @Flag(name: .long, help: "Keep every link that passes the other filters (no top-N).")
    var allLinks = false

    @Flag(name: .long, help: "Reduce the links to a maximum spanning forest: the backbone.")
    var backbone = false

    @Flag(name: .long, help: "Keep concepts left without links.")
    var keepIsolated = false

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Formats to write (comma-separated or repeated): graphml, dot, json, csv.", valueName: "FORMAT"))
    var format: [String] = []

    @Option(name: .long, help: "Render the DOT with Graphviz (default: svg when Graphviz is installed).")
    var render: RenderFormat?

    @Option(name: .shortAndLong, help: ArgumentHelp("Output folder, or - to write one format to standard output.", valueName: "DIR"))
    var output: String = "Exports"

    @Option(name: .long, help: "Base name of the files written.")
    var name: String = "concept-map"

    @Flag(name: .long, help: "Add yEd's node graphics to the GraphML.")
    var yed = false

    @Option(name: .long, help: "Font for the DOT and yEd labels; it must have CJK glyphs.")
    var font: String = DOTExporter.defaultFont

    @Option(name: .long, help: "Graphviz layout engine written into the DOT.")
    var layout: String = "neato"

    @Flag(name: .long, help: "Overwrite files in the output folder that glossgraph did not write.")
    var force = false

    var formats: [ExportFormat] {
        get throws {
            let names = format.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } }
            if names.isEmpty { return ExportFormat.allCases }
            return try names.map { name in
                guard let format = ExportFormat(rawValue: name) else {
                    throw ValidationError("unknown format '\(name)'; choose from graphml, dot, json, csv")
                }
                return format
            }
        }
    }

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
        if minFrequency < 1 || minPairCount < 1 { throw ValidationError("--min-frequency and --min-pair-count must be at least 1") }
        if output == "-" {
            if try formats.count != 1 || format.isEmpty {
                throw ValidationError("-o - writes one format to standard output; name it with --format")
            }
            if let render, render != .none { throw ValidationError("--render writes files; it cannot go with -o -") }
        }
        if name.contains("/") || name.isEmpty { throw ValidationError("--name is a file name without folders") }
    }

    private var renderFormat: RenderFormat { render ?? (Graphviz.isInstalled ? .svg : RenderFormat.none) }

    /// Checks the output folder before any work: writable, and nothing in it of someone else's.
    func prepareOutput() throws -> OutputManifest? {
        guard output != "-" else { return nil }
        var fileNames = try formats.flatMap { format -> [String] in
            format == .csv ? ["\(name)-nodes.csv", "\(name)-edges.csv"] : ["\(name).\(format.rawValue)"]
        }
        if renderFormat != .none { fileNames.append("\(name).\(renderFormat.rawValue)") }
        try OutputFolder.prepare(output)
        return try OutputManifest.check(folder: output, files: fileNames, force: force)
    }

    /// Builds the graph from counts and writes every chosen format, then the summary.
    func buildAndWrite(
        counts: CooccurrenceCounter, glossary: Glossary, glossaryFiles: [String], sourceFiles: [String], unit: String,
        manifest: OutputManifest?
    ) throws {
        var options = GraphOptions()
        options.weight = weight
        options.minFrequency = minFrequency
        options.minPairCount = minPairCount
        options.topEdges = allLinks ? nil : top
        options.threshold = threshold
        options.backbone = backbone
        options.keepIsolated = keepIsolated
        let metadata = GraphMetadata(
            sourceFiles: sourceFiles, glossaryFiles: glossaryFiles, unit: unit, weightMeasure: weight, unitCount: counts.unitCount)
        let graph = GraphBuilder.build(counts: counts, glossary: glossary, options: options, metadata: metadata)

        let (yed, font, layout) = (self.yed, self.font, self.layout)
        var exports: [(name: String, format: @Sendable () throws -> [UInt8])] = []
        for format in try formats {
            switch format {
            case .graphml: exports.append(("\(name).graphml", { try GraphMLExporter.format(graph, options: .init(yEd: yed)) }))
            case .dot: exports.append(("\(name).dot", { DOTExporter.format(graph, options: .init(fontName: font, layout: layout)) }))
            case .json: exports.append(("\(name).json", { NodeLinkJSONExporter.format(graph) }))
            case .csv:
                exports.append(("\(name)-nodes.csv", { GephiCSVExporter.nodes(graph) }))
                exports.append(("\(name)-edges.csv", { GephiCSVExporter.edges(graph) }))
            }
        }
        guard var manifest else {
            // Standard output: CSV is two files, so it takes the links, the table Gephi imports last.
            Terminal.write(try exports.last!.format())
            Terminal.printError(MapSummary.text(graph, counts: counts, written: []))
            return
        }
        // The files are independent: each is formatted and written on a core of its own.
        let output = self.output
        var written = try Parallel.map(exports, jobs: ProcessInfo.processInfo.activeProcessorCount) { export in
            let path = (output as NSString).appendingPathComponent(export.name)
            try AtomicFile.write(try export.format(), to: path)
            return path
        }
        if renderFormat != .none {
            let dot = DOTExporter.format(graph, options: .init(fontName: font, layout: layout))
            let path = (output as NSString).appendingPathComponent("\(name).\(renderFormat.rawValue)")
            try Graphviz.render(dot, format: renderFormat.rawValue, to: path)
            written.append(path)
        }
        try manifest.record(exports.map(\.name) + (renderFormat != .none ? ["\(name).\(renderFormat.rawValue)"] : []))
        Terminal.write(MapSummary.text(graph, counts: counts, written: written))
    }
}

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Build the concept graph of transcripts and write it as GraphML, DOT, JSON and CSV.",
        discussion: """
            Two concepts are linked when they occur in the same unit (a turn by default); a pair \
            counts once per unit. Links carry count, Jaccard, Dice, NPMI and association \
            strength; --weight picks the one used for pruning, layout and line width. With no \
            file, the bundled example interview is mapped. Files go to the output folder \
            (default Exports/), each written atomically; with Graphviz installed, the map is \
            also rendered as SVG.
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var glossaryOptions: GlossaryOptions
    @OptionGroup var counting: CountingOptions
    @OptionGroup var export: GraphExportOptions

    func run() throws {
        try runReportingErrors {
            let manifest = try export.prepareOutput()
            let loading = glossaryOptions.loadInBackground()
            let (counts, files) = try counting.count(
                input, defaultInputs: [try BundledFiles.example()], extractor: { try loading.value().extractor })
            let (glossary, glossaryFiles, _) = try loading.value()
            try export.buildAndWrite(
                counts: counts, glossary: glossary, glossaryFiles: glossaryFiles, sourceFiles: files,
                unit: counting.description, manifest: manifest)
        }
    }
}

struct CountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count",
        abstract: "Count concepts and co-occurrences in part of a corpus, for glossgraph merge.",
        discussion: """
            Counts of parts merge exactly: merging the parts of a corpus gives byte for byte the \
            exports that map gives for the whole (with the files in the same order).
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var glossaryOptions: GlossaryOptions
    @OptionGroup var counting: CountingOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The counts file to write.", valueName: "FILE"))
    var output: String

    func run() throws {
        try runReportingErrors {
            let loading = glossaryOptions.loadInBackground()
            let (counts, files) = try counting.count(input, extractor: { try loading.value().extractor })
            let (glossary, glossaryFiles, _) = try loading.value()
            let file = CountsFile(
                counts: counts, conceptIDs: glossary.concepts.map(\.id), unit: counting.description,
                sourceFiles: files, glossaryFiles: glossaryFiles)
            try writeOutput(file.encoded(), to: output)
        }
    }
}

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge counts files of parts of a corpus and write the concept graph, as map does.",
        discussion: "Every part must have been counted with the same glossary and unit."
    )

    @Argument(help: "Counts files written by glossgraph count, in corpus order.")
    var parts: [String]

    @OptionGroup var glossaryOptions: GlossaryOptions
    @OptionGroup var export: GraphExportOptions

    func run() throws {
        try runReportingErrors {
            let manifest = try export.prepareOutput()
            let (glossary, glossaryFiles) = try glossaryOptions.loadWithFiles()
            let ids = glossary.concepts.map(\.id)
            var merged = CooccurrenceCounter(conceptCount: ids.count)
            var sourceFiles: [String] = []
            var unit: String?
            for part in parts {
                let file = try CountsFile.decode(try FileReading.bytes(ofFile: part), file: part)
                guard file.conceptIDs == ids else {
                    throw GlossGraphError("was counted with another glossary than \(glossaryFiles.joined(separator: ", "))", at: SourceLocation(file: part), status: .dataError)
                }
                if let unit, unit != file.unit {
                    throw GlossGraphError("counts units of '\(file.unit)', the other parts of '\(unit)'", at: SourceLocation(file: part), status: .dataError)
                }
                unit = file.unit
                merged.merge(file.counts)
                sourceFiles += file.sourceFiles
            }
            try export.buildAndWrite(
                counts: merged, glossary: glossary, glossaryFiles: glossaryFiles, sourceFiles: sourceFiles, unit: unit ?? "turn",
                manifest: manifest)
        }
    }
}

/// The summary `map` prints: sizes, the top concepts and links with both names, the files.
enum MapSummary {
    static func text(_ graph: ConceptGraph, counts: CooccurrenceCounter, written: [String]) -> String {
        let found = counts.concepts.filter { $0.units > 0 }.count
        var text = "\(counts.unitCount) units (\(graph.metadata.unit)), \(found) concepts found; the map has \(graph.nodes.count) concepts and \(graph.edges.count) links (weight: \(graph.metadata.weightMeasure.rawValue))\n"
        let topNodes = graph.nodes.indices.sorted { graph.nodes[$0].units != graph.nodes[$1].units ? graph.nodes[$0].units > graph.nodes[$1].units : $0 < $1 }.prefix(8)
        if !topNodes.isEmpty {
            text += "top concepts: " + topNodes.map { "\(graph.nodes[$0].concept.bilingualLabel) (\(graph.nodes[$0].units))" }.joined(separator: "; ") + "\n"
        }
        let topEdges = graph.edges.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.count > $1.count }.prefix(5)
        if !topEdges.isEmpty {
            text += "strongest links:\n"
            for edge in topEdges {
                text += "  \(graph.nodes[edge.source].concept.bilingualLabel) — \(graph.nodes[edge.target].concept.bilingualLabel)  (\(edge.count) units, \(graph.metadata.weightMeasure.rawValue) \(JSONText.shortest((edge.weight * 1000).rounded() / 1000)))\n"
            }
        }
        if !written.isEmpty { text += "wrote " + written.joined(separator: ", ") + "\n" }
        return text
    }
}

/// Files that come with GlossGraph, found from the executable like the glossary.
enum BundledFiles {
    static func example() throws -> String {
        let glossary = URL(fileURLWithPath: try GlossaryLocator.defaultFiles()[0]).standardizedFileURL
        let root = glossary.deletingLastPathComponent().deletingLastPathComponent()
        let example = FileReading.displayPath(root.appendingPathComponent("Examples/scaling-and-safety.md").path)
        guard FileManager.default.fileExists(atPath: example) else {
            throw GlossGraphError("the bundled example is not next to the glossary; name a transcript file", status: .noInput)
        }
        return example
    }
}

/// The output folder: created when missing, refused when it cannot be written, before any
/// work is done.
enum OutputFolder {
    static func prepare(_ path: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw GlossGraphError("output '\(path)' exists and is not a folder", status: .cannotCreate)
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw GlossGraphError("cannot create output folder '\(path)'", status: .cannotCreate)
            }
        }
        guard FileManager.default.isWritableFile(atPath: path) else {
            throw GlossGraphError("output folder '\(path)' is not writable", status: .cannotCreate)
        }
    }
}

/// The list of files glossgraph wrote into an output folder (`.glossgraph-files`), so that
/// `map` overwrites its own files and refuses to overwrite anyone else's.
struct OutputManifest {
    static let fileName = ".glossgraph-files"
    let folder: String
    private(set) var entries: Set<String>

    /// Checks that none of `files` exists unless glossgraph wrote it (or `force`), and removes
    /// temporary files that a killed run left behind.
    static func check(folder: String, files: [String], force: Bool) throws -> OutputManifest {
        let path = (folder as NSString).appendingPathComponent(fileName)
        let listed = (try? String(contentsOfFile: path, encoding: .utf8))
            .map { Set($0.split(separator: "\n").map { String($0) }) } ?? []
        if !force {
            for file in files where !listed.contains(file) {
                let target = (folder as NSString).appendingPathComponent(file)
                if FileManager.default.fileExists(atPath: target) {
                    throw GlossGraphError(
                        "'\(target)' exists and glossgraph did not write it; remove it, choose another --output or --name, or pass --force",
                        status: .cannotCreate)
                }
            }
        }
        // Temporary files of a run that was killed; a minute old at least, so a run writing
        // into the same folder right now keeps its own.
        for stale in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where stale.hasPrefix(".glossgraph-") && stale != fileName {
            let stalePath = (folder as NSString).appendingPathComponent(stale)
            let modified = (try? FileManager.default.attributesOfItem(atPath: stalePath)[.modificationDate] as? Date) ?? Date()
            if Date().timeIntervalSince(modified) > 60 { try? FileManager.default.removeItem(atPath: stalePath) }
        }
        return OutputManifest(folder: folder, entries: listed)
    }

    /// Adds `files` to the list, written atomically like every output.
    mutating func record(_ files: [String]) throws {
        entries.formUnion(files)
        let text = entries.sorted().joined(separator: "\n") + "\n"
        try AtomicFile.write(Array(text.utf8), to: (folder as NSString).appendingPathComponent(Self.fileName))
    }
}

/// Runs Graphviz to render DOT.
enum Graphviz {
    static var executable: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var isInstalled: Bool { executable != nil }

    static func render(_ dot: [UInt8], format: String, to path: String) throws {
        guard let executable else {
            throw GlossGraphError(
                "Graphviz is not installed, so the map cannot be rendered; install it (Debian/Ubuntu: apt-get install graphviz fonts-noto-cjk; macOS: brew install graphviz) or pass --render none",
                status: .cannotCreate)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glossgraph-render-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("map.dot")
        let rendered = folder.appendingPathComponent("map.\(format)")
        let errors = folder.appendingPathComponent("stderr")
        try Data(dot).write(to: input)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-T\(format)", input.path, "-o", rendered.path]
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw GlossGraphError("Graphviz failed to render \(format): \(message.trimmingCharacters(in: .whitespacesAndNewlines))", status: .ioError)
        }
        try AtomicFile.write(Array(try Data(contentsOf: rendered)), to: path)
    }
}
