import Foundation
@testable import XLSX
import TestSupport

/// A fresh directory for one test's files (removed when the test run ends).
func scratchDirectory() throws -> String {
    try makeScratchDirectory("xlsx")
}

let fixedOptions = Workbook.Options(created: Date(timeIntervalSince1970: 1_704_067_200))

/// Writes a workbook with `body`, closes it and reads it back.
func roundTrip(_ body: (Workbook) throws -> Void) throws -> WorkbookContents {
    let path = try scratchDirectory() + "/book.xlsx"
    let workbook = try Workbook(path: path, options: fixedOptions)
    try body(workbook)
    try workbook.close()
    return try WorkbookContents(path: path)
}
