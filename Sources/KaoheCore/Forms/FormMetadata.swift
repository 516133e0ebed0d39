/// The hidden `_kaohe` sheet every form carries (forms.md §2): what the form is, for which assessment, year and
/// rubric, and the method and points behind every 编号, so that a returned file can be checked against the rubric.
public struct FormMetadata: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case selfAssessment = "自评表", review = "核定表", survey = "测评统计表", supervision = "督办台账"
    }

    public static let sheetName = "_kaohe"
    public static let format = "kaohe-form 1"

    public var kind: Kind
    public var assessment: String
    public var year: Int
    /// Hex SHA-256 of the rubric file's bytes.
    public var rubric: String
    /// 自评表: the organization's id; 核定表: the scorer unit; 测评统计表: `<block>.<group>`.
    public var subject: String
    /// 编号 → `<method> <points>`, in form order.
    public var methods: [(code: String, method: String)]

    public init(
        kind: Kind, assessment: String, year: Int, rubric: String, subject: String,
        methods: [(code: String, method: String)]
    ) {
        self.kind = kind
        self.assessment = assessment
        self.year = year
        self.rubric = rubric
        self.subject = subject
        self.methods = methods
    }

    public static func == (a: FormMetadata, b: FormMetadata) -> Bool {
        a.kind == b.kind && a.assessment == b.assessment && a.year == b.year && a.rubric == b.rubric
            && a.subject == b.subject && a.methods.elementsEqual(b.methods) { $0 == $1 }
    }

    /// The key naming the subject for this kind.
    public var subjectKey: String {
        switch kind {
        case .selfAssessment: "organization"
        case .review: "scorer"
        case .survey: "group"
        case .supervision: "as_of"
        }
    }

    /// The key–value rows of column A–B.
    public var rows: [(String, String)] {
        [
            ("format", Self.format), ("kind", kind.rawValue), ("assessment", assessment), ("year", String(year)),
            ("rubric", rubric), (subjectKey, subject)
        ] + methods.map { ("method:\($0.code)", $0.method) }
    }

    /// Reads the `_kaohe` sheet of a returned file; a refusal says what is wrong in words for the office.
    public static func read(_ spreadsheet: Spreadsheet) throws(LenientReading.Refusal) -> FormMetadata {
        guard let sheet = spreadsheet.sheet(sheetName) else {
            throw LenientReading.Refusal(Catalog.notAKaoheForm())
        }
        var values: [String: String] = [:]
        var methods: [(String, String)] = []
        for row in 0...max(sheet.lastRow, 0) {
            guard let key = sheet.cells[.init(row: row, column: 0)]?.text, !key.isEmpty else { continue }
            let value = sheet.cells[.init(row: row, column: 1)]?.text ?? ""
            if key.hasPrefix("method:") { methods.append((String(key.dropFirst(7)), value)) } else { values[key] = value }
        }
        guard values["format"] == format else {
            throw LenientReading.Refusal(Catalog.formVersion(values["format"] ?? "", format))
        }
        guard let kind = values["kind"].flatMap(Kind.init(rawValue:)) else {
            throw LenientReading.Refusal(Catalog.formKind(values["kind"] ?? ""))
        }
        var meta = FormMetadata(
            kind: kind, assessment: values["assessment"] ?? "", year: Int(values["year"] ?? "") ?? 0,
            rubric: values["rubric"] ?? "", subject: "", methods: methods)
        meta.subject = values[meta.subjectKey] ?? ""
        return meta
    }

    /// Whether the form is of `kind` and of this rubric's assessment and year; each mismatch is an error naming both.
    public func check(kind expected: Kind, rubric: Rubric, file: String, _ d: inout Diagnostics) -> Bool {
        let at = SourceLocation.wholeFile(file)
        guard kind == expected else {
            d.error(at, Catalog.wrongFormKind(kind.rawValue, expected.rawValue))
            return false
        }
        var ok = true
        if assessment != rubric.assessment.id {
            d.error(at, Catalog.formOfOtherAssessment(kind.rawValue, assessment, rubric.assessment.id))
            ok = false
        }
        if year != rubric.assessment.year {
            d.error(at, Catalog.formOfOtherYear(kind.rawValue, year, rubric.assessment.year))
            ok = false
        }
        return ok
    }

    /// A different rubric fingerprint is a warning while every 编号 keeps its method and points (`current`, what the
    /// form would hold today), otherwise an error naming what changed.
    public func checkFingerprint(
        _ digest: String, current: [(code: String, method: String)], file: String,
        _ d: inout Diagnostics
    ) {
        guard rubric != digest else { return }
        let now = Dictionary(current.map { ($0.code, $0.method) }, uniquingKeysWith: { a, _ in a })
        let then = Set(methods.map(\.code))
        var changes: [Message] = []
        for (code, method) in methods {
            guard let today = now[code] else {
                changes.append(Catalog.rowGone(code))
                continue
            }
            if today != method { changes.append(Catalog.rowMethodChanged(code, method, today)) }
        }
        for (code, _) in current where !then.contains(code) { changes.append(Catalog.rowAdded(code)) }
        if changes.isEmpty {
            d.warning(.wholeFile(file), Catalog.rubricChangedHarmlessly())
        } else {
            d.error(.wholeFile(file), Catalog.rubricChanged(Catalog.joined(changes)))
        }
    }
}
