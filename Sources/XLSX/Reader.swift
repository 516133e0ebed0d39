import Foundation
internal import CXLSXWriter
import ZIPFoundation

/// An `.xlsx` file read back: sheets, cell values and formulas with their cached results, merged ranges,
/// print settings and defined names. Used by the tests to check what was written, and to read filled templates.
public struct WorkbookContents: Sendable {
    public var sheets: [SheetContents]
    /// Defined names as written, e.g. `_xlnm.Print_Titles` → `'汇总'!$1:$3`, keyed by name and sheet scope.
    public var definedNames: [DefinedName]
    /// Core properties (`title`, `creator`, `created`, …) by element name.
    public var properties: [String: String]
    /// Custom properties by name, values as text.
    public var customProperties: [String: String]

    public struct DefinedName: Sendable, Equatable {
        public var name: String
        /// The index of the sheet the name is local to, or nil for a global name.
        public var sheetIndex: Int?
        public var formula: String
    }

    /// The sheet with this name.
    public func sheet(_ name: String) -> SheetContents? { sheets.first { $0.name == name } }

    /// Reads the package at `path`; with `only`, just the sheets of those names (the others are not parsed and
    /// are left out).
    public init(path: String, only wanted: Set<String>? = nil) throws {
        let url = URL(fileURLWithPath: path)
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw XLSXError(.file("not a readable zip package (\(error))"), while: "reading \(path)")
        }
        func data(_ part: String) throws -> Data? {
            guard let entry = archive[part] else { return nil }
            var out = Data()
            out.reserveCapacity(Int(clamping: entry.uncompressedSize))
            do {
                // The CRC is checked with zlib's crc32 below: ZIPFoundation's own is several times slower.
                _ = try archive.extract(entry, skipCRC32: true) { out.append($0) }
            } catch {
                throw XLSXError(.file("cannot extract (\(error))"), while: "reading \(path) › \(part)")
            }
            let crc = out.withUnsafeBytes { raw in
                UInt32(crc32(0, raw.bindMemory(to: UInt8.self).baseAddress, uInt(raw.count)))
            }
            guard crc == entry.checksum else {
                throw XLSXError(.file("the part is damaged (its CRC does not match)"), while: "reading \(path) › \(part)")
            }
            return out
        }
        func tree(_ part: String) throws -> XMLNode? {
            try data(part).map { try XMLNode.parse($0, part: part) }
        }

        guard let workbook = try tree("xl/workbook.xml") else {
            throw XLSXError(.file("no xl/workbook.xml"), while: "reading \(path)")
        }
        var targets: [String: String] = [:]
        for rel in try tree("xl/_rels/workbook.xml.rels")?.all("Relationship") ?? [] {
            if let id = rel.attributes["Id"], let target = rel.attributes["Target"] {
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        // A shared string's text is its runs' text; phonetic guides (`rPh`, pinyin WPS and Excel add) are not part of it.
        let shared = try tree("xl/sharedStrings.xml")?.all("si").map(\.cellText) ?? []
        let percentStyles = try Self.percentStyles(tree("xl/styles.xml"))

        definedNames = (workbook.first("definedNames")?.all("definedName") ?? []).map {
            DefinedName(
                name: $0.attributes["name"] ?? "", sheetIndex: $0.attributes["localSheetId"].flatMap(Int.init),
                formula: $0.text)
        }
        var sheets: [SheetContents] = []
        for (index, entry) in (workbook.first("sheets")?.all("sheet") ?? []).enumerated() {
            let name = entry.attributes["name"] ?? ""
            if let wanted, !wanted.contains(name) { continue }
            let id = entry.attributes["r:id"] ?? ""
            guard let part = targets[id], let bytes = try data(part) else {
                throw XLSXError(.file("sheet '\(name)' has no part"), while: "reading \(path)")
            }
            var sheet = try SheetContents(name: name, data: bytes, part: part, sharedStrings: shared, percentStyles: percentStyles)
            sheet.hidden = entry.attributes["state"].map { $0 != "visible" } ?? false
            let local = definedNames.filter { $0.sheetIndex == index }
            sheet.printTitles = local.first { $0.name == "_xlnm.Print_Titles" }?.formula
            sheet.printArea = local.first { $0.name == "_xlnm.Print_Area" }?.formula
            sheets.append(sheet)
        }
        self.sheets = sheets

        var properties: [String: String] = [:]
        if wanted != nil {
            self.properties = [:]
            customProperties = [:]
            return
        }
        for node in try tree("docProps/core.xml")?.children ?? [] { properties[String(node.localName)] = node.text }
        self.properties = properties
        var custom: [String: String] = [:]
        for node in try tree("docProps/custom.xml")?.all("property") ?? [] {
            if let name = node.attributes["name"] { custom[name] = node.children.first?.text ?? "" }
        }
        customProperties = custom
    }

    /// The cell style indexes whose number format shows a percentage (built-in formats 9 and 10, or a format code
    /// with `%` outside quotes).
    static func percentStyles(_ styles: XMLNode?) -> Set<Int> {
        guard let styles else { return [] }
        var percentFormats: Set<Int> = [9, 10]
        for format in styles.first("numFmts")?.all("numFmt") ?? [] {
            guard let id = format.attributes["numFmtId"].flatMap(Int.init), let code = format.attributes["formatCode"] else { continue }
            var quoted = false
            for c in code {
                if c == "\"" { quoted.toggle() } else if c == "%", !quoted { percentFormats.insert(id); break }
            }
        }
        var out: Set<Int> = []
        for (index, xf) in (styles.first("cellXfs")?.all("xf") ?? []).enumerated() {
            if let id = xf.attributes["numFmtId"].flatMap(Int.init), percentFormats.contains(id) { out.insert(index) }
        }
        return out
    }
}

/// One worksheet read back.
public struct SheetContents: Sendable {
    /// A cell's stored value.
    public enum Value: Equatable, Sendable {
        case number(Double), text(String), boolean(Bool), error(String)
    }

