import Foundation
import Testing

@testable import GlossGraph
@testable import GlossGraphCounting
@testable import GlossGraphGlossary
@testable import GlossGraphText

@Suite("Loading and validating glossaries")
struct GlossaryValidationTests {
    @Test("a valid glossary loads with every name indexed")
    func validGlossary() throws {
        let glossary = try Glossary.load(files: [TestPaths.fixture("glossary/small.tsv")])
        #expect(glossary.concepts.map(\.id) == ["constitutional-ai", "asl-3", "responsible-scaling-policy", "scaling-laws", "claude-3-5-sonnet"])
        let rsp = try #require(glossary.concept(id: "responsible-scaling-policy"))
        #expect(rsp.deprecated == ["责任共享计划", "责任性系统原则"])
        #expect(rsp.abbreviations == ["RSP"])
        #expect(glossary.sources[2] == SourceLocation(file: TestPaths.fixture("glossary/small.tsv"), line: 5))
        #expect(glossary.concept(named: "责任共享计划")?.name.role == .deprecated)
    }

    @Test("every problem in a file is reported in one run, each with its file and line")
    func everyProblem() throws {
        let path = TestPaths.fixture("glossary/bad.tsv")
        let errors = try #require(throws: GlossGraphErrors.self) { try Glossary.load(files: [path]) }
        let lines = errors.errors.map { "\($0.location?.line ?? 0): \($0.message)" }
        #expect(lines == [
            "4: expected 9 tab-separated cells (id, category, zh, en, abbr, zh_variants, en_variants, deprecated, note), found 3",
            "6: empty name in column zh_variants of 'scaling': '规模扩张 |  | 扩展规模' has nothing between two '|' or at an end",
            "7: id 'Bad_ID' must be lowercase ASCII letters, digits and single hyphens, starting with a letter",
            "8: 'no-name' has neither a zh nor an en name; give at least one preferred name",
            "9: 'no-category' has no category",
            "10: column zh of 'two-names' takes one name; put other names in the variants columns",
            "5: duplicate id 'rsp': it is also the id of the concept defined at (\(path):3)",
            "11: name 'rsp' (abbr of 'claims-rsp') is also a name of 'rsp' (abbr 'RSP' (\(path):3))",
        ])
        #expect(errors.errors.allSatisfy { $0.location?.file == path && $0.status == .dataError })
    }

    @Test("names are separated by ' | ' only: a bare '|' is refused with file and line, and '\\|' is a '|' inside a name")
    func nameSeparator() throws {
        let header = GlossaryTSV.columns.joined(separator: "\t")
        let bare = GlossaryTSV.parse("\(header)\nab\tidea\t\tA test\t\t\ta|b pipe\t\t\n", file: "g.tsv")
        #expect(bare.rows.isEmpty)
        #expect(bare.errors.map(\.description) == [
            "g.tsv:2: error: column en_variants of 'ab' has a '|' without a space on each side in 'a|b pipe': names are separated by ' | ', and a '|' inside a name is written '\\|'"
        ])
        let escaped = GlossaryTSV.parse("\(header)\nab\tidea\t\tA\\|B testing\t\t\tA/B testing | split testing\t\t\n", file: "g.tsv")
        #expect(escaped.errors.isEmpty)
        let concept = try #require(escaped.rows.first?.concept)
        #expect(concept.en == "A|B testing" && concept.enVariants == ["A/B testing", "split testing"])
        // Written back, the '|' is escaped again, and reads the same.
        let again = GlossaryTSV.parse(GlossaryTSV.format([concept]), file: "again.tsv")
        #expect(again.errors.isEmpty && again.rows.map(\.concept) == [concept])
    }

    /// Before, a name with an escape character passed the check, and the TBX export dropped
    /// the character: exported and imported again, the name had changed.
    @Test("a control character in a name or note is an error naming the concept and the character; a CSV import is checked alike")
    func controlCharacters() throws {
        let header = GlossaryTSV.columns.joined(separator: "\t")
        let parsed = GlossaryTSV.parse("\(header)\nevil\tidea\t规模\tevil\u{1B}[31mred\t\t\t\t\t\nbell\tidea\t铃\tbell\t\t\t\t\tring\u{7}\n", file: "g.tsv")
        #expect(parsed.rows.isEmpty)
        #expect(parsed.errors.map(\.description) == [
            "g.tsv:2: error: concept 'evil' has a control character (U+001B) in a name or its note; names are text, and termbases cannot hold it",
            "g.tsv:3: error: concept 'bell' has a control character (U+0007) in a name or its note; names are text, and termbases cannot hold it",
        ])
        let csv = "ID,Subject,English,Chinese,Abbreviations,Deprecated,Definition\nx,idea,e\u{9B}x,中,,,\n"
        let errors = try #require(throws: GlossGraphErrors.self) { try GlossaryCSV.parse(csv, file: "g.csv") }
        #expect(errors.description.contains("(U+009B)"))
    }

    @Test("a name two concepts claim is an error naming both, across merged files")
    func claimedAcrossFiles() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let extra = folder.appendingPathComponent("extra.tsv").path
        let header = GlossaryTSV.columns.joined(separator: "\t")
        try "\(header)\nother\tidea\t宪法人工智能\tOther\t\t\t\t\t\n".write(toFile: extra, atomically: true, encoding: .utf8)
        let small = TestPaths.fixture("glossary/small.tsv")
        let errors = try #require(throws: GlossGraphErrors.self) { try Glossary.load(files: [small, extra]) }
        #expect(errors.errors.map(\.description) == [
            "\(extra):2: error: name '宪法人工智能' (zh of 'other') is also a name of 'constitutional-ai' (zh_variants '宪法人工智能' (\(small):3))"
        ])
    }

    @Test("a missing or wrong header row is reported")
    func headers() throws {
        let missing = GlossaryTSV.parse("# only comments\n\n", file: "g.tsv")
        #expect(missing.errors.map(\.description) == [
            "g.tsv: error: no header row; the first line that is not a comment must be: id<TAB>category<TAB>zh<TAB>en<TAB>abbr<TAB>zh_variants<TAB>en_variants<TAB>deprecated<TAB>note"
        ])
        let wrong = GlossaryTSV.parse("id\tzh\ten\n", file: "g.tsv")
        #expect(wrong.errors.first?.location?.line == 1)
        #expect(wrong.errors.first?.message.hasPrefix("the header row must be the columns id, category") == true)
    }

    @Test("names that differ only by the matching rules are one name")
    func sameNameUnderRules() {
        let duplicate = Concept(id: "b", category: "x", zh: "", en: "ＡＳＬ－３")
        let original = Concept(id: "a", category: "x", zh: "", en: "ASL 3")
        #expect(throws: GlossGraphErrors.self) { try Glossary(concepts: [original, duplicate]) }
    }

    @Test("invalid UTF-8 in a glossary names the line")
    func invalidUTF8() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("g.tsv").path
        let bytes = Array("id\tcategory\tzh\ten\tabbr\tzh_variants\ten_variants\tdeprecated\tnote\nx\ty\t".utf8) + [0xC3, 0x28]
        _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
        let errors = try #require(throws: GlossGraphErrors.self) { try Glossary.load(files: [file]) }
        #expect(errors.errors.map(\.description) == ["\(file):2: error: invalid UTF-8 at byte offset 67; glossary files must be UTF-8"])
    }

    @Test("the bundled glossary is valid and large")
    func bundledGlossary() throws {
        let glossary = try Glossary.load(files: GlossaryLocator.files(in: TestPaths.repositoryRoot.appendingPathComponent("Glossary").path))
        #expect(glossary.concepts.count > 100)
        for id in ["responsible-scaling-policy", "constitutional-ai", "mechanistic-interpretability", "asl-3", "scaling-laws", "rlhf"] {
            #expect(glossary.concept(id: id) != nil, "\(id)")
        }
    }
}

