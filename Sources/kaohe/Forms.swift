import ArgumentParser
import Dispatch
import Foundation
import KaoheCore
import KaoheWorkbook
import XLSX

struct Forms: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: bilingual(
            "Write the forms to send out: 自评表 per organization, 核定表 per scorer unit (--review), 测评统计表 per rater group (--survey).",
            "生成要下发的表格：每个单位一份自评表，每个考核责任单位一份核定表（--review），每个测评组一份测评统计表（--survey）。"),
        discussion: bilingual(
            """
            A 自评表 holds only the indicators that apply to its organization, with 分值, 评分标准 and 佐证材料要求, \
            typed and validated input cells, the bonus and penalty claims, and a 填报说明 sheet; they go to \
            <out>/<assessment id>-forms/自评表/<NN>-<单位名称>-自评表.xlsx. With --review, each 考核责任单位 named as \
            `scorer` in the rubric (and 考核办 for what has none) gets a 核定表 of the organizations' claims from data/, \
            its input cells prefilled with the claim, in 核定表/. With --survey, each survey block and rater group gets a \
            测评统计表 (counts per answer level, or one score per ballot) in 测评/. Files are written under temporary names \
            and renamed only when all are complete. Set SOURCE_DATE_EPOCH for byte-identical forms. Read the returned \
            files of every kind with `kaohe collect`.
            """,
            """
            自评表只含适用于该单位的指标，列出分值、评分标准和佐证材料要求，填报单元格按类型设有数据验证，另有加减分申报\
            和“填报说明”工作表；写到 <out>/<考核编号>-forms/自评表/<序号>-<单位名称>-自评表.xlsx。加 --review 时，细则中\
            作为 scorer 的每个考核责任单位（没有 scorer 的由考核办核定）各得一份核定表，列出 data/ 中各单位的申报值，\
            填报单元格预填申报值，写到 核定表/。加 --survey 时，每个测评板块的每个测评组各得一份测评统计表（各档人数，\
            或逐张票的分数），写到 测评/。文件先以临时文件名写出，全部完成后才改名。设置 SOURCE_DATE_EPOCH 可得到逐字节\
            相同的表格。各类表格收回后都用 kaohe collect 读取。
            """))

    @Argument(help: ArgumentHelp(bilingual("The assessment folder (with rubric.yaml).", "考核文件夹（含 rubric.yaml）。")), completion: .directory)
    var assessment: String

    @Option(help: ArgumentHelp(bilingual("The folder that receives <assessment id>-forms/.", "写出 <考核编号>-forms/ 的文件夹。")), completion: .directory)
    var out: String = "output"

    @Option(
        name: .customLong("organization"), parsing: .upToNextOption,
        help: ArgumentHelp(bilingual("Only the forms of these organizations (ids from the rubric).", "只生成这些单位的表（考核细则中的单位编号）。")))
    var organizations: [String] = []

    @Flag(
        help: ArgumentHelp(
            bilingual("Write the 核定表 of each scorer unit from the collected data instead of the 自评表.", "按已收集的数据为每个考核责任单位生成核定表，而不是自评表。")))
    var review = false

    @Flag(help: ArgumentHelp(bilingual("Write the 测评统计表 of each survey rater group instead of the 自评表.", "为每个测评组生成测评统计表，而不是自评表。")))
    var survey = false

    @Option(
        name: .customLong("unit"), parsing: .upToNextOption,
        help: ArgumentHelp(
            bilingual("With --review: only the 核定表 of these scorer units (as written in the rubric).", "与 --review 一起用：只生成这些考核责任单位的核定表（名称与细则一致）。")))
    var units: [String] = []

    @Option(
        help: ArgumentHelp(
            bilingual(
                "Last year's assessment folder or data folder: its values fill a locked 上年完成情况 column, for reference.",
                "上一年度的考核文件夹或数据文件夹：其数值填入锁定的“上年完成情况”列，供参考。")),
        completion: .directory)
    var prefill: String?

    @Option(
        help: ArgumentHelp(
            bilingual(
                "Also write each form's cells as JSON lines into this folder (<form>.jsonl), for the benchmark's reference writers.",
                "同时把每张表的单元格以 JSON 行写入这个文件夹（<表>.jsonl），供基准测试的参照程序使用。")),
        completion: .directory)
    var cells: String?

    func validate() throws {
        try checkEnvironment()
        try requireAssessmentFolder(assessment)
        if review && survey { throw ValidationError(Say.reviewOrSurvey().text(.current)) }
        if (review || survey) && (!organizations.isEmpty || prefill != nil || cells != nil) {
            throw ValidationError(Say.selfOnlyOptions().text(.current))
        }
        if !units.isEmpty && !review { throw ValidationError(Say.unitNeedsReview().text(.current)) }
        if let prefill, !FileManager.default.fileExists(atPath: prefill) {
            throw ValidationError(Say.noPrefill(prefill).text(.current))
        }
    }

    func run() throws {
        let (rubric, rubricFile) = try loadRubric(assessment)
        let folder = (out as NSString).appendingPathComponent(OutputNaming.fileName(rubric.assessment.id) + "-forms")
        if review { return try writeReviewForms(rubric: rubric, digest: rubricFile.sha256, folder: folder) }
        if survey { return try writeSurveyForms(rubric: rubric, digest: rubricFile.sha256, folder: folder) }
        let unknown = organizations.filter { id in !rubric.organizations.contains { $0.id == id } }
        guard unknown.isEmpty else {
            throw ValidationError(
                Say.unknownOrganizations(
                    unknown.map { "'\($0)'" }.joined(separator: ", "), rubric.organizations.map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
                ).text(.current))
        }
        let chosen = rubric.organizations.filter { organizations.isEmpty || organizations.contains($0.id) }
        let previous = prefill.map { previousValues($0, rubric: rubric) } ?? [:]
        let forms = chosen.map { SelfAssessmentForm(rubric: rubric, organization: $0, previous: previous[$0.id]) }
        let directory = (folder as NSString).appendingPathComponent("自评表")
        let options = Workbook.Options()
        try writeOutputs(to: directory) { files in
            let names = forms.map { SelfAssessmentFormWorkbook.fileName($0, rubric: rubric) }
            let paths = names.map { files.stage($0) }
            if let cells { try FileManager.default.createDirectory(atPath: cells, withIntermediateDirectories: true) }
            let logs = names.map { name in cells.map { ($0 as NSString).appendingPathComponent(name + ".jsonl") } }
            // Each form is a workbook of its own: written on all cores.
            let failures = concurrentMap(forms.count) { i -> String? in
                do {
                    try SelfAssessmentFormWorkbook.write(
                        forms[i], rubric: rubric, rubricDigest: rubricFile.sha256,
                        to: paths[i], options: options, cellLog: logs[i])
                    return nil
                } catch {
                    return "\(forms[i].organization.name): \(error)"
                }
            }
            if let failure = failures.compactMap({ $0 }).first { throw FormsFailure(message: failure) }
        }
        printError(Say.wroteSelfForms(forms.count, rubric.assessment.title, assessment))
    }

    /// One 核定表 per scorer unit, prefilled from the data collected so far.
    func writeReviewForms(rubric: Rubric, digest: String, folder: String) throws {
        let all = ReviewForm.units(rubric)
        let unknown = units.filter { !all.contains($0) }
        guard unknown.isEmpty else {
            throw ValidationError(Say.unknownUnits(unknown.map { "'\($0)'" }.joined(separator: ", "), all.joined(separator: ", ")).text(.current))
        }
        let data = collectedData(rubric: rubric)
        let forms = all.filter { units.isEmpty || units.contains($0) }.map { ReviewForm(rubric: rubric, unit: $0, data: data) }
        try writeForms(forms, to: (folder as NSString).appendingPathComponent("核定表"), name: { ReviewFormWorkbook.fileName($0, rubric: rubric) }) {
            try ReviewFormWorkbook.write($0, rubric: rubric, rubricDigest: digest, to: $1)
        }
        let missing = rubric.organizations.filter { data[$0.id] == nil }.map(\.name)
        if !missing.isEmpty { printError(Say.noDataYet(missing.joined(separator: ", "))) }
        printError(Say.wroteReviewForms(forms.count, rubric.assessment.title, assessment))
    }

    /// One 测评统计表 per survey block and rater group, prefilled with votes already in data.
    func writeSurveyForms(rubric: Rubric, digest: String, folder: String) throws {
        let forms = SurveyForm.forms(rubric: rubric, data: collectedData(rubric: rubric))
        guard !forms.isEmpty else { throw ValidationError(Say.noSurveyBlock().text(.current)) }
        try writeForms(forms, to: (folder as NSString).appendingPathComponent("测评"), name: { SurveyFormWorkbook.fileName($0, rubric: rubric) }) {
            try SurveyFormWorkbook.write($0, rubric: rubric, rubricDigest: digest, to: $1)
        }
        printError(Say.wroteSurveyForms(forms.count, rubric.assessment.title, assessment))
    }

    /// The data in data/ by organization; files with problems are named and left out.
    func collectedData(rubric: Rubric) -> [String: OrganizationData] {
        let (data, problems) = CollectionRound.collectedData(
            in: (assessment as NSString).appendingPathComponent("data"), rubric: rubric,
            spreadsheets: SpreadsheetFile.readForm)
        if !problems.isEmpty {
            printDiagnostics(problems)
            printError(Say.dataProblems())
        }
        return data
    }

    /// Writes each form on all cores, atomically as a set.
    func writeForms<Form: Sendable>(
        _ forms: [Form], to directory: String, name: (Form) -> String,
        write: @escaping @Sendable (Form, String) throws -> Void
    ) throws {
        try writeOutputs(to: directory) { files in
            let paths = forms.map { files.stage(name($0)) }
            let failures = concurrentMap(forms.count) { i -> String? in
                do { try write(forms[i], paths[i]); return nil } catch { return "\((paths[i] as NSString).lastPathComponent): \(error)" }
            }
            if let failure = failures.compactMap({ $0 }).first { throw FormsFailure(message: failure) }
        }
    }
}

struct FormsFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Reads the rubric of an assessment folder, printing its problems and failing when there are any.
func loadRubric(_ folder: String) throws -> (Rubric, InputFile) {
    do {
        return try AssessmentLoader.loadRubric(folder: folder)
    } catch let errors as InputErrors {
        printDiagnostics(errors.diagnostics)
        printError(Say.rubricProblems(errors.diagnostics.count))
        throw ExitCode.failure
    }
}

/// Last year's values by organization, for the 上年完成情况 column, saying how many no longer fit this year's rubric.
func previousValues(_ path: String, rubric: Rubric) -> [String: OrganizationData] {
    let (found, skipped) = PreviousYear.values(in: path, rubric: rubric)
    if skipped > 0 {
        printError(Say.previousSkipped(skipped, path))
    }
    return found
}
