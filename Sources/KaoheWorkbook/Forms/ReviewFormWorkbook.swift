import Foundation
import KaoheCore
import XLSX

/// Writes one 考核责任单位's 核定表 workbook (forms.md §5): 填报说明, 核定表 (what each organization claimed,
/// locked, and 核定完成情况 prefilled with the value in data), 加减分及否决 and the hidden `_kaohe` sheet.
public enum ReviewFormWorkbook {
    public static func write(
        _ form: ReviewForm, rubric: Rubric, rubricDigest: String, to path: String,
        options: Workbook.Options = Workbook.Options()
    ) throws {
        try FormBook.write(
            to: path, options: options,
            properties: .init(
                title: "\(rubric.assessment.title) 核定表", subject: form.unit, author: rubric.assessment.issuer,
                comments: "由 kaohe forms --review 生成；请核定黄色单元格后按原文件格式（.xlsx）报送"),
            instructions: FormInstructions(review: form, rubric: rubric),
            metadata: form.metadata(rubric: rubric, rubricDigest: rubricDigest)
        ) { book in
            if !form.rows.isEmpty { try ReviewSheet(form: form, rubric: rubric).write(book.addWorksheet(named: ReviewForm.sheetName)) }
            if !form.adjustments.isEmpty {
                try ReviewAdjustmentSheet(form: form, rubric: rubric).write(book.addWorksheet(named: ReviewForm.adjustmentSheetName))
            }
        }
    }

    /// `<NN>-<考核责任单位>-核定表.xlsx`, NN the unit's place among the rubric's units.
    public static func fileName(_ form: ReviewForm, rubric: Rubric) -> String {
        let units = ReviewForm.units(rubric)
        return "\(FormFileName.number((units.firstIndex(of: form.unit) ?? 0) + 1, of: units.count))-\(OutputNaming.fileName(form.unit))-核定表.xlsx"
    }
}

/// Form file names: a place number with as many digits as the largest.
enum FormFileName {
    static func number(_ index: Int, of count: Int) -> String {
        let digits = max(2, String(count).count)
        return String(repeating: "0", count: max(0, digits - String(index).count)) + String(index)
    }
}

extension FormInstructions {
    init(review form: ReviewForm, rubric: Rubric) {
        var steps = [
            "一、本表列出由本单位核定的各单位各项指标：左侧灰色为单位自评申报的完成情况、自评分和佐证材料（已锁定），请逐项核实。",
            "二、“核定完成情况”已预填单位的申报值：核实无误的保留不动；需要更正的改为核定值（填法与自评表相同：数字只填数字，是否类和定性评价类从下拉列表选择，清单类逐项填“是”“否”或 0 到 1 之间的比例）。",
            "三、更正的请在“核定说明”中写明依据；核定分由考核细则按核定完成情况计算，不需要填写。",
            "四、“加减分及否决”工作表：核定各单位申报的加分、扣分次数（没有的填 0 或留空）；本单位负责认定的一票否决事项，有此情形的选“是”并在“核定说明”中写明情况。",
            "五、工作表保护没有密码，但请不要撤销保护、增删行列、修改隐藏的“编号”列或工作表名称，否则无法读取。填好后按原文件格式（.xlsx）保存报送，打印签字盖章的纸质件一并报送。"
        ]
        if !form.withoutData.isEmpty {
            steps.append("注：\(form.withoutData.map(\.name).joined(separator: "、")) 生成本表时尚无自评数据，其各行未预填，请按核实情况填写。")
        }
        self.init(
            title: "\(rubric.assessment.title) 核定表 填写说明",
            facts: [
                ("核定单位", form.unit), ("考核年度", String(rubric.assessment.year)),
                ("考核组织", rubric.assessment.issuer ?? rubric.assessment.title)
            ],
            steps: steps, rubric: rubric)
    }
}

/// The 核定表 sheet: a row per organization and indicator (and checklist item) the unit verifies.
struct ReviewSheet {
    let form: ReviewForm
    let rubric: Rubric

    typealias Column = ReviewForm.Column
    let columns = Column.allCases

    func index(_ column: Column) -> Int { columns.firstIndex(of: column)! }

    func write(_ sheet: Worksheet) throws {
        let frame = FormSheetFrame(sheet: sheet, rubric: rubric, headers: columns.map(\.rawValue))
        try frame.begin(
            title: "\(rubric.assessment.title) 核定表",
            subtitle: "核定单位：\(form.unit)　　　　考核年度：\(rubric.assessment.year)　　　　核实后只改黄色单元格；说明见“填报说明”")
        for (offset, row) in form.rows.enumerated() { try write(row, at: 3 + offset, on: sheet) }
        let widths: [Column: Double] = [
            .code: 16, .organization: 12, .dimension: 10, .indicator: 16, .points: 6, .standard: 30,
            .unit: 7, .claimed: 12, .selfScore: 7, .evidence: 18, .note: 18, .verified: 14,
            .reviewNote: 22
        ]
        try frame.end(
            rows: form.rows.count, widths: columns.map { widths[$0] ?? 12 }, frozenColumns: index(.indicator) + 1,
            printed: "\(form.unit) 核定表")
    }

