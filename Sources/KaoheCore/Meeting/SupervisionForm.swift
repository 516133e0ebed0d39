/// 督办台账 (meeting.md §4): the open items of the ledger as of a date, by warning colour and 责任单位, as a form
/// (forms.md §2) the departments update — 状态, 办结日期, 办结依据, this round's progress, 反馈日期, 满意度 — and
/// `kaohe collect` reads back into the ledger.
public struct SupervisionForm: Sendable {
    public static let sheetName = "督办台账"

    public enum Column: String, CaseIterable, Sendable {
        case code = "编号", id = "事项编号", raisedBy = "提出单位", request = "提请事项", agreed = "议定事项", lead = "责任单位"
        case support = "协办单位", due = "办理时限", warning = "督办预警", overdue = "逾期天数", latest = "最近督办"
        case status = "状态", closed = "办结日期", basis = "办结依据", progressDate = "督办日期", progress = "本次进展"
        case feedback = "反馈日期", satisfaction = "满意度"

        /// The columns a department fills.
        public var isInput: Bool { [.status, .closed, .basis, .progressDate, .progress, .feedback, .satisfaction].contains(self) }
    }

    public var asOf: CalendarDate
    /// Open items, red first, then yellow, blue and none; within a colour by 责任单位 and id.
    public var items: [LedgerItem]
    public var figures: LedgerFigures

    public init(snapshot: LedgerSnapshot) {
        figures = snapshot.figures
        asOf = figures.asOf
        let order: [LedgerFigures.Warning?] = [.red, .yellow, .blue, nil]
        let f = figures
        items = figures.items.filter(figures.isOpen).sorted { a, b in
            let (x, y) = (order.firstIndex(of: f.warnings[a.id]) ?? 3, order.firstIndex(of: f.warnings[b.id]) ?? 3)
            return (x, a.lead ?? "", a.id) < (y, b.lead ?? "", b.id)
        }
    }

    public func metadata(rubric: Rubric, rubricDigest: String) -> FormMetadata {
        FormMetadata(
            kind: .supervision, assessment: rubric.assessment.id, year: rubric.assessment.year, rubric: rubricDigest,
            subject: asOf.description, methods: items.map { ($0.id, "item") })
    }
}

/// What a department wrote on a returned 督办台账, for one item.
public struct ItemUpdate: Sendable {
    public var id: String
    public var status: LedgerItem.Status?
    public var closed: CalendarDate?
    public var basis: String?
    public var progress: LedgerItem.Progress?
    public var feedback: CalendarDate?
    public var satisfaction: LedgerItem.Satisfaction?
    public var location: SourceLocation

    public init(
        id: String, status: LedgerItem.Status? = nil, closed: CalendarDate? = nil, basis: String? = nil,
        progress: LedgerItem.Progress? = nil, feedback: CalendarDate? = nil,
        satisfaction: LedgerItem.Satisfaction? = nil, location: SourceLocation
    ) {
        self.id = id
        self.status = status
        self.closed = closed
        self.basis = basis
        self.progress = progress
        self.feedback = feedback
        self.satisfaction = satisfaction
        self.location = location
    }
}

extension ItemUpdate {
    /// Whether the row changes the item (a filled cell that differs, or a progress note).
    func changes(_ item: LedgerItem) -> Bool {
        progress != nil || (status != nil && status != item.status) || (closed != nil && closed != item.closed)
            || (basis != nil && basis != item.basis) || (feedback != nil && feedback != item.feedback)
            || (satisfaction != nil && satisfaction != item.satisfaction)
    }

    /// Whether two returned copies say the same about the item.
    func sameFilling(as other: ItemUpdate) -> Bool {
        status == other.status && closed == other.closed && basis == other.basis && feedback == other.feedback
            && satisfaction == other.satisfaction && progress?.date == other.progress?.date && progress?.note == other.progress?.note
    }
}

/// Reads a returned 督办台账: rows by the hidden 编号 (item id), dates leniently (a date cell, a serial, 2024年6月2日).
public struct SupervisionFormReader {
    public let rubric: Rubric
    public let ledger: Ledger?

    public init(rubric: Rubric, ledger: Ledger?) {
        self.rubric = rubric
        self.ledger = ledger
    }

