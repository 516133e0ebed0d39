/// The messages of returned forms (forms.md): the 自评表, 核定表, 测评统计表 and 督办台账 readers and the merge of
/// what they say into the data. Part of the one catalog (`Catalog`).
extension Catalog {
    /// Messages one after another (`a; b` / `a；b`), at most `limit` of them and the count.
    static func joined(_ parts: [Message], limit: Int = 8) -> Message {
        let shown = Array(parts.prefix(limit))
        let en = Message(
            template: MessageTemplate(en: shown.indices.map { "{\($0)}" }.joined(separator: "; "), zh: ""), arguments: shown, literal: nil)
        let zh = Message(
            template: MessageTemplate(en: "", zh: shown.indices.map { "{\($0)}" }.joined(separator: "；")), arguments: shown, literal: nil)
        let list = Catalog.list(en, zh)
        return parts.count > limit ? andMore(list, parts.count) : list
    }

    // Recognising a form (`_kaohe`).
    static let notAKaoheForm = MessageTemplate(
        en: "not a form made by kaohe (no hidden _kaohe sheet); fill in the original file from kaohe forms, do not copy it into a new workbook",
        zh: "不是 kaohe 生成的表格（没有隐藏的 _kaohe 工作表）；请使用 kaohe forms 生成的原表填写，不要复制到新文件")
    static let formVersion = MessageTemplate(
        en: "unknown form version '{0}' (expected '{1}'); make the forms again with this version of kaohe forms",
        zh: "表格版本“{0}”无法识别（应为“{1}”）；请用本版 kaohe forms 重新生成")
    static let formKind = MessageTemplate(
        en: "unknown form kind '{0}' (expected 自评表, 核定表, 测评统计表 or 督办台账)",
        zh: "表格类型“{0}”无法识别（应为 自评表、核定表、测评统计表 或 督办台账）")
    static let wrongFormKind = MessageTemplate(
        en: "this is a {0}, not a {1}; put it in a folder kaohe collect reads, which reads every kind",
        zh: "这是一份{0}，不是{1}；请放到 kaohe collect 读取的文件夹中，它会按类型读取")
    static let formOfOtherAssessment = MessageTemplate(
        en: "this {0} belongs to assessment '{1}', but this assessment is '{2}'; use the forms kaohe forms made for this assessment",
        zh: "这份{0}属于考核“{1}”，而本考核是“{2}”；请用本考核的 kaohe forms 生成的表")
    static let formOfOtherYear = MessageTemplate(
        en: "this {0} is for year {1}, but this assessment is for {2}; it may be last year's — fill in this year's form",
        zh: "这份{0}是 {1} 年度的，而本考核是 {2} 年度；可能是上一年的表，请用本年度的表重新填写")
    static let rubricChangedHarmlessly = MessageTemplate(
        en: "the rubric changed after this form was made (another fingerprint), but no row's method or points did; read as usual",
        zh: "这份表生成后考核细则有改动（指纹不同），但表中各项的计分方法和分值未变，照常读取")
    static let rubricChanged = MessageTemplate(
        en: "the rubric changed after this form was made: {0}; make the forms again with kaohe forms and fill them in again",
        zh: "这份表生成后考核细则改动了：{0}；请用 kaohe forms 重新生成并重新填写")
    static let rowGone = MessageTemplate(en: "{0} is no longer in the rubric", zh: "{0} 已不在细则中")
    static let rowMethodChanged = MessageTemplate(en: "{0} changed from '{1}' to '{2}'", zh: "{0} 由“{1}”改为“{2}”")
    static let rowAdded = MessageTemplate(en: "{0} is new", zh: "{0} 是新增的")
    static let legacyFormat = MessageTemplate(
        en: "this is a file in an old format (.{0}) that cannot be read; open it in WPS, Excel or LibreOffice, save it as .xlsx and send that",
        zh: "这是旧格式（.{0}）文件，无法读取；请用 WPS、Excel 或 LibreOffice 打开后“另存为” .xlsx 格式再报送")
    static let unreadableFile = MessageTemplate(en: "the file cannot be read", zh: "无法读取文件")
    static let onlySelfFormsInData = MessageTemplate(
        en: "data/ takes 自评表 only; read 核定表 and 测评统计表 with kaohe collect",
        zh: "data/ 中只能放自评表；核定表和测评统计表请用 kaohe collect 读取")

