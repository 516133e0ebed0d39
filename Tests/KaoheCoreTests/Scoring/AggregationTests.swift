import Testing
@testable import KaoheCore

/// Two dimensions, a survey block, bonus and penalty with caps; organization b has a 个性指标 of its own.
let aggregationRubric = """
    kaohe: 1
    assessment: {id: agg, title: 汇总测试, year: 2024, total: 100}
    categories: [{id: m, name: 群团}]
    organizations: [{id: a, name: 甲}, {id: b, name: 乙}]
    blocks:
      - {id: p, name: 目标任务, weight: 80, source: indicators}
      - id: s
        name: 社会评价
        weight: 20
        source: survey
        survey:
          answers: {满意: 100, 基本满意: 70, 不满意: 30, 不了解: null}
          groups: [{id: staff, name: 干部职工, weight: 4}, {id: towns, name: 乡镇, weight: 7}, {id: leaders, name: 领导, weight: 4}]
          trim: 1
    dimensions:
      - id: d1
        name: 党建
        points: 40
        indicators:
          - {id: i1, name: 学习, points: 20, method: manual}
          - {id: i2, name: 制度, points: 20, method: manual}
      - id: d2
        name: 业务
        points: 60
        indicators:
          - {id: common, name: 共性, points: 30, method: manual}
          - {id: own.a, name: 甲个性, points: 30, method: manual, applies_to: [a]}
          - {id: own.b, name: 乙个性, points: 20, method: manual, applies_to: [b]}
    bonus:
      cap: 3
      items:
        - {id: award, name: 表彰, points: 2}
        - {id: media, name: 宣传, points: 0.5, cap: 1}
    penalties:
      cap: 4
      items:
        - {id: petition, name: 上访, points: 1.5}
    grades: [{name: 合格, min: 60}, {name: 不合格}]
    """

func aggregate(a: String, b: String) throws -> AssessmentResult {
    try score(aggregationRubric, ["organization: a\n" + a, "organization: b\n" + b])
}

@Suite struct AggregationTests {
    static let fullA = "indicators: {i1: 20, i2: 20, common: 30, own.a: 30}\nsurvey: {staff: {满意: 10}}"
    static let fullB = "indicators: {i1: 20, i2: 20, common: 30, own.b: 20}\nsurvey: {staff: {满意: 10}}"

    @Test func rescalesDimensionWhenApplicablePointsDiffer() throws {
        // b's applicable points in d2 are 30 + 20 = 50 ≠ 60: score = round(sum × 60/50).
        // common 25 + own.b 13.33 = 38.33 → 38.33 × 60 / 50 = 45.996 → 46.00.
        let r = try aggregate(a: Self.fullA, b: "indicators: {i1: 20, i2: 20, common: 25, own.b: 13.333}\nsurvey: {staff: {满意: 1}}")
        let d2 = r.organization("b")!.dimension("d2")!
        #expect(d2.applicablePoints == 50)
        #expect(d2.sum == Exact("38.33")!)
        #expect(d2.score == 46)
        #expect(d2.isRescaled)
        // a's points add up to 60: the exact sum, no rescaling.
        #expect(r.organization("a")!.dimension("d2")!.isRescaled == false)
    }

    @Test func blockContributionsAndFinal() throws {
        // a: d1 = 17.5 + 20, d2 = 30 + 27.25 → 94.75; contribution 94.75 × 80/100 = 75.8.
        // survey: staff (满意 3, 基本满意 1) → (300 + 70)/4 = 92.5; towns: numeric [80, 90, 100, 70, 60] trimmed → 80;
        // leaders absent → left out. Block = (4 × 92.5 + 7 × 80)/11 = 930/11 = 84.545… → 84.55; × 20/100 = 16.91.
        let r = try aggregate(
            a: "indicators: {i1: 17.5, i2: 20, common: 30, own.a: 27.25}\nsurvey: {staff: {满意: 3, 基本满意: 1, 不了解: 5}, towns: [80, 90, 100, 70, 60]}",
            b: Self.fullB)
        let a = r.organization("a")!
        #expect(a.block("p")!.score == Exact("94.75")!)
        #expect(a.block("p")!.contribution == Exact("75.8")!)
        let survey = a.block("s")!
        #expect(survey.survey!.map(\.score) == [Exact("92.5")!, 80, nil])
        #expect(survey.score == Exact("84.55")!)
        #expect(survey.contribution == Exact("16.91")!)
        #expect(a.final == Exact("92.71")!)
    }

    @Test func groupWithNoValidVotesIsLeftOutNotZero() throws {
        // towns has only 不了解: left out. Block = staff alone = 70, not (4 × 70 + 7 × 0)/11.
        let r = try aggregate(
            a: "indicators: {i1: 20, i2: 20, common: 30, own.a: 30}\nsurvey: {staff: {基本满意: 2}, towns: {不了解: 9}}",
            b: Self.fullB)
        let s = r.organization("a")!.block("s")!
        #expect(s.score == 70)
        #expect(s.survey!.first { $0.id == "towns" }!.score == nil)
    }

    @Test func tooFewBallotsToTrim() throws {
        // trim 1 with 4 ballots leaves 2 < 3: no trimming → mean(60, 70, 80, 90) = 75.
        let r = try aggregate(a: "indicators: {i1: 20, i2: 20, common: 30, own.a: 30}\nsurvey: {leaders: [60, 70, 80, 90]}", b: Self.fullB)
        #expect(r.organization("a")!.block("s")!.score == 75)
    }

