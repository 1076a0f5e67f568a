import Foundation
import Synchronization

/// How transcripts are cut into co-occurrence units and how many are counted at once.
public struct CountingSettings: Sendable {
    /// The co-occurrence unit.
    public var unit: CooccurrenceUnit = .turn
    /// Consecutive turns grouped into one unit (with `.turn`); 1 counts each turn.
    public var window = 1
    /// Files, or parts of a large file, read and counted at once; the counts are the same for any number.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount

    public init(unit: CooccurrenceUnit = .turn, window: Int = 1, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.unit = unit
        self.window = window
        self.jobs = jobs
    }

    /// How the unit is named in exports and counts files: `turn`, `sentence`, `paragraph`, or `3 turns`.
    public var unitDescription: String { window > 1 ? "\(window) turns" : unit.rawValue }

    /// How a map names its unit: `unitDescription`, or, for turns, what a turn was in all of
    /// `files` inputs: `cue` where every input was read as subtitles (`formats`), `paragraph`
    /// or `line` where each was read without speaker labels (reading's `notices` say so).
    func unitDescription(files: Int, notices: [Notice], formats: Set<InputFormat>) -> String {
        guard unit == .turn, window == 1 else { return unitDescription }
        if !formats.isEmpty && formats.isSubset(of: [.srt, .vtt, .ass]) { return "cue" }
        var named: [String: Int] = [:]
        for notice in notices {
            if case .unitsWithoutSpeakers(let name) = notice.topic { named[name, default: 0] += 1 }
        }
        guard named.count == 1, let (name, count) = named.first, count == files else { return unitDescription }
        return name
    }
}

/// Told of bytes read and of units counted as they happen, from any thread.
public typealias CountingProgress = @Sendable (_ bytes: Int, _ units: Int) -> Void

/// Counts concepts and co-occurrences in transcripts: reading, extraction and counting run
/// together, part by part, so that memory does not grow with the corpus.
public enum CorpusCounting {
    /// Reads and counts `files`, `settings.jobs` files (or parts of a file) at a time, and
    /// merges their counts in input order; returns them with what reading noticed, file by
    /// file, and the formats the files were read as. Reading starts while `extractor` may
    /// still be in the making (for example on a `Deferred`); when both fail, the extractor's
    /// error (the glossary's) is the one thrown, as if it had been made first.
    public static func count(
        files: [String], reading: ReadingOptions, extractor: @escaping @Sendable () throws -> ConceptExtractor,
        settings: CountingSettings, progress: CountingProgress? = nil
    ) throws -> (counts: CooccurrenceCounts, notices: [Notice], formats: Set<InputFormat>) {
        do {
            // Jobs go to files first; jobs left over read and count the parts of each file.
            let workersPerFile = max(1, settings.jobs / max(1, min(settings.jobs, files.count)))
            let perFile = try Parallel.map(files, jobs: settings.jobs) { file -> (counts: CooccurrenceCounts, notices: [Notice], format: InputFormat) in
                // A window of turns needs the turns of one piece together, so it reads whole files.
                guard settings.window == 1 else {
                    let transcript = try TranscriptReader.read(contentsOf: file, options: reading)
                    return (count([transcript], extractor: try extractor(), settings: settings), transcript.notices, transcript.format)
                }
                return try count(file: file, reading: reading, extractor: extractor, unit: settings.unit, workers: workersPerFile, progress: progress)
            }
            var counts = CooccurrenceCounts(conceptCount: try extractor().glossary.concepts.count)
            for part in perFile { counts.merge(part.counts) }
            return (counts, perFile.flatMap(\.notices), Set(perFile.map(\.format)))
        } catch {
            _ = try extractor()
            throw error
        }
    }

    /// Counts transcripts held in memory, as `count(files:…)` counts their files.
    public static func count(_ transcripts: [Transcript], extractor: ConceptExtractor, settings: CountingSettings = CountingSettings()) -> CooccurrenceCounts {
        var tally = CooccurrenceTally(conceptCount: extractor.glossary.concepts.count)
        var scratch = TermMatcher.Scratch()
        for transcript in transcripts {
            var part = CooccurrenceTally(conceptCount: tally.conceptCount)
            if settings.window > 1 {
                extractor.forEachWindow(
                    of: transcript.units, size: settings.window, scratch: &scratch,
                    unit: { part.add($0, speaker: $1, reference: $2, position: $3) },
                    credit: { part.credit($1, to: $0) })
            } else {
                extractor.forEachUnit(in: transcript.units, as: settings.unit, scratch: &scratch) {
                    part.add($0, speaker: $1, reference: $2, position: $3)
                }
            }
            tally.merge(part)
        }
        return tally.counts()
    }

    /// Counts one file read in parts cut at turns, up to `workers` parts at once (each read,
    /// matched and counted on a worker); the counts are the same for any number of workers.
    static func count(
        file: String, reading: ReadingOptions, extractor: @escaping @Sendable () throws -> ConceptExtractor, unit: CooccurrenceUnit,
        workers: Int, progress: CountingProgress?
    ) throws -> (counts: CooccurrenceCounts, notices: [Notice], format: InputFormat) {
        var total: CooccurrenceTally?
        // Parts are merged in file order, so a pair whose supporting references are complete
        // needs none from the parts still to come: workers do not even keep them.
        let settled = SettledPairs()
        let transcript = try TranscriptReader.readBatches(
            contentsOf: file, options: reading, workers: workers, progress: { progress?($0, 0) },
            process: { batch in
                Result {
                    let extractor = try extractor()
                    var tally = CooccurrenceTally(conceptCount: extractor.glossary.concepts.count, settledPairs: settled.pairs)
                    var scratch = TermMatcher.Scratch()
                    extractor.forEachUnit(in: batch, as: unit, scratch: &scratch) { tally.add($0, speaker: $1, reference: $2, position: $3) }
                    return (tally, batch.count)
                }
            },
            collect: { result, unitOffset in
                let (part, units) = try result.get()
                progress?(0, units)
                if total == nil { total = CooccurrenceTally(conceptCount: part.conceptCount) }
                let newlySettled = total!.merge(part, turnOffset: unitOffset)
                if !newlySettled.isEmpty { settled.add(newlySettled) }
            })
        let counts = try total?.counts() ?? CooccurrenceCounts(conceptCount: extractor().glossary.concepts.count)
        return (counts, transcript.notices, transcript.format)
    }
}

/// The pairs of a file's counts so far whose supporting references are complete, shared with
/// the workers counting later parts.
private final class SettledPairs: Sendable {
    private let value = Mutex<Set<UInt64>>([])

    var pairs: Set<UInt64> { value.withLock { $0 } }

    func add(_ pairs: [UInt64]) { value.withLock { $0.formUnion(pairs) } }
}
