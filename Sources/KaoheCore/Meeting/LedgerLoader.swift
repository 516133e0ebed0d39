import Foundation

/// Reads `meeting/` (meeting.md §1): meetings.yaml and items.yaml or items.csv, every problem in one pass with file
/// and line, dates read leniently with a warning.
public enum LedgerLoader {
    public static let folderName = "meeting"
    public static let itemColumns = [
        "id", "meeting", "raised_by", "submitted", "request", "agreed", "lead", "support",
        "due", "ongoing", "checkpoint", "status", "closed", "basis", "feedback",
        "satisfaction", "carried_from", "carried", "progress"
    ]

    /// The ledger of the assessment folder, or nil when it has no `meeting/`.
    public static func load(assessment folder: String, rubric: Rubric, _ d: inout Diagnostics) -> Ledger? {
        let meetingFolder = (folder as NSString).appendingPathComponent(folderName)
        guard FileManager.default.fileExists(atPath: meetingFolder) else { return nil }
        let meetingsPath = (meetingFolder as NSString).appendingPathComponent("meetings.yaml")
        let yamlPath = (meetingFolder as NSString).appendingPathComponent("items.yaml")
        let csvPath = (meetingFolder as NSString).appendingPathComponent("items.csv")
        var ledger = Ledger(meetings: [], items: [])
        if let (text, file) = read(meetingsPath, csv: false, &d) {
            ledger.files.append(file)
            ledger.meetings = meetings(text, file: meetingsPath, rubric: rubric, &d)
        } else if !FileManager.default.fileExists(atPath: meetingsPath) {
            d.error(.wholeFile(meetingsPath), Catalog.noMeetingsFile())
        }
        let hasYAML = FileManager.default.fileExists(atPath: yamlPath), hasCSV = FileManager.default.fileExists(atPath: csvPath)
        if hasYAML && hasCSV {
            d.error(.wholeFile(csvPath), Catalog.bothItemFiles())
        } else if hasYAML, let (text, file) = read(yamlPath, csv: false, &d) {
            ledger.files.append(file)
            ledger.items = yamlItems(text, file: yamlPath, &d)
        } else if hasCSV, let (text, file) = read(csvPath, csv: true, &d) {
            ledger.files.append(file)
            ledger.items = csvItems(text, file: csvPath, &d)
        }
        check(ledger, rubric: rubric, &d)
        return ledger
    }

    private static func read(_ path: String, csv: Bool, _ d: inout Diagnostics) -> (String, InputFile)? {
        guard let bytes = FileManager.default.contents(atPath: path) else { return nil }
        guard let text = TextDecoding.checkedText(bytes, file: path, allowingGB18030: csv, &d) else { return nil }
        return (text, InputFile(path: path, sha256: Fingerprint.sha256(bytes)))
    }

    static func meetings(_ text: String, file: String, rubric: Rubric, _ d: inout Diagnostics) -> [Meeting] {
        guard let root = parse(text, file: file, &d) else { return [] }
        var out: [Meeting] = []
        var ids = IDRegistry("meeting")
        readList(root, "meetings.yaml", &d) { m, d in
            guard let id = m.text("id", required: true, &d), ids.register(id, at: m.location, &d) else { return }
            var meeting = Meeting(id: id, name: m.text("name", &d) ?? id, date: date(&m, "date", &d), submitBy: nil, location: m.location)
            if let node = m.value("submit_by"), let pairs = node.mapping {
                for (key, value) in pairs {
                    guard let when = date(value, &d) else { continue }
                    if key.text == "default" {
                        meeting.submitBy = when
                    } else if let org = key.text, rubric.organizations.contains(where: { $0.id == org }) {
                        meeting.submitByOrganization[org] = when
                    } else {
                        d.error(key.location, Catalog.submitByUnknown(key.text ?? ""))
                    }
                }
            } else {
                meeting.submitBy = date(&m, "submit_by", &d)
            }
            out.append(meeting)
        }
        return out
    }

