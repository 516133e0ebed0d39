import ArgumentParser
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new assessment folder from the bundled 2024 county mass-organization assessment.",
        discussion: "Copies rubric.yaml, weights/ and README.md, with an empty data/ to be filled through forms (kaohe forms, then kaohe collect); --with-sample-data copies the sample organizations' data too. Refuses to write into an existing folder.")

    @Argument(help: "The folder to create.", completion: .directory)
    var folder: String

    @Flag(help: "Also copy the bundled sample data (data/), to try the tool before the real round.")
    var withSampleData = false

    func validate() throws {
        if FileManager.default.fileExists(atPath: folder) {
            throw ValidationError("'\(folder)' already exists; choose a new folder (nothing was overwritten).")
        }
    }

    func run() throws {
        guard let source = BundledAssessment.locate() else {
            throw ValidationError("Cannot find the bundled assessment (\(BundledAssessment.relativePath)); run from the kaohe checkout or set KAOHE_TEMPLATE to its folder.")
        }
        let files = BundledAssessment.files(at: source).filter { withSampleData || !$0.key.hasPrefix("data/") }
        try FileManager.default.createDirectory(atPath: (folder as NSString).appendingPathComponent("data"),
                                                withIntermediateDirectories: true)
        for (relative, contents) in files.sorted(by: { $0.key < $1.key }) {
            let path = (folder as NSString).appendingPathComponent(relative)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try contents.write(to: URL(fileURLWithPath: path))
        }
        let next = withSampleData ? "kaohe validate \(folder)" : "kaohe forms \(folder)"
        print("created \(folder) from \(source.path) (\(files.count) files); edit rubric.yaml, then run: \(next)")
    }
}
