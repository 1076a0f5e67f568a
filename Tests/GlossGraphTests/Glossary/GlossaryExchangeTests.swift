import Foundation
import Testing

@testable import GlossGraph
@testable import GlossGraphCounting
@testable import GlossGraphGlossary
@testable import GlossGraphText

@Suite("Exchanging the glossary as TBX, CSV and Markdown")
struct GlossaryExchangeTests {
    static func bundled() throws -> Glossary {
        try Glossary.load(files: GlossaryLocator.files(in: TestPaths.repositoryRoot.appendingPathComponent("Glossary").path))
    }

    @Test("TBX export then import gives back the same glossary, statuses included")
    func tbxRoundTrip() throws {
        let glossary = try Self.bundled()
        let tbx = try GlossaryTBX.format(glossary.concepts)
        let back = try GlossaryTBX.parse(tbx, file: "g.tbx").map(\.concept)
        #expect(back == glossary.concepts)
        #expect(back.contains { $0.deprecated.contains("责任共享计划") })
    }

    @Test("CSV export then import gives back the same glossary")
    func csvRoundTrip() throws {
        let glossary = try Self.bundled()
        let csv = GlossaryCSV.format(glossary.concepts)
        let back = try GlossaryCSV.parse(String(decoding: csv, as: UTF8.self), file: "g.csv").map(\.concept)
        #expect(back == glossary.concepts)
    }

    @Test("CSV quotes commas, quotes and line breaks, and keeps a concept without preferred English")
    func csvEdgeCases() throws {
        let concepts = [
            Concept(id: "a", category: "x", zh: "甲", en: "", enVariants: ["only, a variant"], note: "say \"hi\",\nthen go"),
            Concept(id: "b", category: "y", zh: "", en: "B", abbreviations: ["BB"], deprecated: ["乙"]),
        ]
        let csv = String(decoding: GlossaryCSV.format(concepts), as: UTF8.self)
        #expect(csv.hasPrefix("\u{FEFF}ID,Subject,English,Chinese,Abbreviations,Deprecated,Definition\r\n"))
        #expect(csv.contains("a,x,\"| only, a variant\",甲,,,\"say \"\"hi\"\",\nthen go\"\r\n"))
        let back = try GlossaryCSV.parse(csv, file: "g.csv")
        #expect(back.map(\.concept) == concepts)
        #expect(back.map(\.line) == [2, 4])
    }

