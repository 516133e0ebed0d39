import KaoheCore
import XLSX

/// One organization's scorecard (评分表), laid out as the office's paper form:
/// 序号 | 一级指标 | 二级指标 | 分值 | 评分标准 | 完成情况 | 自评分 | 核定分 | 差异 | 扣分说明 | 佐证材料 | 考核单位,
/// with dimension subtotals, block scores and contributions, survey, bonus, penalty, veto, final, rank, grade
/// and a signature line.
struct ScorecardSheet: Sendable {
    let context: ScorecardContext
    let organization: OrganizationResult

    static let headers = [
        "序号", "一级指标", "二级指标", "分值", "评分标准", "完成情况", "自评分", "核定分", "差异",
        "扣分说明", "佐证材料", "考核单位"
    ]
    static let widths: [Double] = [5, 10, 16, 6.5, 34, 16, 7.5, 8, 7.5, 26, 18, 12]

    /// The columns, in the order of `headers`.
    enum Column {
        static let serial = 0, dimension = 1, indicator = 2, points = 3, standard = 4, done = 5
        static let selfScore = 6, score = 7, difference = 8, note = 9, evidence = 10, scorer = 11
    }
    private var last: Int { Column.scorer }

    /// A scorecard laid out for its sheet: the plan to replay, the row after it, and the cells other sheets refer to.
    struct Planned: Sendable {
        var plan: ScorecardPlan
        var end: Int
        var cells: ScorecardCells
    }

    /// Writes the scorecard alone on `sheet`, with its print setup; returns the cells other sheets refer to.
    func write(_ sheet: Worksheet) throws -> ScorecardCells {
        try Self.write(layOut(sheet: sheet.name, at: 0), for: organization, on: sheet, context: context)
    }

    /// Writes a scorecard laid out for `sheet` (perhaps on another core), with its print setup.
    static func write(_ planned: Planned, for organization: OrganizationResult, on sheet: Worksheet, context: ScorecardContext) throws
        -> ScorecardCells
    {
        try planned.plan.replay(on: sheet)
        for (i, width) in Self.widths.enumerated() { try sheet.setColumnWidth(i...i, width) }
        try sheet.freezePanes(row: 3)
        var setup = context.pageSetup(landscape: true, repeatRows: 2...2, title: organization.organization.name)
        setup.printArea = CellRange(rows: 0...(planned.end - 1), columns: Column.serial...Column.scorer)
        try sheet.setPageSetup(setup)
        sheet.setTabColor(gradeColor(organization.grade, rubric: context.rubric))
        return planned.cells
    }

    /// Writes scorecards one below the other, each starting on a new printed page; returns each one's cells.
    static func writeStack(
        _ organizations: [OrganizationResult], on sheet: Worksheet, context: ScorecardContext
    ) throws -> [String: ScorecardCells] {
        var row = 0
        var breaks: [Int] = []
        var placed: [String: ScorecardCells] = [:]
        for org in organizations {
            if row > 0 { breaks.append(row) }
            let planned = try ScorecardSheet(context: context, organization: org).layOut(sheet: sheet.name, at: row)
            try planned.plan.replay(on: sheet)
            (row, placed[org.organization.id]) = (planned.end, planned.cells)
        }
        for (i, width) in widths.enumerated() { try sheet.setColumnWidth(i...i, width) }
        try sheet.setPageBreaks(beforeRows: breaks)
        try sheet.setPageSetup(context.pageSetup(landscape: true, repeatRows: nil, title: "评分明细"))
        return placed
    }

