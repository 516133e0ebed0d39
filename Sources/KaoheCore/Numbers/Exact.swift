import Foundation

/// An exact rational number. Scores are computed with these, so `2.675` rounds to `2.68`, a ratio is never
/// rounded on the way, and what is printed is what is summed.
///
/// Numerator and denominator are kept in lowest terms with a positive denominator. Arithmetic traps on
/// overflow of 128 bits, far beyond any assessment's figures.
///
/// A province roll-up holds millions of these, and nearly all fit in 64 bits: those are stored inline (24 bytes
/// with the reference below, against 32 for two 128-bit integers, and 8-byte rather than 16-byte alignment, which
/// packs the structures that hold them); the rare wider value is kept in a shared box.
public struct Exact: Hashable, Comparable, Sendable {
    /// The value when it fits in 64 bits; (0, 0) when it is `wide`.
    private var smallNumerator: Int64
    private var smallDenominator: Int64
    private var wide: Wide?

    /// A value whose numerator or denominator needs more than 64 bits.
    private final class Wide: Sendable {
        let numerator: Int128
        let denominator: Int128
        init(_ numerator: Int128, _ denominator: Int128) {
            self.numerator = numerator
            self.denominator = denominator
        }
    }

    public var numerator: Int128 { wide?.numerator ?? Int128(smallNumerator) }
    public var denominator: Int128 { wide?.denominator ?? Int128(smallDenominator) }

    public static let zero = Exact(0)
    public static let one = Exact(1)

    public init(_ integer: Int) {
        self.init(inline: Int64(integer), 1)
    }

    /// Stores a value in lowest terms with a positive denominator, inline.
    @inline(__always)
    private init(inline numerator: Int64, _ denominator: Int64) {
        smallNumerator = numerator
        smallDenominator = denominator
        wide = nil
    }

    private init(wide: Wide) {
        smallNumerator = 0
        smallDenominator = 0
        self.wide = wide
    }

    /// Stores a value already in lowest terms with a positive denominator.
    @inline(__always)
    private init(reduced numerator: Int128, _ denominator: Int128) {
        if let n = Int64(exactly: numerator), let d = Int64(exactly: denominator) {
            self.init(inline: n, d)
        } else {
            self.init(wide: Wide(numerator, denominator))
        }
    }

    /// `numerator / denominator`; the denominator must not be zero.
    public init(_ numerator: Int128, over denominator: Int128) {
        precondition(denominator != 0, "Exact: zero denominator")
        if denominator == 1 {
            self.init(reduced: numerator, 1)
            return
        }
        if let n = Int64(exactly: numerator), let d = Int64(exactly: denominator), n != .min, d != .min {
            // The common case: hardware arithmetic.
            let g = Int64(Self.gcd64(n.magnitude, d.magnitude))
            let sign: Int64 = d < 0 ? -1 : 1
            self.init(inline: sign * (n / g), sign * (d / g))
            return
        }
        let sign: Int128 = denominator < 0 ? -1 : 1
        let g = Int128(Self.gcd(numerator.magnitude, denominator.magnitude))
        self.init(reduced: sign * numerator / g, sign * denominator / g)
    }

    /// The 64-bit parts, when both operands are stored inline.
    @inline(__always)
    private static func small(_ l: Exact, _ r: Exact) -> (Int64, Int64, Int64, Int64)? {
        guard l.wide == nil, r.wide == nil else { return nil }
        return (l.smallNumerator, l.smallDenominator, r.smallNumerator, r.smallDenominator)
    }

    public static func == (l: Exact, r: Exact) -> Bool {
        if let (a, b, c, d) = small(l, r) { return a == c && b == d }
        return l.numerator == r.numerator && l.denominator == r.denominator
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(numerator)
        hasher.combine(denominator)
    }

    @inline(__always)
    static func gcd64(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : x
    }

    /// The largest magnitude an input number may have (rubric-format.md §12): below 10^15, what a spreadsheet cell
    /// holds exactly.
    public static let inputMagnitudeLimit = Exact(1_000_000_000_000_000)