    private func write(_ row: ReviewForm.Row, at r: Int, on sheet: Worksheet) throws {
        let plan = row.plan
        let isItem = plan.itemID != nil
        func put(_ column: Column, _ value: CellValue, _ style: CellStyle) throws {
            try sheet.write(value, row: r, column: index(column), style: style)
        }
        try put(.code, .text(row.code), Styles.text)
        try put(.organization, .text(row.organization.name), Styles.text)
        try put(.dimension, isItem ? .blank : .text(plan.dimension), Styles.centered)
        try put(.indicator, .text(isItem ? "　· \(plan.name)" : plan.name), Styles.text)
        try put(.points, .exact(plan.points), Styles.points)
        try put(.standard, plan.standard.map(CellValue.text) ?? .blank, Styles.text)
        try put(.unit, plan.unit.map(CellValue.text) ?? .blank, Styles.centered)
        try put(.claimed, row.claim.map(Self.cell) ?? .blank, FormStyles.reference)
        try put(.selfScore, row.selfScore.map { .exact($0) } ?? .blank, FormStyles.reference)
        try put(.evidence, .text(row.evidence.joined(separator: "、")), FormStyles.reference)
        try put(.note, row.note.map(CellValue.text) ?? .blank, FormStyles.reference)
        if plan.input == .checklistHeader {
            try put(.verified, .text("逐项核定 ↓"), FormStyles.closed)
        } else {
            try put(.verified, row.current.map(Self.cell) ?? .blank, plan.input == .numbers ? FormStyles.inputText : FormStyles.inputNumber)
            try FormValidation.value(plan, cell: CellReference(row: r, column: index(.verified)), on: sheet)
        }
        try put(.reviewNote, .blank, isItem ? FormStyles.closed : FormStyles.inputText)
        let lines = max(TextWidth.lines(plan.standard ?? "", width: 30), TextWidth.lines(plan.name, width: 16))
        try sheet.setRowHeight(r, isItem ? 20 : max(24, Double(lines) * 14 + 6))
    }

    static func cell(_ prefill: FormValue.Prefill) -> CellValue {
        switch prefill {
        case .number(let n): .exact(n)
        case .text(let t): .text(t)
        }
    }
}

/// The 加减分及否决 sheet: a row per organization and bonus, penalty or veto item the unit verifies or reports.
struct ReviewAdjustmentSheet {
    let form: ReviewForm
    let rubric: Rubric

    typealias Column = ReviewForm.AdjustmentColumn

    func write(_ sheet: Worksheet) throws {
        let columns = Column.allCases
        func index(_ c: Column) -> Int { columns.firstIndex(of: c)! }
        let frame = FormSheetFrame(sheet: sheet, rubric: rubric, headers: columns.map(\.rawValue))
        try frame.begin(
            title: "\(form.unit) 加减分及一票否决核定",
            subtitle: "核定各单位申报的加分、扣分次数（没有的填 0）；一票否决事项有此情形的选“是”并写明情况。")
        for (offset, row) in form.adjustments.enumerated() {
            let r = 3 + offset
            let count = CellRange(rows: r...r, columns: index(.count)...index(.count))
            try sheet.write(.text(row.code), row: r, column: index(.code), style: Styles.text)
            try sheet.write(.text(row.organization.name), row: r, column: index(.organization), style: Styles.text)
            try sheet.write(.text(row.kind.rawValue), row: r, column: index(.kind), style: Styles.centered)
            try sheet.write(.text(row.name), row: r, column: index(.item), style: Styles.text)
            try sheet.write(.text(Self.points(row)), row: r, column: index(.points), style: Styles.centered)
            try sheet.write(
                row.kind == .veto ? .text(row.claimed > .zero ? "是" : "否") : .exact(row.claimed),
                row: r, column: index(.claimed), style: FormStyles.reference)
            try sheet.write(row.claimNote.map(CellValue.text) ?? .blank, row: r, column: index(.claimNote), style: FormStyles.reference)
            try sheet.write(ReviewSheet.cell(row.current), row: r, column: index(.count), style: FormStyles.inputNumber)
            if row.kind == .veto {
                try sheet.dropdown(count, items: ["是", "否"], prompt: "有此情形选“是”，并在“核定说明”中写明")
            } else {
                try FormValidation.count(count, on: sheet, prompt: "填核定的次数；没有的填 0")
            }
            try sheet.write(.blank, row: r, column: index(.reviewNote), style: FormStyles.inputText)
            try sheet.setRowHeight(r, 22)
        }
        let widths: [Column: Double] = [
            .code: 16, .organization: 12, .kind: 9, .item: 28, .points: 16, .claimed: 8,
            .claimNote: 28, .count: 8, .reviewNote: 30
        ]
        try frame.end(
            rows: form.adjustments.count, widths: columns.map { widths[$0] ?? 12 }, frozenColumns: 0,
            printed: "\(form.unit) 加减分及否决")
    }

    static func points(_ row: ReviewForm.AdjustmentRow) -> String {
        if let effect = row.effect { return effect.words }
        return "每次 \(row.points?.decimalText() ?? "") 分" + (row.cap.map { "，上限 \($0.decimalText())" } ?? "")
    }
}

extension Veto.Effect {
    /// The effect in words, as the forms and scorecards print it.
    var words: String {
        switch self {
        case .grade(let g): "直接定为\(g)"
        case .demote(let k): "降 \(k) 个等次"
        case .maxGrade(let g): "最高评为\(g)"
        }
    }
}