    /// A cell: its value (the cached result for a formula) and its formula, if any.
    public struct Cell: Equatable, Sendable {
        public var value: Value?
        public var formula: String?
        /// Whether the cell's number format shows a percentage (a typed `93.6%` is stored as 0.936).
        public var isPercent = false
    }

    public var name: String
    public var hidden = false
    public var cells: [CellReference: Cell] = [:]
    public var merges: [CellRange] = []
    public var autofilter: String?
    /// Rows frozen at the top (the pane's split row), if any.
    public var frozenRows: Int?
    public var paperSize: Int?
    public var orientation: String?
    public var fitToWidth: Int?
    public var fitToHeight: Int?
    public var fitToPage = false
    public var header: String?
    public var footer: String?
    public var printTitles: String?
    public var printArea: String?
    public var columnWidths: [Int: Double] = [:]
    public var hiddenColumns: Set<Int> = []
    public var conditionalFormatCount = 0
    public var dataValidationCount = 0
    public var isProtected = false
    /// How many drawings (charts) the sheet holds.
    public var drawingCount = 0

    /// The cell at an A1 reference.
    public subscript(_ a1: String) -> Cell? { CellReference(a1).flatMap { cells[$0] } }

    /// The cell's value as text, or nil.
    public func text(_ a1: String) -> String? {
        if case .text(let t)? = self[a1]?.value { return t }
        return nil
    }

    /// The cell's value as a number, or nil.
    public func number(_ a1: String) -> Double? {
        if case .number(let n)? = self[a1]?.value { return n }
        return nil
    }

    /// The values of one row, by column.
    public func row(_ row: Int) -> [Int: Value] {
        var out: [Int: Value] = [:]
        for (ref, cell) in cells where ref.row == row { out[ref.column] = cell.value }
        return out
    }

    /// The highest row index that holds a cell, or -1.
    public var lastRow: Int { cells.keys.map(\.row).max() ?? -1 }

    /// Reads a worksheet part: the cells of `sheetData` streamed (no tree for the bulk of the sheet), every other
    /// child as a small tree.
    init(name: String, data: Data, part: String, sharedStrings: [String], percentStyles: Set<Int> = []) throws {
        self.name = name
        try XMLNode.read(data, part: part) { parser in
            while let event = try parser.next() {
                guard case .start(let node, _) = event else { continue }
                if node.localName == "worksheet" || node.localName == "chartsheet" { break }
                throw XLSXError(.file("the sheet's root is <\(node.name)>, not <worksheet>"), while: "reading \(part)")
            }
            while let event = try parser.next() {
                switch event {
                case .start(let node, let empty) where node.localName == "sheetData":
                    if !empty { try readCells(&parser, sharedStrings: sharedStrings, percentStyles: percentStyles) }
                case .start(let node, let empty):
                    apply(empty ? node : try parser.subtree(node))
                case .end:
                    return
                case .text:
                    continue
                }
            }
        }
    }

    /// The cells of `sheetData`, up to its end tag, scanned on the bytes (no element objects: a sheet is mostly
    /// cells). Some writers leave out `r` on rows or cells: they follow the previous one. (The sheet's `<dimension>`,
    /// often wrong in files WPS saved, is not used.)
    private mutating func readCells(_ parser: inout XMLBytes, sharedStrings: [String], percentStyles: Set<Int>) throws {
        var scanner = CellScanner(sharedStrings: sharedStrings, percentStyles: percentStyles)
        try scanner.scan(&parser)
        cells = scanner.cells
    }

