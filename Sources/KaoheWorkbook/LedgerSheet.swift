import KaoheCore
import XLSX

/// 明细: the province-scale ledger. One row per organization and indicator, survey group and bonus or penalty
/// line, organizations in rank order — a flat, filterable table instead of thousands of scorecard tabs. The
/// summary's block scores, bonus and penalty are live formulas over these rows (dimension subtotals with the
/// §5.2 factor included), so the ledger and 汇总 together carry the whole computation. Rows are written strictly
/// in order, so the workbook can be written in constant memory.
struct LedgerSheet {
    let book: Book

    static let headers = ["单位", "一级指标", "二级指标", "分值", "完成情况", "自评分", "核定分", "差异", "评分说明"]
    static let widths: [Double] = [22, 14, 24, 7, 28, 7.5, 8, 7.5, 64]
    /// Rows below the header that one sheet holds (Excel's limit is 1,048,576 rows).
    static let rowsPerSheet = 1_000_000

    /// The columns, in the order of `headers`.
    enum Column {
        static let organization = 0, dimension = 1, item = 2, points = 3, done = 4, selfScore = 5, score = 6, difference = 7, note = 8
    }

    /// The number of ledger rows each organization takes, in the order given.
    static func rowCounts(_ organizations: [OrganizationResult], rubric: Rubric) -> [Int] {
        organizations.map { org in
            let groups = rubric.blocks.reduce(0) { n, b in n + (b.survey == nil ? 0 : (org.block(b.id)?.survey?.count ?? 0)) }
            return org.indicators.count + groups + org.bonus.lines.count + org.penalty.lines.count
        }
    }

    /// Splits organizations (in rank order) into sheets of at most `rowLimit` ledger rows each, never splitting an
    /// organization.
    static func sheets(
        _ organizations: [OrganizationResult], rubric: Rubric,
        rowLimit: Int = rowsPerSheet
    ) -> [[OrganizationResult]] {
        var chunks: [[OrganizationResult]] = [[]]
        var rows = 0
        for (org, count) in zip(organizations, rowCounts(organizations, rubric: rubric)) {
            if rows + count > rowLimit, !chunks[chunks.count - 1].isEmpty {
                chunks.append([])
                rows = 0
            }
            chunks[chunks.count - 1].append(org)
            rows += count
        }
        return chunks
    }

    /// Writes the ledger rows of `organizations` on `sheet`, each organization's 汇总 row (whose formulas point at
    /// its ledger rows) right after them. Rows are laid out on another core while the previous ones are written.
    func write(_ organizations: [OrganizationResult], on sheet: Worksheet, summaryRows: SummaryRows) throws {
        try sheet.writeRow(Self.headers.map(CellValue.text), row: 0, style: Styles.header)
        try sheet.setRowHeight(0, 24)
        // Filters and widths first: a streamed sheet cannot go back up.
        let counts = Self.rowCounts(organizations, rubric: book.rubric)
        let rows = counts.reduce(0, +)
        if rows > 0 { try sheet.autofilter(CellRange(rows: 0...rows, columns: 0...(Self.headers.count - 1))) }
        for (i, width) in Self.widths.enumerated() { try sheet.setColumnWidth(i...i, width) }
        try sheet.freezePanes(row: 1, column: 1)

        let tops = counts.reduce(into: [1]) { tops, count in tops.append(tops.last! + count) }
        let layout = LedgerLayout(book: book, sheet: sheet.name)
        let number = Styles.number.with { $0.numberFormat = book.numberFormat }
        // One line per row: a ledger is read as a table (and its rows have no room to grow in a streamed sheet).
        let line = Styles.text.with { $0.wrap = false }
        let styles: [LaidOutCell.Style: CellStyle] = [
            .text: line, .centered: line.with { $0.horizontal = .center },
            .points: Styles.points, .number: number, .integer: Styles.integer
        ]
        let formats = try LaidOutCell.formats(styles, in: sheet.workbook)
        let summary = summaryRows.layout
        // Organizations of earlier 明细 sheets come first in rank order, and on 汇总.
        let before = book.ledgerWritten
        let batch = 32
        try Pipeline.run(
            batches: (organizations.count + batch - 1) / batch,
            make: { b in
                (b * batch..<min(organizations.count, (b + 1) * batch)).map { i in
                    let rows = layout.rows(organizations[i], from: tops[i])
                    return (rows.cells, summary.cells(before + i, organizations[i], rows.formulas))
                }
            },
            consume: { laidOut in
                for (ledgerCells, summaryCells) in laidOut {
                    try LaidOutCell.write(ledgerCells, on: sheet, formats: formats)
                    try summaryRows.write(summaryCells)
                    book.ledgerWritten += 1
                }
                book.progress?(book.ledgerWritten, book.organizations.count)
            })
        try sheet.setPageSetup(book.pageSetup(landscape: true, repeatRows: 0...0, title: sheet.name))
    }
}

