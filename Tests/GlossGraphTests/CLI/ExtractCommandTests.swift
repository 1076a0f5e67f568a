import Foundation
import Testing

@Suite("glossgraph extract, run as a user runs it")
struct ExtractCommandTests {
    static let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path

    @Test("jsonl gives one object per turn with concepts, counts and mention positions")
    func jsonLinesOutput() throws {
        let result = try CLI.run(["extract", "--format", "jsonl", Self.example])
        #expect(result.status == 0)
        let rows = try jsonLines(result.stdout)
        #expect(rows.count == 36)
        let first = try #require(rows.first)
        #expect(Set(first.keys) == ["file", "turn", "speaker", "line_start", "concepts"])
        // The editor's summary mentions concepts too, but it is not a turn.
        let all = rows.flatMap { $0["concepts"] as? [[String: Any]] ?? [] }
        let ids = Set(all.compactMap { $0["id"] as? String })
        for id in ["scaling-laws", "asl-3", "responsible-scaling-policy", "mechanistic-interpretability", "constitutional-ai", "swe-bench"] {
            #expect(ids.contains(id), "\(id)")
        }
        let concept = try #require(all.first { $0["id"] as? String == "asl-3" })
        #expect(Set(concept.keys) == ["id", "zh", "en", "source", "count", "mentions"])
        let mention = try #require((concept["mentions"] as? [[String: Any]])?.first)
        #expect(Set(mention.keys) == ["line", "column", "text"])
        // Every mention's text stands in the example at its line and column (hard wraps aside).
        let lines = try String(contentsOfFile: Self.example, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        for concept in all {
            for mention in concept["mentions"] as? [[String: Any]] ?? [] {
                let line = Array(lines[(mention["line"] as! Int) - 1])
                let rest = String(line[((mention["column"] as! Int) - 1)...])
                let text = mention["text"] as! String
                #expect(rest.hasPrefix(text) || text.hasPrefix(rest.trimmingCharacters(in: .whitespaces)), "\(mention)")
            }
        }
    }

    @Test("the ASL-3 spellings of the example are one concept")
    func spellingsAreOneConcept() throws {
        let result = try CLI.run(["extract", "--format", "tsv", Self.example])
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["file", "turn", "speaker", "line", "column", "id", "zh", "en", "text"])
        let aslTexts = Set(rows.dropFirst().filter { $0[5] == "asl-3" }.map { $0[8] })
        #expect(aslTexts.isSuperset(of: ["ASL-3", "ASL3", "ASL 3", "ASL三级"]))
        let scaling = Set(rows.dropFirst().filter { $0[5] == "scaling-laws" }.map { $0[8] })
        #expect(scaling.isSuperset(of: ["规模定律", "规模化定律", "缩放规律"]))
    }

    @Test("the text format ends with the most frequent concepts, both names and speakers")
    func textSummary() throws {
        let result = try CLI.run(["extract", "--summary", "--top", "5", Self.example])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 7)
        #expect(lines[0].hasSuffix("concepts in 36 units; the 5 most frequent:"))
        #expect(lines[1].hasPrefix("#"))
        #expect(lines[2].hasPrefix("1 "))
        #expect(lines[2].contains("林晓") || lines[2].contains("周衡"))
    }

    /// A trial's sailing interview gave an empty table and no word on why, where map says.
    @Test("a text the glossary finds nothing in gets a note pointing to --discover; with --discover it is mapped")
    func emptyExtraction() throws {
        let text = "**教练：** 先练迎风换舷（tack），迎风换舷要快。\n\n**学员：** 迎风换舷的时候压舷吗？\n"
        let plain = try CLI.run(["extract", "--summary", "-"], input: Data(text.utf8))
        #expect(plain.status == 0 && plain.stderr.contains("no concept of the glossary was found in 2 units") && plain.stderr.contains("--discover"), "\(plain.stderr)")
        // The note, not an empty table (a later trial found a blank line and a bare header).
        #expect(plain.stdout.isEmpty, "\(plain.stdout)")
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("sailing.md")
        try Data(text.utf8).write(to: file)
        let discovered = try CLI.run(["extract", "--summary", "--discover", file.path])
        #expect(discovered.status == 0 && !discovered.stderr.contains("no concept") && discovered.stdout.contains("迎风换舷"), "\(discovered.stdout)\(discovered.stderr)")
    }

    @Test("--summary prints the table the full listing ends with, for every unit, with notes and speaker names")
    func summaryEqualsListingEnd() throws {
        var inputs = [Self.example]
        if TestPaths.hasSharedCorpus { inputs.append(TestPaths.sharedTranscript) }
        for options in [["--unit", "turn"], ["--unit", "sentence"], ["--unit", "paragraph", "--keep-notes", "--speaker", "林晓=Lin Xiao"]] {
            let summary = try CLI.run(["extract", "--summary"] + options + inputs)
            let full = try CLI.run(["extract"] + options + inputs)
            #expect(summary.status == 0 && full.status == 0)
            #expect(!summary.stdout.isEmpty && full.stdout.hasSuffix("\n\n" + summary.stdout), "\(options)")
        }
    }

    @Test("sentence units number the sentences and keep the turn")
    func sentenceUnits() throws {
        let result = try CLI.run(["extract", "--format", "jsonl", "--unit", "sentence", Self.example])
        #expect(result.status == 0)
        let rows = try jsonLines(result.stdout)
        #expect(rows.count > 36)
        #expect(rows.map { $0["unit"] as? Int } == Array(1...rows.count).map { Optional($0) })
        #expect(rows.first?["turn"] as? Int == 1)
        #expect(rows.last?["turn"] as? Int == 36)
    }

    @Test("cross-option rules are usage errors")
    func usageErrors() throws {
        let badTop = try CLI.run(["extract", "--top", "0", Self.example])
        #expect(badTop.status == 64)
        #expect(badTop.stderr.contains("--top must be at least 1"))
        let summaryJSON = try CLI.run(["extract", "--summary", "--format", "jsonl", Self.example])
        #expect(summaryJSON.status == 64)
    }
}
