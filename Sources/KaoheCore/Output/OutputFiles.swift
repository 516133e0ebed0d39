import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Writes a set of output files so that none replaces its previous version until all are complete:
/// each is written to a temporary name in the same folder, then all are renamed.
///
/// Temporary names carry the writing process's id (`.<name>.<pid>.<uuid>.partial`), so runs into the same folder
/// never collide, and a run removes the temporaries of runs that were killed (their process is gone).
public struct OutputFiles {
    public let directory: String
    private var staged: [(temporary: String, final: String)] = []

    /// Creates the folder if needed; throws `OutputProblem` in words when it cannot.
    public init(directory: String) throws {
        self.directory = directory
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw OutputProblem(path: directory, what: Catalog.isAFileNotAFolder(), fix: Catalog.moveTheFile())
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw OutputProblem(path: directory, error)
        }
        Self.removeStaleTemporaries(in: directory)
    }

    /// A temporary path for `name` in the output folder; `commit()` moves it into place.
    public mutating func stage(_ name: String) -> String {
        let final = (directory as NSString).appendingPathComponent(name)
        let temporary = (directory as NSString).appendingPathComponent(".\(name).\(getpid()).\(UUID().uuidString).partial")
        staged.append((temporary, final))
        return temporary
    }

    /// Writes `text` as UTF-8 to a staged file.
    public mutating func stage(_ name: String, text: String) throws {
        let path = stage(name)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw OutputProblem(path: path, error)
        }
    }

    /// Moves every staged file into place (each rename replaces the old file at once) and returns the final paths.
    public func commit() throws -> [String] {
        for (temporary, final) in staged where rename(temporary, final) != 0 {
            throw OutputProblem(path: final, errno: errno)
        }
        return staged.map(\.final)
    }

    /// Removes whatever was staged (after a failure).
    public func discard() {
        for (temporary, _) in staged { try? FileManager.default.removeItem(atPath: temporary) }
    }

    /// Removes `.…<pid>.<uuid>.partial` and `.tmp` files whose process no longer runs.
    static func removeStaleTemporaries(in directory: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasPrefix(".") {
            guard name.hasSuffix(".partial") || name.hasSuffix(".tmp") else { continue }
            let parts = name.split(separator: ".")
            guard parts.count >= 4, let pid = Int32(parts[parts.count - 3]) else { continue }
            if kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
            }
        }
    }
}

/// An output that cannot be written, in words: what, where, what to do — never a raw system error.
public struct OutputProblem: ExplainedError, CustomStringConvertible {
    public var path: String
    public var what: Message
    public var fix: Message

    public init(path: String, what: Message, fix: Message) {
        self.path = path
        self.what = what
        self.fix = fix
    }

    /// From a Foundation error.
    public init(path: String, _ error: Error) {
        if let posix = error as? POSIXError {
            self.init(path: path, errno: posix.code.rawValue)
            return
        }
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? Error
        if let posix = underlying as? POSIXError {
            self.init(path: path, errno: posix.code.rawValue)
            return
        }
        switch (error as? CocoaError)?.code {
        case .fileWriteFileExists?: self.init(path: path, errno: EEXIST)
        case .fileWriteNoPermission?: self.init(path: path, errno: EACCES)
        case .fileWriteOutOfSpace?: self.init(path: path, errno: ENOSPC)
        case .fileWriteVolumeReadOnly?: self.init(path: path, errno: EROFS)
        case .fileNoSuchFile?: self.init(path: path, errno: ENOENT)
        default:
            let ns = error as NSError
            if ns.domain == NSPOSIXErrorDomain {
                self.init(path: path, errno: Int32(ns.code))
            } else {
                self.init(path: path, what: Catalog.cannotWriteBecause(error.localizedDescription), fix: Catalog.checkTheFolder())
            }
        }
    }

    /// From a C `errno`.
    public init(path: String, errno code: Int32) {
        switch code {
        case EEXIST, ENOTDIR: self.init(path: path, what: Catalog.fileInTheWay(), fix: Catalog.moveTheFile())
        case EACCES, EPERM: self.init(path: path, what: Catalog.noPermission(), fix: Catalog.chooseWritableFolder())
        case ENOSPC, EDQUOT: self.init(path: path, what: Catalog.diskFull(), fix: Catalog.freeSpace())
        case EROFS: self.init(path: path, what: Catalog.readOnlyDisk(), fix: Catalog.chooseAnotherOut())
        case ENOENT: self.init(path: path, what: Catalog.folderGone(), fix: Catalog.runAgain())
        default: self.init(path: path, what: Catalog.cannotWriteBecause(String(cString: strerror(code))), fix: Catalog.checkTheFolder())
        }
    }

    public var message: Message { Catalog.outputProblem(path, what, fix) }
    public var description: String { message.text(.current) }
}
