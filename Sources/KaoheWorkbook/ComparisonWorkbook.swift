import Foundation
import KaoheCore
import XLSX

/// The workbook of `kaohe compare`: per organization and scheme the score, rank and grade with their changes
/// against the baseline (live formulas, arrows and colours), per scheme Spearman's correlation, the mean
/// absolute rank shift and who entered or left the top grade, and a chart of rank movements.
public enum ComparisonWorkbook {
    /// What the 等次变化 column shows when the grade stays.
    static let unchanged = "—"

    public static func write(_ c: Comparison, provenance: Provenance, to path: String) throws {
        try Workbook.create(at: path, options: Workbook.Options(created: provenance.generated)) { wb in
            let cover = try wb.addWorksheet(named: "说明")
            let table = try wb.addWorksheet(named: "对比")
            let summary = try wb.addWorksheet(named: "汇总指标")
            let movement = try wb.addWorksheet(named: "排名变动")
            let title = "\(c.rubric.assessment.title)权重方案对比"
            try writeCover(cover, c, provenance, title: title)
            try writeTable(table, c, title: title)
            try writeSummary(summary, c, title: title)
            try writeMovement(movement, c, workbook: wb, title: title)
            table.activate()
            try wb.setProperties(
                .init(
                    title: title, subject: "权重方案对比", author: c.rubric.assessment.issuer ?? "kaohe",
                    comments: "由 kaohe \(provenance.toolVersion) 生成"))
        }
    }

    static func weightsText(_ rubric: Rubric, _ scheme: WeightScheme?) -> String {
        let applied = rubric.applying(scheme)
        return applied.blocks.map { "\($0.name) \($0.weight.decimalText())" }.joined(separator: "、") + ";"
            + applied.dimensions.map { "\($0.name) \($0.points.decimalText())" }.joined(separator: "、")
    }

    private static func writeCover(_ sheet: Worksheet, _ c: Comparison, _ p: Provenance, title: String) throws {
        var cover = try CoverWriter(sheet: sheet, title: title)
        try cover.line("考核单位", c.rubric.assessment.issuer ?? "")
        try cover.line("考核年度", String(c.rubric.assessment.year))
        try cover.line("基准", "\(c.baselineName):" + weightsText(c.rubric, c.schemes[0]))
        for (name, scheme) in zip(c.schemeNames, c.schemes.dropFirst()) {
            try cover.line("对比方案", "\(name):" + weightsText(c.rubric, scheme))
        }
        try cover.line(
            "指标说明", "Δ得分 = 方案得分 − 基准得分;Δ排名 = 基准排名 − 方案排名(正数为上升);斯皮尔曼等级相关系数为方案排名与基准排名的相关程度(按排名类别计算、按单位数加权平均,1 表示排名完全一致);平均排名变动 = 各单位排名变化绝对值的平均。")
        try cover.provenance(p)
        try sheet.setPageSetup(Printing.pageSetup(document: title, sheet: "说明", landscape: false, repeatRows: nil))
    }

