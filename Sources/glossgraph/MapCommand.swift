import ArgumentParser
import Foundation
import GlossGraph

extension EdgeMeasure: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
extension GraphvizLayout: ExpressibleByArgument {}
extension NodeLabels: ExpressibleByArgument {}

/// How co-occurrence units are made: shared by `map` and `count`.
struct CountingOptions: ParsableArguments {
    @Option(name: .long, help: "The co-occurrence unit: a turn, a sentence or a paragraph (a Markdown table is a unit per row, a list of labelled entries a unit per entry).")
    var unit: CooccurrenceUnit = .turn

    @Option(name: .long, parsing: .unconditional, help: "Group this many consecutive turns into one unit (with --unit turn).")
    var window: Int = 1

    @Option(name: .shortAndLong, parsing: .unconditional, help: "Files, or parts of a large file, read and counted at once (default: one per core); the output is the same for any number.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Show no progress line, even on a terminal.")
    var quiet = false

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if window < 1 { throw ValidationError("--window must be at least 1") }
        if window > 1 && unit != .turn { throw ValidationError("--window groups turns; use it with --unit turn") }
    }

    var settings: CountingSettings { CountingSettings(unit: unit, window: window, jobs: jobs) }
}

/// How the graph is pruned and which files are written: shared by `map` and `merge`.
struct GraphExportOptions: ParsableArguments {
    enum RenderChoice: String, CaseIterable, ExpressibleByArgument {
        case svg, png, pdf, none
    }

    @Option(name: .long, help: "The link measure used for pruning, layout and line width (default: VOSviewer's association strength).")
    var weight: EdgeMeasure = .association

    @Option(name: .long, parsing: .unconditional, help: "Leave out concepts found in fewer units than this (default: 2; 1 when neither this nor --min-pair-count is given and a short text's map would link too few).")
    var minFrequency: Int?

    @Option(name: .long, parsing: .unconditional, help: "Map only the N most frequent concepts (KH Coder's top-N).")
    var concepts: Int = 60

    @Flag(name: .long, help: "Map every concept that passes the other filters (no top-N).")
    var allConcepts = false

    @Option(name: .long, parsing: .unconditional, help: "Link two concepts only when they share at least this many units (default 2; in a text of fewer than 100 units the backbone also joins concepts that share one).")
    var minPairCount: Int?

    @Option(name: .long, parsing: .unconditional, help: "Keep the strongest N links in all, the backbone's first (default: 1.25 links per concept on the map).")
    var top: Int?

    @Option(name: .long, parsing: .unconditional, help: "Keep only links whose weight is at least this.")
    var threshold: Double?

    @Flag(name: .long, help: "Keep every link that passes the other filters (no top-N).")
    var allLinks = false

    @Flag(
        name: .long, inversion: .prefixedNo,
        help: "Keep the links' maximum spanning forest first, so that no strong concept floats alone.")
    var backbone = true

    @Flag(
        name: .long, inversion: .prefixedNo,
        help: "Keep concepts left without links (default: only on a short text's map that links few concepts).")
    var keepIsolated: Bool?

    @Option(
        name: .shortAndLong, parsing: .singleValue,
        help: ArgumentHelp("Formats to write (comma-separated or repeated): graphml, dot, json, csv, html.", valueName: "FORMAT"),
        transform: Self.formatList)
    var format: [[ExportFormat]] = []

    @Option(name: .long, help: "Render the DOT with Graphviz (default: svg when Graphviz is installed).")
    var render: RenderChoice?

    @Option(name: .shortAndLong, help: ArgumentHelp("Output folder, or - to write one format to standard output.", valueName: "DIR"))
    var output: String = "Exports"

    @Option(name: .long, help: "Base name of the files written.")
    var name: String = "concept-map"

    @Flag(name: .long, help: "Add yEd's node graphics to the GraphML.")
    var yed = false

    @Option(name: .long, help: "Font for the DOT and yEd labels; it must have CJK glyphs (default: Noto Sans CJK SC, TC or HK as --script says).")
    var font: String?

    @Option(
        name: .long,
        help: "Script of the Chinese labels: hans (Simplified), hant (Traditional), tw or hk (Taiwan's or Hong Kong's usage). Default: hant when the inputs are written in Traditional characters, else hans.")
    var script: LabelScript?

    @Option(name: .long, help: "The names on the drawn map's boxes: zh, en or both.")
    var label: NodeLabels = .both

    @Option(name: .long, help: "Graphviz layout engine written into the DOT.")
    var layout: GraphvizLayout = .neato

    @Flag(name: .long, help: "Overwrite files in the output folder that glossgraph did not write.")
    var force = false

    static func formatList(_ argument: String) throws -> [ExportFormat] {
        try argument.split(separator: ",").map { item in
            let name = item.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = ExportFormat(rawValue: name) else {
                throw ValidationError("unknown format '\(name)'; choose from graphml, dot, json, csv, html")
            }
            return format
        }
    }

