/// What the ledger says as of a date (meeting.md §2): per item whether it is agreed, due, closed and its warning
/// colour; per organization (提出单位) the counts and rates indicators take with `from: meeting.<value>`.
public struct LedgerFigures: Sendable {
    /// 督办预警: 红 overdue, 黄 behind with no recent follow-up, 蓝 due soon.
    public enum Warning: String, Sendable, CaseIterable {
        case red = "红", yellow = "黄", blue = "蓝"
    }

    /// The values an indicator can take from the ledger.
    public enum Value: String, Sendable, CaseIterable {
        case submittedOnTime = "submitted_on_time", daysLate = "days_late", itemsRaised = "items_raised"
        case itemsAgreed = "items_agreed", itemsDue = "items_due", itemsClosed = "items_closed"
        case closureRate = "closure_rate", closedOnTime = "closed_on_time", feedbackRate = "feedback_rate"
        case satisfactionRate = "satisfaction_rate", redItems = "red_items", yellowItems = "yellow_items"
        case blueItems = "blue_items"

        /// `from: meeting.closure_rate` → `.closureRate`.
        public init?(from: String) {
            guard from.hasPrefix("meeting.") else { return nil }
            self.init(rawValue: String(from.dropFirst("meeting.".count)))
        }
    }

    /// One organization's items, sorted into what each value counts (item ids, in ledger order).
    public struct Organization: Sendable {
        public var raised: [String] = []
        public var agreed: [String] = []
        public var due: [String] = []
        /// Due and closed.
        public var closed: [String] = []
        public var closedOnTime: [String] = []
        /// Closed, with feedback given by as_of.
        public var fedBack: [String] = []
        public var answered: [String] = []
        public var satisfied: [String] = []
        public var late: [(item: String, days: Int)] = []
        public var warned: [Warning: [String]] = [:]

        public var daysLate: Int { late.map(\.days).max() ?? 0 }

        public init() {}
    }

    public let asOf: CalendarDate
    public let thresholds: MeetingSettings
    public private(set) var organizations: [String: Organization] = [:]
    /// Item id → warning colour, for open items that have one.
    public private(set) var warnings: [String: Warning] = [:]
    /// Items submitted by as_of (the others have not happened yet), in ledger order.
    public let items: [LedgerItem]

    public init(ledger: Ledger, asOf: CalendarDate, thresholds: MeetingSettings = MeetingSettings()) {
        self.asOf = asOf
        self.thresholds = thresholds
        items = ledger.items.filter { ($0.submitted ?? asOf) <= asOf }
        for item in items {
            var o = organizations[item.raisedBy] ?? Organization()
            o.raised.append(item.id)
            if let deadline = ledger.meeting(item.meeting)?.deadline(for: item.raisedBy), let submitted = item.submitted,
                submitted > deadline
            {
                o.late.append((item.id, submitted - deadline))
            }
            if let answer = item.satisfaction {
                o.answered.append(item.id)
                if answer != .dissatisfied { o.satisfied.append(item.id) }
            }
            if item.isAgreed { count(item, into: &o) }
            organizations[item.raisedBy] = o
        }
    }

    private mutating func count(_ item: LedgerItem, into o: inout Organization) {
        o.agreed.append(item.id)
        let closed = isClosed(item)
        if !item.ongoing, let due = item.due, due <= asOf {
            o.due.append(item.id)
            if closed {
                o.closed.append(item.id)
                if let when = item.closed, when <= due { o.closedOnTime.append(item.id) }
                if let feedback = item.feedback, feedback <= asOf { o.fedBack.append(item.id) }
            }
        }
        if !closed, let colour = warning(item) {
            warnings[item.id] = colour
            o.warned[colour, default: []].append(item.id)
        }
    }

    /// 已办结 with a closing date by as_of.
    public func isClosed(_ item: LedgerItem) -> Bool {
        item.status == .closed && (item.closed.map { $0 <= asOf } ?? false)
    }

    /// Agreed and not closed.
    public func isOpen(_ item: LedgerItem) -> Bool { item.isAgreed && !isClosed(item) }

    /// The first rule that holds (§2): 红 past the deadline; 黄 when less than a third of the time is left and no
    /// follow-up was recorded in the last 30 days; 蓝 within 15 days of the deadline.
    public func warning(_ item: LedgerItem) -> Warning? {
        guard let deadline = item.deadline else { return nil }
        if asOf > deadline { return .red }
        let left = deadline - asOf
        if let submitted = item.submitted {
            let total = deadline - submitted
            let recent = item.progress.contains { $0.date <= asOf && asOf - $0.date <= thresholds.staleDays }
            if Exact(left) < Exact(total) * thresholds.yellowFraction && !recent { return .yellow }
        }
        return left <= thresholds.blueDays ? .blue : nil
    }

    /// Days past the deadline as of the date (0 when not overdue).
    public func overdueDays(_ item: LedgerItem) -> Int {
        guard let deadline = item.deadline, asOf > deadline else { return 0 }
        return asOf - deadline
    }

    /// The value for an organization, and the items behind it; nil when it has none (raised nothing, or nothing
    /// to divide by): the indicator's `missing` rule applies.
    public func value(_ value: Value, for organization: String) -> DerivedValue? {
        guard let o = organizations[organization], !o.raised.isEmpty else { return nil }
        func count(_ ids: [String]) -> DerivedValue { DerivedValue(value: value, result: .number(Exact(ids.count)), counted: ids, of: nil) }
        func rate(_ part: [String], _ whole: [String]) -> DerivedValue? {
            whole.isEmpty ? nil : DerivedValue(value: value, result: .number(Exact(part.count) / Exact(whole.count)), counted: part, of: whole)
        }
        switch value {
        case .submittedOnTime:
            return DerivedValue(
                value: value, result: .boolean(o.late.isEmpty), counted: o.late.map(\.item), of: o.raised,
                days: o.daysLate)
        case .daysLate:
            return DerivedValue(
                value: value, result: .number(Exact(o.daysLate)), counted: o.late.map(\.item), of: o.raised,
                days: o.daysLate)
        case .itemsRaised: return count(o.raised)
        case .itemsAgreed: return count(o.agreed)
        case .itemsDue: return count(o.due)
        case .itemsClosed: return count(o.closed)
        case .closureRate: return rate(o.closed, o.due)
        case .closedOnTime: return count(o.closedOnTime)
        case .feedbackRate: return rate(o.fedBack, o.closed)
        case .satisfactionRate: return rate(o.satisfied, o.answered)
        case .redItems: return count(o.warned[.red] ?? [])
        case .yellowItems: return count(o.warned[.yellow] ?? [])
        case .blueItems: return count(o.warned[.blue] ?? [])
        }
    }
}

/// A value an indicator took from the ledger: the value, and the items it counts (out of `of`, for a rate).
public struct DerivedValue: Sendable {
    public var value: LedgerFigures.Value
    public var result: DataValue
    public var counted: [String]
    public var of: [String]?
    /// For submission: the largest lateness in days.
    public var days: Int? = nil
}

/// The rubric's `meeting:` settings: the warning thresholds (§2).
public struct MeetingSettings: Sendable {
    public var yellowFraction = Exact(1, over: 3)
    public var staleDays = 30
    public var blueDays = 15
    public init() {}
}
