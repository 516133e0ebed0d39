import Dispatch
import Synchronization

/// Slots filled by concurrent workers, one per chunk, read after all have finished.
final class ChunkResults<Value: Sendable>: Sendable {
    private let slots: Mutex<[Value?]>

    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

    func set(_ index: Int, _ value: Value) {
        slots.withLock { $0[index] = value }
    }

    /// The values in chunk order (every slot must have been set).
    var values: [Value] { slots.withLock { $0.map { $0! } } }
}

/// A thread-safe running count.
final class ProgressCounter: Sendable {
    private let count = Mutex(0)

    func add(_ n: Int) -> Int {
        count.withLock { count in
            count += n
            return count
        }
    }
}

/// `body(0) … body(count - 1)` on all cores, results in index order.
public func concurrentMap<Value: Sendable>(_ count: Int, _ body: (Int) -> Value) -> [Value] {
    let results = ChunkResults<Value>(count: count)
    withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let body = body
        DispatchQueue.concurrentPerform(iterations: count) { results.set($0, body($0)) }
    }
    return results.values
}
