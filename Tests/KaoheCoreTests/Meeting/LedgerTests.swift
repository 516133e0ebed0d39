import Foundation
import Testing
@testable import KaoheCore
import TestSupport

/// The joint meeting ledger (meeting.md): dates, figures as of a date with every status and boundary, warning
/// colours and their thresholds, values fed to indicators, errors with file and line, carry-over.
@Suite struct LedgerTests {
    static let rubricText = """
        kaohe: 1
        assessment: {id: t, title: 测试, year: 2024}
        organizations:
          - {id: a, name: 甲会}
          - {id: b, name: 乙会}
          - {id: c, name: 丙会}
          - {id: d, name: 丁会}
        blocks: [{id: p, name: 业绩, weight: 100, source: indicators}]
        dimensions:
          - id: j
            name: 联席会议
            points: 10
            indicators:
              - {id: j.rate, name: 办结率, points: 6, method: ratio, target: 1, from: meeting.closure_rate, missing: zero}
              - {id: j.submit, name: 按时报送, points: 4, method: yesno, no_points: 1, from: meeting.submitted_on_time}
        grades: [{name: 合格, min: 60}, {name: 不合格}]
        """

    static let meetings = """
        - {id: M, name: 2024年度联席会议, date: 2024-06-18, submit_by: {default: 2024-06-04, b: 2024-06-10}}
        """

    /// Org a's items cover every status and boundary (see each line); b is on time by its own deadline; c raised
    /// nothing; d has nothing due yet.
    static let items = """
        - {id: A1, meeting: M, raised_by: a, submitted: 2024-06-01, request: r, agreed: x, due: 2024-10-31, status: 已办结, closed: 2024-10-20, feedback: 2024-10-25, satisfaction: 满意}
        - {id: A2, meeting: M, raised_by: a, submitted: 2024-06-01, request: r, agreed: x, due: 2024-12-31, status: 办理中}
        - {id: A3, meeting: M, raised_by: a, submitted: 2024-06-01, request: r, agreed: x, due: 2025-01-01, status: 办理中, progress: [{date: 2024-12-15, note: 推进}]}
        - {id: A4, meeting: M, raised_by: a, submitted: 2024-06-01, request: r, agreed: x, ongoing: true, checkpoint: 2025-06-30, status: 办理中}
        - {id: A5, meeting: M, raised_by: a, submitted: 2024-06-01, request: r}
        - {id: A6, meeting: M, raised_by: a, submitted: 2024-06-01, request: r, agreed: x, due: 2024-11-30, status: 已办结, closed: 2025-01-05, satisfaction: 不满意}
        - {id: A7, meeting: M, raised_by: a, submitted: 2025-01-02, request: r, agreed: x, due: 2025-02-01, status: 未启动}
        - {id: A8, meeting: M, raised_by: a, submitted: 2024-06-01, request: r, agreed: x, due: 2025-03-01, status: 已办结, closed: 2024-12-01}
        - {id: A9, meeting: M, raised_by: a, submitted: 2024-06-01, request: r, agreed: x, due: 2024-09-30, status: 无法办理, satisfaction: 基本满意}
        - {id: A10, meeting: M, raised_by: a, submitted: 2024-06-08, request: r}
        - {id: B1, meeting: M, raised_by: b, submitted: 2024-06-08, request: r, agreed: x, due: 2024-07-31, status: 已办结, closed: 2024-07-30}
        - {id: B2, meeting: M, raised_by: b, submitted: 2024-06-08, request: r, agreed: x, due: 2024-08-31, status: 阶段性办结}
        - {id: B3, meeting: M, raised_by: b, submitted: 2024-06-08, request: r, agreed: x, due: 2025-02-01, status: 退回重办, progress: [{date: 2024-12-20, note: 重办}]}
        - {id: D1, meeting: M, raised_by: d, submitted: 2024-06-01, request: r, agreed: x, due: 2025-05-01, status: 未启动}
        """

