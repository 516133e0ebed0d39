/// A fast reader for the YAML that assessment files use: block maps and lists, one-line flow maps and lists,
/// plain and quoted one-line scalars, comments. Anything else (anchors, tags, block scalars, multi-line
/// scalars or flow collections, compact maps in lists, duplicate keys, documents markers, tabs) makes it give
/// up and return nil, and the full YAML parser reads the file instead — so the result is always the same
/// `YAMLValue`, with the same lines and columns, just sooner for the common files: about 8× sooner than Yams
/// (data files of 2,000 organizations: 0.16–0.26 s against 1.6–1.9 s; `kaohe-scoring-benchmark --yaml 1`).
/// `FastYAMLDifferentialTests` holds it to Yams' trees on generated documents.
enum FastYAML {
    static func parse(_ text: String, file: String) -> YAMLValue? {
        var parser = Parser(bytes: Array(text.utf8), file: file)
        return parser.document()
    }

    private struct Line {
        var start: Int  // byte offset of the first content byte
        var end: Int  // byte offset past the content (comment and trailing spaces removed)
        var indent: Int  // leading spaces
        var number: Int  // 1-based
        var lineStart: Int  // byte offset of the line's first byte
    }

    /// The keys of one map so far, to find a duplicate: the pairs themselves are searched while few (most maps
    /// have a handful of keys, and hashing each would cost more than comparing), a set once many.
    private struct KeySet {
        private var many: Set<String>?

        /// False when `key` is already among `pairs`' keys.
        mutating func isNew(_ key: String, in pairs: [(key: YAMLValue, value: YAMLValue)]) -> Bool {
            if many == nil, pairs.count >= 16 { many = Set(pairs.lazy.compactMap(\.key.text)) }
            if many != nil { return many!.insert(key).inserted }
            return !pairs.contains { $0.key.text == key }
        }
    }

    private struct Parser {
        let bytes: [UInt8]
        let file: String
        var lines: [Line] = []
        var index = 0

        init(bytes: [UInt8], file: String) {
            self.bytes = bytes
            self.file = file
        }

        mutating func document() -> YAMLValue? {
            guard split() else { return nil }
            guard !lines.isEmpty else { return YAMLValue(kind: .null, location: SourceLocation(file: file, line: 1)) }
            guard lines[0].indent == 0, let value = block(indent: 0), index == lines.count else { return nil }
            return value
        }

        /// Splits into content lines, dropping blank and comment-only lines and trailing comments.
        mutating func split() -> Bool {
            var offset = 0
            var number = 1
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
            while offset < bytes.count {
                var end = offset
                while end < bytes.count, bytes[end] != 10 { end += 1 }
                var lineEnd = end
                if lineEnd > offset, bytes[lineEnd - 1] == 13 { lineEnd -= 1 }
                var start = offset
                while start < lineEnd, bytes[start] == 32 { start += 1 }
                if start < lineEnd, bytes[start] == 9 { return false }
                if start < lineEnd, bytes[start] != 35 {
                    guard let contentEnd = contentEnd(start, lineEnd) else { return false }
                    lines.append(Line(start: start, end: contentEnd, indent: start - offset, number: number, lineStart: offset))
                }
                offset = end + 1
                number += 1
            }
            for line in lines {
                let first = bytes[line.start]
                // Directives, document markers, anchors, aliases, tags, block scalars, complex keys.
                if [37, 38, 42, 33, 124, 62, 63].contains(first) { return false }
                if bytes[line.start..<line.end].starts(with: [45, 45, 45]) || bytes[line.start..<line.end].starts(with: [46, 46, 46]) { return false }
            }
            return true
        }

        /// The end of a line's content: before ` #` outside quotes, without trailing spaces; nil when a quote
        /// or flow collection is left open (it would continue on the next line).
        func contentEnd(_ start: Int, _ end: Int) -> Int? {
            var i = start
            var depth = 0
            var cut = end
            while i < end {
                let b = bytes[i]
                if b == 34 || b == 39 {
                    // A quote only opens a quoted scalar where a scalar can start.
                    if i == start || [32, 44, 91, 123, 58].contains(bytes[i - 1]) {
                        guard let close = closingQuote(i, end) else { return nil }
                        i = close + 1
                        continue
                    }
                } else if b == 91 || b == 123 {
                    depth += 1
                } else if b == 93 || b == 125 {
                    depth -= 1
                } else if b == 35, i > start, bytes[i - 1] == 32 {
                    cut = i
                    break
                } else if b == 9 {
                    return nil
                }
                i += 1
            }
            guard depth == 0 else { return nil }
            while cut > start, bytes[cut - 1] == 32 { cut -= 1 }
            return cut
        }

        func closingQuote(_ open: Int, _ end: Int) -> Int? {
            let quote = bytes[open]
            var i = open + 1
            while i < end {
                if quote == 34, bytes[i] == 92 { i += 2; continue }
                if bytes[i] == quote {
                    if quote == 39, i + 1 < end, bytes[i + 1] == 39 { i += 2; continue }
                    return i
                }
                i += 1
            }
            return nil
        }

