import OrderedCollections
import Foundation

/// Reads organization data in the CSV form (§9, §11):
/// `organization,indicator,value,self,evidence,note`, one row per organization and indicator, where
/// `indicator` may also be `survey:<group>`, `bonus:<item>`, `penalty:<item>` or `veto:<id>`.
public enum CSVDataLoader {
    static let columns = ["organization", "indicator", "value", "self", "evidence", "note"]
    // An optional `year` column is checked like `year:` in YAML (§12); optional `claimed`, `review_note` and
    // `reviewed_by` columns carry a verification (forms.md §5).

    /// Reads a CSV file; returns one data set per organization in it.
    public static func load(
        _ text: String, file: String, rubric: Rubric,
        diagnostics d: inout Diagnostics
    ) -> [OrganizationData] {
        load(text, file: file, lookup: RubricLookup(rubric), diagnostics: &d)
    }

    /// Reads a CSV file, with the rubric's lookup built once for all files.
    public static func load(
        _ text: String, file: String, lookup: RubricLookup,
        diagnostics d: inout Diagnostics
    ) -> [OrganizationData] {
        let rubric = lookup.rubric
        let (rows, unclosed) = parse(text)
        if let line = unclosed {
            d.error(SourceLocation(file: file, line: line), Catalog.unclosedQuote())
            return []
        }
        guard let header = rows.first else {
            d.error(SourceLocation(file: file, line: 1), Catalog.emptyCSV(columns.joined(separator: ",")))
            return []
        }
        var index: [String: Int] = [:]
        for (i, name) in header.cells.enumerated() { index[name.trimmingCharacters(in: .whitespaces).lowercased()] = i }
        let missing = columns.prefix(3).filter { index[$0] == nil }
        if !missing.isEmpty {
            d.error(
                SourceLocation(file: file, line: header.line), Catalog.csvHeaderLacks(missing.joined(separator: ", "), columns.joined(separator: ","))
            )
            return []
        }
        // One organization's rows may be anywhere in the file; its data comes out where its first row is.
        var byOrganization: OrderedDictionary<String, OrganizationData> = [:]
        for row in rows.dropFirst() where !row.cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            let r = Fields(row: row, index: index, file: file)
            guard let organization = DataLoader.organization(r.cell("organization"), at: r.at("organization"), lookup: lookup, &d) else {
                continue
            }
            let orgID = organization.id
            if byOrganization[orgID] == nil {
                byOrganization[orgID] = OrganizationData(
                    organization: orgID, year: nil, indicators: [:], bonus: [],
                    penalties: [], vetoes: [], surveys: [:], location: r.here)
            }
            var data = byOrganization[orgID]!
            if !r.cell("year").isEmpty {
                if let year = Int(r.cell("year")) {
                    if year != rubric.assessment.year {
                        d.error(r.at("year"), Catalog.csvWrongYear(year, rubric.assessment.year))
                    }
                    data.year = year
                } else {
                    d.error(r.at("year"), Catalog.csvYearColumn(rubric.assessment.year, r.cell("year")))
                }
            }
            // The value cell read as YAML (`[92, 88]`, `{满意: 30}`), or as text when it is not YAML.
            let value = yamlValue(r.cell("value"), at: r.at("value"), &d)
            let key = r.cell("indicator")
            let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
            switch parts.count == 2 ? parts[0] : "" {
            case "survey": readSurvey(key, group: parts[1], value, r, into: &data, rubric: rubric, &d)
            case "bonus", "penalty": readAdjustment(key, kind: parts[0], item: parts[1], value, r, into: &data, rubric: rubric, &d)
            case "veto": readVeto(parts[1], r, into: &data, rubric: rubric, &d)
            default: readIndicator(key, value, r, into: &data, organization: organization, lookup: lookup, &d)
            }
            byOrganization[orgID] = data
        }
        if !byOrganization.isEmpty, !byOrganization.values.contains(where: { $0.year != nil }) {
            d.warning(SourceLocation(file: file, line: header.line), Catalog.csvNoYear(rubric.assessment.year))
        }
        return Array(byOrganization.values)
    }

    /// One data row's cells by column name and where each is, with the note and evidence read from them.
    private struct Fields {
        let row: Row
        let index: [String: Int]
        let file: String
        let note: String?
        let evidence: [String]

        init(row: Row, index: [String: Int], file: String) {
            self.row = row
            self.index = index
            self.file = file
            let note = Self.text(row, index, "note")
            self.note = note.isEmpty ? nil : note
            evidence = Self.text(row, index, "evidence").split(whereSeparator: { $0 == ";" || $0 == "；" })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        private static func text(_ row: Row, _ index: [String: Int], _ name: String) -> String {
            guard let i = index[name], i < row.cells.count else { return "" }
            return row.cells[i].trimmingCharacters(in: .whitespaces)
        }

        /// The row, for a problem with the row as a whole.
        var here: SourceLocation { SourceLocation(file: file, line: row.line) }

        /// The cell of column `name`, so that a problem points at it (file:line:column).
        func at(_ name: String) -> SourceLocation { row.location(index[name], file: file) }

        func cell(_ name: String) -> String { Self.text(row, index, name) }
    }

    /// `survey:group` (`survey:block.group` when there are several survey blocks): the group's votes.
    private static func readSurvey(
        _ key: String, group named: String, _ value: YAMLValue, _ r: Fields, into data: inout OrganizationData, rubric: Rubric, _ d: inout Diagnostics
    ) {
        let surveyBlocks = rubric.blocks.filter { $0.source == .survey }
        var blockID = surveyBlocks.first?.id
        var group = named
        if surveyBlocks.count > 1, let dot = group.firstIndex(of: ".") {
            blockID = String(group[..<dot])
            group = String(group[group.index(after: dot)...])
        }
        guard let block = surveyBlocks.first(where: { $0.id == blockID }), let survey = block.survey else {
            d.error(r.at("indicator"), Catalog.csvNoSurveyBlock(key))
            return
        }
        guard survey.groups.contains(where: { $0.id == group }) else {
            d.error(
                r.at("indicator"),
                Catalog.unknownGroup(
                    group, Suggestion.didYouMean(group, in: survey.groups.map(\.id)), Suggestion.choices(survey.groups.map { ($0.name, $0.id) })))
            return
        }
        if let votes = DataLoader.votes(value, survey: survey, group: group, &d) { data.surveys[block.id, default: [:]][group] = votes }
    }

    /// `bonus:item` or `penalty:item`: one claim, its count the value (1 when blank).
    private static func readAdjustment(
        _ key: String, kind: String, item: String, _ value: YAMLValue, _ r: Fields, into data: inout OrganizationData, rubric: Rubric,
        _ d: inout Diagnostics
    ) {
        let isBonus = kind == "bonus"
        let rules = isBonus ? rubric.bonus : rubric.penalties
        guard rules.items.contains(where: { $0.id == item }) else {
            d.error(
                r.at("indicator"),
                Catalog.unknownAdjustmentItem(
                    DataLoader.kind(kind), item, Suggestion.didYouMean(item, in: rules.items.map(\.id)),
                    Suggestion.choices(rules.items.map { ($0.name, $0.id) })))
            return
        }
        var count: Exact = 1
        if !r.cell("value").isEmpty {
            if let c = value.number, !c.isNegative, c < 1_000_000_000 {
                count = c
            } else {
                d.error(r.at("value"), Catalog.csvAdjustmentCount(key, r.cell("value")))
            }
        }
        let entry = AdjustmentEntry(item: item, count: count, note: r.note, evidence: r.evidence, location: r.here)
        if isBonus { data.bonus.append(entry) } else { data.penalties.append(entry) }
    }

    /// `veto:id`: a veto reported.
    private static func readVeto(_ id: String, _ r: Fields, into data: inout OrganizationData, rubric: Rubric, _ d: inout Diagnostics) {
        guard rubric.vetoes.contains(where: { $0.id == id }) else {
            d.error(
                r.at("indicator"),
                Catalog.unknownVeto(
                    id, Suggestion.didYouMean(id, in: rubric.vetoes.map(\.id)), Suggestion.choices(rubric.vetoes.map { ($0.name, $0.id) })))
            return
        }
        data.vetoes.append(VetoEntry(id: id, note: r.note, location: r.here))
    }

    /// An indicator (by id, or by name with a warning): its value, self-score, evidence, note and verification.
    private static func readIndicator(
        _ written: String, _ node: YAMLValue, _ r: Fields, into data: inout OrganizationData, organization: Organization, lookup: RubricLookup,
        _ d: inout Diagnostics
    ) {
        guard let position = DataLoader.checkIndicator(written, at: r.at("indicator"), organization: organization, lookup: lookup, &d) else {
            return
        }
        let key = lookup.indicator(at: position).id
        if data.indicators[key] != nil {
            d.error(r.at("indicator"), Catalog.indicatorTwice(key, organization.id))
            return
        }
        var selfScore: Exact?
        if !r.cell("self").isEmpty {
            selfScore = Exact(r.cell("self"))
            if selfScore == nil { d.error(r.at("self"), Catalog.csvSelfScore(key, r.cell("self"))) }
        }
        let value: DataValue? = r.cell("value").isEmpty ? nil : DataValue(node)
        var entry = IndicatorEntry(value: value, selfScore: selfScore, evidence: r.evidence, note: r.note, location: r.at("value"))
        if !r.cell("claimed").isEmpty { entry.claimed = DataValue(yamlValue(r.cell("claimed"), at: r.at("claimed"), &d)) }
        entry.reviewNote = r.cell("review_note").isEmpty ? nil : r.cell("review_note")
        entry.reviewedBy = r.cell("reviewed_by").isEmpty ? nil : r.cell("reviewed_by")
        data.indicators[key] = entry
    }

    /// A cell read as a YAML value (numbers, booleans, `[92, 88]`, `{满意: 30}`), or as text when it is not YAML.
    private static func yamlValue(_ text: String, at location: SourceLocation, _ d: inout Diagnostics) -> YAMLValue {
        if case .success(var value) = YAMLValue.parse(text, file: location.file) {
            value.relocate(to: location)
            value.enforceNumberLimits(&d)
            return value
        }
        return YAMLValue(kind: .scalar(text, plain: false), location: location)
    }

    struct Row {
        var cells: [String]
        var line: Int
        /// Where each cell starts: its line (a quoted cell before it may hold line breaks) and column (1-based).
        var starts: [(line: Int, column: Int)] = []

        /// The location of cell `i` in `file` (the row's start when there is no such cell).
        func location(_ i: Int?, file: String) -> SourceLocation {
            guard let i, i < starts.count else { return SourceLocation(file: file, line: line) }
            return SourceLocation(file: file, line: starts[i].line, column: starts[i].column)
        }
    }

    /// RFC 4180 parsing with quoted fields, doubled quotes and line breaks inside quotes; a BOM is dropped. Also
    /// returns the line where a quote was opened and never closed, if one was.
    static func parse(_ text: String) -> (rows: [Row], unclosedQuoteLine: Int?) {
        var rows: [Row] = []
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var line = 1
        var rowLine = 1
        var chars = Array(text)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        var quoteLine = 0
        var column = 1
        var starts: [(line: Int, column: Int)] = [(1, 1)]
        while i < chars.count {
            let ch = chars[i]
            if quoted {
                if ch == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { cell.append("\""); i += 1 } else { quoted = false }
                } else {
                    if ch == "\n" || ch == "\r\n" {
                        line += 1
                        column = 0
                    }
                    cell.append(ch)
                }
            } else {
                switch ch {
                case "\"":
                    quoted = true
                    quoteLine = line
                case ",":
                    cells.append(cell)
                    cell = ""
                    starts.append((line, column + 1))
                case "\n", "\r\n", "\r":
                    cells.append(cell)
                    cell = ""
                    rows.append(Row(cells: cells, line: rowLine, starts: starts))
                    cells = []
                    line += 1
                    rowLine = line
                    column = 0
                    starts = [(line, 1)]
                default: cell.append(ch)
                }
            }
            // Columns count characters, as an editor shows them (a CJK character is one).
            column += 1
            i += 1
        }
        if !cell.isEmpty || !cells.isEmpty {
            cells.append(cell)
            rows.append(Row(cells: cells, line: rowLine, starts: starts))
        }
        return (rows, quoted ? quoteLine : nil)
    }
}

extension YAMLValue {
    /// Points this node and all below it at `location` (values parsed out of one CSV cell).
    mutating func relocate(to location: SourceLocation) {
        self.location = location
        switch kind {
        case .sequence(var items):
            for i in items.indices { items[i].relocate(to: location) }
            kind = .sequence(items)
        case .mapping(var pairs):
            for i in pairs.indices {
                pairs[i].key.relocate(to: location)
                pairs[i].value.relocate(to: location)
            }
            kind = .mapping(pairs)
        default: break
        }
    }
}
