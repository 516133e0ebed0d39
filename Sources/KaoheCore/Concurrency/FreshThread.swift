import Foundation

/// Work run on a thread made for it.
///
/// The C allocator gives each new thread a heap of its own. Writing a province-scale workbook makes and frees a few
/// small blocks per cell (in the writing library): that is quick in a fresh heap and slow in one that already
/// holds the scoring results with the gaps their making left.
public enum FreshThread {
    /// Runs `body` on a new thread and waits for it.
    public static func run(_ body: () throws -> Void) throws {
        try withoutActuallyEscaping(body) { body in
            let work = Work(body)
            let thread = Thread { work.run() }
            thread.stackSize = 16 << 20
            thread.start()
            work.finished.wait()
            if let failure = work.failure { throw failure }
        }
    }

    /// The work and its outcome, handed between the two threads (ordered by the semaphore).
    private final class Work: @unchecked Sendable {
        /// Let go of before the caller resumes: the body must not outlive `run(_:)`.
        private var body: (() throws -> Void)?
        private(set) var failure: Error?
        let finished = DispatchSemaphore(value: 0)

        init(_ body: @escaping () throws -> Void) { self.body = body }

        func run() {
            do { try body?() } catch { failure = error }
            body = nil
            finished.signal()
        }
    }
}
