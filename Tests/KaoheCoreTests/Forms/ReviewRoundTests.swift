import Foundation
import Testing
@testable import KaoheCore
import TestSupport

/// The verification round (forms.md §5–§6): 核定表 rows merged into data with the claim kept, checklist items,
/// counts and vetoes, a newer 自评表 after a review, the data file's new fields, and the survey form's reader.
@Suite struct ReviewMergeTests {
    let assessment = try! AssessmentLoader.load(folder: bundledAssessment)
    var rubric: Rubric { assessment.rubric }

    func data(_ id: String) -> OrganizationData { assessment.data.first { $0.organization == id }! }

    func review(_ unit: String, indicators: [Review.Verified] = [], adjustments: [Review.Adjusted] = []) -> Review {
        Review(unit: unit, file: "r.xlsx", indicators: indicators, adjustments: adjustments)
    }

    func verified(_ org: String, _ id: String, item: String? = nil, _ value: DataValue?, note: String? = nil) -> Review.Verified {
        .init(
            organization: org, indicatorID: id, itemID: item, value: value, note: note, shown: nil,
            location: .cell(file: "r.xlsx", sheet: "核定表", row: 3, column: 11))
    }

    func score(_ org: OrganizationData, _ indicator: String) throws -> Exact {
        let result = try Scorer(rubric: rubric).score(assessment.data.filter { $0.organization != org.organization } + [org])
        return result.organizations.first { $0.organization.id == org.organization }!.indicator(indicator)!.score
    }

    @Test func theVerifiedValueScoresAndTheClaimIsKept() throws {
        var sci = data("sci")
        var d = Diagnostics()
        review("县委组织部", indicators: [verified("sci", "politics.study", .number(95), note: "签到表核实")]).apply(to: &sci, rubric: rubric, &d)
        let entry = try #require(sci.indicators["politics.study"])
        #expect(entry.value?.display == "95" && entry.claimed?.display == "96")
        #expect(entry.reviewNote == "签到表核实" && entry.reviewedBy == "县委组织部")
        // deduct: threshold 98, 0.5 per point short: 96 → 5 − 1 = 4 claimed; 95 → 5 − 1.5 = 3.5 verified.
        #expect(try score(data("sci"), "politics.study") == Exact("4"))
        #expect(try score(sci, "politics.study") == Exact("3.5"))
        #expect(d.all.isEmpty)
    }

    @Test func aConfirmedValueKeepsNoClaim() throws {
        var sci = data("sci")
        var d = Diagnostics()
        review("县委组织部", indicators: [verified("sci", "politics.study", .number(Exact("96.0")!))]).apply(to: &sci, rubric: rubric, &d)
        #expect(sci.indicators["politics.study"]?.claimed == nil)
        #expect(sci.indicators["politics.study"]?.reviewedBy == "县委组织部")
    }

    @Test func aChecklistItemCorrected() throws {
        var women = data("women")
        var d = Diagnostics()
        let items: [(String, Bool)] = [("parent-school", true), ("online-class", false), ("week", false)]
        review("县教育局", indicators: items.map { verified("women", "women.family", item: $0.0, .boolean($0.1)) })
            .apply(to: &women, rubric: rubric, &d)
        let entry = try #require(women.indicators["women.family"])
        #expect(entry.claimed?.display == "parent-school、week")
        // Items 3 + 2 + 3: claimed parent-school and week = 6; verified parent-school only = 3.
        #expect(try score(data("women"), "women.family") == 6)
        #expect(try score(women, "women.family") == 3)
    }

    @Test func aShownClaimThatMovedIsAWarning() {
        var sci = data("sci")
        var d = Diagnostics()
        var row = verified("sci", "politics.study", .number(95))
        row.shown = "97"
        review("县委组织部", indicators: [row]).apply(to: &sci, rubric: rubric, &d)
        #expect(d.warnings.contains { $0.chinese.contains("核定时表上的申报值是“97”，而现在的申报值是“96”") })
        var same = verified("sci", "politics.study", .number(95))
        same.shown = "96.00"
        var quiet = Diagnostics()
        var again = data("sci")
        review("县委组织部", indicators: [same]).apply(to: &again, rubric: rubric, &quiet)
        #expect(quiet.all.isEmpty)
    }

