import KaoheCore
import XLSX

/// 议定事项台账 (meeting.md §4): one row per item of the joint meeting ledger, with its warning colour as of the
/// ledger's date, filterable and printable; below it, the ledger's figures per organization.
struct MeetingLedgerSheet {
    static let name = "议定事项台账"

    enum Column: String, CaseIterable {
        case id = "事项编号", meeting = "会议", raisedBy = "提出单位", request = "提请事项", agreed = "议定事项"
        case lead = "责任单位", support = "协办单位", due = "办理时限", status = "状态", closed = "办结日期"
        case basis = "办结依据", feedback = "反馈日期", satisfaction = "满意度", warning = "督办预警", carried = "结转"
    }

    let snapshot: LedgerSnapshot
    let rubric: Rubric
    let document: String

    static let widths: [Column: Double] = [
        .id: 12, .meeting: 9, .raisedBy: 10, .request: 30, .agreed: 30, .lead: 12,
        .support: 12, .due: 11, .status: 10, .closed: 11, .basis: 18, .feedback: 11,
        .satisfaction: 8, .warning: 8, .carried: 12
    ]

    func write(_ sheet: Worksheet) throws {
        let columns = Column.allCases
        let last = columns.count - 1
        let figures = snapshot.figures
        try sheet.merge(CellRange(rows: 0...0, columns: 0...last), .text("联席会议议定事项台账"), style: Styles.title)
        try sheet.setRowHeight(0, 30)
        let open = figures.items.filter(figures.isOpen)
        let counts = LedgerFigures.Warning.allCases.map { w in "\(w.rawValue) \(open.filter { figures.warnings[$0.id] == w }.count)" }
        try sheet.merge(
            CellRange(rows: 1...1, columns: 0...last),
            .text(
                "截至 \(figures.asOf.chinese)：事项 \(figures.items.count) 件，议定 \(figures.items.filter(\.isAgreed).count) 件，已办结 \(figures.items.filter(figures.isClosed).count) 件，未办结 \(open.count) 件（督办预警 \(counts.joined(separator: "、"))）"
            ),
            style: Styles.subtitle)
        try sheet.writeRow(columns.map { .text($0.rawValue) }, row: 2, style: Styles.header)
        let names = Dictionary(rubric.organizations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let meetings = Dictionary(snapshot.ledger.meetings.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for (offset, item) in figures.items.enumerated() {
            let r = 3 + offset
            let values: [Column: CellValue] = [
                .id: .text(item.id), .meeting: .text(meetings[item.meeting].map { _ in item.meeting } ?? item.meeting),
                .raisedBy: .text(names[item.raisedBy] ?? item.raisedBy), .request: .text(item.request),
                .agreed: .text(item.agreed ?? "（未议定）"), .lead: .text(item.lead ?? ""), .support: .text(item.support.joined(separator: "、")),
                .due: Self.date(item.deadline), .status: .text(figures.isClosed(item) ? "已办结" : item.status?.rawValue ?? ""),
                .closed: Self.date(figures.isClosed(item) ? item.closed : nil), .basis: .text(figures.isClosed(item) ? item.basis ?? "" : ""),
                .feedback: Self.date(item.feedback.flatMap { $0 <= figures.asOf ? $0 : nil }),
                .satisfaction: .text(item.satisfaction?.rawValue ?? ""), .warning: .text(figures.warnings[item.id]?.rawValue ?? ""),
                .carried: .text(item.carried.map { "自 \($0) 结转" } ?? item.carriedFrom.map { "接续 \($0)" } ?? "")
            ]
            for (c, column) in columns.enumerated() {
                let isDate = [.due, .closed, .feedback].contains(column)
                try sheet.write(
                    values[column] ?? .blank, row: r, column: c,
                    style: isDate ? Self.dateStyle : [.request, .agreed, .basis].contains(column) ? Styles.text : Styles.centered)
            }
            let lines = max(TextWidth.lines(item.request, width: 30), TextWidth.lines(item.agreed ?? "", width: 30))
            try sheet.setRowHeight(r, max(20, Double(lines) * 14 + 4))
        }
        let lastRow = 2 + max(figures.items.count, 1)
        try Self.colourWarnings(sheet, column: columns.firstIndex(of: .warning)!, rows: 3...lastRow)
        try sheet.autofilter(CellRange(rows: 2...lastRow, columns: 0...last))
        try sheet.freezePanes(row: 3, column: 1)
        for (c, column) in columns.enumerated() { try sheet.setColumnWidth(c...c, Self.widths[column] ?? 10) }
        let end = try writeFigures(sheet, from: lastRow + 2, names: names)
        var setup = Printing.pageSetup(document: document, sheet: Self.name, landscape: true, repeatRows: 2...2)
        setup.printArea = CellRange(rows: 0...end, columns: 0...last)
        try sheet.setPageSetup(setup)
    }

    /// The figures per organization: what `from: meeting.*` indicators take. Returns the last row written.
    private func writeFigures(_ sheet: Worksheet, from top: Int, names: [String: String]) throws -> Int {
        let figures = snapshot.figures
        let headers = ["提出单位", "提请", "议定", "到期", "到期已办结", "办结率", "按期办结", "反馈率", "满意率", "按时报送", "红", "黄", "蓝"]
        try sheet.merge(
            CellRange(rows: top...top, columns: 0...(headers.count - 1)),
            .text("各单位台账指标（截至 \(figures.asOf.chinese)；比率为精确值，无可计算事项的留空）"), style: Styles.sectionLabel)
        try sheet.writeRow(headers.map(CellValue.text), row: top + 1, style: Styles.header)
        var r = top + 2
        for organization in rubric.organizations {
            let o = figures.organizations[organization.id] ?? LedgerFigures.Organization()
            func rate(_ value: LedgerFigures.Value) -> CellValue {
                if case .number(let n)? = figures.value(value, for: organization.id)?.result { return .exact(n) }
                return .blank
            }
            let onTime =
                figures.value(.submittedOnTime, for: organization.id).map { derived -> CellValue in
                    if case .boolean(let b) = derived.result { return .text(b ? "是" : "逾期 \(o.daysLate) 天") }
                    return .blank
                } ?? .blank
            func count(_ ids: [String]?) -> CellValue { .number(Double(ids?.count ?? 0)) }
            var values: [CellValue] = [.text(names[organization.id] ?? organization.id)]
            values += [count(o.raised), count(o.agreed), count(o.due), count(o.closed)]
            values += [rate(.closureRate), count(o.closedOnTime), rate(.feedbackRate), rate(.satisfactionRate), onTime]
            values += [count(o.warned[.red]), count(o.warned[.yellow]), count(o.warned[.blue])]
            for (c, value) in values.enumerated() {
                try sheet.write(value, row: r, column: c, style: [5, 7, 8].contains(c) ? Self.percentStyle : c == 0 ? Styles.text : Styles.integer)
            }
            r += 1
        }
        return r - 1
    }

    static let dateStyle = Styles.centered.with { $0.numberFormat = "yyyy-mm-dd" }
    static let percentStyle = Styles.number.with {
        $0.numberFormat = "0.0%"; $0.horizontal = .center
    }

    static func date(_ date: CalendarDate?) -> CellValue { date.map { .number(Double($0.serial)) } ?? .blank }

    /// 红, 黄 and 蓝 cells filled in their colour (conditional formats: they follow a filter or an edit).
    static func colourWarnings(_ sheet: Worksheet, column: Int, rows: ClosedRange<Int>) throws {
        let range = CellRange(rows: rows, columns: column...column)
        try sheet.conditionalFormat(range, .cellText(.equal, "红"), style: CellStyle(bold: true, fontColor: 0xFFFFFF, fillColor: 0xC00000))
        try sheet.conditionalFormat(range, .cellText(.equal, "黄"), style: CellStyle(bold: true, fontColor: 0x000000, fillColor: 0xFFD966))
        try sheet.conditionalFormat(range, .cellText(.equal, "蓝"), style: CellStyle(bold: true, fontColor: 0xFFFFFF, fillColor: 0x2F75B5))
    }
}
