import Foundation
import KaoheCore
import XLSX

/// Writes a workbook's `WorksheetEvent`s as JSON lines (`cells.jsonl`), so that another program can write the
/// same workbook — same sheets, cells, formats, formulas with cached values, merges, widths and filters — with
/// another writer (the benchmark's C and Python references do). One JSON value per line:
///
/// - `{"sheet": name}` — a worksheet, in tab order;
/// - `{"style": id, "font": …, "size": …, "bold": 1, "italic": 1, "underline": 1, "color": rgb, "fill": rgb,
///   "align": "left|center|right", "valign": "top|center|bottom", "wrap": 1, "border": 1|2, "top": 0|1|2, "num": format,
///   "unlocked": 1, "indent": n}` — a cell format, before its first use;
/// - `[sheet, row, [column, style, value], …]` — cells of one row (`style` -1: none; `value` a string, a number,
///   `true`/`false`, `null` for a styled blank, or `{"f": formula, "v": cached}`);
/// - `{"merge": [sheet, r1, c1, r2, c2], "style": id}` (its value follows as the first cell),
///   `{"width": [sheet, c1, c2, width, hidden]}`, `{"height": [sheet, row, height]}`,
///   `{"freeze": [sheet, row, column]}`, `{"filter": [sheet, r1, c1, r2, c2]}`.
///
/// Rows and columns are zero-based; sheets are numbered from 0 in tab order.
final class CellLog {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var sheets: [String: Int] = [:]
    private var styles = StyleTable()
    /// The row being collected: its sheet, its number and its cells so far.
    private var pending: (sheet: Int, row: Int)?
    private var cells: [UInt8] = []

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        buffer.reserveCapacity(1 << 20)
    }

    /// Records one event of worksheet `sheet`.
    func record(_ sheet: String, _ event: WorksheetEvent) {
        if case .added = event {
            flushRow()
            sheets[sheet] = sheets.count
            line("{\"sheet\": \(JSONText.quoted(sheet))}")
            return
        }
        let s = sheets[sheet] ?? 0
        if case .cell(let row, let column, let value, let style) = event {
            let id = styleID(style)
            if let pending, pending != (s, row) { flushRow() }
            if pending == nil {
                pending = (s, row)
                cells = Array("[\(s), \(row)".utf8)
            }
            cells += Array(", [\(column), \(id), \(Self.json(value))]".utf8)
            return
        }
        flushRow()
        switch event {
        case .merge(let r, let style):
            let id = styleID(style)
            line("{\"merge\": [\(s), \(r.first.row), \(r.first.column), \(r.last.row), \(r.last.column)], \"style\": \(id)}")
        case .columnWidth(let columns, let width, let hidden):
            line("{\"width\": [\(s), \(columns.lowerBound), \(columns.upperBound), \(width), \(hidden ? 1 : 0)]}")
        case .rowHeight(let row, let height):
            line("{\"height\": [\(s), \(row), \(height)]}")
        case .freezePanes(let row, let column):
            line("{\"freeze\": [\(s), \(row), \(column)]}")
        case .autofilter(let r):
            line("{\"filter\": [\(s), \(r.first.row), \(r.first.column), \(r.last.row), \(r.last.column)]}")
        case .added, .cell:
            break
        }
    }

    /// Writes what is left; call once, after the workbook is complete.
    func close() throws {
        flushRow()
        try handle.write(contentsOf: buffer)
        try handle.close()
    }

    private func flushRow() {
        guard pending != nil else { return }
        buffer += cells
        buffer += Array("]\n".utf8)
        pending = nil
        flushIfFull()
    }

    private func line(_ text: String) {
        buffer += Array(text.utf8)
        buffer.append(0x0A)
        flushIfFull()
    }

    private func flushIfFull() {
        guard buffer.count > 1 << 20 else { return }
        try? handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func styleID(_ style: CellStyle?) -> Int {
        guard let style else { return -1 }
        let (id, isNew) = styles.insert(style)
        guard isNew else { return id }
        var fields = ["\"style\": \(id)"]
        if let f = style.fontName { fields.append("\"font\": \(JSONText.quoted(f))") }
        if let size = style.fontSize { fields.append("\"size\": \(size)") }
        if style.bold { fields.append("\"bold\": 1") }
        if style.italic { fields.append("\"italic\": 1") }
        if style.underline { fields.append("\"underline\": 1") }
        if let c = style.fontColor { fields.append("\"color\": \(c)") }
        if let c = style.fillColor { fields.append("\"fill\": \(c)") }
        switch style.horizontal {
        case .general: break
        case .left: fields.append("\"align\": \"left\"")
        case .center: fields.append("\"align\": \"center\"")
        case .right: fields.append("\"align\": \"right\"")
        }
        switch style.vertical {
        case .top: fields.append("\"valign\": \"top\"")
        case .center: fields.append("\"valign\": \"center\"")
        case .bottom: fields.append("\"valign\": \"bottom\"")
        }
        if style.wrap { fields.append("\"wrap\": 1") }
        switch style.border {
        case .none: break
        case .thin: fields.append("\"border\": 1")
        case .medium: fields.append("\"border\": 2")
        }
        switch style.topBorder {
        case nil: break
        case .none?: fields.append("\"top\": 0")
        case .thin?: fields.append("\"top\": 1")
        case .medium?: fields.append("\"top\": 2")
        }
        if let n = style.numberFormat, !n.isEmpty { fields.append("\"num\": \(JSONText.quoted(n))") }
        if style.unlocked { fields.append("\"unlocked\": 1") }
        if style.indent > 0 { fields.append("\"indent\": \(style.indent)") }
        flushRow()
        line("{" + fields.joined(separator: ", ") + "}")
        return id
    }

    private static func json(_ value: CellValue) -> String {
        switch value {
        case .text(let t): JSONText.quoted(t)
        case .number(let n): "\(n)"
        case .boolean(let b): b ? "true" : "false"
        case .blank: "null"
        case .formula(let f, let cached):
            switch cached {
            case .number(let n): "{\"f\": \(JSONText.quoted(f)), \"v\": \(n)}"
            case .text(let t): "{\"f\": \(JSONText.quoted(f)), \"v\": \(JSONText.quoted(t))}"
            }
        }
    }
}
