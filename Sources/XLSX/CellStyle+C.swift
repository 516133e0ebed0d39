internal import CXLSXWriter

extension CellStyle {
    /// Copies this style onto a fresh libxlsxwriter format.
    func apply(to f: UnsafeMutablePointer<lxw_format>) {
        if let fontName { format_set_font_name(f, fontName) }
        if let fontSize { format_set_font_size(f, fontSize) }
        if bold { format_set_bold(f) }
        if italic { format_set_italic(f) }
        if underline { format_set_underline(f, UInt8(LXW_UNDERLINE_SINGLE.rawValue)) }
        if let fontColor { format_set_font_color(f, fontColor) }
        if let fillColor {
            format_set_pattern(f, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(f, fillColor)
        }
        switch horizontal {
        case .general: break
        case .left: format_set_align(f, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center: format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(f, UInt8(LXW_ALIGN_RIGHT.rawValue))
        }
        switch vertical {
        case .top: format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        case .center: format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        case .bottom: format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_BOTTOM.rawValue))
        }
        if wrap { format_set_text_wrap(f) }
        switch border {
        case .none: break
        case .thin: format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue))
        case .medium: format_set_border(f, UInt8(LXW_BORDER_MEDIUM.rawValue))
        }
        switch topBorder {
        case nil: break
        case .none?: format_set_top(f, UInt8(LXW_BORDER_NONE.rawValue))
        case .thin?: format_set_top(f, UInt8(LXW_BORDER_THIN.rawValue))
        case .medium?: format_set_top(f, UInt8(LXW_BORDER_MEDIUM.rawValue))
        }
        if let numberFormat, !numberFormat.isEmpty { format_set_num_format(f, numberFormat) }
        if unlocked { format_set_unlocked(f) }
        if indent > 0 { format_set_indent(f, UInt8(min(indent, 15))) }
    }
}
