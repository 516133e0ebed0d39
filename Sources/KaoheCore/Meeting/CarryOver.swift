/// Bringing the open items of one year's ledger into the next (meeting.md §4): the same id, every field and its
/// history, `carried: <this assessment>`; the meetings they belong to come along; nothing copied twice.
public enum CarryOver {
    /// The next ledger's meetings and items with this year's open items added, and the ids added.
    public static func merge(_ snapshot: LedgerSnapshot, from assessment: String, into next: Ledger)
        -> (meetings: [Meeting], items: [LedgerItem], added: [String])
    {
        let present = Set(next.items.map(\.id))
        let open = snapshot.figures.items.filter { snapshot.figures.isOpen($0) && !present.contains($0.id) }
        let carried = open.map { item -> LedgerItem in
            var copy = item
            copy.carried = assessment
            return copy
        }
        let meetingIDs = Set(next.meetings.map(\.id))
        let needed = Set(carried.map(\.meeting))
        let meetings = next.meetings + snapshot.ledger.meetings.filter { needed.contains($0.id) && !meetingIDs.contains($0.id) }
        return (meetings, next.items + carried, carried.map(\.id))
    }
}
