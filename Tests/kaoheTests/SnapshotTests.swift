import Foundation
import Testing
import TestSupport

/// What users see, pinned: every command's --help in both languages, `explain` for bundled organizations, and the
/// bundled assessment's results files and workbook (its cells log). A change shows as a failing snapshot; `KAOHE_RECORD_SNAPSHOTS=1` records
/// the new output when it is intended (then review the diff of `__Snapshots__`).
@Suite struct SnapshotTests {
    static let commands = [
        "", "init", "forms", "collect", "meeting", "score", "validate", "explain", "compare",
        "sensitivity", "synth"
    ]

    @Test(arguments: ["en", "zh"]) func helpOfEveryCommand(language: String) throws {
        for command in Self.commands {
            let r = try kaohe((command.isEmpty ? [] : [command]) + ["--help", "--lang", language], environment: ["COLUMNS": "100", "LINES": "40"])
            #expect(r.status == 0, "\(command): \(r.err)")
            expectSnapshot(r.out, named: "help-\(command.isEmpty ? "kaohe" : command).\(language).txt")
        }
    }

    @Test(arguments: ["union", "sci", "overseas"]) func explainOfBundledOrganizations(organization: String) throws {
        for language in ["en", "zh"] {
            let r = try kaohe(["explain", bundled, organization, "--lang", language])
            #expect(r.status == 0, "\(r.err)")
            expectSnapshot(r.out, named: "explain-\(organization).\(language).txt")
        }
    }

    @Test func resultsOfTheBundledAssessment() throws {
        let folder = try scratch()
        let r = try kaohe(["score", bundled, "--out", folder, "--cells"], environment: ["SOURCE_DATE_EPOCH": "1735660800"])
        #expect(r.status == 0, "\(r.err)")
        // cells.jsonl: every cell, format, merge and width of the bundled workbook (the cover names the version).
        for file in ["results.json", "results.csv", "cells.jsonl"] {
            // The cover names the rubric's file by its path: the checkout's place is not part of the snapshot.
            let text = try String(contentsOfFile: folder + "/2024-county-mass-orgs/" + file, encoding: .utf8)
                .replacingOccurrences(of: bundled, with: "<bundled>")
            expectSnapshot(text, named: "bundled-" + file)
        }
    }
}
