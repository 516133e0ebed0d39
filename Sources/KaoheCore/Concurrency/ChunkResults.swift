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
