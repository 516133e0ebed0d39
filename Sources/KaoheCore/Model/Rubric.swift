/// A rubric (考核细则): what is assessed, how each indicator is scored, and how grades are given.
/// Built by `RubricLoader` from `rubric.yaml`; every element remembers where it was written.
public struct Rubric: Sendable {
    public var assessment: AssessmentInfo
    public var categories: [Category]
    public var organizations: [Organization]
    public var blocks: [Block]
    public var dimensions: [Dimension]
    public var bonus: AdjustmentRules
    public var penalties: AdjustmentRules
    public var vetoes: [Veto]
    public var grades: [Grade]
    public var ranking: Ranking
    /// The joint meeting ledger's warning thresholds (`meeting:`, meeting.md §2).
    public var meeting = MeetingSettings()

    /// Whether any indicator takes its value from the joint meeting ledger.
    public var usesLedger: Bool { indicators.contains { $0.from != nil } }

    /// The block scored from the indicator tree.
    public var indicatorBlock: Block { blocks.first { $0.source == .indicators }! }

    /// Every indicator, in rubric order.
    public var indicators: [Indicator] { dimensions.flatMap(\.indicators) }

    /// The indicator with this id.
    public func indicator(_ id: String) -> Indicator? {
        for dimension in dimensions {
            if let found = dimension.indicators.first(where: { $0.id == id }) { return found }
        }
        return nil
    }

    /// The indicator block's scale S: the sum of the dimensions' points.
    public var indicatorScale: Exact { dimensions.map(\.points).sum() }
}

public struct AssessmentInfo: Sendable {
    public var id: String
    public var title: String
    public var year: Int
    public var issuer: String?
    /// The policy basis, printed on the cover.
    public var basis: String?
    /// Decimal places of every rounded result.
    public var decimals: Int
    /// Full marks of the final score before bonus and penalty.
    public var total: Exact
    /// What the collection forms tell the units (`assessment.forms`).
    public var forms = FormSettings()
    /// The date the ledger is read as of (`assessment.as_of`); nil: 31 December of `year`.
    public var asOf: CalendarDate? = nil
}

/// `assessment.forms`: what every form's 填报说明 tells the units, all optional.
public struct FormSettings: Sendable {
    /// When the forms are due, as written (`2025年1月10日`).
    public var deadline: String?
    /// Who to ask.
    public var contact: String?
    public var phone: String?
    /// Ballot columns per rater group on a 测评统计表 (default 30).
    public var ballots: Int?
    public init() {}
}

public struct Category: Sendable, Hashable {
    public var id: String
    public var name: String
}

public struct Organization: Sendable, Hashable {
    public var id: String
    public var name: String
    public var category: String
    public var location: SourceLocation
}

/// A block of the final score (目标任务考核, 社会评价 …).
public struct Block: Sendable {
    public enum Source: String, Sendable { case indicators, survey }
    public var id: String
    public var name: String
    public var weight: Exact
    public var source: Source
    public var survey: Survey?
    public var location: SourceLocation
}

/// A survey definition (满意度测评): answer values, rater groups and trimming.
public struct Survey: Sendable {
    public struct Answer: Sendable {
        public var name: String
        /// nil: the answer is not a valid vote (不了解).
        public var value: Exact?
    }

    public struct Group: Sendable {
        public var id: String
        public var name: String
        public var weight: Exact
    }

    public var answers: [Answer]
    public var groups: [Group]
    public var trim: Int
}

/// A first-level indicator (一级指标).
public struct Dimension: Sendable {
    public var id: String
    public var name: String
    public var points: Exact
    public var indicators: [Indicator]
    public var location: SourceLocation
}

/// A second-level indicator (二级指标) with its scoring rule.
public struct Indicator: Sendable {
    public var id: String
    public var name: String
    public var dimensionID: String
    /// Full marks in effect (a weight scheme may change them).
    public var points: Exact
    /// Full marks as the rubric wrote them; parameters given in points refer to these.
    public var basePoints: Exact
    /// nil: applies to every organization; otherwise the ids of the organizations it applies to (个性指标).
    public var appliesTo: Set<String>?
    public var method: ScoringMethod
    /// Score 0 instead of an error when an organization gives no value.
    public var missingIsZero: Bool
    public var standard: String?
    public var evidence: String?
    public var scorer: String?
    /// The value's unit (`%`, `人`, `件`, `万元`), printed beside it in forms; with `%` a form accepts `93.6%`.
    public var unit: String?
    /// The ledger value the indicator takes instead of a data value (`from: meeting.<value>`).
    public var from: LedgerFigures.Value? = nil
    public var location: SourceLocation

