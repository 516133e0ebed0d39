import Testing
@testable import KaoheCore

/// A rubric whose final score is the manual value of one 100-point indicator, for ranking and grading tests.
func gradingRubric(
    organizations: [String], grades: String, tieBreak: String = "", vetoes: String = "",
    blocks: String? = nil
) -> String {
    """
    kaohe: 1
    assessment: {id: g, title: 等次测试, year: 2024, total: 100}
    organizations: [\(organizations.map { "{id: \($0), name: \($0)}" }.joined(separator: ", "))]
    blocks: \(blocks ?? "[{id: p, name: 实绩, weight: 100, source: indicators}]")
    dimensions:
      - {id: d, name: 维度, points: 100, indicators: [{id: x, name: 指标, points: 100, method: manual}]}
    vetoes: [\(vetoes)]
    grades: \(grades)
    ranking: {within: all\(tieBreak.isEmpty ? "" : ", tie_break: [\(tieBreak)]")}
    """
}

let standardGrades = "[{name: 优秀, min: 90, quota: 0.3}, {name: 良好, min: 80}, {name: 合格, min: 60}, {name: 不合格}]"

/// Scores organizations with the given final scores and vetoes; returns id → (rank, grade).
func grade(_ finals: [(String, String, [String])], grades: String = standardGrades, vetoes: String = "") throws -> [String: (Int, String)] {
    let rubric = gradingRubric(organizations: finals.map(\.0), grades: grades, vetoes: vetoes)
    let docs = finals.map { id, value, v in "organization: \(id)\nindicators: {x: \(value)}\nvetoes: [\(v.joined(separator: ", "))]" }
    let result = try score(rubric, docs)
    return Dictionary(uniqueKeysWithValues: result.organizations.map { ($0.organization.id, ($0.rank, $0.grade)) })
}

@Suite struct RankingTests {
    @Test func competitionRanksShareAndSkip() throws {
        let r = try grade([("a", "95", []), ("b", "93", []), ("c", "93", []), ("d", "85", [])])
        #expect(r.mapValues(\.0) == ["a": 1, "b": 2, "c": 2, "d": 4])
    }

    @Test func tieBreakComparesBlockContributions() throws {
        // Both finals 90: a = 70 + 20, b = 72 + 18 → the tie-break on block p puts b first.
        let yaml = """
            kaohe: 1
            assessment: {id: g, title: t, year: 2024, total: 100}
            organizations: [{id: a, name: a}, {id: b, name: b}, {id: c, name: c}]
            blocks:
              - {id: p, name: 实绩, weight: 80, source: indicators}
              - {id: s, name: 评价, weight: 20, source: survey, survey: {answers: {}, groups: [{id: g, name: 群体, weight: 1}]}}
            dimensions:
              - {id: d, name: 维度, points: 100, indicators: [{id: x, name: 指标, points: 100, method: manual}]}
            grades: [{name: 合格, min: 60}, {name: 不合格}]
            ranking: {within: all, tie_break: [p]}
            """
        // a: 87.5 × 0.8 = 70, survey 100 → 20 → 90. b: 90 × 0.8 = 72, survey 90 → 18 → 90. c: same as a.
        let docs = [("a", "87.5", "[100, 100, 100]"), ("b", "90", "[90, 90, 90]"), ("c", "87.5", "[100, 100, 100]")]
            .map { "organization: \($0.0)\nindicators: {x: \($0.1)}\nsurvey: {g: \($0.2)}" }
        let result = try score(yaml, docs)
        #expect(result.organizations.map(\.final) == [90, 90, 90])
        #expect(result.organization("b")!.rank == 1)
        #expect(result.organization("a")!.rank == 2)
        #expect(result.organization("c")!.rank == 2)
    }

    @Test func gradeVetoedOrganizationsRankLast() throws {
        // The top scorer is vetoed: ranked after everyone (3 of 3), the others move up.
        let r = try grade(
            [("a", "99", ["v"]), ("b", "92", []), ("c", "85", [])],
            vetoes: "{id: v, name: 违纪, effect: {grade: 不合格}}")
        #expect(r["a"]! == (3, "不合格"))
        #expect(r["b"]!.0 == 1)
        #expect(r["c"]!.0 == 2)
    }
}

