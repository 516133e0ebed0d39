/// Ledger values in words, as the scorecards and `explain` print them (`办结 9 / 应办结 10`).
extension WorkingText {
    public func ledger(_ derived: DerivedValue) -> String {
        let n = "\(derived.counted.count)", of = "\(derived.of?.count ?? 0)", days = "\(derived.days ?? 0)"
        let none = derived.counted.isEmpty
        switch derived.value {
        case .closureRate: return Catalog.ledgerClosureRate(in: language, n, of)
        case .feedbackRate: return Catalog.ledgerFeedbackRate(in: language, n, of)
        case .satisfactionRate: return Catalog.ledgerSatisfactionRate(in: language, n, of)
        case .submittedOnTime: return none ? Catalog.ledgerOnTime(in: language, of) : Catalog.ledgerLateItems(in: language, n, days)
        case .daysLate: return none ? Catalog.ledgerNotLate(in: language) : Catalog.ledgerDaysLate(in: language, days)
        case .itemsRaised: return Catalog.ledgerRaised(in: language, n)
        case .itemsAgreed: return Catalog.ledgerAgreed(in: language, n)
        case .itemsDue: return Catalog.ledgerDue(in: language, n)
        case .itemsClosed: return Catalog.ledgerClosed(in: language, n)
        case .closedOnTime: return Catalog.ledgerClosedOnTime(in: language, n)
        case .redItems: return Catalog.ledgerRed(in: language, n)
        case .yellowItems: return Catalog.ledgerYellow(in: language, n)
        case .blueItems: return Catalog.ledgerBlue(in: language, n)
        }
    }

    /// What the value counts, for `explain`: `✓ 2024-LX-01 …（报送 …）`, one line per item.
    public func ledgerItems(_ derived: DerivedValue, ledger: LedgerSnapshot?) -> [String] {
        guard let ledger else { return derived.counted }
        let byID = Dictionary(ledger.ledger.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ids = derived.of ?? derived.counted
        let counted = Set(derived.counted)
        let late = derived.value == .submittedOnTime || derived.value == .daysLate
        return ids.compactMap { id in
            guard let item = byID[id] else { return nil }
            let mark =
                derived.of == nil
                ? "" : late ? (counted.contains(id) ? Catalog.ledgerMarkLate(in: language) : "✓ ") : counted.contains(id) ? "✓ " : "✗ "
            return Catalog.ledgerItem(in: language, mark, id, item.request, ledgerLine(item, figures: ledger.figures))
        }
    }

    /// `报送 2024-06-02，时限 2024-10-31，已办结 2024-10-20，反馈 2024-10-25`.
    public func ledgerLine(_ item: LedgerItem, figures: LedgerFigures) -> String {
        var parts: [String] = []
        if let submitted = item.submitted { parts.append(Catalog.ledgerSubmitted(in: language, "\(submitted)")) }
        if let deadline = item.deadline {
            parts.append((item.ongoing ? Catalog.ledgerCheckpoint : Catalog.ledgerDeadline)(in: language, "\(deadline)"))
        }
        if figures.isClosed(item), let closed = item.closed {
            parts.append(Catalog.ledgerClosedOn(in: language, "\(closed)"))
        } else {
            parts.append(item.isAgreed ? Catalog.ledgerOpen(in: language, item.status?.rawValue ?? "") : Catalog.ledgerNotAgreed(in: language))
        }
        if let feedback = item.feedback, feedback <= figures.asOf { parts.append(Catalog.ledgerFeedback(in: language, "\(feedback)")) }
        if let warning = figures.warnings[item.id] { parts.append(Catalog.ledgerWarning(in: language, warning.rawValue)) }
        return parts.joined(separator: language == .zh ? "，" : ", ")
    }
}
