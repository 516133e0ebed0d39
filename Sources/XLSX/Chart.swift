internal import CXLSXWriter

/// A chart made by `Workbook.addChart(_:)`, inserted once into one worksheet.
public final class Chart {
    /// The chart types the scorecards use.
    public enum Kind: Sendable {
        case bar, column, radar, filledRadar, line

        var cValue: UInt8 {
            switch self {
            case .bar: UInt8(LXW_CHART_BAR.rawValue)
            case .column: UInt8(LXW_CHART_COLUMN.rawValue)
            case .radar: UInt8(LXW_CHART_RADAR_WITH_MARKERS.rawValue)
            case .filledRadar: UInt8(LXW_CHART_RADAR_FILLED.rawValue)
            case .line: UInt8(LXW_CHART_LINE.rawValue)
            }
        }
    }

    /// Held strongly, like a worksheet's.
    let workbook: Workbook
    let handle: UnsafeMutablePointer<lxw_chart>
    public let kind: Kind
    var seriesCount = 0
    var inserted = false

    init(workbook: Workbook, handle: UnsafeMutablePointer<lxw_chart>, kind: Kind) {
        self.workbook = workbook
        self.handle = handle
        self.kind = kind
    }

    private func open(_ context: String) throws {
        _ = try workbook.openHandle(context)
        if inserted { throw XLSXError(.chartMisuse("the chart is already inserted and cannot change"), while: context) }
    }

    /// Adds a series. Ranges are formulas such as `='汇总'!$B$3:$B$9`; `name` is the legend text.
    public func addSeries(name: String?, categories: String, values: String, color: UInt32? = nil) throws {
        try open("adding a chart series")
        guard !categories.isEmpty, !values.isEmpty else { throw XLSXError(.emptyText, while: "adding a chart series") }
        guard let series = chart_add_series(handle, categories, values) else {
            throw XLSXError(.library(code: 1, message: "Memory error"), while: "adding a chart series")
        }
        // libxlsxwriter reads a name starting with `=` as a cell reference; text stays text (a zero-width space first).
        if let name, !name.isEmpty { chart_series_set_name(series, name.hasPrefix("=") ? "\u{200B}" + name : name) }
        if let color {
            var fill = lxw_chart_fill()
            fill.color = color
            chart_series_set_fill(series, &fill)
            var line = lxw_chart_line()
            line.color = color
            chart_series_set_line(series, &line)
        }
        seriesCount += 1
    }

    /// Sets the title, in a CJK font, not bold.
    public func setTitle(_ title: String, fontName: String = "宋体", size: Double = 12) throws {
        try open("setting a chart title")
        guard !title.isEmpty else { throw XLSXError(.emptyText, while: "setting a chart title") }
        chart_title_set_name(handle, title)
        let name = strdup(fontName)
        defer { free(name) }
        var font = lxw_chart_font()
        font.name = name
        font.size = size
        font.bold = UInt8(LXW_EXPLICIT_FALSE.rawValue)
        chart_title_set_name_font(handle, &font)
    }

    /// The axis that carries values: horizontal for bar charts, vertical otherwise.
    private var valueAxis: UnsafeMutablePointer<lxw_chart_axis>? {
        kind == .bar ? handle.pointee.x_axis : handle.pointee.y_axis
    }

    /// Sets the value axis range.
    public func setValueAxis(minimum: Double?, maximum: Double?, title: String? = nil) throws {
        try open("setting a chart axis")
        guard let axis = valueAxis else { return }
        if let minimum, minimum.isFinite { chart_axis_set_min(axis, minimum) }
        if let maximum, maximum.isFinite { chart_axis_set_max(axis, maximum) }
        if let title, !title.isEmpty { chart_axis_set_name(axis, title) }
    }

    /// Puts the lowest value at the top (ranks: 1 is best).
    public func reverseValueAxis() throws {
        try open("reversing a chart axis")
        guard let axis = valueAxis else { return }
        chart_axis_set_reverse(axis)
    }

    /// Hides the legend (useful with a single series).
    public func hideLegend() throws {
        try open("hiding a chart legend")
        chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
    }
}
