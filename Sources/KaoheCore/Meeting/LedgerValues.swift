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
                var entry =
                    data[i].indicators[indicator.id]
                    ?? IndicatorEntry(value: nil, selfScore: nil, evidence: [], note: nil, location: data[i].location)
                if entry.value != nil {
                    d.error(entry.location, Catalog.ledgerValueTyped(indicator.name, indicator.id, indicator.from!.rawValue))
                    continue
                }
                guard let derived = figures.value(indicator.from!, for: organization) else {
                    if !indicator.missingIsZero {
                        d.error(entry.location, Catalog.nothingInLedger(indicator.name, organization, figures.asOf))
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
