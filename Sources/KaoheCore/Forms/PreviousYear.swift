import Foundation

/// Last year's data read for reference (`kaohe forms --prefill`): every organization and indicator that this
/// year's rubric still has, whatever the year; what no longer fits is counted, not reported.
public enum PreviousYear {
    /// `path` is last year's assessment folder or its data folder. The count is of entries left out (a year that
    /// differs is expected, not counted).
    public static func values(in path: String, rubric: Rubric) -> (data: [String: OrganizationData], skipped: Int) {
        let data = (path as NSString).appendingPathComponent("data")
        let folder = FileManager.default.fileExists(atPath: data) ? data : path
        let lookup = RubricLookup(rubric)
        var out: [String: OrganizationData] = [:]
        var skipped = 0
        for path in DataFileKind.files(in: folder) where DataFileKind(path: path) != .spreadsheet {
            let parsed = ParsedDataFile(path: path, lookup: lookup, forms: nil)
            skipped += parsed.diagnostics.errors.filter { $0.content.template != Catalog.wrongYear }.count
            for data in parsed.organizations where out[data.organization] == nil { out[data.organization] = data }
        }
        return (out, skipped)
    }
}
