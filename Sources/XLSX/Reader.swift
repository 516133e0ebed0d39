import Foundation
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
            do {
                _ = try archive.extract(entry, skipCRC32: false) { out.append($0) }
            } catch {
                throw XLSXError(.file("cannot extract (\(error))"), while: "reading \(path) › \(part)")
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
            DefinedName(name: $0.attributes["name"] ?? "", sheetIndex: $0.attributes["localSheetId"].flatMap(Int.init),
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
                guard case .start(let node, let empty) = event else { continue }
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

    /// The cells of `sheetData`, up to its end tag. Some writers leave out `r` on rows or cells: they follow the
    /// previous one. (The sheet's `<dimension>`, often wrong in files WPS saved, is not used.)
    private mutating func readCells(_ parser: inout XMLBytes, sharedStrings: [String], percentStyles: Set<Int>) throws {
        enum Target { case none, value, formula, text }
        var rowIndex = -1, columnIndex = -1
        var cell: (ref: CellReference, type: String?, style: Int?)?
        var value: String?, formula: String?, inline: String?
        var target = Target.none
        var inInline = false, inPhonetic = false
        func finish() {
            guard let open = cell else { return }
            var stored: Value?
            switch open.type {
            case "s": stored = value.flatMap(Int.init).flatMap { $0 >= 0 && $0 < sharedStrings.count ? .text(sharedStrings[$0]) : nil }
            case "str": stored = value.map { .text($0) }
            case "inlineStr": stored = inline.map { .text($0) }
            case "b": stored = value.map { .boolean($0.trimmingCharacters(in: .whitespaces) == "1") }
            case "e": stored = value.map { .error($0) }
            default: stored = value.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }.map { .number($0) }
            }
            cells[open.ref] = Cell(value: stored, formula: formula, isPercent: open.style.map(percentStyles.contains) ?? false)
            cell = nil
        }
        while let event = try parser.next() {
            switch event {
            case .start(let node, let empty):
                switch node.localName {
                case "row":
                    rowIndex = node.attributes["r"].flatMap(Int.init).map { $0 - 1 } ?? rowIndex + 1
                    columnIndex = -1
                case "c":
                    let given = node.attributes["r"].flatMap(CellReference.init)
                    columnIndex = given?.column ?? columnIndex + 1
                    value = nil; formula = nil; inline = nil
                    if rowIndex >= 0, columnIndex >= 0 {
                        cell = (given ?? CellReference(row: rowIndex, column: columnIndex), node.attributes["t"],
                                node.attributes["s"].flatMap(Int.init))
                    }
                    if empty { finish() }
                case "v": if empty { value = "" } else { target = .value; value = "" }
                case "f": formula = formula ?? ""; if !empty { target = .formula }
                case "is": inInline = !empty; inline = inline ?? ""
                case "rPh": inPhonetic = !empty
                case "t" where inInline && !inPhonetic: if !empty { target = .text }
                default: break
                }
            case .text(let text):
                switch target {
                case .value: value! += text
                case .formula: formula! += text
                case .text: inline = (inline ?? "") + text
                case .none: break
                }
            case .end(let name):
                switch name.lastIndex(of: ":").map({ name[name.index(after: $0)...] }) ?? name[...] {
                case "c": finish()
                case "v", "f", "t": target = .none
                case "is": inInline = false
                case "rPh": inPhonetic = false
                case "sheetData": return
                default: break
                }
            }
        }
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
                      let max = col.attributes["max"].flatMap(Int.init) else { continue }
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
