/// Ledger values in words, as the scorecards and `explain` print them (`办结 9 / 应办结 10`).
public enum LedgerText {
    public static func describe(_ derived: DerivedValue) -> String {
        let n = derived.counted.count, of = derived.of?.count ?? 0
        switch derived.value {
        case .closureRate: return "办结 \(n) / 应办结 \(of)"
        case .feedbackRate: return "已反馈 \(n) / 办结 \(of)"
        case .satisfactionRate: return "满意和基本满意 \(n) / 已评价 \(of)"
        case .submittedOnTime:
            return n == 0 ? "按时报送（\(of) 件）" : "逾期报送 \(n) 件（最多逾期 \(derived.days ?? 0) 天）"
        case .daysLate: return n == 0 ? "按时报送" : "最多逾期 \(derived.days ?? 0) 天"
        case .itemsRaised: return "提请 \(n) 件"
        case .itemsAgreed: return "议定 \(n) 件"
        case .itemsDue: return "到期 \(n) 件"
        case .itemsClosed: return "到期已办结 \(n) 件"
        case .closedOnTime: return "按期办结 \(n) 件"
        case .redItems: return "红色预警 \(n) 件"
        case .yellowItems: return "黄色预警 \(n) 件"
        case .blueItems: return "蓝色预警 \(n) 件"
        }
    }

    /// What the value counts, for `explain`: `已办结: 2024-LX-01, 2024-LX-02；未办结: 2024-LX-05`.
    public static func items(_ derived: DerivedValue, ledger: LedgerSnapshot?) -> [String] {
        guard let ledger else { return derived.counted }
        let byID = Dictionary(ledger.ledger.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ids = derived.of ?? derived.counted
        let counted = Set(derived.counted)
        return ids.compactMap { id in
            guard let item = byID[id] else { return nil }
            let late = derived.value == .submittedOnTime || derived.value == .daysLate
            let mark = derived.of == nil ? "" : late ? (counted.contains(id) ? "✗ 逾期 " : "✓ ") : counted.contains(id) ? "✓ " : "✗ "
            return "\(mark)\(id) \(item.request)（\(line(item, figures: ledger.figures))）"
        }
    }

    /// `报送 2024-06-02，时限 2024-10-31，已办结 2024-10-20，反馈 2024-10-25`.
    public static func line(_ item: LedgerItem, figures: LedgerFigures) -> String {
        var parts: [String] = []
        if let submitted = item.submitted { parts.append("报送 \(submitted)") }
        if let deadline = item.deadline { parts.append("\(item.ongoing ? "检查节点" : "时限") \(deadline)") }
        if figures.isClosed(item), let closed = item.closed {
            parts.append("已办结 \(closed)")
        } else {
            parts.append(item.isAgreed ? "未办结（\(item.status?.rawValue ?? "")）" : "未议定")
        }
        if let feedback = item.feedback, feedback <= figures.asOf { parts.append("反馈 \(feedback)") }
        if let warning = figures.warnings[item.id] { parts.append("\(warning.rawValue)色预警") }
        return parts.joined(separator: "，")
    }
}
