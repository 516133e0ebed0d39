import Foundation
import Testing
import TestSupport

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
let bundled = repositoryRoot + "/rubrics/2024-county-mass-orgs"

/// Runs the built `kaohe` and returns its exit status, stdout and stderr.
func kaohe(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kaohe").path,
        repositoryRoot + "/.build/debug/kaohe"
    ]
    let binary = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0) }, "build kaohe first")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    // English unless a test asks otherwise: most assertions were written against it (both languages come from one
    // catalog; `messagesAreChineseFirst` pins the Chinese).
    var base = ProcessInfo.processInfo.environment
    base["LC_ALL"] = nil
    base["LC_MESSAGES"] = nil
    base["LANG"] = "en_US.UTF-8"
    process.environment = base.merging(environment) { $1 }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

func scratch() throws -> String {
    try makeScratchDirectory("cli")
}

/// A copy of the bundled assessment to break.
func copyOfBundled() throws -> String {
    let target = try scratch() + "/assessment"
    try FileManager.default.copyItem(atPath: bundled, toPath: target)
    return target
}

@Suite(.serialized) struct CommandLineTests {
    @Test func helpListsTheCommands() throws {
        let r = try kaohe(["--help"])
        #expect(r.status == 0)
        for command in ["score", "validate", "explain", "init", "forms", "collect", "meeting"] { #expect(r.out.contains(command)) }
        #expect(try kaohe(["meeting", "--help"]).out.contains("--carry-over"))
        #expect(try kaohe(["score", "--help"]).out.contains("--as-of"))
        #expect(try kaohe(["--version"]).out.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        #expect(try kaohe(["score", "--help"]).out.contains("--weights"))
    }

    @Test func validateTheBundledAssessment() throws {
        let r = try kaohe(["validate", bundled])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("valid:"))
        #expect(r.err.isEmpty)
    }

    @Test func invalidInputReportsEveryProblemAndWritesNothing() throws {
        let folder = try copyOfBundled()
        let union = folder + "/data/union.yaml"
        var text = try String(contentsOfFile: union, encoding: .utf8)
        text = text.replacingOccurrences(of: "year: 2024", with: "year: 2023")
            .replacingOccurrences(of: "politics.ideology: {value: 好, self: 5}", with: "politics.ideology: {value: 很好, self: 5}")
        try text.write(toFile: union, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: folder + "/data/sci.yaml")
        let out = try scratch()
        let r = try kaohe(["score", folder, "--out", out])
        #expect(r.status == 1)
        #expect(r.err.contains("data/union.yaml:3:7: error: the data is for year 2023, but the rubric assesses 2024"))
        #expect(r.err.contains("rubric.yaml") && r.err.contains("no data for organization 'sci'"))
        #expect(r.out.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
        // Value errors are found once references are right.
        try FileManager.default.copyItem(atPath: bundled + "/data/sci.yaml", toPath: folder + "/data/sci.yaml")
        try text.replacingOccurrences(of: "year: 2023", with: "year: 2024").write(toFile: union, atomically: true, encoding: .utf8)
        let v = try kaohe(["validate", folder])
        #expect(v.status == 1)
        #expect(v.err.contains("data/union.yaml:6:") && v.err.contains("level '很好' is not one of: 好, 较好, 一般, 差"))
    }

    @Test func scoreWritesWorkbookAndResults() throws {
        let out = try scratch()
        let r = try kaohe(["score", bundled, "--out", out, "--weights", "service-weighted"], environment: ["SOURCE_DATE_EPOCH": "1735660800"])
        #expect(r.status == 0, "\(r.err)")
        let folder = out + "/2024-county-mass-orgs-service-weighted"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files == ["2024-county-mass-orgs-service-weighted.xlsx", "results.csv", "results.json"])
        #expect(r.out.split(separator: "\n").count == 3)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/results.json"))) as! [String: Any]
        #expect(json["scheme"] as? String == "服务群众加权")
        let orgs = json["organizations"] as! [[String: Any]]
        #expect(orgs.first?["id"] as? String == "union")
        #expect(orgs.first?["final"] as? Double == 101.17)
        let csv = try Data(contentsOf: URL(fileURLWithPath: folder + "/results.csv"))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func splitWritesOneWorkbookPerOrganization() throws {
        let out = try scratch()
        let r = try kaohe(["score", bundled, "--out", out, "--split"])
        #expect(r.status == 0, "\(r.err)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out + "/2024-county-mass-orgs").filter { $0.hasSuffix(".xlsx") }
        #expect(files.count == 1 + 9)
        #expect(files.contains("2024-county-mass-orgs-县总工会-union.xlsx"))
        #expect(!files.contains { $0.hasPrefix(".") })
    }

