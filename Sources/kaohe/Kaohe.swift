import ArgumentParser
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
}
