import Foundation

/// `results.json` and `results.csv`: the per-organization figures for other systems (workbook spec,
/// "Alongside the workbook"). Numbers are the printed values, with at most `decimals` places.
public enum ResultsExport {
    /// The JSON document: `assessment`, `scheme` and `organizations` in rank order.
    public static func json(_ result: AssessmentResult) -> String {
        let rubric = result.rubric
        let places = rubric.assessment.decimals
        func number(_ x: Exact) -> String { x.rounded(places).decimalText(maximumPlaces: places) }
        var out = "{\n"
        out +=
            "  \"assessment\": {\"id\": \(JSONText.quoted(rubric.assessment.id)), \"year\": \(rubric.assessment.year), \"title\": \(JSONText.quoted(rubric.assessment.title))},\n"
        out += "  \"scheme\": \(result.scheme.map { JSONText.quoted($0.name) } ?? "null"),\n"
        out += "  \"organizations\": ["
        for (i, org) in result.organizations.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            let blocks = org.blocks.map {
                "\(JSONText.quoted($0.id)): {\"score\": \(number($0.score)), \"contribution\": \(number($0.contribution))}"
            }.joined(separator: ", ")
            let category = rubric.categories.first { $0.id == org.organization.category }?.name ?? org.organization.category
            out += "    {\"id\": \(JSONText.quoted(org.organization.id)), \"name\": \(JSONText.quoted(org.organization.name)), "
            out += "\"category\": \(JSONText.quoted(category)), \"category_id\": \(JSONText.quoted(org.organization.category)), "
            out += "\"blocks\": {\(blocks)}, \"bonus\": \(number(org.bonus.total)), \"penalty\": \(number(org.penalty.total)), "
            out += "\"final\": \(number(org.final)), \"rank\": \(org.rank), \"grade\": \(JSONText.quoted(org.grade)), "
            out += "\"vetoes\": [\(org.vetoes.map { JSONText.quoted($0.id) }.joined(separator: ", "))]"
            out += reviewed(org, rubric: rubric) + "}"
        }
        out += "\n  ]\n}\n"
        return out
    }

    /// `, "reviewed": [...]`: the indicators a 考核责任单位 verified, with the verified value, the claim when it
    /// differs (else null), the unit and its note; nothing when none was verified.
    static func reviewed(_ org: OrganizationResult, rubric: Rubric) -> String {
        let items = rubric.indicators.compactMap { indicator -> String? in
            guard let r = org.indicator(indicator.id), let review = r.review else { return nil }
            return "{\"indicator\": \(JSONText.quoted(indicator.id)), \"value\": \(JSONText.quoted(WorkingText.chinese.value(r))), "
                + "\"claimed\": \(WorkingText.chinese.claimed(r).map(JSONText.quoted) ?? "null"), \"reviewed_by\": \(JSONText.quoted(review.by)), "
                + "\"review_note\": \(review.note.map(JSONText.quoted) ?? "null")}"
        }
        return items.isEmpty ? "" : ", \"reviewed\": [\(items.joined(separator: ", "))]"
    }

    /// The CSV table, UTF-8 with a byte-order mark so that Excel reads the Chinese.
    public static func csv(_ result: AssessmentResult) -> String {
        let rubric = result.rubric
        let places = rubric.assessment.decimals
        var header = ["排名", "单位编号", "单位", "类别"]
        for block in rubric.blocks { header += ["\(block.name)得分", "\(block.name)折算分"] }
        header += ["加分", "扣分", "综合得分", "等次", "否决事项"]
        var lines = [header.map(csvField).joined(separator: ",")]
        for org in result.organizations {
            var row = [
                String(org.rank), org.organization.id, org.organization.name,
                rubric.categories.first { $0.id == org.organization.category }?.name ?? org.organization.category
            ]
            for block in rubric.blocks {
                let b = org.block(block.id)
                row += [b?.score.formatted(places: places) ?? "", b?.contribution.formatted(places: places) ?? ""]
            }
            row += [
                org.bonus.total.formatted(places: places), org.penalty.total.formatted(places: places),
                org.final.formatted(places: places), org.grade, org.vetoes.map(\.name).joined(separator: "；")
            ]
            lines.append(row.map(csvField).joined(separator: ","))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A CSV field, quoted when needed; text that a spreadsheet would take for a formula gets a leading `'`.
    static func csvField(_ s: String) -> String {
        var text = s
        if let first = text.first, "=+-@".contains(first), Exact(text) == nil { text = "'" + text }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}
