import KaoheCore
import XLSX

/// 汇总: one row per organization in rank order, with live formulas for every figure, the rank and the grade
/// (score band, vetoes, quotas, demotions), a frozen header, an autofilter, grade colours and a chart.
struct SummarySheet {
    let book: Book
    static let firstRow = 3
    static let signature = "制表人：＿＿＿＿＿＿　　　审核人：＿＿＿＿＿＿　　　日期：　　　年　　月　　日　　　　　（考核办盖章）"

    /// Column of 排名 (the rank).
    static let rankColumn = 0
    /// Column of 等次.
    static func gradeColumn(_ book: Book) -> Int { bonusColumn(book) + 3 }
    /// Column of the score of the block at `index` (its contribution is the next column).
    static func blockScoreColumn(_ index: Int) -> Int { 3 + 2 * index }
    /// Column of 加分 (扣分 and 综合得分 follow).
    static func bonusColumn(_ book: Book) -> Int { blockScoreColumn(book.rubric.blocks.count) }

    /// Writes the sheet. Each organization's row needs the cells its figures come from: those recorded in
    /// `Book.scorecards`, or, with `rows`, handed over while the ledger is written: `rows` gets the summary's rows
    /// and must write every organization's, in rank order (`SummaryRows`), so that a province-scale run need not
    /// keep every organization's formulas.
    func write(_ sheet: Worksheet, workbook: Workbook, rows: ((SummaryRows) throws -> Void)? = nil) throws {
        let rubric = book.rubric
        let orgs = book.result.organizations
        let layout = SummaryRowLayout(book: book)
        let first = Self.firstRow
        let lastRow = layout.lastRow
        let blocks = rubric.blocks
        let finalColumn = layout.finalColumn
        let gradeColumn = layout.gradeColumn
        let vetoColumn = layout.vetoColumn
        let visibleEnd = layout.correctionColumn
        let quotaBands = layout.quotaBands

        let scheme = WeightScheme.name(of: book.result.scheme)
        try sheet.merge(CellRange(rows: 0...0, columns: 0...visibleEnd), .text("\(rubric.assessment.title)结果汇总表"), style: Styles.title)
        try sheet.setRowHeight(0, 30)
        let scope = rubric.ranking.within == .category ? "按类别排名" : "全部单位统一排名"
        try sheet.merge(
            CellRange(rows: 1...1, columns: 0...visibleEnd),
            .text("权重方案:\(scheme)　　\(scope)　　生成时间:\(GenerationTime.display(book.provenance.generated))　　考核单位:\(rubric.assessment.issuer ?? "")"),
            style: Styles.subtitle)
        var headers = ["排名", "单位", "类别"]
        for block in blocks { headers += ["\(block.name)得分", "\(block.name)折算分"] }
        headers += ["加分", "扣分", "综合得分", "等次", "否决事项", "核定更正", "类别编号", "否决排后", "否决定级", "等次上限", "降等", "分档"]
        headers += ["否决后"] + quotaBands.map { "\(rubric.grades[$0].name)名额后" } + ["等次序号"]
        try sheet.writeRow(headers.map(CellValue.text), row: 2, style: Styles.header)
        try sheet.setRowHeight(2, 32)

        // Layout, filters and highlighting: before the rows, which a streamed sheet cannot revisit.
        try sheet.setColumnWidth(0...0, 6)
        try sheet.setColumnWidth(1...1, TextWidth.column(orgs.map(\.organization.name), minimum: 10, maximum: 24))
        try sheet.setColumnWidth(2...2, TextWidth.column(rubric.categories.map(\.name), minimum: 8, maximum: 20))
        try sheet.setColumnWidth(3...(finalColumn), 11)
        try sheet.setColumnWidth(gradeColumn...gradeColumn, 8)
        try sheet.setColumnWidth(
            vetoColumn...vetoColumn, TextWidth.column(orgs.map { $0.vetoes.map(\.name).joined(separator: ";") }, minimum: 12, maximum: 40))
        try sheet.setColumnWidth(
            visibleEnd...visibleEnd, TextWidth.column(orgs.map { SummaryRowLayout.corrections($0).joined(separator: ";") }, minimum: 10, maximum: 40))
        try sheet.setColumnWidth(layout.categoryColumn...layout.finalIndexColumn, 9, hidden: true)
        try sheet.freezePanes(row: first, column: 2)
        if !orgs.isEmpty {
            try sheet.autofilter(CellRange(rows: 2...lastRow, columns: 0...visibleEnd))
            let grades = CellRange(rows: first...lastRow, columns: gradeColumn...gradeColumn)
            for (g, grade) in rubric.grades.enumerated() {
                let style = g == 0 ? Styles.excellent : (g == rubric.grades.count - 1 ? Styles.failing : Styles.good)
                try sheet.conditionalFormat(grades, .cellText(.equal, grade.name), style: style)
            }
            let lowest = rubric.grades.dropLast().last?.minimum ?? 60
            try sheet.conditionalFormat(
                CellRange(rows: first...lastRow, columns: finalColumn...finalColumn),
                .cell(.less, lowest.double), style: Styles.low)
            try sheet.conditionalFormat(
                CellRange(rows: first...lastRow, columns: vetoColumn...vetoColumn),
                .formula("LEN($\(CellReference.columnName(vetoColumn))\(first + 1))>0"), style: Styles.failing)
        }

        let summaryRows = try SummaryRows(layout: layout, sheet: sheet)
        if let rows {
            try rows(summaryRows)
        } else {
            for (i, org) in orgs.enumerated() {
                try summaryRows.write(layout.cells(i, org, book.scorecards[org.organization.id]!))
            }
        }

        // Notes below the table.
        var notes: [String] = []
        notes.append(
            "排名:按综合得分由高到低\(rubric.ranking.within == .category ? "在类别内" : "")排名,得分相同的依次比较\(rubric.ranking.tieBreak.compactMap { id in blocks.first { $0.id == id }?.name }.map { "「\($0)」折算分" }.joined(separator: "、"))，仍相同的并列;被一票否决定级的单位排在其他单位之后。"
        )
        let gradeRules = rubric.grades.map { g in
            var t = g.name + (g.minimum.map { "(≥\($0.decimalText()))" } ?? "")
            if let q = g.quota {
                t +=
                    ",名额不超过 \(q.decimalText()) × 单位数(\(WorkingText.chinese.rounding(g.quotaRounding))),并列跨越名额线时\(g.quotaTies == .exclude ? "均不占名额" : "全部占名额")"
            }
            return t
        }
        notes.append("等次:" + gradeRules.joined(separator: ";") + "。先按得分定档,再按否决事项定级或封顶,再按名额,最后降等。")
        var row = lastRow + 2
        for note in notes {
            try sheet.merge(CellRange(rows: row...row, columns: 0...visibleEnd), .text(note), style: Styles.note)
            try sheet.setRowHeight(row, 30)
            row += 1
        }
        // Signed and stamped on paper (workbook.md 14): room for the office's seal above the line.
        row += 1
        try sheet.merge(CellRange(rows: row...row, columns: 0...visibleEnd), .text(Self.signature), style: Styles.signature)
        try sheet.setRowHeight(row, 64)
        row += 1

        guard !orgs.isEmpty else { return }
        let chart: Chart
        let chartHeight: Double
        if orgs.count <= ScorecardWorkbook.Layout.sheetsUpTo {
            // One bar per organization.
            chart = try workbook.addChart(.bar)
            try chart.addSeries(
                name: "综合得分", categories: "=" + FormulaText.absolute(sheet.name, rows: first...lastRow, column: 1),
                values: "=" + FormulaText.absolute(sheet.name, rows: first...lastRow, column: finalColumn), color: 0x4472C4)
            try chart.setTitle("综合得分")
            chartHeight = max(1.0, Double(orgs.count) / 12)
        } else {
            // Too many for one bar each: the number of organizations per grade, from a small live table.
            row += 1
            try sheet.writeRow([.text("等次"), .text("单位数")], row: row, column: 1, style: Styles.header)
            let tableRow = row + 1
            let gradeRange = FormulaText.absolute(sheet.name, rows: first...lastRow, column: gradeColumn)
            for grade in rubric.grades {
                row += 1
                try sheet.write(.text(grade.name), row: row, column: 1, style: Styles.centered)
                let count = orgs.count(where: { $0.grade == grade.name })
                // Exact equality: COUNTIF would read * ? ~ in a grade name as wildcards (workbook.md 12).
                try sheet.write(
                    .formula("SUMPRODUCT(--(\(gradeRange)=\(FormulaText.string(grade.name))))", cached: .number(Double(count))),
                    row: row, column: 2, style: Styles.integer)
            }
            chart = try workbook.addChart(.column)
            try chart.addSeries(
                name: "单位数", categories: "=" + FormulaText.absolute(sheet.name, rows: tableRow...row, column: 1),
                values: "=" + FormulaText.absolute(sheet.name, rows: tableRow...row, column: 2), color: 0x4472C4)
            try chart.setTitle("等次分布")
            chartHeight = 1
        }
        try chart.hideLegend()
        try sheet.insert(chart, at: CellReference(row: row + 1, column: 1), scale: (1.6, chartHeight))

        var setup = book.pageSetup(landscape: true, repeatRows: 2...2, title: "结果汇总")
        setup.printArea = CellRange(rows: 0...(row + 1 + Int(15 * chartHeight)), columns: 0...visibleEnd)
        try sheet.setPageSetup(setup)
    }
}

