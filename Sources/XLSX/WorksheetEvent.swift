/// What a worksheet was asked to do, as seen by `Workbook.recorder`: enough to write the same cells, merges,
/// widths, heights, panes and filters again with another writer.
public enum WorksheetEvent: Sendable {
    /// The worksheet was added (worksheets are announced in tab order).
    case added
    case cell(row: Int, column: Int, value: CellValue, style: CellStyle?)
    /// A merge; its value arrives as the `cell` event of the range's first cell that follows.
    case merge(CellRange, style: CellStyle?)
    case columnWidth(ClosedRange<Int>, width: Double, hidden: Bool)
    case rowHeight(row: Int, height: Double)
    case freezePanes(row: Int, column: Int)
    case autofilter(CellRange)
}
