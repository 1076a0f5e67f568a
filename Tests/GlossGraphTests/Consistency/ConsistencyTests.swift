import Foundation
import Testing

@testable import GlossGraph
@testable import GlossGraphGlossary
@testable import GlossGraphReading
@testable import GlossGraphText

@Suite("Terminology consistency")
struct ConsistencyTests {
    static let glossary = try! Glossary.load(files: [TestPaths.fixture("glossary/small.tsv")])

    static func findings(_ fixture: String) throws -> [ConsistencyFinding] {
        let transcript = try TranscriptReader.read(contentsOf: TestPaths.fixture(fixture))
        return ConsistencyChecker(glossary: glossary).findings([transcript])
    }

    @Test("each kind of finding, deprecated names first")
    func findingKinds() throws {
        let findings = try Self.findings("consistency/drift.md")
        #expect(findings.map { "\($0.kind.rawValue) \($0.concept.id)" } == [
            "deprecated responsible-scaling-policy",
            "chinese-variants scaling-laws",
            "chinese-variants responsible-scaling-policy",
            "untranslated constitutional-ai",
        ])
        let deprecated = findings[0]
        #expect(deprecated.preferred == "负责任扩展策略")
        #expect(deprecated.usages.map(\.name.text) == ["责任共享计划"])
        #expect(deprecated.usages[0].uses.map { "\($0.line):\($0.column)" } == ["3:13"])
        #expect(deprecated.usages[0].replacement == "负责任扩展策略")
        #expect(findings[1].usages.map { "\($0.name.text) \($0.uses.count) \($0.replacement ?? "-")" } == ["规模定律 2 -", "缩放规律 1 规模定律"])
        #expect(findings[2].usages.map { "\($0.name.text) \($0.uses.count)" } == ["负责任扩展策略 1", "负责任扩展计划 1"])
        #expect(findings[3].preferred == "宪法AI")
        #expect(findings[3].usages.allSatisfy { $0.replacement == nil })
    }

    static let bundled = try! GlossaryExchangeTests.bundled()

    static func findings(in text: String, englishVariants: Bool = false) throws -> [ConsistencyFinding] {
        let transcript = try TranscriptReader.read(bytes: Array(text.utf8), file: "t.md", options: ReadingOptions())
        return ConsistencyChecker(glossary: bundled, checksEnglishVariants: englishVariants).findings([transcript])
    }

    /// Each text was a false finding or a damaging replacement before: product names kept in
    /// Latin script in Chinese text, a shorter name in its general sense, inflected preferred
    /// names, abbreviations and their plurals in English text.
    @Test(
        "customary Latin names, general short forms, plurals and abbreviations are not findings",
        arguments: [
            "随着GPT、Claude等大语言模型的发展，竞争越来越激烈。",
            "它更像一个助手而不是语言模型。",
            "Do the scaling laws still hold? Everyone says the frontier models keep improving.",
            "LLMs need GPUs, and more GPUs every year.",
            "Anthropic和OpenAI都在训练大语言模型。",
        ])
    func notFindings(_ text: String) throws {
        let findings = try Self.findings(in: text, englishVariants: true)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    /// Each of these variants was replaced by a fresh user's trial and changed the meaning:
    /// 编码 beside "encoding", 医疗 (an everyday word), 多模态 (a narrower term than 模态).
    @Test("a variant that may mean something else is reported but kept; one the English beside it names is replaced")
    func keptVariants() throws {
        let text = """
            Host: The text uses UTF-8 encoding, and the model is multimodal.
            主持人：这段文字使用UTF-8编码，而且这个模型是多模态的。

            Guest: Healthcare costs keep rising. Our engineers write code every day.
            嘉宾：医疗费用不断上涨。我们的工程师每天写代码。
            """
        let findings = try Self.findings(in: text)
        let usages = findings.flatMap(\.usages).map { "\($0.name.text) \($0.replacement ?? "kept: " + ($0.keptBecause ?? "-"))" }.sorted()
        #expect(usages == [
            "写代码 编程", "医疗 kept: an everyday word, which may mean something else",
            "多模态 kept: the preferred name with a word before it, which may name something narrower",
            "编码 kept: the English beside it does not name the concept",
        ])
        // Without English beside it, a common word is kept; a rare rendering is replaced.
        let monolingual = try Self.findings(in: "这段文字有UTF-8编码错误，我们讨论缩放定律。")
        let kept = monolingual.flatMap(\.usages).map { "\($0.name.text) \($0.replacement ?? "kept: " + ($0.keptBecause ?? "-"))" }.sorted()
        #expect(kept == ["编码 kept: a common word, which may mean something else, and no English beside it to tell", "缩放定律 规模定律"])
        // Kept names are for review: they do not fail the check.
        #expect(try Self.findings(in: "这段文字有UTF-8编码错误。").allSatisfy { !$0.needsAction })
    }

    /// A trial's `--suggest` diff wrote `接下来是剖层，我们也叫剖层` and made 剖层机 of 片皮机:
    /// it replaced the variant in the sentence that states it and inside a longer name.
    @Test("a variant inside a longer name the text uses, or in a sentence naming the concept by another name, is kept")
    func variantsKeptInLongerNamesAndStatements() throws {
        let text = "缩放定律曲线很重要，缩放定律曲线也很难画。我们讨论规模定律，也叫缩放定律。后来缩放定律失效了。"
        let usages = try Self.findings(in: text).flatMap(\.usages).filter { $0.name.text == "缩放定律" }
        let described = usages.map { "\($0.uses.count) \($0.replacement ?? "kept: " + ($0.keptBecause ?? "-"))" }.sorted()
        #expect(described == [
            "1 kept: in a sentence that names the concept by another name too", "1 规模定律",
            "2 kept: part of a longer name the text uses (缩放定律曲线)",
        ])
    }

    /// `--suggest` counted each longer name by scanning the whole transcript once per use, so a
    /// transcript of a megabyte took minutes; the index answers the same counts.
    @Test("a name's neighbours are counted as a scan of the text counts them")
    func nameContextsCountAsAScan() {
        var generator = SeededGenerator(state: 5)
        let pieces = ["缩放定律", "曲线", "图", "的", "新", "。", "A", "缩放"]
        var text = ""
        for _ in 0..<3000 { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
        let bytes = Array(text.utf8), name = Array("缩放定律".utf8)
        let contexts = ConsistencyChecker.NameContexts(of: name, in: bytes)
        // Suffixes of at most six characters, none of which can make occurrences overlap.
        for suffix in ["曲", "曲线", "曲线图", "图的新", "的", "新图", "。", "X", "图图图图图图"] {
            #expect(contexts.followed(by: Array(suffix.utf8)) == GlossMiner.occurrences(of: "缩放定律" + suffix, in: bytes), "\(suffix)")
        }
        for before in ["新", "图", "的", "放"] {
            #expect(contexts.preceded(by: Array(before.utf8)) == GlossMiner.occurrences(of: before + "缩放定律", in: bytes), "\(before)")
        }
    }

    /// Before, a term translated in one file excused its English left in another.
    @Test("each file is checked on its own")
    func filesApart() throws {
        let english = try TranscriptReader.read(bytes: Array("我们做了 red teaming。".utf8), file: "a.md", options: ReadingOptions())
        let chinese = try TranscriptReader.read(bytes: Array("我们做了红队测试。".utf8), file: "b.md", options: ReadingOptions())
        let findings = ConsistencyChecker(glossary: Self.bundled).findings([english, chinese])
        #expect(findings.map { "\($0.kind.rawValue) \($0.concept.id)" } == ["untranslated red-teaming"])
    }

    @Test("English left in Chinese text is reported when the concept must be translated, and never replaced")
    func untranslated() throws {
        let findings = try Self.findings(in: "我们今天聊 frontier AI 实验室的 scaling laws。")
        #expect(findings.map { "\($0.kind.rawValue) \($0.concept.id)" }.sorted() == ["untranslated frontier-model", "untranslated scaling-laws"])
        #expect(findings.allSatisfy { $0.usages.allSatisfy { $0.replacement == nil } })
        // The same names in an English sentence are the source text's, not findings.
        #expect(try Self.findings(in: "Frontier AI labs talk about scaling laws.").isEmpty)
    }

    @Test("with --english-variants, an English variant in English text is replaced by the preferred English name; a plural is not")
    func englishVariants() throws {
        let findings = try Self.findings(in: "Neural scaling laws hold. The scaling laws keep holding.", englishVariants: true)
        let finding = try #require(findings.first)
        #expect(findings.count == 1 && finding.kind == .englishVariants)
        #expect(finding.usages.map { "\($0.name.text) \($0.replacement ?? "-")" }.sorted() == ["neural scaling laws scaling law", "scaling law -"])
    }

    /// Before, a Traditional translation was checked against the Simplified names, which it
    /// never uses, and a Simplified name in it went unnoticed.
    @Test("a Traditional text is checked against the Traditional names, and a name in the other script is a finding of its own")
    func traditionalText() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "**甲：** 我們談談規模定律。縮放規律也有人說。\n\n**乙：** 规模定律很重要，負責任擴展策略也是。\n\n**甲：** 有人叫它責任共享計劃。\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("trad.md"))
        let transcript = try TranscriptReader.read(bytes: Array(text.utf8), file: "trad.md", options: ReadingOptions())
        #expect(ConsistencyChecker.detectScript(of: transcript) == .hant)
        let findings = ConsistencyChecker(glossary: Self.glossary).findings([transcript])
        #expect(findings.map { "\($0.kind.rawValue) \($0.concept.id) \($0.preferred)" } == [
            "deprecated responsible-scaling-policy 負責任擴展策略",
            "mixed-scripts scaling-laws 規模定律",
            "chinese-variants scaling-laws 規模定律",
        ])
        let mixed = findings[1].usages.flatMap { $0.uses.map(\.text) }
        #expect(mixed == ["规模定律"])
        let small = ConsistencyCommandTests.small
        let diff = try CLI.run(["consistency", "--suggest", "--glossary", small, "trad.md"], in: folder)
        #expect(diff.stdout.contains("+**甲：** 我們談談規模定律。規模定律也有人說。\n"))
        #expect(diff.stdout.contains("+**乙：** 規模定律很重要，負責任擴展策略也是。\n"))
        #expect(diff.stdout.contains("+**甲：** 有人叫它負責任擴展策略。\n"))
        try Data(diff.stdout.utf8).write(to: folder.appendingPathComponent("fix.diff"))
        #expect(try runTool(["patch", "-p1", "-i", "fix.diff"], in: folder).status == 0)
        #expect(try CLI.run(["consistency", "--glossary", small, "trad.md"], in: folder).status == 0)
        // Checked for Taiwan, a name the glossary tags for Hong Kong is a variant.
        var regional = Concept(id: "data-center", category: "hardware", zh: "数据中心", en: "data center", zhVariants: ["資料中心", "數據中心"])
        regional.nameTags = ["資料中心": "zh-TW", "數據中心": "zh-HK"]
        let hongKongInTaiwan = try TranscriptReader.read(bytes: Array("我們的資料中心很大。數據中心也在擴建。".utf8), file: "tw.md", options: ReadingOptions())
        let taiwan = ConsistencyChecker(glossary: try Glossary(concepts: [regional]), script: .tw).findings([hongKongInTaiwan])
        let changes = taiwan.flatMap(\.usages).compactMap { usage in usage.replacement.map { "\(usage.name.text) → \($0)" } }
        #expect(changes == ["數據中心 → 資料中心"])
        // A Traditional name in a Simplified text is the same kind of finding.
        let simplified = try TranscriptReader.read(bytes: Array("我们谈谈規模定律。".utf8), file: "s.md", options: ReadingOptions())
        #expect(ConsistencyChecker(glossary: Self.glossary).findings([simplified]).map(\.kind) == [.mixedScripts])
    }

    @Test("the glossary's translate column overrides the category's default")
    func translateColumn() throws {
        let header = (GlossaryTSV.columns + ["translate"]).joined(separator: "\t")
        let text = header + "\nclaude\tmodel\t克劳德\tClaude\t\t\t\t\t\tyes\ngpt\tmodel\tGPT系列\tGPT\t\t\t\t\t\t\n"
        let (rows, errors) = GlossaryTSV.parse(text, file: "g.tsv")
        #expect(errors.isEmpty)
        let glossary = try Glossary(concepts: rows.map(\.concept))
        let transcript = try TranscriptReader.read(bytes: Array("我们用Claude和GPT做了对比实验。".utf8), file: "t.md", options: ReadingOptions())
        let findings = ConsistencyChecker(glossary: glossary).findings([transcript])
        #expect(findings.map { "\($0.kind.rawValue) \($0.concept.id)" } == ["untranslated claude"])
        let bad = GlossaryTSV.parse(header + "\nclaude\tmodel\t克劳德\tClaude\t\t\t\t\t\tmaybe\n", file: "g.tsv").errors
        #expect(bad.map(\.description) == ["g.tsv:2: error: column translate of 'claude' holds 'maybe'; write yes (the English name must be translated in Chinese text), no (it may stay in Latin script), or leave it empty (by category)"])
        #expect(GlossaryTSV.format(rows.map(\.concept)).hasPrefix(header + "\n"))
    }

    @Test("a clean text has no findings; abbreviations are not variants")
    func clean() throws {
        #expect(try Self.findings("consistency/clean.md").isEmpty)
    }

    @Test("the TBX export keeps every name's status, and importing it gives them back")
    func tbxStatuses() throws {
        let tbx = String(decoding: try GlossaryTBX.format(Self.glossary.concepts), as: UTF8.self)
        #expect(tbx.contains("<term>责任共享计划</term>\n            <termNote type=\"termType\">variant</termNote>\n            <termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>"))
        var ignored: [Notice] = []
        let back = try GlossaryTBX.parse(Array(tbx.utf8), file: "g.tbx", notices: &ignored).map(\.concept)
        for (original, imported) in zip(Self.glossary.concepts, back) {
            #expect(original.names.map { "\($0.text) \($0.role.status)" } == imported.names.map { "\($0.text) \($0.role.status)" })
        }
    }
}

