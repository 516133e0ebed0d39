/// The 自评表 of one organization (forms.md §3) as rows: what the form asks, built from the rubric alone. The
/// workbook writer lays these rows out; the reader checks a returned form against the same rows.
public struct SelfAssessmentForm: Sendable {
    /// The sheets and headers other programs rely on.
    public static let sheetName = "自评表"
    public static let adjustmentSheetName = "加减分"
    public static let instructionsSheetName = "填报说明"

    /// The columns of the 自评表 sheet, in the order written; the reader finds them by header text.
    public enum Column: String, CaseIterable, Sendable {
        case code = "编号", dimension = "一级指标", indicator = "二级指标", points = "分值", standard = "评分标准"
        case requirement = "佐证材料要求", value = "完成情况", unit = "计量单位", selfScore = "自评分"
        case evidence = "佐证材料", note = "说明", previous = "上年完成情况"
    }

    /// The columns of the 加减分 sheet.
    public enum AdjustmentColumn: String, CaseIterable, Sendable {
        case code = "编号", kind = "类别", item = "项目", points = "每次分值", cap = "上限", count = "次数"
        case note = "说明", evidence = "佐证材料"
    }

    /// What a row's 完成情况 cell takes.
    public enum Input: Sendable, Equatable {
        /// A number, optionally within bounds (validation only; the method checks the rest).
        case number(minimum: Exact?, maximum: Exact?)
        /// A count of occurrences (deduct).
        case count
        case yesNo
        case level([String])
        /// Several numbers in one cell (average).
        case numbers
        /// A checklist's own row: 完成情况 is filled item by item below.
        case checklistHeader
        /// A checklist item: 是/否 or a fraction from 0 to 1.
        case item
        /// Taken from the joint meeting ledger (`from: meeting.*`): nothing to fill.
        case fromLedger
    }

    public struct Row: Sendable {
        /// `<indicator>`, `<indicator>/<item>`.
        public var code: String
        public var indicatorID: String
        public var itemID: String?
        public var dimension: String
        /// The indicator's name, or the item's.
        public var name: String
        public var points: Exact
        public var standard: String?
        public var requirement: String?
        public var input: Input
        public var unit: String?
        /// The highest self-score (points, or points × cap for a ratio with cap above 1); nil: no self-score here.
        public var selfMaximum: Exact?
        /// Whether an empty 完成情况 is an error (not for `missing: zero`).
        public var required: Bool
        /// `<method> <points>` for `_kaohe`.
        public var method: String
        /// Last year's value, for reference (`--prefill`).
        public var previous: String?
    }

    public struct AdjustmentRow: Sendable {
        public enum Kind: String, Sendable { case bonus, penalty }
        /// `bonus/<item>` or `penalty/<item>`.
        public var code: String
        public var kind: Kind
        public var item: AdjustmentRules.Item
    }

    public var organization: Organization
    public var rows: [Row]
    public var adjustments: [AdjustmentRow]
    /// Dimensions whose applicable indicators do not add up to the dimension's points (§5.2 factor), with the sum.
    public var rescaled: [(dimension: Dimension, applicable: Exact)]

    /// The form for `organization`: only the indicators that apply to it; `previous` fills 上年完成情况.
    public init(rubric: Rubric, organization: Organization, previous: OrganizationData? = nil) {
        self.organization = organization
        var rows: [Row] = []
        var rescaled: [(Dimension, Exact)] = []
        for dimension in rubric.dimensions {
            let applicable = dimension.indicators.filter { $0.applies(to: organization.id) }
            let sum = applicable.map(\.basePoints).sum()
            if !applicable.isEmpty, sum != dimension.points { rescaled.append((dimension, sum)) }
            for indicator in applicable {
                rows += Self.rows(
                    indicator, dimension: dimension.name,
                    previous: previous?.indicators[indicator.id], rubric: rubric)
            }
        }
        self.rows = rows
        self.rescaled = rescaled
        adjustments =
            rubric.bonus.items.map { AdjustmentRow(code: "bonus/\($0.id)", kind: .bonus, item: $0) }
            + rubric.penalties.items.map { AdjustmentRow(code: "penalty/\($0.id)", kind: .penalty, item: $0) }
    }

    /// An indicator's row, and one row per item for a checklist.
    static func rows(_ indicator: Indicator, dimension: String, previous: IndicatorEntry?, rubric: Rubric) -> [Row] {
        let points = indicator.basePoints
        let method = "\(indicator.method.name) \(points.decimalText())"
        var row = Row(
            code: indicator.id, indicatorID: indicator.id, itemID: nil, dimension: dimension, name: indicator.name,
            points: points, standard: indicator.standard, requirement: indicator.evidence, input: .count,
            unit: indicator.unit, selfMaximum: points, required: !indicator.missingIsZero, method: method,
            previous: previous?.value.map { WorkingText.chinese.display($0, method: indicator.method) })
        if indicator.from != nil {
            row.input = .fromLedger
            row.required = false
            if case .ratio(_, let cap, _, _) = indicator.method, cap > .one { row.selfMaximum = points * cap }
            return [row]
        }
        switch indicator.method {
        case .ratio(_, let cap, _, _):
            row.input = .number(minimum: nil, maximum: nil)
            if cap > .one { row.selfMaximum = points * cap }
        case .linear, .bands, .rank: row.input = .number(minimum: nil, maximum: nil)
        case .manual: row.input = .number(minimum: .zero, maximum: points)
        case .deduct(_, let threshold): row.input = threshold == nil ? .count : .number(minimum: nil, maximum: nil)
        case .yesno: row.input = .yesNo
        case .levels(let levels): row.input = .level(levels.map(\.name))
        case .average: row.input = .numbers
        case .checklist(let items):
            row.input = .checklistHeader
            return [row]
                + items.map { item in
                    Row(
                        code: "\(indicator.id)/\(item.id)", indicatorID: indicator.id, itemID: item.id, dimension: dimension,
                        name: item.name, points: item.points, standard: nil, requirement: nil, input: .item, unit: nil,
                        selfMaximum: nil, required: !indicator.missingIsZero, method: "item \(item.points.decimalText())",
                        previous: nil)
                }
        }
        return [row]
    }

    /// The `_kaohe` sheet's content for this form.
    public func metadata(rubric: Rubric, rubricDigest: String) -> FormMetadata {
        FormMetadata(
            kind: .selfAssessment, assessment: rubric.assessment.id, year: rubric.assessment.year,
            rubric: rubricDigest, subject: organization.id,
            methods: rows.map { ($0.code, $0.method) }
                + adjustments.map { ($0.code, "\($0.kind.rawValue) \($0.item.points.decimalText())") })
    }
}
