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
    /// Whether to add concepts that `discover` proposes for the inputs to the glossary (nil:
    /// the glossary alone).
    public var discovery: DiscoveryCut?

    public init() {}
}

/// Which of `discover`'s proposals `map --discover` adds to the run's glossary: the glosses
/// the text states, and other proposals found in two places at least, the `limit` best
/// in rank order. Proposals that name a known concept add their names to it.
public struct DiscoveryCut: Sendable {
    public var limit: Int
    /// Start from no glossary: the map holds only what discovery finds (text from another
    /// field than the glossary's, where the glossary's concepts would only mislead).
    public var withoutGlossary: Bool

    public init(limit: Int = 40, withoutGlossary: Bool = false) {
        self.limit = limit
        self.withoutGlossary = withoutGlossary
    }

    /// The proposals kept, in rank order.
    public func apply(_ candidates: [DiscoveryCandidate]) -> [DiscoveryCandidate] {
        Array(candidates.filter { $0.kind == .gloss || $0.count >= 2 }.prefix(limit))
    }

    /// `glossary` with the kept proposals of `discover` over `files` (expanded inputs), and
    /// how many proposals there were, kept or not.
    ///
    /// - Throws: `GlossGraphError` for unreadable files, `GlossGraphErrors` for a bad glossary.
    public func extend(
        _ glossary: Glossary, discoveringIn files: [String], reading: ReadingOptions
    ) throws -> (glossary: Glossary, discovered: [Concept], proposalCount: Int) {
        let proposals = try AnalysisJobs.proposals(files: files, reading: reading, glossary: glossary.concepts.isEmpty ? nil : glossary) { _ in }
        let extended = try extend(glossary, with: proposals)
        return (extended.glossary, extended.discovered, proposals.count)
    }

    /// `glossary` with the kept proposals: new concepts marked `.discovered` (category
    /// `discovered`), new names of known concepts added to them as variants. A proposal with
    /// a name the glossary already has is left out.
    public func extend(_ glossary: Glossary, with candidates: [DiscoveryCandidate]) throws(GlossGraphErrors) -> (glossary: Glossary, discovered: [Concept]) {
        let proposed = ProposedConcepts(apply(candidates))
        var concepts = glossary.concepts
        var claimed = Set(concepts.flatMap { $0.names.map { NameKey.key($0.text) } })
        let positions = Dictionary(uniqueKeysWithValues: concepts.enumerated().map { ($0.element.id, $0.offset) })
        for (conceptID, candidate) in proposed.newNames {
            guard let position = positions[conceptID] else { continue }
            for name in [candidate.zh, candidate.en, candidate.abbreviation] where !name.isEmpty && claimed.insert(NameKey.key(name)).inserted {
                if name.containsCJK { concepts[position].zhVariants.append(name) } else { concepts[position].enVariants.append(name) }
            }
        }
        var discovered: [Concept] = []
        var ids = Set(concepts.map(\.id))
        for var concept in proposed.concepts {
            let keys = concept.names.map { NameKey.key($0.text) }
            guard keys.allSatisfy({ !claimed.contains($0) }) else { continue }
            claimed.formUnion(keys)
            concept.id = GlossaryTSV.newID(from: [concept.id], used: &ids)
            concept.category = "discovered"
            concept.provenance = .discovered
            discovered.append(concept)
        }
        return (try Glossary(concepts: concepts + discovered), discovered)
    }
}

