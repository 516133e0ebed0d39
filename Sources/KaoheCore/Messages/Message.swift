/// A message with its values, rendered in either language from one entry of the catalog (`Catalog`), so both
/// languages say the same thing; text not (yet) in the catalog is carried as it is.
public struct Message: Hashable, Sendable, CustomStringConvertible {
    public let template: MessageTemplate
    /// The values, themselves messages (a value that reads differently by language, such as a list of choices).
    public let arguments: [Message]
    /// The text of a plain value.
    let literal: String?

    /// Text outside the catalog, the same in both languages.
    public static func plain(_ text: String) -> Message { Message(template: .plain, arguments: [], literal: text) }

    public func text(_ language: Language) -> String {
        if let literal { return literal }
        return template.text(language, arguments.map { $0.text(language) })
    }

    public var description: String { text(.current) }
}

/// One entry of the catalog: the same message in both languages, with `{0}`, `{1}` … for its values.
public struct MessageTemplate: Hashable, Sendable {
    public let en: String
    public let zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    static let plain = MessageTemplate(en: "{0}", zh: "{0}")

    /// The entry in `language` with `{0}`, `{1}` … replaced by `values`, in one pass: braces within a value stay
    /// as they are.
    public func text(_ language: Language, _ values: [String]) -> String {
        var template = language == .zh ? zh : en
        let capacity = template.utf8.count + values.reduce(0) { $0 + $1.utf8.count }
        return template.withUTF8 { bytes in
            // Written straight into the result's storage: WorkingText fills thousands of these per workbook.
            String(unsafeUninitializedCapacity: capacity) { out in
                var written = 0
                func copy(_ source: UnsafeBufferPointer<UInt8>) {
                    guard let from = source.baseAddress, let to = out.baseAddress, !source.isEmpty else { return }
                    (to + written).update(from: from, count: source.count)
                    written += source.count
                }
                var copied = 0
                var i = 0
                while i + 2 < bytes.count {
                    let digit = Int(bytes[i + 1]) - 0x30
                    if bytes[i] == UInt8(ascii: "{"), bytes[i + 2] == UInt8(ascii: "}"), digit >= 0, digit <= 9, digit < values.count {
                        copy(UnsafeBufferPointer(rebasing: bytes[copied..<i]))
                        var value = values[digit]
                        value.withUTF8(copy)
                        i += 3
                        copied = i
                    } else {
                        i += 1
                    }
                }
                copy(UnsafeBufferPointer(rebasing: bytes[copied...]))
                return written
            }
        }
    }

    /// The entry in `language` with its values (`WorkingText` renders thousands of these per workbook).
    func callAsFunction(in language: Language, _ values: String...) -> String { text(language, values) }

    public func callAsFunction(_ arguments: Any...) -> Message {
        Message(template: self, arguments: arguments.map { ($0 as? Message) ?? .plain("\($0)") }, literal: nil)
    }
}

/// Suggestions for a mistyped name: "did you mean".
public enum Suggestion {
    /// The candidates closest to `typed` by edit distance (at most a third of its length, and 3), best first.
    public static func closest(_ typed: String, in candidates: [String], limit: Int = 3) -> [String] {
        let a = Array(typed.lowercased())
        let allowed = min(3, max(1, a.count / 3))
        return candidates.map { ($0, distance(a, Array($0.lowercased()))) }
            .filter { $0.1 <= allowed && $0.0 != typed }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(limit).map(\.0)
    }

    /// Edit distance counting a swap of neighbours as one edit (optimal string alignment): `unoin` is 1 from `union`.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    /// `县总工会 (union)、团县委 (youth) … 等 12 个`: at most `limit` choices named, and the count.
    public static func choices(_ pairs: [(name: String, id: String)], limit: Int = 8) -> Message {
        let shown = pairs.prefix(limit).map { $0.name == $0.id ? $0.id : "\($0.name) (\($0.id))" }
        let list = Catalog.list(.plain(shown.joined(separator: ", ")), .plain(shown.joined(separator: "、")))
        return pairs.count > limit ? Catalog.andMore(list, pairs.count) : list
    }

    /// Names or paths listed: `a, b` / `a、b`.
    public static func list(_ items: [String]) -> Message {
        Catalog.list(.plain(items.joined(separator: ", ")), .plain(items.joined(separator: "、")))
    }

    /// ` (did you mean 'x'?)` when something is close, else nothing.
    public static func didYouMean(_ typed: String, in candidates: [String]) -> Message {
        let close = closest(typed, in: candidates)
        guard !close.isEmpty else { return .plain("") }
        return Catalog.didYouMean(
            Catalog.list(
                .plain(close.map { "'\($0)'" }.joined(separator: " or ")),
                .plain(close.map { "“\($0)”" }.joined(separator: "或"))))
    }
}

import Foundation
