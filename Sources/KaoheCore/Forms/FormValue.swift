/// A 完成情况 cell, both ways: what the cell takes (in words), how a typed cell reads as a data value, and what a
/// form shows (or prefills) for a value already in data. Shared by the 自评表 and the 核定表.
public enum FormValue {
    /// What a form writes into a value cell: a number stays a number (so its validation holds), the rest text.
    public enum Prefill: Sendable, Equatable {
        case number(Exact)
        case text(String)

        public var text: String {
            switch self {
            case .number(let n): n.decimalText()
            case .text(let t): t
            }
        }
    }

    /// What the 完成情况 cell of this row takes, in words.
    public static func expected(_ row: SelfAssessmentForm.Row) -> Message {
        switch row.input {
        case .number, .count: Catalog.expectsNumberHere(row.unit.map { Catalog.inUnit($0) } ?? .plain(""))
        case .yesNo: Catalog.expectsYesOrNo()
        case .level(let names): Catalog.expectsOneLevel(names.joined(separator: "、"))
        case .numbers: Catalog.expectsNumberList()
        case .checklistHeader: Catalog.expectsItems()
        case .fromLedger: Catalog.fromLedgerNotTyped()
        case .item: Catalog.expectsItemState()
        }
    }

    /// The typed cell as this row's value; nil, with an error saying what was expected, when it cannot be read.
    /// A change to what was typed is a warning.
    public static func read(
        _ cell: Spreadsheet.Cell, row: SelfAssessmentForm.Row, at: SourceLocation, subject: String,
        _ d: inout Diagnostics
    ) -> DataValue? {
        do throws(LenientReading.Refusal) {
            let (value, change) = try interpret(cell, row: row)
            if let change { d.add(.warning, at, change, about: subject) }
            return value
        } catch {
            d.add(.error, at, error.message, about: subject)
            return nil
        }
    }

    private static func interpret(_ cell: Spreadsheet.Cell, row: SelfAssessmentForm.Row)
        throws(LenientReading.Refusal) -> (DataValue?, Message?)
    {
        switch row.input {
        case .number, .count:
            let read = try LenientReading.number(cell, unit: row.unit)
            if case .count = row.input, read.value.isNegative || !(read.value < 1_000_000_000) {
                throw LenientReading.Refusal(Catalog.countRange(read.value.decimalText()))
            }
            return (.number(read.value), read.change)
        case .yesNo:
            let read = try LenientReading.yesNo(cell)
            return (.boolean(read.value), read.change)
        case .level(let names):
            let typed = LenientReading.trimmed(cell.text)
            guard names.contains(typed) else {
                throw LenientReading.Refusal(Catalog.levelNotOneOf(names.joined(separator: "、"), typed))
            }
            return (.text(typed), nil)
        case .numbers:
            let read = try LenientReading.numbers(cell, unit: row.unit)
            return (.list(read.value.map(DataValue.number)), read.change)
        case .item:
            return try item(cell, row: row)
        case .checklistHeader, .fromLedger:
            return (nil, nil)
        }
    }

    /// A checklist item: 是/否, or a fraction from 0 to 1 for a partly done item.
    private static func item(_ cell: Spreadsheet.Cell, row: SelfAssessmentForm.Row)
        throws(LenientReading.Refusal) -> (DataValue?, Message?)
    {
        if let read = try? LenientReading.yesNo(cell) { return (.boolean(read.value), read.change) }
        guard let read = try? LenientReading.number(cell, unit: "%") else {
            throw LenientReading.Refusal(Catalog.expectedFound(expected(row), cell.text))
        }
        let fraction = read.percent ? read.value / 100 : read.value
        guard fraction >= .zero, fraction <= .one else {
            throw LenientReading.Refusal(Catalog.fractionRange(fraction.decimalText()))
        }
        return (.number(fraction), read.change)
    }

    /// What a form shows for `value` in this row: the indicator's value, or for a checklist item whether the item
    /// is done (a list of done ids, or a map item → 是/否/fraction). nil: nothing to show.
    public static func prefill(_ value: DataValue?, row: SelfAssessmentForm.Row) -> Prefill? {
        guard let value else { return nil }
        if let item = row.itemID { return itemPrefill(value, item: item) }
        switch (row.input, value) {
        case (.checklistHeader, _), (.fromLedger, _): return nil
        case (_, .number(let n)): return .number(n)
        case (.count, .list(let occurrences)): return .number(occurrences.map(occurrenceCount).sum())
        case (_, .list(let items)) where row.input == .numbers: return .text(items.map(\.display).joined(separator: "、"))
        default: return .text(value.display)
        }
    }

    /// An occurrence of a `deduct` list: its `count`, or 1.
    private static func occurrenceCount(_ occurrence: DataValue) -> Exact {
        if case .map(let pairs) = occurrence, case .number(let n)? = pairs.first(where: { $0.key == "count" })?.value { return n }
        return .one
    }

    private static func itemPrefill(_ value: DataValue, item: String) -> Prefill? {
        switch value {
        case .list(let done): return .text(done.contains { $0.display == item } ? "是" : "否")
        case .map(let pairs):
            switch pairs.first(where: { $0.key == item })?.value {
            case .boolean(let b): return .text(b ? "是" : "否")
            case .number(let n): return n == .one ? .text("是") : n == .zero ? .text("否") : .number(n)
            case nil: return .text("否")
            case let other?: return .text(other.display)
            }
        default: return nil
        }
    }
}
