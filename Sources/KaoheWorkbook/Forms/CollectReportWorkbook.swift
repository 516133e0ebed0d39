import KaoheCore
import XLSX

/// `collect-report.xlsx`: per organization received / missing / with errors / with warnings, then every problem
/// with file, sheet and cell — the office's checklist for chasing units.
public enum CollectReportWorkbook {
    public static func write(
        _ round: CollectionRound, rubric: Rubric, to path: String,
        options: Workbook.Options = Workbook.Options()
    ) throws {
        try Workbook.create(at: path, options: options) { book in
            try book.setProperties(.init(title: "\(rubric.assessment.title) 表格收集情况", author: rubric.assessment.issuer))
            try writeStatus(round, rubric: rubric, to: book.addWorksheet(named: "收集情况"))
            try writeProblems(round, rubric: rubric, to: book.addWorksheet(named: "问题清单"))
        }
    }

    private static func writeStatus(_ round: CollectionRound, rubric: Rubric, to sheet: Worksheet) throws {
        let headers = ["表格", "单位或测评组", "编号", "状态", "报送文件", "错误", "警告"]
        let last = headers.count - 1
        try sheet.merge(CellRange(rows: 0...0, columns: 0...last), .text("\(rubric.assessment.title) 表格收集情况"), style: Styles.title)
        let lines = round.statuses(of: .selfAssessment)
        let counts = Dictionary(grouping: lines, by: \.state).mapValues(\.count)
        let summary = CollectionRound.State.allCasesInOrder.compactMap { state in counts[state].map { "\(state.rawValue) \($0)" } }
        try sheet.merge(
            CellRange(rows: 1...1, columns: 0...last),
            .text("自评表：共 \(lines.count) 个单位，\(summary.joined(separator: "　"))"), style: Styles.subtitle)
        try sheet.writeRow(headers.map(CellValue.text), row: 2, style: Styles.header)
        for (i, status) in round.statuses.enumerated() {
            let values: [CellValue] = [
                .text(status.kind.rawValue), .text(status.name), .text(status.id), .text(status.state.rawValue),
                .text(status.files.joined(separator: "\n")), .number(Double(status.errors)),
                .number(Double(status.warnings))
            ]
            let styles = [Styles.centered, Styles.text, Styles.text, Styles.centered, Styles.text, Styles.integer, Styles.integer]
            for (column, (value, style)) in zip(values, styles).enumerated() {
                try sheet.write(value, row: 3 + i, column: column, style: style)
            }
        }
        let end = 2 + max(round.statuses.count, 1)
        let states = CellRange(rows: 3...end, columns: 3...3)
        try sheet.conditionalFormat(states, .cellText(.equal, CollectionRound.State.withErrors.rawValue), style: Styles.failing)
        try sheet.conditionalFormat(states, .cellText(.equal, CollectionRound.State.missing.rawValue), style: Styles.low)
        try sheet.conditionalFormat(states, .cellText(.equal, CollectionRound.State.received.rawValue), style: Styles.excellent)
        try sheet.autofilter(CellRange(rows: 2...end, columns: 0...last))
        try sheet.freezePanes(row: 3)
        for (column, width) in [10.0, 20, 16, 10, 50, 7, 7].enumerated() { try sheet.setColumnWidth(column...column, width) }
        try sheet.setPageSetup(Printing.pageSetup(document: rubric.assessment.title, sheet: "收集情况", landscape: true, repeatRows: 2...2))
    }

    private static func writeProblems(_ round: CollectionRound, rubric: Rubric, to sheet: Worksheet) throws {
        let headers = ["级别", "位置", "指标或项目", "问题"]
        try sheet.writeRow(headers.map(CellValue.text), row: 0, style: Styles.header)
        for (i, problem) in round.diagnostics.enumerated() {
            let r = 1 + i
            try sheet.write(.text(problem.severity == .error ? "错误" : "警告"), row: r, column: 0, style: Styles.centered)
            try sheet.write(.text(problem.location.description), row: r, column: 1, style: Styles.text)
            try sheet.write(.text(problem.subject ?? ""), row: r, column: 2, style: Styles.text)
            try sheet.write(.text(problem.message), row: r, column: 3, style: Styles.text)
        }
        let last = max(round.diagnostics.count, 1)
        try sheet.conditionalFormat(CellRange(rows: 1...last, columns: 0...0), .cellText(.equal, "错误"), style: Styles.failing)
        try sheet.autofilter(CellRange(rows: 0...last, columns: 0...3))
        try sheet.freezePanes(row: 1)
        for (column, width) in [7.0, 50, 20, 80].enumerated() { try sheet.setColumnWidth(column...column, width) }
        try sheet.setPageSetup(Printing.pageSetup(document: rubric.assessment.title, sheet: "问题清单", landscape: true, repeatRows: 0...0))
    }
}

extension CollectionRound.State {
    static let allCasesInOrder: [Self] = [.received, .withWarnings, .withErrors, .missing, .collectedBefore]
}
