/// The joint meeting ledger (meeting.md): the meetings, and every 提请事项 raised at them with what the meeting
/// agreed (议定事项), who handles it and how far it has come (督办).
public struct Ledger: Sendable {
    public var meetings: [Meeting]
    public var items: [LedgerItem]
    /// The files read.
    public var files: [InputFile]

    public init(meetings: [Meeting], items: [LedgerItem], files: [InputFile] = []) {
        self.meetings = meetings
        self.items = items
        self.files = files
    }

    public func meeting(_ id: String) -> Meeting? { meetings.first { $0.id == id } }
}

public struct Meeting: Sendable {
    public var id: String
    public var name: String
    public var date: CalendarDate?
    /// The 提请事项 deadline: for every organization, with exceptions by organization id.
    public var submitBy: CalendarDate?
    public var submitByOrganization: [String: CalendarDate]
    public var location: SourceLocation

    public init(
        id: String, name: String, date: CalendarDate?, submitBy: CalendarDate?,
        submitByOrganization: [String: CalendarDate] = [:], location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.date = date
        self.submitBy = submitBy
        self.submitByOrganization = submitByOrganization
        self.location = location
    }

    /// The deadline for `organization`.
    public func deadline(for organization: String) -> CalendarDate? { submitByOrganization[organization] ?? submitBy }
}

/// One 提请事项 and its 议定事项.
public struct LedgerItem: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case notStarted = "未启动", inProgress = "办理中", closed = "已办结", partlyClosed = "阶段性办结"
        case returned = "退回重办", impossible = "无法办理"
    }

    public enum Satisfaction: String, Sendable, CaseIterable {
        case satisfied = "满意", fairlySatisfied = "基本满意", dissatisfied = "不满意"
    }

    /// A 督办 entry.
    public struct Progress: Sendable {
        public var date: CalendarDate
        public var note: String
        public init(date: CalendarDate, note: String) {
            self.date = date
            self.note = note
        }
    }

    public var id: String
    public var meeting: String
    /// 提出单位: an organization id of the rubric.
    public var raisedBy: String
    public var submitted: CalendarDate?
    public var request: String
    /// 议定事项 as minuted; nil: not agreed.
    public var agreed: String?
    /// 责任单位 (主办) and 协办单位: departments, as text.
    public var lead: String?
    public var support: [String]
    public var due: CalendarDate?
    public var ongoing: Bool
    public var checkpoint: CalendarDate?
    public var status: Status?
    public var closed: CalendarDate?
    /// 办结依据.
    public var basis: String?
    public var feedback: CalendarDate?
    public var satisfaction: Satisfaction?
    /// An earlier item of this ledger that this one continues.
    public var carriedFrom: String?
    /// The assessment this item was brought forward from, still open (结转).
    public var carried: String?
    public var progress: [Progress]
    public var location: SourceLocation

    public init(
        id: String, meeting: String, raisedBy: String, submitted: CalendarDate?, request: String,
        agreed: String? = nil, lead: String? = nil, support: [String] = [], due: CalendarDate? = nil,
        ongoing: Bool = false, checkpoint: CalendarDate? = nil, status: Status? = nil, closed: CalendarDate? = nil,
        basis: String? = nil, feedback: CalendarDate? = nil, satisfaction: Satisfaction? = nil,
        carriedFrom: String? = nil, carried: String? = nil, progress: [Progress] = [], location: SourceLocation
    ) {
        self.id = id
        self.meeting = meeting
        self.raisedBy = raisedBy
        self.submitted = submitted
        self.request = request
        self.agreed = agreed
        self.lead = lead
        self.support = support
        self.due = due
        self.ongoing = ongoing
        self.checkpoint = checkpoint
        self.status = status
        self.closed = closed
        self.basis = basis
        self.feedback = feedback
        self.satisfaction = satisfaction
        self.carriedFrom = carriedFrom
        self.carried = carried
        self.progress = progress
        self.location = location
    }

    public var isAgreed: Bool { !(agreed ?? "").isEmpty }

    /// The date the follow-up is measured against: `due`, or `checkpoint` for an ongoing item.
    public var deadline: CalendarDate? { ongoing ? checkpoint : due }
}