/// What a summary row needs, copied from the book so that rows can be laid out on another thread (the ledger lays
/// each organization's summary row out with its ledger rows).
struct SummaryRowLayout: Sendable {
    let rubric: Rubric
    let first = SummarySheet.firstRow
    let lastRow: Int
    let bonusColumn: Int, penaltyColumn: Int, finalColumn: Int, gradeColumn: Int, vetoColumn: Int
    /// 核定更正: what the 考核责任单位 corrected (empty when nothing), the last column of the filter.
    let correctionColumn: Int
    // Helper columns (hidden): the grading steps as numbers, so that rank and grade stay live formulas.
    let categoryColumn: Int, lastFlagColumn: Int, forcedColumn: Int, capColumn: Int, demoteColumn: Int
    let bandColumn: Int, afterVetoColumn: Int, finalIndexColumn: Int
    /// Grades (by index) with a quota, each checked in a helper column of its own.
    let quotaBands: [Int]
    /// The contribution columns that break ties, in order.
    let tieColumns: [Int]
    let categoryNames: [String: String]
    /// Rows that begin another category when organizations are ranked within categories: drawn with a medium line
    /// above, so that the categories stand apart on paper (a cell border, not a conditional one, which LibreOffice
    /// would let replace the row's other borders).
    let categoryStarts: Set<Int>

