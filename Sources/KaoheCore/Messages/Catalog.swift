/// Every message of the loaders and the scorer, in Chinese and English (`{0}` … are the values). One entry per
/// message; the code that finds a problem names its entry and gives the values.
public enum Catalog {
    // Building blocks.
    static func list(_ en: Message, _ zh: Message) -> Message { MessageTemplate(en: "{0}", zh: "{1}")(en, zh) }
    static let andMore = MessageTemplate(en: "{0} and others ({1} in all)", zh: "{0} 等 {1} 个")
    static let didYouMean = MessageTemplate(en: " (did you mean {0}?)", zh: "（是不是 {0}？）")

    // Data files (rubric-format.md §9, §11).
    static let unknownOrganization = MessageTemplate(
        en: "unknown organization '{0}'{1} (expected one of: {2})", zh: "“{0}”不是本考核的单位{1}（应为：{2}）")
    static let organizationByName = MessageTemplate(
        en: "'{0}' is the name of organization '{1}'; read as its id — write the id ({1}) here",
        zh: "“{0}”是单位名称，已按其编号 {1} 读取；这里请写编号 {1}")
    static let indicatorByName = MessageTemplate(
        en: "'{0}' is the name of indicator '{1}'; read as its id — write the id ({1}) here",
        zh: "“{0}”是指标名称，已按其编号 {1} 读取；这里请写编号 {1}")
    static let wrongYear = MessageTemplate(
        en: "the data is for year {0}, but the rubric assesses {1}", zh: "数据是 {0} 年度的，而考核细则考核的是 {1} 年度；可能是上一年的文件")
    static let indicatorTwice = MessageTemplate(
        en: "indicator '{0}' is given twice for '{1}'", zh: "指标“{0}”为“{1}”填写了两次；每个指标只写一次")
    static let indicatorsNotAMap = MessageTemplate(
        en: "'indicators' must be a map of indicator id → value", zh: "indicators 应为“指标编号: 值”的映射，每行一个指标")
    static let vetoEntryShape = MessageTemplate(
        en: "a veto entry must be an id or {id, note}", zh: "否决事项应写成编号，或 {id: 编号, note: 说明}")
    static let unknownVeto = MessageTemplate(
        en: "unknown veto '{0}'{1} (expected one of: {2})", zh: "“{0}”不是本考核的一票否决事项{1}（应为：{2}）")
    static let vetoTwice = MessageTemplate(
        en: "veto '{0}' is given twice (first at line {1}); it counts once", zh: "否决事项“{0}”写了两次（第一次在第 {1} 行），只计一次")
    static let noYear = MessageTemplate(
        en: "the file gives no 'year'; add year: {0} (a file without one may be last year's)",
        zh: "文件没有写 year；请加上 year: {0}（没有年度的文件可能是上一年的）")
    static let unknownIndicator = MessageTemplate(
        en: "unknown indicator '{0}'{1}", zh: "“{0}”不是考核细则中的指标编号{1}")
    static let indicatorDoesNotApply = MessageTemplate(
        en: "indicator '{0}' does not apply to '{1}' (it applies to: {2})", zh: "指标“{0}”不适用于“{1}”（适用于：{2}）")
    static let adjustmentCount = MessageTemplate(
        en: "count of {0} '{1}' must be from 0 to below 10^9, found {2}", zh: "{0}项目“{1}”的次数应在 0 到 10^9 之间，实际为 {2}")
    static let unknownAdjustmentItem = MessageTemplate(
        en: "unknown {0} item '{1}'{2} (expected one of: {3})", zh: "“{1}”不是本考核的{0}项目{2}（应为：{3}）")
    static let surveyNotAMap = MessageTemplate(
        en: "'survey' must be a map of rater group → votes", zh: "survey 应为“测评组: 票数”的映射")
    static let unknownSurveyBlock = MessageTemplate(
        en: "unknown survey block '{0}'{1} (expected one of: {2})", zh: "“{0}”不是本考核的测评板块{1}（应为：{2}）")
    static let blockSurveyNotAMap = MessageTemplate(
        en: "the survey of '{0}' must be a map of rater group → votes", zh: "测评板块“{0}”应为“测评组: 票数”的映射")
    static let unknownGroup = MessageTemplate(
        en: "unknown rater group '{0}'{1} (expected one of: {2})", zh: "“{0}”不是本考核的测评组{1}（应为：{2}）")
    static let ballotRange = MessageTemplate(
        en: "a ballot of group '{0}' must be a number from 0 to 100, found {1}", zh: "测评组“{0}”的每张票应为 0 到 100 的数，实际为 {1}")
    static let unknownAnswer = MessageTemplate(
        en: "unknown answer '{0}' in group '{1}'{2} (expected one of: {3})", zh: "测评组“{1}”中的“{0}”不是测评档次{2}（应为：{3}）")
    static let answerCount = MessageTemplate(
        en: "the count of '{0}' in group '{1}' must be a whole number from 0 to below 10^9, found {2}",
        zh: "测评组“{1}”中“{0}”的人数应为 0 到 10^9 之间的整数，实际为 {2}")
    static let votesShape = MessageTemplate(
        en: "votes of group '{0}' must be counts per answer ({满意: 30, …}) or a list of scores, found {1}",
        zh: "测评组“{0}”应写各档人数（如 {满意: 30, …}）或分数列表（如 [92, 88]），实际为 {1}")

