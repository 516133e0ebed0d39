/// Scores, ranks and grades of the same organizations under several weight schemes, against a baseline.
public struct Comparison: Sendable {
    /// An organization's figures under one set of weights.
    public struct Figures: Sendable, Equatable {
        public var final: Exact
        public var rank: Int
        public var grade: String
    }

    public struct Row: Sendable {
        public var id: String
        public var name: String
        public var category: String
        public var baseline: Figures
        /// One per compared scheme, in order.
        public var schemes: [Figures]
    }

    /// How one scheme's ranking relates to the baseline's.
    public struct Summary: Sendable {
        public var scheme: String
        /// Spearman's rank correlation with the baseline (within ranking groups, size-weighted).
        public var spearman: Double
        public var meanAbsoluteRankShift: Double
        /// Organizations that get the top grade under this scheme but not under the baseline, and the reverse.
        public var entered: [String]
        public var left: [String]
        public var gradeChanges: Int
    }

    public var baselineName: String
    public var schemeNames: [String]
    public var topGrade: String
    public var rows: [Row]
    public var summaries: [Summary]
    /// The rubric (with the baseline's weights), for names of categories and blocks.
    public var rubric: Rubric
    /// The weight schemes (nil: the rubric's own weights), baseline first.
    public var schemes: [WeightScheme?]

    public init(baseline: AssessmentResult, others: [AssessmentResult]) {
        let rubric = baseline.rubric
        self.rubric = rubric
        baselineName = baseline.scheme?.name ?? "考核细则原定权重"
        schemeNames = others.map { $0.scheme?.name ?? "考核细则原定权重" }
        schemes = [baseline.scheme] + others.map(\.scheme)
        let top = rubric.grades.first?.name ?? ""
        topGrade = top
        func figures(_ r: OrganizationResult) -> Figures { Figures(final: r.final, rank: r.rank, grade: r.grade) }
        let lookups = others.map { result in Dictionary(uniqueKeysWithValues: result.organizations.map { ($0.organization.id, $0) }) }
        rows = baseline.organizations.map { org in
            Row(id: org.organization.id, name: org.organization.name,
                category: rubric.categories.first { $0.id == org.organization.category }?.name ?? org.organization.category,
                baseline: figures(org), schemes: lookups.map { figures($0[org.organization.id]!) })
        }
        let categoryOf = Dictionary(uniqueKeysWithValues: baseline.organizations.map { ($0.organization.id, $0.organization.category) })
        summaries = others.indices.map { k in
            let pairs = baseline.organizations.map { ($0.rank, lookups[k][$0.organization.id]!.rank) }
            var groups: [String: [(baseline: Int, other: Int)]] = [:]
            for (org, pair) in zip(baseline.organizations, pairs) {
                let key = rubric.ranking.within == .category ? categoryOf[org.organization.id]! : ""
                groups[key, default: []].append(pair)
            }
            let orderedGroups = rubric.categories.compactMap { groups[$0.id] } + (groups[""].map { [$0] } ?? [])
            let entered = baseline.organizations.filter { $0.grade != top && lookups[k][$0.organization.id]!.grade == top }
            let left = baseline.organizations.filter { $0.grade == top && lookups[k][$0.organization.id]!.grade != top }
            return Summary(scheme: others[k].scheme?.name ?? "考核细则原定权重",
                           spearman: RankStatistics.spearman(groups: orderedGroups),
                           meanAbsoluteRankShift: RankStatistics.meanAbsoluteShift(pairs),
                           entered: entered.map(\.organization.id), left: left.map(\.organization.id),
                           gradeChanges: baseline.organizations.filter { lookups[k][$0.organization.id]!.grade != $0.grade }.count)
        }
    }
}
