import ArgumentParser
import Foundation
import KaoheCore
import KaoheWorkbook

struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting",
        abstract: bilingual(
            "The joint meeting follow-up: open items by warning colour, 督办台账.xlsx and the next meeting's opening report.",
            "联席会议督办：按预警颜色列出未办结事项，生成督办台账.xlsx 和下次会议的落实情况通报。"),
        discussion: bilingual(
            """
            Reads <assessment>/meeting/ (meetings.yaml, items.yaml or items.csv) as of --as-of (else the rubric's \
            assessment.as_of, else 31 December of the assessment year). Prints the open items by colour (红 overdue, \
            黄 behind with no recent follow-up, 蓝 due soon) and 责任单位, and writes <out>/<assessment id>-meeting/ \
            督办台账.xlsx (a form: departments update 状态, 办结日期, 办结依据 and progress; kaohe collect reads it back \
            into meeting/items.yaml) and 上一年度议定事项落实情况通报.txt. With --carry-over <next assessment>, every open \
            item is copied into that assessment's meeting/ with the same id, its history and carried: <this assessment>.
            """,
            """
            读取 <考核文件夹>/meeting/（meetings.yaml，以及 items.yaml 或 items.csv），统计截至 --as-of 的情况（未指定时\
            取细则的 assessment.as_of，再没有则取考核年度的 12 月 31 日）。按颜色（红：已逾期；黄：进度滞后且近期未督办；\
            蓝：即将到期）和责任单位列出未办结事项，并写出 <out>/<考核编号>-meeting/督办台账.xlsx（一份表格：各部门更新\
            状态、办结日期、办结依据和进展，kaohe collect 读回 meeting/items.yaml）和 上一年度议定事项落实情况通报.txt。\
            加 --carry-over <下一年度考核文件夹> 时，每件未办结事项以同一编号连同办理记录复制到该考核的 meeting/，\
            并注明 carried: <本考核>。
            """))

    @Argument(
        help: ArgumentHelp(bilingual("The assessment folder (with rubric.yaml and meeting/).", "考核文件夹（含 rubric.yaml 和 meeting/）。")),
        completion: .directory)
    var assessment: String

    @Option(name: .customLong("as-of"), help: ArgumentHelp(bilingual("Read the ledger as of this date (YYYY-MM-DD).", "按这个日期（YYYY-MM-DD）读取台账。")))
    var asOf: String?

    @Option(help: ArgumentHelp(bilingual("The folder that receives <assessment id>-meeting/.", "写出 <考核编号>-meeting/ 的文件夹。")), completion: .directory)
    var out: String = "output"

    @Option(
        name: .customLong("carry-over"),
        help: ArgumentHelp(
            bilingual("Copy the open items into this (next year's) assessment folder's meeting/.", "把未办结事项结转到这个（下一年度）考核文件夹的 meeting/ 中。")),
        completion: .directory)
    var carryOver: String?

    func validate() throws {
        try checkEnvironment()
        try requireAssessmentFolder(assessment)
        _ = try parseDate(asOf, option: "--as-of")
        if let carryOver { try requireAssessmentFolder(carryOver) }
    }

    func run() throws {
        let (rubric, rubricFile) = try loadRubric(assessment)
        let snapshot = try loadLedger(assessment, rubric: rubric, asOf: try parseDate(asOf, option: "--as-of"))
        printFollowUp(snapshot, rubric: rubric)
        let directory = (out as NSString).appendingPathComponent(OutputNaming.fileName(rubric.assessment.id) + "-meeting")
        try writeOutputs(to: directory) { files in
            try SupervisionFormWorkbook.write(
                SupervisionForm(snapshot: snapshot), rubric: rubric, rubricDigest: rubricFile.sha256,
                to: files.stage(SupervisionFormWorkbook.fileName))
            try files.stage("上一年度议定事项落实情况通报.txt", text: MeetingReport.opening(snapshot, rubric: rubric))
        }
        if let carryOver { try carry(snapshot, from: rubric, into: carryOver) }
    }

    /// The open items on the terminal, red first.
    func printFollowUp(_ snapshot: LedgerSnapshot, rubric: Rubric) {
        let form = SupervisionForm(snapshot: snapshot)
        let f = snapshot.figures
        let names = Dictionary(rubric.organizations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        printError(Say.ledgerSummary(f.asOf, f.items.count, f.items.filter(\.isAgreed).count, f.items.filter(f.isClosed).count, form.items.count))
        for item in form.items {
            let colour = f.warnings[item.id]?.rawValue ?? "—"
            let overdue = f.overdueDays(item) > 0 ? Say.overdueBy(f.overdueDays(item)) : Say.dueOn(item.deadline?.description ?? "")
            printError(
                "\(colour)\t\(item.id)\t\(item.lead ?? "")\t\(overdue)\t\(item.status?.rawValue ?? "")\t\(item.request)（\(names[item.raisedBy] ?? item.raisedBy)）"
            )
        }
    }

    /// Copies the open items into the next assessment's ledger (its files kept as .bak).
    func carry(_ snapshot: LedgerSnapshot, from rubric: Rubric, into next: String) throws {
        let (nextRubric, _) = try loadRubric(next)
        let folder = (next as NSString).appendingPathComponent(LedgerLoader.folderName)
        if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("items.csv")) {
            printError(Say.carryCSV(folder))
            throw ExitCode.failure
        }
        var d = Diagnostics()
        let existing = LedgerLoader.load(assessment: next, rubric: nextRubric, &d) ?? Ledger(meetings: [], items: [])
        if d.hasErrors {
            printDiagnostics(d.all)
            printError(Say.carryErrors(next))
            throw ExitCode.failure
        }
        let merged = CarryOver.merge(snapshot, from: rubric.assessment.id, into: existing)
        let unknown = Set(merged.items.map(\.raisedBy)).subtracting(nextRubric.organizations.map(\.id))
        if !unknown.isEmpty {
            printError(Say.carryUnknown(next, unknown.sorted().joined(separator: ", ")))
            throw ExitCode.failure
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try replace((folder as NSString).appendingPathComponent("meetings.yaml"), with: LedgerFileText.meetings(merged.meetings))
        try replace(
            (folder as NSString).appendingPathComponent("items.yaml"),
            with: LedgerFileText.yaml(merged.items, header: "联席会议事项台账（meeting.md）；未办结事项由 kaohe meeting --carry-over 自 \(rubric.assessment.id) 结转"))
        printError(Say.carried(merged.added.count, folder, merged.added.isEmpty ? "" : ": " + merged.added.joined(separator: ", ")))
    }

    /// Writes `path` atomically, keeping the file it replaces as `.bak`.
    func replace(_ path: String, with text: String) throws {
        let temporary = path + ".\(getpid()).partial"
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: temporary)) } catch { throw OutputProblem(path: temporary, error) }
        if FileManager.default.fileExists(atPath: path), rename(path, path + ".bak") != 0 { throw OutputProblem(path: path + ".bak", errno: errno) }
        guard rename(temporary, path) == 0 else { throw OutputProblem(path: path, errno: errno) }
        print(path)
    }
}

/// The ledger of an assessment folder as of a date, printing its problems and failing on an error.
func loadLedger(_ folder: String, rubric: Rubric, asOf: CalendarDate?) throws -> LedgerSnapshot {
    var d = Diagnostics()
    guard let ledger = LedgerLoader.load(assessment: folder, rubric: rubric, &d) else {
        printError(Say.noLedger(folder, LedgerLoader.folderName))
        throw ExitCode.failure
    }
    printDiagnostics(d.all)
    if d.hasErrors {
        printError(Say.ledgerProblems(d.errors.count))
        throw ExitCode.failure
    }
    return LedgerSnapshot(ledger: ledger, asOf: LedgerSnapshot.asOf(asOf, rubric: rubric), settings: rubric.meeting)
}