    static func yamlItems(_ text: String, file: String, _ d: inout Diagnostics) -> [LedgerItem] {
        guard let root = parse(text, file: file, &d) else { return [] }
        var out: [LedgerItem] = []
        readList(root, "items.yaml", &d) { m, d in
            var fields = YAMLItemFields(reader: m)
            if let item = ItemReader.read(&fields, &d) { out.append(item) }
            m = fields.reader
        }
        return out
    }

    static func csvItems(_ text: String, file: String, _ d: inout Diagnostics) -> [LedgerItem] {
        let (rows, unclosed) = CSVDataLoader.parse(text)
        if let line = unclosed {
            d.error(SourceLocation(file: file, line: line), Catalog.unclosedQuote())
            return []
        }
        guard let header = rows.first else { return [] }
        let index = Dictionary(
            header.cells.enumerated().map { ($1.trimmingCharacters(in: .whitespaces).lowercased(), $0) },
            uniquingKeysWith: { a, _ in a })
        for column in header.cells.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() })
        where !itemColumns.contains(column) && !column.isEmpty {
            d.warning(SourceLocation(file: file, line: header.line), Catalog.unknownLedgerColumn(column, itemColumns.joined(separator: ",")))
        }
        var out: [LedgerItem] = []
        for row in rows.dropFirst() where !row.cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            var fields = CSVItemFields(row: row, index: index, file: file)
            if let item = ItemReader.read(&fields, &d) { out.append(item) }
        }
        return out
    }

    private static func parse(_ text: String, file: String, _ d: inout Diagnostics) -> YAMLValue? {
        switch YAMLValue.parse(text, file: file) {
        case .success(var value):
            value.enforceNumberLimits(&d)
            return value
        case .failure(let problem):
            d.append(problem)
            return nil
        }
    }

    static func date(_ m: inout MapReader, _ key: String, _ d: inout Diagnostics) -> CalendarDate? {
        guard let node = m.value(key), !node.isNull else { return nil }
        return date(node, &d)
    }

    /// A YAML date: ISO, a lenient form (warning), or a spreadsheet serial (warning).
    static func date(_ node: YAMLValue, _ d: inout Diagnostics) -> CalendarDate? {
        LedgerDates.read(node.text ?? "", number: node.number, at: node.location, &d)
    }

    /// Cross-item checks: meetings and organizations named exist, ids unique, `carried_from` names an item.
    static func check(_ ledger: Ledger, rubric: Rubric, _ d: inout Diagnostics) {
        var ids = IDRegistry("item")
        let meetings = Set(ledger.meetings.map(\.id))
        let organizations = Set(rubric.organizations.map(\.id))
        let itemIDs = Set(ledger.items.map(\.id))
        for item in ledger.items {
            _ = ids.register(item.id, at: item.location, &d)
            if !ledger.meetings.isEmpty, !meetings.contains(item.meeting) {
                d.error(
                    item.location, Catalog.itemUnknownMeeting(item.id, item.meeting, Suggestion.choices(ledger.meetings.map { ($0.name, $0.id) })))
            }
            if !organizations.contains(item.raisedBy) {
                d.error(
                    item.location,
                    Catalog.itemUnknownOrganization(
                        item.id, item.raisedBy, Suggestion.didYouMean(item.raisedBy, in: rubric.organizations.map(\.id)),
                        Suggestion.choices(rubric.organizations.map { ($0.name, $0.id) })))
            }
            // A carried item's carried_from names an item of the ledger it came from.
            if let from = item.carriedFrom, item.carried == nil, !itemIDs.contains(from) {
                d.error(item.location, Catalog.carriedFromUnknown(item.id, from))
            }
        }
    }
}

