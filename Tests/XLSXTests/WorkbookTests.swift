import Foundation
import Testing
@testable import XLSX

@Suite struct WorkbookRoundTripTests {
    @Test func chineseTextNumbersAndFormulasWithCachedValues() throws {
        let book = try roundTrip { wb in
            let sheet = try wb.addWorksheet(named: "评分表")
            try sheet.write(.text("县总工会"), row: 0, column: 0)
            try sheet.write(.number(87.45), row: 0, column: 1)
            try sheet.write(.formula("=ROUND(B1*0.8,2)", cached: .number(69.96)), row: 0, column: 2)
            try sheet.write(.formula("IF(B1>=90,\"优秀\",\"良好\")", cached: .text("良好")), row: 0, column: 3)
            try sheet.write(.text("=SUM(A1:A3)"), row: 1, column: 0)
            try sheet.write(.boolean(true), row: 1, column: 1)
        }
        let sheet = try #require(book.sheet("评分表"))
        #expect(sheet.text("A1") == "县总工会")
        #expect(sheet.number("B1") == 87.45)
        #expect(sheet["C1"] == .init(value: .number(69.96), formula: "ROUND(B1*0.8,2)"))
        #expect(sheet["D1"]?.value == .text("良好"))
        #expect(sheet["D1"]?.formula == "IF(B1>=90,\"优秀\",\"良好\")")
        // Formula-looking user text stays text.
        #expect(sheet["A2"] == .init(value: .text("=SUM(A1:A3)"), formula: nil))
        #expect(sheet["B2"]?.value == .boolean(true))
    }

    @Test func mergesFormatsAndLayout() throws {
        let book = try roundTrip { wb in
            let sheet = try wb.addWorksheet(named: "汇总")
            let title = CellStyle(fontName: "黑体", fontSize: 16, bold: true, horizontal: .center)
            try sheet.merge(CellRange("A1:F1")!, .text("2024年度考核汇总"), style: title)
            try sheet.merge(CellRange("A2:A2")!, .number(1))
            try sheet.setColumnWidth(1...2, 18.5)
            try sheet.setColumnWidth(7...7, 4, hidden: true)
            try sheet.freezePanes(row: 3)
            try sheet.autofilter(CellRange("A3:F9")!)
            try sheet.conditionalFormat(
                CellRange("F4:F9")!, .cellText(.equal, "优秀"),
                style: CellStyle(fillColor: 0xC6EFCE))
            try sheet.conditionalFormat(CellRange("E4:E9")!, .cell(.less, 60), style: CellStyle(fontColor: 0xC00000))
            try sheet.write(.number(0.5), row: 3, column: 4, style: CellStyle(numberFormat: "0.00", unlocked: true))
            try sheet.protect()
        }
        let sheet = try #require(book.sheet("汇总"))
        #expect(sheet.merges == [CellRange("A1:F1")!])
        #expect(sheet.text("A1") == "2024年度考核汇总")
        #expect(sheet.number("A2") == 1)
        #expect(sheet.columnWidths[1] != nil && sheet.columnWidths[1]! > 18)
        #expect(sheet.hiddenColumns == [7])
        #expect(sheet.frozenRows == 3)
        #expect(sheet.autofilter == "A3:F9")
        #expect(sheet.conditionalFormatCount == 2)
        #expect(sheet.isProtected)
    }

    @Test func printSettings() throws {
        let book = try roundTrip { wb in
            let sheet = try wb.addWorksheet(named: "评分表")
            try sheet.write(.text("x"), row: 0, column: 0)
            var setup = Worksheet.PageSetup()
            setup.orientation = .landscape
            setup.repeatRows = 0...2
            setup.footer = "&C第 &P 页 共 &N 页"
            setup.header = "&C考核"
            setup.printArea = CellRange("A1:L40")
            try sheet.setPageSetup(setup)
        }
        let sheet = try #require(book.sheet("评分表"))
        #expect(sheet.paperSize == 9)
        #expect(sheet.orientation == "landscape")
        #expect(sheet.fitToPage)
        #expect(sheet.fitToWidth == 1)
        #expect(sheet.fitToHeight == 0)
        #expect(sheet.footer == "&C第 &P 页 共 &N 页")
        #expect(sheet.printTitles == "'评分表'!$1:$3")
        #expect(sheet.printArea == "'评分表'!$A$1:$L$40")
    }

