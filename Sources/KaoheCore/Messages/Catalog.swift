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
        en:
            "a quoted field opened on this line is never closed (a missing \"); everything after it would be one cell, so nothing of this file is read",
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
    // The rubric (rubric-format.md §3–§8).
    static let needsFormatVersion = MessageTemplate(
        en: "the rubric needs 'kaohe: 1' (the format version)",
        zh: "考核细则需要 kaohe: 1（格式版本）")
    static let unsupportedVersion = MessageTemplate(
        en: "format version {0} is not supported (expected 1)",
        zh: "不支持格式版本 {0}（应为 1）")
    static let assessmentIDName = MessageTemplate(
        en: "'assessment.id' names the output folder, so it {0}, found '{1}'",
        zh: "assessment.id 用作输出文件夹名，所以它{0}，实际为“{1}”")
    static let decimalsRange = MessageTemplate(
        en: "'decimals' must be between 0 and 6, found {0}",
        zh: "decimals 应在 0 到 6 之间，实际为 {0}")
    static let totalAboveZero = MessageTemplate(
        en: "'total' must be above 0, found {0}",
        zh: "total 应大于 0，实际为 {0}")
    static let needsAssessment = MessageTemplate(
        en: "the rubric needs an 'assessment' map (id, title, year)",
        zh: "考核细则需要 assessment（id、title、year）")
    static let organizationIDName = MessageTemplate(
        en: "an organization id names its files (data/<id>.yaml, --split), so it {0}, found '{1}'",
        zh: "单位编号用作文件名（data/<编号>.yaml、--split），所以它{0}，实际为“{1}”")
    static let unknownCategory = MessageTemplate(
        en: "organization '{0}' names unknown category '{1}' (expected one of: {2})",
        zh: "单位“{0}”的类别“{1}”不存在（应为：{2}）")
    static let needsCategory = MessageTemplate(
        en: "organization '{0}' needs a 'category' (one of: {1})",
        zh: "单位“{0}”需要 category（类别：{1}）")
    static let noOrganizations = MessageTemplate(
        en: "the rubric lists no organizations",
        zh: "考核细则中没有列出任何单位")
    static let negativeBlockWeight = MessageTemplate(
        en: "block '{0}' has a negative weight {1}",
        zh: "考核板块“{0}”的权重为负数 {1}")
    static let unknownSource = MessageTemplate(
        en: "block '{0}' has unknown source '{1}' (expected indicators or survey)",
        zh: "考核板块“{0}”的 source“{1}”无法识别（应为 indicators 或 survey）")
    static let needsSurvey = MessageTemplate(
        en: "survey block '{0}' needs a 'survey' map (answers, groups)",
        zh: "测评板块“{0}”需要 survey（answers、groups）")
    static let oneIndicatorBlock = MessageTemplate(
        en: "exactly one block must have 'source: indicators', found {0}",
        zh: "必须恰好有一个 source: indicators 的考核板块，实际有 {0} 个")
    static let blockSum = MessageTemplate(
        en: "block weights add up to {0}, but assessment.total is {1} (they must be equal; nothing is renormalized)",
        zh: "考核板块权重合计为 {0}，而 assessment.total 为 {1}（两者必须相等，不会自动折算）")
    static let dimensionPoints = MessageTemplate(
        en: "dimension '{0}' must have points above 0, found {1}",
        zh: "一级指标“{0}”的分值应大于 0，实际为 {1}")
    static let dimensionEmpty = MessageTemplate(
        en: "dimension '{0}' has no indicators",
        zh: "一级指标“{0}”下没有二级指标")
    static let dimensionNotApplicable = MessageTemplate(
        en: "dimension '{0}' has no indicator that applies to organization '{1}'",
        zh: "一级指标“{0}”下没有适用于单位“{1}”的指标")
    static let needsDimensions = MessageTemplate(
        en: "the rubric needs 'dimensions' (the indicator tree)",
        zh: "考核细则需要 dimensions（指标体系）")
    static let quotaRange = MessageTemplate(
        en: "quota of grade '{0}' must be above 0 and at most 1, found {1}",
        zh: "等次“{0}”的名额比例应大于 0 且不超过 1，实际为 {1}")
    static let quotaRounding = MessageTemplate(
        en: "quota_rounding must be floor, ceil or round, found '{0}'",
        zh: "quota_rounding 应为 floor、ceil 或 round，实际为“{0}”")
    static let quotaTies = MessageTemplate(
        en: "quota_ties must be exclude or include, found '{0}'",
        zh: "quota_ties 应为 exclude 或 include，实际为“{0}”")
    static let needsGrades = MessageTemplate(
        en: "the rubric needs 'grades' (highest first, the last without 'min')",
        zh: "考核细则需要 grades（等次，从高到低，最后一个不写 min）")
    static let lastGradeMin = MessageTemplate(
        en: "the last grade '{0}' must not have a 'min' (it takes every remaining score)",
        zh: "最后一个等次“{0}”不能写 min（它接收其余所有分数）")
    static let gradeMinOrder = MessageTemplate(
        en: "grade 'min' values must decrease from the first grade to the last, found {0}",
        zh: "各等次的 min 应从高到低递减，实际为 {0}")
    static let vetoNeedsEffect = MessageTemplate(
        en: "veto '{0}' needs an 'effect' (grade, demote or max_grade)",
        zh: "一票否决“{0}”需要 effect（grade、demote 或 max_grade）")
    static let demoteAtLeastOne = MessageTemplate(
        en: "demote must be at least 1, found {0}",
        zh: "demote 至少为 1，实际为 {0}")
    static let vetoUnknownGrade = MessageTemplate(
        en: "veto '{0}' names unknown grade '{1}' (expected one of: {2})",
        zh: "一票否决“{0}”指定的等次“{1}”不存在（应为：{2}）")
    static let vetoEffectKind = MessageTemplate(
        en: "veto '{0}' needs one of grade, demote or max_grade in its effect",
        zh: "一票否决“{0}”的 effect 需要 grade、demote 或 max_grade 之一")
    static let rankingWithin = MessageTemplate(
        en: "ranking.within must be category or all, found '{0}'",
        zh: "ranking.within 应为 category 或 all，实际为“{0}”")
    static let tieBreakBlock = MessageTemplate(
        en: "tie_break names unknown block {0} (expected one of: {1})",
        zh: "tie_break 中的考核板块 {0} 不存在（应为：{1}）")
    static let answerScore = MessageTemplate(
        en: "answer '{0}' must have a score from 0 to 100 or null (not a valid vote), found {1}",
        zh: "测评档次“{0}”的分数应为 0 到 100，或 null（不计入有效票），实际为 {1}")
    static let answersShape = MessageTemplate(
        en: "survey answers must be a map of answer → score (or null)",
        zh: "answers 应为“档次: 分数（或 null）”的映射")
    static let groupWeight = MessageTemplate(
        en: "rater group '{0}' must have a weight above 0, found {1}",
        zh: "测评组“{0}”的权重应大于 0，实际为 {1}")
    static let needsGroups = MessageTemplate(
        en: "survey block '{0}' needs at least one rater group",
        zh: "测评板块“{0}”至少需要一个测评组")
    static let trimNegative = MessageTemplate(
        en: "trim must not be negative, found {0}",
        zh: "trim 不能为负数，实际为 {0}")
    static let capNegative = MessageTemplate(
        en: "the cap of {0} must not be negative, found {1}",
        zh: "{0}的上限不能为负数，实际为 {1}")
    static let itemNegativePoints = MessageTemplate(
        en: "item '{0}' has negative points {1} (penalties are written as positive points)",
        zh: "项目“{0}”的分值为负数 {1}（扣分项目也写正数）")
    static let itemNegativeCap = MessageTemplate(
        en: "item '{0}' has a negative cap {1}",
        zh: "项目“{0}”的上限为负数 {1}")
    static let ballotsRange = MessageTemplate(
        en: "'ballots' must be from 1 to 1000, found {0}",
        zh: "ballots 应在 1 到 1000 之间，实际为 {0}")

    // Indicators and their methods (rubric-format.md §4–§5).
    static let indicatorPoints = MessageTemplate(
        en: "indicator '{0}' must have points above 0, found {1}",
        zh: "指标“{0}”的分值应大于 0，实际为 {1}")
    static let appliesToUnknown = MessageTemplate(
        en: "indicator '{0}' applies to unknown organization {1}",
        zh: "指标“{0}”的适用单位 {1} 不存在")
    static let appliesToNone = MessageTemplate(
        en: "indicator '{0}' applies to no organization",
        zh: "指标“{0}”没有适用单位")
    static let missingRule = MessageTemplate(
        en: "'missing' must be zero or error, found '{0}'",
        zh: "missing 应为 zero 或 error，实际为“{0}”")
    static let directionRule = MessageTemplate(
        en: "'direction' must be higher or lower, found '{0}'",
        zh: "direction 应为 higher 或 lower，实际为“{0}”")
    static let missingParameter = MessageTemplate(
        en: "indicator '{0}' (method {1}) is missing parameter '{2}'",
        zh: "指标“{0}”（{1}）缺少参数 {2}")
    static let parameterNegative = MessageTemplate(
        en: "'{0}' of indicator '{1}' must not be negative, found {2}",
        zh: "指标“{1}”的 {0} 不能为负数，实际为 {2}")
    static let missingListParameter = MessageTemplate(
        en: "indicator '{0}' (method {1}) is missing parameter '{2}' ({3})",
        zh: "指标“{0}”（{1}）缺少参数 {2}（{3}）")
    static let targetAboveZero = MessageTemplate(
        en: "target of indicator '{0}' must be above 0, found {1}",
        zh: "指标“{0}”的 target 应大于 0，实际为 {1}")
    static let targetEntry = MessageTemplate(
        en: "target '{0}' of indicator '{1}' must be a number above 0, found {2}",
        zh: "指标“{1}”中 target 的“{0}”应为大于 0 的数，实际为 {2}")
    static let targetKey = MessageTemplate(
        en: "target key '{0}' of indicator '{1}' is not an organization of the rubric (expected organization ids or 'default')",
        zh: "指标“{1}”的 target 中“{0}”不是本考核的单位（应为单位编号或 default）")
    static let targetShape = MessageTemplate(
        en: "target of indicator '{0}' must be a number or a map of organization → number",
        zh: "指标“{0}”的 target 应为一个数，或“单位编号: 数”的映射")
    static let ratioNeedsTarget = MessageTemplate(
        en: "indicator '{0}' (method ratio) is missing parameter 'target'",
        zh: "指标“{0}”（ratio）缺少参数 target")
    static let indicatorCap = MessageTemplate(
        en: "cap of indicator '{0}' must be above 0, found {1}",
        zh: "指标“{0}”的 cap 应大于 0，实际为 {1}")
    static let zeroFullDiffer = MessageTemplate(
        en: "'zero' and 'full' of indicator '{0}' must differ (both are {1})",
        zh: "指标“{0}”的 zero 和 full 不能相同（都是 {1}）")
    static let bandPoints = MessageTemplate(
        en: "band points {0} are above the points of indicator '{1}' ({2})",
        zh: "档次分值 {0} 超过了指标“{1}”的分值（{2}）")
    static let bandNeedsBound = MessageTemplate(
        en: "a band of '{0}' needs 'min' or 'max'",
        zh: "指标“{0}”的一个档次需要 min 或 max")
    static let elsePoints = MessageTemplate(
        en: "'else' points {0} are above the points of indicator '{1}' ({2})",
        zh: "else 分值 {0} 超过了指标“{1}”的分值（{2}）")
    static let stepAboveZero = MessageTemplate(
        en: "'step' of indicator '{0}' must be above 0, found {1}",
        zh: "指标“{0}”的 step 应大于 0，实际为 {1}")
    static let stepsRule = MessageTemplate(
        en: "'steps' must be exact, floor or ceil, found '{0}'",
        zh: "steps 应为 exact、floor 或 ceil，实际为“{0}”")
    static let checklistSum = MessageTemplate(
        en: "checklist items of indicator '{0}' add up to {1}, but the indicator has {2} points",
        zh: "指标“{0}”各清单项分值合计 {1}，而指标分值为 {2}")
    static let levelsNeeded = MessageTemplate(
        en: "indicator '{0}' (method levels) is missing parameter 'levels' (a map of level → fraction)",
        zh: "指标“{0}”（levels）缺少参数 levels（“等级: 得分比例”的映射）")
    static let levelFraction = MessageTemplate(
        en: "level '{0}' of indicator '{1}' must be a fraction from 0 to 1, found {2}",
        zh: "指标“{1}”的等级“{0}”应为 0 到 1 之间的比例，实际为 {2}")
    static let noPointsAbove = MessageTemplate(
        en: "no_points {0} are above the points of indicator '{1}' ({2})",
        zh: "no_points {0} 超过了指标“{1}”的分值（{2}）")
    static let topAtLeastOne = MessageTemplate(
        en: "'top' of indicator '{0}' must be at least 1",
        zh: "指标“{0}”的 top 至少为 1")
    static let minAbove = MessageTemplate(
        en: "'min' {0} is above the points of indicator '{1}' ({2})",
        zh: "min {0} 超过了指标“{1}”的分值（{2}）")
    static let scaleAboveZero = MessageTemplate(
        en: "'scale' of indicator '{0}' must be above 0",
        zh: "指标“{0}”的 scale 应大于 0")
    static let trimIndicator = MessageTemplate(
        en: "'trim' of indicator '{0}' must not be negative",
        zh: "指标“{0}”的 trim 不能为负数")
    static let unknownMethod = MessageTemplate(
        en: "unknown method '{0}' for indicator '{1}' (expected one of: {2})",
        zh: "指标“{1}”的计分方法“{0}”无法识别（应为：{2}）")
    // Writing the outputs.
    static let outputProblem = MessageTemplate(
        en: "'{0}' {1}; {2}. Nothing was replaced.", zh: "“{0}”{1}；{2}。原有文件均未被替换。")
    static let cannotWriteBecause = MessageTemplate(en: "cannot be written ({0})", zh: "无法写入（{0}）")
    static let checkTheFolder = MessageTemplate(en: "check the folder and run again", zh: "请检查该文件夹后重新运行")
    static let fileInTheWay = MessageTemplate(en: "cannot be created: a file is in the way", zh: "无法创建：同名文件已存在")
    static let moveTheFile = MessageTemplate(en: "choose another --out, or move the file away", zh: "请换一个 --out，或移走该文件")
    static let noPermission = MessageTemplate(en: "cannot be written: no permission", zh: "无法写入：没有权限")
    static let chooseWritableFolder = MessageTemplate(
        en: "choose a folder you may write to with --out", zh: "请用 --out 指定一个有写入权限的文件夹")
    static let diskFull = MessageTemplate(en: "cannot be written: the disk is full", zh: "无法写入：磁盘已满")
    static let freeSpace = MessageTemplate(
        en: "free some space and run again (the previous output is untouched)", zh: "请清理磁盘空间后重新运行（上次的结果未受影响）")
    static let readOnlyDisk = MessageTemplate(en: "cannot be written: the disk is read-only", zh: "无法写入：磁盘只读")
    static let chooseAnotherOut = MessageTemplate(en: "choose another --out", zh: "请换一个 --out")
    static let folderGone = MessageTemplate(en: "cannot be written: its folder has gone", zh: "无法写入：所在文件夹已不存在")
    static let runAgain = MessageTemplate(en: "run again", zh: "请重新运行")
    public static let spreadsheetUnreadable = MessageTemplate(
        en: "cannot be read as an .xlsx file ({0}); open it in WPS, Excel or LibreOffice, save it as .xlsx and send that",
        zh: "无法作为 .xlsx 文件读取（{0}）；请用 WPS、Excel 或 LibreOffice 打开后另存为 .xlsx 再报送")
    static let isAFileNotAFolder = MessageTemplate(en: "is a file, not a folder", zh: "是一个文件，不是文件夹")
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
