import Foundation
@testable import KaoheCore

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

let bundledAssessment = repositoryRoot + "/rubrics/2024-county-mass-orgs"

/// Loads a rubric from YAML text, failing the test with every diagnostic when it is invalid.
func rubric(_ yaml: String, file: String = "rubric.yaml") throws -> Rubric {
    var d = Diagnostics()
    guard let r = RubricLoader.load(yaml, file: file, diagnostics: &d) else { throw InputErrors(d.errors) }
    return r
}

/// Diagnostics for rubric text.
func rubricDiagnostics(_ yaml: String) -> [Diagnostic] {
    var d = Diagnostics()
    _ = RubricLoader.load(yaml, file: "rubric.yaml", diagnostics: &d)
    return d.all
}

/// Loads organization data from YAML documents.
func data(_ documents: [String], for rubric: Rubric) throws -> [OrganizationData] {
    var d = Diagnostics()
    let loaded = documents.enumerated().compactMap { i, text in
        DataLoader.loadYAML(text, file: "data/\(i).yaml", rubric: rubric, diagnostics: &d)
    }
    if d.hasErrors { throw InputErrors(d.errors) }
    return loaded
}

/// Scores YAML rubric and data documents.
func score(_ rubricYAML: String, _ documents: [String], scheme: WeightScheme? = nil) throws -> AssessmentResult {
    let r = try rubric(rubricYAML)
    return try Scorer(rubric: r, scheme: scheme).score(try data(documents, for: r))
}
