import Dispatch

/// A value computed on another thread, started at once and waited for when read: for work that can run beside
/// something longer (the results files beside the workbook).
public final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private var result: Value?
    private let done = DispatchGroup()

    public init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async(group: done) { self.result = make() }
    }

    /// The value, once it is made (ordered by the group's wait).
    public var value: Value {
        done.wait()
        return result!
    }
}
