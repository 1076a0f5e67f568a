import Foundation
import Testing

@testable import GlossGraph
@testable import GlossGraphGlossary
@testable import GlossGraphText

@Suite("glossgraph discover, run as a user runs it")
struct DiscoverCommandTests {
    @Test("the glossary format is a glossary file: it parses with its header, and lookup reads it as the glossary")
    func glossaryRows() throws {
        let result = try CLI.run(["discover", "--no-glossary", "--format", "glossary", "--top", "40"])
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = GlossaryTSV.parse(result.stdout, file: "proposed.tsv")
        #expect(parsed.errors.isEmpty, "\(parsed.errors)")
        #expect(parsed.rows.count > 20)
        // No name is proposed for two concepts, so the rows load as a glossary.
        #expect(throws: Never.self) { try Glossary(concepts: parsed.rows.map(\.concept)) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("proposed-\(getpid()).tsv")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(result.stdout.utf8).write(to: file)
        let first = try #require(parsed.rows.first?.concept)
        let lookup = try CLI.run(["lookup", "--glossary", file.path, first.en])
        #expect(lookup.status == 0 && lookup.stdout.contains(first.en), "\(lookup.stderr)")
    }

    /// Trial75 left the file name out: discover and map read the bundled AI interview and said
    /// nothing of it, so a user took its proposals for their own text's.
    @Test("with no input named, discover and map say they read the bundled example; with one named, they do not")
    func bundledExampleIsSaid() throws {
        let discover = try CLI.run(["discover", "--no-glossary", "--top", "3"])
        #expect(discover.status == 0 && discover.stderr.contains("bundled example") && discover.stderr.contains("scaling-and-safety.md"), "\(discover.stderr)")
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let map = try CLI.run(["map", "--format", "json", "-o", folder.path])
        #expect(map.status == 0 && map.stderr.contains("bundled example"), "\(map.stderr)")
        let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path
        let named = try CLI.run(["discover", "--no-glossary", "--top", "3", example])
        #expect(named.status == 0 && !named.stderr.contains("bundled example"), "\(named.stderr)")
    }

