import Dispatch
import Foundation

/// Pipelining for writers: batches are made on another thread while the ones before are consumed on this one (the
/// library writing a workbook is single-threaded; laying out its cells need not be). Up to `ahead` batches wait
/// made: with more than one, neither thread waits for the other when one batch takes longer than the next.
enum Pipeline {
    static func run<Batch: Sendable>(
        batches: Int, ahead: Int = 1, make: @escaping @Sendable (Int) -> Batch,
        consume: (Batch) throws -> Void
    ) throws {
        guard batches > 0 else { return }
        let queue = Queue<Batch>(ahead: max(1, ahead))
        let making = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: making) {
            for index in 0..<batches {
                guard queue.waitForRoom() else { break }
                queue.put(make(index))
            }
            // Consumed batches are freed here, on the thread that allocated them: the writing thread does no
            // freeing of them.
            queue.dropConsumed()
        }
        defer {
            queue.cancel()
            making.wait()
        }
        for _ in 0..<batches {
            let batch = queue.take()
            try consume(batch)
            queue.consumed(batch)
        }
    }

    /// The batches made and not yet taken, in order, and those consumed and not yet freed, under one lock.
    private final class Queue<Batch: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private let ahead: Int
        private var made: [Batch] = []
        private var consumed: [Batch] = []
        private var cancelled = false

        init(ahead: Int) { self.ahead = ahead }

        /// Waits until fewer than `ahead` made batches wait to be taken; false once the consumer has stopped.
        /// Frees the batches consumed so far.
        func waitForRoom() -> Bool {
            condition.lock()
            while made.count >= ahead && !cancelled { condition.wait() }
            let going = !cancelled
            condition.unlock()
            dropConsumed()
            return going
        }

        func put(_ batch: Batch) {
            condition.lock()
            made.append(batch)
            condition.broadcast()
            condition.unlock()
        }

        func take() -> Batch {
            condition.lock()
            defer { condition.unlock() }
            while made.isEmpty { condition.wait() }
            condition.broadcast()
            return made.removeFirst()
        }

        /// Hands a consumed batch back, to be freed by the maker.
        func consumed(_ batch: Batch) {
            condition.lock()
            consumed.append(batch)
            condition.unlock()
        }

        func dropConsumed() {
            condition.lock()
            let freed = consumed
            consumed = []
            condition.unlock()
            withExtendedLifetime(freed) {}
        }

        /// Stops the maker at its next batch.
        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }
    }
}
