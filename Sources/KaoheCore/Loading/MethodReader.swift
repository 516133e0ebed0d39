/// Reads an indicator's scoring method and its parameters (§5), each problem reported at its key.
struct MethodReader {
    /// The method's name as written.
    let name: String
    /// The indicator's id and points as the rubric writes them.
    let id: String
    let points: Exact
    let organizations: IDRegistry
    /// The indicator's map (the method's parameters are among its keys).
    var m: MapReader

    mutating func read(_ d: inout Diagnostics) -> ScoringMethod? {
        switch name {
        case "ratio": return ratio(&d)
        case "linear": return linear(&d)
        case "bands": return bands(&d)
        case "deduct": return deduct(&d)
        case "checklist": return checklist(&d)
        case "levels": return levels(&d)
        case "yesno": return yesNo(&d)
        case "rank": return rank(&d)
        case "average": return average(&d)
        case "manual": return .manual
        default:
            d.error(
                m.value("method")!.location,
                Catalog.unknownMethod(name, id, Suggestion.choices(ScoringMethod.named, limit: ScoringMethod.named.count)))
            return nil
        }
    }

    /// The number `key`, reported when missing.
    private mutating func need(_ key: String, _ d: inout Diagnostics) -> Exact? {
        let v = m.number(key, &d)
        if v == nil && !m.has(key) { d.error(m.location, Catalog.missingParameter(id, name, key)) }
        return v
    }

    /// Reports `value` of `key` in `reader` when negative.
    private func notNegative(_ key: String, _ value: Exact?, in reader: inout MapReader, _ d: inout Diagnostics) {
        if let value, value.isNegative { d.error(reader.value(key)!.location, Catalog.parameterNegative(key, id, value)) }
    }

    /// The non-empty list parameter `key` (and its node), or nil with a diagnostic naming the shape expected.
    private mutating func requiredList(_ key: String, _ shape: String, _ d: inout Diagnostics) -> (node: YAMLValue, items: [YAMLValue])? {
        guard let node = m.value(key), let list = node.sequence, !list.isEmpty else {
            d.error(m.location, Catalog.missingListParameter(id, name, key, shape))
            return nil
        }
        return (node, list)
    }

    /// `ratio`: a target (one number, or per organization with a default), cap, floor, direction.
    private mutating func ratio(_ d: inout Diagnostics) -> ScoringMethod? {
        var target: ScoringMethod.Target?
        if let node = m.value("target") {
            if let n = node.number {
                if !(n > .zero) { d.error(node.location, Catalog.targetAboveZero(id, n)) }
                target = .uniform(n)
            } else if let pairs = node.mapping {
                var map: [String: Exact] = [:]
                var fallback: Exact?
                for pair in pairs {
                    let key = pair.key.text ?? ""
                    guard let n = pair.value.number, n > .zero else {
                        d.error(pair.value.location, Catalog.targetEntry(key, id, pair.value.quoted))
                        continue
                    }
                    if key == "default" { fallback = n; continue }
                    // A typo would silently fall back to the default (§12).
                    guard organizations.contains(key) else {
                        d.error(pair.key.location, Catalog.targetKey(key, id))
                        continue
                    }
                    map[key] = n
                }
                target = .perOrganization(map, default: fallback)
            } else {
                d.error(node.location, Catalog.targetShape(id))
            }
        } else {
            d.error(m.location, Catalog.ratioNeedsTarget(id))
        }
        let cap = m.number("cap", &d) ?? 1
        if !(cap > .zero) { d.error(m.value("cap")!.location, Catalog.indicatorCap(id, cap)) }
        let floor = m.number("floor", &d) ?? 0
        notNegative("floor", floor, in: &m, &d)
        let dir = direction(&d)
        guard let target else { return nil }
        return .ratio(target: target, cap: cap, floor: floor, direction: dir)
    }

    /// `linear`: zero and full marks, different.
    private mutating func linear(_ d: inout Diagnostics) -> ScoringMethod? {
        guard let zero = need("zero", &d), let full = need("full", &d) else { return nil }
        if zero == full { d.error(m.value("full")!.location, Catalog.zeroFullDiffer(id, zero)) }
        return .linear(zero: zero, full: full)
    }

    /// `bands`: `{min|max, points}` in order, and `else`.
    private mutating func bands(_ d: inout Diagnostics) -> ScoringMethod? {
        guard let (_, items) = requiredList("bands", "a list of {min|max, points}", &d) else { return nil }
        var bands: [ScoringMethod.Band] = []
        for item in items {
            guard var b = MapReader(item, "a band of '\(id)'", &d) else { continue }
            let p = b.number("points", required: true, &d) ?? .zero
            if p > points { d.error(b.value("points")!.location, Catalog.bandPoints(p, id, points)) }
            notNegative("points", p, in: &b, &d)
            if let lo = b.number("min", &d) {
                bands.append(.init(bound: .min(lo), points: p))
            } else if let hi = b.number("max", &d) {
                bands.append(.init(bound: .max(hi), points: p))
            } else {
                d.error(b.location, Catalog.bandNeedsBound(id))
            }
            b.reportUnknownKeys(&d)
        }
        let otherwise = m.number("else", &d) ?? 0
        if otherwise > points { d.error(m.value("else")!.location, Catalog.elsePoints(otherwise, id, points)) }
        notNegative("else", otherwise, in: &m, &d)
        return .bands(bands, otherwise: otherwise)
    }

