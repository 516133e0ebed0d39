import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Turns an input file's bytes into text (rubric-format.md §12): UTF-8 with or without BOM; for CSV also GB18030/GBK,
/// what Chinese Excel and WPS save by default (named in a warning); UTF-16 refused with how to save as UTF-8.
enum TextDecoding {
    enum Outcome {
        case text(String, encoding: String?)
        case refused(String)
    }

    /// The text of `bytes`; `allowingGB18030` for CSV files.
    static func decode(_ bytes: Data, allowingGB18030: Bool) -> Outcome {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .refused(
                "the file is UTF-16 text (Excel's “Unicode text”); save it as “CSV UTF-8” (Excel: 另存为 → CSV UTF-8(逗号分隔); WPS: 另存为 → 编码 UTF-8)")
        }
        if let text = String(data: bytes, encoding: .utf8) { return .text(text, encoding: nil) }
        guard allowingGB18030 else {
            let hint = gb18030(bytes) != nil ? " — it looks like GBK/GB18030 text; save it as UTF-8" : ""
            return .refused("the file is not UTF-8 text\(hint)")
        }
        guard let text = gb18030(bytes) else {
            return .refused("the file is neither UTF-8 nor GB18030/GBK text; save it as “CSV UTF-8”")
        }
        return .text(text, encoding: "GB18030")
    }

    /// `bytes` decoded from GB18030 (a superset of GBK and GB2312) with iconv, or nil when they are not valid GB18030.
    static func gb18030(_ bytes: Data) -> String? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = [CChar](repeating: 0, count: bytes.count)
        bytes.withUnsafeBytes { raw in input.withUnsafeMutableBytes { $0.copyMemory(from: raw) } }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress, outPointer = outBuffer.baseAddress
                var inLeft = inBuffer.count, outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return result == -1 || inLeft != 0 ? nil : outBuffer.count - outLeft
            }
        }
        guard let written else { return nil }
        return String(decoding: output.prefix(written).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The first character XML forbids (control characters other than tab and line breaks, U+FFFE, U+FFFF), as
    /// (line, column, code point), or nil.
    static func forbiddenCharacter(in text: String) -> (line: Int, column: Int, scalar: UInt32)? {
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF {
                return (line, column, v)
            }
            if v == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        return nil
    }

    /// The text of an input file, or nil with the problem reported: a refused encoding, or a character XML forbids
    /// (every string ends up in a workbook). A GB18030 file is read with a warning naming its encoding.
    static func checkedText(_ bytes: Data, file: String, allowingGB18030: Bool, _ d: inout Diagnostics) -> String? {
        switch decode(bytes, allowingGB18030: allowingGB18030) {
        case .refused(let why):
            d.error(SourceLocation(file: file, line: 1), why)
            return nil
        case .text(let text, let encoding):
            if let encoding {
                d.warning(SourceLocation(file: file, line: 1), Catalog.gbkRead(encoding))
            }
            if let bad = forbiddenCharacter(in: text) {
                d.error(
                    SourceLocation(file: file, line: bad.line, column: bad.column),
                    String(
                        format:
                            "the control character U+%04X cannot be stored in a workbook (XML forbids it); delete it (it is often pasted in invisibly)",
                        bad.scalar))
                return nil
            }
            return text
        }
    }
}