    static func folder(items: String = items, meetings: String = meetings, csv: String? = nil) throws -> String {
        let folder = try makeScratchDirectory("ledger") + "/a"
        try FileManager.default.createDirectory(atPath: folder + "/meeting", withIntermediateDirectories: true)
        try rubricText.write(toFile: folder + "/rubric.yaml", atomically: true, encoding: .utf8)
        try meetings.write(toFile: folder + "/meeting/meetings.yaml", atomically: true, encoding: .utf8)
        if let csv {
            try csv.write(toFile: folder + "/meeting/items.csv", atomically: true, encoding: .utf8)
        } else {
            try items.write(toFile: folder + "/meeting/items.yaml", atomically: true, encoding: .utf8)
        }
        return folder
    }

    static func rubric() throws -> Rubric {
        var d = Diagnostics()
        return try #require(RubricLoader.load(rubricText, file: "rubric.yaml", diagnostics: &d))
    }

    static func snapshot(asOf: String = "2024-12-31", settings: MeetingSettings = MeetingSettings()) throws -> LedgerSnapshot {
        var d = Diagnostics()
        let ledger = try #require(LedgerLoader.load(assessment: try folder(), rubric: try rubric(), &d))
        #expect(!d.hasErrors, "\(d.all)")
        return LedgerSnapshot(ledger: ledger, asOf: CalendarDate.read(asOf)!.date, settings: settings)
    }

