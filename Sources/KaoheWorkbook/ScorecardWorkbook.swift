import Foundation
import KaoheCore
import XLSX

/// Writes the scorecard workbook the assessment office receives (see the workbook spec): a cover, a summary
/// ranking, one scorecard per organization, the survey, the rubric, the weights and charts. Every derived number
/// is a live formula over the 权重 sheet, written with the engine's value as its cached result.
public enum ScorecardWorkbook {
    /// The time to stamp on a run's files: `SOURCE_DATE_EPOCH` when set (reproducible output), otherwise now.
    public static func generationTime() -> Date { Workbook.Options.generationTime() }

    /// Writes the workbook for `result` to `path`. With `only`, writes the single-organization workbook handed
    /// back to that organization (its scorecard, with rank and grade as values). The file appears only when complete.
    /// With `cellLog`, also writes every cell, format, merge, width and filter of the workbook there as JSON
    /// lines (see `CellLog`), for writing the same workbook with another program.
    /// `progress` is told how many organizations' detail rows are written, of how many (ledger layout).
    /// `whileClosing` is called once every cell is written, as the library starts closing the file (compressing it
    /// keeps one core busy): for starting work that can use the other.
    ///
    /// The workbook keeps its strings in the shared-string table (what every WPS release opens) unless it would
    /// need more than `memoryBudget` bytes that way (workbook.md 11): then the ledger is written in constant-memory
    /// mode, with inline strings (see `streams`).
    public static func write(
        _ result: AssessmentResult, provenance: Provenance, to path: String,
        only organization: String? = nil, layout: Layout = .automatic,
        cellLog: String? = nil, memoryBudget: Int = defaultMemoryBudget,
        progress: ((Int, Int) -> Void)? = nil, whileClosing: (() -> Void)? = nil
    ) throws {
        let chosen = organization == nil ? layout.resolved(result.organizations.count) : .sheets
        // Above the budget the ledger is written strictly row by row, and the library keeps only the current row.
        let options = Workbook.Options(
            created: provenance.generated,
            constantMemory: organization == nil && streams(result, layout: layout, memoryBudget: memoryBudget))
        let log = try cellLog.map(CellLog.init(path:))
        try FreshThread.run {
            try Workbook.create(at: path, options: options) { workbook in
                if let log { workbook.recorder = log.record }
                let book = Book(result: result, provenance: provenance, only: organization, streaming: options.constantMemory)
                book.progress = progress
                try book.write(into: workbook, layout: chosen)
                whileClosing?()
            }
        }
        try log?.close()
    }

    /// The default memory budget: 1 GB.
    public static let defaultMemoryBudget = 1 << 30

    /// Bytes libxlsxwriter holds per cell until the file is closed, when not streaming (measured on the ledger of
    /// 2,000 synthetic organizations: 245 MB peak against 76 MB streamed for 1.2 million cells, about 140 bytes a
    /// cell with their formats, formula texts and shared strings; 160 leaves headroom).
    static let bytesPerCell = 160

    /// Whether the workbook for `result` in `layout` is written in constant-memory mode: only the ledger, and only
    /// when holding its cells would pass `memoryBudget` bytes. (Older WPS releases cannot open files with inline
    /// strings, which that mode writes.)
    public static func streams(_ result: AssessmentResult, layout: Layout, memoryBudget: Int = defaultMemoryBudget) -> Bool {
        guard layout.resolved(result.organizations.count) == .ledger else { return false }
        let rows = result.organizations.reduce(0) { $0 + $1.indicators.count + 8 }
        // The scoring results stay in memory beside the workbook: about 20 KB per organization.
        return rows * LedgerSheet.headers.count * bytesPerCell + result.organizations.count * 20_000 > memoryBudget
    }

