import Testing
@testable import KaoheCore

/// A rubric with one indicator (written as YAML lines under `- id: x`) for organizations a, b, c.
func oneIndicatorRubric(_ indicator: String, points: String = "10") -> String {
    let body = indicator.split(separator: "\n").map { "        " + $0 }.joined(separator: "\n")
    return """
        kaohe: 1
        assessment: {id: t, title: 测试, year: 2024, total: 100}
        organizations: [{id: a, name: 甲}, {id: b, name: 乙}, {id: c, name: 丙}]
        blocks: [{id: p, name: 实绩, weight: 100, source: indicators}]
        dimensions:
          - id: d
            name: 维度
            points: \(points)
            indicators:
              - id: x
                name: 指标
                points: \(points)
        \(body)
        grades: [{name: 合格, min: 60}, {name: 不合格}]
        """
}

/// Scores organization a (and b, c when values are given) on the one indicator; returns a's indicator result.
func indicatorScore(_ indicator: String, points: String = "10", _ a: String, b: String? = nil, c: String? = nil) throws -> IndicatorResult {
    let docs = [("a", a), ("b", b ?? a), ("c", c ?? a)].map { "organization: \($0.0)\nindicators:\n  x: \($0.1)" }
    let result = try score(oneIndicatorRubric(indicator, points: points), docs)
    return result.organization("a")!.indicator("x")!
}

@Suite struct MethodTests {
    // ratio: r = value / target; score = points × min(r, cap); 0 below floor.
    @Test func ratioProportional() throws {
        // 10 × 93/95 = 9.789… → 9.79
        #expect(try indicatorScore("method: ratio\ntarget: 95", "93").score == Exact("9.79")!)
    }

    @Test func ratioOverCompletionWithCapAboveOne() throws {
        // r = 105/90 = 1.1666…, capped at 1.1 → 10 × 1.1 = 11 (above the indicator's points, allowed).
        #expect(try indicatorScore("method: ratio\ntarget: 90\ncap: 1.1", "105").score == 11)
        // r = 93.6/90 = 1.04 → 10.40.
        #expect(try indicatorScore("method: ratio\ntarget: 90\ncap: 1.1", "93.6").score == Exact("10.4")!)
        // Default cap 1: 105/90 → 10.
        #expect(try indicatorScore("method: ratio\ntarget: 90", "105").score == 10)
    }

    @Test func ratioFloorComparesUncappedRatio() throws {
        // r = 50/90 = 0.555… < floor 0.6 → 0; r = 54/90 = 0.6 → 10 × 0.6 = 6.
        #expect(try indicatorScore("method: ratio\ntarget: 90\nfloor: 0.6", "50").score == 0)
        #expect(try indicatorScore("method: ratio\ntarget: 90\nfloor: 0.6", "54").score == 6)
    }

    @Test func ratioLowerIsBetter() throws {
        // lower: r = target / value = 2/4 = 0.5 → 5; value 0 → r = cap → 10 × 1.2 = 12.
        #expect(try indicatorScore("method: ratio\ntarget: 2\ndirection: lower", "4").score == 5)
        #expect(try indicatorScore("method: ratio\ntarget: 2\ndirection: lower\ncap: 1.2", "0").score == 12)
        #expect(try indicatorScore("method: ratio\ntarget: 2\ndirection: lower", "0").score == 10)
    }

    @Test func ratioTargetPerOrganization() throws {
        let rubric = "method: ratio\ntarget: {a: 4, default: 8}"
        // a: 3/4 → 7.5; b: 3/8 → 3.75.
        let result = try score(oneIndicatorRubric(rubric), ["a", "b", "c"].map { "organization: \($0)\nindicators: {x: 3}" })
        #expect(result.organization("a")!.indicator("x")!.score == Exact("7.5")!)
        #expect(result.organization("b")!.indicator("x")!.score == Exact("3.75")!)
    }

    @Test func ratioRoundingAtHalf() throws {
        // 5 × 0.535 = 2.675 exactly → 2.68 (a binary float would give 2.67).
        #expect(try indicatorScore("method: ratio\ntarget: 1", points: "5", "0.535").score == Exact("2.68")!)
        // 1 × 1.005 with cap 2 → 1.005 → 1.01.
        #expect(try indicatorScore("method: ratio\ntarget: 1\ncap: 2", points: "1", "1.005").score == Exact("1.01")!)
    }

    @Test func linear() throws {
        // (86 − 50)/(100 − 50) = 0.72 → 7.2; clamped below 0 and above 1.
        #expect(try indicatorScore("method: linear\nzero: 50\nfull: 100", "86").score == Exact("7.2")!)
        #expect(try indicatorScore("method: linear\nzero: 50\nfull: 100", "40").score == 0)
        #expect(try indicatorScore("method: linear\nzero: 50\nfull: 100", "120").score == 10)
        // Lower is better: full below zero. (30 − 60)/(0 − 60) = 0.5 → 5.
        #expect(try indicatorScore("method: linear\nzero: 60\nfull: 0", "30").score == 5)
    }

    @Test func bands() throws {
        let bands = "method: bands\nbands:\n  - {min: 80, points: 10}\n  - {min: 70, points: 6}\nelse: 1"
        #expect(try indicatorScore(bands, "80").score == 10)  // min means value ≥ min
        #expect(try indicatorScore(bands, "79.99").score == 6)
        #expect(try indicatorScore(bands, "10").score == 1)  // else
        let lower = "method: bands\nbands:\n  - {max: 1, points: 10}\n  - {max: 3, points: 5}"
        #expect(try indicatorScore(lower, "1").score == 10)  // max means value ≤ max
        #expect(try indicatorScore(lower, "2").score == 5)
        #expect(try indicatorScore(lower, "4").score == 0)  // else defaults to 0
    }

