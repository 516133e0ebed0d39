import Dispatch
import Foundation

/// A collection round (forms.md §1): returned forms read, checked against the rubric and each other, and turned
/// into the data files to write, with a status per organization. Writes nothing itself.
public struct CollectionRound: Sendable {
    public enum State: String, Sendable {
        case received = "已收到", missing = "未收到", withErrors = "有错误", withWarnings = "有警告"
    }

    /// One organization's line of the report.
    public struct Status: Sendable {
        public var organization: Organization
        public var files: [String]
        public var errors: Int
        public var warnings: Int
        public var state: State {
            if errors > 0 { return .withErrors }
            if files.isEmpty { return .missing }
            return warnings > 0 ? .withWarnings : .received
        }
    }

    /// A data file to write, and the office's own file it replaces (kept as `.bak`), if any.
    public struct Output: Sendable {
        public var organization: String
        public var path: String
        public var text: String
        public var backingUp: String?
        /// The survey votes the file carries over (rater groups by block).
        public var surveys: [String: [String: SurveyVotes]]
    }

    public var statuses: [Status] = []
    public var outputs: [Output] = []
    /// Every problem, in file and cell order.
    public var diagnostics: [Diagnostic] = []
    /// Files read that were not a form of any organization of this assessment.
    public var unmatched: [String] = []

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Reads `files` (returned forms, any names) for the rubric, against the data already in `dataFolder`.
    /// `replace` lets a form replace a data file the office wrote itself.
    public init(rubric: Rubric, rubricDigest: String, files: [String], dataFolder: String,
                spreadsheets: @escaping SpreadsheetReader, replace: Bool) {
        let forms = FormReading(spreadsheets: spreadsheets, rubricDigest: rubricDigest)
        let read = Self.readForms(files, rubric: rubric, forms: forms)
        let existing = Self.existingData(in: dataFolder, rubric: rubric, forms: forms)
        var all = Diagnostics()
        var byOrganization: [String: [ReadForm]] = [:]
        var withoutVotes: [String] = []
        for form in read {
            all.append(contentsOf: form.diagnostics)
            if let id = form.organization { byOrganization[id, default: []].append(form) } else { unmatched.append(form.file.path) }
        }
        for organization in rubric.organizations {
            let received = byOrganization[organization.id] ?? []
            var d = Diagnostics()
            if received.count > 1 {
                for form in received {
                    d.error(.wholeFile(form.file.path), "\(organization.name) 报送了 \(received.count) 份自评表：\(received.map(\.file.path).joined(separator: "、"))；请只保留一份（都未读取）")
                }
            } else if let form = received.first, let data = form.data, !form.diagnostics.hasErrors {
                if let output = output(for: data, from: form.file, existing: existing[organization.id] ?? [],
                                                     dataFolder: dataFolder, rubric: rubric, replace: replace, &d) {
                    outputs.append(output)
                    if rubric.blocks.contains(where: { $0.source == .survey && output.surveys[$0.id] == nil }) {
                        withoutVotes.append(organization.name)
                    }
                }
            }
            all.append(contentsOf: d)
            let diagnostics = received.flatMap(\.diagnostics.all) + d.all
            statuses.append(Status(organization: organization, files: received.map(\.file.path),
                                   errors: diagnostics.filter { $0.severity == .error }.count,
                                   warnings: diagnostics.filter { $0.severity == .warning }.count))
        }
        if !withoutVotes.isEmpty {
            let names = withoutVotes.prefix(8).joined(separator: "、") + (withoutVotes.count > 8 ? " 等 \(withoutVotes.count) 个单位" : "")
            all.warning(.wholeFile(dataFolder), "\(names) 还没有测评（survey）数据；评分前请在其数据文件中补充 survey（测评统计表）")
        }
        diagnostics = InputErrors(all.all).diagnostics
    }

    /// A returned file, read.
    struct ReadForm: Sendable {
        var file: InputFile
        var organization: String?
        var data: OrganizationData?
        var diagnostics = Diagnostics()
    }

    /// Every file read on all cores, in the order given.
    static func readForms(_ files: [String], rubric: Rubric, forms: FormReading) -> [ReadForm] {
        var read = concurrentMap(files.count) { readForm(files[$0], rubric: rubric, forms: forms) }
        checkValues(&read, rubric: rubric)
        return read
    }