    @Test func chartsNamesAndProperties() throws {
        let book = try roundTrip { wb in
            let sheet = try wb.addWorksheet(named: "汇总")
            for row in 0..<3 {
                try sheet.write(.text("单位\(row)"), row: row, column: 0)
                try sheet.write(.number(Double(80 + row)), row: row, column: 1)
            }
            let chart = try wb.addChart(.bar)
            try chart.addSeries(name: "综合得分", categories: "='汇总'!$A$1:$A$3", values: "='汇总'!$B$1:$B$3")
            try chart.setTitle("综合得分")
            try sheet.insert(chart, at: CellReference(row: 5, column: 0))
            #expect(throws: XLSXError.self) { try sheet.insert(chart, at: CellReference(row: 20, column: 0)) }
            let radar = try wb.addChart(.radar)
            #expect(throws: XLSXError.self) { try sheet.insert(radar, at: CellReference(row: 30, column: 0)) }
            try wb.defineName("权重_总分", refersTo: "='汇总'!$B$1")
            #expect(throws: XLSXError.self) { try wb.defineName("bad name", refersTo: "=1") }
            #expect(throws: XLSXError.self) { try wb.defineName("A1", refersTo: "=1") }
            try wb.setProperties(.init(title: "2024年度考核", author: "县考核办"))
            try wb.setCustomProperty("规则SHA256", .text("abc123"))
            try wb.setCustomProperty("组织数", .integer(7))
        }
        let sheet = try #require(book.sheet("汇总"))
        #expect(sheet.drawingCount == 1)
        #expect(book.definedNames.contains { $0.name == "权重_总分" && $0.formula == "'汇总'!$B$1" })
        #expect(book.properties["title"] == "2024年度考核")
        #expect(book.properties["created"] == "2024-01-01T00:00:00Z")
        #expect(book.customProperties["规则SHA256"] == "abc123")
        #expect(book.customProperties["组织数"] == "7")
    }

    @Test func dropdownsShortAndLong() throws {
        let long = (1...40).map { "选项内容第\($0)项" }
        let book = try roundTrip { wb in
            let sheet = try wb.addWorksheet(named: "录入")
            try sheet.dropdown(CellRange("A2:A20")!, items: ["满意", "基本满意", "不满意", "不了解"], prompt: "请选择")
            try sheet.dropdown(CellRange("B2:B20")!, items: long)
        }
        #expect(book.sheet("录入")?.dataValidationCount == 2)
        let lists = try #require(book.sheet("_lists"))
        #expect(lists.hidden)
        #expect(lists.text("A40") == "选项内容第40项")
    }
}

@Suite struct WorkbookPitfallTests {
    @Test(arguments: ["", "a[b", "评分:表", "x*", "'quoted'", String(repeating: "长", count: 32)])
    func invalidSheetNamesThrow(_ name: String) throws {
        let wb = try Workbook(path: try scratchDirectory() + "/x.xlsx", options: fixedOptions)
        #expect(throws: XLSXError.self) { _ = try wb.addWorksheet(named: name) }
        let sanitized = try wb.addWorksheet(named: name, sanitize: true)
        #expect(SheetName.problem(with: sanitized.name) == nil)
        try wb.close()
    }

