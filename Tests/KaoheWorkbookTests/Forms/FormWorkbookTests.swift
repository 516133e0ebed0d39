import Foundation
import Testing
import TestSupport
@testable import KaoheCore
@testable import KaoheWorkbook
import XLSX

/// What a written 自评表 holds, read back from its XML: sheets, protection, validation, hidden parts.
@Suite struct FormWorkbookTests {
    static let root = repositoryRoot
    let assessment = try! AssessmentLoader.load(folder: root + "/rubrics/2024-county-mass-orgs")

    func write(_ organization: String, rubric: Rubric? = nil) throws -> WorkbookContents {
        let rubric = rubric ?? assessment.rubric
        let form = SelfAssessmentForm(rubric: rubric, organization: rubric.organizations.first { $0.id == organization }!)
        let path = try makeScratchDirectory("forms") + "/" + SelfAssessmentFormWorkbook.fileName(form, rubric: rubric)
        try SelfAssessmentFormWorkbook.write(form, rubric: rubric, rubricDigest: "abc", to: path)
        return try WorkbookContents(path: path)
    }

    @Test func sheetsProtectionAndHiddenParts() throws {
        let book = try write("union")
        #expect(book.sheets.map(\.name) == ["填报说明", "自评表", "加减分", "_kaohe"])
        for sheet in book.sheets where !sheet.hidden { #expect(sheet.isProtected, "\(sheet.name)") }
        #expect(book.sheet("_kaohe")?.hidden == true)
        let form = try #require(book.sheet("自评表"))
        #expect(form.hiddenColumns.contains(0))
        #expect(form.text("A3") == "编号" && form.text("G3") == "完成情况" && form.text("I3") == "自评分")
        #expect(form.text("A4") == "politics.study")
        #expect(form.dataValidationCount > 20)
        #expect(form.printTitles != nil && form.paperSize == 9)
        #expect(form.cells.values.contains { $0.value == .text(SignatureLine.text) })
        let meta = try #require(book.sheet("_kaohe"))
        #expect(meta.text("A1") == "format" && meta.text("B1") == "kaohe-form 1")
        #expect(meta.text("B6") == "union")
        #expect(meta.cells.values.contains { $0.value == .text("method:union.membership") })
    }

    @Test func onlyTheOrganizationsIndicators() throws {
        let codes = try write("women").sheet("自评表")!.cells.filter { $0.key.column == 0 }.compactMap {
            if case .text(let t)? = $0.value.value { t } else { nil }
        }
        #expect(codes.contains("women.family/parent-school"))
        #expect(!codes.contains { $0.hasPrefix("union.") })
    }

    @Test func longListsGoToAHiddenSheet() throws {
        var rubric = assessment.rubric
        let names = (1...30).map { "很长的评价等次名称第\($0)档" }
        let index = rubric.dimensions[0].indicators.firstIndex { $0.id == "politics.ideology" }!
        rubric.dimensions[0].indicators[index].method = .levels(names.map { ($0, Exact.one) })
        let book = try write("union", rubric: rubric)
        let lists = try #require(book.sheets.first { $0.name == "_lists" })
        #expect(lists.hidden)
        #expect(lists.cells.values.contains { $0.value == .text(names[29]) })
    }

    @Test func writtenFormsReadBackAsCells() throws {
        let path = try makeScratchDirectory("forms") + "/f.xlsx"
        let rubric = assessment.rubric
        let form = SelfAssessmentForm(rubric: rubric, organization: rubric.organizations[0])
        try SelfAssessmentFormWorkbook.write(form, rubric: rubric, rubricDigest: "abc", to: path)
        let spreadsheet = try SpreadsheetFile.read(path)
        var d = Diagnostics()
        _ = SelfAssessmentFormReader(rubric: rubric, rubricDigest: "abc").read(spreadsheet, file: path, &d)
        // Nothing filled in: every required value is reported, each at its cell.
        #expect(d.errors.count > 10)
        #expect(d.errors.allSatisfy { $0.location.description.contains("f.xlsx:") })
        #expect(d.errors.contains { $0.description(in: .en).contains("自评表!G4 (理论学习)") })
    }

    @Test func lastYearsValuesFillALockedReferenceColumn() throws {
        let rubric = assessment.rubric
        let (previous, skipped) = PreviousYear.values(in: Self.root + "/rubrics/2024-county-mass-orgs", rubric: rubric)
        #expect(skipped == 0 && previous.count == 9)
        let union = rubric.organizations.first { $0.id == "union" }!
        let form = SelfAssessmentForm(rubric: rubric, organization: union, previous: previous["union"])
        let path = try makeScratchDirectory("forms") + "/prefilled.xlsx"
        try SelfAssessmentFormWorkbook.write(form, rubric: rubric, rubricDigest: "abc", to: path)
        let sheet = try #require(try WorkbookContents(path: path).sheet("自评表"))
        #expect(sheet.text("L3") == "上年完成情况")
        #expect(sheet.text("L4") == "99.2")
        // Prefilled or not, the form reads back the same (the column is for reference only).
        var d = Diagnostics()
        _ = SelfAssessmentFormReader(rubric: rubric, rubricDigest: "abc").read(try SpreadsheetFile.read(path), file: path, &d)
        #expect(!d.all.contains { $0.english.contains("上年") })
    }
}

/// A written 核定表 and 测评统计表, read back through the file reader as collect reads them.
@Suite struct VerificationFormWorkbookTests {
    let assessment = try! AssessmentLoader.load(folder: FormWorkbookTests.root + "/rubrics/2024-county-mass-orgs")
    var data: [String: OrganizationData] { Dictionary(uniqueKeysWithValues: assessment.data.map { ($0.organization, $0) }) }

