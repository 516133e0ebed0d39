import Foundation
import KaoheCore
import XLSX

/// 说明: the cover — title, issuer, year, basis, the weight scheme and its weights, and provenance
/// (tool version, SHA-256 of every input, generation time).
struct CoverSheet {
    let book: Book
    static let namesListedUpTo = 100

    func write(_ sheet: Worksheet) throws {
        let rubric = book.rubric
        let a = rubric.assessment
        var cover = try CoverWriter(sheet: sheet, title: a.title)
        let scope =
            book.isSingle
            ? "本单位评分表(单位版)"
            : book.layout == .ledger
                ? "汇总表、评分明细台账(每单位每项指标一行)、满意度测评、指标体系、权重;各单位评分表另用 --split 生成"
                : "汇总表、各单位评分表、满意度测评、" + (book.result.ledger == nil ? "" : "议定事项台账、") + "指标体系、权重、图表"
        try cover.line("考核单位", a.issuer ?? "")
        try cover.line("考核年度", String(a.year))
        try cover.line("考核编号", a.id)
        try cover.line("考核依据", a.basis ?? "")
        try cover.line("本工作簿", scope)
        // A province roll-up names its units in 汇总, not in one cell.
        let names =
            book.organizations.count <= Self.namesListedUpTo
            ? ":" + book.organizations.map(\.organization.name).joined(separator: "、") : "(名单见「\(Book.summarySheet)」表)"
        try cover.line("被考核单位", "\(book.organizations.count) 个" + names)
        try cover.line("权重方案", WeightScheme.name(of: book.result.scheme))
        try cover.line("模块权重", rubric.blocks.map { "\($0.name) \($0.weight.decimalText())" }.joined(separator: ";"))
        try cover.line("一级指标分值", rubric.dimensions.map { "\($0.name) \($0.points.decimalText())" }.joined(separator: ";"))
        if book.streaming {
            try cover.line(
                "文件格式",
                "本工作簿单位数多，为控制内存采用流式写入(字符串内联存放)。Excel 和 LibreOffice 可正常打开；较旧版本的 WPS 可能无法打开，如需用 WPS 打开，请用 kaohe score --memory-budget 提高内存上限后重新生成。")
        }
        try cover.line("计分规则", "所有计算采用精确十进制;各指标得分、一级指标小计(需折算时)、模块折算分、加扣分合计各四舍五入一次,保留 \(a.decimals) 位小数;打印的数即参与合计和排名的数。")
        try cover.note("使用说明:各表中的小计、折算分、加扣分合计、综合得分、排名和等次均为公式。如需测算其他权重,在「权重」表黄色单元格中修改后重新计算;正式结果以考核办用权重方案文件重新运行 kaohe 生成的工作簿为准。")
        try cover.provenance(book.provenance)
        try sheet.setPageSetup(book.pageSetup(landscape: false, repeatRows: nil, title: "说明"))
    }
}
