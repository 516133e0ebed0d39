import Foundation
import KaoheCore
import XLSX

/// The workbook of `kaohe sensitivity`: the run parameters (so the result can be reproduced), how robust the
/// ranking is overall, and per organization its rank interval, grade shares and whether its grade depends on
/// the weights.
public enum SensitivityWorkbook {
    public static func write(_ r: SensitivityReport, provenance: Provenance, to path: String) throws {
        try Workbook.create(at: path, options: Workbook.Options(created: provenance.generated)) { wb in
            let cover = try wb.addWorksheet(named: "说明")
            let table = try wb.addWorksheet(named: "稳健性")
            let title = "\(r.rubric.assessment.title)权重敏感性分析"
            try writeCover(cover, r, provenance, title: title)
            try writeTable(table, r, workbook: wb, title: title)
            table.activate()
            try wb.setProperties(
                .init(
                    title: title, subject: "权重敏感性分析", author: r.rubric.assessment.issuer ?? "kaohe",
                    comments: "由 kaohe \(provenance.toolVersion) 生成"))
            try wb.setCustomProperty("随机种子", .text(String(r.parameters.seed)))
            try wb.setCustomProperty("扰动幅度", .text("±\((r.parameters.perturbation * 100).decimalText())%"))
            try wb.setCustomProperty("运行次数", .integer(Int32(clamping: r.parameters.runs)))
        }
    }

    private static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

    private static func writeCover(_ sheet: Worksheet, _ r: SensitivityReport, _ p: Provenance, title: String) throws {
        var cover = try CoverWriter(sheet: sheet, title: title)
        let x = (r.parameters.perturbation * 100).decimalText()
        try cover.line("名义权重", r.nominalSchemeName)
        try cover.line(
            "方法",
            "蒙特卡洛模拟(OECD/JRC《综合指标构建手册》):每次运行将每个权重(考核模块、一级指标、二级指标分值、测评群体权重)乘以 [1−\(x)%, 1+\(x)%] 内均匀分布的随机系数,在其上级内重新归一化(合计保持不变,保留 4 位小数),再按全部规则(折算、名额、一票否决)重新计分、排名、定等。"
        )
        try cover.line("扰动幅度", "±\(x)%")
        try cover.line("运行次数", String(r.parameters.runs))
        try cover.line("随机种子", "\(r.parameters.seed)(相同种子、幅度和次数得到相同结果)")
        try cover.section("整体稳健性")
        let shift = r.meanRankShift, rho = r.spearman
        try cover.line(
            "平均排名变动", String(format: "均值 %.3f,中位数 %.3f,5%%–95%% 区间 %.3f–%.3f(各次运行中各单位排名变化绝对值的平均)", shift.mean, shift.median, shift.p5, shift.p95))
        try cover.line("斯皮尔曼等级相关", String(format: "均值 %.3f,中位数 %.3f,5%%–95%% 区间 %.3f–%.3f(与名义排名的等级相关)", rho.mean, rho.median, rho.p5, rho.p95))
        try cover.line("「\(r.grades.first ?? "")」名单不变", "\(percent(r.topGradeSetUnchanged)) 的运行中与名义结果相同")
        let flagged = r.organizations.filter(\.gradeSensitive).map(\.name)
        try cover.line(
            "等次对权重敏感", flagged.isEmpty ? "无" : flagged.joined(separator: "、") + "(名义等次在至少 \(percent(SensitivityReport.flagShare)) 的运行中发生变化)")
        try cover.provenance(p)
        try cover.note("说明:扰动幅度是对权重不确定性的判断,不是测量结果;区间越窄、斯皮尔曼等级相关越接近 1,排名越稳健。")
        try sheet.setPageSetup(Printing.pageSetup(document: title, sheet: "说明", landscape: false, repeatRows: nil))
    }