    @Test func duplicateNamesDifferingInCase() throws {
        let book = try roundTrip { wb in
            _ = try wb.addWorksheet(named: "Data")
            #expect(throws: XLSXError(.duplicateSheetName("DATA"), while: "adding worksheet")) {
                _ = try wb.addWorksheet(named: "DATA")
            }
            let second = try wb.addWorksheet(named: "DATA", sanitize: true)
            #expect(second.name == "DATA(2)")
            let long = try wb.addWorksheet(named: String(repeating: "县", count: 40), sanitize: true)
            #expect(long.name.count == 31)
            let longAgain = try wb.addWorksheet(named: String(repeating: "县", count: 40), sanitize: true)
            #expect(longAgain.name == String(repeating: "县", count: 28) + "(2)")
        }
        #expect(book.sheets.map(\.name).count == 4)
    }

    @Test func nonFiniteNumbersThrow() throws {
        let wb = try Workbook(path: try scratchDirectory() + "/x.xlsx", options: fixedOptions)
        let sheet = try wb.addWorksheet(named: "S")
        #expect(throws: XLSXError(.invalidNumber, while: "writing S!A1")) { try sheet.write(.number(.nan), row: 0, column: 0) }
        #expect(throws: XLSXError.self) { try sheet.write(.number(.infinity), row: 0, column: 0) }
        #expect(throws: XLSXError.self) { try sheet.write(.formula("=1", cached: .number(.nan)), row: 0, column: 0) }
        #expect(throws: XLSXError.self) { try sheet.write(.formula("", cached: .number(1)), row: 0, column: 0) }
        // An empty cached text would be stored as 0 (and reads out of bounds in 1.1.4).
        #expect(throws: XLSXError(.emptyText, while: "writing S!B1")) { try sheet.write(.formula("\"\"", cached: .text("")), row: 0, column: 1) }
        #expect(throws: XLSXError.self) { try sheet.write(.number(1), row: 1_048_576, column: 0) }
        try wb.close()
    }

    @Test func longStringsAreCutWithAMarker() throws {
        let text = String(repeating: "评", count: 40_000)
        let book = try roundTrip { wb in
            let sheet = try wb.addWorksheet(named: "S")
            try sheet.write(.text(text), row: 0, column: 0)
            try sheet.write(.text(""), row: 1, column: 0)
        }
        let stored = try #require(book.sheet("S")?.text("A1"))
        #expect(stored.count == Worksheet.maximumTextLength)
        #expect(stored.hasSuffix(Worksheet.truncationMarker))
    }

    @Test func overlappingMergesAndLongFootersThrow() throws {
        let wb = try Workbook(path: try scratchDirectory() + "/x.xlsx", options: fixedOptions)
        let sheet = try wb.addWorksheet(named: "S")
        try sheet.merge(CellRange("A1:C2")!, .text("a"))
        #expect(throws: XLSXError(.overlappingMerge("B2:D3"), while: "merging S!B2:D3")) {
            try sheet.merge(CellRange("B2:D3")!, .text("b"))
        }
        var setup = Worksheet.PageSetup()
        setup.footer = String(repeating: "页", count: 256)
        #expect(throws: XLSXError.self) { try sheet.setPageSetup(setup) }
        try wb.close()
    }

    @Test func useAfterCloseThrows() throws {
        let wb = try Workbook(path: try scratchDirectory() + "/x.xlsx", options: fixedOptions)
        let sheet = try wb.addWorksheet(named: "S")
        try wb.close()
        #expect(throws: XLSXError.self) { try sheet.write(.number(1), row: 0, column: 0) }
        #expect(throws: XLSXError.self) { _ = try wb.addWorksheet(named: "T") }
        #expect(throws: XLSXError.self) { try wb.close() }
    }

    @Test func aWorksheetKeepsItsWorkbookAlive() throws {
        let path = try scratchDirectory() + "/alive.xlsx"
        var sheet: Worksheet?
        do {
            let wb = try Workbook(path: path, options: fixedOptions)
            sheet = try wb.addWorksheet(named: "S")
        }
        try sheet!.write(.number(1), row: 0, column: 0)
        // Dropped without close(): freed, and nothing is written.
        sheet = nil
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func unwritablePathThrowsAtClose() throws {
        let wb = try Workbook(path: "/nonexistent-directory/kaohe/x.xlsx", options: fixedOptions)
        try wb.addWorksheet(named: "S").write(.number(1), row: 0, column: 0)
        do {
            try wb.close()
            Issue.record("close should fail")
        } catch let error as XLSXError {
            #expect(error.kind == .library(code: 2, message: "Error creating output xlsx file. Usually a permissions error."))
            #expect(error.description.contains("/nonexistent-directory/kaohe/x.xlsx"))
        }
    }

    @Test func failedCreateLeavesThePreviousFile() throws {
        let path = try scratchDirectory() + "/keep.xlsx"
        try Workbook.create(at: path, options: fixedOptions) { wb in
            try wb.addWorksheet(named: "First").write(.text("v1"), row: 0, column: 0)
        }
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try Workbook.create(at: path, options: fixedOptions) { wb in
                try wb.addWorksheet(named: "Second").write(.text("v2"), row: 0, column: 0)
                throw Boom()
            }
        }
        let book = try WorkbookContents(path: path)
        #expect(book.sheets.map(\.name) == ["First"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
        #expect(leftovers == ["keep.xlsx"])
    }

    @Test func sameGenerationTimeGivesIdenticalBytes() throws {
        let dir = try scratchDirectory()
        func write(_ name: String) throws -> Data {
            try Workbook.create(at: "\(dir)/\(name)", options: fixedOptions) { wb in
                let sheet = try wb.addWorksheet(named: "汇总")
                try sheet.write(.formula("=1+1", cached: .number(2)), row: 0, column: 0)
                try sheet.write(.text("中文"), row: 0, column: 1, style: CellStyle(bold: true))
                let chart = try wb.addChart(.column)
                try chart.addSeries(name: "a", categories: "='汇总'!$B$1", values: "='汇总'!$A$1")
                try sheet.insert(chart, at: CellReference(row: 3, column: 0))
            }
            return try Data(contentsOf: URL(fileURLWithPath: "\(dir)/\(name)"))
        }
        let first = try write("a.xlsx")
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try write("b.xlsx") == first)
    }

    @Test func sourceDateEpochIsHonoured() {
        let date = Workbook.Options.generationTime(environment: ["SOURCE_DATE_EPOCH": "1704067200"])
        #expect(date == Date(timeIntervalSince1970: 1_704_067_200))
    }
}

@Suite struct CellReferenceTests {
    @Test func a1RoundTrip() {
        for (row, column, text) in [(0, 0, "A1"), (2, 25, "Z3"), (9, 26, "AA10"), (0, 16_383, "XFD1")] {
            let ref = CellReference(row: row, column: column)
            #expect(ref.description == text)
            #expect(CellReference(text) == ref)
            #expect(CellReference(ref.absolute) == ref)
        }
        #expect(CellReference("1A") == nil)
        #expect(CellReference("权重") == nil)
    }
}
