import Foundation

/// Runs work on a thread of its own and waits for it.
///
/// The C allocator gives each new thread a heap of its own. Writing a large workbook makes and frees a few small
/// blocks per cell, which is quick in a small, fresh heap and slow in one that already holds the results of
/// scoring with the gaps their making left.
enum FreshThread {
    static func run(_ body: () throws -> Void) throws {
        try withoutActuallyEscaping(body) { body in
            let work = Work(body)
            let thread = Thread { work.run() }
            thread.stackSize = 16 << 20
            thread.start()
            work.done.wait()
            if let failure = work.failure { throw failure }
        }
    }

    /// The work and its outcome, handed between the two threads (ordered by the semaphore).
    private final class Work: @unchecked Sendable {
        /// Let go of before the caller resumes: the body must not outlive `run(_:)`.
        private var body: (() throws -> Void)?
        var failure: Error?
        let done = DispatchSemaphore(value: 0)
        init(_ body: @escaping () throws -> Void) { self.body = body }
        func run() {
            do { try body?() } catch { failure = error }
            body = nil
            done.signal()
        }
    }
}
