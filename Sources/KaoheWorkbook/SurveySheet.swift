import KaoheCore
import XLSX

/// 满意度: the votes of every rater group and how each group score came about.
struct SurveySheet {
    let book: Book
    static let noteWidth = 56.0

    func write(_ sheet: Worksheet) throws {
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
            try sheet.merge(CellRange(rows: row...row, columns: 0...noteColumn), .text("\(block.name)(满意度测评)明细"),
                            style: Styles.title)
            try sheet.setRowHeight(row, 28)
            row += 1
            let trimText = survey.trim > 0 ? "数值评分去掉最高、最低各 \(survey.trim) 个(去掉后不少于3个时)后平均;" : ""
            try sheet.merge(CellRange(rows: row...row, columns: 0...noteColumn),
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
            let validRange = { (r: Int) in CellRange(rows: r...r, columns: validColumns.lowerBound...(validColumns.upperBound - 1)) }

            for org in book.organizations {
                guard let result = org.block(block.id), let groups = result.survey else { continue }
                for group in survey.groups {
                    guard let g = groups.first(where: { $0.id == group.id }) else { continue }
                    // The name on every row (no merge): a filterable table, written strictly row by row.
                    try sheet.write(.text(org.organization.name), row: row, column: 0, style: Styles.centered)
                    try sheet.write(.text(group.name), row: row, column: 1, style: Styles.text)
                    let weightRef = book.weights.groupWeight[block.id]?[group.id] ?? ""
                    try sheet.write(.formula(weightRef, group.weight), row: row, column: 2, style: Styles.points)
                    var counts: [String: Exact] = [:]
                    var ballots: [Exact] = []
                    switch g.votes {
                    case .counts(let c)?: for (a, n) in c { counts[a, default: .zero] += n }
                    case .scores(let s)?: ballots = s
                    case nil: break
                    }
                    for (i, answer) in (valid + invalid).enumerated() {
                        let value: CellValue = counts[answer.name].map { .exact($0) } ?? .blank
                        try sheet.write(value, row: row, column: answerColumn + i, style: Styles.integer)
                    }
                    try sheet.write(.text(ballots.map { $0.decimalText() }.joined(separator: "、")), row: row,
                                    column: ballotsColumn, style: Styles.text)
                    try sheet.write(.exact(Exact(g.validVotes)), row: row, column: validColumn, style: Styles.integer)
                    if let score = g.score {
                        let formula: String
                        if ballots.isEmpty {
                            let values = CellRange(rows: valueRow...valueRow, columns: validColumns.lowerBound...(validColumns.upperBound - 1)).absolute
                            formula = "ROUND(SUMPRODUCT(\(validRange(row)),\(values))/SUM(\(validRange(row))),\(places))"
                        } else {
                            formula = "ROUND(AVERAGE(\(g.keptBallots.map(FormulaText.literal).joined(separator: ","))),\(places))"
                        }
                        try sheet.write(.formula(formula, score), row: row, column: scoreColumn, style: Styles.number)
                        book.surveyCells[org.organization.id, default: [:]][block.id, default: [:]][group.id] =
                            FormulaText.absolute(name, row: row, column: scoreColumn)
                    } else {
                        try sheet.write(.text("无有效票"), row: row, column: scoreColumn, style: Styles.centered)
                    }
                    try sheet.write(.text(g.working), row: row, column: noteColumn, style: Styles.text)
                    try sheet.setRowHeight(row, max(18, Double(TextWidth.lines(g.working, width: Self.noteWidth)) * 14 + 4))
                    row += 1
                }
            }
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
    }
}
