/// What ranking and grading need to know of an organization.
protocol Gradable {
    var organizationID: String { get }
    var category: String { get }
    var final: Exact { get }
    var vetoes: [AppliedVeto] { get }
    /// The block's printed contribution, for tie-breaks.
    func contribution(_ block: String) -> Exact
}

extension OrganizationResult: Gradable {
    var organizationID: String { organization.id }
    var category: String { organization.category }
    func contribution(_ block: String) -> Exact { self.block(block)?.contribution ?? .zero }
}

/// An organization's rank and grade (an index into the rubric's grades), and how the grade was reached.
struct GradeOutcome {
    var rank: Int
    var grade: Int
    var trace: GradeTrace?
}

/// Ranks organizations and gives grades (§8): competition ranks with tie-breaks, grade vetoes ranked last,
/// score bands, forced and capped grades, quotas in rank order, then demotions.
struct Grader {
    let rubric: Rubric
    /// Whether to write the grading steps in words (not needed for thousands of reruns).
    var explain = true

    /// Fills in `rank`, `grade` and `grading`, and sorts the results into rank order within each group.
    func rankAndGrade(_ results: inout [OrganizationResult]) {
        let outcomes = grade(results)
        for i in results.indices {
            results[i].rank = outcomes[i].rank
            results[i].grade = rubric.grades[outcomes[i].grade].name
            results[i].grading = outcomes[i].trace ?? GradeTrace(scoreBand: "", afterVetoes: "", afterQuotas: "", steps: [])
        }
        // Rank order within each group, groups in rubric order; ties keep the rubric's order of organizations.
        let rubricOrder = Dictionary(uniqueKeysWithValues: rubric.organizations.enumerated().map { ($1.id, $0) })
        let order = rankingGroups(results).flatMap { group in
            group.sorted {
                (results[$0].rank, rubricOrder[results[$0].organization.id] ?? 0)
                    < (results[$1].rank, rubricOrder[results[$1].organization.id] ?? 0)
            }
        }
        results = order.map { results[$0] }
    }

    /// Ranks and grades every item; the outcomes are in the items' order.
    func grade<T: Gradable>(_ items: [T]) -> [GradeOutcome] {
        var outcomes = [GradeOutcome](repeating: GradeOutcome(rank: 0, grade: 0, trace: nil), count: items.count)
        for group in rankingGroups(items) {
            rank(items, group, into: &outcomes)
            grade(items, group, into: &outcomes)
        }
        return outcomes
    }

    /// Indices of the items ranked together: per category (in rubric order) or all at once.
    private func rankingGroups<T: Gradable>(_ items: [T]) -> [[Int]] {
        guard rubric.ranking.within == .category else { return [Array(items.indices)] }
        var byCategory: [String: [Int]] = [:]
        for i in items.indices { byCategory[items[i].category, default: []].append(i) }
        return rubric.categories.compactMap { byCategory[$0.id] }
    }

    private func isGradeVetoed<T: Gradable>(_ r: T) -> Bool {
        r.vetoes.contains { if case .grade = $0.effect { return true } else { return false } }
    }

    /// True when `a` ranks strictly before `b` (final score, then the tie-break contributions).
    /// (Indices rather than items, so that sorting reads the figures in place instead of copying each item.)
    private func better<T: Gradable>(_ items: [T], _ a: Int, _ b: Int) -> Bool {
        if items[a].final != items[b].final { return items[a].final > items[b].final }
        for id in rubric.ranking.tieBreak {
            let ca = items[a].contribution(id), cb = items[b].contribution(id)
            if ca != cb { return ca > cb }
        }
        return false
    }

    private func rank<T: Gradable>(_ items: [T], _ group: [Int], into outcomes: inout [GradeOutcome]) {
        let vetoed = group.filter { isGradeVetoed(items[$0]) }
        let others = group.filter { !isGradeVetoed(items[$0]) }
        // Competition ranking: equal organizations share the rank of the first of them (1, 2, 2, 4).
        for (start, indices) in [(1, others), (others.count + 1, vetoed)] {
            let sorted = indices.sorted { better(items, $0, $1) }
            var previous: Int?
            for (offset, i) in sorted.enumerated() {
                if let p = previous, !better(items, p, i) {
                    outcomes[i].rank = outcomes[p].rank
                } else {
                    outcomes[i].rank = start + offset
                }
                previous = i
            }
        }
    }

