import ArgumentParser
import Foundation
import KaoheCore

/// The assessment folder and the overrides for where its parts come from.
struct AssessmentOptions: ParsableArguments {
    @Argument(help: "The assessment folder (with rubric.yaml, data/ and weights/).", completion: .directory)
    var assessment: String

    @Option(help: "Read the rubric from this file instead of <assessment>/rubric.yaml.", completion: .file())
    var rubric: String?

    @Option(help: "Read organization data from this folder or file instead of <assessment>/data.", completion: .directory)
    var data: String?

    @Option(name: .customLong("weights"),
            help: "Score with this weight scheme: a file, or the name of a scheme in <assessment>/weights.",
            completion: .file())
    var weights: String?

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: assessment, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("'\(assessment)' is not an assessment folder.")
        }
    }

    /// Loads the assessment, printing every input problem to stderr and failing when there is one.
    func load() throws -> (Assessment, WeightScheme?) {
        var schemeFiles: [String]?
        if let weights, FileManager.default.fileExists(atPath: weights) { schemeFiles = [weights] }
        let assessment: Assessment
        do {
            assessment = try AssessmentLoader.load(
                folder: self.assessment, paths: .init(rubric: rubric, data: data, weights: schemeFiles))
        } catch let errors as InputErrors {
            printDiagnostics(errors.diagnostics)
            printError("\(errors.diagnostics.count) problem\(errors.diagnostics.count == 1 ? "" : "s") found; nothing was written.")
            throw ExitCode.failure
        }
        printDiagnostics(assessment.warnings)
        guard let weights else { return (assessment, nil) }
        guard let scheme = schemeFiles != nil ? assessment.schemes.first : assessment.scheme(named: weights) else {
            let known = assessment.schemes.map { URL(fileURLWithPath: $0.file).deletingPathExtension().lastPathComponent }
            printError("error: no weight scheme '\(weights)' (a file path, or one of: \(known.joined(separator: ", ")))")
            throw ExitCode.failure
        }
        return (assessment, scheme)
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

func printDiagnostics(_ diagnostics: [Diagnostic]) {
    for d in diagnostics { printError(d.description) }
}

/// Scores, turning value problems into diagnostics on stderr and exit code 1.
func score(_ assessment: Assessment, scheme: WeightScheme?) throws -> AssessmentResult {
    do {
        return try Scorer(rubric: assessment.rubric, scheme: scheme).score(assessment.data)
    } catch let errors as InputErrors {
        printDiagnostics(errors.diagnostics)
        printError("\(errors.diagnostics.count) problem(s) found; nothing was written.")
        throw ExitCode.failure
    }
}
