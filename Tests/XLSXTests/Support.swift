import Foundation
@testable import XLSX

/// A fresh directory for one test's files.
func scratchDirectory() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.path
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
