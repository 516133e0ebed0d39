import Foundation
import Testing
import XLSX
@testable import KaoheCore
@testable import KaoheWorkbook
import TestSupport

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
let generated = Date(timeIntervalSince1970: 1_735_660_800)

func temporaryPath(_ name: String) throws -> String {
    try makeScratchDirectory("workbook") + "/" + name
}

/// Scores the bundled assessment (optionally under a scheme), writes its workbook and reads it back.
func bundledWorkbook(
    scheme: String? = nil, only: String? = nil,
    layout: ScorecardWorkbook.Layout = .automatic
) throws -> (AssessmentResult, WorkbookContents, String) {
    let a = try AssessmentLoader.load(folder: repositoryRoot + "/rubrics/2024-county-mass-orgs")
    let s = scheme.flatMap(a.scheme(named:))
    let result = try Scorer(rubric: a.rubric, scheme: s).score(a.data)
    let path = try temporaryPath("book.xlsx")
    try ScorecardWorkbook.write(
        result, provenance: Provenance(assessment: a, scheme: s, generated: generated), to: path, only: only,
        layout: layout)
    return (result, try WorkbookContents(path: path), path)
}

/// Provenance for a rubric and data made in a test rather than read from files.
func inlineProvenance(_ rubric: Rubric, _ data: [OrganizationData]) -> Provenance {
    Provenance(
        assessment: Assessment(
            folder: ".", rubric: rubric, data: data, schemes: [],
            rubricFile: InputFile(path: "rubric.yaml", sha256: "0"), dataFiles: [], schemeFiles: [],
            warnings: []),
        scheme: nil, generated: generated)
}

func number(_ value: SheetContents.Value?) -> Double? {
    if case .number(let n)? = value { return n }
    return nil
}

@Suite struct ScorecardWorkbookTests {
    @Test func hasTheSheetsOfTheSpec() throws {
        let (result, book, _) = try bundledWorkbook()
        let names = book.sheets.filter { !$0.hidden }.map(\.name)
        #expect(names == ["说明", "汇总"] + result.organizations.map(\.organization.name) + ["满意度", "指标体系", "权重", "图表"])
    }

    @Test func summaryHeadersAndCachedValuesEqualTheEngine() throws {
        for scheme in [nil, "service-weighted", "satisfaction-weighted"] {
            let (result, book, _) = try bundledWorkbook(scheme: scheme)
            let summary = try #require(book.sheet("汇总"))
            let header = summary.row(2)
            let texts = header.keys.sorted().compactMap { if case .text(let t)? = header[$0] { t } else { nil } }
            for required in [
                "排名", "单位", "类别", "目标任务考核得分", "目标任务考核折算分", "社会评价得分", "社会评价折算分",
                "加分", "扣分", "综合得分", "等次", "否决事项"
            ] {
                #expect(texts.contains(required), "missing header \(required)")
            }
            let column = { (name: String) in header.first { $0.value == .text(name) }!.key }
            for (i, org) in result.organizations.enumerated() {
                let row = summary.row(3 + i)
                #expect(row[column("单位")] == .text(org.organization.name))
                #expect(number(row[column("排名")]) == Double(org.rank))
                #expect(number(row[column("综合得分")]) == org.final.double)
                #expect(row[column("等次")] == .text(org.grade))
                #expect(number(row[column("加分")]) == org.bonus.total.double)
                #expect(number(row[column("扣分")]) == org.penalty.total.double)
                #expect(number(row[column("目标任务考核折算分")]) == org.block("performance")!.contribution.double)
                #expect(number(row[column("社会评价得分")]) == org.block("satisfaction")!.score.double)
                let formula = summary.cells[CellReference(row: 3 + i, column: column("综合得分"))]?.formula
                #expect(formula?.hasPrefix("'\(org.organization.name)'!") == true, "综合得分 should read the scorecard")
            }
        }
    }

