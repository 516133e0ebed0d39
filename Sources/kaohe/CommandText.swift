import KaoheCore

/// What the commands say on the terminal, in both languages (the loaders' and scorer's messages are in `Catalog`).
enum Say {
    static let problems = MessageTemplate(en: "{0} problem(s) found; nothing was written.", zh: "发现 {0} 个问题，未写出任何文件。")
    static let rubricProblems = MessageTemplate(
        en: "{0} problem(s) in the rubric; nothing was written.",
        zh: "考核细则中有 {0} 个问题，未写出任何文件。")
    static let ledgerProblems = MessageTemplate(
        en: "{0} problem(s) in the ledger; nothing was written.",
        zh: "联席会议台账中有 {0} 个问题，未写出任何文件。")
    static let failed = MessageTemplate(en: "error: {0}", zh: "错误：{0}")
    static let valid = MessageTemplate(
        en: "valid: {0} — {1} organizations, {2} indicators, {3} data files, {4} weight schemes",
        zh: "检查通过：{0} — {1} 个单位，{2} 个指标，{3} 个数据文件，{4} 个权重方案")
    static let scored = MessageTemplate(en: "scored {0} organizations ({1}) with {2}", zh: "已为 {0} 个单位评分（{1}），{2}")
    static let withinCategories = MessageTemplate(en: "ranked within categories", zh: "按类别排名")
    static let together = MessageTemplate(en: "ranked together", zh: "统一排名")
    static let withScheme = MessageTemplate(en: "scheme '{0}'", zh: "权重方案“{0}”")
    static let ownWeights = MessageTemplate(en: "the rubric's own weights", zh: "按考核细则原定权重")
    static let collected = MessageTemplate(
        en: "wrote {0} data files to {1}; {2} error(s), {3} warning(s)", zh: "已写出 {0} 个数据文件到 {1}；错误 {2} 个，警告 {3} 个")
    static let next = MessageTemplate(en: "; next: {0}", zh: "；下一步：{0}")
    static let ledgerUpdated = MessageTemplate(
        en: "updated {0} item(s) of the joint meeting ledger from the returned 督办台账", zh: "已按报送的督办台账更新联席会议台账 {0} 件事项")
    static let keptAs = MessageTemplate(en: "note: {0} kept as {1}", zh: "提示：原文件 {0} 保留为 {1}")
    static let wroteSelfForms = MessageTemplate(
        en: "wrote {0} 自评表 for {1}; send them out, then read the returned files with: kaohe collect {2} <folder>",
        zh: "已为“{1}”生成 {0} 份自评表；发给各单位填写，收回后运行：kaohe collect {2} <文件夹>")
    static let wroteReviewForms = MessageTemplate(
        en: "wrote {0} 核定表 for {1}; send each to its unit, then read the returned files with: kaohe collect {2} <folder>",
        zh: "已为“{1}”生成 {0} 份核定表；分别发给各考核责任单位核定，收回后运行：kaohe collect {2} <文件夹>")
    static let wroteSurveyForms = MessageTemplate(
        en: "wrote {0} 测评统计表 for {1}; fill in the tallies, then read them with: kaohe collect {2} <folder>",
        zh: "已为“{1}”生成 {0} 份测评统计表；填好票数后运行：kaohe collect {2} <文件夹>")
    static let compared = MessageTemplate(
        en: "{0}: Spearman {1}, mean rank shift {2}, {3} grade change(s)", zh: "{0}：斯皮尔曼等级相关 {1}，平均排名变动 {2}，等次变化 {3} 个单位")
    static let sensitivity = MessageTemplate(
        en: "seed {0}, ±{1}%, {2} runs; mean rank shift {3}, Spearman {4}; grade sensitive to weights: {5}",
        zh: "种子 {0}，扰动 ±{1}%，{2} 次模拟；平均排名变动 {3}，斯皮尔曼等级相关 {4}；等次受权重影响的单位：{5}")
    static let none = MessageTemplate(en: "none", zh: "无")
    // Usage errors (from the commands' validate()).
    static let notAFolder = MessageTemplate(
        en: "'{0}' is not an assessment folder.",
        zh: "“{0}”不是考核文件夹。")
    static let notADate = MessageTemplate(
        en: "{0} '{1}' is not a date (write it as 2024-12-31).",
        zh: "{0}“{1}”不是日期（请写成 2024-12-31）。")
    static let noReturnedFolder = MessageTemplate(
        en: "'{0}' does not exist (give the folder holding the returned forms).",
        zh: "“{0}”不存在（请给出存放收回表格的文件夹）。")
    static let noScheme = MessageTemplate(
        en: "No scheme to compare: give --weights or put schemes in {0}/weights.",
        zh: "没有可比较的权重方案：请用 --weights 指定，或把方案放在 {0}/weights 中。")
    static let noOrganization = MessageTemplate(
        en: "No organization '{0}' in the rubric (expected one of: {1}).",
        zh: "考核细则中没有单位“{0}”（应为：{1}）。")
    static let reviewOrSurvey = MessageTemplate(
        en: "--review and --survey write different forms; give one of them.",
        zh: "--review 和 --survey 生成的是不同的表，只能给一个。")
    static let selfOnlyOptions = MessageTemplate(
        en: "--organization, --prefill and --cells are for the 自评表; leave them out with --review or --survey.",
        zh: "--organization、--prefill 和 --cells 只用于自评表；与 --review 或 --survey 一起用时请去掉。")
    static let unitNeedsReview = MessageTemplate(
        en: "--unit chooses 核定表; give it with --review.",
        zh: "--unit 用于选择核定表，请与 --review 一起用。")
    static let noPrefill = MessageTemplate(
        en: "--prefill '{0}' does not exist (give last year's assessment folder or its data folder).",
        zh: "--prefill“{0}”不存在（请给出上一年度的考核文件夹或其数据文件夹）。")
    static let unknownOrganizations = MessageTemplate(
        en: "unknown organization {0} (expected one of: {1})",
        zh: "未知的单位 {0}（应为：{1}）")
    static let unknownUnits = MessageTemplate(
        en: "unknown scorer unit {0} (expected one of: {1})",
        zh: "未知的考核责任单位 {0}（应为：{1}）")
    static let noSurveyBlock = MessageTemplate(
        en: "the rubric has no survey block; there is no 测评统计表 to write.",
        zh: "考核细则中没有测评板块，没有测评统计表可生成。")
    static let exists = MessageTemplate(
        en: "'{0}' already exists; choose a new folder (nothing was overwritten).",
        zh: "“{0}”已经存在；请换一个新文件夹名（未覆盖任何文件）。")
    static let noTemplate = MessageTemplate(
        en: "Cannot find the bundled assessment ({0}); run from the kaohe checkout or set KAOHE_TEMPLATE to its folder.",
        zh: "找不到内置考核模板（{0}）；请重新安装，或设置 KAOHE_TEMPLATE 指向模板文件夹。")
    static let memoryBudget = MessageTemplate(
        en: "--memory-budget must be a number of megabytes (0 or more), found {0}.",
        zh: "--memory-budget 应为兆字节数（0 或更大），实际为 {0}。")
    static let perturb = MessageTemplate(
        en: "--perturb must be a percentage from 0% to below 100% (e.g. 20%), not '{0}'.",
        zh: "--perturb 应为 0% 到 100% 以下的百分数（如 20%），而不是“{0}”。")
    static let runs = MessageTemplate(
        en: "--runs must be from 1 to 1000000.",
        zh: "--runs 应在 1 到 1000000 之间。")
    static let synthCount = MessageTemplate(
        en: "--organizations must be at least 1.",
        zh: "--organizations 至少为 1。")
    // Notes and errors of the commands.
    static let noWeightScheme = MessageTemplate(
        en: "error: no weight scheme '{0}' (a file path, or one of: {1})",
        zh: "错误：没有权重方案“{0}”（应为文件路径，或以下之一：{1}）")
    static let noDataYet = MessageTemplate(
        en: "note: no data yet for {0}; their rows are not prefilled",
        zh: "提示：{0} 还没有数据，其各行未预填")
    static let dataProblems = MessageTemplate(
        en: "note: the data files above have problems; their organizations' rows are not prefilled",
        zh: "提示：上面列出的数据文件有问题，相应单位的各行未预填")
    static let previousSkipped = MessageTemplate(
        en: "note: {0} entries of {1} do not fit this year's rubric and are not shown as 上年完成情况",
        zh: "提示：{1} 中有 {0} 条与本年度细则不符，未显示在“上年完成情况”中")
    static let carryCSV = MessageTemplate(
        en: "error: {0}/items.csv exists; --carry-over writes items.yaml — convert the CSV ledger to items.yaml first",
        zh: "错误：{0}/items.csv 已存在；--carry-over 写的是 items.yaml，请先把 CSV 台账转成 items.yaml")
    static let carryErrors = MessageTemplate(
        en: "the ledger of {0} has errors; nothing was carried over.",
        zh: "{0} 的台账有错误，未结转任何事项。")
    static let carryUnknown = MessageTemplate(
        en: "error: {0}/rubric.yaml has no organization {1}; add them before carrying their items over",
        zh: "错误：{0}/rubric.yaml 中没有单位 {1}；请先在下一年度细则中加上这些单位再结转")
    static let carried = MessageTemplate(
        en: "carried {0} open item(s) into {1}{2}",
        zh: "已将 {0} 件未办结事项结转到 {1}{2}")
    static let noLedger = MessageTemplate(
        en: "error: {0} has no {1}/ (meetings.yaml and items.yaml)",
        zh: "错误：{0} 中没有 {1}/（meetings.yaml 和 items.yaml）")
    static let streamed = MessageTemplate(
        en:
            "note: the workbook would take more than {0} MB with a shared-string table, so it is streamed (constant-memory mode, inline strings): Excel and LibreOffice open it, older WPS releases may not; raise --memory-budget to avoid this",
        zh: "提示：使用共享字符串表时工作簿将超过 {0} MB 内存，因此以流式写出（常量内存模式，内联字符串）：Excel 和 LibreOffice 可以打开，旧版 WPS 可能打不开；提高 --memory-budget 可避免")
    // Status lines.
    static let statusLine = MessageTemplate(
        en: "{0}\t{1}\t{2}\t{3} error(s)\t{4} warning(s)\t{5}", zh: "{0}\t{1}\t{2}\t错误 {3}\t警告 {4}\t{5}")
    static let unmatched = MessageTemplate(en: "not recognised\t{0}", zh: "未识别\t{0}")
    static func state(_ state: CollectionRound.State) -> Message {
        switch state {
        case .received: MessageTemplate(en: "received", zh: state.rawValue)()
        case .missing: MessageTemplate(en: "missing", zh: state.rawValue)()
        case .withErrors: MessageTemplate(en: "with errors", zh: state.rawValue)()
        case .withWarnings: MessageTemplate(en: "with warnings", zh: state.rawValue)()
        case .collectedBefore: MessageTemplate(en: "collected before", zh: state.rawValue)()
        }
    }
    static let ledgerSummary = MessageTemplate(
        en: "as of {0}: {1} items, {2} agreed, {3} closed, {4} open", zh: "截至 {0}：事项 {1} 件，议定 {2} 件，已办结 {3} 件，未办结 {4} 件")
    static let overdueBy = MessageTemplate(en: "overdue by {0} day(s)", zh: "超期 {0} 天")
    static let dueOn = MessageTemplate(en: "due {0}", zh: "时限 {0}")
    static let writingLedger = MessageTemplate(en: "writing 明细", zh: "正在写明细")
    static let sensitivityRuns = MessageTemplate(en: "sensitivity", zh: "敏感性模拟")
    static let organizationsUnit = MessageTemplate(en: "organizations", zh: "个单位")
    static let runsUnit = MessageTemplate(en: "runs", zh: "次")
    static let badLanguage = MessageTemplate(en: "--lang must be zh or en, found '{0}'", zh: "--lang 只能是 zh 或 en，实际为“{0}”")
}

