import Foundation
import Testing
@testable import KaoheCore

@Suite struct ResultsExportTests {
    @Test func jsonHasTheSpecifiedShapeAndPrintedNumbers() throws {
        let a = try AssessmentLoader.load(folder: bundledAssessment)
        let result = try Scorer(rubric: a.rubric, scheme: a.scheme(named: "service-weighted")).score(a.data)
        let text = ResultsExport.json(result)
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        #expect((json["assessment"] as! [String: Any])["id"] as? String == "2024-county-mass-orgs")
        #expect(json["scheme"] as? String == "服务群众加权")
        let orgs = json["organizations"] as! [[String: Any]]
        #expect(orgs.map { $0["id"] as! String } == result.organizations.map(\.organization.id))
        for (o, r) in zip(orgs, result.organizations) {
            for key in ["id", "name", "category", "blocks", "bonus", "penalty", "final", "rank", "grade", "vetoes"] {
                #expect(o[key] != nil, "\(key)")
            }
            #expect(o["final"] as? Double == r.final.double)
            #expect((o["vetoes"] as! [String]) == r.vetoes.map(\.id))
        }
        // Numbers carry at most `decimals` places, exactly as printed.
        let numbers = text.split(whereSeparator: { ",{}[]: \n".contains($0) }).filter { Exact(String($0)) != nil && $0.contains(".") }
        #expect(numbers.allSatisfy { $0.split(separator: ".").last!.count <= 2 })
    }

    @Test func csvHasABomAndOneRowPerOrganization() throws {
        let a = try AssessmentLoader.load(folder: bundledAssessment)
        let csv = ResultsExport.csv(try Scorer(rubric: a.rubric).score(a.data))
        #expect(csv.hasPrefix("\u{FEFF}排名,单位编号,单位,类别,"))
        #expect(csv.split(separator: "\r\n").count == 1 + a.rubric.organizations.count)
        #expect(ResultsExport.csvField("=1+1") == "'=1+1")
        #expect(ResultsExport.csvField("-1.5") == "-1.5")
        #expect(ResultsExport.csvField("a,b") == "\"a,b\"")
    }
}
