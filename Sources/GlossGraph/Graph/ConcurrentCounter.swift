import Dispatch
import Foundation

/// Counts parts of a corpus on several threads while the caller reads the next part: each
/// part gets its own counts, merged as they finish. Merging does not depend on order, so the
/// result is the same as counting the parts one after another.
public final class ConcurrentCounter: @unchecked Sendable {
    private let extractor: ConceptExtractor
    private let unit: CooccurrenceUnit
    private let queue = DispatchQueue(label: "glossgraph.counting", attributes: .concurrent)
    private let group = DispatchGroup()
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    private var merged: CooccurrenceCounter

    /// At most `workers` parts are counted (and held) at a time.
    public init(extractor: ConceptExtractor, unit: CooccurrenceUnit, workers: Int) {
        self.extractor = extractor
        self.unit = unit
        slots = DispatchSemaphore(value: max(1, workers))
        merged = CooccurrenceCounter(conceptCount: extractor.glossary.concepts.count)
    }

    /// Counts `units` on a worker; waits while all workers are busy.
    public func submit(_ units: [TranscriptUnit]) {
        slots.wait()
        group.enter()
        queue.async { [self] in
            var counts = CooccurrenceCounter(conceptCount: extractor.glossary.concepts.count)
            var scratch = TermMatcher.Scratch()
            counts.add(units: units, extractor: extractor, unit: unit, scratch: &scratch)
            lock.lock()
            merged.merge(counts)
            lock.unlock()
            slots.signal()
            group.leave()
        }
    }

    /// Waits for every part and returns the merged counts.
    public func finish() -> CooccurrenceCounter {
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        return merged
    }
}
