import Foundation
internal import CXLSXWriter

/// What a cell holds.
public enum CellValue: Equatable, Sendable {
    /// Text, always stored as text: `=SUM(A1)` typed by a user stays those characters.
    case text(String)
    case number(Double)
    case boolean(Bool)
    /// A formula (without or with the leading `=`) and the result a spreadsheet shows before recalculating.
    case formula(String, cached: FormulaResult)
    /// An empty cell that still carries a style (borders, fill).
    case blank
}

/// The cached result stored with a formula.
public enum FormulaResult: Equatable, Sendable {
    case number(Double)
    case text(String)
}

/// A worksheet of a `Workbook`. Usable until the workbook is closed.
public final class Worksheet {
    /// Longest text a cell holds.
    public static let maximumTextLength = 32_767
    /// Appended to text cut at `maximumTextLength`, so the cut is visible.
    public static let truncationMarker = "…[超长截断]"

    /// The workbook it belongs to. Held strongly: a worksheet keeps its workbook alive, and every call throws once
    /// the workbook is closed.
    public let workbook: Workbook
    let handle: UnsafeMutablePointer<lxw_worksheet>
    public let name: String
    /// Merged ranges by each row they cover, to find overlaps without scanning them all.
    private var mergedByRow: [Int: [CellRange]] = [:]

    init(workbook: Workbook, handle: UnsafeMutablePointer<lxw_worksheet>, name: String) {
        self.workbook = workbook
        self.handle = handle
        self.name = name
    }

    private func open(_ context: @autoclosure () -> String) throws {
        _ = try workbook.openHandle(context())
    }

    private func at(_ row: Int, _ column: Int) -> String {
        "writing \(name)!\(CellReference(row: row, column: column))"
    }

    private func checkCell(_ row: Int, _ column: Int) throws {
        guard (0..<1_048_576).contains(row), (0..<16_384).contains(column) else {
            throw XLSXError(.invalidRange("row \(row + 1), column \(column + 1)"), while: "writing \(name)")
        }
    }

    /// Text cut to the cell limit with a visible marker.
    static func fitting(_ text: String) -> String {
        // UTF-8 is never shorter than the character count: most text needs no counting.
        guard text.utf8.count > maximumTextLength, text.count > maximumTextLength else { return text }
        return String(text.prefix(maximumTextLength - truncationMarker.count)) + truncationMarker
    }

    /// `value` as written: text and cached text cut to the cell limit.
    static func fitting(_ value: CellValue) -> CellValue {
        switch value {
        case .text(let t): .text(fitting(t))
        case .formula(let f, cached: .text(let t)): .formula(f, cached: .text(fitting(t)))
        default: value
        }
    }

    /// Writes one cell.
    public func write(_ value: CellValue, row: Int, column: Int, style: CellStyle? = nil) throws {
        try write(
            value, row: row, column: column,
            format: CellFormat(handle: workbook.format(for: style), styleIndex: -1, workbook: workbook.serial), style: style)
    }

    /// Writes one cell with a format resolved beforehand: for writing many cells with a few styles, the style
    /// is not looked up per cell.
    public func write(_ value: CellValue, row: Int, column: Int, format: CellFormat) throws {
        try write(value, row: row, column: column, format: format, style: nil)
    }

    /// Writes one cell; `style` is what `resolved` was made from, for the recorder (nil: ask the workbook).
    private func write(_ value: CellValue, row: Int, column: Int, format resolved: CellFormat, style: CellStyle?) throws {
        try open(at(row, column))
        try checkCell(row, column)
        guard resolved.workbook == workbook.serial else { throw XLSXError(.foreignFormat, while: at(row, column)) }
        let format = resolved.handle
        let r = UInt32(row), c = UInt16(column)
        switch value {
        case .text(let text):
            if text.isEmpty {
                if format != nil { try check(worksheet_write_blank(handle, r, c, format), at(row, column)) }
            } else {
                // withCString hands a native string's own bytes over; the implicit conversion would copy them.
                let status = Self.fitting(text).withCString { worksheet_write_string(handle, r, c, $0, format) }
                try check(status, at(row, column))
            }
        case .number(let number):
            guard number.isFinite else { throw XLSXError(.invalidNumber, while: at(row, column)) }
            try check(worksheet_write_number(handle, r, c, number, format), at(row, column))
        case .boolean(let flag):
            try check(worksheet_write_boolean(handle, r, c, flag ? 1 : 0, format), at(row, column))
        case .formula(let formula, let cached):
            let body = formula.utf8.first == UInt8(ascii: "=") ? String(formula.dropFirst()) : formula
            guard !body.isEmpty else { throw XLSXError(.emptyText, while: at(row, column)) }
            guard body.utf8.count <= 8192 || body.count <= 8192 else { throw XLSXError(.textTooLong(limit: 8192), while: at(row, column)) }
            switch cached {
            case .number(let number):
                guard number.isFinite else { throw XLSXError(.invalidNumber, while: at(row, column)) }
                let status = body.withCString { worksheet_write_formula_num(handle, r, c, $0, format, number) }
                try check(status, at(row, column))
            case .text(let text):
                // libxlsxwriter 1.1.4 reads past the end of an empty cached string, and a formula without a
                // result would be cached as 0, which is wrong: the formula must produce visible text.
                guard !text.isEmpty else { throw XLSXError(.emptyText, while: at(row, column)) }
                try check(worksheet_write_formula_str(handle, r, c, body, format, Self.fitting(text)), at(row, column))
            }
        case .blank:
            try check(worksheet_write_blank(handle, r, c, format), at(row, column))
        }
        if let recorder = workbook.recorder {
            recorder(name, .cell(row: row, column: column, value: Self.fitting(value), style: style ?? workbook.style(of: resolved)))
        }
    }

