/// The line a problem points at, with a caret under its column, as Yams and compilers show it:
///
///     year: 2023
///           ^
enum SourceExcerpt {
    /// The two lines for 1-based `line` and `column` of `text`, or nil when they fall outside it. Wide (CJK) characters
    /// take two columns and tabs stay tabs, so the caret lines up in a terminal.
    static func excerpt(_ text: String, line: Int, column: Int) -> String? {
        guard line >= 1, column >= 1 else { return nil }
        var current = 1
        var found: Substring?
        // "\r\n" is one Character in Swift: split on every newline character.
        for candidate in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if current == line { found = candidate; break }
            current += 1
        }
        guard let content = found else { return nil }
        guard column <= content.count + 1, content.count <= 240 else { return nil }
        let pad = content.prefix(column - 1).map { $0 == "\t" ? "\t" : isWide($0) ? "  " : " " }.joined()
        return "    \(content)\n    \(pad)^"
    }

    static func isWide(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
    }
}

extension Diagnostic {
    /// The offending line with a caret under the column, read from `text` (the file's content), when the problem
    /// has a line and column in a text file.
    public func excerpt(in text: String) -> String? {
        guard let column = location.column else { return nil }
        return SourceExcerpt.excerpt(text, line: location.line, column: column)
    }
}
