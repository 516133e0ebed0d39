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
        readVersion(&top, &d)
        let info = readAssessment(&top, &d)
        let (categories, organizations, organizationIDs) = readOrganizations(&top, &d)
        let (blocks, blockIDs) = readBlocks(&top, total: info.total, &d)
        let dimensions = readDimensions(&top, organizations: organizations, organizationIDs: organizationIDs, &d)
        let bonus = readAdjustments(top.value("bonus"), "'bonus'", &d)
        let penalties = readAdjustments(top.value("penalties"), "'penalties'", &d)
        let (grades, gradeNames) = readGrades(&top, &d)
        let vetoes = readVetoes(&top, grades: grades, gradeNames: gradeNames, &d)
        let ranking = readRanking(&top, blocks: blocks, blockIDs: blockIDs, &d)
        let meeting = meetingSettings(top.value("meeting"), &d)
        top.reportUnknownKeys(&d)
        var rubric = Rubric(
            assessment: info, categories: categories, organizations: organizations, blocks: blocks,
            dimensions: dimensions, bonus: bonus, penalties: penalties, vetoes: vetoes, grades: grades,
            ranking: ranking)
        rubric.meeting = meeting
        return rubric
    }

    /// `kaohe: 1`, the format's version.
    private static func readVersion(_ top: inout MapReader, _ d: inout Diagnostics) {
        switch top.integer("kaohe", &d) {
        case 1?: break
        case nil: d.error(top.location, Catalog.needsFormatVersion())
        case let v?: d.error(top.value("kaohe")!.location, Catalog.unsupportedVersion(v))
        }

    }

    /// `assessment`: id, title, year, issuer, basis, decimals, total, forms, as_of.
    private static func readAssessment(_ top: inout MapReader, _ d: inout Diagnostics) -> AssessmentInfo {
        var info = AssessmentInfo(id: "", title: "", year: 0, issuer: nil, basis: nil, decimals: 2, total: 100)
        if let node = top.value("assessment"), var m = MapReader(node, "'assessment'", &d) {
            info.id = m.text("id", required: true, &d) ?? ""
            if let problem = OutputNaming.fileNameProblem(info.id) {
                d.error(m.value("id")!.location, Catalog.assessmentIDName(problem, info.id))
            }
            info.title = m.text("title", required: true, &d) ?? ""
            info.year = m.integer("year", required: true, &d) ?? 0
            info.issuer = m.text("issuer", &d)
            info.basis = m.text("basis", &d)
            if let places = m.integer("decimals", &d) {
                if (0...6).contains(places) { info.decimals = places } else { d.error(m.value("decimals")!.location, Catalog.decimalsRange(places)) }
            }
            if let total = m.number("total", &d) {
                if total > .zero { info.total = total } else { d.error(m.value("total")!.location, Catalog.totalAboveZero(total)) }
            }
            if let forms = m.value("forms"), !forms.isNull { info.forms = formSettings(forms, &d) }
            if let node = m.value("as_of"), !node.isNull { info.asOf = LedgerLoader.date(node, &d) }
            m.reportUnknownKeys(&d)
        } else {
            d.error(top.location, Catalog.needsAssessment())
        }

        return info
    }

    /// `categories` and `organizations`, each organization in a known category (one category `all` when none
    /// is given).
    private static func readOrganizations(
        _ top: inout MapReader, _ d: inout Diagnostics
    ) -> ([Category], [Organization], IDRegistry) {
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
                d.error(m.value("id")!.location, Catalog.organizationIDName(problem, id))
            }
            let name = m.text("name", &d) ?? id
            var category = m.text("category", &d)
            if let c = category, !categoryIDs.contains(c) {
                d.error(
                    m.value("category")!.location,
                    Catalog.unknownCategory(id, c, Suggestion.choices(categories.map { ($0.name, $0.id) })))
            }
            if category == nil {
                if categories.count == 1 {
                    category = categories[0].id
                } else if !categories.isEmpty {
                    d.error(m.location, Catalog.needsCategory(id, Suggestion.choices(categories.map { ($0.name, $0.id) })))
                }
            }
            organizations.append(Organization(id: id, name: name, category: category ?? "", location: m.location))
        }
        if organizations.isEmpty { d.error(top.location, Catalog.noOrganizations()) }
        if categories.isEmpty {
            categories = [Category(id: "all", name: "全部")]
            for i in organizations.indices where organizations[i].category.isEmpty { organizations[i].category = "all" }
        }

        return (categories, organizations, organizationIDs)
    }

    /// `blocks`: exactly one of indicators, weights summing to the total.
    private static func readBlocks(_ top: inout MapReader, total: Exact, _ d: inout Diagnostics) -> ([Block], IDRegistry) {
        var blocks: [Block] = []
        var blockIDs = IDRegistry("block")
        readList(top.value("blocks"), "'blocks'", &d) { m, d in
            guard let id = m.text("id", required: true, &d), blockIDs.register(id, at: m.location, &d) else { return }
            let name = m.text("name", &d) ?? id
            let weight = m.number("weight", required: true, &d) ?? .zero
            if weight.isNegative { d.error(m.value("weight")!.location, Catalog.negativeBlockWeight(id, weight)) }
            let sourceText = m.text("source", required: true, &d) ?? "indicators"
            guard let source = Block.Source(rawValue: sourceText) else {
                d.error(m.value("source")!.location, Catalog.unknownSource(id, sourceText))
                return
            }
            var survey: Survey?
            if source == .survey {
                if let node = m.value("survey") { survey = readSurvey(node, block: id, &d) } else { d.error(m.location, Catalog.needsSurvey(id)) }
            }
            blocks.append(Block(id: id, name: name, weight: weight, source: source, survey: survey, location: m.location))
        }
        let indicatorBlocks = blocks.filter { $0.source == .indicators }
        if indicatorBlocks.count != 1 {
            d.error(
                top.keyLocation("blocks") ?? top.location,
                Catalog.oneIndicatorBlock(indicatorBlocks.count))
        }
        let blockSum = blocks.map(\.weight).sum()
        if !blocks.isEmpty, blockSum != total {
            d.error(
                top.keyLocation("blocks")!,
                Catalog.blockSum(blockSum, total))
        }

        return (blocks, blockIDs)
    }

    /// `dimensions` with their indicators; every organization has an indicator in every dimension (§5.2).
    private static func readDimensions(
        _ top: inout MapReader, organizations: [Organization], organizationIDs: IDRegistry, _ d: inout Diagnostics
    ) -> [Dimension] {
        var dimensions: [Dimension] = []
        var dimensionIDs = IDRegistry("dimension")
        var indicatorIDs = IDRegistry("indicator")
        readList(top.value("dimensions"), "'dimensions'", &d) { m, d in
            guard let id = m.text("id", required: true, &d), dimensionIDs.register(id, at: m.location, &d) else { return }
            let name = m.text("name", &d) ?? id
            let points = m.number("points", required: true, &d) ?? .zero
            if !(points > .zero) { d.error(m.value("points")?.location ?? m.location, Catalog.dimensionPoints(id, points)) }
            var indicators: [Indicator] = []
            readList(m.value("indicators"), "the indicators of '\(id)'", &d) { im, d in
                if let indicatorID = im.value("id")?.text, !indicatorIDs.register(indicatorID, at: im.location, &d) { return }
                guard let ind = readIndicator(&im, dimension: id, organizations: organizationIDs, &d) else { return }
                indicators.append(ind)
            }
            if indicators.isEmpty { d.error(m.location, Catalog.dimensionEmpty(id)) }
            // Every organization must have something to be scored on in every dimension (§5.2).
            for org in organizations where !indicators.isEmpty && !indicators.contains(where: { $0.applies(to: org.id) }) {
                d.error(m.location, Catalog.dimensionNotApplicable(id, org.id))
            }
            dimensions.append(Dimension(id: id, name: name, points: points, indicators: indicators, location: m.location))
        }
        if dimensions.isEmpty { d.error(top.location, Catalog.needsDimensions()) }

        return dimensions
    }

    /// `grades`, from the top; only the last without `min`, the minimums falling.
    private static func readGrades(_ top: inout MapReader, _ d: inout Diagnostics) -> ([Grade], IDRegistry) {
        var grades: [Grade] = []
        var gradeNames = IDRegistry("grade")
        readList(top.value("grades"), "'grades'", &d) { m, d in
            guard let name = m.text("name", required: true, &d), gradeNames.register(name, at: m.location, &d) else { return }
            let minimum = m.number("min", &d)
            let quota = m.number("quota", &d)
            if let q = quota, !(q > .zero && q <= .one) {
                d.error(m.value("quota")!.location, Catalog.quotaRange(name, q))
            }
            var rounding = Grade.QuotaRounding.floor
            if let r = m.text("quota_rounding", &d) {
                if let v = Grade.QuotaRounding(rawValue: r) {
                    rounding = v
                } else {
                    d.error(m.value("quota_rounding")!.location, Catalog.quotaRounding(r))
                }
            }
            var ties = Grade.QuotaTies.exclude
            if let t = m.text("quota_ties", &d) {
                if let v = Grade.QuotaTies(rawValue: t) { ties = v } else { d.error(m.value("quota_ties")!.location, Catalog.quotaTies(t)) }
            }
            grades.append(Grade(name: name, minimum: minimum, quota: quota, quotaRounding: rounding, quotaTies: ties))
        }
        if grades.isEmpty {
            d.error(top.location, Catalog.needsGrades())
        } else {
            if grades.last!.minimum != nil {
                d.error(top.keyLocation("grades")!, Catalog.lastGradeMin(grades.last!.name))
            }
            let mins = grades.compactMap(\.minimum)
            if zip(mins, mins.dropFirst()).contains(where: { !($0.0 > $0.1) }) {
                d.error(top.keyLocation("grades")!, Catalog.gradeMinOrder(mins.map(\.description).joined(separator: ", ")))
            }
        }
        return (grades, gradeNames)
    }

    /// `vetoes`, each with one effect naming a known grade.
    private static func readVetoes(_ top: inout MapReader, grades: [Grade], gradeNames: IDRegistry, _ d: inout Diagnostics) -> [Veto] {
        var vetoes: [Veto] = []
        var vetoIDs = IDRegistry("veto")
        readList(top.value("vetoes"), "'vetoes'", &d) { m, d in
            guard let id = m.text("id", required: true, &d), vetoIDs.register(id, at: m.location, &d) else { return }
            let name = m.text("name", &d) ?? id
            let scorer = m.text("scorer", &d)
            guard let node = m.value("effect"), var e = MapReader(node, "the effect of veto '\(id)'", &d) else {
                if !m.has("effect") { d.error(m.location, Catalog.vetoNeedsEffect(id)) }
                return
            }
            var effect: Veto.Effect?
            if let g = e.text("grade", &d) { effect = .grade(g) }
            if let k = e.integer("demote", &d) {
                if k < 1 { d.error(e.value("demote")!.location, Catalog.demoteAtLeastOne(k)) }
                effect = .demote(k)
            }
            if let g = e.text("max_grade", &d) { effect = .maxGrade(g) }
            e.reportUnknownKeys(&d)
            for key in ["grade", "max_grade"] {
                if let g = e.value(key)?.text, !gradeNames.contains(g) {
                    d.error(e.value(key)!.location, Catalog.vetoUnknownGrade(id, g, Suggestion.choices(grades.map { ($0.name, $0.name) })))
                }
            }
            guard let effect else {
                d.error(node.location, Catalog.vetoEffectKind(id))
                return
            }
            vetoes.append(Veto(id: id, name: name, effect: effect, scorer: scorer))
        }
        return vetoes
    }

    /// `ranking`: within categories or all, and the blocks that break ties.
    private static func readRanking(_ top: inout MapReader, blocks: [Block], blockIDs: IDRegistry, _ d: inout Diagnostics) -> Ranking {
        var ranking = Ranking(within: .category, tieBreak: [])
        if let node = top.value("ranking"), var m = MapReader(node, "'ranking'", &d) {
            if let w = m.text("within", &d) {
                if let scope = Ranking.Scope(rawValue: w) {
                    ranking.within = scope
                } else {
                    d.error(m.value("within")!.location, Catalog.rankingWithin(w))
                }
            }
            if let tb = m.value("tie_break"), !tb.isNull {
                for item in tb.sequence ?? [tb] {
                    guard let id = item.text, blockIDs.contains(id) else {
                        d.error(item.location, Catalog.tieBreakBlock(item.quoted, Suggestion.choices(blocks.map { ($0.name, $0.id) })))
                        continue
                    }
                    ranking.tieBreak.append(id)
                }
            }
            m.reportUnknownKeys(&d)
        }
        return ranking
    }

    /// A number, or a fraction written `1/3`.
    private static func fractionValue(_ m: inout MapReader, _ key: String, _ d: inout Diagnostics) -> Exact? {
        if let text = m.value(key)?.text, text.contains("/") {
            let parts = text.split(separator: "/").map { Exact(String($0).trimmingCharacters(in: .whitespaces)) }
            if parts.count == 2, let a = parts[0], let b = parts[1], b != .zero { return a / b }
            d.error(m.value(key)!.location, Catalog.expectsFraction(key, text))
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
                if fraction > .zero && fraction < .one {
                    settings.yellowFraction = fraction
                } else {
                    d.error(w.value("yellow_fraction")!.location, Catalog.yellowFractionRange(fraction.decimalText()))
                }
            }
            for (key, path) in [("stale_days", \MeetingSettings.staleDays), ("blue_days", \MeetingSettings.blueDays)] {
                guard let days = w.integer(key, &d) else { continue }
                if days >= 0 { settings[keyPath: path] = days } else { d.error(w.value(key)!.location, Catalog.notNegative(key, days)) }
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
                    d.error(pair.value.location, Catalog.answerScore(name, pair.value.quoted))
                    continue
                }
                answers.append(.init(name: name, value: v))
            }
        } else if m.has("answers") {
            d.error(m.value("answers")!.location, Catalog.answersShape())
        }
        var groups: [Survey.Group] = []
        var ids = IDRegistry("rater group")
        readList(m.value("groups"), "the rater groups of '\(block)'", &d) { g, d in
            guard let id = g.text("id", required: true, &d), ids.register(id, at: g.location, &d) else { return }
            let weight = g.number("weight", required: true, &d) ?? .zero
            if !(weight > .zero) { d.error(g.value("weight")?.location ?? g.location, Catalog.groupWeight(id, weight)) }
            groups.append(.init(id: id, name: g.text("name", &d) ?? id, weight: weight))
        }
        if groups.isEmpty { d.error(m.location, Catalog.needsGroups(block)) }
        let trim = m.integer("trim", &d) ?? 0
        if trim < 0 { d.error(m.value("trim")!.location, Catalog.trimNegative(trim)) }
        m.reportUnknownKeys(&d)
        return Survey(answers: answers, groups: groups, trim: max(trim, 0))
    }

    private static func readAdjustments(_ node: YAMLValue?, _ what: String, _ d: inout Diagnostics) -> AdjustmentRules {
        guard let node, !node.isNull, var m = MapReader(node, what, &d) else { return .none }
        let cap = m.number("cap", &d)
        if let cap, cap.isNegative { d.error(m.value("cap")!.location, Catalog.capNegative(what, cap)) }
        var items: [AdjustmentRules.Item] = []
        var ids = IDRegistry("\(what) item")
        readList(m.value("items"), "the items of \(what)", &d) { im, d in
            guard let id = im.text("id", required: true, &d), ids.register(id, at: im.location, &d) else { return }
            let points = im.number("points", required: true, &d) ?? .zero
            if points.isNegative { d.error(im.value("points")!.location, Catalog.itemNegativePoints(id, points)) }
            let itemCap = im.number("cap", &d)
            if let c = itemCap, c.isNegative { d.error(im.value("cap")!.location, Catalog.itemNegativeCap(id, c)) }
            items.append(
                .init(
                    id: id, name: im.text("name", &d) ?? id, points: points, cap: itemCap,
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
            if (1...1000).contains(ballots) {
                settings.ballots = ballots
            } else {
                d.error(m.value("ballots")!.location, Catalog.ballotsRange(ballots))
            }
        }
        m.reportUnknownKeys(&d)
        return settings
    }
}
