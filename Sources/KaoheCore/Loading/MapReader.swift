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
            let hint = (node.text ?? "").contains("：") ? Catalog.hintFullWidthColon(node.location.line) : Message.plain("")
            diagnostics.error(node.location, Catalog.mustBeMap(Glossary.term(what), node.quoted, hint))
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
            if required { d.error(location, Catalog.needsKey(Glossary.term(what), key)) }
            return nil
        }
        guard let t = v.text, !t.isEmpty else {
            d.error(v.location, Catalog.mustBeText(key, Glossary.term(what), v.quoted))
            return nil
        }
        return t
    }

    mutating func number(_ key: String, required: Bool = false, _ d: inout Diagnostics) -> Exact? {
        guard let v = value(key), !v.isNull else {
            if required { d.error(location, Catalog.needsNumber(Glossary.term(what), key)) }
            return nil
        }
        guard let n = v.number else {
            // A number beyond the limits has been reported already (`enforceNumberLimits`).
            if Exact.inputLimitProblem(v.text ?? "") == nil {
                d.error(v.location, Catalog.mustBeNumber(key, Glossary.term(what), v.quoted, NumberHints.hint(v.text ?? "")))
            }
            return nil
        }
        return n
    }

    mutating func integer(_ key: String, required: Bool = false, _ d: inout Diagnostics) -> Int? {
        guard let n = number(key, required: required, &d) else { return nil }
        guard n.isInteger, let i = Int(exactly: n.numerator) else {
            d.error(value(key)!.location, Catalog.mustBeWhole(key, Glossary.term(what), n))
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
                d.warning(pair.key.location, Catalog.unknownKey(key, Glossary.term(what), Suggestion.didYouMean(key, in: used), expected))
            }
        }
    }
}

/// Reads a list of maps, each with a unique `id`.
func readList(
    _ node: YAMLValue?, _ what: String, _ d: inout Diagnostics,
    _ element: (inout MapReader, inout Diagnostics) -> Void
) {
    guard let node, !node.isNull else { return }
    guard let items = node.sequence else {
        d.error(node.location, Catalog.mustBeList(Glossary.term(what), node.quoted))
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
            d.error(location, Catalog.duplicateID(Glossary.term(what), id, first.line))
            return false
        }
        seen[id] = location
        return true
    }

    func contains(_ id: String) -> Bool { seen[id] != nil }
}

/// The names of the parts of the files, for messages: `an indicator entry` / `指标条目`. A name not listed reads the same
/// in both languages.
enum Glossary {
    static let zh: [String: String] = [
        "the rubric": "考核细则", "the data file": "数据文件", "the weight scheme": "权重方案", "an indicator entry": "指标条目",
        "a veto entry": "否决事项条目", "a bonus entry": "加分条目", "a penalty entry": "扣分条目", "'assessment'": "assessment（考核信息）",
        "'assessment.forms'": "assessment.forms（表格设置）", "'categories'": "categories（类别）", "'organizations'": "organizations（单位）",
        "'blocks'": "blocks（考核板块）", "'dimensions'": "dimensions（一级指标）", "'vetoes'": "vetoes（一票否决）",
        "'grades'": "grades（等次）", "'ranking'": "ranking（排名规则）", "'meeting'": "meeting（联席会议设置）",
        "'meeting.warnings'": "meeting.warnings（督办预警阈值）", "a progress entry": "督办记录", "meetings.yaml": "meetings.yaml",
        "items.yaml": "items.yaml", "veto": "否决事项", "rater group": "测评组", "organization": "单位", "meeting": "会议",
        "item": "事项", "indicator": "指标", "grade": "等次", "dimension": "一级指标", "checklist item": "清单项",
        "category": "类别", "block": "考核板块", "bonus item": "加分项目", "penalty item": "扣分项目"
    ]

    static func term(_ what: String) -> Message {
        if let zh = zh[what] { return Catalog.list(.plain(what), .plain(zh)) }
        if what.hasPrefix("an entry of "), let inner = zh[String(what.dropFirst("an entry of ".count))] {
            return Catalog.list(.plain(what), .plain("\(inner)中的一项"))
        }
        return .plain(what)
    }
}

/// What a number typed by hand usually gets wrong: full-width digits, a Chinese comma, a unit after it.
enum NumberHints {
    static func hint(_ text: String) -> Message {
        if text.contains(where: { ("０"..."９").contains($0) || $0 == "．" }) { return Catalog.hintNumberFullWidth() }
        if text.contains("，") || text.contains("、") { return Catalog.hintNumberList() }
        if let first = text.first, first.isNumber, text.contains(where: { !$0.isASCII }) { return Catalog.hintNumberUnit() }
        return .plain("")
    }
}
