import Foundation

/// A fresh directory for one test's files, inside a folder of this test run that is removed when the run ends —
/// so test runs leave nothing behind in the temporary directory.
public func makeScratchDirectory(_ prefix: String) throws -> String {
    let directory = ScratchRoot.url.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory.path
}

private enum ScratchRoot {
    static let url: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-tests-\(getpid())")
        atexit { try? FileManager.default.removeItem(at: ScratchRoot.url) }
        return root
    }()
}
