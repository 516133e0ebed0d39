import Dispatch
import Foundation

/// Scores every organization of an assessment (§5–§8): indicators, dimensions with §5.2 rescaling,
/// survey blocks, bonus and penalty, final score, rank and grade.
public struct Scorer: Sendable {
    /// The rubric with the weights in effect.
    public let rubric: Rubric
    public let scheme: WeightScheme?
    private var places: Int { rubric.assessment.decimals }
    /// Per dimension, the contexts of its indicators, in rubric order.
    private let contexts: [[IndicatorContext]]

    /// A scorer for `rubric` under `scheme` (nil: the rubric's own weights).
    public init(rubric: Rubric, scheme: WeightScheme? = nil) {
        let applied = rubric.applying(scheme)
        self.rubric = applied
        self.scheme = scheme
        contexts = applied.dimensions.map { dimension in
            dimension.indicators.map { IndicatorContext(indicator: $0, places: applied.assessment.decimals) }
        }
    }

    /// Every problem with the data's values (wrong types, unknown levels, missing values, no valid votes).
    public func validate(_ data: [OrganizationData]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        _ = scoreOrganizations(data, problems: &problems)
        return problems
    }

    /// Scores, ranks and grades. Throws `InputErrors` listing every value problem.
    public func score(_ data: [OrganizationData]) throws -> AssessmentResult {
        var problems: [Diagnostic] = []
        var results = scoreOrganizations(data, problems: &problems)
        if !problems.isEmpty { throw InputErrors(problems) }
        Grader(rubric: rubric).rankAndGrade(&results)
        return AssessmentResult(rubric: rubric, scheme: scheme, organizations: results)
    }

