import Foundation
import Testing

/// Compares `text` with the snapshot `name` recorded beside the calling test file (`__Snapshots__/<name>`), so
/// that what users see — help, explanations, results files — changes only on purpose. Run the tests with
/// `KAOHE_RECORD_SNAPSHOTS=1` to record (or re-record) them; otherwise a missing or different snapshot fails and
/// shows the first line that differs.
public func expectSnapshot(
    _ text: String, named name: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["KAOHE_RECORD_SNAPSHOTS"] == "1" {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        } catch {
            Issue.record("could not record snapshot \(name): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let recorded = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("no snapshot \(name); run the tests with KAOHE_RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
        return
    }
    guard recorded != text else { return }
    let old = recorded.split(separator: "\n", omittingEmptySubsequences: false)
    let new = text.split(separator: "\n", omittingEmptySubsequences: false)
    let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
    let was = line < old.count ? String(old[line]) : "(end)"
    let now = line < new.count ? String(new[line]) : "(end)"
    Issue.record(
        """
        snapshot \(name) differs at line \(line + 1):
          recorded: \(was)
          now:      \(now)
        (KAOHE_RECORD_SNAPSHOTS=1 records the new output when the change is intended)
        """, sourceLocation: sourceLocation)
}
