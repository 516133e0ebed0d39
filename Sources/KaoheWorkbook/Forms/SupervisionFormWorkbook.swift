import Foundation
import KaoheCore
import XLSX

/// Writes 督办台账.xlsx (meeting.md §4): 填报说明, the open items as of the date by warning colour (coloured, with
/// overdue days and the latest follow-up), the cells the departments update, and the hidden `_kaohe` sheet; a form
/// `kaohe collect` reads back into the ledger.
public enum SupervisionFormWorkbook {
    public static let fileName = "督办台账.xlsx"

    public static func write(
        _ form: SupervisionForm, rubric: Rubric, rubricDigest: String, to path: String,
        options: Workbook.Options = Workbook.Options()
    ) throws {
        try FormBook.write(
            to: path, options: options,
            properties: .init(
                title: "联席会议议定事项督办台账", subject: "截至 \(form.asOf)", author: rubric.assessment.issuer,
                comments: "由 kaohe meeting 生成；责任单位更新黄色单元格后按原文件格式（.xlsx）报送"),
            instructions: FormInstructions(supervision: form, rubric: rubric),
            metadata: form.metadata(rubric: rubric, rubricDigest: rubricDigest)
        ) { book in
            try SupervisionSheet(form: form, rubric: rubric).write(book.addWorksheet(named: SupervisionForm.sheetName))
        }
    }
}

extension FormInstructions {
    init(supervision form: SupervisionForm, rubric: Rubric) {
        let t = form.figures.thresholds
        self.init(
            title: "联席会议议定事项督办台账 填写说明",
            facts: [
                ("截至日期", form.asOf.chinese), ("未办结事项", "\(form.items.count) 件"),
                ("考核组织", rubric.assessment.issuer ?? rubric.assessment.title)
            ],
            steps: [
                "一、本表列出截至上述日期尚未办结的议定事项，按督办预警排序：红色为已超过办理时限；黄色为剩余时间不足三分之一且近 \(t.staleDays) 天没有督办记录；蓝色为距办理时限不足 \(t.blueDays) 天。",
                "二、责任单位只更新黄色单元格：“状态”从下拉列表选择；已办结的填写“办结日期”和“办结依据”（文号）；本次督办情况填写“督办日期”和“本次进展”；已向提出单位反馈的填写“反馈日期”，提出单位的评价填“满意度”。",
                "三、日期写成 2024-10-20 的形式（2024年10月20日 也可以）。没有变化的事项保持原样。",
                "四、工作表保护没有密码，但请不要撤销保护、增删行列、修改隐藏的“编号”列或工作表名称，否则无法读取。填好后按原文件格式（.xlsx）报送考核办。"
            ], rubric: rubric)
    }
}

/// The 督办台账 sheet.
struct SupervisionSheet {
    let form: SupervisionForm
    let rubric: Rubric

    typealias Column = SupervisionForm.Column

    func write(_ sheet: Worksheet) throws {
        let columns = Column.allCases
        func index(_ c: Column) -> Int { columns.firstIndex(of: c)! }
        let frame = FormSheetFrame(sheet: sheet, rubric: rubric, headers: columns.map(\.rawValue))
        try frame.begin(
            title: "联席会议议定事项督办台账",
            subtitle: "截至 \(form.asOf.chinese)　　未办结 \(form.items.count) 件　　责任单位只更新黄色单元格；说明见“填报说明”")
        let names = Dictionary(rubric.organizations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let figures = form.figures
        for (offset, item) in form.items.enumerated() {
            let r = 3 + offset
            let latest = item.progress.last { $0.date <= form.asOf }.map { "\($0.date) \($0.note)" } ?? ""
            let values: [Column: CellValue] = [
                .code: .text(item.id), .id: .text(item.id), .raisedBy: .text(names[item.raisedBy] ?? item.raisedBy),
                .request: .text(item.request), .agreed: .text(item.agreed ?? ""), .lead: .text(item.lead ?? ""),
                .support: .text(item.support.joined(separator: "、")), .due: MeetingLedgerSheet.date(item.deadline),
                .warning: .text(figures.warnings[item.id]?.rawValue ?? ""),
                .overdue: figures.overdueDays(item) > 0 ? .number(Double(figures.overdueDays(item))) : .blank,
                .latest: .text(latest), .status: .text(item.status?.rawValue ?? ""),
                .closed: MeetingLedgerSheet.date(item.closed), .basis: .text(item.basis ?? ""),
                .feedback: MeetingLedgerSheet.date(item.feedback), .satisfaction: .text(item.satisfaction?.rawValue ?? "")
            ]
            for column in columns {
                let isDate = [.due, .closed, .feedback, .progressDate].contains(column)
                let style: CellStyle =
                    column.isInput
                    ? (isDate
                        ? MeetingLedgerSheet.dateStyle.with {
                            $0.unlocked = true; $0.fillColor = 0xFFF2CC
                        } : FormStyles.inputText)
                    : isDate ? MeetingLedgerSheet.dateStyle : Styles.text
                try sheet.write(values[column] ?? .blank, row: r, column: index(column), style: style)
            }
            let lines = max(TextWidth.lines(item.request, width: 26), TextWidth.lines(item.agreed ?? "", width: 26))
            try sheet.setRowHeight(r, max(24, Double(lines) * 14 + 6))
        }
        if !form.items.isEmpty {
            let rows = 3...(2 + form.items.count)
            func range(_ c: Column) -> CellRange { CellRange(rows: rows, columns: index(c)...index(c)) }
            try sheet.dropdown(range(.status), items: LedgerItem.Status.allCases.map(\.rawValue), prompt: "从下拉列表选择办理状态")
            try sheet.dropdown(range(.satisfaction), items: LedgerItem.Satisfaction.allCases.map(\.rawValue), prompt: "提出单位的评价")
            try MeetingLedgerSheet.colourWarnings(sheet, column: index(.warning), rows: rows)
        }
        let widths: [Column: Double] = [
            .code: 12, .id: 11, .raisedBy: 10, .request: 26, .agreed: 26, .lead: 11, .support: 11,
            .due: 11, .warning: 8, .overdue: 8, .latest: 22, .status: 10, .closed: 11, .basis: 16,
            .progressDate: 11, .progress: 24, .feedback: 11, .satisfaction: 9
        ]
        try frame.end(
            rows: form.items.count, widths: columns.map { widths[$0] ?? 10 }, frozenColumns: index(.id) + 1,
            printed: "督办台账")
    }
}
