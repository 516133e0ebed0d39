/// The rules a worksheet name must follow in Excel, LibreOffice and WPS.
public enum SheetName {
    /// Longest name, counted in characters (not bytes).
    public static let maximumLength = 31
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// Why `name` is not a valid sheet name, or nil when it is.
    public static func problem(with name: String) -> String? {
        if name.isEmpty { return "a sheet name must not be empty" }
        if name.count > maximumLength { return "longer than \(maximumLength) characters" }
        if let bad = name.first(where: { forbidden.contains($0) }) { return "contains '\(bad)'" }
        if name.hasPrefix("'") || name.hasSuffix("'") { return "begins or ends with an apostrophe" }
        return nil
    }

    /// A valid name close to `proposed` that differs (ignoring case) from every name in `taken`:
    /// forbidden characters become `_`, long names are cut, and `(2)`, `(3)` … make it unique.
    public static func sanitized(_ proposed: String, avoiding taken: Set<String>) -> String {
        sanitized(proposed, avoidingLowercased: Set(taken.map { $0.lowercased() }))
    }

    /// `sanitized(_:avoiding:)` with the taken names already in lower case.
    static func sanitized(_ proposed: String, avoidingLowercased lowered: Set<String>) -> String {
        var base = String(proposed.map { forbidden.contains($0) ? "_" : $0 })
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        if base.isEmpty { base = "Sheet" }
        var candidate = String(base.prefix(maximumLength))
        var counter = 2
        while lowered.contains(candidate.lowercased()) {
            let suffix = "(\(counter))"
            candidate = String(base.prefix(maximumLength - suffix.count)) + suffix
            counter += 1
        }
        return candidate
    }
}
