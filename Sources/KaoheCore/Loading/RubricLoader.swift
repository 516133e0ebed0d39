/// Reads `rubric.yaml` into a `Rubric`, checking everything the format requires (§3–§8) and reporting
/// every problem at once.
public enum RubricLoader {
    /// Parses and validates rubric text. Returns the rubric when it has no errors; warnings and errors are
    /// added to `diagnostics` either way.
    public static func load(_ text: String, file: String, diagnostics: inout Diagnostics) -> Rubric? {
        guard let root = YAMLValue.parse(text, file: file, diagnostics: &diagnostics) else { return nil }
        var d = Diagnostics()
        let rubric = read(root, &d)
        diagnostics.append(contentsOf: d)
        return d.hasErrors ? nil : rubric
    }

    private static func read(_ root: YAMLValue, _ d: inout Diagnostics) -> Rubric? {
        guard var top = MapReader(root, "the rubric", &d) else { return nil }
        switch top.integer("kaohe", &d) {
        case 1?: break
        case nil: d.error(top.location, "the rubric needs 'kaohe: 1' (the format version)")
        case let v?: d.error(top.value("kaohe")!.location, "format version \(v) is not supported (expected 1)")
        }

        // Assessment.
        var info = AssessmentInfo(id: "", title: "", year: 0, issuer: nil, basis: nil, decimals: 2, total: 100)
        if let node = top.value("assessment"), var m = MapReader(node, "'assessment'", &d) {
            info.id = m.text("id", required: true, &d) ?? ""
            if let problem = OutputNaming.fileNameProblem(info.id) {
                d.error(m.value("id")!.location, "'assessment.id' names the output folder, so it \(problem), found '\(info.id)'")
            }
            info.title = m.text("title", required: true, &d) ?? ""
            info.year = m.integer("year", required: true, &d) ?? 0
            info.issuer = m.text("issuer", &d)
            info.basis = m.text("basis", &d)
            if let places = m.integer("decimals", &d) {
                if (0...6).contains(places) { info.decimals = places }
                else { d.error(m.value("decimals")!.location, "'decimals' must be between 0 and 6, found \(places)") }
            }
            if let total = m.number("total", &d) {
                if total > .zero { info.total = total }
                else { d.error(m.value("total")!.location, "'total' must be above 0, found \(total)") }
            }
            if let forms = m.value("forms"), !forms.isNull { info.forms = formSettings(forms, &d) }
            if let node = m.value("as_of"), !node.isNull { info.asOf = LedgerLoader.date(node, &d) }
            m.reportUnknownKeys(&d)
        } else {
            d.error(top.location, "the rubric needs an 'assessment' map (id, title, year)")
        }

        // Categories and organizations.
        var categories: [Category] = []
        var categoryIDs = IDRegistry("category")
        readList(top.value("categories"), "'categories'", &d) { m, d in
            guard let id = m.text("id", required: true, &d), categoryIDs.register(id, at: m.location, &d) else { return }
            categories.append(Category(id: id, name: m.text("name", &d) ?? id))
        }
        var organizations: [Organization] = []
        var organizationIDs = IDRegistry("organization")
        readList(top.value("organizations"), "'organizations'", &d) { m, d in
            guard let id = m.text("id", required: true, &d), organizationIDs.register(id, at: m.location, &d) else { return }
            if let problem = OutputNaming.fileNameProblem(id) {
                d.error(m.value("id")!.location, "an organization id names its files (data/<id>.yaml, --split), so it \(problem), found '\(id)'")
            }
            let name = m.text("name", &d) ?? id
            var category = m.text("category", &d)
            if let c = category, !categoryIDs.contains(c) {
                d.error(m.value("category")!.location,
                        "organization '\(id)' names unknown category '\(c)' (expected one of: \(categories.map(\.id).joined(separator: ", ")))")
            }
            if category == nil {
                if categories.count == 1 { category = categories[0].id }
                else if !categories.isEmpty {
                    d.error(m.location, "organization '\(id)' needs a 'category' (one of: \(categories.map(\.id).joined(separator: ", ")))")
                }
            }
            organizations.append(Organization(id: id, name: name, category: category ?? "", location: m.location))
        }
        if organizations.isEmpty { d.error(top.location, "the rubric lists no organizations") }
        if categories.isEmpty {
            categories = [Category(id: "all", name: "全部")]
            for i in organizations.indices where organizations[i].category.isEmpty { organizations[i].category = "all" }
        }

        // Blocks.
        var blocks: [Block] = []
        var blockIDs = IDRegistry("block")
        readList(top.value("blocks"), "'blocks'", &d) { m, d in
            guard let id = m.text("id", required: true, &d), blockIDs.register(id, at: m.location, &d) else { return }
            let name = m.text("name", &d) ?? id
            let weight = m.number("weight", required: true, &d) ?? .zero
            if weight.isNegative { d.error(m.value("weight")!.location, "block '\(id)' has a negative weight \(weight)") }
            let sourceText = m.text("source", required: true, &d) ?? "indicators"
            guard let source = Block.Source(rawValue: sourceText) else {
                d.error(m.value("source")!.location, "block '\(id)' has unknown source '\(sourceText)' (expected indicators or survey)")
                return
            }
            var survey: Survey?
            if source == .survey {
                if let node = m.value("survey") { survey = readSurvey(node, block: id, &d) }
                else { d.error(m.location, "survey block '\(id)' needs a 'survey' map (answers, groups)") }
            }
            blocks.append(Block(id: id, name: name, weight: weight, source: source, survey: survey, location: m.location))
        }
        let indicatorBlocks = blocks.filter { $0.source == .indicators }
        if indicatorBlocks.count != 1 {
            d.error(top.keyLocation("blocks") ?? top.location,
                    "exactly one block must have 'source: indicators', found \(indicatorBlocks.count)")
        }
        let blockSum = blocks.map(\.weight).sum()
        if !blocks.isEmpty, blockSum != info.total {
            d.error(top.keyLocation("blocks")!,
                    "block weights add up to \(blockSum), but assessment.total is \(info.total) (they must be equal; nothing is renormalized)")
        }

        // Dimensions and indicators.
        var dimensions: [Dimension] = []
        var dimensionIDs = IDRegistry("dimension")
        var indicatorIDs = IDRegistry("indicator")
        readList(top.value("dimensions"), "'dimensions'", &d) { m, d in
            guard let id = m.text("id", required: true, &d), dimensionIDs.register(id, at: m.location, &d) else { return }
            let name = m.text("name", &d) ?? id
            let points = m.number("points", required: true, &d) ?? .zero
            if !(points > .zero) { d.error(m.value("points")?.location ?? m.location, "dimension '\(id)' must have points above 0, found \(points)") }
            var indicators: [Indicator] = []
            readList(m.value("indicators"), "the indicators of '\(id)'", &d) { im, d in
                if let indicatorID = im.value("id")?.text, !indicatorIDs.register(indicatorID, at: im.location, &d) { return }
                guard let ind = readIndicator(&im, dimension: id, organizations: organizationIDs, &d) else { return }
                indicators.append(ind)
            }
            if indicators.isEmpty { d.error(m.location, "dimension '\(id)' has no indicators") }
            // Every organization must have something to be scored on in every dimension (§5.2).
            for org in organizations where !indicators.isEmpty && !indicators.contains(where: { $0.applies(to: org.id) }) {
                d.error(m.location, "dimension '\(id)' has no indicator that applies to organization '\(org.id)'")
            }
            dimensions.append(Dimension(id: id, name: name, points: points, indicators: indicators, location: m.location))
        }
        if dimensions.isEmpty { d.error(top.location, "the rubric needs 'dimensions' (the indicator tree)") }

        // Bonus, penalties, vetoes, grades, ranking.
        let bonus = readAdjustments(top.value("bonus"), "'bonus'", &d)
        let penalties = readAdjustments(top.value("penalties"), "'penalties'", &d)
        var grades: [Grade] = []
        var gradeNames = IDRegistry("grade")
        readList(top.value("grades"), "'grades'", &d) { m, d in
            guard let name = m.text("name", required: true, &d), gradeNames.register(name, at: m.location, &d) else { return }
            let minimum = m.number("min", &d)
            let quota = m.number("quota", &d)
            if let q = quota, !(q > .zero && q <= .one) {
                d.error(m.value("quota")!.location, "quota of grade '\(name)' must be above 0 and at most 1, found \(q)")
            }
            var rounding = Grade.QuotaRounding.floor
            if let r = m.text("quota_rounding", &d) {
                if let v = Grade.QuotaRounding(rawValue: r) { rounding = v }
                else { d.error(m.value("quota_rounding")!.location, "quota_rounding must be floor, ceil or round, found '\(r)'") }
            }
            var ties = Grade.QuotaTies.exclude
            if let t = m.text("quota_ties", &d) {
                if let v = Grade.QuotaTies(rawValue: t) { ties = v }
                else { d.error(m.value("quota_ties")!.location, "quota_ties must be exclude or include, found '\(t)'") }
            }
            grades.append(Grade(name: name, minimum: minimum, quota: quota, quotaRounding: rounding, quotaTies: ties))
        }
        if grades.isEmpty {
            d.error(top.location, "the rubric needs 'grades' (highest first, the last without 'min')")
        } else {
            if grades.last!.minimum != nil {
                d.error(top.keyLocation("grades")!, "the last grade '\(grades.last!.name)' must not have a 'min' (it takes every remaining score)")
            }
            let mins = grades.compactMap(\.minimum)
            if zip(mins, mins.dropFirst()).contains(where: { !($0.0 > $0.1) }) {
                d.error(top.keyLocation("grades")!, "grade 'min' values must decrease from the first grade to the last, found \(mins.map(\.description).joined(separator: ", "))")
            }
        }
        var vetoes: [Veto] = []
        var vetoIDs = IDRegistry("veto")
        readList(top.value("vetoes"), "'vetoes'", &d) { m, d in
            guard let id = m.text("id", required: true, &d), vetoIDs.register(id, at: m.location, &d) else { return }
            let name = m.text("name", &d) ?? id
            let scorer = m.text("scorer", &d)
            guard let node = m.value("effect"), var e = MapReader(node, "the effect of veto '\(id)'", &d) else {
                if !m.has("effect") { d.error(m.location, "veto '\(id)' needs an 'effect' (grade, demote or max_grade)") }
                return
            }
            var effect: Veto.Effect?
            if let g = e.text("grade", &d) { effect = .grade(g) }
            if let k = e.integer("demote", &d) {
                if k < 1 { d.error(e.value("demote")!.location, "demote must be at least 1, found \(k)") }
                effect = .demote(k)
            }
            if let g = e.text("max_grade", &d) { effect = .maxGrade(g) }
            e.reportUnknownKeys(&d)
            for key in ["grade", "max_grade"] {
                if let g = e.value(key)?.text, !gradeNames.contains(g) {
                    d.error(e.value(key)!.location, "veto '\(id)' names unknown grade '\(g)' (expected one of: \(grades.map(\.name).joined(separator: ", ")))")
                }
            }
            guard let effect else {
                d.error(node.location, "veto '\(id)' needs one of grade, demote or max_grade in its effect")
                return
            }
            vetoes.append(Veto(id: id, name: name, effect: effect, scorer: scorer))
        }
        var ranking = Ranking(within: .category, tieBreak: [])
        if let node = top.value("ranking"), var m = MapReader(node, "'ranking'", &d) {
            if let w = m.text("within", &d) {
                if let scope = Ranking.Scope(rawValue: w) { ranking.within = scope }
                else { d.error(m.value("within")!.location, "ranking.within must be category or all, found '\(w)'") }
            }
            if let tb = m.value("tie_break"), !tb.isNull {
                for item in tb.sequence ?? [tb] {
                    guard let id = item.text, blockIDs.contains(id) else {
                        d.error(item.location, "tie_break names unknown block \(item.quoted) (expected one of: \(blocks.map(\.id).joined(separator: ", ")))")
                        continue
                    }
                    ranking.tieBreak.append(id)
                }
            }
            m.reportUnknownKeys(&d)
        }
        let meeting = meetingSettings(top.value("meeting"), &d)
        top.reportUnknownKeys(&d)
        var rubric = Rubric(assessment: info, categories: categories, organizations: organizations, blocks: blocks,
                            dimensions: dimensions, bonus: bonus, penalties: penalties, vetoes: vetoes, grades: grades,
                            ranking: ranking)
        rubric.meeting = meeting
        return rubric
    }