@Suite("glossgraph consistency, run as a user runs it")
struct ConsistencyCommandTests {
    static let small = TestPaths.fixture("glossary/small.tsv")

    @Test("exit 1 with findings (as diff and grep), 0 when clean; every report format")
    func formatsAndExitCodes() throws {
        let drift = TestPaths.fixture("consistency/drift.md")
        let text = try CLI.run(["consistency", "--glossary", Self.small, drift])
        #expect(text.status == 1)
        #expect(text.stdout.hasPrefix("Deprecated renderings (1)\n"))
        #expect(text.stdout.contains("4 findings: 1 deprecated, 2 chinese-variants, 1 untranslated"))
        let markdown = try CLI.run(["consistency", "-f", "md", "--glossary", Self.small, drift])
        #expect(markdown.status == 1)
        #expect(markdown.stdout.contains("- [ ] **负责任扩展策略 / Responsible Scaling Policy** (`responsible-scaling-policy`, deprecated)"))
        let json = try CLI.run(["consistency", "-f", "json", "--glossary", Self.small, drift])
        let array = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 4)
        #expect(array[0]["kind"] as? String == "deprecated" && array[0]["preferred"] as? String == "负责任扩展策略")
        let tsv = try CLI.run(["consistency", "-f", "tsv", "--glossary", Self.small, drift])
        #expect(tsv.stdout.hasPrefix("kind\tid\tname\trole\tpreferred\treplacement\tfile\tturn\tline\tcolumn\ttext\n"))
        let clean = try CLI.run(["consistency", "--glossary", Self.small, TestPaths.fixture("consistency/clean.md")])
        #expect(clean.status == 0)
        #expect(clean.stdout == "No terminology problems found.\n")
    }

    @Test("--suggest prints a unified diff that patch applies; the input file is not changed")
    func suggestions() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("consistency/drift.md")))
        let copy = folder.appendingPathComponent("drift.md")
        try original.write(to: copy)
        let result = try CLI.run(["consistency", "--suggest", "--glossary", Self.small, "drift.md"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("--- a/drift.md\n+++ b/drift.md\n@@ -1,5 +1,5 @@\n"))
        #expect(result.stdout.contains("+**乙：** 有人把它叫负责任扩展策略，这不对。规模定律很重要。规模定律也常被人提起。\n"))
        #expect(try Data(contentsOf: copy) == original)
        let diff = folder.appendingPathComponent("fix.diff")
        try Data(result.stdout.utf8).write(to: diff)
        let patch = try runTool(["patch", "-p1", "-i", diff.path], in: folder)
        #expect(patch.status == 0, "\(patch.stdout)")
        // After the fix, only what a replacement cannot settle is left.
        let after = try CLI.run(["consistency", "-f", "json", "--glossary", Self.small, "drift.md"], in: folder)
        let kinds = try #require(JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [[String: Any]]).compactMap { $0["kind"] as? String }
        #expect(kinds == ["untranslated"])
    }

    /// Before, the report showed these as replaced while the diff left them out.
    @Test("a use that markup splits is reported as kept, to change by hand, so the report replaces what the diff does")
    func splitUses() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("**甲：** 我们谈**缩放**规律和缩放规律。\n".utf8).write(to: folder.appendingPathComponent("split.md"))
        let report = try CLI.run(["consistency", "-f", "json", "--glossary", Self.small, "split.md"], in: folder)
        let names = try #require((JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [[String: Any]])?.first?["names"] as? [[String: Any]])
        #expect(names.compactMap { $0["replacement"] as? String } == ["规模定律"])
        #expect(names.compactMap { $0["kept_because"] as? String } == ["split across lines or by markup: change it by hand to 规模定律"])
        let diff = try CLI.run(["consistency", "--suggest", "--glossary", Self.small, "split.md"], in: folder)
        #expect(diff.stdout.contains("+**甲：** 我们谈**缩放**规律和规模定律。\n"))
    }

    /// No UTF-8 diff can change a UTF-16 file: its uses are kept, for that reason.
    @Test("a UTF-16 file's replacements are kept with the reason, and --suggest says why it gives no diff")
    func utf16File() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "**乙：** 规模定律很重要。缩放规律也是。\n"
        try (Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!).write(to: folder.appendingPathComponent("wide.md"))
        let report = try CLI.run(["consistency", "--glossary", Self.small, "wide.md"], in: folder)
        #expect(report.stdout.contains("缩放规律 ×1 (kept: a UTF-16 file: save it as UTF-8 to have it replaced)"), "\(report.stdout)")
        let diff = try CLI.run(["consistency", "--suggest", "--glossary", Self.small, "wide.md"], in: folder)
        #expect(diff.stdout.isEmpty)
        #expect(diff.stderr.contains("no changes are suggested for a UTF-16 file"))
    }

    /// Before, a CRLF file (as Windows CAT tools export) got an empty diff: Swift reads
    /// `\r\n` as one character, so the file was one line.
    @Test("--suggest on a CRLF file with a byte-order mark gives a diff that patch applies, keeping both")
    func crlfFile() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "\u{FEFF}**甲：** 有人把它叫责任共享计划。\r\n\r\n**乙：** 规模定律很重要。缩放规律也是。\r\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("crlf.md"))
        let diff = try CLI.run(["consistency", "--suggest", "--glossary", Self.small, "crlf.md"], in: folder)
        #expect(diff.stdout.contains("+\u{FEFF}**甲：** 有人把它叫负责任扩展策略。\r\n"))
        #expect(diff.stdout.contains("+**乙：** 规模定律很重要。规模定律也是。\r\n"))
        try Data(diff.stdout.utf8).write(to: folder.appendingPathComponent("fix.diff"))
        #expect(try runTool(["patch", "-p1", "-i", "fix.diff"], in: folder).status == 0)
        let patched = try Data(contentsOf: folder.appendingPathComponent("crlf.md"))
        #expect(patched == Data("\u{FEFF}**甲：** 有人把它叫负责任扩展策略。\r\n\r\n**乙：** 规模定律很重要。规模定律也是。\r\n".utf8))
    }

    /// A bilingual export (English line, then its Chinese line, 20 turns) written for this test
    /// with the findings a terminologist expects (`bilingual-export.expected.tsv`): `--suggest`
    /// changes exactly those Chinese renderings, nothing in the English lines (plurals,
    /// abbreviations, product names), `patch -p1` applies it, and afterwards the text is clean.
    @Test("--suggest on a bilingual export changes exactly the deprecated and variant Chinese renderings, and then it is clean")
    func bilingualExport() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = TestPaths.fixture("consistency/bilingual-export.md")
        let text = try String(contentsOfFile: source, encoding: .utf8)
        try Data(text.utf8).write(to: folder.appendingPathComponent("export.md"))
        let expected = try String(contentsOfFile: TestPaths.fixture("consistency/bilingual-export.expected.tsv"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t").map(String.init) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var wanted: [Int: String] = [:]  // line → the line after the replacements
        for row in expected {
            let line = Int(row[0])!
            wanted[line] = (wanted[line] ?? lines[line - 1]).replacingOccurrences(of: row[1], with: row[3])
        }
        let result = try CLI.run(["consistency", "--suggest", "export.md"], in: folder)
        #expect(result.status == 1)
        let removed = result.stdout.split(separator: "\n").filter { $0.hasPrefix("-") && !$0.hasPrefix("---") }.map { String($0.dropFirst()) }
        let added = result.stdout.split(separator: "\n").filter { $0.hasPrefix("+") && !$0.hasPrefix("+++") }.map { String($0.dropFirst()) }
        #expect(removed == wanted.keys.sorted().map { lines[$0 - 1] })
        #expect(added == wanted.keys.sorted().map { wanted[$0]! })
        let report = try CLI.run(["consistency", "-f", "json", "export.md"], in: folder)
        let findings = try #require(JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [[String: Any]])
        let replaced = findings.flatMap { ($0["names"] as? [[String: Any]]) ?? [] }.filter { $0["replacement"] != nil }
        #expect(replaced.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == expected.count)
        try Data(result.stdout.utf8).write(to: folder.appendingPathComponent("fix.diff"))
        let patch = try runTool(["patch", "-p1", "-i", "fix.diff"], in: folder)
        #expect(patch.status == 0, "\(patch.stdout)")
        let after = try CLI.run(["consistency", "export.md"], in: folder)
        #expect(after.status == 0, "\(after.stdout)")
    }

    /// A trial's translation that the bundled glossary covers nothing of was reported as "No
    /// terminology problems found.", and `--suggest` with only English left untranslated
    /// printed nothing and exited 1.
    @Test("a check that finds no concept of the glossary says so; --suggest says which findings no replacement mends")
    func nothingChecked() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("**甲：** 今天聊焊接。\n\n**乙：** 焊缝要清理干净。\n\n**甲：** 好的。\n".utf8).write(to: folder.appendingPathComponent("weld.md"))
        let none = try CLI.run(["consistency", "weld.md"], in: folder)
        #expect(none.status == 0 && none.stderr.contains("no concept of the glossary was found in the inputs"), "\(none.stderr)")
        try Data("**甲：** 我们聊聊 scaling law。\n\n**乙：** scaling law 很重要。\n\n**甲：** 好的。\n".utf8).write(to: folder.appendingPathComponent("english.md"))
        let suggest = try CLI.run(["consistency", "--suggest", "english.md"], in: folder)
        #expect(suggest.status == 1 && suggest.stdout.isEmpty)
        #expect(suggest.stderr.contains("1 finding no replacement can mend") && !suggest.stderr.contains("no concept of the glossary"), "\(suggest.stderr)")
    }
}

