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

    /// Compares results scored afresh under each scheme with the baseline.
    public init(baseline: AssessmentResult, others: [AssessmentResult]) {
        let lookups = others.map { result in Dictionary(uniqueKeysWithValues: result.organizations.map { ($0.organization.id, $0) }) }
        let figures = lookups.map { lookup in
            baseline.organizations.map { org in
                let r = lookup[org.organization.id]!
                return Figures(final: r.final, rank: r.rank, grade: r.grade)
            }
        }
        self.init(baseline: baseline, schemes: others.map(\.scheme), figures: figures)
    }

    /// Compares the baseline with each scheme applied to `rubric` (the rubric as written), rescoring the baseline's
    /// result incrementally (`Rescoring`) rather than scoring the data again; one scheme per core at a time.
    public init(rubric: Rubric, baseline: AssessmentResult, schemes: [WeightScheme]) {
        let rescoring = Rescoring(rubric: rubric, base: baseline)
        let grades = rubric.grades.map(\.name)
        let figures = concurrentMap(schemes.count) { k in
            rescoring.outcomes(under: schemes[k]).map { Figures(final: $0.final, rank: $0.rank, grade: grades[$0.grade]) }
        }
        self.init(baseline: baseline, schemes: schemes, figures: figures)
    }

    /// `figures[k][o]`: organization o of the baseline (in its order) under scheme k.
    private init(baseline: AssessmentResult, schemes others: [WeightScheme?], figures: [[Figures]]) {
        let rubric = baseline.rubric
        self.rubric = rubric
        baselineName = WeightScheme.name(of: baseline.scheme)
        schemeNames = others.map(WeightScheme.name(of:))
        schemes = [baseline.scheme] + others
        let top = rubric.grades.first?.name ?? ""
        topGrade = top
        let orgs = baseline.organizations
        rows = orgs.indices.map { o in
            let org = orgs[o]
            return Row(
                id: org.organization.id, name: org.organization.name,
                category: rubric.categories.first { $0.id == org.organization.category }?.name ?? org.organization.category,
                baseline: Figures(final: org.final, rank: org.rank, grade: org.grade), schemes: figures.map { $0[o] })
        }
        summaries = others.indices.map { k in
            let pairs = zip(orgs, figures[k]).map { (baseline: $0.rank, other: $1.rank) }
            var groups: [String: [(baseline: Int, other: Int)]] = [:]
            for (org, pair) in zip(orgs, pairs) {
                groups[rubric.ranking.within == .category ? org.organization.category : "", default: []].append(pair)
            }
            let orderedGroups = rubric.categories.compactMap { groups[$0.id] } + (groups[""].map { [$0] } ?? [])
            let entered = orgs.indices.filter { orgs[$0].grade != top && figures[k][$0].grade == top }
            let left = orgs.indices.filter { orgs[$0].grade == top && figures[k][$0].grade != top }
            return Summary(
                scheme: WeightScheme.name(of: others[k]),
                spearman: RankStatistics.spearman(groups: orderedGroups),
                meanAbsoluteRankShift: RankStatistics.meanAbsoluteShift(pairs),
                entered: entered.map { orgs[$0].organization.id }, left: left.map { orgs[$0].organization.id },
                gradeChanges: orgs.indices.filter { figures[k][$0].grade != orgs[$0].grade }.count)
        }
    }
}
