import Testing
@testable import KaoheCore

@Suite struct ExactTests {
    @Test(arguments: [
        ("2.675", "2.68"), ("1.005", "1.01"), ("2.665", "2.67"), ("-2.675", "-2.68"), ("0.004999", "0.00"),
        ("99.995", "100.00"), ("1.0049999999", "1.00"), ("7", "7.00")
    ])
    func roundsHalfAwayFromZero(_ input: String, _ expected: String) {
        #expect(Exact(input)!.formatted(places: 2) == expected)
    }

    @Test func parsesDecimalTextExactly() {
        #expect(Exact("2.675")! == Exact(2675, over: 1000))
        #expect(Exact("1e3")! == Exact(1000))
        #expect(Exact("2.5E-2")! == Exact(1, over: 40))
        #expect(Exact("+3")! == Exact(3))
        #expect(Exact("-0.25")! == Exact(-1, over: 4))
        for bad in ["", "abc", "1.2.3", "1e", "--1", "是", "1,5"] { #expect(Exact(bad) == nil, "\(bad)") }
    }

    @Test func arithmeticIsExact() {
        let third = Exact(1) / Exact(3)
        #expect(third * 3 == 1)
        #expect(Exact("0.1")! + Exact("0.2")! == Exact("0.3")!)
        #expect((Exact(2) / Exact(3)).formatted(places: 2) == "0.67")
        // 8 × 2/3 = 5.333… → 5.33; never rounded on the way.
        #expect((Exact(8) * Exact(2) / Exact(3)).rounded(2) == Exact("5.33")!)
    }

    /// Values beyond 64 bits are kept aside from the inline ones; they must behave the same.
    @Test func valuesBeyondSixtyFourBits() {
        let big = Exact(Int128(1) << 80, over: 3)
        #expect(big.numerator == Int128(1) << 80 && big.denominator == 3)
        #expect(big * 3 == Exact(Int128(1) << 80, over: 1))
        // A wide intermediate that reduces back to a small value equals (and hashes like) the inline one.
        let one = big / big
        #expect(one == .one && one.hashValue == Exact.one.hashValue && one.isInteger)
        #expect(big - big == .zero && (big - big).isZero)
        #expect(Exact(Int128(1) << 70, over: Int128(1) << 69) == Exact(2))
        #expect(big > Exact(Int.max) && -big < Exact(Int.min) && (-big).isNegative)
        #expect(Exact("123456789012345678901234.5")!.formatted(places: 1) == "123456789012345678901234.5")
        #expect(Set([big, big * 1, Exact(Int128(1) << 80, over: 3)]).count == 1)
    }

    @Test func floorsAndCeilings() {
        #expect(Exact("2.1")!.floor == 2)
        #expect(Exact("2.1")!.ceiling == 3)
        #expect(Exact("-2.1")!.floor == -3)
        #expect(Exact(3).ceiling == 3)
    }

    /// `formatted` writes its digits into the string's storage; it must equal the plain definition — the value
    /// rounded, scaled to an integer, its decimal digits with a point before the last `places`, zeros to fill —
    /// for values across 128 bits, both signs and every number of places.
    @Test func formattedEqualsItsDefinition() {
        func definition(_ x: Exact, _ places: Int) -> String {
            let r = x.rounded(places)
            let scaled = r.numerator * (Exact.powersOfTen[places] / r.denominator)
            var digits = String(scaled.magnitude)
            while digits.count <= places { digits = "0" + digits }
            if places > 0 { digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places)) }
            return (scaled < 0 ? "-" : "") + digits
        }
        var rng = SplitMix64(seed: 3)
        for _ in 0..<3_000 {
            // Up to 100 bits: room for scaling by 10^6 within 128.
            let wide = Int128(rng.next() >> 28) << 64 | Int128(rng.next())
            let numerator = (rng.next() % 2 == 0 ? 1 : -1) * (wide >> Int(rng.next() % 100))
            let denominator = Int128([1, 2, 3, 4, 7, 8, 100, 1000][Int(rng.next() % 8)])
            let x = Exact(numerator, over: denominator)
            let places = Int(rng.next() % 7)
            #expect(x.formatted(places: places) == definition(x, places), "\(x.numerator)/\(x.denominator) at \(places)")
        }
        #expect(Exact(-1, over: 1000).formatted(places: 2) == "0.00")
        #expect(Exact(-5, over: 1000).formatted(places: 2) == "-0.01")
        #expect(Exact(12).formatted(places: 0) == "12")
    }

    @Test func decimalText() {
        #expect(Exact("87.50")!.decimalText() == "87.5")
        #expect((Exact(1) / Exact(3)).decimalText(maximumPlaces: 6) == "0.333333")
        #expect(Exact(0).formatted(places: 0) == "0")
    }

    @Test func sha256KnownVectors() {
        #expect(Fingerprint.sha256(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Fingerprint.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array(repeating: UInt8(ascii: "a"), count: 1_000)
        #expect(Fingerprint.sha256(long) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
