import Foundation

/// Writes a set of output files so that none replaces its previous version until all are complete:
/// each is written to a temporary name in the same folder, then all are renamed.
public struct OutputFiles {
    public let directory: String
    private var staged: [(temporary: String, final: String)] = []

    public init(directory: String) throws {
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// A temporary path for `name` in the output folder; `commit()` moves it into place.
    public mutating func stage(_ name: String) -> String {
        let final = (directory as NSString).appendingPathComponent(name)
        let temporary = (directory as NSString).appendingPathComponent(".\(name).\(UUID().uuidString).partial")
        staged.append((temporary, final))
        return temporary
    }

    /// Writes `text` as UTF-8 to a staged file.
    public mutating func stage(_ name: String, text: String) throws {
        let path = stage(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Moves every staged file into place and returns the final paths.
    public func commit() throws -> [String] {
        for (temporary, final) in staged {
            _ = try? FileManager.default.removeItem(atPath: final)
            try FileManager.default.moveItem(atPath: temporary, toPath: final)
        }
        return staged.map(\.final)
    }

    /// Removes whatever was staged (after a failure).
    public func discard() {
        for (temporary, _) in staged { try? FileManager.default.removeItem(atPath: temporary) }
    }
}
