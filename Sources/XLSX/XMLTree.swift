import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small element tree built from XML, enough to read the parts of an `.xlsx` package.
struct XMLNode {
    var name: String
    var attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""

    /// Children with this local name (namespace prefixes are ignored).
    func all(_ local: String) -> [XMLNode] { children.filter { $0.localName == local } }
    func first(_ local: String) -> XMLNode? { children.first { $0.localName == local } }
    var localName: String { name.split(separator: ":").last.map(String.init) ?? name }
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

    static func parse(_ data: Data, part: String) throws -> XMLNode {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        parser.shouldProcessNamespaces = false
        guard parser.parse(), let root = builder.root else {
            let reason = parser.parserError.map { "\($0)" } ?? "no root element"
            throw XLSXError(.file("malformed XML (\(reason))"), while: "reading \(part)")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLNode] = []
        var root: XMLNode?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            stack.append(XMLNode(name: elementName, attributes: attributeDict))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            let node = stack.removeLast()
            if stack.isEmpty { root = node } else { stack[stack.count - 1].children.append(node) }
        }
    }
}
