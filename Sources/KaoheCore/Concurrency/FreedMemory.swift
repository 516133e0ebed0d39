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