    // CSV data.
    static let unclosedQuote = MessageTemplate(
        en: "a quoted field opened on this line is never closed (a missing \"); everything after it would be one cell, so nothing of this file is read",
        zh: "这一行开始的引号没有结束（缺少 \"），其后的内容都会成为一个单元格，所以本文件未读取")
    static let emptyCSV = MessageTemplate(
        en: "the CSV file is empty (expected the header {0})", zh: "CSV 文件是空的（第一行应为表头 {0}）")
    static let csvHeaderLacks = MessageTemplate(
        en: "the CSV header lacks {0} (expected {1})", zh: "CSV 表头缺少 {0}（应为 {1}）")
    static let csvWrongYear = MessageTemplate(
        en: "the row is for year {0}, but the rubric assesses {1}", zh: "这一行是 {0} 年度的，而考核细则考核的是 {1} 年度")
    static let csvYearColumn = MessageTemplate(
        en: "the year column must hold a year such as {0}, found '{1}'", zh: "year 列应填年度，如 {0}，实际为“{1}”")
    static let csvNoSurveyBlock = MessageTemplate(
        en: "'{0}' names no survey block of the rubric", zh: "“{0}”：考核细则中没有测评板块")
    static let csvAdjustmentCount = MessageTemplate(
        en: "the value of '{0}' must be a count from 0 to below 10^9, found '{1}'", zh: "“{0}”的值应为 0 到 10^9 之间的次数，实际为“{1}”")
    static let csvSelfScore = MessageTemplate(
        en: "the self-score of '{0}' must be a number, found '{1}'", zh: "“{0}”的自评分应为数字，实际为“{1}”")
    static let csvNoYear = MessageTemplate(
        en: "the file gives no year (add a 'year' column with {0}); a file without one may be last year's",
        zh: "文件没有年度（请加一列 year，填 {0}）；没有年度的文件可能是上一年的")

    // Files and folders.
    static let cannotReadFile = MessageTemplate(
        en: "cannot read the file (no such file, or no permission)", zh: "无法读取文件（文件不存在，或没有权限）")
    static let cannotReadRubric = MessageTemplate(
        en: "cannot read the rubric (no such file, or no permission)", zh: "无法读取考核细则（文件不存在，或没有权限）")
    static let cannotReadScheme = MessageTemplate(
        en: "cannot read the weight scheme (no such file, or no permission)", zh: "无法读取权重方案（文件不存在，或没有权限）")
    static let noDataFolder = MessageTemplate(
        en: "no data folder (expected one file per organization)", zh: "没有 data 文件夹（每个单位一个数据文件）")
    static let dataGivenAgain = MessageTemplate(
        en: "data for '{0}' is given again (first in {1}); one organization's data lives in one file",
        zh: "“{0}”的数据又出现了一次（第一次在 {1}）；一个单位的数据只能放在一个文件里")
    static let noDataFor = MessageTemplate(
        en: "no data for organization '{0}' ({1}) in {2}", zh: "{2} 中没有单位“{1}”（{0}）的数据")
    static let noSpreadsheetReader = MessageTemplate(
        en: "spreadsheet forms cannot be read here (no spreadsheet reader was given)", zh: "这里不能读取表格文件")
    static let gbkRead = MessageTemplate(
        en: "read as {0} (GBK) text, the encoding Chinese Excel and WPS save CSV in; saving it as “CSV UTF-8” avoids the guess",
        zh: "按 {0}（GBK）编码读取，这是中文 Excel 和 WPS 保存 CSV 的默认编码；另存为“CSV UTF-8”可避免猜测")

