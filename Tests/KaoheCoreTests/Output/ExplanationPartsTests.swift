import Foundation
import Testing
@testable import KaoheCore

/// Printed parts add up to printed totals (rubric-format.md §12): a part is shown with every decimal it has.
@Suite struct ExplanationPartsTests {
    @Test func partsKeepTheirDecimalsWhenTotalsAreRounded() throws {
        let folder = bundledAssessment
        var rubricText = try String(contentsOfFile: folder + "/rubric.yaml", encoding: .utf8)
        rubricText = rubricText.replacingOccurrences(of: "decimals: 2", with: "decimals: 0")
        var d = Diagnostics()
        let rubric = try #require(RubricLoader.load(rubricText, file: "rubric.yaml", diagnostics: &d))
        let lookup = RubricLookup(rubric)
        let union = try String(contentsOfFile: folder + "/data/union.yaml", encoding: .utf8)
        var data = try #require(DataLoader.loadYAML(union, file: "union.yaml", lookup: lookup, diagnostics: &d))
        data.surveys = [:]
        // joint.submit and joint.completion come from the ledger.
        let ledger = try #require(LedgerLoader.load(assessment: folder, rubric: rubric, &d))
        var filled = [data]
        LedgerSnapshot(ledger: ledger, asOf: LedgerSnapshot.asOf(nil, rubric: rubric), settings: rubric.meeting).fill(&filled, rubric: rubric, &d)
        data = filled[0]
        #expect(!d.hasErrors, "\(d.all)")
        var indicatorsOnly = rubric
        indicatorsOnly.blocks.removeAll { $0.source == .survey }
        let result = try Scorer(rubric: indicatorsOnly).score([data])
        let text = try #require(Explanation.text(for: "union", in: result))
        #expect(text.contains("3 × 每次 → 1.5"))
        #expect(text.contains("加分合计 3.5, 总上限 5 = 4"))
        #expect(text.contains("自评 10.5, 核定 10, 差异 -1"))
    }
}
