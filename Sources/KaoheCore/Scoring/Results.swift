/// The outcome of scoring an assessment under one set of weights.
public struct AssessmentResult: Sendable {
    /// The rubric with the scheme's weights in effect.
    public var rubric: Rubric
    public var scheme: WeightScheme?
    /// Organizations in rank order: by category in rubric order (when ranked within categories), then rank.
    public var organizations: [OrganizationResult]
    /// The joint meeting ledger behind `from: meeting.*` values, as of its date (set by whoever loaded it).
    public var ledger: LedgerSnapshot? = nil

    public func organization(_ id: String) -> OrganizationResult? { organizations.first { $0.organization.id == id } }
}

/// Everything computed for one organization.
public struct OrganizationResult: Sendable {
    public var organization: Organization
    public var indicators: [IndicatorResult]
    public var dimensions: [DimensionResult]
    public var blocks: [BlockResult]
    public var bonus: AdjustmentResult
    public var penalty: AdjustmentResult
    /// Σ contributions + bonus − penalty, never below 0.
    public var final: Exact
    public var rank: Int
    public var grade: String
    public var grading: GradeTrace
    public var vetoes: [AppliedVeto]

    public func block(_ id: String) -> BlockResult? { blocks.first { $0.id == id } }
    public func indicator(_ id: String) -> IndicatorResult? { indicators.first { $0.id == id } }

    /// The result for indicator `id`, looked for first at `next`: the results are in the rubric's order, so a walk
    /// through the rubric finds each where the one before ended. `next` is moved past it.
    public func indicator(_ id: String, next: inout Int) -> IndicatorResult? {
        if next < indicators.count, indicators[next].id == id {
            next += 1
            return indicators[next - 1]
        }
        guard let i = indicators.firstIndex(where: { $0.id == id }) else { return nil }
        next = i + 1
        return indicators[i]
    }
    public func dimension(_ id: String) -> DimensionResult? { dimensions.first { $0.id == id } }
}

/// The rubric's definition of one indicator as scored, shared by every organization's result for it.
final class IndicatorContext: Sendable {
    let indicator: Indicator
    let places: Int
    /// Whether the method needs the organization's position among those ranked together.
    let isRanked: Bool

    init(indicator: Indicator, places: Int) {
        self.indicator = indicator
        self.places = places
        if case .rank = indicator.method { isRanked = true } else { isRanked = false }
    }
}

/// One indicator's score and how it came about (`step`; `WorkingText` puts it in words).
///
/// A province roll-up holds hundreds of thousands of these: the stored fields are ordered to pack tightly (112
/// bytes), the score is derived from the fraction rather than stored, and the note and evidence, seldom given,
/// share one optional reference.
public struct IndicatorResult: Sendable {
    public var value: DataValue?
    /// The position among those ranked together, for `rank` (-1: none).
    private let storedPosition: Int32
    var context: IndicatorContext
    /// The share of `points` earned, before rounding (0 for a missing value under `missing: zero`).
    public var fraction: Exact
    public var selfScore: Exact?
    /// What the method did with the value (nil when there is no value, or the method could not use it).
    public internal(set) var step: MethodStep?
    let organization: String
    private var remarks: Remarks?

    /// The organization's note and evidence for the indicator, and its verification (forms.md §5).
    private final class Remarks: Sendable {
        let note: String?
        let evidence: [String]
        let review: Review?
        let derived: DerivedValue?
        init(note: String?, evidence: [String], review: Review? = nil, derived: DerivedValue? = nil) {
            self.note = note
            self.evidence = evidence
            self.review = review
            self.derived = derived
        }
    }

    /// Who verified the value, what the organization claimed when it differs, and the verifier's note.
    public struct Review: Sendable {
        public var claimed: DataValue?
        public var by: String
        public var note: String?
    }

    init(
        value: DataValue?, fraction: Exact, selfScore: Exact?, evidence: [String], note: String?,
        context: IndicatorContext, organization: String, position: Int?
    ) {
        self.value = value
        storedPosition = position.map { Int32(clamping: $0) } ?? -1
        self.context = context
        self.fraction = fraction
        self.selfScore = selfScore
        self.organization = organization
        remarks = note == nil && evidence.isEmpty ? nil : Remarks(note: note, evidence: evidence)
    }

