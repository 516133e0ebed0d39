import KaoheCore
import XLSX

/// 汇总: one row per organization in rank order, with live formulas for every figure, the rank and the grade
/// (score band, vetoes, quotas, demotions), a frozen header, an autofilter, grade colours and a chart.
struct SummarySheet {
    let book: Book
    static let firstRow = 3

    /// Column of 等次.
    static func gradeColumn(_ book: Book) -> Int { bonusColumn(book) + 3 }
    /// Column of the score of the block at `index` (its contribution is the next column).
    static func blockScoreColumn(_ index: Int) -> Int { 3 + 2 * index }
    /// Column of 加分 (扣分 and 综合得分 follow).
    static func bonusColumn(_ book: Book) -> Int { blockScoreColumn(book.rubric.blocks.count) }

    /// Writes the sheet. Each organization's row needs the cells its figures come from: those recorded in
    /// `Book.scorecards`, or, with `rows`, handed over while the ledger is written (`rows` gets a function that
    /// writes the row of the organization at an index, in rank order, and must call it for every organization in
    /// order), so that a province-scale run need not keep every organization's formulas.
    func write(_ sheet: Worksheet, workbook: Workbook,
               rows: ((_ writeRow: (Int, ScorecardCells) throws -> Void) throws -> Void)? = nil) throws {
        let rubric = book.rubric
        let orgs = book.result.organizations
        let number = Styles.number.with { $0.numberFormat = book.numberFormat }
        let first = Self.firstRow
        let lastRow = first + orgs.count - 1
        let blocks = rubric.blocks
        let bonusColumn = Self.bonusColumn(book)
        let penaltyColumn = bonusColumn + 1
        let finalColumn = bonusColumn + 2
        let gradeColumn = Self.gradeColumn(book)
        let vetoColumn = gradeColumn + 1
        // Helper columns (hidden): the grading steps as numbers, so that rank and grade stay live formulas.
        let categoryColumn = vetoColumn + 1
        let lastFlagColumn = categoryColumn + 1
        let forcedColumn = lastFlagColumn + 1
        let capColumn = forcedColumn + 1
        let demoteColumn = capColumn + 1
        let bandColumn = demoteColumn + 1
        let afterVetoColumn = bandColumn + 1
        let quotaBands = rubric.grades.indices.filter { rubric.grades[$0].quota != nil && $0 < rubric.grades.count - 1 }
        let finalIndexColumn = afterVetoColumn + quotaBands.count + 1

        let scheme = book.result.scheme?.name ?? "考核细则原定权重"
        try sheet.merge(CellRange(rows: 0...0, columns: 0...vetoColumn), .text("\(rubric.assessment.title)结果汇总表"), style: Styles.title)
        try sheet.setRowHeight(0, 30)
        let scope = rubric.ranking.within == .category ? "按类别排名" : "全部单位统一排名"
        try sheet.merge(CellRange(rows: 1...1, columns: 0...vetoColumn),
                        .text("权重方案:\(scheme)　　\(scope)　　生成时间:\(GenerationTime.display(book.provenance.generated))　　考核单位:\(rubric.assessment.issuer ?? "")"),
                        style: Styles.subtitle)
        var headers = ["排名", "单位", "类别"]
        for block in blocks { headers += ["\(block.name)得分", "\(block.name)折算分"] }
        headers += ["加分", "扣分", "综合得分", "等次", "否决事项", "类别编号", "否决排后", "否决定级", "等次上限", "降等", "分档"]
        headers += ["否决后"] + quotaBands.map { "\(rubric.grades[$0].name)名额后" } + ["等次序号"]
        try sheet.writeRow(headers.map(CellValue.text), row: 2, style: Styles.header)
        try sheet.setRowHeight(2, 32)

        func col(_ c: Int, _ r: Int, absoluteRow: Bool = false) -> String {
            "$" + CellReference.columnName(c) + (absoluteRow ? "$" : "") + "\(r + 1)"
        }
        func range(_ c: Int) -> String { "$\(CellReference.columnName(c))$\(first + 1):$\(CellReference.columnName(c))$\(lastRow + 1)" }
        let gradeIndex = { (name: String) in (rubric.grades.firstIndex { $0.name == name } ?? 0) + 1 }
        let tieColumns = rubric.ranking.tieBreak.compactMap { id in blocks.firstIndex { $0.id == id }.map { 4 + 2 * $0 } }

        // Layout, filters and highlighting: before the rows, which a streamed sheet cannot revisit.
        try sheet.setColumnWidth(0...0, 6)
        try sheet.setColumnWidth(1...1, TextWidth.column(orgs.map(\.organization.name), minimum: 10, maximum: 24))
        try sheet.setColumnWidth(2...2, TextWidth.column(rubric.categories.map(\.name), minimum: 8, maximum: 20))
        try sheet.setColumnWidth(3...(finalColumn), 11)
        try sheet.setColumnWidth(gradeColumn...gradeColumn, 8)
        try sheet.setColumnWidth(vetoColumn...vetoColumn, TextWidth.column(orgs.map { $0.vetoes.map(\.name).joined(separator: ";") }, minimum: 12, maximum: 40))
        try sheet.setColumnWidth(categoryColumn...finalIndexColumn, 9, hidden: true)
        try sheet.freezePanes(row: first, column: 2)
        if !orgs.isEmpty {
            try sheet.autofilter(CellRange(rows: 2...lastRow, columns: 0...vetoColumn))
            let grades = CellRange(rows: first...lastRow, columns: gradeColumn...gradeColumn)
            for (g, grade) in rubric.grades.enumerated() {
                let style = g == 0 ? Styles.excellent : (g == rubric.grades.count - 1 ? Styles.failing : Styles.good)
                try sheet.conditionalFormat(grades, .cellText(.equal, grade.name), style: style)
        }
        let lowest = rubric.grades.dropLast().last?.minimum ?? 60
        try sheet.conditionalFormat(CellRange(rows: first...lastRow, columns: finalColumn...finalColumn),
                                    .cell(.less, lowest.double), style: Styles.low)
        try sheet.conditionalFormat(CellRange(rows: first...lastRow, columns: vetoColumn...vetoColumn),
                                    .formula("LEN($\(CellReference.columnName(vetoColumn))\(first + 1))>0"), style: Styles.failing)
        }

        /// Writes the row of the organization at `i` (rank order), whose scorecard or ledger cells are `card`.
        func writeRow(_ i: Int, _ card: ScorecardCells) throws {
            let org = orgs[i]
            let r = first + i
            // Rank: one plus the organizations ranked together that are strictly better (§8).
            var tie = "0"
            for c in tieColumns.reversed() {
                tie = "(\(range(c))>\(col(c, r)))+(\(range(c))=\(col(c, r)))*(\(tie))"
            }
            let better = "(\(range(lastFlagColumn))<\(col(lastFlagColumn, r)))+(\(range(lastFlagColumn))=\(col(lastFlagColumn, r)))*((\(range(finalColumn))>\(col(finalColumn, r)))+(\(range(finalColumn))=\(col(finalColumn, r)))*(\(tie)))"
            let sameGroup = rubric.ranking.within == .category ? "(\(range(categoryColumn))=\(col(categoryColumn, r)))*" : ""
            try sheet.write(.formula("1+SUMPRODUCT(\(sameGroup)(\(better)))", cached: .number(Double(org.rank))), row: r, column: 0,
                            style: Styles.integer)
            try sheet.write(.text(org.organization.name), row: r, column: 1, style: Styles.text)
            try sheet.write(.text(book.categoryName(org.organization.category)), row: r, column: 2, style: Styles.centered)
            for (b, block) in blocks.enumerated() {
                let result = org.block(block.id)!
                try sheet.write(.formula(card.blockScore[block.id]!, result.score), row: r, column: Self.blockScoreColumn(b), style: number)
                try sheet.write(.formula(card.contribution[block.id]!, result.contribution), row: r, column: Self.blockScoreColumn(b) + 1,
                                style: number)
            }
            try sheet.write(.formula(card.bonus, org.bonus.total), row: r, column: bonusColumn, style: number)
            try sheet.write(.formula(card.penalty, org.penalty.total), row: r, column: penaltyColumn, style: number)
            try sheet.write(.formula(card.final, org.final), row: r, column: finalColumn, style: number.with { $0.bold = true })
            try sheet.write(.formula("CHOOSE(\(col(finalIndexColumn, r)),\(rubric.grades.map { FormulaText.string($0.name) }.joined(separator: ",")))",
                                     cached: .text(org.grade)), row: r, column: gradeColumn, style: Styles.centered.with { $0.bold = true })
            try sheet.write(.text(org.vetoes.map(\.name).joined(separator: ";")), row: r, column: vetoColumn, style: Styles.text)

            // Helper columns.
            let forced = org.vetoes.compactMap { v -> Int? in if case .grade(let g) = v.effect { return gradeIndex(g) } else { return nil } }.max()
            let cap = org.vetoes.compactMap { v -> Int? in if case .maxGrade(let g) = v.effect { return gradeIndex(g) } else { return nil } }.max()
            let demote = org.vetoes.reduce(0) { n, v in if case .demote(let k) = v.effect { return n + k } else { return n } }
            try sheet.write(.text(org.organization.category), row: r, column: categoryColumn, style: Styles.helper)
            try sheet.write(.number(forced == nil ? 0 : 1), row: r, column: lastFlagColumn, style: Styles.helper)
            try sheet.write(.number(Double(forced ?? 0)), row: r, column: forcedColumn, style: Styles.helper)
            try sheet.write(.number(Double(cap ?? 0)), row: r, column: capColumn, style: Styles.helper)
            try sheet.write(.number(Double(demote)), row: r, column: demoteColumn, style: Styles.helper)
            var bandFormula = "\(rubric.grades.count)"
            for (g, grade) in rubric.grades.enumerated().reversed() where g < rubric.grades.count - 1 {
                bandFormula = grade.minimum.map { "IF(\(col(finalColumn, r))>=\(FormulaText.literal($0)),\(g + 1),\(bandFormula))" } ?? "\(g + 1)"
            }
            let band = gradeIndex(org.grading.scoreBand)
            try sheet.write(.formula(bandFormula, cached: .number(Double(band))), row: r, column: bandColumn, style: Styles.helper)
            let afterVeto = gradeIndex(org.grading.afterVetoes)
            try sheet.write(.formula("MAX(IF(\(col(forcedColumn, r))>0,\(col(forcedColumn, r)),\(col(bandColumn, r))),\(col(capColumn, r)))",
                                     cached: .number(Double(afterVeto))), row: r, column: afterVetoColumn, style: Styles.helper)
            let afterQuota = gradeIndex(org.grading.afterQuotas)
            var previous = afterVetoColumn
            for (k, b) in quotaBands.enumerated() {
                let grade = rubric.grades[b]
                let bi = b + 1
                let n = rubric.ranking.within == .category ? "COUNTIF(\(range(categoryColumn)),\(col(categoryColumn, r)))" : "ROWS(\(range(categoryColumn)))"
                let product = "\(n)*\(FormulaText.literal(grade.quota!))"
                let places: String
                switch grade.quotaRounding {
                case .floor: places = "ROUNDDOWN(ROUND(\(product),9),0)"
                case .ceil: places = "ROUNDUP(ROUND(\(product),9),0)"
                case .round: places = "ROUND(\(product),0)"
                }
                let inGroup = rubric.ranking.within == .category ? "\(range(categoryColumn)),\(col(categoryColumn, r))," : ""
                let test = grade.quotaTies == .exclude
                    ? "COUNTIFS(\(inGroup)\(range(previous)),\(bi),\(range(0)),\"<=\"&\(col(0, r)))<=\(places)"
                    : "COUNTIFS(\(inGroup)\(range(previous)),\(bi),\(range(0)),\"<\"&\(col(0, r)))<\(places)"
                let formula = "IF(\(col(previous, r))=\(bi),IF(\(test),\(bi),\(bi + 1)),\(col(previous, r)))"
                let cached = b + 1 < afterVeto ? afterVeto : min(afterQuota, b + 2)
                let column = afterVetoColumn + 1 + k
                try sheet.write(.formula(formula, cached: .number(Double(cached))), row: r, column: column, style: Styles.helper)
                previous = column
            }
            try sheet.write(.formula("MIN(\(rubric.grades.count),\(col(previous, r))+\(col(demoteColumn, r)))",
                                     cached: .number(Double(gradeIndex(org.grade)))), row: r, column: finalIndexColumn, style: Styles.helper)
        }
        if let rows {
            try rows(writeRow)
        } else {
            for (i, org) in orgs.enumerated() { try writeRow(i, book.scorecards[org.organization.id]!) }
        }

        // Notes below the table.
        var notes: [String] = []
        notes.append("排名:按综合得分由高到低\(rubric.ranking.within == .category ? "在类别内" : "")排名,得分相同的依次比较\(rubric.ranking.tieBreak.compactMap { id in blocks.first { $0.id == id }?.name }.map { "「\($0)」折算分" }.joined(separator: "、"))，仍相同的并列;被一票否决定级的单位排在其他单位之后。")
        let gradeRules = rubric.grades.map { g in
            var t = g.name + (g.minimum.map { "(≥\($0.decimalText()))" } ?? "")
            if let q = g.quota { t += ",名额不超过 \(q.decimalText()) × 单位数(\(g.quotaRounding.chineseName)),并列跨越名额线时\(g.quotaTies == .exclude ? "均不占名额" : "全部占名额")" }
            return t
        }
        notes.append("等次:" + gradeRules.joined(separator: ";") + "。先按得分定档,再按否决事项定级或封顶,再按名额,最后降等。")
        var row = lastRow + 2
        for note in notes {
            try sheet.merge(CellRange(rows: row...row, columns: 0...vetoColumn), .text(note), style: Styles.note)
            try sheet.setRowHeight(row, 30)
            row += 1
        }


        guard !orgs.isEmpty else { return }
        let chart: Chart
        let chartHeight: Double
        if orgs.count <= ScorecardWorkbook.Layout.sheetsUpTo {
            // One bar per organization.
            chart = try workbook.addChart(.bar)
            try chart.addSeries(name: "综合得分", categories: "=" + FormulaText.absolute(sheet.name, rows: first...lastRow, column: 1),
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
                try sheet.write(.formula("COUNTIF(\(gradeRange),\(FormulaText.string(grade.name)))", cached: .number(Double(count))),
                                row: row, column: 2, style: Styles.integer)
            }
            chart = try workbook.addChart(.column)
            try chart.addSeries(name: "单位数", categories: "=" + FormulaText.absolute(sheet.name, rows: tableRow...row, column: 1),
                                values: "=" + FormulaText.absolute(sheet.name, rows: tableRow...row, column: 2), color: 0x4472C4)
            try chart.setTitle("等次分布")
            chartHeight = 1
        }
        try chart.hideLegend()
        try sheet.insert(chart, at: CellReference(row: row + 1, column: 1), scale: (1.6, chartHeight))

        var setup = book.pageSetup(landscape: true, repeatRows: 2...2, title: "结果汇总")
        setup.printArea = CellRange(rows: 0...(row + 1 + Int(15 * chartHeight)), columns: 0...vetoColumn)
        try sheet.setPageSetup(setup)
    }
}
