import PropertyBased
import Testing
@testable import KaoheCore

/// Invariants that hold for any input, checked on generated values.
@Suite struct PropertyTests {
    static let boundedMethods = [
        "method: ratio\ntarget: 80", "method: ratio\ntarget: 80\nfloor: 0.5", "method: ratio\ntarget: 40\ndirection: lower",
        "method: linear\nzero: 20\nfull: 90", "method: bands\nbands: [{min: 90, points: 10}, {min: 50, points: 4}]",
        "method: deduct\nthreshold: 98\nper: 0.7", "method: deduct\nthreshold: 98\nper: 0.7\nsteps: ceil\nstep: 3",
        "method: deduct\nper: 1.5"
    ]
    static let increasingMethods = [
        "method: ratio\ntarget: 80", "method: ratio\ntarget: 80\nfloor: 0.5\ncap: 1.2", "method: linear\nzero: 20\nfull: 90",
        "method: bands\nbands: [{min: 90, points: 10}, {min: 50, points: 4}]", "method: deduct\nthreshold: 98\nper: 0.7",
        "method: deduct\nthreshold: 98\nper: 0.7\nsteps: floor\nstep: 2"
    ]

    static func indicator(_ yaml: String) throws -> Indicator { try rubric(oneIndicatorRubric(yaml)).indicators[0] }

    static func indicatorScore(_ indicator: Indicator, _ value: Exact) throws -> Exact {
        let outcome = try indicator.method.outcome(.number(value), base: indicator.basePoints, organization: "a", position: 1)
        return (indicator.points * outcome.fraction).rounded(2)
    }

    /// Exact arithmetic agrees with plain 128-bit fraction arithmetic, across the 64-bit boundary of its inline
    /// storage.
    @Test func exactArithmeticMatchesFractions() async {
        let parts = Gen.int(in: -4_000_000_000...4_000_000_000)
        await propertyCheck(count: 500, input: parts, parts, parts, parts) { a, b, c, d in
            let (p, q) = (Int128(a), Int128(b == 0 ? 1 : b)), (r, s) = (Int128(c), Int128(d == 0 ? 1 : d))
            let x = Exact(p, over: q), y = Exact(r, over: s)
            #expect(x + y == Exact(p * s + r * q, over: q * s))
            #expect(x * y == Exact(p * r, over: q * s))
            #expect((x < y) == ((p * s - r * q) * (q * s).signum() < 0))
            // Products of two such fractions need more than 64 bits, and come back when they cancel.
            #expect((y.isZero || x * y / y == x) && (x + y) - y == x)
        }
    }

    @Test func scoresStayWithinZeroAndPoints() async throws {
        let indicators = try Self.boundedMethods.map(Self.indicator)
        await propertyCheck(count: 300, input: Gen.int(in: 0...200_000)) { thousandths in
            let value = Exact(Int128(thousandths), over: 1000)
            for indicator in indicators {
                let s = try! Self.indicatorScore(indicator, value)
                #expect(s >= .zero && s <= indicator.points, "\(indicator.method.name) at \(value) gave \(s)")
            }
        }
    }

    @Test func aHigherValueNeverLowersAHigherIsBetterScore() async throws {
        let indicators = try Self.increasingMethods.map(Self.indicator)
        await propertyCheck(count: 300, input: Gen.int(in: 0...150_000), Gen.int(in: 0...150_000)) { x, y in
            let (lo, hi) = (Exact(Int128(min(x, y)), over: 1000), Exact(Int128(max(x, y)), over: 1000))
            for indicator in indicators {
                #expect(try! Self.indicatorScore(indicator, lo) <= Self.indicatorScore(indicator, hi), "\(indicator.method.name): \(lo) vs \(hi)")
            }
        }
    }

    /// (final, rank, grade) by organization id.
    static func outcome(_ result: AssessmentResult) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: result.organizations.map {
                ($0.organization.id, "\($0.final) \($0.rank) \($0.grade)")
            })
    }

    @Test func reorderingOrganizationsOrDataChangesNothing() async throws {
        await propertyCheck(count: 60, input: Gen.int(in: 55...100).array(of: 4...12), Gen.int(in: 0...1_000)) { finals, seed in
            let ids = finals.indices.map { "o\($0)" }
            let docs = zip(ids, finals).map { "organization: \($0)\nindicators: {x: \($1)}\nvetoes: [\($1 % 7 == 0 ? "cap" : "")]" }
            let vetoes = "{id: cap, name: 封顶, effect: {max_grade: 良好}}"
            var generator = SplitMix64(seed: UInt64(seed))
            let shuffledIDs = ids.shuffled(using: &generator)
            let shuffledDocs = docs.shuffled(using: &generator)
            let original = try! score(gradingRubric(organizations: ids, grades: standardGrades, vetoes: vetoes), docs)
            let reordered = try! score(gradingRubric(organizations: shuffledIDs, grades: standardGrades, vetoes: vetoes), shuffledDocs)
            #expect(Self.outcome(original) == Self.outcome(reordered))
        }
    }

    @Test func aSchemeEqualToTheRubricsOwnWeightsChangesNothing() throws {
        let a = try AssessmentLoader.load(folder: bundledAssessment)
        let r = a.rubric
        var same = WeightScheme(name: "原权重")
        for b in r.blocks {
            same.blocks[b.id] = b.weight
            if let survey = b.survey { same.surveyGroups[b.id] = Dictionary(uniqueKeysWithValues: survey.groups.map { ($0.id, $0.weight) }) }
        }
        for d in r.dimensions { same.dimensions[d.id] = d.points }
        for i in r.indicators { same.indicators[i.id] = i.points }
        let base = try Scorer(rubric: r).score(a.data)
        let rerun = try Scorer(rubric: r, scheme: same).score(a.data)
        #expect(Self.outcome(base) == Self.outcome(rerun))
        #expect(ResultsExport.csv(base) == ResultsExport.csv(rerun))
    }
}
