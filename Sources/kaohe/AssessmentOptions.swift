import ArgumentParser
import Foundation
import KaoheCore
import KaoheWorkbook
import XLSX

/// The assessment folder and the overrides for where its parts come from.
struct AssessmentOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(bilingual("The assessment folder (with rubric.yaml, data/ and weights/).", "考核文件夹（含 rubric.yaml、data/ 和 weights/）。")),
        completion: .directory)
    var assessment: String

    @Option(
        help: ArgumentHelp(bilingual("Read the rubric from this file instead of <assessment>/rubric.yaml.", "从这个文件读取考核细则，而不是 <考核文件夹>/rubric.yaml。")),
        completion: .file())
    var rubric: String?

    @Option(
        help: ArgumentHelp(
            bilingual("Read organization data from this folder or file instead of <assessment>/data.", "从这个文件夹或文件读取单位数据，而不是 <考核文件夹>/data。")),
        completion: .directory)
    var data: String?

    @Option(
        name: .customLong("weights"),
        help: ArgumentHelp(
            bilingual(
                "Score with this weight scheme: a file, or the name of a scheme in <assessment>/weights.", "按这个权重方案评分：一个文件，或 <考核文件夹>/weights 中方案的名称。")
        ),
        completion: .file())
    var weights: String?

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            bilingual(
                "Read the joint meeting ledger (meeting/) as of this date (YYYY-MM-DD) instead of the rubric's assessment.as_of or 31 December of the assessment year.",
                "按这个日期（YYYY-MM-DD）读取联席会议台账（meeting/），而不是细则中的 assessment.as_of 或考核年度的 12 月 31 日。")))
    var asOf: String?

    func validate() throws {
        try checkEnvironment()
        try requireAssessmentFolder(assessment)
        _ = try asOfDate()
    }

    /// The `--as-of` date; a usage error when it is no date.
    func asOfDate() throws -> CalendarDate? {
        try parseDate(asOf, option: "--as-of")
    }

    /// Loads the assessment, printing every input problem to stderr and failing when there is one. Without
    /// `checkingValues`, value problems are left to the scoring that follows (which reports the same ones).
    func load(checkingValues: Bool = true) throws -> (Assessment, WeightScheme?) {
        let loaded = try loadAssessment(
            assessment, rubric: rubric, data: data, schemeArguments: weights.map { [$0] } ?? [],
            checkingValues: checkingValues, asOf: try asOfDate())
        return (loaded, try weights.map { try resolveScheme($0, in: loaded) })
    }
}

/// Loads an assessment folder with the schemes of its weights/ folder and any scheme arguments that are files,
/// printing every input problem (and warning) to stderr and failing when there is an error.
func loadAssessment(
    _ folder: String, rubric: String? = nil, data: String? = nil, schemeArguments: [String],
    checkingValues: Bool = true, asOf: CalendarDate? = nil
) throws -> Assessment {
    let files = schemeArguments.filter { FileManager.default.fileExists(atPath: $0) }
    let weights = files.isEmpty ? nil : AssessmentLoader.schemeFiles(in: folder) + files
    do {
        let assessment = try AssessmentLoader.load(
            folder: folder, paths: .init(rubric: rubric, data: data, weights: weights),
            checkingValues: checkingValues, spreadsheets: SpreadsheetFile.readForm,
            asOf: asOf)
        printDiagnostics(assessment.warnings)
        return assessment
    } catch let errors as InputErrors {
        printDiagnostics(errors.diagnostics)
        printError(Say.problems(errors.diagnostics.count))
        throw ExitCode.failure
    }
}

/// The scheme a `--weights` argument names: a file, or a scheme of the assessment's weights/ by file or scheme name.
func resolveScheme(_ argument: String, in assessment: Assessment) throws -> WeightScheme {
    let standardized = URL(fileURLWithPath: argument).standardizedFileURL.path
    if let scheme = assessment.schemes.first(where: { URL(fileURLWithPath: $0.file).standardizedFileURL.path == standardized })
        ?? assessment.scheme(named: argument)
    {
        return scheme
    }
    let known = assessment.schemes.map { URL(fileURLWithPath: $0.file).deletingPathExtension().lastPathComponent }
    printError(Say.noWeightScheme(argument, known.joined(separator: ", ")))
    throw ExitCode.failure
}

/// Refuses a path that is not a folder (the assessment argument of every command).
func requireAssessmentFolder(_ path: String) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw ValidationError(Say.notAFolder(path).text(.current))
    }
}

/// Refuses an environment that would make unreadable files (workbook.md 15).
func checkEnvironment() throws {
    if let problem = Workbook.sourceDateEpochProblem() { throw ValidationError(problem) }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Every problem on its own line; one in a text file also shows the offending line with a caret under the column.
func printDiagnostics(_ diagnostics: [Diagnostic]) {
    var texts: [String: String?] = [:]
    for d in diagnostics {
        printError(d.description)
        guard d.location.column != nil else { continue }
        let file = d.location.file
        if texts[file] == nil {
            texts[file] = FileManager.default.contents(atPath: file).flatMap { String(data: $0, encoding: .utf8) }
        }
        if let text = texts[file] ?? nil, let excerpt = d.excerpt(in: text) { printError(excerpt) }
    }
}

/// Writes a command's output files into `directory` through `body`, moving them into place only when all are
/// complete; prints the paths written, or the error (exit 1) after removing what was staged.
func writeOutputs(to directory: String, _ body: (inout OutputFiles) throws -> Void) throws {
    var files: OutputFiles
    do {
        files = try OutputFiles(directory: directory)
    } catch {
        printError(Say.failed(error))
        throw ExitCode.failure
    }
    do {
        try body(&files)
        for path in try files.commit() { print(path) }
    } catch {
        files.discard()
        printError(Say.failed(error))
        throw ExitCode.failure
    }
}

/// A date option's value (`YYYY-MM-DD`, or 2024年6月18日 / 2024/6/18); nil when not given.
func parseDate(_ text: String?, option: String) throws -> CalendarDate? {
    guard let text else { return nil }
    guard let (date, _) = CalendarDate.read(text) else {
        throw ValidationError(Say.notADate(option, text).text(.current))
    }
    return date
}

/// Scores, turning value problems into diagnostics on stderr and exit code 1; the result carries the ledger.
func score(_ assessment: Assessment, scheme: WeightScheme?) throws -> AssessmentResult {
    var data = assessment.data
    var result = try score(releasing: &data, rubric: assessment.rubric, scheme: scheme)
    result.ledger = assessment.ledger
    return result
}

/// Scores data that the caller gives up (each organization's data is freed once it is scored), turning value
/// problems into diagnostics on stderr and exit code 1.
func score(releasing data: inout [OrganizationData], rubric: Rubric, scheme: WeightScheme?) throws -> AssessmentResult {
    do {
        return try Scorer(rubric: rubric, scheme: scheme).score(releasing: &data)
    } catch let errors as InputErrors {
        printDiagnostics(errors.diagnostics)
        printError(Say.problems(errors.diagnostics.count))
        throw ExitCode.failure
    }
}
