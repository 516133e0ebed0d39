import Foundation
import Testing
@_spi(Benchmarks) @testable import KaoheCore

/// The fast reader must give exactly what the full YAML parser gives (kinds, texts, lines, columns) or give up.
func sameTree(_ a: YAMLValue, _ b: YAMLValue, _ path: String = "$") -> String? {
    if a.location.line != b.location.line { return "\(path): line \(a.location.line) vs \(b.location.line)" }
    switch (a.kind, b.kind) {
    case (.null, .null):
        return nil
    case (.scalar(let x, let p), .scalar(let y, let q)):
        if x != y || p != q { return "\(path): \(x)/\(p) vs \(y)/\(q)" }
        if a.location.column != b.location.column { return "\(path): column \(a.location.column ?? 0) vs \(b.location.column ?? 0)" }
        return nil
    case (.sequence(let x), .sequence(let y)):
        guard x.count == y.count else { return "\(path): \(x.count) vs \(y.count) items" }
        for i in x.indices { if let d = sameTree(x[i], y[i], "\(path)[\(i)]") { return d } }
        return nil
    case (.mapping(let x), .mapping(let y)):
        guard x.count == y.count else { return "\(path): \(x.count) vs \(y.count) keys" }
        for i in x.indices {
            if let d = sameTree(x[i].key, y[i].key, "\(path).key\(i)") { return d }
            if let d = sameTree(x[i].value, y[i].value, "\(path).\(x[i].key.text ?? "")") { return d }
        }
        return nil
    default:
        return "\(path): \(a.kind) vs \(b.kind)"
    }
}

func fullParse(_ text: String) -> YAMLValue? {
    if case .success(let v) = YAMLValue.parseWithYams(text, file: "f") { return v }
    return nil
}

@Suite struct FastYAMLTests {
    @Test func agreesWithTheFullParserOnEveryShippedFile() throws {
        let fm = FileManager.default
        let root = bundledAssessment
        var files = ["rubric.yaml"] + (try fm.contentsOfDirectory(atPath: root + "/data")).filter { $0.hasSuffix(".yaml") }.map { "data/" + $0 }
        files += (try fm.contentsOfDirectory(atPath: root + "/weights")).map { "weights/" + $0 }
        for name in files {
            let text = try String(contentsOfFile: root + "/" + name, encoding: .utf8)
            let slow = try #require(fullParse(text))
            guard let fast = FastYAML.parse(text, file: "f") else {
                #expect(name == "rubric.yaml", "the fast reader gave up on \(name)")
                continue
            }
            #expect(sameTree(fast, slow) == nil, "\(name): \(sameTree(fast, slow) ?? "")")
        }
    }

    @Test func agreesOnSyntheticData() throws {
        let synthetic = SyntheticAssessment(organizations: 40, seed: 5)
        for i in 0..<40 {
            let text = synthetic.dataYAML(i)
            let fast = try #require(FastYAML.parse(text, file: "f"))
            #expect(sameTree(fast, try #require(fullParse(text))) == nil)
        }
    }

    @Test(arguments: [
        "a: 1\nb: [1, 2]\nc: {x: 1, y: \"q\"}\n",
        "a:\n  - 1\n  - two\n  - {k: v}\n",
        "a:\n- 1\n- 2\nb: x\n",
        "k: 'it''s'  # comment\nm: \"a\\\"b\"\n",
        "x: ~\ny:\nz: null\nw: ''\n",
        "list: []\nmap: {}\n",
        "a: 中文，带标点\nb: [满意, 不满意]\n",
        "  a: 1\n",
        "a: 1\na: 2\n",
        "a: &x 1\nb: *x\n",
        "a: |\n  text\n",
        "a: first\n  continued\n",
        "a: [1,\n  2]\n",
        "- a: 1\n  b: 2\n",
        "a: b: c\n",
        "a: {x: 1, x: 2}\n",
        "a:\n\tb: 1\n",
        "---\na: 1\n",
        "a: x # c\nb: 'y # not a comment'\n",
        "key with spaces: 1\n\"quoted key\": 2\n",
        "a: -1.5\nb: 2.675\nc: +3\n",
        "a: [{x: 1}, {y: [1, 2]}]\n",
        "a: {x: [1, 2], y: {z: 3}}\n"
    ])
    func agreesOrGivesUp(_ text: String) throws {
        guard let fast = FastYAML.parse(text, file: "f") else { return }
        let slow = try #require(fullParse(text), "the fast reader accepted what YAML rejects: \(text)")
        #expect(sameTree(fast, slow) == nil, "\(text): \(sameTree(fast, slow) ?? "")")
    }
}

