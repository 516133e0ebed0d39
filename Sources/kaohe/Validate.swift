import ArgumentParser
import KaoheCore

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: bilingual("Check the rubric, every data file and every weight scheme without writing anything.", "检查考核细则、每个数据文件和每个权重方案，不写出任何文件。"),
        discussion: bilingual(
            "Exits 0 when everything is valid, 1 with every problem on stderr (file:line: what is wrong).",
            "全部有效时退出码为 0；否则为 1，每个问题一行写到标准错误（文件:行: 问题所在）。"))

    @OptionGroup var options: AssessmentOptions

    func run() throws {
        let (assessment, scheme) = try options.load()
        // Each scheme is scored once too: values valid under one set of points may not be under another.
        for s in [scheme] + assessment.schemes.map(Optional.some) {
            _ = try score(assessment, scheme: s)
        }
        let r = assessment.rubric
        print(
            Say.valid(r.assessment.title, r.organizations.count, r.indicators.count, assessment.dataFiles.count, assessment.schemes.count).text(
                .current))
    }
}
