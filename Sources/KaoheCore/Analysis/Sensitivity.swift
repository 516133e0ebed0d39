import Dispatch
import Foundation

/// Monte Carlo robustness of ranks and grades to the weights (OECD/JRC handbook method): each run perturbs
/// every weight uniformly within ±x% of its nominal value, renormalizes within its parent so that every sum
/// still holds, and rescores with all rules (rescaling, quotas, vetoes) — incrementally (`Rescoring`).
public struct SensitivityAnalysis: Sendable {
    public struct Parameters: Sendable {
        /// x: each weight is multiplied by a factor drawn uniformly from [1 − x, 1 + x].
        public var perturbation: Exact
        public var runs: Int
        public var seed: UInt64

        public init(perturbation: Exact, runs: Int, seed: UInt64) {
            self.perturbation = perturbation
            self.runs = runs
            self.seed = seed
        }
    }

    /// The result under the nominal weights.
    public let nominal: AssessmentResult
    let rubric: Rubric
    let nominalScheme: WeightScheme?

    /// Scores the nominal weights (the rubric's own, or `scheme`).
    public init(rubric: Rubric, scheme: WeightScheme?, data: [OrganizationData]) throws {
        self.rubric = rubric
        nominalScheme = scheme
        nominal = try Scorer(rubric: rubric, scheme: scheme).score(data)
    }

    /// The weights of run `run`. Deterministic in (seed, run), so the outcome does not depend on scheduling.
    public func perturbedScheme(run: Int, _ p: Parameters) -> WeightScheme {
        let weights = nominal.rubric
        var random = SplitMix64(seed: p.seed &+ UInt64(run) &* 0x9E37_79B9_7F4A_7C15)
        let nominalName = nominalScheme?.name ?? Catalog.ownWeightsShort(in: .zh)
        var scheme = WeightScheme(name: Catalog.perturbedScheme(in: .zh, nominalName, "\(p.perturbation * 100)", "\(run + 1)"))
        func perturb(_ values: [Exact]) -> [Exact] { Self.perturb(values, by: p.perturbation, using: &random) }
        let blocks = perturb(weights.blocks.map(\.weight))
        for (b, block) in weights.blocks.enumerated() {
            scheme.blocks[block.id] = blocks[b]
            if let survey = block.survey {
                let groups = perturb(survey.groups.map(\.weight))
                scheme.surveyGroups[block.id] = Dictionary(uniqueKeysWithValues: zip(survey.groups.map(\.id), groups))
            }
        }
        let dimensions = perturb(weights.dimensions.map(\.points))
        for (d, dimension) in weights.dimensions.enumerated() {
            scheme.dimensions[dimension.id] = dimensions[d]
            let indicators = perturb(dimension.indicators.map(\.points))
            for (i, indicator) in dimension.indicators.enumerated() { scheme.indicators[indicator.id] = indicators[i] }
        }
        return scheme
    }

    /// Each value times a factor from [1 − x, 1 + x], renormalized to the same sum, rounded to 4 decimals with the
    /// rounding difference given to the largest value, so that the sum holds exactly. x = 0 changes nothing.
    static func perturb(_ values: [Exact], by x: Exact, using random: inout SplitMix64) -> [Exact] {
        let target = values.sum()
        let factors = values.map { _ in 1 + x.double * (2 * Double(random.next(1 << 30)) / Double(1 << 30) - 1) }
        guard !x.isZero, target > .zero else { return values }
        let raw = zip(values, factors).map { $0.double * $1 }
        let scale = target.double / raw.reduce(0, +)
        var out = raw.map { Exact(Int128(($0 * scale * 10_000).rounded()), over: 10_000) }
        let largest = out.indices.max { out[$0] < out[$1] }!
        out[largest] += target - out.sum()
        return out
    }

    /// Ranks and grade indices of every organization (in the nominal result's order) in run `run`.
    func outcome(of run: Int, _ p: Parameters, rescoring: Rescoring) -> (ranks: [Int], grades: [Int]) {
        let outcomes = rescoring.outcomes(under: perturbedScheme(run: run, p))
        return (outcomes.map(\.rank), outcomes.map(\.grade))
    }

    /// Runs the analysis on all cores: each run is rescored, ranked, graded and compared with the nominal ranking
    /// where it runs. `progress` is called with the number of runs done so far.
    public func run(_ p: Parameters, progress: (@Sendable (Int) -> Void)? = nil) -> SensitivityReport {
        let rescoring = Rescoring(rubric: rubric, base: nominal)
        let baseline = RunBaseline(nominal)
        let chunkSize = max(1, min(64, p.runs / 16))
        let chunks = (p.runs + chunkSize - 1) / chunkSize
        let slots = ChunkResults<[RunFigures]>(count: chunks)
        let done = ProgressCounter()
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let runs = (chunk * chunkSize)..<min(p.runs, (chunk + 1) * chunkSize)
            let figures = runs.map { baseline.figures(outcome(of: $0, p, rescoring: rescoring)) }
            slots.set(chunk, figures)
            progress?(done.add(figures.count))
        }
        return SensitivityReport(analysis: self, parameters: p, runs: slots.values.flatMap { $0 })
    }
}

/// One run's ranks and grade indices (in the nominal result's order) and how its ranking relates to the nominal one.
struct RunFigures {
    var ranks: [Int]
    var grades: [Int]
    var meanRankShift: Double
    var spearman: Double
    var topGradeSetUnchanged: Bool
}

