import ArgumentParser
import Dispatch
import Foundation
import KaoheCore
import KaoheWorkbook
import XLSX

struct Forms: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the 自评表 workbooks to send out: one per organization, to be filled in WPS, Excel or LibreOffice.",
        discussion: """
            Each form holds only the indicators that apply to its organization, with 分值, 评分标准 and 佐证材料要求, \
            typed and validated input cells, the bonus and penalty claims, and a 填报说明 sheet. Forms go to \
            <out>/<assessment id>-forms/自评表/<NN>-<单位名称>-自评表.xlsx; files are written under temporary names and \
            renamed only when all are complete. Set SOURCE_DATE_EPOCH for byte-identical forms. Read the returned \
            files with `kaohe collect`.
            """)

    @Argument(help: "The assessment folder (with rubric.yaml).", completion: .directory)
    var assessment: String

    @Option(help: "The folder that receives <assessment id>-forms/.", completion: .directory)
    var out: String = "output"

    @Option(name: .customLong("organization"), parsing: .upToNextOption,
            help: "Only the forms of these organizations (ids from the rubric).")
    var organizations: [String] = []

    @Option(help: "Last year's assessment folder or data folder: its values fill a locked 上年完成情况 column, for reference.",
            completion: .directory)
    var prefill: String?

    @Option(help: "Also write each form's cells as JSON lines into this folder (<form>.jsonl), for the benchmark's reference writers.",
            completion: .directory)
    var cells: String?

    func validate() throws {
        try checkEnvironment()
        try requireAssessmentFolder(assessment)
        if let prefill, !FileManager.default.fileExists(atPath: prefill) {
            throw ValidationError("--prefill '\(prefill)' does not exist (give last year's assessment folder or its data folder).")
        }
    }

    func run() throws {
        let (rubric, rubricFile) = try loadRubric(assessment)
        let unknown = organizations.filter { id in !rubric.organizations.contains { $0.id == id } }
        guard unknown.isEmpty else {
            throw ValidationError("unknown organization \(unknown.map { "'\($0)'" }.joined(separator: ", ")) (expected one of: \(rubric.organizations.map { "\($0.name) (\($0.id))" }.joined(separator: ", ")))")
        }
        let chosen = rubric.organizations.filter { organizations.isEmpty || organizations.contains($0.id) }
        let previous = prefill.map { previousValues($0, rubric: rubric) } ?? [:]
        let forms = chosen.map { SelfAssessmentForm(rubric: rubric, organization: $0, previous: previous[$0.id]) }
        let directory = ((out as NSString).appendingPathComponent(OutputNaming.fileName(rubric.assessment.id) + "-forms") as NSString)
            .appendingPathComponent("自评表")
        let options = Workbook.Options()
        try writeOutputs(to: directory) { files in
            let names = forms.map { SelfAssessmentFormWorkbook.fileName($0, rubric: rubric) }
            let paths = names.map { files.stage($0) }
            if let cells { try FileManager.default.createDirectory(atPath: cells, withIntermediateDirectories: true) }
            let logs = names.map { name in cells.map { ($0 as NSString).appendingPathComponent(name + ".jsonl") } }
            // Each form is a workbook of its own: written on all cores.
            let failures = concurrentMap(forms.count) { i -> String? in
                do {
                    try SelfAssessmentFormWorkbook.write(forms[i], rubric: rubric, rubricDigest: rubricFile.sha256,
                                                         to: paths[i], options: options, cellLog: logs[i])
                    return nil
                } catch {
                    return "\(forms[i].organization.name): \(error)"
                }
            }
            if let failure = failures.compactMap({ $0 }).first { throw FormsFailure(message: failure) }
        }
        printError("wrote \(forms.count) 自评表 for \(rubric.assessment.title); send them out, then read the returned files with: kaohe collect \(assessment) <folder>")
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
        printError("\(errors.diagnostics.count) problem(s) in the rubric; nothing was written.")
        throw ExitCode.failure
    }
}

/// Last year's values by organization, for the 上年完成情况 column, saying how many no longer fit this year's rubric.
func previousValues(_ path: String, rubric: Rubric) -> [String: OrganizationData] {
    let (found, skipped) = PreviousYear.values(in: path, rubric: rubric)
    if skipped > 0 {
        printError("note: \(skipped) entries of \(path) do not fit this year's rubric and are not shown as 上年完成情况")
    }
    return found
}