    @Test func deductCountsAndOccurrences() throws {
        #expect(try indicatorScore("method: deduct\nper: 2", "3").score == 4)  // 10 − 2 × 3
        #expect(try indicatorScore("method: deduct\nper: 2", "1.5").score == 7)  // fractions allowed
        #expect(try indicatorScore("method: deduct\nper: 4", "3").score == 0)  // 扣完为止
        // A list of occurrences: a bare string counts 1, {count} counts its count → 1 + 2 = 3 → 10 − 6 = 4.
        #expect(try indicatorScore("method: deduct\nper: 2", "[迟报一次, {note: 漏报, count: 2}]").score == 4)
    }

    @Test func deductWithThresholdAndEachStepsMode() throws {
        // threshold 98, value 95.5: shortfall 2.5 with step 1.
        let base = "method: deduct\nthreshold: 98\nper: 0.5"
        #expect(try indicatorScore(base, "95.5").score == Exact("8.75")!)  // exact: 10 − 0.5 × 2.5
        #expect(try indicatorScore(base + "\nsteps: floor", "95.5").score == 9)  // floor: 2 steps
        #expect(try indicatorScore(base + "\nsteps: ceil", "95.5").score == Exact("8.5")!)  // ceil: 3 steps
        #expect(try indicatorScore(base, "99").score == 10)  // above threshold: none
        // step 10, ceil: 100 − 92 = 8 → 1 step → 10 − 1 = 9.
        #expect(try indicatorScore("method: deduct\nthreshold: 100\nstep: 10\nsteps: ceil\nper: 1", "92").score == 9)
        // lower is better: value above threshold is the shortfall. 5 − 3 = 2 → 10 − 2 × 2 = 6.
        #expect(try indicatorScore("method: deduct\nthreshold: 3\nper: 2\ndirection: lower", "5").score == 6)
    }

    @Test func checklistWithFractions() throws {
        let items =
            "method: checklist\nitems:\n  - {id: a1, name: 甲项, points: 4}\n  - {id: a2, name: 乙项, points: 3}\n  - {id: a3, name: 丙项, points: 3}"
        #expect(try indicatorScore(items, "[a1, a3]").score == 7)
        // 4 × 1 + 3 × 0.5 + 3 × 0 = 5.5
        #expect(try indicatorScore(items, "{a1: true, a2: 0.5, a3: false}").score == Exact("5.5")!)
        #expect(try indicatorScore(items, "[]").score == 0)
    }

    @Test func levelsAndYesNo() throws {
        let levels = "method: levels\nlevels: {好: 1, 较好: 0.8, 一般: 0.6, 差: 0}"
        #expect(try indicatorScore(levels, "较好").score == 8)
        #expect(try indicatorScore("method: yesno", "是").score == 10)
        #expect(try indicatorScore("method: yesno", "否").score == 0)
        #expect(try indicatorScore("method: yesno\nno_points: 4", "false").score == 4)
        #expect(try indicatorScore("method: yesno", "true").score == 10)
    }

    @Test func rankCompetitionStyle() throws {
        // Values 10, 9, 9 → positions 1, 2, 2. top 1, step 1.5 → 10, 8.5, 8.5.
        let rubric = oneIndicatorRubric("method: rank\nstep: 1.5")
        let docs = [("a", "9"), ("b", "10"), ("c", "9")].map { "organization: \($0.0)\nindicators: {x: \($0.1)}" }
        let result = try score(rubric, docs)
        #expect(result.organization("b")!.indicator("x")!.score == 10)
        #expect(result.organization("a")!.indicator("x")!.score == Exact("8.5")!)
        #expect(result.organization("c")!.indicator("x")!.score == Exact("8.5")!)
    }

    @Test func rankMinimumAndDirection() throws {
        // lower is better: 1 < 2 < 3 → a(3) is third; top 1, step 4, min 3: 10 − 4 × 2 = 2 → min 3.
        let rubric = oneIndicatorRubric("method: rank\nstep: 4\nmin: 3\ndirection: lower")
        let docs = [("a", "3"), ("b", "1"), ("c", "2")].map { "organization: \($0.0)\nindicators: {x: \($0.1)}" }
        let result = try score(rubric, docs)
        #expect(result.organization("a")!.indicator("x")!.score == 3)
        #expect(result.organization("c")!.indicator("x")!.score == 6)
    }

    @Test func averageWithTrimming() throws {
        // Trim 1 of 5: drop 95 and 85 → mean(88, 90, 92) = 90 → 10 × 90/100 = 9.
        #expect(try indicatorScore("method: average\ntrim: 1", "[92, 88, 95, 90, 85]").score == 9)
        // Too few numbers to trim (4 − 2 < 3): mean(80, 90, 100, 70) = 85 → 8.5.
        #expect(try indicatorScore("method: average\ntrim: 1", "[80, 90, 100, 70]").score == Exact("8.5")!)
        // scale 5: mean 4 → 10 × 4/5 = 8.
        #expect(try indicatorScore("method: average\nscale: 5", "[3, 5]").score == 8)
    }

    @Test func manualIsTheScore() throws {
        #expect(try indicatorScore("method: manual", "7.255").score == Exact("7.26")!)
    }

    @Test func missingZero() throws {
        let rubric = oneIndicatorRubric("method: yesno\nmissing: zero")
        let result = try score(rubric, ["a", "b", "c"].map { "organization: \($0)" })
        #expect(result.organization("a")!.indicator("x")!.score == 0)
    }
}