    private func grade<T: Gradable>(_ items: [T], _ group: [Int], into outcomes: inout [GradeOutcome]) {
        let grades = rubric.grades
        let last = grades.count - 1
        let n = group.count
        // Indexed by item; only the group's entries are used.
        var band = [Int](repeating: last, count: items.count)
        var steps = [[GradeStep]](repeating: [], count: explain ? items.count : 0)
        var scoreBand = band
        var afterVetoes = band
        var demote = [Int](repeating: 0, count: items.count)
        func note(_ i: Int, _ step: @autoclosure () -> GradeStep) { if explain { steps[i].append(step()) } }

        for i in group {
            let r = items[i]
            // (1) the score band.
            band[i] = grades.firstIndex { g in g.minimum.map { r.final >= $0 } ?? true } ?? last
            scoreBand[i] = band[i]
            note(i, .scoreBand(final: r.final, grade: grades[band[i]].name, minimum: grades[band[i]].minimum))
            // (2) forced grades (the lowest wins), then caps.
            let forced = r.vetoes.compactMap { v -> Int? in
                if case .grade(let g) = v.effect { return grades.firstIndex { $0.name == g } } else { return nil }
            }
            if let f = forced.max() {
                band[i] = f
                note(i, .forced(grade: grades[f].name))
            }
            for v in r.vetoes {
                if case .maxGrade(let g) = v.effect, let cap = grades.firstIndex(where: { $0.name == g }) {
                    note(i, .capped(veto: v.name, grade: g, applied: band[i] < cap))
                    band[i] = max(band[i], cap)
                }
                if case .demote(let k) = v.effect { demote[i] += k }
            }
            afterVetoes[i] = band[i]
        }

        // (3) quotas, band by band from the top, in rank order among those still in the band.
        for (b, g) in grades.enumerated() where b < last {
            guard let quota = g.quota else { continue }
            let product = quota * Exact(n)
            let places: Int
            switch g.quotaRounding {
            case .floor: places = Int(product.floor)
            case .ceil: places = Int(product.ceiling)
            case .round: places = Int(product.rounded(0).floor)
            }
            let candidates = group.filter { band[$0] == b }.sorted { outcomes[$0].rank < outcomes[$1].rank }
            var above = 0
            var start = 0
            while start < candidates.count {
                let rank = outcomes[candidates[start]].rank
                var end = start
                while end < candidates.count, outcomes[candidates[end]].rank == rank { end += 1 }
                let tied = end - start
                let admitted = g.quotaTies == .exclude ? above + tied <= places : above < places
                let straddles = tied > 1 && above < places && above + tied > places
                for i in candidates[start..<end] {
                    if !admitted { band[i] = b + 1 }
                    note(
                        i,
                        .quota(
                            .init(
                                grade: g.name, places: places, organizations: n, quota: quota, rounding: g.quotaRounding, rank: rank,
                                loweredTo: admitted ? nil : grades[b + 1].name,
                                tiedAcrossLine: !admitted && straddles && g.quotaTies == .exclude ? tied : nil)))
                }
                above += tied
                start = end
            }
        }
        // (4) demotions.
        for i in group {
            let afterQuotas = band[i]
            let k = demote[i]
            if k > 0 {
                let to = min(last, afterQuotas + k)
                let names = items[i].vetoes.filter { if case .demote = $0.effect { return true } else { return false } }.map(\.name)
                note(i, .demoted(vetoes: names, levels: k, from: grades[afterQuotas].name, to: grades[to].name))
                band[i] = to
            }
            outcomes[i].grade = band[i]
            if explain {
                outcomes[i].trace = GradeTrace(
                    scoreBand: grades[scoreBand[i]].name, afterVetoes: grades[afterVetoes[i]].name,
                    afterQuotas: grades[afterQuotas].name, steps: steps[i])
            }
        }
    }
}