    /// Lays the scorecard out for the sheet named `sheet` from row `top` (sheets may hold many scorecards).
    func layOut(sheet: String, at top: Int) throws -> Planned {
        var c = Cursor(sheet: ScorecardPlan(sheet: sheet), row: top, context: context)
        try writeHeading(&c)
        let dimensionScores = try context.rubric.dimensions.compactMap { try writeDimension($0, &c) }
        let contributions = try context.rubric.blocks.compactMap { try writeBlockScore($0, dimensionScores: dimensionScores, &c) }
        let bonus = try writeAdjustments("加分", organization.bonus, context.rubric.bonus, &c)
        let penalty = try writeAdjustments("扣分", organization.penalty, context.rubric.penalties, &c)
        try writeVeto(&c)
        try writeOutcome(contributions: contributions, bonus: bonus, penalty: penalty, &c)
        try writeSignature(&c)
        return Planned(plan: c.sheet, end: c.row + 1, cells: c.cells)
    }

    /// Where a scorecard being laid out has got to: its plan, the next row and serial number, the cells other
    /// sheets refer to, and the number styles in the book's format.
    private struct Cursor {
        var sheet: ScorecardPlan
        var row: Int
        var serial = 1
        /// Where the next indicator's result is likely to be (see `OrganizationResult.indicator(_:next:)`).
        var nextIndicator = 0
        var cells = ScorecardCells()
        let number: CellStyle, subtotal: CellStyle, total: CellStyle

        init(sheet: ScorecardPlan, row: Int, context: ScorecardContext) {
            self.sheet = sheet
            self.row = row
            number = Styles.number.with { $0.numberFormat = context.numberFormat }
            subtotal = Styles.subtotal.with { $0.numberFormat = context.numberFormat }
            total = Styles.total.with { $0.numberFormat = context.numberFormat }
        }

        /// A label merged over columns `from`…`to` of the current row.
        mutating func label(_ text: String, _ style: CellStyle, from: Int = Column.serial, to: Int = Column.indicator) throws {
            try sheet.merge(CellRange(rows: row...row, columns: from...to), .text(text), style: style)
        }

        /// A total row: its label, what it is out of (points or a weight), its score and a note across the rest.
        mutating func totalRow(_ text: String, outOf points: CellValue, score: CellValue, note: String) throws {
            try label(text, Styles.totalLabel)
            try sheet.write(points, row: row, column: Column.points, style: Styles.subtotalPoints)
            try fill(Column.standard...Column.selfScore, Styles.totalLabel)
            try sheet.write(score, row: row, column: Column.score, style: total)
            try sheet.merge(
                CellRange(rows: row...row, columns: Column.difference...Column.scorer), .text(note),
                style: Styles.totalLabel.with { $0.horizontal = .left })
        }

        /// Blank cells in `style` on the current row.
        mutating func fill(_ columns: ClosedRange<Int>, _ style: CellStyle) throws {
            for column in columns { try sheet.write(.blank, row: row, column: column, style: style) }
        }
    }

    private func ref(_ r: Int, _ c: Int) -> String { CellReference(row: r, column: c).description }

    /// The title, the organization's line and the column headers.
    private func writeHeading(_ c: inout Cursor) throws {
        let rubric = context.rubric
        let org = organization
        let top = c.row
        try c.sheet.merge(CellRange(rows: top...top, columns: Column.serial...last), .text("\(rubric.assessment.title)评分表"), style: Styles.title)
        try c.sheet.setRowHeight(top, 30)
        let scheme = context.schemeName
        try c.sheet.merge(
            CellRange(rows: (top + 1)...(top + 1), columns: Column.serial...last),
            .text(
                "被考核单位:\(org.organization.name)　　类别:\(context.categoryName(org.organization.category))　　考核年度:\(rubric.assessment.year)　　权重方案:\(scheme)　　考核单位:\(rubric.assessment.issuer ?? "")"
            ),
            style: Styles.subtitle)
        try c.sheet.setRowHeight(top + 1, 20)
        try c.sheet.writeRow(Self.headers.map(CellValue.text), row: top + 2, style: Styles.header)
        c.row = top + 3
    }

