import Foundation
import Testing

/// The README's recipe for corpora larger than one run, run for real with GNU parallel: a
/// `count` per shard, two at a time, then one `merge`.
@Suite("count and merge under GNU parallel")
struct ParallelCountTests {
    /// `/usr/bin/parallel` when it is GNU parallel (moreutils ships another `parallel`).
    static var gnuParallel: String? {
        let path = "/usr/bin/parallel"
        guard FileManager.default.isExecutableFile(atPath: path), let version = try? CLI.run(["--version"], executable: path),
            version.stdout.hasPrefix("GNU parallel")
        else { return nil }
        return path
    }

    /// `text` cut before speaker labels (`**Name：**` at a line start) into `count` shards of
    /// about equal size.
    static func shards(of text: String, count: Int) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let labelled = lines.indices.filter { lines[$0].hasPrefix("**") && (lines[$0].contains("：**") || lines[$0].contains(":**")) }
        let cuts = (1..<count).map { labelled[labelled.count * $0 / count] }
        let bounds = [0] + cuts + [lines.count]
        return zip(bounds, bounds.dropFirst()).map { lines[$0..<$1].joined(separator: "\n") + "\n" }
    }

    @Test("shards counted by parallel -j 2 and merged give map's exports byte for byte, in either order; a shard merged twice is refused")
    func parallelCountThenMerge() throws {
        guard let parallel = Self.gnuParallel else {
            print("skipped: GNU parallel is not installed (Scripts/install-deps --test installs it)")
            return
        }
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var sources = [TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path]
        if TestPaths.hasSharedCorpus {
            sources.append(TestPaths.sharedTranscript)
        } else {
            print("note: ../shared/corpus is absent (a user's clone has none); only the bundled example is sharded")
        }
        // Shards in several folders, as a cluster's nodes would hold them.
        var shards: [String] = []
        for (number, source) in sources.enumerated() {
            for (index, shard) in Self.shards(of: try String(contentsOfFile: source, encoding: .utf8), count: 3 + number).enumerated() {
                let relative = "node\(index % 2)/source\(number)-part\(index).md"
                try FileManager.default.createDirectory(
                    at: folder.appendingPathComponent(relative).deletingLastPathComponent(), withIntermediateDirectories: true)
                try shard.write(to: folder.appendingPathComponent(relative), atomically: true, encoding: .utf8)
                shards.append(relative)
            }
        }
        let options = ["--render", "none", "--min-frequency", "1", "--min-pair-count", "1", "--top", "200"]
        #expect(try CLI.run(["map"] + shards + ["-o", "whole"] + options, in: folder).status == 0)
        // {#} is the shard's place in the list, so the counts files sort as the shards do.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("counts"), withIntermediateDirectories: true)
        let counted = try CLI.run(
            ["--will-cite", "-j", "2", TestPaths.binary, "count", "-o", "counts/{#}.counts", "{}", ":::"] + shards, in: folder, executable: parallel)
        #expect(counted.status == 0, "\(counted.stderr)")
        let countsFiles = shards.indices.map { "counts/\($0 + 1).counts" }
        let merged = try CLI.run(["merge"] + countsFiles + ["-o", "merged"] + options, in: folder)
        #expect(merged.status == 0, "\(merged.stderr)")
        for name in MapCommandTests.countedExportNames {
            let whole = try Data(contentsOf: folder.appendingPathComponent("whole/\(name)"))
            #expect(whole == (try Data(contentsOf: folder.appendingPathComponent("merged/\(name)"))), "\(name) differs")
        }
        // Shards given in another order: map and merge agree again.
        #expect(try CLI.run(["map"] + shards.reversed() + ["-o", "whole-reversed"] + options, in: folder).status == 0)
        let reversed = try CLI.run(["merge"] + countsFiles.reversed() + ["-o", "merged-reversed"] + options, in: folder)
        #expect(reversed.status == 0, "\(reversed.stderr)")
        for name in MapCommandTests.countedExportNames {
            let whole = try Data(contentsOf: folder.appendingPathComponent("whole-reversed/\(name)"))
            #expect(whole == (try Data(contentsOf: folder.appendingPathComponent("merged-reversed/\(name)"))), "\(name) differs, reversed")
        }
        // One shard's counts twice would count its units twice.
        let twice = try CLI.run(["merge"] + countsFiles + [countsFiles[1], "-o", "twice"] + options, in: folder)
        #expect(twice.status == 65 && twice.stderr.contains("which an earlier counts file counted too"), "\(twice.stderr)")
    }
}
