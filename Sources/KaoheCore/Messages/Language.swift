import Synchronization

/// The language the tool speaks: Chinese first, English kept (`en*` in LC_ALL / LC_MESSAGES / LANG, or `--lang en`).
public enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// The first of LC_ALL, LC_MESSAGES and LANG that is set: `en…` is English, anything else (including C and
    /// POSIX) Chinese.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        let value = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return value.lowercased().hasPrefix("en") ? .en : .zh
    }

    private static let setting = Mutex<Language?>(nil)

    /// The language of messages rendered without one being named; from the environment until set.
    public static var current: Language {
        get {
            setting.withLock { chosen in
                if let chosen { return chosen }
                let found = fromEnvironment(ProcessInfo.processInfo.environment)
                chosen = found
                return found
            }
        }
        set { setting.withLock { $0 = newValue } }
    }
}

import Foundation
