import Dispatch
import Synchronization

/// A value computed on another thread, started at once and waited for when read: for work that can run beside
/// something longer (the results files beside the workbook).
public final class BackgroundValue<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let done = DispatchGroup()

    public init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async(group: done) { [self] in
            let value = make()
            result.withLock { $0 = value }
        }
    }

    /// The value, once it is made.
    public var value: Value {
        done.wait()
        return result.withLock { $0! }
    }
}
