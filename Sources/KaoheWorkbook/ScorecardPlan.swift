import XLSX

/// A scorecard laid out away from the writing thread: the cells, merges and row heights `ScorecardSheet` places,
/// in order, with the styles they use listed once. The writer replays it on the sheet (the library writing a
/// workbook is single-threaded; building formulas, texts and styles need not be).
///
/// It records through the same calls as a `Worksheet`, so the layout code reads as if it wrote the sheet.
struct ScorecardPlan: Sendable {
    private enum Step: Sendable {
        case cell(row: Int, column: Int, value: CellValue, style: Int)
        case merge(CellRange, value: CellValue, style: Int)
        case height(row: Int, Double)
    }

    /// The name of the sheet the plan is for (formulas name their own sheet's cells).
    let name: String
    private var steps: [Step] = []
    /// The distinct styles, in order of first use; steps refer to them by index (-1: no style).
    private var styles = StyleTable()

    init(sheet name: String) { self.name = name }

    private mutating func index(of style: CellStyle?) -> Int { style.map { styles.insert($0).index } ?? -1 }

    /// A style named once for the many cells of a loop, looked up at its first use (so that the styles keep
    /// their order of first use).
    struct Style {
        fileprivate let slot: Int
    }

    private var named: [(style: CellStyle, index: Int?)] = []

    mutating func style(_ style: CellStyle) -> Style {
        named.append((style, nil))
        return Style(slot: named.count - 1)
    }

    private mutating func index(of style: Style) -> Int {
        if let i = named[style.slot].index { return i }
        let i = styles.insert(named[style.slot].style).index
        named[style.slot].index = i
        return i
    }

    mutating func write(_ value: CellValue, row: Int, column: Int, style: CellStyle? = nil) throws {
        steps.append(.cell(row: row, column: column, value: value, style: index(of: style)))
    }

    mutating func write(_ value: CellValue, row: Int, column: Int, style: Style) throws {
        steps.append(.cell(row: row, column: column, value: value, style: index(of: style)))
    }

    mutating func writeRow(_ values: [CellValue], row: Int, column: Int = 0, style: CellStyle? = nil) throws {
        for (offset, value) in values.enumerated() { try write(value, row: row, column: column + offset, style: style) }
    }

    mutating func merge(_ range: CellRange, _ value: CellValue, style: CellStyle? = nil) throws {
        steps.append(.merge(range, value: value, style: index(of: style)))
    }

    mutating func setRowHeight(_ row: Int, _ height: Double) throws { steps.append(.height(row: row, height)) }

    /// Writes the plan on `sheet`, each style resolved to its format once.
    func replay(on sheet: Worksheet) throws {
        precondition(sheet.name == name, "a scorecard planned for '\(name)' replayed on '\(sheet.name)'")
        let formats = try styles.styles.map { try sheet.workbook.format($0) }
        let plain = try sheet.workbook.format(nil)
        func format(_ i: Int) -> CellFormat { i < 0 ? plain : formats[i] }
        for step in steps {
            switch step {
            case .cell(let row, let column, let value, let style): try sheet.write(value, row: row, column: column, format: format(style))
            case .merge(let range, let value, let style): try sheet.merge(range, value, format: format(style))
            case .height(let row, let height): try sheet.setRowHeight(row, height)
            }
        }
    }
}
