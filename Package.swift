// swift-tools-version:6.0
import PackageDescription

// The pipeline's stages are targets, so that the compiler keeps their dependencies one way:
// Text ← Reading ← Extraction (with Glossary) ← Counting ← Graph ← Export ← GlossGraph (the
// jobs that run them, plus discovery and consistency) ← the glossgraph command.

// The hot paths cross the stages (reading's byte buffers, the matcher, the tally): release
// builds optimise across modules, as they would if the stages were one module.
let stage: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "GlossGraph",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "GlossGraph", targets: ["GlossGraph"]),
        .executable(name: "glossgraph", targets: ["glossgraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "COpenCC",
            pkgConfig: "opencc",
            providers: [.apt(["libopencc-dev"]), .brew(["opencc"])]
        ),
        .systemLibrary(
            name: "CUchardet",
            pkgConfig: "uchardet",
            providers: [.apt(["libuchardet-dev"]), .brew(["uchardet"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(name: "CMemoryHints"),
        .target(
            name: "GlossGraphText",
            dependencies: ["CLibXML2", "COpenCC", "CUchardet", "CZlib", .product(name: "SystemPackage", package: "swift-system")], swiftSettings: stage),
        .target(name: "GlossGraphReading", dependencies: ["GlossGraphText"], swiftSettings: stage),
        .target(name: "GlossGraphGlossary", dependencies: ["GlossGraphText"], swiftSettings: stage),
        .target(name: "GlossGraphExtraction", dependencies: ["GlossGraphReading", "GlossGraphGlossary"], swiftSettings: stage),
        .target(name: "GlossGraphCounting", dependencies: ["GlossGraphExtraction"], swiftSettings: stage),
        .target(name: "GlossGraphGraph", dependencies: ["GlossGraphCounting", "GlossGraphGlossary"], swiftSettings: stage),
        .target(name: "GlossGraphExport", dependencies: ["GlossGraphGraph"], swiftSettings: stage),
        .target(
            name: "GlossGraph",
            dependencies: [
                "GlossGraphReading", "GlossGraphGlossary", "GlossGraphExtraction", "GlossGraphCounting", "GlossGraphGraph", "GlossGraphExport",
                "CMemoryHints",
            ],
            swiftSettings: stage),
        .executableTarget(
            name: "glossgraph",
            dependencies: [
                "GlossGraph",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .executableTarget(
            name: "glossgraph-benchmark",
            dependencies: [
                "GlossGraph",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GlossGraphTests",
            dependencies: ["GlossGraph", "glossgraph", "glossgraph-benchmark"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
