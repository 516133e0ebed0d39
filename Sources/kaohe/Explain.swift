import ArgumentParser
import KaoheCore

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: bilingual("Print how one organization's score, rank and grade were reached.", "列出一个单位的得分、排名和等次是怎样算出来的。"),
        discussion: bilingual(
            """
            For each indicator: the value, the rule, the arithmetic and the score; then dimension subtotals and \
            rescaling, survey groups, bonus, penalty, contributions, the final score, the rank and each step of grading.
            """,
            """
            逐项列出每个指标的值、计分规则、算式和得分；再列出一级指标小计与折算、测评各组、加分、扣分、各板块贡献、\
            综合得分、排名和评定等次的每一步。
            """))

    @OptionGroup var options: AssessmentOptions

    @Argument(help: ArgumentHelp(bilingual("The organization's id (or name) as written in the rubric.", "单位编号（或名称），与考核细则一致。")))
    var organization: String

    func run() throws {
        // Scoring reports every value problem, so loading need not score once more to find them.
        let (assessment, scheme) = try options.load(checkingValues: false)
        let result = try score(assessment, scheme: scheme)
        let id = assessment.rubric.organizations.first { $0.id == organization || $0.name == organization }?.id
        guard let id, let text = Explanation.text(for: id, in: result) else {
            let known = assessment.rubric.organizations.map(\.id).joined(separator: ", ")
            throw ValidationError(Say.noOrganization(organization, known).text(.current))
        }
        print(text, terminator: "")
    }
}
