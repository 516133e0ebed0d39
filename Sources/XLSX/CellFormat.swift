internal import CXLSXWriter
import Foundation

/// A `CellStyle` resolved to its workbook's format: write many cells with it and the style is looked up once,
/// not per cell. A plain value, free to copy; it belongs to the workbook that made it (`Workbook.format(_:)`),
/// and writing it to another workbook's sheet throws.
public struct CellFormat {
    let handle: UnsafeMutablePointer<lxw_format>?
    /// The style's place in the workbook's list of resolved styles (-1: no style).
    let styleIndex: Int
    /// The `Workbook.serial` of the workbook that made it.
    let workbook: Int
}
