/// The messages of the joint meeting ledger (meeting.md): its files, its items, the 督办台账 read back, and the
/// indicators fed by it. Part of the one catalog (`Catalog`).
extension Catalog {
    // Files.
    static let noMeetingsFile = MessageTemplate(
        en: "meetings.yaml is missing (the list of joint meetings: id, name, date, submit_by)",
        zh: "缺少 meetings.yaml（联席会议清单：id、name、date、submit_by）")
    static let bothItemFiles = MessageTemplate(
        en: "both items.yaml and items.csv exist; the items go in one of them — delete the other",
        zh: "items.yaml 和 items.csv 同时存在；事项只能放在其中一个文件里，请删去一个")
    static let submitByUnknown = MessageTemplate(
        en: "'{0}' in submit_by is no organization of this assessment (expected an organization id or default)",
        zh: "submit_by 中的“{0}”不是本考核的单位（应为单位 id 或 default）")
    static let unknownLedgerColumn = MessageTemplate(
        en: "unknown column '{0}' ignored (the columns: {1})", zh: "未知的列“{0}”已忽略（可用的列：{1}）")
    static let noLedgerFolder = MessageTemplate(
        en:
            "indicator '{0}' comes from the joint meeting ledger (from: meeting.{1}), but the assessment folder has no {2}/ (meetings.yaml and items.yaml)",
        zh: "指标“{0}”取自联席会议台账（from: meeting.{1}），但考核文件夹中没有 {2}/（meetings.yaml 和 items.yaml）")
    static let noLedgerForForm = MessageTemplate(
        en: "this assessment has no joint meeting ledger (meeting/), so a 督办台账 cannot be read",
        zh: "本考核没有联席会议台账（meeting/），无法读取督办台账")

    // Items.
    static let itemUnknownMeeting = MessageTemplate(
        en: "item {0}: meeting '{1}' is not in meetings.yaml (there: {2})", zh: "事项 {0} 的会议“{1}”不在 meetings.yaml 中（有：{2}）")
    static let itemUnknownOrganization = MessageTemplate(
        en: "item {0}: raised_by '{1}' is no organization of this assessment{2} (expected one of: {3})",
        zh: "事项 {0} 的提出单位“{1}”不是本考核的单位{2}（应为：{3}）")
    static let carriedFromUnknown = MessageTemplate(
        en: "item {0}: carried_from '{1}' is no item of this ledger", zh: "事项 {0} 的 carried_from“{1}”不是本台账中的事项")
    static let itemWithoutID = MessageTemplate(
        en: "an item has no id (its number, such as 2024-LX-07)", zh: "事项缺少 id（事项编号，如 2024-LX-07）")
    static let itemWithoutMeeting = MessageTemplate(
        en: "item {0} has no meeting (the id of its meeting)", zh: "事项 {0} 缺少 meeting（所属会议的 id）")
    static let itemWithoutRaiser = MessageTemplate(
        en: "item {0} has no raised_by (the id of the organization that raised it)", zh: "事项 {0} 缺少 raised_by（提出单位的 id）")
    static let itemWithoutSubmitted = MessageTemplate(
        en: "item {0} has no submitted (the date the request was sent)", zh: "事项 {0} 缺少 submitted（提请事项报送日期）")
    static let itemUnknownStatus = MessageTemplate(
        en: "item {0}: status '{1}' is not known (expected one of {2})", zh: "事项 {0} 的状态“{1}”无法识别（应为 {2} 之一）")
    static let itemUnknownSatisfaction = MessageTemplate(
        en: "item {0}: satisfaction '{1}' is not known (expected 满意, 基本满意 or 不满意; blank when not rated)",
        zh: "事项 {0} 的满意度“{1}”无法识别（应为 满意、基本满意 或 不满意，未评价的留空）")
    static let agreedWithoutStatus = MessageTemplate(
        en: "agreed item {0} has no status ({1})", zh: "议定事项 {0} 缺少 status（{1}）")
    static let ongoingWithoutCheckpoint = MessageTemplate(
        en: "item {0} is ongoing and needs a checkpoint (the date of its stage check)",
        zh: "事项 {0} 是长期事项（ongoing），需要 checkpoint（阶段检查日期）")
    static let agreedWithoutDue = MessageTemplate(
        en: "agreed item {0} has no due (its deadline; an ongoing item gives ongoing: true and a checkpoint)",
        zh: "议定事项 {0} 缺少 due（办理时限；长期事项写 ongoing: true 和 checkpoint）")
    static let closedWithoutDate = MessageTemplate(
        en: "item {0} is closed but has no closed (the date it was closed)", zh: "事项 {0} 已办结，但没有 closed（办结日期）")
    static let closedBeforeSubmitted = MessageTemplate(
        en: "item {0} was closed on {1}, before it was submitted on {2}", zh: "事项 {0} 的办结日期 {1} 早于报送日期 {2}")
    static let expectsText = MessageTemplate(en: "{0} must be text, found {1}", zh: "{0} 应为文字，实际为 {1}")
    static let expectsTrueFalse = MessageTemplate(en: "{0} must be true or false, found {1}", zh: "{0} 应为 true 或 false，实际为 {1}")
    static let progressShape = MessageTemplate(
        en: "progress must be a list: - {date: 2024-08-01, note: …}", zh: "progress 应为列表：- {date: 2024-08-01, note: …}")
    static let progressWithoutDate = MessageTemplate(en: "a follow-up entry has no date", zh: "督办记录缺少 date")

