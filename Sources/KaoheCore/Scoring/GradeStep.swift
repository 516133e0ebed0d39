/// One step of placing an organization's grade (§8), in figures; `WorkingText` puts it in words.
public enum GradeStep: Sendable, Hashable {
    /// The band the final score reaches (`minimum` nil: the lowest grade, reached by any score).
    case scoreBand(final: Exact, grade: String, minimum: Exact?)
    /// A `grade` veto set the grade.
    case forced(grade: String)
    /// A `max_grade` veto capped the grade (`applied` false: the grade was not above the cap).
    case capped(veto: String, grade: String, applied: Bool)
    /// The organization's place against a grade's quota.
    case quota(QuotaPlace)
    /// `demote` vetoes lowered the grade by `levels`.
    case demoted(vetoes: [String], levels: Int, from: String, to: String)

    /// How an organization stood against a grade's quota.
    public struct QuotaPlace: Sendable, Hashable {
        public var grade: String
        /// The places the quota gives: `organizations × quota`, rounded by `rounding`.
        public var places: Int
        public var organizations: Int
        public var quota: Exact
        public var rounding: Grade.QuotaRounding
        public var rank: Int
        /// The next grade down, when the organization fell outside the quota.
        public var loweredTo: String?
        /// How many organizations tied across the quota line and were all left out (`quota_ties: exclude`).
        public var tiedAcrossLine: Int?
    }
}
