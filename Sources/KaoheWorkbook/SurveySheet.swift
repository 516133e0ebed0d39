import KaoheCore
import XLSX

/// 满意度: the votes of every rater group and how each group score came about.
struct SurveySheet {
    let book: Book
    static let noteWidth = 56.0
    static let styles: [LaidOutCell.Style: CellStyle] = [
        .text: Styles.text, .centered: Styles.centered, .points: Styles.points,
        .number: Styles.number, .integer: Styles.integer
    ]

    /// Writes the sheet; returns each group score's cell (organization → survey block → group), for the scorecards
    /// and the ledger.
    func write(_ sheet: Worksheet) throws -> [String: [String: [String: String]]] {
        var scoreCells: [String: [String: [String: String]]] = [:]
        let name = sheet.name
        let places = book.places
        var row = 0
        var lastColumn = 0
        for block in book.rubric.blocks {
            guard let survey = block.survey else { continue }
            let valid = survey.answers.filter { $0.value != nil }
            let invalid = survey.answers.filter { $0.value == nil }
            let answerColumn = 3
            let ballotsColumn = answerColumn + valid.count + invalid.count
            let validColumn = ballotsColumn + 1
            let scoreColumn = validColumn + 1
            let noteColumn = scoreColumn + 1
            lastColumn = max(lastColumn, noteColumn)
            try sheet.merge(
                CellRange(rows: row...row, columns: 0...noteColumn), .text("\(block.name)(满意度测评)明细"),
                style: Styles.title)
            try sheet.setRowHeight(row, 28)
            row += 1
            let trimText = survey.trim > 0 ? "数值评分去掉最高、最低各 \(survey.trim) 个(去掉后不少于3个时)后平均;" : ""
            try sheet.merge(
                CellRange(rows: row...row, columns: 0...noteColumn),
                .text("群体得分 = 有效票得分之和 ÷ 有效票数(\(invalid.map(\.name).joined(separator: "、")) 不计入有效票);\(trimText)无有效票的群体不参与加权。"),
                style: Styles.subtitle)
            row += 1
            let headerRow = row
            var headers = ["单位", "评价群体", "权重"] + valid.map(\.name) + invalid.map { "\($0.name)(无效)" }
            headers += ["数值评分", "有效票数", "群体得分", "计算说明"]
            try sheet.writeRow(headers.map(CellValue.text), row: row, style: Styles.header)
            try sheet.setRowHeight(row, 32)
            row += 1
            let valueRow = row
            try sheet.merge(CellRange(rows: row...row, columns: 0...2), .text("每票分值"), style: Styles.subtotalLabel)
            for (i, answer) in valid.enumerated() {
                try sheet.write(.exact(answer.value!), row: row, column: answerColumn + i, style: Styles.subtotalPoints)
            }
            for i in 0..<invalid.count { try sheet.write(.text("不计"), row: row, column: answerColumn + valid.count + i, style: Styles.centered) }
            for c in ballotsColumn...noteColumn { try sheet.write(.blank, row: row, column: c, style: Styles.text) }
            row += 1
            // The answers that are valid votes sit side by side; a survey of numeric ballots only may have none.
            let validColumns = answerColumn..<(answerColumn + valid.count)

            // The organizations' rows are laid out on another core while earlier ones are written.
            let layout = SurveyRowsLayout(
                block: block, answers: valid + invalid, validColumns: validColumns, valueRow: valueRow,
                columns: (ballotsColumn, validColumn, scoreColumn, noteColumn), places: places,
                weightCells: book.weights.groupWeight[block.id] ?? [:], sheet: name)
            let organizations = book.organizations
            let tops = organizations.reduce(into: [row]) { tops, org in tops.append(tops.last! + layout.rowCount(org)) }
            let batch = 64
            let formats = try LaidOutCell.formats(Self.styles, in: sheet.workbook)
            try Pipeline.run(
                batches: (organizations.count + batch - 1) / batch,
                make: { b in
                    (b * batch..<min(organizations.count, (b + 1) * batch)).map { layout.rows(organizations[$0], from: tops[$0]) }
                },
                consume: { laidOut in
                    for rows in laidOut {
                        try LaidOutCell.write(rows.cells, on: sheet, formats: formats, heights: rows.heights)
                        for (group, cell) in rows.scoreCells {
                            scoreCells[rows.organization, default: [:]][block.id, default: [:]][group] = cell
                        }
                    }
                })
            row = tops.last!
            if headerRow == 2 { try sheet.freezePanes(row: headerRow + 1) }
            row += 1
        }
        try sheet.setColumnWidth(0...0, TextWidth.column(book.organizations.map(\.organization.name), maximum: 20))
        try sheet.setColumnWidth(1...1, 14)
        try sheet.setColumnWidth(2...(lastColumn - 4), 8)
        try sheet.setColumnWidth((lastColumn - 3)...(lastColumn - 3), 22)
        try sheet.setColumnWidth((lastColumn - 2)...(lastColumn - 1), 9)
        try sheet.setColumnWidth(lastColumn...lastColumn, Self.noteWidth)
        try sheet.setPageSetup(book.pageSetup(landscape: true, repeatRows: 2...3, title: "满意度测评"))
        return scoreCells
    }
}

