import Foundation
import Testing

@testable import GlossGraphReading

@testable import GlossGraph
@testable import GlossGraphCounting
@testable import GlossGraphExtraction
@testable import GlossGraphGlossary
@testable import GlossGraphText

/// Inputs real users feed the tool: each works or fails with a clear message and a documented
/// exit status; none crashes or hangs.
@Suite("Adversarial input")
struct AdversarialInputTests {
    static func write(_ bytes: [UInt8], name: String = "input.md", in folder: URL) throws -> String {
        let file = folder.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    static func glossary(_ rows: [String], in folder: URL) throws -> String {
        let text = GlossaryTSV.columns.joined(separator: "\t") + "\n" + rows.joined(separator: "\n") + "\n"
        return try write(Array(text.utf8), name: "g.tsv", in: folder)
    }

    @Test("invalid UTF-8 at the start, middle and end: the offset and line are named, exit 65", arguments: [0, 14, -1])
    func invalidUTF8(_ position: Int) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = Array("**甲：** 你好\n**乙：** ok\n".utf8)
        let offset = position < 0 ? bytes.count : position
        bytes.insert(0xFF, at: offset)
        let file = try Self.write(bytes, in: folder)
        let result = try CLI.run(["turns", file])
        #expect(result.status == 65)
        #expect(result.stderr.contains("error: invalid UTF-8 at byte offset \(offset);"))
    }

