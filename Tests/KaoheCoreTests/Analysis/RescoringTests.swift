import PropertyBased
import Testing
@testable import KaoheCore

/// Reruns under other weights (`Rescoring`) give exactly what scoring the data afresh gives.
@Suite struct RescoringTests {
    static func synthetic(_ organizations: Int, seed: UInt64) throws -> (Rubric, [OrganizationData]) {
        let s = SyntheticAssessment(organizations: organizations, seed: seed)
        var d = Diagnostics()
        let rubric = try #require(RubricLoader.load(s.rubricYAML(), file: "rubric.yaml", diagnostics: &d))
        let lookup = RubricLookup(rubric)
        let data = (0..<organizations).compactMap { DataLoader.loadYAML(s.dataYAML($0), file: "data/\($0).yaml", lookup: lookup, diagnostics: &d) }
        try #require(!d.hasErrors)
        return (rubric, data)
    }

    /// A scheme that changes some weights only, to values with awkward denominators (thirds, sevenths), so that
    /// §5.2 factors, rater-group weights on a common denominator and every rounding step are exercised.
    static func partialScheme(_ rubric: Rubric, seed: UInt64) -> WeightScheme {
        var random = SplitMix64(seed: seed)
        func pick() -> Bool { random.next(3) == 0 }
        func weight(_ x: Exact) -> Exact { x * Exact(Int128(random.next(9) + 2), over: Int128([3, 4, 7][Int(random.next(3))])) }
        var scheme = WeightScheme(name: "partial \(seed)")
        for block in rubric.blocks where pick() { scheme.blocks[block.id] = weight(block.weight) }
        for block in rubric.blocks {
            for group in block.survey?.groups ?? [] where pick() { scheme.surveyGroups[block.id, default: [:]][group.id] = weight(group.weight) }
        }
        for dimension in rubric.dimensions where pick() { scheme.dimensions[dimension.id] = weight(dimension.points) }
        for indicator in rubric.indicators where pick() { scheme.indicators[indicator.id] = weight(indicator.points) }
        return scheme
    }

    static func expectSame(_ quick: [Rescoring.Outcome], _ full: AssessmentResult, base: AssessmentResult) {
        let byID = Dictionary(uniqueKeysWithValues: full.organizations.map { ($0.organization.id, $0) })
        for (o, org) in base.organizations.enumerated() {
            let expected = byID[org.organization.id]!
            #expect(quick[o].final == expected.final, "\(org.organization.id)")
            #expect(quick[o].rank == expected.rank, "\(org.organization.id)")
            #expect(full.rubric.grades[quick[o].grade].name == expected.grade, "\(org.organization.id)")
        }
    }

    @Test func perturbedAndPartialSchemesMatchAFullScore() async throws {
        await propertyCheck(count: 12, input: Gen.int(in: 1...1_000_000), Gen.int(in: 0...60)) { seed, percent in
            let (rubric, data) = try! Self.synthetic(40, seed: UInt64(seed))
            let base = try! Scorer(rubric: rubric).score(data)
            let rescoring = Rescoring(rubric: rubric, base: base)
            let analysis = try! SensitivityAnalysis(rubric: rubric, scheme: nil, data: data)
            let perturbed = analysis.perturbedScheme(
                run: seed % 97, .init(perturbation: Exact(Int128(percent), over: 100), runs: 1, seed: UInt64(seed)))
            for scheme in [perturbed, Self.partialScheme(rubric, seed: UInt64(seed))] {
                let full = try! Scorer(rubric: rubric, scheme: scheme).score(data)
                Self.expectSame(rescoring.outcomes(under: scheme), full, base: base)
            }
        }
    }

    @Test func theIntegerPathAgreesWithTheFullRescore() throws {
        let (rubric, data) = try Self.synthetic(120, seed: 7)
        let base = try Scorer(rubric: rubric).score(data)
        let rescoring = Rescoring(rubric: rubric, base: base)
        #expect(RescoringPlan(base, rubric: rubric) != nil)
        for seed in 1...5 as ClosedRange<UInt64> {
            let scheme = Self.partialScheme(rubric, seed: seed)
            #expect(rescoring.outcomes(under: scheme) == rescoring.fullRescore(scheme))
        }
    }

    @Test func aRescoreFromASchemesResultAppliesOtherSchemesToTheRubricAsWritten() throws {
        let a = try AssessmentLoader.load(folder: bundledAssessment)
        for baseline in a.schemes {
            let base = try Scorer(rubric: a.rubric, scheme: baseline).score(a.data)
            let rescoring = Rescoring(rubric: a.rubric, base: base)
            for scheme in [nil] + a.schemes {
                Self.expectSame(rescoring.outcomes(under: scheme), try Scorer(rubric: a.rubric, scheme: scheme).score(a.data), base: base)
            }
        }
    }

    @Test func roundingIsHalfAwayFromZeroLikeExact() {
        for (n, d) in [(5, 2), (-5, 2), (7, 3), (-7, 3), (1, 2), (-1, 2), (0, 5), (149, 100), (-150, 100)] as [(Int128, Int128)] {
            #expect(Exact(Exactly.roundedQuotient(n, d), over: 1) == Exact(n, over: d).rounded(0))
        }
        #expect(Exactly.roundedProduct(Int64.max, 3, 100, over: 7, 1) == Exactly.roundedQuotient(Int128(Int64.max) * 300, 7))
        #expect(Exactly.multiply(Int128.max, 2) == nil)
    }
}

extension RescoringTests {
    /// The floating estimate with its exact correction rounds like plain integer division, at the edges too.
    @Test func theFloatingQuotientIsCorrected() async {
        await propertyCheck(count: 2_000, input: Gen.int(in: 0...(1 << 53) - 1), Gen.int(in: 1...(1 << 53) - 1)) { n, d in
            let (q, r) = Int64(n).quotientAndRemainder(dividingBy: Int64(d))
            #expect(Exactly.roundedQuotient64(Int64(n), Int64(d)) == (r * 2 >= Int64(d) ? q + 1 : q))
        }
        for (n, d) in [((1 << 53) - 1, 2), ((1 << 53) - 1, (1 << 53) - 1), ((1 << 53) - 2, (1 << 53) - 1), (1 << 60, 3), (-7, 2)] as [(Int64, Int64)]
        {
            #expect(Int128(Exactly.roundedQuotient64(n, d)) == Exactly.roundedQuotient(Int128(n), Int128(d)))
        }
    }
}
