@testable import KaoheCore

extension Diagnostic {
    /// The message in English: what most assertions of these tests were written against (both languages render from
    /// the same catalog entry; `MessageCatalogTests` pins the Chinese).
    var english: String { content.text(.en) }
    /// The message in Chinese, what the office reads: the forms' and the ledger's assertions pin it.
    var chinese: String { content.text(.zh) }
    /// The line in English (location, label, message) and the Chinese message after it, for assertions on both.
    var bothLanguages: String { description(in: .en) + "\n" + content.text(.zh) }
}