    private static func writeTable(_ sheet: Worksheet, _ c: Comparison, title: String) throws {
        let number = Styles.number
        let perScheme = 6
        let last = 4 + perScheme * c.schemeNames.count
        try sheet.merge(CellRange(rows: 0...0, columns: 0...last), .text(title), style: Styles.title)
        try sheet.setRowHeight(0, 30)
        try sheet.merge(CellRange(rows: 1...1, columns: 0...1), .text("单位"), style: Styles.header)
        try sheet.merge(CellRange(rows: 1...1, columns: 2...4), .text("基准:\(c.baselineName)"), style: Styles.header)
        for (k, name) in c.schemeNames.enumerated() {
            let first = 5 + perScheme * k
            try sheet.merge(CellRange(rows: 1...1, columns: first...(first + perScheme - 1)), .text(name), style: Styles.header)
        }
        var headers = ["单位", "类别", "综合得分", "排名", "等次"]
        for _ in c.schemeNames { headers += ["综合得分", "Δ得分", "排名", "Δ排名", "等次", "等次变化"] }
        try sheet.writeRow(headers.map(CellValue.text), row: 2, style: Styles.header)
        // Arrows in the format, colours from conditional formats (LibreOffice and WPS show [ColorN] formats faintly).
        let delta = Styles.number.with { $0.numberFormat = "▲0.00;▼0.00;0.00" }
        let rankDelta = Styles.integer.with { $0.numberFormat = "↑0;↓0;\"–\"" }
        for (i, row) in c.rows.enumerated() {
            let r = 3 + i
            try sheet.write(.text(row.name), row: r, column: 0, style: Styles.text)
            try sheet.write(.text(row.category), row: r, column: 1, style: Styles.centered)
            try sheet.write(.exact(row.baseline.final), row: r, column: 2, style: number)
            try sheet.write(.number(Double(row.baseline.rank)), row: r, column: 3, style: Styles.integer)
            try sheet.write(.text(row.baseline.grade), row: r, column: 4, style: Styles.centered)
            for (k, f) in row.schemes.enumerated() {
                let col = 5 + perScheme * k
                let cell = { (c: Int) in CellReference(row: r, column: c).description }
                try sheet.write(.exact(f.final), row: r, column: col, style: number)
                try sheet.write(.formula("ROUND(\(cell(col))-\(cell(2)),2)", f.final - row.baseline.final), row: r, column: col + 1, style: delta)
                try sheet.write(.number(Double(f.rank)), row: r, column: col + 2, style: Styles.integer)
                try sheet.write(
                    .formula("\(cell(3))-\(cell(col + 2))", cached: .number(Double(row.baseline.rank - f.rank))),
                    row: r, column: col + 3, style: rankDelta)
                try sheet.write(.text(f.grade), row: r, column: col + 4, style: Styles.centered)
                let change = f.grade == row.baseline.grade ? unchanged : "\(row.baseline.grade)→\(f.grade)"
                let formula = "IF(\(cell(col + 4))=\(cell(4)),\"\(unchanged)\",\(cell(4))&\"→\"&\(cell(col + 4)))"
                try sheet.write(.formula(formula, cached: .text(change)), row: r, column: col + 5, style: Styles.centered)
            }
        }
        let lastRow = 2 + c.rows.count
        if !c.rows.isEmpty {
            for k in c.schemeNames.indices {
                let col = 5 + perScheme * k
                // A better grade than the baseline's is green, a worse one red: the grades' order in the rubric decides.
                let order = "{" + c.rubric.grades.map { FormulaText.string($0.name) }.joined(separator: ",") + "}"
                let now = "MATCH($\(CellReference.columnName(col + 4))4,\(order),0)", before = "MATCH($E4,\(order),0)"
                let changes = CellRange(rows: 3...lastRow, columns: (col + 5)...(col + 5))
                try sheet.conditionalFormat(changes, .formula("\(now)<\(before)"), style: Styles.excellent)
                try sheet.conditionalFormat(changes, .formula("\(now)>\(before)"), style: Styles.failing)
                // Up is green, down red, in the score and rank changes alike.
                for column in [col + 1, col + 3] {
                    let range = CellRange(rows: 3...lastRow, columns: column...column)
                    try sheet.conditionalFormat(range, .cell(.greater, 0), style: CellStyle(bold: true, fontColor: 0x006100))
                    try sheet.conditionalFormat(range, .cell(.less, 0), style: CellStyle(bold: true, fontColor: 0xC00000))
                }
                try sheet.conditionalFormat(
                    CellRange(rows: 3...lastRow, columns: (col + 4)...(col + 4)),
                    .cellText(.equal, c.topGrade), style: Styles.excellent)
            }
            try sheet.conditionalFormat(CellRange(rows: 3...lastRow, columns: 4...4), .cellText(.equal, c.topGrade), style: Styles.excellent)
            try sheet.autofilter(CellRange(rows: 2...lastRow, columns: 0...last))
        }
        try sheet.setColumnWidth(0...0, TextWidth.column(c.rows.map(\.name), minimum: 10, maximum: 24))
        try sheet.setColumnWidth(1...1, TextWidth.column(c.rows.map(\.category), minimum: 8, maximum: 20))
        try sheet.setColumnWidth(2...last, 9)
        try sheet.freezePanes(row: 3, column: 1)
        try sheet.setPageSetup(Printing.pageSetup(document: title, sheet: "对比", landscape: true, repeatRows: 1...2))
    }