    @Test func countsAndVetoes() throws {
        var sci = data("sci")
        var d = Diagnostics()
        let at = SourceLocation.cell(file: "r.xlsx", sheet: "加减分及否决", row: 3, column: 7)
        review("县信访局", adjustments: [.init(organization: "sci", kind: .penalty, id: "petition", count: 2, note: "台账2起", location: at)])
            .apply(to: &sci, rubric: rubric, &d)
        let petition = sci.penalties.filter { $0.item == "petition" }
        #expect(petition.count == 1 && petition[0].count == 2 && petition[0].claimed == 1 && petition[0].reviewedBy == "县信访局")
        review("县政府督查室", adjustments: [.init(organization: "sci", kind: .veto, id: "key-task", count: 1, note: "未完成", location: at)])
            .apply(to: &sci, rubric: rubric, &d)
        #expect(sci.vetoes.map(\.id) == ["key-task"] && sci.vetoes[0].reviewedBy == "县政府督查室")
        review("县政府督查室", adjustments: [.init(organization: "sci", kind: .veto, id: "key-task", count: 0, note: nil, location: at)])
            .apply(to: &sci, rubric: rubric, &d)
        #expect(sci.vetoes.isEmpty)
        // Nothing claimed and nothing verified: no entry.
        review("县信访局", adjustments: [.init(organization: "sci", kind: .penalty, id: "safety", count: 0, note: nil, location: at)])
            .apply(to: &sci, rubric: rubric, &d)
        #expect(!sci.penalties.contains { $0.item == "safety" })
    }

    @Test func aNewerSelfAssessmentKeepsWhatWasVerified() throws {
        var earlier = data("sci")
        var d = Diagnostics()
        review("县委组织部", indicators: [verified("sci", "politics.study", .number(95))]).apply(to: &earlier, rubric: rubric, &d)
        var fresh = data("sci")
        fresh.indicators["politics.study"]?.value = .number(97)
        ReviewedData.keep(earlier, in: &fresh, rubric: rubric, reviewedNow: [], &d)
        #expect(fresh.indicators["politics.study"]?.value?.display == "95")
        #expect(fresh.indicators["politics.study"]?.claimed?.display == "97")
        #expect(d.warnings.contains { $0.chinese.contains("申报值由“96”改为“97”，但县委组织部已核定为“95”；核定值保留") })
        var unchanged = data("sci")
        var quiet = Diagnostics()
        ReviewedData.keep(earlier, in: &unchanged, rubric: rubric, reviewedNow: [], &quiet)
        #expect(quiet.all.isEmpty && unchanged.indicators["politics.study"]?.claimed?.display == "96")
    }

    @Test func theDataFileCarriesTheVerification() throws {
        var sci = data("sci")
        var d = Diagnostics()
        review("县委组织部", indicators: [verified("sci", "politics.study", .number(95), note: "核实")]).apply(to: &sci, rubric: rubric, &d)
        let sources = [DataFileText.Source(form: "核定表 县委组织部", file: InputFile(path: "r.xlsx", sha256: "ab"))]
        let text = DataFileText.yaml(sci, rubric: rubric, sources: sources)
        #expect(DataFileText.sources(in: text) == sources)
        let back = try #require(DataLoader.loadYAML(text, file: "sci.yaml", rubric: rubric, diagnostics: &d))
        #expect(!d.hasErrors, "\(d.all)")
        let entry = try #require(back.indicators["politics.study"])
        #expect(entry.value?.display == "95" && entry.claimed?.display == "96" && entry.reviewNote == "核实" && entry.reviewedBy == "县委组织部")
        let result = try Scorer(rubric: rubric).score(assessment.data.filter { $0.organization != "sci" } + [back])
        let scored = result.organizations.first { $0.organization.id == "sci" }!.indicator("politics.study")!
        #expect(WorkingText.chinese.claimed(scored) == "96" && scored.review?.by == "县委组织部")
        #expect(
            Explanation.reviewText(scored.review!, claimed: WorkingText.chinese.claimed(scored), verified: WorkingText.chinese.value(scored))
                == "申报 96，核定 95（县委组织部核定：核实）")
        #expect(
            ResultsExport.json(result).contains(
                #""reviewed": [{"indicator": "politics.study", "value": "95", "claimed": "96", "reviewed_by": "县委组织部", "review_note": "核实"}]"#))
    }
}

/// The 核定表 and 测评统计表 readers on spreadsheets laid out as the writers lay them.
@Suite struct VerificationFormReaderTests {
    let assessment = try! AssessmentLoader.load(folder: bundledAssessment)
    var rubric: Rubric { assessment.rubric }
    var byOrganization: [String: OrganizationData] { Dictionary(uniqueKeysWithValues: assessment.data.map { ($0.organization, $0) }) }

    func metaSheet(_ meta: FormMetadata) -> Spreadsheet.Sheet {
        var sheet = Spreadsheet.Sheet(name: FormMetadata.sheetName, hidden: true)
        for (row, (key, value)) in meta.rows.enumerated() {
            sheet.cells[.init(row: row, column: 0)] = .init(.text(key))
            sheet.cells[.init(row: row, column: 1)] = .init(.text(value))
        }
        return sheet
    }

