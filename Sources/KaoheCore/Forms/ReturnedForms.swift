import Foundation

/// The returned forms of a round, read on all cores and sorted by kind and subject: two forms for the same
/// organization, unit or rater group are both refused (both named), a form with an error is not used.
struct ReturnedForms: Sendable {
    struct Form: Sendable {
        var file: InputFile
        var kind: FormMetadata.Kind?
        /// The organization (自评表), unit (核定表) or `<block>.<group>` (测评统计表) the form names.
        var subject: String?
        var data: OrganizationData?
        var review: Review?
        var tally: SurveyTally?
        var updates: [ItemUpdate]?
        var diagnostics = Diagnostics()
        /// Refused as one of several forms for the same subject.
        var duplicate = false

        var usable: Bool { !duplicate && !diagnostics.hasErrors }
        /// The line naming this form in a data file's head.
        var source: DataFileText.Source {
            .init(form: [kind?.rawValue, kind == .selfAssessment ? nil : subject].compactMap { $0 }.joined(separator: " "), file: file)
        }
    }

    var forms: [Form]
    /// Indexes by organization of the usable forms, built once (a province round has thousands of organizations and
    /// 核定表 of thousands of rows): the 自评表, each 核定表's rows for the organization in the rubric's order of
    /// units, and the 测评统计表 with votes for it.
    private var selfForms: [String: Int] = [:]
    private var reviewParts: [String: [(form: Int, review: Review)]] = [:]
    private var tallyForms: [String: [Int]] = [:]

    init(_ files: [String], rubric: Rubric, forms reading: FormReading) {
        forms = concurrentMap(files.count) { Self.read(files[$0], rubric: rubric, forms: reading) }
        // Copies of one 督办台账 go to several departments: each may come back.
        let groups = Dictionary(grouping: forms.indices.filter { forms[$0].subject != nil && forms[$0].kind != .supervision }) {
            "\(forms[$0].kind?.rawValue ?? "")\u{0}\(forms[$0].subject!)"
        }
        for indices in groups.values where indices.count > 1 {
            let names = Suggestion.list(indices.map { forms[$0].file.path })
            for i in indices {
                forms[i].duplicate = true
                forms[i].diagnostics.error(
                    .wholeFile(forms[i].file.path),
                    Catalog.formsTwice(Self.subjectName(forms[i], rubric), indices.count, forms[i].kind?.rawValue ?? "表", names))
            }
        }
        index(rubric: rubric)
    }

