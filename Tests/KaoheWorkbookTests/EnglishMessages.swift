@testable import KaoheCore

extension Diagnostic {
    var english: String { content.text(.en) }
}