        /// The last column found, so that the many scalars of one long line are located in one pass over it (counting
        /// from the line's start each time made a 50,000-item line quadratic).
        final class ColumnMark {
            var lineStart = -1, offset = 0, column = 1
        }
        let mark = ColumnMark()

        func location(_ line: Line, _ offset: Int) -> SourceLocation {
            var column = 1
            var i = line.lineStart
            if mark.lineStart == line.lineStart, mark.offset <= offset {
                column = mark.column
                i = mark.offset
            }
            while i < offset {
                if bytes[i] & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
            (mark.lineStart, mark.offset, mark.column) = (line.lineStart, offset, column)
            return SourceLocation(file: file, line: line.number, column: column)
        }

        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

        /// A block node whose first line is `lines[index]`, indented `indent`.
        mutating func block(indent: Int) -> YAMLValue? {
            let line = lines[index]
            if isSequenceItem(line) { return sequence(indent: line.indent) }
            return mapping(indent: line.indent)
        }

        func isSequenceItem(_ line: Line) -> Bool {
            bytes[line.start] == 45 && (line.end == line.start + 1 || bytes[line.start + 1] == 32)
        }

        mutating func sequence(indent: Int) -> YAMLValue? {
            let first = lines[index]
            var items: [YAMLValue] = []
            while index < lines.count, lines[index].indent == indent, isSequenceItem(lines[index]) {
                let line = lines[index]
                var start = line.start + 1
                while start < line.end, bytes[start] == 32 { start += 1 }
                index += 1
                if start == line.end {
                    guard index < lines.count, lines[index].indent > indent, let nested = block(indent: lines[index].indent) else { return nil }
                    items.append(nested)
                } else {
                    // A compact map (`- key: value`) or a nested list on the item's line: leave it to the full parser.
                    if bytes[start] == 45 || findMappingColon(start, line.end) != nil { return nil }
                    guard let value = inlineValue(line, start, line.end) else { return nil }
                    if index < lines.count, lines[index].indent > indent { return nil }
                    items.append(value)
                }
            }
            if index < lines.count, lines[index].indent > indent { return nil }
            return YAMLValue(kind: .sequence(items), location: location(first, first.start))
        }

        /// The offset of `:` that ends a plain or quoted key at `start` (followed by a space or the end).
        func findMappingColon(_ start: Int, _ end: Int) -> Int? {
            var i = start
            if bytes[start] == 34 || bytes[start] == 39 {
                guard let close = closingQuote(start, end) else { return nil }
                i = close + 1
                return i < end && bytes[i] == 58 && (i + 1 == end || bytes[i + 1] == 32) ? i : nil
            }
            if bytes[start] == 91 || bytes[start] == 123 { return nil }
            while i < end {
                if bytes[i] == 58, i + 1 == end || bytes[i + 1] == 32 { return i }
                i += 1
            }
            return nil
        }

        mutating func mapping(indent: Int) -> YAMLValue? {
            let first = lines[index]
            var pairs: [(key: YAMLValue, value: YAMLValue)] = []
            var keys = KeySet()
            while index < lines.count, lines[index].indent == indent {
                let line = lines[index]
                guard !isSequenceItem(line), let colon = findMappingColon(line.start, line.end) else { return nil }
                guard let key = scalar(line, line.start, colon), case .scalar(let keyText, _) = key.kind,
                    keys.isNew(keyText, in: pairs)
                else { return nil }
                var start = colon + 1
                while start < line.end, bytes[start] == 32 { start += 1 }
                index += 1
                if start == line.end {
                    if index < lines.count, lines[index].indent > indent || (lines[index].indent == indent && isSequenceItem(lines[index])) {
                        guard let nested = block(indent: lines[index].indent) else { return nil }
                        pairs.append((key, nested))
                    } else {
                        pairs.append((key, YAMLValue(kind: .null, location: location(line, line.end))))
                    }
                } else {
                    guard let value = inlineValue(line, start, line.end) else { return nil }
                    // A plain scalar continued on more-indented lines is a multi-line scalar.
                    if index < lines.count, lines[index].indent > indent { return nil }
                    pairs.append((key, value))
                }
            }
            if index < lines.count, lines[index].indent > indent { return nil }
            return YAMLValue(kind: .mapping(pairs), location: location(first, first.start))
        }

        /// A value written on one line: a flow collection or a scalar.
        func inlineValue(_ line: Line, _ start: Int, _ end: Int) -> YAMLValue? {
            if bytes[start] == 91 || bytes[start] == 123 {
                var i = start
                guard let value = flow(line, &i, end), i == end else { return nil }
                return value
            }
            // `key: a: b` is an error in YAML: let the full parser say so.
            if findMappingColon(start, end) != nil, bytes[start] != 34, bytes[start] != 39 { return nil }
            return scalar(line, start, end)
        }

        /// A scalar filling `start..<end`: quoted (the whole range) or plain.
        func scalar(_ line: Line, _ start: Int, _ end: Int) -> YAMLValue? {
            var stop = end
            while stop > start, bytes[stop - 1] == 32 { stop -= 1 }
            let here = location(line, start)
            guard stop > start else { return YAMLValue(kind: .null, location: here) }
            let first = bytes[start]
            if first == 34 || first == 39 {
                guard let close = closingQuote(start, stop), close == stop - 1, let value = unquote(start, close) else { return nil }
                return YAMLValue(kind: .scalar(value, plain: false), location: here)
            }
            // Indicators (& * ! | > % @ ` ? #) cannot start a plain scalar: the full parser takes these.
            if [38, 42, 33, 124, 62, 37, 64, 96, 63, 35].contains(first) { return nil }
            // `-`, `?` and `:` followed by a blank start a block entry, a key or a value, not a scalar: the full
            // parser says what is wrong there.
            if first == 45 || first == 58, stop == start + 1 || bytes[start + 1] == 32 { return nil }
            let value = text(start..<stop)
            if ["~", "null", "Null", "NULL"].contains(value) { return YAMLValue(kind: .null, location: here) }
            return YAMLValue(kind: .scalar(value, plain: true), location: here)
        }

        func unquote(_ open: Int, _ close: Int) -> String? {
            if bytes[open] == 39 {
                return text((open + 1)..<close).replacingOccurrences(of: "''", with: "'")
            }
            var out: [UInt8] = []
            var i = open + 1
            while i < close {
                let b = bytes[i]
                if b == 92 {
                    guard i + 1 < close else { return nil }
                    switch bytes[i + 1] {
                    case 34: out.append(34)
                    case 92: out.append(92)
                    case 47: out.append(47)
                    case 110: out.append(10)
                    case 116: out.append(9)
                    default: return nil
                    }
                    i += 2
                } else {
                    out.append(b)
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }

        /// A flow collection or scalar at `i` (inside a flow collection scalars end at `,` `]` `}`).
        func flow(_ line: Line, _ i: inout Int, _ end: Int) -> YAMLValue? {
            func skipSpaces() { while i < end, bytes[i] == 32 { i += 1 } }
            skipSpaces()
            guard i < end else { return nil }
            let here = location(line, i)
            if bytes[i] == 91 {
                i += 1
                var items: [YAMLValue] = []
                skipSpaces()
                if i < end, bytes[i] == 93 { i += 1; return YAMLValue(kind: .sequence(items), location: here) }
                while true {
                    guard let item = flow(line, &i, end) else { return nil }
                    if case .mapping = item.kind, bytes[i - 1] != 125 { return nil }
                    items.append(item)
                    skipSpaces()
                    guard i < end else { return nil }
                    if bytes[i] == 44 { i += 1; skipSpaces(); if i < end, bytes[i] == 93 { return nil }; continue }
                    if bytes[i] == 93 { i += 1; return YAMLValue(kind: .sequence(items), location: here) }
                    return nil
                }
            }
            if bytes[i] == 123 {
                i += 1
                var pairs: [(key: YAMLValue, value: YAMLValue)] = []
                var keys = KeySet()
                skipSpaces()
                if i < end, bytes[i] == 125 { i += 1; return YAMLValue(kind: .mapping(pairs), location: here) }
                while true {
                    skipSpaces()
                    guard i < end, let key = flowScalar(line, &i, end, key: true), case .scalar(let keyText, _) = key.kind,
                        keys.isNew(keyText, in: pairs)
                    else { return nil }
                    guard i < end, bytes[i] == 58, i + 1 < end, bytes[i + 1] == 32 else { return nil }
                    i += 2
                    skipSpaces()
                    let value: YAMLValue
                    if i < end, bytes[i] == 44 || bytes[i] == 125 {
                        return nil
                    } else {
                        guard let v = flow(line, &i, end) else { return nil }
                        value = v
                    }
                    pairs.append((key, value))
                    skipSpaces()
                    guard i < end else { return nil }
                    if bytes[i] == 44 { i += 1; skipSpaces(); if i < end, bytes[i] == 125 { return nil }; continue }
                    if bytes[i] == 125 { i += 1; return YAMLValue(kind: .mapping(pairs), location: here) }
                    return nil
                }
            }
            return flowScalar(line, &i, end, key: false)
        }

        func flowScalar(_ line: Line, _ i: inout Int, _ end: Int, key: Bool) -> YAMLValue? {
            let start = i
            if bytes[i] == 34 || bytes[i] == 39 {
                guard let close = closingQuote(i, end) else { return nil }
                i = close + 1
                return scalar(line, start, i)
            }
            while i < end {
                let b = bytes[i]
                if b == 44 || b == 93 || b == 125 || b == 91 || b == 123 { break }
                if b == 58, i + 1 < end, bytes[i + 1] == 32 || bytes[i + 1] == 44 || bytes[i + 1] == 125 {
                    if key { break }
                    return nil
                }
                i += 1
            }
            guard i > start else { return nil }
            return scalar(line, start, i)
        }
    }
}
