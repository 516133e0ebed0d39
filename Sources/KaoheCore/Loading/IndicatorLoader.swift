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
        var methodReader = MethodReader(name: methodName, id: id, points: points, organizations: organizations, m: m)
        let read = methodReader.read(&d)
        m = methodReader.m
        guard let method = read else { return nil }
        return Indicator(
            id: id, name: name, dimensionID: dimension, points: points, basePoints: points,
            appliesTo: appliesTo, method: method, missingIsZero: missingIsZero, standard: standard,
            evidence: evidence, scorer: scorer, unit: unit, from: from, location: m.location)
    }
}