    @Test func calendarDates() throws {
        let d = try #require(CalendarDate(year: 2024, month: 2, day: 29))
        #expect(d.description == "2024-02-29" && d.chinese == "2024年2月29日")
        #expect(CalendarDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2025, month: 1, day: 1)! - CalendarDate(year: 2024, month: 6, day: 1)! == 214)
        #expect(CalendarDate(serial: 45461) == CalendarDate(year: 2024, month: 6, day: 18))
        #expect(CalendarDate(year: 2024, month: 6, day: 18)!.serial == 45461)
        #expect(CalendarDate.read("2024-06-02")! == (CalendarDate(year: 2024, month: 6, day: 2)!, false))
        for lenient in ["2024年6月2日", "2024/6/2", "2024.06.02", "2024-6-2"] {
            #expect(CalendarDate.read(lenient)! == (CalendarDate(year: 2024, month: 6, day: 2)!, true), "\(lenient)")
        }
        for bad in ["六月二日", "2024-13-01", "24-6-2", "2024-06-02x", ""] { #expect(CalendarDate.read(bad) == nil, "\(bad)") }
    }

    @Test func figuresOfEveryStatusAndBoundary() throws {
        let f = try Self.snapshot().figures
        let a = try #require(f.organizations["a"])
        // A7 is submitted after as_of: not there at all.
        #expect(a.raised == ["A1", "A2", "A3", "A4", "A5", "A6", "A8", "A9", "A10"])
        #expect(a.agreed == ["A1", "A2", "A3", "A4", "A6", "A8", "A9"])
        // Due on as_of counts (A2); the day after (A3), ongoing (A4) and closed before a due still ahead (A8) do not.
        #expect(a.due == ["A1", "A2", "A6", "A9"])
        // A6 closed after as_of has not closed yet.
        #expect(a.closed == ["A1"] && a.closedOnTime == ["A1"] && a.fedBack == ["A1"])
        #expect(a.late.map(\.item) == ["A10"] && a.daysLate == 4)
        #expect(f.warnings == ["A2": .yellow, "A3": .blue, "A6": .red, "A9": .red, "B2": .red])
        // 阶段性办结 and 退回重办 are open; B3 has 32 of 238 days left but a follow-up 11 days ago: no warning.
        #expect(f.isOpen(f.items.first { $0.id == "B2" }!) && f.isOpen(f.items.first { $0.id == "B3" }!))
        #expect(f.overdueDays(f.items.first { $0.id == "A6" }!) == 31)
        func value(_ v: LedgerFigures.Value, _ org: String = "a") -> DataValue? { f.value(v, for: org)?.result }
        #expect(value(.closureRate)?.display == Exact(1, over: 4).decimalText())
        #expect(value(.feedbackRate)?.display == "1")
        #expect(f.value(.satisfactionRate, for: "a")?.result.display == (Exact(2) / Exact(3)).decimalText())
        #expect(value(.submittedOnTime)?.display == "否" && value(.daysLate)?.display == "4")
        #expect(value(.redItems)?.display == "2" && value(.yellowItems)?.display == "1" && value(.blueItems)?.display == "1")
        #expect(value(.itemsDue)?.display == "4" && value(.itemsClosed)?.display == "1" && value(.closedOnTime)?.display == "1")
        // b: on time by its own deadline; closed without feedback.
        #expect(value(.submittedOnTime, "b")?.display == "是" && value(.closureRate, "b")?.display == "0.5")
        #expect(value(.feedbackRate, "b")?.display == "0")
        // c raised nothing: no value at all; d has nothing due: no rate, but counts.
        #expect(LedgerFigures.Value.allCases.allSatisfy { f.value($0, for: "c") == nil })
        #expect(value(.closureRate, "d") == nil && value(.itemsDue, "d")?.display == "0")
    }

    @Test func asOfMovesEveryBoundary() throws {
        let f = try Self.snapshot(asOf: "2025-01-01").figures
        let a = try #require(f.organizations["a"])
        #expect(a.due == ["A1", "A2", "A3", "A6", "A9"])
        #expect(f.warnings["A2"] == .red && f.warnings["A3"] == nil || f.warnings["A3"] == .blue)
        let later = try Self.snapshot(asOf: "2025-01-05").figures
        #expect(later.organizations["a"]!.closed == ["A1", "A6"])
        #expect(try Self.snapshot(asOf: "2025-01-01").figures.organizations["a"]!.raised.contains("A7") == false)
        #expect(try Self.snapshot(asOf: "2025-01-02").figures.organizations["a"]!.raised.contains("A7"))
    }

    @Test func warningThresholds() throws {
        var settings = MeetingSettings()
        settings.staleDays = 10
        // A3's follow-up (16 days before as_of) is no longer recent: 1 day left of 214 is behind → 黄.
        #expect(try Self.snapshot(settings: settings).figures.warnings["A3"] == .yellow)
        settings = MeetingSettings()
        settings.blueDays = 0
        #expect(try Self.snapshot(settings: settings).figures.warnings["A3"] == nil)
        // A4 (ongoing, checkpoint 2025-06-30): 181 of 394 days left; a fraction above 181/394 makes it 黄.
        settings = MeetingSettings()
        settings.yellowFraction = Exact(1, over: 2)
        #expect(try Self.snapshot(settings: settings).figures.warnings["A4"] == .yellow)
        #expect(try Self.snapshot().figures.warnings["A4"] == nil)
    }

    @Test func indicatorsTakeTheirValuesFromTheLedger() throws {
        let folder = try Self.folder()
        try FileManager.default.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
        for org in ["a", "b", "c", "d"] {
            try "organization: \(org)\nyear: 2024\nindicators:\n  j.rate: {self: 6}\n".write(
                toFile: folder + "/data/\(org).yaml", atomically: true, encoding: .utf8)
        }
        // c raised nothing: j.submit (no missing: zero) cannot be scored — an error saying why.
        let error = try #require(throws: InputErrors.self) { try AssessmentLoader.load(folder: folder) }
        #expect(error.diagnostics.count == 1, "\(error.diagnostics)")
        #expect(error.diagnostics[0].chinese.contains("没有可计算“按时报送”的事项（c 没有提出事项"))
        try "- {id: C1, meeting: M, raised_by: c, submitted: 2024-06-03, request: r}\n".appendLine(to: folder + "/meeting/items.yaml")
        let assessment = try AssessmentLoader.load(folder: folder)
        let result = try Scorer(rubric: assessment.rubric).score(assessment.data)
        func score(_ org: String, _ id: String) -> String { result.organization(org)!.indicator(id)!.score.formatted(places: 2) }
        // a: 1 of 4 due closed → 6 × 0.25 = 1.5; late → 1. b: 1 of 2 → 3, on time → 4. c: nothing due, missing: zero
        // → 0; on time → 4.
        #expect(score("a", "j.rate") == "1.50" && score("a", "j.submit") == "1.00")
        #expect(score("b", "j.rate") == "3.00" && score("c", "j.rate") == "0.00" && score("c", "j.submit") == "4.00")
        #expect(result.organization("a")!.indicator("j.rate").map(WorkingText.chinese.value) == "办结 1 / 应办结 4")
        // --as-of moves it: on 2025-01-05, A6 has closed (A3 is due and open): 2 of 5.
        let later = try AssessmentLoader.load(folder: folder, asOf: CalendarDate.read("2025-01-05")!.date)
        #expect(
            try Scorer(rubric: later.rubric).score(later.data).organization("a")!.indicator("j.rate").map(WorkingText.chinese.value) == "办结 2 / 应办结 5"
        )
        // A value in a data file as well is an error: one source of truth.
        try "organization: b\nyear: 2024\nindicators:\n  j.rate: {value: 0.5}\n".write(
            toFile: folder + "/data/b.yaml", atomically: true, encoding: .utf8)
        let twice = try #require(throws: InputErrors.self) { try AssessmentLoader.load(folder: folder) }
        #expect(twice.diagnostics.contains { $0.description(in: .en).contains("b.yaml:4") && $0.chinese.contains("取自联席会议台账") })
    }

