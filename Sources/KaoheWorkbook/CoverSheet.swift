import Foundation
import KaoheCore
import XLSX

/// 说明: the cover — title, issuer, year, basis, the weight scheme and its weights, and provenance
/// (tool version, SHA-256 of every input, generation time).
struct CoverSheet {
    let book: Book

    func write(_ sheet: Worksheet) throws {
        let rubric = book.rubric
        let a = rubric.assessment
        let p = book.provenance
        try sheet.merge(CellRange(rows: 0...0, columns: 0...2), .text(a.title), style: Styles.title.with { $0.fontSize = 18 })
        try sheet.setRowHeight(0, 40)
        var row = 2
        func line(_ label: String, _ value: String, mono: Bool = false) throws {
            try sheet.write(.text(label), row: row, column: 0, style: Styles.coverLabel)
            try sheet.merge(CellRange(rows: row...row, columns: 1...2), .text(value), style: mono ? Styles.coverMono : Styles.coverValue)
            try sheet.setRowHeight(row, max(20, Double(TextWidth.lines(value, width: 100)) * 15 + 4))
            row += 1
        }
        let scope = book.isSingle ? "本单位评分表(单位版)" : "汇总表、各单位评分表、满意度测评、指标体系、权重、图表"
        try line("考核单位", a.issuer ?? "")
        try line("考核年度", String(a.year))
        try line("考核编号", a.id)
        try line("考核依据", a.basis ?? "")
        try line("本工作簿", scope)
        try line("被考核单位", "\(book.organizations.count) 个:" + book.organizations.map(\.organization.name).joined(separator: "、"))
        try line("权重方案", book.result.scheme?.name ?? "考核细则原定权重")
        try line("模块权重", rubric.blocks.map { "\($0.name) \($0.weight.decimalText())" }.joined(separator: ";"))
        try line("一级指标分值", rubric.dimensions.map { "\($0.name) \($0.points.decimalText())" }.joined(separator: ";"))
        try line("计分规则", "所有计算采用精确十进制;各指标得分、一级指标小计(需折算时)、模块折算分、加扣分合计各四舍五入一次,保留 \(a.decimals) 位小数;打印的数即参与合计和排名的数。")
        row += 1
        try sheet.merge(CellRange(rows: row...row, columns: 0...2), .text("数据来源与校验(SHA-256)"), style: Styles.sectionLabel)
        row += 1
        try line("生成工具", "kaohe \(p.toolVersion)")
        try line("生成时间", GenerationTime.display(p.generated))
        try line("考核细则", "\(p.rubric.path)\n\(p.rubric.sha256)", mono: true)
        for file in p.data {
            try line("单位数据", "\(file.path)\n\(file.sha256)", mono: true)
        }
        if let scheme = p.scheme { try line("权重方案文件", "\(scheme.path)\n\(scheme.sha256)", mono: true) }
        row += 1
        try sheet.merge(CellRange(rows: row...row, columns: 0...2),
                        .text("使用说明:各表中的小计、折算分、加扣分合计、综合得分、排名和等次均为公式。如需测算其他权重,在「权重」表黄色单元格中修改后重新计算;正式结果以考核办用权重方案文件重新运行 kaohe 生成的工作簿为准。"),
                        style: Styles.note)
        try sheet.setRowHeight(row, 45)
        try sheet.setColumnWidth(0...0, 14)
        try sheet.setColumnWidth(1...1, 70)
        try sheet.setColumnWidth(2...2, 30)
        try sheet.setPageSetup(book.pageSetup(landscape: false, repeatRows: nil, title: "说明"))
    }
}