    /// Writes values left to right from `column`.
    public func writeRow(_ values: [CellValue], row: Int, column: Int = 0, style: CellStyle? = nil) throws {
        for (offset, value) in values.enumerated() {
            try write(value, row: row, column: column + offset, style: style)
        }
    }

    /// Merges `range` and writes `value` into it. A one-cell range is written as a plain cell.
    public func merge(_ range: CellRange, _ value: CellValue, style: CellStyle? = nil) throws {
        try merge(range, value, format: CellFormat(handle: workbook.format(for: style), styleIndex: -1, workbook: workbook.serial), style: style)
    }

    /// Merges `range` with a format resolved beforehand and writes `value` into it.
    public func merge(_ range: CellRange, _ value: CellValue, format: CellFormat) throws {
        try merge(range, value, format: format, style: nil)
    }

    /// Merges `range`; `style` is what `resolved` was made from, for the recorder (nil: ask the workbook).
    private func merge(_ range: CellRange, _ value: CellValue, format resolved: CellFormat, style: CellStyle?) throws {
        func context() -> String { "merging \(name)!\(range)" }
        try open(context())
        guard range.first.row <= range.last.row, range.first.column <= range.last.column else {
            throw XLSXError(.invalidRange(range.description), while: context())
        }
        try checkCell(range.last.row, range.last.column)
        if range.first == range.last {
            try write(value, row: range.first.row, column: range.first.column, format: resolved, style: style)
            return
        }
        for r in range.first.row...range.last.row where mergedByRow[r]?.contains(where: { $0.overlaps(range) }) == true {
            throw XLSXError(.overlappingMerge(range.description), while: context())
        }
        guard resolved.workbook == workbook.serial else { throw XLSXError(.foreignFormat, while: context()) }
        try check(
            worksheet_merge_range(
                handle, UInt32(range.first.row), UInt16(range.first.column),
                UInt32(range.last.row), UInt16(range.last.column), "", resolved.handle), context())
        for r in range.first.row...range.last.row { mergedByRow[r, default: []].append(range) }
        if let recorder = workbook.recorder { recorder(name, .merge(range, style: style ?? workbook.style(of: resolved))) }
        // The merge wrote an empty string; the real value (a number or formula too) goes into the first cell.
        try write(value, row: range.first.row, column: range.first.column, format: resolved, style: style)
    }

    /// Sets the width of columns, in character units (clamped to 0…255).
    public func setColumnWidth(
        _ columns: ClosedRange<Int>, _ width: Double, style: CellStyle? = nil,
        hidden: Bool = false
    ) throws {
        let context = "setting column width on \(name)"
        try open(context)
        try checkCell(0, columns.upperBound)
        let format = try workbook.format(for: style)
        var options = lxw_row_col_options()
        options.hidden = hidden ? 1 : 0
        let w = width.isFinite ? min(max(width, 0), 255) : 8.43
        try check(
            worksheet_set_column_opt(
                handle, UInt16(columns.lowerBound), UInt16(columns.upperBound), w,
                format, &options), context)
        workbook.recorder?(name, .columnWidth(columns, width: w, hidden: hidden))
    }