    @Test func explainTracesOneOrganization() throws {
        let r = try kaohe(["explain", bundled, "overseas"])
        #expect(r.status == 0)
        #expect(r.out.contains("rescaled 29.33 × 40 ÷ 34 = 34.51"))
        #expect(r.out.contains("县级领导评价 (weight 4): only 5 invalid votes, left out of the weighting"))
        #expect(r.out.contains("final score 86.08 reaches '良好' (≥ 80)"))
        #expect(r.out.contains("Final grade: 良好"))
        let zh = try kaohe(["explain", bundled, "overseas", "--lang", "zh"])
        #expect(zh.out.contains("折算 29.33 × 40 ÷ 34 = 34.51"))
        #expect(zh.out.contains("县级领导评价 (权重 4): 仅有无效票 5 张, 不参与加权"))
        #expect(zh.out.contains("最终等次: 良好"))
        #expect(try kaohe(["explain", bundled, "nobody"]).status != 0)
    }

    @Test func initCopiesAndRefusesToOverwrite() throws {
        let target = try scratch() + "/county"
        let r = try kaohe(["init", target])
        #expect(r.status == 0, "\(r.err)")
        #expect(FileManager.default.fileExists(atPath: target + "/rubric.yaml"))
        #expect(try kaohe(["validate", target]).status == 0)
        let again = try kaohe(["init", target])
        #expect(again.status != 0)
        #expect(again.err.contains("already exists"))
    }