    /// A number, or a fraction written `1/3`.
    private static func fractionValue(_ m: inout MapReader, _ key: String, _ d: inout Diagnostics) -> Exact? {
        if let text = m.value(key)?.text, text.contains("/") {
            let parts = text.split(separator: "/").map { Exact(String($0).trimmingCharacters(in: .whitespaces)) }
            if parts.count == 2, let a = parts[0], let b = parts[1], b != .zero { return a / b }
            d.error(m.value(key)!.location, "\(key) 应为数或分数（如 1/3），实际为“\(text)”")
            return nil
        }
        return m.number(key, &d)
    }

    /// `meeting: {warnings: {yellow_fraction, stale_days, blue_days}}` (meeting.md §2).
    private static func meetingSettings(_ node: YAMLValue?, _ d: inout Diagnostics) -> MeetingSettings {
        var settings = MeetingSettings()
        guard let node, !node.isNull, var m = MapReader(node, "'meeting'", &d) else { return settings }
        if let warnings = m.value("warnings"), !warnings.isNull, var w = MapReader(warnings, "'meeting.warnings'", &d) {
            if let fraction = fractionValue(&w, "yellow_fraction", &d) {
                if fraction > .zero && fraction < .one { settings.yellowFraction = fraction }
                else { d.error(w.value("yellow_fraction")!.location, "yellow_fraction 应在 0 和 1 之间，实际为 \(fraction.decimalText())") }
            }
            for (key, path) in [("stale_days", \MeetingSettings.staleDays), ("blue_days", \MeetingSettings.blueDays)] {
                guard let days = w.integer(key, &d) else { continue }
                if days >= 0 { settings[keyPath: path] = days } else { d.error(w.value(key)!.location, "\(key) 不能为负数，实际为 \(days)") }
            }
            w.reportUnknownKeys(&d)
        }
        m.reportUnknownKeys(&d)
        return settings
    }

