import KaoheCore
import XLSX

/// 图表: each organization's score rate per dimension (live formulas over the scorecards) and a radar chart.
struct ChartsSheet {
    let book: Book

    func write(_ sheet: Worksheet, workbook: Workbook) throws {
        let rubric = book.rubric
        let orgs = book.result.organizations
        let dims = rubric.dimensions
        try sheet.merge(CellRange(rows: 0...0, columns: 0...dims.count), .text("各单位一级指标得分率(%)"), style: Styles.title)
        try sheet.setRowHeight(0, 28)
        try sheet.writeRow([.text("单位")] + dims.map { .text($0.name) }, row: 1, style: Styles.header)
        for (i, org) in orgs.enumerated() {
            let row = 2 + i
            try sheet.write(.text(org.organization.name), row: row, column: 0, style: Styles.text)
            for (j, d) in dims.enumerated() {
                guard let result = org.dimension(d.id), let cell = book.scorecards[org.organization.id]?.dimensionScore[d.id] else { continue }
                // A 0-point dimension has no rate (§12: nothing divides by it): 0, in the sheet as in the cache.
                let points = book.weights.dimensionPoints[d.id]!
                let rate = result.points.isZero ? Exact.zero : (result.score * 100 / result.points).rounded(1)
                try sheet.write(
                    .formula("IF(\(points)=0,0,ROUND(\(cell)/\(points)*100,1))", rate), row: row,
                    column: 1 + j, style: Styles.number.with { $0.numberFormat = "0.0" })
            }
        }
        try sheet.setColumnWidth(0...0, TextWidth.column(orgs.map(\.organization.name), minimum: 10, maximum: 24))
        try sheet.setColumnWidth(1...max(1, dims.count), 11)
        guard !orgs.isEmpty, dims.count >= 3 else { return }
        let radar = try workbook.addChart(.radar)
        let categories = "=" + sheetReference(sheet.name, CellRange(rows: 1...1, columns: 1...dims.count).absolute)
        for (i, org) in orgs.prefix(12).enumerated() {
            try radar.addSeries(
                name: org.organization.name, categories: categories,
                values: "=" + sheetReference(sheet.name, CellRange(rows: (2 + i)...(2 + i), columns: 1...dims.count).absolute))
        }
        try radar.setTitle("一级指标得分率雷达图")
        try radar.setValueAxis(minimum: 0, maximum: 100)
        try sheet.insert(radar, at: CellReference(row: orgs.count + 3, column: 0), scale: (1.5, 1.4))
        var setup = book.pageSetup(landscape: true, repeatRows: nil, title: "图表")
        setup.fitToPages = (1, 1)
        setup.printArea = CellRange(rows: 0...(orgs.count + 26), columns: 0...max(9, dims.count))
        try sheet.setPageSetup(setup)
    }
}
