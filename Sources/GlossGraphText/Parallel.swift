import Dispatch
import Synchronization

/// Runs work on several cores and returns results in input order, so output never depends on
/// which job finished first.
public enum Parallel {
    /// `body` applied to every item, `jobs` at a time. The first error (in input order) is
    /// thrown after all jobs end.
    public static func map<Item: Sendable, Value: Sendable>(
        _ items: [Item], jobs: Int, _ body: @escaping @Sendable (Item) throws -> Value
    ) throws -> [Value] {
        let results = Mutex<[Result<Value, any Error>?]>(Array(repeating: nil, count: items.count))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, items.count))) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < items.count else { break }
                let result = Result { try body(items[index]) }
                results.withLock { $0[index] = result }
            }
        }
        return try results.withLock { slots in try slots.map { try $0!.get() } }
    }
}
