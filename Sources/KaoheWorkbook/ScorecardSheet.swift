import KaoheCore
import XLSX

/// One organization's scorecard (评分表), laid out as the office's paper form:
/// 序号 | 一级指标 | 二级指标 | 分值 | 评分标准 | 完成情况 | 自评分 | 核定分 | 差异 | 扣分说明 | 佐证材料 | 考核单位,
/// with dimension subtotals, block scores and contributions, survey, bonus, penalty, veto, final, rank, grade
/// and a signature line.
struct ScorecardSheet {
    let book: Book
    let organization: OrganizationResult

    static let headers = [
        "序号", "一级指标", "二级指标", "分值", "评分标准", "完成情况", "自评分", "核定分", "差异",
        "扣分说明", "佐证材料", "考核单位"
    ]
    static let widths: [Double] = [5, 10, 16, 6.5, 34, 16, 7.5, 8, 7.5, 26, 18, 12]
    private static let pointsColumn = 3, selfColumn = 6, scoreColumn = 7, diffColumn = 8, noteColumn = 9
    private var last: Int { Self.headers.count - 1 }

    /// Writes the scorecard alone on `sheet`, with its print setup.
    func write(_ sheet: Worksheet) throws {
        let end = try writeBlock(sheet, at: 0)
        for (i, width) in Self.widths.enumerated() { try sheet.setColumnWidth(i...i, width) }
        try sheet.freezePanes(row: 3)
        var setup = book.pageSetup(landscape: true, repeatRows: 2...2, title: organization.organization.name)
        setup.printArea = CellRange(rows: 0...(end - 1), columns: 0...last)
        try sheet.setPageSetup(setup)
        sheet.setTabColor(gradeColor(organization.grade))
    }

    /// Writes scorecards one below the other, each starting on a new printed page.
    static func writeStack(_ organizations: [OrganizationResult], on sheet: Worksheet, book: Book) throws {
        var row = 0
        var breaks: [Int] = []
        for org in organizations {
            if row > 0 { breaks.append(row) }
            row = try ScorecardSheet(book: book, organization: org).writeBlock(sheet, at: row)
        }
        for (i, width) in widths.enumerated() { try sheet.setColumnWidth(i...i, width) }
        try sheet.setPageBreaks(beforeRows: breaks)
        try sheet.setPageSetup(book.pageSetup(landscape: true, repeatRows: nil, title: "评分明细"))
    }

