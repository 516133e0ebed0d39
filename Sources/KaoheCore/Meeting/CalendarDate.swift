/// A day of the Gregorian calendar, without time or zone: what the ledger's dates are (meeting.md §1). Stored as
/// days since 1970-01-01, so that differences are calendar days.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let days: Int

    public init(days: Int) { self.days = days }

    /// nil when the day does not exist (2024-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= Self.length(month, year) else { return nil }
        // Days from civil (H. Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        days = era * 146097 + doe - 719468
    }

    /// (year, month, day).
    public var components: (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `2024-06-18`.
    public var description: String {
        let (y, m, d) = components
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    /// `2024年6月18日`.
    public var chinese: String {
        let (y, m, d) = components
        return "\(y)年\(m)月\(d)日"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.days < b.days }

    /// Calendar days from `b` to `a`.
    public static func - (a: CalendarDate, b: CalendarDate) -> Int { a.days - b.days }

    public func adding(days n: Int) -> CalendarDate { CalendarDate(days: days + n) }

    /// 31 December of `year`.
    public static func lastDay(of year: Int) -> CalendarDate { CalendarDate(year: year, month: 12, day: 31)! }

    private static func length(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// A spreadsheet date serial (1900 date system: 25569 is 1970-01-01); nil outside 1900–9999 or with a time part.
    public init?(serial: Double) {
        guard serial.isFinite, serial == serial.rounded(), serial >= 61, serial < 2_958_466 else { return nil }
        days = Int(serial) - 25569
    }

    /// The spreadsheet serial of this day.
    public var serial: Int { days + 25569 }

    /// Reads `2024-06-18` (ISO, no warning), or leniently `2024年6月18日`, `2024/6/18`, `2024.6.18`, `2024-6-18` (the
    /// second value says the text was not ISO). nil when the text is no date.
    public static func read(_ text: String) -> (date: CalendarDate, lenient: Bool)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let fields = trimmed.split(whereSeparator: { "-/.年月日".contains($0) }).map(String.init)
        guard fields.count == 3, let y = Int(fields[0]), let m = Int(fields[1]), let d = Int(fields[2]),
            fields[0].count == 4, trimmed.allSatisfy({ $0.isASCII ? $0.isNumber || "-/.".contains($0) : "年月日".contains($0) }),
            let date = CalendarDate(year: y, month: m, day: d)
        else { return nil }
        let iso =
            trimmed.count == 10 && fields[1].count == 2 && fields[2].count == 2
            && Array(trimmed)[4] == "-" && Array(trimmed)[7] == "-"
        return (date, !iso)
    }
}

import Foundation