    // Sheets, headers and rows.
    static let noSheet = MessageTemplate(
        en: "no sheet '{0}'; fill in the original form and do not rename its sheets", zh: "没有“{0}”工作表；请使用原表填写，不要改工作表名称")
    static let noHeaderRow = MessageTemplate(
        en: "no header row (the row with {0}); fill in the original form and do not delete its header",
        zh: "找不到表头行（含{0}的一行）；请使用原表，不要删除表头")
    static let noColumn = MessageTemplate(
        en: "the header has no column '{0}'; use the original form and do not change its header",
        zh: "表头中没有“{0}”列；请使用原表，不要改表头")
    static let missingRow = MessageTemplate(
        en: "the row with code '{0}' is missing; use the original form and do not delete rows", zh: "缺少编号为“{0}”的行；请使用原表，不要删除行")
    static let codeTwice = MessageTemplate(
        en: "code '{0}' appears twice (the other time in row {1}); fill in each item on one row",
        zh: "编号“{0}”出现了两次（另一次在第 {1} 行）；每项只填一行")
    static let codeTwiceHere = MessageTemplate(
        en: "code '{0}' appears twice; fill in each item on one row", zh: "编号“{0}”出现了两次；每项只填一行")
    static let organizationTwice = MessageTemplate(
        en: "code '{0}' appears twice; one row per organization", zh: "编号“{0}”出现了两次；每个单位只填一行")
    static let notThisOrganizationsRow = MessageTemplate(
        en:
            "code '{0}' is not an item of this organization's 自评表; do not change the hidden code column or copy rows from another organization's form",
        zh: "编号“{0}”不是本单位自评表中的项目；请不要修改隐藏的编号列，也不要从其他单位的表中复制行")
    static let notAnAdjustmentItem = MessageTemplate(
        en: "code '{0}' is not a bonus or penalty item of this assessment; do not change the hidden code column",
        zh: "编号“{0}”不是本考核的加减分项目；请不要修改隐藏的编号列")
    static let notAnOrganizationCode = MessageTemplate(
        en: "code '{0}' is not an organization of this assessment; do not change the hidden code column",
        zh: "编号“{0}”不是本考核的单位；请不要修改隐藏的编号列")
    static let formOfUnknownOrganization = MessageTemplate(
        en: "the 自评表's organization '{0}' is not one of this assessment's organizations", zh: "自评表所属单位“{0}”不在本考核的单位名单中")
    static let mergedCell = MessageTemplate(
        en: "the cell is inside a merged range; read the value of its top-left cell, '{0}'", zh: "单元格在合并区域内，取合并区域左上角的值“{0}”")
    static let formulaCell = MessageTemplate(
        en: "the cell holds a formula; read its result '{0}'", zh: "单元格是公式，取其计算结果“{0}”")

    // Values typed into cells.
    static let noValueFilled = MessageTemplate(en: "完成情况 is not filled in ({0})", zh: "未填写完成情况（{0}）")
    static let nothingFilled = MessageTemplate(en: "not filled in ({0})", zh: "未填写（{0}）")
    static let selfScoreIgnored = MessageTemplate(
        en: "this row takes no self-score (a checklist's self-score goes on the indicator's row); '{0}' ignored",
        zh: "本行不填自评分（清单各项的自评分填在指标所在行），已忽略“{0}”")
    static let selfScoreOutOfRange = MessageTemplate(
        en: "self-score {0} is not between 0 and {1} points (the row's full marks are {1})",
        zh: "自评分 {0} 不在 0 到 {1} 分之间（本行满分 {1}）")
    static let countRange = MessageTemplate(
        en: "a count must be from 0 to below 10^9, found {0}", zh: "次数应为 0 到 10^9 之间的数，实际为 {0}")
    static let expectsNumberHere = MessageTemplate(en: "give a number{0}", zh: "应填数字{0}")
    static let inUnit = MessageTemplate(en: ", in {0}", zh: "，单位 {0}")
    static let expectsYesOrNo = MessageTemplate(en: "choose 是 (yes) or 否 (no)", zh: "应选“是”或“否”")
    static let expectsOneLevel = MessageTemplate(en: "choose one of {0}", zh: "应选 {0} 之一")
    static let expectsNumberList = MessageTemplate(en: "give several numbers separated by 、", zh: "应填用“、”分隔的若干数字")
    static let expectsItems = MessageTemplate(en: "fill in item by item", zh: "逐项填写")
    static let fromLedgerNotTyped = MessageTemplate(
        en: "computed from the joint meeting ledger; nothing to fill in", zh: "由联席会议台账计算，不用填写")
    static let expectsItemState = MessageTemplate(
        en: "是 when done, 否 when not, a fraction from 0 to 1 when partly done", zh: "完成填“是”，未完成填“否”，部分完成填 0 到 1 之间的比例")
    static let levelNotOneOf = MessageTemplate(en: "choose one of {0}, found '{1}'", zh: "应选 {0} 之一，实际为“{1}”")
    static let expectedFound = MessageTemplate(en: "{0}; found '{1}'", zh: "{0}；实际为“{1}”")
    static let fractionRange = MessageTemplate(
        en: "the fraction done must be from 0 to 1, found {0}", zh: "部分完成的比例应在 0 到 1 之间，实际为 {0}")
    static let numberExpected = MessageTemplate(en: "give a number (such as {0}), found '{1}'", zh: "应填数字（如 {0}），实际为“{1}”")
    static let percentCellWithoutPercentUnit = MessageTemplate(
        en:
            "the cell has a percent format ({0}%), but this indicator's unit is not %, so it could be {1} or {0}; set the cell to General and type the number without % (such as {2})",
        zh: "单元格是百分比格式（{0}%），但本指标的单位不是 %，无法判断是 {1} 还是 {0}；请把单元格改为常规格式并填不带 % 的数字（如 {2}）")
    static let percentTypedWithoutPercentUnit = MessageTemplate(
        en: "'{0}' has a %, but this indicator's unit is not %, so it could be {1} or a hundredth of it; type the number without % (such as {2})",
        zh: "“{0}”带有 %，但本指标的单位不是 %，无法判断是 {1} 还是它的百分之一；请填不带 % 的数字（如 {2}）")
    static let percentReadAs = MessageTemplate(en: "percentage {0}% read as {0}", zh: "百分比 {0}% 读作 {0}")
    static let readAs = MessageTemplate(en: "'{0}' read as {1}", zh: "“{0}”读作 {1}")
    static let numberOutOfRange = MessageTemplate(
        en: "{0} is out of range (a number must be below 10^15 in magnitude, what a spreadsheet keeps exactly)",
        zh: "{0} 超出范围（数值的绝对值须小于 10^15，即电子表格能精确保存的范围）")
    static let yesNoFound = MessageTemplate(en: "choose 是 (yes) or 否 (no), found '{0}'", zh: "应填“是”或“否”，实际为“{0}”")
    static let readAsYesNo = MessageTemplate(en: "'{0}' read as {1}", zh: "“{0}”读作{1}")
    static let numberListFound = MessageTemplate(
        en: "give several numbers separated by 、 (such as 92、88、95), found '{0}'", zh: "应填用“、”分隔的若干数字（如 92、88、95），实际为“{0}”")
    static let numberListPart = MessageTemplate(
        en: "give several numbers separated by 、 (such as 92、88、95); '{1}' in '{0}' is not a number",
        zh: "应填用“、”分隔的若干数字（如 92、88、95）；“{0}”中的“{1}”不是数字")

