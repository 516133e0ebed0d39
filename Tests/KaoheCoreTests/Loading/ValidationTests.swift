import Testing
@testable import KaoheCore

/// Asserts that `diagnostics` holds an error at `line` of `file` whose message contains every fragment.
func expectError(
    _ diagnostics: [Diagnostic], file: String = "rubric.yaml", line: Int, _ fragments: String...,
    sourceLocation: SourceLocation_ = #_sourceLocation
) {
    let hit = diagnostics.contains { d in
        d.severity == .error && d.location.file == file && d.location.line == line && fragments.allSatisfy { d.english.contains($0) }
    }
    #expect(
        hit, "no error at \(file):\(line) containing \(fragments); got:\n\(diagnostics.map { $0.description(in: .en) }.joined(separator: "\n"))",
        sourceLocation: sourceLocation)
}

typealias SourceLocation_ = Testing.SourceLocation

@Suite struct RubricValidationTests {
    @Test func reportsEveryProblemInOnePass() {
        let yaml = """
            kaohe: 1
            assessment: {id: t, title: 测试, year: 2024, total: 100}
            organizations: [{id: a, name: 甲}, {id: a, name: 重复}]
            blocks:
              - {id: p, name: 实绩, weight: 70, source: indicators}
              - {id: s, name: 评价, weight: 20, source: survey}
            dimensions:
              - id: d
                name: 维度
                points: 10
                indicators:
                  - {id: x, name: 甲, points: -5, method: manual}
                  - {id: y, name: 乙, points: 5, method: guess}
                  - {id: z, name: 丙, points: 5, method: bands, bands: [{min: 1, points: 9}]}
                  - {id: w, name: 丁, points: 4, method: checklist, items: [{id: i, name: 项, points: 3}]}
                  - {id: x, name: 戊, points: 1, method: ratio}
                  - {id: v, name: 己, points: 1, method: levels}
                  - {id: u, name: 庚, points: 1, method: manual, applies_to: [nobody]}
            vetoes: [{id: bad, name: 否决, effect: {grade: 不存在}}]
            grades: [{name: 合格, min: 60}, {name: 不合格, min: 10}]
            ranking: {tie_break: [nothing]}
            """
        let d = rubricDiagnostics(yaml)
        expectError(d, line: 3, "duplicate organization id 'a'")
        expectError(d, line: 4, "block weights add up to 90", "assessment.total is 100")
        expectError(d, line: 6, "survey block 's' needs a 'survey' map")
        expectError(d, line: 12, "points above 0", "-5")
        expectError(d, line: 13, "unknown method 'guess'", "expected one of: 完成率计分 (ratio)")
        expectError(d, line: 14, "band points 9 are above the points of indicator 'z' (5)")
        expectError(d, line: 15, "checklist items of indicator 'w' add up to 3", "has 4 points")
        expectError(d, line: 16, "duplicate indicator id 'x'")
        expectError(d, line: 17, "missing parameter 'levels'")
        expectError(d, line: 18, "applies to unknown organization 'nobody'")
        expectError(d, line: 19, "unknown grade '不存在'")
        expectError(d, line: 20, "last grade '不合格' must not have a 'min'")
        expectError(d, line: 21, "tie_break names unknown block 'nothing'")
    }

    @Test func versionAndMissingSections() {
        let d = rubricDiagnostics("kaohe: 2\nassessment: {id: t, title: t, year: 2024}\n")
        expectError(d, line: 1, "format version 2 is not supported")
        expectError(d, line: 1, "lists no organizations")
        expectError(d, line: 1, "needs 'grades'")
    }

    @Test func yamlSyntaxErrorsPointAtTheirLine() {
        let d = rubricDiagnostics("kaohe: 1\nassessment: {id: t\norganizations: [\n")
        #expect(d.count == 1)
        #expect(d[0].location.line >= 2)
        #expect(d[0].english.hasPrefix("YAML syntax"))
    }

    @Test func unknownKeysAreWarnings() throws {
        let yaml = oneIndicatorRubric("method: manual\nwieght: 3")
        let d = rubricDiagnostics(yaml)
        #expect(d.contains { $0.severity == .warning && $0.english.contains("unknown key 'wieght'") })
        #expect(!d.contains { $0.severity == .error })
    }

    @Test func dimensionWithoutApplicableIndicatorForAnOrganization() {
        let yaml = oneIndicatorRubric("method: manual\napplies_to: [a]")
        expectError(rubricDiagnostics(yaml), line: 6, "dimension 'd' has no indicator that applies to organization 'b'")
    }
}

