/// Reruns of a scored assessment under other weights, without its data. A weight changes no raw value, so what
/// does not depend on weights — each indicator's fraction of its points, each rater group's score, the bonus and
/// penalty totals, the vetoes — is taken from one scored result, and a run only multiplies, sums, rounds (§2) and
/// grades. Used by `compare` and by every Monte Carlo run of `sensitivity`.
///
/// The arithmetic is exact and the same as the scorer's: printed figures are whole numbers of 10^-decimals, each
/// quotient is rounded half away from zero on integers (64-bit where the operands allow, else 128-bit). Should a
/// product not fit 128 bits, the run falls back to `Scorer.rescore`, so the outcome never depends on the path.
public struct Rescoring: Sendable {
    /// An organization's figures under one set of weights.
    public struct Outcome: Sendable, Equatable {
        public var final: Exact
        public var rank: Int
        /// Index into the rubric's grades.
        public var grade: Int
    }

    /// The rubric as written (schemes apply to it, not to the base result's weights).
    let rubric: Rubric
    /// The scored result the fractions come from; outcomes are in its organizations' order.
    public let base: AssessmentResult
    private let plan: RescoringPlan?

    public init(rubric: Rubric, base: AssessmentResult) {
        self.rubric = rubric
        self.base = base
        plan = RescoringPlan(base, rubric: rubric)
    }

    /// Final score, rank and grade of every organization of `base` (in its order) under `scheme`.
    public func outcomes(under scheme: WeightScheme?) -> [Outcome] {
        let applied = rubric.applying(scheme)
        if let plan, let rows = plan.rows(under: applied) {
            let graded = Grader(rubric: applied, explain: false).grade(rows)
            return zip(rows, graded).map { Outcome(final: $0.final, rank: $1.rank, grade: $1.grade) }
        }
        return fullRescore(scheme)
    }

    /// The same figures by the full exact scorer, for values too wide for the plan's integers.
    func fullRescore(_ scheme: WeightScheme?) -> [Outcome] {
        let scorer = Scorer(rubric: rubric, scheme: scheme)
        let result = scorer.rescore(base)
        let byID = Dictionary(uniqueKeysWithValues: result.organizations.map { ($0.organization.id, $0) })
        return base.organizations.map { org in
            let r = byID[org.organization.id]!
            return Outcome(final: r.final, rank: r.rank, grade: scorer.rubric.grades.firstIndex { $0.name == r.grade }!)
        }
    }
}

/// What every rerun needs of the base result, in flat arrays of integers: per organization its indicators' cases
/// (an indicator and a fraction of its points: organizations that reached the same fraction share one, so a run
/// computes each printed score once, not once per organization), how many fall in each dimension and which set of
/// indicators applies there (its pattern, so that applicable points are summed once per pattern), its rater groups
/// with scores, and bonus − penalty. Figures are in units of 10^-decimals.
struct RescoringPlan: Sendable {
    let unit: Int64
    let dimensionCount: Int
    /// Per organization, the start of its indicators in `entryCase`.
    let indicatorStart: [Int]
    /// Per indicator result, in organization and rubric order: its case.
    let entryCase: [Int32]
    /// Per case: the indicator's position in the rubric and the fraction of its points.
    let caseSlot: [Int32]
    let caseNumerator: [Int64]
    let caseDenominator: [Int64]
    /// Per organization × dimension: how many of its indicators are in the dimension, and its pattern there.
    let countInDimension: [Int32]
    let patternInDimension: [Int32]
    /// Per dimension, the distinct lists of applicable indicator positions.
    let patterns: [[[Int32]]]
    /// Per organization × block: the start of its scored rater groups in `group`/`groupScore`.
    let groupStart: [Int]
    let group: [Int32]
    let groupScore: [Int64]
    let adjustment: [Int64]
    let organizations: [(id: String, category: String, vetoes: [AppliedVeto])]
    let blockIDs: [String]