    /// Sets a row's height in points.
    public func setRowHeight(_ row: Int, _ height: Double, hidden: Bool = false) throws {
        func context() -> String { "setting row height on \(name)" }
        try open(context())
        try checkCell(row, 0)
        var options = lxw_row_col_options()
        options.hidden = hidden ? 1 : 0
        let h = height.isFinite ? min(max(height, 0), 409) : 15
        try check(worksheet_set_row_opt(handle, UInt32(row), h, nil, &options), context())
        workbook.recorder?(name, .rowHeight(row: row, height: h))
    }

    /// Freezes the rows above `row` and the columns left of `column`.
    public func freezePanes(row: Int, column: Int = 0) throws {
        try open("freezing panes on \(name)")
        try checkCell(row, column)
        worksheet_freeze_panes(handle, UInt32(row), UInt16(column))
        workbook.recorder?(name, .freezePanes(row: row, column: column))
    }

    /// Adds filter buttons to a header row and the rows below it.
    public func autofilter(_ range: CellRange) throws {
        let context = "adding an autofilter on \(name)"
        try open(context)
        try check(
            worksheet_autofilter(
                handle, UInt32(range.first.row), UInt16(range.first.column),
                UInt32(range.last.row), UInt16(range.last.column)), context)
        workbook.recorder?(name, .autofilter(range))
    }

    /// Print settings of a sheet.
    public struct PageSetup: Sendable {
        public enum Orientation: Sendable { case portrait, landscape }
        public var orientation: Orientation = .portrait
        /// Paper size code; 9 is A4.
        public var paper: UInt8 = 9
        /// Pages wide and tall to fit to; 0 leaves that direction free.
        public var fitToPages: (width: UInt16, height: UInt16)? = (1, 0)
        /// Rows printed at the top of every page.
        public var repeatRows: ClosedRange<Int>?
        public var header: String?
        public var footer: String?
        public var printArea: CellRange?
        public var centerHorizontally = true
        /// Left, right, top, bottom margins in inches.
        public var margins: (left: Double, right: Double, top: Double, bottom: Double) = (0.5, 0.5, 0.75, 0.75)
        public init() {}
    }

    /// Applies print settings. Header and footer text is limited to 255 characters.
    public func setPageSetup(_ setup: PageSetup) throws {
        let context = "setting up printing of \(name)"
        try open(context)
        worksheet_set_paper(handle, setup.paper)
        switch setup.orientation {
        case .portrait: worksheet_set_portrait(handle)
        case .landscape: worksheet_set_landscape(handle)
        }
        if let fit = setup.fitToPages { worksheet_fit_to_pages(handle, fit.width, fit.height) }
        if let rows = setup.repeatRows {
            try check(worksheet_repeat_rows(handle, UInt32(rows.lowerBound), UInt32(rows.upperBound)), context)
        }
        for (text, setter) in [(setup.header, worksheet_set_header), (setup.footer, worksheet_set_footer)] {
            guard let text, !text.isEmpty else { continue }
            guard text.count <= 255 else { throw XLSXError(.textTooLong(limit: 255), while: context) }
            try check(setter(handle, text), context)
        }
        if let area = setup.printArea {
            guard area.first.row <= area.last.row, area.first.column <= area.last.column else {
                throw XLSXError(.invalidRange(area.description), while: context)
            }
            try check(
                worksheet_print_area(
                    handle, UInt32(area.first.row), UInt16(area.first.column),
                    UInt32(area.last.row), UInt16(area.last.column)), context)
        }
        if setup.centerHorizontally { worksheet_center_horizontally(handle) }
        let m = setup.margins
        worksheet_set_margins(handle, m.left, m.right, m.top, m.bottom)
    }

    /// A conditional format rule.
    public enum ConditionalRule: Sendable {
        public enum Comparison: Sendable { case equal, notEqual, greater, greaterOrEqual, less, lessOrEqual }
        /// Compares the cell with a number.
        case cell(Comparison, Double)
        /// Compares the cell with text (`"优秀"`).
        case cellText(Comparison, String)
        /// True where the formula is true, written for the top-left cell of the range.
        case formula(String)
        /// A red–yellow–green scale from the lowest to the highest value.
        case threeColorScale
        /// A data bar in the given colour.
        case dataBar(UInt32)
    }