/// The nominal ranking as each run is compared with it: ranks, grade indices and ranking groups, found once.
struct RunBaseline {
    let ranks: [Int]
    let grades: [Int]
    /// The organizations ranked together (per category, or all), as indices.
    let groups: [[Int]]

    init(_ nominal: AssessmentResult) {
        let rubric = nominal.rubric
        let orgs = nominal.organizations
        ranks = orgs.map(\.rank)
        grades = orgs.map { org in rubric.grades.firstIndex { $0.name == org.grade }! }
        let groupOf = orgs.map { rubric.ranking.within == .category ? $0.organization.category : "" }
        groups = Array(Set(groupOf)).sorted().map { key in orgs.indices.filter { groupOf[$0] == key } }
    }

    func figures(_ run: (ranks: [Int], grades: [Int])) -> RunFigures {
        let pairs = zip(ranks, run.ranks).map { (baseline: $0, other: $1) }
        return RunFigures(
            ranks: run.ranks, grades: run.grades, meanRankShift: RankStatistics.meanAbsoluteShift(pairs),
            spearman: RankStatistics.spearman(groups: groups.map { $0.map { pairs[$0] } }),
            topGradeSetUnchanged: grades.indices.allSatisfy { (run.grades[$0] == 0) == (grades[$0] == 0) })
    }
}

/// What the runs say about each organization and about the ranking as a whole.
public struct SensitivityReport: Sendable {
    public struct Distribution: Sendable {
        public var mean, median, p5, p95, min, max: Double

        init(_ values: [Double]) {
            let sorted = values.sorted()
            mean = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
            median = RankStatistics.median(sorted)
            p5 = sorted.isEmpty ? 0 : RankStatistics.percentile(sorted, 0.05)
            p95 = sorted.isEmpty ? 0 : RankStatistics.percentile(sorted, 0.95)
            min = sorted.first ?? 0
            max = sorted.last ?? 0
        }
    }

    public struct Organization: Sendable {
        public var id: String
        public var name: String
        public var category: String
        public var nominalRank: Int
        public var nominalGrade: String
        public var medianRank: Double
        public var p5Rank: Int
        public var p95Rank: Int
        /// Grade name → share of runs (0…1), for every grade of the rubric.
        public var gradeShares: [String: Double]
        /// True when another grade than the nominal one comes out in at least `SensitivityReport.flagShare` of runs.
        public var gradeSensitive: Bool
    }

    /// An organization is flagged when its nominal grade fails in at least this share of runs.
    public static let flagShare = 0.05

    public var parameters: SensitivityAnalysis.Parameters
    public var nominalSchemeName: String
    public var grades: [String]
    public var organizations: [Organization]
    /// Per run: the mean absolute rank shift against the nominal ranking.
    public var meanRankShift: Distribution
    /// Per run: Spearman's rank correlation with the nominal ranking (within ranking groups, size-weighted).
    public var spearman: Distribution
    /// The share of runs in which the set of organizations with the top grade is the nominal one.
    public var topGradeSetUnchanged: Double
    public var rubric: Rubric

    init(analysis: SensitivityAnalysis, parameters: SensitivityAnalysis.Parameters, runs: [RunFigures]) {
        let nominal = analysis.nominal
        let rubric = nominal.rubric
        self.rubric = rubric
        self.parameters = parameters
        nominalSchemeName = WeightScheme.name(of: nominal.scheme)
        grades = rubric.grades.map(\.name)
        let orgs = nominal.organizations
        let nominalRanks = orgs.map(\.rank)
        let nominalGrades = orgs.map { org in rubric.grades.firstIndex { $0.name == org.grade }! }
        meanRankShift = Distribution(runs.map(\.meanRankShift))
        spearman = Distribution(runs.map(\.spearman))
        topGradeSetUnchanged = runs.isEmpty ? 1 : Double(runs.filter(\.topGradeSetUnchanged).count) / Double(runs.count)
        organizations = orgs.indices.map { o in
            let ranks = runs.map { $0.ranks[o] }.sorted()
            var counts = [Int](repeating: 0, count: rubric.grades.count)
            for run in runs { counts[run.grades[o]] += 1 }
            var shares: [String: Double] = [:]
            for (g, name) in rubric.grades.map(\.name).enumerated() {
                shares[name] = runs.isEmpty ? (g == nominalGrades[o] ? 1 : 0) : Double(counts[g]) / Double(runs.count)
            }
            let nominalShare = shares[rubric.grades[nominalGrades[o]].name] ?? 1
            return Organization(
                id: orgs[o].organization.id, name: orgs[o].organization.name,
                category: rubric.categories.first { $0.id == orgs[o].organization.category }?.name ?? orgs[o].organization.category,
                nominalRank: nominalRanks[o], nominalGrade: orgs[o].grade,
                medianRank: ranks.isEmpty ? Double(nominalRanks[o]) : RankStatistics.median(ranks.map(Double.init)),
                p5Rank: ranks.isEmpty ? nominalRanks[o] : RankStatistics.percentile(ranks, 0.05),
                p95Rank: ranks.isEmpty ? nominalRanks[o] : RankStatistics.percentile(ranks, 0.95),
                gradeShares: shares, gradeSensitive: 1 - nominalShare >= Self.flagShare)
        }
    }
}
