internal import CXLSXWriter

/// An error raised while writing or reading a workbook. It says what was being done, and where.
public struct XLSXError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong.
    public enum Kind: Equatable, Sendable {
        /// libxlsxwriter returned an `lxw_error`; `code` is its number, `message` its `lxw_strerror` text.
        case library(code: Int, message: String)
        /// A sheet name breaks the spreadsheet rules (length, characters, quotes, empty).
        case invalidSheetName(String, reason: String)
        /// A sheet with this name (compared case-insensitively) already exists.
        case duplicateSheetName(String)
        /// NaN or an infinite number cannot be stored in a cell.
        case invalidNumber
        /// A formula, name or other required text was empty.
        case emptyText
        /// Text longer than the library or the file format accepts here.
        case textTooLong(limit: Int)
        /// A defined name that spreadsheet applications would reject.
        case invalidDefinedName(String)
        /// A merged range overlaps one already merged on the sheet.
        case overlappingMerge(String)
        /// A range whose first cell comes after its last cell, or outside the sheet.
        case invalidRange(String)
        /// A chart was inserted a second time, or has no series.
        case chartMisuse(String)
        /// The workbook was already closed; nothing more can be written to it.
        case workbookClosed
        /// A `CellFormat` made by another workbook.
        case foreignFormat
        /// The package could not be read (reader) or moved into place (writer).
        case file(String)
    }

    public let kind: Kind
    /// What was being written or read, e.g. `writing 汇总!B3` or `closing output/x.xlsx`.
    public let context: String

    public init(_ kind: Kind, while context: String) {
        self.kind = kind
        self.context = context
    }

    public var description: String {
        let what: String
        switch kind {
        case .library(let code, let message): what = "\(message) (libxlsxwriter error \(code))"
        case .invalidSheetName(let name, let reason): what = "invalid sheet name '\(name)': \(reason)"
        case .duplicateSheetName(let name): what = "a sheet named '\(name)' already exists (names are compared ignoring case)"
        case .invalidNumber: what = "a number must be finite (not NaN or infinity)"
        case .emptyText: what = "text must not be empty"
        case .textTooLong(let limit): what = "text is longer than \(limit) characters"
        case .invalidDefinedName(let name): what = "'\(name)' is not a valid defined name"
        case .overlappingMerge(let range): what = "merged range \(range) overlaps another merged range"
        case .invalidRange(let range): what = "invalid range \(range)"
        case .chartMisuse(let reason): what = reason
        case .workbookClosed: what = "the workbook is already closed"
        case .foreignFormat: what = "the cell format belongs to another workbook"
        case .file(let reason): what = reason
        }
        return "\(context): \(what)"
    }
}

/// Turns a libxlsxwriter status into a thrown error.
@inline(__always)
func check(_ status: lxw_error, _ context: @autoclosure () -> String) throws {
    guard status != LXW_NO_ERROR else { return }
    let message = String(cString: lxw_strerror(status))
    throw XLSXError(.library(code: Int(status.rawValue), message: message), while: context())
}
