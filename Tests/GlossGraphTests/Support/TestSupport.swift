import Foundation
import Testing

/// Paths the tests need: fixtures, the built `glossgraph` binary, the shared corpus.
enum TestPaths {
    /// Folder of the checked-in fixtures.
    static let fixtures: URL = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

    static func fixture(_ relativePath: String) -> String {
        fixtures.appendingPathComponent(relativePath).path
    }

    /// The repository root (for the bundled example and glossary).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The `glossgraph` executable built next to the test bundle (or `$GLOSSGRAPH_BIN`).
    static let binary: String = {
        if let override = ProcessInfo.processInfo.environment["GLOSSGRAPH_BIN"] { return override }
        return Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("glossgraph").path
    }()

    /// The developers' `glossgraph-benchmark` executable, built beside `glossgraph`.
    static var benchmarkBinary: String {
        URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent("glossgraph-benchmark").path
    }

    /// `../shared/corpus/000_536a685dcacd8e2b.txt`, which only developers and CI have.
    static let sharedTranscript: String = repositoryRoot
        .deletingLastPathComponent().appendingPathComponent("shared/corpus/000_536a685dcacd8e2b.txt").path

    static var hasSharedCorpus: Bool { FileManager.default.fileExists(atPath: sharedTranscript) }

    /// Whether python3 can import NetworkX (`Scripts/install-deps --test` installs it).
    static let hasNetworkX: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import networkx"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Runs a Python 3 program with `input` on its standard input and returns what it printed;
    /// nil when it fails (a module it imports is missing, say).
    static func python(_ program: String, input: String = "") throws -> String? {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inURL = folder.appendingPathComponent("stdin")
        let outURL = folder.appendingPathComponent("stdout")
        try Data(input.utf8).write(to: inURL)
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", program]
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        let out = try FileHandle(forWritingTo: outURL)
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
    }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("glossgraph-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// The result of running the real `glossgraph` binary.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    /// Runs `glossgraph` with `arguments` and returns its exit status and output. Standard
    /// input is `input` when given (as a redirected file), or the file `inputFile` itself,
    /// else /dev/null.
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil, executable: String = TestPaths.binary,
        input: Data? = nil, inputFile: URL? = nil
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        // Files rather than pipes: a child that fills a pipe nobody reads would hang.
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout")
        let errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        process.standardOutput = outHandle
        process.standardError = errHandle
        if let input {
            let inURL = folder.appendingPathComponent("stdin")
            try input.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else if let inputFile {
            process.standardInput = try FileHandle(forReadingFrom: inputFile)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return CommandResult(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

extension CLI {
    /// Runs `glossgraph` with `arguments` as `run` does, and its peak resident memory in KiB
    /// (Python's getrusage of its only child, as GNU time reports it).
    static func runMeasuringMemory(_ arguments: [String], in directory: URL? = nil) throws -> (result: CommandResult, peakKiB: Int) {
        let script = """
            import resource, subprocess, sys
            result = subprocess.run(sys.argv[1:], capture_output=True, text=True)
            print(result.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            sys.stdout.write(result.stdout)
            sys.stderr.write(result.stderr)
            """
        let run = try CLI.run(["-c", script, TestPaths.binary] + arguments, in: directory, executable: "/usr/bin/python3")
        let firstLine = run.stdout.prefix { $0 != "\n" }
        let fields = firstLine.split(separator: " ").map { Int($0) ?? -1 }
        let output = String(run.stdout.dropFirst(firstLine.count + 1))
        return (CommandResult(status: Int32(fields.first ?? -1), stdout: output, stderr: run.stderr), fields.last ?? .max)
    }
}

/// Small files that inflate to large ones, for the readers' memory bounds.
enum GzipBomb {
    /// Writes `target` in `folder`: the JSON object in `source` gzip-compressed, with
    /// `mebibytes` MiB of spaces after its opening brace (about a MiB of gzip for 900).
    static func whiteSpace(inside source: String, to target: String, mebibytes: Int, in folder: URL) throws {
        let script = """
            import gzip, sys
            text = open(sys.argv[1]).read()
            with gzip.open(sys.argv[2], "wb") as out:
                out.write(b"{")
                for _ in range(int(sys.argv[3])): out.write(b" " * (1 << 20))
                out.write(text[1:].encode())
            """
        let made = try CLI.run(["-c", script, source, target, String(mebibytes)], in: folder, executable: "/usr/bin/python3")
        try #require(made.status == 0, "\(made.stderr)")
    }
}

/// Parses JSON Lines output into dictionaries.
func jsonLines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map {
        try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
}
