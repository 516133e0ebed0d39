import Foundation
import Testing
@testable import KaoheCore
import TestSupport

/// Both languages from one catalog entry, the language chosen from the environment, "did you mean", choice lists,
/// and names accepted where ids are expected.
@Suite struct MessageCatalogTests {
    @Test func theLanguageComesFromTheEnvironment() {
        #expect(Language.fromEnvironment([:]) == .zh)
        #expect(Language.fromEnvironment(["LANG": "C.UTF-8"]) == .zh)
        #expect(Language.fromEnvironment(["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.fromEnvironment(["LANG": "en_US.UTF-8"]) == .en)
        #expect(Language.fromEnvironment(["LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.fromEnvironment(["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_GB"]) == .en)
        #expect(Language.fromEnvironment(["LC_ALL": "", "LANG": "en"]) == .en)
    }

    @Test func bothLanguagesSayTheSameThing() {
        let message = Catalog.wrongYear(2023, 2024)
        #expect(message.text(.en) == "the data is for year 2023, but the rubric assesses 2024")
        #expect(message.text(.zh) == "数据是 2023 年度的，而考核细则考核的是 2024 年度；可能是上一年的文件")
        let diagnostic = Diagnostic(SourceLocation(file: "data/a.yaml", line: 3, column: 7), message)
        #expect(diagnostic.description(in: .zh) == "data/a.yaml:3:7: 错误: 数据是 2023 年度的，而考核细则考核的是 2024 年度；可能是上一年的文件")
        #expect(diagnostic.description(in: .en) == "data/a.yaml:3:7: error: the data is for year 2023, but the rubric assesses 2024")
        #expect(Diagnostic(.wholeFile("x"), "原文", severity: .warning).description(in: .en) == "x: warning: 原文")
    }

    @Test func didYouMeanAndChoices() {
        #expect(Suggestion.closest("politics.studdy", in: ["politics.study", "politics.party", "service.rights"]) == ["politics.study"])
        #expect(Suggestion.closest("xyz", in: ["politics.study"]).isEmpty)
        #expect(Suggestion.didYouMean("unoin", in: ["union", "youth"]).text(.zh) == "（是不是 “union”？）")
        #expect(Suggestion.didYouMean("unoin", in: ["union", "youth"]).text(.en) == " (did you mean 'union'?)")
        let many = (1...10).map { (name: "单位\($0)", id: "o\($0)") }
        #expect(Suggestion.choices(many).text(.zh).hasSuffix("单位8 (o8) 等 10 个"))
        #expect(Suggestion.choices(Array(many.prefix(2))).text(.en) == "单位1 (o1), 单位2 (o2)")
    }

    @Test func namesAreAcceptedWhereIdsAreExpectedWithAWarning() throws {
        let assessment = try AssessmentLoader.load(folder: bundledAssessment)
        let text = try String(contentsOfFile: bundledAssessment + "/data/union.yaml", encoding: .utf8)
            .replacingOccurrences(of: "organization: union", with: "organization: 县总工会")
            .replacingOccurrences(of: "  politics.study:", with: "  理论学习:")
        var d = Diagnostics()
        let data = try #require(DataLoader.loadYAML(text, file: "union.yaml", rubric: assessment.rubric, diagnostics: &d))
        #expect(!d.hasErrors, "\(d.all)")
        #expect(data.organization == "union" && data.indicators["politics.study"] != nil)
        #expect(d.warnings.map { $0.content.text(.zh) }.contains("“县总工会”是单位名称，已按其编号 union 读取；这里请写编号 union"))
        #expect(d.warnings.map { $0.content.text(.zh) }.contains("“理论学习”是指标名称，已按其编号 politics.study 读取；这里请写编号 politics.study"))
        var typo = Diagnostics()
        _ = DataLoader.loadYAML(
            text.replacingOccurrences(of: "organization: 县总工会", with: "organization: unoin"),
            file: "union.yaml", rubric: assessment.rubric, diagnostics: &typo)
        #expect(typo.errors.first?.content.text(.zh).hasPrefix("“unoin”不是本考核的单位（是不是 “union”？）（应为：县总工会 (union)、团县委 (youth)") == true)
    }
}

/// The catalogs' invariant (the core's and the commands'), read from their source: every entry has both languages and uses the same values in each
/// (methodProblem names the method in each language's words: {4} in English, {5} in Chinese).
@Suite struct CatalogSourceTests {
    @Test func everyEntryUsesTheSameValuesInBothLanguages() throws {
        let root = URL(fileURLWithPath: repositoryRoot)
        let text = try [
            "Sources/KaoheCore/Messages/Catalog.swift", "Sources/KaoheCore/Messages/FormMessages.swift",
            "Sources/KaoheCore/Messages/LedgerMessages.swift", "Sources/KaoheCore/Messages/WorkingMessages.swift",
            "Sources/kaohe/CommandText.swift"
        ]
        .map { try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
        let entry = try Regex(#"static let (\w+) = MessageTemplate\(\s*en: "((?:[^"\\]|\\.)*)",\s*zh: "((?:[^"\\]|\\.)*)"\)"#)
        let placeholder = try Regex(#"\{\d\}"#)
        var count = 0
        for match in text.matches(of: entry) {
            count += 1
            let name = String(match.output[1].substring ?? "")
            let en = String(match.output[2].substring ?? ""), zh = String(match.output[3].substring ?? "")
            #expect(!en.isEmpty && !zh.isEmpty, "\(name)")
            #expect(!en.contains("\\("), "\(name) still interpolates")
            let a = Set(en.matches(of: placeholder).map { String(en[$0.range]) })
            let b = Set(zh.matches(of: placeholder).map { String(zh[$0.range]) })
            if name != "methodProblem" { #expect(a == b, "\(name): \(a) vs \(b)") }
        }
        #expect(count > 450)
    }
}

/// The offending line with a caret under the column (like Yams' marks and compilers).
@Suite struct SourceExcerptTests {
    @Test func theCaretLinesUpUnderTheColumn() {
        let text = "organization: union\nyear: 2023\n  理论学习: 好\n\tx: 1\r\n"
        #expect(SourceExcerpt.excerpt(text, line: 2, column: 7) == "    year: 2023\n          ^")
        // Wide characters take two columns in a terminal.
        #expect(SourceExcerpt.excerpt(text, line: 3, column: 9) == "      理论学习: 好\n                ^")
        #expect(SourceExcerpt.excerpt(text, line: 4, column: 2) == "    \tx: 1\n    \t^")
        #expect(SourceExcerpt.excerpt(text, line: 9, column: 1) == nil)
        #expect(SourceExcerpt.excerpt(text, line: 1, column: 40) == nil)
        let d = Diagnostic(SourceLocation(file: "a.yaml", line: 2, column: 7), Catalog.wrongYear(2023, 2024))
        #expect(d.excerpt(in: text) == "    year: 2023\n          ^")
        #expect(Diagnostic(SourceLocation(file: "a.yaml", line: 2), "x").excerpt(in: text) == nil)
    }
}

/// Outputs that cannot be written say so in both languages.
@Suite struct OutputProblemMessageTests {
    @Test func aFullDiskInBothLanguages() {
        let problem = OutputProblem(path: "out/a", errno: ENOSPC)
        #expect(
            problem.message.text(.en)
                == "'out/a' cannot be written: the disk is full; free some space and run again (the previous output is untouched). Nothing was replaced."
        )
        #expect(problem.message.text(.zh) == "“out/a”无法写入：磁盘已满；请清理磁盘空间后重新运行（上次的结果未受影响）。原有文件均未被替换。")
    }
}
