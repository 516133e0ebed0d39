/// The scoring trace of one organization, as an auditor reads it (`kaohe explain`).
public enum Explanation {
    public static func text(for id: String, in result: AssessmentResult) -> String? {
        guard let org = result.organization(id) else { return nil }
        let rubric = result.rubric
        let p = rubric.assessment.decimals
        func f(_ x: Exact) -> String { x.formatted(places: p) }
        /// A part of a total: at least `p` decimals, and every decimal it has.
        func part(_ x: Exact) -> String {
            let exact = x.decimalText()
            let places = exact.split(separator: ".").dropFirst().first?.count ?? 0
            return places > p ? exact : f(x)
        }
        var lines: [String] = []
        let category = rubric.categories.first { $0.id == org.organization.category }?.name ?? org.organization.category
        lines.append("\(rubric.assessment.title) — \(org.organization.name) (\(org.organization.id), \(category))")
        lines.append("权重方案: \(result.scheme?.name ?? "考核细则原定权重")")
        lines.append("")
        for dimension in rubric.dimensions {
            guard let d = org.dimension(dimension.id) else { continue }
            lines.append("【\(dimension.name)】满分 \(dimension.points)")
            for indicator in dimension.indicators where indicator.applies(to: org.organization.id) {
                guard let r = org.indicator(indicator.id) else { continue }
                lines.append("  \(indicator.id) \(indicator.name) (\(indicator.points) 分, \(indicator.method.chineseName))")
                if let standard = indicator.standard { lines.append("    评分标准: \(standard)") }
                lines.append("    完成情况: \(r.valueText)")
                if let derived = r.derived {
                    lines.append("    取自联席会议台账（\(derived.value.rawValue)，截至 \(result.ledger?.figures.asOf.description ?? "")）：")
                    lines += LedgerText.items(derived, ledger: result.ledger).map { "      \($0)" }
                }
                if let review = r.review { lines.append("    核定: \(Self.reviewText(review, claimed: r.claimedText, verified: r.valueText))") }
                lines.append("    计算: \(r.working)")
                // A part is shown with as many decimals as it has (§12): a self-score of 4.655 is not printed as 4.66.
                if let s = r.selfScore { lines.append("    自评 \(part(s)), 核定 \(f(r.score)), 差异 \(f((r.score - s).rounded(p)))") }
            }
            if d.isRescaled {
                lines.append(
                    "  小计: 适用指标分值合计 \(d.applicablePoints), 得分合计 \(f(d.sum)); 折算 \(f(d.sum)) × \(d.points) ÷ \(d.applicablePoints) = \(f(d.score))")
            } else {
                lines.append("  小计: \(f(d.score))")
            }
            lines.append("")
        }
        for block in rubric.blocks {
            guard let b = org.block(block.id) else { continue }
            if block.source == .indicators {
                lines.append(
                    "\(block.name): 各一级指标合计 \(f(b.score)) / \(rubric.indicatorScale); 折算 \(f(b.score)) × \(block.weight) ÷ \(rubric.indicatorScale) = \(f(b.contribution))"
                )
            } else {
                lines.append("\(block.name):")
                for g in b.survey ?? [] {
                    let name = block.survey?.groups.first { $0.id == g.id }?.name ?? g.id
                    lines.append("  \(name) (权重 \(g.weight)): \(g.working)")
                }
                let counted = (b.survey ?? []).filter { $0.score != nil }
                let terms = counted.map { "\($0.weight)×\(f($0.score!))" }.joined(separator: " + ")
                let weights = counted.map(\.weight).sum()
                lines.append("  加权平均 (\(terms)) ÷ \(weights) = \(f(b.score)); 折算 \(f(b.score)) × \(block.weight) ÷ 100 = \(f(b.contribution))")
            }
        }
        lines.append("")
        for (title, adj, cap) in [("加分", org.bonus, rubric.bonus.cap), ("扣分", org.penalty, rubric.penalties.cap)] {
            if adj.lines.isEmpty {
                lines.append("\(title): 无")
                continue
            }
            for line in adj.lines {
                let itemCap = line.capped != line.raw ? " (单项上限 \(part(line.capped)))" : ""
                let notes = line.notes.isEmpty ? "" : " — " + line.notes.joined(separator: "; ")
                let review =
                    line.claimed.flatMap { claimed in
                        line.reviewedBy.map { " [申报 \(claimed) 次，\($0)核定 \(line.count) 次\(line.reviewNote.map { "：\($0)" } ?? "")]" }
                    } ?? ""
                lines.append("\(title) \(line.name): \(line.count) × 每次 → \(part(line.raw))\(itemCap)\(notes)\(review)")
            }
            let capText = cap.map { adj.sum > $0 ? ", 超过总上限 \($0), 按 \($0) 计" : ", 总上限 \($0)" } ?? ""
            lines.append("\(title)合计 \(part(adj.sum))\(capText) = \(f(adj.total))")
        }
        lines.append("")
        let parts = org.blocks.map { f($0.contribution) }.joined(separator: " + ")
        lines.append("综合得分 = \(parts) + \(f(org.bonus.total)) − \(f(org.penalty.total)) = \(f(org.final))\(org.final.isZero ? " (不低于 0)" : "")")
        let scope = rubric.ranking.within == .category ? "在「\(category)」类中" : "在全部单位中"
        lines.append("排名: \(scope)第 \(org.rank) 名")
        for veto in org.vetoes {
            lines.append("否决事项: \(veto.name)\(veto.note.map { " (\($0))" } ?? "")\(veto.reviewedBy.map { " [\($0)认定]" } ?? "")")
        }
        lines.append("等次:")
        for step in org.grading.steps { lines.append("  \(step)") }
        lines.append("  最终等次: \(org.grade)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `申报 98.6，核定 96（县委组织部核定：签到表缺两次）`, or `县委组织部核定，与申报一致`.
    static func reviewText(_ review: IndicatorResult.Review, claimed: String?, verified: String) -> String {
        let note = review.note.map { "：\($0)" } ?? ""
        guard let claimed else { return "\(review.by)核定，与申报一致\(note.isEmpty ? "" : "（\(note.dropFirst())）")" }
        return "申报 \(claimed)，核定 \(verified)（\(review.by)核定\(note)）"
    }
}
