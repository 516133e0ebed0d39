import KaoheCore
import Testing

@testable import KaoheWorkbook

/// Row heights follow from `TextWidth.lines`: a full-width character is 2 units, any other 1.1, a line takes
/// its width over the usable width (the column less 1.5), at least one.
struct TextWidthTests {
    @Test func linesByHand() {
        // Usable width 10 - 1.5 = 8.5.
        #expect(TextWidth.lines("", width: 10) == 1)
        #expect(TextWidth.lines("abcdefg", width: 10) == 1)  // 7.7
        #expect(TextWidth.lines("abcdefgh", width: 10) == 2)  // 8.8
        #expect(TextWidth.lines("考核考核", width: 10) == 1)  // 8
        #expect(TextWidth.lines("考核考核考", width: 10) == 2)  // 10
        #expect(TextWidth.lines("a\nb", width: 10) == 2)
        #expect(TextWidth.lines("a\n", width: 10) == 2)
        #expect(TextWidth.lines("\n\n", width: 10) == 3)
        // CR LF is one character and does not split; its two scalars count 1.1 each.
        #expect(TextWidth.lines("a\r\nb", width: 10) == 1)
        #expect(TextWidth.lines("abcdef\r\n", width: 10) == 2)  // 8.8
        // A column narrower than the margin still holds a unit per line.
        #expect(TextWidth.lines("ab", width: 1) == 3)  // 2.2 / 1
    }

    /// The one-pass count equals its definition — the text split into `Character` lines at "\n", each line's width
    /// summed over its scalars — on random mixes of ASCII, CJK, line feeds, carriage returns and combining marks.
    @Test func onePassEqualsTheDefinition() {
        func definition(_ text: String, width: Double) -> Int {
            let usable = max(width - 1.5, 1)
            return text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { max(1, Int((TextWidth.of(String($0)) / usable).rounded(.up))) }.reduce(0, +)
        }
        let pieces = ["a", "1", " ", "考", "核", "\n", "\r", "\r\n", "\u{301}", "ｱ", "😀", "\t", "（", "。"]
        var rng = SplitMix64(seed: 17)
        for _ in 0..<5_000 {
            let count = Int(rng.next() % 40)
            let text = (0..<count).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let width = Double(rng.next() % 60) / 2
            #expect(TextWidth.lines(text, width: width) == definition(text, width: width), "\(text.debugDescription) at \(width)")
        }
    }
}
