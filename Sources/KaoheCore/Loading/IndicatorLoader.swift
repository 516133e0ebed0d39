extension RubricLoader {
    /// Reads one indicator and its method's parameters (§4, §5).
    static func readIndicator(
        _ m: inout MapReader, dimension: String, organizations: IDRegistry,
        _ d: inout Diagnostics
    ) -> Indicator? {
        guard let id = m.text("id", required: true, &d) else { return nil }
        let name = m.text("name", &d) ?? id
        let points = m.number("points", required: true, &d) ?? .zero
        if !(points > .zero) {
            d.error(m.value("points")?.location ?? m.location, Catalog.indicatorPoints(id, points))
        }
        var appliesTo: Set<String>?
        if let node = m.value("applies_to"), !node.isNull, node.text != "all" {
            let items = node.sequence ?? [node]
            var set = Set<String>()
            for item in items {
                guard let org = item.text, organizations.contains(org) else {
                    d.error(item.location, Catalog.appliesToUnknown(id, item.quoted))
                    continue
                }
                set.insert(org)
            }
            if items.isEmpty { d.error(node.location, Catalog.appliesToNone(id)) }
            appliesTo = set
        }
        var missingIsZero = false
        if let missing = m.text("missing", &d) {
            if missing == "zero" {
                missingIsZero = true
            } else if missing != "error" {
                d.error(m.value("missing")!.location, Catalog.missingRule(missing))
            }
        }
        let standard = m.text("standard", &d)
        let evidence =
            m.value("evidence").map { node -> String? in
                if let list = node.sequence { return list.compactMap(\.text).joined(separator: "、") }
                return node.text
            } ?? nil
        let scorer = m.text("scorer", &d)
        let unit = m.text("unit", &d)
        var from: LedgerFigures.Value?
        if let source = m.text("from", &d) {
            from = LedgerFigures.Value(from: source)
            if from == nil {
                d.error(
                    m.value("from")!.location, Catalog.unknownFrom(id, source, LedgerFigures.Value.allCases.map(\.rawValue).joined(separator: "、")))
            }
        }
        guard let methodName = m.text("method", required: true, &d) else { return nil }
        guard let method = readMethod(methodName, &m, indicator: id, points: points, organizations: organizations, &d) else { return nil }
        return Indicator(
            id: id, name: name, dimensionID: dimension, points: points, basePoints: points,
            appliesTo: appliesTo, method: method, missingIsZero: missingIsZero, standard: standard,
            evidence: evidence, scorer: scorer, unit: unit, from: from, location: m.location)
    }

    private static func direction(_ m: inout MapReader, _ d: inout Diagnostics) -> Direction {
        guard let text = m.text("direction", &d) else { return .higher }
        guard let dir = Direction(rawValue: text) else {
            d.error(m.value("direction")!.location, Catalog.directionRule(text))
            return .higher
        }
        return dir
    }

    private static func readMethod(
        _ name: String, _ m: inout MapReader, indicator id: String, points: Exact,
        organizations: IDRegistry,
        _ d: inout Diagnostics
    ) -> ScoringMethod? {
        func need(_ key: String, _ m: inout MapReader, _ d: inout Diagnostics) -> Exact? {
            let v = m.number(key, &d)
            if v == nil && !m.has(key) { d.error(m.location, Catalog.missingParameter(id, name, key)) }
            return v
        }
        func notNegative(_ key: String, _ value: Exact?, _ m: inout MapReader, _ d: inout Diagnostics) {
            if let value, value.isNegative { d.error(m.value(key)!.location, Catalog.parameterNegative(key, id, value)) }
        }
        /// The non-empty list parameter `key` (and its node), or nil with a diagnostic naming the shape expected.
        func requiredList(
            _ key: String, _ shape: String, _ m: inout MapReader,
            _ d: inout Diagnostics
        ) -> (node: YAMLValue, items: [YAMLValue])? {
            guard let node = m.value(key), let list = node.sequence, !list.isEmpty else {
                d.error(m.location, Catalog.missingListParameter(id, name, key, shape))
                return nil
            }
            return (node, list)
        }
        switch name {
        case "ratio":
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
            notNegative("floor", floor, &m, &d)
            let dir = direction(&m, &d)
            guard let target else { return nil }
            return .ratio(target: target, cap: cap, floor: floor, direction: dir)
        case "linear":
            guard let zero = need("zero", &m, &d), let full = need("full", &m, &d) else { return nil }
            if zero == full { d.error(m.value("full")!.location, Catalog.zeroFullDiffer(id, zero)) }
            return .linear(zero: zero, full: full)
        case "bands":
            guard let (_, items) = requiredList("bands", "a list of {min|max, points}", &m, &d) else { return nil }
            var bands: [ScoringMethod.Band] = []
            for item in items {
                guard var b = MapReader(item, "a band of '\(id)'", &d) else { continue }
                let p = b.number("points", required: true, &d) ?? .zero
                if p > points { d.error(b.value("points")!.location, Catalog.bandPoints(p, id, points)) }
                notNegative("points", p, &b, &d)
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
            notNegative("else", otherwise, &m, &d)
            return .bands(bands, otherwise: otherwise)
        case "deduct":
            guard let per = need("per", &m, &d) else { return nil }
            notNegative("per", per, &m, &d)
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
                threshold = .init(value: t, step: step > .zero ? step : 1, direction: direction(&m, &d), counting: counting)
            }
            return .deduct(per: per, threshold: threshold)
        case "checklist":
            guard let (node, list) = requiredList("items", "a list of {id, name, points}", &m, &d) else { return nil }
            var items: [ScoringMethod.ChecklistItem] = []
            var ids = IDRegistry("checklist item")
            for item in list {
                guard var c = MapReader(item, "a checklist item of '\(id)'", &d) else { continue }
                guard let cid = c.text("id", required: true, &d), ids.register(cid, at: c.location, &d) else { continue }
                let p = c.number("points", required: true, &d) ?? .zero
                notNegative("points", p, &c, &d)
                items.append(.init(id: cid, name: c.text("name", &d) ?? cid, points: p))
                c.reportUnknownKeys(&d)
            }
            let sum = items.map(\.points).sum()
            if sum != points {
                d.error(node.location, Catalog.checklistSum(id, sum, points))
            }
            return .checklist(items)
        case "levels":
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
        case "yesno":
            let no = m.number("no_points", &d) ?? 0
            notNegative("no_points", no, &m, &d)
            if no > points { d.error(m.value("no_points")!.location, Catalog.noPointsAbove(no, id, points)) }
            return .yesno(noPoints: no)
        case "rank":
            let top = m.integer("top", &d) ?? 1
            if top < 1 { d.error(m.value("top")!.location, Catalog.topAtLeastOne(id)) }
            guard let step = need("step", &m, &d) else { return nil }
            notNegative("step", step, &m, &d)
            let minimum = m.number("min", &d) ?? 0
            notNegative("min", minimum, &m, &d)
            if minimum > points { d.error(m.value("min")!.location, Catalog.minAbove(minimum, id, points)) }
            return .rank(top: max(top, 1), step: step, minimum: minimum, direction: direction(&m, &d))
        case "average":
            let scale = m.number("scale", &d) ?? 100
            if !(scale > .zero) { d.error(m.value("scale")!.location, Catalog.scaleAboveZero(id)) }
            let trim = m.integer("trim", &d) ?? 0
            if trim < 0 { d.error(m.value("trim")!.location, Catalog.trimIndicator(id)) }
            return .average(scale: scale > .zero ? scale : 100, trim: max(trim, 0))
        case "manual":
            return .manual
        default:
            d.error(
                m.value("method")!.location,
                Catalog.unknownMethod(name, id, Suggestion.choices(ScoringMethod.named, limit: ScoringMethod.named.count)))
            return nil
        }
    }
}
