/// Merging verifications into an organization's data (forms.md §5): the verified value becomes `value`, the
/// organization's own is kept as `claimed` when it differs, the verifier's note as `review_note`, the unit as
/// `reviewed_by`; and a newer 自评表 after a review keeps what was verified and says which claims moved.
extension Review {
    /// Applies this review's rows for `data`'s organization.
    public func apply(to data: inout OrganizationData, rubric: Rubric, _ d: inout Diagnostics) {
        let mine = indicators.filter { $0.organization == data.organization }
        for id in Self.orderedIDs(mine.map(\.indicatorID)) {
            guard let indicator = rubric.indicator(id) else { continue }
            apply(mine.filter { $0.indicatorID == id }, indicator: indicator, to: &data, rubric: rubric, &d)
        }
        for adjusted in adjustments where adjusted.organization == data.organization {
            switch adjusted.kind {
            case .bonus: Self.apply(adjusted, unit: unit, to: &data.bonus)
            case .penalty: Self.apply(adjusted, unit: unit, to: &data.penalties)
            case .veto:
                data.vetoes.removeAll { $0.id == adjusted.id }
                if adjusted.count > .zero {
                    data.vetoes.append(VetoEntry(id: adjusted.id, note: adjusted.note, location: adjusted.location, reviewedBy: unit))
                }
            }
        }
    }

    private static func orderedIDs(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }

    /// One indicator's rows (its own, and a checklist's items) into its entry.
    private func apply(
        _ rows: [Verified], indicator: Indicator, to data: inout OrganizationData, rubric: Rubric,
        _ d: inout Diagnostics
    ) {
        let plans = SelfAssessmentForm.rows(indicator, dimension: "", previous: nil, rubric: rubric)
        let own = rows.first { $0.itemID == nil }
        var entry =
            data.indicators[indicator.id]
            ?? IndicatorEntry(value: nil, selfScore: nil, evidence: [], note: nil, location: own?.location ?? rows[0].location)
        let claim = entry.claimed ?? entry.value
        let verified: DataValue? =
            if case .checklist = indicator.method {
                .map(rows.compactMap { row in row.itemID.flatMap { id in row.value.map { (id, $0) } } })
            } else {
                own?.value
            }
        for row in rows {
            guard let plan = plans.first(where: { $0.itemID == row.itemID }), let shown = row.shown,
                let now = FormValue.prefill(claim, row: plan)?.text, !FormValue.same(shown, now)
            else { continue }
            d.add(.warning, row.location, Catalog.claimMovedSinceReviewForm(shown, now), about: indicator.name)
        }
        let differs = plans.contains { plan in
            FormValue.prefill(claim, row: plan)?.text != FormValue.prefill(verified, row: plan)?.text
        }
        // A confirmed claim stays as the organization wrote it (a list of occurrences keeps its notes).
        entry.value = differs ? verified : claim ?? verified
        entry.location = own?.location ?? rows[0].location
        entry.claimed = differs ? claim : nil
        entry.reviewNote = own?.note
        entry.reviewedBy = unit
        data.indicators[indicator.id] = entry
    }

    /// A verified bonus or penalty count replaces the item's entries with one, keeping the notes and evidence.
    private static func apply(_ adjusted: Adjusted, unit: String, to entries: inout [AdjustmentEntry]) {
        let given = entries.filter { $0.item == adjusted.id }
        let claimed = given.map { $0.claimed ?? $0.count }.sum()
        guard !(given.isEmpty && adjusted.count == .zero) else { return }
        entries.removeAll { $0.item == adjusted.id }
        entries.append(
            AdjustmentEntry(
                item: adjusted.id, count: adjusted.count,
                note: given.compactMap(\.note).joined(separator: "；").nonEmpty,
                evidence: given.flatMap(\.evidence), location: adjusted.location,
                claimed: claimed == adjusted.count ? nil : claimed,
                reviewNote: adjusted.note, reviewedBy: unit))
    }
}

extension FormValue {
    /// Whether two texts shown in a form say the same value (`93.60` and `93.6` do).
    static func same(_ a: String, _ b: String) -> Bool {
        let a = LenientReading.trimmed(a), b = LenientReading.trimmed(b)
        if let x = Exact(a), let y = Exact(b) { return x == y }
        return a == b
    }
}

/// A newer 自评表 for data that was already verified: the verified values stay; what the organization claims now
/// is kept as its claim, and every claim that moved since its verification is a warning for the office to decide.
enum ReviewedData {
    /// A value as the warnings quote it, `（空）` when there is none.
    static func shown(_ value: DataValue?) -> Message { value.map { .plain($0.display) } ?? Catalog.empty() }

    /// `reviewedNow`: indicators a 核定表 of this round verifies again (no warning for those).
    static func keep(
        _ earlier: OrganizationData, in fresh: inout OrganizationData, rubric: Rubric,
        reviewedNow: Set<String>, _ d: inout Diagnostics
    ) {
        for id in earlier.indicators.ids {
            guard let old = earlier.indicators[id], let unit = old.reviewedBy, let indicator = rubric.indicator(id) else { continue }
            var entry = fresh.indicators[id] ?? old
            let claimNow = entry.value
            let claimThen = old.claimed ?? old.value
            let plans = SelfAssessmentForm.rows(indicator, dimension: "", previous: nil, rubric: rubric)
            let moved = plans.contains { FormValue.prefill(claimNow, row: $0)?.text != FormValue.prefill(claimThen, row: $0)?.text }
            if moved, !reviewedNow.contains(id) {
                d.add(
                    .warning, entry.location, Catalog.claimMovedAfterReview(Self.shown(claimThen), Self.shown(claimNow), unit, Self.shown(old.value)),
                    about: indicator.name)
            }
            let changed = plans.contains { FormValue.prefill(claimNow, row: $0)?.text != FormValue.prefill(old.value, row: $0)?.text }
            entry.value = old.value
            entry.claimed = changed ? claimNow : nil
            entry.reviewNote = old.reviewNote
            entry.reviewedBy = unit
            fresh.indicators[id] = entry
        }
        for (kind, path) in [(Catalog.bonusKind(), \OrganizationData.bonus), (Catalog.penaltyKind(), \OrganizationData.penalties)] {
            for old in earlier[keyPath: path] where old.reviewedBy != nil {
                let now = fresh[keyPath: path].filter { $0.item == old.item }
                let claimNow = now.map(\.count).sum(), claimThen = old.claimed ?? old.count
                if claimNow != claimThen, let location = now.first?.location ?? Optional(fresh.location) {
                    d.add(
                        .warning, location,
                        Catalog.countMovedAfterReview(
                            kind, old.item, claimThen.decimalText(), claimNow.decimalText(), old.reviewedBy!, old.count.decimalText()),
                        about: old.item)
                }
                var kept = old
                kept.note = now.compactMap(\.note).joined(separator: "；").nonEmpty ?? old.note
                kept.claimed = claimNow == old.count ? nil : claimNow
                fresh[keyPath: path].removeAll { $0.item == old.item }
                fresh[keyPath: path].append(kept)
            }
        }
    }
}
