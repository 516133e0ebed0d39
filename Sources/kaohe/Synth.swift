import ArgumentParser
import Foundation
import KaoheCore

struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: bilingual(
            "Generate a valid, deterministic assessment of any size, for benchmarks and stress tests.", "生成任意规模、确定性的合成考核，用于基准测试和压力测试。"),
        discussion: bilingual(
            """
            Writes rubric.yaml (4 categories, 60 indicators across 6 dimensions using every scoring method, a survey \
            block with three rater groups, bonus, penalties, vetoes, grades with a quota) and one data file per \
            organization. The same --organizations and --seed always give the same files.
            """,
            """
            写出 rubric.yaml（4 个类别，6 个一级指标下 60 个二级指标，用到每种计分方法；一个含三个测评组的测评板块；加分、\
            扣分、一票否决；带名额的等次）和每个单位一个数据文件。相同的 --organizations 和 --seed 总是得到相同的文件。
            """))

    @Argument(help: ArgumentHelp(bilingual("The folder to create.", "要新建的文件夹。")), completion: .directory)
    var folder: String

    @Option(name: .customLong("organizations"), help: ArgumentHelp(bilingual("How many organizations.", "单位数量。")))
    var count: Int

    @Option(help: ArgumentHelp(bilingual("The seed of the generated data.", "生成数据的随机数种子。")))
    var seed: UInt64 = 2024

    func validate() throws {
        guard count >= 1 else { throw ValidationError(Say.synthCount().text(.current)) }
        if FileManager.default.fileExists(atPath: folder) {
            throw ValidationError(Say.exists(folder).text(.current))
        }
    }

    func run() throws {
        let synthetic = SyntheticAssessment(organizations: count, seed: seed)
        let data = (folder as NSString).appendingPathComponent("data")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try Data(synthetic.rubricYAML().utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("rubric.yaml")))
        for i in 0..<count {
            let path = (data as NSString).appendingPathComponent("\(synthetic.organizationID(i)).yaml")
            try Data(synthetic.dataYAML(i).utf8).write(to: URL(fileURLWithPath: path))
        }
        print("created \(folder): \(count) organizations, 60 indicators each (seed \(seed))")
    }
}
