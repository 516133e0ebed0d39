/// Ranks organizations and gives grades (§8): competition ranks with tie-breaks, grade vetoes ranked last,
/// score bands, forced and capped grades, quotas in rank order, then demotions.
struct Grader {
    let rubric: Rubric

    /// Fills in `rank`, `grade` and `grading`, and sorts the results into rank order within each group.
    func rankAndGrade(_ results: inout [OrganizationResult]) {
        let groups = rankingGroups(results)
        var ordered: [OrganizationResult] = []
        let rubricOrder = Dictionary(uniqueKeysWithValues: rubric.organizations.enumerated().map { ($1.id, $0) })
        for var members in groups {
            rank(&members)
            grade(&members)
            // Sort positions, not the (large) results themselves.
            let order = members.indices.map { ($0, members[$0].rank, rubricOrder[members[$0].organization.id] ?? 0) }
                .sorted { ($0.1, $0.2) < ($1.1, $1.2) }
            ordered += order.map { members[$0.0] }
        }
        results = ordered
    }

    /// Organizations ranked together: per category (in rubric order) or all at once.
    private func rankingGroups(_ results: [OrganizationResult]) -> [[OrganizationResult]] {
        guard rubric.ranking.within == .category else { return [results] }
        return rubric.categories.map { category in results.filter { $0.organization.category == category.id } }
            .filter { !$0.isEmpty }
    }

    private func isGradeVetoed(_ r: OrganizationResult) -> Bool {
        r.vetoes.contains { if case .grade = $0.effect { return true } else { return false } }
    }

    /// True when `a` ranks strictly before `b` (final score, then the tie-break contributions).
    private func better(_ a: OrganizationResult, _ b: OrganizationResult) -> Bool {
        if a.final != b.final { return a.final > b.final }
        for id in rubric.ranking.tieBreak {
            let ca = a.block(id)?.contribution ?? .zero
            let cb = b.block(id)?.contribution ?? .zero
            if ca != cb { return ca > cb }
        }
        return false
    }

    private func rank(_ members: inout [OrganizationResult]) {
        let vetoed = members.indices.filter { isGradeVetoed(members[$0]) }
        let others = members.indices.filter { !isGradeVetoed(members[$0]) }
        // Competition ranking: equal organizations share the rank of the first of them (1, 2, 2, 4).
        for (start, indices) in [(1, others), (others.count + 1, vetoed)] {
            let sorted = indices.sorted { better(members[$0], members[$1]) }
            var previous: Int?
            for (offset, i) in sorted.enumerated() {
                if let p = previous, !better(members[p], members[i]) {
                    members[i].rank = members[p].rank
                } else {
                    members[i].rank = start + offset
                }
                previous = i
            }
        }
    }

    private func grade(_ members: inout [OrganizationResult]) {
        let grades = rubric.grades
        let last = grades.count - 1
        let n = members.count
        var band = [Int](repeating: last, count: n)
        var steps = [[String]](repeating: [], count: n)
        var scoreBand = [String](repeating: "", count: n)
        var afterVetoes = [String](repeating: "", count: n)
        var demote = [Int](repeating: 0, count: n)

        for (i, r) in members.enumerated() {
            // (1) the score band.
            band[i] = grades.firstIndex { g in g.minimum.map { r.final >= $0 } ?? true } ?? last
            scoreBand[i] = grades[band[i]].name
            let minText = grades[band[i]].minimum.map { "≥ \($0)" } ?? "其余"
            steps[i].append("综合得分 \(r.final.formatted(places: rubric.assessment.decimals)) 达到「\(scoreBand[i])」(\(minText))")
            // (2) forced grades (the lowest wins), then caps.
            let forced = r.vetoes.compactMap { v -> Int? in
                if case .grade(let g) = v.effect { return grades.firstIndex { $0.name == g } } else { return nil }
            }
            if let f = forced.max() {
                band[i] = f
                steps[i].append("一票否决定为「\(grades[f].name)」")
            }
            for v in r.vetoes {
                if case .maxGrade(let g) = v.effect, let cap = grades.firstIndex(where: { $0.name == g }) {
                    if band[i] < cap {
                        band[i] = cap
                        steps[i].append("否决事项「\(v.name)」: 最高评为「\(g)」")
                    } else {
                        steps[i].append("否决事项「\(v.name)」: 最高评为「\(g)」(当前等次未超过, 不受影响)")
                    }
                }
                if case .demote(let k) = v.effect { demote[i] += k }
            }
            afterVetoes[i] = grades[band[i]].name
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
            let candidates = members.indices.filter { band[$0] == b }.sorted { members[$0].rank < members[$1].rank }
            let head = "「\(g.name)」名额 \(places) (\(n) × \(quota) 取\(g.quotaRounding.chineseName))"
            var above = 0
            var start = 0
            while start < candidates.count {
                let rank = members[candidates[start]].rank
                var end = start
                while end < candidates.count, members[candidates[end]].rank == rank { end += 1 }
                let tied = end - start
                let admitted = g.quotaTies == .exclude ? above + tied <= places : above < places
                for i in candidates[start..<end] {
                    if admitted {
                        steps[i].append("\(head): 排名第 \(rank), 在名额内")
                    } else {
                        band[i] = b + 1
                        let straddles = tied > 1 && above < places && above + tied > places
                        let tie = straddles ? (g.quotaTies == .exclude ? ", 并列 \(tied) 个单位跨越名额线, 均不占名额" : "") : ""
                        steps[i].append("\(head): 排名第 \(rank), 超出名额\(tie), 降为「\(grades[b + 1].name)」")
                    }
                }
                above += tied
                start = end
            }
        }
        // (4) demotions.
        for i in members.indices {
            let afterQuotas = grades[band[i]].name
            if demote[i] > 0 {
                let to = min(last, band[i] + demote[i])
                let names = members[i].vetoes.filter { if case .demote = $0.effect { return true } else { return false } }.map(\.name)
                steps[i].append("否决事项「\(names.joined(separator: "、"))」降 \(demote[i]) 等: 「\(afterQuotas)」→「\(grades[to].name)」")
                band[i] = to
            }
            members[i].grade = grades[band[i]].name
            members[i].grading = GradeTrace(scoreBand: scoreBand[i], afterVetoes: afterVetoes[i], afterQuotas: afterQuotas,
                                            steps: steps[i])
        }
    }
}

extension Grade.QuotaRounding {
    public var chineseName: String {
        switch self {
        case .floor: "向下取整"
        case .ceil: "向上取整"
        case .round: "四舍五入"
        }
    }
}
