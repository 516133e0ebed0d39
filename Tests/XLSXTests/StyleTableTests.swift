import Testing

@testable import XLSX

/// The style table hands out one place per distinct style, in order of first use, whatever the fingerprints do.
struct StyleTableTests {
    /// Random styles from a small pool of properties (so that many repeat), inserted in random order: each gets the
    /// place a plain linear search of the styles seen so far gives, equal styles the same place, and equality
    /// agrees with hashing.
    @Test func placesAreThoseOfALinearSearch() {
        let fonts: [String?] = [nil, "宋体", "黑体", "Consolas", "宋体 "]
        let formats: [String?] = [nil, "@", "0.00", "0.##", "0.00######"]
        var rng = SystemRandomNumberGenerator()
        func random() -> CellStyle {
            var s = CellStyle(
                fontName: fonts.randomElement(using: &rng)!, fontSize: [nil, 10.5, 9, -0.0, 0].randomElement(using: &rng)!,
                bold: Bool.random(using: &rng), fillColor: [nil, 0xF2F2F2, 0].randomElement(using: &rng)!,
                horizontal: [.general, .left, .center].randomElement(using: &rng)!, wrap: Bool.random(using: &rng),
                border: [.none, .thin].randomElement(using: &rng)!, numberFormat: formats.randomElement(using: &rng)!)
            s.topBorder = [nil, .medium].randomElement(using: &rng)!
            return s
        }
        var table = StyleTable()
        var seen: [CellStyle] = []
        for _ in 0..<1_000 {
            let style = random()
            let expected = seen.firstIndex(where: { plainEqual($0, style) })
            let (index, inserted) = table.insert(style)
            #expect(index == expected ?? seen.count)
            #expect(inserted == (expected == nil))
            if expected == nil { seen.append(style) }
            #expect(table.index(of: style) == index)
            #expect(table.styles[index] == style && table.styles[index].hashValue == style.hashValue)
        }
        #expect(table.count == seen.count)
    }

    /// Strings compare by their bytes: a precomposed and a decomposed é are different fonts to the file.
    @Test func fontNamesCompareByBytes() {
        let precomposed = CellStyle(fontName: "Caf\u{E9}")
        let decomposed = CellStyle(fontName: "Cafe\u{301}")
        #expect(precomposed != decomposed)
        var table = StyleTable()
        #expect(table.insert(precomposed).index == 0)
        #expect(table.insert(decomposed).index == 1)
        #expect(CellStyle(fontSize: 0) == CellStyle(fontSize: -0.0))
        #expect(CellStyle(fontSize: 0).hashValue == CellStyle(fontSize: -0.0).hashValue)
    }

    /// Equality property by property, strings by their UTF-8.
    private func plainEqual(_ a: CellStyle, _ b: CellStyle) -> Bool {
        a.fontName.map { Array($0.utf8) } == b.fontName.map { Array($0.utf8) } && a.fontSize == b.fontSize
            && a.bold == b.bold && a.italic == b.italic && a.underline == b.underline && a.fontColor == b.fontColor
            && a.fillColor == b.fillColor && a.horizontal == b.horizontal && a.vertical == b.vertical && a.wrap == b.wrap
            && a.border == b.border && a.topBorder == b.topBorder
            && a.numberFormat.map { Array($0.utf8) } == b.numberFormat.map { Array($0.utf8) } && a.unlocked == b.unlocked
            && a.indent == b.indent
    }
}
