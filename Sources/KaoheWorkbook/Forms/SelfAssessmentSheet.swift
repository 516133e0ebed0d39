import KaoheCore
import XLSX

/// The 自评表 sheet: title, unit and year, headers on row 3, one row per indicator (and checklist item) from row 4.
struct SelfAssessmentSheet {
    let form: SelfAssessmentForm
    let rubric: Rubric

    typealias Column = SelfAssessmentForm.Column

    /// The columns written, in order: `上年完成情况` only when last year's values were given.
    var columns: [Column] {
        Column.allCases.filter { $0 != .previous || form.rows.contains { $0.previous != nil } }
    }

    func index(_ column: Column) -> Int { columns.firstIndex(of: column)! }

    func write(_ sheet: Worksheet) throws {
        let frame = FormSheetFrame(sheet: sheet, rubric: rubric, headers: columns.map(\.rawValue))
        try frame.begin(
            title: "\(rubric.assessment.title) 自评表",
            subtitle: "单位：\(form.organization.name)　　　　考核年度：\(rubric.assessment.year)　　　　只填黄色单元格；说明见“填报说明”")
        for (offset, row) in form.rows.enumerated() { try write(row, at: 3 + offset, on: sheet) }
        let widths: [Column: Double] = [
            .code: 16, .dimension: 10, .indicator: 18, .points: 6, .standard: 36,
            .requirement: 20, .value: 14, .unit: 7, .selfScore: 8, .evidence: 22,
            .note: 22, .previous: 14
        ]
        try frame.end(
            rows: form.rows.count, widths: columns.map { widths[$0] ?? 12 }, frozenColumns: index(.points),
            printed: "\(form.organization.name) 自评表")
    }

    private func write(_ row: SelfAssessmentForm.Row, at r: Int, on sheet: Worksheet) throws {
        let isItem = row.itemID != nil
        func put(_ column: Column, _ value: CellValue, _ style: CellStyle) throws {
            try sheet.write(value, row: r, column: index(column), style: style)
        }
        try put(.code, .text(row.code), Styles.text)
        try put(.dimension, isItem ? .blank : .text(row.dimension), Styles.centered)
        try put(.indicator, .text(isItem ? "　· \(row.name)" : row.name), Styles.text)
        try put(.points, .exact(row.points), Styles.points)
        try put(.standard, row.standard.map(CellValue.text) ?? .blank, Styles.text)
        try put(.requirement, row.requirement.map(CellValue.text) ?? .blank, Styles.text)
        try put(.unit, row.unit.map(CellValue.text) ?? .blank, Styles.centered)
        if row.input == .checklistHeader {
            try put(.value, .text("逐项填写 ↓"), FormStyles.closed)
        } else if row.input == .fromLedger {
            try put(.value, .text("取自联席会议台账"), FormStyles.closed)
        } else {
            try put(.value, .blank, row.input == .numbers ? FormStyles.inputText : FormStyles.inputNumber)
            try FormValidation.value(row, cell: CellReference(row: r, column: index(.value)), on: sheet)
        }
        if let maximum = row.selfMaximum {
            try put(.selfScore, .blank, FormStyles.inputNumber)
            try sheet.numberValidation(
                CellRange(rows: r...r, columns: index(.selfScore)...index(.selfScore)), minimum: 0,
                maximum: maximum.double,
                prompt: "自评分：填 0 到 \(maximum.decimalText()) 之间的数字，不要写“分”",
                error: "自评分应为 0 到 \(maximum.decimalText()) 之间的数字")
        } else {
            try put(.selfScore, .blank, FormStyles.closed)
        }
        try put(.evidence, .blank, isItem ? FormStyles.closed : FormStyles.inputText)
        try put(.note, .blank, isItem ? FormStyles.closed : FormStyles.inputText)
        if columns.contains(.previous) { try put(.previous, row.previous.map(CellValue.text) ?? .blank, FormStyles.reference) }
        let text = [row.standard ?? "", row.requirement ?? "", row.name]
        let lines = max(TextWidth.lines(text[0], width: 36), TextWidth.lines(text[1], width: 20), TextWidth.lines(text[2], width: 18))
        try sheet.setRowHeight(r, isItem ? 20 : max(24, Double(lines) * 14 + 6))
    }
}

/// The 加减分 sheet: a row per bonus and penalty item of the rubric, 次数 to fill (empty = none).
struct AdjustmentSheet {
    let form: SelfAssessmentForm
    let rubric: Rubric

    typealias Column = SelfAssessmentForm.AdjustmentColumn

