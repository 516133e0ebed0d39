import OrderedCollections

/// The 核定表 of one 考核责任单位 (forms.md §5) as rows: for every organization and indicator the unit scores, what
/// the organization claimed and the cell the unit verifies (prefilled with the value in data); then the bonus,
/// penalty and veto items the unit verifies or reports. Built from the rubric and the collected data; the workbook
/// writer lays the rows out and the reader checks a returned form against the same rows.
public struct ReviewForm: Sendable {
    public static let sheetName = "核定表"
    public static let adjustmentSheetName = "加减分及否决"
    /// The unit that verifies what the rubric gives no `scorer`.
    public static let officeUnit = "考核办"

    /// The columns of the 核定表 sheet, in the order written; the reader finds them by header text.
    public enum Column: String, CaseIterable, Sendable {
        case code = "编号", organization = "单位名称", dimension = "一级指标", indicator = "二级指标", points = "分值"
        case standard = "评分标准", unit = "计量单位", claimed = "完成情况", selfScore = "自评分", evidence = "佐证材料"
        case note = "说明", verified = "核定完成情况", reviewNote = "核定说明"
    }

    /// The columns of the 加减分及否决 sheet.
    public enum AdjustmentColumn: String, CaseIterable, Sendable {
        case code = "编号", organization = "单位名称", kind = "类别", item = "项目", points = "分值或效果"
        case claimed = "申报次数", claimNote = "申报说明", count = "核定次数", reviewNote = "核定说明"
    }

    public struct Row: Sendable {
        /// `<organization>|<indicator>` or `<organization>|<indicator>/<item>`.
        public var code: String
        public var organization: Organization
        /// What the row asks, as in the organization's 自评表.
        public var plan: SelfAssessmentForm.Row
        /// The organization's own value, as its 自评表 shows it.
        public var claim: FormValue.Prefill?
        /// The value in data now (the claim, or an earlier verification): the input cell's prefill.
        public var current: FormValue.Prefill?
        public var selfScore: Exact?
        public var evidence: [String]
        public var note: String?
    }

    public enum AdjustmentKind: String, Sendable { case bonus = "加分", penalty = "扣分", veto = "一票否决" }

    public struct AdjustmentRow: Sendable {
        /// `<organization>|bonus/<item>`, `<organization>|penalty/<item>` or `<organization>|veto/<id>`.
        public var code: String
        public var organization: Organization
        public var kind: AdjustmentKind
        public var id: String
        public var name: String
        /// Points per occurrence and the item's cap (bonus, penalty).
        public var points: Exact?
        public var cap: Exact?
        /// What the veto does (veto).
        public var effect: Veto.Effect?
        /// What the organization reported (a count; for a veto whether it is in data now).
        public var claimed: Exact
        public var claimNote: String?
        /// The input cell's prefill: the count in data now (for a veto 是/否).
        public var current: FormValue.Prefill

        /// `bonus <points>`, `penalty <points>` or `veto` for `_kaohe`.
        var method: String {
            switch kind {
            case .bonus: "bonus \(points?.decimalText() ?? "")"
            case .penalty: "penalty \(points?.decimalText() ?? "")"
            case .veto: "veto"
            }
        }
    }

    public var unit: String
    public var rows: [Row]
    public var adjustments: [AdjustmentRow]
    /// Organizations of the form with no data yet (their rows are not prefilled).
    public var withoutData: [Organization]

    /// The units that get a 核定表: every `scorer` of the rubric in order of first mention, then the office when
    /// something has no scorer.
    public static func units(_ rubric: Rubric) -> [String] {
        let named =
            rubric.indicators.filter { $0.from == nil }.map(\.scorer) + rubric.bonus.items.map(\.scorer) + rubric.penalties.items.map(\.scorer)
            + rubric.vetoes.map(\.scorer)
        var units = OrderedSet(named.map { $0 ?? officeUnit })
        // The office comes last, after every unit named.
        if units.remove(officeUnit) != nil { units.append(officeUnit) }
        return Array(units)
    }

