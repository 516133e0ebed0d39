/// What a method produced for one value: the share of the rubric's points earned, and the figures behind it.
struct MethodOutcome {
    /// The share of the indicator's points earned (above 1 only for `ratio` with a cap above 1).
    var fraction: Exact
    var step: MethodStep
}

/// A value the method cannot use: wrong type, unknown level, out of range.
struct ValueProblem: Error {
    var message: Message
    init(_ message: Message) { self.message = message }
}

extension ScoringMethod {
    /// Applies the method to `value` (§5). `base` is the indicator's points as the rubric wrote them: every
    /// parameter in points refers to them, and the result is a fraction of them, so that a scheme changing the
    /// points rescales the parameters (§11). `position` is the organization's place for `rank`.
    func outcome(_ value: DataValue, base: Exact, organization: String, position: Int?) throws(ValueProblem) -> MethodOutcome {
        switch self {
        case .ratio(let target, let cap, let floor, let direction):
            return try Self.ratio(Self.number(value), target: target, cap: cap, floor: floor, direction: direction, organization: organization)
        case .linear(let zero, let full):
            let v = try Self.number(value)
            return MethodOutcome(fraction: ((v - zero) / (full - zero)).clamped(to: .zero, .one), step: .linear)
        case .bands(let bands, let otherwise):
            let v = try Self.number(value)
            let reached = bands.firstIndex { band in
                switch band.bound {
                case .min(let x): v >= x
                case .max(let x): v <= x
                }
            }
            return MethodOutcome(fraction: (reached.map { bands[$0].points } ?? otherwise) / base, step: .band(reached: reached))
        case .deduct(let per, let threshold):
            let occurrences = try Self.occurrences(value, threshold: threshold)
            return MethodOutcome(fraction: Exact.max(.zero, base - per * occurrences) / base, step: .occurrences(occurrences))
        case .checklist(let items):
            let marks = try Self.checklistMarks(value, items: items)
            let earned = marks.map { mark in items.first { $0.id == mark.id }!.points * mark.fraction }.sum()
            return MethodOutcome(fraction: earned / base, step: .checklist(marks))
        case .levels(let levels):
            let name = value.display
            guard let level = levels.first(where: { $0.name == name }) else {
                let names = levels.map(\.name)
                let choices = Catalog.list(.plain(names.joined(separator: ", ")), .plain(names.joined(separator: "、")))
                throw ValueProblem(Catalog.unknownLevel(name, Suggestion.didYouMean(name, in: names), choices))
            }
            return MethodOutcome(fraction: level.fraction, step: .level)
        case .yesno(let noPoints):
            guard case .boolean(let yes) = value else { throw ValueProblem(Catalog.expectedYesNo(value.display)) }
            return MethodOutcome(fraction: yes ? .one : noPoints / base, step: .yesno)
        case .rank(let top, let step, let minimum, _):
            _ = try Self.number(value)
            guard let position else { throw ValueProblem(Catalog.noRankingPosition()) }
            let left = position <= top ? base : Exact.max(minimum, base - step * Exact(position - top))
            return MethodOutcome(fraction: left / base, step: .rank)
        case .average(let scale, let trim):
            let (kept, trimmed) = try trimmedValues(Self.numbers(value, scale: scale), trim: trim)
            let mean = kept.sum() / Exact(kept.count)
            return MethodOutcome(fraction: mean / scale, step: .average(count: Int32(kept.count), trimmed: trimmed))
        case .manual:
            // The score is given in the rubric's points; a scheme that changes the points scales it like any
            // other parameter given in points (§11), so the fraction is value ÷ the rubric's points.
            let v = try Self.number(value)
            guard v >= .zero, v <= base else { throw ValueProblem(Catalog.manualRange(base, v)) }
            return MethodOutcome(fraction: v / base, step: .manual)
        }
    }

    private static func number(_ value: DataValue) throws(ValueProblem) -> Exact {
        guard case .number(let n) = value else { throw ValueProblem(Catalog.expectedNumber(value.display)) }
        return n
    }

    /// `ratio` (§5.1): any number (§12); a negative value gives r below the floor, so 0.
    private static func ratio(
        _ v: Exact, target: Target, cap: Exact, floor: Exact, direction: Direction, organization: String
    ) throws(ValueProblem) -> MethodOutcome {
        guard let t = target.value(for: organization) else { throw ValueProblem(Catalog.targetMapMissing(organization)) }
        let r = direction == .higher ? v / t : (v.isZero ? cap : t / v)
        if r < floor { return MethodOutcome(fraction: .zero, step: .ratio(ratio: r, limit: .belowFloor)) }
        return MethodOutcome(fraction: Exact.min(r, cap), step: .ratio(ratio: r, limit: r > cap ? .capped : .none))
    }

