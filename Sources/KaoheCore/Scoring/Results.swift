/// The outcome of scoring an assessment under one set of weights.
public struct AssessmentResult: Sendable {
    /// The rubric with the scheme's weights in effect.
    public var rubric: Rubric
    public var scheme: WeightScheme?
    /// Organizations in rank order: by category in rubric order (when ranked within categories), then rank.
    public var organizations: [OrganizationResult]

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
    public func dimension(_ id: String) -> DimensionResult? { dimensions.first { $0.id == id } }
}

/// One indicator's score and how it came about.
public struct IndicatorResult: Sendable {
    public var id: String
    /// Full marks in effect.
    public var points: Exact
    public var value: DataValue?
    /// The value as the scorecard's 完成情况 column shows it ("未报送" when missing).
    public var valueText: String
    /// The share of `points` earned, before rounding; nil for `manual`, whose value is the score itself.
    public var fraction: Exact?
    /// The printed score, rounded once.
    public var score: Exact
    public var selfScore: Exact?
    public var evidence: [String]
    public var note: String?
    /// The arithmetic, in words an auditor can follow.
    public var working: String
    /// Points lost and why, for the scorecard's 扣分说明 column (empty when full marks).
    public var deductionNote: String
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
    public var working: String
    /// The votes as given (nil when the group is absent from the data).
    public var votes: SurveyVotes?
    /// Numeric ballots that count after trimming (empty for answer counts).
    public var keptBallots: [Exact]
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
}

/// How the grade was reached, step by step (§8).
public struct GradeTrace: Sendable {
    /// The band the final score reaches.
    public var scoreBand: String
    /// After `grade` and `max_grade` vetoes.
    public var afterVetoes: String
    /// After quotas.
    public var afterQuotas: String
    /// Lines such as "优秀 quota 2 of 7 (floor(7 × 0.3)): rank 3, not admitted".
    public var steps: [String]
}
