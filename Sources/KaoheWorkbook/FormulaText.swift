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

    /// An indicator's score: its points cell times the earned fraction, rounded once.
    static func indicatorScore(points: String, fraction: Exact, places: Int) -> String {
        "ROUND(\(times(points, fraction)),\(places))"
    }

    /// A bonus or penalty line: points per occurrence times the count, capped by the item's cap.
    static func adjustmentLine(points: String, count: Exact, cap: Exact?) -> String {
        let product = "\(points)*\(literal(count))"
        return cap.map { "MIN(\(literal($0)),\(product))" } ?? product
    }

    /// A bonus or penalty total: the lines' sum, capped by the rules' cap, rounded once.
    static func adjustmentTotal(sum: String, cap: Exact?, places: Int) -> String {
        cap.map { "ROUND(MIN(\(literal($0)),\(sum)),\(places))" } ?? "ROUND(\(sum),\(places))"
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
