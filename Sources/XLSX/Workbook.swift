import Foundation
import Synchronization
internal import CXLSXWriter

/// An `.xlsx` file being written. The workbook owns the underlying C workbook; worksheets and charts made
/// from it are only usable until `close()`, after which every call on them throws `workbookClosed`.
///
/// Not thread-safe: use one workbook from one thread.
public final class Workbook {
    /// Options that apply to the whole file.
    public struct Options: Sendable {
        /// The creation time stored in the document properties. It is the only clock-dependent input,
        /// so a fixed date gives a byte-identical file.
        public var created: Date
        /// Write rows in order, keeping little in memory (rows cannot be revisited).
        public var constantMemory: Bool
        /// Where the library keeps its temporary files.
        public var temporaryDirectory: String?

        public init(
            created: Date = Options.generationTime(), constantMemory: Bool = false,
            temporaryDirectory: String? = nil
        ) {
            self.created = created
            self.constantMemory = constantMemory
            self.temporaryDirectory = temporaryDirectory
        }

        /// `SOURCE_DATE_EPOCH` when set (reproducible builds), otherwise now, to whole seconds. A value outside
        /// `sourceDateEpochRange` is not used (commands refuse it first: see `sourceDateEpochProblem`).
        public static func generationTime(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
            if let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int(text.trimmingCharacters(in: .whitespaces)),
                sourceDateEpochRange.contains(seconds)
            {
                return Date(timeIntervalSince1970: TimeInterval(seconds))
            }
            return Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        }
    }

    /// Seconds from 1970 to the end of 9999: what a workbook's dates can hold.
    public static let sourceDateEpochRange = 0...253_402_300_799

    /// Why the environment's `SOURCE_DATE_EPOCH` cannot be used, or nil (unset or a whole number in range).
    public static func sourceDateEpochProblem(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let text = environment["SOURCE_DATE_EPOCH"] else { return nil }
        guard let seconds = Int(text.trimmingCharacters(in: .whitespaces)), sourceDateEpochRange.contains(seconds) else {
            return
                "SOURCE_DATE_EPOCH must be a whole number of seconds from 0 to 253402300799 (the end of 9999), found '\(text)'; unset it or set it to a time such as 1735660800"
        }
        return nil
    }

    public struct Properties: Sendable {
        public var title, subject, author, manager, company, category, keywords, comments, status: String?
        public init(
            title: String? = nil, subject: String? = nil, author: String? = nil, manager: String? = nil,
            company: String? = nil, category: String? = nil, keywords: String? = nil,
            comments: String? = nil, status: String? = nil
        ) {
            self.title = title; self.subject = subject; self.author = author; self.manager = manager
            self.company = company; self.category = category; self.keywords = keywords
            self.comments = comments; self.status = status
        }
    }

    /// The value of a custom document property.
    public enum CustomProperty: Sendable {
        case text(String), number(Double), integer(Int32), boolean(Bool)
    }

    public let path: String
    let options: Options
    /// Told about every cell, merge, width, height, pane and filter, with the worksheet's name, after the
    /// library accepted it (nil: nothing is recorded).
    public var recorder: ((String, WorksheetEvent) -> Void)?
    private(set) var handle: UnsafeMutablePointer<lxw_workbook>?
    /// The styles used so far, each with its C format at the same place; a `CellFormat`'s `styleIndex` is it.
    private var styles = StyleTable()
    private var formats: [UnsafeMutablePointer<lxw_format>] = []
    private var sheetNames: [String] = []
    /// The sheet names in lower case, for the case-insensitive uniqueness rule.
    private var takenNames: Set<String> = []
    /// The hidden sheet of long dropdown lists, kept as its C handle and name so that the workbook holds no
    /// worksheet object (worksheets hold their workbook).
    private var listSheet: (handle: UnsafeMutablePointer<lxw_worksheet>, name: String)?
    private var listSheetNextColumn = 0
    private var definedNames: Set<String> = []

    /// Starts a workbook that `close()` will write to `path`.
    public init(path: String, options: Options = Options()) throws {
        self.path = path
        self.options = options
        var cOptions = lxw_workbook_options()
        cOptions.constant_memory = options.constantMemory ? 1 : 0
        let tmp = options.temporaryDirectory.map { strdup($0) } ?? nil
        defer { free(tmp) }
        cOptions.tmpdir = tmp
        guard let wb = workbook_new_opt(path, &cOptions) else {
            throw XLSXError(
                .library(code: 1, message: "Memory error, failed to allocate workbook"),
                while: "creating \(path)")
        }
        handle = wb
        let created = Int(options.created.timeIntervalSince1970)
        try setProperties(Properties(), created: created)
    }

