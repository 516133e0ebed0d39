import Dispatch
import Foundation

/// An input file and its SHA-256, for provenance.
public struct InputFile: Sendable, Hashable {
    public var path: String
    public var sha256: String
}

/// Everything read from an assessment folder: the rubric, every organization's data, the weight schemes
/// found in `weights/`, and the digests of the files read.
public struct Assessment: Sendable {
    public var folder: String
    public var rubric: Rubric
    /// Data in rubric order of the organizations.
    public var data: [OrganizationData]
    /// Schemes of `weights/` (or the one named explicitly).
    public var schemes: [WeightScheme]
    public var rubricFile: InputFile
    public var dataFiles: [InputFile]
    public var schemeFiles: [InputFile]
    /// Warnings found while loading (unknown keys and the like).
    public var warnings: [Diagnostic]
    /// The joint meeting ledger of `meeting/`, as of the assessment's date, when there is one.
    public var ledger: LedgerSnapshot? = nil

    /// The scheme whose name or file name (without extension) is `name`.
    public func scheme(named name: String) -> WeightScheme? {
        schemes.first { $0.name == name || URL(fileURLWithPath: $0.file).deletingPathExtension().lastPathComponent == name }
    }
}

/// Reads a spreadsheet file into cells (the `XLSX` reader, handed in by the caller: the core reads no file format).
public typealias SpreadsheetReader = @Sendable (String) throws -> Spreadsheet

/// The kinds of files a data folder holds.
public enum DataFileKind {
    case yaml, csv, spreadsheet, legacySpreadsheet

    public init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "yaml", "yml": self = .yaml
        case "csv": self = .csv
        case "xlsx": self = .spreadsheet
        case "xls", "et": self = .legacySpreadsheet
        default: return nil
        }
    }

    /// Files of `folder` that data may be in, sorted; editors' lock files (`~$…`, `.~lock…`) and hidden ones left out.
    public static func files(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { DataFileKind(path: $0) != nil && !$0.hasPrefix(".") && !$0.hasPrefix("~$") }
            .sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
    }
}

/// What reading a returned form needs besides the rubric: the reader of its cells and the rubric's digest.
public struct FormReading: Sendable {
    public var spreadsheets: SpreadsheetReader
    public var rubricDigest: String
    /// The ledger a returned 督办台账 updates.
    public var ledger: Ledger? = nil
    public init(spreadsheets: @escaping SpreadsheetReader, rubricDigest: String) {
        self.spreadsheets = spreadsheets
        self.rubricDigest = rubricDigest
    }

    /// Reads a returned 自评表 as one organization's data; problems go to `d`.
    public func selfAssessment(at path: String, rubric: Rubric, _ d: inout Diagnostics) -> OrganizationData? {
        if case .selfAssessment(let data, _) = returned(path, rubric: rubric, &d) { return data }
        if !d.hasErrors { d.error(.wholeFile(path), Catalog.onlySelfFormsInData()) }
        return nil
    }

    /// What a returned form holds, by its kind.
    enum Returned {
        /// A 自评表's data, and the organization of the rubric it names even when it has errors (so that a report
        /// can file its problems under that organization).
        case selfAssessment(OrganizationData?, organization: String?)
        case review(Review?, unit: String)
        case survey(SurveyTally?, group: String)
        case supervision([ItemUpdate]?, asOf: String)
        /// Not a form of this assessment at all.
        case unreadable
    }

    /// Reads a returned form of any kind; problems go to `d`.
    func returned(_ path: String, rubric: Rubric, _ d: inout Diagnostics) -> Returned {
        let spreadsheet: Spreadsheet
        do { spreadsheet = try spreadsheets(path) } catch {
            d.error(.wholeFile(path), (error as? ExplainedError)?.message ?? .plain("\(error)"))
            return .unreadable
        }
        let meta: FormMetadata
        do { meta = try FormMetadata.read(spreadsheet) } catch {
            d.error(.wholeFile(path), error.message)
            return .unreadable
        }
        switch meta.kind {
        case .selfAssessment:
            let data = SelfAssessmentFormReader(rubric: rubric, rubricDigest: rubricDigest).read(spreadsheet, file: path, &d)
            let named = rubric.organizations.contains { $0.id == meta.subject }
            return .selfAssessment(data, organization: named ? meta.subject : nil)
        case .review:
            return .review(
                ReviewFormReader(rubric: rubric, rubricDigest: rubricDigest).read(spreadsheet, meta: meta, file: path, &d),
                unit: meta.subject)
        case .survey:
            return .survey(
                SurveyFormReader(rubric: rubric, rubricDigest: rubricDigest).read(spreadsheet, meta: meta, file: path, &d),
                group: meta.subject)
        case .supervision:
            return .supervision(
                SupervisionFormReader(rubric: rubric, ledger: ledger).read(spreadsheet, meta: meta, file: path, &d),
                asOf: meta.subject)
        }
    }

