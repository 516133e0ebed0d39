import Foundation
import Testing
@testable import KaoheCore

/// The second edition's decisions (rubric-format.md §12): limits, encodings, ids, duplicate vetoes, target keys,
/// self-scores — each an error (or warning) at its place, never a crash.
@Suite struct InputLimitTests {
    func dataDiagnostics(_ indicator: String, _ document: String) throws -> [Diagnostic] {
        let r = try rubric(oneIndicatorRubric(indicator))
        var d = Diagnostics()
        let loaded = DataLoader.loadYAML(document, file: "data/a.yaml", rubric: r, diagnostics: &d)
        return d.all + (d.hasErrors ? [] : Scorer(rubric: r).validate(loaded.map { [$0] } ?? []))
    }

    @Test func numbersBeyondWhatACellHoldsAreErrorsNotTraps() throws {
        #expect(Exact.inputLimitProblem("200000000e30")?.contains("far too large") == true)
        #expect(Exact.inputLimitProblem("1e15")?.contains("below 10^15") == true)
        #expect(Exact.inputLimitProblem("999999999999999") == nil)
        #expect(Exact.inputLimitProblem("82.1234567890123456")?.contains("18 significant digits") == true)
        #expect(Exact.inputLimitProblem("93.60000000000000000") == nil)
        #expect(Exact.inputLimitProblem("0000-12345678") == nil)
        #expect(Exact("200000000e30") == nil)
        #expect(Exact.inputLimitProblem("1e-30")?.contains("30 decimal places") == true)
        #expect(Exact.inputLimitProblem("0.000000000000001") == nil)
        // Blanks around a number are trimmed, ideographic and no-break spaces too; names are no numbers.
        #expect(Exact.inputLimitProblem("\u{3000}1234567890123456\u{A0}")?.contains("16 significant digits") == true)
        #expect(Exact.inputLimitProblem(" 1e16\t")?.contains("below 10^15") == true)
        #expect(Exact.inputLimitProblem("县总工会 1234567890123456") == nil)
        #expect(Exact.inputLimitProblem("1234567890123456x") == nil)
        // Comparing values whose cross products pass 128 bits does not overflow.
        #expect(Exact(1, over: Exact.powersOfTen[30]) < Exact(1_000_000_000_000_000))
        let d = try dataDiagnostics("method: manual", "organization: a\nyear: 2024\nindicators:\n  x: 200000000e30")
        expectError(d, file: "data/a.yaml", line: 4, "far too large")
        expectError(rubricDiagnostics(oneIndicatorRubric("method: ratio\ntarget: 90\ncap: 1e30")), line: 15, "below 10^15")
    }

    @Test func selfScoresOutsideThePointsAreErrors() throws {
        let over = try dataDiagnostics("method: manual", "organization: a\nyear: 2024\nindicators:\n  x: {value: 5, self: 10.5}")
        expectError(over, file: "data/a.yaml", line: 4, "self-score 10.5", "outside 0 to 10")
        let capped = try dataDiagnostics(
            "method: ratio\ntarget: 90\ncap: 1.1", "organization: a\nyear: 2024\nindicators:\n  x: {value: 95, self: 11}")
        #expect(!capped.contains { $0.severity == .error }, "\(capped)")
        let negative = try dataDiagnostics("method: manual", "organization: a\nyear: 2024\nindicators:\n  x: {value: 5, self: -1}")
        expectError(negative, file: "data/a.yaml", line: 4, "outside 0 to 10")
    }

    @Test func targetKeysMustBeOrganizations() {
        let d = rubricDiagnostics(oneIndicatorRubric("method: ratio\ntarget: {a: 5, bb: 6, default: 4}"))
        expectError(d, line: 14, "target key 'bb'", "not an organization")
    }

    @Test func aVetoGivenTwiceCountsOnceWithAWarning() throws {
        let text = oneIndicatorRubric("method: manual") + "\nvetoes: [{id: v, name: 否决, effect: {grade: 不合格}}]"
        let r = try rubric(text)
        var d = Diagnostics()
        let data = DataLoader.loadYAML("organization: a\nyear: 2024\nindicators: {x: 5}\nvetoes: [v, v]", file: "a.yaml", rubric: r, diagnostics: &d)
        #expect(data?.vetoes.count == 1)
        #expect(d.warnings.contains { $0.english.contains("veto 'v' is given twice") && $0.location.line == 4 })
    }

