import Foundation

/// Where a map goes: files in a folder, or one format's bytes for standard output.
public enum MapDestination: Sendable {
    /// The folder, and whether files in it that GlossGraph did not write may be replaced.
    case folder(String, force: Bool)
    case standardOutput(ExportFormat)
}

/// Everything `map` needs: the transcripts, how to read, count and prune them, and what to
/// write where.
public struct MapRequest: Sendable {
    /// Transcript files and folders (`-` is standard input); empty maps the bundled example.
    public var inputs: [String] = []
    public var reading = ReadingOptions()
    public var glossary = GlossarySource()
    public var counting = CountingSettings()
    public var graph = GraphOptions()
    public var export = ExportSettings()
    public var destination = MapDestination.folder("Exports", force: false)

    public init() {}
}

/// What a map run made: the graph and its counts, the files written (paths) or the bytes for
/// standard output, and what reading noticed.
public struct MapReport: Sendable {
    public var graph: ConceptGraph
    public var counts: CooccurrenceCounts
    public var written: [String] = []
    public var standardOutput: [UInt8]?
    public var notices: [Notice] = []
}

/// Runs the whole pipeline for `map` and `merge`: counts → graph → exports in a folder.
public enum MapJob {
    /// Reads, counts and maps `request.inputs`, and writes the exports.
    ///
    /// The output folder is checked before any work, and the files about to be written are
    /// recorded in its list before any is written, so that a run that fails later never
    /// keeps the next one out.
    ///
    /// - Throws: `GlossGraphError` or `GlossGraphErrors` (a bad glossary).
    public static func run(_ request: MapRequest, progress: (any JobProgress)? = nil) throws -> MapReport {
        var folder = try prepare(request.destination, export: request.export)
        let loading = request.glossary.loadInBackground()
        let files = try TranscriptReader.expandInputs(request.inputs.isEmpty ? [try BundledFiles.example()] : request.inputs)
        progress?.start(files: files)
        defer { progress?.finish() }
        let (counts, notices) = try CorpusCounting.count(
            files: files, reading: request.reading, extractor: { try loading.value().extractor }, settings: request.counting,
            progress: progress?.counting)
        let loaded = try loading.value().loaded
        var report = try write(
            counts: counts, glossary: loaded, sourceFiles: files, unit: request.counting.unitDescription, graph: request.graph,
            export: request.export, destination: request.destination, folder: &folder)
        report.notices = notices
        return report
    }

    /// Merges counts files written by `count` (in corpus order) and maps them as `run` maps
    /// the corpus: the exports are the same byte for byte.
    ///
    /// - Throws: `GlossGraphError` when a file is not a counts file, or was counted with
    ///   another glossary or unit.
    public static func merge(
        countsFiles: [String], glossary source: GlossarySource, graph: GraphOptions, export: ExportSettings, destination: MapDestination
    ) throws -> MapReport {
        var folder = try prepare(destination, export: export)
        let loaded = try source.load()
        let ids = loaded.glossary.concepts.map(\.id)
        var merged = CooccurrenceCounts(conceptCount: ids.count)
        var sourceFiles: [String] = []
        var unit: String?
        for part in countsFiles {
            let file = try CountsFile.decode(try FileReading.bytes(ofFile: part), file: part)
            let location = SourceLocation(file: part)
            guard file.conceptIDs == ids else { throw GlossGraphError(.countsGlossaryMismatch(glossaryFiles: loaded.files), at: location) }
            if let unit, unit != file.unit { throw GlossGraphError(.countsUnitMismatch(unit: file.unit, others: unit), at: location) }
            unit = file.unit
            merged.merge(file.counts)
            sourceFiles += file.sourceFiles
        }
        return try write(
            counts: merged, glossary: loaded, sourceFiles: sourceFiles, unit: unit ?? CooccurrenceUnit.turn.rawValue, graph: graph,
            export: export, destination: destination, folder: &folder)
    }

    private static func prepare(_ destination: MapDestination, export: ExportSettings) throws(GlossGraphError) -> OutputFolder? {
        guard case .folder(let path, let force) = destination else { return nil }
        return try OutputFolder.prepare(path, for: export.fileNames, force: force)
    }

    private static func write(
        counts: CooccurrenceCounts, glossary: GlossarySource.Loaded, sourceFiles: [String], unit: String, graph options: GraphOptions,
        export: ExportSettings, destination: MapDestination, folder: inout OutputFolder?
    ) throws -> MapReport {
        let metadata = GraphMetadata(
            sourceFiles: sourceFiles, glossaryFiles: glossary.files, unit: unit, weightMeasure: options.weight, unitCount: counts.unitCount)
        let graph = GraphBuilder.build(counts: counts, glossary: glossary.glossary, options: options, metadata: metadata)
        var report = MapReport(graph: graph, counts: counts)
        switch destination {
        case .standardOutput(let format):
            var single = export
            single.formats = [format]
            single.render = nil
            report.standardOutput = try single.files.map { try $0.make(graph) }.joined().map { $0 }
        case .folder:
            try folder!.record(export.fileNames)
            report.written = try export.write(graph, into: folder!.path)
        }
        return report
    }
}
