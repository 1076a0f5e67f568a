// swift-tools-version:6.0
import PackageDescription

// The pipeline's stages are targets, so that the compiler keeps their dependencies one way:
// Text ← Reading ← Extraction (with Glossary) ← Counting ← Graph ← Export ← GlossGraph (the
// jobs that run them, plus discovery and consistency) ← the glossgraph command.
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
        .target(
            name: "GlossGraphText",
            dependencies: ["CLibXML2", .product(name: "SystemPackage", package: "swift-system")]),
        .target(name: "GlossGraphReading", dependencies: ["GlossGraphText"]),
        .target(name: "GlossGraphGlossary", dependencies: ["GlossGraphText"]),
        .target(name: "GlossGraphExtraction", dependencies: ["GlossGraphReading", "GlossGraphGlossary"]),
        .target(name: "GlossGraphCounting", dependencies: ["GlossGraphExtraction"]),
        .target(name: "GlossGraphGraph", dependencies: ["GlossGraphCounting", "GlossGraphGlossary"]),
        .target(name: "GlossGraphExport", dependencies: ["GlossGraphGraph"]),
        .target(
            name: "GlossGraph",
            dependencies: ["GlossGraphReading", "GlossGraphGlossary", "GlossGraphExtraction", "GlossGraphCounting", "GlossGraphGraph", "GlossGraphExport"]),
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
