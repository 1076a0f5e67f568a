import Foundation

/// Where a run's glossary comes from: files and folders of `.tsv` files, merged, or the
/// bundled `Glossary/` when none is named.
public struct GlossarySource: Sendable {
    /// Glossary files or folders; empty means the bundled glossary.
    public var paths: [String]

    public init(paths: [String] = []) {
        self.paths = paths
    }

    /// A glossary with the files it was read from.
    public struct Loaded: Sendable {
        public var glossary: Glossary
        public var files: [String]

        public init(glossary: Glossary, files: [String]) {
            self.glossary = glossary
            self.files = files
        }
    }

    /// The glossary files, in the order they are merged.
    ///
    /// - Throws: `GlossGraphError` (`.glossaryNotFound`, `.noGlossaryFiles`).
    public func files() throws(GlossGraphError) -> [String] {
        if paths.isEmpty { return try GlossaryLocator.defaultFiles() }
        var files: [String] = []
        for path in paths { files += try GlossaryLocator.files(in: path) }
        return files
    }

    /// The merged glossary; one without concepts is an error, since nothing could be found.
    ///
    /// - Throws: `GlossGraphError`, or `GlossGraphErrors` listing every bad row.
    public func load() throws -> Loaded {
        let files = try files()
        let glossary = try Glossary.load(files: files)
        guard !glossary.concepts.isEmpty else { throw GlossGraphError(.emptyGlossary(files: files)) }
        return Loaded(glossary: glossary, files: files)
    }

    /// Loads the glossary and builds its extractor on a thread of its own, to overlap with
    /// the reading of the transcripts `files`; when they begin with Traditional text, the
    /// Traditional forms of the names are made meanwhile too.
    public func loadInBackground(forInputs files: [String], encoding: String? = nil) -> Deferred<(loaded: Loaded, extractor: ConceptExtractor)> {
        let traditional = Self.prepareForTraditional(files, encoding: encoding)
        return Deferred { [self] in
            let loaded = try load()
            return (loaded, ConceptExtractor(glossary: loaded.glossary, expectingTraditional: traditional))
        }
    }

    /// Starts loading OpenCC's conversions on other threads when `files` begin with
    /// Traditional text (`TranscriptReader.beginsInTraditional`), so that the Traditional forms
    /// of the names are made while the glossary loads; returns whether they do.
    @discardableResult
    public static func prepareForTraditional(_ files: [String], encoding: String? = nil) -> Bool {
        guard TranscriptReader.beginsInTraditional(files, encoding: encoding) else { return false }
        ChineseConversion.prepareInBackground(ChineseConversion.fromSimplifiedByCharacters)
        return true
    }
}

/// Files that come with GlossGraph, found from the executable like the glossary.
public enum BundledFiles {
    /// The example interview, `Examples/scaling-and-safety.md`, named relative to the current
    /// folder when it lies below it.
    ///
    /// - Throws: `GlossGraphError` with `.bundledExampleMissing` or a glossary location error.
    public static func example() throws(GlossGraphError) -> String {
        let glossary = URL(fileURLWithPath: try GlossaryLocator.defaultFiles()[0]).standardizedFileURL
        let root = glossary.deletingLastPathComponent().deletingLastPathComponent()
        let example = FileReading.displayPath(root.appendingPathComponent("Examples/scaling-and-safety.md").path)
        guard FileManager.default.fileExists(atPath: example) else { throw GlossGraphError(.bundledExampleMissing) }
        return example
    }

    /// `inputs`, or when there are none the bundled example (`example()`), with a notice
    /// saying so: a run that reads a text nobody named does not do it in silence.
    ///
    /// - Throws: as `example()` does.
    static func inputsOrExample(_ inputs: [String], notices: inout [Notice]) throws(GlossGraphError) -> [String] {
        guard inputs.isEmpty else { return inputs }
        let example = try example()
        notices.append(Notice("no transcript was named, so the bundled example \(example) was read", topic: .bundledExample))
        return [example]
    }
}

/// Told how a long run advances, from any thread: the files it will read, bytes read and
/// units counted as they happen, and the end.
public protocol JobProgress: Sendable {
    func start(files: [String])
    func advance(bytes: Int, units: Int)
    /// Betweenness estimated on a large graph: `done` of `total` source nodes.
    func measuring(sources done: Int, of total: Int)
    func finish()
}

extension JobProgress {
    public func measuring(sources done: Int, of total: Int) {}
    var counting: CountingProgress { { bytes, units in advance(bytes: bytes, units: units) } }
}
