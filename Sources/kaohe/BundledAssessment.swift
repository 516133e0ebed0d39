import Foundation

/// The 2024 county mass-organization assessment shipped in `rubrics/`, the starting point of `kaohe init`.
enum BundledAssessment {
    static let relativePath = "rubrics/2024-county-mass-orgs"

    /// Where an installed copy keeps it, relative to the executable's folder (`<prefix>/bin/kaohe` →
    /// `<prefix>/share/kaohe/2024-county-mass-orgs`).
    static let installedPath = "../share/kaohe/2024-county-mass-orgs"

    /// Where the bundled assessment is: `$KAOHE_TEMPLATE`, else beside an installed executable
    /// (`../share/kaohe/…`), else `rubrics/2024-county-mass-orgs` in the folder holding the executable's checkout
    /// (walking up from the executable), else in the current folder.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let fm = FileManager.default
        if let explicit = environment["KAOHE_TEMPLATE"] { return URL(fileURLWithPath: explicit) }
        // The running executable, also when started through PATH (Foundation reads /proc/self/exe on Linux).
        let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
        var candidates = [executable.deletingLastPathComponent().appendingPathComponent(installedPath).standardizedFileURL]
        var directory = executable.deletingLastPathComponent()
        while directory.path != "/" {
            candidates.append(directory.appendingPathComponent(relativePath))
            directory.deleteLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent(relativePath))
        return candidates.first { fm.fileExists(atPath: $0.appendingPathComponent("rubric.yaml").path) }
    }

    /// Relative path → contents of every file of the assessment at `root`.
    static func files(at root: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        let base = root.resolvingSymlinksInPath()
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return out
        }
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                let data = try? Data(contentsOf: url)
            else { continue }
            out[String(url.resolvingSymlinksInPath().path.dropFirst(base.path.count + 1))] = data
        }
        return out
    }
}
