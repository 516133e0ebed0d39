/// What a returned 核定表 says: the verified values and counts of one 考核责任单位, row by row, with where each was
/// read. Merged into the organizations' data by `Review.apply`.
public struct Review: Sendable {
    /// One verified value: an indicator's, or a checklist item's.
    public struct Verified: Sendable {
        public var organization: String
        public var indicatorID: String
        public var itemID: String?
        public var value: DataValue?
        public var note: String?
        /// The claim as the form showed it when the unit verified it (the locked 完成情况 cell).
        public var shown: String?
        public var location: SourceLocation
    }

    /// One verified bonus or penalty count, or a veto the unit reports (count 1) or clears (0).
    public struct Adjusted: Sendable {
        public var organization: String
        public var kind: ReviewForm.AdjustmentKind
        public var id: String
        public var count: Exact
        public var note: String?
        public var location: SourceLocation
    }

    public var unit: String
    public var file: String
    public var indicators: [Verified] = []
    public var adjustments: [Adjusted] = []

    /// The organizations the form holds rows for.
    public var organizations: Set<String> { Set(indicators.map(\.organization) + adjustments.map(\.organization)) }
}

/// Maps a returned 核定表 (already read into cells) to a `Review`: rows matched by the hidden 编号
/// (`<organization>|<indicator>` …), values read as leniently as in the 自评表, every problem with its cell.
public struct ReviewFormReader {
    public let rubric: Rubric
    public let rubricDigest: String

    public init(rubric: Rubric, rubricDigest: String) {
        self.rubric = rubric
        self.rubricDigest = rubricDigest
    }

    /// The review, or nil when the form cannot be one of this assessment's 核定表; problems go to `d`.
    public func read(_ spreadsheet: Spreadsheet, meta: FormMetadata, file: String, _ d: inout Diagnostics) -> Review? {
        guard meta.check(kind: .review, rubric: rubric, file: file, &d) else { return nil }
        let units = ReviewForm.units(rubric)
        guard units.contains(meta.subject) else {
            d.error(.wholeFile(file), Catalog.reviewUnitScoresNothing(meta.subject, Suggestion.choices(units.map { ($0, $0) })))
            return nil
        }
        let form = ReviewForm(rubric: rubric, unit: meta.subject, data: [:])
        meta.checkFingerprint(
            rubricDigest, current: form.metadata(rubric: rubric, rubricDigest: rubricDigest).methods,
            file: file, &d)
        var review = Review(unit: meta.subject, file: file)
        if !form.rows.isEmpty {
            FormSheetReader.open(spreadsheet, ReviewForm.sheetName, columns: ReviewForm.Column.allCases.map(\.rawValue), file: file, &d).map {
                ReviewRowsReader(form: form, rubric: rubric, sheet: $0).read(into: &review, &d)
            }
        }
        if !form.adjustments.isEmpty {
            FormSheetReader.open(
                spreadsheet, ReviewForm.adjustmentSheetName, columns: ReviewForm.AdjustmentColumn.allCases.map(\.rawValue),
                file: file, &d
            ).map {
                ReviewAdjustmentRowsReader(form: form, sheet: $0).read(into: &review, &d)
            }
        }
        return review
    }

}

/// Reads the 核定表 sheet's rows.
struct ReviewRowsReader {
    let form: ReviewForm
    let rubric: Rubric
    let sheet: FormSheetReader

    typealias Column = ReviewForm.Column