    /// Writes the scorecard from row `top` (for sheets that hold many scorecards); returns the row after it.
    func writeBlock(_ sheet: Worksheet, at top: Int) throws -> Int {
        let rubric = book.rubric
        let org = organization
        let id = org.organization.id
        let p = book.places
        let number = Styles.number.with { $0.numberFormat = book.numberFormat }
        let subtotal = Styles.subtotal.with { $0.numberFormat = book.numberFormat }
        let total = Styles.total.with { $0.numberFormat = book.numberFormat }
        var cells = ScorecardCells()

        try sheet.merge(CellRange(rows: top...top, columns: 0...last), .text("\(rubric.assessment.title)评分表"), style: Styles.title)
        try sheet.setRowHeight(top, 30)
        let scheme = book.result.scheme?.name ?? "考核细则原定权重"
        try sheet.merge(
            CellRange(rows: (top + 1)...(top + 1), columns: 0...last),
            .text(
                "被考核单位:\(org.organization.name)　　类别:\(book.categoryName(org.organization.category))　　考核年度:\(rubric.assessment.year)　　权重方案:\(scheme)　　考核单位:\(rubric.assessment.issuer ?? "")"
            ),
            style: Styles.subtitle)
        try sheet.setRowHeight(top + 1, 20)
        try sheet.writeRow(Self.headers.map(CellValue.text), row: top + 2, style: Styles.header)
        var row = top + 3
        var serial = 1

        func ref(_ r: Int, _ c: Int) -> String { CellReference(row: r, column: c).description }
        func label(_ text: String, _ style: CellStyle, from: Int = 0, to: Int = 2) throws {
            try sheet.merge(CellRange(rows: row...row, columns: from...to), .text(text), style: style)
        }
        func fill(_ columns: ClosedRange<Int>, _ style: CellStyle) throws {
            for c in columns { try sheet.write(.blank, row: row, column: c, style: style) }
        }

        // Indicators, by dimension.
        var dimensionScoreCells: [String] = []
        for dimension in rubric.dimensions {
            guard let d = org.dimension(dimension.id) else { continue }
            let first = row
            var selfScores: [Exact] = []
            for indicator in dimension.indicators where indicator.applies(to: id) {
                guard let r = org.indicator(indicator.id) else { continue }
                let pointsRef = book.weights.indicatorPoints[indicator.id]!
                try sheet.write(.exact(Exact(serial)), row: row, column: 0, style: Styles.integer)
                try sheet.write(.text(indicator.name), row: row, column: 2, style: Styles.text)
                try sheet.write(.formula(pointsRef, indicator.points), row: row, column: 3, style: Styles.points)
                try sheet.write(.text(indicator.standard ?? indicator.method.chineseName), row: row, column: 4, style: Styles.text)
                let texts = book.scorecardTexts.row(r, of: id, indicator: indicator)
                try sheet.write(.text(texts.done), row: row, column: 5, style: r.review?.claimed == nil ? Styles.text : Styles.corrected)
                if let s = r.selfScore {
                    selfScores.append(s)
                    try sheet.write(.exact(s), row: row, column: Self.selfColumn, style: number)
                    try sheet.write(
                        .formula("ROUND(\(ref(row, Self.scoreColumn))-\(ref(row, Self.selfColumn)),\(p))", (r.score - s).rounded(p)),
                        row: row, column: Self.diffColumn, style: number)
                } else {
                    try fill(Self.selfColumn...Self.diffColumn, number)
                }
                try sheet.write(
                    .formula(FormulaText.indicatorScore(points: ref(row, 3), fraction: r.fraction, places: p), r.score),
                    row: row, column: Self.scoreColumn, style: number)
                try sheet.write(.text(texts.note), row: row, column: Self.noteColumn, style: Styles.text)
                try sheet.write(.text(texts.evidence), row: row, column: 10, style: Styles.text)
                try sheet.write(.text(r.review.map { "\($0.by)\n(已核定)" } ?? indicator.scorer ?? ""), row: row, column: 11, style: Styles.centered)
                try sheet.setRowHeight(row, texts.height)
                serial += 1
                row += 1
            }
            try sheet.merge(CellRange(rows: first...(row - 1), columns: 1...1), .text(dimension.name), style: Styles.centered)
            // Subtotal, rescaled when the applicable points differ from the dimension's (§5.2).
            let pointsRange = "\(ref(first, 3)):\(ref(row - 1, 3))"
            let scoreRange = "\(ref(first, Self.scoreColumn)):\(ref(row - 1, Self.scoreColumn))"
            try label("「\(dimension.name)」小计", Styles.subtotalLabel)
            try sheet.write(
                .formula(book.weights.dimensionPoints[dimension.id]!, dimension.points), row: row, column: 3,
                style: Styles.subtotalPoints)
            try fill(4...5, Styles.subtotalLabel)
            // The self-scores' subtotal on the same footing as the verified one: rescaled by the same §5.2 factor.
            let selfRange = "\(ref(first, Self.selfColumn)):\(ref(row - 1, Self.selfColumn))"
            let selfSubtotal = d.isRescaled ? (selfScores.sum() * d.points / d.applicablePoints).rounded(p) : selfScores.sum()
            if selfScores.isEmpty {
                try fill(Self.selfColumn...Self.selfColumn, subtotal)
            } else if d.isRescaled {
                try sheet.write(
                    .formula("ROUND(SUM(\(selfRange))*\(ref(row, 3))/SUM(\(pointsRange)),\(p))", selfSubtotal),
                    row: row, column: Self.selfColumn, style: subtotal)
            } else {
                try sheet.write(.formula("SUM(\(selfRange))", selfSubtotal), row: row, column: Self.selfColumn, style: subtotal)
            }
            try sheet.write(
                .formula("ROUND(SUM(\(scoreRange))*\(ref(row, 3))/SUM(\(pointsRange)),\(p))", d.score),
                row: row, column: Self.scoreColumn, style: subtotal)
            if selfScores.isEmpty {
                try fill(Self.diffColumn...Self.diffColumn, subtotal)
            } else {
                try sheet.write(
                    .formula("ROUND(\(ref(row, Self.scoreColumn))-\(ref(row, Self.selfColumn)),\(p))", (d.score - selfSubtotal).rounded(p)),
                    row: row, column: Self.diffColumn, style: subtotal)
            }
            let rescale =
                d.isRescaled
                ? "适用指标分值合计 \(d.applicablePoints.decimalText()),得分 \(d.sum.formatted(places: p)),按 \(d.points.decimalText())/\(d.applicablePoints.decimalText()) 折算"
                    + (selfScores.isEmpty ? "" : "(自评分小计同样折算)")
                : ""
            try sheet.merge(
                CellRange(rows: row...row, columns: Self.noteColumn...last), .text(rescale),
                style: Styles.subtotalLabel.with { $0.horizontal = .left })
            if d.isRescaled { try sheet.setRowHeight(row, 28) }
            dimensionScoreCells.append(ref(row, Self.scoreColumn))
            cells.dimensionScore[dimension.id] = FormulaText.absolute(sheet.name, row: row, column: Self.scoreColumn)
            row += 1
        }

        // Blocks.
        var contributionCells: [String] = []
        for block in rubric.blocks {
            guard let b = org.block(block.id) else { continue }
            let weightRef = book.weights.blockWeight[block.id]!
            let scoreRow: Int
            if block.source == .indicators {
                try label("\(block.name)得分", Styles.totalLabel, to: 2)
                try sheet.write(.formula(book.weights.scale, rubric.indicatorScale), row: row, column: 3, style: Styles.subtotalPoints)
                try fill(4...6, Styles.totalLabel)
                try sheet.write(
                    .formula("SUM(\(dimensionScoreCells.joined(separator: ",")))", b.score), row: row,
                    column: Self.scoreColumn, style: total)
                try sheet.merge(
                    CellRange(rows: row...row, columns: Self.diffColumn...last),
                    .text("各一级指标得分之和(满分 S = 一级指标分值合计)"), style: Styles.totalLabel.with { $0.horizontal = .left })
                scoreRow = row
                row += 1
            } else {
                let survey = block.survey!
                let first = row
                var terms: [(weight: String, score: String)] = []
                for group in survey.groups {
                    guard let g = b.survey?.first(where: { $0.id == group.id }) else { continue }
                    try sheet.write(.exact(Exact(serial)), row: row, column: 0, style: Styles.integer)
                    try sheet.write(.text(group.name), row: row, column: 2, style: Styles.text)
                    try sheet.write(
                        .formula(book.weights.groupWeight[block.id]![group.id]!, group.weight), row: row,
                        column: 3, style: Styles.points)
                    try sheet.write(.text("\(block.name):按群体权重加权平均"), row: row, column: 4, style: Styles.text)
                    let working = WorkingText.chinese.surveyGroup(g)
                    try sheet.write(.text(working), row: row, column: 5, style: Styles.text)
                    try fill(Self.selfColumn...Self.selfColumn, number)
                    if let score = g.score, let cell = book.surveyCells[id]?[block.id]?[group.id] {
                        try sheet.write(.formula(cell, score), row: row, column: Self.scoreColumn, style: number)
                        terms.append((ref(row, 3), ref(row, Self.scoreColumn)))
                        try fill(Self.diffColumn...Self.noteColumn, Styles.text)
                    } else {
                        try sheet.write(.text("无有效票"), row: row, column: Self.scoreColumn, style: Styles.centered)
                        try fill(Self.diffColumn...Self.diffColumn, Styles.text)
                        try sheet.write(.text("该群体无有效票,不参与加权(不按0分计)"), row: row, column: Self.noteColumn, style: Styles.text)
                    }
                    try sheet.write(.text("测评票"), row: row, column: 10, style: Styles.text)
                    try sheet.write(.text(""), row: row, column: 11, style: Styles.text)
                    try sheet.setRowHeight(row, rowHeight([(working, 5)]))
                    serial += 1
                    row += 1
                }
                if row > first {
                    try sheet.merge(CellRange(rows: first...(row - 1), columns: 1...1), .text(block.name), style: Styles.centered)
                }
                try label("\(block.name)得分", Styles.totalLabel)
                try sheet.write(.number(100), row: row, column: 3, style: Styles.subtotalPoints)
                try fill(4...6, Styles.totalLabel)
                let numerator = terms.map { "\($0.weight)*\($0.score)" }.joined(separator: "+")
                let denominator = terms.map(\.weight).joined(separator: "+")
                try sheet.write(
                    .formula("ROUND((\(numerator))/(\(denominator)),\(p))", b.score), row: row,
                    column: Self.scoreColumn, style: total)
                try sheet.merge(
                    CellRange(rows: row...row, columns: Self.diffColumn...last),
                    .text("有有效票的群体得分按权重加权平均(满分 100)"), style: Styles.totalLabel.with { $0.horizontal = .left })
                scoreRow = row
                row += 1
            }
            let scale = block.source == .indicators ? "S" : "100"
            try label("\(block.name)折算得分", Styles.totalLabel)
            try sheet.write(.formula(weightRef, block.weight), row: row, column: 3, style: Styles.subtotalPoints)
            try fill(4...6, Styles.totalLabel)
            let scaleRef = block.source == .indicators ? "\(ref(scoreRow, 3))" : "100"
            // S may be 0 (every dimension at 0 points, §12): the contribution is then 0, nothing divides by it.
            try sheet.write(
                .formula("IF(\(scaleRef)=0,0,ROUND(\(ref(scoreRow, Self.scoreColumn))*\(ref(row, 3))/\(scaleRef),\(p)))", b.contribution),
                row: row, column: Self.scoreColumn, style: total)
            try sheet.merge(
                CellRange(rows: row...row, columns: Self.diffColumn...last),
                .text("得分 × 权重 ÷ \(scale)"), style: Styles.totalLabel.with { $0.horizontal = .left })
            cells.blockScore[block.id] = FormulaText.absolute(sheet.name, row: scoreRow, column: Self.scoreColumn)
            cells.contribution[block.id] = FormulaText.absolute(sheet.name, row: row, column: Self.scoreColumn)
            contributionCells.append(ref(row, Self.scoreColumn))
            row += 1
        }

        // Bonus and penalty.
        var totalCells: [String] = []
        for (title, adjustment, rules) in [("加分", org.bonus, rubric.bonus), ("扣分", org.penalty, rubric.penalties)] {
            let first = row
            var lineCells: [String] = []
            for line in adjustment.lines {
                let item = rules.items.first { $0.id == line.item }!
                try sheet.write(.exact(Exact(serial)), row: row, column: 0, style: Styles.integer)
                try sheet.write(.text(line.name), row: row, column: 2, style: Styles.text)
                try sheet.write(.exact(item.points), row: row, column: 3, style: Styles.points)
                try sheet.write(
                    .text("每次 \(item.points.decimalText()) 分" + (item.cap.map { ",本项最多 \($0.decimalText()) 分" } ?? "")),
                    row: row, column: 4, style: Styles.text)
                var notes = line.notes.joined(separator: ";")
                if let claimed = line.claimed, let unit = line.reviewedBy {
                    notes += (notes.isEmpty ? "" : ";") + "申报 \(claimed.decimalText()) 次,\(unit)核定" + (line.reviewNote.map { ":\($0)" } ?? "")
                }
                try sheet.write(
                    .text("\(line.count.decimalText()) 次" + (notes.isEmpty ? "" : ":" + notes)), row: row, column: 5,
                    style: line.claimed == nil ? Styles.text : Styles.corrected)
                try fill(Self.selfColumn...Self.selfColumn, number)
                let formula = FormulaText.adjustmentLine(points: ref(row, 3), count: line.count, cap: item.cap)
                try sheet.write(
                    .formula(formula, line.capped), row: row, column: Self.scoreColumn,
                    style: number.with { $0.numberFormat = book.partNumberFormat })
                try fill(Self.diffColumn...Self.diffColumn, number)
                try sheet.write(
                    .text(line.capped < line.raw ? "超过本项上限,按 \(line.capped.decimalText()) 分计" : ""),
                    row: row, column: Self.noteColumn, style: Styles.text)
                try fill(10...last, Styles.text)
                try sheet.setRowHeight(row, rowHeight([("\(line.count) 次:" + notes, 5)]))
                lineCells.append(ref(row, Self.scoreColumn))
                serial += 1
                row += 1
            }
            if row > first {
                try sheet.merge(CellRange(rows: first...(row - 1), columns: 1...1), .text(title + "项"), style: Styles.centered)
            }
            let capText = rules.cap.map { "(上限 \($0.decimalText()) 分)" } ?? ""
            try label("\(title)合计\(capText)", Styles.totalLabel)
            try fill(3...6, Styles.totalLabel)
            let sum = lineCells.isEmpty ? "0" : "SUM(\(lineCells.joined(separator: ",")))"
            let formula = FormulaText.adjustmentTotal(sum: sum, cap: rules.cap, places: p)
            try sheet.write(.formula(formula, adjustment.total), row: row, column: Self.scoreColumn, style: total)
            let explain =
                adjustment.lines.isEmpty
                ? "无" : (rules.cap.map { adjustment.sum > $0 ? "合计 \(adjustment.sum.decimalText()) 超过上限,按 \($0.decimalText()) 分计" : "" } ?? "")
            try sheet.merge(
                CellRange(rows: row...row, columns: Self.diffColumn...last), .text(explain + (title == "扣分" ? "(扣分以正数列示,从综合得分中减去)" : "")),
                style: Styles.totalLabel.with { $0.horizontal = .left })
            totalCells.append(ref(row, Self.scoreColumn))
            if title == "加分" {
                cells.bonus = FormulaText.absolute(sheet.name, row: row, column: Self.scoreColumn)
            } else {
                cells.penalty = FormulaText.absolute(sheet.name, row: row, column: Self.scoreColumn)
            }
            row += 1
        }
        let (bonusCell, penaltyCell) = (totalCells[0], totalCells[1])

        // Veto.
        try label("一票否决", Styles.totalLabel)
        let vetoText =
            org.vetoes.isEmpty
            ? "无"
            : org.vetoes.map { v in
                "\(v.name)(\(v.effect.words))" + (v.note.map { ":\($0)" } ?? "") + (v.reviewedBy.map { "(\($0)认定)" } ?? "")
            }.joined(separator: ";")
        try sheet.merge(
            CellRange(rows: row...row, columns: 3...last), .text(vetoText),
            style: Styles.text.with {
                $0.bold = !org.vetoes.isEmpty; $0.fontColor = org.vetoes.isEmpty ? nil : 0xC00000
            })
        try sheet.setRowHeight(row, rowHeight([(vetoText, -1)]))
        row += 1

        // Final, rank, grade.
        try label("综合得分", Styles.totalLabel)
        try fill(3...6, Styles.totalLabel)
        let sumText = (contributionCells + [bonusCell]).joined(separator: "+") + "-" + penaltyCell
        try sheet.write(.formula("MAX(0,ROUND(\(sumText),\(p)))", org.final), row: row, column: Self.scoreColumn, style: total)
        try sheet.merge(
            CellRange(rows: row...row, columns: Self.diffColumn...last),
            .text("各模块折算得分 + 加分 − 扣分(不低于 0)"), style: Styles.totalLabel.with { $0.horizontal = .left })
        cells.final = FormulaText.absolute(sheet.name, row: row, column: Self.scoreColumn)
        row += 1
        let scope = rubric.ranking.within == .category ? "排名(\(book.categoryName(org.organization.category))类内)" : "排名"
        try label(scope, Styles.totalLabel)
        try fill(3...6, Styles.totalLabel)
        if book.isSingle {
            try sheet.write(.exact(Exact(org.rank)), row: row, column: Self.scoreColumn, style: Styles.totalText)
        } else {
            let summaryRow = book.summaryRow[id]!
            try sheet.write(
                .formula(FormulaText.absolute(Book.summarySheet, row: summaryRow, column: 0), cached: .number(Double(org.rank))),
                row: row, column: Self.scoreColumn, style: Styles.totalText)
        }
        try sheet.merge(
            CellRange(rows: row...row, columns: Self.diffColumn...last),
            .text(org.vetoes.contains { if case .grade = $0.effect { return true } else { return false } } ? "因一票否决排在本类其他单位之后" : ""),
            style: Styles.totalLabel.with { $0.horizontal = .left })
        row += 1
        try label("考核等次", Styles.totalLabel)
        try fill(3...6, Styles.totalLabel)
        if book.isSingle {
            try sheet.write(.text(org.grade), row: row, column: Self.scoreColumn, style: Styles.totalText)
        } else {
            let summaryRow = book.summaryRow[id]!
            try sheet.write(
                .formula(
                    FormulaText.absolute(Book.summarySheet, row: summaryRow, column: SummarySheet.gradeColumn(book)),
                    cached: .text(org.grade)), row: row, column: Self.scoreColumn, style: Styles.totalText)
        }
        let steps = WorkingText.chinese.grading(org, places: book.places).joined(separator: ";")
        try sheet.merge(
            CellRange(rows: row...row, columns: Self.diffColumn...last), .text(steps),
            style: Styles.totalLabel.with {
                $0.horizontal = .left; $0.wrap = true
            })
        try sheet.setRowHeight(row, max(20, Double(TextWidth.lines(steps, width: Self.widths[8...].reduce(0, +))) * 14 + 4))
        row += 2

        try sheet.merge(CellRange(rows: row...row, columns: 0...4), .text("考核组签字:"), style: Styles.signature)
        try sheet.merge(CellRange(rows: row...row, columns: 5...8), .text("被考核单位负责人签字:"), style: Styles.signature)
        try sheet.merge(CellRange(rows: row...row, columns: 9...last), .text("日期:　　　　年　　月　　日"), style: Styles.signature)
        try sheet.setRowHeight(row, 36)
        row += 1
        try sheet.merge(
            CellRange(rows: row...row, columns: 0...last),
            .text("说明:核定分、小计、折算得分、加扣分合计、综合得分均为公式,引用「权重」表中的权重;分值或权重调整后重新计算即可更新。"),
            style: Styles.note)
        book.scorecards[id] = cells
        return row + 1
    }

    /// A row height that shows wrapped text in full: the tallest of the given (text, column) pairs (column -1:
    /// the merged columns from 分值 on).
    private func rowHeight(_ texts: [(String, Int)]) -> Double {
        Self.height(lines: texts.map { Self.lines($0, column: $1) }.max() ?? 1)
    }

    /// The lines `text` wraps to in `column`.
    static func lines(_ text: String, column: Int) -> Int {
        TextWidth.lines(text, width: column < 0 ? widths[3...].reduce(0, +) : widths[column])
    }

    static func height(lines: Int) -> Double { max(20, Double(lines) * 14 + 4) }

    private func gradeColor(_ grade: String) -> UInt32 {
        switch book.rubric.grades.firstIndex(where: { $0.name == grade }) {
        case 0?: 0x70AD47
        case let i? where i == book.rubric.grades.count - 1: 0xC00000
        default: 0x5B9BD5
        }
    }
}
