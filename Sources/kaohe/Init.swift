import ArgumentParser
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: bilingual(
            "Start a new assessment folder from the bundled 2024 county mass-organization assessment.", "以内置的 2024 年度县级群团组织考核为模板，新建一个考核文件夹。"),
        discussion: bilingual(
            "Copies rubric.yaml, weights/ and README.md, with an empty data/ to be filled through forms (kaohe forms, then kaohe collect) and an empty joint meeting ledger (meeting/meetings.yaml and items.yaml, to be kept through the year; kaohe meeting); --with-sample-data copies the sample organizations' data and ledger too. Refuses to write into an existing folder.",
            "复制 rubric.yaml、weights/ 和 README.md，data/ 为空，留待通过表格填写（先 kaohe forms，再 kaohe collect），联席会议台账为空（meeting/meetings.yaml 和 items.yaml，全年维护；见 kaohe meeting）；加 --with-sample-data 时同时复制示例单位的数据和台账。目标文件夹已存在时不写入。"
        ))

    @Argument(help: ArgumentHelp(bilingual("The folder to create.", "要新建的文件夹。")), completion: .directory)
    var folder: String

    @Flag(
        help: ArgumentHelp(
            bilingual("Also copy the bundled sample data (data/), to try the tool before the real round.", "同时复制示例数据（data/ 和联席会议台账），在正式收集前试用。")))
    var withSampleData = false

    func validate() throws {
        if FileManager.default.fileExists(atPath: folder) {
            throw ValidationError(Say.exists(folder).text(.current))
        }
    }

    func run() throws {
        guard let source = BundledAssessment.locate() else {
            throw ValidationError(Say.noTemplate(BundledAssessment.relativePath).text(.current))
        }
        var files = BundledAssessment.files(at: source).filter { withSampleData || !($0.key.hasPrefix("data/") || $0.key.hasPrefix("meeting/")) }
        if !withSampleData { files.merge(Self.emptyLedger, uniquingKeysWith: { a, _ in a }) }
        try FileManager.default.createDirectory(
            atPath: (folder as NSString).appendingPathComponent("data"),
            withIntermediateDirectories: true)
        for (relative, contents) in files.sorted(by: { $0.key < $1.key }) {
            let path = (folder as NSString).appendingPathComponent(relative)
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            try contents.write(to: URL(fileURLWithPath: path))
        }
        let next = withSampleData ? "kaohe validate \(folder)" : "kaohe forms \(folder)"
        print("created \(folder) from \(source.path) (\(files.count) files); edit rubric.yaml, then run: \(next)")
    }

    /// meeting/ of a new assessment: the files, empty, with how to fill them.
    static let emptyLedger: [String: Data] = [
        "meeting/meetings.yaml": Data(
            """
            # 联席会议：每次会议一条（meeting.md §1），例如：
            # - {id: 2025-LX, name: 2025年度县政府与县级群团组织联席会议, date: 2025-06-17, submit_by: 2025-06-03}
            []

            """.utf8),
        "meeting/items.yaml": Data(
            """
            # 提请事项和议定事项：每件一条，编号跨年度不变（meeting.md §1），例如：
            # - id: 2025-LX-01
            #   meeting: 2025-LX
            #   raised_by: union
            #   submitted: 2025-05-30
            #   request: 关于……的请示
            #   agreed: 由县住建局牵头协调解决
            #   lead: 县住建局
            #   due: 2025-10-31
            #   status: 办理中
            # 上一年度未办结的事项用 kaohe meeting <上一年度> --carry-over <本年度> 结转进来。
            []

            """.utf8)
    ]
}
