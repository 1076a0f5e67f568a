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
            "chinese-variants responsible-scaling-policy",
            "chinese-variants scaling-laws",
            "english-variants scaling-laws",
            "untranslated constitutional-ai",
        ])
        let deprecated = findings[0]
        #expect(deprecated.preferred == "负责任扩展策略")
        #expect(deprecated.usages.map(\.name.text) == ["责任共享计划"])
        #expect(deprecated.usages[0].uses.map { "\($0.line):\($0.column)" } == ["3:13"])
        #expect(findings[1].usages.map { "\($0.name.text) \($0.uses.count)" } == ["负责任扩展策略 1", "负责任扩展计划 1", "责任共享计划 1"])
        #expect(findings[4].preferred == "宪法AI")
    }

    @Test("a clean text has no findings; abbreviations are not variants")
    func clean() throws {
        #expect(try Self.findings("consistency/clean.md").isEmpty)
    }

    @Test("the TBX export keeps every name's status, and importing it gives them back")
    func tbxStatuses() throws {
        let tbx = String(decoding: try GlossaryTBX.format(Self.glossary.concepts), as: UTF8.self)
        #expect(tbx.contains("<term>责任共享计划</term>\n            <termNote type=\"termType\">variant</termNote>\n            <termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>"))
        let back = try GlossaryTBX.parse(Array(tbx.utf8), file: "g.tbx").map(\.concept)
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
        #expect(text.stdout.contains("5 findings: 1 deprecated, 2 chinese-variants, 1 english-variants, 1 untranslated"))
        let markdown = try CLI.run(["consistency", "-f", "md", "--glossary", Self.small, drift])
        #expect(markdown.status == 1)
        #expect(markdown.stdout.contains("- [ ] **负责任扩展策略 / Responsible Scaling Policy** (`responsible-scaling-policy`, deprecated)"))
        let json = try CLI.run(["consistency", "-f", "json", "--glossary", Self.small, drift])
        let array = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 5)
        #expect(array[0]["kind"] as? String == "deprecated" && array[0]["preferred"] as? String == "负责任扩展策略")
        let tsv = try CLI.run(["consistency", "-f", "tsv", "--glossary", Self.small, drift])
        #expect(tsv.stdout.hasPrefix("kind\tid\tname\trole\tpreferred\tfile\tturn\tline\tcolumn\ttext\n"))
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
        #expect(result.stdout.contains("+**乙：** 有人把它叫负责任扩展策略，这不对。规模定律和规模定律是一回事。\n"))
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
        #expect(chinese("responsible-scaling-policy") == ["负责任扩展计划 2", "负责任扩展策略 1", "负责任的扩展策略 1", "责任共享计划 1", "责任性系统原则 1"])
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
