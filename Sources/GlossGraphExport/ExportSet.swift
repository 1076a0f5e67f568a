import Foundation
import Synchronization
import GlossGraphGlossary
import GlossGraphGraph
import GlossGraphText

/// The formats a concept map is written in.
public enum ExportFormat: String, Sendable, CaseIterable {
    case graphml, dot, json, csv
    /// `concept-map.html`, the interactive page (`ConceptMapPage`).
    case html
}

/// What Graphviz renders the DOT into beside the exports.
public enum RenderFormat: String, Sendable, CaseIterable {
    case svg, png, pdf
}

/// Graphviz's layout engines, written into the DOT (its `layout` attribute).
public enum GraphvizLayout: String, Sendable, CaseIterable {
    case neato, fdp, sfdp, dot, circo, twopi, osage, patchwork
}

/// Which files a map is written as, and how: the exporters' options in one value.
public struct ExportSettings: Sendable {
    public var formats: [ExportFormat] = ExportFormat.allCases
    /// Rendered with Graphviz too, when set.
    public var render: RenderFormat?
    /// The base name of the files: `concept-map` gives `concept-map.graphml` and so on.
    public var name = "concept-map"

    /// What is wrong with `name` as the base name of the files written, or nil: it names a
    /// file in the output folder, so it holds no `/`, no control character (a line break
    /// would break the folder's list of files) and is not `.`, `..` or one of GlossGraph's
    /// own `.glossgraph-` names.
    public static func problem(withName name: String) -> String? {
        if name.isEmpty { return "is empty" }
        if name.contains("/") { return "holds a '/': it names the files, not their folder" }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return "holds a control character" }
        if name == "." || name == ".." { return "is '\(name)'" }
        if name.hasPrefix(".glossgraph-") { return "starts with '.glossgraph-', which GlossGraph keeps for its own files" }
        if name.utf8.count > 200 { return "is longer than 200 bytes" }
        return nil
    }
    public var yEd = false
    public var font = DOTExporter.defaultFont
    public var layout = GraphvizLayout.neato
    /// The script of the Chinese labels (`LabelScript`).
    public var script = LabelScript.hans
    /// `script` was not chosen: the labels are Traditional when the inputs are written in
    /// Traditional characters (`TranscriptReader.writtenInTraditional`, in `MapJob.run`), and
    /// `font` follows unless it was chosen.
    public var scriptFollowsInputs = false
    public var fontFollowsScript = false
    /// The inputs are written in Traditional characters (set by `MapJob.run`): names discovered
    /// in them keep their own characters under a Traditional `script`.
    public var inputsAreTraditional = false
    /// The names the drawn map's boxes show.
    public var labels = NodeLabels.both

    /// How the DOT (and so the rendering) is drawn.
    public var dotOptions: DOTExporter.Options { DOTExporter.Options(fontName: font, layout: layout.rawValue, labels: labels) }

    public init() {}

    /// One file of the set: its name, and how its bytes are written from the graph into a
    /// sink (a MiB at a time into a file, so that no export is held whole), with notices of
    /// how it was made (the page's layout).
    public struct File: Sendable {
        public var name: String
        package let write: @Sendable (ConceptGraph, inout ByteSink, inout [Notice]) throws(GlossGraphError) -> Void

        /// The file's bytes; `notices` gets what its making noticed.
        package func make(_ graph: ConceptGraph, notices: inout [Notice]) throws(GlossGraphError) -> [UInt8] {
            var sink = ByteSink()
            try write(graph, &sink, &notices)
            return sink.bytes
        }
    }

    /// The files the formats make, in a fixed order (CSV is two tables: nodes, then edges,
    /// the one Gephi imports last). The rendering is not among them.
    public var files: [File] {
        let (name, yEd, dotOptions) = (self.name, self.yEd, self.dotOptions)
        return formats.flatMap { format -> [File] in
            switch format {
            case .graphml:
                [File(name: "\(name).graphml") { graph, sink, _ throws(GlossGraphError) in try GraphMLExporter.write(graph, to: &sink, options: .init(yEd: yEd)) }]
            case .dot: [File(name: "\(name).dot") { graph, sink, _ throws(GlossGraphError) in try DOTExporter.write(graph, options: dotOptions, to: &sink) }]
            case .json: [File(name: "\(name).json") { graph, sink, _ throws(GlossGraphError) in try NodeLinkJSONExporter.write(graph, to: &sink) }]
            case .html: [File(name: "\(name).html") { graph, sink, notices in sink.append(contentsOf: ConceptMapPage.format(graph, options: dotOptions, notices: &notices)) }]
            case .csv:
                [
                    File(name: "\(name)-nodes.csv") { graph, sink, _ throws(GlossGraphError) in try GephiCSVExporter.writeNodes(graph, to: &sink) },
                    File(name: "\(name)-edges.csv") { graph, sink, _ throws(GlossGraphError) in try GephiCSVExporter.writeEdges(graph, to: &sink) },
                ]
            }
        }
    }

    /// The rendering's file name, when there is one.
    public var renderedFileName: String? { render.map { "\(name).\($0.rawValue)" } }

    /// Every file name a run writes into its folder.
    public var fileNames: [String] { files.map(\.name) + (renderedFileName.map { [$0] } ?? []) }

    /// Writes every file into the open `folder` (by its descriptor), each formatted and written
    /// atomically on a core of its own, the rendering among them (Graphviz's layouts for it and
    /// for the page run at once); returns the paths written, in `fileNames` order, and what
    /// making the files noticed.
    ///
    /// - Throws: `GlossGraphError` when a file cannot be written or Graphviz fails.
    public func write(_ graph: ConceptGraph, into folder: AtomicFile.Folder) throws -> (paths: [String], notices: [Notice]) {
        var all = files
        if let render, let renderedFileName {
            let dotOptions = dotOptions
            all.append(File(name: renderedFileName) { graph, sink, _ throws(GlossGraphError) in
                sink.append(contentsOf: try Graphviz.render(DOTExporter.format(graph, options: dotOptions), as: render))
            })
        }
        // Each file is written to its temporary name on a core of its own; then all are
        // renamed into place together, so that the folder holds one run's set.
        let prepared = Mutex<[AtomicFile.Pending]>([])
        let noticed = Mutex<[String: [Notice]]>([:])
        do {
            _ = try Parallel.map(all, jobs: ProcessInfo.processInfo.activeProcessorCount) { file in
                // The folder's files are GlossGraph's own: a device, FIFO or link planted under a
                // name is replaced, never written to.
                let pending = try AtomicFile.prepare(named: file.name, in: folder, replacingAnyFile: true) { descriptor throws(GlossGraphError) in
                    var sink = ByteSink(descriptor: descriptor, path: folder.path(of: file.name))
                    var notices: [Notice] = []
                    try file.write(graph, &sink, &notices)
                    try sink.flush()
                    if !notices.isEmpty { noticed.withLock { $0[file.name] = notices } }
                }
                if let pending { prepared.withLock { $0.append(pending) } }
            }
        } catch {
            AtomicFile.discard(prepared.withLock { $0 })
            throw error
        }
        let pending = prepared.withLock { $0 }
        try AtomicFile.commit(all.compactMap { file in pending.first { $0.name == file.name } })
        let notices = noticed.withLock { found in all.flatMap { found[$0.name] ?? [] } }
        return (all.map { folder.path(of: $0.name) }, notices)
    }
}
