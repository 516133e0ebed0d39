import KaoheCore
import XLSX

/// Small helpers for writing formulas.
enum FormulaText {
    /// An exact number as a formula literal (up to 15 decimals).
    static func literal(_ x: Exact) -> String {
        let text = x.decimalText(maximumPlaces: 15)
        return x.isNegative ? "(\(text))" : text
    }

    /// `operand` times `x`, exactly as a spreadsheet can compute it: a terminating decimal is written as it is;
    /// any other fraction as `*n/d`, because a cut decimal (0.663333333333333) can move a product that lies
    /// exactly on a rounding boundary (1.5 × 199/300 = 0.995) to the wrong side.
    static func times(_ operand: String, _ x: Exact) -> String {
        let limit = Int128(1) << 53
        if let places = x.terminatingPlaces, places <= 15 { return "\(operand)*\(literal(x))" }
        if x.numerator.magnitude < limit.magnitude, x.denominator < limit {
            return "\(operand)*\(x.numerator)/\(x.denominator)"
        }
        return "\(operand)*\(literal(x))"
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
