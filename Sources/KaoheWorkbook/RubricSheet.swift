import KaoheCore
import XLSX

/// 指标体系: the rubric in words — every indicator with its points, method, 评分标准, evidence and scorer,
/// then the bonus, penalty, veto and grade rules.
struct RubricSheet {
    let book: Book

    func write(_ sheet: Worksheet) throws {
        let rubric = book.rubric
        let headers = ["一级指标", "分值", "二级指标", "编号", "分值", "计分方法", "评分标准", "适用单位", "佐证材料", "考核单位"]
        let widths: [Double] = [10, 6, 18, 18, 6, 14, 44, 14, 22, 14]
        let last = headers.count - 1
        try sheet.merge(CellRange(rows: 0...0, columns: 0...last), .text("\(rubric.assessment.title)指标体系"), style: Styles.title)
        try sheet.setRowHeight(0, 30)
        try sheet.merge(
            CellRange(rows: 1...1, columns: 0...last),
            .text(
                "总分 \(rubric.assessment.total.decimalText()) 分:"
                    + rubric.blocks.map { "\($0.name) \($0.weight.decimalText())" }.joined(separator: "、") + ";另计加分、扣分和一票否决。分值为当前权重方案下的分值。"),
            style: Styles.subtitle)
        try sheet.writeRow(headers.map(CellValue.text), row: 2, style: Styles.header)
        var row = 3
        for dimension in rubric.dimensions {
            let first = row
            for (i, indicator) in dimension.indicators.enumerated() {
                if book.streaming || i == 0 {
                    // Streamed sheets cannot go back up to merge: the dimension is named on every row.
                    try sheet.write(.text(dimension.name), row: row, column: 0, style: Styles.centered)
                    try sheet.write(.exact(dimension.points), row: row, column: 1, style: Styles.points)
                }
                let applies =
                    indicator.appliesTo.map { ids in
                        ids.sorted().map { id in rubric.organizations.first { $0.id == id }?.name ?? id }.joined(separator: "、")
                    } ?? "全部"
                let method = indicator.method.chineseName + (indicator.missingIsZero ? "(未报送计0分)" : "")
                let values: [CellValue] = [
                    .text(indicator.name), .text(indicator.id), .exact(indicator.points), .text(method),
                    .text(indicator.standard ?? ""), .text(applies), .text(indicator.evidence ?? ""),
                    .text(indicator.scorer ?? "")
                ]
                let styles = [Styles.text, Styles.text, Styles.points, Styles.centered, Styles.text, Styles.text, Styles.text, Styles.centered]
                for (i, value) in values.enumerated() { try sheet.write(value, row: row, column: 2 + i, style: styles[i]) }
                let lines =
                    [(indicator.standard ?? "", 6), (applies, 7), (indicator.evidence ?? "", 8), (indicator.name, 2)]
                    .map { TextWidth.lines($0.0, width: widths[$0.1]) }.max() ?? 1
                try sheet.setRowHeight(row, max(20, Double(lines) * 14 + 4))
                row += 1
            }
            if !book.streaming, row - 1 > first {
                try sheet.merge(CellRange(rows: first...(row - 1), columns: 0...0), .text(dimension.name), style: Styles.centered)
                try sheet.merge(CellRange(rows: first...(row - 1), columns: 1...1), .exact(dimension.points), style: Styles.points)
            }
        }
        row += 1
        func section(_ title: String, _ lines: [String]) throws {
            guard !lines.isEmpty else { return }
            try sheet.merge(CellRange(rows: row...row, columns: 0...last), .text(title), style: Styles.sectionLabel)
            row += 1
            for line in lines {
                try sheet.merge(CellRange(rows: row...row, columns: 0...last), .text(line), style: Styles.text)
                row += 1
            }
        }
        func adjustments(_ rules: AdjustmentRules, _ unit: String) -> [String] {
            rules.items.map { "\($0.name):每次\(unit) \($0.points.decimalText()) 分" + ($0.cap.map { ",本项最多 \($0.decimalText()) 分" } ?? "") }
                + (rules.cap.map { ["合计最多\(unit) \($0.decimalText()) 分"] } ?? [])
        }
        try section("加分项", adjustments(rubric.bonus, "加"))
        try section("扣分项", adjustments(rubric.penalties, "扣"))
        try section(
            "一票否决",
            rubric.vetoes.map { v in
                switch v.effect {
                case .grade(let g): "\(v.name):直接定为「\(g)」,排在同类其他单位之后"
                case .demote(let k): "\(v.name):在名额确定后降 \(k) 个等次"
                case .maxGrade(let g): "\(v.name):最高评为「\(g)」,不占更高等次名额"
                }
            })
        try section(
            "等次",
            rubric.grades.map { g in
                var t = g.name + (g.minimum.map { ":综合得分 ≥ \($0.decimalText())" } ?? ":其余")
                if let q = g.quota {
                    t +=
                        ",名额不超过同类单位数 × \(q.decimalText())(\(WorkingText.chinese.rounding(g.quotaRounding))),并列跨越名额线时\(g.quotaTies == .exclude ? "并列者均不占名额" : "并列者全部占名额")"
                }
                return t
            })
        for (i, w) in widths.enumerated() { try sheet.setColumnWidth(i...i, w) }
        try sheet.freezePanes(row: 3)
        try sheet.setPageSetup(book.pageSetup(landscape: true, repeatRows: 2...2, title: "指标体系"))
    }
}
