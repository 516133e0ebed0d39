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
            let here = SourceLocation(file: file, line: row.line)
            /// The cell of column `name`, so that a problem points at it (file:line:column).
            func at(_ name: String) -> SourceLocation { row.location(index[name], file: file) }
            func cell(_ name: String) -> String {
                guard let i = index[name], i < row.cells.count else { return "" }
                return row.cells[i].trimmingCharacters(in: .whitespaces)
            }
            guard let organization = DataLoader.organization(cell("organization"), at: at("organization"), lookup: lookup, &d) else { continue }
            let orgID = organization.id
            if byOrganization[orgID] == nil {
                byOrganization[orgID] = OrganizationData(
                    organization: orgID, year: nil, indicators: [:], bonus: [],
                    penalties: [], vetoes: [], surveys: [:], location: here)
            }
            var data = byOrganization[orgID]!
            if !cell("year").isEmpty {
                if let year = Int(cell("year")) {
                    if year != rubric.assessment.year {
                        d.error(at("year"), Catalog.csvWrongYear(year, rubric.assessment.year))
                    }
                    data.year = year
                } else {
                    d.error(at("year"), Catalog.csvYearColumn(rubric.assessment.year, cell("year")))
                }
            }
            let valueNode = yamlValue(cell("value"), at: at("value"), &d)
            let note = cell("note").isEmpty ? nil : cell("note")
            let evidence = cell("evidence").split(whereSeparator: { $0 == ";" || $0 == "；" })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let key = cell("indicator")
            let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
            switch parts.count == 2 ? parts[0] : "" {
            case "survey":
                let surveyBlocks = rubric.blocks.filter { $0.source == .survey }
                var blockID = surveyBlocks.first?.id
                var group = parts[1]
                if surveyBlocks.count > 1, let dot = group.firstIndex(of: ".") {
                    blockID = String(group[..<dot])
                    group = String(group[group.index(after: dot)...])
                }
                guard let block = surveyBlocks.first(where: { $0.id == blockID }), let survey = block.survey else {
                    d.error(at("indicator"), Catalog.csvNoSurveyBlock(key))
                    break
                }
                guard survey.groups.contains(where: { $0.id == group }) else {
                    d.error(
                        at("indicator"),
                        Catalog.unknownGroup(
                            group, Suggestion.didYouMean(group, in: survey.groups.map(\.id)),
                            Suggestion.choices(survey.groups.map { ($0.name, $0.id) })))
                    break
                }
                if let votes = DataLoader.votes(valueNode, survey: survey, group: group, &d) {
                    data.surveys[block.id, default: [:]][group] = votes
                }
            case "bonus", "penalty":
                let isBonus = parts[0] == "bonus"
                let rules = isBonus ? rubric.bonus : rubric.penalties
                guard rules.items.contains(where: { $0.id == parts[1] }) else {
                    d.error(
                        at("indicator"),
                        Catalog.unknownAdjustmentItem(
                            DataLoader.kind(parts[0]), parts[1],
                            Suggestion.didYouMean(parts[1], in: rules.items.map(\.id)),
                            Suggestion.choices(rules.items.map { ($0.name, $0.id) })))
                    break
                }
                var count: Exact = 1
                if !cell("value").isEmpty {
                    if let c = valueNode.number, !c.isNegative, c < 1_000_000_000 {
                        count = c
                    } else {
                        d.error(at("value"), Catalog.csvAdjustmentCount(key, cell("value")))
                    }
                }
                let entry = AdjustmentEntry(item: parts[1], count: count, note: note, evidence: evidence, location: here)
                if isBonus { data.bonus.append(entry) } else { data.penalties.append(entry) }
            case "veto":
                guard rubric.vetoes.contains(where: { $0.id == parts[1] }) else {
                    d.error(
                        at("indicator"),
                        Catalog.unknownVeto(
                            parts[1], Suggestion.didYouMean(parts[1], in: rubric.vetoes.map(\.id)),
                            Suggestion.choices(rubric.vetoes.map { ($0.name, $0.id) })))
                    break
                }
                data.vetoes.append(VetoEntry(id: parts[1], note: note, location: here))
            default:
                guard let position = DataLoader.checkIndicator(key, at: at("indicator"), organization: organization, lookup: lookup, &d)
                else { break }
                let key = lookup.indicator(at: position).id
                if data.indicators[key] != nil {
                    d.error(at("indicator"), Catalog.indicatorTwice(key, orgID))
                    break
                }
                var selfScore: Exact?
                if !cell("self").isEmpty {
                    selfScore = Exact(cell("self"))
                    if selfScore == nil { d.error(at("self"), Catalog.csvSelfScore(key, cell("self"))) }
                }
                let value: DataValue? = cell("value").isEmpty ? nil : DataValue(valueNode)
                var entry = IndicatorEntry(value: value, selfScore: selfScore, evidence: evidence, note: note, location: at("value"))
                if !cell("claimed").isEmpty { entry.claimed = DataValue(yamlValue(cell("claimed"), at: at("claimed"), &d)) }
                entry.reviewNote = cell("review_note").isEmpty ? nil : cell("review_note")
                entry.reviewedBy = cell("reviewed_by").isEmpty ? nil : cell("reviewed_by")
                data.indicators[key] = entry
            }
            byOrganization[orgID] = data
        }
        if !byOrganization.isEmpty, !byOrganization.values.contains(where: { $0.year != nil }) {
            d.warning(SourceLocation(file: file, line: header.line), Catalog.csvNoYear(rubric.assessment.year))
        }
        return Array(byOrganization.values)
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
