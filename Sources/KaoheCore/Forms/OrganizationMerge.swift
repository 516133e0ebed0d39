import Foundation

/// One organization's data file after a round: its data already collected (or the office's own file, with
/// `--replace`), then its new 自评表 (keeping what was verified), then the 核定表 rows of each unit, then the
/// survey tallies. Nothing when the round brought nothing for it.
struct OrganizationMerge {
    let organization: Organization
    let rubric: Rubric
    let dataFolder: String
    let replace: Bool

    var path: String {
        (dataFolder as NSString).appendingPathComponent(OutputNaming.fileName(organization.id) + ".yaml")
    }

    func output(
        _ returned: ReturnedForms, existing: [CollectionRound.ExistingFile],
        _ d: inout Diagnostics
    ) -> CollectionRound.Output? {
        let selfForm = returned.selfAssessment(of: organization.id)
        let reviews = returned.reviews(of: organization.id)
        let tallies = returned.tallies(of: organization.id)
        guard selfForm != nil || !reviews.isEmpty || !tallies.isEmpty else { return nil }
        guard let (base, backingUp) = base(existing, skipping: selfForm?.file.path, &d) else { return nil }
        var data: OrganizationData
        if let fresh = selfForm?.data {
            data = fresh
            if let base {
                // Votes and vetoes never come from a 自评表: keep what the data had, and what was verified.
                data.vetoes = base.data.vetoes
                data.surveys = base.data.surveys
                let reviewedNow = Set(reviews.flatMap { $0.review.indicators.map(\.indicatorID) })
                ReviewedData.keep(base.data, in: &data, rubric: rubric, reviewedNow: reviewedNow, &d)
            }
        } else if let base {
            data = base.data
        } else {
            let files = Suggestion.list((reviews.map(\.form) + tallies).map(\.file.path))
            d.error(.wholeFile(path), Catalog.reviewBeforeSelfForm(organization.name, files))
            return nil
        }
        for (_, review) in reviews { review.apply(to: &data, rubric: rubric, &d) }
        for form in tallies {
            let tally = form.tally!
            data.surveys[tally.block, default: [:]][tally.group] = tally.votes[organization.id]
        }
        let used = [selfForm].compactMap { $0 } + reviews.map(\.form) + tallies
        let replaced = Set(used.map { $0.source.form })
        let sources = (base?.sources ?? []).filter { !replaced.contains($0.form) } + used.map(\.source)
        return CollectionRound.Output(
            organization: organization.id, path: path,
            text: DataFileText.yaml(data, rubric: rubric, sources: sources),
            backingUp: backingUp, surveys: data.surveys, data: data)
    }

    /// The data file this round builds on, and the office's own file it replaces; nil (with an error) when the round
    /// may not write: the office's own file without `replace`, a file of several organizations, or data in two files.
    private func base(
        _ existing: [CollectionRound.ExistingFile], skipping source: String?,
        _ d: inout Diagnostics
    ) -> (CollectionRound.ExistingFile?, String?)? {
        var base: CollectionRound.ExistingFile?
        var backingUp: String?
        for file in existing where file.path != source {
            if base != nil {
                d.error(.wholeFile(file.path), Catalog.dataInSeveralFiles(organization.id, base!.path, file.path))
                return nil
            }
            if !(file.collected && file.path == path) {
                guard replace else {
                    d.error(.wholeFile(file.path), Catalog.officeFileKept(file.path, organization.id))
                    return nil
                }
                guard file.organizations == 1 else {
                    d.error(.wholeFile(file.path), Catalog.sharedDataFile(file.path, file.organizations, organization.id))
                    return nil
                }
                backingUp = file.path
            }
            base = file
        }
        return (base, backingUp)
    }
}
