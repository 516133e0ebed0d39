/// An alternative set of weights for a rerun (§10). Overrides the named weights and nothing else.
public struct WeightScheme: Sendable {
    public var name: String
    public var blocks: [String: Exact]
    public var dimensions: [String: Exact]
    public var indicators: [String: Exact]
    /// Rater-group weights by survey block id, then group id (an extension of the format).
    public var surveyGroups: [String: [String: Exact]]
    /// Where the scheme came from.
    public var file: String

    public init(
        name: String, blocks: [String: Exact] = [:], dimensions: [String: Exact] = [:],
        indicators: [String: Exact] = [:], surveyGroups: [String: [String: Exact]] = [:], file: String = ""
    ) {
        self.name = name
        self.blocks = blocks
        self.dimensions = dimensions
        self.indicators = indicators
        self.surveyGroups = surveyGroups
        self.file = file
    }
}

extension Rubric {
    /// The rubric with a scheme's weights in place of its own. The scheme must have been validated.
    public func applying(_ scheme: WeightScheme?) -> Rubric {
        guard let scheme else { return self }
        var copy = self
        for i in copy.blocks.indices {
            if let w = scheme.blocks[copy.blocks[i].id] { copy.blocks[i].weight = w }
            if let groups = scheme.surveyGroups[copy.blocks[i].id], var survey = copy.blocks[i].survey {
                for g in survey.groups.indices {
                    if let w = groups[survey.groups[g].id] { survey.groups[g].weight = w }
                }
                copy.blocks[i].survey = survey
            }
        }
        for d in copy.dimensions.indices {
            if let p = scheme.dimensions[copy.dimensions[d].id] { copy.dimensions[d].points = p }
            for i in copy.dimensions[d].indicators.indices {
                if let p = scheme.indicators[copy.dimensions[d].indicators[i].id] {
                    copy.dimensions[d].indicators[i].points = p
                }
            }
        }
        return copy
    }
}

extension WeightScheme {
    /// The name the documents give to `scheme`: its own, or 考核细则原定权重 for the rubric's weights.
    public static func name(of scheme: WeightScheme?) -> String { scheme?.name ?? Catalog.rubricWeights(in: .zh) }
}