    private static func writeTable(_ sheet: Worksheet, _ r: SensitivityReport, workbook: Workbook, title: String) throws {
        var headers = ["单位", "类别", "名义排名", "名义等次", "中位排名", "第5百分位排名", "第95百分位排名", "区间宽度"]
        headers += r.grades.map { "\($0)占比" }
        headers += ["等次对权重敏感"]
        let last = headers.count - 1
        try sheet.merge(
            CellRange(rows: 0...0, columns: 0...last),
            .text("各单位排名区间与等次分布(±\((r.parameters.perturbation * 100).decimalText())%,\(r.parameters.runs) 次,种子 \(r.parameters.seed))"),
            style: Styles.title)
        try sheet.setRowHeight(0, 30)
        try sheet.writeRow(headers.map(CellValue.text), row: 1, style: Styles.header)
        try sheet.setRowHeight(1, 30)
        let share = Styles.number.with { $0.numberFormat = "0.0%" }
        for (i, o) in r.organizations.enumerated() {
            let row = 2 + i
            try sheet.write(.text(o.name), row: row, column: 0, style: Styles.text)
            try sheet.write(.text(o.category), row: row, column: 1, style: Styles.centered)
            try sheet.write(.number(Double(o.nominalRank)), row: row, column: 2, style: Styles.integer)
            try sheet.write(.text(o.nominalGrade), row: row, column: 3, style: Styles.centered)
            try sheet.write(.number(o.medianRank), row: row, column: 4, style: Styles.points)
            try sheet.write(.number(Double(o.p5Rank)), row: row, column: 5, style: Styles.integer)
            try sheet.write(.number(Double(o.p95Rank)), row: row, column: 6, style: Styles.integer)
            let f = CellReference(row: row, column: 6).description, g = CellReference(row: row, column: 5).description
            try sheet.write(.formula("\(f)-\(g)", cached: .number(Double(o.p95Rank - o.p5Rank))), row: row, column: 7, style: Styles.integer)
            for (k, grade) in r.grades.enumerated() {
                try sheet.write(.number(o.gradeShares[grade] ?? 0), row: row, column: 8 + k, style: share)
            }
            try sheet.write(.text(o.gradeSensitive ? "是" : "否"), row: row, column: last, style: Styles.centered)
        }
        let lastRow = 1 + r.organizations.count
        if !r.organizations.isEmpty {
            try sheet.conditionalFormat(CellRange(rows: 2...lastRow, columns: last...last), .cellText(.equal, "是"), style: Styles.failing)
            try sheet.conditionalFormat(CellRange(rows: 2...lastRow, columns: 8...8), .dataBar(0x70AD47))
            try sheet.autofilter(CellRange(rows: 1...lastRow, columns: 0...last))
            let chart = try workbook.addChart(.bar)
            try chart.addSeries(
                name: "\(r.grades.first ?? "")占比",
                categories: "=" + FormulaText.absolute(sheet.name, rows: 2...lastRow, column: 0),
                values: "=" + FormulaText.absolute(sheet.name, rows: 2...lastRow, column: 8), color: 0x70AD47)
            try chart.setTitle("各单位评为「\(r.grades.first ?? "")」的运行占比")
            try chart.setValueAxis(minimum: 0, maximum: 1)
            try chart.hideLegend()
            try sheet.insert(chart, at: CellReference(row: lastRow + 2, column: 0), scale: (1.6, max(1.0, Double(r.organizations.count) / 12)))
        }
        try sheet.setColumnWidth(0...0, TextWidth.column(r.organizations.map(\.name), minimum: 10, maximum: 24))
        try sheet.setColumnWidth(1...1, TextWidth.column(r.organizations.map(\.category), minimum: 8, maximum: 20))
        try sheet.setColumnWidth(2...last, 9)
        try sheet.freezePanes(row: 2, column: 1)
        try sheet.setPageSetup(Printing.pageSetup(document: title, sheet: "稳健性", landscape: true, repeatRows: 1...1))
    }
}
