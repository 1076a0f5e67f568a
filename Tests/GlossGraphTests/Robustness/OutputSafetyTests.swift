import Foundation
import Testing

@testable import GlossGraphGlossary
@testable import GlossGraphExport
@testable import GlossGraphGraph
@testable import GlossGraphText

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

    /// Before, anything named `.glossgraph-*` and a minute old was removed, folders included.
    @Test("map removes only the temporary files it names itself, never a user's file or folder")
    func removesOnlyItsOwnTemporaryFiles() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = Date().addingTimeInterval(-3600)
        let kept = [".glossgraph-files.bak", ".glossgraph-mydata", ".glossgraph-tmp-abc", ".glossgraph-tmp-abcdefg", ".glossgraph-ABCDEF"]
        for name in kept + [".glossgraph-tmp-Ab12Cd"] {
            let url = folder.appendingPathComponent(name)
            if name == ".glossgraph-mydata" {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                try Data("notes\n".utf8).write(to: url.appendingPathComponent("notes.txt"))
            } else {
                try Data("user data\n".utf8).write(to: url)
            }
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: url.path)
        }
        // A fresh temporary file may be another run's, writing right now.
        let fresh = folder.appendingPathComponent(".glossgraph-tmp-Zz9Yy8")
        try Data().write(to: fresh)
        #expect(try CLI.run(["map", "--render", "none", "-o", folder.path]).status == 0)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(names.isSuperset(of: kept + [".glossgraph-tmp-Zz9Yy8"]))
        #expect(!names.contains(".glossgraph-tmp-Ab12Cd"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".glossgraph-mydata/notes.txt").path))
    }

    /// The repeated attack: a folder swapped for a link to another folder while a run wrote
    /// sent the exports there, as files were opened by path.
    @Test("a run's exports land in the folder it opened, even when that folder is swapped for a link mid-run")
    func folderSwappedMidRun() throws {
        let root = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("out").path
        let elsewhere = root.appendingPathComponent("elsewhere").path
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        var settings = ExportSettings()
        settings.formats = [.json, .csv]
        var folder = try OutputFolder.prepare(path, for: settings.fileNames, force: false)
        try FileManager.default.moveItem(atPath: path, toPath: path + ".moved")
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: elsewhere)
        try folder.record(settings.fileNames)
        let graph = ConceptGraph(
            nodes: [], edges: [], metadata: GraphMetadata(sourceFiles: [], glossaryFiles: [], unit: "turn", weightMeasure: .count, unitCount: 0))
        _ = try settings.write(graph, into: folder.folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
        let moved = Set(try FileManager.default.contentsOfDirectory(atPath: path + ".moved"))
        #expect(moved.isSuperset(of: settings.fileNames + [OutputFolder.manifestName, OutputFolder.lockName]))
    }

    /// The repeated attack: a run refused one export for its hard links after it had replaced
    /// the others, leaving a set of two runs.
    @Test("an export with other hard links is refused before any export is replaced")
    func hardLinkRefusedBeforeWriting() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path
        #expect(try CLI.run(["map", "--render", "none", "-o", folder.path, example]).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("concept-map") }.sorted()
        let before = try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        try #require(link(folder.appendingPathComponent("concept-map.json").path, folder.appendingPathComponent("kept.json").path) == 0)
        let refused = try CLI.run(["map", "--render", "none", "--concepts", "10", "-o", folder.path, example])
        #expect(refused.status == 73 && refused.stderr.contains("concept-map.json") && refused.stderr.contains("hard links"), "\(refused.stderr)")
        #expect(try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) } == before)
    }

    /// The third attack: `count -o X --discover S`, S with another hard link, replaced X and
    /// then refused S.
    @Test("count checks both its outputs before writing either")
    func countChecksBothOutputs() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path
        try Data("old counts\n".utf8).write(to: folder.appendingPathComponent("x.counts"))
        try Data("old statistics\n".utf8).write(to: folder.appendingPathComponent("s.discovery"))
        try #require(link(folder.appendingPathComponent("s.discovery").path, folder.appendingPathComponent("kept").path) == 0)
        let refused = try CLI.run(["count", example, "-o", "x.counts", "--discover", "s.discovery"], in: folder)
        #expect(refused.status == 73 && refused.stderr.contains("s.discovery") && refused.stderr.contains("hard links"), "\(refused.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("x.counts"), encoding: .utf8) == "old counts\n")
    }

    /// The third attack: a hard link made to one export while a run wrote the others left a
    /// mixed set; now all are renamed together, after every target is checked again.
    @Test("prepared files are renamed into place together, or none is")
    func commitTogether() throws {
        let path = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: path) }
        let folder = try AtomicFile.Folder(path.path)
        for name in ["a.txt", "b.txt"] { try Data("old \(name)\n".utf8).write(to: path.appendingPathComponent(name)) }
        let prepared = try ["a.txt", "b.txt"].compactMap { name in
            try AtomicFile.prepare(named: name, in: folder) { descriptor throws(GlossGraphError) in
                _ = Array("new \(name)\n".utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            }
        }
        // A second name for b.txt, made after it was prepared.
        try #require(link(path.appendingPathComponent("b.txt").path, path.appendingPathComponent("other").path) == 0)
        #expect(throws: GlossGraphError.self) { try AtomicFile.commit(prepared) }
        #expect(try String(contentsOf: path.appendingPathComponent("a.txt"), encoding: .utf8) == "old a.txt\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: path.path).sorted() == ["a.txt", "b.txt", "other"])
    }

    @Test("map leaves another user's temporary files alone, however old")
    func keepsOtherUsersTemporaryFiles() throws {
        guard geteuid() == 0 else {
            print("skipped: giving a file to another user needs root")
            return
        }
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let theirs = folder.appendingPathComponent(".glossgraph-tmp-Th31rs")
        try Data("their run\n".utf8).write(to: theirs)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: theirs.path)
        #expect(chown(theirs.path, 65534, 65534) == 0)
        let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path
        #expect(try CLI.run(["map", "--render", "none", "-f", "json", "-o", folder.path, example]).status == 0)
        #expect(FileManager.default.fileExists(atPath: theirs.path))
    }

    /// Before, 20 runs at once left exports of different runs side by side, and some failed
    /// with a spurious 73.
    @Test("runs into one folder at once take turns: every run succeeds and the exports come from one run", .timeLimit(.minutes(15)))
    func concurrentRuns() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let examples = ["Examples/scaling-and-safety.md", "Examples/taiwan-podcast.md"].map {
            TestPaths.repositoryRoot.appendingPathComponent($0).path
        }
        for round in 0..<2 {
            let processes = (0..<8).map { index in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: TestPaths.binary)
                process.arguments = ["map", "--render", "none", "--quiet", "-o", folder.path, examples[(index + round) % 2]]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                return process
            }
            for process in processes { try process.run() }
            for process in processes { process.waitUntilExit() }
            #expect(processes.map(\.terminationStatus) == Array(repeating: 0, count: 8))
            // The GraphML and JSON name the transcript they were made from; the DOT and CSV
            // must hold the JSON's nodes.
            let sources = try ["concept-map.graphml", "concept-map.json"].map { name in
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                return examples.filter { text.contains(($0 as NSString).lastPathComponent) }
            }
            #expect(sources.allSatisfy { $0.count == 1 && $0 == sources[0] }, "\(sources)")
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("concept-map.json"))) as? [String: Any]
            let jsonNodes = try #require(json?["nodes"] as? [[String: Any]])
            let dot = try String(contentsOf: folder.appendingPathComponent("concept-map.dot"), encoding: .utf8)
            #expect(jsonNodes.allSatisfy { dot.contains("(\($0["id"] as? String ?? "?")): \($0["units"] as? Int ?? -1) units") })
            let nodes = try String(contentsOf: folder.appendingPathComponent("concept-map-nodes.csv"), encoding: .utf8)
            #expect(jsonNodes.count == nodes.split(separator: "\n").count - 1)
        }
    }

    @Test("a run waits while another holds the folder's lock, and then writes")
    func waitsForTheLock() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // util-linux's flock(1) holds the lock, as another run would, for three seconds.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [folder.appendingPathComponent(".glossgraph-lock").path, "sleep", "3"]
        try holder.run()
        Thread.sleep(forTimeInterval: 0.5)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.binary)
        process.arguments = [
            "map", "--render", "none", "--quiet", "-o", folder.path,
            TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path,
        ]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        #expect(process.isRunning)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("concept-map.graphml").path))
        holder.waitUntilExit()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("concept-map.graphml").path))
    }

    /// Before, a lock file planted as a symbolic link was reported as "output folder is not
    /// writable"; a FIFO planted as the list of files held the run forever (with the folder
    /// locked), and a list linked to /dev/zero lost the list.
    @Test("a lock file or list of files planted as a symbolic link, a FIFO or a folder is refused with status 73, naming it; the link's target is untouched", arguments: [
        (".glossgraph-lock", "symbolic link", "symbolic link"), (".glossgraph-lock", "FIFO", "not a regular file"),
        (".glossgraph-lock", "folder", "Is a directory"), (".glossgraph-files", "symbolic link", "symbolic link"),
        (".glossgraph-files", "FIFO", "not a regular file"), (".glossgraph-files", "folder", "not a regular file"),
    ])
    func plantedFolderFiles(_ name: String, _ kind: String, _ expected: String) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let victim = folder.appendingPathComponent("victim.txt")
        try Data("keep\n".utf8).write(to: victim)
        let output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: false)
        let planted = output.appendingPathComponent(name)
        switch kind {
        case "symbolic link": try FileManager.default.createSymbolicLink(at: planted, withDestinationURL: victim)
        case "FIFO": #expect(mkfifo(planted.path, 0o644) == 0)
        default: try FileManager.default.createDirectory(at: planted, withIntermediateDirectories: false)
        }
        let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path
        let result = try CLI.run(["map", "--render", "none", "--quiet", "-o", output.path, example])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains(name) && result.stderr.contains(expected), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("concept-map.graphml").path))
        #expect(try String(contentsOf: victim, encoding: .utf8) == "keep\n")
    }

    /// From the repeated attack: a FIFO planted as an export and listed in the folder's file
    /// list hung `map`; a link to a terminal had 36 KB of JSON written into the terminal.
    @Test("an export planted as a FIFO, or a link to one, is replaced, never written into")
    func plantedExports() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: false)
        let fifo = folder.appendingPathComponent("elsewhere.fifo").path
        try #require(mkfifo(fifo, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("concept-map.json").path, withDestinationPath: fifo)
        #expect(mkfifo(output.appendingPathComponent("concept-map.dot").path, 0o600) == 0)
        try Data("concept-map.json\nconcept-map.dot\n".utf8).write(to: output.appendingPathComponent(".glossgraph-files"))
        // Both FIFOs held open for reading here, so that a run writing into them would end
        // (its text fits a pipe's buffer) and fail below, rather than wait for a reader
        // forever: a test's time limit counts from before a loaded machine runs it.
        let fifos: [String] = [fifo, output.appendingPathComponent("concept-map.dot").path]
        let readers = fifos.map { path -> Int32 in open(path, O_RDONLY | O_NONBLOCK) }
        defer { for reader in readers where reader >= 0 { close(reader) } }
        #expect(readers.allSatisfy { $0 >= 0 })
        let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path
        let result = try CLI.run(["map", "--render", "none", "-f", "json,dot", "-o", output.path, example])
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["concept-map.json", "concept-map.dot"] {
            var status = stat()
            #expect(lstat(output.appendingPathComponent(name).path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG, "\(name)")
        }
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    }

    @Test("a lock file or list of files another user owns is refused: that user could hold the lock, or choose what is replaced")
    func foreignFolderFiles() throws {
        guard geteuid() == 0 else {
            print("skipped: giving a file to another user needs root")
            return
        }
        let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path
        for name in [".glossgraph-lock", ".glossgraph-files"] {
            let folder = try TestPaths.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let planted = folder.appendingPathComponent(name)
            try Data("concept-map.json\n".utf8).write(to: planted)
            #expect(chown(planted.path, 65534, 65534) == 0)
            let result = try CLI.run(["map", "--render", "none", "-f", "json", "-o", folder.path, example])
            #expect(result.status == 73 && result.stderr.contains(name) && result.stderr.contains("another user"), "\(name): \(result.stderr)")
        }
        // The lock file a run makes is its owner's alone.
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["map", "--render", "none", "-f", "json", "-o", folder.path, example]).status == 0)
        var status = stat()
        #expect(stat(folder.appendingPathComponent(".glossgraph-lock").path, &status) == 0 && status.st_mode & 0o077 == 0)
    }

    @Test("-o naming another user's link in a sticky shared folder replaces the link, as fs.protected_symlinks would refuse to follow it")
    func foreignLinkInStickyFolder() throws {
        guard geteuid() == 0 else {
            print("skipped: giving a link to another user needs root")
            return
        }
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shared = folder.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: false)
        #expect(chmod(shared.path, 0o1777) == 0)
        let victim = folder.appendingPathComponent("victim.fifo").path
        try #require(mkfifo(victim, 0o600) == 0)
        let link = shared.appendingPathComponent("part.counts").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim)
        #expect(lchown(link, 65534, 65534) == 0)
        let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path
        let result = try CLI.run(["count", "-o", link, example])
        #expect(result.status == 0, "\(result.stderr)")
        var status = stat()
        #expect(lstat(link, &status) == 0 && status.st_mode & S_IFMT == S_IFREG)
        #expect(lstat(victim, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    }

    /// The repeated attack: under `ulimit -f`, SIGXFSZ killed `count` and `map` (status 153)
    /// and left their temporary files behind.
    @Test("a write past the file-size limit is a failed write: status 74, a message, no temporary file left")
    func fileSizeLimit() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path
        for command in ["'\(TestPaths.binary)' count -o '\(folder.path)/part.counts' '\(example)'",
                        "'\(TestPaths.binary)' map --render none -o '\(folder.path)/out' '\(example)'"] {
            let result = try CLI.run(["-c", "ulimit -f 8; exec " + command], executable: "/bin/bash")
            #expect(result.status == 74, "\(command): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("File too large"), "\(result.stderr)")
        }
        let left = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { $0.contains(".glossgraph-tmp-") }
        #expect(left.isEmpty, "\(left)")
    }

    /// Before, `dot` drew on, orphaned, for seconds after `map` was stopped with SIGTERM (and,
    /// in a later attack, with SIGUSR1 or SIGALRM).
    @Test("a map stopped by a signal while Graphviz draws stops Graphviz too", arguments: [SIGTERM, SIGUSR1, SIGALRM])
    func stoppedRunStopsGraphviz(_ stop: Int32) throws {
        try expectStopped(by: stop, onOtherThread: false)
    }

    /// A signal sent to a process runs its handler on whichever thread does not block it. The
    /// handler was a closure isolated to the main actor, whose isolation Swift checks when it is
    /// called: on another thread (Foundation's thread that watches child processes) the run ended
    /// by SIGILL, in about one stop in ten under load. Sent to such a thread, it always did.
    @Test("a stop signal that lands on a thread other than the main one ends the run by that signal", arguments: [SIGTERM, SIGINT])
    func stopOnOtherThread(_ stop: Int32) throws {
        try expectStopped(by: stop, onOtherThread: true)
    }

    /// Starts a large map, sends it `stop` once `dot` draws (to the process, or to one of its
    /// threads other than the main one that takes the signal) and expects the run to end by that
    /// signal, with `dot` stopped too.
    private func expectStopped(by stop: Int32, onOtherThread: Bool) throws {
        guard canStartLargeMap() else { return }
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Its messages are kept: a run that ends by a trap instead says where in them.
        let messages = folder.appendingPathComponent("stderr.txt")
        FileManager.default.createFile(atPath: messages.path, contents: nil)
        let (process, dot) = try startLargeMap(folder: folder.appendingPathComponent("out"), arguments: [], standardError: try FileHandle(forWritingTo: messages))
        if onOtherThread {
            let thread = try #require(threadTaking(stop, in: process.processIdentifier), "no thread but the main one takes signal \(stop)")
            #expect(sendSignal(stop, toThread: thread, of: process.processIdentifier) == 0)
        } else {
            kill(process.processIdentifier, stop)
        }
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == stop,
            "ended by \(process.terminationReason == .uncaughtSignal ? "signal" : "exit") \(process.terminationStatus): \((try? String(contentsOf: messages, encoding: .utf8)) ?? "")")
        // Killed, dot is a zombie until init reaps it, or gone.
        Thread.sleep(forTimeInterval: 0.5)
        let state = (try? String(contentsOfFile: "/proc/\(dot)/stat", encoding: .utf8))?.split(separator: " ").dropFirst(2).first
        #expect(state == nil || state == "Z", "dot \(dot) is \(state ?? "?")")
    }

    /// A thread of process `pid` other than its main thread that does not block `signal`, by
    /// the `SigBlk` mask in its `/proc/PID/task/TID/status` (bit `signal - 1`).
    private func threadTaking(_ signal: Int32, in pid: Int32) -> Int32? {
        let threads = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []).compactMap { Int32($0) }.sorted()
        return threads.first { thread in
            guard thread != pid, let status = try? String(contentsOfFile: "/proc/\(pid)/task/\(thread)/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigBlk:") }),
                let blocked = UInt64(line.dropFirst("SigBlk:".count).trimmingCharacters(in: .whitespaces), radix: 16)
            else { return false }
            return blocked & (1 << UInt64(signal - 1)) == 0
        }
    }

    /// Sends `signal` to one thread of another process with tgkill(2), found at run time: the C
    /// library declares it, but Swift's Glibc module does not import it. Returns its result.
    private func sendSignal(_ signal: Int32, toThread thread: Int32, of pid: Int32) -> Int32 {
        guard let symbol = dlsym(nil, "tgkill") else { return -1 }
        typealias ThreadKill = @convention(c) (Int32, Int32, Int32) -> Int32
        return unsafeBitCast(symbol, to: ThreadKill.self)(pid, thread, signal)
    }

    /// Whether `startLargeMap` can run here: it needs the shared transcript and Graphviz.
    /// Prints why not.
    private func canStartLargeMap() -> Bool {
        guard TestPaths.hasSharedCorpus else {
            print("skipped: ../shared/corpus is absent (a user's clone has none); the test needs its large map, which dot draws for seconds")
            return false
        }
        guard Graphviz.executable != nil else {
            print("skipped: Graphviz's dot is not installed")
            return false
        }
        return true
    }

    /// Starts `map` on the shared transcript with a map of 580 concepts, which dot draws for
    /// seconds, and returns it once a `dot` child runs, with that child's process ID.
    private func startLargeMap(folder: URL, arguments: [String], standardError: FileHandle = .nullDevice) throws -> (Process, Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.binary)
        process.arguments = ["map", "--all-concepts", "--top", "580", "--min-frequency", "1", "--min-pair-count", "1", "--quiet", "-o", folder.path]
            + arguments + [TestPaths.sharedTranscript]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = standardError
        try process.run()
        // Children of every thread: dot is started from whichever renders.
        func children() -> [Int32] {
            let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(process.processIdentifier)/task")) ?? []
            return tasks.flatMap { task in
                ((try? String(contentsOfFile: "/proc/\(process.processIdentifier)/task/\(task)/children", encoding: .utf8)) ?? "")
                    .split(separator: " ").compactMap { Int32($0) }
            }
        }
        var renderer: Int32?
        for _ in 0..<200 where renderer == nil && process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
            // Not fc-match, which the font check runs.
            renderer = children().first { (try? String(contentsOfFile: "/proc/\($0)/comm", encoding: .utf8))?.hasPrefix("dot") == true }
        }
        return (process, try #require(renderer, "no dot was started"))
    }

    /// Before, a dot killed by someone else (the user, or the kernel short of memory) left
    /// "Graphviz failed to render svg: " with nothing after it, or ended the run by SIGPIPE
    /// without a word when dot died while it was fed.
    @Test("a dot killed while it draws is an error that says so")
    func killedGraphviz() throws {
        guard canStartLargeMap() else { return }
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let errors = folder.appendingPathComponent("errors.txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let output = folder.appendingPathComponent("map")
        let (process, dot) = try startLargeMap(folder: output, arguments: ["-f", "dot", "--render", "svg"], standardError: try FileHandle(forWritingTo: errors))
        kill(dot, SIGKILL)
        process.waitUntilExit()
        let message = try String(contentsOf: errors, encoding: .utf8)
        #expect(process.terminationReason == .exit && process.terminationStatus == 74, "ended by \(process.terminationReason == .uncaughtSignal ? "signal" : "exit") \(process.terminationStatus)")
        #expect(message.contains("dot was killed by signal 9"), "\(message)")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("concept-map.svg").path))
    }

    /// Before, a file named `nl⏎fake.md:1: ok.md` printed a second line that looked like
    /// another message.
    @Test("a file name's control characters are escaped in messages, where it is the location and inside the text")
    func controlCharactersInFileNames() throws {
        let error = GlossGraphError(.cannotOpen(path: "nope\nfake.md:1: ok.md", reason: "no such file"), at: SourceLocation(file: "a\u{1B}b.md", line: 3))
        #expect(error.description == "a\\u{1B}b.md:3: error: cannot open 'nope\\nfake.md:1: ok.md': no such file")
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["turns", folder.appendingPathComponent("nope\nfake.md").path])
        #expect(result.status == 66 && result.stderr.contains("nope\\nfake.md") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    /// Before, `-o FOLDER` was an I/O error (74), not an output that cannot be made (73).
    @Test("-o naming a folder is refused with status 73", arguments: [["count"], ["glossary", "export", "-f", "tbx"]])
    func outputIsAFolder(_ command: [String]) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path
        let result = try CLI.run(command + ["-o", folder.path] + (command[0] == "count" ? [example] : []))
        #expect(result.status == 73 && result.stderr.contains("it is a folder"), "\(result.status) \(result.stderr)")
    }

    /// Before, `-o /dev/stdout` replaced /dev/stdout with a file as root (and failed with 73 as
    /// anyone else), and `-o` a device or FIFO replaced it with a regular file.
    @Test("-o writes to a FIFO, a device and /dev/stdout directly, and replaces only regular files")
    func devicesAndStreams() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path
        func kind(_ path: String) -> mode_t {
            var status = stat()
            return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
        }
        // Standard output, by its /dev name, as the README's Spark recipe writes it.
        let counted = try CLI.run(["count", "-o", "/dev/stdout", example])
        #expect(counted.status == 0, "\(counted.stderr)")
        #expect(counted.stdout.hasPrefix("{"))
        #expect(kind("/dev/stdout") == S_IFLNK)

        let fifo = folder.appendingPathComponent("glossary.fifo").path
        try #require(mkfifo(fifo, 0o600) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let received = Pipe()
        reader.standardOutput = received
        try reader.run()
        #expect(try CLI.run(["glossary", "export", "-f", "csv", "-o", fifo]).status == 0)
        let data = received.fileHandleForReading.readDataToEndOfFile()
        reader.waitUntilExit()
        #expect(String(decoding: data, as: UTF8.self).contains("ID,Subject,English"))
        #expect(kind(fifo) == S_IFIFO)

        // A character device like /dev/null, made in the test's own folder (root only).
        let device = folder.appendingPathComponent("null").path
        if mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 {
            #expect(try CLI.run(["glossary", "export", "-f", "tbx", "-o", device]).status == 0)
            #expect(kind(device) == S_IFCHR)
        } else {
            print("skipped: making a character device needs root")
        }
    }

    @Test("a replaced file keeps its permissions; a file with other hard links is refused, not split from them")
    func modeAndHardLinks() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("glossary.csv").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: output))
        chmod(output, 0o640)
        #expect(try CLI.run(["glossary", "export", "-f", "csv", "-o", output]).status == 0)
        var status = stat()
        stat(output, &status)
        #expect(status.st_mode & 0o7777 == 0o640)

        let linked = folder.appendingPathComponent("linked.csv").path
        try #require(link(output, linked) == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: output))
        let refused = try CLI.run(["glossary", "export", "-f", "md", "-o", output])
        #expect(refused.status == 73)
        #expect(refused.stderr.contains("2 hard links"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: linked)) == before)
    }

    /// Before, the mode was copied from whatever the path named: a symlink's target, another
    /// user's file, set-user-ID bits included (a root export made a setuid file anyone could write).
    @Test("a replaced file keeps only its own permission bits: never set-user-ID, set-group-ID or sticky bits, nor a symlink target's or another user's mode")
    func modeIsNeverBorrowed() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func mode(_ path: String) -> mode_t {
            var status = stat()
            lstat(path, &status)
            return status.st_mode & 0o7777
        }
        let mask = umask(0o022)
        defer { umask(mask) }
        let setuid = folder.appendingPathComponent("setuid.csv").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: setuid))
        chmod(setuid, 0o6777)
        #expect(try CLI.run(["glossary", "export", "-f", "csv", "-o", setuid]).status == 0)
        #expect(mode(setuid) == 0o777)

        let target = folder.appendingPathComponent("target.txt").path
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: target))
        chmod(target, 0o4777)
        let linked = folder.appendingPathComponent("linked.csv").path
        try #require(symlink(target, linked) == 0)
        #expect(try CLI.run(["glossary", "export", "-f", "csv", "-o", linked]).status == 0)
        #expect(mode(linked) == 0o644 && mode(target) == 0o4777)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "mine\n")

        if geteuid() == 0 {
            let foreign = folder.appendingPathComponent("foreign.csv").path
            try Data("theirs\n".utf8).write(to: URL(fileURLWithPath: foreign))
            chown(foreign, 65534, 65534)
            chmod(foreign, 0o666)
            #expect(try CLI.run(["glossary", "export", "-f", "csv", "-o", foreign]).status == 0)
            #expect(mode(foreign) == 0o644)
        }
    }

    /// Before, cells starting with `=`, `+`, `-` or `@` went into the CSVs as they were, and a
    /// spreadsheet evaluated them.
    @Test("CSV cells that a spreadsheet would run as formulas start with ', and the glossary reads back the same")
    func spreadsheetFormulas() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let glossary = folder.appendingPathComponent("g.tsv")
        try Data("""
            id\tcategory\tzh\ten\tabbr\tzh_variants\ten_variants\tdeprecated\tnote
            minus-one\tidea\t负一法则\t-1 rule\t\t\t\t\t=HYPERLINK("http://example.invalid","x")
            at-home\tidea\t居家计算\t@home computing\t\t\t\t\t+1 means more
            plain\tidea\t平常\tplain idea\t\t\t\t\tnothing special
            quoted\tidea\t引号\t'-' rule\t\t\t\t\t''quoted'' twice

            """.utf8).write(to: glossary)
        let transcript = folder.appendingPathComponent("t.md")
        try Data("**甲：** 负一法则和居家计算，还有平常。\n\n**乙：** 负一法则和居家计算。\n".utf8).write(to: transcript)
        let mapped = try CLI.run(["map", "--render", "none", "--glossary", glossary.path, "-o", folder.appendingPathComponent("out").path, transcript.path])
        #expect(mapped.status == 0, "\(mapped.stderr)")
        let nodes = try String(contentsOf: folder.appendingPathComponent("out/concept-map-nodes.csv"), encoding: .utf8)
        let cells = nodes.split(separator: "\n").flatMap { $0.split(separator: ",") }
        #expect(!cells.contains { ["=", "+", "-", "@"].contains($0.first.map(String.init) ?? "") })
        #expect(nodes.contains(",'-1 rule") || nodes.contains(",负一法则 / -1 rule"))

        let csv = folder.appendingPathComponent("g.csv").path
        #expect(try CLI.run(["glossary", "export", "-f", "csv", "--glossary", glossary.path, "-o", csv]).status == 0)
        let exported = try String(contentsOf: URL(fileURLWithPath: csv), encoding: .utf8)
        #expect(exported.contains(",'-1 rule,"))
        #expect(exported.contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\""))
        #expect(exported.contains(",'+1 means more"))
        // Before, a real leading ' before a formula character was read as the one export adds.
        #expect(exported.contains(",''-' rule,") && exported.contains(",'''quoted'' twice"))
        let back = folder.appendingPathComponent("back.tsv").path
        #expect(try CLI.run(["glossary", "import", csv, "-o", back]).status == 0)
        let original = try Glossary.load(files: [glossary.path]).concepts, reread = try Glossary.load(files: [back]).concepts
        #expect(reread.map(\.en) == original.map(\.en))
        #expect(reread.map(\.note) == original.map(\.note))
    }

    /// Before, `turns … > /dev/full` and `map -o - > /dev/full` exited 0 with the output lost.
    /// `--help` and `--version`, printed by the argument parser, exited 0 too.
    @Test("output that cannot be written to standard output ends the run with status 74 and a message", arguments: [
        ["turns"], ["extract"], ["map", "-o", "-", "-f", "dot"], ["glossary", "export", "-f", "tbx"], ["--help"], ["--version"], ["map", "--help"],
    ])
    func standardOutputFull(_ command: [String]) throws {
        let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.binary)
        process.arguments = command + (command[0] == "glossary" || command.last!.hasPrefix("--") ? [] : [example])
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 74, "\(command): \(message)")
        #expect(message.contains("cannot write to standard output: No space left on device"), "\(command): \(message)")
    }

    /// Before, a transcript's escape sequences (a window title, a screen clear) reached the
    /// terminal raw.
    @Test("on a terminal, control characters from transcripts are shown, not obeyed; piped, bytes are kept")
    func terminalEscapes() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            print("skipped: util-linux's script(1), which gives a command a terminal, is not installed")
            return
        }
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("esc.md")
        try Data("**甲：** 你好\u{1B}]0;pwned\u{07} 规模定律\u{1B}[2J 结束\u{9B}x \u{202E}txt.exe\n".utf8).write(to: transcript)
        // The argument parser's usage errors quote the value given: shown as every message is.
        for command in [["turns"], ["extract"], ["lookup", "规模定律\u{1B}[2J"], ["map", "--unit", "\u{1B}]0;pwned\u{07}"]] {
            let arguments = command + (command[0] == "lookup" ? [] : [transcript.path])
            let line = ([TestPaths.binary] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
            let result = try CLI.run(["-qec", line, "/dev/null"], executable: "/usr/bin/script")
            #expect(!result.stdout.utf8.contains(0x1B) && !result.stdout.unicodeScalars.contains("\u{202E}"), "\(command): \(result.stdout)")
            if command[0] != "extract" { #expect(result.stdout.contains("^["), "\(command): \(result.stdout)") }
        }
        let piped = try CLI.run(["turns", transcript.path])
        #expect(piped.stdout.contains("\u{1B}]0;pwned"))
        #expect(TerminalText.inert(Array("a\u{202E}b\u{2067}c".utf8)) == Array("a<U+202E>b<U+2067>c".utf8))
    }

    @Test("a run that fails after it started writing leaves the folder to the next run, which needs no --force")
    func failedRunDoesNotLockTheFolder() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path
        #expect(try CLI.run(["map", "--render", "none", "-o", folder.path, example]).status == 0)
        // A file the run replaces has become a folder: the run fails part-way.
        let json = folder.appendingPathComponent("concept-map.json")
        try FileManager.default.removeItem(at: json)
        try FileManager.default.createDirectory(at: json.appendingPathComponent("inside"), withIntermediateDirectories: true)
        let failed = try CLI.run(["map", "--render", "none", "-o", folder.path, example])
        #expect(failed.status != 0)
        try FileManager.default.removeItem(at: json)
        let next = try CLI.run(["map", "--render", "none", "-o", folder.path, example])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.contains("concept-map.json"))
        #expect(FileManager.default.fileExists(atPath: json.path))
    }

    @Test("a run killed with SIGKILL while writing leaves the old file or the whole new one", .timeLimit(.minutes(15)))
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
