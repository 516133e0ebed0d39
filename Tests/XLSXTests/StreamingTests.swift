import Foundation
import Testing
@testable import XLSX

/// Constant-memory writing and the recorder that reports what a workbook was asked to write.
@Suite struct StreamingTests {
    @Test func constantMemoryWritesRowsInOrderAndRefusesToGoBack() throws {
        let path = try scratchDirectory() + "/stream.xlsx"
        var options = fixedOptions
        options.constantMemory = true
        let wb = try Workbook(path: path, options: options)
        let sheet = try wb.addWorksheet(named: "明细")
        try sheet.autofilter(CellRange(rows: 0...3, columns: 0...1))
        for row in 0..<4 {
            try sheet.write(.text("单位\(row)"), row: row, column: 0)
            try sheet.write(.formula("ROW()*2", cached: .number(Double(row + 1) * 2)), row: row, column: 1)
        }
        // The library keeps only the current row: an earlier one cannot be written any more.
        #expect(throws: XLSXError.self) { try sheet.write(.number(1), row: 0, column: 2) }
        try wb.close()
        let book = try WorkbookContents(path: path)
        let cells = try #require(book.sheet("明细")).cells
        #expect(cells[CellReference(row: 3, column: 0)]?.value == .text("单位3"))
        #expect(cells[CellReference(row: 3, column: 1)]?.formula == "ROW()*2")
        #expect(cells[CellReference(row: 3, column: 1)]?.value == .number(8))
        #expect(book.sheet("明细")?.autofilter != nil)
    }

    @Test func recorderSeesEverythingAsWritten() throws {
        var events: [(String, WorksheetEvent)] = []
        let long = String(repeating: "长", count: Worksheet.maximumTextLength + 10)
        _ = try roundTrip { wb in
            wb.recorder = { events.append(($0, $1)) }
            let sheet = try wb.addWorksheet(named: "S")
            try sheet.merge(CellRange(rows: 0...0, columns: 0...2), .text("标题"))
            try sheet.write(.text(long), row: 1, column: 0)
            try sheet.setColumnWidth(0...2, 12)
            try sheet.freezePanes(row: 2)
        }
        #expect(events.allSatisfy { $0.0 == "S" })
        let kinds = events.map { event -> String in
            switch event.1 {
            case .added: "added"
            case .merge: "merge"
            case .cell(let r, let c, _, _): "cell \(r),\(c)"
            case .columnWidth: "width"
            case .rowHeight: "height"
            case .freezePanes: "freeze"
            case .autofilter: "filter"
            }
        }
        #expect(kinds == ["added", "merge", "cell 0,0", "cell 1,0", "width", "freeze"])
        // Text is reported as the cell holds it: cut to the limit, with the marker.
        guard case .cell(_, _, .text(let written), _) = events[3].1 else { Issue.record("no text cell"); return }
        #expect(written.count == Worksheet.maximumTextLength)
        #expect(written.hasSuffix(Worksheet.truncationMarker))
    }

    /// A format resolved once writes the same cell as its style, and only in the workbook that made it.
    @Test func resolvedFormatsWriteLikeTheirStyles() throws {
        var styles: [CellStyle?] = []
        let bold = CellStyle(bold: true, numberFormat: "0.00")
        let book = try roundTrip { wb in
            wb.recorder = { _, event in if case .cell(_, _, _, let style) = event { styles.append(style) } }
            let sheet = try wb.addWorksheet(named: "S")
            let format = try wb.format(bold)
            try sheet.write(.number(1.5), row: 0, column: 0, format: format)
            try sheet.write(.number(2.5), row: 0, column: 1, style: bold)
            try sheet.write(.text("默认"), row: 1, column: 0, format: try wb.format(nil))

            let other = try Workbook(path: try scratchDirectory() + "/other.xlsx", options: fixedOptions)
            let foreign = try other.format(bold)
            #expect(throws: XLSXError(.foreignFormat, while: "writing S!C1")) {
                try sheet.write(.number(3), row: 0, column: 2, format: foreign)
            }
            try other.close()
        }
        #expect(styles == [bold, bold, nil])
        #expect(book.sheet("S")?.number("A1") == 1.5 && book.sheet("S")?.text("A2") == "默认")
    }
}
