import Dispatch
import Synchronization

/// A value computed on another thread and waited for when read: for work that can run beside something longer
/// (the results files beside the closing of the workbook, which keeps one core busy).
public final class BackgroundValue<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let pending: Mutex<(@Sendable () -> Value)?>
    private let done = DispatchGroup()

    /// Starts making the value at once.
    public convenience init(_ make: @escaping @Sendable () -> Value) {
        self.init(startingLater: make)
        start()
    }

    /// Keeps `make` until `start()` is called, or the value is read.
    public init(startingLater make: @escaping @Sendable () -> Value) { pending = Mutex(make) }

    /// Starts making the value on another thread, unless it has been started.
    public func start() {
        guard let make = pending.withLock({ $0.take() }) else { return }
        DispatchQueue.global(qos: .userInitiated).async(group: done) { [self] in
            let value = make()
            result.withLock { $0 = value }
        }
    }

    /// The value, once it is made.
    public var value: Value {
        start()
        done.wait()
        return result.withLock { $0! }
    }
}