    private static func writeSummary(_ sheet: Worksheet, _ c: Comparison, title: String) throws {
        try sheet.merge(CellRange(rows: 0...0, columns: 0...5), .text("各方案与基准的排名一致性"), style: Styles.title)
        try sheet.setRowHeight(0, 30)
        try sheet.writeRow(
            ["权重方案", "斯皮尔曼等级相关", "平均排名变动", "等次变化单位数", "新进\(c.topGrade)", "退出\(c.topGrade)"].map(CellValue.text),
            row: 1, style: Styles.header)
        let names = Dictionary(uniqueKeysWithValues: c.rows.map { ($0.id, $0.name) })
        for (k, s) in c.summaries.enumerated() {
            let r = 2 + k
            try sheet.write(.text(s.scheme), row: r, column: 0, style: Styles.text)
            try sheet.write(.number(s.spearman), row: r, column: 1, style: Styles.number.with { $0.numberFormat = "0.000" })
            try sheet.write(.number(s.meanAbsoluteRankShift), row: r, column: 2, style: Styles.number)
            try sheet.write(.number(Double(s.gradeChanges)), row: r, column: 3, style: Styles.integer)
            try sheet.write(.text(s.entered.compactMap { names[$0] }.joined(separator: "、")), row: r, column: 4, style: Styles.text)
            try sheet.write(.text(s.left.compactMap { names[$0] }.joined(separator: "、")), row: r, column: 5, style: Styles.text)
        }
        try sheet.setColumnWidth(0...0, TextWidth.column(c.schemeNames, minimum: 12, maximum: 30))
        try sheet.setColumnWidth(1...3, 14)
        try sheet.setColumnWidth(4...5, 30)
        try sheet.setPageSetup(Printing.pageSetup(document: title, sheet: "汇总指标", landscape: true, repeatRows: 1...1))
    }

    private static func writeMovement(_ sheet: Worksheet, _ c: Comparison, workbook: Workbook, title: String) throws {
        let columns = [c.baselineName] + c.schemeNames
        try sheet.merge(CellRange(rows: 0...0, columns: 0...columns.count), .text("各方案下的排名"), style: Styles.title)
        try sheet.setRowHeight(0, 30)
        try sheet.writeRow([.text("单位")] + columns.map(CellValue.text), row: 1, style: Styles.header)
        for (i, row) in c.rows.enumerated() {
            try sheet.write(.text(row.name), row: 2 + i, column: 0, style: Styles.text)
            for (k, rank) in ([row.baseline.rank] + row.schemes.map(\.rank)).enumerated() {
                try sheet.write(.number(Double(rank)), row: 2 + i, column: 1 + k, style: Styles.integer)
            }
        }
        try sheet.setColumnWidth(0...0, TextWidth.column(c.rows.map(\.name), minimum: 10, maximum: 24))
        try sheet.setColumnWidth(1...columns.count, TextWidth.column(columns, minimum: 10, maximum: 24))
        guard !c.rows.isEmpty else { return }
        let chart = try workbook.addChart(.line)
        let categories = "=" + sheetReference(sheet.name, CellRange(rows: 1...1, columns: 1...columns.count).absolute)
        for (i, row) in c.rows.prefix(30).enumerated() {
            try chart.addSeries(
                name: row.name, categories: categories,
                values: "=" + sheetReference(sheet.name, CellRange(rows: (2 + i)...(2 + i), columns: 1...columns.count).absolute))
        }
        try chart.setTitle("排名变动(1 为最好)")
        try chart.setValueAxis(
            minimum: 1, maximum: Double(c.rows.map { max($0.baseline.rank, $0.schemes.map(\.rank).max() ?? 0) }.max() ?? 1),
            title: "排名")
        try chart.reverseValueAxis()
        try sheet.insert(chart, at: CellReference(row: c.rows.count + 3, column: 0), scale: (1.6, 1.5))
        var setup = Printing.pageSetup(document: title, sheet: "排名变动", landscape: true, repeatRows: nil)
        setup.fitToPages = (1, 1)
        try sheet.setPageSetup(setup)
    }
}
