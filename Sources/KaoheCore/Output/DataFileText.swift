/// An organization's data as a canonical data file (rubric-format.md §9): what `kaohe collect` writes from a returned
/// form. Every string is double-quoted (JSON escapes are valid YAML), numbers are exact decimals, and the first
/// line names the tool and the source, so that the office can review and version the file.
public enum DataFileText {
    /// The first line's opening: a data file starting with it was written by `kaohe collect` and may be rewritten.
    public static let marker = "# kaohe collect:"

    /// Whether a data file's text was written by `kaohe collect`.
    public static func isCollected(_ text: String) -> Bool { text.hasPrefix(marker) }

    /// A form the data came from: its kind and subject (`自评表`, `核定表 县委组织部`, `测评统计表 satisfaction.staff`),
    /// path and SHA-256.
    public struct Source: Sendable, Equatable {
        public var form: String
        public var path: String
        public var sha256: String

        public init(form: String, file: InputFile) {
            self.form = form
            path = file.path
            sha256 = file.sha256
        }

        var line: String {
            "# 来源: \(form.replacingOccurrences(of: "\n", with: " ")) | \(path.replacingOccurrences(of: "\n", with: " ")) | SHA-256 \(sha256)\n"
        }

        /// A source line written by `line`, or nil.
        init?(line: Substring) {
            guard line.hasPrefix("# 来源: ") else { return nil }
            let parts = line.dropFirst("# 来源: ".count).components(separatedBy: " | ")
            guard parts.count == 3, parts[2].hasPrefix("SHA-256 ") else { return nil }
            form = parts[0]
            path = parts[1]
            sha256 = String(parts[2].dropFirst(8))
        }
    }

    /// The sources named at the head of a collected data file.
    public static func sources(in text: String) -> [Source] {
        text.split(separator: "\n").prefix { $0.hasPrefix("#") }.compactMap(Source.init(line:))
    }

    /// The file for `data`; `sources` names where it came from (kind, file and SHA-256 of each form read).
    public static func yaml(_ data: OrganizationData, rubric: Rubric, sources: [Source]) -> String {
        let name = rubric.organizations.first { $0.id == data.organization }?.name ?? data.organization
        var out = "\(marker) \(name) 的数据，由 kaohe collect 从报送的表格生成；请勿手工修改（修改后请删去本行，collect 将不再覆盖本文件）\n"
        for source in sources { out += source.line }
        out += "organization: \(q(data.organization))\n"
        if let year = data.year { out += "year: \(year)\n" }
        out += "indicators:\n"
        for indicator in rubric.indicators {
            guard let entry = data.indicators[indicator.id] else { continue }
            out += "  \(q(indicator.id)): \(entryText(entry))\n"
        }
        out += adjustments("bonus", data.bonus)
        out += adjustments("penalties", data.penalties)
        if data.vetoes.isEmpty {
            out += "vetoes: []\n"
        } else {
            out += "vetoes:\n"
            for veto in data.vetoes {
                out +=
                    "  - {id: \(q(veto.id))\(veto.note.map { ", note: \(q($0))" } ?? "")\(veto.reviewedBy.map { ", reviewed_by: \(q($0))" } ?? "")}\n"
            }
        }
        out += surveys(data.surveys, rubric: rubric)
        return out
    }

    private static func q(_ text: String) -> String { JSONText.quoted(text) }

    private static func entryText(_ entry: IndicatorEntry) -> String {
        var fields: [String] = []
        fields.append("value: \(entry.value.map(valueText) ?? "null")")
        if let score = entry.selfScore { fields.append("self: \(score.decimalText())") }
        if !entry.evidence.isEmpty { fields.append("evidence: [\(entry.evidence.map(q).joined(separator: ", "))]") }
        if let note = entry.note { fields.append("note: \(q(note))") }
        if let claimed = entry.claimed { fields.append("claimed: \(valueText(claimed))") }
        if let note = entry.reviewNote { fields.append("review_note: \(q(note))") }
        if let unit = entry.reviewedBy { fields.append("reviewed_by: \(q(unit))") }
        return "{\(fields.joined(separator: ", "))}"
    }

    static func valueText(_ value: DataValue) -> String {
        switch value {
        case .number(let n): n.decimalText()
        case .boolean(let b): b ? "true" : "false"
        case .text(let t): q(t)
        case .list(let items): "[\(items.map(valueText).joined(separator: ", "))]"
        case .map(let pairs): "{\(pairs.map { "\(q($0.key)): \(valueText($0.value))" }.joined(separator: ", "))}"
        }
    }

    private static func adjustments(_ key: String, _ entries: [AdjustmentEntry]) -> String {
        guard !entries.isEmpty else { return "\(key): []\n" }
        return "\(key):\n"
            + entries.map { entry in
                var fields = ["item: \(q(entry.item))", "count: \(entry.count.decimalText())"]
                if let note = entry.note { fields.append("note: \(q(note))") }
                if !entry.evidence.isEmpty { fields.append("evidence: [\(entry.evidence.map(q).joined(separator: ", "))]") }
                if let claimed = entry.claimed { fields.append("claimed: \(claimed.decimalText())") }
                if let note = entry.reviewNote { fields.append("review_note: \(q(note))") }
                if let unit = entry.reviewedBy { fields.append("reviewed_by: \(q(unit))") }
                return "  - {\(fields.joined(separator: ", "))}\n"
            }.joined()
    }

    private static func surveys(_ surveys: [String: [String: SurveyVotes]], rubric: Rubric) -> String {
        let blocks = rubric.blocks.filter { $0.source == .survey }
        guard !surveys.isEmpty else { return "" }
        func groups(_ votes: [String: SurveyVotes], block: Block, indent: String) -> String {
            (block.survey?.groups ?? []).compactMap { group in
                votes[group.id].map { "\(indent)\(q(group.id)): \(votesText($0))\n" }
            }.joined()
        }
        if blocks.count == 1, let votes = surveys[blocks[0].id] {
            return "survey:\n" + groups(votes, block: blocks[0], indent: "  ")
        }
        return "survey:\n"
            + blocks.compactMap { block in
                surveys[block.id].map { "  \(q(block.id)):\n" + groups($0, block: block, indent: "    ") }
            }.joined()
    }

    private static func votesText(_ votes: SurveyVotes) -> String {
        switch votes {
        case .counts(let counts): "{\(counts.map { "\(q($0.answer)): \($0.count.decimalText())" }.joined(separator: ", "))}"
        case .scores(let scores): "[\(scores.map { $0.decimalText() }.joined(separator: ", "))]"
        }
    }
}