    /// The methods' checks of every good form's values, in one pass over all organizations (the scorer's set-up is
    /// per call, not per organization). Votes come from the survey round, not from a 自评表: checked without survey
    /// blocks. An organization with two forms is left out (it is refused anyway).
    static func checkValues(_ read: inout [ReadForm], rubric: Rubric) {
        var indicatorsOnly = rubric
        indicatorsOnly.blocks.removeAll { $0.source == .survey }
        let counts = Dictionary(read.compactMap(\.organization).map { ($0, 1) }, uniquingKeysWith: +)
        let checked = read.indices.filter { i in
            read[i].data != nil && !read[i].diagnostics.hasErrors && counts[read[i].organization ?? ""] == 1
        }
        let problems = Scorer(rubric: indicatorsOnly).validate(checked.map { read[$0].data! })
        let byFile = Dictionary(checked.map { (read[$0].file.path, $0) }, uniquingKeysWith: { a, _ in a })
        for problem in problems {
            let file = problem.location.file
            let path = byFile[file] ?? file.lastIndex(of: ":").flatMap { byFile[String(file[..<$0])] }
            if let index = path { read[index].diagnostics.append(problem) }
        }
    }

    static func readForm(_ path: String, rubric: Rubric, forms: FormReading) -> ReadForm {
        let bytes = FileManager.default.contents(atPath: path) ?? Data()
        var form = ReadForm(file: InputFile(path: path, sha256: SHA256.hex(of: bytes)))
        if DataFileKind(path: path) == .legacySpreadsheet {
            form.diagnostics.append(FormReading.legacyRefusal(path))
            return form
        }
        (form.data, form.organization) = forms.read(path, rubric: rubric, &form.diagnostics)
        return form
    }

    /// The data files already in `folder`, by the organizations they hold.
    static func existingData(in folder: String, rubric: Rubric, forms: FormReading) -> [String: [ExistingFile]] {
        let lookup = RubricLookup(rubric)
        var out: [String: [ExistingFile]] = [:]
        let paths = DataFileKind.files(in: folder)
        let files = concurrentMap(paths.count) { i in
            (ParsedDataFile(path: paths[i], lookup: lookup, forms: forms),
             FileManager.default.contents(atPath: paths[i]).map { DataFileText.isCollected(String(decoding: $0.prefix(64), as: UTF8.self)) } ?? false)
        }
        for (path, (parsed, collected)) in zip(paths, files) {
            for data in parsed.organizations {
                out[data.organization, default: []].append(
                    ExistingFile(path: path, collected: collected, organizations: parsed.organizations.count, data: data))
            }
        }
        return out
    }

    struct ExistingFile: Sendable {
        var path: String
        var collected: Bool
        var organizations: Int
        var data: OrganizationData
    }

    /// The data file for a good form: `data/<organization>.yaml`, keeping the vetoes and survey of the file it
    /// replaces; nil (with an error) when it would replace the office's own file without `replace`.
    private func output(for data: OrganizationData, from source: InputFile, existing: [ExistingFile], dataFolder: String,
                        rubric: Rubric, replace: Bool, _ d: inout Diagnostics) -> Output? {
        let path = (dataFolder as NSString).appendingPathComponent(OutputNaming.fileName(data.organization) + ".yaml")
        var merged = data
        var backingUp: String?
        for file in existing where file.path != source.path {
            let ours = file.collected && file.path == path
            if !ours {
                guard replace else {
                    d.error(.wholeFile(file.path), "\(file.path) 中已有“\(data.organization)”的数据，且不是 kaohe collect 生成的，未覆盖；确认用报送的表替换时请加 --replace（原文件保留为 .bak）")
                    return nil
                }
                guard file.organizations == 1 else {
                    d.error(.wholeFile(file.path), "\(file.path) 含 \(file.organizations) 个单位的数据，无法只替换其中的“\(data.organization)”；请先从该文件中删去它的数据")
                    return nil
                }
                guard backingUp == nil else {
                    d.error(.wholeFile(file.path), "“\(data.organization)”的数据在多个文件中；请先只保留一个")
                    return nil
                }
                backingUp = file.path
            }
            // Votes and vetoes never come from a 自评表: keep what the office had.
            merged.vetoes = file.data.vetoes
            merged.surveys = file.data.surveys
        }
        return Output(organization: data.organization, path: path,
                      text: DataFileText.yaml(merged, rubric: rubric, sources: [source]), backingUp: backingUp,
                      surveys: merged.surveys)
    }
}
