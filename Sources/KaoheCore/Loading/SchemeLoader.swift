/// Reads weight schemes (§10) and checks them against the rubric: known ids, non-negative weights, and the
/// same sums as the rubric (blocks to the total, dimensions to the indicator block's scale).
public enum SchemeLoader {
    public static func load(
        _ text: String, file: String, rubric: Rubric,
        diagnostics d: inout Diagnostics
    ) -> WeightScheme? {
        guard let root = YAMLValue.parse(text, file: file, diagnostics: &d) else { return nil }
        var local = Diagnostics()
        guard var m = MapReader(root, "the weight scheme", &local) else {
            d.append(contentsOf: local)
            return nil
        }
        let fallbackName = file.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) } ?? file
        var scheme = WeightScheme(name: m.text("name", &local) ?? fallbackName, file: file)
        func weights(_ key: String, known: [String], _ local: inout Diagnostics) -> [String: Exact] {
            guard let node = m.value(key), !node.isNull else { return [:] }
            guard let pairs = node.mapping else {
                local.error(node.location, "'\(key)' must be a map of id → weight")
                return [:]
            }
            var out: [String: Exact] = [:]
            for pair in pairs {
                let id = pair.key.text ?? ""
                guard known.contains(id) else {
                    local.error(pair.key.location, "unknown \(key.dropLast(key.hasSuffix("s") ? 1 : 0)) '\(id)' in the scheme")
                    continue
                }
                guard let w = pair.value.number, !w.isNegative else {
                    local.error(pair.value.location, "the weight of '\(id)' must be a number of at least 0, found \(pair.value.quoted)")
                    continue
                }
                out[id] = w
            }
            return out
        }
        scheme.blocks = weights("blocks", known: rubric.blocks.map(\.id), &local)
        scheme.dimensions = weights("dimensions", known: rubric.dimensions.map(\.id), &local)
        scheme.indicators = weights("indicators", known: rubric.indicators.map(\.id), &local)
        if let node = m.value("survey_groups"), let pairs = node.mapping {
            for pair in pairs {
                let blockID = pair.key.text ?? ""
                guard let survey = rubric.blocks.first(where: { $0.id == blockID })?.survey else {
                    local.error(pair.key.location, "unknown survey block '\(blockID)' in survey_groups")
                    continue
                }
                var groups: [String: Exact] = [:]
                for g in pair.value.mapping ?? [] {
                    let gid = g.key.text ?? ""
                    guard survey.groups.contains(where: { $0.id == gid }) else {
                        local.error(g.key.location, "unknown rater group '\(gid)' of '\(blockID)'")
                        continue
                    }
                    guard let w = g.value.number, w > .zero else {
                        local.error(g.value.location, "the weight of group '\(gid)' must be above 0, found \(g.value.quoted)")
                        continue
                    }
                    groups[gid] = w
                }
                scheme.surveyGroups[blockID] = groups
            }
        }
        m.reportUnknownKeys(&local)
        if !local.hasErrors {
            let applied = rubric.applying(scheme)
            let blockSum = applied.blocks.map(\.weight).sum()
            if blockSum != rubric.assessment.total {
                local.error(
                    m.keyLocation("blocks") ?? m.location,
                    "block weights add up to \(blockSum) with this scheme, but the total is \(rubric.assessment.total)")
            }
            let scale = applied.indicatorScale
            if scale != rubric.indicatorScale {
                local.error(
                    m.keyLocation("dimensions") ?? m.location,
                    "dimension points add up to \(scale) with this scheme, but the indicator block's scale is \(rubric.indicatorScale)")
            }
            for dimension in applied.dimensions {
                for org in rubric.organizations {
                    let applicable = dimension.indicators.filter { $0.applies(to: org.id) }.map(\.points).sum()
                    if applicable.isZero {
                        local.error(
                            m.keyLocation("indicators") ?? m.location,
                            "with this scheme, dimension '\(dimension.id)' has no points left that apply to '\(org.id)'")
                    }
                }
            }
        }
        d.append(contentsOf: local)
        return local.hasErrors ? nil : scheme
    }
}