@Suite struct DataValidationTests {
    let rubricText = oneIndicatorRubric("method: levels\nlevels: {好: 1, 差: 0}")

    func diagnostics(_ documents: [String]) throws -> [Diagnostic] {
        let r = try rubric(rubricText)
        var d = Diagnostics()
        let loaded = documents.enumerated().compactMap { i, text in
            DataLoader.loadYAML(text, file: "data/\(i).yaml", rubric: r, diagnostics: &d)
        }
        return d.all + Scorer(rubric: r).validate(loaded)
    }

    @Test func referencesAndYear() throws {
        let d = try diagnostics([
            "organization: zz",
            "organization: a\nyear: 2023\nindicators:\n  nope: 1\n  x: 好\nbonus: [award]\nvetoes: [v]\nsurvey: {g: [1]}"
        ])
        expectError(d, file: "data/0.yaml", line: 1, "unknown organization 'zz'")
        expectError(d, file: "data/1.yaml", line: 2, "year 2023", "assesses 2024")
        expectError(d, file: "data/1.yaml", line: 4, "unknown indicator 'nope'")
        expectError(d, file: "data/1.yaml", line: 6, "unknown bonus item 'award'")
        expectError(d, file: "data/1.yaml", line: 7, "unknown veto 'v'")
    }

    @Test func valuesOfTheWrongKind() throws {
        let d = try diagnostics([
            "organization: a\nindicators:\n  x: 很好", "organization: b\nindicators:\n  x: [1, 2]",
            "organization: c"
        ])
        expectError(d, file: "data/0.yaml", line: 3, "level '很好' is not one of: 好, 差")
        expectError(d, file: "data/1.yaml", line: 3, "level")
        expectError(d, file: "data/2.yaml", line: 1, "no value for indicator 'x'", "'c'")
    }

    /// Indicator entries in the long form: well-formed ones are read whole, and each ill-formed part is reported
    /// where it is written, the rest of the entry still read.
    @Test func longFormEntries() throws {
        let r = try rubric(rubricText)
        var d = Diagnostics()
        let good = try #require(
            DataLoader.loadYAML(
                "organization: a\nyear: 2024\nindicators:\n  x: {value: 好, self: 0.5, evidence: [a.pdf, b.pdf], note: 已整改}",
                file: "data/a.yaml", rubric: r, diagnostics: &d))
        #expect(d.all.isEmpty)
        let entry = try #require(good.indicators["x"])
        #expect(entry.selfScore == Exact("0.5") && entry.evidence == ["a.pdf", "b.pdf"] && entry.note == "已整改")
        guard case .text("好")? = entry.value else { Issue.record("value not read"); return }

        let bad = try #require(
            DataLoader.loadYAML(
                "organization: a\nindicators:\n  x: {value: 好, self: 很多, note: \"\", wieght: 2}",
                file: "data/b.yaml", rubric: r, diagnostics: &d))
        expectError(d.all, file: "data/b.yaml", line: 3, "'self' of an indicator entry must be a number, found '很多'")
        expectError(d.all, file: "data/b.yaml", line: 3, "'note' of an indicator entry must be text")
        #expect(d.all.contains { $0.severity == .warning && $0.english.contains("unknown key 'wieght' in an indicator entry") })
        guard case .text("好")? = bad.indicators["x"]?.value else { Issue.record("value not read"); return }
    }

    /// Value diagnostics when organizations a, b and c give these values for the one indicator.
    func valueDiagnostics(_ indicator: String, _ a: String, _ b: String, _ c: String) throws -> [Diagnostic] {
        let r = try rubric(oneIndicatorRubric(indicator))
        let docs = [("a", a), ("b", b), ("c", c)].map { "organization: \($0.0)\nindicators: {x: \($0.1)}" }
        return Scorer(rubric: r).validate(try data(docs, for: r))
    }

    @Test func wrongTypesPerMethod() throws {
        let d = try valueDiagnostics("method: ratio\ntarget: 10", "三", "1", "-1")
        expectError(d, file: "data/0.yaml", line: 2, "method ratio", "expected a number, found '三'")
        // A negative value is accepted and scores 0 (rubric-format.md §12).
        #expect(!d.contains { $0.location.file == "data/2.yaml" }, "\(d)")
        #expect(try indicatorScore("method: ratio\ntarget: 10", "-1").score == .zero)
    }

    @Test func checklistItemsUnknownOrTwice() throws {
        let d = try valueDiagnostics("method: checklist\nitems: [{id: i, name: 甲, points: 10}]", "[i, i]", "[j]", "[i]")
        expectError(d, file: "data/0.yaml", line: 2, "checklist item 'i' is given twice")
        expectError(d, file: "data/1.yaml", line: 2, "unknown checklist item 'j'")
    }

    @Test func manualOutOfRangeAndAverageOutOfScale() throws {
        let d = try valueDiagnostics("method: manual", "11", "1", "1")
        expectError(d, file: "data/0.yaml", line: 2, "from 0 to 10, found 11")
        let d2 = try valueDiagnostics("method: average", "[101]", "[]", "[1]")
        expectError(d2, file: "data/0.yaml", line: 2, "from 0 to 100")
        expectError(d2, file: "data/1.yaml", line: 2, "empty")
    }
}