    private static func readSurvey(_ node: YAMLValue, block: String, _ d: inout Diagnostics) -> Survey? {
        guard var m = MapReader(node, "the survey of block '\(block)'", &d) else { return nil }
        var answers: [Survey.Answer] = []
        if let a = m.value("answers"), let pairs = a.mapping {
            for pair in pairs {
                let name = pair.key.text ?? ""
                if pair.value.isNull { answers.append(.init(name: name, value: nil)); continue }
                guard let v = pair.value.number, v >= .zero, v <= 100 else {
                    d.error(pair.value.location, "answer '\(name)' must have a score from 0 to 100 or null (not a valid vote), found \(pair.value.quoted)")
                    continue
                }
                answers.append(.init(name: name, value: v))
            }
        } else if m.has("answers") {
            d.error(m.value("answers")!.location, "survey answers must be a map of answer → score (or null)")
        }
        var groups: [Survey.Group] = []
        var ids = IDRegistry("rater group")
        readList(m.value("groups"), "the rater groups of '\(block)'", &d) { g, d in
            guard let id = g.text("id", required: true, &d), ids.register(id, at: g.location, &d) else { return }
            let weight = g.number("weight", required: true, &d) ?? .zero
            if !(weight > .zero) { d.error(g.value("weight")?.location ?? g.location, "rater group '\(id)' must have a weight above 0, found \(weight)") }
            groups.append(.init(id: id, name: g.text("name", &d) ?? id, weight: weight))
        }
        if groups.isEmpty { d.error(m.location, "survey block '\(block)' needs at least one rater group") }
        let trim = m.integer("trim", &d) ?? 0
        if trim < 0 { d.error(m.value("trim")!.location, "trim must not be negative, found \(trim)") }
        m.reportUnknownKeys(&d)
        return Survey(answers: answers, groups: groups, trim: max(trim, 0))
    }

