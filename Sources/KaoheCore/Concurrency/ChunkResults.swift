import Dispatch
import Foundation

/// Slots filled by concurrent workers, one per chunk, read after all have finished.
final class ChunkResults<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The values in chunk order (every slot must have been set).
    var values: [Value] { slots.map { $0! } }
}

/// A thread-safe running count.
final class ProgressCounter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()
    func add(_ n: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += n
        return count
    }
}

/// `body(0) … body(count - 1)` on all cores, results in index order.
public func concurrentMap<Value>(_ count: Int, _ body: (Int) -> Value) -> [Value] {
    let results = ChunkResults<Value>(count: count)
    withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let body = body
        DispatchQueue.concurrentPerform(iterations: count) { results.set($0, body($0)) }
    }
    return results.values
}
