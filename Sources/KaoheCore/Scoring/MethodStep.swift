/// What a scoring method decided for one value, in figures: the exact values on the way to the share earned
/// that are neither the value itself (on the result) nor the rubric's parameters. The scorer keeps it with the
/// indicator's result, small enough to keep for every organization of a province; `WorkingText` puts it in words,
/// in either language, without scoring again.
public enum MethodStep: Sendable, Hashable {
    /// `ratio`: r = value ÷ target (or target ÷ value when lower is better) before the floor and the cap, and
    /// where it met them.
    case ratio(ratio: Exact, limit: RatioLimit)
    /// `linear`: the share is the value placed between the method's zero and full marks.
    case linear
    /// `bands`: the band reached (an index into the method's bands), nil when none is (`else`).
    case band(reached: Int?)
    /// `deduct`: the occurrences counted (for a threshold, the steps the value falls short by).
    case occurrences(Exact)
    /// `checklist`: each item marked, in the order given, with the share of it done.
    case checklist([ChecklistMark])
    /// `levels`: the share is the level's.
    case level
    /// `yesno`: full marks or the method's points for no.
    case yesno
    /// `rank`: scored from the organization's position among those ranked together.
    case rank
    /// `average`: how many numbers were averaged and whether the extremes were dropped (the mean is the share
    /// × the scale).
    case average(count: Int32, trimmed: Bool)
    /// `manual`: the score given, in the rubric's points.
    case manual

    /// Where a ratio met the method's limits.
    public enum RatioLimit: Sendable, Hashable {
        /// Within the floor and the cap: the ratio is the share.
        case none
        /// Above the cap: the share is the cap.
        case capped
        /// Below the floor: the share is 0.
        case belowFloor
    }

    /// A checklist item marked done, wholly (1) or in part.
    public struct ChecklistMark: Sendable, Hashable {
        public var id: String
        public var fraction: Exact
    }
}
