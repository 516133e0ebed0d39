import Foundation
import Testing
@testable import KaoheCore
import TestSupport

/// Pins the results of the assessment shipped in rubrics/, so that any change in scoring shows up here.
@Suite struct BundledAssessmentTests {
    typealias Row = (id: String, rank: Int, final: String, grade: String)

    static func rows(_ scheme: String?) throws -> [Row] {
        let a = try AssessmentLoader.load(folder: bundledAssessment)
        let result = try Scorer(rubric: a.rubric, scheme: scheme.flatMap(a.scheme(named:))).score(a.data)
        return result.organizations.map { ($0.organization.id, $0.rank, $0.final.formatted(places: 2), $0.grade) }
    }

    static func expect(_ rows: [Row], _ pinned: [Row], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(rows.map { "\($0)" } == pinned.map { "\($0)" }, sourceLocation: sourceLocation)
    }

    @Test func loadsWithoutWarningsAndUsesEveryMethod() throws {
        let a = try AssessmentLoader.load(folder: bundledAssessment)
        #expect(a.warnings.isEmpty, "\(a.warnings)")
        #expect(Set(a.rubric.indicators.map(\.method.name)) == Set(ScoringMethod.allNames))
        #expect(a.data.count == a.rubric.organizations.count)
        #expect(a.dataFiles.contains { $0.path.hasSuffix(".csv") })
        #expect(a.schemes.count == 2)
    }

    @Test func scoringThatReleasesTheDataGivesTheSameResults() throws {
        let a = try AssessmentLoader.load(folder: bundledAssessment)
        let kept = try Scorer(rubric: a.rubric).score(a.data)
        var data = a.data
        let released = try Scorer(rubric: a.rubric).score(releasing: &data)
        #expect(data.isEmpty)
        #expect(released.organizations.map(\.organization.id) == kept.organizations.map(\.organization.id))
        for (r, k) in zip(released.organizations, kept.organizations) {
            #expect(r.final == k.final && r.rank == k.rank && r.grade == k.grade)
            #expect(r.indicators.map(\.score) == k.indicators.map(\.score))
            #expect(r.indicators.map(WorkingText.chinese.deductionNote) == k.indicators.map(WorkingText.chinese.deductionNote))
        }
    }

    @Test func loadingWithoutValueChecksLeavesThemToScoring() throws {
        let folder = try makeScratchDirectory("values") + "/assessment"
        try FileManager.default.copyItem(atPath: bundledAssessment, toPath: folder)
        let file = folder + "/data/union.yaml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "politics.ideology: {value: 好,", with: "politics.ideology: {value: 极好,")
            .write(toFile: file, atomically: true, encoding: .utf8)
        // Checked while loading, by default…
        #expect(throws: InputErrors.self) { try AssessmentLoader.load(folder: folder) }
        // …or by the scoring that follows, with the same problem at the same place.
        let a = try AssessmentLoader.load(folder: folder, checkingValues: false)
        var data = a.data
        let error = try #require(throws: InputErrors.self) { try Scorer(rubric: a.rubric).score(releasing: &data) }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics[0].description(in: .en).contains("union.yaml:6"))
        #expect(error.diagnostics[0].description(in: .en).contains("极好"))
    }

    @Test func rubricOwnWeights() throws {
        Self.expect(
            try Self.rows(nil),
            [
                ("union", 1, "101.02", "优秀"), ("youth", 2, "95.66", "优秀"), ("redcross", 3, "94.87", "良好"),
                ("disabled", 4, "93.66", "合格"), ("women", 5, "86.35", "良好"), ("overseas", 6, "86.08", "良好"),
                ("sci", 7, "79.02", "合格"), ("arts", 1, "93.32", "优秀"), ("commerce", 2, "93.32", "良好")
            ])
    }

    @Test func serviceWeightedScheme() throws {
        // 服务群众加权 swaps 团县委 and 县红十字会 (and who is 优秀), and 县文联 and 县工商联.
        Self.expect(
            try Self.rows("service-weighted"),
            [
                ("union", 1, "101.17", "优秀"), ("redcross", 2, "95.81", "优秀"), ("youth", 3, "94.39", "良好"),
                ("disabled", 4, "93.19", "合格"), ("overseas", 5, "85.93", "良好"), ("women", 6, "84.64", "良好"),
                ("sci", 7, "79.28", "合格"), ("commerce", 1, "93.06", "优秀"), ("arts", 2, "93.02", "良好")
            ])
    }

    @Test func satisfactionWeightedScheme() throws {
        // 满意度加权 swaps 县妇联 and 县侨联 and lifts 县科协 into 良好.
        Self.expect(
            try Self.rows("satisfaction-weighted"),
            [
                ("union", 1, "99.90", "优秀"), ("youth", 2, "95.62", "优秀"), ("redcross", 3, "94.79", "良好"),
                ("disabled", 4, "93.48", "合格"), ("overseas", 5, "87.99", "良好"), ("women", 6, "87.55", "良好"),
                ("sci", 7, "80.21", "良好"), ("arts", 1, "93.15", "优秀"), ("commerce", 2, "93.04", "良好")
            ])
    }

    @Test func showsTheRulesItWasWrittenFor() throws {
        let a = try AssessmentLoader.load(folder: bundledAssessment)
        let r = try Scorer(rubric: a.rubric).score(a.data)
        // A tie on the final score, broken by the 目标任务考核 contribution.
        let arts = r.organization("arts")!, commerce = r.organization("commerce")!
        #expect(arts.final == commerce.final && arts.rank == 1 && commerce.rank == 2)
        // 县残联: 优秀 by score, past the quota → 良好, then demoted by its veto → 合格.
        #expect(r.organization("disabled")!.grading.scoreBand == "优秀")
        #expect(r.organization("disabled")!.grading.afterQuotas == "良好")
        // 县侨联: 县级领导 has no valid vote (left out), and its 主责主业 is rescaled (§5.2).
        let overseas = r.organization("overseas")!
        #expect(overseas.block("satisfaction")!.survey!.first { $0.id == "leaders" }!.score == nil)
        #expect(overseas.dimension("service")!.isRescaled)
        // Self-scores differ from verified scores somewhere.
        #expect(r.organizations.flatMap(\.indicators).contains { $0.selfScore != nil && $0.selfScore != $0.score })
    }
}
