import KaoheCore
import XLSX

/// Every formula of the scores, in one place: the scorecard sheets and the ledger place the cells, these say how
/// each is computed from them (rubric-format.md §5–§7).
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

    /// Verified score minus self-score, rounded once (the scorecards' and the ledger's 差异).
    static func difference(_ score: String, minus selfScore: String, places: Int) -> String {
        "ROUND(\(score)-\(selfScore),\(places))"
    }

    /// A dimension's subtotal with the §5.2 factor: Σ scores × the dimension's points ÷ Σ applicable points,
    /// rounded once (the sum itself when every indicator applies).
    static func dimensionSubtotal(scores: String, points: String, applicable: String, places: Int) -> String {
        "ROUND(SUM(\(scores))*\(points)/SUM(\(applicable)),\(places))"
    }

    /// A survey block's score (§6): the weighted mean of the groups with valid votes, rounded once.
    static func surveyScore(_ terms: [(weight: String, score: String)], places: Int) -> String {
        let numerator = terms.map { "\($0.weight)*\($0.score)" }.joined(separator: "+")
        let denominator = terms.map(\.weight).joined(separator: "+")
        return "ROUND((\(numerator))/(\(denominator)),\(places))"
    }

    /// A block's contribution (§7): its score × the block's weight ÷ its scale, rounded once. `scale` is the
    /// cell of S for an indicator block — which may be 0 (every dimension at 0 points, §12), and then nothing
    /// divides by it — or nil for a survey block's 100.
    static func contribution(score: String, weight: String, scale: String?, places: Int) -> String {
        guard let scale else { return "ROUND(\(score)*\(weight)/100,\(places))" }
        return "IF(\(scale)=0,0,ROUND(\(score)*\(weight)/\(scale),\(places)))"
    }

    /// The final score (§7): Σ contributions + bonus − penalty, rounded once, never below 0.
    static func finalScore(contributions: [String], bonus: String, penalty: String, places: Int) -> String {
        "MAX(0,ROUND(\((contributions + [bonus]).joined(separator: "+"))-\(penalty),\(places)))"
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