/// Dates as the ledger reads them, with a warning for every form other than ISO.
enum LedgerDates {
    static func read(_ text: String, number: Exact?, at location: SourceLocation, _ d: inout Diagnostics) -> CalendarDate? {
        if let number, let serial = CalendarDate(serial: number.double) {
            d.warning(location, Catalog.dateSerial(text, serial))
            return serial
        }
        guard let (date, lenient) = CalendarDate.read(text) else {
            d.error(location, Catalog.notADate(text))
            return nil
        }
        if lenient { d.warning(location, Catalog.dateReadAs(text, date)) }
        return date
    }
}

/// Where an item's fields come from: a YAML map or a CSV row.
protocol ItemFields {
    var location: SourceLocation { get }
    mutating func text(_ key: String, _ d: inout Diagnostics) -> String?
    mutating func list(_ key: String, _ d: inout Diagnostics) -> [String]
    mutating func date(_ key: String, _ d: inout Diagnostics) -> CalendarDate?
    mutating func flag(_ key: String, _ d: inout Diagnostics) -> Bool
    mutating func progress(_ d: inout Diagnostics) -> [LedgerItem.Progress]
    func location(_ key: String) -> SourceLocation
}

/// One item, read and checked field by field.
enum ItemReader {
    static func read(_ f: inout some ItemFields, _ d: inout Diagnostics) -> LedgerItem? {
        guard let id = f.text("id", &d) else {
            d.error(f.location, Catalog.itemWithoutID())
            return nil
        }
        let meeting = f.text("meeting", &d), raisedBy = f.text("raised_by", &d), request = f.text("request", &d)
        if meeting == nil { d.error(f.location, Catalog.itemWithoutMeeting(id)) }
        if raisedBy == nil { d.error(f.location, Catalog.itemWithoutRaiser(id)) }
        var item = LedgerItem(
            id: id, meeting: meeting ?? "", raisedBy: raisedBy ?? "", submitted: f.date("submitted", &d),
            request: request ?? "", agreed: f.text("agreed", &d), lead: f.text("lead", &d),
            support: f.list("support", &d), due: f.date("due", &d), ongoing: f.flag("ongoing", &d),
            checkpoint: f.date("checkpoint", &d), closed: f.date("closed", &d), basis: f.text("basis", &d),
            feedback: f.date("feedback", &d), carriedFrom: f.text("carried_from", &d),
            carried: f.text("carried", &d), progress: f.progress(&d), location: f.location)
        if item.submitted == nil { d.error(f.location, Catalog.itemWithoutSubmitted(id)) }
        if let status = f.text("status", &d) {
            item.status = LedgerItem.Status(rawValue: status)
            if item.status == nil {
                d.error(
                    f.location("status"), Catalog.itemUnknownStatus(id, status, LedgerItem.Status.allCases.map(\.rawValue).joined(separator: "、")))
            }
        }
        if let answer = f.text("satisfaction", &d) {
            item.satisfaction = LedgerItem.Satisfaction(rawValue: answer)
            if item.satisfaction == nil {
                d.error(f.location("satisfaction"), Catalog.itemUnknownSatisfaction(id, answer))
            }
        }
        checkAgreed(item, &f, &d)
        return item
    }

    /// An agreed item has a status and a deadline; 已办结 needs `closed`, which is not before `submitted`.
    private static func checkAgreed(_ item: LedgerItem, _ f: inout some ItemFields, _ d: inout Diagnostics) {
        let id = item.id
        if item.isAgreed {
            if item.status == nil && f.text("status", &d) == nil {
                d.error(f.location, Catalog.agreedWithoutStatus(id, LedgerItem.Status.allCases.map(\.rawValue).joined(separator: "、")))
            }
            if item.ongoing {
                if item.checkpoint == nil { d.error(f.location, Catalog.ongoingWithoutCheckpoint(id)) }
            } else if item.due == nil {
                d.error(f.location, Catalog.agreedWithoutDue(id))
            }
        }
        if item.status == .closed && item.closed == nil { d.error(f.location("status"), Catalog.closedWithoutDate(id)) }
        if let closed = item.closed, let submitted = item.submitted, closed < submitted {
            d.error(f.location("closed"), Catalog.closedBeforeSubmitted(id, closed, submitted))
        }
    }
}