    /// `deduct`: points per occurrence, or per step short of a threshold.
    private mutating func deduct(_ d: inout Diagnostics) -> ScoringMethod? {
        guard let per = need("per", &d) else { return nil }
        notNegative("per", per, in: &m, &d)
        var threshold: ScoringMethod.Threshold?
        if let t = m.number("threshold", &d) {
            let step = m.number("step", &d) ?? 1
            if !(step > .zero) { d.error(m.value("step")!.location, Catalog.stepAboveZero(id, step)) }
            var counting = ScoringMethod.StepCounting.exact
            if let s = m.text("steps", &d) {
                if let c = ScoringMethod.StepCounting(rawValue: s) {
                    counting = c
                } else {
                    d.error(m.value("steps")!.location, Catalog.stepsRule(s))
                }
            }
            threshold = .init(value: t, step: step > .zero ? step : 1, direction: direction(&d), counting: counting)
        }
        return .deduct(per: per, threshold: threshold)
    }

    /// `checklist`: items whose points sum to the indicator's.
    private mutating func checklist(_ d: inout Diagnostics) -> ScoringMethod? {
        guard let (node, list) = requiredList("items", "a list of {id, name, points}", &d) else { return nil }
        var items: [ScoringMethod.ChecklistItem] = []
        var ids = IDRegistry("checklist item")
        for item in list {
            guard var c = MapReader(item, "a checklist item of '\(id)'", &d) else { continue }
            guard let cid = c.text("id", required: true, &d), ids.register(cid, at: c.location, &d) else { continue }
            let p = c.number("points", required: true, &d) ?? .zero
            notNegative("points", p, in: &c, &d)
            items.append(.init(id: cid, name: c.text("name", &d) ?? cid, points: p))
            c.reportUnknownKeys(&d)
        }
        let sum = items.map(\.points).sum()
        if sum != points {
            d.error(node.location, Catalog.checklistSum(id, sum, points))
        }
        return .checklist(items)
    }

    /// `levels`: level → share of the points, from 0 to 1.
    private mutating func levels(_ d: inout Diagnostics) -> ScoringMethod? {
        guard let node = m.value("levels"), let pairs = node.mapping, !pairs.isEmpty else {
            d.error(m.location, Catalog.levelsNeeded(id))
            return nil
        }
        var levels: [(String, Exact)] = []
        for pair in pairs {
            guard let f = pair.value.number, f >= .zero, f <= .one else {
                d.error(pair.value.location, Catalog.levelFraction(pair.key.text ?? "", id, pair.value.quoted))
                continue
            }
            levels.append((pair.key.text ?? "", f))
        }
        return .levels(levels)
    }

    /// `yesno`: the points for no.
    private mutating func yesNo(_ d: inout Diagnostics) -> ScoringMethod? {
        let no = m.number("no_points", &d) ?? 0
        notNegative("no_points", no, in: &m, &d)
        if no > points { d.error(m.value("no_points")!.location, Catalog.noPointsAbove(no, id, points)) }
        return .yesno(noPoints: no)
    }

    /// `rank`: full marks for the top places, then a step down to a minimum.
    private mutating func rank(_ d: inout Diagnostics) -> ScoringMethod? {
        let top = m.integer("top", &d) ?? 1
        if top < 1 { d.error(m.value("top")!.location, Catalog.topAtLeastOne(id)) }
        guard let step = need("step", &d) else { return nil }
        notNegative("step", step, in: &m, &d)
        let minimum = m.number("min", &d) ?? 0
        notNegative("min", minimum, in: &m, &d)
        if minimum > points { d.error(m.value("min")!.location, Catalog.minAbove(minimum, id, points)) }
        return .rank(top: max(top, 1), step: step, minimum: minimum, direction: direction(&d))
    }

    /// `average`: the scale and how many extremes to drop.
    private mutating func average(_ d: inout Diagnostics) -> ScoringMethod? {
        let scale = m.number("scale", &d) ?? 100
        if !(scale > .zero) { d.error(m.value("scale")!.location, Catalog.scaleAboveZero(id)) }
        let trim = m.integer("trim", &d) ?? 0
        if trim < 0 { d.error(m.value("trim")!.location, Catalog.trimIndicator(id)) }
        return .average(scale: scale > .zero ? scale : 100, trim: max(trim, 0))
    }

    private mutating func direction(_ d: inout Diagnostics) -> Direction {
        guard let text = m.text("direction", &d) else { return .higher }
        guard let dir = Direction(rawValue: text) else {
            d.error(m.value("direction")!.location, Catalog.directionRule(text))
            return .higher
        }
        return dir
    }
}
