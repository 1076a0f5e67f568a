import Foundation
import Testing

/// Rules of the design that the compiler cannot check, read from the sources: the stages
/// depend one way, the library speaks no command-line flags, and system calls are portable.
@Suite("The design, read from the sources")
struct ArchitectureTests {
    static let sources = TestPaths.repositoryRoot.appendingPathComponent("Sources")

    /// The Swift files under `Sources/<target>`, with their text.
    static func files(of target: String) throws -> [(path: String, text: String)] {
        let folder = sources.appendingPathComponent(target)
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        return try enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted().map {
            ("\(target)/\($0)", try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
        }
    }

    static let libraryTargets = [
        "GlossGraphText", "GlossGraphReading", "GlossGraphGlossary", "GlossGraphExtraction", "GlossGraphCounting", "GlossGraphGraph",
        "GlossGraphExport", "GlossGraph",
    ]

    @Test("no file of the graph and export stages refers to the reader or the matcher")
    func stagesDependOneWay() throws {
        let forbidden = /import GlossGraph(Reading|Extraction)\b|\b(TranscriptReader|TranscriptUnit|UnitBatch|TermMatcher|ConceptExtractor)\b/
        for target in ["GlossGraphGraph", "GlossGraphExport"] {
            for file in try Self.files(of: target) {
                let match = file.text.firstMatch(of: forbidden)
                #expect(match == nil, "\(file.path) refers to \(match.map { String($0.output.0) } ?? "")")
            }
        }
    }

    @Test("no library string names a command-line option; the command line adds its hints")
    func noFlagsInLibraryMessages() throws {
        let literal = /"(?:[^"\\\n]|\\.)*"/
        for target in Self.libraryTargets {
            for file in try Self.files(of: target) {
                for line in file.text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                    for match in line.matches(of: literal) {
                        let string = String(match.output)
                        #expect(string.firstMatch(of: /(^|[\s(])--[a-z]/) == nil, "\(file.path): \(string)")
                    }
                }
            }
        }
    }

    @Test("Glibc is called only where it is imported, so the package builds where Darwin replaces it")
    func portableSystemCalls() throws {
        for target in Self.libraryTargets + ["glossgraph"] {
            for file in try Self.files(of: target) {
                #expect(!file.text.contains("Glibc."), "\(file.path) calls Glibc by name")
                if file.text.contains("import Glibc") {
                    #expect(file.text.contains("#if canImport(Glibc)"), "\(file.path) imports Glibc unconditionally")
                }
            }
        }
    }

    @Test("the library never prints")
    func libraryDoesNotPrint() throws {
        for target in Self.libraryTargets {
            for file in try Self.files(of: target) {
                #expect(file.text.firstMatch(of: /\bprint\(|FileHandle\.standard(Output|Error)|STDOUT_FILENO|STDERR_FILENO/) == nil, "\(file.path) prints")
            }
        }
    }
}