    @Test func noValidVoteAnywhereIsAnError() throws {
        #expect(throws: InputErrors.self) {
            try aggregate(a: "indicators: {i1: 20, i2: 20, common: 30, own.a: 30}\nsurvey: {staff: {不了解: 3}}", b: Self.fullB)
        }
    }

    @Test func bonusItemCapTotalCapAndPenalty() throws {
        // Bonus: award 2 × 1 = 2; media 0.5 × 5 = 2.5 capped at 1 → 3, total cap 3 → 3 (binding with one more award).
        // Two award entries add up before caps: 2 × 2 = 4; + media 1 = 5 → cap 3.
        let r = try aggregate(
            a: Self.fullA + "\nbonus: [award, {item: award}, {item: media, count: 5}]\npenalties: [{item: petition, count: 2}]",
            b: Self.fullB + "\npenalties: [{item: petition, count: 3}]")
        let a = r.organization("a")!
        #expect(a.bonus.lines.map(\.capped) == [4, 1])
        #expect(a.bonus.sum == 5)
        #expect(a.bonus.total == 3)
        #expect(a.penalty.total == 3)
        // 80 + 20 + 3 − 3 = 100.
        #expect(a.final == 100)
        // b: penalty 1.5 × 3 = 4.5 → cap 4.
        #expect(r.organization("b")!.penalty.total == 4)
    }

    @Test func finalIsFlooredAtZero() throws {
        let r = try aggregate(
            a: "indicators: {i1: 0, i2: 0, common: 0, own.a: 0}\nsurvey: {staff: {不满意: 1}}\npenalties: [{item: petition, count: 3}]",
            b: Self.fullB)
        // 0 + 30 × 20/100 = 6; minus 4 (cap) = 2 — still above 0; add more to go below.
        #expect(r.organization("a")!.final == 2)
        let lower = try aggregate(
            a: "indicators: {i1: 0, i2: 0, common: 0, own.a: 0}\nsurvey: {staff: [0, 0, 10]}\npenalties: [{item: petition, count: 3}]",
            b: Self.fullB)
        // survey 3.33 × 0.2 = 0.67 − 4 → floored at 0.
        #expect(lower.organization("a")!.final == 0)
    }

    @Test func printedPartsAddUpToPrintedTotals() throws {
        let r = try aggregate(
            a: "indicators: {i1: 13.337, i2: 19.995, common: 21.115, own.a: 7.7777}\nsurvey: {staff: {满意: 7, 基本满意: 3}, towns: [77, 81, 93]}",
            b: "indicators: {i1: 1.005, i2: 2.675, common: 29.994, own.b: 19.995}\nsurvey: {towns: [88]}")
        for org in r.organizations {
            for d in org.dimensions {
                #expect(
                    d.sum
                        == org.indicators.filter { i in r.rubric.dimensions.first { $0.id == d.id }!.indicators.contains { $0.id == i.id } }.map(
                            \.score
                        ).sum())
            }
            #expect(org.block("p")!.score == org.dimensions.map(\.score).sum())
            #expect(org.final == org.blocks.map(\.contribution).sum() + org.bonus.total - org.penalty.total)
            for x in org.indicators.map(\.score) + org.blocks.map(\.contribution) { #expect(x == x.rounded(2)) }
        }
    }
}

@Suite struct SchemeTests {
    @Test func schemeChangesWeightsAndRescalesPointParameters() throws {
        var d = Diagnostics()
        let r = try rubric(oneIndicatorRubric("method: deduct\nper: 2", points: "10"))
        let scheme = SchemeLoader.load("name: 加权\nindicators: {x: 5}", file: "weights/w.yaml", rubric: r, diagnostics: &d)
        #expect(d.all.isEmpty)
        // With 5 points, per scales to 1: 5 − 1 × 3 = 2 (the same shape as 10 − 2 × 3 = 4, halved).
        let data = try data(
            ["organization: a\nindicators: {x: 3}", "organization: b\nindicators: {x: 0}", "organization: c\nindicators: {x: 9}"], for: r)
        let result = try Scorer(rubric: r, scheme: scheme).score(data)
        #expect(result.organization("a")!.indicator("x")!.score == 2)
        #expect(result.organization("c")!.indicator("x")!.score == 0)
        // The dimension (10 points) is rescaled from the indicator's 5 applicable points: 2 × 10/5 = 4.
        #expect(result.organization("a")!.dimension("d")!.score == 4)
    }

    @Test func schemeSumsMustHold() {
        var d = Diagnostics()
        let r = try! rubric(aggregationRubric)
        _ = SchemeLoader.load("blocks: {p: 70}\ndimensions: {d1: 50}", file: "weights/bad.yaml", rubric: r, diagnostics: &d)
        let messages = d.errors.map { $0.description(in: .en) }
        #expect(messages.contains { $0.hasPrefix("weights/bad.yaml:1:") && $0.contains("block weights add up to 90") && $0.contains("total is 100") })
        #expect(
            messages.contains { $0.hasPrefix("weights/bad.yaml:2:") && $0.contains("dimension points add up to 110") && $0.contains("scale is 100") })
    }
}

@Suite struct ManualUnderSchemeTests {
    @Test func aManualScoreScalesWithTheIndicatorsPoints() throws {
        let r = try rubric(oneIndicatorRubric("method: manual", points: "5"))
        let d = try data(
            ["organization: a\nindicators: {x: 4}", "organization: b\nindicators: {x: 5}", "organization: c\nindicators: {x: 2.5}"], for: r)
        // 4 of 5 points keeps its shape at 10 points: 8. Under the rubric's own points it is the value itself.
        let scheme = WeightScheme(name: "加倍", indicators: ["x": 10])
        #expect(try Scorer(rubric: r, scheme: scheme).score(d).organization("a")!.indicator("x")!.score == 8)
        #expect(try Scorer(rubric: r).score(d).organization("a")!.indicator("x")!.score == 4)
    }
}