    /// Why decimal text `text` is not an acceptable input number (more than 15 significant digits, or magnitude not
    /// below 10^15), or nil when it is (or is no number at all).
    public static func inputLimitProblem(_ text: String) -> String? {
        // The usual case, decided on the bytes: at most 15 digits, no exponent, so within every limit.
        var digitCount = 0, plain = true
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39: digitCount += 1
            case 0x2E, 0x2D, 0x2B: break
            default: plain = false
            }
        }
        if plain, digitCount <= 15 { return nil }
        // Text with a character no number has (other than blanks, which are trimmed) is no number: names and
        // ids are decided here, without Foundation's trimming.
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x2E, 0x2B, 0x2D, 0x45, 0x65, 0x5F, 0x20, 0x09: continue
            default: if scalar.isASCII || scalar.properties.generalCategory != .spaceSeparator { return nil }
            }
        }
        let body = text.trimmingCharacters(in: .whitespaces)
        guard isDecimalSyntax(body) else { return nil }
        let mantissa = body.split(whereSeparator: { $0 == "e" || $0 == "E" }).first.map(String.init) ?? body
        let unsigned = mantissa.filter { $0 != "_" && $0 != "+" && $0 != "-" }
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var fraction = parts.count > 1 ? Substring(parts[1]) : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }  // trailing zeros after the point do not count
        var digits = Substring(parts[0] + fraction)
        while digits.hasPrefix("0") { digits.removeFirst() }
        guard let value = Exact(body) else {
            return
                "the number \(body) is far too large or too precise (numbers need at most 15 significant digits and a magnitude below 10^15, what a spreadsheet cell holds exactly)"
        }
        if digits.count > 15 {
            return "the number \(body) has \(digits.count) significant digits; at most 15 are allowed (what a spreadsheet cell holds exactly)"
        }
        let exponent = body.split(whereSeparator: { $0 == "e" || $0 == "E" }).dropFirst().first.flatMap { Int($0) } ?? 0
        let places = fraction.count - exponent
        if places > 15 {
            return "the number \(body) has \(places) decimal places; at most 15 are allowed (what a spreadsheet cell holds exactly)"
        }
        if !(value < inputMagnitudeLimit && value > -inputMagnitudeLimit) {
            return "the number \(body) is too large; numbers must be below 10^15 in magnitude (what a spreadsheet cell holds exactly)"
        }
        return nil
    }

    /// Whether `text` is written as a decimal number (sign, digits with at most one point, optional exponent),
    /// whatever its size.
    static func isDecimalSyntax(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "+" || rest.first == "-" { rest.removeFirst() }
        let parts = rest.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "e" || $0 == "E" })
        guard parts.count <= 2, let mantissa = parts.first else { return false }
        guard mantissa.filter({ $0 == "." }).count <= 1, mantissa.contains(where: { $0.isASCII && $0.isNumber }),
            mantissa.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "_") })
        else { return false }
        if parts.count == 2 {
            var exponent = parts[1]
            if exponent.first == "+" || exponent.first == "-" { exponent.removeFirst() }
            return !exponent.isEmpty && exponent.allSatisfy { $0.isASCII && $0.isNumber }
        }
        return true
    }

    /// Parses decimal text such as `96.5`, `-0.25`, `+3`, `1e3` or `2.5E-2`; nil for anything else.
    public init?(_ text: String) {
        var text = text
        guard let parsed = text.withUTF8({ Exact.parse($0) }) else { return nil }
        self = parsed
    }

    /// The decimal syntax of `init?(_:)` over UTF-8 bytes: surrounding blanks, a sign, digits with at most
    /// one point and `_` separators, an optional exponent (|e| ≤ 30).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Exact? {
        let space: UInt8 = 0x20, tab: UInt8 = 0x09
        var start = 0, end = bytes.count
        while start < end, bytes[start] == space || bytes[start] == tab { start += 1 }
        while end > start, bytes[end - 1] == space || bytes[end - 1] == tab { end -= 1 }
        var exponent = 0
        if let e = (start..<end).first(where: { bytes[$0] | 0x20 == UInt8(ascii: "e") }) {
            var i = e + 1
            var negativeExponent = false
            if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                negativeExponent = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            guard i < end else { return nil }
            var x = 0
            while i < end {
                let d = Int(bytes[i]) - 48
                guard (0...9).contains(d), x <= 30 else { return nil }
                x = x * 10 + d
                i += 1
            }
            guard x <= 30 else { return nil }
            exponent = negativeExponent ? -x : x
            end = e
        }
        var negative = false
        if start < end, bytes[start] == UInt8(ascii: "-") || bytes[start] == UInt8(ascii: "+") {
            negative = bytes[start] == UInt8(ascii: "-")
            start += 1
        }
        var digits: Int128 = 0
        var scale = 0
        var seenPoint = false
        var seenDigit = false
        for i in start..<end {
            let byte = bytes[i]
            if byte == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
            } else if byte >= 48, byte <= 57 {
                guard digits < Exact.powersOfTen[30] else { return nil }
                digits = digits * 10 + Int128(byte - 48)
                seenDigit = true
                if seenPoint { scale += 1 }
            } else if byte != UInt8(ascii: "_") {
                return nil
            }
        }
        guard seenDigit else { return nil }
        scale -= exponent
        let n = negative ? -digits : digits
        guard abs(scale) < 37 else { return nil }
        if scale >= 0 { return Exact(n, over: Exact.powersOfTen[scale]) }
        let (scaled, overflow) = n.multipliedReportingOverflow(by: Exact.powersOfTen[-scale])
        return overflow ? nil : Exact(scaled, over: 1)
    }

    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        if a <= UInt128(UInt64.max), b <= UInt128(UInt64.max) {
            // Hardware division for the usual small values.
            var (x, y) = (UInt64(a), UInt64(b))
            while y != 0 { (x, y) = (y, x % y) }
            return x == 0 ? 1 : UInt128(x)
        }
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }

    /// Powers of ten that fit in 128 bits.
    static let powersOfTen: [Int128] = (0...37).reduce(into: []) { table, i in table.append(i == 0 ? 1 : table[i - 1] * 10) }

    /// `a / b` and `a % b`, with hardware division when both fit in 64 bits.
    @inline(__always)
    static func divide(_ a: UInt128, _ b: UInt128) -> (quotient: UInt128, remainder: UInt128) {
        if a <= UInt128(UInt64.max), b <= UInt128(UInt64.max) {
            let (q, r) = UInt64(a).quotientAndRemainder(dividingBy: UInt64(b))
            return (UInt128(q), UInt128(r))
        }
        return a.quotientAndRemainder(dividingBy: b)
    }

    public static func + (l: Exact, r: Exact) -> Exact {
        if let (a, b, c, d) = small(l, r) {
            if b == d {
                let (n, o) = a.addingReportingOverflow(c)
                if !o { return Exact(Int128(n), over: Int128(b)) }
            } else {
                let (ad, o1) = a.multipliedReportingOverflow(by: d)
                let (cb, o2) = c.multipliedReportingOverflow(by: b)
                let (bd, o3) = b.multipliedReportingOverflow(by: d)
                let (n, o4) = ad.addingReportingOverflow(cb)
                if !(o1 || o2 || o3 || o4) { return Exact(Int128(n), over: Int128(bd)) }
            }
        }
        if l.denominator == r.denominator { return Exact(l.numerator + r.numerator, over: l.denominator) }
        return Exact(l.numerator * r.denominator + r.numerator * l.denominator, over: l.denominator * r.denominator)
    }

    public static func - (l: Exact, r: Exact) -> Exact { l + (-r) }
    public static prefix func - (x: Exact) -> Exact { Exact(-x.numerator, over: x.denominator) }

    public static func * (l: Exact, r: Exact) -> Exact {
        if let (a, b, c, d) = small(l, r) {
            let (n, o1) = a.multipliedReportingOverflow(by: c)
            let (m, o2) = b.multipliedReportingOverflow(by: d)
            if !(o1 || o2) { return Exact(Int128(n), over: Int128(m)) }
        }
        // Cross-reduce first to keep the intermediate products small.
        let g1 = Int128(gcd(l.numerator.magnitude, r.denominator.magnitude))
        let g2 = Int128(gcd(r.numerator.magnitude, l.denominator.magnitude))
        return Exact((l.numerator / g1) * (r.numerator / g2), over: (l.denominator / g2) * (r.denominator / g1))
    }

    /// Division; the divisor must not be zero.
    public static func / (l: Exact, r: Exact) -> Exact {
        precondition(r.numerator != 0, "Exact: division by zero")
        return l * Exact(r.denominator, over: r.numerator)
    }

    public static func += (l: inout Exact, r: Exact) { l = l + r }
    public static func -= (l: inout Exact, r: Exact) { l = l - r }

    public static func < (l: Exact, r: Exact) -> Bool {
        if let (a, b, c, d) = small(l, r) {
            let (ad, o1) = a.multipliedReportingOverflow(by: d)
            let (cb, o2) = c.multipliedReportingOverflow(by: b)
            if !(o1 || o2) { return ad < cb }
        }
        // Full-width products: wide values compare without overflow (denominators are positive).
        let left = l.numerator.multipliedFullWidth(by: r.denominator)
        let right = r.numerator.multipliedFullWidth(by: l.denominator)
        return left.high != right.high ? left.high < right.high : left.low < right.low
    }

    public var isZero: Bool { wide == nil && smallNumerator == 0 }
    public var isNegative: Bool { wide == nil ? smallNumerator < 0 : numerator < 0 }
    public var isInteger: Bool { wide == nil && smallDenominator == 1 }

    /// Rounded half away from zero (四舍五入) to `places` decimals.
    public func rounded(_ places: Int) -> Exact {
        let scale = Self.powersOfTen[places]
        let d = denominator.magnitude
        if UInt128(scale) % d == 0 { return self }
        let (q, r) = Self.divide(numerator.magnitude * UInt128(scale), d)
        let up = r * 2 >= d ? q + 1 : q
        return Exact(numerator < 0 ? -Int128(up) : Int128(up), over: scale)
    }

    /// Rounded down to an integer (towards −∞).
    public var floor: Int128 {
        let q = numerator / denominator
        return (numerator < 0 && q * denominator != numerator) ? q - 1 : q
    }

    /// Rounded up to an integer (towards +∞).
    public var ceiling: Int128 {
        let q = numerator / denominator
        return (numerator > 0 && q * denominator != numerator) ? q + 1 : q
    }

    /// The value with exactly `places` decimals, rounded half-up first: `87.50`.
    public func formatted(places: Int) -> String {
        let r = rounded(places)
        let scaled = r.numerator * (Self.powersOfTen[places] / r.denominator)
        // At most 39 digits, zeros up to `places` + 1 digits, a sign and a point.
        return String(unsafeUninitializedCapacity: Swift.max(39, places + 1) + 2) { out in
            // Digits from the right end of the buffer, least significant first, then moved to the front.
            var start = out.count
            func put(_ byte: UInt8) {
                start -= 1
                out[start] = byte
            }
            var magnitude = scaled.magnitude
            var digits = 0
            repeat {
                let digit: UInt8
                if magnitude <= UInt64.max {
                    let small = UInt64(magnitude)
                    digit = UInt8(small % 10)
                    magnitude = UInt128(small / 10)
                } else {
                    let (q, d) = Self.divide(magnitude, 10)
                    digit = UInt8(d)
                    magnitude = q
                }
                put(digit + 48)
                digits += 1
                if digits == places { put(46) }
            } while magnitude > 0 || digits <= places
            if scaled < 0 { put(45) }
            let length = out.count - start
            for k in 0..<length { out[k] = out[start + k] }
            return length
        }
    }

    /// The number of decimals of the value's exact decimal expansion, or nil when it does not terminate (1/3).
    public var terminatingPlaces: Int? {
        var d = denominator.magnitude
        var twos = 0, fives = 0
        while d % 2 == 0 { d /= 2; twos += 1 }
        while d % 5 == 0 { d /= 5; fives += 1 }
        return d == 1 ? Swift.max(twos, fives) : nil
    }

    /// The shortest exact decimal text when the value terminates within `maximumPlaces` decimals
    /// (`87.5`, `3`), otherwise the value rounded to `maximumPlaces`, without trailing zeros.
    public func decimalText(maximumPlaces: Int = 15) -> String {
        // A terminating decimal has a denominator of the form 2^a·5^b and needs max(a, b) places.
        if let needed = terminatingPlaces, needed <= maximumPlaces { return formatted(places: needed) }
        var text = Array(formatted(places: maximumPlaces).utf8)
        while text.last == 48 { text.removeLast() }
        if text.last == 46 { text.removeLast() }
        if text == [45, 48] { return "0" }
        return String(decoding: text, as: UTF8.self)
    }

    /// The nearest binary floating-point value (for spreadsheets and charts only).
    public var double: Double {
        // Both exactly representable: IEEE division rounds the quotient correctly, so this is the nearest double.
        // (Through Int64: converting Int128 to Double directly is a slow generic path.)
        let limit: Int128 = 1 << 53
        if numerator.magnitude <= limit.magnitude, denominator <= limit {
            return Double(Int64(truncatingIfNeeded: numerator)) / Double(Int64(truncatingIfNeeded: denominator))
        }
        return Double(decimalText(maximumPlaces: 17)) ?? Double(numerator) / Double(denominator)
    }

    public static func min(_ a: Exact, _ b: Exact) -> Exact { a < b ? a : b }
    public static func max(_ a: Exact, _ b: Exact) -> Exact { a < b ? b : a }

    /// `value` clamped into `range`.
    public func clamped(to lower: Exact, _ upper: Exact) -> Exact { Exact.max(lower, Exact.min(upper, self)) }
}

extension Exact: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension Exact: CustomStringConvertible {
    public var description: String { decimalText() }
}

extension Sequence where Element == Exact {
    /// The exact sum.
    public func sum() -> Exact { reduce(.zero, +) }
}
