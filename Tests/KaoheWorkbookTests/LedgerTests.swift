import Foundation
import Synchronization
import Testing
import XLSX
@testable import KaoheCore
@testable import KaoheWorkbook

/// The province-scale ledger layout, its sheet splitting, the cell log and the writing pipeline.
@Suite struct LedgerTests {
    @Test func automaticLayoutSwitchesToTheLedgerAbove300Organizations() {
        #expect(ScorecardWorkbook.Layout.automatic.resolved(300) == .sheets)
        #expect(ScorecardWorkbook.Layout.automatic.resolved(301) == .ledger)
        #expect(ScorecardWorkbook.Layout.sheets.resolved(10_000) == .sheets)
    }

    @Test func ledgerHoldsEveryIndicatorSurveyGroupAndAdjustmentLine() throws {
        let (result, book, _) = try bundledWorkbook(layout: .ledger)
        #expect(book.sheets.filter { !$0.hidden }.map(\.name) == ["说明", "汇总", "明细", "满意度", "指标体系", "权重"])
        let ledger = try #require(book.sheet("明细"))
        let expected = LedgerSheet.rowCounts(result.organizations, rubric: result.rubric).reduce(0, +)
        let rows = Set(ledger.cells.keys.map(\.row)).subtracting([0])
        #expect(rows.count == expected)
        #expect(rows.max() == expected)
        // Every indicator score is there, with its formula and the engine's value.
        for org in result.organizations {
            let own = ledger.cells.filter { $0.key.column == 0 && $0.value.value == .text(org.organization.name) }.map(\.key.row)
            #expect(own.count == LedgerSheet.rowCounts([org], rubric: result.rubric)[0])
            let scores = own.compactMap { ledger.cells[CellReference(row: $0, column: 6)] }.filter { $0.formula?.hasPrefix("ROUND(D") == true }
            #expect(scores.count == org.indicators.count)
            #expect(Set(scores.compactMap { number($0.value) }) == Set(org.indicators.map(\.score.double)))
        }
    }

    @Test func summaryComputesFromTheLedgerWithTheEnginesValues() throws {
        let (result, book, _) = try bundledWorkbook(layout: .ledger)
        let summary = try #require(book.sheet("汇总"))
        for (i, org) in result.organizations.enumerated() {
            let row = SummarySheet.firstRow + i
            let block = try #require(summary.cells[CellReference(row: row, column: 3)])
            #expect(block.formula?.contains("'明细'!") == true)
            #expect(block.formula?.contains("'权重'!") == true)
            #expect(number(block.value) == org.blocks[0].score.double)
            let final = try #require(summary.cells[CellReference(row: row, column: 3 + 2 * result.rubric.blocks.count + 2)])
            #expect(final.formula?.hasPrefix("MAX(0,ROUND(") == true)
            #expect(number(final.value) == org.final.double)
        }
    }