    private func scoreOrganizations(_ data: [OrganizationData], problems: inout [Diagnostic]) -> [OrganizationResult] {
        let organizations = Dictionary(uniqueKeysWithValues: rubric.organizations.map { ($0.id, $0) })
        let positions = rankPositions(data)
        let entries = data.filter { organizations[$0.organization] != nil }
        // Organizations are scored independently, so the work is split across the cores in fixed chunks;
        // results and problems are put back in input order, so the outcome never depends on scheduling.
        let chunkSize = 256
        let chunks = (entries.count + chunkSize - 1) / chunkSize
        let parts = ChunkResults<([OrganizationResult], [Diagnostic])>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var local: [Diagnostic] = []
            let range = (chunk * chunkSize)..<min(entries.count, (chunk + 1) * chunkSize)
            let scored = range.map { i in
                scoreOne(organizations[entries[i].organization]!, entries[i], positions: positions, problems: &local)
            }
            parts.set(chunk, (scored, local))
        }
        let values = parts.values
        problems += values.flatMap(\.1)
        return values.flatMap(\.0)
    }

    /// For each `rank` indicator: organization id → competition position among the organizations ranked
    /// together that have a value for it (§5 `rank`, §11).
    private func rankPositions(_ data: [OrganizationData]) -> [String: [String: Int]] {
        let categoryOf = Dictionary(uniqueKeysWithValues: rubric.organizations.map { ($0.id, $0.category) })
        let ranked = rubric.indicators.compactMap { indicator -> (Indicator, Direction)? in
            if case .rank(_, _, _, let direction) = indicator.method { return (indicator, direction) }
            return nil
        }
        let slots = ChunkResults<[String: Int]>(count: ranked.count)
        DispatchQueue.concurrentPerform(iterations: ranked.count) { k in
            let (indicator, direction) = ranked[k]
            var groups: [String: [(String, Exact)]] = [:]
            for entry in data where indicator.applies(to: entry.organization) {
                guard case .number(let v)? = entry.indicators[indicator.id]?.value else { continue }
                let key = rubric.ranking.within == .category ? (categoryOf[entry.organization] ?? "") : ""
                groups[key, default: []].append((entry.organization, v))
            }
            var positions: [String: Int] = [:]
            for members in groups.values {
                let sorted = members.sorted { direction == .higher ? $0.1 > $1.1 : $0.1 < $1.1 }
                for (offset, (org, v)) in sorted.enumerated() {
                    positions[org] = offset > 0 && sorted[offset - 1].1 == v ? positions[sorted[offset - 1].0]! : offset + 1
                }
            }
            slots.set(k, positions)
        }
        return Dictionary(uniqueKeysWithValues: zip(ranked.map(\.0.id), slots.values))
    }

    private func scoreOne(_ organization: Organization, _ data: OrganizationData, positions: [String: [String: Int]],
                          problems: inout [Diagnostic]) -> OrganizationResult {
        var indicatorResults: [IndicatorResult] = []
        var dimensionResults: [DimensionResult] = []
        indicatorResults.reserveCapacity(contexts.reduce(0) { $0 + $1.count })
        for (d, dimension) in rubric.dimensions.enumerated() {
            var sum = Exact.zero
            var applicable = Exact.zero
            for context in contexts[d] where context.indicator.applies(to: organization.id) {
                applicable += context.indicator.points
                let entry = data.indicators[context.indicator.id]
                let position = context.isRanked ? positions[context.indicator.id]?[organization.id] : nil
                let result = scoreIndicator(context, entry, organization: organization, data: data,
                                            position: position, problems: &problems)
                sum += result.score
                indicatorResults.append(result)
            }
            let score = applicable == dimension.points || applicable.isZero
                ? sum : (sum * dimension.points / applicable).rounded(places)
            dimensionResults.append(DimensionResult(id: dimension.id, points: dimension.points, applicablePoints: applicable,
                                                    sum: sum, score: score))
        }

        var blocks: [BlockResult] = []
        for block in rubric.blocks {
            switch block.source {
            case .indicators:
                let score = dimensionResults.map(\.score).sum()
                let contribution = (score * block.weight / rubric.indicatorScale).rounded(places)
                blocks.append(BlockResult(id: block.id, score: score, contribution: contribution, survey: nil))
            case .survey:
                let (score, groups) = scoreSurvey(block, data: data, problems: &problems)
                let contribution = (score * block.weight / 100).rounded(places)
                blocks.append(BlockResult(id: block.id, score: score, contribution: contribution, survey: groups))
            }
        }

        let bonus = adjust(data.bonus, rubric.bonus)
        let penalty = adjust(data.penalties, rubric.penalties)
        let final = Exact.max(.zero, blocks.map(\.contribution).sum() + bonus.total - penalty.total)
        let vetoes = data.vetoes.compactMap { entry -> AppliedVeto? in
            guard let veto = rubric.vetoes.first(where: { $0.id == entry.id }) else { return nil }
            return AppliedVeto(id: veto.id, name: veto.name, effect: veto.effect, note: entry.note)
        }
        return OrganizationResult(organization: organization, indicators: indicatorResults, dimensions: dimensionResults,
                                  blocks: blocks, bonus: bonus, penalty: penalty, final: final, rank: 0, grade: "",
                                  grading: GradeTrace(scoreBand: "", afterVetoes: "", afterQuotas: "", steps: []),
                                  vetoes: vetoes)
    }

    private func scoreIndicator(_ context: IndicatorContext, _ entry: IndicatorEntry?, organization: Organization,
                                data: OrganizationData, position: Int?, problems: inout [Diagnostic]) -> IndicatorResult {
        var result = IndicatorResult(value: entry?.value, fraction: nil, score: .zero, selfScore: entry?.selfScore,
                                     evidence: entry?.evidence ?? [], note: entry?.note, context: context,
                                     organization: organization.id, position: position)
        guard let value = entry?.value else {
            if context.indicator.missingIsZero {
                result.fraction = .zero
            } else {
                let indicator = context.indicator
                problems.append(Diagnostic(entry?.location ?? data.location,
                                           "no value for indicator '\(indicator.id)' (\(indicator.name)) of '\(organization.id)' (the indicator has no 'missing: zero')"))
            }
            return result
        }
        do {
            let outcome = try context.indicator.method.outcome(value, base: context.indicator.basePoints,
                                                               points: context.indicator.points,
                                                               organization: organization.id, position: position)
            result.fraction = outcome.fraction
            if let fraction = outcome.fraction {
                result.score = (context.indicator.points * fraction).rounded(places)
            } else {
                result.score = (outcome.manualScore ?? .zero).rounded(places)
            }
        } catch {
            let indicator = context.indicator
            problems.append(Diagnostic(entry!.location,
                                       "indicator '\(indicator.id)' (method \(indicator.method.name)) of '\(organization.id)': \(error.message)"))
        }
        return result
    }

    private func scoreSurvey(_ block: Block, data: OrganizationData,
                             problems: inout [Diagnostic]) -> (Exact, [SurveyGroupResult]) {
        let survey = block.survey!
        let votes = data.surveys[block.id] ?? [:]
        var groups: [SurveyGroupResult] = []
        for group in survey.groups {
            var result = SurveyGroupResult(id: group.id, weight: group.weight, validVotes: 0, score: nil,
                                           votes: votes[group.id], keptBallots: [], survey: survey, places: places)
            switch votes[group.id] {
            case .counts(let counts)?:
                var total = Exact.zero
                var valid = Exact.zero
                for (answer, count) in counts {
                    guard let value = survey.answers.first(where: { $0.name == answer })?.value else { continue }
                    total += value * count
                    valid += count
                }
                if valid > .zero {
                    result.validVotes = Int(valid.floor)
                    result.score = (total / valid).rounded(places)
                }
            case .scores(let ballots)?:
                guard !ballots.isEmpty else { break }
                let (kept, _) = trimmedValues(ballots, trim: survey.trim)
                result.validVotes = kept.count
                result.keptBallots = kept
                result.score = (kept.sum() / Exact(kept.count)).rounded(places)
            case nil:
                break
            }
            groups.append(result)
        }
        let counted = groups.filter { $0.score != nil }
        guard !counted.isEmpty else {
            problems.append(Diagnostic(data.location, "'\(data.organization)' has no valid vote in any rater group of survey block '\(block.id)'"))
            return (.zero, groups)
        }
        let weighted = counted.map { $0.weight * $0.score! }.sum()
        let weights = counted.map(\.weight).sum()
        return ((weighted / weights).rounded(places), groups)
    }

    private func adjust(_ entries: [AdjustmentEntry], _ rules: AdjustmentRules) -> AdjustmentResult {
        guard !entries.isEmpty else { return .empty }
        var lines: [AdjustmentResult.Line] = []
        for item in rules.items {
            let claims = entries.filter { $0.item == item.id }
            guard !claims.isEmpty else { continue }
            let count = claims.map(\.count).sum()
            let raw = item.points * count
            let capped = item.cap.map { Exact.min($0, raw) } ?? raw
            let notes = claims.compactMap(\.note) + claims.flatMap(\.evidence)
            lines.append(.init(item: item.id, name: item.name, count: count, raw: raw, capped: capped, notes: notes))
        }
        let sum = lines.map(\.capped).sum()
        let total = (rules.cap.map { Exact.min($0, sum) } ?? sum).rounded(places)
        return AdjustmentResult(lines: lines, sum: sum, total: total)
    }
}

/// Slots filled by concurrent workers, one per chunk, read after all have finished.
final class ChunkResults<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The values in chunk order (every slot must have been set).
    var values: [Value] { slots.map { $0! } }
}
