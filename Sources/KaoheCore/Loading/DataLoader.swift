import Foundation

/// Reads organization data files (§9): one YAML file per organization, or CSV with one row per
/// organization and indicator. Checks every reference against the rubric.
public enum DataLoader {
    /// Reads one YAML data file. (To read many, build one `RubricLookup` and use `loadYAML(_:file:lookup:diagnostics:)`:
    /// this builds the rubric's lookup for each call.)
    public static func loadYAML(
        _ text: String, file: String, rubric: Rubric,
        diagnostics d: inout Diagnostics
    ) -> OrganizationData? {
        loadYAML(text, file: file, lookup: RubricLookup(rubric), diagnostics: &d)
    }

    /// Reads one YAML data file, with the rubric's lookup built once for all files.
    public static func loadYAML(
        _ text: String, file: String, lookup: RubricLookup,
        diagnostics d: inout Diagnostics
    ) -> OrganizationData? {
        let rubric = lookup.rubric
        guard let root = YAMLValue.parse(text, file: file, diagnostics: &d) else { return nil }
        guard var m = MapReader(root, "the data file", &d) else { return nil }
        guard let typed = m.text("organization", required: true, &d) else { return nil }
        let orgLocation = m.value("organization")!.location
        guard let organization = organization(typed, at: orgLocation, lookup: lookup, &d) else { return nil }
        let orgID = organization.id
        var data = OrganizationData(
            organization: orgID, year: nil, indicators: [:], bonus: [], penalties: [],
            vetoes: [], surveys: [:], location: orgLocation)
        if let year = m.integer("year", &d) {
            data.year = year
            if year != rubric.assessment.year {
                d.error(m.value("year")!.location, Catalog.wrongYear(year, rubric.assessment.year))
            }
        }
        if let node = m.value("indicators"), !node.isNull {
            if let pairs = node.mapping {
                var given = [Bool](repeating: false, count: lookup.indicatorCount)
                for pair in pairs {
                    guard
                        let position = checkIndicator(
                            pair.key.text ?? "", at: pair.key.location, organization: organization,
                            lookup: lookup, &d)
                    else { continue }
                    let id = lookup.indicator(at: position).id
                    guard !given[position] else {
                        d.error(pair.key.location, Catalog.indicatorTwice(id, orgID))
                        continue
                    }
                    given[position] = true
                    data.indicators.append(id, indicatorEntry(pair.value, at: pair.key.location, &d))
                }
            } else {
                d.error(node.location, Catalog.indicatorsNotAMap())
            }
        }
        data.bonus = adjustments(m.value("bonus"), rules: rubric.bonus, what: "bonus", &d)
        data.penalties = adjustments(m.value("penalties"), rules: rubric.penalties, what: "penalty", &d)
        if let node = m.value("vetoes"), !node.isNull {
            for item in node.sequence ?? [node] {
                var id = item.text
                var note: String?
                var reviewedBy: String?
                if item.mapping != nil, var vm = MapReader(item, "a veto entry", &d) {
                    id = vm.text("id", required: true, &d)
                    note = vm.text("note", &d)
                    reviewedBy = vm.text("reviewed_by", &d)
                    vm.reportUnknownKeys(&d)
                }
                guard let id else { d.error(item.location, Catalog.vetoEntryShape()); continue }
                guard rubric.vetoes.contains(where: { $0.id == id }) else {
                    d.error(
                        item.location,
                        Catalog.unknownVeto(
                            id, Suggestion.didYouMean(id, in: rubric.vetoes.map(\.id)),
                            Suggestion.choices(rubric.vetoes.map { ($0.name, $0.id) })))
                    continue
                }
                if let first = data.vetoes.first(where: { $0.id == id }) {
                    d.warning(item.location, Catalog.vetoTwice(id, first.location.line))
                    continue
                }
                data.vetoes.append(VetoEntry(id: id, note: note, location: item.location, reviewedBy: reviewedBy))
            }
        }
        if let node = m.value("survey"), !node.isNull {
            readSurveys(node, rubric: rubric, into: &data, &d)
        }
        m.reportUnknownKeys(&d)
        if data.year == nil {
            d.warning(orgLocation, Catalog.noYear(rubric.assessment.year))
        }
        return data
    }

