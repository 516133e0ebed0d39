/// Distinct cell styles in order of first use, each known by its place. Writers look a style up for every cell,
/// so a style is found by its fingerprint (one integer hashed) and compared in full only with the styles that share
/// it — never by hashing its strings.
public struct StyleTable: Sendable {
    /// The styles, in order of first use.
    public private(set) var styles: [CellStyle] = []
    /// Fingerprint → the first style with it; `next` chains the others that share it.
    private var first: [UInt64: Int] = [:]
    private var next: [Int] = []

    public init() {}

    public var count: Int { styles.count }

    /// The place of `style`, if it is in the table.
    public func index(of style: CellStyle) -> Int? { find(style, style.fingerprint) }

    /// The place of `style`, added at the end if it is new.
    public mutating func insert(_ style: CellStyle) -> (index: Int, inserted: Bool) {
        let fingerprint = style.fingerprint
        if let i = find(style, fingerprint) { return (i, false) }
        let i = styles.count
        styles.append(style)
        next.append(-1)
        if var j = first[fingerprint] {
            while next[j] >= 0 { j = next[j] }
            next[j] = i
        } else {
            first[fingerprint] = i
        }
        return (i, true)
    }

    private func find(_ style: CellStyle, _ fingerprint: UInt64) -> Int? {
        var i = first[fingerprint] ?? -1
        while i >= 0 {
            if styles[i] == style { return i }
            i = next[i]
        }
        return nil
    }
}
