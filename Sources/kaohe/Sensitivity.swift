import ArgumentParser
import Foundation
import KaoheCore
import KaoheWorkbook

struct Sensitivity: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: bilingual("Monte Carlo test of how robust ranks and grades are to the weights.", "蒙特卡洛检验：排名和等次对权重变化有多稳健。"),
        discussion: bilingual(
            """
            Each run multiplies every weight by a factor drawn uniformly from [1 − x, 1 + x], renormalizes within its \
            parent so that every sum holds, and rescores with all rules. Writes <assessment>-sensitivity/\
            sensitivity.xlsx and sensitivity.json under --out: per organization the nominal and median rank, the \
            5th–95th percentile rank interval and the share of runs in each grade, flagged when its grade depends on \
            the weights; overall the distribution of the mean rank shift and of Spearman's correlation. The seed, the \
            perturbation and the run count are recorded in both files, so a result can be reproduced.
            """,
            """
            每次模拟把每个权重乘以在 [1 − x, 1 + x] 中均匀抽取的系数，在同一上级内重新归一使各项合计不变，再按全部规则\
            重新评分。在 --out 下写出 <考核编号>-sensitivity/sensitivity.xlsx 和 sensitivity.json：每个单位的原定排名和\
            排名中位数、第5至第95百分位排名区间、各等次所占模拟次数的比例，等次受权重影响的单位标出；总体上给出平均排名\
            变动和斯皮尔曼等级相关的分布。两个文件都记下种子、扰动幅度和模拟次数，结果可以复现。
            """))

    @OptionGroup var options: AssessmentOptions

    @Option(
        help: ArgumentHelp(
            bilingual("The perturbation x of every weight, as a percentage (e.g. 20%) or a fraction (0.2).", "每个权重的扰动幅度 x，百分数（如 20%）或小数（0.2）。")))
    var perturb: String = "20%"

    @Option(help: ArgumentHelp(bilingual("The number of Monte Carlo runs.", "蒙特卡洛模拟的次数。")))
    var runs: Int = 1000

    @Option(
        help: ArgumentHelp(bilingual("The random seed (the same seed, perturbation and runs give the same result).", "随机数种子（种子、扰动幅度和次数相同，结果就相同）。")))
    var seed: UInt64 = 2024

    @Option(help: ArgumentHelp(bilingual("The folder that receives the output folder.", "写出结果文件夹的位置。")), completion: .directory)
    var out: String = "output"

    var perturbation: Exact? {
        let text = perturb.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("%") { return Exact(String(text.dropLast())).map { $0 / 100 } }
        return Exact(text)
    }

    func validate() throws {
        guard let x = perturbation, !x.isNegative, x < 1 else {
            throw ValidationError(Say.perturb(perturb).text(.current))
        }
        guard (1...1_000_000).contains(runs) else { throw ValidationError(Say.runs().text(.current)) }
    }

    func run() throws {
        // Scoring the nominal weights reports every value problem, so loading need not score once more to find them.
        let (assessment, scheme) = try options.load(checkingValues: false)
        let analysis: SensitivityAnalysis
        do {
            analysis = try SensitivityAnalysis(rubric: assessment.rubric, scheme: scheme, data: assessment.data)
        } catch let errors as InputErrors {
            printDiagnostics(errors.diagnostics)
            printError(Say.problems(errors.diagnostics.count))
            throw ExitCode.failure
        }
        let parameters = SensitivityAnalysis.Parameters(perturbation: perturbation!, runs: runs, seed: seed)
        let progress = ProgressLine(total: runs, label: Say.sensitivityRuns().text(.current), unit: Say.runsUnit().text(.current))
        let report = analysis.run(parameters) { progress.update($0) }
        progress.finish()
        let stem = OutputNaming.stem(assessment: assessment.rubric.assessment.id, scheme: scheme) + "-sensitivity"
        try writeOutputs(to: (out as NSString).appendingPathComponent(stem)) { files in
            let provenance = Provenance(assessment: assessment, scheme: scheme, generated: ScorecardWorkbook.generationTime())
            try SensitivityWorkbook.write(report, provenance: provenance, to: files.stage("sensitivity.xlsx"))
            try files.stage("sensitivity.json", text: AnalysisExport.json(report))
        }
        let flagged = report.organizations.filter(\.gradeSensitive).map(\.name)
        printError(
            Say.sensitivity(
                seed, (parameters.perturbation * 100).decimalText(), runs, String(format: "%.3f", report.meanRankShift.mean),
                String(format: "%.3f", report.spearman.mean),
                flagged.isEmpty ? Say.none() : Message.plain(flagged.joined(separator: ", "))))
    }
}