    private mutating func index(rubric: Rubric) {
        let order = Dictionary(ReviewForm.units(rubric).enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let usable = forms.indices.filter { forms[$0].usable }
        for i in usable {
            let form = forms[i]
            if form.kind == .selfAssessment, form.data != nil, let organization = form.subject { selfForms[organization] = i }
            if let tally = form.tally { for organization in tally.votes.keys { tallyForms[organization, default: []].append(i) } }
        }
        for i in usable.sorted(by: { (order[forms[$0].subject ?? ""] ?? 0) < (order[forms[$1].subject ?? ""] ?? 0) }) {
            guard let review = forms[i].review else { continue }
            var parts: [String: Review] = [:]
            for row in review.indicators {
                parts[row.organization, default: Review(unit: review.unit, file: review.file)].indicators.append(row)
            }
            for row in review.adjustments {
                parts[row.organization, default: Review(unit: review.unit, file: review.file)].adjustments.append(row)
            }
            for (organization, part) in parts { reviewParts[organization, default: []].append((i, part)) }
        }
    }

    private static func subjectName(_ form: Form, _ rubric: Rubric) -> String {
        rubric.organizations.first { $0.id == form.subject }?.name ?? form.subject ?? ""
    }

    static func read(_ path: String, rubric: Rubric, forms: FormReading) -> Form {
        let bytes = FileManager.default.contents(atPath: path) ?? Data()
        var form = Form(file: InputFile(path: path, sha256: Fingerprint.sha256(bytes)))
        if DataFileKind(path: path) == .legacySpreadsheet {
            form.diagnostics.append(FormReading.legacyRefusal(path))
            return form
        }
        switch forms.returned(path, rubric: rubric, &form.diagnostics) {
        case .selfAssessment(let data, let organization):
            (form.kind, form.subject, form.data) = (.selfAssessment, organization, data)
        case .review(let review, let unit):
            (form.kind, form.subject, form.review) = (.review, review == nil ? nil : unit, review)
        case .survey(let tally, let group):
            (form.kind, form.subject, form.tally) = (.survey, tally == nil ? nil : group, tally)
        case .supervision(let updates, let asOf):
            (form.kind, form.subject, form.updates) = (.supervision, updates == nil ? nil : asOf, updates)
        case .unreadable:
            break
        }
        return form
    }

    /// Files that are not a form of any organization, unit or group of this assessment.
    var unmatched: [String] { forms.filter { $0.subject == nil }.map(\.file.path) }

    /// The organization's usable 自评表.
    func selfAssessment(of organization: String) -> Form? { selfForms[organization].map { forms[$0] } }

    /// The usable 核定表 with rows for the organization, each with only those rows, in the rubric's order of units.
    func reviews(of organization: String) -> [(form: Form, review: Review)] {
        (reviewParts[organization] ?? []).map { (forms[$0.form], $0.review) }
    }

    /// The usable 测评统计表 with votes for the organization.
    func tallies(of organization: String) -> [Form] { (tallyForms[organization] ?? []).map { forms[$0] } }

    /// The usable 督办台账's changes to `ledger`, in file order (a row left as prefilled changes nothing); two files
    /// that change the same item differently are both named.
    mutating func ledgerUpdates(_ ledger: Ledger) -> [ItemUpdate] {
        var out: [ItemUpdate] = []
        var from: [String: String] = [:]
        let items = Dictionary(ledger.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for i in forms.indices where forms[i].usable {
            for update in forms[i].updates ?? [] where items[update.id].map({ update.changes($0) }) ?? false {
                if let other = from[update.id], other != forms[i].file.path,
                    let earlier = out.first(where: { $0.id == update.id }), !earlier.sameFilling(as: update)
                {
                    forms[i].diagnostics.error(update.location, Catalog.itemInTwoForms(update.id, other))
                    continue
                }
                from[update.id] = forms[i].file.path
                out.append(update)
            }
        }
        return out
    }

    /// Files a problem under the form whose cell or file it names; false when it names none of them.
    mutating func attach(_ problem: Diagnostic) -> Bool {
        let file = problem.location.file
        guard let i = forms.firstIndex(where: { file == $0.file.path || file.hasPrefix($0.file.path + ":") }) else { return false }
        forms[i].diagnostics.append(problem)
        return true
    }

    /// A line per organization, then per scorer unit and rater group when this round read forms of that kind.
    func statuses(
        rubric: Rubric, existing: [String: [CollectionRound.ExistingFile]],
        organizationProblems: [String: Diagnostics]
    ) -> [CollectionRound.Status] {
        func status(_ kind: FormMetadata.Kind, _ id: String, _ name: String, extra: Diagnostics = Diagnostics()) -> CollectionRound.Status {
            let mine = forms.filter { $0.kind == kind && $0.subject == id }
            let all = mine.flatMap(\.diagnostics.all) + extra.all
            return .init(
                kind: kind, id: id, name: name, files: mine.map(\.file.path),
                errors: all.filter { $0.severity == .error }.count, warnings: all.filter { $0.severity == .warning }.count)
        }
        var out = rubric.organizations.map { organization in
            var line = status(
                .selfAssessment, organization.id, organization.name,
                extra: organizationProblems[organization.id] ?? Diagnostics())
            line.hasData = existing[organization.id] != nil
            return line
        }
        if forms.contains(where: { $0.kind == .review }) {
            out += ReviewForm.units(rubric).map { status(.review, $0, $0) }
        }
        for form in forms where form.kind == .supervision {
            out.append(status(.supervision, form.subject ?? "", "督办台账（截至 \(form.subject ?? "")）"))
            break
        }
        if forms.contains(where: { $0.kind == .survey }) {
            out += SurveyForm.forms(rubric: rubric, data: [:]).map { status(.survey, $0.subject, "\($0.block.name)·\($0.group.name)") }
        }
        return out
    }
}