    public func applies(to organization: String) -> Bool { appliesTo?.contains(organization) ?? true }
}

public enum Direction: String, Sendable { case higher, lower }

/// How an indicator turns a value into a score (§5). Parameters given in points are stored as written;
/// scoring expresses every result as a fraction of the indicator's points so that weight schemes rescale them.
public enum ScoringMethod: Sendable {
    public enum Target: Sendable {
        case uniform(Exact)
        case perOrganization([String: Exact], default: Exact?)
    }

    public struct Band: Sendable {
        public enum Bound: Sendable { case min(Exact), max(Exact) }
        public var bound: Bound
        public var points: Exact
    }

    public enum StepCounting: String, Sendable { case exact, floor, ceil }

    public struct Threshold: Sendable {
        public var value: Exact
        public var step: Exact
        public var direction: Direction
        public var counting: StepCounting
    }

    public struct ChecklistItem: Sendable {
        public var id: String
        public var name: String
        public var points: Exact
    }

    case ratio(target: Target, cap: Exact, floor: Exact, direction: Direction)
    case linear(zero: Exact, full: Exact)
    case bands([Band], otherwise: Exact)
    case deduct(per: Exact, threshold: Threshold?)
    case checklist([ChecklistItem])
    case levels([(name: String, fraction: Exact)])
    case yesno(noPoints: Exact)
    case rank(top: Int, step: Exact, minimum: Exact, direction: Direction)
    case average(scale: Exact, trim: Int)
    case manual

    /// The method's name as written in rubrics.
    public var name: String {
        switch self {
        case .ratio: "ratio"
        case .linear: "linear"
        case .bands: "bands"
        case .deduct: "deduct"
        case .checklist: "checklist"
        case .levels: "levels"
        case .yesno: "yesno"
        case .rank: "rank"
        case .average: "average"
        case .manual: "manual"
        }
    }

    /// The method in Chinese, for scorecards.
    public var chineseName: String { Self.named.first { $0.id == name }!.name }

    /// Every method's name in the rubric and in Chinese, in the spec's order.
    public static let named: [(name: String, id: String)] = [
        ("完成率计分", "ratio"), ("线性计分", "linear"), ("按档次计分", "bands"), ("扣分制(扣完为止)", "deduct"),
        ("清单计分", "checklist"), ("定性评价", "levels"), ("是否达标", "yesno"), ("按排名赋分", "rank"),
        ("评分平均", "average"), ("直接评分", "manual")
    ]

    public static var allNames: [String] { named.map(\.id) }
}

/// Bonus (加分) or penalty (扣分) items and their caps.
public struct AdjustmentRules: Sendable {
    public struct Item: Sendable {
        public var id: String
        public var name: String
        /// Points per occurrence.
        public var points: Exact
        public var cap: Exact?
        /// The 考核责任单位 that reports or verifies this item (its 核定表 carries the item's rows); nil: the office.
        public var scorer: String? = nil
    }

    public var cap: Exact?
    public var items: [Item]

    public static let none = AdjustmentRules(cap: nil, items: [])
}

/// A single-item veto (一票否决) and what it does to the grade.
public struct Veto: Sendable {
    public enum Effect: Sendable, Equatable {
        /// Forces this grade.
        case grade(String)
        /// Moves down this many grades, after quotas.
        case demote(Int)
        /// Caps the grade at this one.
        case maxGrade(String)
    }

    public var id: String
    public var name: String
    public var effect: Effect
    /// The 考核责任单位 that reports this veto (its 核定表 carries the veto's rows); nil: the office.
    public var scorer: String? = nil
}

/// A grade band (等次), highest first.
public struct Grade: Sendable {
    public enum QuotaRounding: String, Sendable { case floor, ceil, round }
    public enum QuotaTies: String, Sendable { case exclude, include }
    public var name: String
    public var minimum: Exact?
    public var quota: Exact?
    public var quotaRounding: QuotaRounding
    public var quotaTies: QuotaTies
}

public struct Ranking: Sendable {
    public enum Scope: String, Sendable { case category, all }
    public var within: Scope
    /// Block ids whose contributions break ties in the final score, in order.
    public var tieBreak: [String]
}