    /// A child of the worksheet other than its cells.
    private mutating func apply(_ child: XMLNode) {
        switch child.localName {
        case "mergeCells":
            merges = child.all("mergeCell").compactMap { $0.attributes["ref"].flatMap(CellRange.init) }
        case "autoFilter":
            autofilter = child.attributes["ref"]
        case "sheetViews":
            for pane in child.first("sheetView")?.all("pane") ?? [] where pane.attributes["state"] == "frozen" {
                frozenRows = pane.attributes["ySplit"].flatMap(Double.init).map { Int($0) }
            }
        case "sheetPr":
            fitToPage = child.first("pageSetUpPr")?.attributes["fitToPage"] == "1"
        case "pageSetup":
            paperSize = child.attributes["paperSize"].flatMap(Int.init)
            orientation = child.attributes["orientation"]
            fitToWidth = child.attributes["fitToWidth"].flatMap(Int.init) ?? (fitToPage ? 1 : nil)
            fitToHeight = child.attributes["fitToHeight"].flatMap(Int.init) ?? (fitToPage ? 1 : nil)
        case "headerFooter":
            header = child.first("oddHeader")?.text
            footer = child.first("oddFooter")?.text
        case "cols":
            for col in child.all("col") {
                guard let min = col.attributes["min"].flatMap(Int.init),
                    let max = col.attributes["max"].flatMap(Int.init)
                else { continue }
                for index in (min - 1)...(max - 1) {
                    if let width = col.attributes["width"].flatMap(Double.init) { columnWidths[index] = width }
                    if col.attributes["hidden"] == "1" { hiddenColumns.insert(index) }
                }
            }
        case "conditionalFormatting": conditionalFormatCount += 1
        case "dataValidations": dataValidationCount += child.all("dataValidation").count
        case "sheetProtection": isProtected = true
        case "drawing": drawingCount += 1
        default: break
        }
    }
}

/// The byte-level reader of a worksheet's `sheetData`: rows, cells and their `v`, `f` and inline `is` text.
private struct CellScanner {
    let sharedStrings: [String]
    let percentStyles: Set<Int>
    var cells: [CellReference: SheetContents.Cell] = [:]

    enum Target { case none, value, formula, text }
    var rowIndex = -1, columnIndex = -1
    var open: (ref: CellReference, type: UInt8, style: Int?)?
    var value: String?, formula: String?, inline: String?
    var target = Target.none
    var inInline = false, inPhonetic = false

    init(sharedStrings: [String], percentStyles: Set<Int>) {
        self.sharedStrings = sharedStrings
        self.percentStyles = percentStyles
    }

    /// Cell types by their first letters: s(hared), str, inlineStr, b(oolean), e(rror), n(umber, the default).
    static let shared: UInt8 = 1, string: UInt8 = 2, inlineString: UInt8 = 3, boolean: UInt8 = 4, error: UInt8 = 5, number: UInt8 = 0

