/// What a method produced for one value: the share of the rubric's points earned and, when asked for, the
/// arithmetic in words (scoring thousands of organizations needs no text; a scorecard asks for it again).
struct MethodOutcome {
    /// The share of the indicator's points earned (above 1 only for `ratio` with a cap above 1).
    var fraction: Exact
    /// Empty unless the outcome was computed with `explain`.
    var working = ""
}

/// A value the method cannot use: wrong type, unknown level, out of range.
struct ValueProblem: Error {
    var message: Message
    init(_ message: Message) { self.message = message }
}

extension ScoringMethod {
    /// `95.3%`: a share as the explanations print it (the computation keeps the exact value).
    static func percent(_ x: Exact) -> String { (x * 100).formatted(places: 1) + "%" }

    /// Applies the method to `value` (§5). `base` is the indicator's points as the rubric wrote them: every
    /// parameter in points refers to them, and the result is a fraction of them, so that a scheme changing the
    /// points rescales the parameters (§11). `position` is the organization's place for `rank`.
    func outcome(
        _ value: DataValue, base: Exact, points: Exact, organization: String,
        position: Int?, explain: Bool = false
    ) throws(ValueProblem) -> MethodOutcome {
        func number() throws(ValueProblem) -> Exact {
            guard case .number(let n) = value else { throw ValueProblem(Catalog.expectedNumber(value.display)) }
            return n
        }
        func scaleNote() -> String { base == points ? "" : " (按权重方案分值 \(points) ÷ \(base) 等比折算)" }
        switch self {
        case .ratio(let target, let cap, let floor, let direction):
            let v = try number()
            let t: Exact
            switch target {
            case .uniform(let x): t = x
            case .perOrganization(let map, let fallback):
                guard let x = map[organization] ?? fallback else {
                    throw ValueProblem(Catalog.targetMapMissing(organization))
                }
                t = x
            }
            // Any number (§12): a negative value gives r below the floor, so 0.
            let r = direction == .higher ? v / t : (v.isZero ? cap : t / v)
            func rText() -> String {
                if direction == .higher { return "完成率 \(v) ÷ \(t) = \(Self.percent(r))" }
                if v.isZero { return "越低越好，实际值为 0，完成率取上限 \(Self.percent(cap))" }
                return "越低越好，完成率 = 目标 \(t) ÷ 实际 \(v) = \(Self.percent(r))"
            }
            if r < floor {
                return MethodOutcome(fraction: .zero, working: explain ? "\(rText()) < 下限 \(floor), 得 0 分" : "")
            }
            let f = Exact.min(r, cap)
            return MethodOutcome(
                fraction: f,
                working: !explain
                    ? ""
                    : {
                        let capText = r > cap ? "（超过上限 \(Self.percent(cap))，按 \(Self.percent(cap)) 计）" : ""
                        return "\(rText())\(capText)；得分 \(points) × \(f.decimalText(maximumPlaces: 6))"
                    }())
        case .linear(let zero, let full):
            let v = try number()
            let f = ((v - zero) / (full - zero)).clamped(to: .zero, .one)
            return MethodOutcome(
                fraction: f,
                working: !explain
                    ? ""
                    : {
                        let share = zero.isZero ? "\(v) ÷ \(full)" : "（\(v) − \(zero)）÷（\(full) − \(zero)）"
                        let bounds = f == .one && v != full ? "，达到 \(full) 即得满分" : f.isZero && v != zero ? "，未超过 \(zero) 不得分" : ""
                        let scale = zero.isZero ? "" : "（\(zero) 及以下得 0 分，\(full) 得满分）"
                        return "完成比例 \(share) = \(Self.percent(f))\(bounds)\(scale)；得分 \(points) × \(f.decimalText(maximumPlaces: 6))"
                    }())
        case .bands(let bands, let otherwise):
            let v = try number()
            for band in bands {
                switch band.bound {
                case .min(let x) where v >= x:
                    return MethodOutcome(fraction: band.points / base, working: explain ? "\(v) ≥ \(x), 该档 \(band.points) 分" + scaleNote() : "")
                case .max(let x) where v <= x:
                    return MethodOutcome(fraction: band.points / base, working: explain ? "\(v) ≤ \(x), 该档 \(band.points) 分" + scaleNote() : "")
                default: continue
                }
            }
            return MethodOutcome(fraction: otherwise / base, working: explain ? "\(v) 未达任何档次, 得 \(otherwise) 分" + scaleNote() : "")
        case .deduct(let per, let threshold):
            let occurrences: Exact
            var describe = ""
            if let threshold {
                let v = try number()
                let gap = threshold.direction == .higher ? threshold.value - v : v - threshold.value
                let shortfall = Exact.max(.zero, gap)
                let steps = shortfall / threshold.step
                switch threshold.counting {
                case .exact: occurrences = steps
                case .floor: occurrences = Exact(steps.floor, over: 1)
                case .ceil: occurrences = Exact(steps.ceiling, over: 1)
                }
                let counted = occurrences
                if explain {
                    describe = {
                        if shortfall.isZero { return "标准 \(threshold.value), 实际 \(v), 达到标准" }
                        let side = threshold.direction == .higher ? "低于" : "超过"
                        var text = "标准 \(threshold.value), 实际 \(v), \(side)标准 \(shortfall)"
                        if threshold.step != .one || threshold.counting != .exact {
                            let rule =
                                switch threshold.counting {
                                case .exact: "按实际比例"
                                case .floor: "不足一档不计，向下取整"
                                case .ceil: "不足一档按一档计，向上取整"
                                }
                            text += ", 每 \(threshold.step) 为一档（\(rule)）计 \(counted.decimalText(maximumPlaces: 6)) 档"
                        }
                        return text
                    }()
                }
            } else {
                switch value {
                case .number(let n):
                    guard !n.isNegative else { throw ValueProblem(Catalog.expectedCount(n)) }
                    occurrences = n
                case .list(let items):
                    var total = Exact.zero
                    for item in items {
                        switch item {
                        case .text: total += 1
                        case .map(let pairs):
                            if let c = pairs.first(where: { $0.key == "count" })?.value {
                                guard case .number(let n) = c, !n.isNegative else {
                                    throw ValueProblem(Catalog.occurrenceCount())
                                }
                                total += n
                            } else {
                                total += 1
                            }
                        default: throw ValueProblem(Catalog.occurrenceShape(item.display))
                        }
                    }
                    occurrences = total
                default:
                    throw ValueProblem(Catalog.expectedOccurrences(value.display))
                }
                if explain { describe = "发生 \(occurrences.decimalText(maximumPlaces: 6)) 次" }
            }
            let left = Exact.max(.zero, base - per * occurrences)
            let counted = occurrences
            return MethodOutcome(
                fraction: left / base,
                working: !explain
                    ? ""
                    : {
                        "\(describe); \(base) − \(per) × \(counted.decimalText(maximumPlaces: 6)) = \(left.decimalText(maximumPlaces: 6)) (扣完为止)"
                            + scaleNote()
                    }())
        case .checklist(let items):
            var done: [(id: String, fraction: Exact)] = []
            switch value {
            case .list(let ids):
                for id in ids { done.append((id.display, 1)) }
            case .map(let pairs):
                for (id, v) in pairs {
                    switch v {
                    case .boolean(let b): done.append((id, b ? 1 : 0))
                    case .number(let n) where n >= .zero && n <= .one: done.append((id, n))
                    default: throw ValueProblem(Catalog.itemFraction(id, v.display))
                    }
                }
            case .text(let t) where !t.isEmpty: done.append((t, 1))
            default: throw ValueProblem(Catalog.checklistShape())
            }
            var earned = Exact.zero
            var seen = Set<String>()
            for (id, f) in done {
                guard seen.insert(id).inserted else { throw ValueProblem(Catalog.checklistItemTwice(id)) }
                guard let item = items.first(where: { $0.id == id }) else {
                    throw ValueProblem(
                        Catalog.unknownChecklistItem(
                            id, Suggestion.didYouMean(id, in: items.map(\.id)), Suggestion.choices(items.map { ($0.name, $0.id) })))
                }
                earned += item.points * f
            }
            let total = earned
            let marks = done
            return MethodOutcome(
                fraction: earned / base,
                working: !explain
                    ? ""
                    : {
                        let parts = marks.map { id, f in
                            let item = items.first { $0.id == id }!
                            return f == .one ? "\(item.name) \(item.points)" : "\(item.name) \(item.points)×\(f)"
                        }
                        let missing = items.filter { item in !marks.contains { $0.id == item.id && $0.fraction == .one } }.map(\.name)
                        let text = parts.isEmpty ? "无完成事项" : "完成: " + parts.joined(separator: " + ") + " = \(total)"
                        return text + (missing.isEmpty ? "" : "; 未(全部)完成: " + missing.joined(separator: "、")) + scaleNote()
                    }())
        case .levels(let levels):
            let name = value.display
            guard let level = levels.first(where: { $0.name == name }) else {
                let names = levels.map(\.name)
                let choices = Catalog.list(.plain(names.joined(separator: ", ")), .plain(names.joined(separator: "、")))
                throw ValueProblem(Catalog.unknownLevel(name, Suggestion.didYouMean(name, in: names), choices))
            }
            let fraction = level.fraction
            return MethodOutcome(fraction: fraction, working: explain ? "评价为「\(name)」, 得分比例 \(fraction); 得分 = \(points) × \(fraction)" : "")
        case .yesno(let noPoints):
            guard case .boolean(let yes) = value else { throw ValueProblem(Catalog.expectedYesNo(value.display)) }
            return yes
                ? MethodOutcome(fraction: .one, working: explain ? "是, 得满分 \(points)" : "")
                : MethodOutcome(fraction: noPoints / base, working: explain ? "否, 得 \(noPoints) 分" + scaleNote() : "")
        case .rank(let top, let step, let minimum, let direction):
            _ = try number()
            guard let position else { throw ValueProblem(Catalog.noRankingPosition()) }
            if position <= top {
                return MethodOutcome(fraction: .one, working: explain ? "排名第 \(position) (前 \(top) 名得满分)" : "")
            }
            let left = Exact.max(minimum, base - step * Exact(position - top))
            return MethodOutcome(
                fraction: left / base,
                working: !explain
                    ? ""
                    : {
                        "排名第 \(position), \(base) − \(step) × (\(position) − \(top)) 不低于 \(minimum) = \(left)" + scaleNote()
                            + " (\(direction == .higher ? "越高越好" : "越低越好"))"
                    }())
        case .average(let scale, let trim):
            guard case .list(let items) = value else { throw ValueProblem(Catalog.expectedNumbers(value.display)) }
            var numbers: [Exact] = []
            for item in items {
                guard case .number(let n) = item, n >= .zero, n <= scale else {
                    throw ValueProblem(Catalog.numberOutsideScale(scale, item.display))
                }
                numbers.append(n)
            }
            guard !numbers.isEmpty else { throw ValueProblem(Catalog.emptyNumbers()) }
            let (kept, trimmed) = trimmedValues(numbers, trim: trim)
            let mean = kept.sum() / Exact(kept.count)
            return MethodOutcome(
                fraction: mean / scale,
                working: !explain
                    ? ""
                    : {
                        let trimText = trimmed ? "去掉最高、最低各 \(trim) 个后 " : ""
                        return "\(trimText)\(kept.count) 个数平均 = \(mean.decimalText(maximumPlaces: 6)); 得分 = \(points) × 平均 ÷ \(scale)"
                    }())
        case .manual:
            // The score is given in the rubric's points; a scheme that changes the points scales it like any
            // other parameter given in points (§11), so the fraction is value ÷ the rubric's points.
            let v = try number()
            guard v >= .zero, v <= base else { throw ValueProblem(Catalog.manualRange(base, v)) }
            return MethodOutcome(fraction: v / base, working: explain ? "直接评分 \(v)" + scaleNote() : "")
        }
    }

