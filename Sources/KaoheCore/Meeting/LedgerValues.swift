/// The ledger as an assessment reads it: the ledger and its figures as of one date.
public struct LedgerSnapshot: Sendable {
    public var ledger: Ledger
    public var figures: LedgerFigures

    public init(ledger: Ledger, asOf: CalendarDate, settings: MeetingSettings) {
        self.ledger = ledger
        figures = LedgerFigures(ledger: ledger, asOf: asOf, thresholds: settings)
    }

    /// The date: `--as-of`, else `assessment.as_of`, else 31 December of the assessment year (§2).
    public static func asOf(_ given: CalendarDate?, rubric: Rubric) -> CalendarDate {
        given ?? rubric.assessment.asOf ?? .lastDay(of: rubric.assessment.year)
    }

    /// Fills every `from: meeting.*` indicator of the organizations' data from the ledger (§3): a data file that also
    /// gives a value for one is an error (one source of truth); a value the ledger cannot give is an error unless the
    /// indicator has `missing: zero`.
    public func fill(_ data: inout [OrganizationData], rubric: Rubric, _ d: inout Diagnostics) {
        let fed = rubric.indicators.filter { $0.from != nil }
        guard !fed.isEmpty else { return }
        for i in data.indices {
            let organization = data[i].organization
            for indicator in fed where indicator.applies(to: organization) {
                var entry = data[i].indicators[indicator.id]
                    ?? IndicatorEntry(value: nil, selfScore: nil, evidence: [], note: nil, location: data[i].location)
                if entry.value != nil {
                    d.error(entry.location, "指标“\(indicator.name)”（\(indicator.id)）的值取自联席会议台账（from: meeting.\(indicator.from!.rawValue)），数据文件中不能再填 value；请删去 value（自评分、说明可以保留）")
                    continue
                }
                guard let derived = figures.value(indicator.from!, for: organization) else {
                    if !indicator.missingIsZero {
                        d.error(entry.location, "联席会议台账中没有可计算“\(indicator.name)”的事项（\(organization) 没有提出事项，或没有到期的议定事项，截至 \(figures.asOf)）；该指标没有 missing: zero，无法计分")
                    }
                    continue
                }
                entry.value = derived.result
                entry.derived = derived
                data[i].indicators[indicator.id] = entry
            }
        }
    }
}
