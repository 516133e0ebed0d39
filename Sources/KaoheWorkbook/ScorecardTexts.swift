import KaoheCore

/// What a scorecard's indicator rows say — 完成情况, 扣分说明, 佐证材料 — and how tall each row must be to show them,
/// made on the other cores while the workbook is written: the words, not the cells, are the costly part of a
/// scorecard (at 200 organizations they took a fifth of `kaohe score`). Made in chunks in rank order, so the writer
/// waits at most for the first chunk.
final class ScorecardTexts: Sendable {
    struct Row: Sendable {
        var done: String
        var note: String
        var evidence: String
        var height: Double
    }

    /// Per chunk of organizations: organization id → indicator id → its row.
    private let chunks: [BackgroundValue<[String: [String: Row]]>]
    private let chunkOf: [String: Int]
    static let chunkSize = 16

    init(_ organizations: [OrganizationResult], rubric: Rubric) {
        // The standard and the name are the same on every organization's scorecard: their line counts once each.
        var fixedLines: [String: Int] = [:]
        for indicator in rubric.indicators {
            fixedLines[indicator.id] = max(
                ScorecardSheet.lines(indicator.standard ?? "", column: ScorecardSheet.Column.standard),
                ScorecardSheet.lines(indicator.name, column: ScorecardSheet.Column.indicator))
        }
        let lines = fixedLines
        chunks = stride(from: 0, to: organizations.count, by: Self.chunkSize).map { start in
            let chunk = Array(organizations[start..<min(organizations.count, start + Self.chunkSize)])
            return BackgroundValue {
                Dictionary(
                    uniqueKeysWithValues: chunk.map { org in
                        (
                            org.organization.id,
                            Dictionary(
                                uniqueKeysWithValues: org.indicators.map { r in
                                    (r.id, Self.row(r, indicator: rubric.indicator(r.id)!, fixedLines: lines[r.id] ?? 1))
                                })
                        )
                    })
            }
        }
        chunkOf = Dictionary(uniqueKeysWithValues: organizations.enumerated().map { ($1.organization.id, $0 / Self.chunkSize) })
    }

    /// The row of indicator result `r` of organization `id`.
    func row(_ r: IndicatorResult, of id: String, indicator: Indicator) -> Row {
        chunkOf[id].flatMap { chunks[$0].value[id]?[r.id] }
            ?? Self.row(
                r, indicator: indicator,
                fixedLines: max(
                    ScorecardSheet.lines(indicator.standard ?? "", column: ScorecardSheet.Column.standard),
                    ScorecardSheet.lines(indicator.name, column: ScorecardSheet.Column.indicator)))
    }

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
