import Foundation

/// `compare.json` and `sensitivity.json`.
public enum AnalysisExport {
    static func number(_ x: Double, places: Int = 4) -> String {
        guard x.isFinite else { return "null" }
        let text = String(format: "%.\(places)f", x)
        var trimmed = Substring(text)
        if trimmed.contains(".") {
            while trimmed.hasSuffix("0") { trimmed.removeLast() }
            if trimmed.hasSuffix(".") { trimmed.removeLast() }
        }
        return trimmed == "-0" ? "0" : String(trimmed)
    }

    /// Per organization and scheme: final, rank and grade with their changes; per scheme: Spearman, mean
    /// absolute rank shift, who entered and who left the top grade.
    public static func json(_ c: Comparison) -> String {
        let places = c.rubric.assessment.decimals
        func exact(_ x: Exact) -> String { x.rounded(places).decimalText(maximumPlaces: places) }
        var out = "{\n"
        out += "  \"assessment\": {\"id\": \(JSONText.quoted(c.rubric.assessment.id)), \"year\": \(c.rubric.assessment.year)},\n"
        out += "  \"baseline\": \(JSONText.quoted(c.baselineName)),\n"
        out += "  \"schemes\": [\(c.schemeNames.map(JSONText.quoted).joined(separator: ", "))],\n"
        out += "  \"summaries\": [\n"
        out += c.summaries.map { s in
            "    {\"scheme\": \(JSONText.quoted(s.scheme)), \"spearman\": \(number(s.spearman)), \"mean_abs_rank_shift\": \(number(s.meanAbsoluteRankShift)), "
                + "\"grade_changes\": \(s.gradeChanges), \"entered_top_grade\": [\(s.entered.map(JSONText.quoted).joined(separator: ", "))], "
                + "\"left_top_grade\": [\(s.left.map(JSONText.quoted).joined(separator: ", "))]}"
        }.joined(separator: ",\n")
        out += "\n  ],\n  \"organizations\": [\n"
        out += c.rows.map { row in
            let schemes = zip(c.schemeNames, row.schemes).map { name, f in
                "{\"scheme\": \(JSONText.quoted(name)), \"final\": \(exact(f.final)), \"rank\": \(f.rank), \"grade\": \(JSONText.quoted(f.grade)), "
                    + "\"final_change\": \(exact(f.final - row.baseline.final)), \"rank_change\": \(row.baseline.rank - f.rank), "
                    + "\"grade_changed\": \(f.grade != row.baseline.grade)}"
            }.joined(separator: ", ")
            return "    {\"id\": \(JSONText.quoted(row.id)), \"name\": \(JSONText.quoted(row.name)), \"category\": \(JSONText.quoted(row.category)), "
                + "\"baseline\": {\"final\": \(exact(row.baseline.final)), \"rank\": \(row.baseline.rank), \"grade\": \(JSONText.quoted(row.baseline.grade))}, "
                + "\"schemes\": [\(schemes)]}"
        }.joined(separator: ",\n")
        out += "\n  ]\n}\n"
        return out
    }

    /// The run parameters, the ranking's overall robustness and, per organization, `id`, `nominal_rank`,
    /// `median_rank`, `p5_rank`, `p95_rank` and `grade_shares`.
    public static func json(_ r: SensitivityReport) -> String {
        func distribution(_ d: SensitivityReport.Distribution) -> String {
            "{\"mean\": \(number(d.mean)), \"median\": \(number(d.median)), \"p5\": \(number(d.p5)), \"p95\": \(number(d.p95)), \"min\": \(number(d.min)), \"max\": \(number(d.max))}"
        }
        var out = "{\n"
        out += "  \"assessment\": {\"id\": \(JSONText.quoted(r.rubric.assessment.id)), \"year\": \(r.rubric.assessment.year)},\n"
        out += "  \"nominal_scheme\": \(JSONText.quoted(r.nominalSchemeName)),\n"
        out +=
            "  \"parameters\": {\"perturbation\": \(r.parameters.perturbation.decimalText()), \"runs\": \(r.parameters.runs), \"seed\": \(r.parameters.seed), "
        out += "\"method\": \"each weight × U(1−x, 1+x), renormalized within its parent, rounded to 4 decimals\"},\n"
        out += "  \"mean_rank_shift\": \(distribution(r.meanRankShift)),\n"
        out += "  \"spearman\": \(distribution(r.spearman)),\n"
        out += "  \"top_grade_set_unchanged\": \(number(r.topGradeSetUnchanged)),\n"
        out += "  \"organizations\": [\n"
        out += r.organizations.map { o in
            let shares = r.grades.map { "\(JSONText.quoted($0)): \(number(o.gradeShares[$0] ?? 0))" }.joined(separator: ", ")
            return "    {\"id\": \(JSONText.quoted(o.id)), \"name\": \(JSONText.quoted(o.name)), \"category\": \(JSONText.quoted(o.category)), "
                + "\"nominal_rank\": \(o.nominalRank), \"nominal_grade\": \(JSONText.quoted(o.nominalGrade)), \"median_rank\": \(number(o.medianRank)), "
                + "\"p5_rank\": \(o.p5Rank), \"p95_rank\": \(o.p95Rank), \"grade_shares\": {\(shares)}, \"grade_sensitive\": \(o.gradeSensitive)}"
        }.joined(separator: ",\n")
        out += "\n  ]\n}\n"
        return out
    }
}