@Suite("Name matching rules")
struct NameKeyTests {
    @Test(
        "equal names",
        arguments: [
            ("ASL-3", "ASL 3"), ("ASL-3", "asl3"), ("ＡＳＬ－３", "ASL-3"), ("ASL三级", "ASL 三级"),
            ("憲法AI", "宪法AI"), ("RLHF", "rlhf"), ("SWE-bench", "SWE bench"), ("GPT‑4", "gpt4"),
            ("Claude  3.5\u{200B} Sonnet", "claude 3.5 sonnet"), ("负责任扩展策略", "負責任擴展策略"),
            // ICU reads some Traditional characters by their neighbours.
            ("深沈", "深沉"), ("乾淨", "干净"),
        ])
    func equal(_ first: String, _ second: String) {
        #expect(NameKey.key(first) == NameKey.key(second))
    }

    @Test(
        "different names",
        arguments: [
            ("ASL-3", "ASL-4"), ("RSP", "RSPX"), ("Claude 3.5", "Claude 3-5"), ("宪法AI", "宪法人工智能"), ("SWE-bench", "SWEbench"),
            ("著作", "着作"), ("乾坤", "干坤"),
        ])
    func different(_ first: String, _ second: String) {
        #expect(NameKey.key(first) != NameKey.key(second))
    }

    @Test("the shortcuts past NFKC and the white space property give what they stand for")
    func shortcutsAgree() {
        let normal = (UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init).filter { NameKey.isCompatibilityNormal(String($0)) }
        #expect(normal.count > 27_000)
        let text = String(String.UnicodeScalarView(normal))
        #expect(text.precomposedStringWithCompatibilityMapping.unicodeScalars.elementsEqual(text.unicodeScalars))
        let disagreeing = (UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init).filter { NameKey.isWhitespace($0) != $0.properties.isWhitespace }
        #expect(disagreeing.isEmpty, "\(disagreeing.prefix(5))")
        #expect(NameKey.key("ＡＳＬ－３") == NameKey.key("ASL-3"))
    }
}