    mutating func scan(_ p: inout XMLBytes) throws {
        let bytes = p.bytes
        while p.i < bytes.count {
            if bytes[p.i] != 0x3C {
                let text = try p.readText()
                switch target {
                case .value: value! += text
                case .formula: formula! += text
                case .text: inline = (inline ?? "") + text
                case .none: break
                }
                continue
            }
            if p.starts("<?") { try p.skip(past: "?>"); continue }
            if p.starts("<!--") { try p.skip(past: "-->"); continue }
            if p.starts("<![CDATA[") {
                p.i += 9
                let start = p.i
                try p.skip(past: "]]>")
                if target == .value { value! += p.string(start, p.i - 3) } else if target == .formula { formula! += p.string(start, p.i - 3) }
                continue
            }
            if p.starts("</") {
                p.i += 2
                let name = localName(&p)
                while p.i < bytes.count, bytes[p.i] != 0x3E { p.i += 1 }
                p.i += 1
                switch name {
                case "c": finish()
                case "v", "f", "t": target = .none
                case "is": inInline = false
                case "rPh": inPhonetic = false
                case "sheetData": return
                default: break
                }
                continue
            }
            p.i += 1
            let name = localName(&p)
            var r: Range<Int>?, t: Range<Int>?, style: Range<Int>?
            var empty = false
            while true {
                p.skipSpace()
                guard p.i < bytes.count else { throw p.fail("unfinished tag") }
                if bytes[p.i] == 0x3E { p.i += 1; break }
                if bytes[p.i] == 0x2F { p.i += 2; empty = true; break }
                let keyStart = p.i
                while p.i < bytes.count, bytes[p.i] != 0x3D, bytes[p.i] > 0x20 { p.i += 1 }
                let key = keyStart..<p.i
                p.skipSpace()
                guard p.i < bytes.count, bytes[p.i] == 0x3D else { throw p.fail("expected '=' in an attribute") }
                p.i += 1
                p.skipSpace()
                guard p.i < bytes.count, bytes[p.i] == 0x22 || bytes[p.i] == 0x27 else { throw p.fail("expected a quoted attribute value") }
                let quote = bytes[p.i]
                p.i += 1
                let valueStart = p.i
                while p.i < bytes.count, bytes[p.i] != quote { p.i += 1 }
                guard p.i < bytes.count else { throw p.fail("unclosed attribute value") }
                let range = valueStart..<p.i
                p.i += 1
                if key.count == 1 {
                    switch bytes[key.lowerBound] {
                    case 0x72: r = range  // r
                    case 0x74: t = range  // t
                    case 0x73: style = range  // s
                    default: break
                    }
                }
            }
            switch name {
            case "row":
                rowIndex = r.flatMap { integer(bytes, $0) }.map { $0 - 1 } ?? rowIndex + 1
                columnIndex = -1
            case "c":
                let given = r.flatMap { reference(bytes, $0) }
                columnIndex = given?.column ?? columnIndex + 1
                value = nil; formula = nil; inline = nil
                if let given { rowIndex = given.row }
                open =
                    rowIndex >= 0 && columnIndex >= 0
                    ? (
                        CellReference(row: rowIndex, column: columnIndex), t.map { type(bytes, $0) } ?? Self.number,
                        style.flatMap { integer(bytes, $0) }
                    )
                    : nil
                if empty { finish() }
            case "v": value = ""; target = empty ? .none : .value
            case "f": formula = formula ?? ""; target = empty ? .none : .formula
            case "is": inInline = !empty; inline = inline ?? ""
            case "rPh": inPhonetic = !empty
            case "t" where inInline && !inPhonetic: target = empty ? .none : .text
            default: break
            }
        }
        throw p.fail("unclosed <sheetData>")
    }

    /// The element name just after `<` or `</`, without its prefix, as a short string.
    func localName(_ p: inout XMLBytes) -> Substring {
        let name = p.readName()
        return XMLNode.localName(of: name)
    }

    func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var n = 0
        guard !range.isEmpty, range.count < 12 else { return nil }
        for k in range {
            let d = Int(bytes[k]) - 48
            guard (0...9).contains(d) else { return nil }
            n = n * 10 + d
        }
        return n
    }

    /// `G12` → row 11, column 6.
    func reference(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> CellReference? {
        var column = 0, k = range.lowerBound
        while k < range.upperBound, case let b = bytes[k] | 0x20, b >= 0x61, b <= 0x7A {
            column = column * 26 + Int(b - 0x60)
            k += 1
            if column > 16_384 { return nil }
        }
        guard column > 0, let row = integer(bytes, k..<range.upperBound), row > 0 else { return nil }
        return CellReference(row: row - 1, column: column - 1)
    }

    func type(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt8 {
        guard let first = range.first.map({ bytes[$0] }) else { return Self.number }
        switch (first, range.count) {
        case (0x73, 1): return Self.shared  // s
        case (0x73, _): return Self.string  // str
        case (0x69, _): return Self.inlineString  // inlineStr
        case (0x62, _): return Self.boolean  // b
        case (0x65, _): return Self.error  // e
        default: return Self.number  // n, d
        }
    }

    mutating func finish() {
        guard let cell = open else { return }
        var stored: SheetContents.Value?
        switch cell.type {
        case Self.shared: stored = value.flatMap { Int($0) }.flatMap { $0 >= 0 && $0 < sharedStrings.count ? .text(sharedStrings[$0]) : nil }
        case Self.string: stored = value.map { .text($0) }
        case Self.inlineString: stored = inline.map { .text($0) }
        case Self.boolean: stored = value.map { .boolean($0.trimmingCharacters(in: .whitespaces) == "1") }
        case Self.error: stored = value.map { .error($0) }
        default: stored = value.flatMap { Double($0) ?? Double($0.trimmingCharacters(in: .whitespaces)) }.map { .number($0) }
        }
        cells[cell.ref] = SheetContents.Cell(value: stored, formula: formula, isPercent: cell.style.map(percentStyles.contains) ?? false)
        open = nil
    }
}
