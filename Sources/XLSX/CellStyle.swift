/// How a cell looks. A value type: the workbook turns each distinct style into one format of its own,
/// so styles can be shared freely and never belong to the wrong workbook.
public struct CellStyle: Hashable, Sendable {
    public enum HorizontalAlignment: Hashable, Sendable { case general, left, center, right }
    public enum VerticalAlignment: Hashable, Sendable { case top, center, bottom }
    public enum Border: Hashable, Sendable { case none, thin, medium }

    public var fontName: String?
    public var fontSize: Double?
    public var bold = false
    public var italic = false
    public var underline = false
    /// RGB, e.g. `0xC00000`.
    public var fontColor: UInt32?
    public var fillColor: UInt32?
    public var horizontal: HorizontalAlignment = .general
    public var vertical: VerticalAlignment = .center
    public var wrap = false
    public var border: Border = .none
    /// The top edge's border, when it differs from `border` (a line between groups of rows).
    public var topBorder: Border?
    /// An Excel number format such as `0.00` or `@`.
    public var numberFormat: String?
    /// Unlocked cells stay editable when the sheet is protected.
    public var unlocked = false
    public var indent = 0

    public init(
        fontName: String? = nil, fontSize: Double? = nil, bold: Bool = false, italic: Bool = false,
        underline: Bool = false, fontColor: UInt32? = nil, fillColor: UInt32? = nil,
        horizontal: HorizontalAlignment = .general, vertical: VerticalAlignment = .center,
        wrap: Bool = false, border: Border = .none, numberFormat: String? = nil,
        unlocked: Bool = false, indent: Int = 0
    ) {
        self.fontName = fontName
        self.fontSize = fontSize
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.fontColor = fontColor
        self.fillColor = fillColor
        self.horizontal = horizontal
        self.vertical = vertical
        self.wrap = wrap
        self.border = border
        self.numberFormat = numberFormat
        self.unlocked = unlocked
        self.indent = indent
    }

    /// Returns a copy changed by `change`.
    public func with(_ change: (inout CellStyle) -> Void) -> CellStyle {
        var copy = self
        change(&copy)
        return copy
    }
}