/// Generated documents — nested block maps and lists, flow collections, scalars of every style and many awkward
/// characters — read by both readers: the fast one must give the full parser's tree, lines and columns, or give up.
@Suite struct FastYAMLDifferentialTests {
    static let scalars = [
        "1", "-2.5", "1e3", "0x1F", "true", "是", "否", "~", "null", "", "满意", "a b", "'q'", "'it''s'",
        "\"a\\\"b\"", "\"中\"", "x:y", "a #b", "[1]", "{}", "-", "?", "&a", "*a", "!t", "|", ">", "%", "@", "`",
        "a,b", "1_000", ".5", "+3", "01", "\"\"", "''", "a: b", "- x", "#c", "中文，标点", "\"\\t\""
    ]

    struct Generator {
        var rng: SplitMix64
        mutating func pick<T>(_ list: [T]) -> T { list[Int(rng.next() % UInt64(list.count))] }
        mutating func chance(_ n: UInt64) -> Bool { rng.next() % n == 0 }

        mutating func flow(_ depth: Int) -> String {
            if depth > 2 || chance(2) { return pick(scalars) }
            let n = Int(rng.next() % 4)
            if chance(2) { return "[" + (0..<n).map { _ in flow(depth + 1) }.joined(separator: pick([", ", ",", " , "])) + "]" }
            return "{" + (0..<n).map { i in "k\(i): " + flow(depth + 1) }.joined(separator: ", ") + "}"
        }

        mutating func block(_ indent: Int, _ depth: Int) -> String {
            let pad = String(repeating: " ", count: indent)
            var out = ""
            let asList = chance(3)
            for i in 0..<(1 + Int(rng.next() % 4)) {
                let head = asList ? "\(pad)-" : "\(pad)\(pick(["k", "键", "a.b", "x-y", "\"q k\""]))\(i):"
                if depth < 3, chance(3) {
                    out += head + (chance(8) ? " # c" : "") + "\n" + block(indent + pick([2, 2, 4, 1]), depth + 1)
                } else {
                    out += head + " " + flow(0) + (chance(6) ? "  # note" : "") + "\n"
                }
                if chance(10) { out += pick(["\n", "# comment\n", "\(pad)  \n"]) }
            }
            return out
        }
    }

    @Test func fastReaderAgreesWithYamsOnGeneratedDocuments() throws {
        let runs = ProcessInfo.processInfo.environment["KAOHE_FUZZ_RUNS"].flatMap(Int.init) ?? 400
        var agreed = 0
        for seed in 0..<UInt64(runs) {
            var generator = Generator(rng: SplitMix64(seed: seed))
            let text = generator.block(0, 0)
            guard let fast = FastYAML.parse(text, file: "f") else { continue }
            guard let slow = fullParse(text) else {
                Issue.record("seed \(seed): the fast reader accepted what YAML rejects:\n\(text)")
                continue
            }
            if let difference = sameTree(fast, slow) { Issue.record("seed \(seed): \(difference)\n\(text)") } else { agreed += 1 }
        }
        // Many generated documents are in the fast reader's subset; it must not give up on all of them.
        #expect(agreed > runs / 10, "the fast reader read only \(agreed) of \(runs)")
    }
}

@Suite struct LongLineTests {
    /// One line of 100,000 items is read in one pass (it was quadratic: each item's column counted from the line's
    /// start), and every item still knows its column.
    @Test func aVeryLongFlowLineIsReadWithItsColumns() throws {
        let items = (0..<100_000).map { String($0 % 100) }
        let text = "a: [" + items.joined(separator: ", ") + "]\n"
        let value = try #require(FastYAML.parse(text, file: "f"))
        guard case .mapping(let pairs) = value.kind, case .sequence(let list) = pairs[0].value.kind else {
            Issue.record("not a map of a list")
            return
        }
        #expect(list.count == 100_000)
        let expected = 5 + items.dropLast().map { $0.count + 2 }.reduce(0, +)
        #expect(list.last?.location.column == expected)
    }
}
