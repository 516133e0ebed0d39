import Foundation

/// Reads what people type into form cells (forms.md §4): full-width digits, thousands separators, units, percent
/// formats, 是/否 in a dozen spellings, lists with Chinese separators. Each reading says whether it changed what was
/// typed, so the caller can warn with the cell.
public enum LenientReading {
    /// A value read from a cell, and how the reading changed what was typed (nil when it did not).
    public struct Read<Value> {
        public var value: Value
        public var change: Message?
        /// Whether the value was read as a percentage (a percent format, or a typed `%`).
        public var percent = false
    }

    /// Why a cell could not be read: what was found, what was expected.
    public struct Refusal: Error, Equatable {
        public var message: Message

        public init(_ message: Message) { self.message = message }
    }

    /// Full-width digits, signs, point, percent and comma, and the ideographic space, as ASCII.
    static func halfWidth(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar -> UnicodeScalar in
                    switch scalar.value {
                    case 0xFF10...0xFF19: UnicodeScalar(scalar.value - 0xFF10 + 0x30)!
                    case 0xFF0E: "."
                    case 0xFF0B: "+"
                    case 0xFF0D, 0x2212: "-"
                    case 0xFF05: "%"
                    case 0x3000, 0x00A0: " "
                    default: scalar
                    }
                }))
    }

    /// Text without surrounding blanks (ASCII, ideographic and no-break spaces, new lines).
    public static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isBlank($0) })!
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }

    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0x2028, 0x2029, 0x85: true
        default: scalar.properties.isWhitespace
        }
    }

    /// A number from a cell. `unit` is the indicator's unit (a matching suffix is dropped; with `%` a percent format
    /// or a typed `%` gives the percentage); `suffixes` are further accepted suffixes (`分` for a self-score).
    public static func number(
        _ cell: Spreadsheet.Cell, unit: String?, suffixes: [String] = [],
        example: String = "93.6"
    ) throws(Refusal) -> Read<Exact> {
        switch cell.value {
        case .number(let n):
            guard n.isFinite else { throw Refusal(Catalog.numberExpected(example, "\(n)")) }
            if cell.isPercent {
                guard unit == "%" else {
                    throw Refusal(Catalog.percentCellWithoutPercentUnit(Spreadsheet.numberText(n * 100), Spreadsheet.numberText(n), example))
                }
                let value = try decimal(Spreadsheet.numberText(n), example: example) * 100
                return Read(value: value, change: Catalog.percentReadAs(value.decimalText()), percent: true)
            }
            return Read(value: try decimal(Spreadsheet.numberText(n), example: example), change: nil)
        case .boolean, .error:
            throw Refusal(Catalog.numberExpected(example, cell.text))
        case .text(let typed):
            return try number(text: typed, unit: unit, suffixes: suffixes, example: example)
        }
    }

    /// A number typed as text (see `number(_:unit:suffixes:example:)`).
    public static func number(
        text typed: String, unit: String?, suffixes: [String] = [],
        example: String = "93.6"
    ) throws(Refusal) -> Read<Exact> {
        let original = trimmed(typed)
        var text = trimmed(halfWidth(original))
        var notes: [String] = []
        if text != original { notes.append("全角字符") }
        var percent = false
        for suffix in ([unit].compactMap { $0 } + suffixes + ["%"]) where !suffix.isEmpty && text.hasSuffix(suffix) && text.count > suffix.count {
            text = trimmed(String(text.dropLast(suffix.count)))
            if suffix == "%" { percent = true } else { notes.append("单位“\(suffix)”") }
            break
        }
        if percent && unit != "%" {
            throw Refusal(Catalog.percentTypedWithoutPercentUnit(original, text, example))
        }
        if percent { notes.append("单位“%”") }
        if text.contains(","), isGroupedThousands(text) {
            text.removeAll { $0 == "," }
            notes.append("千位分隔符")
        }
        let value = try decimal(text, example: example, found: original)
        return Read(value: value, change: notes.isEmpty ? nil : Catalog.readAs(original, value.decimalText()), percent: percent)
    }

    /// `1,038` or `12,345.5`: commas exactly every three digits before the point.
    private static func isGroupedThousands(_ text: String) -> Bool {
        let body = text.hasPrefix("-") || text.hasPrefix("+") ? String(text.dropFirst()) : text
        let integer = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count > 1, (1...3).contains(groups[0].count), groups[0].allSatisfy(\.isASCII) else { return false }
        return groups.allSatisfy { $0.allSatisfy { $0.isNumber && $0.isASCII } } && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// Decimal text within the format's limits (15 significant digits, magnitude below 10^15).
    static func decimal(_ text: String, example: String, found: String? = nil) throws(Refusal) -> Exact {
        guard !text.isEmpty, !text.contains("_"), let value = Exact(text) else {
            throw Refusal(Catalog.numberExpected(example, found ?? text))
        }
        guard value < 1_000_000_000_000_000, value > -1_000_000_000_000_000 else {
            throw Refusal(Catalog.numberOutOfRange(found ?? text))
        }
        return value
    }

    static let yesWords: Set<String> = ["是", "√", "✓", "✔", "对", "有", "y", "yes", "true", "1", "完成", "已完成"]
    static let noWords: Set<String> = ["否", "×", "✗", "✘", "x", "错", "无", "n", "no", "false", "0", "未完成"]

    /// 是/否 from a cell: 是 否 √ × ✓ ✗ 对 错 有 无 Y N yes no true false 1 0 (and booleans).
    public static func yesNo(_ cell: Spreadsheet.Cell) throws(Refusal) -> Read<Bool> {
        let typed: String
        switch cell.value {
        case .boolean(let b): return Read(value: b, change: nil)
        case .number(let n) where n == 1 || n == 0: return Read(value: n == 1, change: Catalog.readAsYesNo("\(Int(n))", n == 1 ? "是" : "否"))
        case .text(let t): typed = trimmed(t)
        default: typed = cell.text
        }
        let key = halfWidth(typed).lowercased()
        let answer: Bool
        if yesWords.contains(key) {
            answer = true
        } else if noWords.contains(key) {
            answer = false
        } else {
            throw Refusal(Catalog.yesNoFound(typed))
        }
        return Read(value: answer, change: typed == "是" || typed == "否" ? nil : Catalog.readAsYesNo(typed, answer ? "是" : "否"))
    }

    /// The separators of a list typed in one cell: 、 ， , ； ; and new lines.
    public static let listSeparators = CharacterSet(charactersIn: "、，,；;\n\r")

    /// The items of a list typed in one cell, trimmed, empty ones dropped.
    public static func items(_ text: String) -> [String] {
        text.components(separatedBy: listSeparators).map(trimmed).filter { !$0.isEmpty }
    }

    /// Several numbers typed in one cell (a number cell is a list of one); blanks separate too.
    public static func numbers(_ cell: Spreadsheet.Cell, unit: String?) throws(Refusal) -> Read<[Exact]> {
        guard case .text(let typed) = cell.value else {
            let one = try number(cell, unit: unit)
            return Read(value: [one.value], change: one.change, percent: one.percent)
        }
        let parts = halfWidth(typed).components(separatedBy: listSeparators.union(.whitespaces)).filter { !$0.isEmpty }
        guard !parts.isEmpty else { throw Refusal(Catalog.numberListFound(typed)) }
        var values: [Exact] = []
        var changed = halfWidth(typed) != typed
        for part in parts {
            do {
                let read = try number(text: part, unit: unit, example: "92、88、95")
                if read.change != nil { changed = true }
                values.append(read.value)
            } catch {
                throw Refusal(Catalog.numberListPart(trimmed(typed), part))
            }
        }
        return Read(value: values, change: changed ? Catalog.readAs(trimmed(typed), values.map { $0.decimalText() }.joined(separator: "、")) : nil)
    }
}
