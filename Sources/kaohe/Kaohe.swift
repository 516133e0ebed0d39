import ArgumentParser
import Foundation
import KaoheCore

@main
struct Kaohe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kaohe",
        abstract: bilingual(
            "Scores county mass organizations against a target-assessment rubric (考核细则) and writes scorecard workbooks.",
            "按目标考核细则为县级群团组织评分，并生成考核评分工作簿。"),
        discussion: bilingual(
            """
            An assessment is a folder with rubric.yaml, data/ (one file per organization, YAML or CSV), optionally \
            weights/ (alternative weight schemes) and meeting/ (the joint meeting ledger). See \
            rubrics/2024-county-mass-orgs for a complete example; `kaohe init` copies it as a starting point. \
            Messages are in Chinese unless LC_ALL, LC_MESSAGES or LANG starts with en; --lang zh|en chooses.
            """,
            """
            一个考核是一个文件夹：rubric.yaml（考核细则）、data/（每个单位一个数据文件，YAML 或 CSV），可选的 \
            weights/（其他权重方案）和 meeting/（联席会议台账）。完整示例见 rubrics/2024-county-mass-orgs；\
            kaohe init 以它为模板新建。提示信息默认为中文（LC_ALL、LC_MESSAGES 或 LANG 以 en 开头时为英文），\
            也可用 --lang zh 或 --lang en 指定。
            """),
        version: KaoheVersion.current,
        subcommands: [
            Init.self, Forms.self, Collect.self, MeetingCommand.self, Score.self, Validate.self, Explain.self, Compare.self, Sensitivity.self,
            Synth.self
        ]
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
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            // As ArgumentParser's own `exit(withError:)`, with its words in the chosen language.
            let code = exitCode(for: error)
            let text = ParserWords.localized(fullMessage(for: error))
            if code == .success { print(text) } else if !text.isEmpty { printError(text) }
            Foundation.exit(code.rawValue)
        }
    }
}