/// What the ledger needs to lay out an organization's rows: the book's `ScorecardContext` (what the scorecards
/// refer to, gathered once, Sendable) and where this sheet and 汇总's adjustments are, so that rows can be laid out
/// on other threads.
struct LedgerLayout: Sendable {
    private typealias Column = LedgerSheet.Column
    /// One organization's ledger cells, in row order, and the formulas 汇总 uses for it.
    struct Rows: Sendable {
        var cells: [LaidOutCell] = []
        var formulas = ScorecardCells()
    }

    let context: ScorecardContext
    let bonusColumn: Int
    let sheet: String

    init(book: Book, sheet: String) {
        context = book.scorecardContext
        bonusColumn = SummarySheet.bonusColumn(book)
        self.sheet = sheet
    }

    var rubric: Rubric { context.rubric }

    /// The rows of `org`, starting at row `top`.
    func rows(_ org: OrganizationResult, from top: Int) -> Rows {
        var rows = OrganizationRows(layout: self, org: org, top: top)
        let dimensionTerms = rows.indicators()
        rows.blocks(dimensionTerms: dimensionTerms)
        rows.adjustment("加分", org.bonus, rubric.bonus)
        rows.adjustment("扣分", org.penalty, rubric.penalties)
        rows.final()
        // The sheet's filter range and every later organization's rows were placed by `rowCounts`.
        precondition(
            rows.row - top == LedgerSheet.rowCounts([org], rubric: rubric)[0], "ledger rows of '\(org.organization.id)' differ from their count")
        return rows.out
    }

    /// One organization's rows being laid out: the next row, the cells so far and 汇总's formulas.
    private struct OrganizationRows {
        let layout: LedgerLayout
        let org: OrganizationResult
        let name: CellValue
        let summaryRow: Int
        var row: Int
        var out = Rows()

        init(layout: LedgerLayout, org: OrganizationResult, top: Int) {
            self.layout = layout
            self.org = org
            name = .text(org.organization.name)
            summaryRow = layout.context.summaryRow[org.organization.id]!
            row = top
            out.cells.reserveCapacity(org.indicators.count * 9 + 32)
        }

        var p: Int { layout.context.places }
        var weights: WeightCells { layout.context.weights }

        mutating func put(_ column: Int, _ value: CellValue, _ style: LaidOutCell.Style) {
            out.cells.append(LaidOutCell(row: row, column: column, style: style, value: value))
        }

        func ref(_ c: Int) -> String { CellReference(row: row, column: c).description }
        func absolute(_ rows: ClosedRange<Int>, _ c: Int) -> String { FormulaText.absolute(layout.sheet, rows: rows, column: c) }

        /// A row per applicable indicator, dimension by dimension; returns each dimension's subtotal formula (§5.2).
        mutating func indicators() -> [String] {
            let id = org.organization.id
            var dimensionTerms: [String] = []
            // An organization's indicator results follow the rubric's order: one per applicable indicator.
            var results = org.indicators.makeIterator()
            for dimension in layout.rubric.dimensions {
                guard org.dimension(dimension.id) != nil else { continue }
                let first = row
                let dimensionName = CellValue.text(dimension.name)
                for indicator in dimension.indicators where indicator.applies(to: id) {
                    guard let r = results.next(), r.id == indicator.id else {
                        preconditionFailure("indicator results out of the rubric's order for '\(id)'")
                    }
                    indicatorRow(r, indicator, dimensionName)
                }
                // The dimension subtotal with the §5.2 factor: Σ scores × dimension points ÷ applicable points.
                let scores = absolute(first...(row - 1), Column.score)
                let applicable = absolute(first...(row - 1), Column.points)
                dimensionTerms.append(
                    FormulaText.dimensionSubtotal(scores: scores, points: weights.dimensionPoints[dimension.id]!, applicable: applicable, places: p))
            }
            return dimensionTerms
        }

        private mutating func indicatorRow(_ r: IndicatorResult, _ indicator: Indicator, _ dimensionName: CellValue) {
            put(Column.organization, name, .text)
            put(Column.dimension, dimensionName, .text)
            put(Column.item, .text(indicator.name), .text)
            put(Column.points, .formula(weights.indicatorPoints[indicator.id]!, indicator.points), .points)
            put(Column.done, .text(r.note.map { "\(WorkingText.chinese.value(r))(\($0))" } ?? WorkingText.chinese.value(r)), .text)
            if let s = r.selfScore {
                put(Column.selfScore, .exact(s), .number)
            } else {
                put(Column.selfScore, .blank, .number)
            }
            put(Column.score, .formula(FormulaText.indicatorScore(points: ref(Column.points), fraction: r.fraction, places: p), r.score), .number)
            if let s = r.selfScore {
                put(
                    Column.difference,
                    .formula(FormulaText.difference(ref(Column.score), minus: ref(Column.selfScore), places: p), (r.score - s).rounded(p)),
                    .number)
            } else {
                put(Column.difference, .blank, .number)
            }
            put(Column.note, .text(WorkingText.chinese.deductionNote(r)), .text)
            row += 1
        }

