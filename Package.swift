// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "GlossGraph",
    products: [
        .library(name: "GlossGraph", targets: ["GlossGraph"]),
        .executable(name: "glossgraph", targets: ["glossgraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(
            name: "GlossGraph",
            dependencies: ["CLibXML2"]
        ),
        .executableTarget(
            name: "glossgraph",
            dependencies: [
                "GlossGraph",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GlossGraphTests",
            dependencies: ["GlossGraph", "glossgraph"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
