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

    /// `meeting/items.yaml` updated from returned 督办台账, and the file it replaces (kept as `.bak`).
    public struct LedgerOutput: Sendable {
        public var path: String
        public var text: String
        public var backingUp: String?
        /// How many items changed.
        public var changed: Int
    }

    public var statuses: [Status] = []
    public var outputs: [Output] = []
    public var ledgerOutput: LedgerOutput?
    /// Every problem, in file and cell order.
    public var diagnostics: [Diagnostic] = []
    /// Files read that were not a form of any organization, unit or group of this assessment.
    public var unmatched: [String] = []

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The lines of one kind of form.
    public func statuses(of kind: FormMetadata.Kind) -> [Status] { statuses.filter { $0.kind == kind } }

    /// Reads `files` (returned forms, any names) for the rubric, against the data already in `dataFolder`.
    /// `replace` lets a form replace a data file the office wrote itself.
    public init(
        rubric: Rubric, rubricDigest: String, files: [String], dataFolder: String,
        spreadsheets: @escaping SpreadsheetReader, replace: Bool
    ) {
        var forms = FormReading(spreadsheets: spreadsheets, rubricDigest: rubricDigest)
        let assessmentFolder = (dataFolder as NSString).deletingLastPathComponent
        var ledgerProblems = Diagnostics()
        forms.ledger = LedgerLoader.load(assessment: assessmentFolder, rubric: rubric, &ledgerProblems)
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
        if let ledger = forms.ledger {
            ledgerOutput = Self.updatedLedger(ledger, folder: assessmentFolder, returned: &returned, hasErrors: ledgerProblems.hasErrors)
        }
        var all = Diagnostics()
        if returned.forms.contains(where: { $0.kind == .supervision }) { all.append(contentsOf: ledgerProblems) }
        for form in returned.forms { all.append(contentsOf: form.diagnostics) }
        for organization in rubric.organizations { all.append(contentsOf: problems[organization.id] ?? Diagnostics()) }
        let withoutVotes = outputs.filter { output in
            rubric.blocks.contains { $0.source == .survey && output.surveys[$0.id] == nil }
        }.compactMap { output in rubric.organizations.first { $0.id == output.organization }?.name }
        if !withoutVotes.isEmpty, returned.forms.allSatisfy({ $0.kind != .survey }) {
            all.warning(.wholeFile(dataFolder), Catalog.noSurveyYet(Suggestion.choices(withoutVotes.map { ($0, $0) })))
        }
        diagnostics = InputErrors(all.all).diagnostics
    }

    /// The methods' checks of every merged organization's values, in one pass over all organizations (the scorer's
    /// set-up is per call, not per organization), each problem filed under the form whose cell it names (else under
    /// the organization). Votes are checked by the survey form's reader: checked without survey blocks. An
    /// organization with an error is not written.
    static func checked(
        _ merged: [Output], rubric: Rubric, returned: inout ReturnedForms,
        problems: inout [String: Diagnostics]
    ) -> [Output] {
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

    /// The ledger file with the returned 督办台账's changes, checked by reading it back; nil when nothing changed, or
    /// (with an error on the forms) when the ledger has errors of its own or the changes make it invalid.
    static func updatedLedger(_ ledger: Ledger, folder: String, returned: inout ReturnedForms, hasErrors: Bool) -> LedgerOutput? {
        let updates = returned.ledgerUpdates(ledger)
        guard !updates.isEmpty else { return nil }
        let meeting = (folder as NSString).appendingPathComponent(LedgerLoader.folderName)
        let path = (meeting as NSString).appendingPathComponent("items.yaml")
        let first = updates[0].location
        guard !hasErrors else {
            _ = returned.attach(Diagnostic(first, Catalog.ledgerHasErrors()))
            return nil
        }
        let text = LedgerFileText.yaml(
            ledger.applying(updates).items,
            header: "联席会议事项台账（meeting.md），由 kaohe collect 按报送的督办台账更新；原文件保留为 .bak")
        var check = Diagnostics()
        _ = LedgerLoader.yamlItems(text, file: path, &check)
        for problem in check.errors { _ = returned.attach(Diagnostic(first, Catalog.updatedLedgerHasErrors(problem.content))) }
        guard !check.hasErrors else { return nil }
        let csv = (meeting as NSString).appendingPathComponent("items.csv")
        let old = FileManager.default.fileExists(atPath: path) ? path : FileManager.default.fileExists(atPath: csv) ? csv : nil
        return LedgerOutput(path: path, text: text, backingUp: old, changed: Set(updates.map(\.id)).count)
    }

    /// The data already in `folder` by organization, for prefilling forms; the problems of files that do not read.
    public static func collectedData(in folder: String, rubric: Rubric, spreadsheets: @escaping SpreadsheetReader)
        -> (data: [String: OrganizationData], problems: [Diagnostic])
    {
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
            (
                ParsedDataFile(path: paths[i], lookup: lookup, forms: forms),
                FileManager.default.contents(atPath: paths[i]).map { bytes -> [DataFileText.Source]? in
                    let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
                    return DataFileText.isCollected(head) ? DataFileText.sources(in: head) : nil
                } ?? nil
            )
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
