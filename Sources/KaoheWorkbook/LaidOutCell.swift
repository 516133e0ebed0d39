import XLSX

/// A cell laid out away from the writing thread (see `Pipeline`), written later in row order.
struct LaidOutCell: Sendable {
    /// The styles laid-out cells use; each sheet maps them to its `CellStyle`s.
    enum Style: Int, Sendable, CaseIterable { case text, centered, points, number, integer, numberBold, centeredBold, helper }

    let row: Int32
    let column: UInt16
    let style: Style
    let value: CellValue

    init(row: Int, column: Int, style: Style, value: CellValue) {
        self.row = Int32(row)
        self.column = UInt16(column)
        self.style = style
        self.value = value
    }

    /// The workbook's formats for `styles`, indexed by `Style.rawValue`.
    static func formats(_ styles: [Style: CellStyle], in workbook: Workbook) throws -> [CellFormat] {
        try Style.allCases.map { try workbook.format(styles[$0]) }
    }

    /// Writes `cells` on `sheet`, each with its style's format from `formats(_:in:)`. `heights` (row, points), in
    /// row order, are set before each row's first cell: a streamed sheet cannot go back to a row.
    static func write(
        _ cells: [LaidOutCell], on sheet: Worksheet, formats: [CellFormat],
        heights: [(row: Int, height: Double)] = []
    ) throws {
        var pending = heights[...]
        for cell in cells {
            while let (row, height) = pending.first, row <= Int(cell.row) {
                try sheet.setRowHeight(row, height)
                pending = pending.dropFirst()
            }
            try sheet.write(cell.value, row: Int(cell.row), column: Int(cell.column), format: formats[cell.style.rawValue])
        }
    }
}
