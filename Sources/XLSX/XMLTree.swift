import Foundation

/// A small element tree built from XML, enough to read the parts of an `.xlsx` package.
struct XMLNode {
    var name: String
    /// The name without its namespace prefix.
    let localName: Substring
    var attributes: XMLAttributes
    var children: [XMLNode] = []
    var text = ""

    init(name: String, attributes: XMLAttributes) {
        self.name = name
        localName = Self.localName(of: name)
        self.attributes = attributes
    }

    /// `name` without its namespace prefix (found on the bytes: a character search is much slower).
    static func localName(of name: String) -> Substring {
        guard let colon = name.utf8.lastIndex(of: 0x3A) else { return name[...] }
        return name[name.utf8.index(after: colon)...]
    }

    /// Children with this local name (namespace prefixes are ignored).
    func all(_ local: String) -> [XMLNode] { children.filter { $0.localName == local } }
    func first(_ local: String) -> XMLNode? { children.first { $0.localName == local } }
    /// All text below this node, in document order.
    var allText: String { text + children.map(\.allText).joined() }
    /// The text of a string item (`si` or `is`): its `t` and its runs' `t`, without phonetic guides (`rPh`).
    var cellText: String {
        if let t = first("t"), children.count == 1 { return t.text }
        return children.map { child in
            switch child.localName {
            case "t": child.text
            case "r": child.all("t").map(\.text).joined()
            default: ""
            }
        }.joined()
    }

    /// Parses a package part. A DOCTYPE (never in a spreadsheet, and the way to entity bombs) is refused.
    static func parse(_ data: Data, part: String) throws -> XMLNode {
        try read(data, part: part) { try $0.document() }
    }

    /// Runs `body` with a reader over `data`, turning its problems into `XLSXError`s naming the part.
    static func read<T>(_ data: Data, part: String, _ body: (inout XMLBytes) throws -> T) throws -> T {
        do {
            return try data.withUnsafeBytes { raw in
                var parser = XMLBytes(raw.bindMemory(to: UInt8.self))
                return try body(&parser)
            }
        } catch let problem as XMLBytes.Problem {
            throw XLSXError(.file("malformed XML (\(problem.message) at byte \(problem.offset))"), while: "reading \(part)")
        }
    }
}

/// An element's attributes: a handful each, so a list searched in order beats a hash table.
struct XMLAttributes {
    private var pairs: [(name: String, value: String)] = []

    subscript(_ name: String) -> String? {
        get { pairs.first { $0.name == name }?.value }
        set {
            pairs.removeAll { $0.name == name }
            if let newValue { pairs.append((name, newValue)) }
        }
    }

    mutating func append(_ name: String, _ value: String) { pairs.append((name, value)) }
}

/// A linear, non-validating XML reader over bytes: elements, attributes, text with the five predefined entities and
/// character references, CDATA, comments and processing instructions. No DTD, no external entities.
struct XMLBytes {
    struct Problem: Error {
        var message: String
        var offset: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0
    /// How deep elements may nest (a sheet is a few levels deep).
    static let maximumDepth = 256

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    func fail(_ message: String) -> Problem { Problem(message: message, offset: i) }

    /// What the reader meets next.
    enum Event {
        case start(XMLNode, empty: Bool)
        case end(String)
        case text(String)
    }

    /// The next event, or nil at the end of the input.
    mutating func next() throws -> Event? {
        while i < bytes.count {
            if bytes[i] != 0x3C { return .text(try readText()) }
            if starts("<?") { try skip(past: "?>"); continue }
            if starts("<!--") { try skip(past: "-->"); continue }
            if starts("<![CDATA[") {
                i += 9
                let start = i
                try skip(past: "]]>")
                return .text(string(start, i - 3))
            }
            if starts("<!") { throw fail("a DOCTYPE or declaration is not allowed") }
            if starts("</") {
                i += 2
                let name = readName()
                skipSpace()
                guard i < bytes.count, bytes[i] == 0x3E else { throw fail("expected '>' closing </\(name)") }
                i += 1
                return .end(name)
            }
            i += 1
            let name = readName()
            guard !name.isEmpty else { throw fail("expected an element name") }
            var node = XMLNode(name: name, attributes: XMLAttributes())
            while true {
                skipSpace()
                guard i < bytes.count else { throw fail("unfinished tag <\(name)") }
                if bytes[i] == 0x3E { i += 1; return .start(node, empty: false) }
                if bytes[i] == 0x2F, i + 1 < bytes.count, bytes[i + 1] == 0x3E { i += 2; return .start(node, empty: true) }
                let key = readName()
                guard !key.isEmpty else { throw fail("bad attribute in <\(name)") }
                skipSpace()
                guard i < bytes.count, bytes[i] == 0x3D else { throw fail("expected '=' after \(key)") }
                i += 1
                skipSpace()
                guard i < bytes.count, bytes[i] == 0x22 || bytes[i] == 0x27 else { throw fail("expected a quoted value for \(key)") }
                let quote = bytes[i]
                i += 1
                let start = i
                while i < bytes.count, bytes[i] != quote { i += 1 }
                guard i < bytes.count else { throw fail("unclosed attribute \(key)") }
                node.attributes.append(key, try decoded(start, i))
                i += 1
            }
        }
        return nil
    }

