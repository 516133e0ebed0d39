/// A place in an input file: path and 1-based line (and column when known).
///
/// Every loaded value carries one (a province roll-up holds millions), so line and column are stored in 32 bits
/// each: 24 bytes in all.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    private var storedLine: Int32
    /// `Int32.min` when the column is unknown.
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
        get { storedColumn == .min ? nil : Int(storedColumn) }
        set { storedColumn = newValue.map { Int32(clamping: $0) } ?? .min }
    }

    /// `rubric.yaml:12:7`, or `rubric.yaml:12` without a column.
    public var description: String { column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)" }
}

/// One problem found in the input, pointing at where it is.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var location: SourceLocation
    public var severity: Severity
    public var message: String

    public init(_ location: SourceLocation, _ message: String, severity: Severity = .error) {
        self.location = location
        self.message = message
        self.severity = severity
    }

    /// `data/union.yaml:7:3: error: …` — the compiler style editors and CI logs understand.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
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

    public mutating func append(contentsOf other: Diagnostics) { all += other.all }

    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    public var hasErrors: Bool { all.contains { $0.severity == .error } }
}

/// Thrown when input files have errors; carries every one of them, in file and line order.
public struct InputErrors: Error, CustomStringConvertible, Sendable {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted {
            ($0.location.file, $0.location.line, $0.location.column ?? 0) < ($1.location.file, $1.location.line, $1.location.column ?? 0)
        }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
