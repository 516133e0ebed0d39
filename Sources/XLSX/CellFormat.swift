internal import CXLSXWriter

/// A `CellStyle` resolved to its workbook's format: write many cells with it and the style is looked up once,
/// not per cell. Belongs to the workbook that made it (`Workbook.format(_:)`). A plain value: copying it costs
/// nothing.
public struct CellFormat {
    let handle: UnsafeMutablePointer<lxw_format>?
    /// The style's place in the workbook's list of resolved styles (-1: no style).
    let styleIndex: Int
}