    // Scoring.
    static let tooLarge = MessageTemplate(
        en: "{0} of '{1}' comes to {2}, at or above 10^15, more than a spreadsheet cell holds exactly; check the weights and points in the rubric",
        zh: "“{1}”的{0}达到 {2}，不小于 10^15，超过了表格单元格能精确保存的范围；请检查考核细则中的权重和分值")
    static let noValidVote = MessageTemplate(
        en: "'{0}' has no valid vote in any rater group of survey block '{1}'", zh: "“{0}”在测评板块“{1}”的所有测评组中都没有有效票")
    static let selfScoreRange = MessageTemplate(
        en: "the self-score {0} of indicator '{1}' ({2}) of '{3}' is outside 0 to {4} (its points in the rubric)",
        zh: "“{3}”的指标“{2}”（{1}）自评分 {0} 不在 0 到 {4} 之间（该指标在细则中的分值）")

    static let noValue = MessageTemplate(
        en: "no value for indicator '{0}' ({1}) of '{2}' (the indicator has no 'missing: zero'); {3}",
        zh: "“{2}”没有填写指标“{1}”（{0}）的值（该指标没有 missing: zero）；{3}")
    static let methodProblem = MessageTemplate(
        en: "indicator '{0}' ({1}, method {4}) of '{2}': {3}", zh: "“{2}”的指标“{1}”（{0}，{5}）：{3}")

    // Values, by method (rubric-format.md §5).
    static let expectedNumber = MessageTemplate(en: "expected a number, found '{0}'", zh: "应为数字，实际为“{0}”")
    static let targetMapMissing = MessageTemplate(
        en: "the target map has no entry for '{0}' and no 'default'", zh: "目标值表中没有“{0}”，也没有 default")
    static let expectedCount = MessageTemplate(en: "expected a count of at least 0, found {0}", zh: "应为不小于 0 的次数，实际为 {0}")
    static let occurrenceCount = MessageTemplate(
        en: "an occurrence's count must be a number of at least 0", zh: "每次情形的 count 应为不小于 0 的数")
    static let occurrenceShape = MessageTemplate(
        en: "an occurrence must be text or {note, count}, found '{0}'", zh: "每次情形应写成文字，或 {note: 说明, count: 次数}，实际为“{0}”")
    static let expectedOccurrences = MessageTemplate(
        en: "expected a count or a list of occurrences, found '{0}'", zh: "应为次数，或情形列表，实际为“{0}”")
    static let itemFraction = MessageTemplate(
        en: "item '{0}' must be true, false or a fraction from 0 to 1, found '{1}'", zh: "清单项“{0}”应为 是、否 或 0 到 1 之间的比例，实际为“{1}”")
    static let checklistShape = MessageTemplate(
        en: "expected a list of done item ids or a map of item → true/false/fraction",
        zh: "应为已完成项目编号的列表，或“项目编号: 是/否/比例”的映射")
    static let checklistItemTwice = MessageTemplate(en: "checklist item '{0}' is given twice", zh: "清单项“{0}”写了两次")
    static let unknownChecklistItem = MessageTemplate(
        en: "unknown checklist item '{0}'{1} (expected one of: {2})", zh: "“{0}”不是该指标的清单项{1}（应为：{2}）")
    static let unknownLevel = MessageTemplate(
        en: "level '{0}' is not one of: {2}{1}", zh: "“{0}”不是评价等级{1}（应为：{2}）")
    static let expectedYesNo = MessageTemplate(en: "expected true/false (是/否), found '{0}'", zh: "应为 是 或 否（true/false），实际为“{0}”")
    static let noRankingPosition = MessageTemplate(en: "no ranking position", zh: "没有排名位次")
    static let expectedNumbers = MessageTemplate(en: "expected a list of numbers, found '{0}'", zh: "应为数字列表（如 [92, 88]），实际为“{0}”")
    static let numberOutsideScale = MessageTemplate(
        en: "every number must be from 0 to {0}, found '{1}'", zh: "每个数都应在 0 到 {0} 之间，实际有“{1}”")
    static let emptyNumbers = MessageTemplate(en: "the list of numbers is empty", zh: "数字列表是空的")
    static let manualRange = MessageTemplate(
        en: "a manual score must be from 0 to {0}, found {1}", zh: "直接评分应在 0 到 {0} 之间，实际为 {1}")

