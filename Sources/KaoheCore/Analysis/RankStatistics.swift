/// Statistics on rankings, for comparing reruns with a baseline.
public enum RankStatistics {
    /// Competition ranks (1, 2, 2, 4) turned into average ranks (1, 2.5, 2.5, 4), as rank correlation needs.
    public static func averageRanks(_ ranks: [Int]) -> [Double] {
        // Competition ranks lie in 1…count: counted in an array, else (any other numbers) in a dictionary.
        if ranks.allSatisfy({ $0 >= 1 && $0 <= ranks.count }) {
            var counts = [Int](repeating: 0, count: ranks.count + 1)
            for r in ranks { counts[r] += 1 }
            return ranks.map { Double($0) + Double(counts[$0] - 1) / 2 }
        }
        var counts: [Int: Int] = [:]
        for r in ranks { counts[r, default: 0] += 1 }
        return ranks.map { Double($0) + Double(counts[$0]! - 1) / 2 }
    }

    /// Spearman's rank correlation of two rankings of the same organizations (Pearson's correlation of the
    /// average ranks). 1 when both rankings are constant and equal; 0 when only one is constant.
    public static func spearman(_ a: [Int], _ b: [Int]) -> Double {
        precondition(a.count == b.count)
        let x = averageRanks(a), y = averageRanks(b)
        let n = Double(x.count)
        guard n > 1 else { return 1 }
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            sxy += (x[i] - mx) * (y[i] - my)
            sxx += (x[i] - mx) * (x[i] - mx)
            syy += (y[i] - my) * (y[i] - my)
        }
        if sxx == 0 || syy == 0 { return sxx == syy && x == y ? 1 : 0 }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Spearman within each ranking group, averaged with the groups' sizes as weights (groups of one are left out).
    public static func spearman(groups: [[(baseline: Int, other: Int)]]) -> Double {
        var total = 0.0, weight = 0.0
        for group in groups where group.count > 1 {
            total += spearman(group.map(\.baseline), group.map(\.other)) * Double(group.count)
            weight += Double(group.count)
        }
        return weight == 0 ? 1 : total / weight
    }

    /// The mean of |baseline − other| over all organizations.
    public static func meanAbsoluteShift(_ pairs: [(baseline: Int, other: Int)]) -> Double {
        guard !pairs.isEmpty else { return 0 }
        return Double(pairs.map { abs($0.baseline - $0.other) }.reduce(0, +)) / Double(pairs.count)
    }

    /// The nearest-rank percentile (0…1) of sorted values.
    public static func percentile<T>(_ sorted: [T], _ p: Double) -> T {
        let index = max(0, min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[index]
    }

    /// The median of sorted numbers (the mean of the middle two for an even count).
    public static func median(_ sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}