    /// The whole document as a tree.
    mutating func document() throws -> XMLNode {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while let event = try next() {
            if case .start(let root, let empty) = event { return empty ? root : try subtree(root) }
        }
        throw fail("no root element")
    }

    /// The rest of the element `node` whose start tag was just read: its text and children, up to its end tag.
    mutating func subtree(_ node: XMLNode) throws -> XMLNode {
        var stack = [node]
        while let event = try next() {
            switch event {
            case .text(let text): stack[stack.count - 1].text += text
            case .start(let child, let empty):
                if empty {
                    stack[stack.count - 1].children.append(child)
                } else {
                    guard stack.count < Self.maximumDepth else { throw fail("elements nested too deep") }
                    stack.append(child)
                }
            case .end(let name):
                guard let closed = stack.popLast(), closed.name == name else { throw fail("mismatched </\(name)>") }
                if stack.isEmpty { return closed }
                stack[stack.count - 1].children.append(closed)
            }
        }
        throw fail("unclosed <\(stack.last!.name)>")
    }

    func starts(_ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        let p = prefix.utf8Start
        for k in 0..<count where bytes[i + k] != p[k] { return false }
        return true
    }

    mutating func skip(past end: StaticString) throws {
        while i < bytes.count, !starts(end) { i += 1 }
        guard i < bytes.count else { throw fail("unfinished markup") }
        i += end.utf8CodeUnitCount
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
    }

    mutating func readName() -> String {
        let start = i
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x3E || b == 0x2F || b == 0x3D { break }
            i += 1
        }
        return string(start, i)
    }

    mutating func readText() throws -> String {
        let start = i
        while i < bytes.count, bytes[i] != 0x3C { i += 1 }
        return try decoded(start, i)
    }

    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// Text between `start` and `end` with entities and character references decoded; line ends normalised.
    func decoded(_ start: Int, _ end: Int) throws -> String {
        var hasSpecial = false
        for k in start..<end where bytes[k] == 0x26 || bytes[k] == 0x0D { hasSpecial = true; break }
        guard hasSpecial else { return string(start, end) }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var k = start
        while k < end {
            let b = bytes[k]
            if b == 0x0D {
                out.append(0x0A)
                k += (k + 1 < end && bytes[k + 1] == 0x0A) ? 2 : 1
                continue
            }
            guard b == 0x26 else { out.append(b); k += 1; continue }
            guard let semicolon = (k..<min(end, k + 12)).first(where: { bytes[$0] == 0x3B }) else {
                throw Problem(message: "a bare '&'", offset: k)
            }
            let entity = string(k + 1, semicolon)
            switch entity {
            case "amp": out.append(0x26)
            case "lt": out.append(0x3C)
            case "gt": out.append(0x3E)
            case "quot": out.append(0x22)
            case "apos": out.append(0x27)
            default:
                guard entity.hasPrefix("#") else { throw Problem(message: "unknown entity &\(entity);", offset: k) }
                let hex = entity.hasPrefix("#x") || entity.hasPrefix("#X")
                // XML forbids control characters other than tab and line breaks, even as references.
                guard let code = UInt32(entity.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10), let scalar = Unicode.Scalar(code),
                    code >= 0x20 || code == 0x09 || code == 0x0A || code == 0x0D, code != 0xFFFE, code != 0xFFFF
                else {
                    throw Problem(message: "bad character reference &\(entity);", offset: k)
                }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            k = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
