import ArgumentParser
import Foundation
import KaoheCore
import KaoheWorkbook

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: bilingual("Compare scores, ranks and grades under weight schemes with a baseline.", "比较不同权重方案下的得分、排名和等次。"),
        discussion: """
            Writes <assessment>-compare/compare.xlsx and compare.json under --out: per organization and scheme the \
            final score, rank and grade with their changes (Δ), who entered or left the top grade, a chart of rank \
            movements, and per scheme Spearman's rank correlation with the baseline and the mean absolute rank shift. \
            The baseline is the rubric's own weights unless --baseline names a scheme.
            """)

    @Argument(help: ArgumentHelp(bilingual("The assessment folder.", "考核文件夹。")), completion: .directory)
    var assessment: String

    @Option(
        name: .customLong("weights"),
        help: ArgumentHelp(
            bilingual(
                "A scheme to compare: a file, or the name of a scheme in <assessment>/weights. Repeat for several; default: every scheme in weights/.",
                "要比较的权重方案：一个文件，或 <考核文件夹>/weights 中方案的名称；可重复多次，默认比较 weights/ 中的全部方案。")))
    var schemes: [String] = []

    @Option(help: ArgumentHelp(bilingual("The scheme to compare against (default: the rubric's own weights).", "作为比较基准的方案（默认：考核细则原定权重）。")))
    var baseline: String?

    @Option(help: ArgumentHelp(bilingual("The folder that receives the output folder.", "写出结果文件夹的位置。")), completion: .directory)
    var out: String = "output"

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: assessment, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError(Say.notAFolder(assessment).text(.current))
        }
    }

    func run() throws {
        // Scoring the baseline reports every value problem, so loading need not score once more to find them.
        let loaded = try loadAssessment(assessment, schemeArguments: schemes + (baseline.map { [$0] } ?? []), checkingValues: false)
        let base = try baseline.map { try resolveScheme($0, in: loaded) }
        let others = try (schemes.isEmpty ? loaded.schemes.filter { $0.file != base?.file } : schemes.map { try resolveScheme($0, in: loaded) })
        guard !others.isEmpty else { throw ValidationError(Say.noScheme(assessment).text(.current)) }
        let comparison = Comparison(rubric: loaded.rubric, baseline: try score(loaded, scheme: base), schemes: others)
        let directory = (out as NSString).appendingPathComponent(OutputNaming.fileName(loaded.rubric.assessment.id) + "-compare")
        try writeOutputs(to: directory) { files in
            let provenance = Provenance(assessment: loaded, schemes: [base].compactMap { $0 } + others, generated: ScorecardWorkbook.generationTime())
            try ComparisonWorkbook.write(comparison, provenance: provenance, to: files.stage("compare.xlsx"))
            try files.stage("compare.json", text: AnalysisExport.json(comparison))
        }
        for s in comparison.summaries {
            printError(Say.compared(s.scheme, String(format: "%.3f", s.spearman), String(format: "%.2f", s.meanAbsoluteRankShift), s.gradeChanges))
        }
    }
}
