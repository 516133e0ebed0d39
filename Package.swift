// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Kaohe",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kaohe", targets: ["kaohe"]),
        .library(name: "KaoheCore", targets: ["KaoheCore"]),
        .library(name: "KaoheWorkbook", targets: ["KaoheWorkbook"]),
        .library(name: "XLSX", targets: ["XLSX"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
    ],
    targets: [
        // libxlsxwriter, found through pkg-config; `scripts/setup` installs it.
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // A safe Swift writer over libxlsxwriter and a reader for .xlsx packages.
        .target(
            name: "XLSX",
            dependencies: ["CXLSXWriter", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The model, loading with diagnostics, scoring, ranking and grading. Knows nothing of XLSX.
        .target(
            name: "KaoheCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        // Lays engine results out as scorecard workbooks.
        .target(name: "KaoheWorkbook", dependencies: ["KaoheCore", "XLSX"]),
        .executableTarget(
            name: "kaohe",
            dependencies: [
                "KaoheCore", "KaoheWorkbook", "XLSX",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Loading and scoring time at province scale (no workbook); run in release.
        .executableTarget(name: "kaohe-scoring-benchmark", dependencies: ["KaoheCore"], path: "Benchmarks/ScoringBenchmark"),
        // Scratch directories for tests, removed when the test run ends.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "XLSXTests", dependencies: ["XLSX", "TestSupport"]),
        .testTarget(
            name: "KaoheCoreTests",
            dependencies: ["KaoheCore", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "KaoheWorkbookTests", dependencies: ["KaoheWorkbook", "KaoheCore", "XLSX", "TestSupport"]),
        // __Snapshots__ holds what the snapshot tests compare with (read through #filePath, not as resources).
        .testTarget(name: "kaoheTests", dependencies: ["KaoheCore", "TestSupport"], exclude: ["__Snapshots__"]),
    ]
)