    /// Trial60 saved `--format glossary` to a file and lost 7 stated glosses past the 50th
    /// row without a word.
    @Test("the glossary and JSON formats say on standard error how many proposals --top left out; all written, nothing said")
    func truncationIsSaid() throws {
        for format in ["glossary", "json"] {
            let cut = try CLI.run(["discover", "--no-glossary", "--format", format, "--top", "5"])
            #expect(cut.status == 0, "\(cut.stderr)")
            let total = try #require(try CLI.run(["discover", "--no-glossary", "--format", "json", "--top", "100000"]).stdout
                .components(separatedBy: "\"kind\"").count - 1)
            #expect(total > 5)
            #expect(cut.stderr.contains("5 of \(total) proposals written") && cut.stderr.contains("--top \(total)"), "\(cut.stderr)")
            let all = try CLI.run(["discover", "--no-glossary", "--format", format, "--top", "\(total)"])
            #expect(all.status == 0 && !all.stderr.contains("proposals written"), "\(all.stderr)")
        }
    }

    /// Two trials' Traditional interviews (a watch repairer's, a physiotherapist's) wrote
    /// 前十字韌帶 into the `zh` column, which the glossary's README defines as Simplified.
    @Test("the glossary format writes a Traditional text's names in Simplified characters, and keeps a form OpenCC would not write back, tagged")
    func glossaryRowsSimplified() throws {
        let text = "主持：今晚講膝頭。\n\n李姑娘：前十字韌帶（ACL）斷咗要做手術。前十字韌帶好重要，肌筋膜（myofascia）都係。\n\n主持：明白，肌筋膜要放鬆。\n"
        let result = try CLI.run(["discover", "--no-glossary", "--format", "glossary", "-"], input: Data(text.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let rows = GlossaryTSV.parse(result.stdout, file: "proposed.tsv").rows.map(\.concept)
        #expect(rows.contains { $0.zh == "前十字韧带" }, "\(result.stdout)")
        #expect(rows.contains { $0.zh == "肌筋膜" && $0.en == "myofascia" }, "\(result.stdout)")
        #expect(!rows.contains { ChineseLexicon.hasTraditional($0.zh) }, "\(result.stdout)")
        // 韌 → 韧 → 韌 round-trips; a name whose Simplified form OpenCC writes back otherwise
        // stays, tagged: Hong Kong's 綫 (电线 is 電線 for s2t), and 乾 of 乾投 (s2t writes 干投
        // back as 幹投).
        for (written, simplified) in [("電綫", "电线"), ("乾投酒花", "干投酒花")] {
            let concept = DiscoveryListing.simplifiedNames(Concept(id: "x", category: "new", zh: written, en: "x"))
            #expect(concept.zh == simplified)
            #expect(concept.zhVariants == [written] && concept.nameTags[written] == "zh-Hant", "\(concept.zhVariants) \(concept.nameTags)")
        }
        let kept = DiscoveryListing.simplifiedNames(Concept(id: "acl", category: "new", zh: "前十字韌帶", en: "ACL"))
        #expect(kept.zh == "前十字韧带" && kept.zhVariants.isEmpty)
        // A new name of a known concept, one character from its name once both are read in
        // Simplified characters, is offered in Simplified characters too.
        let close = "主持：機制可解譯性很難，機制可解譯性也很重要。\n\n來賓：機制可解譯性還在發展。\n"
        let addition = try CLI.run(["discover", "--format", "glossary", "-"], input: Data(close.utf8))
        #expect(addition.stdout.contains("# add to mechanistic-interpretability: zh_variants: 机制可解译性"), "\(addition.stdout)")
    }

    @Test("with the bundled glossary, the proposed glossary file loads beside it: no id or name of a proposal clashes with a known one")
    func proposalsLoadBesideGlossary() throws {
        // The bundled glossary has 强大的人工智能 (powerful-ai) and AGI (agi) as two concepts.
        let text = "**主持人：** 你对AGI（也就是强大的人工智能，也就是超级有用的人工智能）怎么看？\n\n**嘉宾：** 奖励模型（reward model）先要做好。\n"
        let result = try CLI.run(["discover", "--format", "glossary", "--top", "300", "-", try BundledFiles.example()], input: Data(text.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("proposed-known-\(getpid()).tsv")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(result.stdout.utf8).write(to: file)
        #expect(result.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }.count > 10, "\(result.stdout)")
        let glossary = TestPaths.repositoryRoot.appendingPathComponent("Glossary").path
        let both = try CLI.run(["glossary", "check", glossary, file.path])
        #expect(both.status == 0, "\(both.stdout)\(both.stderr)")
    }

    @Test("a gloss's Chinese runs across a hard wrap (lines cut at one width), not across short subtitle-like lines")
    func glossAcrossHardWrap() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Lines of 58 or 59 columns, the term cut after 结构 by the wrap.
        let wrapped = """
            木结构桥梁的检测，第一步是看清楚每根梁的受力情况，再决定要
            不要做荷载试验。我们现在一般先做无损检测，再把数据交给结构
            健康监测（structural health monitoring，SHM）系统长期跟踪。

            很多人问结构健康监测和定期检测有什么区别，区别在于前者是连
            续的，后者是间隔的。

            """
        let short = "第一个办法是储能\n储能（energy storage）可以削峰\n储能也贵\n"
        try Data(wrapped.utf8).write(to: folder.appendingPathComponent("wrapped.txt"))
        try Data(short.utf8).write(to: folder.appendingPathComponent("short.txt"))
        for (file, expected) in [("wrapped.txt", "结构健康监测|structural health monitoring|SHM"), ("short.txt", "储能|energy storage|")] {
            let result = try CLI.run(["discover", "--no-glossary", "-f", "json", folder.appendingPathComponent(file).path])
            #expect(result.status == 0, "\(result.stderr)")
            let proposals = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            let pairs = proposals.map { "\($0["zh"] as? String ?? "")|\($0["en"] as? String ?? "")|\($0["abbreviation"] as? String ?? "")" }
            #expect(pairs.first == expected, "\(file): \(pairs)")
        }
    }

    @Test("with the bundled glossary, known concepts are left out of the example's proposals")
    func knownLeftOut() throws {
        let result = try CLI.run(["discover", "--format", "json", "--top", "200"])
        #expect(result.status == 0)
        let candidates = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let glossary = try GlossaryExchangeTests.bundled()
        for candidate in candidates where candidate["variant_of"] is NSNull {
            for key in ["zh", "en", "abbreviation"] {
                let name = candidate[key] as? String ?? ""
                #expect(name.isEmpty || glossary.concept(named: name) == nil, "\(name) is known")
            }
        }
    }

    @Test("glosses stated outside the turns (the introduction, an editor's note before the first turn, show notes after the last) are found")
    func glossesOutsideTurns() throws {
        let text = """
            # 访谈：奖励建模

            导语：本期聊的是奖励模型（reward model），以及它和偏好数据的关系。

            > 编者注：直接偏好优化（Direct Preference Optimization，DPO）是另一种做法。

            **主持人：** 我们先说奖励模型。

            **嘉宾：** 奖励模型给回答打分，DPO 则不需要它。

            **主持人：** 那偏好数据从哪来？

            **嘉宾：** 从标注员的排序里来。

            **本期提到：**
            - 近端策略优化（Proximal Policy Optimization）
            """
        let result = try CLI.run(["discover", "--no-glossary", "-f", "json", "-"], input: Data(text.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let proposals = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let pairs = proposals.map { "\($0["zh"] as? String ?? "")|\($0["en"] as? String ?? "")|\($0["abbreviation"] as? String ?? "")" }
        #expect(pairs.contains("奖励模型|reward model|"), "\(pairs)")
        #expect(pairs.contains("直接偏好优化|Direct Preference Optimization|DPO"), "\(pairs)")
        #expect(pairs.contains("近端策略优化|Proximal Policy Optimization|"), "\(pairs)")
    }

    @Test("--no-glossary and --glossary exclude each other")
    func usage() throws {
        let result = try CLI.run(["discover", "--no-glossary", "--glossary", "x.tsv"])
        #expect(result.status == 64)
    }
}