    /// Nil when a figure does not fit the plan's integers (a fraction wider than 64 bits, a score finer than
    /// the rubric's decimals): reruns then go through the full scorer.
    init?(_ base: AssessmentResult, rubric: Rubric) {
        let places = rubric.assessment.decimals
        guard places < Exact.powersOfTen.count, let unit = Int64(exactly: Exact.powersOfTen[places]) else { return nil }
        self.unit = unit
        let indicators = rubric.indicators
        let position = Dictionary(uniqueKeysWithValues: indicators.enumerated().map { ($1.id, Int32($0)) })
        let dimensionOf = indicators.map { indicator in rubric.dimensions.firstIndex { $0.id == indicator.dimensionID }! }
        dimensionCount = rubric.dimensions.count
        blockIDs = rubric.blocks.map(\.id)
        var starts: [Int] = [], entries: [Int32] = []
        var slots: [Int32] = [], numerators: [Int64] = [], denominators: [Int64] = []
        var caseIndex: [CaseKey: Int32] = [:]
        var counts: [Int32] = [], patternIndex: [Int32] = []
        var known = [[[Int32]: Int32]](repeating: [:], count: dimensionCount)
        var patternLists = [[[Int32]]](repeating: [], count: dimensionCount)
        var groupStarts: [Int] = [], groups: [Int32] = [], groupScores: [Int64] = [], adjustments: [Int64] = []
        for org in base.organizations {
            starts.append(entries.count)
            var inDimension = [[Int32]](repeating: [], count: dimensionCount)
            for result in org.indicators {
                guard let p = position[result.id], let n = Int64(exactly: result.fraction.numerator),
                    let d = Int64(exactly: result.fraction.denominator)
                else { return nil }
                let key = CaseKey(slot: p, numerator: n, denominator: d)
                if caseIndex[key] == nil {
                    caseIndex[key] = Int32(slots.count)
                    slots.append(p)
                    numerators.append(n)
                    denominators.append(d)
                }
                entries.append(caseIndex[key]!)
                inDimension[dimensionOf[Int(p)]].append(p)
            }
            for (d, list) in inDimension.enumerated() {
                counts.append(Int32(list.count))
                if known[d][list] == nil {
                    known[d][list] = Int32(patternLists[d].count)
                    patternLists[d].append(list)
                }
                patternIndex.append(known[d][list]!)
            }
            for (b, block) in rubric.blocks.enumerated() {
                groupStarts.append(groups.count)
                let ids = block.survey?.groups.map(\.id) ?? []
                for g in org.blocks[b].survey ?? [] {
                    guard let score = g.score else { continue }
                    guard let k = ids.firstIndex(of: g.id), let units = Self.units(score, unit) else { return nil }
                    groups.append(Int32(k))
                    groupScores.append(units)
                }
            }
            guard let bonus = Self.units(org.bonus.total, unit), let penalty = Self.units(org.penalty.total, unit) else { return nil }
            adjustments.append(bonus - penalty)
        }
        starts.append(entries.count)
        groupStarts.append(groups.count)
        (indicatorStart, entryCase) = (starts, entries)
        (caseSlot, caseNumerator, caseDenominator) = (slots, numerators, denominators)
        (countInDimension, patternInDimension, patterns) = (counts, patternIndex, patternLists)
        (groupStart, group, groupScore, adjustment) = (groupStarts, groups, groupScores, adjustments)
        organizations = base.organizations.map { ($0.organization.id, $0.organization.category, $0.vetoes) }
    }

    /// `x` as a whole number of units, when it is one.
    static func units(_ x: Exact, _ unit: Int64) -> Int64? {
        guard let d = Int64(exactly: x.denominator), unit % d == 0 else { return nil }
        return Int64(exactly: x.numerator * Int128(unit / d))
    }

    /// Every organization's final score and block contributions under the weights of `rubric` (a rubric with a
    /// scheme applied), ready to grade; nil when a product overflows.
    func rows(under rubric: Rubric) -> [RunRow]? {
        guard let weights = RunWeights(rubric, plan: self) else { return nil }
        var rows: [RunRow] = []
        rows.reserveCapacity(organizations.count)
        let unit = Int128(self.unit)
        for o in organizations.indices {
            guard let contributions = contributions(o, weights) else { return nil }
            var sum = Int128(adjustment[o])
            for c in contributions {
                guard let added = Exactly.add(sum, c) else { return nil }
                sum = added
            }
            let final = max(0, sum)
            rows.append(
                RunRow(
                    organizationID: organizations[o].id, category: organizations[o].category,
                    final: Exact(final, over: unit), vetoes: organizations[o].vetoes, blockIDs: blockIDs,
                    contributions: contributions.map { Exact($0, over: unit) }))
        }
        return rows
    }

