import Synchronization
import Testing

@testable import KaoheCore

struct BackgroundValueTests {
    /// A value started later is not made before `start()` or the first read, is made once however often it is
    /// started and read, and reads the same from every thread.
    @Test func startedLaterIsMadeOnceWhenStartedOrRead() async {
        let made = Atomic(0)
        let later = BackgroundValue(startingLater: {
            made.add(1, ordering: .relaxed)
            return 42
        })
        try? await Task.sleep(for: .milliseconds(20))
        #expect(made.load(ordering: .relaxed) == 0)
        later.start()
        later.start()
        #expect(later.value == 42 && later.value == 42)
        #expect(made.load(ordering: .relaxed) == 1)

        let readFirst = BackgroundValue(startingLater: { "read" })
        #expect(readFirst.value == "read")
        let atOnce = BackgroundValue { [1, 2, 3] }
        await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<8 { group.addTask { atOnce.value } }
            for await value in group { #expect(value == [1, 2, 3]) }
        }
    }
}