/// What laying out one survey block's rows needs, copied from the book so that rows can be laid out on other
/// threads: one row per organization and rater group with a result.
struct SurveyRowsLayout: Sendable {
    /// One organization's rows, their heights and its group score cells (group id → reference).
    struct Rows: Sendable {
        let organization: String
        var cells: [LaidOutCell] = []
        var heights: [(row: Int, height: Double)] = []
        var scoreCells: [(String, String)] = []
    }

    let block: Block
    /// Valid answers first, then the invalid ones.
    let answers: [Survey.Answer]
    let validColumns: Range<Int>
    let valueRow: Int
    let columns: (ballots: Int, valid: Int, score: Int, note: Int)
    let places: Int
    let weightCells: [String: String]
    let sheet: String

    /// Rows `org` takes.
    func rowCount(_ org: OrganizationResult) -> Int {
        guard let groups = org.block(block.id)?.survey else { return 0 }
        return block.survey!.groups.count { group in groups.contains { $0.id == group.id } }
    }

    func rows(_ org: OrganizationResult, from top: Int) -> Rows {
        var out = Rows(organization: org.organization.id)
        guard let survey = block.survey, let groups = org.block(block.id)?.survey else { return out }
        var row = top
        func put(_ column: Int, _ value: CellValue, _ style: LaidOutCell.Style) {
            out.cells.append(LaidOutCell(row: row, column: column, style: style, value: value))
        }
        for group in survey.groups {
            guard let g = groups.first(where: { $0.id == group.id }) else { continue }
            // The name on every row (no merge): a filterable table, written strictly row by row.
            put(0, .text(org.organization.name), .centered)
            put(1, .text(group.name), .text)
            put(2, .formula(weightCells[group.id] ?? "", group.weight), .points)
            var counts: [String: Exact] = [:]
            var ballots: [Exact] = []
            switch g.votes {
            case .counts(let c)?: for (a, n) in c { counts[a, default: .zero] += n }
            case .scores(let s)?: ballots = s
            case nil: break
            }
            for (i, answer) in answers.enumerated() {
                put(validColumns.lowerBound + i, counts[answer.name].map { .exact($0) } ?? .blank, .integer)
            }
            put(columns.ballots, .text(ballots.map { $0.decimalText() }.joined(separator: "、")), .text)
            put(columns.valid, .exact(Exact(g.validVotes)), .integer)
            if let score = g.score {
                let formula: String
                if ballots.isEmpty {
                    let last = validColumns.upperBound - 1
                    let votes = CellRange(rows: row...row, columns: validColumns.lowerBound...last)
                    let values = CellRange(rows: valueRow...valueRow, columns: validColumns.lowerBound...last).absolute
                    formula = "ROUND(SUMPRODUCT(\(votes),\(values))/SUM(\(votes)),\(places))"
                } else {
                    formula = "ROUND(AVERAGE(\(g.keptBallots.map(FormulaText.literal).joined(separator: ","))),\(places))"
                }
                put(columns.score, .formula(formula, score), .number)
                out.scoreCells.append((group.id, FormulaText.absolute(sheet, row: row, column: columns.score)))
            } else {
                put(columns.score, .text("无有效票"), .centered)
            }
            let working = WorkingText.chinese.surveyGroup(g)
            put(columns.note, .text(working), .text)
            out.heights.append((row, max(18, Double(TextWidth.lines(working, width: SurveySheet.noteWidth)) * 14 + 4)))
            row += 1
        }
        return out
    }
}