@Suite struct GradingTests {
    @Test func scoreBands() throws {
        let r = try grade(
            [("a", "90", []), ("b", "89.99", []), ("c", "60", []), ("d", "59.99", [])],
            grades: "[{name: 优秀, min: 90}, {name: 良好, min: 80}, {name: 合格, min: 60}, {name: 不合格}]")
        #expect(r.mapValues(\.1) == ["a": "优秀", "b": "良好", "c": "合格", "d": "不合格"])
    }

    @Test func quotaAdmitsBestRankedAndOverflowFallsToNextBand() throws {
        // 7 organizations, quota 0.3 → floor(2.1) = 2 places; five are ≥ 90.
        let finals = ["99", "98", "97", "96", "95", "70", "50"].enumerated().map { ("o\($0.offset)", $0.element, [String]()) }
        let r = try grade(finals)
        #expect(["o0", "o1"].map { r[$0]!.1 } == ["优秀", "优秀"])
        #expect(["o2", "o3", "o4"].map { r[$0]!.1 } == ["良好", "良好", "良好"])
    }

    @Test func quotaRoundingModes() throws {
        let finals = ["99", "98", "97", "96", "95", "94", "93"].enumerated().map { ("o\($0.offset)", $0.element, [String]()) }
        func excellent(_ rounding: String) throws -> Int {
            try grade(finals, grades: "[{name: 优秀, min: 90, quota: 0.3, quota_rounding: \(rounding)}, {name: 不合格}]")
                .values.filter { $0.1 == "优秀" }.count
        }
        #expect(try excellent("floor") == 2)  // 7 × 0.3 = 2.1
        #expect(try excellent("ceil") == 3)
        #expect(try excellent("round") == 2)
        let five = Array(finals.prefix(5))  // 5 × 0.3 = 1.5 → round 2, floor 1
        #expect(
            try grade(five, grades: "[{name: 优秀, min: 90, quota: 0.3, quota_rounding: round}, {name: 不合格}]")
                .values.filter { $0.1 == "优秀" }.count == 2)
    }

    @Test func tieStraddlingQuotaExcludeAndInclude() throws {
        // 10 organizations, quota 0.3 → 3 places. Ranks 1, 2, 3, 3: the tie at 3 straddles the line.
        let finals = ["99", "98", "97", "97", "91", "85", "80", "75", "70", "65"].enumerated().map { ("o\($0.offset)", $0.element, [String]()) }
        let exclude = try grade(finals)
        #expect(finals.filter { exclude[$0.0]!.1 == "优秀" }.map(\.0) == ["o0", "o1"])
        #expect(exclude["o2"]!.1 == "良好" && exclude["o3"]!.1 == "良好")
        // The band closes at the straddling tie: rank 5 (91) does not take the free place.
        #expect(exclude["o4"]!.1 == "良好")
        let include = try grade(finals, grades: "[{name: 优秀, min: 90, quota: 0.3, quota_ties: include}, {name: 良好, min: 80}, {name: 不合格}]")
        #expect(finals.filter { include[$0.0]!.1 == "优秀" }.map(\.0) == ["o0", "o1", "o2", "o3"])
        #expect(include["o4"]!.1 == "良好")
    }

    @Test func tieStartingAfterTheQuotaIsFullIsOutsideWithInclude() throws {
        // 10 organizations, 3 places; ranks 1, 2, 3, 4, 4 → the tie at 4 starts after the band is full.
        let finals = ["99", "98", "97", "96", "96", "85", "80", "75", "70", "65"].enumerated().map { ("o\($0.offset)", $0.element, [String]()) }
        let r = try grade(finals, grades: "[{name: 优秀, min: 90, quota: 0.3, quota_ties: include}, {name: 良好, min: 80}, {name: 不合格}]")
        #expect(finals.filter { r[$0.0]!.1 == "优秀" }.map(\.0) == ["o0", "o1", "o2"])
    }

    @Test func vetoOnTheTopOrganizationPassesItsQuotaPlaceOn() throws {
        // 7 organizations, 2 places. The top one is capped at 良好 (max_grade): it takes no place,
        // so ranks 2 and 3 are 优秀.
        let finals: [(String, String, [String])] = [
            ("top", "99", ["cap"]), ("b", "98", []), ("c", "97", []), ("d", "96", []),
            ("e", "70", []), ("f", "65", []), ("g", "60", [])
        ]
        let r = try grade(finals, vetoes: "{id: cap, name: 重点工作未完成, effect: {max_grade: 良好}}")
        #expect(r["top"]! == (1, "良好"))
        #expect(r["b"]!.1 == "优秀" && r["c"]!.1 == "优秀")
        #expect(r["d"]!.1 == "良好")
        // A forced grade also frees the place, and ranks the organization last.
        let forced = try grade(
            finals.map { ($0.0, $0.1, $0.0 == "top" ? ["v"] : []) },
            vetoes: "{id: v, name: 违纪, effect: {grade: 不合格}}")
        #expect(forced["top"]! == (7, "不合格"))
        #expect(forced["b"]! == (1, "优秀"))
        #expect(forced["c"]! == (2, "优秀"))
    }

    @Test func demoteAppliesAfterQuotaAndKeepsThePlace() throws {
        // 7 organizations, 2 places. The top one is demoted one grade after quotas: it keeps its place
        // (rank 3 does not become 优秀) and ends 良好.
        let finals: [(String, String, [String])] = [
            ("top", "99", ["down"]), ("b", "98", []), ("c", "97", []),
            ("d", "85", []), ("e", "70", []), ("f", "65", []), ("g", "60", [])
        ]
        let r = try grade(finals, vetoes: "{id: down, name: 安全事故, effect: {demote: 1}}")
        #expect(r["top"]! == (1, "良好"))
        #expect(r["b"]!.1 == "优秀")
        #expect(r["c"]!.1 == "良好")
        // Demotions add up and stop at the lowest band.
        let twice = try grade(
            [("a", "65", ["down", "down2"]), ("b", "99", [])],
            vetoes: "{id: down, name: 甲, effect: {demote: 1}}, {id: down2, name: 乙, effect: {demote: 2}}")
        #expect(twice["a"]!.1 == "不合格")
    }

    @Test func severalVetoesLowestForcedGradeWinsAndCapsApply() throws {
        let vetoes = "{id: f1, name: 甲, effect: {grade: 合格}}, {id: f2, name: 乙, effect: {grade: 不合格}}, {id: c, name: 丙, effect: {max_grade: 良好}}"
        let r = try grade([("a", "99", ["f1", "f2"]), ("b", "99", ["f1"]), ("c", "95", ["c"])], vetoes: vetoes)
        #expect(r["a"]!.1 == "不合格")
        #expect(r["b"]!.1 == "合格")
        #expect(r["c"]!.1 == "良好")
        // Both grade-vetoed ones rank after c, among themselves by score (99 = 99: shared rank 2).
        #expect(r["c"]!.0 == 1 && r["a"]!.0 == 2 && r["b"]!.0 == 2)
    }

    @Test func quotaOverflowCountsAgainstTheNextBandsQuota() throws {
        // 10 organizations: 优秀 quota 0.2 → 2, 良好 quota 0.3 → 3. Six score ≥ 90.
        let finals = ["99", "98", "97", "96", "95", "94", "70", "65", "62", "61"].enumerated().map { ("o\($0.offset)", $0.element, [String]()) }
        let r = try grade(finals, grades: "[{name: 优秀, min: 90, quota: 0.2}, {name: 良好, min: 80, quota: 0.3}, {name: 合格, min: 60}, {name: 不合格}]")
        #expect(finals.map { r[$0.0]!.1 } == ["优秀", "优秀", "良好", "良好", "良好", "合格", "合格", "合格", "合格", "合格"])
    }
}
