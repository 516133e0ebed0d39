import Foundation
import Testing
import TestSupport
@testable import KaoheCore
@testable import KaoheWorkbook
import XLSX

/// Careless and hostile edits of a valid assessment (numbers of every magnitude, ids with characters that mean
/// something to file systems and formulas, lines lost or doubled, broken structure, control characters), run
/// through loading, scoring and writing. For every mutation: no crash; an input error always has a location;
/// what `validate` accepts, `score` scores under every scheme; and every accepted input's workbook reads back with
/// each organization's final score cached as the engine computed it.
///
/// `KAOHE_FUZZ_RUNS` sets the number of mutations (60 by default, what CI runs); `KAOHE_FUZZ_SEED` the first seed.
@Suite(.serialized) struct FuzzTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let bundled = root + "/rubrics/2024-county-mass-orgs"

    static let numbers = [
        "1e30", "-1", "0", "1e-30", "999999999999999", "1000000000000000", "0.1234567890123456",
        ".inf", "-0", "1_000", "9223372036854775807", "200000000e30", "0.0000001", "3.5"
    ]
    static let words = [
        "..", "/", "a/b", "*", "?", "=A1", "~", "'", "\"x\"", "权重", "满意度", "", "x\u{1}y", "优秀*",
        "[1, 2]", "{a: 1}", "null", "是", "&a", "*a", "!!str", "ＩＤ", "\t"
    ]

    /// One random edit of `text`.
    static func mutate(_ text: String, _ rng: inout SplitMix64) -> String {
        var lines = text.components(separatedBy: "\n")
        guard lines.count > 2 else { return text }
        let i = Int(rng.next() % UInt64(lines.count))
        func pick(_ list: [String]) -> String { list[Int(rng.next() % UInt64(list.count))] }
        switch rng.next() % 8 {
        case 0, 1:
            // A number → another magnitude.
            if let range = lines[i].range(of: #"-?[0-9]+(\.[0-9]+)?"#, options: .regularExpression) {
                lines[i].replaceSubrange(range, with: pick(numbers))
            }
        case 2, 3:
            // A word (id, name, level, key) → something with meaning elsewhere.
            if let range = lines[i].range(of: #"[A-Za-z\u4e00-\u9fff][A-Za-z0-9._\u4e00-\u9fff-]*"#, options: .regularExpression) {
                lines[i].replaceSubrange(range, with: pick(words))
            }
        case 4: lines.remove(at: i)
        case 5: lines.insert(lines[i], at: i)
        case 6: lines[i] = (rng.next() % 2 == 0 ? "  " : "") + String(lines[i].drop { $0 == " " }.prefix(rng.next() % 2 == 0 ? 1000 : 3))
        default: lines[i] += pick([" {", " [", ": :", " # ", "\u{0}", " &x", " *x"])
        }
        return lines.joined(separator: "\n")
    }

    @Test func mutatedAssessmentsNeverCrashAndValidateAgreesWithScore() throws {
        let environment = ProcessInfo.processInfo.environment
        let runs = environment["KAOHE_FUZZ_RUNS"].flatMap(Int.init) ?? 60
        let firstSeed = environment["KAOHE_FUZZ_SEED"].flatMap(UInt64.init) ?? 1
        let scratch = try makeScratchDirectory("fuzz")
        var accepted = 0
        for seed in firstSeed..<(firstSeed + UInt64(runs)) {
            var rng = SplitMix64(seed: seed)
            let folder = scratch + "/\(seed)"
            try FileManager.default.copyItem(atPath: Self.bundled, toPath: folder)
            let candidates = [
                "rubric.yaml", "rubric.yaml", "data/union.yaml", "data/women.yaml", "data/arts.csv",
                "weights/service-weighted.yaml"
            ]
            for _ in 0...(rng.next() % 3) {
                let file = folder + "/" + candidates[Int(rng.next() % UInt64(candidates.count))]
                let text = try String(contentsOfFile: file, encoding: .utf8)
                try Self.mutate(text, &rng).write(toFile: file, atomically: true, encoding: .utf8)
            }
            if try check(folder, seed: seed) { accepted += 1 }
            try? FileManager.default.removeItem(atPath: folder)
        }
        // The mutations are meant to be mostly refused, but not all.
        #expect(accepted > 0 && accepted < runs, "\(accepted) of \(runs) accepted")
    }

    /// True when the mutated assessment was accepted (and then scored and written correctly).
    func check(_ folder: String, seed: UInt64) throws -> Bool {
        let assessment: Assessment
        do {
            assessment = try AssessmentLoader.load(folder: folder)
        } catch let errors as InputErrors {
            #expect(!errors.diagnostics.isEmpty, "seed \(seed): no diagnostic")
            for d in errors.diagnostics {
                #expect(!d.location.file.isEmpty && !d.message.isEmpty, "seed \(seed): \(d)")
            }
            return false
        }
        for scheme in [nil] + assessment.schemes.map(Optional.some) {
            let result: AssessmentResult
            do {
                result = try Scorer(rubric: assessment.rubric, scheme: scheme).score(assessment.data)
            } catch {
                Issue.record("seed \(seed): validate accepted, score under \(scheme?.name ?? "the rubric") failed: \(error)")
                continue
            }
            let path = folder + "/out-\(scheme?.name.count ?? 0).xlsx"
            do {
                try ScorecardWorkbook.write(
                    result, provenance: Provenance(assessment: assessment, scheme: scheme, generated: Date(timeIntervalSince1970: 0)),
                    to: path)
            } catch {
                Issue.record("seed \(seed): accepted input, but the workbook failed: \(error)")
                continue
            }
            let book = try WorkbookContents(path: path)
            let summary = try #require(book.sheet(Book.summarySheet), "seed \(seed)")
            for (i, org) in result.organizations.enumerated() {
                let cached = summary.row(SummarySheet.firstRow + i).values.compactMap { value -> Double? in
                    if case .number(let n) = value { return n } else { return nil }
                }
                #expect(cached.contains(org.final.double), "seed \(seed): \(org.organization.id) final \(org.final) not cached in 汇总")
            }
        }
        return true
    }
}