    @Test("CSV names are separated by ' | ' only: 'A|B testing' is refused with its line, 'A\\|B testing' is one name, and export escapes it")
    func csvNameSeparator() throws {
        let bare = "ID,Subject,English,Chinese,Abbreviations,Deprecated,Definition\r\nab,idea,A|B testing,,,,\r\n"
        let errors = try #require(throws: GlossGraphErrors.self) { try GlossaryCSV.parse(bare, file: "g.csv") }
        #expect(errors.errors.map(\.description) == [
            "g.csv:2: error: column English of 'ab' has a '|' without a space on each side in 'A|B testing': names are separated by ' | ', and a '|' inside a name is written '\\|'"
        ])
        let concept = Concept(id: "ab", category: "idea", zh: "", en: "A|B testing", enVariants: ["A/B testing"])
        let csv = String(decoding: GlossaryCSV.format([concept]), as: UTF8.self)
        #expect(csv.contains("A\\|B testing | A/B testing"))
        #expect(try GlossaryCSV.parse(csv, file: "g.csv").map(\.concept) == [concept])
    }

    @Test("an unclosed quote in CSV names its line")
    func csvUnclosedQuote() throws {
        let text = "ID,Subject,English,Chinese,Abbreviations,Deprecated,Definition\nx,y,\"open,b,,,\n"
        let errors = try #require(throws: GlossGraphErrors.self) { try GlossaryCSV.parse(text, file: "g.csv") }
        #expect(errors.description == "g.csv:2: error: a quoted cell that starts here is never closed")
    }

    @Test("the TBX is valid TBX-Basic v3 by an independent RELAX NG grammar (xmllint)")
    func tbxValidates() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("glossary.tbx")
        try Data(try GlossaryTBX.format(try Self.bundled().concepts)).write(to: file)
        let xmllint = try runTool(["xmllint", "--noout", "--relaxng", TestPaths.fixture("glossary/tbx-basic-v3.rng"), file.path])
        #expect(xmllint.status == 0, "xmllint (apt libxml2-utils) rejected the TBX or is missing: \(xmllint.stdout)")
    }

    @Test("a TBX from another tool reads: zh-CN, no status, acronyms, foreign ids, other languages left out")
    func foreignTBX() throws {
        let tbx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
              <tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
              <text><body>
                <conceptEntry id="C_17">
                  <descrip type="subjectField">AI safety</descrip>
                  <langSec xml:lang="en-US">
                    <descrip type="definition">Tiers of safeguards.</descrip>
                    <termSec><term>AI Safety Levels</term></termSec>
                    <termSec><term>ASL</term><termNote type="termType">acronym</termNote></termSec>
                  </langSec>
                  <langSec xml:lang="zh-CN">
                    <termSec><term>AI安全级别</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
                    <termSec><term>安全等级</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
                  </langSec>
                  <langSec xml:lang="de"><termSec><term>KI-Sicherheitsstufen</term></termSec></langSec>
                </conceptEntry>
                <conceptEntry id="9"><langSec xml:lang="en"><termSec><term>Nine</term></termSec></langSec></conceptEntry>
              </body></text>
            </tbx>
            """
        let rows = try GlossaryTBX.parse(Array(tbx.utf8), file: "t.tbx")
        #expect(rows.map(\.concept) == [
            Concept(
                id: "c-17", category: "AI safety", zh: "AI安全级别", en: "AI Safety Levels", abbreviations: ["ASL"],
                deprecated: ["安全等级"], note: "Tiers of safeguards."),
            Concept(id: "c-9", category: "uncategorized", zh: "", en: "Nine"),
        ])
        #expect(rows.map(\.line) == [5, 18])
    }

    @Test("malformed XML and a TBX v2 file are clear errors")
    func badTBX() throws {
        let broken = try #require(throws: GlossGraphErrors.self) {
            try GlossaryTBX.parse(Array("<tbx>\n<text>\n</tbx>".utf8), file: "b.tbx")
        }
        #expect(broken.errors[0].location == SourceLocation(file: "b.tbx", line: 3))
        #expect(broken.errors[0].message.hasPrefix("not well-formed XML: "))
        let martif = try #require(throws: GlossGraphErrors.self) {
            try GlossaryTBX.parse(Array("<martif type=\"TBX\"/>".utf8), file: "v2.tbx")
        }
        #expect(martif.description.contains("TBX v2 <martif> files are not read"))
    }

    @Test("Markdown export is a table with escaped pipes and struck-through deprecated names")
    func markdown() {
        let text = String(decoding: GlossaryMarkdown.format([
            Concept(id: "a", category: "x", zh: "甲", en: "A|B", deprecated: ["乙"], note: "n")
        ]), as: UTF8.self)
        #expect(text == """
            | ID | 中文 | English | Abbreviations | Other names | Category | Note |
            | --- | --- | --- | --- | --- | --- | --- |
            | `a` | 甲 | A\\|B |  | ~~乙~~ | x | n |

            """)
    }

    @Test("glossary export and import through the command line, written atomically")
    func commandLineRoundTrip() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tbx = folder.appendingPathComponent("g.tbx").path
        let tsv = folder.appendingPathComponent("g.tsv").path
        let small = TestPaths.fixture("glossary/small.tsv")
        #expect(try CLI.run(["glossary", "export", "-f", "tbx", "-o", tbx, "--glossary", small]).status == 0)
        let imported = try CLI.run(["glossary", "import", tbx, "-o", tsv])
        #expect(imported.status == 0)
        #expect(try Glossary.load(files: [tsv]).concepts == Glossary.load(files: [small]).concepts)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".glossgraph-") }
        #expect(leftovers.isEmpty)
        let unwritable = try CLI.run(["glossary", "export", "-f", "csv", "-o", "/nonexistent/folder/g.csv"])
        #expect(unwritable.status == 73)
        #expect(unwritable.stderr.hasPrefix("error: cannot create a file in '/nonexistent/folder'"))
    }
}