    /// The refusal of an `.xls` or `.et` file.
    public static func legacyRefusal(_ path: String) -> Diagnostic {
        Diagnostic(.wholeFile(path), Catalog.legacyFormat((path as NSString).pathExtension))
    }
}

/// One data file, read and parsed.
struct ParsedDataFile {
    var digest: InputFile?
    var organizations: [OrganizationData] = []
    var diagnostics = Diagnostics()

    init(path: String, lookup: RubricLookup, forms: FormReading?) {
        switch DataFileKind(path: path) {
        case .legacySpreadsheet:
            diagnostics.append(FormReading.legacyRefusal(path))
            return
        case .spreadsheet:
            readForm(path, lookup: lookup, forms: forms)
            return
        default: break
        }
        guard let bytes = FileManager.default.contents(atPath: path) else {
            diagnostics.error(SourceLocation(file: path, line: 1), Catalog.cannotReadFile())
            return
        }
        let isCSV = DataFileKind(path: path) == .csv
        guard let text = TextDecoding.checkedText(bytes, file: path, allowingGB18030: isCSV, &diagnostics) else { return }
        digest = InputFile(path: path, sha256: Fingerprint.sha256(bytes))
        if isCSV {
            organizations = CSVDataLoader.load(text, file: path, lookup: lookup, diagnostics: &diagnostics)
        } else {
            organizations = DataLoader.loadYAML(text, file: path, lookup: lookup, diagnostics: &diagnostics).map { [$0] } ?? []
        }
    }

    /// A returned 自评表 placed in data/: that organization's one data file (forms.md §4).
    private mutating func readForm(_ path: String, lookup: RubricLookup, forms: FormReading?) {
        guard let forms else {
            diagnostics.error(.wholeFile(path), Catalog.noSpreadsheetReader())
            return
        }
        guard let bytes = FileManager.default.contents(atPath: path) else {
            diagnostics.error(.wholeFile(path), Catalog.unreadableFile())
            return
        }
        digest = InputFile(path: path, sha256: Fingerprint.sha256(bytes))
        var d = Diagnostics()
        if let data = forms.selfAssessment(at: path, rubric: lookup.rubric, &d), !d.hasErrors { organizations = [data] }
        diagnostics.append(contentsOf: d)
    }
}

/// Reads an assessment folder (§1), reporting every problem in one pass.
public enum AssessmentLoader {
    /// Where each input comes from. nil means the folder's default (`rubric.yaml`, `data/`, `weights/`).
    public struct Paths: Sendable {
        public var rubric: String?
        public var data: String?
        public var weights: [String]?
        public init(rubric: String? = nil, data: String? = nil, weights: [String]? = nil) {
            self.rubric = rubric
            self.data = data
            self.weights = weights
        }
    }

    /// Reads the rubric alone (for making forms before any data exists): the rubric and its file's digest.
    public static func loadRubric(folder: String, path: String? = nil) throws -> (Rubric, InputFile) {
        let rubricPath = path ?? (folder as NSString).appendingPathComponent("rubric.yaml")
        let (text, bytes) = try readRubric(rubricPath)
        var d = Diagnostics()
        guard let rubric = RubricLoader.load(text, file: rubricPath, diagnostics: &d), !d.hasErrors else {
            throw InputErrors(d.errors)
        }
        return (rubric, InputFile(path: rubricPath, sha256: Fingerprint.sha256(bytes)))
    }