    /// Where the scorecards go.
    public enum Layout: String, Sendable, CaseIterable {
        /// `sheets` up to `sheetsUpTo` organizations, `ledger` above.
        case automatic
        /// One scorecard sheet per organization, named after it.
        case sheets
        /// Scorecards one below the other on 评分明细 sheets (up to `perStackedSheet` each, a page break
        /// before each), for printing many scorecards from one file.
        case stacked
        /// No scorecards: 汇总 computes from 明细, one row per organization and indicator (a new 明细 sheet every
        /// million rows), written in constant memory. Thousands of tabs are unusable; each organization's own
        /// scorecard comes from `--split`.
        case ledger

        public static let sheetsUpTo = 300
        public static let perStackedSheet = 1000

        /// The concrete layout for this many organizations.
        public func resolved(_ organizations: Int) -> Layout {
            self == .automatic ? (organizations > Self.sheetsUpTo ? .ledger : .sheets) : self
        }
    }
}

/// Absolute references of the weight cells, for formulas on other sheets.
struct WeightCells: Sendable {
    var blockWeight: [String: String] = [:]
    var dimensionPoints: [String: String] = [:]
    var indicatorPoints: [String: String] = [:]
    var groupWeight: [String: [String: String]] = [:]
    /// The indicator block's scale S (sum of dimension points).
    var scale = ""
}

/// Cells of one scorecard that the summary reads.
struct ScorecardCells: Sendable {
    var blockScore: [String: String] = [:]
    var contribution: [String: String] = [:]
    var dimensionScore: [String: String] = [:]
    var bonus = ""
    var penalty = ""
    var final = ""
}

/// The state shared while laying out one workbook.
final class Book {
    let result: AssessmentResult
    let rubric: Rubric
    let provenance: Provenance
    /// The organizations this workbook shows, in rank order.
    let organizations: [OrganizationResult]
    /// Whether this is a single-organization workbook (no summary; rank and grade as values).
    let isSingle: Bool
    let places: Int
    /// Whether every sheet is written strictly row by row (constant memory): no going back up, no merges
    /// across rows.
    let streaming: Bool

    /// Told how many organizations' detail rows are written so far, of how many.
    var progress: ((Int, Int) -> Void)?
    /// Organizations whose ledger rows are written so far (over all 明细 sheets).
    var ledgerWritten = 0
    /// Where the per-organization detail goes (set when writing starts).
    private(set) var layout = ScorecardWorkbook.Layout.sheets
    // What each sheet placed that later sheets' formulas refer to, kept as the sheets return it.
    /// The weight and points cells (权重).
    private(set) var weights = WeightCells()
    /// Organization → survey block → group → the group score cell (absent: no valid votes).
    private(set) var surveyCells: [String: [String: [String: String]]] = [:]
    /// Organization → its scorecard's cells.
    private(set) var scorecards: [String: ScorecardCells] = [:]
    /// Organization → its row on 汇总.
    var summaryRow: [String: Int] = [:]
    var sheetNames: [String: String] = [:]

    static let summarySheet = "汇总"
    static let weightsSheet = "权重"
    static let surveySheet = "满意度"
    static let rubricSheet = "指标体系"
    static let chartsSheet = "图表"
    /// The workbook's own sheet names (docs/format.md lists them): never taken by an organization's scorecard.
    static let ownSheetNames: Set<String> = [
        "说明", summarySheet, surveySheet, rubricSheet, weightsSheet, chartsSheet,
        "评分明细", "明细", "_lists", MeetingLedgerSheet.name
    ]

    init(result: AssessmentResult, provenance: Provenance, only: String?, streaming: Bool) {
        self.streaming = streaming
        self.result = result
        self.rubric = result.rubric
        self.provenance = provenance
        self.organizations = result.organizations.filter { only == nil || $0.organization.id == only }
        self.isSingle = only != nil
        self.places = result.rubric.assessment.decimals
    }

    var numberFormat: String { Book.numberFormat(places: places) }

    /// The number format that shows `places` decimals.
    static func numberFormat(places: Int) -> String { places == 0 ? "0" : "0." + String(repeating: "0", count: places) }