/// What a map run made: the graph and its counts, the files written (paths) or the bytes for
/// standard output, and what reading noticed.
public struct MapReport: Sendable {
    public var graph: ConceptGraph
    public var counts: CooccurrenceCounts
    public var written: [String] = []
    public var standardOutput: [UInt8]?
    public var notices: [Notice] = []
    /// The concepts `map --discover` added to the glossary.
    public var discovered: [Concept] = []
    /// The concepts of `discovered` found in no unit counted: discovery reads text no unit
    /// holds, such as a title or a preamble, and a name may occur only inside a longer one.
    public var discoveredNotFound: [Concept] = []
    /// How many of `discovered` were found in the units counted.
    public var discoveredFound: Int { discovered.count - discoveredNotFound.count }
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
        var request = request
        var folder = try prepare(request.destination, export: request.export)
        var skipped: [Notice] = []
        let files = try TranscriptReader.expandInputs(try BundledFiles.inputsOrExample(request.inputs, notices: &skipped), skipped: &skipped)
        // Traditional text gets Traditional labels unless the run names a script.
        request.export.inputsAreTraditional = (request.export.scriptFollowsInputs || request.export.script != .hans) && TranscriptReader.writtenInTraditional(files, encoding: request.reading.encoding)
        if request.export.scriptFollowsInputs, request.export.inputsAreTraditional {
            request.export.script = .hant
            if request.export.fontFollowsScript { request.export.font = DOTExporter.defaultFont(for: .hant) }
            skipped.append(Notice("the inputs are written in Traditional characters, and so are the map's labels", topic: .labelScriptFromInputs))
        }
        // fontconfig's answer takes a process and its cache; it comes while the map is made.
        let fontCheck = Deferred { [font = request.export.font] in FontCheck.substitute(for: font) }
        // Without discovery the glossary is loaded, and its matcher built, while the
        // transcripts are read; with it, the glossary must be extended first.
        let loading = request.discovery == nil ? request.glossary.loadInBackground(forInputs: files, encoding: request.reading.encoding) : nil
        progress?.start(files: files)
        defer { progress?.finish() }
        var loaded: GlossarySource.Loaded
        var discovered: [Concept] = []
        var proposalCount: Int?
        let counts: CooccurrenceCounts
        let notices: [Notice]
        let formats: Set<InputFormat>
        let usedExtractor: ConceptExtractor
        if let cut = request.discovery {
            loaded = cut.withoutGlossary ? GlossarySource.Loaded(glossary: try Glossary(concepts: []), files: []) : try request.glossary.load()
            let extended = try cut.extend(loaded.glossary, discoveringIn: files, reading: request.reading)
            discovered = extended.discovered
            proposalCount = extended.proposalCount
            loaded.glossary = extended.glossary
            loaded.files.append("\(discovered.count) concepts discovered in the inputs")
            let extractor = ConceptExtractor(glossary: extended.glossary, expectingTraditional: GlossarySource.prepareForTraditional(files, encoding: request.reading.encoding))
            (counts, notices, formats) = try CorpusCounting.count(
                files: files, reading: request.reading, extractor: { extractor }, settings: request.counting, progress: progress?.counting)
            usedExtractor = extractor
        } else {
            let loading = loading!
            (counts, notices, formats) = try CorpusCounting.count(
                files: files, reading: request.reading, extractor: { try loading.value().extractor }, settings: request.counting,
                progress: progress?.counting)
            loaded = try loading.value().loaded
            usedExtractor = try loading.value().extractor
        }
        let (reading, counting) = (request.reading, request.counting)
        let evidence: ((inout ConceptGraph) throws -> Void)? = files.allSatisfy { $0 == "-" } ? nil : { graph in
            try MapEvidence.collect(into: &graph, files: files, reading: reading, unit: counting.unit, extractor: usedExtractor)
        }
        var report = try write(
            counts: counts, glossary: loaded, sourceFiles: files, unit: request.counting.unitDescription(files: files.count, notices: notices, formats: formats),
            graph: request.graph,
            export: request.export, destination: request.destination, folder: &folder, fontSubstitute: try fontCheck.value(), progress: progress,
            discovery: proposalCount.map { (proposals: $0, added: discovered.count) }, evidence: evidence)
        report.notices = skipped + notices + report.notices
        report.discovered = discovered
        report.discoveredNotFound = zip(loaded.glossary.concepts, counts.concepts).filter { $0.0.provenance == .discovered && $0.1.units == 0 }.map(\.0)
        return report
    }

    /// Merges counts files written by `count` (in corpus order) and maps them as `run` maps
    /// the corpus: the exports are the same byte for byte.
    ///
    /// - Throws: `GlossGraphError` when a file is not a counts file, or was counted with
    ///   another glossary or unit.
    public static func merge(
        countsFiles: [String], glossary source: GlossarySource, graph: GraphOptions, export: ExportSettings, destination: MapDestination,
        progress: (any JobProgress)? = nil
    ) throws -> MapReport {
        defer { progress?.finish() }
        var folder = try prepare(destination, export: export)
        let fontCheck = Deferred { FontCheck.substitute(for: export.font) }
        let loaded = try source.load()
        let ids = loaded.glossary.concepts.map(\.id)
        var merged = CooccurrenceCounts(conceptCount: ids.count)
        var sourceFiles: [String] = []
        var counted = Set<String>()
        var unit: String?
        for part in countsFiles {
            let file = try CountsFile.read(file: part)
            let location = SourceLocation(file: part)
            guard file.conceptIDs == ids else { throw GlossGraphError(.countsGlossaryMismatch(glossaryFiles: loaded.files), at: location) }
            if let unit, unit != file.unit { throw GlossGraphError(.countsUnitMismatch(unit: file.unit, others: unit), at: location) }
            unit = file.unit
            // A source is known by the real path `count` recorded (./t.md, a link to it and its
            // absolute path are one file, wherever count ran), else by its real path here; and,
            // where that path is a file here, by its device and inode (two hard links to it).
            for (index, source) in file.sourceFiles.enumerated() {
                let keys = FileReading.sourceKeys(
                    ofRecordedPath: file.sourcePaths?[index] ?? FileReading.realPath(source), identity: file.sourceIdentities?[index])
                guard keys.allSatisfy({ !counted.contains($0) }) else { throw GlossGraphError(.countsDuplicateSource(source: source), at: location) }
                counted.formUnion(keys)
            }
            merged.merge(file.counts)
            sourceFiles += file.sourceFiles
        }
        return try write(
            counts: merged, glossary: loaded, sourceFiles: sourceFiles, unit: unit ?? CooccurrenceUnit.turn.rawValue, graph: graph,
            export: export, destination: destination, folder: &folder, fontSubstitute: try fontCheck.value(), progress: progress)
    }

    /// Concepts found in as many units as the map's most frequent ones (its eighth, or its
    /// last when it has fewer) and in two at least, which the map leaves out because they share
    /// no kept link with another concept: named, most frequent first (at most five), so that a
    /// text's main concept never vanishes without a word. For a short text whose map the
    /// defaults adapted (`shortText`: the least number of units a concept on it is found in,
    /// and whether it holds as many concepts as it may), every concept found that often which
    /// the map leaves out: the summary has said that such concepts are mapped. Nil when there
    /// are none.
    static func isolatedConceptsNotice(
        graph: ConceptGraph, counts: CooccurrenceCounts, glossary: Glossary, export: ExportSettings,
        shortText: (minFrequency: Int, isFull: Bool)? = nil
    ) -> Notice? {
        let onMap = Set(graph.nodes.map(\.concept.id))
        let mapped = graph.nodes.map(\.units).sorted(by: >)
        let least = shortText?.minFrequency ?? max(2, mapped[min(7, mapped.count - 1)])
        let left = counts.concepts.indices
            .filter { counts.concepts[$0].units >= least && !onMap.contains(glossary.concepts[$0].id) }
            .sorted { counts.concepts[$0].units != counts.concepts[$1].units ? counts.concepts[$0].units > counts.concepts[$1].units : $0 < $1 }
        guard !left.isEmpty else { return nil }
        let shown = Array(left.prefix(5))
        let concepts = export.script.relabel(shown.map { glossary.concepts[$0] }, keepingDiscovered: export.inputsAreTraditional)
        let names = zip(shown, concepts).map { index, concept in "\(concept.bilingualLabel) (\(counts.concepts[index].units) \(counts.concepts[index].units == 1 ? "unit" : "units"))" }
        let more = left.count > shown.count ? ", and \(left.count - shown.count) more" : ""
        let found = shortText == nil ? "found as often as the map's main concepts" : "found"
        let share = left.count == 1 ? "as it shares" : "as they share"
        let why = shortText?.isFull ?? false
            ? "as it holds \(graph.nodes.count) concepts at most, or \(share) no kept link with another concept"
            : "\(share) no kept link with another concept"
        return Notice(
            "\(left.count) \(left.count == 1 ? "concept" : "concepts") \(found) but not on the map, \(why): \(names.joined(separator: ", "))\(more)",
            topic: .isolatedConcepts)
    }

    /// The concepts a short text's map leaves out as found in fewer than `minFrequency` units:
    /// how many of those found, and the first five (glossary order). Nil when there are none.
    static func rareConceptsNotice(counts: CooccurrenceCounts, glossary: Glossary, export: ExportSettings, minFrequency: Int) -> Notice? {
        let found = counts.concepts.filter { $0.units > 0 }.count
        let rare = counts.concepts.indices.filter { (1..<minFrequency).contains(counts.concepts[$0].units) }
        guard !rare.isEmpty else { return nil }
        let shown = export.script.relabel(rare.prefix(5).map { glossary.concepts[$0] }, keepingDiscovered: export.inputsAreTraditional).map(\.bilingualLabel)
        let more = rare.count > shown.count ? ", and \(rare.count - shown.count) more" : ""
        return Notice(
            "\(rare.count) of the \(found) concepts found \(rare.count == 1 ? "is" : "are") in fewer than \(minFrequency) units, so not on the map: \(shown.joined(separator: ", "))\(more)",
            topic: .rareConcepts)
    }

    /// Why a map has no concept: how many concepts the glossary found, how many were
    /// frequent enough, whether any pair was shared; after discovery (`discovery`: how many
    /// proposals it made and how many concepts it added), how much it added.
    static func emptyMapReason(
        counts: CooccurrenceCounts, glossary: Glossary, options: GraphOptions, discovery: (proposals: Int, added: Int)? = nil
    ) -> Notice {
        let foundIndices = counts.concepts.indices.filter { counts.concepts[$0].units > 0 }
        let found = foundIndices.count
        let frequent = counts.concepts.filter { $0.units >= options.minFrequency }.count
        let discoveredFound = foundIndices.filter { glossary.concepts[$0].provenance == .discovered }.count
        let kinds = discoveredFound == 0 ? "glossary concepts" : discoveredFound == found ? "discovered concepts" : "concepts (\(discoveredFound) discovered)"
        var reason = "the map is empty: \(counts.unitCount) units, \(found) \(kinds) found in them"
        if found > 0 {
            reason += ", \(frequent) of them in \(options.minFrequency) units or more"
            let shared = options.minPairCount == 1 ? "a unit" : "\(options.minPairCount) units"
            if frequent > 0 { reason += "; no two of those share \(shared), and concepts without a link are left out" }
        }
        guard let discovery else { return Notice(reason, topic: .emptyMap(found < 10 ? .discover : .thresholds)) }
        // More discovery is no remedy for a map that discovery already made.
        reason += "; discovery proposed \(discovery.proposals) \(discovery.proposals == 1 ? "name" : "names") and added \(discovery.added) of them as concepts"
            + " (it adds the glosses the text states and the names it uses twice or more)"
        return Notice(reason, topic: .emptyMap(found < 10 && discovery.added < 10 ? .reviewProposals : .thresholds))
    }

    private static func prepare(_ destination: MapDestination, export: ExportSettings) throws(GlossGraphError) -> OutputFolder? {
        guard case .folder(let path, let force) = destination else { return nil }
        return try OutputFolder.prepare(path, for: export.fileNames, force: force)
    }

    private static func write(
        counts: CooccurrenceCounts, glossary: GlossarySource.Loaded, sourceFiles: [String], unit: String, graph options: GraphOptions,
        export: ExportSettings, destination: MapDestination, folder: inout OutputFolder?, fontSubstitute: String?,
        progress: (any JobProgress)? = nil, discovery: (proposals: Int, added: Int)? = nil, evidence: ((inout ConceptGraph) throws -> Void)? = nil
    ) throws -> MapReport {
        let metadata = GraphMetadata(
            sourceFiles: sourceFiles, glossaryFiles: glossary.files, unit: unit, weightMeasure: options.weight, unitCount: counts.unitCount)
        var (graph, change, used) = GraphBuilder.buildAdapting(
            counts: counts, glossary: glossary.glossary, options: options, metadata: metadata,
            progress: progress.map { progress in { progress.measuring(sources: $0, of: $1) } })
        for (index, concept) in export.script.relabel(graph.nodes.map(\.concept), keepingDiscovered: export.inputsAreTraditional).enumerated() { graph.nodes[index].concept = concept }
        var report = MapReport(graph: graph, counts: counts)
        if let change {
            report.notices.append(Notice(change, topic: .shortTextLinks(
                conceptsInOneUnit: used.minFrequency < options.minFrequency, isolatedKept: used.keepIsolated && !options.keepIsolated)))
        }
        if !graph.nodes.isEmpty, !options.keepIsolated, change != nil || !used.keepIsolated, let isolated = isolatedConceptsNotice(
            graph: graph, counts: counts, glossary: glossary.glossary, export: export,
            shortText: change == nil ? nil : (used.minFrequency, used.maxConcepts.map { graph.nodes.count >= $0 } ?? false))
        {
            report.notices.append(isolated)
        }
        if !graph.nodes.isEmpty, counts.unitCount < GraphOptions.shortTextUnits,
            let rare = rareConceptsNotice(counts: counts, glossary: glossary.glossary, export: export, minFrequency: used.minFrequency)
        {
            report.notices.append(rare)
        }
        if graph.nodes.isEmpty {
            report.notices.append(emptyMapReason(counts: counts, glossary: glossary.glossary, options: used, discovery: discovery))
        }
        let drawsText = export.render != nil || export.formats.contains(.dot) || export.yEd
        if drawsText, let substitute = fontSubstitute {
            report.notices.append(Notice(
                "font '\(export.font)' is not installed; fontconfig draws the labels in '\(substitute)' instead, which may lack CJK glyphs"))
        }
        var export = export
        if export.render != nil && (graph.nodes.count > Graphviz.largestDrawnGraph.concepts || graph.edges.count > Graphviz.largestDrawnGraph.links) {
            report.notices.append(Notice(
                "the map has \(graph.nodes.count) concepts and \(graph.edges.count) links, more than Graphviz lays out in reasonable time (\(Graphviz.largestDrawnGraph.concepts) concepts, \(Graphviz.largestDrawnGraph.links) links), so it is not drawn; open the GraphML in Gephi, or draw the DOT yourself (dot -Tsvg)"))
            export.render = nil
        }
        // A page of a graph past a browser's reach (thousands of concepts, a million links: a
        // page of hundreds of MB) is left to graph tools, as the drawing is.
        if case .folder = destination, export.formats.contains(.html),
            graph.nodes.count > ConceptMapPage.largestGraph.concepts || graph.edges.count > ConceptMapPage.largestGraph.links
        {
            report.notices.append(Notice(
                "the map has \(graph.nodes.count) concepts and \(graph.edges.count) links, more than the page (\(export.name).html) shows (\(ConceptMapPage.largestGraph.concepts) concepts, \(ConceptMapPage.largestGraph.links) links), so it is not written; open the GraphML in Gephi"))
            export.formats.removeAll { $0 == .html }
        }
        // The interactive page shows passages of the text: read once more, for it alone.
        let writesPage: Bool
        switch destination {
        case .standardOutput(let format): writesPage = format == .html
        case .folder: writesPage = export.formats.contains(.html)
        }
        if writesPage, !graph.nodes.isEmpty {
            if let evidence {
                try evidence(&graph)
            } else {
                report.notices.append(Notice(
                    "the page (\(export.name).html) shows no passages: they are read again from the transcripts, which a map made from counts or from standard input does not have"))
            }
        }
        switch destination {
        case .standardOutput(let format):
            var single = export
            single.formats = [format]
            single.render = nil
            var notices: [Notice] = []
            report.standardOutput = try single.files.map { try $0.make(graph, notices: &notices) }.joined().map { $0 }
            report.notices += notices
        case .folder:
            try folder!.record(export.fileNames)
            let written = try export.write(graph, into: folder!.folder)
            report.written = written.paths
            report.notices += written.notices
        }
        return report
    }
}
