import KaoheCore

/// What a scorecard's indicator rows say — 完成情况, 扣分说明, 佐证材料 — and how tall each row must be to show them,
/// made for every organization on all cores while the workbook's first sheets are written: the words, not the
/// cells, are the costly part of a scorecard (at 200 organizations they took a fifth of `kaohe score`).
struct ScorecardTexts: Sendable {
    struct Row: Sendable {
        var done: String
        var note: String
        var evidence: String
        var height: Double
    }

    /// Organization id → indicator id → its row.
    private let rows: [String: [String: Row]]

    init(_ organizations: [OrganizationResult], rubric: Rubric) {
        // The standard and the name are the same on every organization's scorecard: their line counts once each.
        var fixedLines: [String: Int] = [:]
        for indicator in rubric.indicators {
            fixedLines[indicator.id] = max(
                ScorecardSheet.lines(indicator.standard ?? "", column: 4),
                ScorecardSheet.lines(indicator.name, column: 2))
        }
        let made = concurrentMap(organizations.count) { o in
            let org = organizations[o]
            return Dictionary(
                uniqueKeysWithValues: org.indicators.map { r in
                    (r.id, Self.row(r, indicator: rubric.indicator(r.id)!, fixedLines: fixedLines[r.id] ?? 1))
                })
        }
        rows = Dictionary(uniqueKeysWithValues: zip(organizations.map(\.organization.id), made))
    }

    /// The row of indicator result `r` of organization `id`.
    func row(_ r: IndicatorResult, of id: String, indicator: Indicator) -> Row {
        rows[id]?[r.id]
            ?? Self.row(
                r, indicator: indicator,
                fixedLines: max(
                    ScorecardSheet.lines(indicator.standard ?? "", column: 4),
                    ScorecardSheet.lines(indicator.name, column: 2)))
    }

    static func row(_ r: IndicatorResult, indicator: Indicator, fixedLines: Int) -> Row {
        var done = r.valueText
        if let note = r.note { done += "(\(note))" }
        if let claimed = r.claimedText, let review = r.review {
            done = "核定 \(r.valueText)\n申报 \(claimed)\(r.note.map { "(\($0))" } ?? "")\n\(review.by)核定" + (review.note.map { ":\($0)" } ?? "")
        }
        let note = r.deductionNote
        let evidence =
            ((r.evidence.isEmpty ? [] : ["已报:" + r.evidence.joined(separator: "、")])
            + (indicator.evidence.map { ["应报:" + $0] } ?? [])).joined(separator: "\n")
        let lines = max(
            fixedLines, ScorecardSheet.lines(done, column: 5), ScorecardSheet.lines(note, column: 9),
            ScorecardSheet.lines(evidence, column: 10))
        return Row(done: done, note: note, evidence: evidence, height: ScorecardSheet.height(lines: lines))
    }
}
