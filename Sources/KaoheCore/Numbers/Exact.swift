import Foundation

/// An exact rational number. Scores are computed with these, so `2.675` rounds to `2.68`, a ratio is never
/// rounded on the way, and what is printed is what is summed.
///
/// Numerator and denominator are kept in lowest terms with a positive denominator. Arithmetic traps on
/// overflow of 128 bits, far beyond any assessment's figures.
public struct Exact: Hashable, Comparable, Sendable {
    public private(set) var numerator: Int128
    public private(set) var denominator: Int128

    public static let zero = Exact(0)
    public static let one = Exact(1)

    public init(_ integer: Int) {
        numerator = Int128(integer)
        denominator = 1
    }

    /// `numerator / denominator`; the denominator must not be zero.
    public init(_ numerator: Int128, over denominator: Int128) {
        precondition(denominator != 0, "Exact: zero denominator")
        let sign: Int128 = denominator < 0 ? -1 : 1
        let g = Self.gcd(numerator.magnitude, denominator.magnitude)
        self.numerator = sign * numerator / Int128(g)
        self.denominator = sign * denominator / Int128(g)
    }

    /// Parses decimal text such as `96.5`, `-0.25`, `+3`, `1e3` or `2.5E-2`; nil for anything else.
    public init?(_ text: String) {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        var exponent = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let x = Int(s[s.index(after: e)...]), abs(x) <= 30 else { return nil }
            exponent = x
            s = s[..<e]
        }
        var negative = false
        if s.first == "-" || s.first == "+" {
            negative = s.first == "-"
            s = s.dropFirst()
        }
        var digits: Int128 = 0
        var scale = 0
        var seenPoint = false
        var seenDigit = false
        for ch in s {
            if ch == "." {
                if seenPoint { return nil }
                seenPoint = true
            } else if let d = ch.wholeNumberValue, ch.isASCII {
                guard digits < Int128(10).power(30) else { return nil }
                digits = digits * 10 + Int128(d)
                seenDigit = true
                if seenPoint { scale += 1 }
            } else if ch == "_" {
                continue
            } else {
                return nil
            }
        }
        guard seenDigit else { return nil }
        scale -= exponent
        let n = negative ? -digits : digits
        if scale >= 0 {
            self.init(n, over: Int128(10).power(scale))
        } else {
            self.init(n * Int128(10).power(-scale), over: 1)
        }
    }

    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }

    public static func + (l: Exact, r: Exact) -> Exact {
        if l.denominator == r.denominator { return Exact(l.numerator + r.numerator, over: l.denominator) }
        return Exact(l.numerator * r.denominator + r.numerator * l.denominator, over: l.denominator * r.denominator)
    }

    public static func - (l: Exact, r: Exact) -> Exact { l + (-r) }
    public static prefix func - (x: Exact) -> Exact { Exact(-x.numerator, over: x.denominator) }

    public static func * (l: Exact, r: Exact) -> Exact {
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
        l.numerator * r.denominator < r.numerator * l.denominator
    }

    public var isZero: Bool { numerator == 0 }
    public var isNegative: Bool { numerator < 0 }
    public var isInteger: Bool { denominator == 1 }

    /// Rounded half away from zero (四舍五入) to `places` decimals.
    public func rounded(_ places: Int) -> Exact {
        let scale = Int128(10).power(places)
        let scaled = numerator.magnitude * UInt128(scale)
        let d = denominator.magnitude
        var q = scaled / d
        if (scaled % d) * 2 >= d { q += 1 }
        let signed = numerator < 0 ? -Int128(q) : Int128(q)
        return Exact(signed, over: scale)
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
        let scale = Int128(10).power(places)
        let scaled = r.numerator * (scale / r.denominator)
        let magnitude = scaled.magnitude
        let integer = magnitude / UInt128(scale)
        let fraction = magnitude % UInt128(scale)
        var text = (scaled < 0 ? "-" : "") + String(integer)
        if places > 0 {
            let f = String(fraction)
            text += "." + String(repeating: "0", count: places - f.count) + f
        }
        return text
    }

    /// The shortest exact decimal text when the value terminates within `maximumPlaces` decimals
    /// (`87.5`, `3`), otherwise the value rounded to `maximumPlaces`.
    public func decimalText(maximumPlaces: Int = 15) -> String {
        var text = formatted(places: maximumPlaces)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// The nearest binary floating-point value (for spreadsheets and charts only).
    public var double: Double { Double(decimalText(maximumPlaces: 17)) ?? Double(numerator) / Double(denominator) }

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

extension Int128 {
    /// `self` raised to a small non-negative power.
    func power(_ exponent: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<exponent { result *= self }
        return result
    }
}

extension Sequence where Element == Exact {
    /// The exact sum.
    public func sum() -> Exact { reduce(.zero, +) }
}
