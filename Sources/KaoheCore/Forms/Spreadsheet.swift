/// A spreadsheet as the core sees it: sheets of cell values, read by the `XLSX` reader and handed over. The
/// core maps returned forms from this; it never sees a file format.
public struct Spreadsheet: Sendable {
    public var sheets: [Sheet]

    public init(sheets: [Sheet]) { self.sheets = sheets }

    /// The sheet with this name.
    public func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

    public struct Sheet: Sendable {
        public var name: String
        public var hidden: Bool
        /// Cells by 0-based (row, column).
        public var cells: [CellAddress: Cell]
        /// Merged ranges: a merge's value lives in its first cell.
        public var merges: [(first: CellAddress, last: CellAddress)]

        public init(
            name: String, hidden: Bool = false, cells: [CellAddress: Cell] = [:],
            merges: [(first: CellAddress, last: CellAddress)] = []
        ) {
            self.name = name
            self.hidden = hidden
            self.cells = cells
            self.merges = merges
        }

        /// The cell at (row, column); inside a merge, the merge's first cell (`merged` says so).
        public func cell(row: Int, column: Int) -> (cell: Cell, merged: Bool)? {
            if let cell = cells[CellAddress(row: row, column: column)] { return (cell, false) }
            for merge in merges
            where (merge.first.row...merge.last.row).contains(row)
                && (merge.first.column...merge.last.column).contains(column)
            {
                return cells[merge.first].map { ($0, true) }
            }
            return nil
        }

        /// The highest row holding a cell, or -1.
        public var lastRow: Int { cells.keys.map(\.row).max() ?? -1 }
    }

    public struct CellAddress: Hashable, Sendable {
        public var row: Int
        public var column: Int
        public init(row: Int, column: Int) {
            self.row = row
            self.column = column
        }
    }

    /// A cell's stored value: a formula's cached result, with whether it came from a formula and whether its number
    /// format shows percent (Excel and WPS store a typed `93.6%` as 0.936 with such a format).
    public struct Cell: Sendable, Equatable {
        public enum Value: Sendable, Equatable {
            case number(Double), text(String), boolean(Bool), error(String)
        }
        public var value: Value
        public var isFormula: Bool
        public var isPercent: Bool

        public init(_ value: Value, isFormula: Bool = false, isPercent: Bool = false) {
            self.value = value
            self.isFormula = isFormula
            self.isPercent = isPercent
        }

        /// Text cells as text; other values as they would print.
        public var text: String {
            switch value {
            case .text(let t): t
            case .number(let n): Spreadsheet.numberText(n)
            case .boolean(let b): b ? "TRUE" : "FALSE"
            case .error(let e): e
            }
        }
    }

    /// A stored double as the decimal a person typed: at most 15 significant digits (what a cell holds exactly),
    /// so `0.1 + 0.2` reads as 0.3 and `93.6` stays 93.6.
    public static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        // The shortest text that reads back as the same double is what was typed, when it has at most 15 digits.
        let shortest = "\(value)"
        if !shortest.contains("e"), shortest.utf8.count(where: { $0 >= 0x30 && $0 <= 0x39 }) <= 15 { return shortest }
        var text = String(format: "%.15g", value)
        if text.contains("e") { return text }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