    var formats: [ExportFormat] {
        let chosen = format.flatMap { $0 }
        return chosen.isEmpty ? ExportFormat.allCases : chosen
    }

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if concepts < 1 { throw ValidationError("--concepts must be at least 1") }
        if top != nil && allLinks { throw ValidationError("--top and --all-links contradict each other; choose one") }
        if let problem = ExportSettings.problem(withName: name) { throw ValidationError("--name \(problem)") }
        if let threshold {
            let range = weight.range
            guard threshold.isFinite else { throw ValidationError("--threshold must be a finite number, not '\(threshold)'") }
            guard range.contains(threshold) else {
                let values = range.upperBound.isFinite && range.upperBound < 1e300 ? "\(range.lowerBound) to \(range.upperBound)" : "at least \(range.lowerBound)"
                throw ValidationError("--threshold \(threshold) is outside what --weight \(weight.rawValue) takes (\(values))")
            }
        }
        if (minFrequency ?? 1) < 1 || (minPairCount ?? 1) < 1 { throw ValidationError("--min-frequency and --min-pair-count must be at least 1") }
        if output == "-" {
            if formats.count != 1 || format.isEmpty {
                throw ValidationError("-o - writes one format to standard output; name it with --format")
            }
            if formats == [.csv] {
                throw ValidationError("CSV is two tables (nodes and edges); write them to a folder with -o DIR")
            }
            if let render, render != .none { throw ValidationError("--render writes files; it cannot go with -o -") }
        }
        if name.contains("/") || name.isEmpty { throw ValidationError("--name is a file name without folders") }
    }

    var graphOptions: GraphOptions {
        var options = GraphOptions()
        options.weight = weight
        options.minFrequency = minFrequency ?? 2
        options.minPairCount = minPairCount ?? 2
        options.adaptsToShortTexts = minPairCount == nil
        options.adaptsFrequencyToShortTexts = minFrequency == nil
        options.maxConcepts = allConcepts ? nil : concepts
        options.links = allLinks ? .all : top.map { .strongest($0) } ?? .perConcept(1.25)
        options.threshold = threshold
        options.backbone = backbone
        options.keepIsolated = keepIsolated ?? false
        options.adaptsIsolationToShortTexts = keepIsolated == nil
        return options
    }

    var settings: ExportSettings {
        var settings = ExportSettings()
        settings.formats = formats
        switch render {
        case .none?: settings.render = nil
        case let choice?: settings.render = RenderFormat(rawValue: choice.rawValue)
        case nil: settings.render = output != "-" && Graphviz.isInstalled ? .svg : nil
        }
        settings.name = name
        settings.yEd = yed
        settings.font = font ?? DOTExporter.defaultFont(for: script ?? .hans)
        settings.script = script ?? .hans
        settings.scriptFollowsInputs = script == nil
        settings.fontFollowsScript = font == nil
        settings.layout = layout
        settings.labels = label
        return settings
    }

    var destination: MapDestination { output == "-" ? .standardOutput(formats[0]) : .folder(output, force: force) }

    /// Prints what reading noticed, the map (standard output) or the summary.
    func render(_ report: MapReport) {
        Terminal.printNotices(report.notices)
        if let bytes = report.standardOutput {
            Terminal.write(bytes)
            Terminal.printError(MapSummary.text(report.graph, counts: report.counts, written: []))
        } else {
            Terminal.write(MapSummary.text(report.graph, counts: report.counts, written: report.written))
        }
        if !report.discovered.isEmpty {
            let onMap = report.graph.nodes.filter { $0.concept.provenance == .discovered }.count
            Terminal.printError(
                "\(report.discovered.count) concepts were discovered in the inputs and added for this run, of the proposals the text glosses or uses twice or more (\(report.discoveredFound) of them found in the units above, \(onMap) on the map, dashed in the DOT); review them with glossgraph discover --format glossary before keeping them")
            if !report.discoveredNotFound.isEmpty {
                let names = report.discoveredNotFound.prefix(10).map(\.bilingualLabel).joined(separator: "; ")
                let more = report.discoveredNotFound.count > 10 ? "; and \(report.discoveredNotFound.count - 10) more" : ""
                Terminal.printError(
                    "note: discovered but found in no unit, so not on the map: \(names)\(more) (names written only outside the units, as in a title or a preamble, or only inside a longer name)")
            }
        }
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
            file (and nothing piped), the bundled example interview is mapped. Files go to the \
            output folder (default Exports/), each written atomically; with Graphviz installed, \
            the map is also rendered as SVG.
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var glossaryOptions: GlossaryOptions
    @OptionGroup var counting: CountingOptions
    @OptionGroup var export: GraphExportOptions

    @OptionGroup var discovery: DiscoveryOptions

    func validate() throws {
        try discovery.validate(inputs: try input.paths(), glossary: glossaryOptions)
    }

    func run() throws {
        try runReportingErrors {
            var request = MapRequest()
            request.discovery = discovery.cut
            request.inputs = try input.paths()
            request.reading = try input.readingOptions()
            request.glossary = glossaryOptions.source
            request.counting = counting.settings
            request.graph = export.graphOptions
            request.export = export.settings
            request.destination = export.destination
            export.render(try MapJob.run(request, progress: ProgressLine(quiet: counting.quiet)))
        }
    }
}