    // What a value should look like, by method.
    static let expectsNumber = MessageTemplate(en: "give a number", zh: "请填写数字")
    static let expectsCount = MessageTemplate(en: "give a count (0 if none) or a list of occurrences", zh: "请填写次数（没有填 0）或情形列表")
    static let expectsYesNo = MessageTemplate(en: "give true or false (是/否)", zh: "请填写 是 或 否")
    static let expectsLevel = MessageTemplate(en: "give one of: {0}", zh: "请填写 {0} 之一")
    static let expectsChecklist = MessageTemplate(en: "give the done item ids, e.g. [{0}]", zh: "请列出已完成的项目编号，如 [{0}]")
    static let expectsNumbers = MessageTemplate(en: "give a list of numbers, e.g. [92, 88]", zh: "请填写数字列表，如 [92, 88]")

    // YAML syntax, with what usually causes it.
    static let yamlSyntax = MessageTemplate(en: "YAML syntax: {0}", zh: "YAML 格式错误：{0}")
    static let duplicateKey = MessageTemplate(en: "duplicate key {0} in one map", zh: "同一层中键 {0} 重复出现")
    static let withHint = MessageTemplate(en: "{0} — {1}", zh: "{0}——{1}")
    static let hintFullWidthColon = MessageTemplate(
        en: "line {0} has a full-width colon '：'; YAML needs the ASCII colon ':' followed by a space",
        zh: "第 {0} 行有全角冒号“：”；YAML 要用半角冒号“:”，后面加一个空格")
    static let hintTab = MessageTemplate(
        en: "line {0} has a tab; YAML indents with spaces only", zh: "第 {0} 行有制表符（Tab）；YAML 只能用空格缩进")
    static let hintFullWidth = MessageTemplate(
        en: "line {0} has full-width digits or punctuation (０-９ ， ［ ］); type them half-width",
        zh: "第 {0} 行有全角数字或标点（０-９ ， ［ ］）；请改用半角输入")

    // The shapes of the files (any map or list).
    static let mustBeMap = MessageTemplate(en: "{0} must be a map, found {1}{2}", zh: "{0}应为“键: 值”的映射，实际为 {1}{2}")
    static let needsKey = MessageTemplate(en: "{0} needs '{1}'", zh: "{0}缺少 {1}")
    static let mustBeText = MessageTemplate(en: "'{0}' of {1} must be text, found {2}", zh: "{1}的 {0} 应为文字，实际为 {2}")
    static let needsNumber = MessageTemplate(en: "{0} needs '{1}' (a number)", zh: "{0}缺少 {1}（一个数）")
    static let mustBeNumber = MessageTemplate(en: "'{0}' of {1} must be a number, found {2}{3}", zh: "{1}的 {0} 应为数字，实际为 {2}{3}")
    static let mustBeWhole = MessageTemplate(en: "'{0}' of {1} must be a whole number, found '{2}'", zh: "{1}的 {0} 应为整数，实际为“{2}”")
    static let unknownKey = MessageTemplate(
        en: "unknown key '{0}' in {1} is ignored{2} (known keys: {3})", zh: "{1}中未知的键“{0}”已忽略{2}（可用的键：{3}）")
    static let mustBeList = MessageTemplate(en: "{0} must be a list, found {1}", zh: "{0}应为列表（每项以“- ”开头），实际为 {1}")
    static let duplicateID = MessageTemplate(
        en: "duplicate {0} id '{1}' (first defined at line {2})", zh: "{0}编号“{1}”重复（第一次在第 {2} 行）")
    static let hintNumberFullWidth = MessageTemplate(
        en: " — it has full-width digits; type them half-width", zh: "——其中有全角数字，请改用半角输入")
    static let hintNumberList = MessageTemplate(
        en: " — several numbers go in a list: [92, 88]", zh: "——多个数请写成列表：[92, 88]（半角逗号）")
    static let hintNumberUnit = MessageTemplate(
        en: " — write the number alone, without its unit", zh: "——只写数字，不要带单位")
}

/// What an indicator's value should look like, for "no value" messages.
enum FormValueHint {
    static func expected(_ indicator: Indicator) -> Message {
        switch indicator.method {
        case .ratio, .linear, .bands, .rank, .manual: Catalog.expectsNumber()
        case .deduct(_, let threshold): threshold == nil ? Catalog.expectsCount() : Catalog.expectsNumber()
        case .yesno: Catalog.expectsYesNo()
        case .levels(let levels): Catalog.expectsLevel(levels.map(\.name).joined(separator: "、"))
        case .checklist(let items): Catalog.expectsChecklist(items.prefix(2).map(\.id).joined(separator: ", "))
        case .average: Catalog.expectsNumbers()
        }
    }

}
