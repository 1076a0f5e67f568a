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
        var notices: [Notice] = []
        let back = try GlossaryTBX.parse(tbx, file: "g.tbx", notices: &notices).map(\.concept)
        #expect(back == glossary.concepts)
        #expect(notices.isEmpty)
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

    /// Before, a row of millions of empty cells took 27 times the file's size in memory (and a
    /// row of 150 million crashed), and a TSV row of millions of tabs made a cell for each.
    @Test("a CSV record or glossary row of a million cells is refused, naming its line and the count, without making the cells")
    func rowsOfManyCells() throws {
        let csv = "ID,Subject,English,Chinese,Abbreviations,Deprecated,Definition\nx,idea,e,中" + String(repeating: ",", count: 1_000_000) + "\n"
        let errors = try #require(throws: GlossGraphErrors.self) { try GlossaryCSV.parse(csv, file: "g.csv") }
        #expect(errors.description == "g.csv:2: error: a row of more than 256 cells; a termbase has a dozen columns")
        let header = GlossaryTSV.columns.joined(separator: "\t")
        let tsv = GlossaryTSV.parse(header + "\nx\tidea\t中\te" + String(repeating: "\t", count: 1_000_000) + "\n", file: "g.tsv")
        #expect(tsv.rows.isEmpty)
        #expect(tsv.errors.map(\.description).first?.hasSuffix("found 1000004") == true, "\(tsv.errors.map(\.description))")
        // Names are counted before a cell is split.
        let names = (0..<5000).map { "v\($0)" }.joined(separator: " | ")
        let crowded = GlossaryTSV.parse(header + "\nx\tidea\t中\te\t\t\t\(names)\t\t\n", file: "g.tsv")
        #expect(crowded.rows.isEmpty && crowded.errors.map(\.description) == ["g.tsv:2: error: column en_variants of 'x' holds 1000 names or more; a concept has a handful"])
    }

    /// Before, libxml2's pairwise check of a tag's attributes took 11 s for 40,000 and more
    /// than a minute for 200,000 (a 2.4 MB file).
    @Test("a TBX tag with thousands of attributes is refused at once, naming its line; '=' in comments and CDATA counts for nothing")
    func tbxManyAttributes() throws {
        let attributes = (0..<50_000).map { "a\($0)=\"x\"" }.joined(separator: " ")
        var notices: [Notice] = []
        let started = Date()
        let errors = try #require(throws: GlossGraphErrors.self) {
            try GlossaryTBX.parse(Array("<?xml version=\"1.0\"?>\n<tbx \(attributes)><text><body/></text></tbx>".utf8), file: "w.tbx", notices: &notices)
        }
        #expect(errors.description == "w.tbx:2: error: a tag with more than 1000 attributes; a termbase's elements have a few")
        #expect(Date().timeIntervalSince(started) < 5)
        let concept = Concept(id: "x", category: "idea", zh: "规模定律", en: "scaling law")
        var tbx = String(decoding: try GlossaryTBX.format([concept]), as: UTF8.self)
        let separator = String(repeating: "=", count: 5000)
        tbx = tbx.replacingOccurrences(of: "<text>", with: "<!-- \(separator) --><text><![CDATA[\(separator)]]>")
        #expect(try GlossaryTBX.parse(Array(tbx.utf8), file: "c.tbx", notices: &notices).map(\.concept) == [concept])
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
        var ignored: [Notice] = []
        let rows = try GlossaryTBX.parse(Array(tbx.utf8), file: "t.tbx", notices: &ignored)
        #expect(rows.map(\.concept) == [
            Concept(
                id: "c-17", category: "AI safety", zh: "AI安全级别", en: "AI Safety Levels", abbreviations: ["ASL"],
                deprecated: ["安全等级"], note: "Tiers of safeguards."),
            Concept(id: "c-9", category: "uncategorized", zh: "", en: "Nine"),
        ])
        #expect(rows.map(\.line) == [5, 18])
        #expect(ignored.map(\.description) == ["t.tbx:5: note: conceptEntry 'C_17': langSec 'de' (1 term) left out; only English and Chinese are read"])
    }

    @Test(
        "language tags are read as BCP 47",
        arguments: [
            ("en", "english", nil, nil), ("en_US", "english", nil, "US"), ("EN-gb", "english", nil, "GB"), ("eng", "english", nil, nil),
            ("zh", "chinese", nil, nil), ("zh_CN", "chinese", nil, "CN"), ("cmn-Hans", "chinese", "Hans", nil),
            ("zh-cmn-Hant-TW", "chinese", "Hant", "TW"), ("ZH-hant", "chinese", "Hant", nil), ("zho", "chinese", nil, nil),
            ("zh-419", "chinese", nil, "419"), ("fr-CA", "other fr", nil, "CA"), ("", "other ", nil, nil),
        ] as [(String, String, String?, String?)])
    func languageTags(_ text: String, _ language: String, _ script: String?, _ region: String?) {
        let tag = LanguageTag(text)
        let name = switch tag.language {
        case .english: "english"
        case .chinese: "chinese"
        case .other(let code): "other \(code)"
        }
        #expect(name == language && tag.script == script && tag.region == region)
        #expect(LanguageTag("zh_TW").isTraditionalChinese && LanguageTag("zh-Hant-CN").isTraditionalChinese && !LanguageTag("zh-SG").isTraditionalChinese)
    }

    /// Before, a langSec tagged `en_US` or `zh_CN` was dropped without a word, and an entry
    /// with both lost the whole concept.
    @Test("a TBX with en_US, zh_CN, cmn-Hans and zh-TW keeps every term, and says what it leaves out, naming the entry")
    func tbxLanguageTags() throws {
        let tbx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
              <text><body>
                <conceptEntry id="dc">
                  <langSec xml:lang="en_US"><termSec><term>data center</term></termSec></langSec>
                  <langSec xml:lang="zh-TW"><termSec><term>資料中心</term></termSec></langSec>
                  <langSec xml:lang="zh_CN"><termSec><term>数据中心</term></termSec></langSec>
                  <langSec xml:lang="fr"><termSec><term>centre de données</term></termSec></langSec>
                </conceptEntry>
                <conceptEntry id="algo">
                  <langSec xml:lang="cmn-Hans"><termSec><term>算法</term>
                    <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec></langSec>
                </conceptEntry>
                <conceptEntry id="de-only"><langSec xml:lang="de"><termSec><term>Algorithmus</term></termSec></langSec></conceptEntry>
              </body></text>
            </tbx>
            """
        var notices: [Notice] = []
        let rows = try GlossaryTBX.parse(Array(tbx.utf8), file: "t.tbx", notices: &notices)
        var dataCenter = Concept(id: "dc", category: "uncategorized", zh: "数据中心", en: "data center", zhVariants: ["資料中心"])
        dataCenter.nameTags = ["資料中心": "zh-TW"]
        #expect(rows.map(\.concept) == [dataCenter, Concept(id: "algo", category: "uncategorized", zh: "算法", en: "")])
        #expect(notices.map(\.description) == [
            "t.tbx:4: note: conceptEntry 'dc': langSec 'fr' (1 term) left out; only English and Chinese are read",
            "t.tbx:10: note: conceptEntry 'algo' has no preferred English or Chinese term; '算法' taken as preferred",
            "t.tbx:14: note: conceptEntry 'de-only': langSec 'de' (1 term) left out; only English and Chinese are read",
            "t.tbx:14: note: conceptEntry 'de-only' has no English or Chinese term; left out",
        ])
    }

    /// Before, the Taiwan term went into the zh column, meant for the Simplified name.
    @Test("an entry with only a Taiwan term gets its Simplified name from OpenCC, and keeps the Taiwan one tagged")
    func regionalOnlyEntry() throws {
        let tbx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
            <conceptEntry id="fab"><langSec xml:lang="en"><termSec><term>foundry</term></termSec></langSec>
            <langSec xml:lang="zh-TW"><termSec><term>晶圓廠</term></termSec></langSec></conceptEntry>
            </body></text></tbx>
            """
        var notices: [Notice] = []
        let concept = try #require(try GlossaryTBX.parse(Array(tbx.utf8), file: "t.tbx", notices: &notices).first?.concept)
        #expect(concept.zh == "晶圆厂" && concept.zhVariants == ["晶圓廠"] && concept.nameTags == ["晶圓廠": "zh-TW"])
        #expect(notices.map(\.description) == ["t.tbx:3: note: conceptEntry 'fab' has no Simplified Chinese term; '晶圆厂' (OpenCC's tw2sp of '晶圓廠') taken as preferred"])
    }

    /// A glossary discovered from Taiwan's text holds Traditional names untagged (a new user's
    /// tea lecture): TBX had them as zh-Hans.
    @Test("an untagged name in Traditional characters goes to TBX as zh-Hant, a Simplified one as zh-Hans")
    func untaggedTraditionalNames() throws {
        var concept = Concept(id: "maillard-reaction", category: "new", zh: "梅納反應", en: "Maillard reaction", note: "")
        concept.zhVariants = ["美拉德反应"]
        let text = String(decoding: try GlossaryTBX.format([concept]), as: UTF8.self)
        let hant = try #require(text.range(of: "<langSec xml:lang=\"zh-Hant\">"))
        let hans = try #require(text.range(of: "<langSec xml:lang=\"zh-Hans\">"))
        #expect(text[hant.upperBound...].prefix(200).contains("梅納反應") && text[hans.upperBound...].prefix(200).contains("美拉德反应"), "\(text)")
        #expect(!text[hans.upperBound...].prefix(200).contains("梅納反應"), "\(text)")
    }

    /// A name written for another script or region carries its tag (`資料中心 @zh-TW`) in the
    /// glossary, in CSV, and as its own TBX langSec, and comes back from each.
    @Test("names tagged zh-TW, zh-HK and zh-Hant keep their tags through TSV, CSV and TBX")
    func taggedNames() throws {
        let header = GlossaryTSV.columns.joined(separator: "\t")
        let row = "data-center\thardware\t数据中心\tdata center\t\t資料中心 @zh-TW | 數據中心 @zh_hk | 资料中心\t\t資料中樞 @zh-TW\tA building."
        let (rows, errors) = GlossaryTSV.parse(header + "\n" + row + "\n", file: "g.tsv")
        #expect(errors.isEmpty)
        let concept = try #require(rows.first?.concept)
        #expect(concept.zhVariants == ["資料中心", "數據中心", "资料中心"])
        #expect(concept.nameTags == ["資料中心": "zh-TW", "數據中心": "zh-HK", "資料中樞": "zh-TW"])
        #expect(concept.chineseName(for: "zh-TW") == "資料中心" && concept.chineseName(for: "zh-Hant") == nil)
        #expect(GlossaryTSV.format([concept]).contains("資料中心 @zh-TW | 數據中心 @zh-HK | 资料中心\t\t資料中樞 @zh-TW\t"))
        var notices: [Notice] = []
        let tbx = try GlossaryTBX.format([concept])
        let text = String(decoding: tbx, as: UTF8.self)
        #expect(text.contains("<langSec xml:lang=\"zh-TW\">\n          <termSec>\n            <term>資料中心</term>\n            <termNote type=\"termType\">variant</termNote>\n            <termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote>"), "\(text)")
        let back = try GlossaryTBX.parse(tbx, file: "g.tbx", notices: &notices).map(\.concept)
        #expect(back.first?.nameTags == concept.nameTags)
        #expect(Set(back.first?.zhVariants ?? []) == Set(concept.zhVariants))
        let csv = try GlossaryCSV.parse(String(decoding: GlossaryCSV.format([concept]), as: UTF8.self), file: "g.csv").map(\.concept)
        #expect(csv == [concept])
        let bad = GlossaryTSV.parse(header + "\n" + row.replacingOccurrences(of: "@zh_hk", with: "@fr") + "\n", file: "g.tsv").errors
        #expect(bad.map(\.description) == ["g.tsv:2: error: name '數據中心' of 'data-center' is tagged '@fr'; a Chinese name written for another script or region is tagged @zh-Hant, @zh-TW, @zh-HK or @zh-MO"])
    }

    /// Before, such rows were written, and then every command refused the glossary; GBK bytes
    /// were read as U+FFFD with exit 0.
    @Test("import refuses a row with no preferred name and bytes that are not UTF-8, with file and line, and writes nothing")
    func importValidates() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = "ID,Subject,English,Chinese,Abbreviations,Deprecated,Definition\r\n"
        try Data((header + "ok,idea,scaling law,规模定律,,,\r\nbad,idea,| scaling laws,| 缩放定律,,,\r\n").utf8)
            .write(to: folder.appendingPathComponent("variants.csv"))
        let variants = try CLI.run(["glossary", "import", "variants.csv", "-o", "out.tsv"], in: folder)
        #expect(variants.status == 65)
        #expect(variants.stderr == "variants.csv:3: error: 'bad' has neither a zh nor an en name; give at least one preferred name\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.tsv").path))

        let gbk = try #require((header + "dc,idea,data center,数据中心,,,\r\n").data(using: String.Encoding(rawValue: 0x8000_0632)))
        try gbk.write(to: folder.appendingPathComponent("gbk.csv"))
        let refused = try CLI.run(["glossary", "import", "gbk.csv"], in: folder)
        #expect(refused.status == 65)
        #expect(refused.stderr.hasPrefix("gbk.csv:2: error: invalid UTF-8 at byte offset 84;"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--encoding"))
        let read = try CLI.run(["glossary", "import", "--encoding", "gb18030", "gbk.csv"], in: folder)
        #expect(read.status == 0)
        #expect(read.stdout.contains("dc\tidea\t数据中心\tdata center\t"))
        let unknown = try CLI.run(["glossary", "import", "--encoding", "no-such-encoding", "gbk.csv"], in: folder)
        #expect(unknown.status == 64)
        // Before, iconv's failure was never seen (its -1 compared with size_t.max): a byte
        // invalid in the encoding, or a cut UTF-7 run, lost the rest of the cell silently.
        try (gbk + Data("x,idea,X thing,".utf8) + Data([0x81, 0x20]) + Data("abc,,,\r\n".utf8)).write(to: folder.appendingPathComponent("bad-gbk.csv"))
        let invalid = try CLI.run(["glossary", "import", "--encoding", "gb18030", "bad-gbk.csv"], in: folder)
        #expect(invalid.status == 65 && invalid.stderr.hasPrefix("bad-gbk.csv:3: error: byte offset \(gbk.count + 15) is not valid gb18030 text"), "\(invalid.stderr)")
        // A cell past a MiB is refused at once, not read into gigabytes.
        try Data((header + "x,idea,X thing,规模,,," + String(repeating: "a", count: 3 << 20) + "\r\n").utf8).write(to: folder.appendingPathComponent("huge.csv"))
        let huge = try CLI.run(["glossary", "import", "huge.csv"], in: folder)
        #expect(huge.status == 65 && huge.stderr == "huge.csv:2: error: a cell or text of more than 1024 KiB; a term list or definition is far shorter\n", "\(huge.stderr)")
        // glibc drops a `+` that starts no base64 run; RFC 2152 writes a plain one as `+-`.
        try Data((header + "x,idea,C+ D,规模,,,\r\n").utf8).write(to: folder.appendingPathComponent("plus7.csv"))
        let plus = try CLI.run(["glossary", "import", "--encoding", "utf-7", "plus7.csv"], in: folder)
        #expect(plus.status == 65 && plus.stderr.contains("plus7.csv:2: error: byte offset \(header.utf8.count + 8) is not valid utf-7 text"), "\(plus.stderr)")
        // UTF-16 without a byte-order mark, its encoding named, is text, not binary data.
        var utf16 = Data()
        for unit in (header + "x,idea,X thing,规模,,,\r\n").utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        try utf16.write(to: folder.appendingPathComponent("utf16le.csv"))
        let wide = try CLI.run(["glossary", "import", "--encoding", "utf-16le", "utf16le.csv"], in: folder)
        #expect(wide.status == 0 && wide.stdout.contains("x\tidea\t规模\tX thing"), "\(wide.stderr)")
        try Data((header + "x,idea,X thing,+icRqIQ,,,\r\n").utf8).write(to: folder.appendingPathComponent("utf7.csv"))
        let utf7 = try CLI.run(["glossary", "import", "--encoding", "utf-7", "utf7.csv"], in: folder)
        #expect(utf7.status == 0 && utf7.stdout.contains("x\tidea\t规模\tX thing"), "\(utf7.stderr)")
    }

    @Test("malformed XML and a TBX v2 file are clear errors")
    func badTBX() throws {
        var ignored: [Notice] = []
        let broken = try #require(throws: GlossGraphErrors.self) {
            try GlossaryTBX.parse(Array("<tbx>\n<text>\n</tbx>".utf8), file: "b.tbx", notices: &ignored)
        }
        #expect(broken.errors[0].location == SourceLocation(file: "b.tbx", line: 3))
        #expect(broken.errors[0].message.hasPrefix("not well-formed XML: "))
        let martif = try #require(throws: GlossGraphErrors.self) {
            try GlossaryTBX.parse(Array("<martif type=\"TBX\"/>".utf8), file: "v2.tbx", notices: &ignored)
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
