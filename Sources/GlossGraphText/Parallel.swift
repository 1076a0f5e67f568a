import Dispatch
import Foundation

/// Runs work on several cores and returns results in input order, so output never depends on
/// which job finished first.
public enum Parallel {
    /// `body` applied to every item, `jobs` at a time. The first error (in input order) is
    /// thrown after all jobs end.
    public static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], jobs: Int, _ body: @escaping @Sendable (Item) throws -> Result
    ) throws -> [Result] {
        let results = ResultSlots<Result>(count: items.count)
        let jobs = max(1, min(jobs, items.count))
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            while let index = next.take(below: items.count) {
                do {
                    results.set(index, .success(try body(items[index])))
                } catch {
                    results.set(index, .failure(error))
                }
            }
        }
        return try results.values()
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func take(below limit: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard value < limit else { return nil }
            value += 1
            return value - 1
        }
    }

    private final class ResultSlots<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Swift.Result<Value, Error>?]

        init(count: Int) {
            slots = Array(repeating: nil, count: count)
        }

        func set(_ index: Int, _ result: Swift.Result<Value, Error>) {
            lock.lock()
            slots[index] = result
            lock.unlock()
        }

        func values() throws -> [Value] {
            try slots.map { try $0!.get() }
        }
    }
}