    /// The format of a part of a total (a bonus or penalty line, unrounded): at least `places` decimals and as many
    /// more as it has, so that the printed parts add up to the printed total (rubric-format.md §12).
    var partNumberFormat: String { places == 0 ? "General" : numberFormat + "######" }

    /// Category id → its name.
    private(set) lazy var categoryNames = Dictionary(
        rubric.categories.map { ($0.id, $0.name) },
        uniquingKeysWith: { first, _ in first })

    func categoryName(_ id: String) -> String { categoryNames[id] ?? id }

    func write(into workbook: Workbook, layout: ScorecardWorkbook.Layout) throws {
        self.layout = layout
        // Sheets are created in tab order first; they are filled in dependency order below.
        let cover = try workbook.addWorksheet(named: "说明")
        let summary = isSingle ? nil : try workbook.addWorksheet(named: Book.summarySheet)
        var cards: [(OrganizationResult, Worksheet)] = []
        var stacks: [(Worksheet, [OrganizationResult])] = []
        var ledgers: [(Worksheet, [OrganizationResult])] = []
        switch layout {
        case .stacked:
            let size = ScorecardWorkbook.Layout.perStackedSheet
            let chunks = stride(from: 0, to: organizations.count, by: size).map { Array(organizations[$0..<min(organizations.count, $0 + size)]) }
            for (k, chunk) in chunks.enumerated() {
                let sheet = try workbook.addWorksheet(named: chunks.count == 1 ? "评分明细" : "评分明细\(k + 1)")
                for org in chunk { sheetNames[org.organization.id] = sheet.name }
                stacks.append((sheet, chunk))
            }
        case .ledger:
            let chunks = LedgerSheet.sheets(organizations, rubric: rubric)
            for (k, chunk) in chunks.enumerated() {
                ledgers.append((try workbook.addWorksheet(named: chunks.count == 1 ? "明细" : "明细\(k + 1)"), chunk))
            }
        case .sheets, .automatic:
            for org in organizations {
                // The workbook's own sheets, added after the scorecards, keep their names (rubric-format.md §12).
                let sheet = try workbook.addWorksheet(named: org.organization.name, sanitize: true, reserving: Book.ownSheetNames)
                sheetNames[org.organization.id] = sheet.name
                cards.append((org, sheet))
            }
        }
        let hasSurvey = rubric.blocks.contains { $0.source == .survey }
        let survey = hasSurvey ? try workbook.addWorksheet(named: Book.surveySheet) : nil
        let meeting = isSingle ? nil : try result.ledger.map { _ in try workbook.addWorksheet(named: MeetingLedgerSheet.name) }
        let rubricSheet = try workbook.addWorksheet(named: Book.rubricSheet)
        let weightsSheet = try workbook.addWorksheet(named: Book.weightsSheet)
        // The rate table and radar chart have a row and a series per organization: for the small layouts only.
        let charts = isSingle || layout == .ledger ? nil : try workbook.addWorksheet(named: Book.chartsSheet)

        for (i, org) in result.organizations.enumerated() { summaryRow[org.organization.id] = SummarySheet.firstRow + i }
        weights = try WeightsSheet(book: self).write(weightsSheet)
        if let survey { surveyCells = try SurveySheet(book: self).write(survey) }
        if let meeting, let ledger = result.ledger {
            try MeetingLedgerSheet(snapshot: ledger, rubric: rubric, document: rubric.assessment.title).write(meeting)
        }
        if !cards.isEmpty || !stacks.isEmpty { try writeScorecards(cards, stacks) }
        if let summary, !ledgers.isEmpty {
            // Each organization's summary row is written as soon as its ledger rows are: its formulas point there.
            try SummarySheet(book: self).write(summary, workbook: workbook) { summaryRows in
                for (sheet, orgs) in ledgers { try LedgerSheet(book: self).write(orgs, on: sheet, summaryRows: summaryRows) }
            }
        } else if let summary {
            try SummarySheet(book: self).write(summary, workbook: workbook)
        }
        try RubricSheet(book: self).write(rubricSheet)
        try CoverSheet(book: self).write(cover)
        if let charts { try ChartsSheet(book: self).write(charts, workbook: workbook) }
        (summary ?? cards.first?.1 ?? cover).activate()

        let a = rubric.assessment
        try workbook.setProperties(
            .init(
                title: a.title, subject: isSingle ? organizations.first?.organization.name : "考核评分汇总",
                author: a.issuer ?? "kaohe", company: a.issuer,
                keywords: [a.id, result.scheme?.name].compactMap { $0 }.joined(separator: ", "),
                comments: "由 kaohe \(provenance.toolVersion) 生成"))
        try workbook.setCustomProperty("考核编号", .text(a.id))
        try workbook.setCustomProperty("权重方案", .text(WeightScheme.name(of: result.scheme)))
        try workbook.setCustomProperty("考核细则SHA256", .text(provenance.rubric.sha256))
        try workbook.setCustomProperty("kaohe版本", .text(provenance.toolVersion))
    }