    var position: Int? { storedPosition < 0 ? nil : Int(storedPosition) }

    public var note: String? {
        get { remarks?.note }
        set { remarks = Self.remarks(note: newValue, evidence: evidence, review: review, derived: derived) }
    }

    public var evidence: [String] {
        get { remarks?.evidence ?? [] }
        set { remarks = Self.remarks(note: note, evidence: newValue, review: review, derived: derived) }
    }

    /// The verification, when a 考核责任单位 verified the value.
    public var review: Review? {
        get { remarks?.review }
        set { remarks = Self.remarks(note: note, evidence: evidence, review: newValue, derived: derived) }
    }

    /// The ledger value and the items behind it, for an indicator with `from: meeting.*`.
    public var derived: DerivedValue? {
        get { remarks?.derived }
        set { remarks = Self.remarks(note: note, evidence: evidence, review: review, derived: newValue) }
    }

    private static func remarks(note: String?, evidence: [String], review: Review?, derived: DerivedValue?) -> Remarks? {
        note == nil && evidence.isEmpty && review == nil && derived == nil
            ? nil : Remarks(note: note, evidence: evidence, review: review, derived: derived)
    }

    /// The printed score, rounded once: points × fraction.
    public var score: Exact { (points * fraction).rounded(context.places) }

    public var id: String { context.indicator.id }
    public var name: String { context.indicator.name }
    /// Full marks in effect.
    public var points: Exact { context.indicator.points }

    /// The indicator as scored (its points and method under the scheme in effect).
    public var indicator: Indicator { context.indicator }

    /// The places scores are printed with.
    public var places: Int { context.places }
}

public struct DimensionResult: Sendable {
    public var id: String
    /// The dimension's points (its weight).
    public var points: Exact
    /// Points of the indicators that apply to this organization.
    public var applicablePoints: Exact
    /// Exact sum of the printed indicator scores.
    public var sum: Exact
    /// The dimension score: `sum`, or `round(sum × points / applicablePoints)` when they differ (§5.2).
    public var score: Exact
    public var isRescaled: Bool { applicablePoints != points }
}

public struct BlockResult: Sendable {
    public var id: String
    /// The block's score on its own scale (S for indicators, 100 for surveys).
    public var score: Exact
    /// `round(score × weight / scale)`.
    public var contribution: Exact
    public var survey: [SurveyGroupResult]?
}

public struct SurveyGroupResult: Sendable {
    public var id: String
    public var weight: Exact
    /// Number of valid votes (ballots kept, for numeric lists).
    public var validVotes: Int
    /// nil when the group has no valid vote (left out of the mean).
    public var score: Exact?
    /// The votes as given (nil when the group is absent from the data).
    public var votes: SurveyVotes?
    /// Numeric ballots that count after trimming (empty for answer counts).
    public var keptBallots: [Exact]
    let survey: Survey
    let places: Int
}

public struct AdjustmentResult: Sendable {
    public struct Line: Sendable {
        public var item: String
        public var name: String
        public var count: Exact
        /// points × count, before the item's cap.
        public var raw: Exact
        /// After the item's cap.
        public var capped: Exact
        public var notes: [String]
        /// The count the organization reported, when a verifier changed it.
        public var claimed: Exact? = nil
        /// The 考核责任单位 that verified the count, and its note.
        public var reviewedBy: String? = nil
        public var reviewNote: String? = nil
    }

    public var lines: [Line]
    public var sum: Exact
    /// min(cap, sum), rounded once. Penalties are positive and subtracted.
    public var total: Exact

    public static let empty = AdjustmentResult(lines: [], sum: .zero, total: .zero)
}

public struct AppliedVeto: Sendable {
    public var id: String
    public var name: String
    public var effect: Veto.Effect
    public var note: String?
    /// The 考核责任单位 that reported it.
    public var reviewedBy: String? = nil
}

/// How the grade was reached, step by step (§8).
public struct GradeTrace: Sendable {
    /// The band the final score reaches.
    public var scoreBand: String
    /// After `grade` and `max_grade` vetoes.
    public var afterVetoes: String
    /// After quotas.
    public var afterQuotas: String
    /// Each step that placed the grade, in order (empty for reruns, which need no account of it).
    public var steps: [GradeStep]
}