    /// `deduct`: the occurrences counted, from a value against a threshold or from a count or list of occurrences.
    private static func occurrences(_ value: DataValue, threshold: Threshold?) throws(ValueProblem) -> Exact {
        if let threshold {
            let steps = threshold.shortfall(of: try number(value)) / threshold.step
            switch threshold.counting {
            case .exact: return steps
            case .floor: return Exact(steps.floor, over: 1)
            case .ceil: return Exact(steps.ceiling, over: 1)
            }
        }
        switch value {
        case .number(let n):
            guard !n.isNegative else { throw ValueProblem(Catalog.expectedCount(n)) }
            return n
        case .list(let items):
            var total = Exact.zero
            for item in items {
                switch item {
                case .text: total += 1
                case .map(let pairs):
                    guard let c = pairs.first(where: { $0.key == "count" })?.value else {
                        total += 1
                        continue
                    }
                    guard case .number(let n) = c, !n.isNegative else { throw ValueProblem(Catalog.occurrenceCount()) }
                    total += n
                default: throw ValueProblem(Catalog.occurrenceShape(item.display))
                }
            }
            return total
        default:
            throw ValueProblem(Catalog.expectedOccurrences(value.display))
        }
    }

    /// `checklist`: the items marked, each known and marked once.
    private static func checklistMarks(_ value: DataValue, items: [ChecklistItem]) throws(ValueProblem) -> [MethodStep.ChecklistMark] {
        var marks: [MethodStep.ChecklistMark] = []
        switch value {
        case .list(let ids):
            for id in ids { marks.append(.init(id: id.display, fraction: 1)) }
        case .map(let pairs):
            for (id, v) in pairs {
                switch v {
                case .boolean(let b): marks.append(.init(id: id, fraction: b ? 1 : 0))
                case .number(let n) where n >= .zero && n <= .one: marks.append(.init(id: id, fraction: n))
                default: throw ValueProblem(Catalog.itemFraction(id, v.display))
                }
            }
        case .text(let t) where !t.isEmpty: marks.append(.init(id: t, fraction: 1))
        default: throw ValueProblem(Catalog.checklistShape())
        }
        var seen = Set<String>()
        for mark in marks {
            guard seen.insert(mark.id).inserted else { throw ValueProblem(Catalog.checklistItemTwice(mark.id)) }
            guard items.contains(where: { $0.id == mark.id }) else {
                throw ValueProblem(
                    Catalog.unknownChecklistItem(
                        mark.id, Suggestion.didYouMean(mark.id, in: items.map(\.id)), Suggestion.choices(items.map { ($0.name, $0.id) })))
            }
        }
        return marks
    }

    /// `average`: the numbers given, each within the scale.
    private static func numbers(_ value: DataValue, scale: Exact) throws(ValueProblem) -> [Exact] {
        guard case .list(let items) = value else { throw ValueProblem(Catalog.expectedNumbers(value.display)) }
        var numbers: [Exact] = []
        for item in items {
            guard case .number(let n) = item, n >= .zero, n <= scale else { throw ValueProblem(Catalog.numberOutsideScale(scale, item.display)) }
            numbers.append(n)
        }
        guard !numbers.isEmpty else { throw ValueProblem(Catalog.emptyNumbers()) }
        return numbers
    }
}

extension ScoringMethod.Target {
    /// The target for `organization` (nil when a map of targets has neither it nor a default).
    func value(for organization: String) -> Exact? {
        switch self {
        case .uniform(let x): x
        case .perOrganization(let map, let fallback): map[organization] ?? fallback
        }
    }
}

extension ScoringMethod.Threshold {
    /// How far `value` falls short of the threshold (0 when it reaches it).
    func shortfall(of value: Exact) -> Exact {
        Exact.max(.zero, direction == .higher ? self.value - value : value - self.value)
    }
}

/// Numbers sorted with `trim` highest and lowest dropped, when at least 3 remain; otherwise all of them.
func trimmedValues(_ numbers: [Exact], trim: Int) -> (kept: [Exact], trimmed: Bool) {
    guard trim > 0, numbers.count - 2 * trim >= 3 else { return (numbers, false) }
    let sorted = numbers.sorted()
    return (Array(sorted[trim..<(sorted.count - trim)]), true)
}