    private static func readAdjustments(_ node: YAMLValue?, _ what: String, _ d: inout Diagnostics) -> AdjustmentRules {
        guard let node, !node.isNull, var m = MapReader(node, what, &d) else { return .none }
        let cap = m.number("cap", &d)
        if let cap, cap.isNegative { d.error(m.value("cap")!.location, "the cap of \(what) must not be negative, found \(cap)") }
        var items: [AdjustmentRules.Item] = []
        var ids = IDRegistry("\(what) item")
        readList(m.value("items"), "the items of \(what)", &d) { im, d in
            guard let id = im.text("id", required: true, &d), ids.register(id, at: im.location, &d) else { return }
            let points = im.number("points", required: true, &d) ?? .zero
            if points.isNegative { d.error(im.value("points")!.location, "item '\(id)' has negative points \(points) (penalties are written as positive points)") }
            let itemCap = im.number("cap", &d)
            if let c = itemCap, c.isNegative { d.error(im.value("cap")!.location, "item '\(id)' has a negative cap \(c)") }
            items.append(.init(id: id, name: im.text("name", &d) ?? id, points: points, cap: itemCap,
                               scorer: im.text("scorer", &d)))
        }
        m.reportUnknownKeys(&d)
        return AdjustmentRules(cap: cap, items: items)
    }

    /// `assessment.forms: {deadline, contact, phone, ballots}`.
    private static func formSettings(_ node: YAMLValue, _ d: inout Diagnostics) -> FormSettings {
        var settings = FormSettings()
        guard var m = MapReader(node, "'assessment.forms'", &d) else { return settings }
        settings.deadline = m.text("deadline", &d)
        settings.contact = m.text("contact", &d)
        settings.phone = m.text("phone", &d)
        if let ballots = m.integer("ballots", &d) {
            if (1...1000).contains(ballots) { settings.ballots = ballots }
            else { d.error(m.value("ballots")!.location, "'ballots' must be from 1 to 1000, found \(ballots)") }
        }
        m.reportUnknownKeys(&d)
        return settings
    }
}
