/// A place in an input file: path and 1-based line (and column when known).
///
/// Every loaded value carries one (a province roll-up holds millions), so line and column are stored in 32 bits
/// each: 24 bytes in all.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    private var storedLine: Int32
    /// `Int32.min` when the column is unknown; negative for a spreadsheet cell (−(column + 1)).
    private var storedColumn: Int32

    public init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        storedLine = Int32(clamping: line)
        storedColumn = column.map { Int32(clamping: $0) } ?? .min
    }

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int? {
        get { storedColumn < 0 ? nil : Int(storedColumn) }
        set { storedColumn = newValue.map { Int32(clamping: $0) } ?? .min }
    }

    /// A cell of a spreadsheet: `file` is the workbook, and the sheet is kept in `file` after a `:` so that the
    /// location stays 24 bytes; `row` and `column` are 0-based. Reads `returned/03-县妇联-自评表.xlsx:自评表!F12`.
    public static func cell(file: String, sheet: String, row: Int, column: Int) -> SourceLocation {
        var location = SourceLocation(file: "\(file):\(sheet)", line: row + 1)
        location.storedColumn = -Int32(clamping: column + 1)
        return location
    }

    /// A whole sheet of a spreadsheet (`file.xlsx:自评表`), for problems with no single cell.
    public static func sheet(file: String, sheet: String) -> SourceLocation {
        var location = SourceLocation(file: "\(file):\(sheet)", line: 0)
        location.storedColumn = -Int32.max
        return location
    }

    /// The column for sorting problems in reading order (text column or spreadsheet column alike).
    var columnOrder: Int { storedColumn == .min ? 0 : Int(storedColumn.magnitude) }

    /// A whole file, for problems with no line (a spreadsheet of the wrong kind).
    public static func wholeFile(_ file: String) -> SourceLocation {
        var location = SourceLocation(file: file, line: 0)
        location.storedColumn = -Int32.max
        return location
    }

    /// Whether this names a spreadsheet cell or sheet rather than a line of a text file.
    public var isSpreadsheet: Bool { storedColumn < 0 && storedColumn != .min }

    /// `rubric.yaml:12:7`, `rubric.yaml:12` without a column, or `book.xlsx:自评表!F12` for a cell.
    public var description: String {
        if storedColumn == -Int32.max { return file }
        if isSpreadsheet { return "\(file)!\(Self.columnName(Int(-storedColumn) - 1))\(line)" }
        return column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)"
    }

    /// `A`, `B`, … `Z`, `AA` for a 0-based column.
    public static func columnName(_ column: Int) -> String {
        var n = column + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }
}

/// One problem found in the input, pointing at where it is.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error, warning

        /// `error` / `错误`, `warning` / `警告`.
        public func label(_ language: Language) -> String {
            switch (self, language) {
            case (.error, .en): "error"
            case (.warning, .en): "warning"
            case (.error, .zh): "错误"
            case (.warning, .zh): "警告"
            }
        }
    }
    public var location: SourceLocation
    public var severity: Severity
    /// What is wrong and how to fix it, in both languages.
    public var content: Message
    /// What the problem is about, when the location alone does not say (an indicator's name in a form).
    public var subject: String?

    public init(_ location: SourceLocation, _ message: String, severity: Severity = .error, subject: String? = nil) {
        self.init(location, Message.plain(message), severity: severity, subject: subject)
    }

    public init(_ location: SourceLocation, _ content: Message, severity: Severity = .error, subject: String? = nil) {
        self.location = location
        self.content = content
        self.severity = severity
        self.subject = subject
    }

    /// The message in the current language.
    public var message: String { content.text(.current) }

    /// `data/union.yaml:7:3: 错误: …` (`error:` in English) — the compiler style editors and CI logs understand; a
    /// form's problem reads `book.xlsx:自评表!F12 (职工入会率): 错误: …`.
    public var description: String { description(in: .current) }

    public func description(in language: Language) -> String {
        "\(location)\(subject.map { " (\($0))" } ?? ""): \(severity.label(language)): \(content.text(language))"
    }
}

/// An error that says what went wrong in both languages (a file that cannot be read or written).
public protocol ExplainedError: Error {
    var message: Message { get }
}

/// Collects problems so that all of them are reported in one pass.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func error(_ location: SourceLocation, _ message: String) {
        all.append(Diagnostic(location, message))
    }

    public mutating func warning(_ location: SourceLocation, _ message: String) {
        all.append(Diagnostic(location, message, severity: .warning))
    }

    public mutating func error(_ location: SourceLocation, _ message: Message) {
        all.append(Diagnostic(location, message))
    }

    public mutating func warning(_ location: SourceLocation, _ message: Message) {
        all.append(Diagnostic(location, message, severity: .warning))
    }

    /// Adds a problem about `subject` (an indicator's name, say) at `location`.
    public mutating func add(_ severity: Diagnostic.Severity, _ location: SourceLocation, _ message: String, about subject: String?) {
        all.append(Diagnostic(location, message, severity: severity, subject: subject))
    }

    public mutating func add(_ severity: Diagnostic.Severity, _ location: SourceLocation, _ message: Message, about subject: String?) {
        all.append(Diagnostic(location, message, severity: severity, subject: subject))
    }

    public mutating func append(contentsOf other: Diagnostics) { all += other.all }

    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }

    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    public var hasErrors: Bool { all.contains { $0.severity == .error } }
}

/// Thrown when input files have errors; carries every one of them, in file and line order.
public struct InputErrors: Error, CustomStringConvertible, Sendable {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted {
            ($0.location.file, $0.location.line, $0.location.columnOrder) < ($1.location.file, $1.location.line, $1.location.columnOrder)
        }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
