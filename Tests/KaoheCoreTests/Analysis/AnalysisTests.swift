import PropertyBased
import Testing
@testable import KaoheCore

/// Two organizations: a is strong in dimension A, b in dimension B.
let swapRubric = """
    kaohe: 1
    assessment: {id: s, title: 对比测试, year: 2024, total: 100}
    organizations: [{id: a, name: 甲}, {id: b, name: 乙}, {id: c, name: 丙}]
    blocks: [{id: p, name: 实绩, weight: 100, source: indicators}]
    dimensions:
      - {id: A, name: 甲类, points: 50, indicators: [{id: x, name: 指标x, points: 50, method: manual}]}
      - {id: B, name: 乙类, points: 50, indicators: [{id: y, name: 指标y, points: 50, method: manual}]}
    grades: [{name: 优秀, min: 90, quota: 0.34}, {name: 合格, min: 60}, {name: 不合格}]
    ranking: {within: all}
    """
let swapData = [
    "organization: a\nindicators: {x: 50, y: 42}", "organization: b\nindicators: {x: 44, y: 50}",
    "organization: c\nindicators: {x: 30, y: 30}"
]

@Suite struct ComparisonTests {
    @Test func aSchemeThatSwapsTwoOrganizations() throws {
        let r = try rubric(swapRubric)
        let d = try data(swapData, for: r)
        let base = try Scorer(rubric: r).score(d)
        // Base: a = 92, b = 94 → b first. With B weighing 20: a = 50×80/50 + 42×20/50 = 96.8, b = 70.4 + 20 = 90.4.
        let scheme = WeightScheme(name: "甲类加权", dimensions: ["A": 80, "B": 20])
        let other = try Scorer(rubric: r, scheme: scheme).score(d)
        let c = Comparison(baseline: base, others: [other])
        let a = c.rows.first { $0.id == "a" }!, b = c.rows.first { $0.id == "b" }!
        #expect(a.baseline.rank == 2 && a.schemes[0].rank == 1)
        #expect(b.baseline.rank == 1 && b.schemes[0].rank == 2)
        #expect(a.schemes[0].final == Exact("96.8")!)
        // One 优秀 place (3 × 0.34 → 1): it moves from b to a.
        #expect(c.summaries[0].entered == ["a"] && c.summaries[0].left == ["b"])
        // Ranks (2, 1, 3) vs (1, 2, 3): Spearman = 1 − 6 × 2 / (3 × 8) = 0.5; mean shift 2/3.
        #expect(abs(c.summaries[0].spearman - 0.5) < 1e-12)
        #expect(abs(c.summaries[0].meanAbsoluteRankShift - 2.0 / 3.0) < 1e-12)
    }

    @Test func aSchemeEqualToTheBaselineGivesZeroDeltas() throws {
        let a = try AssessmentLoader.load(folder: bundledAssessment)
        let base = try Scorer(rubric: a.rubric).score(a.data)
        let same = WeightScheme(name: "同原权重", blocks: Dictionary(uniqueKeysWithValues: a.rubric.blocks.map { ($0.id, $0.weight) }))
        let c = Comparison(baseline: base, others: [try Scorer(rubric: a.rubric, scheme: same).score(a.data)])
        for row in c.rows { #expect(row.schemes[0] == row.baseline) }
        #expect(c.summaries[0].spearman == 1)
        #expect(c.summaries[0].meanAbsoluteRankShift == 0)
        #expect(c.summaries[0].entered.isEmpty && c.summaries[0].left.isEmpty)
    }

    @Test func theIncrementalComparisonEqualsScoringEverySchemeAfresh() throws {
        let a = try AssessmentLoader.load(folder: bundledAssessment)
        for baseline in [nil] + a.schemes {
            let base = try Scorer(rubric: a.rubric, scheme: baseline).score(a.data)
            let others = a.schemes.filter { $0.file != baseline?.file }
            let afresh = Comparison(baseline: base, others: try others.map { try Scorer(rubric: a.rubric, scheme: $0).score(a.data) })
            let quick = Comparison(rubric: a.rubric, baseline: base, schemes: others)
            #expect(AnalysisExport.json(quick) == AnalysisExport.json(afresh))
        }
        let r = try rubric(swapRubric)
        let base = try Scorer(rubric: r).score(try data(swapData, for: r))
        let swapped = Comparison(rubric: r, baseline: base, schemes: [WeightScheme(name: "甲类加权", dimensions: ["A": 80, "B": 20])])
        #expect(swapped.rows.first { $0.id == "a" }!.schemes[0] == .init(final: Exact("96.8")!, rank: 1, grade: "优秀"))
    }

    @Test func spearmanWithTies() {
        #expect(RankStatistics.averageRanks([1, 2, 2, 4]) == [1, 2.5, 2.5, 4])
        #expect(RankStatistics.spearman([1, 2, 3, 4], [4, 3, 2, 1]) == -1)
        #expect(RankStatistics.spearman([1, 1], [1, 1]) == 1)
    }
}

@Suite struct RescoreTests {
    @Test func rescoringEqualsScoringAfresh() throws {
        let a = try AssessmentLoader.load(folder: bundledAssessment)
        let base = try Scorer(rubric: a.rubric).score(a.data)
        for scheme in a.schemes {
            let scorer = Scorer(rubric: a.rubric, scheme: scheme)
            #expect(ResultsExport.json(scorer.rescore(base)) == ResultsExport.json(try scorer.score(a.data)))
        }
    }
}

@Suite struct SensitivityTests {
    static func analysis() throws -> SensitivityAnalysis {
        let a = try AssessmentLoader.load(folder: bundledAssessment)
        return try SensitivityAnalysis(rubric: a.rubric, scheme: nil, data: a.data)
    }

