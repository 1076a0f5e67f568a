import Foundation
import Testing

/// `count --discover` and `discover --from-counts`: discovery over parts of a corpus counted
/// apart, merged as `discover` merges the parts it reads itself.
@Suite("discovery statistics that merge")
struct DiscoveryCountsTests {
    /// `text` cut into `parts` files at speaker labels (`**…：**` lines), near equal in lines.
    static func shards(of text: String, parts: Int, in folder: URL) throws -> [String] {
        let lines = text.components(separatedBy: "\n")
        let starts = lines.indices.filter { lines[$0].hasPrefix("**") && lines[$0].prefix(20).contains("：**") }
        try #require(starts.count > parts)
        var cuts = [0]
        for part in 1..<parts {
            let target = lines.count * part / parts
            cuts.append(starts.min { abs($0 - target) < abs($1 - target) }!)
        }
        cuts.append(lines.count)
        return try (0..<parts).map { index in
            let name = "shard\(index + 1).md"
            try (lines[cuts[index]..<cuts[index + 1]].joined(separator: "\n") + "\n")
                .write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            return name
        }
    }

    /// The rule (`DiscoveryStatistics`): merged in corpus order, the parts' statistics give
    /// `discover`'s proposals for the whole exactly while no n-gram table was pruned, which
    /// holds for a transcript of this size (under 2¹⁹ distinct n-grams).
    static func checkEqual(_ text: String, parts: Int) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shards = try Self.shards(of: text, parts: parts, in: folder)
        for (index, shard) in shards.enumerated() {
            let counted = try CLI.run(["count", shard, "-o", "\(index).counts", "--discover", "\(index).discovery"], in: folder)
            #expect(counted.status == 0, "\(counted.stderr)")
        }
        let whole = try CLI.run(["discover", "-f", "json", "--top", "500"] + shards, in: folder)
        let merged = try CLI.run(["discover", "--from-counts", "-f", "json", "--top", "500"] + shards.indices.map { "\($0).discovery" }, in: folder)
        #expect(whole.status == 0 && merged.status == 0, "\(merged.stderr)")
        let proposals = try #require(JSONSerialization.jsonObject(with: Data(merged.stdout.utf8)) as? [Any])
        // Enough proposals for the comparison to mean something (the bundled example, whose
        // names the glossary knows, gives about fifteen).
        #expect(proposals.count >= 12)
        #expect(merged.stdout == whole.stdout)
        // In another order the parts are another corpus: first places (file:line) follow it.
        let reversed = try CLI.run(["discover", "--from-counts", "-f", "json", "--top", "500"] + shards.indices.reversed().map { "\($0).discovery" }, in: folder)
        let wholeReversed = try CLI.run(["discover", "-f", "json", "--top", "500"] + shards.reversed(), in: folder)
        #expect(reversed.stdout == wholeReversed.stdout)
    }

    @Test("discover from the statistics of 4 shards of the shared transcript equals discover on the shards",
          .enabled(if: TestPaths.hasSharedCorpus, "../shared/corpus is absent; skipping"))
    func sharedTranscriptInFourShards() throws {
        try Self.checkEqual(try String(contentsOfFile: TestPaths.sharedTranscript, encoding: .utf8), parts: 4)
    }

    @Test("discover from the statistics of 2 halves of the bundled example equals discover on the halves")
    func exampleInTwo() throws {
        let example = try String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md"), encoding: .utf8)
        try Self.checkEqual(example, parts: 2)
    }

    @Test("statistics are untrusted input: another glossary, a broken or altered file, standard input are refused")
    func refused() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path
        #expect(try CLI.run(["count", example, "-o", "a.counts", "--discover", "a.discovery.gz"], in: folder).status == 0)
        let statistics = folder.appendingPathComponent("a.discovery.gz")
        #expect(try Data(contentsOf: statistics).prefix(2) == Data([0x1F, 0x8B]))
        #expect(try CLI.run(["discover", "--from-counts", "a.discovery.gz"], in: folder).status == 0)
        // Another glossary.
        let other = try CLI.run(["discover", "--from-counts", "--glossary", TestPaths.fixture("glossary/small.tsv"), "a.discovery.gz"], in: folder)
        #expect(other.status == 65 && other.stderr.contains("a.discovery.gz") && other.stderr.contains("another glossary"), "\(other.stderr)")
        // Altered: an n-gram listed twice, a file index past the list, not JSON at all.
        #expect(try CLI.run(["count", example, "-o", "b.counts", "--discover", "b.discovery"], in: folder).status == 0)
        let plain = try String(contentsOf: folder.appendingPathComponent("b.discovery"), encoding: .utf8)
        let entries = try #require(plain.range(of: "\"entries\":["))
        let firstEntry = try #require(plain[entries.upperBound...].range(of: "]"))
        let entry = String(plain[entries.upperBound..<firstEntry.upperBound])
        for (name, text, message) in [
            ("twice.discovery", plain.replacingOccurrences(of: "\"entries\":[", with: "\"entries\":[\(entry),"), "listed twice"),
            ("file.discovery", plain.replacingOccurrences(of: "\"entries\":[\(entry)", with: "\"entries\":[\(entry.replacingOccurrences(of: ",0,", with: ",7,"))"), "names file 7"),
            ("negative.discovery", plain.replacingOccurrences(of: "\"pruned\":0", with: "\"pruned\":-1"), "out of range"),
            ("text.discovery", "not json", "not a discovery statistics file written by glossgraph count"),
        ] {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            let result = try CLI.run(["discover", "--from-counts", name], in: folder)
            #expect(result.status == 65, "\(name): \(result.stderr)")
            #expect(result.stderr.contains(name) && result.stderr.contains(message), "\(name): \(result.stderr)")
        }
        // The same part twice would count its transcripts twice.
        let twice = try CLI.run(["discover", "--from-counts", "b.discovery", "b.discovery"], in: folder)
        #expect(twice.status == 65 && twice.stderr.contains("which an earlier counts file counted too"), "\(twice.stderr)")
        // Nor under another name: a hard link (by its absolute path), or a path with /./ in it.
        let copy = folder.appendingPathComponent("copy.md").path
        try FileManager.default.copyItem(atPath: example, toPath: copy)
        try #require(link(copy, folder.appendingPathComponent("hard.md").path) == 0)
        #expect(try CLI.run(["count", "copy.md", "-o", "d.counts", "--discover", "d.discovery"], in: folder).status == 0)
        #expect(try CLI.run(["count", folder.appendingPathComponent("hard.md").path, "-o", "e.counts", "--discover", "e.discovery"], in: folder).status == 0)
        let linked = try CLI.run(["discover", "--from-counts", "d.discovery", "e.discovery"], in: folder)
        #expect(linked.status == 65 && linked.stderr.contains("hard.md', which an earlier counts file counted too"), "\(linked.stderr)")
        let dotted = try String(contentsOf: folder.appendingPathComponent("e.discovery"), encoding: .utf8)
            .replacingOccurrences(of: "/hard.md\"]", with: "/./hard.md\"]")
        try dotted.write(to: folder.appendingPathComponent("f.discovery"), atomically: true, encoding: .utf8)
        let dot = try CLI.run(["discover", "--from-counts", "f.discovery"], in: folder)
        #expect(dot.status == 65 && dot.stderr.contains("not a real path"), "\(dot.stderr)")
        // A gzip bomb (white space inside the object) is inflated and read a chunk at a time:
        // before, it was inflated whole and decoded by JSONDecoder (1.9 GB for 900 MB).
        try GzipBomb.whiteSpace(inside: "b.discovery", to: "space.discovery.gz", mebibytes: 200, in: folder)
        let (spaced, peakKiB) = try CLI.runMeasuringMemory(["discover", "--from-counts", "space.discovery.gz"], in: folder)
        let plainRun = try CLI.run(["discover", "--from-counts", "b.discovery"], in: folder)
        #expect(spaced.status == 0 && spaced.stdout == plainRun.stdout, "\(spaced.stderr)")
        #expect(peakKiB < 150_000, "peak \(peakKiB >> 10) MB")
        // Standard input cannot be read twice.
        let stdin = try CLI.run(["count", "-", "-o", "c.counts", "--discover", "c.discovery"], in: folder, input: Data("**甲：** RSP。\n".utf8))
        #expect(stdin.status == 64 && stdin.stderr.contains("standard input"))
    }
}