    /// A 核定表 returned as generated: every input cell keeps its prefill.
    func returnedReview(_ unit: String) -> (ReviewForm, Spreadsheet) {
        let form = ReviewForm(rubric: rubric, unit: unit, data: byOrganization)
        var sheet = Spreadsheet.Sheet(name: ReviewForm.sheetName)
        let columns = ReviewForm.Column.allCases
        for (i, header) in columns.enumerated() { sheet.cells[.init(row: 2, column: i)] = .init(.text(header.rawValue)) }
        let verified = columns.firstIndex(of: .verified)!, claimed = columns.firstIndex(of: .claimed)!
        for (offset, row) in form.rows.enumerated() {
            sheet.cells[.init(row: 3 + offset, column: 0)] = .init(.text(row.code))
            for (column, value) in [(verified, row.current), (claimed, row.claim)] {
                switch value {
                case .number(let n)?: sheet.cells[.init(row: 3 + offset, column: column)] = .init(.number(n.double))
                case .text(let t)?: sheet.cells[.init(row: 3 + offset, column: column)] = .init(.text(t))
                case nil: break
                }
            }
        }
        var adjustments = Spreadsheet.Sheet(name: ReviewForm.adjustmentSheetName)
        let adjustmentColumns = ReviewForm.AdjustmentColumn.allCases
        for (i, header) in adjustmentColumns.enumerated() { adjustments.cells[.init(row: 2, column: i)] = .init(.text(header.rawValue)) }
        let count = adjustmentColumns.firstIndex(of: .count)!
        for (offset, row) in form.adjustments.enumerated() {
            adjustments.cells[.init(row: 3 + offset, column: 0)] = .init(.text(row.code))
            adjustments.cells[.init(row: 3 + offset, column: count)] = .init(.text(row.current.text))
        }
        return (form, Spreadsheet(sheets: [metaSheet(form.metadata(rubric: rubric, rubricDigest: "d")), sheet, adjustments]))
    }

    func read(_ spreadsheet: Spreadsheet) -> (Review?, Diagnostics) {
        var d = Diagnostics()
        let meta = try! FormMetadata.read(spreadsheet)
        return (ReviewFormReader(rubric: rubric, rubricDigest: "d").read(spreadsheet, meta: meta, file: "r.xlsx", &d), d)
    }

    @Test func unitsAreTheRubricsScorersThenTheOffice() {
        let units = ReviewForm.units(rubric)
        #expect(units.first == "县委组织部" && units.last == ReviewForm.officeUnit)
        #expect(units.contains("县应急管理局") && Set(units).count == units.count)
        let organizationDepartment = ReviewForm(rubric: rubric, unit: "县委组织部", data: byOrganization)
        // politics.study and self.team for all 9 organizations, sci.grassroots for sci.
        #expect(organizationDepartment.rows.count == 9 + 9 + 1)
        #expect(organizationDepartment.rows.first?.code == "union|politics.study")
    }

    @Test func anUntouchedFormConfirmsEveryClaim() throws {
        for unit in ReviewForm.units(rubric) {
            let (form, spreadsheet) = returnedReview(unit)
            let (review, d) = read(spreadsheet)
            #expect(!d.hasErrors, "\(unit): \(d.errors)")
            var merged = byOrganization
            var problems = Diagnostics()
            for id in try #require(review).organizations { review!.apply(to: &merged[id]!, rubric: rubric, &problems) }
            #expect(problems.all.isEmpty, "\(unit): \(problems.all)")
            #expect(form.rows.allSatisfy { merged[$0.organization.id]?.indicators[$0.plan.indicatorID]?.claimed == nil })
            // Confirmed values stay as written (women.rights keeps its list of occurrences with their notes).
            for row in form.rows where row.plan.itemID == nil {
                let before = byOrganization[row.organization.id]?.indicators[row.plan.indicatorID]?.value.map(DataFileText.valueText)
                #expect(merged[row.organization.id]?.indicators[row.plan.indicatorID]?.value.map(DataFileText.valueText) == before, "\(row.code)")
            }
            let scoredBefore = try Scorer(rubric: rubric).score(assessment.data).organizations.map(\.final)
            #expect(try Scorer(rubric: rubric).score(rubric.organizations.map { merged[$0.id]! }).organizations.map(\.final) == scoredBefore)
        }
    }

    @Test func rowsOfAnotherUnitAndUnreadableValuesNameTheirCells() {
        var (_, spreadsheet) = returnedReview("县委组织部")
        spreadsheet.sheets[1].cells[.init(row: 3, column: 0)] = .init(.text("union|union.membership"))
        let verified = ReviewForm.Column.allCases.firstIndex(of: .verified)!
        spreadsheet.sheets[1].cells[.init(row: 4, column: verified)] = .init(.text("约九成"))
        spreadsheet.sheets[1].cells[.init(row: 5, column: verified)] = nil
        let lines = read(spreadsheet).1.errors.map(\.bothLanguages)
        #expect(lines.contains { $0.hasPrefix("r.xlsx:核定表!A4: error:") && $0.contains("由市总工会核定，不由县委组织部核定") })
        #expect(lines.contains { $0.hasPrefix("r.xlsx:核定表!L5 (团县委·理论学习): error:") && $0.contains("约九成") })
        #expect(lines.contains { $0.hasPrefix("r.xlsx:核定表!L6 (县妇联·理论学习): error:") && $0.contains("未填写核定完成情况") })
    }

