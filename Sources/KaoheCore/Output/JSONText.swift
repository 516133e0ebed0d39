/// JSON text for the files Kaohe writes by hand (they are large, regular and must come out in a fixed order).
///
/// Not `JSONEncoder`, on purpose: on Linux it orders an object's keys by their hash, which is seeded anew in each
/// process, so the same results came out as different files on two runs (checked: two `kaohe score` runs of the
/// bundled assessment with `results.json` from `Encodable` documents gave files with different checksums); and
/// `.sortedKeys` would put blocks and grades out of the rubric's order, which `results.json` and
/// `sensitivity.json` keep (workbook spec). The writers are small and pinned by snapshot tests.
public enum JSONText {
    /// `s` as a JSON string literal.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
