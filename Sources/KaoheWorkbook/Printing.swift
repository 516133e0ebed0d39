import KaoheCore
import XLSX

/// The print setup every sheet shares: A4, one page wide, the document title top left and the sheet's top
/// right, `第 &P 页 共 &N 页` at the foot.
enum Printing {
    static func pageSetup(
        document: String, sheet: String, landscape: Bool,
        repeatRows: ClosedRange<Int>?
    ) -> Worksheet.PageSetup {
        var setup = Worksheet.PageSetup()
        setup.orientation = landscape ? .landscape : .portrait
        setup.fitToPages = (1, 0)
        setup.repeatRows = repeatRows
        func escaped(_ text: String) -> String { text.replacingOccurrences(of: "&", with: "&&") }
        let header = "&L\(escaped(document))&R\(escaped(sheet))"
        setup.header = header.count <= 255 ? header : nil
        setup.footer = "&C第 &P 页 共 &N 页"
        setup.margins = (0.4, 0.4, 0.6, 0.6)
        return setup
    }
}

/// Writes label–value lines down a cover sheet (说明), including the provenance block.
struct CoverWriter {
    let sheet: Worksheet
    var row: Int

    init(sheet: Worksheet, title: String) throws {
        self.sheet = sheet
        try sheet.merge(CellRange(rows: 0...0, columns: 0...2), .text(title), style: Styles.title.with { $0.fontSize = 18 })
        try sheet.setRowHeight(0, 40)
        try sheet.setColumnWidth(0...0, 14)
        try sheet.setColumnWidth(1...1, 70)
        try sheet.setColumnWidth(2...2, 30)
        row = 2
    }

    mutating func line(_ label: String, _ value: String, mono: Bool = false) throws {
        try sheet.write(.text(label), row: row, column: 0, style: Styles.coverLabel)
        try sheet.merge(CellRange(rows: row...row, columns: 1...2), .text(value), style: mono ? Styles.coverMono : Styles.coverValue)
        try sheet.setRowHeight(row, max(20, Double(TextWidth.lines(value, width: 100)) * 15 + 4))
        row += 1
    }

    mutating func section(_ title: String) throws {
        row += 1
        try sheet.merge(CellRange(rows: row...row, columns: 0...2), .text(title), style: Styles.sectionLabel)
        row += 1
    }

    mutating func note(_ text: String) throws {
        row += 1
        try sheet.merge(CellRange(rows: row...row, columns: 0...2), .text(text), style: Styles.note)
        try sheet.setRowHeight(row, max(30, Double(TextWidth.lines(text, width: 110)) * 14 + 6))
        row += 1
    }

    /// Tool version, generation time and the SHA-256 of every input file.
    /// On a page of its own after the human part (workbook.md 14), so that the first page reads as a report.
    mutating func provenance(_ p: Provenance) throws {
        try sheet.setPageBreaks(beforeRows: [row + 1])
        try section("数据来源与校验(SHA-256)")
        try line("生成工具", "kaohe \(p.toolVersion)")
        try line("生成时间", GenerationTime.display(p.generated))
        try line("考核细则", "\(p.rubric.path)\n\(p.rubric.sha256)", mono: true)
        for file in p.data { try line("单位数据", "\(file.path)\n\(file.sha256)", mono: true) }
        for file in p.schemes { try line("权重方案文件", "\(file.path)\n\(file.sha256)", mono: true) }
        if let asOf = p.ledgerAsOf { try line("联席会议台账", "截至 \(asOf.chinese)") }
        for file in p.ledger { try line("台账文件", "\(file.path)\n\(file.sha256)", mono: true) }
    }
}