    /// The position in rubric order of indicator `id` when it exists and applies to `organization`; nil, reported,
    /// when not.
    static func checkIndicator(
        _ id: String, at location: SourceLocation, organization: Organization,
        lookup: RubricLookup, _ d: inout Diagnostics
    ) -> Int? {
        var found = lookup.position(ofIndicator: id)
        if found == nil, let named = lookup.rubric.indicators.first(where: { $0.name == id }) {
            d.warning(location, Catalog.indicatorByName(id, named.id))
            found = lookup.position(ofIndicator: named.id)
        }
        guard let position = found else {
            d.error(location, Catalog.unknownIndicator(id, Suggestion.didYouMean(id, in: lookup.rubric.indicators.map(\.id))))
            return nil
        }
        let indicator = lookup.indicator(at: position)
        guard indicator.applies(to: organization.id) else {
            let names = indicator.appliesTo!.sorted().map { id in (lookup.organization(id)?.name ?? id, id) }
            d.error(location, Catalog.indicatorDoesNotApply(indicator.id, organization.id, Suggestion.choices(names)))
            return nil
        }
        return position
    }

    /// The organization a data file names by id — or by its name, with a warning; nil, reported, when neither.
    static func organization(
        _ typed: String, at location: SourceLocation, lookup: RubricLookup,
        _ d: inout Diagnostics
    ) -> Organization? {
        if let found = lookup.organization(typed) { return found }
        let rubric = lookup.rubric
        if let named = rubric.organizations.first(where: { $0.name == typed }) {
            d.warning(location, Catalog.organizationByName(typed, named.id))
            return named
        }
        d.error(
            location,
            Catalog.unknownOrganization(
                typed, Suggestion.didYouMean(typed, in: rubric.organizations.map(\.id)),
                Suggestion.choices(rubric.organizations.map { ($0.name, $0.id) })))
        return nil
    }

    /// Whether `key` is one of the keys of an indicator entry's long form (`{value: …, self: …}`).
    private static func isEntryKey(_ key: String?) -> Bool {
        switch key {
        case "value", "self", "evidence", "note", "claimed", "review_note", "reviewed_by": true
        default: false
        }
    }

    /// The long form `{value, self, evidence, note, claimed, review_note, reviewed_by}` or a bare value.
    static func indicatorEntry(_ node: YAMLValue, at location: SourceLocation, _ d: inout Diagnostics) -> IndicatorEntry {
        if let pairs = node.mapping, pairs.contains(where: { isEntryKey($0.key.text) }) {
            // Most entries are well formed and read in one pass; the map reader takes the others and says what is
            // wrong with them.
            if let entry = wellFormedEntry(pairs, at: location) { return entry }
            var m = MapReader(node, "an indicator entry", &d)!
            let value = m.value("value").flatMap { $0.isNull ? nil : DataValue($0) }
            let selfScore = m.number("self", &d)
            let evidence = m.value("evidence").map(texts) ?? []
            let note = m.text("note", &d)
            var entry = IndicatorEntry(value: value, selfScore: selfScore, evidence: evidence, note: note, location: location)
            entry.claimed = m.value("claimed").flatMap { $0.isNull ? nil : DataValue($0) }
            entry.reviewNote = m.text("review_note", &d)
            entry.reviewedBy = m.text("reviewed_by", &d)
            m.reportUnknownKeys(&d)
            return entry
        }
        return IndicatorEntry(
            value: node.isNull ? nil : DataValue(node), selfScore: nil, evidence: [], note: nil,
            location: location)
    }

    /// The long form read directly when it has only known keys with well-typed values (what the map reader would
    /// read without a word), else nil. Keys are unique: the YAML reader rejects duplicates.
    private static func wellFormedEntry(
        _ pairs: [(key: YAMLValue, value: YAMLValue)],
        at location: SourceLocation
    ) -> IndicatorEntry? {
        var entry = IndicatorEntry(value: nil, selfScore: nil, evidence: [], note: nil, location: location)
        for (key, value) in pairs {
            switch key.text {
            case "value":
                entry.value = value.isNull ? nil : DataValue(value)
            case "self":
                guard !value.isNull else { continue }
                guard let number = value.number else { return nil }
                entry.selfScore = number
            case "evidence":
                entry.evidence = texts(value)
            case "note", "review_note", "reviewed_by":
                guard !value.isNull else { continue }
                guard let text = value.text, !text.isEmpty else { return nil }
                switch key.text {
                case "note": entry.note = text
                case "review_note": entry.reviewNote = text
                default: entry.reviewedBy = text
                }
            case "claimed":
                entry.claimed = value.isNull ? nil : DataValue(value)
            default:
                return nil
            }
        }
        return entry
    }

    /// 加分 / bonus, 扣分 / penalty.
    static func kind(_ what: String) -> Message {
        what == "bonus" ? Catalog.list(.plain("bonus"), .plain("加分")) : Catalog.list(.plain("penalty"), .plain("扣分"))
    }

    static func texts(_ node: YAMLValue) -> [String] {
        if let list = node.sequence { return list.compactMap(\.text) }
        return node.text.map { [$0] } ?? []
    }