    /// A dimension's indicator rows and its subtotal, rescaled when the applicable points differ from the
    /// dimension's (§5.2); returns the subtotal's cell (nil when no indicator of it applies).
    private func writeDimension(_ dimension: Dimension, _ c: inout Cursor) throws -> String? {
        let org = organization
        let id = org.organization.id
        let p = context.places
        guard let d = org.dimension(dimension.id) else { return nil }
        let first = c.row
        var selfScores: [Exact] = []
        // The styles of an indicator's row, looked up once for all of them.
        let integer = c.sheet.style(Styles.integer), text = c.sheet.style(Styles.text), points = c.sheet.style(Styles.points)
        let corrected = c.sheet.style(Styles.corrected), number = c.sheet.style(c.number), centered = c.sheet.style(Styles.centered)
        for indicator in dimension.indicators where indicator.applies(to: id) {
            guard let r = org.indicator(indicator.id, next: &c.nextIndicator) else { continue }
            let pointsRef = context.weights.indicatorPoints[indicator.id]!
            try c.sheet.write(.exact(Exact(c.serial)), row: c.row, column: Column.serial, style: integer)
            try c.sheet.write(.text(indicator.name), row: c.row, column: Column.indicator, style: text)
            try c.sheet.write(.formula(pointsRef, indicator.points), row: c.row, column: Column.points, style: points)
            try c.sheet.write(.text(indicator.standard ?? indicator.method.chineseName), row: c.row, column: Column.standard, style: text)
            let texts = context.texts.row(r, indicator: indicator)
            try c.sheet.write(.text(texts.done), row: c.row, column: Column.done, style: r.review?.claimed == nil ? text : corrected)
            if let s = r.selfScore {
                selfScores.append(s)
                try c.sheet.write(.exact(s), row: c.row, column: Column.selfScore, style: number)
                try c.sheet.write(
                    .formula(
                        FormulaText.difference(ref(c.row, Column.score), minus: ref(c.row, Column.selfScore), places: p), (r.score - s).rounded(p)),
                    row: c.row, column: Column.difference, style: number)
            } else {
                for column in Column.selfScore...Column.difference { try c.sheet.write(.blank, row: c.row, column: column, style: number) }
            }
            try c.sheet.write(
                .formula(FormulaText.indicatorScore(points: ref(c.row, Column.points), fraction: r.fraction, places: p), r.score),
                row: c.row, column: Column.score, style: number)
            try c.sheet.write(.text(texts.note), row: c.row, column: Column.note, style: text)
            try c.sheet.write(.text(texts.evidence), row: c.row, column: Column.evidence, style: text)
            try c.sheet.write(
                .text(r.review.map { "\($0.by)\n(已核定)" } ?? indicator.scorer ?? ""), row: c.row, column: Column.scorer, style: centered)
            try c.sheet.setRowHeight(c.row, texts.height)
            c.serial += 1
            c.row += 1
        }
        try c.sheet.merge(
            CellRange(rows: first...(c.row - 1), columns: Column.dimension...Column.dimension), .text(dimension.name), style: Styles.centered)
        // Subtotal, rescaled when the applicable points differ from the dimension's (§5.2).
        let pointsRange = "\(ref(first, Column.points)):\(ref(c.row - 1, Column.points))"
        let scoreRange = "\(ref(first, Column.score)):\(ref(c.row - 1, Column.score))"
        try c.label("「\(dimension.name)」小计", Styles.subtotalLabel)
        try c.sheet.write(
            .formula(context.weights.dimensionPoints[dimension.id]!, dimension.points), row: c.row, column: Column.points,
            style: Styles.subtotalPoints)
        try c.fill(Column.standard...Column.done, Styles.subtotalLabel)
        // The self-scores' c.subtotal on the same footing as the verified one: rescaled by the same §5.2 factor.
        let selfRange = "\(ref(first, Column.selfScore)):\(ref(c.row - 1, Column.selfScore))"
        let selfSubtotal = d.isRescaled ? (selfScores.sum() * d.points / d.applicablePoints).rounded(p) : selfScores.sum()
        if selfScores.isEmpty {
            try c.fill(Column.selfScore...Column.selfScore, c.subtotal)
        } else if d.isRescaled {
            try c.sheet.write(
                .formula(
                    FormulaText.dimensionSubtotal(scores: selfRange, points: ref(c.row, Column.points), applicable: pointsRange, places: p),
                    selfSubtotal),
                row: c.row, column: Column.selfScore, style: c.subtotal)
        } else {
            try c.sheet.write(.formula("SUM(\(selfRange))", selfSubtotal), row: c.row, column: Column.selfScore, style: c.subtotal)
        }
        try c.sheet.write(
            .formula(
                FormulaText.dimensionSubtotal(scores: scoreRange, points: ref(c.row, Column.points), applicable: pointsRange, places: p), d.score),
            row: c.row, column: Column.score, style: c.subtotal)
        if selfScores.isEmpty {
            try c.fill(Column.difference...Column.difference, c.subtotal)
        } else {
            try c.sheet.write(
                .formula(
                    FormulaText.difference(ref(c.row, Column.score), minus: ref(c.row, Column.selfScore), places: p),
                    (d.score - selfSubtotal).rounded(p)),
                row: c.row, column: Column.difference, style: c.subtotal)
        }
        let rescale =
            d.isRescaled
            ? "适用指标分值合计 \(d.applicablePoints.decimalText()),得分 \(d.sum.formatted(places: p)),按 \(d.points.decimalText())/\(d.applicablePoints.decimalText()) 折算"
                + (selfScores.isEmpty ? "" : "(自评分小计同样折算)")
            : ""
        try c.sheet.merge(
            CellRange(rows: c.row...c.row, columns: Column.note...last), .text(rescale),
            style: Styles.subtotalLabel.with { $0.horizontal = .left })
        if d.isRescaled { try c.sheet.setRowHeight(c.row, 28) }
        c.cells.dimensionScore[dimension.id] = FormulaText.absolute(c.sheet.name, row: c.row, column: Column.score)
        let cell = ref(c.row, Column.score)
        c.row += 1
        return cell
    }