    /// Applies `rule` to `range`, painting matching cells with `style` (ignored by scales and bars).
    public func conditionalFormat(_ range: CellRange, _ rule: ConditionalRule, style: CellStyle? = nil) throws {
        let context = "adding a conditional format to \(name)!\(range)"
        try open(context)
        var cf = lxw_conditional_format()
        var owned: [UnsafeMutablePointer<CChar>] = []
        defer { owned.forEach { free($0) } }
        func criteria(_ c: ConditionalRule.Comparison) -> UInt8 {
            switch c {
            case .equal: UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue)
            case .notEqual: UInt8(LXW_CONDITIONAL_CRITERIA_NOT_EQUAL_TO.rawValue)
            case .greater: UInt8(LXW_CONDITIONAL_CRITERIA_GREATER_THAN.rawValue)
            case .greaterOrEqual: UInt8(LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
            case .less: UInt8(LXW_CONDITIONAL_CRITERIA_LESS_THAN.rawValue)
            case .lessOrEqual: UInt8(LXW_CONDITIONAL_CRITERIA_LESS_THAN_OR_EQUAL_TO.rawValue)
            }
        }
        switch rule {
        case .cell(let comparison, let value):
            guard value.isFinite else { throw XLSXError(.invalidNumber, while: context) }
            cf.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            cf.criteria = criteria(comparison)
            cf.value = value
        case .cellText(let comparison, let text):
            guard !text.isEmpty, let p = strdup("\"\(text.replacingOccurrences(of: "\"", with: "\"\""))\"") else {
                throw XLSXError(.emptyText, while: context)
            }
            owned.append(p)
            cf.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            cf.criteria = criteria(comparison)
            cf.value_string = p
        case .formula(let formula):
            guard !formula.isEmpty, let p = strdup(formula.hasPrefix("=") ? formula : "=" + formula) else {
                throw XLSXError(.emptyText, while: context)
            }
            owned.append(p)
            cf.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
            cf.value_string = p
        case .threeColorScale:
            cf.type = UInt8(LXW_CONDITIONAL_3_COLOR_SCALE.rawValue)
        case .dataBar(let color):
            cf.type = UInt8(LXW_CONDITIONAL_DATA_BAR.rawValue)
            cf.bar_color = color
        }
        cf.format = try workbook.format(for: style)
        try check(
            worksheet_conditional_format_range(
                handle, UInt32(range.first.row), UInt16(range.first.column),
                UInt32(range.last.row), UInt16(range.last.column), &cf), context)
    }

    /// Restricts `range` to a dropdown of `items`. Lists longer than the 255 bytes the library stores inline
    /// are kept on a hidden sheet and referenced instead.
    /// With `strict: false` other entries are accepted too (the list only offers choices).
    public func dropdown(_ range: CellRange, items: [String], prompt: String? = nil, strict: Bool = true) throws {
        let context = "adding a dropdown to \(name)!\(range)"
        try open(context)
        let clean = items.filter { !$0.isEmpty }
        guard !clean.isEmpty else { throw XLSXError(.emptyText, while: context) }
        var dv = lxw_data_validation()
        var owned: [UnsafeMutablePointer<CChar>] = []
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        defer {
            owned.forEach { free($0) }
            list?.deallocate()
        }
        let joinedBytes = clean.joined(separator: ",").utf8.count
        if joinedBytes <= 255 && !clean.contains(where: { $0.contains(",") || $0.contains("\"") }) {
            dv.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
            let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: clean.count + 1)
            for (i, item) in clean.enumerated() {
                let p = strdup(item)!
                owned.append(p)
                array[i] = p
            }
            array[clean.count] = nil
            list = array
            dv.value_list = array
        } else {
            let reference = try workbook.listRange(for: clean)
            let p = strdup(reference)!
            owned.append(p)
            dv.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
            dv.value_formula = p
        }
        if !strict { dv.show_error = UInt8(LXW_VALIDATION_OFF.rawValue) }
        try setPrompt(prompt, on: &dv, owned: &owned, context)
        try check(
            worksheet_data_validation_range(
                handle, UInt32(range.first.row), UInt16(range.first.column),
                UInt32(range.last.row), UInt16(range.last.column), &dv), context)
    }

    /// Restricts `range` to numbers from `minimum` to `maximum` (either may be open), with an input prompt and,
    /// when a number is refused, `error` as the message; `integer` admits whole numbers only.
    public func numberValidation(
        _ range: CellRange, minimum: Double?, maximum: Double?, integer: Bool = false,
        prompt: String? = nil, error: String? = nil
    ) throws {
        let context = "adding number validation to \(name)!\(range)"
        try open(context)
        var dv = lxw_data_validation()
        dv.validate = UInt8((integer ? LXW_VALIDATION_TYPE_INTEGER : LXW_VALIDATION_TYPE_DECIMAL).rawValue)
        let bounds = [minimum, maximum].compactMap { $0 }
        guard bounds.allSatisfy(\.isFinite) else { throw XLSXError(.invalidNumber, while: context) }
        switch (minimum, maximum) {
        case let (low?, high?):
            dv.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
            dv.minimum_number = low
            dv.maximum_number = high
        case let (low?, nil):
            dv.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
            dv.value_number = low
        case let (nil, high?):
            dv.criteria = UInt8(LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO.rawValue)
            dv.value_number = high
        case (nil, nil):
            // Any number: the widest range a cell holds exactly.
            dv.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
            dv.minimum_number = -1e15
            dv.maximum_number = 1e15
        }
        var owned: [UnsafeMutablePointer<CChar>] = []
        defer { owned.forEach { free($0) } }
        try setPrompt(prompt, on: &dv, owned: &owned, context)
        if let error, !error.isEmpty {
            guard error.count <= 224 else { throw XLSXError(.textTooLong(limit: 224), while: context) }
            let p = strdup(error)!
            owned.append(p)
            dv.error_message = p
        }
        try check(
            worksheet_data_validation_range(
                handle, UInt32(range.first.row), UInt16(range.first.column),
                UInt32(range.last.row), UInt16(range.last.column), &dv), context)
    }

    /// Sets a validation's input prompt (at most 255 characters, Excel's limit).
    private func setPrompt(
        _ prompt: String?, on dv: inout lxw_data_validation,
        owned: inout [UnsafeMutablePointer<CChar>], _ context: String
    ) throws {
        guard let prompt, !prompt.isEmpty else { return }
        guard prompt.count <= 255 else { throw XLSXError(.textTooLong(limit: 255), while: context) }
        let p = strdup(prompt)!
        owned.append(p)
        dv.input_message = p
    }

    /// Protects the sheet: only cells whose style is `unlocked` can be edited. Passwords over 24 characters
    /// are rejected because libxlsxwriter 1.1.4 hashes them wrongly.
    public func protect(password: String? = nil, allowFormattingColumns: Bool = true) throws {
        let context = "protecting \(name)"
        try open(context)
        if let password, password.count > 24 || password.isEmpty {
            throw XLSXError(.textTooLong(limit: 24), while: context)
        }
        var options = lxw_protection()
        options.format_columns = allowFormattingColumns ? 1 : 0
        options.format_rows = allowFormattingColumns ? 1 : 0
        options.autofilter = 1
        options.sort = 1
        worksheet_protect(handle, password, &options)
    }

    /// Places `chart` with its top-left corner at a cell, scaled.
    public func insert(_ chart: Chart, at cell: CellReference, scale: (x: Double, y: Double) = (1, 1)) throws {
        let context = "inserting a chart into \(name)!\(cell)"
        try open(context)
        guard chart.workbook === workbook else { throw XLSXError(.chartMisuse("the chart belongs to another workbook"), while: context) }
        guard !chart.inserted else { throw XLSXError(.chartMisuse("a chart can be inserted only once"), while: context) }
        guard chart.seriesCount > 0 else { throw XLSXError(.chartMisuse("the chart has no series"), while: context) }
        guard scale.x.isFinite, scale.y.isFinite, scale.x > 0, scale.y > 0 else {
            throw XLSXError(.invalidNumber, while: context)
        }
        var options = lxw_chart_options()
        options.x_scale = scale.x
        options.y_scale = scale.y
        try check(
            worksheet_insert_chart_opt(handle, UInt32(cell.row), UInt16(cell.column), chart.handle, &options),
            context)
        chart.inserted = true
    }

    /// Starts a new printed page before each of these rows (at most 1,023 breaks, Excel's limit).
    public func setPageBreaks(beforeRows rows: [Int]) throws {
        let context = "setting page breaks on \(name)"
        try open(context)
        let breaks = rows.filter { $0 > 0 }.sorted()
        guard !breaks.isEmpty else { return }
        guard breaks.count <= 1023 else { throw XLSXError(.invalidRange("\(breaks.count) page breaks (at most 1023)"), while: context) }
        try checkCell(breaks.last!, 0)
        var list = breaks.map { UInt32($0) } + [0]
        try check(worksheet_set_h_pagebreaks(handle, &list), context)
    }

    /// Hides the sheet.
    public func hide() { if !workbook.isClosed { worksheet_hide(handle) } }

    /// Makes this the sheet shown when the file opens.
    public func activate() { if !workbook.isClosed { worksheet_activate(handle) } }

    /// Colours the sheet's tab.
    public func setTabColor(_ color: UInt32) { if !workbook.isClosed { worksheet_set_tab_color(handle, color) } }

}