    // 核定表 and 测评统计表.
    static let reviewUnitScoresNothing = MessageTemplate(
        en:
            "the 核定表's unit '{0}' scores no indicator, bonus, penalty or veto in this rubric (its units: {1}); use the 核定表 kaohe forms --review made for this unit",
        zh: "核定表所属单位“{0}”在本考核细则中不负责任何指标、加减分或否决事项（细则中的考核责任单位：{1}）；请用 kaohe forms --review 生成的本单位核定表")
    static let notAReviewCode = MessageTemplate(
        en: "code '{0}' is no organization and indicator of this assessment; do not change the hidden code column",
        zh: "编号“{0}”不是本考核的单位和指标；请不要修改隐藏的编号列")
    static let reviewCodeUnknownIndicator = MessageTemplate(
        en: "indicator '{1}' of code '{0}' is not in the rubric", zh: "编号“{0}”中的指标“{1}”不在考核细则中")
    static let scoredByAnotherUnit = MessageTemplate(
        en: "'{0}' is verified by {1}, not by {2}; do not copy rows from another unit's 核定表",
        zh: "“{0}”由{1}核定，不由{2}核定；请不要从其他单位的核定表中复制行")
    static let reviewRowDoesNotApply = MessageTemplate(en: "'{0}' does not apply to {1}", zh: "“{0}”不适用于{1}")
    static let notThisReviewsRow = MessageTemplate(
        en: "code '{0}' is not an item of this 核定表; do not change the hidden code column", zh: "编号“{0}”不是本核定表中的项目；请不要修改隐藏的编号列")
    static let noVerifiedValue = MessageTemplate(
        en: "核定完成情况 is not filled in ({0}); to confirm the organization's claim, keep the prefilled value",
        zh: "未填写核定完成情况（{0}）；同意单位申报值的，保留预填的值即可")
    static let notThisUnitsAdjustment = MessageTemplate(
        en:
            "code '{0}' is no bonus, penalty or veto {1} verifies or reports; do not change the hidden code column or copy rows from another unit's 核定表",
        zh: "编号“{0}”不是{1}核定或报告的加减分、否决事项；请不要修改隐藏的编号列，也不要从其他单位的核定表中复制行")
    static let vetoYesNo = MessageTemplate(
        en: "choose 是 (the organization has this case) or 否; {0}", zh: "应选“是”（认定该单位有此情形）或“否”；{0}")
    static let unknownRaterGroupForm = MessageTemplate(
        en: "the 测评统计表's rater group '{0}' is not in this rubric; use the forms kaohe forms --survey made",
        zh: "测评统计表所属的测评组“{0}”不在本考核细则中；请用 kaohe forms --survey 生成的表")
    static let countsAndBallots = MessageTemplate(
        en: "a row takes one kind: counts per level ({0}) or one score per ballot (票1, 票2 …), not both",
        zh: "一行只能填一种：各档人数（{0}），或逐张票的分数（票1、票2 …），不能两种都填")
    static let voterCount = MessageTemplate(
        en: "the number of people for '{0}' must be a whole number from 0 to below 10^9, found {1}",
        zh: "“{0}”的人数应为 0 到 10^9 之间的整数，实际为 {1}")
    static let ballotScore = MessageTemplate(
        en: "a ballot's score must be from 0 to 100, found {0}", zh: "每张票的分数应在 0 到 100 之间，实际为 {0}")