    /// A block's score (the dimensions' sum, or the survey groups' weighted mean) and its contribution; returns
    /// the contribution's cell.
    private func writeBlockScore(_ block: Block, dimensionScores: [String], _ c: inout Cursor) throws -> String? {
        let rubric = context.rubric
        let org = organization
        let id = org.organization.id
        let p = context.places
        guard let b = org.block(block.id) else { return nil }
        let weightRef = context.weights.blockWeight[block.id]!
        let scoreRow: Int
        if block.source == .indicators {
            try c.totalRow(
                "\(block.name)得分", outOf: .formula(context.weights.scale, rubric.indicatorScale),
                score: .formula("SUM(\(dimensionScores.joined(separator: ",")))", b.score), note: "各一级指标得分之和(满分 S = 一级指标分值合计)")
            scoreRow = c.row
            c.row += 1
        } else {
            let survey = block.survey!
            let first = c.row
            var terms: [(weight: String, score: String)] = []
            for group in survey.groups {
                guard let g = b.survey?.first(where: { $0.id == group.id }) else { continue }
                try c.sheet.write(.exact(Exact(c.serial)), row: c.row, column: Column.serial, style: Styles.integer)
                try c.sheet.write(.text(group.name), row: c.row, column: Column.indicator, style: Styles.text)
                try c.sheet.write(
                    .formula(context.weights.groupWeight[block.id]![group.id]!, group.weight), row: c.row,
                    column: Column.points, style: Styles.points)
                try c.sheet.write(.text("\(block.name):按群体权重加权平均"), row: c.row, column: Column.standard, style: Styles.text)
                let working = WorkingText.chinese.surveyGroup(g)
                try c.sheet.write(.text(working), row: c.row, column: Column.done, style: Styles.text)
                try c.fill(Column.selfScore...Column.selfScore, c.number)
                if let score = g.score, let cell = context.surveyCells[id]?[block.id]?[group.id] {
                    try c.sheet.write(.formula(cell, score), row: c.row, column: Column.score, style: c.number)
                    terms.append((ref(c.row, Column.points), ref(c.row, Column.score)))
                    try c.fill(Column.difference...Column.note, Styles.text)
                } else {
                    try c.sheet.write(.text("无有效票"), row: c.row, column: Column.score, style: Styles.centered)
                    try c.fill(Column.difference...Column.difference, Styles.text)
                    try c.sheet.write(.text("该群体无有效票,不参与加权(不按0分计)"), row: c.row, column: Column.note, style: Styles.text)
                }
                try c.sheet.write(.text("测评票"), row: c.row, column: Column.evidence, style: Styles.text)
                try c.sheet.write(.text(""), row: c.row, column: Column.scorer, style: Styles.text)
                try c.sheet.setRowHeight(c.row, rowHeight([(working, Column.done)]))
                c.serial += 1
                c.row += 1
            }
            if c.row > first {
                try c.sheet.merge(
                    CellRange(rows: first...(c.row - 1), columns: Column.dimension...Column.dimension), .text(block.name), style: Styles.centered)
            }
            try c.totalRow(
                "\(block.name)得分", outOf: .number(100), score: .formula(FormulaText.surveyScore(terms, places: p), b.score),
                note: "有有效票的群体得分按权重加权平均(满分 100)")
            scoreRow = c.row
            c.row += 1
        }
        let scale = block.source == .indicators ? "S" : "100"
        let scaleRef = block.source == .indicators ? ref(scoreRow, Column.points) : nil
        // S may be 0 (every dimension at 0 points, §12): the contribution is then 0, nothing divides by it.
        let contribution = FormulaText.contribution(
            score: ref(scoreRow, Column.score), weight: ref(c.row, Column.points), scale: scaleRef, places: p)
        try c.totalRow(
            "\(block.name)折算得分", outOf: .formula(weightRef, block.weight), score: .formula(contribution, b.contribution),
            note: "得分 × 权重 ÷ \(scale)")
        c.cells.blockScore[block.id] = FormulaText.absolute(c.sheet.name, row: scoreRow, column: Column.score)
        c.cells.contribution[block.id] = FormulaText.absolute(c.sheet.name, row: c.row, column: Column.score)
        let cell = ref(c.row, Column.score)
        c.row += 1
        return cell
    }

