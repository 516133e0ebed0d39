/// The 测评统计表 of one survey block and rater group (forms.md §6): a row per organization, a column per answer
/// level (how many raters chose it) and ballot columns 票1 … 票N (one numeric score each); a row fills one kind or
/// the other. Prefilled from the data when votes are already there.
public struct SurveyForm: Sendable {
    public static let sheetName = "测评统计表"
    public static let defaultBallots = 30

    /// The fixed columns; then one per answer level, then 票1 … 票N.
    public enum Column: String, CaseIterable, Sendable {
        case code = "编号", organization = "单位名称"
    }

    public struct Row: Sendable {
        public var organization: Organization
        /// The votes in data now.
        public var votes: SurveyVotes?
    }

    public var block: Block
    public var survey: Survey
    public var group: Survey.Group
    public var ballots: Int
    public var rows: [Row]

    /// `<block>.<group>`, the form's subject.
    public var subject: String { "\(block.id).\(group.id)" }
    public var answers: [String] { survey.answers.map(\.name) }
    public var ballotHeaders: [String] { (1...max(ballots, 1)).map { "票\($0)" } }

    /// One form per survey block and rater group, in rubric order.
    public static func forms(rubric: Rubric, data: [String: OrganizationData]) -> [SurveyForm] {
        rubric.blocks.compactMap { block in block.survey.map { (block, $0) } }.flatMap { block, survey in
            survey.groups.map { SurveyForm(rubric: rubric, block: block, survey: survey, group: $0, data: data) }
        }
    }

    public init(rubric: Rubric, block: Block, survey: Survey, group: Survey.Group, data: [String: OrganizationData]) {
        self.block = block
        self.survey = survey
        self.group = group
        rows = rubric.organizations.map { Row(organization: $0, votes: data[$0.id]?.surveys[block.id]?[group.id]) }
        let given = rows.map { row -> Int in if case .scores(let s)? = row.votes { s.count } else { 0 } }.max() ?? 0
        ballots = max(rubric.assessment.forms.ballots ?? Self.defaultBallots, given)
    }

    /// The `_kaohe` sheet's content: per organization, the answer levels the counts are read by.
    public func metadata(rubric: Rubric, rubricDigest: String) -> FormMetadata {
        let method = "survey " + answers.joined(separator: ",")
        return FormMetadata(
            kind: .survey, assessment: rubric.assessment.id, year: rubric.assessment.year,
            rubric: rubricDigest, subject: subject, methods: rows.map { ($0.organization.id, method) })
    }
}

/// What a returned 测评统计表 says: one rater group's votes per organization.
public struct SurveyTally: Sendable {
    public var block: String
    public var group: String
    public var file: String
    /// Organization id → votes; an organization whose row is blank is absent.
    public var votes: [String: SurveyVotes] = [:]

    /// `<block>.<group>`.
    public var subject: String { "\(block).\(group)" }
}

/// Maps a returned 测评统计表 to a `SurveyTally`: counts whole numbers from 0 to below 10^9, ballots 0–100.
public struct SurveyFormReader {
    public let rubric: Rubric
    public let rubricDigest: String

    public init(rubric: Rubric, rubricDigest: String) {
        self.rubric = rubric
        self.rubricDigest = rubricDigest
    }

    public func read(_ spreadsheet: Spreadsheet, meta: FormMetadata, file: String, _ d: inout Diagnostics) -> SurveyTally? {
        guard meta.check(kind: .survey, rubric: rubric, file: file, &d) else { return nil }
        guard let form = SurveyForm.forms(rubric: rubric, data: [:]).first(where: { $0.subject == meta.subject }) else {
            d.error(.wholeFile(file), Catalog.unknownRaterGroupForm(meta.subject))
            return nil
        }
        meta.checkFingerprint(
            rubricDigest, current: form.metadata(rubric: rubric, rubricDigest: rubricDigest).methods,
            file: file, &d)
        let ballotHeaders = (1...max(form.ballots, 1000)).map { "票\($0)" }
        guard
            let reader = FormSheetReader.open(
                spreadsheet, SurveyForm.sheetName,
                columns: SurveyForm.Column.allCases.map(\.rawValue) + form.answers + ballotHeaders,
                file: file, &d)
        else { return nil }
        for answer in form.answers where reader.columns[answer] == nil {
            d.error(.sheet(file: file, sheet: reader.sheet.name), Catalog.noColumn(answer))
        }
        var tally = SurveyTally(block: form.block.id, group: form.group.id, file: file)
        let ballotColumns = ballotHeaders.filter { reader.columns[$0] != nil }
        var seen: Set<String> = []
        for (row, code) in reader.codedRows {
            guard let organization = form.rows.first(where: { $0.organization.id == code })?.organization else {
                d.error(reader.location(row, SurveyForm.Column.code.rawValue), Catalog.notAnOrganizationCode(code))
                continue
            }
            guard seen.insert(code).inserted else {
                d.add(.error, reader.location(row, SurveyForm.Column.code.rawValue), Catalog.organizationTwice(code), about: organization.name)
                continue
            }
            let rowReader = SurveyRowReader(sheet: reader, row: row, subject: "\(organization.name)·\(form.group.name)")
            if let votes = rowReader.votes(answers: form.answers, ballots: ballotColumns, &d) { tally.votes[code] = votes }
        }
        return tally
    }
}

/// One organization's row of a 测评统计表.
struct SurveyRowReader {
    let sheet: FormSheetReader
    let row: Int
    let subject: String

    /// Counts or ballots; nil when the row is blank (the group then has no votes for it) or holds an error.
    func votes(answers: [String], ballots: [String], _ d: inout Diagnostics) -> SurveyVotes? {
        let counts = answers.compactMap { answer in sheet.cell(row, answer, subject: subject, &d).map { (answer, $0) } }
        let scores = ballots.compactMap { header in sheet.cell(row, header, subject: subject, &d).map { (header, $0) } }
        if !counts.isEmpty, !scores.isEmpty {
            d.add(.error, sheet.location(row, scores[0].0), Catalog.countsAndBallots(answers.joined(separator: "、")), about: subject)
            return nil
        }
        var failed = false
        func number(_ header: String, _ cell: Spreadsheet.Cell, check: (Exact) -> Message?) -> Exact? {
            let at = sheet.location(row, header)
            do throws(LenientReading.Refusal) {
                let read = try LenientReading.number(cell, unit: nil, suffixes: ["票", "人", "分"], example: "12")
                if let problem = check(read.value) { throw LenientReading.Refusal(problem) }
                if let change = read.change { d.add(.warning, at, change, about: subject) }
                return read.value
            } catch {
                d.add(.error, at, error.message, about: subject)
                failed = true
                return nil
            }
        }
        if !counts.isEmpty {
            let read = counts.compactMap { answer, cell in
                number(answer, cell) { n in
                    n.isNegative || !(n < 1_000_000_000) || n.rounded(0) != n ? Catalog.voterCount(answer, n.decimalText()) : nil
                }.map { (answer: answer, count: $0) }
            }
            return failed ? nil : .counts(read)
        }
        if !scores.isEmpty {
            let read = scores.compactMap { header, cell in
                number(header, cell) { n in n.isNegative || n > 100 ? Catalog.ballotScore(n.decimalText()) : nil }
            }
            return failed ? nil : .scores(read)
        }
        return nil
    }
}
