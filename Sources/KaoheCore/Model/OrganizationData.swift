/// One organization's yearly data (§9): indicator values, self-scores, evidence, bonus, penalties, vetoes
/// and survey votes.
public struct OrganizationData: Sendable {
    public var organization: String
    public var year: Int?
    public var indicators: IndicatorEntries
    public var bonus: [AdjustmentEntry]
    public var penalties: [AdjustmentEntry]
    public var vetoes: [VetoEntry]
    /// Survey block id → group id → votes.
    public var surveys: [String: [String: SurveyVotes]]
    /// The file this data came from, and where the organization is named in it.
    public var location: SourceLocation
}

/// A value as given in data, before the indicator's method interprets it.
public enum DataValue: Sendable {
    case number(Exact)
    case boolean(Bool)
    case text(String)
    case list([DataValue])
    case map([(key: String, value: DataValue)])

    /// Converts a YAML node: unquoted decimals become numbers, `true`/`false`/`是`/`否` booleans.
    init(_ yaml: YAMLValue) {
        switch yaml.kind {
        case .null: self = .text("")
        case .scalar(let text, let plain):
            if plain, let number = Exact(text) {
                self = .number(number)
            } else if plain, let flag = yaml.boolean {
                self = .boolean(flag)
            } else if !plain, text == "是" || text == "否" {
                self = .boolean(text == "是")
            } else {
                self = .text(text)
            }
        case .sequence(let items): self = .list(items.map(DataValue.init))
        case .mapping(let pairs): self = .map(pairs.map { ($0.key.text ?? "", DataValue($0.value)) })
        }
    }

    /// How the value reads in a scorecard's 完成情况 column.
    public var display: String {
        switch self {
        case .number(let n): n.decimalText()
        case .boolean(let b): b ? "是" : "否"
        case .text(let t): t
        case .list(let items): items.map(\.display).joined(separator: "、")
        case .map(let pairs): pairs.map { "\($0.key): \($0.value.display)" }.joined(separator: "; ")
        }
    }
}

/// An organization's indicator entries by indicator id: a dictionary's interface over a plain array, a third of
/// a dictionary's memory at 60 entries (a province roll-up holds hundreds of thousands).
public struct IndicatorEntries: Sendable, ExpressibleByDictionaryLiteral {
    private var entries: [(id: String, entry: IndicatorEntry)] = []

    public init(dictionaryLiteral elements: (String, IndicatorEntry)...) {
        for (id, entry) in elements { self[id] = entry }
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    /// The ids, in the order the entries were given.
    public var ids: [String] { entries.map(\.id) }

    public subscript(id: String) -> IndicatorEntry? {
        get {
            var cursor = 0
            return entry(id, cursor: &cursor)
        }
        set {
            if let i = entries.firstIndex(where: { $0.id == id }) {
                if let newValue { entries[i].entry = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((id, newValue))
            }
        }
    }

    /// Adds the entry for an id known not to be present yet (the loader has checked), without searching.
    mutating func append(_ id: String, _ entry: IndicatorEntry) {
        entries.append((id, entry))
    }

    /// The entry for `id`, looking first at position `cursor` and leaving `cursor` after the entry found: asked for
    /// in the order the entries were given (the rubric's order, usually), each is found at once.
    func entry(_ id: String, cursor: inout Int) -> IndicatorEntry? {
        if cursor < entries.count, entries[cursor].id == id {
            cursor += 1
            return entries[cursor - 1].entry
        }
        guard let i = entries.firstIndex(where: { $0.id == id }) else { return nil }
        cursor = i + 1
        return entries[i].entry
    }
}

/// The entry for one indicator.
public struct IndicatorEntry: Sendable {
    public var value: DataValue?
    /// The organization's self-score (自评分).
    public var selfScore: Exact?
    public var evidence: [String]
    public var note: String?
    public var location: SourceLocation
    /// The organization's own value when the verified `value` differs (forms.md §5).
    public var claimed: DataValue? = nil
    /// The verifier's note (核定说明).
    public var reviewNote: String? = nil
    /// The 考核责任单位 that verified the value.
    public var reviewedBy: String? = nil
    /// The value taken from the joint meeting ledger (`from: meeting.*`), with the items behind it.
    public var derived: DerivedValue? = nil

    /// Whether a verifier changed the organization's value.
    public var isCorrected: Bool { claimed != nil }
}

/// A bonus or penalty claim.
public struct AdjustmentEntry: Sendable {
    public var item: String
    public var count: Exact
    public var note: String?
    public var evidence: [String]
    public var location: SourceLocation
    /// The count the organization reported, when a verifier changed it (forms.md §5).
    public var claimed: Exact? = nil
    public var reviewNote: String? = nil
    /// The 考核责任单位 that verified or reported the count.
    public var reviewedBy: String? = nil
}

public struct VetoEntry: Sendable {
    public var id: String
    public var note: String?
    public var location: SourceLocation
    /// The 考核责任单位 that reported the veto.
    public var reviewedBy: String? = nil
}

/// A rater group's votes: counts per answer, or numeric ballots (0–100).
public enum SurveyVotes: Sendable {
    case counts([(answer: String, count: Exact)])
    case scores([Exact])
}