    @Test func idsThatNameFilesAreChecked() {
        let dots = rubricDiagnostics(oneIndicatorRubric("method: manual").replacingOccurrences(of: "id: t,", with: "id: \"..\","))
        #expect(dots.contains { $0.english.contains("'assessment.id' names the output folder") })
        let slash = rubricDiagnostics(oneIndicatorRubric("method: manual").replacingOccurrences(of: "{id: a, name: 甲}", with: "{id: a/b, name: 甲}"))
        #expect(slash.contains { $0.english.contains("may not contain '/'") })
        #expect(OutputNaming.uniqueFileNames(["a", "A", "a", "b"]) == ["a", "A-2", "a-3", "b"])
    }

    @Test func encodings() throws {
        var d = Diagnostics()
        let gbk = TextDecoding.checkedText(Data([0xC4, 0xE3, 0xBA, 0xC3]), file: "x.csv", allowingGB18030: true, &d)
        #expect(gbk == "你好")
        #expect(d.warnings.first?.english.contains("GB18030") == true)
        var e = Diagnostics()
        #expect(TextDecoding.checkedText(Data([0xFF, 0xFE, 0x41, 0x00]), file: "x.csv", allowingGB18030: true, &e) == nil)
        #expect(e.errors.first?.english.contains("UTF-16") == true)
        var f = Diagnostics()
        #expect(TextDecoding.checkedText(Data([0xC4, 0xE3]), file: "x.yaml", allowingGB18030: false, &f) == nil)
        #expect(f.errors.first?.english.contains("GBK") == true)
        var g = Diagnostics()
        #expect(TextDecoding.checkedText(Data("a: 1\nb: x\u{1}y\n".utf8), file: "x.yaml", allowingGB18030: false, &g) == nil)
        #expect(g.errors.first?.location.line == 2 && g.errors.first?.location.column == 5)
    }

    @Test func anUnclosedQuoteIsAnErrorWhereItOpened() throws {
        let r = try rubric(oneIndicatorRubric("method: manual"))
        var d = Diagnostics()
        let rows = CSVDataLoader.load(
            "organization,indicator,value,year\na,x,5,2024\nb,x,\"6,2024\nc,x,7,2024\n", file: "d.csv", rubric: r, diagnostics: &d)
        #expect(rows.isEmpty)
        #expect(
            d.errors.map { $0.description(in: .en) } == [
                "d.csv:3: error: a quoted field opened on this line is never closed (a missing \"); everything after it would be one cell, so nothing of this file is read"
            ])
        var y = Diagnostics()
        _ = CSVDataLoader.load("organization,indicator,value,year\na,x,5,2023\n", file: "d.csv", rubric: r, diagnostics: &y)
        #expect(y.errors.first?.english.contains("year 2023") == true)
    }
}

@Suite struct PrintedLimitTests {
    @Test func aResultAtOrAbove10To15IsAnErrorNamingThePart() throws {
        let text = oneIndicatorRubric("method: manual") + "\nbonus: {items: [{id: big, name: 大奖, points: 900000000000000}]}"
        let r = try rubric(text)
        let docs = ["a", "b", "c"].map { "organization: \($0)\nyear: 2024\nindicators: {x: 5}\nbonus: [{item: big, count: 2}]" }
        let problems = Scorer(rubric: r).validate(try data(docs, for: r))
        #expect(problems.contains { $0.english.contains("the bonus of 'a'") && $0.english.contains("10^15") }, "\(problems)")
        #expect(throws: InputErrors.self) { try Scorer(rubric: r).score(try data(docs, for: r)) }
    }

    @Test func countsAreBelow10To9() throws {
        let r = try rubric(oneIndicatorRubric("method: manual") + "\nbonus: {items: [{id: i, name: 奖, points: 1}]}")
        var d = Diagnostics()
        _ = DataLoader.loadYAML(
            "organization: a\nyear: 2024\nindicators: {x: 5}\nbonus: [{item: i, count: 1000000000}]",
            file: "a.yaml", rubric: r, diagnostics: &d)
        #expect(d.errors.contains { $0.english.contains("below 10^9") })
    }
}