    @Test func aUnitThatScoresNothing() {
        var (_, spreadsheet) = returnedReview("县委组织部")
        let row = spreadsheet.sheets[0].cells.first { $0.value.text == "scorer" }!.key.row
        spreadsheet.sheets[0].cells[.init(row: row, column: 1)] = .init(.text("县气象局"))
        let (review, d) = read(spreadsheet)
        #expect(review == nil && d.errors.contains { $0.chinese.contains("“县气象局”在本考核细则中不负责") })
    }

    @Test func surveyCountsBallotsAndRefusals() throws {
        let form = try #require(SurveyForm.forms(rubric: rubric, data: [:]).first)
        var sheet = Spreadsheet.Sheet(name: SurveyForm.sheetName)
        let headers = SurveyForm.Column.allCases.map(\.rawValue) + form.answers + form.ballotHeaders
        for (i, header) in headers.enumerated() { sheet.cells[.init(row: 2, column: i)] = .init(.text(header)) }
        for (offset, row) in form.rows.enumerated() { sheet.cells[.init(row: 3 + offset, column: 0)] = .init(.text(row.organization.id)) }
        func put(_ row: Int, _ header: String, _ value: Spreadsheet.Cell.Value) {
            sheet.cells[.init(row: 3 + row, column: headers.firstIndex(of: header)!)] = .init(value)
        }
        put(0, "满意", .number(30)); put(0, "不了解", .text("２人"))
        put(1, "票1", .number(92)); put(1, "票2", .number(88.5))
        put(2, "满意", .number(3)); put(2, "票1", .number(90))
        put(3, "基本满意", .number(2.5))
        put(4, "票3", .number(101))
        let spreadsheet = Spreadsheet(sheets: [metaSheet(form.metadata(rubric: rubric, rubricDigest: "d")), sheet])
        var d = Diagnostics()
        let tally = try #require(
            SurveyFormReader(rubric: rubric, rubricDigest: "d")
                .read(spreadsheet, meta: try FormMetadata.read(spreadsheet), file: "s.xlsx", &d))
        guard case .counts(let counts)? = tally.votes["union"] else { Issue.record("union: \(String(describing: tally.votes["union"]))"); return }
        #expect(counts.map(\.answer) == ["满意", "不了解"] && counts.map(\.count) == [30, 2])
        guard case .scores(let scores)? = tally.votes["youth"] else { Issue.record("youth"); return }
        #expect(scores == [92, Exact("88.5")!])
        #expect(tally.votes.count == 2)
        let lines = d.all.map(\.bothLanguages)
        #expect(lines.contains { $0.contains("s.xlsx:测评统计表!F4") && $0.contains("warning") && $0.contains("２人") })
        #expect(lines.contains { $0.hasPrefix("s.xlsx:测评统计表!G6 (县妇联·干部职工评价): error:") && $0.contains("不能两种都填") })
        #expect(lines.contains { $0.hasPrefix("s.xlsx:测评统计表!D7") && $0.contains("整数") })
        #expect(lines.contains { $0.hasPrefix("s.xlsx:测评统计表!I8") && $0.contains("0 到 100") })
    }

    @Test func aRoundRefusesReviewsWithoutDataAndTwoFormsOfOneUnit() throws {
        let folder = try makeScratchDirectory("review-round")
        let (_, spreadsheet) = returnedReview("县委组织部")
        let files = [folder + "/a.xlsx", folder + "/b.xlsx"]
        let empty = CollectionRound(
            rubric: rubric, rubricDigest: "d", files: [files[0]], dataFolder: folder + "/data",
            spreadsheets: { _ in spreadsheet }, replace: false)
        #expect(empty.outputs.isEmpty)
        #expect(empty.diagnostics.contains { $0.chinese.contains("县科协 还没有自评数据") && $0.chinese.contains("a.xlsx") })
        let twice = CollectionRound(
            rubric: rubric, rubricDigest: "d", files: files, dataFolder: folder + "/data",
            spreadsheets: { _ in spreadsheet }, replace: false)
        #expect(twice.diagnostics.filter { $0.chinese.contains("报送了 2 份核定表") }.count == 2)
        #expect(twice.statuses(of: .review).first { $0.id == "县委组织部" }?.state == .withErrors)
    }
}