    private static func adjustments(
        _ node: YAMLValue?, rules: AdjustmentRules, what: String,
        _ d: inout Diagnostics
    ) -> [AdjustmentEntry] {
        guard let node, !node.isNull else { return [] }
        var out: [AdjustmentEntry] = []
        for item in node.sequence ?? [node] {
            var entry = AdjustmentEntry(item: item.text ?? "", count: 1, note: nil, evidence: [], location: item.location)
            if item.mapping != nil, var m = MapReader(item, "a \(what) entry", &d) {
                entry.item = m.text("item", required: true, &d) ?? ""
                if let c = m.number("count", &d) {
                    if c.isNegative || !(c < 1_000_000_000) {
                        d.error(m.value("count")!.location, Catalog.adjustmentCount(Self.kind(what), entry.item, c.decimalText()))
                    }
                    entry.count = c
                }
                entry.note = m.text("note", &d)
                entry.evidence = m.value("evidence").map(texts) ?? []
                entry.claimed = m.number("claimed", &d)
                entry.reviewNote = m.text("review_note", &d)
                entry.reviewedBy = m.text("reviewed_by", &d)
                m.reportUnknownKeys(&d)
            }
            guard rules.items.contains(where: { $0.id == entry.item }) else {
                d.error(
                    item.location,
                    Catalog.unknownAdjustmentItem(
                        Self.kind(what), entry.item, Suggestion.didYouMean(entry.item, in: rules.items.map(\.id)),
                        Suggestion.choices(rules.items.map { ($0.name, $0.id) })))
                continue
            }
            out.append(entry)
        }
        return out
    }

    private static func readSurveys(
        _ node: YAMLValue, rubric: Rubric, into data: inout OrganizationData,
        _ d: inout Diagnostics
    ) {
        let surveyBlocks = rubric.blocks.filter { $0.source == .survey }
        guard let pairs = node.mapping else {
            d.error(node.location, Catalog.surveyNotAMap())
            return
        }
        if surveyBlocks.count == 1 {
            data.surveys[surveyBlocks[0].id] = groups(node, block: surveyBlocks[0], &d)
            return
        }
        for pair in pairs {
            let id = pair.key.text ?? ""
            guard let block = surveyBlocks.first(where: { $0.id == id }) else {
                d.error(
                    pair.key.location,
                    Catalog.unknownSurveyBlock(
                        id, Suggestion.didYouMean(id, in: surveyBlocks.map(\.id)),
                        Suggestion.choices(surveyBlocks.map { ($0.name, $0.id) })))
                continue
            }
            data.surveys[id] = groups(pair.value, block: block, &d)
        }
    }

    private static func groups(_ node: YAMLValue, block: Block, _ d: inout Diagnostics) -> [String: SurveyVotes] {
        guard let survey = block.survey, let pairs = node.mapping else {
            d.error(node.location, Catalog.blockSurveyNotAMap(block.id))
            return [:]
        }
        var out: [String: SurveyVotes] = [:]
        for pair in pairs {
            let id = pair.key.text ?? ""
            guard survey.groups.contains(where: { $0.id == id }) else {
                d.error(
                    pair.key.location,
                    Catalog.unknownGroup(
                        id, Suggestion.didYouMean(id, in: survey.groups.map(\.id)),
                        Suggestion.choices(survey.groups.map { ($0.name, $0.id) })))
                continue
            }
            if let votes = votes(pair.value, survey: survey, group: id, &d) { out[id] = votes }
        }
        return out
    }

    /// Counts per answer, or a list of numeric ballots from 0 to 100.
    static func votes(_ node: YAMLValue, survey: Survey, group: String, _ d: inout Diagnostics) -> SurveyVotes? {
        if let list = node.sequence {
            var scores: [Exact] = []
            for item in list {
                guard let n = item.number, n >= .zero, n <= 100 else {
                    d.error(item.location, Catalog.ballotRange(group, item.quoted))
                    continue
                }
                scores.append(n)
            }
            return .scores(scores)
        }
        if let pairs = node.mapping {
            var counts: [(String, Exact)] = []
            for pair in pairs {
                let answer = pair.key.text ?? ""
                guard survey.answers.contains(where: { $0.name == answer }) else {
                    d.error(
                        pair.key.location,
                        Catalog.unknownAnswer(
                            answer, group, Suggestion.didYouMean(answer, in: survey.answers.map(\.name)),
                            Suggestion.choices(survey.answers.map { ($0.name, $0.name) })))
                    continue
                }
                guard let n = pair.value.number, !n.isNegative, n.isInteger, n < 1_000_000_000 else {
                    d.error(pair.value.location, Catalog.answerCount(answer, group, pair.value.quoted))
                    continue
                }
                counts.append((answer, n))
            }
            return .counts(counts)
        }
        if node.isNull { return .counts([]) }
        d.error(node.location, Catalog.votesShape(group, node.quoted))
        return nil
    }
}