    // Merging forms into the data.
    static let formsTwice = MessageTemplate(
        en: "'{0}' sent {1} {2}: {3}; keep only one (none was read)", zh: "“{0}”报送了 {1} 份{2}：{3}；请只保留一份（都未读取）")
    static let itemInTwoForms = MessageTemplate(
        en: "item {0} is also filled in {1}, differently; check both and keep one", zh: "事项 {0} 在 {1} 中也填写了，且内容不同；请核对后只保留一份")
    static let claimMovedSinceReviewForm = MessageTemplate(
        en:
            "the claim on the 核定表 was '{0}', but the claim now is '{1}' (the organization sent a new 自评表 after the 核定表 was made); the verified value is recorded — ask the verifying unit to confirm",
        zh: "核定时表上的申报值是“{0}”，而现在的申报值是“{1}”（核定表生成后单位重新报送了自评表）；已按核定值记录，请核定单位确认")
    static let claimMovedAfterReview = MessageTemplate(
        en:
            "the claim changed from '{0}' to '{1}', but {2} verified '{3}'; the verified value is kept. To verify the new claim, make a new 核定表 (kaohe forms --review) for {2}",
        zh: "申报值由“{0}”改为“{1}”，但{2}已核定为“{3}”；核定值保留。如需按新申报值重新核定，请重新生成核定表（kaohe forms --review）交{2}核定")
    static let countMovedAfterReview = MessageTemplate(
        en: "{0} item '{1}': the claimed count changed from {2} to {3}, but {4} verified {5}; the verified count is kept",
        zh: "{0}项目“{1}”申报次数由 {2} 改为 {3}，但{4}已核定为 {5} 次；核定值保留")
    static let empty = MessageTemplate(en: "(empty)", zh: "（空）")
    static let bonusKind = MessageTemplate(en: "bonus", zh: "加分")
    static let penaltyKind = MessageTemplate(en: "penalty", zh: "扣分")
    static let reviewBeforeSelfForm = MessageTemplate(
        en:
            "{0} has no self-assessment data yet (nothing in data/), so its rows in {1} were not read; collect its 自评表 first, then read these forms again",
        zh: "{0} 还没有自评数据（data/ 中没有它的数据），{1} 中它的各行未读取；请先收集它的自评表，再重新读取这些表")
    static let dataInSeveralFiles = MessageTemplate(
        en: "the data of '{0}' is in several files ({1}, {2}); keep only one first", zh: "“{0}”的数据在多个文件中（{1}、{2}）；请先只保留一个")
    static let officeFileKept = MessageTemplate(
        en:
            "{0} already holds data of '{1}' that kaohe collect did not write; not replaced — add --replace to replace it with the returned form (the file is kept as .bak)",
        zh: "{0} 中已有“{1}”的数据，且不是 kaohe collect 生成的，未覆盖；确认用报送的表替换时请加 --replace（原文件保留为 .bak）")
    static let sharedDataFile = MessageTemplate(
        en: "{0} holds the data of {1} organizations, so that of '{2}' cannot be replaced alone; delete its data from that file first",
        zh: "{0} 含 {1} 个单位的数据，无法只替换其中的“{2}”；请先从该文件中删去它的数据")
    static let noSurveyYet = MessageTemplate(
        en: "{0} have no survey data yet; before scoring, make the 测评统计表 with kaohe forms --survey and read them back with kaohe collect",
        zh: "{0} 还没有测评（survey）数据；评分前请用 kaohe forms --survey 生成测评统计表，填好后用 kaohe collect 读取")
    static let ledgerHasErrors = MessageTemplate(
        en: "the joint meeting ledger (meeting/) itself has errors, so the 督办台账's updates were not written; correct the ledger first",
        zh: "联席会议台账（meeting/）本身有错误，督办台账的更新未写入；请先改正台账")
    static let updatedLedgerHasErrors = MessageTemplate(en: "the updated ledger has errors: {0}", zh: "更新后的台账有错误：{0}")
}
