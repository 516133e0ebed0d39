import Foundation
import Synchronization

/// A progress line on stderr: rewritten in place on a terminal, one line per tenth otherwise (logs, CI).
final class ProgressLine: Sendable {
    private let total: Int
    private let label: String
    private let unit: String
    private let interactive = isatty(STDERR_FILENO) == 1
    /// The last tenth printed; held while a line is written, so that lines never interleave.
    private let lastTenth = Mutex(-1)

    init(total: Int, label: String, unit: String = "runs") {
        self.total = total
        self.label = label
        self.unit = unit
    }

    /// Reports `done` of `total`; safe to call from any thread.
    func update(_ done: Int) {
        lastTenth.withLock { lastTenth in
            let tenth = total == 0 ? 10 : done * 10 / total
            if interactive {
                FileHandle.standardError.write(Data("\r\(label): \(done)/\(total) \(unit)".utf8))
            } else if tenth > lastTenth {
                lastTenth = tenth
                FileHandle.standardError.write(Data("\(label): \(done)/\(total) \(unit)\n".utf8))
            }
        }
    }

    func finish() {
        if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