struct CountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count",
        abstract: "Count concepts and co-occurrences in part of a corpus, for glossgraph merge.",
        discussion: """
            Counts of parts merge exactly: merging the parts of a corpus gives byte for byte the \
            exports that map gives for the whole (with the files in the same order), but for \
            the passages on map's page, which counts do not hold.
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var glossaryOptions: GlossaryOptions
    @OptionGroup var counting: CountingOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The counts file to write, or - for standard output.", valueName: "FILE"))
    var output: String

    @Flag(help: "Compress the counts with gzip (as a FILE ending in .gz is); merge reads either.")
    var gzip = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also write what discover finds in these files to FILE (compressed as the counts are), for glossgraph discover --from-counts.",
            valueName: "FILE"))
    var discover: String?

    func validate() throws {
        try input.requireInputs()
        if let discover {
            if discover == "-" { throw ValidationError("--discover writes a file; standard output takes the counts (-o -)") }
            if discover == output { throw ValidationError("--discover and -o name the same file") }
            if input.inputs.contains("-") { throw ValidationError("--discover reads the files a second time, which standard input cannot be") }
        }
    }

    func run() throws {
        try runReportingErrors {
            // Both files are checked before either is written, and before the work.
            for path in [output, discover].compactMap({ $0 }) where path != "-" { try AtomicFile.checkReplaceable(path: path) }
            let (file, statistics, notices) = try TranscriptJobs.count(
                try input.paths(), reading: try input.readingOptions(), glossary: glossaryOptions.source, settings: counting.settings,
                discovering: discover != nil, progress: ProgressLine(quiet: counting.quiet))
            Terminal.printNotices(notices)
            let compressed = gzip || output.hasSuffix(".gz")
            let encoded = file.encoded()
            var outputs = [(compressed ? Gzip.compress(encoded) : encoded, output)]
            if let discover, let statistics {
                outputs.append((compressed || discover.hasSuffix(".gz") ? Gzip.compress(statistics) : statistics, discover))
            }
            // Both files are written under temporary names, then renamed together after a last
            // check: a hard link made to one meanwhile leaves both as they were.
            var pending: [AtomicFile.Pending] = []
            do {
                for (bytes, path) in outputs {
                    if path == "-" {
                        Terminal.write(bytes)
                    } else if let prepared = try AtomicFile.prepare(path: path, body: { descriptor throws(GlossGraphError) in
                        try ByteSink.write(bytes, to: descriptor, path: path)
                    }) {
                        pending.append(prepared)
                    }
                }
            } catch {
                AtomicFile.discard(pending)
                throw error
            }
            try AtomicFile.commit(pending)
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

    @Flag(help: "Show no progress line (one is shown on a terminal while a large graph's measures are estimated).")
    var quiet = false

    func run() throws {
        try runReportingErrors {
            export.render(
                try MapJob.merge(
                    countsFiles: parts, glossary: glossaryOptions.source, graph: export.graphOptions, export: export.settings,
                    destination: export.destination, progress: ProgressLine(quiet: quiet)))
        }
    }
}

/// The summary `map` prints: sizes, the top concepts and links with both names, the files.
enum MapSummary {
    static func text(_ graph: ConceptGraph, counts: CooccurrenceCounts, written: [String]) -> String {
        let found = counts.concepts.filter { $0.units > 0 }.count
        var text = "\(counts.unitCount) unit\(counts.unitCount == 1 ? "" : "s") (\(graph.metadata.unit)), \(found) concepts found; the map has \(graph.nodes.count) concept\(graph.nodes.count == 1 ? "" : "s") and \(graph.edges.count) link\(graph.edges.count == 1 ? "" : "s") (weight: \(graph.metadata.weightMeasure.rawValue))\n"
        let topNodes = graph.nodes.indices.sorted { graph.nodes[$0].units != graph.nodes[$1].units ? graph.nodes[$0].units > graph.nodes[$1].units : $0 < $1 }.prefix(8)
        if !topNodes.isEmpty {
            text += "top concepts: " + topNodes.map { "\(graph.nodes[$0].concept.bilingualLabel) (\(graph.nodes[$0].units))" }.joined(separator: "; ") + "\n"
        }
        // A link seen in one unit is anecdote: links shared by two units or more come first
        // (association favours pairs of rare concepts), then the others.
        let topEdges = graph.edges.sorted {
            ($0.count >= 2) != ($1.count >= 2) ? $0.count >= 2 : $0.weight != $1.weight ? $0.weight > $1.weight : $0.count > $1.count
        }.prefix(5)
        if !topEdges.isEmpty {
            text += "strongest links:\n"
            for edge in topEdges {
                text += "  \(graph.nodes[edge.source].concept.bilingualLabel) — \(graph.nodes[edge.target].concept.bilingualLabel)  (\(edge.count) unit\(edge.count == 1 ? "" : "s"), \(graph.metadata.weightMeasure.rawValue) \(JSONText.shortest((edge.weight * 1000).rounded() / 1000)))\n"
            }
        }
        if !written.isEmpty { text += "wrote " + written.joined(separator: ", ") + "\n" }
        return text
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