    func write(_ sheet: Worksheet) throws {
        let columns = Column.allCases
        func index(_ c: Column) -> Int { columns.firstIndex(of: c)! }
        let frame = FormSheetFrame(sheet: sheet, rubric: rubric, headers: columns.map(\.rawValue))
        try frame.begin(
            title: "\(form.organization.name) 加减分申报",
            subtitle: "有加分或扣分情形的，填写次数并附说明和佐证材料；没有的留空。一票否决事项不由单位自报。")
        for (offset, adjustment) in form.adjustments.enumerated() {
            let r = 3 + offset
            let item = adjustment.item
            try sheet.write(.text(adjustment.code), row: r, column: index(.code), style: Styles.text)
            try sheet.write(.text(adjustment.kind == .bonus ? "加分" : "扣分"), row: r, column: index(.kind), style: Styles.centered)
            try sheet.write(.text(item.name), row: r, column: index(.item), style: Styles.text)
            try sheet.write(.exact(item.points), row: r, column: index(.points), style: Styles.points)
            try sheet.write(item.cap.map { .exact($0) } ?? .blank, row: r, column: index(.cap), style: Styles.points)
            try sheet.write(.blank, row: r, column: index(.count), style: FormStyles.inputNumber)
            try sheet.numberValidation(
                CellRange(rows: r...r, columns: index(.count)...index(.count)), minimum: 0, maximum: 999_999_999,
                prompt: "填次数；没有的留空", error: "这里应填次数（正数）")
            try sheet.write(.blank, row: r, column: index(.note), style: FormStyles.inputText)
            try sheet.write(.blank, row: r, column: index(.evidence), style: FormStyles.inputText)
            try sheet.setRowHeight(r, 22)
        }
        let widths: [Column: Double] = [.code: 16, .kind: 8, .item: 30, .points: 9, .cap: 7, .count: 8, .note: 36, .evidence: 30]
        try frame.end(
            rows: form.adjustments.count, widths: columns.map { widths[$0] ?? 12 }, frozenColumns: 0,
            printed: "\(form.organization.name) 加减分")
    }
}

/// What the form sheets share: title, subtitle and header rows above the data (from row 4), then the signature line,
/// column widths (the first, 编号, hidden), frozen headers, print set-up and protection.
struct FormSheetFrame {
    let sheet: Worksheet
    let rubric: Rubric
    let headers: [String]

    var last: Int { headers.count - 1 }

    func begin(title: String, subtitle: String) throws {
        try sheet.merge(CellRange(rows: 0...0, columns: 0...last), .text(title), style: Styles.title)
        try sheet.setRowHeight(0, 30)
        try sheet.merge(CellRange(rows: 1...1, columns: 0...last), .text(subtitle), style: Styles.subtitle)
        try sheet.setRowHeight(1, 20)
        try sheet.writeRow(headers.map(CellValue.text), row: 2, style: Styles.header)
        try sheet.setRowHeight(2, 30)
    }

    func end(rows: Int, widths: [Double], frozenColumns: Int, printed name: String) throws {
        let signature = 3 + rows + 1
        try SignatureLine.write(sheet, row: signature, columns: 0...last)
        for (i, width) in widths.enumerated() { try sheet.setColumnWidth(i...i, width, hidden: i == 0) }
        try sheet.freezePanes(row: 3, column: frozenColumns)
        var setup = Printing.pageSetup(document: rubric.assessment.title, sheet: name, landscape: true, repeatRows: 2...2)
        setup.printArea = CellRange(rows: 0...signature, columns: 0...last)
        try sheet.setPageSetup(setup)
        try sheet.protect()
    }
}

/// The 填报说明 sheet: what to fill, by when, who to ask, and how values are read.
struct FormInstructions {
    let title: String
    let facts: [(String, String)]
    let steps: [String]
    let rubric: Rubric

    /// The deadline and whom to ask first, then the steps.
    var lines: [String] {
        let settings = rubric.assessment.forms
        let ask = [settings.contact.map { "联系人：\($0)" }, settings.phone.map { "联系电话：\($0)" }].compactMap { $0 }
        return [settings.deadline.map { "报送截止时间：\($0)" }, ask.isEmpty ? nil : "填报中有疑问请联系 \(ask.joined(separator: "，"))"]
            .compactMap { $0 } + steps
    }

