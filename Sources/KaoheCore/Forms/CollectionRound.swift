import Foundation

/// A collection round (forms.md §1): returned forms of every kind (自评表, 核定表, 测评统计表) read, checked against
/// the rubric and each other, and merged with the data already collected into the data files to write, with a
/// status per organization, scorer unit and rater group. Writes nothing itself.
public struct CollectionRound: Sendable {
    public enum State: String, Sendable {
        case received = "已收到", missing = "未收到", withErrors = "有错误", withWarnings = "有警告", collectedBefore = "已有数据"
    }

    /// One line of the report: an organization (its 自评表), a scorer unit (its 核定表) or a rater group (its
    /// 测评统计表).
    public struct Status: Sendable {
        public var kind: FormMetadata.Kind
        public var id: String
        public var name: String
        public var files: [String]
        public var errors: Int
        public var warnings: Int
        /// Whether the data folder already holds this organization's data (自评表 lines only).
        public var hasData = false
        public var state: State {
            if errors > 0 { return .withErrors }
            if files.isEmpty { return hasData ? .collectedBefore : .missing }
            return warnings > 0 ? .withWarnings : .received
        }
    }

    /// A data file to write, and the office's own file it replaces (kept as `.bak`), if any.
    public struct Output: Sendable {
        public var organization: String
        public var path: String
        public var text: String
        public var backingUp: String?
        /// The survey votes the file carries (rater groups by block).
        public var surveys: [String: [String: SurveyVotes]]
        /// The data written, for checking.
        var data: OrganizationData
    }

    public var statuses: [Status] = []
    public var outputs: [Output] = []
    /// Every problem, in file and cell order.
    public var diagnostics: [Diagnostic] = []
    /// Files read that were not a form of any organization, unit or group of this assessment.
    public var unmatched: [String] = []

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The lines of one kind of form.
    public func statuses(of kind: FormMetadata.Kind) -> [Status] { statuses.filter { $0.kind == kind } }

    /// Reads `files` (returned forms, any names) for the rubric, against the data already in `dataFolder`.
    /// `replace` lets a form replace a data file the office wrote itself.
    public init(rubric: Rubric, rubricDigest: String, files: [String], dataFolder: String,
                spreadsheets: @escaping SpreadsheetReader, replace: Bool) {
        let forms = FormReading(spreadsheets: spreadsheets, rubricDigest: rubricDigest)
        var returned = ReturnedForms(files, rubric: rubric, forms: forms)
        let existing = Self.existingData(in: dataFolder, rubric: rubric, forms: forms)
        var problems: [String: Diagnostics] = [:]
        var merged: [Output] = []
        for organization in rubric.organizations {
            var d = Diagnostics()
            let merge = OrganizationMerge(organization: organization, rubric: rubric, dataFolder: dataFolder, replace: replace)
            if let output = merge.output(returned, existing: existing[organization.id] ?? [], &d) { merged.append(output) }
            problems[organization.id] = d
        }
        outputs = Self.checked(merged, rubric: rubric, returned: &returned, problems: &problems)
        unmatched = returned.unmatched
        statuses = returned.statuses(rubric: rubric, existing: existing, organizationProblems: problems)
        var all = Diagnostics()
        for form in returned.forms { all.append(contentsOf: form.diagnostics) }
        for organization in rubric.organizations { all.append(contentsOf: problems[organization.id] ?? Diagnostics()) }
        let withoutVotes = outputs.filter { output in
            rubric.blocks.contains { $0.source == .survey && output.surveys[$0.id] == nil }
        }.compactMap { output in rubric.organizations.first { $0.id == output.organization }?.name }
        if !withoutVotes.isEmpty, returned.forms.allSatisfy({ $0.kind != .survey }) {
            let names = withoutVotes.prefix(8).joined(separator: "、") + (withoutVotes.count > 8 ? " 等 \(withoutVotes.count) 个单位" : "")
            all.warning(.wholeFile(dataFolder), "\(names) 还没有测评（survey）数据；评分前请用 kaohe forms --survey 生成测评统计表，填好后用 kaohe collect 读取")
        }
        diagnostics = InputErrors(all.all).diagnostics
    }

