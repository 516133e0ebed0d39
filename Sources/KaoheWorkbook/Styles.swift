import XLSX

/// The workbook's look: Song for body text, Hei for titles and headers, thin borders, two decimals.
enum Styles {
    static let body = "宋体"
    static let heading = "黑体"

    static let title = CellStyle(fontName: heading, fontSize: 16, bold: true, horizontal: .center)
    static let subtitle = CellStyle(fontName: body, fontSize: 10, horizontal: .left, wrap: true)
    static let header = CellStyle(
        fontName: heading, fontSize: 10.5, bold: true, fillColor: 0xD9E1F2,
        horizontal: .center, wrap: true, border: .thin)
    static let text = CellStyle(
        fontName: body, fontSize: 10.5, horizontal: .left, vertical: .center, wrap: true,
        border: .thin, numberFormat: "@")
    static let centered = text.with { $0.horizontal = .center }
    /// A value a 考核责任单位 corrected: 核定 and 申报 shown together, on a light orange fill.
    static let corrected = text.with { $0.fillColor = 0xFCE4D6 }
    static let number = CellStyle(fontName: body, fontSize: 10.5, horizontal: .right, border: .thin, numberFormat: "0.00")
    static let integer = number.with {
        $0.numberFormat = "0"; $0.horizontal = .center
    }
    static let points = number.with {
        $0.numberFormat = "0.##"; $0.horizontal = .center
    }
    static let input = number.with {
        $0.unlocked = true; $0.fillColor = 0xFFF2CC; $0.numberFormat = "0.##"
    }
    static let subtotalLabel = text.with {
        $0.bold = true; $0.fillColor = 0xF2F2F2; $0.horizontal = .right
    }
    static let subtotal = number.with {
        $0.bold = true; $0.fillColor = 0xF2F2F2
    }
    static let subtotalPoints = points.with {
        $0.bold = true; $0.fillColor = 0xF2F2F2
    }
    static let totalLabel = text.with {
        $0.bold = true; $0.fillColor = 0xDDEBF7; $0.horizontal = .right
    }
    static let total = number.with {
        $0.bold = true; $0.fillColor = 0xDDEBF7
    }
    static let totalText = text.with {
        $0.bold = true; $0.fillColor = 0xDDEBF7; $0.horizontal = .center
    }
    static let sectionLabel = text.with {
        $0.bold = true; $0.fillColor = 0xEDEDED; $0.fontName = heading
    }
    static let note = CellStyle(
        fontName: body, fontSize: 9.5, italic: true, fontColor: 0x595959, horizontal: .left,
        vertical: .top, wrap: true)
    static let signature = CellStyle(fontName: body, fontSize: 11, horizontal: .left, vertical: .bottom)
    static let helper = CellStyle(fontName: body, fontSize: 9, fontColor: 0x808080, numberFormat: "0.##")
    static let coverLabel = CellStyle(
        fontName: heading, fontSize: 11, bold: true, horizontal: .left, vertical: .top,
        border: .thin)
    static let coverValue = CellStyle(
        fontName: body, fontSize: 10.5, horizontal: .left, vertical: .top, wrap: true,
        border: .thin, numberFormat: "@")
    static let coverMono = coverValue.with {
        $0.fontName = "Consolas"; $0.fontSize = 9
    }

    // Conditional-format paints.
    static let excellent = CellStyle(fontColor: 0x006100, fillColor: 0xC6EFCE)
    static let good = CellStyle(fontColor: 0x1F4E78, fillColor: 0xDDEBF7)
    static let failing = CellStyle(fontColor: 0x9C0006, fillColor: 0xFFC7CE)
    static let low = CellStyle(bold: true, fontColor: 0xC00000)
}

/// Column widths that fit Chinese text: a full-width character is about two digit widths.
enum TextWidth {
    /// The width of `text` in spreadsheet character units.
    static func of(_ text: String) -> Double {
        var width = 0.0
        for scalar in text.unicodeScalars {
            width += isWide(scalar) ? 2.0 : 1.1
        }
        return width
    }

    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default: return false
        }
    }

    /// A column width for these texts (the longest line), clamped.
    static func column(_ texts: [String], minimum: Double = 6, maximum: Double = 50) -> Double {
        let widest = texts.flatMap { $0.split(separator: "\n").map(String.init) }.map(of).max() ?? 0
        return min(max(widest + 2, minimum), maximum)
    }

    /// Lines that `text` wraps to in a column of `width`: each line of it (split at line feeds; a CR LF pair is
    /// one character, as Swift's `Character` has it, and does not split) takes its width over the usable width,
    /// at least one. One pass over the scalars — it runs for every text cell of every scorecard.
    static func lines(_ text: String, width: Double) -> Int {
        let usable = max(width - 1.5, 1)
        func wrapped(_ lineWidth: Double) -> Int { max(1, Int((lineWidth / usable).rounded(.up))) }
        var total = 0
        var line = 0.0
        var previous: Unicode.Scalar = "\0"
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previous != "\r" {
                total += wrapped(line)
                line = 0
            } else {
                line += isWide(scalar) ? 2.0 : 1.1
            }
            previous = scalar
        }
        return total + wrapped(line)
    }
}