    init(book: Book) {
        let rubric = book.rubric
        self.rubric = rubric
        lastRow = SummarySheet.firstRow + book.result.organizations.count - 1
        bonusColumn = SummarySheet.bonusColumn(book)
        penaltyColumn = bonusColumn + 1
        finalColumn = bonusColumn + 2
        gradeColumn = SummarySheet.gradeColumn(book)
        vetoColumn = gradeColumn + 1
        correctionColumn = vetoColumn + 1
        categoryColumn = correctionColumn + 1
        lastFlagColumn = categoryColumn + 1
        forcedColumn = lastFlagColumn + 1
        capColumn = forcedColumn + 1
        demoteColumn = capColumn + 1
        bandColumn = demoteColumn + 1
        afterVetoColumn = bandColumn + 1
        quotaBands = rubric.grades.indices.filter { rubric.grades[$0].quota != nil && $0 < rubric.grades.count - 1 }
        finalIndexColumn = afterVetoColumn + quotaBands.count + 1
        tieColumns = rubric.ranking.tieBreak.compactMap { id in rubric.blocks.firstIndex { $0.id == id }.map { 4 + 2 * $0 } }
        categoryNames = book.categoryNames
        let orgs = book.result.organizations
        categoryStarts =
            rubric.ranking.within == .category
            ? Set(
                orgs.indices.dropFirst().filter { orgs[$0].organization.category != orgs[$0 - 1].organization.category }
                    .map { SummarySheet.firstRow + $0 })
            : []
    }

    /// `理论学习 96→95`, `越级上访 1→2 次`: every value or count a 考核责任单位 changed.
    static func corrections(_ org: OrganizationResult) -> [String] {
        org.indicators.compactMap { r in WorkingText.chinese.claimed(r).map { "\(r.name) \($0)→\(WorkingText.chinese.value(r))" } }
            + (org.bonus.lines + org.penalty.lines).compactMap { line in
                line.claimed.map { "\(line.name) \($0.decimalText())→\(line.count.decimalText()) 次" }
            }
    }