    /// The 核定表 of `unit`: indicator-major (a unit compares the organizations on the same indicator), organizations
    /// in rubric order; `data` is the collected data by organization.
    public init(rubric: Rubric, unit: String, data: [String: OrganizationData]) {
        self.unit = unit
        var rows: [Row] = []
        for dimension in rubric.dimensions {
            // A value from the ledger is verified in the ledger (督办台账), not here.
            for indicator in dimension.indicators where (indicator.scorer ?? Self.officeUnit) == unit && indicator.from == nil {
                for organization in rubric.organizations where indicator.applies(to: organization.id) {
                    let entry = data[organization.id]?.indicators[indicator.id]
                    let plans = SelfAssessmentForm.rows(indicator, dimension: dimension.name, previous: nil, rubric: rubric)
                    rows += plans.map { plan in
                        Row(
                            code: "\(organization.id)|\(plan.code)", organization: organization, plan: plan,
                            claim: FormValue.prefill(entry.flatMap { $0.claimed ?? $0.value }, row: plan),
                            current: FormValue.prefill(entry?.value, row: plan),
                            selfScore: plan.itemID == nil ? entry?.selfScore : nil,
                            evidence: plan.itemID == nil ? entry?.evidence ?? [] : [],
                            note: plan.itemID == nil ? entry?.note : nil)
                    }
                }
            }
        }
        self.rows = rows
        adjustments = Self.adjustmentRows(rubric: rubric, unit: unit, data: data)
        let present = Set(rows.map(\.organization.id) + adjustments.map(\.organization.id))
        withoutData = rubric.organizations.filter { present.contains($0.id) && data[$0.id] == nil }
    }

    /// Item-major rows for the bonus, penalty and veto items this unit verifies.
    private static func adjustmentRows(rubric: Rubric, unit: String, data: [String: OrganizationData]) -> [AdjustmentRow] {
        var out: [AdjustmentRow] = []
        let sets: [(AdjustmentKind, String, AdjustmentRules, KeyPath<OrganizationData, [AdjustmentEntry]>)] = [
            (.bonus, "bonus", rubric.bonus, \.bonus), (.penalty, "penalty", rubric.penalties, \.penalties)
        ]
        for (kind, prefix, rules, entries) in sets {
            for item in rules.items where (item.scorer ?? officeUnit) == unit {
                for organization in rubric.organizations {
                    let given = data[organization.id].map { $0[keyPath: entries].filter { $0.item == item.id } } ?? []
                    let claimed = given.map { $0.claimed ?? $0.count }.sum()
                    out.append(
                        AdjustmentRow(
                            code: "\(organization.id)|\(prefix)/\(item.id)", organization: organization,
                            kind: kind, id: item.id, name: item.name, points: item.points,
                            cap: item.cap, effect: nil, claimed: claimed, claimNote: given.compactMap(\.note).joined(separator: "；").nonEmpty,
                            current: .number(given.map(\.count).sum())))
                }
            }
        }
        for veto in rubric.vetoes where (veto.scorer ?? officeUnit) == unit {
            for organization in rubric.organizations {
                let entry = data[organization.id]?.vetoes.first { $0.id == veto.id }
                out.append(
                    AdjustmentRow(
                        code: "\(organization.id)|veto/\(veto.id)", organization: organization, kind: .veto,
                        id: veto.id, name: veto.name, points: nil, cap: nil, effect: veto.effect,
                        claimed: entry == nil ? .zero : .one, claimNote: entry?.note,
                        current: .text(entry == nil ? "否" : "是")))
            }
        }
        return out
    }

    /// The `_kaohe` sheet's content for this form.
    public func metadata(rubric: Rubric, rubricDigest: String) -> FormMetadata {
        FormMetadata(
            kind: .review, assessment: rubric.assessment.id, year: rubric.assessment.year,
            rubric: rubricDigest, subject: unit,
            methods: rows.map { ($0.code, $0.plan.method) }
                + adjustments.map { ($0.code, $0.method) })
    }
}

extension String {
    /// nil for an empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
