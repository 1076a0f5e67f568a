import Foundation
import Testing

@testable import GlossGraphGlossary
@testable import GlossGraphText

@Suite("glossgraph count and merge")
struct CountMergeCommandTests {
    /// Before, merge trapped on counts that summed past 64 bits, and accepted negative
    /// counts, pairs above their concepts' counts and self-pairs (which became self-loops).
    /// Before, `count` wrote a speaker label holding an escape character as `\u001b`, and
    /// `merge` refused the file it had written.
    @Test("merge reads what count writes for a transcript with control characters in its speaker labels")
    func controlCharactersRoundTrip() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("ctl.md")
        try Data("**Al\u{1B}[31mice:** 规模定律和 RLHF\n\n**Bob\u{7}:** RLHF 与规模定律\n".utf8).write(to: transcript)
        let counts = folder.appendingPathComponent("c.json").path
        #expect(try CLI.run(["count", "-o", counts, transcript.path]).status == 0)
        let merged = try CLI.run(["merge", "--render", "none", "-f", "json", "-o", folder.appendingPathComponent("out").path, counts])
        #expect(merged.status == 0, "\(merged.stderr)")
    }

    @Test(
        "merge reads a counts file as untrusted: every number and relation is checked, naming the file and the entry",
        arguments: [
            ("negative units", "units of a concept", #"concept 'scaling-laws': units is -3"#),
            ("pair above its concepts", "pair count", "is counted in 1000 units, more than its concepts are in"),
            ("self-pair", "self pair", "pairs a concept with itself"),
            ("past 64 bits", "huge", "must be 0 to 1099511627776"),
            ("version as a string", "version string", "version '1' (a string)"),
            ("support out of order", "support order", "supporting units are not in order"),
            ("a key given twice", "duplicate key", "'units' is given twice"),
            ("a NUL in a file name", "nul name", "no NUL character (U+0000)"),
            ("speakers above the mentions", "speaker mentions", "fewer than its speakers' mentions"),
            ("a number past 64 bits", "past 64 bits", "units is 18446744073709551621, past 64 bits"),
            ("a first mention in a file not counted", "first elsewhere", "which the file does not count"),
            ("a speaker named twice", "speaker twice", "names '甲' twice"),
            ("a number with a leading zero", "leading zero", "a number with a leading zero"),
            ("a unit of any text", "unit text", "unit is 'paragraphs of mine'"),
            ("a source path with . in it", "dot path", "which is not a real path"),
        ])
    func untrustedCounts(_ label: String, _ change: String, _ message: String) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.json").path
        let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path
        #expect(try CLI.run(["count", "-o", good, example]).status == 0)
        var document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: good))) as? [String: Any])
        var concepts = try #require(document["concepts"] as? [[String: Any]])
        var pairs = try #require(document["pairs"] as? [[String: Any]])
        switch change {
        case "units of a concept": concepts[0]["units"] = -3
        case "speaker mentions": concepts[0]["speakers"] = ["甲": 1 << 39, "乙": 1 << 39]
        case "pair count": pairs[0]["count"] = 1000
        case "self pair": pairs[0]["b"] = pairs[0]["a"]
        case "support order":
            var support = try #require(pairs[0]["support"] as? [Any])
            try #require(support.count >= 2)
            support.swapAt(0, 1)
            pairs[0]["support"] = support
        case "huge":
            document["units"] = Int(1) << 62
            concepts[0]["units"] = Int(1) << 62
            concepts[0]["mentions"] = Int(1) << 62
        case "duplicate key", "nul name": break
        case "past 64 bits": document["units"] = 987_654_321
        case "first elsewhere": concepts[0]["first"] = ["zzz.md", 1, 1]
        case "speaker twice": concepts[0]["speakers"] = ["甲": 1]
        case "leading zero": break
        case "unit text": document["unit"] = "paragraphs of mine"
        case "dot path":
            // The same file under a second name, were `/./` not refused.
            let paths = try #require(document["source_paths"] as? [String])
            document["source_paths"] = paths.map { $0.replacingOccurrences(of: "/Examples/", with: "/Examples/./") }
        default: document["version"] = "1"
        }
        if change == "nul name" { document["source_files"] = ["a\u{0}b.md"] }
        document["concepts"] = concepts
        document["pairs"] = pairs
        let bad = folder.appendingPathComponent("bad.json")
        var data = try JSONSerialization.data(withJSONObject: document)
        if change == "speaker twice" {
            data = Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"甲\":1", with: "\"甲\":1,\"甲\":0").utf8)
        }
        if change == "past 64 bits" {
            data = Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "987654321", with: "18446744073709551621").utf8)
        }
        if change == "leading zero" {
            data = Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"units\":", with: "\"units\":0").utf8)
        }
        if change == "duplicate key" {
            // JSONSerialization writes each key once: the second is spliced in after the brace.
            data = Data("{\"units\": 5, ".utf8) + data.dropFirst()
        }
        try data.write(to: bad)
        let merged = try CLI.run(["merge", "--render", "none", "-o", folder.appendingPathComponent("out").path, bad.path, bad.path])
        #expect(merged.status == 65, "\(label): \(merged.stderr)")
        #expect(merged.stderr.contains("bad.json") && merged.stderr.contains(message), "\(label): \(merged.stderr)")
    }

    @Test("a counts file is read in one pass: keys in any order, escapes and unknown fields are fine, a syntax error names its byte offset, and memory stays near the file's size", .timeLimit(.minutes(15)))
    func streamingCounts() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ids = try Glossary.load(files: [TestPaths.repositoryRoot.appendingPathComponent("Glossary/concepts.tsv").path]).concepts.map(\.id)
        // Pairs of the bundled glossary's concepts, each with the 100 supporting units kept, under
        // a long file name: about 40 MB.
        let file = String(repeating: "transcripts/long-folder-name/", count: 2) + "interview-\u{4E00}.md"
        var text = #"{"extra": {"nested": [1, [2, {"a": null}], "x"]}, "pairs": ["#
        var pairs = 0
        outer: for a in ids.indices {
            for b in (a + 1)..<ids.count {
                if pairs == 8_000 { break outer }
                let support = (1...100).map { #"["\#(file)",\#($0),\#($0)]"# }.joined(separator: ",")
                text += (pairs == 0 ? "" : ",\n") + #"{"b":"\#(ids[b])","a":"\#(ids[a])","count":100,"support":[\#(support)]}"#
                pairs += 1
            }
        }
        let concepts = ids.map { #"{"id":"\#($0)","units":1000,"mentions":1000,"speakers":{"\u7532":1000},"first":["\#(file)",1,1]}"# }
        let glossaryList = ids.map { "\"\($0)\"" }.joined(separator: ",")
        text += #"], "concepts": [\#(concepts.joined(separator: ","))], "glossary": [\#(glossaryList)], "units": 100000, "unit": "turn", "source_files": ["\#(file)"], "glossary_files": ["Glossary/concepts.tsv"], "version": 1, "format": "glossgraph-counts"}"#
        let big = folder.appendingPathComponent("big.counts")
        try Data(text.utf8).write(to: big)
        let size = text.utf8.count
        let (merged, peakKiB) = try CLI.runMeasuringMemory(["merge", "--render", "none", "-f", "csv", "-o", folder.appendingPathComponent("out").path, big.path])
        #expect(merged.status == 0, "\(merged.stderr)")
        let peakBytes = peakKiB * 1024
        #expect(peakBytes < 6 * size + 150_000_000, "peak \(peakBytes >> 20) MB for a \(size >> 20) MB file")
        // A syntax error after the header names where it is.
        try Data(text.replacingOccurrences(of: #""count":100,"support""#, with: #""count":100 "support""#).utf8).write(to: big)
        let broken = try CLI.run(["merge", "--render", "none", "-o", folder.appendingPathComponent("out2").path, big.path])
        #expect(broken.status == 65 && broken.stderr.contains("not valid JSON at byte offset") && broken.stderr.contains("expected ',' or '}'"), "\(broken.stderr)")
    }

    /// The repeated attack: a gzip counts file of a MiB was inflated whole before its text was
    /// read, taking 1.1 GB for white space and 2.2 GB for one pair repeated. The third: a
    /// number of a GiB of digits took 3.2 GB (and made a 100 MB message), a GiB of `[` 1.1 GB,
    /// 300,000 empty gzip members 30 s.
    @Test(
        "gzip bombs (white space, one pair repeated, a number of 100 MB, 100 MB of '[', 50,000 empty members) are read a chunk at a time: memory stays flat, messages short",
        .timeLimit(.minutes(15)))
    func gzipBombs() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path
        #expect(try CLI.run(["count", example, "-o", "good.counts"], in: folder).status == 0)
        try GzipBomb.whiteSpace(inside: "good.counts", to: "space.counts.gz", mebibytes: 200, in: folder)
        let make = """
            import gzip, json
            text = open("good.counts").read()
            pair = json.dumps(json.loads(text)["pairs"][0]).encode()
            with gzip.open("pairs.counts.gz", "wb") as out:
                out.write(text[:text.index('"pairs"')].encode() + b'"pairs":[')
                for _ in range(100): out.write((pair + b",") * 20000)
                out.write(pair + b"]}")
            with gzip.open("digits.counts.gz", "wb") as out:
                out.write(b'{"units":9')
                for _ in range(100): out.write(b"9" * (1 << 20))
                out.write(b"}")
            with gzip.open("nested.counts.gz", "wb") as out:
                out.write(b'{"x":' + b"[" * (100 << 20))
            with open("members.counts.gz", "wb") as out:
                out.write(gzip.compress(b"") * 50000 + gzip.compress(text.encode()))
            """
        #expect(try CLI.run(["-c", make], in: folder, executable: "/usr/bin/python3").status == 0)
        for (name, status, message) in [
            ("space.counts.gz", 0, ""), ("pairs.counts.gz", 65, "is listed twice"), ("digits.counts.gz", 65, "a number of more than 40 digits"),
            ("nested.counts.gz", 65, "nested more than 1000 deep"), ("members.counts.gz", 0, ""),
        ] {
            let (run, peakKiB) = try CLI.runMeasuringMemory(["merge", "--render", "none", "-f", "json", "-o", "out-\(name)", name], in: folder)
            #expect(run.status == Int32(status) && (message.isEmpty || run.stderr.contains(message)), "\(name): \(run.stderr.prefix(300))")
            #expect(run.stderr.utf8.count < 1000, "\(name): a message of \(run.stderr.utf8.count) bytes")
            #expect(peakKiB < 150_000, "\(name): peak \(peakKiB >> 10) MB")
        }
    }

    /// The third attack: with the other name of a hard link removed before merging, or the
    /// transcript counted from standard input, merge counted it twice.
    @Test("merge knows a transcript by the identity count recorded, after the name it was counted under is gone")
    func recordedIdentity() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("t.md")
        try FileManager.default.copyItem(at: TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md"), to: transcript)
        try #require(link(transcript.path, folder.appendingPathComponent("h.md").path) == 0)
        #expect(try CLI.run(["count", "h.md", "-o", "h.counts"], in: folder).status == 0)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("h.md"))
        // Touched since (an editor's save): the same file still.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: transcript.path)
        #expect(try CLI.run(["count", "t.md", "-o", "t.counts"], in: folder).status == 0)
        #expect(try CLI.run(["count", "-", "-o", "in.counts"], in: folder, inputFile: transcript).status == 0)
        for other in ["h.counts", "in.counts"] {
            let merged = try CLI.run(["merge", "--render", "none", "-o", "out", "t.counts", other], in: folder)
            #expect(merged.status == 65 && merged.stderr.contains("which an earlier counts file counted too"), "\(other): \(merged.stderr)")
        }
        // A copy is another file.
        try FileManager.default.copyItem(at: transcript, to: folder.appendingPathComponent("copy.md"))
        #expect(try CLI.run(["count", "copy.md", "-o", "copy.counts"], in: folder).status == 0)
        #expect(try CLI.run(["merge", "--render", "none", "-o", "out2", "t.counts", "copy.counts"], in: folder).status == 0)
    }

    @Test("count --files-from takes the inputs' names from a file or standard input, one per line or NUL-separated, as the same names given as arguments")
    func filesFrom() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (first, second) = try Self.splitExample(into: folder)
        #expect(try CLI.run(["count", first, second, "-o", "args.counts"], in: folder).status == 0)
        let piped = try CLI.run(["count", "--files-from", "-", "-o", "piped.counts"], in: folder, input: Data("\(first)\0\(second)\0".utf8))
        #expect(piped.status == 0, "\(piped.stderr)")
        try Data("\(first)\r\n\n\(second)\n".utf8).write(to: folder.appendingPathComponent("list.txt"))
        #expect(try CLI.run(["count", "--files-from", "list.txt", "-o", "listed.counts"], in: folder).status == 0)
        let expected = try Data(contentsOf: folder.appendingPathComponent("args.counts"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("piped.counts")) == expected)
        #expect(try Data(contentsOf: folder.appendingPathComponent("listed.counts")) == expected)
        let clash = try CLI.run(["count", "--files-from", "-", "-", "-o", "x.counts"], in: folder, input: Data(first.utf8))
        #expect(clash.status == 64, "\(clash.stderr)")
        // Before, a list without end filled memory until the run was killed (and a list that
        // could not be read exited with the argument parser's status 1).
        let endless = try CLI.run(["turns", "--files-from", "/dev/zero"], in: folder)
        #expect(endless.status == 65 && endless.stderr.contains("/dev/zero"), "\(endless.status) \(endless.stderr)")
        let missing = try CLI.run(["turns", "--files-from", "no-such-list.txt"], in: folder)
        #expect(missing.status == 66 && missing.stderr.contains("no-such-list.txt"), "\(missing.status) \(missing.stderr)")
    }

    /// The example interview cut in two at a turn, as two files.
    static func splitExample(into folder: URL) throws -> (String, String) {
        let text = try String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md"), encoding: .utf8)
        let cut = try #require(text.range(of: "**林晓：**", range: text.index(text.startIndex, offsetBy: text.count / 2)..<text.endIndex))
        try String(text[..<cut.lowerBound]).write(to: folder.appendingPathComponent("part1.md"), atomically: true, encoding: .utf8)
        try String(text[cut.lowerBound...]).write(to: folder.appendingPathComponent("part2.md"), atomically: true, encoding: .utf8)
        return ("part1.md", "part2.md")
    }

    @Test("merging the counts of parts gives byte-identical exports to map on the whole")
    func mergeEqualsMap() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (first, second) = try Self.splitExample(into: folder)
        let options = ["--render", "none", "--min-frequency", "1", "--min-pair-count", "1", "--top", "200"]
        #expect(try CLI.run(["map", first, second, "-o", "whole"] + options, in: folder).status == 0)
        #expect(try CLI.run(["count", first, "-o", "1.counts"], in: folder).status == 0)
        #expect(try CLI.run(["count", second, "-o", "2.counts"], in: folder).status == 0)
        let merged = try CLI.run(["merge", "1.counts", "2.counts", "-o", "merged"] + options, in: folder)
        #expect(merged.status == 0, "\(merged.stderr)")
        for name in MapCommandTests.countedExportNames {
            let whole = try Data(contentsOf: folder.appendingPathComponent("whole/\(name)"))
            let parts = try Data(contentsOf: folder.appendingPathComponent("merged/\(name)"))
            #expect(whole == parts, "\(name) differs")
        }
    }

    @Test("counts written gzip-compressed (-o FILE.gz or --gzip) merge as the plain ones do; a cut or oversized gzip stream is refused")
    func compressedCounts() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (first, second) = try Self.splitExample(into: folder)
        #expect(try CLI.run(["count", first, "-o", "1.counts"], in: folder).status == 0)
        #expect(try CLI.run(["count", second, "-o", "2.counts"], in: folder).status == 0)
        #expect(try CLI.run(["count", first, "-o", "1.counts.gz"], in: folder).status == 0)
        let piped = try CLI.run(["count", "--gzip", second, "-o", "-"], in: folder)
        #expect(piped.status == 0 && Array(piped.stdout.utf8.prefix(2)) != [0x7B])
        let plain = try Data(contentsOf: folder.appendingPathComponent("1.counts"))
        let compressed = try Data(contentsOf: folder.appendingPathComponent("1.counts.gz"))
        #expect(try compressed.count * 4 < plain.count && Gzip.decompress(Array(compressed), limit: 1 << 20, file: "1.counts.gz") == Array(plain))
        #expect(try CLI.run(["merge", "1.counts", "2.counts", "-o", "plain", "-f", "json", "--render", "none"], in: folder).status == 0)
        #expect(try CLI.run(["count", "--gzip", second, "-o", "2.gz.counts"], in: folder).status == 0)
        let merged = try CLI.run(["merge", "1.counts.gz", "2.gz.counts", "-o", "gzip", "-f", "json", "--render", "none"], in: folder)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("plain/concept-map.json")) == (try Data(contentsOf: folder.appendingPathComponent("gzip/concept-map.json"))))
        try compressed.prefix(compressed.count / 2).write(to: folder.appendingPathComponent("cut.counts.gz"))
        let cut = try CLI.run(["merge", "cut.counts.gz", "-o", "cut", "--render", "none"], in: folder)
        #expect(cut.status == 65 && cut.stderr.contains("cut.counts.gz: error: not valid gzip data: the data ends before the gzip stream does"), "\(cut.stderr)")
        // A small file that inflates past the limit is refused when the limit is passed.
        let bomb = Gzip.compress([UInt8](repeating: 0x20, count: 8 << 20))
        #expect(bomb.count < 64 << 10)
        #expect(throws: GlossGraphError.self) { try Gzip.decompress(bomb, limit: 1 << 20, file: "bomb.gz") }
    }

    @Test("what is kept does not depend on the order parts are merged in, but the file list does")
    func orderIndependence() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (first, second) = try Self.splitExample(into: folder)
        #expect(try CLI.run(["count", first, "-o", "1.counts"], in: folder).status == 0)
        #expect(try CLI.run(["count", second, "-o", "2.counts"], in: folder).status == 0)
        let forward = try CLI.run(["merge", "1.counts", "2.counts", "-o", "forward", "-f", "csv"], in: folder)
        let backward = try CLI.run(["merge", "2.counts", "1.counts", "-o", "backward", "-f", "csv"], in: folder)
        #expect(forward.status == 0 && backward.status == 0)
        for table in ["concept-map-nodes.csv", "concept-map-edges.csv"] {
            let one = try Data(contentsOf: folder.appendingPathComponent("forward/\(table)"))
            #expect(one == (try Data(contentsOf: folder.appendingPathComponent("backward/\(table)"))), "\(table) differs")
        }
    }

    @Test("files read in parallel give byte-identical exports to one job")
    func parallelJobs() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (first, second) = try Self.splitExample(into: folder)
        var inputs = [first, second, TestPaths.fixture("reading/labeled.txt")]
        if TestPaths.hasSharedCorpus { inputs.append(TestPaths.sharedTranscript) }
        #expect(try CLI.run(["map", "--jobs", "1", "--render", "none", "-o", "one"] + inputs, in: folder).status == 0)
        #expect(try CLI.run(["map", "--jobs", "3", "--render", "none", "-o", "three"] + inputs, in: folder).status == 0)
        for name in MapCommandTests.exportNames {
            let one = try Data(contentsOf: folder.appendingPathComponent("one/\(name)"))
            let three = try Data(contentsOf: folder.appendingPathComponent("three/\(name)"))
            #expect(one == three, "\(name) differs")
        }
    }

    @Test("a file larger than a part, read on two jobs, gives byte-identical exports to one job, turns numbered in the file")
    func largeFileOnTwoJobs() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The example interview repeated to about 3 MB: three parts of 1 MB or more.
        let example = try String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md"), encoding: .utf8)
        let copies = 3_000_000 / example.utf8.count + 1
        let large = String(repeating: example + "\n", count: copies)
        try large.write(to: folder.appendingPathComponent("large.md"), atomically: true, encoding: .utf8)
        let firstPartLines = large.utf8.prefix(1 << 20).filter { $0 == 0x0A }.count
        #expect(try CLI.run(["map", "--jobs", "1", "--render", "none", "-o", "one", "large.md"], in: folder).status == 0)
        #expect(try CLI.run(["map", "--jobs", "2", "--render", "none", "-o", "two", "large.md"], in: folder).status == 0)
        for name in MapCommandTests.exportNames {
            let one = try Data(contentsOf: folder.appendingPathComponent("one/\(name)"))
            let two = try Data(contentsOf: folder.appendingPathComponent("two/\(name)"))
            #expect(one == two, "\(name) differs")
        }
        // Supporting units read `turn@Lline`; later lines have later turns all through the file.
        let csv = try String(contentsOf: folder.appendingPathComponent("two/concept-map-edges.csv"), encoding: .utf8)
        let references = csv.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\"" }).compactMap { token -> (turn: Int, line: Int)? in
            let parts = token.split(separator: "@")
            guard parts.count == 2, let turn = Int(parts[0]), parts[1].first == "L", let line = Int(parts[1].dropFirst()) else { return nil }
            return (turn, line)
        }
        #expect(references.count > 100)
        #expect(references.contains { $0.line > firstPartLines }, "references reach the later parts")
        let byLine = references.sorted { $0.line < $1.line }
        #expect(zip(byLine, byLine.dropFirst()).allSatisfy { $0.turn <= $1.turn }, "turn numbers grow with lines")
    }

    @Test("parts counted with another glossary or unit, and broken files, are refused with exit 65")
    func refusals() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (first, second) = try Self.splitExample(into: folder)
        #expect(try CLI.run(["count", first, "-o", "1.counts"], in: folder).status == 0)
        #expect(try CLI.run(["count", second, "--unit", "sentence", "-o", "2.counts"], in: folder).status == 0)
        #expect(try CLI.run(["count", second, "--glossary", TestPaths.fixture("glossary/small.tsv"), "-o", "3.counts"], in: folder).status == 0)
        let units = try CLI.run(["merge", "1.counts", "2.counts", "-o", "out"], in: folder)
        #expect(units.status == 65)
        #expect(units.stderr.contains("2.counts: error: counts units of 'sentence', the other parts of 'turn'"))
        let glossary = try CLI.run(["merge", "1.counts", "3.counts", "-o", "out"], in: folder)
        #expect(glossary.status == 65)
        #expect(glossary.stderr.contains("3.counts: error: was counted with another glossary"))
        let twice = try CLI.run(["merge", "1.counts", "1.counts", "-o", "out"], in: folder)
        #expect(twice.status == 65 && twice.stderr.contains("1.counts: error: counts 'part1.md', which an earlier counts file counted too"), "\(twice.stderr)")
        // Before, the same file under another name (./, its absolute path, a link) was counted
        // again, by merge and by one run given both names.
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.md").path, withDestinationPath: first)
        #expect(try CLI.run(["count", "./\(first)", "-o", "dot.counts"], in: folder).status == 0)
        #expect(try CLI.run(["count", "link.md", "-o", "link.counts"], in: folder).status == 0)
        // Counted from another folder, the name differs but the real path count records does not.
        let sub = folder.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        #expect(try CLI.run(["count", "../\(first)", "-o", "../sub.counts"], in: sub).status == 0)
        for other in ["dot.counts", "link.counts", "sub.counts"] {
            let again = try CLI.run(["merge", "1.counts", other, "-o", "out"], in: folder)
            #expect(again.status == 65 && again.stderr.contains("which an earlier counts file counted too"), "\(other): \(again.stderr)")
        }
        // A hard link is the same file under another real path; standard input redirected
        // from a file named too is that file.
        try #require(link(folder.appendingPathComponent(first).path, folder.appendingPathComponent("hard.md").path) == 0)
        #expect(try CLI.run(["count", "hard.md", "-o", "hard.counts"], in: folder).status == 0)
        let hard = try CLI.run(["merge", "1.counts", "hard.counts", "-o", "out"], in: folder)
        #expect(hard.status == 65 && hard.stderr.contains("counts 'hard.md', which an earlier counts file counted too"), "\(hard.stderr)")
        let piped = try CLI.run(["count", first, "-", "-o", "piped.counts"], in: folder, inputFile: folder.appendingPathComponent(first))
        #expect(piped.status == 0 && piped.stderr.contains("named again"), "\(piped.stderr)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("piped.counts")) == Data(contentsOf: folder.appendingPathComponent("1.counts")))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("hard.md"))
        let named = try CLI.run(["count", first, "./\(first)", "link.md", "-o", "named.counts"], in: folder)
        #expect(named.status == 0 && named.stderr.contains("named again (as './part1.md', 'link.md'); read once"), "\(named.stderr)")
        // A list naming one file a hundred thousand times: one notice, read once.
        try Data(String(repeating: "\(first)\n", count: 100_000).utf8).write(to: folder.appendingPathComponent("many.txt"))
        let many = try CLI.run(["count", "--files-from", "many.txt", "-o", "many.counts"], in: folder)
        #expect(many.status == 0 && many.stderr.split(separator: "\n").count == 1 && many.stderr.contains("and 99996 more times"), "\(many.stderr.prefix(500))")
        #expect(try Data(contentsOf: folder.appendingPathComponent("named.counts")) == Data(contentsOf: folder.appendingPathComponent("1.counts")))
        try Data("{\"format\": \"something else\"}".utf8).write(to: folder.appendingPathComponent("bad.counts"))
        let broken = try CLI.run(["merge", "bad.counts", "-o", "out"], in: folder)
        #expect(broken.status == 65)
        #expect(broken.stderr.contains("bad.counts: error: not a counts file written by glossgraph count"))
    }
}