struct YAMLItemFields: ItemFields {
    var reader: MapReader
    var location: SourceLocation { reader.location }

    mutating func text(_ key: String, _ d: inout Diagnostics) -> String? {
        guard let node = reader.value(key), !node.isNull else { return nil }
        guard let text = node.text else {
            d.error(node.location, Catalog.expectsText(key, node.quoted))
            return nil
        }
        return text.isEmpty ? nil : text
    }

    mutating func list(_ key: String, _ d: inout Diagnostics) -> [String] {
        guard let node = reader.value(key), !node.isNull else { return [] }
        return node.sequence?.compactMap(\.text) ?? node.text.map(LenientReading.items) ?? []
    }

    mutating func date(_ key: String, _ d: inout Diagnostics) -> CalendarDate? { LedgerLoader.date(&reader, key, &d) }

    mutating func flag(_ key: String, _ d: inout Diagnostics) -> Bool {
        guard let node = reader.value(key), !node.isNull else { return false }
        guard let flag = node.boolean else {
            d.error(node.location, Catalog.expectsTrueFalse(key, node.quoted))
            return false
        }
        return flag
    }

    mutating func progress(_ d: inout Diagnostics) -> [LedgerItem.Progress] {
        guard let node = reader.value("progress"), !node.isNull else { return [] }
        guard let entries = node.sequence else {
            d.error(node.location, Catalog.progressShape())
            return []
        }
        return entries.compactMap { entry in
            guard var m = MapReader(entry, "a progress entry", &d) else { return nil }
            let note = m.text("note", &d) ?? ""
            guard let date = LedgerLoader.date(&m, "date", &d) else {
                if !m.has("date") { d.error(entry.location, Catalog.progressWithoutDate()) }
                return nil
            }
            m.reportUnknownKeys(&d)
            return LedgerItem.Progress(date: date, note: note)
        }
    }

    func location(_ key: String) -> SourceLocation { reader.keyLocation(key) ?? reader.location }
}

struct CSVItemFields: ItemFields {
    let row: CSVDataLoader.Row
    let index: [String: Int]
    let file: String
    /// The row's start: where problems of the item as a whole point.
    var location: SourceLocation { SourceLocation(file: file, line: row.line) }

    func cell(_ key: String) -> String {
        guard let i = index[key], i < row.cells.count else { return "" }
        return row.cells[i].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    mutating func text(_ key: String, _ d: inout Diagnostics) -> String? { cell(key).isEmpty ? nil : cell(key) }
    mutating func list(_ key: String, _ d: inout Diagnostics) -> [String] { LenientReading.items(cell(key)) }

    mutating func date(_ key: String, _ d: inout Diagnostics) -> CalendarDate? {
        cell(key).isEmpty ? nil : LedgerDates.read(cell(key), number: Exact(cell(key)), at: location(key), &d)
    }

    mutating func flag(_ key: String, _ d: inout Diagnostics) -> Bool {
        switch cell(key).lowercased() {
        case "", "false", "否", "no", "0": return false
        case "true", "是", "yes", "1": return true
        default:
            d.error(location(key), Catalog.expectsTrueFalse(key, "“\(cell(key))”"))
            return false
        }
    }

    /// `2024-08-01 已选定场地；2024-09-10 完成招标`.
    mutating func progress(_ d: inout Diagnostics) -> [LedgerItem.Progress] {
        cell("progress").split(whereSeparator: { "；;\n".contains($0) }).compactMap { entry in
            let parts = entry.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).map(String.init)
            guard let first = parts.first, let date = LedgerDates.read(first, number: nil, at: location("progress"), &d) else { return nil }
            return LedgerItem.Progress(date: date, note: parts.count > 1 ? parts[1] : "")
        }
    }

    /// The cell of column `key` (file:line:column).
    func location(_ key: String) -> SourceLocation { row.location(index[key], file: file) }
}
