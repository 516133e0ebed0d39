/// The ledger's items as `meeting/items.yaml` (meeting.md §1), as `kaohe collect` and `kaohe meeting --carry-over`
/// write it: one entry per item in id order, every string quoted, dates ISO.
public enum LedgerFileText {
    public static func yaml(_ items: [LedgerItem], header: String) -> String {
        var out = header.split(separator: "\n").map { "# \($0)\n" }.joined() + "\n"
        for item in items.sorted(by: { $0.id < $1.id }) { out += entry(item) + "\n" }
        return out
    }

    private static func q(_ text: String) -> String { JSONText.quoted(text) }

    static func entry(_ item: LedgerItem) -> String {
        var lines = ["- id: \(q(item.id))", "  meeting: \(q(item.meeting))", "  raised_by: \(q(item.raisedBy))"]
        func add(_ key: String, _ value: String?) { if let value { lines.append("  \(key): \(value)") } }
        add("submitted", item.submitted?.description)
        add("request", q(item.request))
        add("agreed", item.agreed.map(q))
        add("lead", item.lead.map(q))
        if !item.support.isEmpty { add("support", "[\(item.support.map(q).joined(separator: ", "))]") }
        add("due", item.due?.description)
        if item.ongoing { add("ongoing", "true") }
        add("checkpoint", item.checkpoint?.description)
        add("status", item.status.map { q($0.rawValue) })
        add("closed", item.closed?.description)
        add("basis", item.basis.map(q))
        add("feedback", item.feedback?.description)
        add("satisfaction", item.satisfaction.map { q($0.rawValue) })
        add("carried_from", item.carriedFrom.map(q))
        add("carried", item.carried.map(q))
        if !item.progress.isEmpty {
            lines.append("  progress:")
            lines += item.progress.map { "    - {date: \($0.date), note: \(q($0.note))}" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `meeting/meetings.yaml`.
    public static func meetings(_ meetings: [Meeting]) -> String {
        meetings.map { m in
            var fields = ["id: \(q(m.id))", "name: \(q(m.name))"]
            if let date = m.date { fields.append("date: \(date)") }
            if !m.submitByOrganization.isEmpty {
                let pairs =
                    (m.submitBy.map { ["default: \($0)"] } ?? [])
                    + m.submitByOrganization.sorted { $0.key < $1.key }.map { "\(q($0.key)): \($0.value)" }
                fields.append("submit_by: {\(pairs.joined(separator: ", "))}")
            } else if let by = m.submitBy {
                fields.append("submit_by: \(by)")
            }
            return "- {\(fields.joined(separator: ", "))}\n"
        }.joined()
    }
}