@Suite(
    "Consistency of the shared transcript",
    .enabled(if: TestPaths.hasSharedCorpus, "../shared/corpus is absent (only developers and CI have it); skipping"))
struct SharedCorpusConsistencyTests {
    @Test("RSP under five renderings, mechanistic interpretability under three, each deprecated rendering with its line")
    func facts() throws {
        let glossary = try GlossaryExchangeTests.bundled()
        let transcript = try TranscriptReader.read(contentsOf: TestPaths.sharedTranscript)
        let findings = ConsistencyChecker(glossary: glossary).findings([transcript])
        func chinese(_ id: String) -> [String] {
            findings.first { $0.kind == .chineseVariants && $0.concept.id == id }?.usages.map { "\($0.name.text) \($0.uses.count)" } ?? []
        }
        // Five renderings: three Chinese names and two deprecated ones, each its own finding.
        #expect(chinese("responsible-scaling-policy") == ["负责任扩展计划 2", "负责任扩展策略 1", "负责任的扩展策略 1"])
        #expect(chinese("mechanistic-interpretability") == ["机制可解释性 6", "机械可解释性 3", "机械解释性 1"])
        let deprecated = findings.filter { $0.kind == .deprecated }.map { "\($0.usages[0].name.text)@\($0.usages[0].uses[0].line)" }
        #expect(Set(["责任共享计划@535", "责任性系统原则@533", "强化学习与人类反馈@665"]).isSubset(of: Set(deprecated)))
        #expect(findings.prefix(deprecated.count).allSatisfy { $0.kind == .deprecated })
        // Suggestions apply to a copy.
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: TestPaths.sharedTranscript, toPath: folder.appendingPathComponent("t.md").path)
        let diff = try CLI.run(["consistency", "--suggest", "t.md"], in: folder)
        try Data(diff.stdout.utf8).write(to: folder.appendingPathComponent("fix.diff"))
        let patch = try runTool(["patch", "--dry-run", "-p1", "-i", "fix.diff"], in: folder)
        #expect(patch.status == 0, "\(patch.stdout)")
    }
}