    /// The bonus or penalty lines and their capped total; returns the total's cell.
    private func writeAdjustments(_ title: String, _ adjustment: AdjustmentResult, _ rules: AdjustmentRules, _ c: inout Cursor) throws -> String {
        let p = context.places
        let first = c.row
        var lineCells: [String] = []
        for line in adjustment.lines {
            let item = rules.items.first { $0.id == line.item }!
            try c.sheet.write(.exact(Exact(c.serial)), row: c.row, column: Column.serial, style: Styles.integer)
            try c.sheet.write(.text(line.name), row: c.row, column: Column.indicator, style: Styles.text)
            try c.sheet.write(.exact(item.points), row: c.row, column: Column.points, style: Styles.points)
            try c.sheet.write(
                .text("每次 \(item.points.decimalText()) 分" + (item.cap.map { ",本项最多 \($0.decimalText()) 分" } ?? "")),
                row: c.row, column: Column.standard, style: Styles.text)
            var notes = line.notes.joined(separator: ";")
            if let claimed = line.claimed, let unit = line.reviewedBy {
                notes += (notes.isEmpty ? "" : ";") + "申报 \(claimed.decimalText()) 次,\(unit)核定" + (line.reviewNote.map { ":\($0)" } ?? "")
            }
            try c.sheet.write(
                .text("\(line.count.decimalText()) 次" + (notes.isEmpty ? "" : ":" + notes)), row: c.row, column: Column.done,
                style: line.claimed == nil ? Styles.text : Styles.corrected)
            try c.fill(Column.selfScore...Column.selfScore, c.number)
            let formula = FormulaText.adjustmentLine(points: ref(c.row, Column.points), count: line.count, cap: item.cap)
            try c.sheet.write(
                .formula(formula, line.capped), row: c.row, column: Column.score,
                style: c.number.with { $0.numberFormat = context.partNumberFormat })
            try c.fill(Column.difference...Column.difference, c.number)
            try c.sheet.write(
                .text(line.capped < line.raw ? "超过本项上限,按 \(line.capped.decimalText()) 分计" : ""),
                row: c.row, column: Column.note, style: Styles.text)
            try c.fill(Column.evidence...last, Styles.text)
            try c.sheet.setRowHeight(c.row, rowHeight([("\(line.count) 次:" + notes, Column.done)]))
            lineCells.append(ref(c.row, Column.score))
            c.serial += 1
            c.row += 1
        }
        if c.row > first {
            try c.sheet.merge(
                CellRange(rows: first...(c.row - 1), columns: Column.dimension...Column.dimension), .text(title + "项"), style: Styles.centered)
        }
        let capText = rules.cap.map { "(上限 \($0.decimalText()) 分)" } ?? ""
        try c.label("\(title)合计\(capText)", Styles.totalLabel)
        try c.fill(Column.points...Column.selfScore, Styles.totalLabel)
        let sum = lineCells.isEmpty ? "0" : "SUM(\(lineCells.joined(separator: ",")))"
        let formula = FormulaText.adjustmentTotal(sum: sum, cap: rules.cap, places: p)
        try c.sheet.write(.formula(formula, adjustment.total), row: c.row, column: Column.score, style: c.total)
        let explain =
            adjustment.lines.isEmpty
            ? "无" : (rules.cap.map { adjustment.sum > $0 ? "合计 \(adjustment.sum.decimalText()) 超过上限,按 \($0.decimalText()) 分计" : "" } ?? "")
        try c.sheet.merge(
            CellRange(rows: c.row...c.row, columns: Column.difference...last), .text(explain + (title == "扣分" ? "(扣分以正数列示,从综合得分中减去)" : "")),
            style: Styles.totalLabel.with { $0.horizontal = .left })
        if title == "加分" {
            c.cells.bonus = FormulaText.absolute(c.sheet.name, row: c.row, column: Column.score)
        } else {
            c.cells.penalty = FormulaText.absolute(c.sheet.name, row: c.row, column: Column.score)
        }
        let cell = ref(c.row, Column.score)
        c.row += 1
        return cell
    }

