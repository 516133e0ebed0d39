import Foundation
import KaoheCore
import XLSX

/// Writes one rater group's 测评统计表 (forms.md §6): 填报说明, 测评统计表 (a row per organization: the count of each
/// answer level, or one score per ballot) and the hidden `_kaohe` sheet.
public enum SurveyFormWorkbook {
    public static func write(
        _ form: SurveyForm, rubric: Rubric, rubricDigest: String, to path: String,
        options: Workbook.Options = Workbook.Options()
    ) throws {
        try FormBook.write(
            to: path, options: options,
            properties: .init(
                title: "\(rubric.assessment.title) \(form.block.name)统计表", subject: form.group.name,
                author: rubric.assessment.issuer,
                comments: "由 kaohe forms --survey 生成；请在黄色单元格中填写后按原文件格式（.xlsx）报送"),
            instructions: FormInstructions(survey: form, rubric: rubric),
            metadata: form.metadata(rubric: rubric, rubricDigest: rubricDigest)
        ) { book in
            try SurveySheetForm(form: form, rubric: rubric).write(book.addWorksheet(named: SurveyForm.sheetName))
        }
    }

    /// `<NN>-<测评组>-测评统计表.xlsx` (with several survey blocks, `<NN>-<block>-<group>-…`).
    public static func fileName(_ form: SurveyForm, rubric: Rubric) -> String {
        let all = SurveyForm.forms(rubric: rubric, data: [:])
        let several = rubric.blocks.filter { $0.source == .survey }.count > 1
        let name = several ? "\(form.block.name)-\(form.group.name)" : form.group.name
        return
            "\(FormFileName.number((all.firstIndex { $0.subject == form.subject } ?? 0) + 1, of: all.count))-\(OutputNaming.fileName(name))-测评统计表.xlsx"
    }
}

extension FormInstructions {
    init(survey form: SurveyForm, rubric: Rubric) {
        let levels = form.survey.answers.map { answer in
            "\(answer.name)（\(answer.value.map { "计 \($0.decimalText()) 分" } ?? "不计入有效票")）"
        }
        self.init(
            title: "\(rubric.assessment.title) \(form.block.name)统计表 填写说明",
            facts: [("测评组", form.group.name), ("测评内容", form.block.name), ("考核年度", String(rubric.assessment.year))],
            steps: [
                "一、每个被测评单位一行，两种填法任选其一，同一行不能两种都填：",
                "　　1. 按档次统计：在各档次列中填选择该档的人数（整数）。档次：\(levels.joined(separator: "、"))。",
                "　　2. 按票统计：每张有效票的分数（0 到 100）依次填入“票1”“票2”……，票数多于列数的请联系考核办。"
                    + (form.survey.trim > 0 ? "计分时去掉 \(form.survey.trim) 个最高分和 \(form.survey.trim) 个最低分。" : ""),
                "二、没有测评的单位留空（该组按无有效票处理，不计为 0 分）。",
                "三、工作表保护没有密码，但请不要撤销保护、增删行列、修改隐藏的“编号”列或工作表名称，否则无法读取。填好后按原文件格式（.xlsx）保存报送，原始测评票封存备查。"
            ], rubric: rubric)
    }
}

/// The 测评统计表 sheet.
struct SurveySheetForm {
    let form: SurveyForm
    let rubric: Rubric

    var headers: [String] { SurveyForm.Column.allCases.map(\.rawValue) + form.answers + form.ballotHeaders }

    func write(_ sheet: Worksheet) throws {
        let frame = FormSheetFrame(sheet: sheet, rubric: rubric, headers: headers)
        try frame.begin(
            title: "\(rubric.assessment.title) \(form.block.name)统计表",
            subtitle: "测评组：\(form.group.name)　　　　考核年度：\(rubric.assessment.year)　　　　每行按档次填人数，或按票填分数，二者选一")
        let firstAnswer = SurveyForm.Column.allCases.count
        let firstBallot = firstAnswer + form.answers.count
        for (offset, row) in form.rows.enumerated() {
            let r = 3 + offset
            try sheet.write(.text(row.organization.id), row: r, column: 0, style: Styles.text)
            try sheet.write(.text(row.organization.name), row: r, column: 1, style: Styles.text)
            let counts: [String: Exact] = if case .counts(let c)? = row.votes { Dictionary(c, uniquingKeysWith: +) } else { [:] }
            let scores: [Exact] = if case .scores(let s)? = row.votes { s } else { [] }
            for (i, answer) in form.answers.enumerated() {
                try sheet.write(counts[answer].map { .exact($0) } ?? .blank, row: r, column: firstAnswer + i, style: FormStyles.inputNumber)
            }
            for i in 0..<form.ballots {
                try sheet.write(i < scores.count ? .exact(scores[i]) : .blank, row: r, column: firstBallot + i, style: FormStyles.inputNumber)
            }
            try sheet.setRowHeight(r, 22)
        }
        if !form.rows.isEmpty {
            let rows = 3...(2 + form.rows.count)
            try sheet.numberValidation(
                CellRange(rows: rows, columns: firstAnswer...(firstBallot - 1)), minimum: 0,
                maximum: 999_999_999, integer: true, prompt: "填选择该档的人数（整数）",
                error: "这里应填人数（0 或正整数）")
            try sheet.numberValidation(
                CellRange(rows: rows, columns: firstBallot...(firstBallot + form.ballots - 1)), minimum: 0,
                maximum: 100, prompt: "填这张票的分数（0 到 100）", error: "每张票的分数应在 0 到 100 之间")
        }
        let widths = [16.0, 16] + form.answers.map { max(8, Double($0.count) * 2 + 2) } + Array(repeating: 6, count: form.ballots)
        try frame.end(rows: form.rows.count, widths: widths, frozenColumns: 2, printed: "\(form.group.name) 测评统计表")
    }
}
