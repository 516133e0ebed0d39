import Foundation
import KaoheCore
import XLSX

/// Writes one organization's 自评表 workbook (forms.md §2–§3): 填报说明, 自评表, 加减分 and the hidden `_kaohe`
/// sheet; every visible sheet protected without a password, only the yellow input cells open, every typed input
/// validated.
public enum SelfAssessmentFormWorkbook {
    /// Writes `form` to `path` (atomically: a failure leaves no file and the previous one untouched); with
    /// `cellLog`, also every cell as JSON lines (see `CellLog`), for the benchmark's reference writers.
    public static func write(
        _ form: SelfAssessmentForm, rubric: Rubric, rubricDigest: String, to path: String,
        options: Workbook.Options = Workbook.Options(), cellLog: String? = nil
    ) throws {
        let log = try cellLog.map(CellLog.init(path:))
        defer { try? log?.close() }
        try FormBook.write(
            to: path, options: options,
            properties: .init(
                title: "\(rubric.assessment.title) 自评表", subject: form.organization.name,
                author: rubric.assessment.issuer,
                comments: "由 kaohe forms 生成；请在黄色单元格中填写后按原文件格式（.xlsx）报送"),
            instructions: FormInstructions(form: form, rubric: rubric),
            metadata: form.metadata(rubric: rubric, rubricDigest: rubricDigest), recorder: log?.record
        ) { book in
            try SelfAssessmentSheet(form: form, rubric: rubric).write(book.addWorksheet(named: SelfAssessmentForm.sheetName))
            if !form.adjustments.isEmpty {
                try AdjustmentSheet(form: form, rubric: rubric).write(book.addWorksheet(named: SelfAssessmentForm.adjustmentSheetName))
            }
        }
    }

    /// `<NN>-<单位名称>-自评表.xlsx`, NN the organization's place in the rubric.
    public static func fileName(_ form: SelfAssessmentForm, rubric: Rubric) -> String {
        let index = (rubric.organizations.firstIndex { $0.id == form.organization.id } ?? 0) + 1
        return "\(FormFileName.number(index, of: rubric.organizations.count))-\(OutputNaming.fileName(form.organization.name))-自评表.xlsx"
    }
}

/// What every form workbook is (forms.md §2): 填报说明 first and active, the form's own sheets, the hidden `_kaohe`.
enum FormBook {
    static func write(
        to path: String, options: Workbook.Options, properties: Workbook.Properties,
        instructions: FormInstructions, metadata: FormMetadata,
        recorder: ((String, WorksheetEvent) -> Void)? = nil, sheets: (Workbook) throws -> Void
    ) throws {
        try Workbook.create(at: path, options: options) { book in
            if let recorder { book.recorder = recorder }
            try book.setProperties(properties)
            let first = try book.addWorksheet(named: SelfAssessmentForm.instructionsSheetName)
            try instructions.write(first)
            try sheets(book)
            try FormMetadataSheet.write(metadata, to: book)
            first.activate()
        }
    }
}

/// The hidden `_kaohe` sheet: key–value rows in columns A–B.
enum FormMetadataSheet {
    static func write(_ meta: FormMetadata, to book: Workbook) throws {
        let sheet = try book.addWorksheet(named: FormMetadata.sheetName)
        for (row, (key, value)) in meta.rows.enumerated() {
            try sheet.write(.text(key), row: row, column: 0)
            try sheet.write(.text(value), row: row, column: 1)
        }
        try sheet.setColumnWidth(0...0, 30)
        try sheet.setColumnWidth(1...1, 70)
        sheet.hide()
    }
}

/// Looks shared by the forms: open cells yellow, locked ones grey where nothing is to be typed.
enum FormStyles {
    static let inputNumber = Styles.text.with {
        $0.unlocked = true; $0.fillColor = 0xFFF2CC; $0.numberFormat = "General"; $0.horizontal = .center
    }
    static let inputText = Styles.text.with {
        $0.unlocked = true; $0.fillColor = 0xFFF2CC
    }
    static let closed = Styles.centered.with {
        $0.fillColor = 0xF2F2F2; $0.fontColor = 0x808080
    }
    static let reference = Styles.centered.with { $0.fontColor = 0x595959 }
}

/// The signature and seal line at the foot of a form sheet.
enum SignatureLine {
    static let text = "填报人：＿＿＿＿＿＿　　单位负责人（签字）：＿＿＿＿＿＿　　联系电话：＿＿＿＿＿＿　　填报日期：　　年　　月　　日　　（单位盖章）"

    /// Written from the second column: the hidden 编号 column stays empty below the rows.
    static func write(_ sheet: Worksheet, row: Int, columns: ClosedRange<Int>) throws {
        try sheet.merge(
            CellRange(rows: row...row, columns: (columns.lowerBound + 1)...columns.upperBound), .text(text),
            style: Styles.signature)
        try sheet.setRowHeight(row, 48)
    }
}