    /// The vetoes applied, or 无.
    private func writeVeto(_ c: inout Cursor) throws {
        let org = organization
        try c.label("一票否决", Styles.totalLabel)
        let vetoText =
            org.vetoes.isEmpty
            ? "无"
            : org.vetoes.map { v in
                "\(v.name)(\(v.effect.words))" + (v.note.map { ":\($0)" } ?? "") + (v.reviewedBy.map { "(\($0)认定)" } ?? "")
            }.joined(separator: ";")
        try c.sheet.merge(
            CellRange(rows: c.row...c.row, columns: Column.points...last), .text(vetoText),
            style: Styles.text.with {
                $0.bold = !org.vetoes.isEmpty; $0.fontColor = org.vetoes.isEmpty ? nil : 0xC00000
            })
        try c.sheet.setRowHeight(c.row, rowHeight([(vetoText, -1)]))
        c.row += 1

    }

    /// The final score, the rank and the grade with the steps that placed it.
    private func writeOutcome(contributions: [String], bonus: String, penalty: String, _ c: inout Cursor) throws {
        let rubric = context.rubric
        let org = organization
        let id = org.organization.id
        let p = context.places
        try c.label("综合得分", Styles.totalLabel)
        try c.fill(Column.points...Column.selfScore, Styles.totalLabel)
        try c.sheet.write(
            .formula(FormulaText.finalScore(contributions: contributions, bonus: bonus, penalty: penalty, places: p), org.final), row: c.row,
            column: Column.score, style: c.total)
        try c.sheet.merge(
            CellRange(rows: c.row...c.row, columns: Column.difference...last),
            .text("各模块折算得分 + 加分 − 扣分(不低于 0)"), style: Styles.totalLabel.with { $0.horizontal = .left })
        c.cells.final = FormulaText.absolute(c.sheet.name, row: c.row, column: Column.score)
        c.row += 1
        let scope = rubric.ranking.within == .category ? "排名(\(context.categoryName(org.organization.category))类内)" : "排名"
        try c.label(scope, Styles.totalLabel)
        try c.fill(Column.points...Column.selfScore, Styles.totalLabel)
        if context.isSingle {
            try c.sheet.write(.exact(Exact(org.rank)), row: c.row, column: Column.score, style: Styles.totalText)
        } else {
            let summaryRow = context.summaryRow[id]!
            try c.sheet.write(
                .formula(
                    FormulaText.absolute(Book.summarySheet, row: summaryRow, column: SummarySheet.rankColumn), cached: .number(Double(org.rank))),
                row: c.row, column: Column.score, style: Styles.totalText)
        }
        try c.sheet.merge(
            CellRange(rows: c.row...c.row, columns: Column.difference...last),
            .text(org.vetoes.contains { if case .grade = $0.effect { return true } else { return false } } ? "因一票否决排在本类其他单位之后" : ""),
            style: Styles.totalLabel.with { $0.horizontal = .left })
        c.row += 1
        try c.label("考核等次", Styles.totalLabel)
        try c.fill(Column.points...Column.selfScore, Styles.totalLabel)
        if context.isSingle {
            try c.sheet.write(.text(org.grade), row: c.row, column: Column.score, style: Styles.totalText)
        } else {
            let summaryRow = context.summaryRow[id]!
            try c.sheet.write(
                .formula(
                    FormulaText.absolute(Book.summarySheet, row: summaryRow, column: context.gradeColumn),
                    cached: .text(org.grade)), row: c.row, column: Column.score, style: Styles.totalText)
        }
        let steps = WorkingText.chinese.grading(org, places: context.places).joined(separator: ";")
        try c.sheet.merge(
            CellRange(rows: c.row...c.row, columns: Column.difference...last), .text(steps),
            style: Styles.totalLabel.with {
                $0.horizontal = .left; $0.wrap = true
            })
        try c.sheet.setRowHeight(c.row, max(20, Double(TextWidth.lines(steps, width: Self.widths[Column.difference...].reduce(0, +))) * 14 + 4))
        c.row += 2

    }