    /// Organization `o`'s printed block contributions, in units.
    private func contributions(_ o: Int, _ w: RunWeights) -> [Int128]? {
        var indicatorBlockScore: Int128 = 0
        var cursor = indicatorStart[o]
        for d in 0..<dimensionCount {
            var sum: Int128 = 0
            // At most a few hundred printed scores below 2^63 each: their sum cannot overflow 128 bits.
            for _ in 0..<countInDimension[o * dimensionCount + d] {
                sum += Int128(w.caseScore[Int(entryCase[cursor])])
                cursor += 1
            }
            let factor = w.dimensionFactor[d][Int(patternInDimension[o * dimensionCount + d])]
            guard let score = factor.map({ Exactly.rounded(sum, times: $0.numerator, over: $0.denominator) }) ?? sum
            else { return nil }
            guard let added = Exactly.add(indicatorBlockScore, score) else { return nil }
            indicatorBlockScore = added
        }
        var out: [Int128] = []
        out.reserveCapacity(w.blocks.count)
        for (b, block) in w.blocks.enumerated() {
            switch block {
            case .indicators(let factor):
                guard let c = factor.map({ Exactly.rounded(indicatorBlockScore, times: $0.numerator, over: $0.denominator) }) ?? 0
                else { return nil }
                out.append(c)
            case .survey(let groupWeights, let numerator, let denominator):
                var weighted: Int128 = 0, total: Int128 = 0
                for k in groupStart[o * w.blocks.count + b]..<groupStart[o * w.blocks.count + b + 1] {
                    let weight = groupWeights[Int(group[k])]
                    guard let product = Exactly.multiply(weight, Int128(groupScore[k])),
                        let w = Exactly.add(weighted, product), let t = Exactly.add(total, weight)
                    else { return nil }
                    (weighted, total) = (w, t)
                }
                let score = total == 0 ? 0 : Exactly.roundedQuotient(weighted, total)
                guard let c = Exactly.rounded(score, times: numerator, over: denominator) else { return nil }
                out.append(c)
            }
        }
        return out
    }
}

/// An indicator and a fraction of its points: what a printed score depends on, given the weights.
private struct CaseKey: Hashable {
    var slot: Int32
    var numerator: Int64
    var denominator: Int64
}

/// One organization's figures in one rerun, as the grader takes them.
struct RunRow: Gradable {
    var organizationID: String
    var category: String
    var final: Exact
    var vetoes: [AppliedVeto]
    var blockIDs: [String]
    var contributions: [Exact]
    func contribution(_ block: String) -> Exact { blockIDs.firstIndex(of: block).map { contributions[$0] } ?? .zero }
}

/// The weights of one run, as the integers the plan's arithmetic needs.
struct RunWeights {
    enum BlockWeights {
        /// contribution = round(score × numerator ÷ denominator) (weight ÷ indicator scale); nil: a scale of 0.
        case indicators((numerator: Int128, denominator: Int128)?)
        /// Rater-group weights on a common denominator; contribution = round(score × numerator ÷ denominator).
        case survey(groups: [Int128], numerator: Int128, denominator: Int128)
    }

    /// Per case of the plan: its printed score in units, round(points × fraction).
    var caseScore: [Int64] = []
    /// Per dimension and pattern: the §5.2 factor points ÷ applicable points, nil when it is 1 (or nothing applies).
    var dimensionFactor: [[(numerator: Int128, denominator: Int128)?]] = []
    var blocks: [BlockWeights] = []

