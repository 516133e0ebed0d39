@testable import KaoheCore

extension Diagnostic {
    /// The message in English: what most assertions of these tests were written against (both languages render from
    /// the same catalog entry; `MessageCatalogTests` pins the Chinese).
    var english: String { content.text(.en) }
}
