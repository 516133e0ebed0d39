/// The scoring trace of one organization, as an auditor reads it (`kaohe explain`).
public enum Explanation {
    public static func text(for id: String, in result: AssessmentResult, language: Language = .current) -> String? {
        guard let org = result.organization(id) else { return nil }
        var trace = Lines(result: result, org: org, language: language)
        trace.heading()
        for dimension in result.rubric.dimensions { trace.dimension(dimension) }
        trace.blocks()
        trace.adjustments()
        trace.outcome()
        return trace.lines.joined(separator: "\n") + "\n"
    }

    /// The trace's lines, section by section.
    private struct Lines {
        let result: AssessmentResult
        let org: OrganizationResult
        let language: Language
        var lines: [String] = []

        init(result: AssessmentResult, org: OrganizationResult, language: Language) {
            (self.result, self.org, self.language) = (result, org, language)
        }

        var rubric: Rubric { result.rubric }
        var words: WorkingText { WorkingText(language) }
        var p: Int { rubric.assessment.decimals }
        var category: String { rubric.categories.first { $0.id == org.organization.category }?.name ?? org.organization.category }

        func f(_ x: Exact) -> String { x.formatted(places: p) }

        /// A part of a total: at least `p` decimals, and every decimal it has (§12: a self-score of 4.655 is not
        /// printed as 4.66).
        func part(_ x: Exact) -> String {
            let exact = x.decimalText()
            let places = exact.split(separator: ".").dropFirst().first?.count ?? 0
            return places > p ? exact : f(x)
        }

        /// The assessment, the organization and the weights.
        mutating func heading() {
            lines.append("\(rubric.assessment.title) — \(org.organization.name) (\(org.organization.id), \(category))")
            lines.append(Catalog.explainScheme(in: language, result.scheme?.name ?? Catalog.rubricWeights(in: language)))
            lines.append("")
        }

        /// A dimension: each applicable indicator's value, rule, arithmetic and score, then the subtotal.
        mutating func dimension(_ dimension: Dimension) {
            guard let d = org.dimension(dimension.id) else { return }
            lines.append(Catalog.explainDimension(in: language, dimension.name, "\(dimension.points)"))
            for indicator in dimension.indicators where indicator.applies(to: org.organization.id) {
                guard let r = org.indicator(indicator.id) else { continue }
                self.indicator(indicator, r)
            }
            if d.isRescaled {
                lines.append(Catalog.subtotalRescaled(in: language, "\(d.applicablePoints)", f(d.sum), "\(d.points)", f(d.score)))
            } else {
                lines.append(Catalog.subtotal(in: language, f(d.score)))
            }
            lines.append("")
        }

        mutating func indicator(_ indicator: Indicator, _ r: IndicatorResult) {
            let method = language == .zh ? indicator.method.chineseName : indicator.method.name
            lines.append(Catalog.explainIndicator(in: language, indicator.id, indicator.name, "\(indicator.points)", method))
            if let standard = indicator.standard { lines.append(Catalog.explainStandard(in: language, standard)) }
            lines.append(Catalog.explainValue(in: language, words.value(r)))
            if let derived = r.derived {
                lines.append(Catalog.explainFromLedger(in: language, derived.value.rawValue, result.ledger?.figures.asOf.description ?? ""))
                lines += words.ledgerItems(derived, ledger: result.ledger).map { "      \($0)" }
            }
            if let review = r.review {
                lines.append(
                    Catalog.explainReview(
                        in: language, reviewText(review, claimed: words.claimed(r), verified: words.value(r), language: language)))
            }
            lines.append(Catalog.explainWorking(in: language, words.working(r)))
            // A part is shown with as many decimals as it has (§12): a self-score of 4.655 is not printed as 4.66.
            if let s = r.selfScore { lines.append(Catalog.explainSelfScore(in: language, part(s), f(r.score), f((r.score - s).rounded(p)))) }
        }

