import Foundation

/// Where a set of results came from: tool version, input digests, scheme and generation time.
/// Printed on the workbook's cover so an auditor can tie a printout to its inputs.
public struct Provenance: Sendable {
    public var toolVersion: String
    public var rubric: InputFile
    public var data: [InputFile]
    /// The weight scheme files used (none for the rubric's own weights).
    public var schemes: [InputFile]
    /// The generation time: `SOURCE_DATE_EPOCH` when set, otherwise the clock.
    public var generated: Date
    /// The joint meeting ledger's files and the date it was read as of, when indicators take values from it.
    public var ledger: [InputFile] = []
    public var ledgerAsOf: CalendarDate?

    public init(assessment: Assessment, schemes: [WeightScheme], generated: Date) {
        toolVersion = KaoheVersion.current
        rubric = assessment.rubricFile
        data = assessment.dataFiles
        self.schemes = schemes.compactMap { s in assessment.schemeFiles.first { $0.path == s.file } }
        self.generated = generated
        ledger = assessment.ledger?.ledger.files ?? []
        ledgerAsOf = assessment.ledger?.figures.asOf
    }

    public init(assessment: Assessment, scheme: WeightScheme?, generated: Date) {
        self.init(assessment: assessment, schemes: scheme.map { [$0] } ?? [], generated: generated)
    }
}

/// How generation times are printed (the time itself comes from the workbook layer, which honours
/// `SOURCE_DATE_EPOCH`).
public enum GenerationTime {
    /// `2024-12-31 08:00` in China Standard Time, as printed on covers.
    public static func display(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss '(UTC+8)'"
        return formatter.string(from: date)
    }
}

/// File and folder names of the output.
public enum OutputNaming {
    /// `<assessment>` or `<assessment>-<scheme file name>`.
    public static func stem(assessment: String, scheme: WeightScheme?) -> String {
        guard let scheme else { return fileName(assessment) }
        let schemeStem = URL(fileURLWithPath: scheme.file).deletingPathExtension().lastPathComponent
        return fileName(assessment) + "-" + fileName(schemeStem.isEmpty ? scheme.name : schemeStem)
    }

    /// Why `id` cannot name a file or folder (rubric-format.md §12), or nil: not `.` or `..`, no `/`, `\` or
    /// control characters.
    public static func fileNameProblem(_ id: String) -> String? {
        if id == "." || id == ".." { return "may not be '.' or '..'" }
        if id.contains("/") || id.contains("\\") { return "may not contain '/' or '\\'" }
        if id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return "may not contain control characters" }
        return nil
    }

    /// `names` made distinct as file names (case-insensitive file systems too): a repeated one gets `-2`, `-3` ….
    public static func uniqueFileNames(_ names: [String]) -> [String] {
        var used: Set<String> = []
        return names.map { name in
            var candidate = name
            var n = 1
            while !used.insert(candidate.lowercased()).inserted {
                n += 1
                candidate = "\(name)-\(n)"
            }
            return candidate
        }
    }

    /// `text` with characters that file systems or shells dislike replaced; `id` is appended when given.
    public static func fileName(_ text: String, id: String? = nil) -> String {
        let bad = CharacterSet(charactersIn: "/\\:*?\"<>|").union(.whitespacesAndNewlines).union(.controlCharacters)
        let cleaned = String(text.unicodeScalars.map { bad.contains($0) ? "_" : Character($0) })
        return id.map { "\(cleaned)-\(fileName($0))" } ?? cleaned
    }
}