    @Test func compareWritesWorkbookAndJSON() throws {
        let out = try scratch()
        let r = try kaohe(["compare", bundled, "--weights", "service-weighted", "--out", out])
        #expect(r.status == 0, "\(r.err)")
        let folder = out + "/2024-county-mass-orgs-compare"
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["compare.json", "compare.xlsx"])
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/compare.json"))) as! [String: Any]
        let summary = (json["summaries"] as! [[String: Any]])[0]
        #expect(summary["entered_top_grade"] as? [String] == ["redcross", "commerce"])
        #expect(summary["left_top_grade"] as? [String] == ["youth", "arts"])
        let youth = (json["organizations"] as! [[String: Any]]).first { $0["id"] as? String == "youth" }!
        let scheme = (youth["schemes"] as! [[String: Any]])[0]
        #expect(scheme["rank_change"] as? Int == -1)
        #expect(r.err.contains("服务群众加权: Spearman"))
    }

    @Test func sensitivityIsReproducibleAndRecordsItsParameters() throws {
        let out1 = try scratch(), out2 = try scratch()
        let args = [bundled, "--perturb", "25%", "--runs", "300", "--seed", "9"]
        let first = try kaohe(["sensitivity"] + args + ["--out", out1])
        #expect(first.status == 0, "\(first.err)")
        #expect(first.err.contains("sensitivity: 300/300 runs"))
        let second = try kaohe(["sensitivity"] + args + ["--out", out2])
        #expect(second.status == 0)
        let path = "/2024-county-mass-orgs-sensitivity/sensitivity.json"
        let a = try Data(contentsOf: URL(fileURLWithPath: out1 + path)), b = try Data(contentsOf: URL(fileURLWithPath: out2 + path))
        #expect(a == b)
        let json = try JSONSerialization.jsonObject(with: a) as! [String: Any]
        let parameters = json["parameters"] as! [String: Any]
        #expect(parameters["seed"] as? Int == 9 && parameters["runs"] as? Int == 300 && parameters["perturbation"] as? Double == 0.25)
        let union = (json["organizations"] as! [[String: Any]]).first { $0["id"] as? String == "union" }!
        for key in ["nominal_rank", "median_rank", "p5_rank", "p95_rank", "grade_shares"] { #expect(union[key] != nil, "\(key)") }
        #expect(try kaohe(["sensitivity", bundled, "--perturb", "150%"]).status == 64)
    }

    @Test func initStartsWithoutSampleDataUnlessAsked() throws {
        let folder = try scratch()
        #expect(try kaohe(["init", folder + "/a"], environment: ["KAOHE_TEMPLATE": bundled]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/a/data").isEmpty)
        #expect(try kaohe(["init", folder + "/b", "--with-sample-data"], environment: ["KAOHE_TEMPLATE": bundled]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/b/data").count == 9)
    }

    @Test func formsThenCollectOfUnfilledFormsReportsEveryCell() throws {
        let folder = try scratch()
        _ = try kaohe(["init", folder + "/county"], environment: ["KAOHE_TEMPLATE": bundled])
        let forms = try kaohe(
            ["forms", folder + "/county", "--out", folder + "/out", "--organization", "union", "women"],
            environment: ["SOURCE_DATE_EPOCH": "1735660800"])
        #expect(forms.status == 0, "\(forms.err)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder + "/out/2024-county-mass-orgs-forms/自评表").sorted()
        #expect(written == ["01-县总工会-自评表.xlsx", "03-县妇联-自评表.xlsx"])
        let collect = try kaohe(["collect", folder + "/county", folder + "/out/2024-county-mass-orgs-forms/自评表", "--out", folder + "/out"])
        #expect(collect.status == 1)
        #expect(collect.err.contains("01-县总工会-自评表.xlsx:自评表!G4 (理论学习): error: 完成情况 is not filled in"))
        #expect(collect.err.contains("missing\t团县委 (youth)"))
        let chinese = try kaohe([
            "collect", folder + "/county", folder + "/out/2024-county-mass-orgs-forms/自评表", "--out", folder + "/out", "--lang", "zh"
        ])
        #expect(chinese.err.contains("01-县总工会-自评表.xlsx:自评表!G4 (理论学习): 错误: 未填写完成情况"))
        #expect(chinese.err.contains("未收到\t团县委 (youth)\t错误 0\t警告 0"))
        #expect(FileManager.default.fileExists(atPath: folder + "/out/2024-county-mass-orgs-forms/collect-report.xlsx"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/county/data").isEmpty)
        let unknown = try kaohe(["forms", folder + "/county", "--organization", "nobody"])
        #expect(unknown.status != 0 && unknown.err.contains("县总工会 (union)"))
    }

    @Test func reviewAndSurveyFormsAreWrittenAndReadBack() throws {
        let folder = try scratch()
        _ = try kaohe(["init", folder + "/county", "--with-sample-data"], environment: ["KAOHE_TEMPLATE": bundled])
        let review = try kaohe(["forms", folder + "/county", "--review", "--out", folder + "/out", "--unit", "县委组织部", "考核办"])
        #expect(review.status == 0, "\(review.err)")
        let reviews = try FileManager.default.contentsOfDirectory(atPath: folder + "/out/2024-county-mass-orgs-forms/核定表").sorted()
        #expect(reviews == ["01-县委组织部-核定表.xlsx", "24-考核办-核定表.xlsx"])
        let survey = try kaohe(["forms", folder + "/county", "--survey", "--out", folder + "/out"])
        #expect(survey.status == 0, "\(survey.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/out/2024-county-mass-orgs-forms/测评").count == 3)
        // Returned untouched over the office's own sample data: refused without --replace, then nothing changes.
        let returned = folder + "/out/2024-county-mass-orgs-forms"
        let refused = try kaohe(["collect", folder + "/county", returned + "/核定表", returned + "/测评", "--out", folder + "/out"])
        #expect(refused.status == 1 && refused.err.contains("--replace"))
        let before = try kaohe(["score", folder + "/county", "--out", folder + "/before"])
        #expect(before.status == 0)
        let collect = try kaohe(["collect", folder + "/county", returned + "/核定表", returned + "/测评", "--replace", "--out", folder + "/out"])
        #expect(collect.status == 0, "\(collect.err)")
        #expect(collect.err.contains("核定表\treceived\t县委组织部") && collect.err.contains("测评统计表\treceived\t社会评价·县级领导评价"))
        let after = try kaohe(["score", folder + "/county", "--out", folder + "/after"])
        #expect(after.status == 0, "\(after.err)")
        func finals(_ out: String) throws -> [String] {
            let text = try String(contentsOfFile: out + "/2024-county-mass-orgs/results.csv", encoding: .utf8)
            return text.split(separator: "\r\n").map(String.init)
        }
        #expect(try finals(folder + "/after") == finals(folder + "/before"))
    }

    @Test func reviewAndSurveyOptionsAreChecked() throws {
        let folder = try scratch()
        for (arguments, needle) in [
            (["--review", "--survey"], "give one of them"), (["--review", "--organization", "union"], "are for the 自评表"),
            (["--unit", "县委组织部"], "give it with --review"), (["--review", "--unit", "县气象局"], "县委组织部")
        ] {
            let r = try kaohe(["forms", bundled, "--out", folder] + arguments)
            #expect(r.status != 0 && r.err.contains(needle), "\(arguments): \(r.err)")
        }
    }

    @Test func meetingWritesTheFollowUpAndChecksItsOptions() throws {
        let folder = try scratch()
        let r = try kaohe(["meeting", bundled, "--out", folder, "--as-of", "2024-12-31"], environment: ["SOURCE_DATE_EPOCH": "1735660800"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("as of 2024-12-31: 66 items, 64 agreed, 48 closed, 16 open"))
        #expect(r.err.contains("红\t2024-LX-41\t县卫健局\toverdue by 82 day(s)"))
        let chinese = try kaohe(["meeting", bundled, "--out", folder + "/zh", "--as-of", "2024-12-31", "--lang", "zh"])
        #expect(chinese.err.contains("截至 2024-12-31：事项 66 件，议定 64 件，已办结 48 件，未办结 16 件"))
        #expect(chinese.err.contains("红\t2024-LX-41\t县卫健局\t超期 82 天"))
        let written = try FileManager.default.contentsOfDirectory(atPath: folder + "/2024-county-mass-orgs-meeting").sorted()
        #expect(written == ["上一年度议定事项落实情况通报.txt", "督办台账.xlsx"])
        // As of mid-year, fewer items are due and none of October's are red yet.
        let midYear = try kaohe(["meeting", bundled, "--out", folder, "--as-of", "2024-09-01"])
        #expect(midYear.status == 0 && !midYear.err.contains("2024-LX-41\t县卫健局\t超期"))
        let bad = try kaohe(["meeting", bundled, "--as-of", "去年"])
        #expect(bad.status != 0 && bad.err.contains("'去年' is not a date"))
        let empty = try scratch() + "/a"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: bundled + "/rubric.yaml", toPath: empty + "/rubric.yaml")
        let none = try kaohe(["meeting", empty])
        #expect(none.status == 1 && none.err.contains("has no meeting/"))
        let score = try kaohe(["validate", empty])
        #expect(
            score.status == 1
                && score.err.contains(
                    "comes from the joint meeting ledger (from: meeting.submitted_on_time), but the assessment folder has no meeting/")
        )
    }

    @Test func messagesAreChineseFirst() throws {
        let folder = try copyOfBundled()
        let file = folder + "/data/youth.yaml"
        try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "year: 2024", with: "year: 2023")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let chinese = try kaohe(["validate", folder], environment: ["LANG": "C.UTF-8"])
        #expect(chinese.status == 1 && chinese.err.contains("youth.yaml:3:7: 错误: 数据是 2023 年度的，而考核细则考核的是 2024 年度"))
        #expect(chinese.err.contains("发现 1 个问题，未写出任何文件。"))
        // The offending line, with a caret under the column.
        #expect(chinese.err.contains("\n    year: 2023\n          ^\n"))
        let english = try kaohe(["validate", folder, "--lang", "en"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(english.err.contains("youth.yaml:3:7: error: the data is for year 2023") && english.err.contains("1 problem(s) found"))
        let bad = try kaohe(["--lang", "fr", "validate", folder])
        #expect(bad.status == 64 && bad.err.contains("--lang must be zh or en, found 'fr'"))
    }

    @Test func helpInBothLanguages() throws {
        let zh = try kaohe(["--help"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.out.contains("按目标考核细则为县级群团组织评分") && zh.out.contains("生成要下发的表格"), "\(zh.out)")
        #expect(try kaohe(["score", "--help"]).out.contains("Score every organization"))
        let zhScore = try kaohe(["score", "--help"], environment: ["LANG": "C.UTF-8"])
        #expect(zhScore.out.contains("按这个权重方案评分") && zhScore.out.contains("--as-of"))
        #expect(try kaohe(["--lang", "zh", "meeting", "--help"]).out.contains("把未办结事项结转到"))
    }

    @Test func formsAreByteIdenticalForTheSameInputs() throws {
        let folder = try scratch()
        var books: [Data] = []
        for run in ["1", "2"] {
            let r = try kaohe(
                ["forms", bundled, "--out", folder + "/" + run, "--organization", "sci"],
                environment: ["SOURCE_DATE_EPOCH": "1735660800"])
            #expect(r.status == 0, "\(r.err)")
            books.append(try Data(contentsOf: URL(fileURLWithPath: folder + "/\(run)/2024-county-mass-orgs-forms/自评表/04-县科协-自评表.xlsx")))
        }
        #expect(books[0] == books[1])
    }

    @Test func legacyFilesInDataAreRefusedWithHowToSaveThem() throws {
        let folder = try copyOfBundled()
        try Data([0xD0, 0xCF, 0x11, 0xE0]).write(to: URL(fileURLWithPath: folder + "/data/unit.xls"))
        let r = try kaohe(["validate", folder])
        #expect(r.status == 1)
        #expect(r.err.contains("unit.xls: error:") && r.err.contains("save it as .xlsx"))
    }

    @Test func outputProblemsAreErrorsInWords() throws {
        let folder = try scratch()
        FileManager.default.createFile(atPath: folder + "/file", contents: Data())
        let r = try kaohe(["score", bundled, "--out", folder + "/file"])
        #expect(r.status == 1)
        #expect(r.err.contains("cannot be created: a file is in the way") && !r.err.contains("NSCocoaErrorDomain"))
        let epoch = try kaohe(["score", bundled, "--out", folder], environment: ["SOURCE_DATE_EPOCH": "99999999999999"])
        #expect(epoch.status != 0 && epoch.err.contains("SOURCE_DATE_EPOCH must be a whole number"))
    }

    @Test func temporariesOfKilledRunsAreRemoved() throws {
        let folder = try scratch()
        let target = folder + "/2024-county-mass-orgs"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        // A process id that cannot be running (above the kernel's maximum).
        let stale = target + "/.results.json.99999999.0A0A0A0A-0000-0000-0000-000000000000.partial"
        FileManager.default.createFile(atPath: stale, contents: Data("half".utf8))
        #expect(try kaohe(["score", bundled, "--out", folder]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale))
        let left = try FileManager.default.contentsOfDirectory(atPath: target).filter { $0.hasPrefix(".") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test func organizationsNamedLikeTheWorkbooksSheetsAndSplitNamesThatCollide() throws {
        let folder = try copyOfBundled()
        let rubricPath = folder + "/rubric.yaml"
        var text = try String(contentsOfFile: rubricPath, encoding: .utf8)
        text = text.replacingOccurrences(of: "{id: union, name: 县总工会, category: mass}", with: "{id: union, name: 权重, category: mass}")
            .replacingOccurrences(of: "{id: youth, name: 团县委, category: mass}", with: "{id: youth, name: 满意度, category: mass}")
            .replacingOccurrences(of: "{id: women, name: 县妇联, category: mass}", with: "{id: women, name: 指标体系, category: mass}")
            .replacingOccurrences(of: "{id: sci, name: 县科协, category: mass}", with: "{id: sci, name: 图表, category: mass}")
        try text.write(toFile: rubricPath, atomically: true, encoding: .utf8)
        #expect(try kaohe(["validate", folder]).status == 0)
        let out = try scratch()
        let r = try kaohe(["score", folder, "--out", out, "--split"])
        #expect(r.status == 0, "\(r.err)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out + "/2024-county-mass-orgs").filter { $0.hasSuffix(".xlsx") }
        #expect(files.count == 10)
    }

    @Test func problemsOfEveryKindAreReportedInOneRun() throws {
        let folder = try copyOfBundled()
        try "organization: union\nyear: 2024\nindicators: {politics.study: [\n".write(
            toFile: folder + "/data/union.yaml", atomically: true, encoding: .utf8)
        let women = folder + "/data/women.yaml"
        let text = try String(contentsOfFile: women, encoding: .utf8).replacingOccurrences(
            of: "politics.ideology: {value: 较好", with: "politics.ideology: {value: 很好")
        try text.write(toFile: women, atomically: true, encoding: .utf8)
        for command in ["validate", "score"] {
            let r = try kaohe([command, folder, "--out", try scratch()].prefix(command == "validate" ? 2 : 4).map { $0 })
            #expect(r.status == 1)
            #expect(r.err.contains("data/union.yaml:") && r.err.contains("YAML syntax"), "\(command): \(r.err)")
            #expect(r.err.contains("data/women.yaml:") && r.err.contains("很好"), "\(command): \(r.err)")
        }
    }
}
