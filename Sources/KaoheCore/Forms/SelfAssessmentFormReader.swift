/// Maps a returned 自评表 (already read into cells) to an organization's data (forms.md §3–§4): rows are matched
/// by the hidden 编号, columns by their header text, values read leniently with a warning for every change and an
/// error, saying how to fix it, for what cannot be read.
public struct SelfAssessmentFormReader {
    public let rubric: Rubric
    /// Hex SHA-256 of the rubric file, compared with the form's fingerprint.
    public let rubricDigest: String

    public init(rubric: Rubric, rubricDigest: String) {
        self.rubric = rubric
        self.rubricDigest = rubricDigest
    }

    /// The organization's data, or nil when the form cannot be that organization's data at all; every problem
    /// goes to `d`. Value problems leave the data out too (the caller sees `d.hasErrors`).
    public func read(_ spreadsheet: Spreadsheet, file: String, _ d: inout Diagnostics) -> OrganizationData? {
        let meta: FormMetadata
        do { meta = try FormMetadata.read(spreadsheet) } catch {
            d.error(.wholeFile(file), error.message)
            return nil
        }
        guard let organization = check(meta, file: file, &d) else { return nil }
        let form = SelfAssessmentForm(rubric: rubric, organization: organization)
        meta.checkFingerprint(
            rubricDigest, current: form.metadata(rubric: rubric, rubricDigest: rubricDigest).methods,
            file: file, &d)
        guard let sheet = spreadsheet.sheet(SelfAssessmentForm.sheetName) else {
            d.error(.wholeFile(file), Catalog.noSheet(SelfAssessmentForm.sheetName))
            return nil
        }
        var data = OrganizationData(
            organization: organization.id, year: meta.year, indicators: [:], bonus: [],
            penalties: [], vetoes: [], surveys: [:],
            location: .cell(file: file, sheet: sheet.name, row: 1, column: 1))
        FormSheetReader(sheet: sheet, file: file, columns: SelfAssessmentForm.Column.allCases.map(\.rawValue))
            .map { IndicatorRowsReader(form: form, rubric: rubric, sheet: $0).read(into: &data, &d) }
            ?? d.error(.sheet(file: file, sheet: sheet.name), Catalog.noHeaderRow("“编号”“完成情况”"))
        if !form.adjustments.isEmpty, let adjustments = spreadsheet.sheet(SelfAssessmentForm.adjustmentSheetName) {
            FormSheetReader(sheet: adjustments, file: file, columns: SelfAssessmentForm.AdjustmentColumn.allCases.map(\.rawValue))
                .map { AdjustmentRowsReader(form: form, sheet: $0).read(into: &data, &d) }
                ?? d.error(.sheet(file: file, sheet: adjustments.name), Catalog.noHeaderRow("“编号”“次数”"))
        }
        return data
    }

    /// The form's organization when kind, assessment, year and organization are this rubric's.
    private func check(_ meta: FormMetadata, file: String, _ d: inout Diagnostics) -> Organization? {
        let ok = meta.check(kind: .selfAssessment, rubric: rubric, file: file, &d)
        guard meta.kind == .selfAssessment else { return nil }
        guard let organization = rubric.organizations.first(where: { $0.id == meta.subject }) else {
            d.error(.wholeFile(file), Catalog.formOfUnknownOrganization(meta.subject))
            return nil
        }
        return ok ? organization : nil
    }
}

/// A form sheet's header row and the columns found in it by their header text.
struct FormSheetReader {
    let sheet: Spreadsheet.Sheet
    let file: String
    let headerRow: Int
    /// Header text → column.
    let columns: [String: Int]

    /// nil when no row within the first 20 holds `编号`.
    init?(sheet: Spreadsheet.Sheet, file: String, columns known: [String]) {
        self.sheet = sheet
        self.file = file
        let known = Set(known)
        var byRow: [Int: [(column: Int, cell: Spreadsheet.Cell)]] = [:]
        for (address, cell) in sheet.cells where address.row < 20 { byRow[address.row, default: []].append((address.column, cell)) }
        for row in 0..<20 {
            var found: [String: Int] = [:]
            for (column, cell) in (byRow[row] ?? []).sorted(by: { $0.column < $1.column }) {
                let header = LenientReading.trimmed(cell.text)
                if known.contains(header), found[header] == nil { found[header] = column }
            }
            if found["编号"] != nil {
                headerRow = row
                columns = found
                return
            }
        }
        return nil
    }

    /// The sheet `name` of a returned form, its header found; nil, with an error saying so, when the sheet or its
    /// header is missing.
    static func open(
        _ spreadsheet: Spreadsheet, _ name: String, columns: [String], file: String,
        _ d: inout Diagnostics
    ) -> FormSheetReader? {
        guard let sheet = spreadsheet.sheet(name) else {
            d.error(.wholeFile(file), Catalog.noSheet(name))
            return nil
        }
        guard let reader = FormSheetReader(sheet: sheet, file: file, columns: columns) else {
            d.error(.sheet(file: file, sheet: name), Catalog.noHeaderRow("“编号”"))
            return nil
        }
        return reader
    }

    /// The rows below the header with a 编号, in order.
    var codedRows: [(row: Int, code: String)] {
        guard let column = columns["编号"] else { return [] }
        return (headerRow + 1...max(sheet.lastRow, headerRow + 1)).compactMap { row in
            guard let cell = sheet.cells[.init(row: row, column: column)] else { return nil }
            let code = LenientReading.trimmed(cell.text)
            return code.isEmpty ? nil : (row, code)
        }
    }

    func location(_ row: Int, _ header: String) -> SourceLocation {
        .cell(file: file, sheet: sheet.name, row: row, column: columns[header] ?? 0)
    }

    /// The cell under `header` in `row`, nil when blank; a merged or formula cell is read with a warning.
    func cell(_ row: Int, _ header: String, subject: String, _ d: inout Diagnostics) -> Spreadsheet.Cell? {
        guard let column = columns[header], let (cell, merged) = sheet.cell(row: row, column: column) else { return nil }
        if case .text(let t) = cell.value, LenientReading.trimmed(t).isEmpty { return nil }
        let at = location(row, header)
        if merged { d.add(.warning, at, Catalog.mergedCell(cell.text), about: subject) }
        if cell.isFormula { d.add(.warning, at, Catalog.formulaCell(cell.text), about: subject) }
        return cell
    }

    /// Free text under `header`, nil when blank.
    func text(_ row: Int, _ header: String, subject: String, _ d: inout Diagnostics) -> String? {
        cell(row, header, subject: subject, &d).map { LenientReading.trimmed($0.text) }
    }
}