    init?(_ rubric: Rubric, plan: RescoringPlan) {
        let indicators = rubric.indicators
        var pointNumerator: [Int64] = [], pointDenominator: [Int64] = []
        for indicator in indicators {
            guard let n = Int64(exactly: indicator.points.numerator), let d = Int64(exactly: indicator.points.denominator)
            else { return nil }
            pointNumerator.append(n)
            pointDenominator.append(d)
        }
        caseScore.reserveCapacity(plan.caseSlot.count)
        for k in plan.caseSlot.indices {
            let p = Int(plan.caseSlot[k])
            guard
                let score = Exactly.roundedProduct(
                    pointNumerator[p], plan.caseNumerator[k], plan.unit, over: pointDenominator[p], plan.caseDenominator[k]),
                let small = Int64(exactly: score)
            else { return nil }
            caseScore.append(small)
        }
        for (d, dimension) in rubric.dimensions.enumerated() {
            dimensionFactor.append(
                plan.patterns[d].map { list in
                    let applicable = list.map { indicators[Int($0)].points }.sum()
                    guard applicable != dimension.points, !applicable.isZero else { return nil }
                    let ratio = dimension.points / applicable
                    return (ratio.numerator, ratio.denominator)
                })
        }
        let scale = rubric.indicatorScale
        for block in rubric.blocks {
            switch block.source {
            case .indicators:
                let ratio = scale.isZero ? nil : block.weight / scale
                blocks.append(.indicators(ratio.map { ($0.numerator, $0.denominator) }))
            case .survey:
                let weights = block.survey?.groups.map(\.weight) ?? []
                var common: Int128? = 1
                for w in weights { common = common.flatMap { Exactly.lcm($0, w.denominator) } }
                guard let common else { return nil }
                var integers: [Int128] = []
                for w in weights {
                    guard let n = Exactly.multiply(w.numerator, common / w.denominator) else { return nil }
                    integers.append(n)
                }
                let ratio = block.weight / 100
                blocks.append(.survey(groups: integers, numerator: ratio.numerator, denominator: ratio.denominator))
            }
        }
    }
}

/// Integer steps of the exact arithmetic, rounding half away from zero (四舍五入) like `Exact.rounded`. Every
/// step reports overflow as nil rather than trapping.
enum Exactly {
    /// round(a × b × c ÷ (d × e)) for d, e > 0: an indicator's printed score in units (points × fraction × unit).
    @inline(__always)
    static func roundedProduct(_ a: Int64, _ b: Int64, _ c: Int64, over d: Int64, _ e: Int64) -> Int128? {
        let (ab, o1) = a.multipliedReportingOverflow(by: b)
        let (abc, o2) = ab.multipliedReportingOverflow(by: c)
        let (de, o3) = d.multipliedReportingOverflow(by: e)
        if !(o1 || o2 || o3) { return Int128(roundedQuotient64(abc, de)) }
        guard let n = multiply(Int128(a) * Int128(b), Int128(c)) else { return nil }
        return roundedQuotient(n, Int128(d) * Int128(e))
    }

    /// round(n ÷ d) for d > 0 on 64 bits. Below 2^53 both are exact doubles, whose correctly rounded quotient is
    /// within one of the true one: a floating division (pipelined, unlike the integer one) then an exact correction.
    @inline(__always)
    static func roundedQuotient64(_ n: Int64, _ d: Int64) -> Int64 {
        let limit: Int64 = 1 << 53
        guard n >= 0, n < limit, d < limit else {
            let (q, r) = n.quotientAndRemainder(dividingBy: d)
            return r.magnitude * 2 >= d.magnitude ? q + (n < 0 ? -1 : 1) : q
        }
        var q = Int64((Double(n) / Double(d)).rounded(.down))
        var r = n - q * d
        if r < 0 { q -= 1; r += d } else if r >= d { q += 1; r -= d }
        return r * 2 >= d ? q + 1 : q
    }

    /// round(x × n ÷ d) for d > 0.
    @inline(__always)
    static func rounded(_ x: Int128, times n: Int128, over d: Int128) -> Int128? {
        multiply(x, n).map { roundedQuotient($0, d) }
    }

    /// round(n ÷ d) for d > 0.
    @inline(__always)
    static func roundedQuotient(_ n: Int128, _ d: Int128) -> Int128 {
        let (q, r) = n.quotientAndRemainder(dividingBy: d)
        return r.magnitude * 2 >= d.magnitude ? q + (n < 0 ? -1 : 1) : q
    }

    @inline(__always)
    static func add(_ a: Int128, _ b: Int128) -> Int128? {
        let (s, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : s
    }

    @inline(__always)
    static func multiply(_ a: Int128, _ b: Int128) -> Int128? {
        let (p, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : p
    }

    /// The least common multiple of two positive denominators, nil when it overflows.
    static func lcm(_ a: Int128, _ b: Int128) -> Int128? {
        var (x, y) = (a.magnitude, b.magnitude)
        while y != 0 { (x, y) = (y, x % y) }
        return multiply(a / Int128(x), b)
    }
}