    @Test func ledgerWorkbookIsByteIdenticalForTheSameInputs() throws {
        // Laid out on two threads and streamed through temporary files, yet deterministic.
        let (_, _, first) = try bundledWorkbook(layout: .ledger)
        let (_, _, second) = try bundledWorkbook(layout: .ledger)
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))
    }

    @Test func sheetsSplitBetweenOrganizationsWithinTheRowLimit() throws {
        let a = try AssessmentLoader.load(folder: repositoryRoot + "/rubrics/2024-county-mass-orgs")
        let result = try Scorer(rubric: a.rubric).score(a.data)
        let counts = LedgerSheet.rowCounts(result.organizations, rubric: result.rubric)
        let limit = counts.max()! + 5
        let chunks = LedgerSheet.sheets(result.organizations, rubric: result.rubric, rowLimit: limit)
        #expect(chunks.count > 1)
        #expect(chunks.flatMap { $0 }.map(\.organization.id) == result.organizations.map(\.organization.id))
        for chunk in chunks {
            #expect(LedgerSheet.rowCounts(chunk, rubric: result.rubric).reduce(0, +) <= limit)
        }
        // An organization larger than the limit still gets a sheet (of its own).
        #expect(LedgerSheet.sheets(result.organizations, rubric: result.rubric, rowLimit: 1).count == result.organizations.count)
    }

    @Test func cellLogDescribesEveryCellOfTheWorkbook() throws {
        let a = try AssessmentLoader.load(folder: repositoryRoot + "/rubrics/2024-county-mass-orgs")
        let result = try Scorer(rubric: a.rubric).score(a.data)
        let path = try temporaryPath("logged.xlsx")
        let log = path + ".jsonl"
        try ScorecardWorkbook.write(
            result, provenance: Provenance(assessment: a, scheme: nil, generated: generated), to: path,
            layout: .ledger, cellLog: log)
        let book = try WorkbookContents(path: path)
        var sheets: [String] = []
        var logged: [String: [CellReference: Any]] = [:]
        for line in try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n") {
            let item = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
            if let object = item as? [String: Any], let name = object["sheet"] as? String { sheets.append(name) }
            guard let row = item as? [Any], let sheet = row[0] as? Int, let r = row[1] as? Int else { continue }
            for case let cell as [Any] in row.dropFirst(2) {
                logged[sheets[sheet], default: [:]][CellReference(row: r, column: cell[0] as! Int)] = cell[2]
            }
        }
        #expect(sheets == book.sheets.filter { !$0.hidden }.map(\.name))
        for name in ["汇总", "明细"] {
            let sheet = try #require(book.sheet(name))
            let cells = try #require(logged[name])
            for (reference, cell) in sheet.cells {
                let entry = cells[reference]
                if let formula = cell.formula {
                    #expect((entry as? [String: Any])?["f"] as? String == formula, "\(name)!\(reference)")
                } else if case .text(let text)? = cell.value {
                    #expect(entry as? String == text, "\(name)!\(reference)")
                } else if case .number(let n)? = cell.value {
                    #expect((entry as? NSNumber)?.doubleValue == n, "\(name)!\(reference)")
                }
            }
        }
    }

    @Test func pipelineConsumesBatchesInOrderAndStopsAtAnError() throws {
        var seen: [Int] = []
        try Pipeline.run(batches: 20, make: { $0 * 10 }, consume: { seen.append($0) })
        #expect(seen == (0..<20).map { $0 * 10 })

        struct Stop: Error {}
        seen = []
        #expect(throws: Stop.self) {
            try Pipeline.run(
                batches: 20, make: { $0 },
                consume: {
                    if $0 == 3 { throw Stop() }; seen.append($0)
                })
        }
        #expect(seen == [0, 1, 2])

        // Several batches ahead, makers slower and faster than the consumer by turns: the same order, and an
        // error stops the maker (nothing is made far beyond the batch that failed).
        for ahead in [1, 3, 8] {
            seen = []
            try Pipeline.run(
                batches: 50, ahead: ahead,
                make: { i in
                    if i % 7 == 0 { usleep(300) }
                    return i
                },
                consume: { i in
                    if i % 5 == 0 { usleep(200) }
                    seen.append(i)
                })
            #expect(seen == Array(0..<50))
            let made = Mutex(0)
            #expect(throws: Stop.self) {
                try Pipeline.run(
                    batches: 1_000, ahead: ahead,
                    make: { i in
                        made.withLock { $0 += 1 }
                        return i
                    },
                    consume: { if $0 == 10 { throw Stop() } })
            }
            #expect(made.withLock { $0 } <= 10 + ahead + 2)
        }
    }

    /// WPS first (workbook.md 11): shared strings while the workbook fits the memory budget, streaming (inline
    /// strings) only above it, and then the cover says so.
    @Test func theLedgerStreamsOnlyAboveTheMemoryBudget() throws {
        let a = try AssessmentLoader.load(folder: repositoryRoot + "/rubrics/2024-county-mass-orgs")
        let result = try Scorer(rubric: a.rubric).score(a.data)
        #expect(!ScorecardWorkbook.streams(result, layout: .ledger))
        #expect(ScorecardWorkbook.streams(result, layout: .ledger, memoryBudget: 1000))
        #expect(!ScorecardWorkbook.streams(result, layout: .sheets, memoryBudget: 1000))
        for budget in [ScorecardWorkbook.defaultMemoryBudget, 1000] {
            let path = try temporaryPath("budget-\(budget).xlsx")
            try ScorecardWorkbook.write(
                result, provenance: Provenance(assessment: a, scheme: nil, generated: generated), to: path,
                layout: .ledger, memoryBudget: budget)
            let book = try WorkbookContents(path: path)
            let said = book.sheet("说明")!.cells.values.contains { cell in
                if case .text(let t)? = cell.value { t.contains("流式写入") } else { false }
            }
            #expect(said == (budget == 1000))
        }
    }
}
