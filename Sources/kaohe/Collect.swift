import ArgumentParser
import Foundation
import KaoheCore
import KaoheWorkbook

struct Collect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: bilingual(
            "Read the returned forms (自评表, 核定表, 测评统计表; any file names) into the organizations' data files.",
            "读取收回的表格（自评表、核定表、测评统计表、督办台账；文件名不限），写入各单位的数据文件。"),
        discussion: bilingual(
            """
            Every .xlsx in the folders is read and recognised by its hidden _kaohe sheet (legacy .xls and .et files \
            are refused with how to save them as .xlsx). A 自评表 becomes data/<organization>.yaml; a 核定表 merges \
            its unit's verified values into the data already collected (the organization's own value kept as \
            claimed, with review_note and reviewed_by), its penalty and bonus counts and the vetoes it reports; a \
            测评统计表 fills survey:. A newer 自评表 after a review keeps the verified values and warns for each \
            claim that moved. Each data file's head names every form it came from and its SHA-256; a data file \
            kaohe collect did not write is left alone unless --replace (then kept as .bak, its vetoes and survey \
            carried over). Prints a status per organization, scorer unit and rater group and every problem as \
            file:sheet!cell (indicator): what is wrong, and writes <out>/<assessment id>-forms/collect-report.xlsx. \
            Exits 1 when any form had an error (the good ones are still written).
            """,
            """
            逐个读取各文件夹中的 .xlsx，按隐藏的 _kaohe 工作表识别表格类型（旧格式 .xls、.et 不读取，并提示如何另存为 \
            .xlsx）。自评表写成 data/<单位编号>.yaml；核定表把考核责任单位核定的值并入已收集的数据（单位的申报值保留为 \
            claimed，并记下 review_note 和 reviewed_by），以及它核定的加减分次数和认定的否决事项；测评统计表填入 survey:。\
            核定之后再报送的自评表保留核定值，每个改动的申报值给出警告。每个数据文件开头列出它来自的每份表格及其 SHA-256；\
            不是 kaohe collect 写的数据文件不会被覆盖，除非加 --replace（原文件保留为 .bak，其中的否决事项和测评数据照搬）。\
            终端上列出每个单位、考核责任单位和测评组的收集情况，以及每个问题（文件:工作表!单元格（指标）: 问题所在），\
            并写出 <out>/<考核编号>-forms/collect-report.xlsx。任何一份表有错误时退出码为 1（没有错误的表照常写入）。
            """))

    @Argument(
        help: ArgumentHelp(bilingual("The assessment folder (with rubric.yaml and data/).", "考核文件夹（含 rubric.yaml 和 data/）。")), completion: .directory)
    var assessment: String

    @Argument(help: ArgumentHelp(bilingual("Folders (or files) holding the returned forms.", "存放收回表格的文件夹（或文件）。")), completion: .directory)
    var folders: [String]

    @Option(
        help: ArgumentHelp(
            bilingual("The folder that receives <assessment id>-forms/collect-report.xlsx.", "写出 <考核编号>-forms/collect-report.xlsx 的文件夹。")),
        completion: .directory)
    var out: String = "output"

    @Flag(
        help: ArgumentHelp(
            bilingual(
                "Let a returned form replace a data file that kaohe collect did not write (the old one is kept as .bak).",
                "允许收回的表格替换不是 kaohe collect 生成的数据文件（原文件保留为 .bak）。")))
    var replace = false

    func validate() throws {
        try checkEnvironment()
        try requireAssessmentFolder(assessment)
        for folder in folders where !FileManager.default.fileExists(atPath: folder) {
            throw ValidationError(Say.noReturnedFolder(folder).text(.current))
        }
    }

    func run() throws {
        let (rubric, rubricFile) = try loadRubric(assessment)
        let dataFolder = (assessment as NSString).appendingPathComponent("data")
        let round = CollectionRound(
            rubric: rubric, rubricDigest: rubricFile.sha256, files: returnedFiles(),
            dataFolder: dataFolder, spreadsheets: SpreadsheetFile.readForm, replace: replace)
        printStatus(round)
        printDiagnostics(round.diagnostics)
        try FileManager.default.createDirectory(atPath: dataFolder, withIntermediateDirectories: true)
        // Each data file is its own: written on all cores, then named in order.
        let outputs = round.outputs
        let written = concurrentMap(outputs.count) { i in
            Result { try write(outputs[i].text, to: outputs[i].path, replacing: outputs[i].backingUp) }
        }
        for result in written { print(try result.get()) }
        if let ledger = round.ledgerOutput {
            print(try write(ledger.text, to: ledger.path, replacing: ledger.backingUp))
            printError(Say.ledgerUpdated(ledger.changed))
        }
        let reportFolder = (out as NSString).appendingPathComponent(OutputNaming.fileName(rubric.assessment.id) + "-forms")
        try writeOutputs(to: reportFolder) { files in
            try CollectReportWorkbook.write(round, rubric: rubric, to: files.stage("collect-report.xlsx"))
        }
        let errors = round.diagnostics.filter { $0.severity == .error }.count
        printError(
            Say.collected(round.outputs.count, dataFolder, errors, round.diagnostics.count - errors).text(.current)
                + (round.outputs.isEmpty ? "" : Say.next("kaohe score \(assessment)").text(.current)))
        if round.hasErrors { throw ExitCode.failure }
    }

    /// Every form-like file under the folders (subfolders too), in name order; lock files and hidden files left out.
    func returnedFiles() -> [String] {
        var out: [String] = []
        for folder in folders {
            var isDirectory: ObjCBool = false
            // A file, or a path that does not exist (reported when read), is taken as it is.
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                out.append(folder)
                continue
            }
            let walker = FileManager.default.enumerator(atPath: folder)
            while let relative = walker?.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                guard !name.hasPrefix("."), !name.hasPrefix("~$"), let kind = DataFileKind(path: name),
                    kind == .spreadsheet || kind == .legacySpreadsheet
                else { continue }
                out.append((folder as NSString).appendingPathComponent(relative))
            }
        }
        return out.sorted()
    }

    /// Writes one file under a temporary name and renames it, keeping the file it replaces (`old`) as `.bak`;
    /// returns its path.
    func write(_ text: String, to path: String, replacing old: String?) throws -> String {
        let fm = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder as NSString).appendingPathComponent(
            ".\((path as NSString).lastPathComponent).\(getpid()).\(UUID().uuidString).partial")
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        } catch {
            throw OutputProblem(path: temporary, error)
        }
        if let old {
            let backup = old + ".bak"
            guard rename(old, backup) == 0 else { throw OutputProblem(path: backup, errno: errno) }
            printError(Say.keptAs(old, backup))
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            try? fm.removeItem(atPath: temporary)
            throw OutputProblem(path: path, errno: code)
        }
        return path
    }

    /// The status table: one line per organization, then per scorer unit and rater group when their forms came in.
    func printStatus(_ round: CollectionRound) {
        for status in round.statuses {
            let files = status.files.isEmpty ? "—" : status.files.joined(separator: ", ")
            let name = status.kind == .selfAssessment ? "\(status.name) (\(status.id))" : status.name
            printError(Say.statusLine(status.kind.rawValue, Say.state(status.state), name, status.errors, status.warnings, files))
        }
        for file in round.unmatched { printError(Say.unmatched(file)) }
    }
}