    /// How a value reads on a scorecard: checklist items by name, occurrences by their notes.
    public func display(_ value: DataValue) -> String {
        switch (self, value) {
        case (.checklist(let items), .list(let ids)):
            return ids.map { id in items.first { $0.id == id.display }?.name ?? id.display }.joined(separator: "、")
        case (.checklist(let items), .map(let pairs)):
            return pairs.map { id, v in
                let name = items.first { $0.id == id }?.name ?? id
                switch v {
                case .boolean(let b): return "\(name):\(b ? "完成" : "未完成")"
                default: return "\(name):完成\(v.display)"
                }
            }.joined(separator: "、")
        case (.deduct, .list(let items)):
            let notes = items.map { item -> String in
                if case .map(let pairs) = item {
                    let note = pairs.first { $0.key == "note" }?.value.display ?? "1 次"
                    let count = pairs.first { $0.key == "count" }?.value.display
                    return count.map { "\(note)(\($0) 次)" } ?? note
                }
                return item.display
            }
            return "\(items.count) 项:" + notes.joined(separator: ";")
        default:
            return value.display
        }
    }

}

/// Numbers sorted with `trim` highest and lowest dropped, when at least 3 remain; otherwise all of them.
func trimmedValues(_ numbers: [Exact], trim: Int) -> (kept: [Exact], trimmed: Bool) {
    guard trim > 0, numbers.count - 2 * trim >= 3 else { return (numbers, false) }
    let sorted = numbers.sorted()
    return (Array(sorted[trim..<(sorted.count - trim)]), true)
}
