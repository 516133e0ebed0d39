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
        var data = data
        return try score(releasing: &data)
    }

    /// Like `score(_:)`, but takes the data (leaving `data` empty) and lets go of each organization's data as soon
    /// as it is scored, so that the data and the results are not both held in full: at province scale this is
    /// what keeps the peak memory near the larger of the two rather than their sum. (The saving needs the caller
    /// to hold no other copy.)
    public func score(releasing data: inout [OrganizationData]) throws -> AssessmentResult {
        let slots = DataSlots(data)
        data = []
        var problems: [Diagnostic] = []
        var results = scoreOrganizations(slots, problems: &problems)
        if !problems.isEmpty { throw InputErrors(problems) }
        Grader(rubric: rubric).rankAndGrade(&results)
        return AssessmentResult(rubric: rubric, scheme: scheme, organizations: results)
    }

    private func scoreOrganizations(_ data: [OrganizationData], problems: inout [Diagnostic]) -> [OrganizationResult] {
        scoreOrganizations(DataSlots(data), problems: &problems)
    }

    private func scoreOrganizations(_ slots: DataSlots, problems: inout [Diagnostic]) -> [OrganizationResult] {
        let organizations = Dictionary(uniqueKeysWithValues: rubric.organizations.map { ($0.id, $0) })
        let positions = rankPositions(slots)
        let entries = (0..<slots.count).filter { organizations[slots[$0].organization] != nil }
        // Organizations are scored independently, so the work is split across the cores in chunks (at least four
        // a core, at most 256 organizations); results and problems are put back in input order, so the outcome
        // never depends on scheduling or on the chunk size.
        let chunkSize = max(1, min(256, entries.count / (4 * ProcessInfo.processInfo.activeProcessorCount)))
        let chunks = (entries.count + chunkSize - 1) / chunkSize
        let parts = ChunkResults<([OrganizationResult], [Diagnostic])>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var local: [Diagnostic] = []
            let range = (chunk * chunkSize)..<min(entries.count, (chunk + 1) * chunkSize)
            let scored = range.map { i in
                let data = slots[entries[i]]
                defer { slots.release(entries[i]) }
                return scoreOne(organizations[data.organization]!, data, positions: positions, problems: &local)
            }
            parts.set(chunk, (scored, local))
            // At province scale the chunk's data is gone and its results are of other sizes: give the freed
            // pages back (a millisecond; not worth it for small assessments).
            if chunkSize == 256 { FreedMemory.release() }
        }
        let values = parts.values
        problems += values.flatMap(\.1)
        let results = values.flatMap(\.0)
        for result in results { problems += Self.printedLimitProblems(result) }
        return results
    }

    /// A printed result at or above 10^15 (what a spreadsheet cell no longer holds exactly) is an error naming the
    /// organization and the part (§12).
    static func printedLimitProblems(_ result: OrganizationResult) -> [Diagnostic] {
        let limit = Exact.inputMagnitudeLimit
        func tooLarge(_ x: Exact) -> Bool { !(x < limit && x > -limit) }
        // Parts are named only when too large: this runs for every organization.
        var problems: [Diagnostic] = []
        func check(_ value: Exact, _ name: @autoclosure () -> String) {
            guard tooLarge(value) else { return }
            problems.append(
                Diagnostic(result.organization.location, Catalog.tooLarge(name(), result.organization.id, value.decimalText(maximumPlaces: 2))))
        }
        for r in result.indicators { check(r.score, "indicator '\(r.id)'") }
        for d in result.dimensions { check(d.score, "dimension '\(d.id)'") }
        for b in result.blocks {
            check(b.score, "block '\(b.id)'")
            check(b.contribution, "the contribution of block '\(b.id)'")
        }
        check(result.bonus.total, "the bonus")
        check(result.penalty.total, "the penalty")
        check(result.final, "the final score")
        return problems
    }

    /// For each `rank` indicator: organization id → competition position among the organizations ranked
    /// together that have a value for it (§5 `rank`, §11).
    private func rankPositions(_ data: DataSlots) -> [String: [String: Int]] {
        let categoryOf = Dictionary(uniqueKeysWithValues: rubric.organizations.map { ($0.id, $0.category) })
        let ranked = rubric.indicators.compactMap { indicator -> (Indicator, Direction)? in
            if case .rank(_, _, _, let direction) = indicator.method { return (indicator, direction) }
            return nil
        }
        let slots = ChunkResults<[String: Int]>(count: ranked.count)
        DispatchQueue.concurrentPerform(iterations: ranked.count) { k in
            let (indicator, direction) = ranked[k]
            var groups: [String: [(String, Exact)]] = [:]
            for entry in (0..<data.count).lazy.map({ data[$0] }) where indicator.applies(to: entry.organization) {
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

    private func scoreOne(
        _ organization: Organization, _ data: OrganizationData, positions: [String: [String: Int]],
        problems: inout [Diagnostic]
    ) -> OrganizationResult {
        var indicatorResults: [IndicatorResult] = []
        indicatorResults.reserveCapacity(contexts.reduce(0) { $0 + $1.count })
        var cursor = 0
        for (d, _) in rubric.dimensions.enumerated() {
            for context in contexts[d] where context.indicator.applies(to: organization.id) {
                let entry = data.indicators.entry(context.indicator.id, cursor: &cursor)
                let position = context.isRanked ? positions[context.indicator.id]?[organization.id] : nil
                indicatorResults.append(
                    scoreIndicator(
                        context, entry, organization: organization, data: data,
                        position: position, problems: &problems))
            }
        }
        var surveys: [String: [SurveyGroupResult]] = [:]
        for block in rubric.blocks where block.source == .survey {
            let groups = scoreSurveyGroups(block, data: data)
            if !groups.contains(where: { $0.score != nil }) {
                problems.append(Diagnostic(data.location, Catalog.noValidVote(data.organization, block.id)))
            }
            surveys[block.id] = groups
        }
        let vetoes = data.vetoes.compactMap { entry -> AppliedVeto? in
            guard let veto = rubric.vetoes.first(where: { $0.id == entry.id }) else { return nil }
            return AppliedVeto(id: veto.id, name: veto.name, effect: veto.effect, note: entry.note, reviewedBy: entry.reviewedBy)
        }
        return aggregate(
            organization, indicators: indicatorResults, surveys: surveys,
            bonus: adjust(data.bonus, rubric.bonus), penalty: adjust(data.penalties, rubric.penalties),
            vetoes: vetoes)
    }

    /// Everything above the indicator and rater-group scores (§5.2, §6, §7), as an organization result.
    private func aggregate(
        _ organization: Organization, indicators: [IndicatorResult],
        surveys: [String: [SurveyGroupResult]], bonus: AdjustmentResult, penalty: AdjustmentResult,
        vetoes: [AppliedVeto]
    ) -> OrganizationResult {
        let groupScores = rubric.blocks.map { block in (surveys[block.id] ?? []).map { ($0.weight, $0.score) } }
        let t = totals(
            organization.id, indicatorScores: indicators.map(\.score), groupScores: groupScores,
            bonus: bonus.total, penalty: penalty.total)
        let blocks = rubric.blocks.enumerated().map { b, block in
            BlockResult(id: block.id, score: t.blockScores[b], contribution: t.contributions[b], survey: surveys[block.id])
        }
        return OrganizationResult(
            organization: organization, indicators: indicators, dimensions: t.dimensions,
            blocks: blocks, bonus: bonus, penalty: penalty, final: t.final, rank: 0, grade: "",
            grading: GradeTrace(scoreBand: "", afterVetoes: "", afterQuotas: "", steps: []),
            vetoes: vetoes)
    }

    /// The figures above the indicator and rater-group scores.
    struct Totals {
        var dimensions: [DimensionResult]
        /// Per block of the rubric, in order.
        var blockScores: [Exact]
        var contributions: [Exact]
        var final: Exact
    }

    /// Dimension scores with §5.2 rescaling, block scores and contributions, and the final score, from the printed
    /// indicator scores (the organization's applicable indicators in rubric order) and each block's rater groups
    /// (weight, score; nil score: no valid vote). Shared by scoring, rescoring and sensitivity runs.
    func totals(
        _ organization: String, indicatorScores: [Exact], groupScores: [[(weight: Exact, score: Exact?)]],
        bonus: Exact, penalty: Exact
    ) -> Totals {
        var dimensions: [DimensionResult] = []
        dimensions.reserveCapacity(rubric.dimensions.count)
        var next = 0
        for (d, dimension) in rubric.dimensions.enumerated() {
            var sum = Exact.zero
            var applicable = Exact.zero
            for context in contexts[d] where context.indicator.applies(to: organization) {
                applicable += context.indicator.points
                sum += indicatorScores[next]
                next += 1
            }
            let score =
                applicable == dimension.points || applicable.isZero
                ? sum : (sum * dimension.points / applicable).rounded(places)
            dimensions.append(
                DimensionResult(
                    id: dimension.id, points: dimension.points, applicablePoints: applicable,
                    sum: sum, score: score))
        }
        var scores: [Exact] = []
        var contributions: [Exact] = []
        for (b, block) in rubric.blocks.enumerated() {
            switch block.source {
            case .indicators:
                let score = dimensions.map(\.score).sum()
                scores.append(score)
                // A scale of 0 (every dimension at 0 points, §12) contributes 0: nothing divides by it.
                let scale = rubric.indicatorScale
                contributions.append(scale.isZero ? .zero : (score * block.weight / scale).rounded(places))
            case .survey:
                var weighted = Exact.zero
                var weights = Exact.zero
                for (weight, score) in groupScores[b] {
                    guard let score else { continue }
                    weighted += weight * score
                    weights += weight
                }
                let score = weights.isZero ? Exact.zero : (weighted / weights).rounded(places)
                scores.append(score)
                contributions.append((score * block.weight / 100).rounded(places))
            }
        }
        let final = Exact.max(.zero, contributions.sum() + bonus - penalty)
        return Totals(dimensions: dimensions, blockScores: scores, contributions: contributions, final: final)
    }

    /// Scores `base` again under this scorer's weights without reading any data: indicator scores are the
    /// base fractions times the new points (manual scores stay), rater-group scores stay and are re-weighted.
    /// The result equals scoring the data afresh (weights change nothing else); used for many reruns.
    public func rescore(_ base: AssessmentResult) -> AssessmentResult {
        let order = Dictionary(uniqueKeysWithValues: rubric.organizations.enumerated().map { ($1.id, $0) })
        let flat = contexts.flatMap { $0 }
        let byID = Dictionary(uniqueKeysWithValues: flat.map { ($0.indicator.id, $0) })
        let groupWeights = Dictionary(
            uniqueKeysWithValues: rubric.blocks.compactMap { b in
                b.survey.map { (b.id, Dictionary(uniqueKeysWithValues: $0.groups.map { ($0.id, $0.weight) })) }
            })
        var results = base.organizations.sorted { (order[$0.organization.id] ?? 0) < (order[$1.organization.id] ?? 0) }
            .map { org -> OrganizationResult in
                let indicators = org.indicators.map { old -> IndicatorResult in
                    var r = old
                    r.context = byID[old.id]!
                    return r
                }
                var surveys: [String: [SurveyGroupResult]] = [:]
                for block in org.blocks {
                    guard let groups = block.survey else { continue }
                    surveys[block.id] = groups.map { g in
                        var copy = g
                        copy.weight = groupWeights[block.id]?[g.id] ?? g.weight
                        return copy
                    }
                }
                return aggregate(
                    org.organization, indicators: indicators, surveys: surveys, bonus: org.bonus,
                    penalty: org.penalty, vetoes: org.vetoes)
            }
        Grader(rubric: rubric).rankAndGrade(&results)
        return AssessmentResult(rubric: rubric, scheme: scheme, organizations: results)
    }

    private func scoreIndicator(
        _ context: IndicatorContext, _ entry: IndicatorEntry?, organization: Organization,
        data: OrganizationData, position: Int?, problems: inout [Diagnostic]
    ) -> IndicatorResult {
        var result = IndicatorResult(
            value: entry?.value, fraction: .zero, selfScore: entry?.selfScore,
            evidence: entry?.evidence ?? [], note: entry?.note, context: context,
            organization: organization.id, position: position)
        if let entry, let unit = entry.reviewedBy {
            result.review = .init(claimed: entry.claimed, by: unit, note: entry.reviewNote)
        }
        if let derived = entry?.derived { result.derived = derived }
        if let entry, let claimed = entry.selfScore {
            let indicator = context.indicator
            var maximum = indicator.basePoints
            if case .ratio(_, let cap, _, _) = indicator.method, cap > .one { maximum = maximum * cap }
            if claimed.isNegative || claimed > maximum {
                problems.append(
                    Diagnostic(
                        entry.location,
                        Catalog.selfScoreRange(claimed.decimalText(), indicator.id, indicator.name, organization.id, maximum.decimalText())))
            }
        }
        guard let value = entry?.value else {
            if !context.indicator.missingIsZero {
                let indicator = context.indicator
                problems.append(
                    Diagnostic(
                        entry?.location ?? data.location,
                        Catalog.noValue(indicator.id, indicator.name, organization.id, FormValueHint.expected(indicator))))
            }
            return result
        }
        do {
            let outcome = try context.indicator.method.outcome(
                value, base: context.indicator.basePoints, organization: organization.id, position: position)
            result.fraction = outcome.fraction
            result.step = outcome.step
        } catch {
            let indicator = context.indicator
            problems.append(
                Diagnostic(
                    entry!.location,
                    Catalog.methodProblem(
                        indicator.id, indicator.name, organization.id, error.message,
                        indicator.method.name, indicator.method.chineseName)))
        }
        return result
    }

    private func scoreSurveyGroups(_ block: Block, data: OrganizationData) -> [SurveyGroupResult] {
        let survey = block.survey!
        let votes = data.surveys[block.id] ?? [:]
        var groups: [SurveyGroupResult] = []
        for group in survey.groups {
            var result = SurveyGroupResult(
                id: group.id, weight: group.weight, validVotes: 0, score: nil,
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
        return groups
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
            let reviewed = claims.first { $0.reviewedBy != nil }
            lines.append(
                .init(
                    item: item.id, name: item.name, count: count, raw: raw, capped: capped, notes: notes,
                    claimed: reviewed?.claimed, reviewedBy: reviewed?.reviewedBy, reviewNote: reviewed?.reviewNote))
        }
        let sum = lines.map(\.capped).sum()
        let total = (rules.cap.map { Exact.min($0, sum) } ?? sum).rounded(places)
        return AdjustmentResult(lines: lines, sum: sum, total: total)
    }
}

/// The organizations' data while they are scored: each slot is read by one worker, which empties it once the
/// organization is scored (slots are disjoint, so no lock is needed).
private final class DataSlots: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<OrganizationData>
    private let empty: OrganizationData

    init(_ data: [OrganizationData]) {
        storage = .allocate(capacity: data.count)
        _ = storage.initialize(from: data)
        empty = OrganizationData(
            organization: "", year: nil, indicators: [:], bonus: [], penalties: [], vetoes: [], surveys: [:],
            location: SourceLocation(file: "", line: 0))
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    var count: Int { storage.count }

    subscript(index: Int) -> OrganizationData { storage[index] }

    func release(_ index: Int) { storage[index] = empty }
}
