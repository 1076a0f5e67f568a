import Foundation

/// The jobs of `turns`, `extract` and `count`: reading transcripts into units, finding their
/// concepts, counting them for a later `merge`.
public enum TranscriptJobs {
    /// Numbers of what `turns` read.
    public struct TurnsSummary: Sendable {
        public var units = 0
        public var files = 0
        public var speakers: Set<String> = []
    }

    /// Reads every input (`-` is standard input) in parts and hands each part's units to
    /// `units`, in order, and each file, once read, to `finished` (its notices and skipped
    /// regions; its units are not kept); a large file is never held whole.
    ///
    /// - Throws: `GlossGraphError` for a missing, unreadable or speechless file, and what
    ///   `units` and `finished` throw.
    public static func readTurns(
        _ inputs: [String], reading: ReadingOptions, units: ([TranscriptUnit]) throws -> Void, notices: ([Notice]) -> Void,
        finished: (Transcript) throws -> Void
    ) throws -> TurnsSummary {
        var skipped: [Notice] = []
        let files = try TranscriptReader.expandInputs(inputs, skipped: &skipped)
        notices(skipped)
        var summary = TurnsSummary(files: files.count)
        for file in files {
            let transcript = try TranscriptReader.readInParts(contentsOf: file, options: reading) { part in
                summary.units += part.count
                summary.speakers.formUnion(part.compactMap(\.speaker))
                try units(part)
            }
            try finished(transcript)
        }
        return summary
    }

    /// Finds the glossary's concepts in every unit of the inputs (turns cut into `unit`s),
    /// hands each part's extractions to `extractions` when given (nil counts only), and
    /// returns the concepts' counts (without pairs) for the frequency table.
    ///
    /// - Throws: what reading and `extractions` throw.
    public static func extract(
        _ inputs: [String], reading: ReadingOptions, glossary: Glossary, unit: CooccurrenceUnit,
        extractions: (([UnitExtraction]) throws -> Void)?, notices: ([Notice]) -> Void
    ) throws -> CooccurrenceCounts {
        var skipped: [Notice] = []
        let files = try TranscriptReader.expandInputs(inputs, skipped: &skipped)
        notices(skipped)
        let extractor = ConceptExtractor(glossary: glossary, expectingTraditional: TranscriptReader.beginsInTraditional(files, encoding: reading.encoding))
        var tally = CooccurrenceTally(conceptCount: extractor.glossary.concepts.count, detail: .frequencies)
        var scratch = TermMatcher.Scratch()
        for file in files {
            let transcript: Transcript
            if let extractions {
                var nextIndex = 1
                var batch: [UnitExtraction] = []
                transcript = try TranscriptReader.readInParts(contentsOf: file, options: reading) { turns in
                    for turn in turns {
                        UnitSplitter.forEachPiece(of: turn, as: unit, nextIndex: &nextIndex) { piece in
                            let extraction = extractor.extract(piece, scratch: &scratch)
                            tally.add(
                                extraction.countedMatches, speaker: piece.speaker,
                                reference: UnitReference(file: piece.file, turn: piece.parentIndex ?? piece.index, line: piece.lineStart),
                                position: extraction.unit.sourcePosition)
                            batch.append(extraction)
                        }
                    }
                    try extractions(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            } else {
                // Only counts: no unit needs to be kept, and turns are read where they lie.
                transcript = try TranscriptReader.readBatches(
                    contentsOf: file, options: reading, workers: 1, process: { $0 },
                    collect: { batch, _ in
                        extractor.forEachUnit(in: batch, as: unit, scratch: &scratch) { tally.add($0, speaker: $1, reference: $2, position: $3) }
                    })
            }
            notices(transcript.notices)
        }
        return tally.counts()
    }

    /// The glossary for a run over `inputs`: `source`'s, plus the concepts `discover`
    /// proposes for the same inputs when `discovery` is set (see `DiscoveryCut`).
    ///
    /// - Throws: `GlossGraphError` for unreadable inputs, or `GlossGraphErrors` for a bad glossary.
    public static func glossary(
        _ source: GlossarySource, for inputs: [String], reading: ReadingOptions, discovery: DiscoveryCut?
    ) throws -> (glossary: Glossary, discovered: [Concept]) {
        // The run that reads the inputs after this reports any folder entry left out.
        var skipped: [Notice] = []
        let files = try TranscriptReader.expandInputs(inputs, skipped: &skipped)
        GlossarySource.prepareForTraditional(files, encoding: reading.encoding)
        let glossary = discovery?.withoutGlossary == true ? try Glossary(concepts: []) : try source.load().glossary
        guard let discovery else { return (glossary, []) }
        let extended = try discovery.extend(glossary, discoveringIn: files, reading: reading)
        return (extended.glossary, extended.discovered)
    }

    /// Counts the inputs for `merge`, as `map` counts them, and returns the counts file; with
    /// `discovering`, also what `discover` finds in them, as a statistics file's bytes
    /// (`DiscoveryStatistics`), read in a second pass (so not from standard input).
    ///
    /// - Throws: `GlossGraphError`, or `GlossGraphErrors` for a bad glossary.
    public static func count(
        _ inputs: [String], reading: ReadingOptions, glossary: GlossarySource, settings: CountingSettings, discovering: Bool = false,
        progress: (any JobProgress)? = nil
    ) throws -> (file: CountsFile, statistics: [UInt8]?, notices: [Notice]) {
        var skipped: [Notice] = []
        let files = try TranscriptReader.expandInputs(inputs, skipped: &skipped)
        let loading = glossary.loadInBackground(forInputs: files, encoding: reading.encoding)
        progress?.start(files: files)
        defer { progress?.finish() }
        let (counts, notices, _) = try CorpusCounting.count(
            files: files, reading: reading, extractor: { try loading.value().extractor }, settings: settings,
            progress: progress?.counting)
        let loaded = try loading.value().loaded
        let file = CountsFile(
            counts: counts, conceptIDs: loaded.glossary.concepts.map(\.id), unit: settings.unitDescription, sourceFiles: files,
            sourcePaths: files.map(FileReading.realPath), sourceIdentities: files.map { FileReading.identity($0) ?? "" }, glossaryFiles: loaded.files)
        var discoveryNotices: [Notice] = []
        let statistics = discovering
            ? try AnalysisJobs.discoveryStatistics(files: files, reading: reading, glossary: loaded.glossary, jobs: settings.jobs) { discoveryNotices += $0 }
            : nil
        // Reading's notices were given once, by counting.
        return (file, statistics, skipped + notices + discoveryNotices.filter { $0.location == nil })
    }
}
