import Testing
@testable import KaoheCore

/// Scoring keeps what each method did as figures (`MethodStep`, `GradeStep`); `WorkingText` words them in either
/// language. Expectations written by hand from the rules (rubric-format.md §5, §8).
@Suite struct WorkingTextTests {
    func both(_ r: IndicatorResult) -> (zh: String, en: String) { (WorkingText(.zh).working(r), WorkingText(.en).working(r)) }

    @Test func ratioKeepsTheExactRatioAndWhereItMetTheLimits() throws {
        let capped = try indicatorScore("method: ratio\ntarget: 90\ncap: 1.1", "105")
        // 105 / 90 = 7/6, above the cap 1.1.
        #expect(capped.step == .ratio(ratio: Exact(7, over: 6), limit: .capped))
        #expect(both(capped).zh == "完成率 105 ÷ 90 = 116.7%（超过上限 110.0%，按 110.0% 计）；得分 10 × 1.1 = 11.00")
        #expect(both(capped).en == "completion 105 ÷ 90 = 116.7% (above the cap 110.0%, counted as 110.0%); score 10 × 1.1 = 11.00")
        let low = try indicatorScore("method: ratio\ntarget: 90\nfloor: 0.6", "50")
        #expect(low.step == .ratio(ratio: Exact(5, over: 9), limit: .belowFloor))
        #expect(both(low).zh == "完成率 50 ÷ 90 = 55.6% < 下限 0.6, 得 0 分 = 0.00")
        #expect(both(low).en == "completion 50 ÷ 90 = 55.6% < floor 0.6, 0 points = 0.00")
        let lower = try indicatorScore("method: ratio\ntarget: 2\ndirection: lower", "0")
        #expect(both(lower).zh == "越低越好，实际值为 0，完成率取上限 100.0%；得分 10 × 1 = 10.00")
        #expect(both(lower).en == "lower is better; the value is 0, so the rate is the cap 100.0%; score 10 × 1 = 10.00")
    }

