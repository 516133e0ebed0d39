import Dispatch
import Synchronization

/// Two-stage pipelining for writers: batch `i + 1` is made on another thread while batch `i` is consumed on
/// this one (the library writing a workbook is single-threaded; laying out its cells need not be).
enum Pipeline {
    static func run<Batch: Sendable>(
        batches: Int, make: @escaping @Sendable (Int) -> Batch,
        consume: (Batch) throws -> Void
    ) throws {
        guard batches > 0 else { return }
        var current = make(0)
        var consumed: Batch?
        for index in 0..<batches {
            let next = Slot<Batch>()
            let making = DispatchGroup()
            // The batch consumed last time is freed on the making thread, which allocated it: the consuming
            // thread (writing the workbook) does no freeing of it.
            let finished = consumed.take()
            if index + 1 < batches || finished != nil {
                DispatchQueue.global(qos: .userInitiated).async(group: making) {
                    withExtendedLifetime(finished) {}
                    if index + 1 < batches { next.put(make(index + 1)) }
                }
            }
            do {
                try consume(current)
            } catch {
                making.wait()
                throw error
            }
            making.wait()
            if let value = next.take() { consumed = current; current = value }
        }
    }

    /// A value handed from the making thread to the consuming one.
    private final class Slot<Value: Sendable>: Sendable {
        private let value = Mutex<Value?>(nil)
        func put(_ made: Value) { value.withLock { $0 = made } }
        func take() -> Value? { value.withLock { $0.take() } }
    }
}