    // Dates.
    static let dateSerial = MessageTemplate(
        en: "'{0}' read as spreadsheet date number: {1}", zh: "“{0}”按表格日期序号读作 {1}")
    static let notADate = MessageTemplate(
        en: "'{0}' is not a date; write it as 2024-06-18", zh: "“{0}”不是日期；应写成 2024-06-18 的形式")
    static let dateReadAs = MessageTemplate(en: "'{0}' read as {1}", zh: "“{0}”读作 {1}")

    // The 督办台账 read back.
    static let notALedgerItem = MessageTemplate(
        en: "code '{0}' is no item of the ledger; do not change the hidden code column", zh: "编号“{0}”不是台账中的事项；请不要修改隐藏的编号列")
    static let ledgerItemTwice = MessageTemplate(
        en: "item {0} appears twice; one row per item", zh: "事项 {0} 出现了两次；每件事项只填一行")
    static let statusFromList = MessageTemplate(
        en: "status '{0}' is not known; choose one of {1} from the list", zh: "状态“{0}”无法识别；应从下拉列表选择 {1} 之一")
    static let satisfactionFromList = MessageTemplate(
        en: "satisfaction '{0}' is not known; expected 满意, 基本满意 or 不满意", zh: "满意度“{0}”无法识别；应为 满意、基本满意 或 不满意")
    static let progressWithoutFollowUpDate = MessageTemplate(
        en: "本次进展 is filled in, but 督办日期 is not", zh: "填写了本次进展，但没有督办日期")
    static let closedStatusWithoutDate = MessageTemplate(
        en: "the status is 已办结, but 办结日期 is empty", zh: "状态为已办结，但没有办结日期")

    // Indicators fed by the ledger.
    static let ledgerValueTyped = MessageTemplate(
        en:
            "the value of indicator '{0}' ({1}) comes from the joint meeting ledger (from: meeting.{2}), so a data file cannot give one; delete value (self-score and notes may stay)",
        zh: "指标“{0}”（{1}）的值取自联席会议台账（from: meeting.{2}），数据文件中不能再填 value；请删去 value（自评分、说明可以保留）")
    static let nothingInLedger = MessageTemplate(
        en:
            "the joint meeting ledger has no items to compute '{0}' from ({1} raised none, or none agreed was due by {2}); the indicator has no missing: zero, so it cannot be scored",
        zh: "联席会议台账中没有可计算“{0}”的事项（{1} 没有提出事项，或没有到期的议定事项，截至 {2}）；该指标没有 missing: zero，无法计分")
    static let unknownFrom = MessageTemplate(
        en: "indicator '{0}': from '{1}' is not known; expected meeting. followed by one of {2} (such as meeting.closure_rate)",
        zh: "指标“{0}”的 from“{1}”无法识别；应为 meeting. 加上 {2} 之一（如 meeting.closure_rate）")
    static let expectsFraction = MessageTemplate(
        en: "{0} must be a number or a fraction (such as 1/3), found '{1}'", zh: "{0} 应为数或分数（如 1/3），实际为“{1}”")
    static let yellowFractionRange = MessageTemplate(
        en: "yellow_fraction must be between 0 and 1, found {0}", zh: "yellow_fraction 应在 0 和 1 之间，实际为 {0}")
    static let notNegative = MessageTemplate(en: "{0} must not be negative, found {1}", zh: "{0} 不能为负数，实际为 {1}")
}
