/// Scores every organization of an assessment (§5–§8): indicators, dimensions with §5.2 rescaling,
/// survey blocks, bonus and penalty, final score, rank and grade.
public struct Scorer: Sendable {
    /// The rubric with the weights in effect.
    public let rubric: Rubric
    public let scheme: WeightScheme?
    private var places: Int { rubric.assessment.decimals }

    /// A scorer for `rubric` under `scheme` (nil: the rubric's own weights).
    public init(rubric: Rubric, scheme: WeightScheme? = nil) {
        self.rubric = rubric.applying(scheme)
        self.scheme = scheme
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
        var results: [OrganizationResult] = []
        results.reserveCapacity(data.count)
        for entry in data {
            guard let organization = organizations[entry.organization] else { continue }
            results.append(scoreOne(organization, entry, positions: positions, problems: &problems))
        }
        return results
    }

    /// For each `rank` indicator: organization id → competition position among the organizations ranked
    /// together that have a value for it (§5 `rank`, §11).
    private func rankPositions(_ data: [OrganizationData]) -> [String: [String: Int]] {
        var out: [String: [String: Int]] = [:]
        let categoryOf = Dictionary(uniqueKeysWithValues: rubric.organizations.map { ($0.id, $0.category) })
        for indicator in rubric.indicators {
            guard case .rank(_, _, _, let direction) = indicator.method else { continue }
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
            out[indicator.id] = positions
        }
        return out
    }

    private func scoreOne(_ organization: Organization, _ data: OrganizationData, positions: [String: [String: Int]],
                          problems: inout [Diagnostic]) -> OrganizationResult {
        var indicatorResults: [IndicatorResult] = []
        var dimensionResults: [DimensionResult] = []
        for dimension in rubric.dimensions {
            var sum = Exact.zero
            var applicable = Exact.zero
            for indicator in dimension.indicators where indicator.applies(to: organization.id) {
                applicable += indicator.points
                let entry = data.indicators[indicator.id]
                let result = scoreIndicator(indicator, entry, organization: organization, data: data,
                                            position: positions[indicator.id]?[organization.id], problems: &problems)
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

    private func scoreIndicator(_ indicator: Indicator, _ entry: IndicatorEntry?, organization: Organization,
                                data: OrganizationData, position: Int?, problems: inout [Diagnostic]) -> IndicatorResult {
        var result = IndicatorResult(id: indicator.id, points: indicator.points, value: entry?.value,
                                     valueText: entry?.value.map(indicator.method.display) ?? "未报送", fraction: nil,
                                     score: .zero, selfScore: entry?.selfScore, evidence: entry?.evidence ?? [],
                                     note: entry?.note, working: "", deductionNote: "")
        guard let value = entry?.value else {
            if indicator.missingIsZero {
                result.fraction = .zero
                result.working = "未报送数值, 按规则计 0 分"
                result.deductionNote = "未报送, 扣 \(indicator.points.formatted(places: places))"
            } else {
                problems.append(Diagnostic(entry?.location ?? data.location,
                                           "no value for indicator '\(indicator.id)' (\(indicator.name)) of '\(organization.id)' (the indicator has no 'missing: zero')"))
            }
            return result
        }
        do {
            let outcome = try indicator.method.outcome(value, base: indicator.basePoints, points: indicator.points,
                                                       organization: organization.id, position: position)
            result.fraction = outcome.fraction
            if let fraction = outcome.fraction {
                result.score = (indicator.points * fraction).rounded(places)
            } else {
                result.score = (outcome.manualScore ?? .zero).rounded(places)
            }
            result.working = outcome.working + " = \(result.score.formatted(places: places))"
            let lost = indicator.points - result.score
            if lost > .zero {
                result.deductionNote = "扣 \(lost.formatted(places: places)): " + outcome.working
            }
        } catch {
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
                                           working: "无有效票, 不参与加权", votes: votes[group.id], keptBallots: [])
            switch votes[group.id] {
            case .counts(let counts)?:
                var total = Exact.zero
                var valid = Exact.zero
                var parts: [String] = []
                var invalid = Exact.zero
                for (answer, count) in counts {
                    guard let value = survey.answers.first(where: { $0.name == answer })?.value else {
                        invalid += count
                        continue
                    }
                    total += value * count
                    valid += count
                    parts.append("\(answer) \(count)×\(value)")
                }
                if valid > .zero {
                    let score = (total / valid).rounded(places)
                    result.validVotes = Int(valid.floor)
                    result.score = score
                    let invalidText = invalid > .zero ? " (无效票 \(invalid) 不计)" : ""
                    result.working = "(" + parts.joined(separator: " + ") + ") ÷ \(valid) 有效票\(invalidText) = \(score.formatted(places: places))"
                } else if invalid > .zero {
                    result.working = "仅有无效票 \(invalid) 张, 不参与加权"
                }
            case .scores(let ballots)?:
                guard !ballots.isEmpty else { break }
                let (kept, trimmed) = trimmedValues(ballots, trim: survey.trim)
                let score = (kept.sum() / Exact(kept.count)).rounded(places)
                result.validVotes = kept.count
                result.keptBallots = kept
                result.score = score
                let trimText = trimmed ? "去掉最高、最低各 \(survey.trim) 票后 " : (survey.trim > 0 ? "票数不足, 不去极值, " : "")
                result.working = "\(ballots.count) 票, \(trimText)\(kept.count) 票平均 = \(score.formatted(places: places))"
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
