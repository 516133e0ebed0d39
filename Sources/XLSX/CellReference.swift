/// Zero-based cell coordinates and their A1 spelling.
public struct CellReference: Hashable, Sendable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `B3` or `$B$3`; returns nil for anything else.
    public init?(_ a1: String) {
        var letters = 0
        var digits = 0
        var seenDigit = false
        var any = false
        for ch in a1.unicodeScalars where ch != "$" {
            switch ch.value {
            case 65...90, 97...122:
                if seenDigit { return nil }
                letters = letters * 26 + Int((ch.value & ~0x20) - 64)
                any = true
            case 48...57:
                seenDigit = true
                digits = digits * 10 + Int(ch.value - 48)
            default:
                return nil
            }
        }
        guard any, seenDigit, digits > 0 else { return nil }
        self.init(row: digits - 1, column: letters - 1)
    }

    /// The column letters: 0 → `A`, 26 → `AA`.
    public static func columnName(_ column: Int) -> String {
        column < commonColumnNames.count ? commonColumnNames[column] : spelledColumnName(column)
    }

    /// The names of the first columns, spelled once: formulas name columns millions of times.
    private static let commonColumnNames = (0..<702).map(spelledColumnName)

    private static func spelledColumnName(_ column: Int) -> String {
        var n = column + 1
        var letters: [UInt8] = []
        while n > 0 {
            letters.append(UInt8(65 + (n - 1) % 26))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// `B3`.
    public var description: String { Self.columnName(column) + String(row + 1) }

    /// `$B$3`.
    public var absolute: String { "$" + Self.columnName(column) + "$" + String(row + 1) }
}

/// A rectangular range of cells, inclusive.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public var first: CellReference
    public var last: CellReference

    public init(_ first: CellReference, _ last: CellReference) {
        self.first = first
        self.last = last
    }

    public init(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        self.init(
            CellReference(row: rows.lowerBound, column: columns.lowerBound),
            CellReference(row: rows.upperBound, column: columns.upperBound))
    }

    /// Parses `A1:C3` (or a single cell).
    public init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard let a = parts.first.flatMap({ CellReference(String($0)) }) else { return nil }
        let b = parts.count > 1 ? CellReference(String(parts[1])) : a
        guard let b, parts.count <= 2 else { return nil }
        self.init(a, b)
    }

    public func overlaps(_ other: CellRange) -> Bool {
        first.row <= other.last.row && other.first.row <= last.row
            && first.column <= other.last.column && other.first.column <= last.column
    }

    public var description: String { first == last ? "\(first)" : "\(first):\(last)" }
    public var absolute: String { first == last ? first.absolute : "\(first.absolute):\(last.absolute)" }
}

/// Quotes a sheet name for use in a formula: `'汇总'!$A$1`.
public func sheetReference(_ sheet: String, _ range: String) -> String {
    guard sheet.utf8.contains(UInt8(ascii: "'")) else { return "'" + sheet + "'!" + range }
    return "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'!" + range
}
