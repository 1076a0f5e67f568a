import Foundation

/// A value computed on a thread of its own from the moment it is created, so that the work
/// overlaps whatever the creator does next; `value()` waits for it. (A thread, not a dispatch
/// queue: the parts of a file wait for the value on dispatch workers, and must not hold up
/// its computation.)
public final class Deferred<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<Value, Error>?

    /// Starts `work` on a new thread.
    public init(_ work: @escaping @Sendable () throws -> Value) {
        Thread { [self] in
            let outcome = Result { try work() }
            condition.lock()
            result = outcome
            condition.broadcast()
            condition.unlock()
        }.start()
    }

    /// The value, once computed; rethrows the error the work threw.
    public func value() throws -> Value {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return try result!.get()
    }
}
