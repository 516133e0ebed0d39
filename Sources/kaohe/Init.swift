import ArgumentParser
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new assessment folder from the bundled 2024 county mass-organization assessment.",
        discussion: "Copies rubric.yaml, data/, weights/ and README.md. Refuses to write into an existing folder.")

    @Argument(help: "The folder to create.", completion: .directory)
    var folder: String

    func validate() throws {
        if FileManager.default.fileExists(atPath: folder) {
            throw ValidationError("'\(folder)' already exists; choose a new folder (nothing was overwritten).")
        }
    }

    func run() throws {
        guard let source = BundledAssessment.locate() else {
            throw ValidationError("Cannot find the bundled assessment (\(BundledAssessment.relativePath)); run from the kaohe checkout or set KAOHE_TEMPLATE to its folder.")
        }
        let files = BundledAssessment.files(at: source)
        for (relative, contents) in files.sorted(by: { $0.key < $1.key }) {
            let path = (folder as NSString).appendingPathComponent(relative)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try contents.write(to: URL(fileURLWithPath: path))
        }
        print("created \(folder) from \(source.path) (\(files.count) files); edit rubric.yaml and data/, then run: kaohe validate \(folder)")
    }
}