/// Prints a message in the current language to standard error.
func printError(_ message: Message) { printError(message.text(.current)) }

/// Help text in the current language (`--lang`, or the environment): the English, or the Chinese beside it.
func bilingual(_ en: String, _ zh: String) -> String { Language.current == .en ? en : zh }

/// The words the argument parser itself puts around usage errors and help (`Error:`, `Usage:`, `OPTIONS:` …),
/// in Chinese when that is the language; the messages between them are already the commands' own.
enum ParserWords {
    static let chinese: [(en: String, zh: String)] = [
        ("Error: ", "错误："), ("Usage: ", "用法："), ("Help:  ", "说明："),
        ("OVERVIEW: ", "概述："), ("USAGE: ", "用法："), ("ARGUMENTS:", "参数："), ("OPTIONS:", "选项："),
        ("SUBCOMMANDS:", "子命令："), ("Missing expected argument ", "缺少参数 "), ("Unknown option ", "未知选项 "),
        ("Unexpected argument ", "多余的参数 "), ("Missing value for ", "缺少选项的值："), ("Did you mean ", "是不是 "),
        ("Show help information.", "显示帮助信息。"), ("Show the version.", "显示版本号。")
    ]

    static func localized(_ text: String) -> String {
        guard Language.current == .zh else { return text }
        var out = text
        for (en, zh) in chinese { out = out.replacingOccurrences(of: en, with: zh) }
        // "See 'kaohe score --help' for more information." and "See 'kaohe help <subcommand>' for detailed help."
        out = out.replacingOccurrences(of: #"See '([^']+)' for more information\."#, with: "详见 $1。", options: .regularExpression)
        out = out.replacingOccurrences(of: #"See '([^']+)' for detailed help\."#, with: "各子命令的详细说明见 $1。", options: .regularExpression)
        out = out.replacingOccurrences(of: #" ?\(default: ([^)\n]*)\)"#, with: "（默认：$1）", options: .regularExpression)
        out = out.replacingOccurrences(of: #" ?\(values: ([^)\n]*)\)"#, with: "（可选：$1）", options: .regularExpression)
        out = out.replacingOccurrences(of: #"The value '([^']*)' is invalid for '([^']+)'"#, with: "值“$1”不适用于 $2", options: .regularExpression)
        return out
    }
}
