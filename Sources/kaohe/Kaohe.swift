import ArgumentParser
import Foundation
import KaoheCore

@main
struct Kaohe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kaohe",
        abstract: "Scores county mass organizations against a target-assessment rubric (考核细则) and writes scorecard workbooks.",
        discussion: """
            An assessment is a folder with rubric.yaml, data/ (one file per organization, YAML or CSV) and \
            optionally weights/ (alternative weight schemes). See rubrics/2024-county-mass-orgs for a complete \
            example; `kaohe init` copies it as a starting point.
            """,
        version: KaoheVersion.current,
        subcommands: [Init.self, Forms.self, Collect.self, MeetingCommand.self, Score.self, Validate.self, Explain.self, Compare.self, Sensitivity.self, Synth.self]
    )

    /// `--lang zh|en` (anywhere on the line) chooses the language before the command is parsed; without it
    /// LC_ALL / LC_MESSAGES / LANG decide (`en…` English, anything else Chinese).
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if let i = arguments.firstIndex(where: { $0 == "--lang" || $0.hasPrefix("--lang=") }) {
            let value = arguments[i] == "--lang" ? (i + 1 < arguments.count ? arguments[i + 1] : "") : String(arguments[i].dropFirst(7))
            arguments.removeSubrange(i...(arguments[i] == "--lang" ? min(i + 1, arguments.count - 1) : i))
            guard let language = Language(rawValue: value) else {
                printError(Say.badLanguage(value))
                Foundation.exit(64)
            }
            Language.current = language
        }
        self.main(arguments)
    }
}