    @Test func scorecardsCarryEveryIndicatorAndLiveTotals() throws {
        let (result, book, _) = try bundledWorkbook()
        let union = result.organization("union")!
        let sheet = try #require(book.sheet("县总工会"))
        #expect(sheet.text("A1") == "2024年度县级群团组织目标管理考核评分表")
        let header = sheet.row(2).values.compactMap { if case .text(let t) = $0 { t } else { nil } }
        #expect(
            Set(header)
                == Set([
                    "序号", "一级指标", "二级指标", "分值", "评分标准", "完成情况", "自评分", "核定分", "差异",
                    "扣分说明", "佐证材料", "考核单位"
                ]))
        // Every indicator score appears in 核定分 (column H), as a formula over the 分值 cell or a value (manual).
        let scores = sheet.cells.filter { $0.key.column == 7 }
        for indicator in union.indicators {
            let name = result.rubric.indicators.first { $0.id == indicator.id }!.name
            let row = try #require(sheet.cells.first { $0.key.column == 2 && $0.value.value == .text(name) }?.key.row)
            #expect(number(scores[CellReference(row: row, column: 7)]?.value) == indicator.score.double, "\(indicator.id)")
        }
        // The final row is a formula with the engine's final as its cached value.
        let finalRow = try #require(sheet.cells.first { $0.key.column == 0 && $0.value.value == .text("综合得分") }?.key.row)
        let final = try #require(sheet.cells[CellReference(row: finalRow, column: 7)])
        #expect(final.formula?.hasPrefix("MAX(0,ROUND(") == true)
        #expect(number(final.value) == union.final.double)
        #expect(sheet.cells.values.contains { $0.value == .text("考核组签字:") })
    }

    @Test func weightsAreTheInputsOfTheFormulas() throws {
        let (result, book, _) = try bundledWorkbook(scheme: "service-weighted")
        let weights = try #require(book.sheet("权重"))
        #expect(weights.isProtected)
        let service = try #require(weights.cells.first { $0.value.value == .text("service") }?.key.row)
        #expect(weights.number("D\(service + 1)") == 50)
        let card = try #require(book.sheet(result.organizations[0].organization.name))
        #expect(card.cells.values.contains { $0.formula?.contains("'权重'!$D$\(service + 1)") == true })
    }

    @Test func printSetup() throws {
        let (_, book, _) = try bundledWorkbook()
        for sheet in book.sheets where !sheet.hidden {
            #expect(sheet.paperSize == 9, "\(sheet.name)")
            #expect(sheet.fitToWidth == 1, "\(sheet.name)")
            #expect(sheet.footer == "&C第 &P 页 共 &N 页", "\(sheet.name)")
        }
        let card = try #require(book.sheet("县总工会"))
        #expect(card.orientation == "landscape")
        #expect(card.printTitles == "'县总工会'!$3:$3")
        #expect(book.sheet("汇总")?.frozenRows == 3)
        #expect(book.sheet("汇总")?.autofilter != nil)
        #expect((book.sheet("汇总")?.conditionalFormatCount ?? 0) >= 3)
        #expect(book.sheet("汇总")?.drawingCount == 1)
        #expect(book.sheet("图表")?.drawingCount == 1)
    }

    @Test func coverCarriesProvenance() throws {
        let (_, book, _) = try bundledWorkbook(scheme: "service-weighted")
        let cover = try #require(book.sheet("说明"))
        let texts = cover.cells.values.compactMap { if case .text(let t)? = $0.value { t } else { nil } }
        #expect(texts.contains("服务群众加权"))
        #expect(texts.contains { $0.contains("rubric.yaml\n") && $0.split(separator: "\n").last?.count == 64 })
        #expect(texts.contains { $0.contains("weights/service-weighted.yaml") })
        #expect(texts.contains("2025-01-01 00:00:00 (UTC+8)"))
        #expect(book.properties["created"] == "2024-12-31T16:00:00Z")
    }

    @Test func singleOrganizationWorkbook() throws {
        let (result, book, _) = try bundledWorkbook(only: "youth")
        #expect(book.sheet("汇总") == nil)
        let card = try #require(book.sheet("团县委"))
        let gradeRow = try #require(card.cells.first { $0.key.column == 0 && $0.value.value == .text("考核等次") }?.key.row)
        #expect(card.cells[CellReference(row: gradeRow, column: 7)]?.value == .text(result.organization("youth")!.grade))
        #expect(card.cells[CellReference(row: gradeRow, column: 7)]?.formula == nil)
    }

    @Test func stackedLayoutPutsScorecardsOnOneSheetWithPageBreaks() throws {
        let (result, book, _) = try bundledWorkbook(layout: .stacked)
        #expect(book.sheets.filter { !$0.hidden }.map(\.name) == ["说明", "汇总", "评分明细", "满意度", "指标体系", "权重", "图表"])
        let stack = try #require(book.sheet("评分明细"))
        let titles = stack.cells.filter { $0.key.column == 0 && $0.value.value == .text("2024年度县级群团组织目标管理考核评分表") }
        #expect(titles.count == result.organizations.count)
        let summary = try #require(book.sheet("汇总"))
        let finals = summary.cells.filter { $0.value.formula?.hasPrefix("'评分明细'!") == true }
        #expect(finals.count >= result.organizations.count)
        #expect(ScorecardWorkbook.Layout.stacked.resolved(5) == .stacked)
    }

    @Test func sameInputsGiveIdenticalBytes() throws {
        let (_, _, first) = try bundledWorkbook()
        let (_, _, second) = try bundledWorkbook()
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))
    }

    @Test func aSurveyOfNumericBallotsOnly() throws {
        let rubricText = """
            kaohe: 1
            assessment: {id: num, title: 数值测评, year: 2024, total: 100}
            organizations: [{id: a, name: 甲}]
            blocks:
              - {id: p, name: 实绩, weight: 70, source: indicators}
              - {id: s, name: 领导评价, weight: 30, source: survey, survey: {answers: {}, groups: [{id: g, name: 领导, weight: 1}], trim: 1}}
            dimensions: [{id: d, name: 维度, points: 100, indicators: [{id: x, name: 指标, points: 100, method: manual}]}]
            grades: [{name: 合格, min: 60}, {name: 不合格}]
            """
        var d = Diagnostics()
        let rubric = try #require(RubricLoader.load(rubricText, file: "rubric.yaml", diagnostics: &d))
        let data = try #require(
            DataLoader.loadYAML(
                "organization: a\nindicators: {x: 90}\nsurvey: {g: [90, 80, 70, 85, 95]}",
                file: "a.yaml", rubric: rubric, diagnostics: &d))
        let result = try Scorer(rubric: rubric).score([data])
        let path = try temporaryPath("numeric.xlsx")
        let provenance = inlineProvenance(rubric, [data])
        try ScorecardWorkbook.write(result, provenance: provenance, to: path)
        let survey = try #require(try WorkbookContents(path: path).sheet("满意度"))
        // Trimmed mean of 80, 85, 90.
        #expect(survey.cells.values.contains { $0.formula == "ROUND(AVERAGE(80,85,90),2)" && $0.value == .number(85) })
    }

    @Test func formulaLookingUserTextStaysText() throws {
        let rubricText = """
            kaohe: 1
            assessment: {id: t, title: 注入测试, year: 2024, total: 100}
            organizations: [{id: a, name: "=HYPERLINK(\\"x\\")"}]
            blocks: [{id: p, name: 实绩, weight: 100, source: indicators}]
            dimensions: [{id: d, name: "+维度", points: 10, indicators: [{id: x, name: "@指标", points: 10, method: manual, standard: "-1+1"}]}]
            grades: [{name: 合格, min: 60}, {name: 不合格}]
            """
        var d = Diagnostics()
        let rubric = try #require(RubricLoader.load(rubricText, file: "rubric.yaml", diagnostics: &d))
        let data = try #require(
            DataLoader.loadYAML(
                "organization: a\nindicators:\n  x: {value: 5, note: \"=1+2\"}", file: "a.yaml",
                rubric: rubric, diagnostics: &d))
        let result = try Scorer(rubric: rubric).score([data])
        let path = try temporaryPath("inject.xlsx")
        let provenance = inlineProvenance(rubric, [data])
        try ScorecardWorkbook.write(result, provenance: provenance, to: path)
        let book = try WorkbookContents(path: path)
        let user = ["=HYPERLINK(\"x\")", "+维度", "@指标", "-1+1", "5(=1+2)"]
        for sheet in book.sheets {
            for cell in sheet.cells.values {
                if case .text(let t)? = cell.value, user.contains(t) { #expect(cell.formula == nil, "\(sheet.name): \(t)") }
            }
        }
        #expect(book.sheets.flatMap { $0.cells.values }.contains { $0.value == .text("5(=1+2)") })
    }
}

@Suite struct FormulaTextTests {
    @Test func fractionsAreWrittenExactly() {
        // A terminating decimal as it is; any other fraction as n/d (a cut decimal can cross a rounding boundary).
        #expect(FormulaText.times("D5", Exact("1.04")!) == "D5*1.04")
        #expect(FormulaText.times("D5", Exact(199) / Exact(300)) == "D5*199/300")
        #expect(FormulaText.times("D5", 1) == "D5*1")
    }
}
