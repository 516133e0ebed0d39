/// Reads the 自评表 sheet's rows into indicator entries.
struct IndicatorRowsReader {
    let form: SelfAssessmentForm
    let rubric: Rubric
    let sheet: FormSheetReader

    typealias Column = SelfAssessmentForm.Column

    func read(into data: inout OrganizationData, _ d: inout Diagnostics) {
        guard sheet.columns[Column.value.rawValue] != nil else {
            d.error(.sheet(file: sheet.file, sheet: sheet.sheet.name), Catalog.noColumn("完成情况"))
            return
        }
        let plan = Dictionary(form.rows.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var seen: [String: Int] = [:]
        var items: [String: [(key: String, value: DataValue)]] = [:]
        var entries: [(id: String, entry: IndicatorEntry)] = []
        for (row, code) in sheet.codedRows {
            let at = sheet.location(row, Column.code.rawValue)
            guard let planned = plan[code] else {
                d.error(at, Catalog.notThisOrganizationsRow(code))
                continue
            }
            if let first = seen[code] {
                d.add(.error, at, Catalog.codeTwice(code, first + 1), about: planned.name)
                continue
            }
            seen[code] = row
            if let item = planned.itemID {
                if let value = itemValue(row, planned, &d) { items[planned.indicatorID, default: []].append((item, value)) }
            } else {
                entries.append((planned.code, entry(row, planned, &d)))
            }
        }
        for planned in form.rows where seen[planned.code] == nil && (planned.required || planned.itemID == nil) {
            d.add(
                .error, .sheet(file: sheet.file, sheet: sheet.sheet.name),
                Catalog.missingRow(planned.code), about: planned.name)
        }
        for (id, var entry) in entries {
            if let done = items[id] { entry.value = .map(done) }
            data.indicators[id] = entry
        }
    }

    /// An indicator's own row: value, self-score, evidence, note.
    private func entry(_ row: Int, _ planned: SelfAssessmentForm.Row, _ d: inout Diagnostics) -> IndicatorEntry {
        let subject = planned.name
        var entry = IndicatorEntry(
            value: nil, selfScore: nil, evidence: [], note: nil,
            location: sheet.location(row, Column.value.rawValue))
        if planned.input != .checklistHeader && planned.input != .fromLedger {
            if let cell = sheet.cell(row, Column.value.rawValue, subject: subject, &d) {
                entry.value = FormValue.read(cell, row: planned, at: entry.location, subject: subject, &d)
            } else if planned.required {
                d.add(.error, entry.location, Catalog.noValueFilled(FormValue.expected(planned)), about: subject)
            }
        }
        if let cell = sheet.cell(row, Column.selfScore.rawValue, subject: subject, &d) {
            entry.selfScore = selfScore(cell, planned, at: sheet.location(row, Column.selfScore.rawValue), &d)
        }
        if let text = sheet.text(row, Column.evidence.rawValue, subject: subject, &d) { entry.evidence = LenientReading.items(text) }
        entry.note = sheet.text(row, Column.note.rawValue, subject: subject, &d)
        return entry
    }

    /// A checklist item's row.
    private func itemValue(_ row: Int, _ planned: SelfAssessmentForm.Row, _ d: inout Diagnostics) -> DataValue? {
        let at = sheet.location(row, Column.value.rawValue)
        let subject = "\(rubric.indicator(planned.indicatorID)?.name ?? planned.indicatorID)·\(planned.name)"
        guard let cell = sheet.cell(row, Column.value.rawValue, subject: subject, &d) else {
            if planned.required { d.add(.error, at, Catalog.nothingFilled(FormValue.expected(planned)), about: subject) }
            return nil
        }
        return FormValue.read(cell, row: planned, at: at, subject: subject, &d)
    }

    private func selfScore(
        _ cell: Spreadsheet.Cell, _ planned: SelfAssessmentForm.Row, at: SourceLocation,
        _ d: inout Diagnostics
    ) -> Exact? {
        guard let maximum = planned.selfMaximum else {
            d.add(.warning, at, Catalog.selfScoreIgnored(cell.text), about: planned.name)
            return nil
        }
        do throws(LenientReading.Refusal) {
            let read = try LenientReading.number(cell, unit: nil, suffixes: ["分"], example: maximum.decimalText())
            guard !read.value.isNegative, read.value <= maximum else {
                throw LenientReading.Refusal(Catalog.selfScoreOutOfRange(read.value.decimalText(), maximum.decimalText()))
            }
            note(read.change, at, planned, &d)
            return read.value
        } catch {
            d.add(.error, at, error.message, about: planned.name)
            return nil
        }
    }

    private func note(
        _ change: Message?, _ at: SourceLocation, _ planned: SelfAssessmentForm.Row,
        _ d: inout Diagnostics, subject: String? = nil
    ) {
        if let change { d.add(.warning, at, change, about: subject ?? planned.name) }
    }
}

/// Reads the 加减分 sheet's rows into bonus claims and self-reported penalties.
struct AdjustmentRowsReader {
    let form: SelfAssessmentForm
    let sheet: FormSheetReader

    typealias Column = SelfAssessmentForm.AdjustmentColumn

    func read(into data: inout OrganizationData, _ d: inout Diagnostics) {
        let plan = Dictionary(form.adjustments.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var seen: Set<String> = []
        for (row, code) in sheet.codedRows {
            guard let planned = plan[code] else {
                d.error(sheet.location(row, Column.code.rawValue), Catalog.notAnAdjustmentItem(code))
                continue
            }
            let subject = planned.item.name
            guard seen.insert(code).inserted else {
                d.add(.error, sheet.location(row, Column.code.rawValue), Catalog.codeTwiceHere(code), about: subject)
                continue
            }
            guard let cell = sheet.cell(row, Column.count.rawValue, subject: subject, &d) else { continue }
            let at = sheet.location(row, Column.count.rawValue)
            let count: Exact
            do throws(LenientReading.Refusal) {
                let read = try LenientReading.number(cell, unit: "次", example: "1")
                guard !read.value.isNegative, read.value < 1_000_000_000 else {
                    throw LenientReading.Refusal(Catalog.countRange(read.value.decimalText()))
                }
                if let change = read.change { d.add(.warning, at, change, about: subject) }
                count = read.value
            } catch {
                d.add(.error, at, error.message, about: subject)
                continue
            }
            guard count != .zero else { continue }
            let entry = AdjustmentEntry(
                item: planned.item.id, count: count,
                note: sheet.text(row, Column.note.rawValue, subject: subject, &d),
                evidence: sheet.text(row, Column.evidence.rawValue, subject: subject, &d).map(LenientReading.items) ?? [],
                location: at)
            if planned.kind == .bonus { data.bonus.append(entry) } else { data.penalties.append(entry) }
        }
    }
}
