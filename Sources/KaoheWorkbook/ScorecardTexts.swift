import KaoheCore

/// What a scorecard's indicator rows say — 完成情况, 扣分说明, 佐证材料 — and how tall each row must be to show them.
/// The words, not the cells, are the costly part of a scorecard; they are made with its plan, on the core that lays
/// the scorecards out while the writer writes (`ScorecardPlan`).
struct ScorecardTexts: Sendable {
    struct Row: Sendable {
        var done: String
        var note: String
        var evidence: String
        var height: Double
    }

    /// Indicator id → the lines its standard and name take: the same on every organization's scorecard.
    private let fixedLines: [String: Int]

    init(rubric: Rubric) {
        var fixedLines: [String: Int] = [:]
        for indicator in rubric.indicators {
            fixedLines[indicator.id] = max(
                ScorecardSheet.lines(indicator.standard ?? "", column: ScorecardSheet.Column.standard),
                ScorecardSheet.lines(indicator.name, column: ScorecardSheet.Column.indicator))
        }
        self.fixedLines = fixedLines
    }

    /// The row of indicator result `r`.
    func row(_ r: IndicatorResult, indicator: Indicator) -> Row { Self.row(r, indicator: indicator, fixedLines: fixedLines[r.id] ?? 1) }

    static func row(_ r: IndicatorResult, indicator: Indicator, fixedLines: Int) -> Row {
        let words = WorkingText.chinese
        let value = words.value(r)
        var done = value
        if let note = r.note { done += "(\(note))" }
        if let claimed = words.claimed(r), let review = r.review {
            done = "核定 \(value)\n申报 \(claimed)\(r.note.map { "(\($0))" } ?? "")\n\(review.by)核定" + (review.note.map { ":\($0)" } ?? "")
        }
        let note = words.deductionNote(r)
        let evidence =
            ((r.evidence.isEmpty ? [] : ["已报:" + r.evidence.joined(separator: "、")])
            + (indicator.evidence.map { ["应报:" + $0] } ?? [])).joined(separator: "\n")
        let lines = max(
            fixedLines, ScorecardSheet.lines(done, column: ScorecardSheet.Column.done),
            ScorecardSheet.lines(note, column: ScorecardSheet.Column.note),
            ScorecardSheet.lines(evidence, column: ScorecardSheet.Column.evidence))
        return Row(done: done, note: note, evidence: evidence, height: ScorecardSheet.height(lines: lines))
    }
}
