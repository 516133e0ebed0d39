/// A valid, deterministic assessment of any size, for benchmarks and stress tests: categories,
/// 60 indicators across 6 dimensions using every method, a survey block, bonus, penalties and vetoes.
public struct SyntheticAssessment: Sendable {
    public let organizations: Int
    public let seed: UInt64

    public init(organizations: Int, seed: UInt64 = 2024) {
        self.organizations = organizations
        self.seed = seed
    }

    static let dimensionPoints = [20, 20, 15, 15, 15, 15]
    static let categoryCount = 4
    static let methods = ScoringMethod.allNames

    public func organizationID(_ i: Int) -> String { "o\(String(format6(i)))" }

    private func format6(_ i: Int) -> String {
        let s = String(i)
        return String(repeating: "0", count: max(0, 6 - s.count)) + s
    }

    /// The rubric as YAML.
    public func rubricYAML() -> String {
        var y = """
            kaohe: 1
            assessment:
              id: synthetic-\(organizations)
              title: 合成考核(\(organizations)个单位)
              year: 2024
              issuer: 基准测试
              decimals: 2
              total: 100
            categories:

            """
        for c in 0..<Self.categoryCount { y += "  - {id: c\(c), name: 第\(c + 1)类}\n" }
        y += "organizations:\n"
        for i in 0..<organizations { y += "  - {id: \(organizationID(i)), name: 单位\(format6(i)), category: c\(i % Self.categoryCount)}\n" }
        y += """
            blocks:
              - {id: performance, name: 目标任务考核, weight: 80, source: indicators}
              - id: satisfaction
                name: 社会评价
                weight: 20
                source: survey
                survey:
                  answers: {满意: 100, 基本满意: 70, 不满意: 30, 不了解: null}
                  groups: [{id: staff, name: 干部职工, weight: 4}, {id: served, name: 服务对象, weight: 7}, {id: leaders, name: 县级领导, weight: 4}]
                  trim: 1
            dimensions:

            """
        for (d, points) in Self.dimensionPoints.enumerated() {
            y += "  - id: d\(d)\n    name: 一级指标\(d + 1)\n    points: \(points)\n    indicators:\n"
            let each = Exact(points) / 10
            for k in 0..<10 {
                y +=
                    "      - {id: d\(d).i\(k), name: 指标\(d + 1)-\(k + 1), points: \(each.decimalText()), \(parameters(Self.methods[(d + k) % 10], points: each))}\n"
            }
        }
        y += """
            bonus:
              cap: 5
              items: [{id: award, name: 表彰, points: 2}, {id: media, name: 宣传, points: 0.5, cap: 2}]
            penalties:
              cap: 10
              items: [{id: petition, name: 上访, points: 1}, {id: safety, name: 安全事故, points: 2}]
            vetoes:
              - {id: discipline, name: 违纪, effect: {grade: 不合格}}
              - {id: accident, name: 重大事故, effect: {demote: 1}}
              - {id: keytask, name: 重点工作未完成, effect: {max_grade: 良好}}
            grades:
              - {name: 优秀, min: 90, quota: 0.3}
              - {name: 良好, min: 80}
              - {name: 合格, min: 60}
              - {name: 不合格}
            ranking: {within: category, tie_break: [performance]}

            """
        return y
    }

    private func parameters(_ method: String, points: Exact) -> String {
        let p = points.decimalText()
        switch method {
        case "ratio": return "method: ratio, target: 100, cap: 1.1, floor: 0.4"
        case "linear": return "method: linear, zero: 40, full: 100"
        case "bands":
            return
                "method: bands, bands: [{min: 90, points: \(p)}, {min: 75, points: \((points * Exact(7, over: 10)).decimalText())}, {min: 60, points: \((points * Exact(4, over: 10)).decimalText())}]"
        case "deduct": return "method: deduct, threshold: 98, per: \((points / 10).decimalText()), steps: ceil"
        case "checklist":
            let half = (points / 2).decimalText()
            return "method: checklist, items: [{id: a, name: 甲, points: \(half)}, {id: b, name: 乙, points: \(half)}]"
        case "levels": return "method: levels, levels: {好: 1, 较好: 0.8, 一般: 0.6, 差: 0}"
        case "yesno": return "method: yesno, no_points: \((points / 2).decimalText())"
        case "rank": return "method: rank, top: 3, step: \((points / 20).decimalText()), min: \((points / 4).decimalText())"
        case "average": return "method: average, trim: 1"
        default: return "method: manual"
        }
    }

    /// One organization's data file as YAML.
    public func dataYAML(_ i: Int) -> String {
        var random = SplitMix64(seed: seed &+ UInt64(i) &* 0x9E37_79B9)
        let strength = 55 + random.next(45)
        func around(_ spread: Int) -> Int { max(0, min(100, strength + random.next(2 * spread + 1) - spread)) }
        var y = "organization: \(organizationID(i))\nyear: 2024\nindicators:\n"
        for (d, points) in Self.dimensionPoints.enumerated() {
            let each = Exact(points) / 10
            for k in 0..<10 {
                let id = "d\(d).i\(k)"
                let value: String
                switch Self.methods[(d + k) % 10] {
                case "ratio", "linear", "bands", "rank": value = String(around(15))
                case "deduct": value = String(90 + random.next(11))
                case "checklist": value = random.next(3) == 0 ? "[a]" : "[a, b]"
                case "levels": value = ["好", "较好", "一般", "差"][min(3, random.next(4) + (strength > 80 ? 0 : 1))]
                case "yesno": value = random.next(5) == 0 ? "否" : "是"
                case "average": value = "[\((0..<5).map { _ in String(around(10)) }.joined(separator: ", "))]"
                default: value = (each * Exact(around(20)) / 100).decimalText()
                }
                y += "  \(id): {value: \(value), self: \(each.decimalText())}\n"
            }
        }
        if random.next(10) == 0 { y += "bonus: [{item: award, note: 获省级表彰}]\n" }
        if random.next(8) == 0 { y += "penalties: [{item: petition, count: \(1 + random.next(3))}]\n" }
        if random.next(200) == 0 { y += "vetoes: [\(["discipline", "accident", "keytask"][random.next(3)])]\n" }
        y += "survey:\n"
        y += "  staff: {满意: \(10 + random.next(30)), 基本满意: \(random.next(10)), 不满意: \(random.next(3)), 不了解: \(random.next(3))}\n"
        y += "  served: {满意: \(20 + random.next(60)), 基本满意: \(random.next(20)), 不满意: \(random.next(6)), 不了解: \(random.next(6))}\n"
        if random.next(20) != 0 { y += "  leaders: [\((0..<5).map { _ in String(around(8)) }.joined(separator: ", "))]\n" }
        return y
    }
}