    /// The signature line and the note on formulas.
    private func writeSignature(_ c: inout Cursor) throws {
        try c.sheet.merge(CellRange(rows: c.row...c.row, columns: Column.serial...Column.standard), .text("考核组签字:"), style: Styles.signature)
        try c.sheet.merge(CellRange(rows: c.row...c.row, columns: Column.done...Column.difference), .text("被考核单位负责人签字:"), style: Styles.signature)
        try c.sheet.merge(CellRange(rows: c.row...c.row, columns: Column.note...last), .text("日期:　　　　年　　月　　日"), style: Styles.signature)
        try c.sheet.setRowHeight(c.row, 36)
        c.row += 1
        try c.sheet.merge(
            CellRange(rows: c.row...c.row, columns: Column.serial...last),
            .text("说明:核定分、小计、折算得分、加扣分合计、综合得分均为公式,引用「权重」表中的权重;分值或权重调整后重新计算即可更新。"),
            style: Styles.note)
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

    private static func gradeColor(_ grade: String, rubric: Rubric) -> UInt32 {
        switch rubric.grades.firstIndex(where: { $0.name == grade }) {
        case 0?: 0x70AD47
        case let i? where i == rubric.grades.count - 1: 0xC00000
        default: 0x5B9BD5
        }
    }
}
