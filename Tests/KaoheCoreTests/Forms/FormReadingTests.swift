import Foundation
import Testing
@testable import KaoheCore

/// The lenient reading of forms.md §4, and the 自评表 reader on spreadsheets laid out as the writer lays them.
@Suite struct LenientReadingTests {
    typealias Cell = Spreadsheet.Cell

    func number(_ cell: Cell, unit: String? = nil) throws -> (String, String?) {
        let read = try LenientReading.number(cell, unit: unit)
        return (read.value.decimalText(), read.change?.text(.zh))
    }

    @Test func numbersPeopleType() throws {
        #expect(try number(Cell(.number(93.6))) == ("93.6", nil))
        #expect(try number(Cell(.text(" 93.6 "))) == ("93.6", nil))
        #expect(try number(Cell(.text("９３．６"))).0 == "93.6")
        #expect(try number(Cell(.text("９３．６"))).1 == "“９３．６”读作 93.6")
        #expect(try number(Cell(.text("1,038"))) == ("1038", "“1,038”读作 1038"))
        #expect(try number(Cell(.text("286人次")), unit: "人次") == ("286", "“286人次”读作 286"))
        #expect(try number(Cell(.text("93.6%")), unit: "%") == ("93.6", "“93.6%”读作 93.6"))
        #expect(try number(Cell(.number(0.936), isPercent: true), unit: "%").0 == "93.6")
        #expect(try number(Cell(.number(0.1 + 0.2))).0 == "0.3")
        #expect(try LenientReading.number(Cell(.text("8分")), unit: nil, suffixes: ["分"]).value == 8)
    }

    @Test func numbersRefusedWithWhatWasExpected() {
        func refusal(_ cell: Cell, unit: String? = nil) -> String? {
            do { _ = try LenientReading.number(cell, unit: unit); return nil } catch { return error.message.text(.zh) }
        }
        #expect(refusal(Cell(.text("约九成")))?.contains("应填数字（如 93.6），实际为“约九成”") == true)
        #expect(refusal(Cell(.text("93.6%")))?.contains("单位不是 %") == true)
        #expect(refusal(Cell(.number(0.936), isPercent: true))?.contains("百分比格式") == true)
        #expect(refusal(Cell(.text("1,03,8"))) != nil)
        #expect(refusal(Cell(.number(2e15)))?.contains("10^15") == true)
        #expect(refusal(Cell(.error("#VALUE!"))) != nil)
    }