    @Test func everyLedgerErrorHasFileAndLine() throws {
        let items = """
            - {id: X1, meeting: NOPE, raised_by: a, submitted: 2024-06-01, request: r}
            - {id: X2, meeting: M, raised_by: nobody, submitted: 2024-06-01, request: r}
            - {id: X3, meeting: M, raised_by: a, submitted: 2024-06-10, request: r, agreed: x, due: 2024-09-30, status: 已办结, closed: 2024-06-01}
            - {id: X4, meeting: M, raised_by: a, submitted: 2024-06-01, request: r, agreed: x, due: 2024-09-30, status: 已办结}
            - {id: X4, meeting: M, raised_by: a, submitted: 2024-06-01, request: r}
            - {id: X6, meeting: M, raised_by: a, submitted: 2024年6月1日, request: r, carried_from: X99}
            - {id: X7, meeting: M, raised_by: a, submitted: 2024-06-01, request: r, agreed: x, status: 搁置}
            - {id: X8, meeting: M, raised_by: a, submitted: 六月, request: r}
            """
        let folder = try Self.folder(items: items)
        var d = Diagnostics()
        _ = LedgerLoader.load(assessment: folder, rubric: try Self.rubric(), &d)
        let lines = d.all.map(\.bothLanguages)
        func has(_ line: Int, _ text: String) -> Bool { lines.contains { $0.contains("items.yaml:\(line)") && $0.contains(text) } }
        #expect(has(1, "“NOPE”不在 meetings.yaml 中"))
        #expect(has(2, "“nobody”不是本考核的单位"))
        #expect(has(3, "办结日期 2024-06-01 早于报送日期 2024-06-10"))
        #expect(has(4, "已办结，但没有 closed"))
        #expect(has(5, "duplicate item id 'X4'"))
        #expect(has(6, "carried_from“X99”不是本台账中的事项") && has(6, "“2024年6月1日”读作 2024-06-01"))
        #expect(has(7, "状态“搁置”无法识别") && has(7, "缺少 due"))
        #expect(has(8, "“六月”不是日期"))
        #expect(d.warnings.count == 1)
        // items.yaml and items.csv both present.
        try "id,meeting\n".write(toFile: folder + "/meeting/items.csv", atomically: true, encoding: .utf8)
        var both = Diagnostics()
        _ = LedgerLoader.load(assessment: folder, rubric: try Self.rubric(), &both)
        #expect(both.errors.contains { $0.chinese.contains("items.yaml 和 items.csv 同时存在") })
    }

