/// Reads the fields of one YAML map, reporting every wrong type, missing key and unknown key.
struct MapReader {
    let node: YAMLValue
    let what: String
    /// The keys asked for (a short list: a linear search beats hashing here).
    private(set) var used: [String] = []
    private let pairs: [(key: YAMLValue, value: YAMLValue)]

    /// nil (with a diagnostic) when `node` is not a map.
    init?(_ node: YAMLValue, _ what: String, _ diagnostics: inout Diagnostics) {
        guard let pairs = node.mapping else {
            diagnostics.error(node.location, "\(what) must be a map, found \(node.quoted)")
            return nil
        }
        self.node = node
        self.what = what
        self.pairs = pairs
    }

    var location: SourceLocation { node.location }

    mutating func value(_ key: String) -> YAMLValue? {
        if !used.contains(key) { used.append(key) }
        return pairs.first { $0.key.text == key }?.value
    }

    /// Where `key` itself is written (for problems with the whole value, such as a list's sum).
    func keyLocation(_ key: String) -> SourceLocation? {
        pairs.first { $0.key.text == key }?.key.location
    }

    mutating func has(_ key: String) -> Bool {
        pairs.contains { $0.key.text == key }
    }

    mutating func text(_ key: String, required: Bool = false, _ d: inout Diagnostics) -> String? {
        guard let v = value(key), !v.isNull else {
            if required { d.error(location, "\(what) needs '\(key)'") }
            return nil
        }
        guard let t = v.text, !t.isEmpty else {
            d.error(v.location, "'\(key)' of \(what) must be text, found \(v.quoted)")
            return nil
        }
        return t
    }

    mutating func number(_ key: String, required: Bool = false, _ d: inout Diagnostics) -> Exact? {
        guard let v = value(key), !v.isNull else {
            if required { d.error(location, "\(what) needs '\(key)' (a number)") }
            return nil
        }
        guard let n = v.number else {
            // A number beyond the limits has been reported already (`enforceNumberLimits`).
            if Exact.inputLimitProblem(v.text ?? "") == nil { d.error(v.location, "'\(key)' of \(what) must be a number, found \(v.quoted)") }
            return nil
        }
        return n
    }

    mutating func integer(_ key: String, required: Bool = false, _ d: inout Diagnostics) -> Int? {
        guard let n = number(key, required: required, &d) else { return nil }
        guard n.isInteger, let i = Int(exactly: n.numerator) else {
            d.error(value(key)!.location, "'\(key)' of \(what) must be a whole number, found '\(n)'")
            return nil
        }
        return i
    }

    /// Reports keys this reader never asked for, as warnings (they may belong to a newer format).
    func reportUnknownKeys(_ d: inout Diagnostics) {
        for pair in pairs {
            let key = pair.key.text ?? ""
            if !used.contains(key) {
                let expected = used.sorted().joined(separator: ", ")
                d.warning(pair.key.location, "unknown key '\(key)' in \(what) is ignored (known keys: \(expected))")
            }
        }
    }
}

/// Reads a list of maps, each with a unique `id`.
func readList(_ node: YAMLValue?, _ what: String, _ d: inout Diagnostics,
              _ element: (inout MapReader, inout Diagnostics) -> Void) {
    guard let node, !node.isNull else { return }
    guard let items = node.sequence else {
        d.error(node.location, "\(what) must be a list, found \(node.quoted)")
        return
    }
    for item in items {
        guard var reader = MapReader(item, "an entry of \(what)", &d) else { continue }
        element(&reader, &d)
        reader.reportUnknownKeys(&d)
    }
}

/// Tracks ids within one list and reports duplicates.
struct IDRegistry {
    private var seen: [String: SourceLocation] = [:]
    let what: String

    init(_ what: String) { self.what = what }

    /// False (with a diagnostic) if the id was already used.
    mutating func register(_ id: String, at location: SourceLocation, _ d: inout Diagnostics) -> Bool {
        if let first = seen[id] {
            d.error(location, "duplicate \(what) id '\(id)' (first defined at line \(first.line))")
            return false
        }
        seen[id] = location
        return true
    }

    func contains(_ id: String) -> Bool { seen[id] != nil }
}
