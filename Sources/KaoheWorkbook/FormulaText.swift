import KaoheCore
import XLSX

/// Small helpers for writing formulas.
enum FormulaText {
    /// An exact number as a formula literal (up to 15 decimals).
    static func literal(_ x: Exact) -> String {
        let text = x.decimalText(maximumPlaces: 15)
        return x.isNegative ? "(\(text))" : text
    }

    /// A quoted string literal for a formula.
    static func string(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// `'Sheet'!$B$3`.
    static func absolute(_ sheet: String, row: Int, column: Int) -> String {
        sheetReference(sheet, CellReference(row: row, column: column).absolute)
    }

    /// `'Sheet'!$B$3:$B$9`.
    static func absolute(_ sheet: String, rows: ClosedRange<Int>, column: Int) -> String {
        sheetReference(sheet, CellRange(rows: rows, columns: column...column).absolute)
    }
}

extension CellValue {
    /// A formula with an exact cached number.
    static func formula(_ text: String, _ cached: Exact) -> CellValue { .formula(text, cached: .number(cached.double)) }
    /// A plain exact number.
    static func exact(_ x: Exact) -> CellValue { .number(x.double) }
}