    @Test func zeroPerturbationReproducesTheNominalResult() throws {
        let s = try Self.analysis()
        let report = s.run(.init(perturbation: 0, runs: 50, seed: 7))
        for (o, org) in zip(report.organizations, s.nominal.organizations) {
            #expect(o.nominalRank == org.rank && o.p5Rank == org.rank && o.p95Rank == org.rank && o.medianRank == Double(org.rank))
            #expect(o.gradeShares[org.grade] == 1)
            #expect(!o.gradeSensitive)
        }
        #expect(report.meanRankShift.max == 0)
        #expect(report.spearman.min == 1)
        #expect(report.topGradeSetUnchanged == 1)
    }

    @Test func theSameSeedGivesTheSameReport() throws {
        let s = try Self.analysis()
        let p = SensitivityAnalysis.Parameters(perturbation: Exact("0.25")!, runs: 200, seed: 42)
        let first = AnalysisExport.json(s.run(p))
        #expect(AnalysisExport.json(s.run(p)) == first)
        #expect(AnalysisExport.json(s.run(.init(perturbation: Exact("0.25")!, runs: 200, seed: 43))) != first)
    }

    @Test func perturbedRunsMatchAFullRescoreUnderTheirScheme() throws {
        let a = try AssessmentLoader.load(folder: bundledAssessment)
        let s = try SensitivityAnalysis(rubric: a.rubric, scheme: nil, data: a.data)
        let p = SensitivityAnalysis.Parameters(perturbation: Exact("0.3")!, runs: 20, seed: 11)
        let rescoring = Rescoring(rubric: a.rubric, base: s.nominal)
        for run in 0..<20 {
            let full = try Scorer(rubric: a.rubric, scheme: s.perturbedScheme(run: run, p)).score(a.data)
            let byID = Dictionary(uniqueKeysWithValues: full.organizations.map { ($0.organization.id, $0) })
            let quick = s.outcome(of: run, p, rescoring: rescoring)
            for (o, org) in s.nominal.organizations.enumerated() {
                #expect(quick.ranks[o] == byID[org.organization.id]!.rank)
                #expect(a.rubric.grades[quick.grades[o]].name == byID[org.organization.id]!.grade)
            }
        }
    }

    @Test func sumsHoldInEveryPerturbedRun() async throws {
        let s = try Self.analysis()
        let nominal = s.nominal.rubric
        await propertyCheck(count: 100, input: Gen.int(in: 0...10_000), Gen.int(in: 1...60)) { run, percent in
            let p = SensitivityAnalysis.Parameters(perturbation: Exact(percent) / 100, runs: 1, seed: UInt64(run))
            let scheme = s.perturbedScheme(run: run, p)
            let applied = s.rubric.applying(scheme)
            #expect(applied.blocks.map(\.weight).sum() == nominal.assessment.total)
            #expect(applied.indicatorScale == nominal.indicatorScale)
            for (d, dimension) in applied.dimensions.enumerated() {
                #expect(dimension.indicators.map(\.points).sum() == nominal.dimensions[d].indicators.map(\.points).sum())
                #expect(dimension.indicators.allSatisfy { !$0.points.isNegative })
            }
            for (b, block) in applied.blocks.enumerated() where block.survey != nil {
                #expect(block.survey!.groups.map(\.weight).sum() == nominal.blocks[b].survey!.groups.map(\.weight).sum())
            }
        }
    }
}