    @Test func aReviewFormReadsBackAsConfirmingEveryClaim() throws {
        let rubric = assessment.rubric
        let form = ReviewForm(rubric: rubric, unit: ReviewForm.officeUnit, data: data)
        let path = try makeScratchDirectory("review") + "/" + ReviewFormWorkbook.fileName(form, rubric: rubric)
        try ReviewFormWorkbook.write(form, rubric: rubric, rubricDigest: "abc", to: path)
        let book = try WorkbookContents(path: path)
        #expect(book.sheets.map(\.name) == ["填报说明", "加减分及否决", "_kaohe"])
        for sheet in book.sheets where !sheet.hidden { #expect(sheet.isProtected, "\(sheet.name)") }
        let sheet = try #require(book.sheet("加减分及否决"))
        #expect(sheet.hiddenColumns.contains(0) && sheet.text("A4") == "union|bonus/award.national")
        var d = Diagnostics()
        let spreadsheet = try SpreadsheetFile.readForm(path)
        let review = try #require(
            ReviewFormReader(rubric: rubric, rubricDigest: "abc")
                .read(spreadsheet, meta: try FormMetadata.read(spreadsheet), file: path, &d))
        #expect(!d.hasErrors, "\(d.all)")
        #expect(review.adjustments.count == form.adjustments.count)
        let claimed = form.adjustments.filter { $0.claimed > .zero }
        #expect(
            !claimed.isEmpty
                && claimed.allSatisfy { row in
                    review.adjustments.contains { $0.organization == row.organization.id && $0.id == row.id && $0.count == row.claimed }
                })
    }

