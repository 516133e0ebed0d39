/// The rubric's organizations and indicators by id. Reading data looks up an organization per file and an
/// indicator per entry: build one lookup for all the files of a load (searching the rubric's lists instead would
/// cost a province roll-up of 10,000 organizations × 60 indicators hundreds of millions of comparisons).
public struct RubricLookup: Sendable {
    public let rubric: Rubric
    private let organizations: [String: Organization]
    /// Every indicator in rubric order, and each id's position in it.
    private let indicators: [Indicator]
    private let indicatorPositions: [String: Int]

    public init(_ rubric: Rubric) {
        self.rubric = rubric
        organizations = Dictionary(rubric.organizations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        indicators = rubric.indicators
        indicatorPositions = Dictionary(indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func organization(_ id: String) -> Organization? { organizations[id] }
    var indicatorCount: Int { indicators.count }
    /// The indicator's position in rubric order.
    func position(ofIndicator id: String) -> Int? { indicatorPositions[id] }
    func indicator(at position: Int) -> Indicator { indicators[position] }
}