    /// The rubric file's text and bytes; throws when it cannot be read, is not UTF-8 or holds a forbidden character.
    private static func readRubric(_ path: String) throws -> (String, Data) {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw InputErrors([Diagnostic(SourceLocation(file: path, line: 1), Catalog.cannotReadRubric())])
        }
        var d = Diagnostics()
        guard let text = TextDecoding.checkedText(bytes, file: path, allowingGB18030: false, &d) else { throw InputErrors(d.errors) }
        return (text, bytes)
    }

    /// The weight scheme files of `<folder>/weights`, sorted.
    public static func schemeFiles(in folder: String) -> [String] {
        let weightsDir = (folder as NSString).appendingPathComponent("weights")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: weightsDir)) ?? []
        return names.filter { ["yaml", "yml"].contains(($0 as NSString).pathExtension.lowercased()) && !$0.hasPrefix(".") }
            .sorted().map { (weightsDir as NSString).appendingPathComponent($0) }
    }

    /// Loads and validates the folder. Throws `InputErrors` with every error found; rubric errors are
    /// reported before data is read (§11).
    ///
    /// With `checkingValues` (the default) every organization is scored once to report value problems (wrong
    /// types, unknown levels…) with the others; a caller that scores right away can leave that to its scoring,
    /// which reports the same problems, and save a pass over the data.
    ///
    /// `spreadsheets` reads returned `.xlsx` forms in data/; without it such files are an error.
    /// `asOf` is the date the joint meeting ledger is read as of (meeting.md §2; nil: the rubric's).
    public static func load(
        folder: String, paths: Paths = Paths(), checkingValues: Bool = true,
        spreadsheets: SpreadsheetReader? = nil, asOf: CalendarDate? = nil
    ) throws -> Assessment {
        let fm = FileManager.default
        let rubricPath = paths.rubric ?? (folder as NSString).appendingPathComponent("rubric.yaml")
        var d = Diagnostics()
        let (rubricText, rubricBytes) = try readRubric(rubricPath)
        guard let rubric = RubricLoader.load(rubricText, file: rubricPath, diagnostics: &d) else {
            throw InputErrors(d.errors)
        }

        // Data files.
        let dataDir = paths.data ?? (folder as NSString).appendingPathComponent("data")
        var dataPaths: [String] = []
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: dataDir, isDirectory: &isDir), isDir.boolValue {
            dataPaths = DataFileKind.files(in: dataDir)
        } else if fm.fileExists(atPath: dataDir) {
            dataPaths = [dataDir]
        } else {
            d.error(SourceLocation(file: dataDir, line: 1), Catalog.noDataFolder())
        }
        // Files are read and parsed on all cores, then merged in file order, so messages keep their order.
        let files = dataPaths
        let parsed = ChunkResults<ParsedDataFile>(count: files.count)
        let lookup = RubricLookup(rubric)
        let rubricDigest = Fingerprint.sha256(rubricBytes)
        let forms = spreadsheets.map { FormReading(spreadsheets: $0, rubricDigest: rubricDigest) }
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            parsed.set(i, ParsedDataFile(path: files[i], lookup: lookup, forms: forms))
        }
        var byOrganization: [String: OrganizationData] = [:]
        var dataFiles: [InputFile] = []
        var cleanlyRead = Set<String>()
        for file in parsed.values {
            d.append(contentsOf: file.diagnostics)
            if let digest = file.digest { dataFiles.append(digest) }
            if !file.diagnostics.hasErrors { cleanlyRead.formUnion(file.organizations.map(\.organization)) }
            for data in file.organizations {
                if let first = byOrganization[data.organization] {
                    d.error(data.location, Catalog.dataGivenAgain(data.organization, first.location))
                    continue
                }
                byOrganization[data.organization] = data
            }
        }
        for org in rubric.organizations where byOrganization[org.id] == nil && !dataPaths.isEmpty {
            d.error(org.location, Catalog.noDataFor(org.id, org.name, dataDir))
        }

        // Weight schemes.
        let schemePaths = paths.weights ?? schemeFiles(in: folder)
        var schemes: [WeightScheme] = []
        var schemeFiles: [InputFile] = []
        for path in schemePaths {
            guard let bytes = fm.contents(atPath: path) else {
                d.error(SourceLocation(file: path, line: 1), Catalog.cannotReadScheme())
                continue
            }
            guard let text = TextDecoding.checkedText(bytes, file: path, allowingGB18030: false, &d) else { continue }
            schemeFiles.append(InputFile(path: path, sha256: Fingerprint.sha256(bytes)))
            if let scheme = SchemeLoader.load(text, file: path, rubric: rubric, diagnostics: &d) { schemes.append(scheme) }
        }

        var data = rubric.organizations.compactMap { byOrganization[$0.id] }
        let ledger = loadLedger(folder: folder, rubric: rubric, asOf: asOf, into: &data, &d)
        // Value checks need the methods: scoring every organization once reports them all. When some files could not
        // be read, the values of the others are still checked, so that one run reports every problem (§12).
        let readingFailed = d.hasErrors
        if checkingValues || readingFailed {
            let checked = readingFailed ? data.filter { cleanlyRead.contains($0.organization) } : data
            // A ledger value that could not be given has said why already; the scorer's "no value" would repeat it.
            let said = Set(d.errors.map(\.location))
            for diagnostic in Scorer(rubric: rubric).validate(checked) where !said.contains(diagnostic.location) {
                d.error(diagnostic.location, diagnostic.content)
            }
        }
        if d.hasErrors { throw InputErrors(d.errors) }
        return Assessment(
            folder: folder, rubric: rubric, data: data, schemes: schemes,
            rubricFile: InputFile(path: rubricPath, sha256: rubricDigest),
            dataFiles: dataFiles, schemeFiles: schemeFiles, warnings: d.warnings, ledger: ledger)
    }

    /// The ledger of `meeting/` as of the date, its values filled into the data; an error when an indicator needs
    /// it and there is none.
    private static func loadLedger(
        folder: String, rubric: Rubric, asOf: CalendarDate?, into data: inout [OrganizationData],
        _ d: inout Diagnostics
    ) -> LedgerSnapshot? {
        guard let ledger = LedgerLoader.load(assessment: folder, rubric: rubric, &d) else {
            if let first = rubric.indicators.first(where: { $0.from != nil }) {
                d.error(first.location, Catalog.noLedgerFolder(first.name, first.from!.rawValue, LedgerLoader.folderName))
            }
            return nil
        }
        let snapshot = LedgerSnapshot(ledger: ledger, asOf: LedgerSnapshot.asOf(asOf, rubric: rubric), settings: rubric.meeting)
        snapshot.fill(&data, rubric: rubric, &d)
        return snapshot
    }
}
