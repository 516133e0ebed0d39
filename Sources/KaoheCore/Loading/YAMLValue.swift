import Foundation
import Yams

/// A YAML node with the place it came from. Scalars keep their source text, so numbers are read as exact
/// decimals and map keys keep their spelling.
public struct YAMLValue: Sendable {
    public enum Kind: Sendable {
        case null
        /// A scalar with its text; `plain` is false for quoted scalars, which are always text.
        case scalar(String, plain: Bool)
        case sequence([YAMLValue])
        /// Key–value pairs in file order.
        case mapping([(key: YAMLValue, value: YAMLValue)])
    }

    public var kind: Kind
    public var location: SourceLocation

    /// Parses `text`; a syntax error is returned as a diagnostic at its line. The common shapes of assessment
    /// files are read by `FastYAML`; everything else by Yams, with the same result.
    public static func parse(_ text: String, file: String) -> Result<YAMLValue, Diagnostic> {
        if let problem = YAMLLimits.problem(in: text) {
            return .failure(Diagnostic(SourceLocation(file: file, line: problem.line, column: problem.column), problem.message))
        }
        if let value = FastYAML.parse(text, file: file) { return .success(value) }
        return parseWithYams(text, file: file)
    }

    /// The full parser alone (the benchmark times it against `parse`).
    @_spi(Benchmarks) public static func parseWithYams(_ text: String, file: String) -> Result<YAMLValue, Diagnostic> {
        do {
            // Scalars are resolved here (exact decimals, 是/否), so Yams' regular-expression resolver is skipped.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                return .success(YAMLValue(kind: .null, location: SourceLocation(file: file, line: 1)))
            }
            return .success(YAMLValue(node, file: file))
        } catch let error as YamlError {
            var diagnostic = Self.diagnostic(for: error, file: file)
            if let hint = YAMLHints.hint(text, near: diagnostic.location.line) {
                diagnostic.content = Catalog.withHint(diagnostic.content, hint)
            }
            return .failure(diagnostic)
        } catch {
            return .failure(Diagnostic(SourceLocation(file: file, line: 1), Catalog.yamlSyntax("\(error)")))
        }
    }

    /// Parses `text`, adding a syntax error to `diagnostics` and returning nil when it is not YAML.
    static func parse(_ text: String, file: String, diagnostics: inout Diagnostics) -> YAMLValue? {
        switch parse(text, file: file) {
        case .success(var value):
            value.enforceNumberLimits(&diagnostics)
            return value
        case .failure(let diagnostic):
            diagnostics.error(diagnostic.location, diagnostic.content)
            return nil
        }
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return Diagnostic(SourceLocation(file: file, line: mark.line, column: mark.column), Catalog.yamlSyntax(text))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(
                SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                Catalog.duplicateKey(duplicates.map { "'\($0)'" }.joined(separator: ", ")))
        default:
            return Diagnostic(SourceLocation(file: file, line: 1), Catalog.yamlSyntax(error))
        }
    }

    init(kind: Kind, location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    init(_ node: Node, file: String) {
        let mark = node.mark
        location = SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column)
        switch node {
        case .scalar(let scalar):
            let plain = scalar.style == .plain
            if plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                kind = .null
            } else {
                kind = .scalar(scalar.string, plain: plain)
            }
        case .sequence(let sequence):
            kind = .sequence(sequence.map { YAMLValue($0, file: file) })
        case .mapping(let mapping):
            kind = .mapping(mapping.map { (YAMLValue($0.key, file: file), YAMLValue($0.value, file: file)) })
        case .alias(let alias):
            kind = .scalar(alias.anchor.rawValue, plain: false)
        }
    }

    public var isNull: Bool { if case .null = kind { return true } else { return false } }

    /// The scalar's text, for any scalar.
    public var text: String? {
        if case .scalar(let s, _) = kind { return s }
        return nil
    }

    /// Reports every plain number outside the §12 limits and turns it into text, so that nothing downstream computes
    /// with it (it then also fails where a number is expected, never traps).
    mutating func enforceNumberLimits(_ d: inout Diagnostics) {
        // Looked over without copying first: rewriting the tree copies every array on the way down.
        guard exceedsNumberLimits else { return }
        switch kind {
        case .scalar(let s, true):
            if let problem = Exact.inputLimitProblem(s) {
                d.error(location, problem)
                kind = .scalar(s, plain: false)
            }
        case .sequence(var items):
            for i in items.indices { items[i].enforceNumberLimits(&d) }
            kind = .sequence(items)
        case .mapping(var pairs):
            for i in pairs.indices { pairs[i].value.enforceNumberLimits(&d) }
            kind = .mapping(pairs)
        default: break
        }
    }

    private var exceedsNumberLimits: Bool {
        switch kind {
        case .scalar(let s, true): Exact.inputLimitProblem(s) != nil
        case .sequence(let items): items.contains { $0.exceedsNumberLimits }
        case .mapping(let pairs): pairs.contains { $0.value.exceedsNumberLimits }
        default: false
        }
    }

    /// An unquoted scalar read as an exact decimal.
    public var number: Exact? {
        if case .scalar(let s, let plain) = kind, plain { return Exact(s) }
        return nil
    }

    /// `true`/`false` and their Chinese forms `是`/`否`.
    public var boolean: Bool? {
        guard case .scalar(let s, _) = kind else { return nil }
        switch s {
        case "true", "True", "TRUE", "是", "yes", "Yes": return true
        case "false", "False", "FALSE", "否", "no", "No": return false
        default: return nil
        }
    }

    public var sequence: [YAMLValue]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    public var mapping: [(key: YAMLValue, value: YAMLValue)]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// The value for a key of a mapping.
    public subscript(_ key: String) -> YAMLValue? {
        mapping?.first { $0.key.text == key }?.value
    }

    /// A short quote of the node for messages: `'abc'`, `[…]`, `{…}`.
    public var quoted: String {
        switch kind {
        case .null: "null"
        case .scalar(let s, _): "'\(s.count > 40 ? String(s.prefix(40)) + "…" : s)'"
        case .sequence: "a list"
        case .mapping: "a map"
        }
    }
}

/// What usually causes a YAML syntax error in a file typed by hand on a Chinese keyboard: a full-width colon, a tab,
/// full-width digits or commas.
enum YAMLHints {
    /// A hint about the line of the error or the two before it (1-based line numbers).
    static func hint(_ text: String, near line: Int) -> Message? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for number in [line, line - 1, line - 2] where number >= 1 && number <= lines.count {
            let content = lines[number - 1]
            if content.contains("：") { return Catalog.hintFullWidthColon(number) }
            if content.contains("\t") { return Catalog.hintTab(number) }
            if content.contains(where: { ("０"..."９").contains($0) || $0 == "，" || $0 == "［" || $0 == "］" }) {
                return Catalog.hintFullWidth(number)
            }
        }
        return nil
    }
}