    /// The methods' checks of every merged organization's values, in one pass over all organizations (the scorer's
    /// set-up is per call, not per organization), each problem filed under the form whose cell it names (else under
    /// the organization). Votes are checked by the survey form's reader: checked without survey blocks. An
    /// organization with an error is not written.
    static func checked(_ merged: [Output], rubric: Rubric, returned: inout ReturnedForms,
                        problems: inout [String: Diagnostics]) -> [Output] {
        var indicatorsOnly = rubric
        indicatorsOnly.blocks.removeAll { $0.source == .survey }
        // Values from the ledger come in when scoring, not through forms.
        for d in indicatorsOnly.dimensions.indices {
            for i in indicatorsOnly.dimensions[d].indicators.indices where indicatorsOnly.dimensions[d].indicators[i].from != nil {
                indicatorsOnly.dimensions[d].indicators[i].missingIsZero = true
            }
        }
        var owner: [SourceLocation: String] = [:]
        var ownerOfFile: [String: String] = [:]
        for output in merged {
            ownerOfFile[output.data.location.file] = output.organization
            for id in output.data.indicators.ids { owner[output.data.indicators[id]!.location] = output.organization }
        }
        var failed = Set(merged.map(\.organization).filter { problems[$0]?.hasErrors == true })
        for problem in Scorer(rubric: indicatorsOnly).validate(merged.map(\.data)) {
            guard let organization = owner[problem.location] ?? ownerOfFile[problem.location.file] else {
                _ = returned.attach(problem)
                continue
            }
            if problem.severity == .error { failed.insert(organization) }
            if !returned.attach(problem) { problems[organization, default: Diagnostics()].append(problem) }
        }
        return merged.filter { !failed.contains($0.organization) }
    }

    /// The data already in `folder` by organization, for prefilling forms; the problems of files that do not read.
    public static func collectedData(in folder: String, rubric: Rubric, spreadsheets: @escaping SpreadsheetReader)
        -> (data: [String: OrganizationData], problems: [Diagnostic]) {
        let forms = FormReading(spreadsheets: spreadsheets, rubricDigest: "")
        let lookup = RubricLookup(rubric)
        let paths = DataFileKind.files(in: folder)
        let parsed = concurrentMap(paths.count) { ParsedDataFile(path: paths[$0], lookup: lookup, forms: forms) }
        var data: [String: OrganizationData] = [:]
        var problems: [Diagnostic] = []
        for file in parsed {
            problems += file.diagnostics.all.filter { $0.severity == .error }
            guard !file.diagnostics.hasErrors else { continue }
            for organization in file.organizations { data[organization.organization] = organization }
        }
        return (data, InputErrors(problems).diagnostics)
    }

    /// The data files already in `folder`, by the organizations they hold.
    static func existingData(in folder: String, rubric: Rubric, forms: FormReading) -> [String: [ExistingFile]] {
        let lookup = RubricLookup(rubric)
        var out: [String: [ExistingFile]] = [:]
        let paths = DataFileKind.files(in: folder)
        let files = concurrentMap(paths.count) { i in
            (ParsedDataFile(path: paths[i], lookup: lookup, forms: forms),
             FileManager.default.contents(atPath: paths[i]).map { bytes -> [DataFileText.Source]? in
                 let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
                 return DataFileText.isCollected(head) ? DataFileText.sources(in: head) : nil
             } ?? nil)
        }
        for (path, (parsed, sources)) in zip(paths, files) {
            for data in parsed.organizations {
                out[data.organization, default: []].append(
                    ExistingFile(path: path, sources: sources, organizations: parsed.organizations.count, data: data))
            }
        }
        return out
    }

    struct ExistingFile: Sendable {
        var path: String
        /// The forms a file `kaohe collect` wrote names; nil for the office's own file.
        var sources: [DataFileText.Source]?
        var organizations: Int
        var data: OrganizationData
        var collected: Bool { sources != nil }
    }
}