    func col(_ c: Int, _ r: Int) -> String { "$" + CellReference.columnName(c) + "\(r + 1)" }
    func range(_ c: Int) -> String { "$\(CellReference.columnName(c))$\(first + 1):$\(CellReference.columnName(c))$\(lastRow + 1)" }
    func gradeIndex(_ name: String) -> Int { (rubric.grades.firstIndex { $0.name == name } ?? 0) + 1 }

    /// The cells of the row of `org`, at `i` in rank order, whose scorecard or ledger cells are `card`.
    func cells(_ i: Int, _ org: OrganizationResult, _ card: ScorecardCells) -> [LaidOutCell] {
        let r = first + i
        var cells: [LaidOutCell] = []
        cells.reserveCapacity(finalIndexColumn + 1)
        func put(_ column: Int, _ value: CellValue, _ style: LaidOutCell.Style) {
            cells.append(LaidOutCell(row: r, column: column, style: style, value: value))
        }
        // Rank: one plus the organizations ranked together that are strictly better (§8).
        var tie = "0"
        for c in tieColumns.reversed() {
            tie = "(\(range(c))>\(col(c, r)))+(\(range(c))=\(col(c, r)))*(\(tie))"
        }
        let better =
            "(\(range(lastFlagColumn))<\(col(lastFlagColumn, r)))+(\(range(lastFlagColumn))=\(col(lastFlagColumn, r)))*((\(range(finalColumn))>\(col(finalColumn, r)))+(\(range(finalColumn))=\(col(finalColumn, r)))*(\(tie)))"
        let sameGroup = rubric.ranking.within == .category ? "(\(range(categoryColumn))=\(col(categoryColumn, r)))*" : ""
        put(0, .formula("1+SUMPRODUCT(\(sameGroup)(\(better)))", cached: .number(Double(org.rank))), .integer)
        put(1, .text(org.organization.name), .text)
        put(2, .text(categoryNames[org.organization.category] ?? org.organization.category), .centered)
        for (b, block) in rubric.blocks.enumerated() {
            let result = org.block(block.id)!
            put(SummarySheet.blockScoreColumn(b), .formula(card.blockScore[block.id]!, result.score), .number)
            put(SummarySheet.blockScoreColumn(b) + 1, .formula(card.contribution[block.id]!, result.contribution), .number)
        }
        put(bonusColumn, .formula(card.bonus, org.bonus.total), .number)
        put(penaltyColumn, .formula(card.penalty, org.penalty.total), .number)
        put(finalColumn, .formula(card.final, org.final), .numberBold)
        put(
            gradeColumn,
            .formula(
                "CHOOSE(\(col(finalIndexColumn, r)),\(rubric.grades.map { FormulaText.string($0.name) }.joined(separator: ",")))",
                cached: .text(org.grade)), .centeredBold)
        put(vetoColumn, .text(org.vetoes.map(\.name).joined(separator: ";")), .text)
        put(correctionColumn, .text(Self.corrections(org).joined(separator: ";")), .text)

        // Helper columns.
        let forced = org.vetoes.compactMap { v -> Int? in if case .grade(let g) = v.effect { return gradeIndex(g) } else { return nil } }.max()
        let cap = org.vetoes.compactMap { v -> Int? in if case .maxGrade(let g) = v.effect { return gradeIndex(g) } else { return nil } }.max()
        let demote = org.vetoes.reduce(0) { n, v in if case .demote(let k) = v.effect { return n + k } else { return n } }
        put(categoryColumn, .text(org.organization.category), .helper)
        put(lastFlagColumn, .number(forced == nil ? 0 : 1), .helper)
        put(forcedColumn, .number(Double(forced ?? 0)), .helper)
        put(capColumn, .number(Double(cap ?? 0)), .helper)
        put(demoteColumn, .number(Double(demote)), .helper)
        var bandFormula = "\(rubric.grades.count)"
        for (g, grade) in rubric.grades.enumerated().reversed() where g < rubric.grades.count - 1 {
            bandFormula = grade.minimum.map { "IF(\(col(finalColumn, r))>=\(FormulaText.literal($0)),\(g + 1),\(bandFormula))" } ?? "\(g + 1)"
        }
        let band = gradeIndex(org.grading.scoreBand)
        put(bandColumn, .formula(bandFormula, cached: .number(Double(band))), .helper)
        let afterVeto = gradeIndex(org.grading.afterVetoes)
        put(
            afterVetoColumn,
            .formula(
                "MAX(IF(\(col(forcedColumn, r))>0,\(col(forcedColumn, r)),\(col(bandColumn, r))),\(col(capColumn, r)))",
                cached: .number(Double(afterVeto))), .helper)
        let afterQuota = gradeIndex(org.grading.afterQuotas)
        var previous = afterVetoColumn
        for (k, b) in quotaBands.enumerated() {
            let grade = rubric.grades[b]
            let bi = b + 1
            // SUMPRODUCT of exact comparisons, not COUNTIF(S): a category or grade text holding * ? ~ or starting with
            // = < > would be read as a pattern or a condition there (workbook.md 12).
            let sameCategory = "(\(range(categoryColumn))=\(col(categoryColumn, r)))"
            let n = rubric.ranking.within == .category ? "SUMPRODUCT(--\(sameCategory))" : "ROWS(\(range(categoryColumn)))"
            let product = "\(n)*\(FormulaText.literal(grade.quota!))"
            let places: String
            switch grade.quotaRounding {
            case .floor: places = "ROUNDDOWN(ROUND(\(product),9),0)"
            case .ceil: places = "ROUNDUP(ROUND(\(product),9),0)"
            case .round: places = "ROUND(\(product),0)"
            }
            let inGroup = rubric.ranking.within == .category ? "\(sameCategory)*" : ""
            let test =
                grade.quotaTies == .exclude
                ? "SUMPRODUCT(\(inGroup)(\(range(previous))=\(bi))*(\(range(0))<=\(col(0, r))))<=\(places)"
                : "SUMPRODUCT(\(inGroup)(\(range(previous))=\(bi))*(\(range(0))<\(col(0, r))))<\(places)"
            let formula = "IF(\(col(previous, r))=\(bi),IF(\(test),\(bi),\(bi + 1)),\(col(previous, r)))"
            let cached = b + 1 < afterVeto ? afterVeto : min(afterQuota, b + 2)
            let column = afterVetoColumn + 1 + k
            put(column, .formula(formula, cached: .number(Double(cached))), .helper)
            previous = column
        }
        put(
            finalIndexColumn,
            .formula(
                "MIN(\(rubric.grades.count),\(col(previous, r))+\(col(demoteColumn, r)))",
                cached: .number(Double(gradeIndex(org.grade)))), .helper)
        return cells
    }
}