    /// The 自评表's instructions.
    init(form: SelfAssessmentForm, rubric: Rubric) {
        var steps = [
            "一、只填写黄色单元格，其余单元格已锁定（工作表保护没有密码，但请不要撤销保护、增删行列、修改隐藏的“编号”列或工作表名称，否则无法读取）。",
            "二、“完成情况”按提示填写：数字只填数字，单位已印在“计量单位”列（单位为 % 的，93.6% 填 93.6）；“是否”类和定性评价类从下拉列表选择；多个成绩（如学法考试）用“、”分隔，如 92、88、95。",
            "三、清单类指标在其下方逐项填写：完成选“是”，未完成选“否”，部分完成可填 0 到 1 之间的比例；该指标的自评分填在指标所在行。",
            "四、“自评分”填 0 到本行“分值”之间的数字（超额完成可得分超过分值的，以提示为准），不要写“分”字。",
            "五、“佐证材料”填写材料名称，多项用“、”或“；”分隔，材料另行报送；“说明”填写完成情况的简要说明或未完成原因。",
            "六、“加减分”工作表：有加分或扣分情形的填写次数并附说明；没有的留空。一票否决事项由考核办和考核责任单位认定，不由单位自报。",
            "七、填好后按原文件格式（.xlsx）保存报送，不要另存为 .xls 或 .et 格式；文件名可以改。打印签字盖章的纸质件一并报送。"
        ]
        for (dimension, applicable) in form.rescaled {
            steps.append(
                "注：本单位“\(dimension.name)”下适用的指标合计 \(applicable.decimalText()) 分，考核时按 \(dimension.points.decimalText()) ÷ \(applicable.decimalText()) 折算为该一级指标的 \(dimension.points.decimalText()) 分（细则第 5.2 条）；自评分仍按各行分值填写。"
            )
        }
        self.init(
            title: "\(rubric.assessment.title) 自评表 填报说明",
            facts: [
                ("填报单位", form.organization.name), ("考核年度", String(rubric.assessment.year)),
                ("考核组织", rubric.assessment.issuer ?? rubric.assessment.title)
            ],
            steps: steps, rubric: rubric)
    }

    init(title: String, facts: [(String, String)], steps: [String], rubric: Rubric) {
        self.title = title
        self.facts = facts
        self.steps = steps
        self.rubric = rubric
    }

    func write(_ sheet: Worksheet) throws {
        try sheet.merge(CellRange(rows: 0...0, columns: 0...1), .text(title), style: Styles.title)
        try sheet.setRowHeight(0, 36)
        try sheet.setColumnWidth(0...0, 16)
        try sheet.setColumnWidth(1...1, 90)
        var row = 2
        for (label, value) in facts {
            try sheet.write(.text(label), row: row, column: 0, style: Styles.coverLabel)
            try sheet.write(.text(value), row: row, column: 1, style: Styles.coverValue)
            row += 1
        }
        row += 1
        for line in lines {
            try sheet.merge(CellRange(rows: row...row, columns: 0...1), .text(line), style: Styles.subtitle.with { $0.fontSize = 11 })
            try sheet.setRowHeight(row, max(22, Double(TextWidth.lines(line, width: 104)) * 16 + 6))
            row += 1
        }
        try sheet.setPageSetup(Printing.pageSetup(document: rubric.assessment.title, sheet: "填报说明", landscape: false, repeatRows: nil))
        try sheet.protect()
    }
}

/// The validations of the forms' typed cells.
enum FormValidation {
    /// A 完成情况 cell: numbers in range, dropdowns for 是/否 and levels.
    static func value(_ row: SelfAssessmentForm.Row, cell: CellReference, on sheet: Worksheet) throws {
        let range = CellRange(cell, cell)
        let unit = row.unit.map { $0 == "%" ? "（单位 %，如 93.6 表示 93.6%）" : "（单位：\($0)）" } ?? ""
        switch row.input {
        case .number(let minimum, let maximum):
            try sheet.numberValidation(
                range, minimum: minimum?.double, maximum: maximum?.double,
                prompt: "填数字\(unit)", error: "这里应填数字\(unit)")
        case .count:
            try sheet.numberValidation(
                range, minimum: 0, maximum: 999_999_999, prompt: "填发生的次数（没有填 0），情况写在“说明”中",
                error: "这里应填次数（0 或正数）")
        case .yesNo:
            try sheet.dropdown(range, items: ["是", "否"], prompt: "从下拉列表选“是”或“否”")
        case .level(let names):
            let choices = "从下拉列表选择：\(names.joined(separator: "、"))"
            try sheet.dropdown(range, items: names, prompt: choices.count <= 255 ? choices : "从下拉列表选择")
        case .item:
            try sheet.dropdown(
                range, items: ["是", "否"], prompt: "完成选“是”，未完成选“否”；部分完成可填 0 到 1 之间的比例（如 0.5）",
                strict: false)
        case .numbers, .checklistHeader, .fromLedger:
            break
        }
    }

    /// A count cell (次数, 人数): 0 to below 10^9.
    static func count(_ range: CellRange, on sheet: Worksheet, prompt: String) throws {
        try sheet.numberValidation(range, minimum: 0, maximum: 999_999_999, prompt: prompt, error: "这里应填次数或人数（0 或正数）")
    }
}