    public func read(_ spreadsheet: Spreadsheet, meta: FormMetadata, file: String, _ d: inout Diagnostics) -> [ItemUpdate]? {
        guard meta.check(kind: .supervision, rubric: rubric, file: file, &d) else { return nil }
        guard let ledger else {
            d.error(.wholeFile(file), Catalog.noLedgerForForm())
            return nil
        }
        guard
            let reader = FormSheetReader.open(
                spreadsheet, SupervisionForm.sheetName,
                columns: SupervisionForm.Column.allCases.map(\.rawValue), file: file, &d)
        else { return nil }
        let known = Set(ledger.items.map(\.id))
        var seen: Set<String> = []
        var out: [ItemUpdate] = []
        for (row, code) in reader.codedRows {
            let at = reader.location(row, SupervisionForm.Column.code.rawValue)
            guard known.contains(code) else {
                d.error(at, Catalog.notALedgerItem(code))
                continue
            }
            guard seen.insert(code).inserted else {
                d.error(at, Catalog.ledgerItemTwice(code))
                continue
            }
            out.append(SupervisionRowReader(sheet: reader, row: row, id: code).update(&d))
        }
        return out
    }
}

/// One row of a returned 督办台账.
struct SupervisionRowReader {
    typealias Column = SupervisionForm.Column
    let sheet: FormSheetReader
    let row: Int
    let id: String

    func update(_ d: inout Diagnostics) -> ItemUpdate {
        var update = ItemUpdate(id: id, location: sheet.location(row, Column.status.rawValue))
        if let text = sheet.text(row, Column.status.rawValue, subject: id, &d) {
            update.status = LedgerItem.Status(rawValue: text)
            if update.status == nil {
                d.add(
                    .error, sheet.location(row, Column.status.rawValue),
                    Catalog.statusFromList(text, LedgerItem.Status.allCases.map(\.rawValue).joined(separator: "、")), about: id)
            }
        }
        update.closed = date(.closed, &d)
        update.basis = sheet.text(row, Column.basis.rawValue, subject: id, &d)
        update.feedback = date(.feedback, &d)
        if let text = sheet.text(row, Column.satisfaction.rawValue, subject: id, &d) {
            update.satisfaction = LedgerItem.Satisfaction(rawValue: text)
            if update.satisfaction == nil {
                d.add(.error, sheet.location(row, Column.satisfaction.rawValue), Catalog.satisfactionFromList(text), about: id)
            }
        }
        if let note = sheet.text(row, Column.progress.rawValue, subject: id, &d) {
            if let when = date(.progressDate, &d) {
                update.progress = .init(date: when, note: note)
            } else {
                d.add(.error, sheet.location(row, Column.progressDate.rawValue), Catalog.progressWithoutFollowUpDate(), about: id)
            }
        }
        if update.status == .closed && update.closed == nil {
            d.add(.error, sheet.location(row, Column.closed.rawValue), Catalog.closedStatusWithoutDate(), about: id)
        }
        return update
    }

    private func date(_ column: Column, _ d: inout Diagnostics) -> CalendarDate? {
        guard let cell = sheet.cell(row, column.rawValue, subject: id, &d) else { return nil }
        let at = sheet.location(row, column.rawValue)
        if case .number(let n) = cell.value {
            guard let date = CalendarDate(serial: n) else {
                d.add(.error, at, Catalog.notADate(cell.text), about: id)
                return nil
            }
            return date
        }
        var local = Diagnostics()
        let date = LedgerDates.read(LenientReading.trimmed(cell.text), number: nil, at: at, &local)
        for problem in local.all { d.add(problem.severity, problem.location, problem.content, about: id) }
        return date
    }
}

extension Ledger {
    /// The ledger with a returned 督办台账's updates applied: a filled cell replaces the field, a progress note is
    /// appended (once: the same date and note is not added twice).
    public func applying(_ updates: [ItemUpdate]) -> Ledger {
        var out = self
        let byID = Dictionary(updates.map { ($0.id, $0) }, uniquingKeysWith: { _, b in b })
        for i in out.items.indices {
            guard let u = byID[out.items[i].id] else { continue }
            if let status = u.status { out.items[i].status = status }
            if let closed = u.closed { out.items[i].closed = closed }
            if let basis = u.basis { out.items[i].basis = basis }
            if let feedback = u.feedback { out.items[i].feedback = feedback }
            if let satisfaction = u.satisfaction { out.items[i].satisfaction = satisfaction }
            if let progress = u.progress,
                !out.items[i].progress.contains(where: { $0.date == progress.date && $0.note == progress.note })
            {
                out.items[i].progress.append(progress)
            }
        }
        return out
    }
}