        /// Each block's score and contribution (survey groups one by one).
        mutating func blocks() {
            for block in rubric.blocks {
                guard let b = org.block(block.id) else { continue }
                if block.source == .indicators {
                    lines.append(
                        Catalog.indicatorBlockTotal(
                            in: language, block.name, f(b.score), "\(rubric.indicatorScale)", "\(block.weight)", f(b.contribution)))
                } else {
                    lines.append("\(block.name):")
                    for g in b.survey ?? [] {
                        let name = block.survey?.groups.first { $0.id == g.id }?.name ?? g.id
                        lines.append(Catalog.surveyGroupLine(in: language, name, "\(g.weight)", words.surveyGroup(g)))
                    }
                    let counted = (b.survey ?? []).filter { $0.score != nil }
                    let terms = counted.map { "\($0.weight)×\(f($0.score!))" }.joined(separator: " + ")
                    let weights = counted.map(\.weight).sum()
                    lines.append(Catalog.surveyMean(in: language, terms, "\(weights)", f(b.score), "\(block.weight)", f(b.contribution)))
                }
            }
            lines.append("")
        }

        /// Bonus and penalty lines, their caps and totals.
        mutating func adjustments() {
            let adjustments = [(Catalog.bonusTitle, org.bonus, rubric.bonus.cap), (Catalog.penaltyTitle, org.penalty, rubric.penalties.cap)]
            for (titled, adj, cap) in adjustments {
                let title = titled(in: language)
                if adj.lines.isEmpty {
                    lines.append(Catalog.adjustmentNone(in: language, title))
                    continue
                }
                for line in adj.lines {
                    let itemCap = line.capped != line.raw ? Catalog.itemCap(in: language, part(line.capped)) : ""
                    let notes = line.notes.isEmpty ? "" : " — " + line.notes.joined(separator: "; ")
                    let review =
                        line.claimed.flatMap { claimed in
                            line.reviewedBy.map { by in
                                let note = line.reviewNote.map { Catalog.reviewNote(in: language, $0) } ?? ""
                                return Catalog.countReviewed(in: language, "\(claimed)", by, "\(line.count)", note)
                            }
                        } ?? ""
                    lines.append(Catalog.adjustmentLine(in: language, title, line.name, "\(line.count)", part(line.raw), itemCap, notes, review))
                }
                let capText = cap.map { (adj.sum > $0 ? Catalog.overTotalCap : Catalog.totalCap)(in: language, "\($0)") } ?? ""
                lines.append(Catalog.adjustmentTotal(in: language, title, part(adj.sum), capText, f(adj.total)))
            }
            lines.append("")
        }

        /// The final score, the rank, the vetoes and each step of grading.
        mutating func outcome() {
            let parts = org.blocks.map { f($0.contribution) }.joined(separator: " + ")
            let atZero = org.final.isZero ? Catalog.notBelowZero(in: language) : ""
            lines.append(Catalog.finalScore(in: language, parts, f(org.bonus.total), f(org.penalty.total), f(org.final), atZero))
            lines.append(
                rubric.ranking.within == .category
                    ? Catalog.rankInCategory(in: language, "\(org.rank)", category) : Catalog.rankOverall(in: language, "\(org.rank)"))
            for veto in org.vetoes {
                let by = veto.reviewedBy.map { Catalog.vetoReportedBy(in: language, $0) } ?? ""
                lines.append(Catalog.explainVeto(in: language, veto.name, veto.note.map { " (\($0))" } ?? "", by))
            }
            lines.append(Catalog.explainGrading(in: language))
            for step in words.grading(org, places: p) { lines.append("  \(step)") }
            lines.append(Catalog.explainFinalGrade(in: language, org.grade))
        }
    }

    /// `申报 98.6，核定 96（县委组织部核定：签到表缺两次）`, or `县委组织部核定，与申报一致`.
    static func reviewText(_ review: IndicatorResult.Review, claimed: String?, verified: String, language: Language = .zh) -> String {
        guard let claimed else {
            return Catalog.reviewAsClaimed(in: language, review.by, review.note.map { Catalog.reviewAsClaimedNote(in: language, $0) } ?? "")
        }
        let note = review.note.map { Catalog.reviewNote(in: language, $0) } ?? ""
        return Catalog.reviewChanged(in: language, claimed, verified, review.by, note)
    }
}