    func read(into review: inout Review, _ d: inout Diagnostics) {
        guard sheet.columns[Column.verified.rawValue] != nil else {
            d.error(.sheet(file: sheet.file, sheet: sheet.sheet.name), Catalog.noColumn("核定完成情况"))
            return
        }
        let plan = Dictionary(form.rows.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var seen: [String: Int] = [:]
        for (row, code) in sheet.codedRows {
            guard let planned = plan[code] else {
                d.error(sheet.location(row, Column.code.rawValue), notScored(code))
                continue
            }
            let subject = "\(planned.organization.name)·\(planned.plan.name)"
            if let first = seen[code] {
                d.add(.error, sheet.location(row, Column.code.rawValue), Catalog.codeTwice(code, first + 1), about: subject)
                continue
            }
            seen[code] = row
            review.indicators.append(verified(row, planned, subject: subject, &d))
        }
        for planned in form.rows where seen[planned.code] == nil {
            d.add(
                .error, .sheet(file: sheet.file, sheet: sheet.sheet.name), Catalog.missingRow(planned.code),
                about: "\(planned.organization.name)·\(planned.plan.name)")
        }
    }

    /// Why a 编号 is not this form's: an unknown organization or indicator, or one the unit does not score.
    private func notScored(_ code: String) -> Message {
        let parts = code.split(separator: "|", maxSplits: 1).map(String.init)
        guard parts.count == 2, let organization = rubric.organizations.first(where: { $0.id == parts[0] }) else {
            return Catalog.notAReviewCode(code)
        }
        let indicatorID = String(parts[1].split(separator: "/").first ?? "")
        guard let indicator = rubric.indicator(indicatorID) else { return Catalog.reviewCodeUnknownIndicator(code, indicatorID) }
        if (indicator.scorer ?? ReviewForm.officeUnit) != form.unit {
            return Catalog.scoredByAnotherUnit(indicator.name, indicator.scorer ?? ReviewForm.officeUnit, form.unit)
        }
        if !indicator.applies(to: organization.id) { return Catalog.reviewRowDoesNotApply(indicator.name, organization.name) }
        return Catalog.notThisReviewsRow(code)
    }

    private func verified(_ row: Int, _ planned: ReviewForm.Row, subject: String, _ d: inout Diagnostics) -> Review.Verified {
        let at = sheet.location(row, Column.verified.rawValue)
        var out = Review.Verified(
            organization: planned.organization.id, indicatorID: planned.plan.indicatorID,
            itemID: planned.plan.itemID, value: nil,
            note: sheet.text(row, Column.reviewNote.rawValue, subject: subject, &d),
            shown: sheet.text(row, Column.claimed.rawValue, subject: subject, &d), location: at)
        guard planned.plan.input != .checklistHeader else { return out }
        if let cell = sheet.cell(row, Column.verified.rawValue, subject: subject, &d) {
            out.value = FormValue.read(cell, row: planned.plan, at: at, subject: subject, &d)
        } else if planned.plan.required {
            d.add(.error, at, Catalog.noVerifiedValue(FormValue.expected(planned.plan)), about: subject)
        }
        return out
    }
}

/// Reads the 加减分及否决 sheet's rows: 核定次数 (a count; for a veto 是/否), empty = none.
struct ReviewAdjustmentRowsReader {
    let form: ReviewForm
    let sheet: FormSheetReader

    typealias Column = ReviewForm.AdjustmentColumn

    func read(into review: inout Review, _ d: inout Diagnostics) {
        let plan = Dictionary(form.adjustments.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var seen: Set<String> = []
        for (row, code) in sheet.codedRows {
            guard let planned = plan[code] else {
                d.error(sheet.location(row, Column.code.rawValue), Catalog.notThisUnitsAdjustment(code, form.unit))
                continue
            }
            let subject = "\(planned.organization.name)·\(planned.name)"
            guard seen.insert(code).inserted else {
                d.add(.error, sheet.location(row, Column.code.rawValue), Catalog.codeTwiceHere(code), about: subject)
                continue
            }
            let at = sheet.location(row, Column.count.rawValue)
            guard let count = count(row, planned, at: at, subject: subject, &d) else { continue }
            review.adjustments.append(
                Review.Adjusted(
                    organization: planned.organization.id, kind: planned.kind, id: planned.id,
                    count: count,
                    note: sheet.text(row, Column.reviewNote.rawValue, subject: subject, &d),
                    location: at))
        }
    }

    /// The verified count (a veto: 1 or 0); blank is none; nil, reported, when unreadable.
    private func count(
        _ row: Int, _ planned: ReviewForm.AdjustmentRow, at: SourceLocation, subject: String,
        _ d: inout Diagnostics
    ) -> Exact? {
        guard let cell = sheet.cell(row, Column.count.rawValue, subject: subject, &d) else { return .zero }
        do throws(LenientReading.Refusal) {
            if planned.kind == .veto {
                let read = try LenientReading.yesNo(cell)
                if let change = read.change { d.add(.warning, at, change, about: subject) }
                return read.value ? .one : .zero
            }
            let read = try LenientReading.number(cell, unit: "次", example: "1")
            guard !read.value.isNegative, read.value < 1_000_000_000 else {
                throw LenientReading.Refusal(Catalog.countRange(read.value.decimalText()))
            }
            if let change = read.change { d.add(.warning, at, change, about: subject) }
            return read.value
        } catch {
            d.add(
                .error, at, planned.kind == .veto ? Catalog.vetoYesNo(error.message) : error.message,
                about: subject)
            return nil
        }
    }
}
