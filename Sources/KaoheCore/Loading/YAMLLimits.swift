/// Bounds on what a YAML input may ask of the reader (rubric-format.md §12): nesting depth and aliases, checked in
/// one linear pass before parsing, so that a hostile or broken file gets an error with its line instead of
/// exhausting the stack or memory.
enum YAMLLimits {
    /// Deepest nesting of flow collections (`[`, `{`) and of block indentation levels allowed.
    static let maximumDepth = 64
    /// Most aliases (`*name`) a file may use: none of kaohe's formats needs them; 16 expand to a few hundred nodes at
    /// most, while a hundred can expand to billions ("billion laughs").
    static let maximumAliases = 16

    /// The first limit `text` passes, as (line, column, message), or nil.
    static func problem(in text: String) -> (line: Int, column: Int, message: String)? {
        var line = 1, column = 0
        var depth = 0
        var aliases = 0
        var quote: UInt8? = nil
        var atLineStart = true
        var indent = 0
        var previous: UInt8 = 0x0A
        var inComment = false
        for byte in text.utf8 {
            column += 1
            if byte == 0x0A {
                line += 1
                column = 0
                atLineStart = true
                indent = 0
                inComment = false
                if quote == 0x27 || quote == 0x22 { previous = byte; continue }
                previous = byte
                continue
            }
            if inComment { previous = byte; continue }
            if atLineStart {
                if byte == 0x20 { indent += 1; previous = byte; continue }
                atLineStart = false
                // A block level takes at least one column of indentation: very deep indentation is very deep nesting.
                if indent > maximumDepth * 8 {
                    return (line, column, "the text is indented \(indent) columns deep; nesting is limited to \(maximumDepth) levels")
                }
            }
            if let q = quote {
                if byte == q { quote = nil }
                previous = byte
                continue
            }
            switch byte {
            case 0x22, 0x27:
                // A quote opens a quoted scalar only where a scalar can start.
                if previous == 0x20 || previous == 0x0A || previous == 0x5B || previous == 0x7B || previous == 0x2C || previous == 0x3A || column == 1
                {
                    quote = byte
                }
            case 0x23:
                if previous == 0x20 || column == 1 { inComment = true }
            case 0x5B, 0x7B:
                depth += 1
                if depth > maximumDepth {
                    return (line, column, "collections are nested more than \(maximumDepth) deep; simplify the structure")
                }
            case 0x5D, 0x7D:
                depth = max(0, depth - 1)
            case 0x2A:
                if previous == 0x20 || previous == 0x5B || previous == 0x2C || previous == 0x3A {
                    aliases += 1
                    if aliases > maximumAliases {
                        return (line, column, "more than \(maximumAliases) aliases (*name); write the values out instead")
                    }
                }
            default: break
            }
            previous = byte
        }
        return nil
    }
}
