/// Puts the figures of a score in words, in one language: each method's arithmetic (`MethodStep`), survey
/// groups, the grading steps (`GradeStep`). The scorecards' 计算 and 扣分说明 columns, `kaohe explain` and the
/// grading lines all come from here; the workbooks use `.chinese`.
public struct WorkingText: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// The words the workbooks print.
    public static let chinese = WorkingText(.zh)

    /// The value as the scorecard's 完成情况 column shows it (`未报送` when missing).
    public func value(_ r: IndicatorResult) -> String {
        if let derived = r.derived { return ledger(derived) }
        return r.value.map { display($0, method: r.indicator.method) } ?? Catalog.notSubmitted(in: language)
    }

    /// The value the organization claimed, when a verifier changed it.
    public func claimed(_ r: IndicatorResult) -> String? { r.review?.claimed.map { display($0, method: r.indicator.method) } }

    /// How a value reads: checklist items by name, occurrences by their notes.
    public func display(_ value: DataValue, method: ScoringMethod) -> String {
        switch (method, value) {
        case (.checklist(let items), .list(let ids)):
            return joined(ids.map { id in items.first { $0.id == id.display }?.name ?? id.display })
        case (.checklist(let items), .map(let pairs)):
            return joined(
                pairs.map { id, v in
                    let name = items.first { $0.id == id }?.name ?? id
                    switch v {
                    case .boolean(let b): return (b ? Catalog.itemDone : Catalog.itemNotDone)(in: language, name)
                    default: return Catalog.itemDonePart(in: language, name, v.display)
                    }
                })
        case (.deduct, .list(let items)):
            let notes = items.map { item -> String in
                guard case .map(let pairs) = item else { return item.display }
                let note = pairs.first { $0.key == "note" }?.value.display ?? Catalog.oneOccurrence(in: language)
                let count = pairs.first { $0.key == "count" }?.value.display
                return count.map { Catalog.occurrenceCounted(in: language, note, $0) } ?? note
            }
            return Catalog.occurrenceList(in: language, "\(items.count)", notes.joined(separator: language == .zh ? ";" : "; "))
        default:
            return value.display
        }
    }

    /// The method's arithmetic, without the printed score.
    public func method(_ r: IndicatorResult) -> String {
        guard r.value != nil else { return Catalog.noValueZero(in: language) }
        guard let step = r.step else { return "" }
        return method(step, of: r)
    }

    /// The arithmetic ending with the printed score.
    public func working(_ r: IndicatorResult) -> String {
        Catalog.equalsScore(in: language, method(r), r.score.formatted(places: r.places))
    }

    /// Points lost and why, for the scorecard's 扣分说明 column (empty when full marks).
    public func deductionNote(_ r: IndicatorResult) -> String {
        let lost = r.points - r.score
        guard lost > .zero else { return "" }
        return Catalog.pointsLost(in: language, lost.formatted(places: r.places), method(r))
    }

    /// `95.3%`: a share as the working prints it (the computation keeps the exact value).
    static func percent(_ x: Exact) -> String { (x * 100).formatted(places: 1) + "%" }

    private func method(_ step: MethodStep, of r: IndicatorResult) -> String {
        let indicator = r.indicator, f = r.fraction
        let base = indicator.basePoints, points = indicator.points
        let scaled = base == points ? "" : Catalog.scaledByScheme(in: language, "\(points)", "\(base)")
        let share = f.decimalText(maximumPlaces: 6)
        // The number the method read (every method but checklist, levels, yesno and average reads one).
        let v: Exact = if case .number(let n)? = r.value { n } else { .zero }
        switch (step, indicator.method) {
        case (.ratio(let ratio, let limit), .ratio(let target, let cap, let floor, let direction)):
            let t = target.value(for: r.organization) ?? .zero
            let rate =
                direction == .higher
                ? Catalog.ratioHigher(in: language, "\(v)", "\(t)", Self.percent(ratio))
                : v.isZero
                    ? Catalog.ratioLowerAtZero(in: language, Self.percent(cap))
                    : Catalog.ratioLower(in: language, "\(t)", "\(v)", Self.percent(ratio))
            switch limit {
            case .belowFloor: return Catalog.ratioBelowFloor(in: language, rate, "\(floor)")
            case .capped: return Catalog.ratioScore(in: language, rate, Catalog.ratioOverCap(in: language, Self.percent(cap)), "\(points)", share)
            case .none: return Catalog.ratioScore(in: language, rate, "", "\(points)", share)
            }
        case (.linear, .linear(let zero, let full)):
            let part =
                zero.isZero
                ? Catalog.linearShareFromZero(in: language, "\(v)", "\(full)") : Catalog.linearShare(in: language, "\(v)", "\(zero)", "\(full)")
            let bounds =
                f == .one && v != full
                ? Catalog.linearFullFrom(in: language, "\(full)") : f.isZero && v != zero ? Catalog.linearNothingUpTo(in: language, "\(zero)") : ""
            let scale = zero.isZero ? "" : Catalog.linearScale(in: language, "\(zero)", "\(full)")
            return Catalog.linearScore(in: language, part, Self.percent(f), bounds, scale, "\(points)", share)
        case (.band(let reached), .bands(let bands, let otherwise)):
            guard let reached else { return Catalog.bandNone(in: language, "\(v)", "\(otherwise)", scaled) }
            let band = bands[reached]
            switch band.bound {
            case .min(let x): return Catalog.bandAtLeast(in: language, "\(v)", "\(x)", "\(band.points)", scaled)
            case .max(let x): return Catalog.bandAtMost(in: language, "\(v)", "\(x)", "\(band.points)", scaled)
            }
        case (.occurrences(let occurrences), .deduct(let per, let threshold?)):
            let shortfall = threshold.shortfall(of: v)
            var described: String
            if shortfall.isZero {
                described = Catalog.thresholdMet(in: language, "\(threshold.value)", "\(v)")
            } else {
                let side = threshold.direction == .higher ? Catalog.thresholdBelow : Catalog.thresholdAbove
                described = side(in: language, "\(threshold.value)", "\(v)", "\(shortfall)")
                if threshold.step != .one || threshold.counting != .exact {
                    let rule =
                        switch threshold.counting {
                        case .exact: Catalog.countingExact
                        case .floor: Catalog.countingFloor
                        case .ceil: Catalog.countingCeil
                        }
                    described += Catalog.thresholdSteps(
                        in: language, "\(threshold.step)", rule(in: language), occurrences.decimalText(maximumPlaces: 6))
                }
            }
            return deducted(described, occurrences, per: per, base: base, fraction: f, scaled: scaled)
        case (.occurrences(let occurrences), .deduct(let per, nil)):
            let described = Catalog.occurred(in: language, occurrences.decimalText(maximumPlaces: 6))
            return deducted(described, occurrences, per: per, base: base, fraction: f, scaled: scaled)
        case (.checklist(let marks), .checklist(let items)):
            let parts = marks.map { mark in
                let item = items.first { $0.id == mark.id }!
                return mark.fraction == .one ? "\(item.name) \(item.points)" : "\(item.name) \(item.points)×\(mark.fraction)"
            }
            let missing = items.filter { item in !marks.contains { $0.id == item.id && $0.fraction == .one } }.map(\.name)
            let done =
                parts.isEmpty
                ? Catalog.checklistNothing(in: language) : Catalog.checklistDone(in: language, parts.joined(separator: " + "), "\(f * base)")
            return done + (missing.isEmpty ? "" : Catalog.checklistNotDone(in: language, joined(missing))) + scaled
        case (.level, .levels):
            return Catalog.levelGiven(in: language, r.value?.display ?? "", "\(f)", "\(points)")
        case (.yesno, .yesno(let noPoints)):
            guard case .boolean(false)? = r.value else { return Catalog.answeredYes(in: language, "\(points)") }
            return Catalog.answeredNo(in: language, "\(noPoints)", scaled)
        case (.rank, .rank(let top, let step, let minimum, let direction)):
            let position = r.position ?? 0
            if position <= top { return Catalog.rankTop(in: language, "\(position)", "\(top)") }
            let better = (direction == .higher ? Catalog.higherIsBetter : Catalog.lowerIsBetter)(in: language)
            return Catalog.rankBelowTop(in: language, "\(position)", "\(base)", "\(step)", "\(top)", "\(minimum)", "\(f * base)", scaled, better)
        case (.average(let count, let trimmed), .average(let scale, let trim)):
            let dropped = trimmed ? Catalog.averageTrimmed(in: language, "\(trim)") : ""
            return Catalog.averageOf(in: language, dropped, "\(count)", (f * scale).decimalText(maximumPlaces: 6), "\(points)", "\(scale)")
        case (.manual, .manual):
            return Catalog.scoredDirectly(in: language, "\(v)", scaled)
        default:
            // A step is made by the indicator's own method; a pair that does not match cannot occur.
            return ""
        }
    }

    private func deducted(_ described: String, _ occurrences: Exact, per: Exact, base: Exact, fraction: Exact, scaled: String) -> String {
        Catalog.deducted(
            in: language, described, "\(base)", "\(per)", occurrences.decimalText(maximumPlaces: 6),
            (fraction * base).decimalText(maximumPlaces: 6), scaled)
    }

    /// Names listed: `a、b` / `a, b`.
    func joined(_ names: [String]) -> String { names.joined(separator: language == .zh ? "、" : ", ") }

    /// How a survey group's score came about.
    public func surveyGroup(_ g: SurveyGroupResult) -> String {
        func f(_ x: Exact) -> String { x.formatted(places: g.places) }
        switch g.votes {
        case .counts(let counts)?:
            var parts: [String] = []
            var valid = Exact.zero
            var invalid = Exact.zero
            for (answer, count) in counts {
                guard let value = g.survey.answers.first(where: { $0.name == answer })?.value else {
                    invalid += count
                    continue
                }
                valid += count
                parts.append("\(answer) \(count)×\(value)")
            }
            guard let score = g.score else {
                return invalid > .zero ? Catalog.onlyInvalidVotes(in: language, "\(invalid)") : Catalog.groupHasNoValidVote(in: language)
            }
            let invalidText = invalid > .zero ? Catalog.invalidNotCounted(in: language, "\(invalid)") : ""
            return Catalog.countsMean(in: language, parts.joined(separator: " + "), "\(valid)", invalidText, f(score))
        case .scores(let ballots)?:
            guard let score = g.score else { return Catalog.groupHasNoValidVote(in: language) }
            let trimmed = g.keptBallots.count < ballots.count
            let dropped =
                trimmed ? Catalog.ballotsTrimmed(in: language, "\(g.survey.trim)") : g.survey.trim > 0 ? Catalog.ballotsTooFew(in: language) : ""
            return Catalog.ballotsMean(in: language, "\(ballots.count)", dropped, "\(g.keptBallots.count)", f(score))
        case nil:
            return Catalog.groupHasNoValidVote(in: language)
        }
    }

    /// One step of grading; `places` are the places of the final score.
    public func grading(_ step: GradeStep, places: Int) -> String {
        switch step {
        case .scoreBand(let final, let grade, let minimum):
            return Catalog.reachesBand(
                in: language, final.formatted(places: places), grade, minimum.map { "≥ \($0)" } ?? Catalog.lowestBand(in: language))
        case .forced(let grade):
            return Catalog.vetoSetsGrade(in: language, grade)
        case .capped(let veto, let grade, let applied):
            return (applied ? Catalog.vetoCaps : Catalog.vetoCapsNotAbove)(in: language, veto, grade)
        case .quota(let q):
            let head = Catalog.quotaHead(in: language, q.grade, "\(q.places)", "\(q.organizations)", "\(q.quota)", rounding(q.rounding))
            guard let lowered = q.loweredTo else { return Catalog.withinQuota(in: language, head, "\(q.rank)") }
            let tie = q.tiedAcrossLine.map { Catalog.tiedAcrossQuota(in: language, "\($0)") } ?? ""
            return Catalog.outsideQuota(in: language, head, "\(q.rank)", tie, lowered)
        case .demoted(let vetoes, let levels, let from, let to):
            return Catalog.vetoDemotes(in: language, joined(vetoes), "\(levels)", from, to)
        }
    }

    /// How a quota's places are rounded: 向下取整, 向上取整, 四舍五入.
    public func rounding(_ rounding: Grade.QuotaRounding) -> String {
        switch rounding {
        case .floor: Catalog.roundedDown(in: language)
        case .ceil: Catalog.roundedUp(in: language)
        case .round: Catalog.roundedHalfUp(in: language)
        }
    }

    /// Every grading step of an organization, in order.
    public func grading(_ org: OrganizationResult, places: Int) -> [String] {
        org.grading.steps.map { grading($0, places: places) }
    }
}
