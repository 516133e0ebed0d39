import XLSX

/// A cell laid out away from the writing thread (see `Pipeline`), written later in row order.
struct LaidOutCell: Sendable {
    /// The styles laid-out cells use; each sheet maps them to its `CellStyle`s.
    enum Style: Sendable { case text, centered, points, number, integer }

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

    /// Writes `cells` on `sheet`, each with its style from `styles`.
    static func write(_ cells: [LaidOutCell], on sheet: Worksheet, styles: [Style: CellStyle]) throws {
        for cell in cells {
            try sheet.write(cell.value, row: Int(cell.row), column: Int(cell.column), style: styles[cell.style])
        }
    }
}