    @Test func aSurveyFormReadsBackTheVotesItWasPrefilledWith() throws {
        let rubric = assessment.rubric
        for form in SurveyForm.forms(rubric: rubric, data: data) {
            let path = try makeScratchDirectory("survey") + "/" + SurveyFormWorkbook.fileName(form, rubric: rubric)
            try SurveyFormWorkbook.write(form, rubric: rubric, rubricDigest: "abc", to: path)
            var d = Diagnostics()
            let spreadsheet = try SpreadsheetFile.readForm(path)
            let tally = try #require(
                SurveyFormReader(rubric: rubric, rubricDigest: "abc")
                    .read(spreadsheet, meta: try FormMetadata.read(spreadsheet), file: path, &d))
            #expect(!d.hasErrors, "\(d.all)")
            for row in form.rows {
                let written = row.votes.map { DataFileText.valueText(Self.value($0)) }
                #expect(
                    tally.votes[row.organization.id].map { DataFileText.valueText(Self.value($0)) } == written,
                    "\(form.subject) \(row.organization.id)")
            }
        }
    }

    static func value(_ votes: SurveyVotes) -> DataValue {
        switch votes {
        case .counts(let counts): .map(counts.map { ($0.answer, .number($0.count)) })
        case .scores(let scores): .list(scores.map(DataValue.number))
        }
    }
}

/// The ledger in the workbook and the 督办台账 form, read back through the file reader.
@Suite struct MeetingWorkbookTests {
    let assessment = try! AssessmentLoader.load(folder: FormWorkbookTests.root + "/rubrics/2024-county-mass-orgs")

    @Test func theScorecardWorkbookListsEveryItemWithItsWarning() throws {
        var result = try Scorer(rubric: assessment.rubric).score(assessment.data)
        result.ledger = assessment.ledger
        let path = try makeScratchDirectory("meeting") + "/book.xlsx"
        try ScorecardWorkbook.write(
            result, provenance: Provenance(assessment: assessment, scheme: nil, generated: Date(timeIntervalSince1970: 0)), to: path)
        let sheet = try #require(try WorkbookContents(path: path).sheet(MeetingLedgerSheet.name))
        #expect(sheet.text("A3") == "事项编号" && sheet.text("N3") == "督办预警")
        let rows = (4...69).map { sheet.text("A\($0)") }
        #expect(rows.count == 66 && rows.allSatisfy { !($0 ?? "").isEmpty })
        #expect(sheet.conditionalFormatCount == 1)
        let red = (4...69).filter { sheet.text("N\($0)") == "红" }.count
        #expect(red == 7)
        // workbook.md 14: 汇总 is signed and stamped; the cover names the ledger among its inputs.
        let book = try WorkbookContents(path: path)
        #expect(book.sheet("汇总")!.cells.values.contains { $0.value == .text(SummarySheet.signature) })
        #expect(book.sheet("说明")!.cells.values.contains { $0.value == .text("截至 2024年12月31日") })
    }

    @Test func anUntouchedSupervisionFormChangesNothing() throws {
        let snapshot = try #require(assessment.ledger)
        let form = SupervisionForm(snapshot: snapshot)
        #expect(form.items.count == 16 && snapshot.figures.warnings[form.items[0].id] == .red)
        let path = try makeScratchDirectory("supervision") + "/" + SupervisionFormWorkbook.fileName
        try SupervisionFormWorkbook.write(form, rubric: assessment.rubric, rubricDigest: "abc", to: path)
        let spreadsheet = try SpreadsheetFile.readForm(path)
        var d = Diagnostics()
        let updates = try #require(
            SupervisionFormReader(rubric: assessment.rubric, ledger: snapshot.ledger)
                .read(spreadsheet, meta: try FormMetadata.read(spreadsheet), file: path, &d))
        #expect(!d.hasErrors, "\(d.all)")
        #expect(updates.map(\.id) == form.items.map(\.id))
        let items = Dictionary(uniqueKeysWithValues: snapshot.ledger.items.map { ($0.id, $0) })
        #expect(updates.allSatisfy { !$0.changes(items[$0.id]!) })
        let book = try WorkbookContents(path: path)
        #expect(book.sheets.map(\.name) == ["填报说明", "督办台账", "_kaohe"])
        #expect(book.sheet("督办台账")!.isProtected && book.sheet("督办台账")!.hiddenColumns.contains(0))
    }
}