    @Test func yesAndNo() throws {
        for yes in ["是", "√", "✓", "对", "有", "Y", "yes", "TRUE", "1"] { #expect(try LenientReading.yesNo(Cell(.text(yes))).value) }
        for no in ["否", "×", "✗", "错", "无", "N", "no", "false", "0"] { #expect(try !LenientReading.yesNo(Cell(.text(no))).value) }
        #expect(try LenientReading.yesNo(Cell(.text("是"))).change == nil)
        #expect(try LenientReading.yesNo(Cell(.text("√"))).change?.text(.zh) == "“√”读作是")
        #expect(try LenientReading.yesNo(Cell(.text("√"))).change?.text(.en) == "'√' read as 是")
        #expect(try LenientReading.yesNo(Cell(.boolean(true))).value)
        #expect(throws: LenientReading.Refusal.self) { try LenientReading.yesNo(Cell(.text("基本完成"))) }
    }

    @Test func listsWithChineseSeparators() throws {
        let read = try LenientReading.numbers(Cell(.text("92，88；95\n90、８５")), unit: nil)
        #expect(read.value == [92, 88, 95, 90, 85])
        #expect(try LenientReading.numbers(Cell(.text("92、88")), unit: nil).change == nil)
        #expect(LenientReading.items("学习台账；签到表、 照片\n") == ["学习台账", "签到表", "照片"])
    }
}

/// A returned 自评表 as cells, filled from organization data the way a unit fills the form.
struct FilledForm {
    let rubric: Rubric
    let form: SelfAssessmentForm
    var spreadsheet: Spreadsheet
    static let file = "returned/01.xlsx"

    init(rubric: Rubric, organization: String, digest: String = "abc") {
        self.rubric = rubric
        form = SelfAssessmentForm(rubric: rubric, organization: rubric.organizations.first { $0.id == organization }!)
        var meta = Spreadsheet.Sheet(name: FormMetadata.sheetName, hidden: true)
        for (row, (key, value)) in form.metadata(rubric: rubric, rubricDigest: digest).rows.enumerated() {
            meta.cells[.init(row: row, column: 0)] = Spreadsheet.Cell(.text(key))
            meta.cells[.init(row: row, column: 1)] = Spreadsheet.Cell(.text(value))
        }
        var sheet = Spreadsheet.Sheet(name: SelfAssessmentForm.sheetName)
        for (column, header) in SelfAssessmentForm.Column.allCases.enumerated() {
            sheet.cells[.init(row: 2, column: column)] = Spreadsheet.Cell(.text(header.rawValue))
        }
        for (offset, row) in form.rows.enumerated() {
            sheet.cells[.init(row: 3 + offset, column: 0)] = Spreadsheet.Cell(.text(row.code))
        }
        spreadsheet = Spreadsheet(sheets: [meta, sheet])
    }

    func row(_ code: String) -> Int { 3 + form.rows.firstIndex { $0.code == code }! }

    mutating func set(_ code: String, _ column: SelfAssessmentForm.Column, _ cell: Spreadsheet.Cell?) {
        let index = SelfAssessmentForm.Column.allCases.firstIndex(of: column)!
        spreadsheet.sheets[1].cells[.init(row: row(code), column: index)] = cell
    }

    /// Fills every row from `data` with plain values.
    mutating func fill(_ data: OrganizationData) {
        for row in form.rows {
            guard let entry = data.indicators[row.indicatorID] else { continue }
            if let item = row.itemID {
                var done = false
                if case .list(let ids)? = entry.value { done = ids.contains { $0.display == item } }
                set(row.code, .value, Spreadsheet.Cell(.text(done ? "是" : "否")))
                continue
            }
            switch entry.value {
            case .number(let n)?: set(row.code, .value, Spreadsheet.Cell(.number(n.double)))
            case .boolean(let b)?: set(row.code, .value, Spreadsheet.Cell(.text(b ? "是" : "否")))
            case .text(let t)?: set(row.code, .value, Spreadsheet.Cell(.text(t)))
            case .list(let items)? where row.input == .numbers:
                set(row.code, .value, Spreadsheet.Cell(.text(items.map(\.display).joined(separator: "、"))))
            default: break
            }
            if let score = entry.selfScore { set(row.code, .selfScore, Spreadsheet.Cell(.number(score.double))) }
        }
    }

    func read(digest: String = "abc") -> (OrganizationData?, Diagnostics) {
        var d = Diagnostics()
        let data = SelfAssessmentFormReader(rubric: rubric, rubricDigest: digest).read(spreadsheet, file: Self.file, &d)
        return (data, d)
    }
}

@Suite struct SelfAssessmentFormReaderTests {
    let assessment = try! AssessmentLoader.load(folder: bundledAssessment)

    func filled(_ organization: String) -> FilledForm {
        var form = FilledForm(rubric: assessment.rubric, organization: organization)
        form.fill(assessment.data.first { $0.organization == organization }!)
        return form
    }

    @Test func aFilledFormScoresLikeTheDataItCameFrom() throws {
        let (read, d) = filled("sci").read()
        #expect(!d.hasErrors, "\(d.all)")
        var data = try #require(read)
        let original = assessment.data.first { $0.organization == "sci" }!
        data.surveys = original.surveys
        data.bonus = original.bonus
        data.penalties = original.penalties
        let rubric = assessment.rubric
        var filled = [data]
        var d2 = Diagnostics()
        assessment.ledger!.fill(&filled, rubric: rubric, &d2)
        data = filled[0]
        let fromForm = try Scorer(rubric: rubric).score(assessment.data.filter { $0.organization != "sci" } + [data])
        let fromYAML = try Scorer(rubric: rubric).score(assessment.data)
        let a = fromForm.organizations.first { $0.organization.id == "sci" }!, b = fromYAML.organizations.first { $0.organization.id == "sci" }!
        #expect(a.final == b.final)
        #expect(a.indicators.map(\.score) == b.indicators.map(\.score))
    }

    @Test func eachProblemNamesSheetCellAndIndicator() {
        var form = filled("union")
        form.set("union.hardship", .selfScore, Spreadsheet.Cell(.number(9)))
        form.set("union.membership", .value, Spreadsheet.Cell(.text("约九成")))
        form.set("service.livelihood", .value, nil)
        let (_, d) = form.read()
        let lines = d.errors.map(\.bothLanguages)
        #expect(
            lines.contains { $0.hasPrefix("returned/01.xlsx:自评表!I\(form.row("union.hardship") + 1) (困难职工帮扶): error:") && $0.contains("不在 0 到 8 分之间") }
        )
        #expect(lines.contains { $0.hasPrefix("returned/01.xlsx:自评表!G\(form.row("union.membership") + 1) (职工入会率): error:") && $0.contains("约九成") })
        #expect(lines.contains { $0.contains("(承办民生实事)") && $0.contains("未填写完成情况") })
    }

    @Test func missingAndRepeatedRows() {
        var form = filled("union")
        let sheet = form.spreadsheet.sheets[1]
        form.spreadsheet.sheets[1].cells[.init(row: form.row("self.team"), column: 0)] = nil
        let copied = sheet.cells[.init(row: form.row("self.exam"), column: 0)]!
        form.spreadsheet.sheets[1].cells[.init(row: 60, column: 0)] = copied
        let lines = form.read().1.errors.map(\.bothLanguages)
        #expect(lines.contains { $0.contains("(干部队伍建设)") && $0.contains("缺少编号为“self.team”的行") })
        #expect(lines.contains { $0.contains("自评表!A61") && $0.contains("出现了两次") })
    }

    @Test func formsOfAnotherOrganizationYearOrAssessment() {
        for (key, value, needle) in [
            ("year", "2023", "2023 年度"), ("assessment", "other", "属于考核“other”"),
            ("organization", "nobody", "不在本考核的单位名单中"), ("kind", "核定表", "不是自评表")
        ] {
            var form = filled("union")
            let row = form.spreadsheet.sheets[0].cells.first { $0.value.text == key }!.key.row
            form.spreadsheet.sheets[0].cells[.init(row: row, column: 1)] = Spreadsheet.Cell(.text(value))
            let (data, d) = form.read()
            #expect(data == nil || d.hasErrors)
            #expect(d.errors.contains { $0.chinese.contains(needle) }, "\(key): \(d.errors)")
        }
        var plain = filled("union")
        plain.spreadsheet.sheets.removeFirst()
        #expect(plain.read().1.errors.first?.english.contains("_kaohe") == true)
    }

    @Test func aChangedRubricIsAWarningUnlessMethodsOrPointsChanged() {
        let form = filled("union")
        let (data, d) = form.read(digest: "another")
        #expect(data != nil && !d.hasErrors)
        #expect(d.warnings.contains { $0.chinese.contains("指纹不同") })
        var changed = form
        let row = changed.spreadsheet.sheets[0].cells.first { $0.value.text == "method:union.hardship" }!.key.row
        changed.spreadsheet.sheets[0].cells[.init(row: row, column: 1)] = Spreadsheet.Cell(.text("linear 10"))
        let errors = changed.read(digest: "another").1.errors
        #expect(errors.contains { $0.chinese.contains("union.hardship 由“linear 10”改为“linear 8”") })
    }

    @Test func mergedAndFormulaCellsAreReadWithAWarning() {
        var form = filled("union")
        let column = SelfAssessmentForm.Column.allCases.firstIndex(of: .value)!
        let r = form.row("union.contract")
        form.set("union.contract", .value, nil)
        form.spreadsheet.sheets[1].cells[.init(row: r, column: column - 1)] = Spreadsheet.Cell(.number(82.5))
        form.spreadsheet.sheets[1].merges.append((.init(row: r, column: column - 1), .init(row: r, column: column)))
        form.set("union.hardship", .value, Spreadsheet.Cell(.number(286), isFormula: true))
        let (data, d) = form.read()
        #expect(data?.indicators["union.contract"]?.value.map { $0.display } == "82.5")
        #expect(d.warnings.contains { $0.chinese.contains("合并区域") })
        #expect(d.warnings.contains { $0.chinese.contains("公式") })
    }

    @Test func cellLocationsReadAsSheetAndCell() {
        #expect(KaoheCore.SourceLocation.cell(file: "a.xlsx", sheet: "自评表", row: 11, column: 5).description == "a.xlsx:自评表!F12")
        #expect(KaoheCore.SourceLocation.cell(file: "a.xlsx", sheet: "S", row: 0, column: 27).description == "a.xlsx:S!AB1")
        #expect(KaoheCore.SourceLocation.wholeFile("a.xlsx").description == "a.xlsx")
        #expect(MemoryLayout<KaoheCore.SourceLocation>.size == 24)
    }

    @Test func collectedDataFilesReadBackTheSame() throws {
        let original = assessment.data.first { $0.organization == "women" }!
        let text = DataFileText.yaml(
            original, rubric: assessment.rubric, sources: [.init(form: "自评表", file: InputFile(path: "x.xlsx", sha256: "00"))])
        #expect(DataFileText.isCollected(text))
        var d = Diagnostics()
        let back = try #require(DataLoader.loadYAML(text, file: "women.yaml", rubric: assessment.rubric, diagnostics: &d))
        #expect(!d.hasErrors, "\(d.all)")
        let rubric = assessment.rubric
        let a = try Scorer(rubric: rubric).score(assessment.data.filter { $0.organization != "women" } + [back])
        let b = try Scorer(rubric: rubric).score(assessment.data)
        #expect(a.organizations.map(\.final) == b.organizations.map(\.final))
    }
}

/// The forms' and the ledger's messages read the same in English (Chinese is what the office sees; both come
/// from one catalog entry).
@Suite struct FormMessagesInEnglishTests {
    @Test func cellsAndRowsInEnglish() throws {
        let refused = #expect(throws: LenientReading.Refusal.self) { try LenientReading.number(Spreadsheet.Cell(.text("约九成")), unit: nil) }
        #expect(refused?.message.text(.en) == "give a number (such as 93.6), found '约九成'")
        #expect(refused?.message.text(.zh) == "应填数字（如 93.6），实际为“约九成”")
        let read = try LenientReading.number(Spreadsheet.Cell(.text("1,038")), unit: nil)
        #expect(read.change?.text(.en) == "'1,038' read as 1038")
        let changes = Catalog.rubricChanged(Catalog.joined([Catalog.rowGone("a"), Catalog.rowAdded("b")]))
        #expect(
            changes.text(.en)
                == "the rubric changed after this form was made: a is no longer in the rubric; b is new; make the forms again with kaohe forms and fill them in again"
        )
        #expect(changes.text(.zh) == "这份表生成后考核细则改动了：a 已不在细则中；b 是新增的；请用 kaohe forms 重新生成并重新填写")
        let many = Catalog.joined((1...10).map { Catalog.rowAdded("r\($0)") })
        #expect(many.text(.zh).hasSuffix("r8 是新增的 等 10 个"))
    }

    @Test func ledgerMessagesInEnglish() {
        var d = Diagnostics()
        _ = LedgerLoader.yamlItems("- {id: X1, meeting: m, raised_by: nobody, submitted: 六月}\n", file: "items.yaml", &d)
        let texts = d.all.map { $0.description(in: .en) }
        #expect(texts.contains { $0.hasPrefix("items.yaml:1") && $0.contains("'六月' is not a date; write it as 2024-06-18") }, "\(texts)")
    }
}