    @Test func theCSVLedgerReadsLikeTheYAML() throws {
        let csv = """
            id,meeting,raised_by,submitted,request,agreed,lead,support,due,status,closed,progress
            A1,M,a,2024-06-01,r,x,县住建局,县财政局、县发改局,2024-10-31,已办结,2024-10-20,2024-08-01 已选址；2024-09-01 开工
            A2,M,a,2024/6/1,r,x,县住建局,,2024-12-31,办理中,,
            """
        var d = Diagnostics()
        let ledger = try #require(LedgerLoader.load(assessment: try Self.folder(csv: csv), rubric: try Self.rubric(), &d))
        #expect(!d.hasErrors, "\(d.all)")
        #expect(d.warnings.count == 1 && d.warnings[0].description(in: .en).contains("items.csv:3"))
        #expect(ledger.items.map(\.id) == ["A1", "A2"] && ledger.items[0].support == ["县财政局", "县发改局"])
        #expect(ledger.items[0].progress.map(\.note) == ["已选址", "开工"])
    }

    @Test func carryOverKeepsIdsFieldsAndHistoryOnce() throws {
        let snapshot = try Self.snapshot()
        let first = CarryOver.merge(snapshot, from: "t", into: Ledger(meetings: [], items: []))
        #expect(first.added == ["A2", "A3", "A4", "A6", "A9", "B2", "B3", "D1"])
        #expect(first.items.allSatisfy { $0.carried == "t" } && first.meetings.map(\.id) == ["M"])
        #expect(first.items.first { $0.id == "A3" }?.progress.map(\.note) == ["推进"])
        let again = CarryOver.merge(snapshot, from: "t", into: Ledger(meetings: first.meetings, items: first.items))
        #expect(again.added.isEmpty && again.items.count == 8 && again.meetings.count == 1)
        // Written and read back: the same items.
        let text = LedgerFileText.yaml(first.items, header: "h")
        var d = Diagnostics()
        let back = LedgerLoader.yamlItems(text, file: "items.yaml", &d)
        #expect(!d.hasErrors, "\(d.all)")
        #expect(back.map(\.id) == first.items.map(\.id) && back.map(\.carried) == first.items.map(\.carried))
        #expect(back.map { LedgerFileText.entry($0) } == first.items.map { LedgerFileText.entry($0) })
    }

    @Test func supervisionUpdatesApplyOnce() throws {
        let ledger = try Self.snapshot().ledger
        let at = SourceLocation(file: "f.xlsx", line: 4)
        let progress = LedgerItem.Progress(date: CalendarDate.read("2024-12-30")!.date, note: "已完成")
        let update = ItemUpdate(
            id: "A2", status: .closed, closed: CalendarDate.read("2024-12-30")!.date, basis: "文号",
            progress: progress, feedback: nil, satisfaction: .satisfied, location: at)
        let updated = ledger.applying([update]).applying([update])
        let a2 = try #require(updated.items.first { $0.id == "A2" })
        #expect(a2.status == .closed && a2.basis == "文号" && a2.progress.count == 1 && a2.satisfaction == .satisfied)
        let item = ledger.items.first { $0.id == "A2" }!
        #expect(update.changes(item) && !ItemUpdate(id: "A2", status: .inProgress, location: at).changes(item))
        // Closing A2 on 2024-12-30 moves a's closure rate to 2 of 4.
        let figures = LedgerFigures(ledger: updated, asOf: CalendarDate.read("2024-12-31")!.date)
        #expect(figures.value(.closureRate, for: "a").map { WorkingText.chinese.ledger($0) } == "办结 2 / 应办结 4")
    }
}

extension String {
    func appendLine(to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(("\n" + self).utf8))
        try handle.close()
    }
}