    deinit {
        // A workbook dropped without close() is abandoned: it is freed and nothing is written.
        if let handle { lxw_workbook_free(handle) }
    }

    /// Whether `close()` has run.
    public var isClosed: Bool { handle == nil }

    /// The names of the sheets added so far, in order.
    public var worksheetNames: [String] { sheetNames }

    func openHandle(_ context: @autoclosure () -> String) throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw XLSXError(.workbookClosed, while: context()) }
        return handle
    }

    /// Adds a worksheet. An invalid or taken name throws unless `sanitize` is set, in which case a valid,
    /// unique name close to it is used instead (see `SheetName.sanitized`), also avoiding the `reserved` names
    /// (sheets to be added later).
    public func addWorksheet(named proposed: String, sanitize: Bool = false, reserving reserved: Set<String> = []) throws -> Worksheet {
        let wb = try openHandle("adding worksheet '\(proposed)'")
        var name = proposed
        if sanitize {
            name = SheetName.sanitized(proposed, avoidingLowercased: takenNames.union(reserved.map { $0.lowercased() }))
        } else {
            if let problem = SheetName.problem(with: name) {
                throw XLSXError(.invalidSheetName(name, reason: problem), while: "adding worksheet")
            }
            if takenNames.contains(name.lowercased()) {
                throw XLSXError(.duplicateSheetName(name), while: "adding worksheet")
            }
        }
        try check(workbook_validate_sheet_name(wb, name), "adding worksheet '\(name)'")
        guard let ws = workbook_add_worksheet(wb, name) else {
            throw XLSXError(.invalidSheetName(name, reason: "rejected by libxlsxwriter"), while: "adding worksheet")
        }
        sheetNames.append(name)
        takenNames.insert(name.lowercased())
        recorder?(name, .added)
        return Worksheet(workbook: self, handle: ws, name: name)
    }

    /// Adds a chart; insert it into one worksheet with `Worksheet.insert(_:at:)`.
    public func addChart(_ kind: Chart.Kind) throws -> Chart {
        let wb = try openHandle("adding a chart")
        guard let chart = workbook_add_chart(wb, kind.cValue) else {
            throw XLSXError(.library(code: 1, message: "Memory error, failed to allocate chart"), while: "adding a chart")
        }
        return Chart(workbook: self, handle: chart, kind: kind)
    }

    /// Defines a workbook-wide name such as `权重_总分` for `='权重'!$C$3`.
    public func defineName(_ name: String, refersTo formula: String) throws {
        let wb = try openHandle("defining name '\(name)'")
        guard Self.isValidDefinedName(name), !definedNames.contains(name.lowercased()) else {
            throw XLSXError(.invalidDefinedName(name), while: "defining a name")
        }
        guard !formula.isEmpty else { throw XLSXError(.emptyText, while: "defining name '\(name)'") }
        try check(
            workbook_define_name(wb, name, formula.hasPrefix("=") ? formula : "=" + formula),
            "defining name '\(name)'")
        definedNames.insert(name.lowercased())
    }

    /// Letters, digits, `_` and `.`, starting with a letter or `_`, not shaped like a cell reference.
    static func isValidDefinedName(_ name: String) -> Bool {
        guard let first = name.first, name.count <= 255,
            first.isLetter || first == "_" || first == "\\"
        else { return false }
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else { return false }
        if CellReference(name) != nil { return false }
        let upper = name.uppercased()
        if upper.hasPrefix("R"), upper.dropFirst().allSatisfy(\.isNumber) { return false }
        if upper.hasPrefix("C"), upper.dropFirst().allSatisfy(\.isNumber) { return false }
        return true
    }

    /// Sets the document properties; the creation date stays the one given in `Options`.
    public func setProperties(_ properties: Properties) throws {
        try setProperties(properties, created: Int(options.created.timeIntervalSince1970))
    }

    private func setProperties(_ p: Properties, created: Int) throws {
        let wb = try openHandle("setting document properties")
        var cProps = lxw_doc_properties()
        var owned: [UnsafeMutablePointer<CChar>] = []
        defer { owned.forEach { free($0) } }
        func dup(_ s: String?) -> UnsafeMutablePointer<CChar>? {
            guard let s, !s.isEmpty, let p = strdup(s) else { return nil }
            owned.append(p)
            return p
        }
        cProps.title = dup(p.title); cProps.subject = dup(p.subject); cProps.author = dup(p.author)
        cProps.manager = dup(p.manager); cProps.company = dup(p.company); cProps.category = dup(p.category)
        cProps.keywords = dup(p.keywords); cProps.comments = dup(p.comments); cProps.status = dup(p.status)
        // 0 would mean "now" to the library; the epoch itself is not a useful creation date.
        cProps.created = max(created, 1)
        try check(workbook_set_properties(wb, &cProps), "setting document properties")
    }

    /// Adds a custom document property (values up to 255 characters).
    public func setCustomProperty(_ name: String, _ value: CustomProperty) throws {
        let wb = try openHandle("setting custom property '\(name)'")
        let context = "setting custom property '\(name)'"
        guard !name.isEmpty else { throw XLSXError(.emptyText, while: context) }
        guard name.count <= 255 else { throw XLSXError(.textTooLong(limit: 255), while: context) }
        switch value {
        case .text(let text):
            guard !text.isEmpty else { throw XLSXError(.emptyText, while: context) }
            guard text.count <= 255 else { throw XLSXError(.textTooLong(limit: 255), while: context) }
            try check(workbook_set_custom_property_string(wb, name, text), context)
        case .number(let number):
            guard number.isFinite else { throw XLSXError(.invalidNumber, while: context) }
            try check(workbook_set_custom_property_number(wb, name, number), context)
        case .integer(let number):
            try check(workbook_set_custom_property_integer(wb, name, number), context)
        case .boolean(let flag):
            try check(workbook_set_custom_property_boolean(wb, name, flag ? 1 : 0), context)
        }
    }

    /// `style` resolved once, for writing many cells with it (see `Worksheet.write(_:row:column:format:)`).
    public func format(_ style: CellStyle?) throws -> CellFormat {
        guard let style else { return CellFormat(handle: nil, styleIndex: -1, workbook: serial) }
        let index = try place(of: style)
        return CellFormat(handle: formats[index], styleIndex: index, workbook: serial)
    }

    /// A number no other workbook of this process has, to recognize its `CellFormat`s.
    let serial = Workbook.nextSerial()

    private static let serials = SerialCounter()

    private static func nextSerial() -> Int { serials.next() }

    /// Hands out 1, 2, 3 … across threads.
    private final class SerialCounter: Sendable {
        private let last = Mutex(0)
        func next() -> Int {
            last.withLock { last in
                last += 1
                return last
            }
        }
    }

    /// The style a format was resolved from.
    func style(of format: CellFormat) -> CellStyle? {
        format.styleIndex < 0 ? nil : styles.styles[format.styleIndex]
    }

    /// The C format for `style`, made once per distinct style.
    func format(for style: CellStyle?) throws -> UnsafeMutablePointer<lxw_format>? {
        guard let style else { return nil }
        return formats[try place(of: style)]
    }

    /// The place of `style` in `styles` and `formats`, its C format made when it is new.
    private func place(of style: CellStyle) throws -> Int {
        if let index = styles.index(of: style) { return index }
        let wb = try openHandle("adding a cell format")
        guard let f = workbook_add_format(wb) else {
            throw XLSXError(.library(code: 1, message: "Memory error"), while: "adding a cell format")
        }
        style.apply(to: f)
        formats.append(f)
        return styles.insert(style).index
    }

    /// A range on a hidden sheet that holds `items`, for dropdown lists too long to store inline.
    func listRange(for items: [String]) throws -> String {
        if listSheet == nil {
            let created = try addWorksheet(named: "_lists", sanitize: true)
            created.hide()
            listSheet = (created.handle, created.name)
        }
        let sheet = Worksheet(workbook: self, handle: listSheet!.handle, name: listSheet!.name)
        let column = listSheetNextColumn
        listSheetNextColumn += 1
        for (row, item) in items.enumerated() {
            try sheet.write(.text(item), row: row, column: column)
        }
        let range = CellRange(rows: 0...(items.count - 1), columns: column...column)
        return "=" + sheetReference(sheet.name, range.absolute)
    }

    /// Writes the file. Throws when it cannot be written (for instance a missing directory); the
    /// workbook is released either way, and its worksheets and charts become unusable.
    public func close() throws {
        guard let wb = handle else { throw XLSXError(.workbookClosed, while: "closing \(path)") }
        handle = nil
        formats.removeAll()
        try check(workbook_close(wb), "closing \(path)")
    }

    /// Builds a workbook with `body` and moves it to `path` only when everything succeeded, so a failed run
    /// never leaves a half-written file and never replaces the previous one.
    public static func create(
        at path: String, options: Options = Options(),
        _ body: (Workbook) throws -> Void
    ) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        // The process id lets a later run tell a killed run's temporary from a running one's.
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString).tmp")
        let workbook = try Workbook(path: temporary.path, options: options)
        do {
            try body(workbook)
            try workbook.close()
        } catch {
            if !workbook.isClosed { try? workbook.close() }
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        // rename(2) replaces the old file in one step: a reader sees the old file or the new one, never neither.
        if rename(temporary.path, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw XLSXError(.file("cannot move the finished file into place (\(reason))"), while: "writing \(path)")
        }
    }
}
