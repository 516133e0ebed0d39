// Times loading and scoring (no workbook) of a synthetic assessment: 60 indicators per organization,
// every method, a survey block, bonus, penalties, vetoes, ranking and quotas; Monte Carlo sensitivity runs; and a
// comparison with SCHEMES weight schemes (scoring the baseline, then rescoring it under each scheme).
//
//     swift run -c release kaohe-scoring-benchmark [--sensitivity RUNS] [--compare SCHEMES] [--yaml 1] [organizations …]
//     (default: 2000 10000)
//
// `--yaml 1` also times reading every data file's YAML (no loading) by the reader kaohe uses (the fast reader of
// the assessment files' subset, falling back to Yams) against Yams alone: what the fast reader is worth.
import Foundation
@_spi(Benchmarks) import KaoheCore

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

var arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, in arguments: inout [String]) -> Int {
    guard let flag = arguments.firstIndex(of: name), flag + 1 < arguments.count else { return 0 }
    defer { arguments.removeSubrange(flag...(flag + 1)) }
    return Int(arguments[flag + 1]) ?? 0
}
let sensitivityRuns = option("--sensitivity", in: &arguments)
let compareSchemes = option("--compare", in: &arguments)
let timeYAML = option("--yaml", in: &arguments) > 0
let sizes = arguments.compactMap(Int.init)
print(
    "organizations  indicators  parse rubric+data (s)  score+rank+grade (s, median of 5)"
        + (sensitivityRuns > 0 ? "  sensitivity \(sensitivityRuns) runs (s)" : "")
        + (compareSchemes > 0 ? "  compare \(compareSchemes) schemes (s, median of 5)" : "")
        + (timeYAML ? "  YAML: kaohe's reader / Yams alone (s, median of 5)" : ""))
for n in sizes.isEmpty ? [2_000, 10_000] : sizes {
    let synthetic = SyntheticAssessment(organizations: n)
    let rubricText = synthetic.rubricYAML()
    let dataTexts = (0..<n).map(synthetic.dataYAML)
    var rubric: Rubric?
    var data: [OrganizationData] = []
    let parse = seconds {
        var d = Diagnostics()
        rubric = RubricLoader.load(rubricText, file: "rubric.yaml", diagnostics: &d)
        guard let rubric else { fatalError("invalid synthetic rubric: \(d.errors.prefix(3))") }
        let lookup = RubricLookup(rubric)
        data = dataTexts.enumerated().compactMap { DataLoader.loadYAML($1, file: "data/\($0).yaml", lookup: lookup, diagnostics: &d) }
        precondition(!d.hasErrors, "invalid synthetic data: \(d.errors.prefix(3))")
    }
    var times: [Double] = []
    var result: AssessmentResult?
    for _ in 0..<5 {
        result = nil  // freeing the previous run's results is not part of the timing
        times.append(try seconds { result = try Scorer(rubric: rubric!).score(data) })
    }
    times.sort()
    precondition(result?.organizations.count == n)
    var line = String(format: "%13d  %10d  %21.3f  %33.3f", n, rubric!.indicators.count, parse, times[2])
    if sensitivityRuns > 0 {
        let analysis = try SensitivityAnalysis(rubric: rubric!, scheme: nil, data: data)
        let time = seconds { _ = analysis.run(.init(perturbation: Exact(1, over: 5), runs: sensitivityRuns, seed: 1)) }
        line += String(format: "  %26.2f", time)
    }
    if compareSchemes > 0 {
        // Schemes as a leader might ask for: every weight moved by up to ±20 %.
        let perturbation = SensitivityAnalysis.Parameters(perturbation: Exact(1, over: 5), runs: compareSchemes, seed: 2)
        let analysis = try SensitivityAnalysis(rubric: rubric!, scheme: nil, data: [])
        let schemes = (0..<compareSchemes).map { analysis.perturbedScheme(run: $0, perturbation) }
        var compareTimes: [Double] = []
        for _ in 0..<5 {
            compareTimes.append(
                try seconds {
                    let base = try Scorer(rubric: rubric!).score(data)
                    precondition(Comparison(rubric: rubric!, baseline: base, schemes: schemes).rows.count == n)
                })
        }
        line += String(format: "  %31.2f", compareTimes.sorted()[2])
    }
    if timeYAML {
        func median(_ read: (String, String) -> Result<YAMLValue, Diagnostic>) -> Double {
            let times = (0..<5).map { _ in
                seconds {
                    for (i, text) in dataTexts.enumerated() { precondition((try? read(text, "data/\(i).yaml").get()) != nil) }
                }
            }
            return times.sorted()[2]
        }
        line += String(format: "  %21.3f / %.3f", median(YAMLValue.parse), median(YAMLValue.parseWithYams))
    }
    print(line)
}
