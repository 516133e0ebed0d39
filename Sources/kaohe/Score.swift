import ArgumentParser
import Foundation
import KaoheCore
import KaoheWorkbook

extension ScorecardWorkbook.Layout: ExpressibleByArgument {}

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: bilingual(
            "Score every organization and write the scorecard workbook, results.json and results.csv.",
            "为每个单位评分，写出考核评分工作簿、results.json 和 results.csv。"),
        discussion: bilingual(
            """
            Output goes to a folder named after the assessment (and the weight scheme, when one is given) under \
            --out. Files are written under temporary names and renamed only when all are complete, so a failed run \
            leaves the previous output untouched. Set SOURCE_DATE_EPOCH for byte-identical workbooks.
            """,
            """
            结果写到 --out 下以考核编号（指定权重方案时加上方案名）命名的文件夹。文件先以临时文件名写出，全部完成后才改名，\
            因此运行失败时上一次的结果不受影响。设置 SOURCE_DATE_EPOCH 可得到逐字节相同的工作簿。
            """))

    @OptionGroup var options: AssessmentOptions

    @Option(help: ArgumentHelp(bilingual("The folder that receives the output folder.", "写出结果文件夹的位置。")), completion: .directory)
    var out: String = "output"

    @Flag(
        help: ArgumentHelp(
            bilingual("Also write one workbook per organization (its own scorecard, to hand back to it).", "同时为每个单位单独写一个工作簿（它自己的评分表，可反馈给该单位）。")))
    var split = false

    @Flag(
        help: ArgumentHelp(
            bilingual(
                "Also write cells.jsonl: every cell, format, merge and width of the workbook as JSON lines, for writing the same workbook with another program (the benchmark's reference writers read it).",
                "同时写出 cells.jsonl：工作簿的每个单元格、格式、合并和列宽（JSON 行），供其他程序写出同样的工作簿（基准测试的参照程序读取它）。")))
    var cells = false

    @Option(
        help: ArgumentHelp(
            bilingual(
                "Where the per-organization detail goes: sheets (one scorecard sheet per organization), stacked (scorecards one below the other on 评分明细 sheets, for printing), ledger (one 明细 row per organization and indicator, written in constant memory, for thousands of organizations) or automatic (sheets up to \(ScorecardWorkbook.Layout.sheetsUpTo) organizations, ledger above).",
                "各单位明细的写法：sheets（每个单位一张评分表），stacked（评分表在“评分明细”工作表上依次排列，便于打印），ledger（每个单位每个指标一行明细，以常量内存写出，适合数千个单位）或 automatic（不超过 \(ScorecardWorkbook.Layout.sheetsUpTo) 个单位用 sheets，更多用 ledger）。"
            )))
    var layout: ScorecardWorkbook.Layout = .automatic

    @Option(
        help: ArgumentHelp(
            bilingual(
                "Memory (in MB) the workbook may take while being written; above it the ledger is streamed (constant-memory mode, inline strings, which older WPS releases cannot open). 0 always streams the ledger.",
                "写工作簿时可用的内存（MB）；超过时明细以流式写出（常量内存模式，内联字符串，旧版 WPS 可能打不开）。0 表示总是流式写出。")))
    var memoryBudget: Int = ScorecardWorkbook.defaultMemoryBudget >> 20

    func validate() throws {
        guard memoryBudget >= 0 else { throw ValidationError(Say.memoryBudget(memoryBudget).text(.current)) }
    }

    func run() throws {
        // Scoring reports every value problem, so loading need not score once more to find them.
        var (assessment, scheme) = try options.load(checkingValues: false)
        // The data goes to the scorer, which frees each organization's share once scored (province scale).
        var data = assessment.data
        assessment.data = []
        var scored = try score(releasing: &data, rubric: assessment.rubric, scheme: scheme)
        scored.ledger = assessment.ledger
        let result = scored
        let stem = OutputNaming.stem(assessment: assessment.rubric.assessment.id, scheme: scheme)
        let directory = (out as NSString).appendingPathComponent(stem)
        let provenance = Provenance(assessment: assessment, scheme: scheme, generated: ScorecardWorkbook.generationTime())
        try writeOutputs(to: directory) { files in
            // results.json and results.csv are made on the other core while the workbook is closed (while its cells
            // are laid out, both cores are busy).
            let exports = BackgroundValue(startingLater: { (ResultsExport.json(result), ResultsExport.csv(result)) })
            // Province-scale runs take a while: say how far the ledger is.
            let count = result.organizations.count
            let progress =
                layout.resolved(count) == .ledger
                ? ProgressLine(total: count, label: Say.writingLedger().text(.current), unit: Say.organizationsUnit().text(.current)) : nil
            let budget = memoryBudget << 20
            if ScorecardWorkbook.streams(result, layout: layout, memoryBudget: budget) {
                printError(Say.streamed(memoryBudget))
            }
            try ScorecardWorkbook.write(
                result, provenance: provenance, to: files.stage("\(stem).xlsx"), layout: layout,
                cellLog: cells ? files.stage("cells.jsonl") : nil, memoryBudget: budget,
                progress: progress.map { line in { done, _ in line.update(done) } }, whileClosing: exports.start)
            progress?.finish()
            if split {
                let names = OutputNaming.uniqueFileNames(
                    result.organizations.map {
                        OutputNaming.fileName($0.organization.name, id: $0.organization.id)
                    })
                for (org, name) in zip(result.organizations, names) {
                    try ScorecardWorkbook.write(
                        result, provenance: provenance, to: files.stage("\(stem)-\(name).xlsx"),
                        only: org.organization.id)
                }
            }
            let (json, csv) = exports.value
            try files.stage("results.json", text: json)
            try files.stage("results.csv", text: csv)
        }
        let scope = assessment.rubric.ranking.within == .category ? Say.withinCategories() : Say.together()
        printError(Say.scored(result.organizations.count, scope, scheme.map { Say.withScheme($0.name) } ?? Say.ownWeights()))
    }
}
