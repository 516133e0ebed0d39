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

    /// Styles are equal when every property is, the font name and number format byte for byte (they are written
    /// to the file as bytes). Writers look a style up for every cell: comparing the strings' UTF-8 avoids Swift's
    /// canonical-equivalence path, which is slow for non-ASCII names such as 宋体.
    public static func == (a: CellStyle, b: CellStyle) -> Bool {
        a.packed == b.packed && a.fontColor == b.fontColor && a.fillColor == b.fillColor && a.fontSize == b.fontSize
            && a.indent == b.indent && sameBytes(a.fontName, b.fontName) && sameBytes(a.numberFormat, b.numberFormat)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }

    /// Equal styles have equal fingerprints; different ones almost never do (flags, alignments, colours, size,
    /// indent and the strings' lengths and first bytes, mixed).
    var fingerprint: UInt64 {
        func mix(_ h: UInt64, _ x: UInt64) -> UInt64 { (h ^ x) &* 0x9E37_79B9_7F4A_7C15 }
        func text(_ s: String?) -> UInt64 {
            guard let s else { return 1 << 40 }
            var utf8 = s.utf8.makeIterator()
            let first = UInt64(utf8.next() ?? 0), second = UInt64(utf8.next() ?? 0)
            return UInt64(s.utf8.count) << 16 | first << 8 | second
        }
        var h = UInt64(packed)
        h = mix(h, fontColor.map { UInt64($0) | 1 << 32 } ?? 0)
        h = mix(h, fillColor.map { UInt64($0) | 1 << 32 } ?? 0)
        h = mix(h, fontSize.map { ($0 == 0 ? 0 : $0).bitPattern } ?? 1)
        h = mix(h, UInt64(bitPattern: Int64(indent)))
        h = mix(h, text(fontName))
        return mix(h, text(numberFormat))
    }

    /// The flags and alignments in one integer.
    private var packed: UInt32 {
        func code(_ b: Border?) -> UInt32 {
            switch b {
            case nil: 0
            case .none?: 1
            case .thin?: 2
            case .medium?: 3
            }
        }
        let h: UInt32 =
            switch horizontal {
            case .general: 0
            case .left: 1
            case .center: 2
            case .right: 3
            }
        let v: UInt32 =
            switch vertical {
            case .top: 0
            case .center: 1
            case .bottom: 2
            }
        let flags = (bold ? 1 : 0) | (italic ? 2 : 0) | (underline ? 4 : 0) | (wrap ? 8 : 0) | (unlocked ? 16 : 0) as UInt32
        return flags | h << 5 | v << 7 | code(border) << 9 | code(topBorder) << 11
    }

    private static func sameBytes(_ a: String?, _ b: String?) -> Bool {
        guard var a, var b else { return a == nil && b == nil }
        return a.withUTF8 { a in
            b.withUTF8 { b in
                guard a.count == b.count else { return false }
                for i in 0..<a.count where a[i] != b[i] { return false }
                return true
            }
        }
    }

    /// Returns a copy changed by `change`.
    public func with(_ change: (inout CellStyle) -> Void) -> CellStyle {
        var copy = self
        change(&copy)
        return copy
    }
}