    @Test func deductShowsTheShortfallAndTheStepsCounted() throws {
        let r = try indicatorScore("method: deduct\nthreshold: 98\nper: 0.5\nsteps: ceil", "95.5")
        #expect(r.step == .occurrences(3))
        #expect(both(r).zh == "标准 98, 实际 95.5, 低于标准 2.5, 每 1 为一档（不足一档按一档计，向上取整）计 3 档; 10 − 0.5 × 3 = 8.5 (扣完为止) = 8.50")
        #expect(
            both(r).en
                == "standard 98, value 95.5, below it by 2.5, one step per 1 (a part step counts as one, rounded up): 3 steps; 10 − 0.5 × 3 = 8.5 (not below 0) = 8.50"
        )
        let listed = try indicatorScore("method: deduct\nper: 2", "[迟报一次, {note: 漏报, count: 2}]")
        #expect(listed.step == .occurrences(3))
        #expect(WorkingText(.zh).deductionNote(listed) == "扣 6.00: 发生 3 次; 10 − 2 × 3 = 4 (扣完为止)")
        #expect(WorkingText(.en).deductionNote(listed) == "lost 6.00: 3 occurrences; 10 − 2 × 3 = 4 (not below 0)")
        #expect(WorkingText(.zh).value(listed) == "2 项:迟报一次;漏报(2 次)")
        #expect(WorkingText(.en).value(listed) == "2 items: 迟报一次; 漏报 (2 times)")
    }

    @Test func checklistMarksAreKeptInTheOrderGiven() throws {
        let items =
            "method: checklist\nitems:\n  - {id: a1, name: 甲项, points: 4}\n  - {id: a2, name: 乙项, points: 3}\n  - {id: a3, name: 丙项, points: 3}"
        let r = try indicatorScore(items, "{a1: true, a2: 0.5, a3: false}")
        #expect(r.step == .checklist([.init(id: "a1", fraction: 1), .init(id: "a2", fraction: Exact(1, over: 2)), .init(id: "a3", fraction: 0)]))
        #expect(both(r).zh == "完成: 甲项 4 + 乙项 3×0.5 + 丙项 3×0 = 5.5; 未(全部)完成: 乙项、丙项 = 5.50")
        #expect(both(r).en == "done: 甲项 4 + 乙项 3×0.5 + 丙项 3×0 = 5.5; not (fully) done: 乙项, 丙项 = 5.50")
        #expect(WorkingText(.zh).value(r) == "甲项:完成、乙项:完成0.5、丙项:未完成")
    }

    @Test func otherMethodsInBothLanguages() throws {
        let band = try indicatorScore("method: bands\nbands: [{min: 90, points: 10}, {min: 50, points: 4}]", "60")
        #expect(band.step == .band(reached: 1))
        #expect(both(band) == ("60 ≥ 50, 该档 4 分 = 4.00", "60 ≥ 50, band of 4 points = 4.00"))
        let none = try indicatorScore("method: bands\nbands: [{min: 90, points: 10}]\nelse: 1", "60")
        #expect(none.step == .band(reached: nil))
        #expect(both(none) == ("60 未达任何档次, 得 1 分 = 1.00", "60 reaches no band, 1 points = 1.00"))
        let linear = try indicatorScore("method: linear\nzero: 50\nfull: 100", "40")
        #expect(both(linear).zh == "完成比例 （40 − 50）÷（100 − 50） = 0.0%，未超过 50 不得分（50 及以下得 0 分，100 得满分）；得分 10 × 0 = 0.00")
        #expect(both(linear).en == "share (40 − 50) ÷ (100 − 50) = 0.0%, nothing up to 50 (50 or less scores 0, 100 full marks); score 10 × 0 = 0.00")
        let level = try indicatorScore("method: levels\nlevels: {好: 1, 较好: 0.8}", "较好")
        #expect(both(level) == ("评价为「较好」, 得分比例 0.8; 得分 = 10 × 0.8 = 8.00", "rated '较好', share 0.8; score = 10 × 0.8 = 8.00"))
        let no = try indicatorScore("method: yesno\nno_points: 4", "否")
        #expect(no.step == .yesno)
        #expect(both(no) == ("否, 得 4 分 = 4.00", "no, 4 points = 4.00"))
        let average = try indicatorScore("method: average\nscale: 100\ntrim: 1", "[90, 80, 70, 60, 100]")
        #expect(average.step == .average(count: 3, trimmed: true))
        #expect(both(average).zh == "去掉最高、最低各 1 个后 3 个数平均 = 80; 得分 = 10 × 平均 ÷ 100 = 8.00")
        #expect(both(average).en == "highest and lowest 1 dropped, mean of 3 numbers = 80; score = 10 × mean ÷ 100 = 8.00")
        let manual = try indicatorScore("method: manual", "7.5")
        #expect(both(manual) == ("直接评分 7.5 = 7.50", "scored directly 7.5 = 7.50"))
    }

    @Test func aSchemeThatChangesThePointsIsNamed() throws {
        let r = try rubric(oneIndicatorRubric("method: yesno\nno_points: 4"))
        let scheme = WeightScheme(name: "s", dimensions: ["d": 20], indicators: ["x": 20])
        let result = try Scorer(rubric: r, scheme: scheme).score(data(["organization: a\nindicators:\n  x: 否"], for: r))
        let x = result.organization("a")!.indicator("x")!
        #expect(WorkingText(.zh).working(x) == "否, 得 4 分 (按权重方案分值 20 ÷ 10 等比折算) = 8.00")
        #expect(WorkingText(.en).working(x) == "no, 4 points (scaled by the scheme's points 20 ÷ 10) = 8.00")
    }

    @Test func aMissingValueAndAValueTheMethodCannotUse() throws {
        let r = try rubric(oneIndicatorRubric("method: yesno\nmissing: zero"))
        let result = try Scorer(rubric: r).score(data(["organization: a\nindicators: {}"], for: r))
        let x = result.organization("a")!.indicator("x")!
        #expect(x.step == nil)
        #expect(WorkingText(.zh).working(x) == "未报送数值, 按规则计 0 分 = 0.00")
        #expect(WorkingText(.en).value(x) == "not submitted")
    }

    @Test func gradingStepsAreFigures() throws {
        let yaml = oneIndicatorRubric("method: manual").replacingOccurrences(
            of: "grades: [{name: 合格, min: 60}, {name: 不合格}]",
            with: "grades: [{name: 优秀, min: 90, quota: 0.34, quota_ties: exclude}, {name: 合格, min: 60}, {name: 不合格}]")
        let result = try score(yaml, ["a", "b", "c"].map { "organization: \($0)\nindicators:\n  x: \($0 == "c" ? 5 : 9.5)" })
        let a = result.organization("a")!
        // a and b tie at 95 for one place (3 × 0.34 = 1.02, rounded down): neither takes it.
        let quota = GradeStep.QuotaPlace(
            grade: "优秀", places: 1, organizations: 3, quota: Exact("0.34")!, rounding: .floor, rank: 1, loweredTo: "合格", tiedAcrossLine: 2)
        #expect(a.grading.steps == [.scoreBand(final: 95, grade: "优秀", minimum: 90), .quota(quota)])
        #expect(
            WorkingText(.zh).grading(a, places: 2) == [
                "综合得分 95.00 达到「优秀」(≥ 90)", "「优秀」名额 1 (3 × 0.34 取向下取整): 排名第 1, 超出名额, 并列 2 个单位跨越名额线, 均不占名额, 降为「合格」"
            ])
        #expect(
            WorkingText(.en).grading(a, places: 2) == [
                "final score 95.00 reaches '优秀' (≥ 90)",
                "'优秀' quota 1 (3 × 0.34, rounded down): rank 1, outside the quota, 2 organizations tied across the quota line take no place, lowered to '合格'"
            ])
    }

    @Test func valuesAreSubstitutedOnceSoBracesInThemStay() {
        let template = MessageTemplate(en: "{0} and {1}", zh: "{1}与{0}")
        #expect(template.text(.en, ["{1}", "b"]) == "{1} and b")
        #expect(template.text(.zh, ["a", "{0}"]) == "{0}与a")
        #expect(MessageTemplate(en: "{0}", zh: "{0}").text(.en, []) == "{0}")
        // Placeholders at either end, side by side, beside non-ASCII text; half a placeholder stays.
        let edges = MessageTemplate(en: "{0}{1}", zh: "{1}得分{0}分{")
        #expect(edges.text(.en, ["甲", "乙"]) == "甲乙")
        #expect(edges.text(.zh, ["9.5", "县妇联"]) == "县妇联得分9.5分{")
        #expect(MessageTemplate(en: "", zh: "").text(.en, ["x"]) == "")
        #expect(MessageTemplate(en: "{9}{x}{", zh: "").text(.en, ["a"]) == "{9}{x}{")
    }
}
