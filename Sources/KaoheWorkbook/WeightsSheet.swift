import KaoheCore
import XLSX

/// 权重: every weight as an unlocked input cell. All formulas of the workbook read these cells, so editing a
/// weight and recalculating gives what `kaohe score --weights` gives with the same weights.
struct WeightsSheet {
    let book: Book

    /// Writes the sheet; returns the cells of every weight and points, which the other sheets' formulas use.
    func write(_ sheet: Worksheet) throws -> WeightCells {
        var cells = WeightCells()
        let rubric = book.rubric
        let name = sheet.name
        let columns = 5
        try sheet.merge(CellRange(rows: 0...0, columns: 0...(columns - 1)), .text("权重与分值设置"), style: Styles.title)
        try sheet.setRowHeight(0, 28)
        let scheme = WeightScheme.name(of: book.result.scheme)
        try sheet.merge(
            CellRange(rows: 1...1, columns: 0...(columns - 1)),
            .text(
                "当前权重方案:\(scheme)。黄色单元格可修改,修改后重新计算(F9),各评分表、汇总的得分、排名和等次随之更新;与用同样权重的方案文件运行 kaohe score --weights 的结果一致。考核模块权重之和须等于总分 \(rubric.assessment.total.decimalText()),一级指标分值之和须保持 \(rubric.indicatorScale.decimalText())。"
            ),
            style: Styles.subtitle)
        try sheet.setRowHeight(1, 45)
        try sheet.writeRow(["类型", "编号", "名称", "权重/分值", "说明"].map(CellValue.text), row: 2, style: Styles.header)
        var row = 3

        func input(_ label: String, _ id: String, _ title: String, _ value: Exact, _ note: String) throws -> String {
            try sheet.write(.text(label), row: row, column: 0, style: Styles.centered)
            try sheet.write(.text(id), row: row, column: 1, style: Styles.text)
            try sheet.write(.text(title), row: row, column: 2, style: Styles.text)
            try sheet.write(.exact(value), row: row, column: 3, style: Styles.input)
            try sheet.write(.text(note), row: row, column: 4, style: Styles.text)
            defer { row += 1 }
            return FormulaText.absolute(name, row: row, column: 3)
        }
        func sum(_ label: String, _ first: Int, _ value: Exact, _ note: String) throws -> String {
            try sheet.merge(CellRange(rows: row...row, columns: 0...2), .text(label), style: Styles.subtotalLabel)
            let range = CellRange(rows: first...(row - 1), columns: 3...3)
            try sheet.write(.formula("SUM(\(range))", value), row: row, column: 3, style: Styles.subtotalPoints)
            try sheet.write(.text(note), row: row, column: 4, style: Styles.text)
            defer { row += 1 }
            return FormulaText.absolute(name, row: row, column: 3)
        }

        var first = row
        for block in rubric.blocks {
            cells.blockWeight[block.id] = try input(
                "考核模块", block.id, block.name, block.weight,
                block.source == .indicators ? "指标考核" : "测评")
        }
        _ = try sum("考核模块权重合计", first, rubric.blocks.map(\.weight).sum(), "应等于总分 \(rubric.assessment.total.decimalText())")

        first = row
        for dimension in rubric.dimensions {
            cells.dimensionPoints[dimension.id] = try input(
                "一级指标", dimension.id, dimension.name,
                dimension.points, "")
        }
        cells.scale = try sum(
            "一级指标分值合计(目标任务考核满分 S)", first, rubric.indicatorScale,
            "目标任务考核折算分 = 得分 × 权重 ÷ S")

        for dimension in rubric.dimensions {
            for indicator in dimension.indicators {
                let scope =
                    indicator.appliesTo.map { ids in
                        "个性指标:" + ids.sorted().map { id in book.rubric.organizations.first { $0.id == id }?.name ?? id }.joined(separator: "、")
                    } ?? "共性指标"
                cells.indicatorPoints[indicator.id] = try input(
                    "二级指标", indicator.id,
                    "\(dimension.name) › \(indicator.name)",
                    indicator.points, scope)
            }
        }
        for block in rubric.blocks {
            guard let survey = block.survey else { continue }
            for group in survey.groups {
                cells.groupWeight[block.id, default: [:]][group.id] =
                    try input(
                        "测评群体", "\(block.id).\(group.id)", "\(block.name) › \(group.name)", group.weight,
                        "有有效票的群体按权重加权平均")
            }
        }

        let texts = rubric.dimensions.flatMap { d in d.indicators.map { "\(d.name) › \($0.name)" } }
        try sheet.setColumnWidth(0...0, 10)
        try sheet.setColumnWidth(1...1, TextWidth.column(rubric.indicators.map(\.id), maximum: 24))
        try sheet.setColumnWidth(2...2, TextWidth.column(texts, maximum: 44))
        try sheet.setColumnWidth(3...3, 11)
        try sheet.setColumnWidth(4...4, 36)
        try sheet.freezePanes(row: 3)
        try sheet.setPageSetup(book.pageSetup(landscape: false, repeatRows: 2...2, title: "权重"))
        try sheet.protect()
        return cells
    }
}