/// The summary sheet's rows, written as laid out (by `SummaryRowLayout`).
struct SummaryRows {
    let layout: SummaryRowLayout
    private let sheet: Worksheet
    private let formats: [CellFormat]
    /// The same, with the medium line above a category's first row.
    private let separatedFormats: [CellFormat]

    init(layout: SummaryRowLayout, sheet: Worksheet) throws {
        self.layout = layout
        self.sheet = sheet
        let number = Styles.number.with { $0.numberFormat = Book.numberFormat(places: layout.rubric.assessment.decimals) }
        let styles: [LaidOutCell.Style: CellStyle] = [
            .text: Styles.text, .centered: Styles.centered, .integer: Styles.integer, .number: number,
            .numberBold: number.with { $0.bold = true }, .centeredBold: Styles.centered.with { $0.bold = true },
            .helper: Styles.helper
        ]
        formats = try LaidOutCell.formats(styles, in: sheet.workbook)
        separatedFormats =
            layout.categoryStarts.isEmpty
            ? formats
            : try LaidOutCell.formats(styles.mapValues { $0.with { $0.topBorder = .medium } }, in: sheet.workbook)
    }

    /// Writes one organization's row.
    func write(_ cells: [LaidOutCell]) throws {
        let separated = cells.first.map { layout.categoryStarts.contains(Int($0.row)) } ?? false
        try LaidOutCell.write(cells, on: sheet, formats: separated ? separatedFormats : formats)
    }
}
