// The allocator tricks a province-scale run needs, in one place: what they do depends on the C library (glibc's
// per-thread heaps and malloc_trim); elsewhere they are harmless no-ops or plain threads.
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Hands memory the program has freed back to the operating system.
///
/// The C library keeps freed blocks for reuse. Scoring a province-scale run frees the loaded data while it builds
/// results of other sizes: the freed blocks are seldom the right size to reuse, so without this the resident size
/// keeps what it freed (about 15 MB at 10,000 organizations). Where the C library offers `malloc_trim` (glibc),
/// `release()` calls it; elsewhere it does nothing.
public enum FreedMemory {
    /// Returns the whole free pages of the heap to the system. Takes about a millisecond; call it between
    /// batches, not per item.
    public static func release() {
        _ = trim?(0)
    }

    private typealias Trim = @convention(c) (Int) -> Int32

    /// Looked up at run time: the function is a glibc extension that the Swift overlay does not import.
    private static let trim: Trim? = {
        #if canImport(Glibc)
            guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
            return unsafeBitCast(symbol, to: Trim.self)
        #else
            return nil
        #endif
    }()
}

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
