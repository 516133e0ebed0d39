import Testing
@testable import KaoheCore

@Suite struct BundledAssessmentTests {
    @Test func printResults() throws {
        let a = try AssessmentLoader.load(folder: bundledAssessment)
        let r = try Scorer(rubric: a.rubric).score(a.data)
        print(ResultsExport.csv(r))
        for s in a.schemes { print(ResultsExport.csv(try Scorer(rubric: a.rubric, scheme: s).score(a.data))) }
        print(Explanation.text(for: "overseas", in: r)!)
        print(a.warnings)
    }
}
