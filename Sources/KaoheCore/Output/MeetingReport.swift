/// The text for the next meeting's opening item, 上一年度议定事项落实情况通报 (meeting.md §4): the agreed items of the
/// ledger, closed against open, and each open one with its 责任单位, deadline and latest follow-up. Facts only.
public enum MeetingReport {
    public static func opening(_ snapshot: LedgerSnapshot, rubric: Rubric) -> String {
        let f = snapshot.figures
        let agreed = f.items.filter(\.isAgreed)
        let closed = agreed.filter(f.isClosed)
        let onTime = closed.filter { item in item.closed.flatMap { c in item.due.map { c <= $0 } } ?? false }
        let open = agreed.filter(f.isOpen)
        let overdue = open.filter { f.overdueDays($0) > 0 }
        let names = Dictionary(rubric.organizations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let meetings = snapshot.ledger.meetings.filter { m in agreed.contains { $0.meeting == m.id } }.map(\.name)
        var lines = ["上一年度议定事项落实情况通报", "（截至 \(f.asOf.chinese)）", ""]
        let rate = agreed.isEmpty ? "" : "，办结率 \(percent(closed.count, agreed.count))"
        lines.append(
            "\(meetings.joined(separator: "、"))共议定事项 \(agreed.count) 件，已办结 \(closed.count) 件（其中按期办结 \(onTime.count) 件）\(rate)；未办结 \(open.count) 件，其中超过办理时限 \(overdue.count) 件。"
        )
        lines.append("")
        lines.append("一、各提出单位事项办结情况")
        for organization in rubric.organizations {
            let mine = agreed.filter { $0.raisedBy == organization.id }
            guard !mine.isEmpty else { continue }
            let done = mine.filter(f.isClosed).count
            lines.append("  \(organization.name)：议定 \(mine.count) 件，已办结 \(done) 件，未办结 \(mine.count - done) 件。")
        }
        lines.append("")
        lines.append("二、未办结事项")
        if open.isEmpty { lines.append("  无。") }
        for (n, item) in open.enumerated() {
            var parts = ["责任单位：\(item.lead ?? "未明确")\(item.support.isEmpty ? "" : "（协办：\(item.support.joined(separator: "、"))）")"]
            if let deadline = item.deadline {
                let days = f.overdueDays(item)
                parts.append("\(item.ongoing ? "检查节点" : "办理时限") \(deadline.chinese)\(days > 0 ? "，已超期 \(days) 天" : "")")
            }
            parts.append("状态：\(item.status?.rawValue ?? "未填报")")
            if let latest = item.progress.last(where: { $0.date <= f.asOf }) { parts.append("最近进展：\(latest.date.chinese) \(latest.note)") }
            if let carried = item.carried { parts.append("自 \(carried) 结转") }
            lines.append("  \(n + 1). \(item.id) \(item.request)（\(names[item.raisedBy] ?? item.raisedBy)提出）——\(parts.joined(separator: "；"))。")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        (Exact(part * 100) / Exact(whole)).formatted(places: 1) + "%"
    }
}