@Suite struct CSVDataTests {
    @Test func readsRowsIncludingSurveyBonusAndVeto() throws {
        let r = try rubric(aggregationRubric)
        let csv = """
            \u{FEFF}organization,indicator,value,self,evidence,note
            a,i1,20,19,台账;照片,"含逗号,的说明"
            a,i2,20,,,
            a,common,30,,,
            a,own.a,30,,,
            a,survey:staff,"{满意: 3, 基本满意: 1}",,,
            a,survey:towns,"[80, 90, 100, 70, 60]",,,
            a,bonus:award,2,,,获表彰
            a,penalty:petition,,,,
            """
        var d = Diagnostics()
        let loaded = CSVDataLoader.load(csv, file: "data/a.csv", rubric: r, diagnostics: &d)
        // No year column: one warning naming the file (§12), nothing else.
        #expect(
            d.all.map { $0.description(in: .en) } == [
                "data/a.csv:1: warning: the file gives no year (add a 'year' column with 2024); a file without one may be last year's"
            ])
        let a = try #require(loaded.first)
        #expect(a.indicators["i1"]?.selfScore == 19)
        #expect(a.indicators["i1"]?.evidence == ["台账", "照片"])
        #expect(a.indicators["i1"]?.note == "含逗号,的说明")
        #expect(a.bonus.first?.count == 2)
        #expect(a.penalties.first?.count == 1)
        let b = DataLoader.loadYAML(
            AggregationTests.fullB.replacingOccurrences(of: "indicators", with: "organization: b\nindicators"),
            file: "data/b.yaml", rubric: r, diagnostics: &d)!
        let result = try Scorer(rubric: r).score([a, b])
        #expect(result.organization("a")!.block("s")!.score == Exact("84.55")!)
    }

    @Test func errorsNameTheRow() throws {
        let r = try rubric(aggregationRubric)
        let csv = "organization,indicator,value\nzz,i1,1\na,nope,1\na,survey:nobody,[1]\na,i1,abc\n"
        var d = Diagnostics()
        _ = CSVDataLoader.load(csv, file: "data/x.csv", rubric: r, diagnostics: &d)
        expectError(d.all, file: "data/x.csv", line: 2, "unknown organization 'zz'")
        expectError(d.all, file: "data/x.csv", line: 3, "unknown indicator 'nope'")
        expectError(d.all, file: "data/x.csv", line: 4, "unknown rater group 'nobody'")
        // Each problem points at its cell: organization in column 1, the indicator after "a," at 3.
        let located = d.all.map { $0.description(in: .en) }
        #expect(located.contains { $0.hasPrefix("data/x.csv:2:1: error: unknown organization 'zz'") }, "\(located)")
        #expect(located.contains { $0.hasPrefix("data/x.csv:3:3: error: unknown indicator 'nope'") }, "\(located)")
        #expect(located.contains { $0.hasPrefix("data/x.csv:4:3: error: unknown rater group 'nobody'") }, "\(located)")
        // A quoted cell with a line break moves the cells after it to the next line; CJK characters count one.
        let rows = CSVDataLoader.parse("单位,\"x\ny\",z\n").rows
        #expect(rows.count == 1 && rows[0].starts.map(\.line) == [1, 1, 2] && rows[0].starts.map(\.column) == [1, 4, 4])
        let missingColumns = "organization,value\n"
        var d2 = Diagnostics()
        _ = CSVDataLoader.load(missingColumns, file: "data/y.csv", rubric: r, diagnostics: &d2)
        expectError(d2.all, file: "data/y.csv", line: 1, "lacks indicator")
    }
}
