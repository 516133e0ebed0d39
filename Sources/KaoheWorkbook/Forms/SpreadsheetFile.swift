import Foundation
import KaoheCore
import XLSX

/// Reads an `.xlsx` file into the cells the core maps forms from.
public enum SpreadsheetFile {
    /// The file's sheets, cell values (formulas' cached results), percent formats and merges. Throws, in words,
    /// when the file is not a readable `.xlsx` package.
    @Sendable public static func read(_ path: String) throws -> Spreadsheet {
        try read(path, only: nil)
    }

    /// The sheets a returned form is read from (the others, 填报说明 and the dropdown lists, are not parsed).
    @Sendable public static func readForm(_ path: String) throws -> Spreadsheet {
        try read(
            path,
            only: [
                FormMetadata.sheetName, SelfAssessmentForm.sheetName, SelfAssessmentForm.adjustmentSheetName,
                ReviewForm.sheetName, ReviewForm.adjustmentSheetName, SurveyForm.sheetName, SupervisionForm.sheetName
            ])
    }

    static func read(_ path: String, only sheets: Set<String>?) throws -> Spreadsheet {
        let contents: WorkbookContents
        do { contents = try WorkbookContents(path: path, only: sheets) } catch {
            throw SpreadsheetUnreadable(path: path, reason: "\(error)")
        }
        return Spreadsheet(
            sheets: contents.sheets.map { sheet in
                var cells: [Spreadsheet.CellAddress: Spreadsheet.Cell] = [:]
                cells.reserveCapacity(sheet.cells.count)
                for (reference, cell) in sheet.cells {
                    guard let value = cell.value else { continue }
                    let converted: Spreadsheet.Cell.Value =
                        switch value {
                        case .number(let n): .number(n)
                        case .text(let t): .text(t)
                        case .boolean(let b): .boolean(b)
                        case .error(let e): .error(e)
                        }
                    cells[.init(row: reference.row, column: reference.column)] =
                        Spreadsheet.Cell(converted, isFormula: cell.formula != nil, isPercent: cell.isPercent)
                }
                return Spreadsheet.Sheet(
                    name: sheet.name, hidden: sheet.hidden, cells: cells,
                    merges: sheet.merges.map {
                        (
                            .init(row: $0.first.row, column: $0.first.column),
                            .init(row: $0.last.row, column: $0.last.column)
                        )
                    })
            })
    }
}

/// A file that is not a readable `.xlsx` package (damaged, or another format under that name).
public struct SpreadsheetUnreadable: ExplainedError, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var message: Message { Catalog.spreadsheetUnreadable(reason) }
    public var description: String { message.text(.current) }
}