        /// 汇总's block score and contribution formulas, with a row per survey group that has a result.
        mutating func blocks(dimensionTerms: [String]) {
            for (b, block) in layout.rubric.blocks.enumerated() {
                guard let result = org.block(block.id) else { continue }
                let weight = weights.blockWeight[block.id]!
                let scoreCell = FormulaText.absolute(Book.summarySheet, row: summaryRow, column: SummarySheet.blockScoreColumn(b))
                guard let survey = block.survey else {
                    out.formulas.blockScore[block.id] = dimensionTerms.joined(separator: "+")
                    out.formulas.contribution[block.id] = FormulaText.contribution(score: scoreCell, weight: weight, scale: weights.scale, places: p)
                    continue
                }
                var terms: [(weight: String, score: String)] = []
                for group in survey.groups {
                    guard let g = result.survey?.first(where: { $0.id == group.id }) else { continue }
                    if let term = surveyRow(g, group, block) { terms.append(term) }
                }
                out.formulas.blockScore[block.id] = FormulaText.surveyScore(terms, places: p)
                out.formulas.contribution[block.id] = FormulaText.contribution(score: scoreCell, weight: weight, scale: nil, places: p)
            }
        }

        /// A survey group's row; returns its weight and score cells when it has a score.
        private mutating func surveyRow(_ g: SurveyGroupResult, _ group: Survey.Group, _ block: Block) -> (weight: String, score: String)? {
            var term: (weight: String, score: String)?
            put(Column.organization, name, .text)
            put(Column.dimension, .text(block.name), .text)
            put(Column.item, .text(group.name), .text)
            put(Column.points, .formula(weights.groupWeight[block.id]![group.id]!, group.weight), .points)
            put(Column.done, .text("有效票 \(g.validVotes)"), .text)
            put(Column.selfScore, .blank, .number)
            if let value = g.score, let cell = layout.context.surveyCells[org.organization.id]?[block.id]?[group.id] {
                put(Column.score, .formula(cell, value), .number)
                term = (
                    FormulaText.absolute(layout.sheet, row: row, column: Column.points),
                    FormulaText.absolute(layout.sheet, row: row, column: Column.score)
                )
            } else {
                put(Column.score, .text("无有效票"), .centered)
            }
            put(Column.difference, .blank, .number)
            put(Column.note, .text(g.score == nil ? "该群体无有效票,不参与加权" : "群体得分见「\(Book.surveySheet)」表"), .text)
            row += 1
            return term
        }

        /// The bonus or penalty lines and 汇总's formula of their capped total.
        mutating func adjustment(_ title: String, _ adjustment: AdjustmentResult, _ rules: AdjustmentRules) {
            let first = row
            for line in adjustment.lines {
                let item = rules.items.first { $0.id == line.item }!
                put(Column.organization, name, .text)
                put(Column.dimension, .text(title), .text)
                put(Column.item, .text(line.name), .text)
                put(Column.points, .exact(item.points), .points)
                let notes = line.notes.joined(separator: ";")
                put(Column.done, .text("\(line.count.decimalText()) 次" + (notes.isEmpty ? "" : ":" + notes)), .text)
                put(Column.selfScore, .blank, .number)
                put(
                    Column.score, .formula(FormulaText.adjustmentLine(points: ref(Column.points), count: line.count, cap: item.cap), line.capped),
                    .number)
                put(Column.difference, .blank, .number)
                put(Column.note, .text(line.capped < line.raw ? "超过本项上限,按 \(line.capped.decimalText()) 分计" : ""), .text)
                row += 1
            }
            let sum = row > first ? "SUM(\(absolute(first...(row - 1), Column.score)))" : "0"
            let formula = FormulaText.adjustmentTotal(sum: sum, cap: rules.cap, places: p)
            if title == "加分" { out.formulas.bonus = formula } else { out.formulas.penalty = formula }
        }

        /// 汇总's final score formula over the organization's own row there.
        mutating func final() {
            func summaryRef(_ column: Int) -> String { CellReference(row: summaryRow, column: column).description }
            let blocks = layout.rubric.blocks
            let contributions = blocks.indices.filter { org.block(blocks[$0].id) != nil }.map { summaryRef(SummarySheet.blockScoreColumn($0) + 1) }
            out.formulas.final = FormulaText.finalScore(
                contributions: contributions, bonus: summaryRef(layout.bonusColumn), penalty: summaryRef(layout.bonusColumn + 1), places: p)
        }
    }
}
