import Foundation
import Testing

/// Outputs are written whole or not at all, and `map` never overwrites what it did not write.
@Suite("Output safety")
struct OutputSafetyTests {
    @Test("map refuses to overwrite a file it did not write, unless --force; its own files it rewrites")
    func foreignFiles() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let foreign = folder.appendingPathComponent("concept-map.dot")
        try Data("mine\n".utf8).write(to: foreign)
        let refused = try CLI.run(["map", "--render", "none", "-o", folder.path])
        #expect(refused.status == 73)
        #expect(refused.stderr == "error: '\(foreign.path)' exists and glossgraph did not write it; remove it, choose another --output or --name, or pass --force\n")
        #expect(try String(contentsOf: foreign, encoding: .utf8) == "mine\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("concept-map.graphml").path))

        let forced = try CLI.run(["map", "--render", "none", "-o", folder.path, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOf: foreign, encoding: .utf8).hasPrefix("graph \"concept map\""))
        let manifest = try String(contentsOf: folder.appendingPathComponent(".glossgraph-files"), encoding: .utf8)
        #expect(manifest.split(separator: "\n").contains("concept-map.dot"))
        #expect(try CLI.run(["map", "--render", "none", "-o", folder.path]).status == 0)
    }

    @Test("a run killed with SIGKILL while writing leaves the old file or the whole new one", .timeLimit(.minutes(3)))
    func killedWhileWriting() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("graph.graphml")
        let reference = folder.appendingPathComponent("reference/graph.graphml")
        try FileManager.default.createDirectory(at: reference.deletingLastPathComponent(), withIntermediateDirectories: true)
        let arguments = ["graphml", "--nodes", "5000", "--edges", "100000"]
        let benchmark = TestPaths.benchmarkBinary
        #expect(try CLI.run(arguments + ["-o", reference.path], executable: benchmark).status == 0)
        #expect(try CLI.run(["graphml", "--nodes", "10", "--edges", "20", "-o", target.path], executable: benchmark).status == 0)
        let old = try Data(contentsOf: target)
        let new = try Data(contentsOf: reference)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.benchmarkBinary)
        process.arguments = arguments + ["-o", target.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Kill it once its temporary file exists, that is, in the middle of writing.
        var sawTemporary = false
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            if names.contains(where: { $0.hasPrefix(".glossgraph-") }) {
                sawTemporary = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(1000)
        }
        process.waitUntilExit()
        #expect(sawTemporary, "the run finished before it could be killed while writing")
        let after = try Data(contentsOf: target)
        #expect(after == old || after == new, "the output is partial: \(after.count) bytes")
    }
}