    @Test("a NUL byte is binary data, not text: an error naming its byte and line, exit 65, also from /dev/zero at once; other control characters are text")
    func nulBytes() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.write(Array("**甲：** 规模定律\u{1}和RSP\n**乙：** RSP\u{0}\n".utf8), in: folder)
        let turns = try CLI.run(["turns", "-f", "jsonl", file])
        #expect(turns.status == 65 && turns.stderr.contains(":2: error: a NUL byte at byte offset 45"), "\(turns.stderr)")
        let map = try CLI.run(["map", "--render", "none", "-o", folder.appendingPathComponent("out").path, file])
        #expect(map.status == 65 && map.stderr.contains("NUL"), "\(map.stderr)")
        let started = Date()
        let zero = try CLI.run(["turns", "/dev/zero"])
        #expect(zero.status == 65 && zero.stderr.contains("/dev/zero:1: error: a NUL byte at byte offset 0"), "\(zero.stderr)")
        #expect(Date().timeIntervalSince(started) < 30)
        let control = try Self.write(Array("**甲：** 规模定律\u{1}和RSP\n**乙：** RSP\u{7}\n".utf8), name: "control.md", in: folder)
        let read = try CLI.run(["turns", "-f", "jsonl", control])
        #expect(read.status == 0 && read.stdout.contains("规模定律\\u0001和RSP"), "\(read.stderr)")
    }

    /// Before, these were read whole before any check: /dev/zero as a glossary filled memory
    /// until the process aborted, and a 3 GB termbase took 4 GB to be refused.
    @Test("glossaries, termbases, speaker maps and consistency's transcripts that are devices or huge fail at once, exit 65", .timeLimit(.minutes(15)))
    func boundedReads() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path
        let started = Date()
        for command in [
            ["glossary", "import", "-f", "csv", "/dev/zero", "-o", folder.appendingPathComponent("a.tsv").path],
            ["lookup", "规模定律", "--glossary", "/dev/zero"], ["consistency", "/dev/zero"], ["consistency", "/dev/urandom"],
            ["turns", "--speaker-map", "/dev/zero", example],
        ] {
            let result = try CLI.run(command)
            #expect(result.status == 65 && result.stderr.contains("NUL byte"), "\(command): \(result.stderr)")
        }
        let sparse = folder.appendingPathComponent("huge.tbx").path
        try #require(FileManager.default.createFile(atPath: sparse, contents: nil) && truncate(sparse, 3 << 30) == 0)
        let huge = try CLI.run(["glossary", "import", sparse, "-o", folder.appendingPathComponent("b.tsv").path])
        #expect(huge.status == 65 && huge.stderr.contains("at most 268435456 are read"), "\(huge.stderr)")
        #expect(Date().timeIntervalSince(started) < 60)
    }

    /// Before, a glossary folder any local user could create above the executable
    /// (`/tmp/Glossary` for one in `/tmp/x/`) was used as the default glossary.
    @Test("the default glossary is searched only in folders of the user or root that not everyone can write")
    func defaultGlossaryIsTrusted() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let planted = folder.appendingPathComponent("Glossary")
        try FileManager.default.createDirectory(at: planted, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: TestPaths.repositoryRoot.appendingPathComponent("Glossary/concepts.tsv"), to: planted.appendingPathComponent("concepts.tsv"))
        let executable = folder.appendingPathComponent("bin/glossgraph").path
        chmod(planted.path, 0o755)
        #expect(try GlossaryLocator.defaultFiles(executablePath: executable).first?.hasPrefix(planted.path) == true)
        chmod(planted.path, 0o777)
        #expect(try GlossaryLocator.defaultFiles(executablePath: executable).first?.hasPrefix(planted.path) != true)
        chmod(planted.path, 0o755)
        if geteuid() == 0 {
            chown(planted.path, 65534, 65534)
            #expect(try GlossaryLocator.defaultFiles(executablePath: executable).first?.hasPrefix(planted.path) != true)
        }
    }

    @Test("speech longer than 4 MiB is cut into units of at most 4 MiB, at sentence ends where there are some, with every byte kept and a notice")
    func unitsAreBounded() throws {
        let limit = UnitBuilder.largestUnitBytes
        let sentence = Array("规模定律和RSP都很重要，SWE-bench也是。".utf8)
        var speech: [UInt8] = []
        while speech.count < 2 * limit + 100_000 { speech += sentence }
        let noEnds = Array(repeatElement(Array("没有标点的长句".utf8), count: limit * 3 / 2 / 21).joined())
        let text = "**甲：** " + String(decoding: speech, as: UTF8.self) + "\n**乙：** " + String(decoding: noEnds, as: UTF8.self) + "\n**甲：** 好。\n"
        let transcript = try TranscriptReader.read(bytes: Array(text.utf8), file: "long.md")
        #expect(transcript.units.allSatisfy { $0.utf8.count <= limit })
        let first = transcript.units.filter { $0.speaker == "甲" && $0.lineStart == 1 }
        #expect(first.count == 3 && first.dropLast().allSatisfy { $0.text.hasSuffix("。") }, "\(first.map { $0.utf8.count })")
        #expect(first.flatMap(\.utf8) == speech)
        let second = transcript.units.filter { $0.speaker == "乙" }
        #expect(second.count == 2 && second.flatMap(\.utf8) == noEnds && second.allSatisfy { String(validating: $0.utf8, as: UTF8.self) != nil })
        #expect(transcript.units.last?.text == "好。" && transcript.units.last?.speaker == "甲")
        let notice = try #require(transcript.notices.first { $0.message.contains("4 MiB") })
        #expect(notice.location?.line == 1 && notice.message.contains("3 cuts, in lines 1, 2"), "\(notice.message)")
        // Read in parts, as large files are, the units are the same.
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.write(Array(text.utf8), in: folder)
        let streamed = try TranscriptReader.read(contentsOf: path)
        #expect(streamed.units.map(\.utf8) == transcript.units.map(\.utf8))
        #expect(streamed.notices.contains { $0.message.contains("4 MiB") })
    }

    /// Linear time is the point: quadratic work on a 50 MB line takes hours. The limit leaves
    /// room for a debug build sharing two cores with the rest of the suite (18 s alone, over
    /// 100 s in a loaded run).
    @Test("a 50 MB single line is read and matched", .timeLimit(.minutes(15)))
    func hugeLine() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let piece = Array("规模定律和RSP都很重要，SWE-bench也是。".utf8)
        var bytes = Array("**甲：** ".utf8)
        while bytes.count < 50_000_000 { bytes += piece }
        let file = try Self.write(bytes + [0x0A], in: folder)
        let result = try CLI.run(["extract", "--summary", "--top", "3", file])
        #expect(result.status == 0, "\(result.stderr)")
        // Cut into units of at most 4 MiB (UnitBuilder.largestUnitBytes), each matched.
        #expect(result.stdout.contains("3 concepts in 12 units"), "\(result.stdout)")
    }

    /// 9 s alone in a debug build; the limit guards against a hang, with the suite's heaviest
    /// tests running beside it on two cores.
    @Test("a million one-word turns", .timeLimit(.minutes(15)))
    func millionTurns() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.write(Array(String(repeating: "A: RSP\nB: x\n", count: 500_000).utf8), in: folder)
        let result = try CLI.run(["extract", "--summary", "--top", "1", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("1 concept in 1000000 units"))
    }

    @Test("a file of only speaker labels has no speech, exit 65")
    func onlyLabels() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.write(Array(String(repeating: "**甲：**\n\n**乙：**\n\n", count: 50).utf8), in: folder)
        let result = try CLI.run(["turns", file])
        #expect(result.status == 65)
        #expect(result.stderr.contains("error: no speech found when read as markdown"))
    }

    @Test("unbalanced bold, brackets, parentheses and blockquotes, and lines of nothing else")
    func unbalancedMarkup() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pathological = String(repeating: "[x](", count: 30_000) + String(repeating: "<a", count: 30_000) + String(repeating: "（", count: 30_000)
        let text = "**甲：** a ** b [c](d 规模定律 ((\n> quote without end\n>\n**乙：** ]] (( ** RSP\n\(pathological)\n**甲：** [[[[\n"
        let file = try Self.write(Array(text.utf8), in: folder)
        let turns = try CLI.run(["turns", "-f", "jsonl", file])
        #expect(turns.status == 0)
        #expect(try jsonLines(turns.stdout).count == 3)
        let discover = try CLI.run(["discover", "--no-glossary", file])
        #expect(discover.status == 0)
    }

    @Test("U+FEFF and zero-width joiners inside names, in the glossary and in the text")
    func zeroWidthInNames() throws {
        let glossary = try Glossary(concepts: [Concept(id: "rsp", category: "p", zh: "负责任\u{200D}扩展策略", en: "R\u{FEFF}SP")])
        let matches = TermMatcher.full(glossary).matches(in: "负责任扩展策略 RSP R\u{200D}SP 负责\u{FEFF}任扩展策略")
        #expect(matches.count == 4)
        #expect(glossary.concept(named: "RSP")?.concept.id == "rsp")
    }

    @Test("combining marks: lookup composes them (NFKC); extraction does not crash")
    func combiningMarks() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let glossary = try Self.glossary(["cafe\tx\t咖啡馆\tcafé\t\t\t\t\t"], in: folder)
        let lookup = try CLI.run(["lookup", "--glossary", glossary, "cafe\u{0301}"])
        #expect(lookup.status == 0)
        #expect(lookup.stdout.hasPrefix("咖啡馆 / café"))
        let file = try Self.write(Array("A: cafe\u{0301} 咖啡馆\nB: e\u{0301}\u{0301}\u{0301}\n".utf8), in: folder)
        #expect(try CLI.run(["extract", "--glossary", glossary, file]).status == 0)
    }

    @Test("right-to-left text in names and speech")
    func rightToLeft() throws {
        let glossary = try Glossary(concepts: [Concept(id: "shalom", category: "x", zh: "", en: "שלום", zhVariants: [], enVariants: ["سلام"])])
        let matches = TermMatcher.full(glossary).matches(in: "אמר שלום וגם سلام عليكم")
        #expect(matches.count == 2)
    }

    @Test("an unpaired surrogate in UTF-16 is a clear error, exit 65")
    func loneSurrogate() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "A: x\nB: y\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        bytes += [0x00, 0xDC]
        let result = try CLI.run(["turns", try Self.write(bytes, in: folder)])
        #expect(result.status == 65)
        #expect(result.stderr.contains("invalid UTF-16 (unpaired surrogate)"))
    }

    @Test("names that are XML, DOT or regular-expression specials are matched literally and exported safely")
    func specialNames() throws {
        let glossary = try Glossary(concepts: [
            Concept(id: "regex", category: "x", zh: "", en: "a.*b"), Concept(id: "group", category: "x", zh: "", en: "(x|y)"),
            Concept(id: "xml", category: "x", zh: "<节点>", en: "]]>"), Concept(id: "dot", category: "x", zh: "", en: "subgraph"),
        ])
        let matcher = TermMatcher.full(glossary)
        #expect(matcher.matches(in: "axxb a.*b (x|y) x <节点> ]]> subgraph").map(\.concept) == [0, 1, 2, 2, 3])
    }

    @Test("an empty glossary is a clear error, exit 65; checking it is fine")
    func emptyGlossary() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let glossary = try Self.glossary([], in: folder)
        let result = try CLI.run(["extract", "--glossary", glossary, TestPaths.fixture("reading/labeled.txt")])
        #expect(result.status == 65)
        #expect(result.stderr.contains("error: the glossary has no concepts"))
        #expect(try CLI.run(["glossary", "check", glossary]).stdout == "ok: 0 concepts, 0 names in 1 file\n")
    }

    @Test("a glossary of 100,000 concepts loads and matches; its table stays within the dense limit", .timeLimit(.minutes(15)))
    func hugeGlossary() throws {
        var concepts: [Concept] = []
        for index in 0..<100_000 {
            concepts.append(Concept(id: "c\(index)", category: "x", zh: "", en: "term\(index)x", enVariants: ["alt \(index) name"]))
        }
        let glossary = try Glossary(concepts: concepts)
        let matcher = TermMatcher.full(glossary)
        #expect(matcher.tableEntries <= TermMatcher.denseTableLimit)
        #expect(matcher.matches(in: "we use term99999x and alt 42 name, not term1").map(\.concept) == [99_999, 42])
    }

    @Test("names with 41,000 distinct characters are matched; more than the matcher's 65,534 classes are refused", .timeLimit(.minutes(15)))
    func manyDistinctCharacters() throws {
        // Hangul syllables, CJK Extensions B, C and E, Yi syllables, CJK Unified Ideographs:
        // none of them becomes another under NFKC; Traditional characters among the last fold.
        let ranges: [ClosedRange<UInt32>] = [0xAC00...0xD7A3, 0x20000...0x2A6DF, 0x2A700...0x2B739, 0x2B820...0x2CEAF, 0xA000...0xA48C, 0x4E00...0x9FFF]
        let scalars = ranges.flatMap { $0.compactMap(Unicode.Scalar.init) }
        func glossary(of count: Int) throws -> Glossary {
            let names = stride(from: 0, to: count, by: 100).map { String(String.UnicodeScalarView(scalars[$0..<min($0 + 100, count)])) }
            return try Glossary(concepts: names.enumerated().map { Concept(id: "c\($0.offset)", category: "x", zh: $0.element, en: "") })
        }
        let large = try glossary(of: 41_000)
        let name = large.concepts[300].zh
        #expect(TermMatcher.full(large).matches(in: "前文\(name)后文").map(\.concept) == [300])
        let error = try #require(throws: GlossGraphErrors.self) { try glossary(of: scalars.count) }
        #expect(error.errors.contains { $0.message.contains("distinct characters; a glossary can use at most 65534") })
    }

    @Test("a glossary where every name is one character")
    func oneCharacterNames() throws {
        let characters = Array("的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年")
        let glossary = try Glossary(concepts: characters.enumerated().map { Concept(id: "c\($0.offset)", category: "x", zh: String($0.element), en: "") })
        let text = try String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md"), encoding: .utf8)
        let matches = TermMatcher.full(glossary).matches(in: text)
        #expect(matches.count > 500)
        #expect(matches.allSatisfy { $0.range.count == 3 })
    }

    @Test("deeply nested XML in a termbase is refused by libxml2's depth limit, not a crash")
    func deepTBX() throws {
        let nested = String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)
        var ignored: [Notice] = []
        let error = try #require(throws: GlossGraphErrors.self) { try GlossaryTBX.parse(Array("<tbx>\(nested)</tbx>".utf8), file: "deep.tbx", notices: &ignored) }
        #expect(error.errors[0].message.hasPrefix("not well-formed XML: "))
    }

    /// Before, a 200 KB termbase of nested internal entities took 17 GB in 120 s, and the same
    /// in an attribute 8.4 s of CPU for 32 KB.
    @Test(
        "a termbase that declares entities is refused at once, whether they are used in text or in an attribute",
        .timeLimit(.minutes(15)),
        arguments: ["<term>&e9;</term>", "<term type=\"&e9;\">x</term>"])
    func entityExpansion(_ use: String) throws {
        var declarations = "<!ENTITY e0 \"laugh laugh laugh laugh laugh laugh laugh laugh\">"
        for level in 1...9 {
            declarations += "<!ENTITY e\(level) \"" + String(repeating: "&e\(level - 1);", count: 10) + "\">"
        }
        let tbx = """
            <?xml version="1.0"?>
            <!DOCTYPE tbx [\(declarations)]>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
            <conceptEntry id="c1"><langSec xml:lang="en"><termSec>\(use)</termSec></langSec></conceptEntry>
            </body></text></tbx>
            """
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("laughs.tbx").path
        try Data(tbx.utf8).write(to: URL(fileURLWithPath: path))
        let started = Date()
        let result = try CLI.run(["glossary", "import", path, "-o", folder.appendingPathComponent("out.tsv").path])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(result.status == 65)
        #expect(result.stderr.contains("laughs.tbx:2: error: the file declares the entity 'e0'"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.tsv").path))
    }

    /// The repeated attack: with an external DTD named, libxml2 keeps a reference to an entity
    /// it never saw defined as a reference node, and the term came out empty without a word.
    @Test("a reference to an entity the file does not define (an external DTD's) is an error naming it and its line", arguments: [
        "<term>&foo;Scaling</term>", "<term>x</term><note type=\"&foo;\">n</note>",
    ])
    func undefinedEntity(_ use: String) throws {
        let tbx = """
            <?xml version="1.0"?>
            <!DOCTYPE tbx SYSTEM "http://example.invalid/tbx.dtd">
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
            <conceptEntry id="c1"><langSec xml:lang="en"><termSec>
            \(use)</termSec></langSec></conceptEntry>
            </body></text></tbx>
            """
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("dtd.tbx").path
        try Data(tbx.utf8).write(to: URL(fileURLWithPath: path))
        let result = try CLI.run(["glossary", "import", path])
        #expect(result.status == 65 && result.stdout.isEmpty, "\(result.stdout)")
        #expect(result.stderr.contains("dtd.tbx:5: error: the file refers to the entity '&foo;', which it does not define"), "\(result.stderr)")
    }

    /// The repeated attack saw libxml2's bare "internal error: Huge input lookup" on a 27 MB
    /// termbase with a tag of many long attributes.
    @Test("a termbase tag past libxml2's 10 MB limit is refused naming the limit, not as an internal error", .timeLimit(.minutes(15)))
    func longTag() throws {
        let attributes = (0..<990).map { " a\($0)=\"\(String(repeating: "x", count: 27_000))\"" }.joined()
        let tbx = """
            <?xml version="1.0"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
            <conceptEntry id="c1"\(attributes)><langSec xml:lang="en"><termSec><term>scaling law</term></termSec></langSec></conceptEntry>
            </body></text></tbx>
            """
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("long.tbx").path
        try Data(tbx.utf8).write(to: URL(fileURLWithPath: path))
        let result = try CLI.run(["glossary", "import", path])
        #expect(result.status == 65 && result.stderr.contains("long.tbx:3: error: a tag, text or other construct here runs past 10000000 bytes, libxml2's limit"), "\(result.stderr)")
    }

    /// The repeated attack: `--all-concepts --all-links` on thousands of concepts held every
    /// export whole in memory, two at a time, on top of the counts (about 5 GB).
    @Test("exports are written as they are made: all five take no more memory than the DOT alone", .timeLimit(.minutes(15)))
    func exportsAreStreamed() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 600 concepts named from a pool of characters; 3,000 turns of 25 of them each.
        var generator = SeededGenerator(state: 3)
        let pool = Array("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日月星风云雷电山川河海")
        var names = Set<String>()
        while names.count < 600 { names.insert(String((0..<4).map { _ in pool[Int(generator.next() % UInt64(pool.count))] }) + "学") }
        let sorted = names.sorted()
        var glossary = "id\tcategory\tzh\ten\tabbr\tzh_variants\ten_variants\tdeprecated\tnote\n"
        for (index, name) in sorted.enumerated() { glossary += "c\(index)\tidea\t\(name)\tconcept \(index)\t\t\t\t\t\n" }
        try Data(glossary.utf8).write(to: folder.appendingPathComponent("g.tsv"))
        var text = ""
        for _ in 0..<3000 {
            var chosen = Set<Int>()
            while chosen.count < 25 { chosen.insert(Int(generator.next() % 600)) }
            text += "**甲：** " + chosen.sorted().map { sorted[$0] }.joined(separator: "，") + "。\n\n"
        }
        try Data(text.utf8).write(to: folder.appendingPathComponent("t.md"))
        let common = ["map", "--glossary", "g.tsv", "--all-concepts", "--all-links", "--render", "none", "t.md", "-o"]
        let (dot, dotPeak) = try CLI.runMeasuringMemory(common + ["dot-only", "-f", "dot"], in: folder)
        let (all, allPeak) = try CLI.runMeasuringMemory(common + ["all", "-f", "graphml", "-f", "json", "-f", "csv", "-f", "dot"], in: folder)
        #expect(dot.status == 0 && all.status == 0, "\(all.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("all").path)
            .filter { $0.hasPrefix("concept-map") }
            .map { try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("all/\($0)").path)[.size] as? Int ?? 0 }
        #expect(written.reduce(0, +) > 150_000_000)
        #expect(allPeak < dotPeak + 40_000, "all exports: \(allPeak >> 10) MB; the DOT alone: \(dotPeak >> 10) MB")
    }

    /// The third attack: a CSV of a header and 16 million empty lines took 20.7 GB; libxml2
    /// printed its own errors, control characters and all; a term of 11 MB was imported.
    @Test("imports: empty CSV lines cost nothing, libxml2 prints nothing of its own, a TBX text past 1 MiB is refused", .timeLimit(.minutes(15)))
    func importBounds() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var csv = Data("ID,Subject,English,Chinese,Abbreviations,Deprecated,Definition\nx,idea,X thing,规模,,,\n".utf8)
        csv.append(Data(repeating: 0x0A, count: 4_000_000))
        try csv.write(to: folder.appendingPathComponent("empty.csv"))
        let (empty, peakKiB) = try CLI.runMeasuringMemory(["glossary", "import", "empty.csv"], in: folder)
        #expect(empty.status == 0 && empty.stdout.contains("x\tidea\t规模"), "\(empty.stderr)")
        #expect(peakKiB < 150_000, "peak \(peakKiB >> 10) MB")
        let header = "<?xml version=\"1.0\"?>\n<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body>\n"
        let long = header + "<conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec><term>\u{1B}]0;pwned\u{07}" + String(repeating: "x", count: 11 << 20)
            + "</term></termSec></langSec></conceptEntry>\n</body></text></tbx>\n"
        try Data(long.utf8).write(to: folder.appendingPathComponent("long.tbx"))
        let refused = try CLI.run(["glossary", "import", "long.tbx"], in: folder)
        #expect(refused.status == 65 && refused.stderr.split(separator: "\n").count == 1 && !refused.stderr.contains("pwned"), "\(refused.stderr.prefix(300))")
        let text = header + "<conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec><term>scaling law</term></termSec>"
            + "<descrip type=\"definition\">" + String(repeating: "y", count: 2 << 20) + "</descrip></langSec></conceptEntry>\n</body></text></tbx>\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("definition.tbx"))
        let definition = try CLI.run(["glossary", "import", "definition.tbx"], in: folder)
        #expect(definition.status == 65 && definition.stderr.contains("a cell or text of more than 1024 KiB"), "\(definition.stderr.prefix(300))")
        // Split over many nodes, each under the bound, the term is held to it all the same.
        let pieces = String(repeating: "<hi>" + String(repeating: "z", count: 100_000) + "</hi>", count: 12)
        let split = header + "<conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec><term>\(pieces)</term></termSec></langSec></conceptEntry>\n</body></text></tbx>\n"
        try Data(split.utf8).write(to: folder.appendingPathComponent("split.tbx"))
        let pieced = try CLI.run(["glossary", "import", "split.tbx"], in: folder)
        #expect(pieced.status == 65 && pieced.stderr.contains("a cell or text of more than 1024 KiB"), "\(pieced.stderr.prefix(300))")
    }

    /// Before, a CRLF speaker map was read as one mapping ("Alice\r\nB = Bob"), invalid UTF-8
    /// in it was accepted, and a UTF-32 transcript was read as UTF-16.
    @Test("speaker maps and transcripts are read like every text input: any line end, UTF-32, invalid UTF-8 named")
    func textInputsAlike() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("t.md")
        try Data("**A：** 你好，我们谈规模定律。\n\n**B：** 好的。\n".utf8).write(to: transcript)
        for (name, bytes) in [("crlf", Array("A = Alice\r\nB = Bob\r\n".utf8)), ("cr", Array("A = Alice\rB = Bob\r".utf8))] {
            let map = folder.appendingPathComponent("\(name).txt")
            try Data(bytes).write(to: map)
            let turns = try CLI.run(["turns", "--format", "jsonl", "--speaker-map", map.path, transcript.path])
            #expect(turns.status == 0, "\(turns.stderr)")
            #expect(turns.stdout.contains("\"speaker\":\"Alice\"") && turns.stdout.contains("\"speaker\":\"Bob\""), "\(name): \(turns.stdout)")
        }
        let bad = folder.appendingPathComponent("bad.txt")
        try Data([0x41, 0x20, 0x3D, 0x20, 0xFF, 0x0A]).write(to: bad)
        let refused = try CLI.run(["turns", "--speaker-map", bad.path, transcript.path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("bad.txt:1"), "\(refused.stderr)")

        var utf32: [UInt8] = [0xFF, 0xFE, 0x00, 0x00]
        for scalar in "**A：** 你好，我们谈规模定律。\n".unicodeScalars {
            withUnsafeBytes(of: scalar.value.littleEndian) { utf32 += $0 }
        }
        let wide = folder.appendingPathComponent("utf32.md")
        try Data(utf32).write(to: wide)
        let extracted = try CLI.run(["extract", "--format", "jsonl", wide.path])
        #expect(extracted.status == 0, "\(extracted.stderr)")
        #expect(extracted.stdout.contains("\"id\":\"scaling-laws\""))
    }

    @Test("--name that would break the folder's list of files or leave the folder is refused")
    func badNames() throws {
        for name in ["a\nb", "../x", "a/b", "", ".glossgraph-files", "."] {
            let result = try CLI.run(["map", "--render", "none", "-o", "/nonexistent-glossgraph", "--name", name])
            #expect(result.status == 64, "\(name)")
            #expect(result.stderr.contains("--name"), "\(name): \(result.stderr)")
        }
    }

    /// Before, each mention's column was counted from its line's start, and consistency read
    /// each mention's sentence to its end: a 1 MB line took 64 s in `extract --format jsonl`.
    @Test("a line of megabytes costs about what the same bytes in ordinary lines cost", .timeLimit(.minutes(15)))
    func longLinesAreLinear() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Other names of scaling laws (缩放定律, 扩展定律, 规模法则) make consistency findings with
        // replacements, whose reachability was checked against the whole line for each use.
        let words = ["规模定律", "我们", "RLHF", "训练", "模型", "的", "数据", "能力", "安全", "对齐", "强化学习", "今天", "推理", "算力", "Claude",
            "缩放定律", "扩展定律", "规模法则"]
        var generator = SeededGenerator(state: 11)
        func text(bytes: Int, line: Bool) -> String {
            var parts: [String] = [], size = 0, turn = 0
            while size < bytes {
                var sentence = line ? "" : "**\(turn % 2 == 0 ? "甲" : "乙")：** "
                for _ in 0..<(line ? 1000 : 40) { sentence += words[Int(generator.next() % UInt64(words.count))] }
                parts.append(sentence)
                size += sentence.utf8.count
                turn += 1
            }
            return line ? "**甲：** " + parts.joined() + "\n" : parts.joined(separator: "\n\n") + "\n"
        }
        func seconds(_ arguments: [String]) throws -> Double {
            let started = Date()
            let result = try CLI.run(arguments)
            #expect(result.status == 0 || (arguments[0] == "consistency" && result.status == 1), "\(result.stderr)")
            return Date().timeIntervalSince(started)
        }
        for (bytes, command) in [(4 << 20, ["extract", "--format", "jsonl"]), (1 << 20, ["extract", "--format", "tsv"]), (1 << 20, ["consistency"]), (1 << 20, ["consistency", "--suggest"])] {
            let long = folder.appendingPathComponent("long.md"), short = folder.appendingPathComponent("short.md")
            try Data(text(bytes: bytes, line: true).utf8).write(to: long)
            try Data(text(bytes: bytes, line: false).utf8).write(to: short)
            let ordinary = try seconds(command + [short.path]), oneLine = try seconds(command + [long.path])
            #expect(oneLine < 5 * ordinary + 1, "\(command): \(oneLine) s on one line, \(ordinary) s in ordinary lines")
        }
    }

    @Test("the exit statuses are documented in --help")
    func helpDocumentsExitStatus() throws {
        let help = try CLI.run(["--help"])
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("0 success; 1 not found (lookup) or findings (consistency), as grep and diff use it; 64 usage"))
        #expect(text.contains("73 cannot create output; 74 I/O error"))
    }
}
