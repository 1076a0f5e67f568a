import Foundation
import Testing

@Suite("glossgraph map, run as a user runs it")
struct MapCommandTests {
    static let exportNames = ["concept-map.graphml", "concept-map.dot", "concept-map.json", "concept-map-nodes.csv", "concept-map-edges.csv", "concept-map.html"]
    /// The exports `merge` writes byte for byte as `map` does: all but the page, whose
    /// passages need the text, which counts do not hold.
    static let countedExportNames = exportNames.filter { !$0.hasSuffix(".html") }

    /// Before, `nan` kept every link and `inf` or `1e400` gave an empty map, all with exit 0.
    @Test(
        "a threshold that is not finite, or outside what the weight measure takes, is a usage error",
        arguments: [
            (["--threshold", "nan"], "finite"), (["--threshold", "inf"], "finite"), (["--threshold", "1e400"], "finite"),
            (["--threshold", "1.5", "--weight", "jaccard"], "outside what --weight jaccard takes (0.0 to 1.0)"),
            (["--threshold=-0.5", "--weight", "count"], "outside what --weight count takes (at least 0.0)"),
            (["--threshold=-1.5", "--weight", "npmi"], "outside what --weight npmi takes (-1.0 to 1.0)"),
            // A negative value after a space is the option's value, not another option.
            (["--threshold", "-1.5", "--weight", "npmi"], "outside what --weight npmi takes (-1.0 to 1.0)"),
            (["--top", "-3"], "--top must be at least 1"), (["--min-frequency", "-1"], "must be at least 1"),
        ])
    func badThreshold(_ arguments: [String], _ message: String) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["map", "--render", "none"] + arguments, in: folder)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Exports").path))
    }

    @Test("a negative threshold after a space is read as the threshold")
    func negativeThreshold() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path
        let result = try CLI.run(["map", "--render", "none", "--weight", "npmi", "--threshold", "-0.5", "-o", folder.appendingPathComponent("m").path, example], in: folder)
        #expect(result.status == 0 && result.stdout.contains("(weight: npmi)"), "\(result.stderr)")
    }

    @Test("a --font that fontconfig does not have is drawn in another, and the run says which")
    func missingFont() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try CLI.run(["map", "--render", "none", "--font", "No Such Font Family 42"], in: folder)
        #expect(missing.status == 0)
        #expect(missing.stderr.contains("font 'No Such Font Family 42' is not installed; fontconfig draws the labels in '"), "\(missing.stderr)")
        let installed = try CLI.run(["map", "--render", "none", "--force"], in: folder)
        #expect(!installed.stderr.contains("is not installed"), "\(installed.stderr)")
    }

    @Test("the default run maps the bundled example into Exports/ and says what it wrote")
    func defaultRun() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["map", "--render", "none"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("36 units (turn), "))
        #expect(result.stdout.contains("top concepts: "))
        #expect(result.stdout.contains("wrote Exports/concept-map.graphml, Exports/concept-map.dot"))
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Exports").path).sorted()
        #expect(written == (Self.exportNames + [".glossgraph-files", ".glossgraph-lock"]).sorted())
    }

    /// A short interview from a domain the bundled glossary does not cover (written for this test).
    static let beekeeping = """
        **主持人：** 今天聊养蜂。很多人听说过蜂群崩溃失调（colony collapse disorder，CCD），它到底是什么？
        **刘老师：** 蜂群崩溃失调就是工蜂突然大量失踪，蜂箱里只剩蜂王和幼虫。瓦螨（Varroa mite）是主要嫌疑之一。
        **主持人：** 瓦螨怎么伤害蜜蜂？
        **刘老师：** 瓦螨吸食幼虫，还传播残翅病毒（deformed wing virus，DWV）。瓦螨多的蜂群，残翅病毒也多。
        **主持人：** 农药呢？
        **刘老师：** 新烟碱类农药（neonicotinoids）会削弱蜜蜂的导航能力。新烟碱类农药和瓦螨叠加，蜂群崩溃失调更常见。
        **主持人：** 蜜蜂对农业有多重要？
        **刘老师：** 授粉（pollination）是关键。很多作物靠蜜蜂授粉，蜂群崩溃失调会直接影响授粉。
        **主持人：** 养蜂人能做什么？
        **刘老师：** 定期检测瓦螨，轮换用药，减少新烟碱类农药的使用，并且在秋天给蜂群补充营养，让残翅病毒少一些。
        """

    /// A temporary folder holding `text` as the file `name`; the caller removes the folder.
    static func input(_ text: String, named name: String) throws -> (folder: URL, input: URL) {
        let folder = try TestPaths.temporaryFolder()
        let input = folder.appendingPathComponent(name)
        try text.write(to: input, atomically: true, encoding: .utf8)
        return (folder, input)
    }

    /// A temporary folder holding `beekeeping` as `bees.md`.
    static func beekeepingInput() throws -> (folder: URL, input: URL) {
        try input(beekeeping, named: "bees.md")
    }

    /// A closing trial's map of an article without speakers was titled "… · 12 turns".
    @Test("a map of texts read without speaker labels counts paragraphs, in the summary and the drawing's title; one with speakers counts turns; subtitles count cues")
    func paragraphUnitsAreNamed() throws {
        let article = "水轮机的效率很重要。水轮机和发电机相连。\n\n发电机的效率也重要。水轮机叶片会磨损。\n\n叶片磨损以后效率下降。发电机要检修。\n"
        let (folder, input) = try Self.input(article, named: "hydro.txt")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        let result = try CLI.run(["map", "--discover", "--no-glossary", "--render", "none", "-o", output.path, input.path], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("3 units (paragraph), "), "\(result.stdout)")
        let dot = try String(contentsOf: output.appendingPathComponent("concept-map.dot"), encoding: .utf8)
        #expect(dot.contains("hydro.txt · 3 paragraphs · "), "\(dot.prefix(600))")
        // With a file that has speakers among the inputs, a unit is a turn.
        let interview = folder.appendingPathComponent("interview.md")
        try "**记者：** 水轮机怎么修？\n**工程师：** 水轮机叶片要换，发电机也要查。\n".write(to: interview, atomically: true, encoding: .utf8)
        let both = try CLI.run(["map", "--discover", "--no-glossary", "--render", "none", "-o", output.path, "--force", input.path, interview.path], in: folder)
        #expect(both.stdout.hasPrefix("5 units (turn), "), "\(both.stdout) \(both.stderr)")
        // A trial's subtitle map was titled "· 16 turns" for its cues.
        let subtitles = folder.appendingPathComponent("lecture.srt")
        try """
            1
            00:00:01,000 --> 00:00:03,000
            今天讲水轮机的叶片。

            2
            00:00:03,500 --> 00:00:06,000
            叶片磨损以后，水轮机效率会下降。

            3
            00:00:06,500 --> 00:00:09,000
            所以叶片要定期检查。

            """.write(to: subtitles, atomically: true, encoding: .utf8)
        let cues = try CLI.run(["map", "--discover", "--no-glossary", "--render", "none", "-o", output.path, "--force", subtitles.path], in: folder)
        #expect(cues.stdout.hasPrefix("3 units (cue), "), "\(cues.stdout) \(cues.stderr)")
        let cueDOT = try String(contentsOf: output.appendingPathComponent("concept-map.dot"), encoding: .utf8)
        #expect(cueDOT.contains("lecture.srt · 3 cues · "), "\(cueDOT.prefix(600))")
    }

    @Test("a short text from another domain: without --discover the empty map says why; with it, the text's own concepts make the map, marked as discovered")
    func discoverMap() throws {
        let (folder, input) = try Self.beekeepingInput()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = try CLI.run(["map", "--render", "none", "-o", folder.appendingPathComponent("plain").path, input.path], in: folder)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.contains("the map has 0 concepts"))
        #expect(plain.stderr.contains("the map is empty") && plain.stderr.contains("try --discover"), "\(plain.stderr)")

        let output = folder.appendingPathComponent("discovered")
        let result = try CLI.run(["map", "--discover", "--render", "none", "-o", output.path, input.path], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("concepts were discovered in the inputs"), "\(result.stderr)")
        // How many of them the units hold, between those on the map and all discovered (a
        // helper read "35 concepts found" beside "37 concepts were discovered" as a contradiction),
        // and which proposals are added (another wondered why 17 proposals made 16 concepts).
        let said = try #require(result.stderr.firstMatch(
            of: /(\d+) concepts were discovered in the inputs and added for this run, of the proposals the text glosses or uses twice or more \((\d+) of them found in the units above, (\d+) on the map/))
        #expect(Int(said.output.3)! <= Int(said.output.2)! && Int(said.output.2)! <= Int(said.output.1)!, "\(result.stderr)")
        let graphML = try String(contentsOf: output.appendingPathComponent("concept-map.graphml"), encoding: .utf8)
        for name in ["蜂群崩溃失调", "瓦螨", "新烟碱类农药", "残翅病毒"] {
            #expect(graphML.contains(name), "\(name) is not on the map")
        }
        #expect(graphML.contains(">discovered<"))
        let dot = try String(contentsOf: output.appendingPathComponent("concept-map.dot"), encoding: .utf8)
        #expect(dot.contains("rounded,filled,dashed"))
        // The speakers are people, not concepts.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("concept-map.json"))) as? [String: Any]
        let names = (json?["nodes"] as? [[String: Any]] ?? []).compactMap { $0["zh"] as? String }
        #expect(!names.isEmpty && !names.contains("刘老师") && !names.contains("主持人"), "\(names)")
    }

    /// A trial's forum title glossed a term no post wrote: the summary said 24 concepts were
    /// discovered and 23 found, without saying which one was missing.
    @Test("map --discover names the discovered concepts that no unit holds")
    func discoveredOutsideUnits() throws {
        let text = """
            【讨论】蜂箱里的巢础（comb foundation）要多久换一次？

            #1 楼主 阿杰
            我的蜂箱用了三年，脾很黑了，蜂螨（varroa mite）也多。

            #2 老蜂农
            黑脾要换，蜂螨多的话先治螨，用草酸（oxalic acid）熏。

            #3 阿杰
            草酸熏几次？蜂螨会不会再起来？

            #4 老蜂农
            草酸隔一周熏一次，连熏三次，蜂螨就压下去了。
            """
        let (folder, input) = try Self.input(text, named: "bees-forum.txt")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["map", "--discover", "--no-glossary", "--render", "none", "-o", folder.appendingPathComponent("out").path, input.path], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("not on the map: 巢础 / comb foundation ("), "\(result.stderr)")
        #expect(result.stdout.contains("蜂螨 / varroa mite"), "\(result.stdout)")
    }

    @Test("a term table links none of its terms, and a link the backbone keeps from one shared unit is said, however small the map")
    func termTable() throws {
        let (folder, input) = try Self.input(TableRowUnitTests.text, named: "t.md")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Concepts without a link are left out, as on a long text's map.
        let result = try CLI.run(
            ["map", "--glossary", TestPaths.fixture("glossary/small.tsv"), "--no-keep-isolated", "--render", "none", "-f", "json", "-o", "-", input.path])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let edges = try #require(json["edges"] as? [[String: Any]]).map { [$0["source"] as? String ?? "", $0["target"] as? String ?? ""].sorted() }
        #expect(edges == [["responsible-scaling-policy", "scaling-laws"]], "\(edges)")
        #expect(result.stderr.contains("a short text (6 units): 1 link of the backbone join concepts that share fewer than 2 units"), "\(result.stderr)")
        let dot = try CLI.run(["map", "--glossary", TestPaths.fixture("glossary/small.tsv"), "--render", "none", "-f", "dot", "-o", "-", input.path]).stdout
        #expect(dot.contains("tooltip=\"1 unit\"") && !dot.contains("1 units"), "\(dot)")
    }

    /// A Hong Kong finance interview (a helper's new-user trial): discovery's first concept was
    /// in four turns, none shared with another concept, and left the map without a word.
    @Test("a concept found as often as the map's main ones but linked to none is named, with --keep-isolated as the remedy; a short text keeps it")
    func isolatedConceptsNamed() throws {
        let text = [
            "**甲：** 负责任扩展策略（RSP）和规模定律有关。", "**乙：** 规模定律推动负责任扩展策略。", "**甲：** 负责任扩展策略要看规模定律。",
            "**乙：** 宪法AI单独讲。", "**甲：** 宪法AI很有意思。", "**乙：** 宪法AI是另一回事。", "**甲：** 好。",
        ].joined(separator: "\n\n")
        let (folder, input) = try Self.input(text, named: "t.md")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(
            ["map", "--glossary", TestPaths.fixture("glossary/small.tsv"), "--no-keep-isolated", "--render", "none", "-f", "json", "-o", "-", input.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("1 concept found as often as the map's main concepts but not on the map, as it shares no kept link with another concept: 宪法AI / Constitutional AI (3 units)"), "\(result.stderr)")
        #expect(result.stderr.contains("(--keep-isolated draws them)"), "\(result.stderr)")
        let kept = try CLI.run(["map", "--glossary", TestPaths.fixture("glossary/small.tsv"), "--keep-isolated", "--render", "none", "-f", "json", "-o", "-", input.path])
        #expect(!kept.stderr.contains("share no kept link"), "\(kept.stderr)")
        // A short text's map, whose links join few concepts, keeps it by default.
        let short = try CLI.run(["map", "--glossary", TestPaths.fixture("glossary/small.tsv"), "--render", "none", "-f", "json", "-o", "-", input.path])
        #expect(short.stdout.contains("\"Constitutional AI\"") && short.stderr.contains("without a link is drawn alone"), "\(short.stdout)\n\(short.stderr)")
    }

    /// A short labelled transcript naming 22 of the bundled glossary's concepts: six pairs,
    /// each in one turn (or two, `pairsTwice`), and ten concepts in a turn each, alone.
    static func pairsAndLoneConcepts(pairsTwice: Bool) -> String {
        let pairs = [("规模定律", "算力"), ("合成数据", "数据中心"), ("神经网络", "深度学习"), ("语音识别", "数据枯竭"), ("预训练", "微调"), ("强化学习", "偏好模型")]
        let alone = ["宪法AI", "思维链", "推理模型", "自我博弈", "图形处理器", "张量处理器", "模型权重", "基础模型", "前沿模型", "模型架构"]
        let turns = pairs.flatMap { ["今天先说\($0.0)，再说\($0.1)。"] + (pairsTwice ? ["还是\($0.0)和\($0.1)。"] : []) } + alone.map { "另外单独提一下\($0)。" }
        return turns.enumerated().map { "**\($0.offset % 2 == 0 ? "甲" : "乙")：** \($0.element)" }.joined(separator: "\n\n")
    }

    /// Trial71's pottery article: the summary said a short text's concepts found in one unit
    /// are mapped too, and six of them, in list entries of their own with no link, were left
    /// off without a word.
    @Test("a short text's map names every concept it found that often but leaves off, however rare")
    func shortTextNamesConceptsLeftOff() throws {
        let (folder, input) = try Self.input(Self.pairsAndLoneConcepts(pairsTwice: false), named: "t.md")
        defer { try? FileManager.default.removeItem(at: folder) }
        let glossary = TestPaths.repositoryRoot.appendingPathComponent("Glossary/concepts.tsv").path
        let result = try CLI.run(["map", "--glossary", glossary, "--render", "none", "-f", "json", "-o", "-", input.path])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((json["nodes"] as? [[String: Any]])?.count == 12, "\(result.stderr)")
        #expect(result.stderr.contains("concepts found in one unit are mapped too"), "\(result.stderr)")
        #expect(result.stderr.contains("10 concepts found but not on the map, as they share no kept link with another concept: "), "\(result.stderr)")
        #expect(result.stderr.contains("(1 unit)") && result.stderr.contains(", and 5 more (--keep-isolated draws them)"), "\(result.stderr)")
        let kept = try CLI.run(["map", "--glossary", glossary, "--keep-isolated", "--render", "none", "-f", "json", "-o", "-", input.path])
        #expect(!kept.stderr.contains("not on the map"), "\(kept.stderr)")
    }

    /// Trial72's singing explainer: `38 concepts found; the map has 10`, and nothing said that
    /// the other 28 were each found in one unit, below the map's least frequency.
    @Test("a short text's map says how many found concepts are too rare for it, and names some")
    func shortTextNamesRareConcepts() throws {
        let (folder, input) = try Self.input(Self.pairsAndLoneConcepts(pairsTwice: true), named: "t.md")
        defer { try? FileManager.default.removeItem(at: folder) }
        let glossary = TestPaths.repositoryRoot.appendingPathComponent("Glossary/concepts.tsv").path
        let result = try CLI.run(["map", "--glossary", glossary, "--render", "none", "-f", "json", "-o", "-", input.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("10 of the 22 concepts found are in fewer than 2 units, so not on the map: 模型架构 / model architecture, "), "\(result.stderr)")
        #expect(result.stderr.contains(", and 5 more (--min-frequency 1 and --keep-isolated map them)"), "\(result.stderr)")
        let all = try CLI.run(["map", "--glossary", glossary, "--min-frequency", "1", "--keep-isolated", "--render", "none", "-f", "json", "-o", "-", input.path])
        #expect(!all.stderr.contains("fewer than") && all.stderr.contains("the map has 22 concepts"), "\(all.stderr)")
    }

    @Test("a map of Traditional text is labelled in Traditional characters, with the Traditional font, unless --script names another script")
    func scriptFollowsInputs() throws {
        let text = [
            "問：烏龍茶的發酵（fermentation）要多久？", "答：發酵看天氣，發酵太久茶湯會變紅。焙火（roasting）也很重要。",
            "問：焙火呢？", "答：焙火要慢，發酵和焙火決定香氣。", "問：稽核（audit）看什麼？", "答：稽核會看發酵紀錄，稽核也看焙火。",
        ]
        let (folder, input) = try Self.input(text.joined(separator: "\n"), named: "tea.txt")
        defer { try? FileManager.default.removeItem(at: folder) }
        func map(_ extra: [String]) throws -> (dot: String, stderr: String) {
            let out = folder.appendingPathComponent("out\(extra.count)")
            let result = try CLI.run(["map", "--discover", "--no-glossary", "--render", "none", "-o", out.path] + extra + [input.path])
            #expect(result.status == 0, "\(result.stderr)")
            return (try String(contentsOf: out.appendingPathComponent("concept-map.dot"), encoding: .utf8), result.stderr)
        }
        let followed = try map([])
        #expect(followed.dot.contains("Noto Sans CJK TC") && followed.stderr.contains("written in Traditional characters"), "\(followed.stderr)")
        // A name found in the text keeps the text's characters: s2t would write 稽覈.
        #expect(followed.dot.contains("稽核") && !followed.dot.contains("稽覈"), "\(followed.dot)")
        #expect(try map(["--script", "hant", "--label", "zh"]).dot.contains("稽核"))
        let chosen = try map(["--script", "hans"])
        #expect(chosen.dot.contains("Noto Sans CJK SC") && !chosen.stderr.contains("Traditional characters"), "\(chosen.stderr)")
        // In Simplified characters the names found in the Traditional text are written so too
        // (a trial's `--script hans` kept 調節力 and 驗光儀 under the Simplified font).
        #expect(chosen.dot.contains("发酵") && chosen.dot.contains("焙火") && !chosen.dot.contains("發酵"), "\(chosen.dot)")
        // A Simplified text quoting a Traditional line is still Simplified.
        let quoting = [
            "问：乌龙茶的发酵（fermentation）要多久？", "答：发酵看天气。老师傅说过：「發酵太久茶湯會變紅。」", "问：焙火（roasting）呢？", "答：焙火要慢，发酵和焙火决定香气。",
        ]
        try quoting.joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
        let simplified = try map(["--label", "both"])
        #expect(simplified.dot.contains("Noto Sans CJK SC") && !simplified.stderr.contains("Traditional characters"), "\(simplified.stderr)")
    }

    @Test("the summary's strongest links are those two units or more share first: one shared unit is anecdote")
    func strongestLinksHaveSupport() throws {
        let text = [
            "问：蜂王（queen bee）和雄蜂（drone）怎么分？", "答：蜂王个大，雄蜂眼大，蜂王和雄蜂都在巢里。",
            "问：蜂王和雄蜂什么时候交尾？", "答：晴天。另外蜂蜡（beeswax）和蜂胶（propolis）是副产品。",
        ]
        let (folder, input) = try Self.input(text.joined(separator: "\n"), named: "bees.txt")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["map", "--discover", "--no-glossary", "--render", "none", "-o", folder.appendingPathComponent("out").path, input.path])
        #expect(result.status == 0, "\(result.stderr)")
        let links = result.stdout.split(separator: "\n").drop { !$0.hasPrefix("strongest links") }.dropFirst().prefix { $0.hasPrefix("  ") }
        #expect(links.first?.contains("蜂王") == true && links.first?.contains("雄蜂") == true, "\(result.stdout)")
    }

    @Test("map --discover --no-glossary maps only what is discovered: no concept of the bundled glossary leaks into another field's map")
    func discoverWithoutGlossary() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A data-protection Q&A: 监管 and 安全评估 are names of the bundled AI glossary's concepts.
        let text = """
            问：数据处理者（data processor）和数据控制者（data controller）有什么不同？
            答：数据控制者决定目的，数据处理者按指示处理。监管机构会做安全评估。
            问：标准合同条款（standard contractual clauses，SCCs）什么时候用？
            答：跨境传输时用标准合同条款，监管机构也看安全评估。数据处理者要签标准合同条款。
            问：数据控制者要做什么？
            答：数据控制者要留存记录，监管要求数据处理者配合。
            """
        let input = folder.appendingPathComponent("law.md")
        try text.write(to: input, atomically: true, encoding: .utf8)
        let with = try CLI.run(["map", "--discover", "--render", "none", "-f", "json", "-o", folder.appendingPathComponent("with").path, input.path])
        #expect(with.status == 0, "\(with.stderr)")
        let without = try CLI.run(["map", "--discover", "--no-glossary", "--render", "none", "-f", "json", "-o", folder.appendingPathComponent("without").path, input.path])
        #expect(without.status == 0, "\(without.stderr)")
        func sources(_ name: String) throws -> [String] {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("\(name)/concept-map.json"))) as? [String: Any]
            return (json?["nodes"] as? [[String: Any]] ?? []).compactMap { $0["source"] as? String }
        }
        #expect(try sources("with").contains("glossary"))
        let discovered = try sources("without")
        #expect(!discovered.isEmpty && discovered.allSatisfy { $0 == "discovered" }, "\(discovered)")
        let alone = try CLI.run(["map", "--no-glossary", "-o", folder.appendingPathComponent("x").path, input.path])
        #expect(alone.status == 64 && alone.stderr.contains("--no-glossary needs --discover"), "\(alone.stderr)")
        // extract takes the same options: the bundled glossary's safety-testing (安全评估) is found
        // only with it.
        func ids(_ arguments: [String]) throws -> Set<String> {
            let result = try CLI.run(["extract", "-f", "tsv"] + arguments + [input.path])
            #expect(result.status == 0, "\(result.stderr)")
            return Set(result.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t")[5]) })
        }
        #expect(try ids(["--discover"]).contains("safety-testing"))
        let own = try ids(["--discover", "--no-glossary"])
        #expect(!own.contains("safety-testing") && own.contains("data-processor"), "\(own)")
        let extractAlone = try CLI.run(["extract", "--no-glossary", input.path])
        #expect(extractAlone.status == 64 && extractAlone.stderr.contains("--no-glossary needs --discover"), "\(extractAlone.stderr)")
    }

    @Test("extract --discover finds the text's own concepts, marked as discovered; --discover refuses standard input")
    func discoverExtract() throws {
        let (folder, input) = try Self.beekeepingInput()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = try CLI.run(["extract", "-f", "jsonl", input.path], in: folder)
        #expect(plain.status == 0 && !plain.stdout.contains("瓦螨"), "\(plain.stderr)")
        let result = try CLI.run(["extract", "--discover", "-f", "jsonl", input.path], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let concepts = try jsonLines(result.stdout).flatMap { $0["concepts"] as? [[String: Any]] ?? [] }
        let discovered = Set(concepts.filter { $0["source"] as? String == "discovered" }.compactMap { $0["zh"] as? String })
        #expect(discovered.isSuperset(of: ["瓦螨", "蜂群崩溃失调"]), "\(discovered)")
        let piped = try CLI.run(["extract", "--discover", "-"], in: folder, input: Data(Self.beekeeping.utf8))
        #expect(piped.status == 64 && piped.stderr.contains("name files, not standard input"), "\(piped.stderr)")
    }

    /// The concepts on the map, from map's summary ("the map has N concepts"); -1 when it says none.
    static func mapSize(_ summary: String) -> Int {
        summary.split(separator: "the map has ").last.flatMap { Int($0.prefix { $0.isNumber }) } ?? -1
    }

    @Test("a short text whose map would be nearly empty links concepts that share one unit, and says so")
    func shortTextAdapts() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("short.md")
        let turns = [
            "**甲：** 规模定律和预训练有关吗？", "**乙：** 有关，规模定律说明预训练越大越好。", "**甲：** 那后训练呢？",
            "**乙：** 后训练和对齐有关，对齐要靠后训练。", "**甲：** 红队测试呢？", "**乙：** 红队测试检查对齐，也检查规模定律带来的风险。",
        ]
        try turns.joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
        let adapted = try CLI.run(["map", "--render", "none", "-o", folder.appendingPathComponent("a").path, input.path], in: folder)
        #expect(adapted.status == 0, "\(adapted.stderr)")
        #expect(adapted.stderr.contains("a short text (6 units)"), "\(adapted.stderr)")
        // Links of one shared unit say so in the singular.
        #expect(adapted.stdout.contains("(1 unit, ") && !adapted.stdout.contains("(1 units"), "\(adapted.stdout)")
        let fixed = try CLI.run(
            ["map", "--render", "none", "--min-pair-count", "2", "-o", folder.appendingPathComponent("b").path, input.path], in: folder)
        #expect(!fixed.stderr.contains("a short text"))
        #expect(Self.mapSize(adapted.stdout) > Self.mapSize(fixed.stdout), "\(adapted.stdout)\n\(fixed.stdout)")
        // Keeping isolated concepts does not turn the rule off: it is about links.
        let isolated = try CLI.run(
            ["map", "--render", "none", "--keep-isolated", "-o", folder.appendingPathComponent("c").path, input.path], in: folder)
        #expect(isolated.stderr.contains("a short text (6 units)"), "\(isolated.stderr)")
    }

    @Test("an empty map after --discover says what discovery proposed and added, and points to its proposals, not to --discover again")
    func emptyMapAfterDiscovery() throws {
        // A subtitle file that names each term once (a trial's bilingual cues): discovery
        // adds nothing, and the first version told the user to try --discover, already given.
        let cues = [
            ("今天我们来看看蜂箱里的巢脾。", "Today we look at the combs in the hive."),
            ("我们要检查瓦螨的数量。", "We need to check the Varroa mite count."),
            ("好了，盖上箱盖。", "All right, close the lid."),
        ]
        let text = cues.enumerated().map { index, cue in
            "\(index + 1)\n00:00:0\(2 * index),000 --> 00:00:0\(2 * index + 1),500\n\(cue.0)\n\(cue.1)\n"
        }.joined(separator: "\n")
        let (folder, input) = try Self.input(text, named: "hive.srt")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["map", "--discover", "--no-glossary", "--render", "none", "-o", folder.appendingPathComponent("m").path, input.path], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.mapSize(result.stdout) == 0, "\(result.stdout)")
        #expect(result.stderr.contains("the map is empty") && result.stderr.contains("discovery proposed"), "\(result.stderr)")
        #expect(result.stderr.contains("glossgraph discover lists every proposal") && !result.stderr.contains("try --discover"), "\(result.stderr)")
    }

    @Test("a short text whose concepts are each found in one unit maps them, linked by the unit they share, and says so; --min-frequency 2 keeps them out")
    func shortTextMapsSingleMentions() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("once.md")
        let turns = [
            "**甲：** 规模定律和预训练有关吗？", "**乙：** 有关。那后训练和对齐呢？", "**甲：** 红队测试和合成数据也要讲。",
            "**乙：** 还有思维链和强化学习。", "**甲：** 好。",
        ]
        try turns.joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
        let adapted = try CLI.run(["map", "--render", "none", "-o", folder.appendingPathComponent("a").path, input.path], in: folder)
        #expect(adapted.status == 0, "\(adapted.stderr)")
        #expect(adapted.stderr.contains("concepts found in one unit are mapped too") && adapted.stderr.contains("--min-frequency"), "\(adapted.stderr)")
        #expect(Self.mapSize(adapted.stdout) >= 8, "\(adapted.stdout)")
        let fixed = try CLI.run(["map", "--render", "none", "--min-frequency", "2", "-o", folder.appendingPathComponent("b").path, input.path], in: folder)
        #expect(Self.mapSize(fixed.stdout) == 0 && fixed.stderr.contains("the map is empty"), "\(fixed.stdout)\n\(fixed.stderr)")
    }

    /// A trial's QQ export named a term in each message and no two in one: the map was empty,
    /// even with --keep-isolated, and its note called the discovered concepts glossary ones.
    @Test("a short text whose concepts share no unit maps them without links and says so; --no-keep-isolated leaves the map empty, saying the concepts were discovered")
    func shortTextKeepsUnlinkedConcepts() throws {
        let turns = [
            "**甲：** 我们先聊规模定律。", "**乙：** 好。", "**甲：** 然后是红队测试。", "**乙：** 嗯。", "**甲：** 最后说合成数据。",
        ]
        let (folder, input) = try Self.input(turns.joined(separator: "\n"), named: "apart.md")
        defer { try? FileManager.default.removeItem(at: folder) }
        let adapted = try CLI.run(["map", "--render", "none", "-o", folder.appendingPathComponent("a").path, input.path], in: folder)
        #expect(adapted.status == 0, "\(adapted.stderr)")
        #expect(Self.mapSize(adapted.stdout) == 3, "\(adapted.stdout)")
        #expect(adapted.stderr.contains("no two of its concepts share a unit") && adapted.stderr.contains("the 3 concepts without a link are drawn alone"), "\(adapted.stderr)")
        #expect(adapted.stderr.contains("--no-keep-isolated set them"), "\(adapted.stderr)")
        let dropped = try CLI.run(["map", "--render", "none", "--no-keep-isolated", "-o", folder.appendingPathComponent("b").path, input.path], in: folder)
        #expect(Self.mapSize(dropped.stdout) == 0 && dropped.stderr.contains("3 glossary concepts found"), "\(dropped.stdout)\n\(dropped.stderr)")

        let chat = [
            "2025-07-02 21:00:05 阿木(11112222)", "这批鱼我用了硫酸铜（copper sulfate）。", "",
            "2025-07-02 21:01:10 小鹿(33334444)", "我更习惯福尔马林（formalin）。", "",
            "2025-07-02 21:03:40 阿木(11112222)", "那吡喹酮（praziquantel）呢？",
        ]
        let chatInput = folder.appendingPathComponent("qq.txt")
        try chat.joined(separator: "\n").write(to: chatInput, atomically: true, encoding: .utf8)
        let discovered = try CLI.run(
            ["map", "--discover", "--no-glossary", "--render", "none", "-o", folder.appendingPathComponent("c").path, chatInput.path], in: folder)
        #expect(Self.mapSize(discovered.stdout) == 3, "\(discovered.stdout)\n\(discovered.stderr)")
        let none = try CLI.run(
            ["map", "--discover", "--no-glossary", "--no-keep-isolated", "--render", "none", "-o", folder.appendingPathComponent("d").path, chatInput.path],
            in: folder)
        #expect(none.stderr.contains("3 discovered concepts found") && !none.stderr.contains("glossary concepts"), "\(none.stderr)")
    }

    /// A trial's lecture: twelve of its thirteen concepts were linked, and the one glossed once
    /// that shared no turn with another left the map without a word.
    @Test("a short text whose concepts all fit on the map keeps the one left without a link, however many are linked")
    func shortTextKeepsLoneConcept() throws {
        let turns = [
            "**甲：** 规模定律和算力有关。", "**乙：** 合成数据和数据中心也有关。", "**甲：** 神经网络和深度学习呢？", "**乙：** 语音识别靠循环神经网络。",
            "**甲：** 预训练之后是后训练。", "**乙：** 另外说一下微调。",
        ]
        let (folder, input) = try Self.input(turns.joined(separator: "\n"), named: "lecture.md")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["map", "--render", "none", "-f", "json", "-o", "-", input.path], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let names = try #require(json["nodes"] as? [[String: Any]]).compactMap { $0["zh"] as? String }
        #expect(names.count == 11 && names.contains("微调"), "\(names)\n\(result.stderr)")
        #expect(result.stderr.contains("the 1 concept without a link is drawn alone"), "\(result.stderr)")
    }

    /// Before, an abbreviation stated beside an English name (`电导率（electrical conductivity，
    /// EC）`) reached only the page's cards: GraphML, JSON and the node table had no field for it.
    @Test("every export but the drawing carries a concept's abbreviations")
    func abbreviationsExported() throws {
        let turns = [
            "**甲：** 营养液要看电导率（electrical conductivity，EC）和酸碱度（pH）。", "**乙：** 电导率高了就兑水，酸碱度低了加碱。",
            "**甲：** 电导率和酸碱度每天都测。", "**乙：** 酸碱度和电导率记在本子上。",
        ]
        let (folder, input) = try Self.input(turns.joined(separator: "\n"), named: "farm.md")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["map", "--discover", "--render", "none", "-f", "graphml,json,csv", "-o", "out", input.path], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let out = folder.appendingPathComponent("out")
        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("concept-map.json"))) as? [String: Any])
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(nodes.first { $0["zh"] as? String == "电导率" }?["abbreviations"] as? String == "EC", "\(nodes)")
        let graphML = try String(contentsOf: out.appendingPathComponent("concept-map.graphml"), encoding: .utf8)
        #expect(graphML.contains("attr.name=\"abbreviations\"") && graphML.contains(">EC</data>"), "\(graphML)")
        let table = try String(contentsOf: out.appendingPathComponent("concept-map-nodes.csv"), encoding: .utf8)
        #expect(table.split(separator: "\n").first?.contains("abbreviations") == true && table.contains(",EC,"), "\(table)")
    }

    /// The README's commands that write `Exports/`: the bundled example, and the Taiwan
    /// interview in Traditional characters.
    @Test(
        "Exports/ holds what the README's commands write today, byte for byte",
        arguments: [
            ("Exports", [String]()),
            ("Exports/taiwan-podcast", ["--script", "hant", "Examples/taiwan-podcast.md"]),
        ])
    func committedExportsAreCurrent(_ committedFolder: String, _ arguments: [String]) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // From the repository root, as the README's command runs it.
        let result = try CLI.run(["map", "--render", "none", "-o", folder.path] + arguments, in: TestPaths.repositoryRoot)
        #expect(result.status == 0, "\(result.stderr)")
        for name in Self.exportNames {
            let fresh = try Data(contentsOf: folder.appendingPathComponent(name))
            let committed = try Data(contentsOf: TestPaths.repositoryRoot.appendingPathComponent(committedFolder).appendingPathComponent(name))
            #expect(fresh == committed, "\(committedFolder)/\(name) is stale: run the README's command again")
        }
    }

    @Test("--script writes the Chinese labels in Traditional characters or a region's usage, the glossary's tagged names first")
    func labelScripts() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func labels(_ script: String) throws -> String {
            let result = try CLI.run(["map", "--script", script, "-f", "dot", "-o", "-", "Examples/taiwan-podcast.md"], in: TestPaths.repositoryRoot)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        let simplified = try labels("hans"), traditional = try labels("hant"), taiwan = try labels("tw"), hongKong = try labels("hk")
        #expect(simplified.contains("label=\"数据中心\\ndata center\"") && simplified.contains("fontname=\"Noto Sans CJK SC\""))
        #expect(traditional.contains("label=\"數據中心\\ndata center\"") && traditional.contains("fontname=\"Noto Sans CJK TC\""))
        #expect(taiwan.contains("label=\"資料中心\\ndata center\""))
        // The glossary's zh-TW name, not OpenCC's 編程 or 程式設計.
        #expect(taiwan.contains("label=\"寫程式\\nprogramming\""))
        #expect(hongKong.contains("label=\"數據中心\\ndata center\"") && hongKong.contains("fontname=\"Noto Sans CJK HK\""))
    }

    @Test("GraphML and DOT pass check-exports for the example and the shared transcript; JSON loads in NetworkX",
          .enabled(if: CheckExports.isAvailable, "../shared/tools/check-exports is absent; skipping"))
    func realClients() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var inputs = [("example", [String]())]
        if TestPaths.hasSharedCorpus { inputs.append(("shared", [TestPaths.sharedTranscript])) }
        var files: [String] = []
        for (name, arguments) in inputs {
            let output = folder.appendingPathComponent(name).path
            let result = try CLI.run(["map", "--render", "none", "-o", output] + arguments, in: TestPaths.repositoryRoot)
            #expect(result.status == 0, "\(result.stderr)")
            files += ["\(output)/concept-map.graphml", "\(output)/concept-map.dot"]
            let loaded = try python(
                "import sys, json, networkx as nx; G = nx.node_link_graph(json.load(open(sys.argv[1]))); print(G.number_of_nodes() > 5, G.number_of_edges() > 5)",
                ["\(output)/concept-map.json"])
            #expect(loaded.stdout == "True True\n", "\(loaded.stdout)")
        }
        let yed = folder.appendingPathComponent("yed").path
        #expect(try CLI.run(["map", "--render", "none", "--yed", "-f", "graphml", "-o", yed], in: TestPaths.repositoryRoot).status == 0)
        let checked = try CheckExports.run(files)
        #expect(checked.status == 0, "\(checked.stdout)")
        #expect(checked.stdout.contains("check-exports: \(files.count) passed, 0 failed"))
        // yEd's graphics are valid under the schema as GraphML's extension mechanism extends it.
        let yEdChecked = try CheckExports.run(["\(yed)/concept-map.graphml"], schema: try yEdExtendedGraphMLSchema(in: folder))
        #expect(yEdChecked.status == 0, "\(yEdChecked.stdout)")
    }

    /// Issue 19's figures for a default map, computed by NetworkX from the GraphML: the 10 most
    /// frequent concepts all on the map, ≥ 90 % of its concepts in one component, no component
    /// of two, 25 to 80 concepts, at most 2.5 links per concept on average (mean degree).
    static func checkDefaultMapFigures(_ input: String) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mapped = try CLI.run(["map", "--render", "none", "-f", "graphml", "-o", folder.path, input])
        try #require(mapped.status == 0, "\(mapped.stderr)")
        // Every concept's frequency, from a map that keeps them all.
        let everything = try CLI.run(["map", "--all-concepts", "--keep-isolated", "--min-frequency", "1", "-f", "json", "-o", "-", input])
        let json = try #require(JSONSerialization.jsonObject(with: Data(everything.stdout.utf8)) as? [String: Any])
        let all = try #require(json["nodes"] as? [[String: Any]]).map { (id: $0["id"] as! String, units: $0["units"] as! Int) }
        let mostFrequent = all.sorted { $0.units != $1.units ? $0.units > $1.units : $0.id < $1.id }.prefix(10).map(\.id)
        let program = """
            import json, sys, networkx as nx
            g = nx.read_graphml(sys.stdin.read())
            components = sorted((len(c) for c in nx.connected_components(g)), reverse=True)
            print(json.dumps({"nodes": sorted(g.nodes), "links": g.number_of_edges(), "components": components}))
            """
        let figures = try #require(try TestPaths.python(program, input: folder.appendingPathComponent("concept-map.graphml").path))
        let measured = try #require(JSONSerialization.jsonObject(with: Data(figures.utf8)) as? [String: Any])
        let nodes = try #require(measured["nodes"] as? [String])
        let links = try #require(measured["links"] as? Int)
        let components = try #require(measured["components"] as? [Int])
        #expect(Set(mostFrequent).isSubset(of: Set(nodes)), "missing: \(Set(mostFrequent).subtracting(nodes).sorted())")
        #expect(Double(components.first ?? 0) >= 0.9 * Double(nodes.count), "components \(components)")
        #expect(!components.contains(2), "components \(components)")
        #expect((25...80).contains(nodes.count), "\(nodes.count) concepts")
        #expect(Double(2 * links) <= 2.5 * Double(nodes.count), "\(links) links for \(nodes.count) concepts")
    }

    @Test("the default map of the bundled example shows its main themes, connected",
          .enabled(if: TestPaths.hasNetworkX, "python3 has no networkx (Scripts/install-deps --test installs it); skipping"))
    func exampleDefaultMap() throws {
        try Self.checkDefaultMapFigures(TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path)
    }

    @Test("the default map of the shared transcript shows its main themes, connected",
          .enabled(if: TestPaths.hasSharedCorpus && TestPaths.hasNetworkX, "../shared/corpus or networkx is absent; skipping"))
    func sharedDefaultMap() throws {
        try Self.checkDefaultMapFigures(TestPaths.sharedTranscript)
    }

    /// A helper's 96-turn podcast in `Name: text` lines, not tuned on: before, pairs had to
    /// recur in two turns, and the map kept 20 of its 106 concepts, RSP (5 turns) not among them.
    @Test("a short text's default map keeps its frequent concepts: the backbone joins them by a turn they share, and says so",
          .enabled(if: TestPaths.hasNetworkX, "python3 has no networkx (Scripts/install-deps --test installs it); skipping"))
    func shortTextDefaultMap() throws {
        let podcast = TestPaths.fixture("maps/ai-podcast-namelines.txt")
        try Self.checkDefaultMapFigures(podcast)
        let result = try CLI.run(["map", "--render", "none", "-f", "json", "-o", "-", podcast])
        #expect(result.stderr.contains("a short text (96 units):") && result.stderr.contains("links of the backbone join concepts"), "\(result.stderr)")
        // With a pair count named, the rule is the user's.
        let named = try CLI.run(["map", "--render", "none", "--min-pair-count", "2", "-f", "json", "-o", "-", podcast])
        let json = try #require(JSONSerialization.jsonObject(with: Data(named.stdout.utf8)) as? [String: Any])
        #expect(try #require(json["edges"] as? [[String: Any]]).allSatisfy { ($0["count"] as? Int ?? 0) >= 2 })
        #expect(!named.stderr.contains("a short text"))
    }

    @Test("today's Jaccard top-60 map stays reachable by options")
    func previousDefaultsReachable() throws {
        let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path
        let result = try CLI.run(["map", "--weight", "jaccard", "--all-concepts", "--no-backbone", "--top", "20", "-o", "-", "-f", "json", example])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let edges = try #require(json["edges"] as? [[String: Any]])
        #expect(edges.count == 20)
        let weights = edges.compactMap { $0["weight"] as? Double }
        let jaccards = edges.compactMap { $0["jaccard"] as? Double }
        #expect(weights == jaccards)
        #expect(result.stderr.contains("weight: jaccard"))
    }

    @Test("-o - writes one format to standard output for pipes")
    func standardOutput() throws {
        let result = try CLI.run(["map", "-o", "-", "--format", "dot"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("graph \"concept map\" {\n  graph [charset=\"UTF-8\""))
        #expect(result.stderr.contains("36 units (turn)"))
        let twoFormats = try CLI.run(["map", "-o", "-"])
        #expect(twoFormats.status == 64)
        #expect(twoFormats.stderr.contains("-o - writes one format to standard output; name it with --format"))
    }

    @Test("an output folder that cannot be made is reported before any work, exit 73")
    func unwritableOutput() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: file)
        let result = try CLI.run(["map", "-o", file.path, "/nonexistent/transcript.md"])
        #expect(result.status == 73)
        #expect(result.stderr == "error: output '\(file.path)' exists and is not a folder\n")
        // A folder that cannot be made says why, as the system does (a trial's `-o /proc/nope`
        // gave no reason).
        let under = try CLI.run(["map", "-o", file.path + "/maps", "/nonexistent/transcript.md"])
        #expect(under.status == 73)
        #expect(under.stderr == "error: cannot create output folder '\(file.path)/maps': Not a directory\n", "\(under.stderr)")
    }

    @Test("the glossary is read while the transcripts are, but its errors come first, exit 65")
    func glossaryErrorsFirst() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let glossary = TestPaths.fixture("glossary/bad.tsv")
        let example = TestPaths.repositoryRoot.appendingPathComponent("Examples").path
        for inputs in [["/nonexistent/transcript.md"], [example]] {
            for jobs in ["1", "2"] {
                let result = try CLI.run(["map", "--glossary", glossary, "--jobs", jobs, "--render", "none", "-o", folder.appendingPathComponent("out").path] + inputs)
                #expect(result.status == 65, "\(inputs) --jobs \(jobs)")
                #expect(result.stderr.contains("bad.tsv:4: "), "\(inputs) --jobs \(jobs): \(result.stderr)")
                #expect(!result.stderr.contains("transcript.md"), "\(inputs) --jobs \(jobs): \(result.stderr)")
            }
        }
        // Nothing is written when the glossary is bad (the test named a file that is never
        // written before, so it could not fail).
        let written = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)) ?? []
        #expect(!written.contains { $0.hasPrefix("concept-map") }, "\(written)")
    }

    @Test("without Graphviz, asking to render says how to install it; by default nothing is rendered")
    func withoutGraphviz() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let noGraphviz = ["PATH": folder.path]
        let asked = try CLI.run(["map", "-o", folder.path, "-f", "dot", "--render", "png"], environment: noGraphviz)
        #expect(asked.status == 73)
        #expect(asked.stderr.contains("Graphviz is not installed, so the map cannot be rendered; install it (Debian/Ubuntu: apt-get install graphviz fonts-noto-cjk"))
        let quiet = try CLI.run(["map", "-o", folder.appendingPathComponent("b").path, "-f", "dot"], environment: noGraphviz)
        #expect(quiet.status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("b/concept-map.svg").path))
        #expect(!quiet.stderr.contains("Graphviz"), "\(quiet.stderr)")
        // The page is laid out without Graphviz too, and says how (it did so without a word).
        let page = try CLI.run(["map", "-o", folder.appendingPathComponent("c").path, "-f", "html"], environment: noGraphviz)
        #expect(page.status == 0, "\(page.stderr)")
        #expect(page.stderr.contains(
            "Graphviz is not installed, so the interactive page is laid out by a simpler force layout, with straight links; install it for the drawn layout (Debian/Ubuntu: apt-get install graphviz"),
            "\(page.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("c/concept-map.html").path))
    }

    @Test("when Graphviz fails to lay out the page, the page is laid out without it and the run says so")
    func pageLayoutFails() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dot = try #require(["/usr/bin/dot", "/usr/local/bin/dot"].first { FileManager.default.isExecutableFile(atPath: $0) }, "Graphviz is not installed")
        // Graphviz itself fails: asked for a layout engine it does not have.
        let wrapper = folder.appendingPathComponent("dot")
        try "#!/bin/sh\nexec \(dot) -Kno-such-engine \"$@\"\n".write(to: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        let output = folder.appendingPathComponent("out")
        let result = try CLI.run(["map", "-o", output.path, "-f", "html", "--render", "none"], environment: ["PATH": folder.path + ":/usr/bin:/bin"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Graphviz failed to lay out the map (There is no layout engine support for \"no-such-engine\""), "\(result.stderr)")
        #expect(result.stderr.contains("so the interactive page is laid out by a simpler force layout, with straight links"), "\(result.stderr)")
        let page = try String(contentsOf: output.appendingPathComponent("concept-map.html"), encoding: .utf8)
        #expect(page.contains("\"nodes\""))
    }

    @Test("renders SVG through Graphviz by default when it is installed")
    func rendersSVG() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["map", "-o", folder.path, "-f", "dot"])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOf: folder.appendingPathComponent("concept-map.svg"), encoding: .utf8)
        #expect(svg.contains("<svg"))
        // Labels arrive as text in both languages.
        #expect(svg.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
    }
}