    /// Writes the scorecards: each sheet's laid out on another core while the one before is written.
    private func writeScorecards(_ cards: [(OrganizationResult, Worksheet)], _ stacks: [(Worksheet, [OrganizationResult])]) throws {
        let context = scorecardContext
        let names = cards.map(\.1.name)
        let organizations = cards.map(\.0)
        // A scorecard's plan is small (tens of kilobytes): several may wait, so that the writer never does.
        try Pipeline.run(
            batches: cards.count, ahead: 8,
            make: { i in (i, Result { try ScorecardSheet(context: context, organization: organizations[i]).layOut(sheet: names[i], at: 0) }) },
            consume: { i, planned in
                let (org, sheet) = cards[i]
                scorecards[org.organization.id] = try ScorecardSheet.write(planned.get(), for: org, on: sheet, context: context)
            })
        for (sheet, orgs) in stacks { scorecards.merge(try ScorecardSheet.writeStack(orgs, on: sheet, context: context)) { _, new in new } }
    }

    /// What the scorecards refer to, for laying them out on other cores (set once 权重 and 满意度 are written).
    var scorecardContext: ScorecardContext {
        ScorecardContext(
            rubric: rubric, places: places, numberFormat: numberFormat, partNumberFormat: partNumberFormat,
            schemeName: WeightScheme.name(of: result.scheme), categoryNames: categoryNames, isSingle: isSingle,
            weights: weights, surveyCells: surveyCells, summaryRow: summaryRow, gradeColumn: SummarySheet.gradeColumn(self),
            texts: ScorecardTexts(rubric: rubric))
    }

    /// A4 print setup with a repeated header, the sheet title in the header and page numbers in the footer.
    func pageSetup(landscape: Bool, repeatRows: ClosedRange<Int>?, title: String) -> Worksheet.PageSetup {
        Printing.pageSetup(document: rubric.assessment.title, sheet: title, landscape: landscape, repeatRows: repeatRows)
    }
}

/// What a scorecard (and a ledger row) refers to, gathered from the book once its 权重 and 满意度 sheets are
/// written: the scorecards are then laid out on other cores while the writer writes the ones before.
struct ScorecardContext: Sendable {
    let rubric: Rubric
    let places: Int
    let numberFormat: String
    /// The format of a part of a total (see `Book.partNumberFormat`).
    let partNumberFormat: String
    let schemeName: String
    let categoryNames: [String: String]
    let isSingle: Bool
    let weights: WeightCells
    let surveyCells: [String: [String: [String: String]]]
    let summaryRow: [String: Int]
    /// 汇总's column of 等次.
    let gradeColumn: Int
    let texts: ScorecardTexts

    func categoryName(_ id: String) -> String { categoryNames[id] ?? id }

    /// A4 print setup with a repeated header, the sheet title in the header and page numbers in the footer.
    func pageSetup(landscape: Bool, repeatRows: ClosedRange<Int>?, title: String) -> Worksheet.PageSetup {
        Printing.pageSetup(document: rubric.assessment.title, sheet: title, landscape: landscape, repeatRows: repeatRows)
    }
}
