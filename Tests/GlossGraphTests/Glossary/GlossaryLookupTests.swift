import Foundation
import Testing

@testable import GlossGraph
@testable import GlossGraphCounting
@testable import GlossGraphGlossary
@testable import GlossGraphText

@Suite("Looking up concepts")
struct GlossaryLookupTests {
    let lookup: GlossaryLookup

    init() throws {
        lookup = GlossaryLookup(glossary: try Glossary.load(files: [TestPaths.fixture("glossary/small.tsv")]))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var query: String
        var id: String
        var kind: GlossaryLookup.MatchKind
        var matchedName: String
        var testDescription: String { query }
    }

    @Test(
        "each way of finding a concept",
        arguments: [
            Case(query: "RSP", id: "responsible-scaling-policy", kind: .name, matchedName: "RSP"),
            Case(query: "rsp", id: "responsible-scaling-policy", kind: .name, matchedName: "RSP"),
            Case(query: "责任共享计划", id: "responsible-scaling-policy", kind: .name, matchedName: "责任共享计划"),
            Case(query: "宪法人工智能", id: "constitutional-ai", kind: .name, matchedName: "宪法人工智能"),
            Case(query: "憲法AI", id: "constitutional-ai", kind: .name, matchedName: "宪法AI"),
            Case(query: "ASL 3", id: "asl-3", kind: .name, matchedName: "ASL-3"),
            Case(query: "ＡＳＬ３", id: "asl-3", kind: .name, matchedName: "ASL-3"),
            Case(query: "ASL三级", id: "asl-3", kind: .name, matchedName: "ASL三级"),
            Case(query: "xianfa AI", id: "constitutional-ai", kind: .pinyin, matchedName: "宪法AI"),
            Case(query: "xiànfǎ ai", id: "constitutional-ai", kind: .pinyin, matchedName: "宪法AI"),
            Case(query: "guimo dinglü", id: "scaling-laws", kind: .pinyin, matchedName: "规模定律"),
            Case(query: "gui1mo2 ding4lv4", id: "scaling-laws", kind: .pinyin, matchedName: "规模定律"),
            Case(query: "xianfa", id: "constitutional-ai", kind: .prefix, matchedName: "宪法AI"),
            Case(query: "responsible scal", id: "responsible-scaling-policy", kind: .prefix, matchedName: "responsible scaling plan"),
            Case(query: "宪法式", id: "constitutional-ai", kind: .prefix, matchedName: "宪法式AI"),
        ])
    func finds(_ testCase: Case) throws {
        let result = lookup.lookup(testCase.query)
        let match = try #require(result.matches.first)
        #expect(result.matches.count == 1)
        #expect(match.concept.id == testCase.id)
        #expect(match.kind == testCase.kind)
        #expect(match.matchedName == testCase.matchedName)
    }

    @Test(
        "a typo or an ambiguous beginning gives ranked suggestions",
        arguments: [
            ("constitutonal", ["constitutional-ai"]),
            ("constitutonal ai", ["constitutional-ai"]),
            ("规模定理", ["scaling-laws"]),
            ("Claude 3.5 Sonet", ["claude-3-5-sonnet"]),
        ])
    func suggests(_ query: String, _ ids: [String]) {
        let result = lookup.lookup(query)
        #expect(result.matches.isEmpty)
        #expect(result.suggestions.map(\.concept.id).prefix(ids.count) == ids[...])
    }

    @Test(
        "a polyphonic character is found by each of its readings",
        arguments: [
            ("weitiao", "微调"), ("weidiao", "微调"), ("changwei fenbu", "长尾分布"), ("zhangwei fenbu", "长尾分布"),
            ("yinhang", "银行"), ("xingwei", "行为"), ("zhongyao", "重要"), ("chongxin xunlian", "重新训练"),
        ])
    func polyphonic(_ query: String, _ name: String) throws {
        let glossary = try Glossary(concepts: [Concept(id: "concept", category: "idea", zh: name, en: "concept")])
        let match = try #require(GlossaryLookup(glossary: glossary).lookup(query).matches.first)
        #expect(match.kind == .pinyin && match.matchedName == name)
    }

    /// A trial's discovered 番茄 (tomato) got the id `term-fanjia`: 茄 is jia first in the
    /// character table, qie in the word.
    @Test(
        "a name's pinyin key reads a word as the word is read, not in its characters' first readings",
        arguments: [
            ("番茄", "fanqie"), ("茄子", "qiezi"), ("雪茄", "xuejia"), ("银行", "yinhang"), ("长度", "changdu"),
            ("重新训练", "chongxinxunlian"), ("宪法AI", "xianfaai"), ("会计师事务所", "kuaijishishiwusuo"),
        ])
    func keyReadsWords(_ name: String, _ key: String) {
        #expect(Pinyin.key(ofChinese: name) == key)
    }

    /// A trial's `lookup 'IV curve'` found nothing for the glossary's I-V curve, and
    /// `lookup OrthoK` answered with a beginning of orthokeratology lens, not Ortho-K, and a
    /// later one typed Contrôle without its accent.
    @Test(
        "a Latin name is the same with or without its hyphens, spaces and accents",
        arguments: [("IV curve", "I-V curve"), ("i-v curve", "IV curve"), ("PN junction", "P-N junction"), ("p n junction", "PN junction"), ("OrthoK", "Ortho-K"),
            ("Controle Officiel Suisse des Chronometres", "Contrôle Officiel Suisse des Chronomètres")])
    func singleLetters(_ query: String, _ name: String) throws {
        let glossary = try Glossary(concepts: [
            Concept(id: "concept", category: "idea", zh: "特性曲线", en: name), Concept(id: "other", category: "idea", zh: "电压", en: "voltage"),
        ])
        let match = try #require(GlossaryLookup(glossary: glossary).lookup(query).matches.first)
        #expect(match.concept.id == "concept" && match.kind == .name)
        #expect(GlossaryLookup(glossary: glossary).lookup("I-VC curve").matches.isEmpty)
    }

    /// Suggestions a person would not call close (each was offered before): a different
    /// acronym, a word sharing two letters, a name sharing a first letter.
    @Test(
        "a name that is not close is not suggested",
        arguments: [
            ("CTLA-4", "Claude的性格", "claude's character"), ("PPO", "幂律分布", "power law"), ("a16z", "智能体", "AI agent"),
            ("code", "模型规范", "model spec"), ("code", "泰勒·考恩", "Tyler Cowen"),
        ])
    func notClose(_ query: String, _ zh: String, _ en: String) throws {
        let glossary = try Glossary(concepts: [Concept(id: "concept", category: "idea", zh: zh, en: en)])
        let result = GlossaryLookup(glossary: glossary).lookup(query)
        #expect(result.matches.isEmpty && result.suggestions.isEmpty, "\(result.suggestions.map(\.matchedName))")
    }

    @Test("whole words rank before other forms, typos and letters inside a word")
    func closenessOrder() throws {
        let glossary = try Glossary(concepts: [
            Concept(id: "sparse-autoencoder", category: "technique", zh: "稀疏自动编码器", en: "sparse autoencoder"),
            Concept(id: "programming", category: "technique", zh: "编程", en: "programming", enVariants: ["coding"]),
            Concept(id: "code-review", category: "technique", zh: "代码审查", en: "code review"),
            Concept(id: "codec", category: "technique", zh: "编解码器", en: "codecs"),
        ])
        let lookup = GlossaryLookup(glossary: glossary)
        let result = lookup.lookup("code")
        #expect(result.suggestions.map(\.concept.id) == ["code-review", "codec", "programming", "sparse-autoencoder"])
        #expect(result.suggestions.map(\.closeness) == [.words, .wordBeginning, .otherForm, .insideWord])
        #expect(lookup.lookup("programing").suggestions.map(\.closeness) == [.typo])
    }

    /// A trial's `lookup 链条` answered 链条油 (chain oil) with exit 0, and `lookup 'paring
    /// knife'` offered nothing though the glossary had paring.
    @Test("a beginning that is a word of general Chinese or English is suggested, not found; a name the query holds is suggested")
    func wordBeginningsAndHeldNames() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tsv = "id\tcategory\tzh\ten\tabbr\tzh_variants\ten_variants\tdeprecated\tnote\n"
            + "chain-oil\tpart\t链条油\tchain oil\t\t\t\t\t\n" + "paring\ttechnique\t削薄\tparing\t\t\t\t\t\n"
            + "derailleur\tpart\t变速器\tderailleur\t\t\t\t\t\n" + "bending-iron\ttool\t弯板铁\tbending iron\t\t\t\t\t\n"
        try Data(tsv.utf8).write(to: folder.appendingPathComponent("bike.tsv"))
        // (A closing trial found `bending` of bending iron: a word general English uses less than
        // every day is still a word.)
        for query in ["链条", "chain", "bending"] {
            let result = try CLI.run(["lookup", "--glossary", "bike.tsv", "--json", query], in: folder)
            #expect(result.status == 1 && result.stdout.contains("\"found\":false") && (result.stdout.contains("链条油") || result.stdout.contains("弯板铁")),
                "\(query): \(result.stdout)")
        }
        let beginning = try CLI.run(["lookup", "--glossary", "bike.tsv", "deraill"], in: folder)
        #expect(beginning.status == 0 && beginning.stdout.contains("变速器"), "\(beginning.stdout)")
        let held = try CLI.run(["lookup", "--glossary", "bike.tsv", "--json", "paring knife"], in: folder)
        #expect(held.status == 1 && held.stdout.contains("\"holds-name\"") && held.stdout.contains("削薄"), "\(held.stdout)")
    }

    /// Two trials looked up `base note` and `swirl mark` in glossaries that discover had written
    /// from their texts, which said `base notes` and `swirl marks`: only a suggestion, exit 1.
    @Test("a name written in the plural is found by its singular")
    func singularOfPluralName() throws {
        let glossary = try Glossary(concepts: [
            Concept(id: "guy-lines", category: "part", zh: "防风绳", en: "guy lines"),
            Concept(id: "tent-stakes", category: "part", zh: "地钉", en: "tent stakes"),
            Concept(id: "groundsheet-patches", category: "part", zh: "地布补丁", en: "patches"),
        ])
        let lookup = GlossaryLookup(glossary: glossary)
        for (query, id) in [("guy line", "guy-lines"), ("Tent Stake", "tent-stakes"), ("patch", "groundsheet-patches")] {
            #expect(lookup.lookup(query).matches.map(\.concept.id) == [id], "\(query)")
        }
    }

    @Test("a beginning that several concepts share gives them all, shortest name first")
    func ambiguousBeginning() throws {
        let glossary = try Glossary(concepts: [
            Concept(id: "scaling-hypothesis", category: "idea", zh: "规模假设", en: "scaling hypothesis"),
            Concept(id: "scaling-laws", category: "idea", zh: "规模定律", en: "scaling law"),
        ])
        let result = GlossaryLookup(glossary: glossary).lookup("scaling")
        #expect(result.matches.isEmpty)
        #expect(result.suggestions.map(\.concept.id) == ["scaling-laws", "scaling-hypothesis"])
        #expect(result.suggestions.map(\.distance) == [0, 0])
    }

    /// Every CJK name of the bundled glossary is found by the reading pypinyin gives the word
    /// (its phrase data), and by each reading of each of its polyphonic characters.
    @Test("every polyphonic character of the bundled glossary is found by each of its readings")
    func bundledPolyphonicCharacters() throws {
        let bundled = TestPaths.repositoryRoot.appendingPathComponent("Glossary/concepts.tsv").path
        let glossary = try Glossary.load(files: [bundled])
        let names = glossary.concepts.flatMap { concept in concept.names.filter { $0.text.containsCJK }.map { (concept.id, $0.text) } }
        let program = """
            import sys
            from pypinyin import pinyin, lazy_pinyin, Style
            for name in sys.stdin.read().split("\\n"):
                # What a user types: syllables and Latin words, not Chinese punctuation.
                def typed(reading): return reading.isascii()
                word = " ".join(r for r in lazy_pinyin(name) if typed(r))
                readings = [r for r in pinyin(name, style=Style.NORMAL, heteronym=True) if typed(r[0])]
                print(word + "\\t" + ";".join(",".join(r) for r in readings))
            """
        let output = try #require(
            try TestPaths.python(program, input: names.map(\.1).joined(separator: "\n")),
            "python3 cannot import pypinyin (Scripts/install-deps --test installs it)")
        let rows = output.split(separator: "\n", omittingEmptySubsequences: false).prefix(names.count)
        #expect(rows.count == names.count)
        let lookup = GlossaryLookup(glossary: glossary)
        func finds(_ query: String, _ id: String) -> Bool {
            lookup.lookup(query).matches.contains { $0.concept.id == id }
        }
        var polyphonic = 0
        for ((id, name), row) in zip(names, rows) {
            let columns = row.split(separator: "\t", omittingEmptySubsequences: false)
            let word = String(columns[0])
            #expect(word.isEmpty || finds(word, id), "\(name) by \(word)")
            let readings = columns[1].split(separator: ";").map { $0.split(separator: ",").map(String.init) }
            for (position, alternatives) in readings.enumerated() where alternatives.count > 1 {
                polyphonic += 1
                for reading in alternatives {
                    var query = readings.map { $0[0] }
                    query[position] = reading
                    let text = query.joined(separator: " ")
                    #expect(finds(text, id), "\(name) by \(text)")
                }
            }
        }
        #expect(polyphonic > 20)
    }

    @Test("nothing close gives no suggestions")
    func nothingClose() {
        let result = lookup.lookup("photosynthesis")
        #expect(result.matches.isEmpty && result.suggestions.isEmpty)
    }

    @Test("edit distance to the closest prefix of a name")
    func editDistance() {
        func distance(_ query: String, _ name: String) -> Int {
            EditDistance.toClosestPrefix(of: Array(name.unicodeScalars), from: Array(query.unicodeScalars))
        }
        #expect(distance("constitutonal", "constitutional ai") == 1)
        #expect(distance("abc", "abc") == 0)
        #expect(distance("abd", "abc") == 1)
        #expect(distance("xyz", "") == 3)
    }
}

@Suite("glossgraph lookup and glossary check, run as a user runs them")
struct LookupCommandTests {
    @Test(
        "the bundled glossary answers each kind of query",
        arguments: [
            ("RSP", 0, "负责任扩展策略 / Responsible Scaling Policy  [responsible-scaling-policy]"),
            ("宪法人工智能", 0, "宪法AI / Constitutional AI  [constitutional-ai]"),
            ("ASL 3", 0, "[asl-3]"),
            ("ASL三级", 0, "[asl-3]"),
            ("憲法AI", 0, "[constitutional-ai]"),
            ("xianfa", 0, "[constitutional-ai]"),
            ("constitutonal", 1, "no concept named 'constitutonal'; did you mean:\n  宪法AI / Constitutional AI  [constitutional-ai]"),
            ("weitiao", 0, "微调 / fine-tuning  [fine-tuning]"),
            ("PPO", 1, "no concept named 'PPO', and no name close to it\n"),
            // Each of these failed a fresh user's trial.
            ("Cluade", 1, "did you mean:\n  Claude  [claude]\n"),
            ("RSPs", 0, "负责任扩展策略 / Responsible Scaling Policy  [responsible-scaling-policy]"),
            ("xingzheng", 1, "no concept named 'xingzheng', and no name close to it\n"),
            ("强化学习与人类反馈", 0, "('强化学习与人类反馈' is a deprecated name: use 基于人类反馈的强化学习)"),
            ("Moore’s law", 0, "[moores-law]"),
            ("metres", 1, "no concept named 'metres'"),
            // Rows line up as a terminal shows them: 中文 takes four columns.
            ("sandboxes", 0, "\n  中文 zh       沙盒\n  zh-Hant       "),
        ])
    func bundledLookups(_ query: String, _ status: Int32, _ expected: String) throws {
        // From another working folder: the bundled glossary is found from the executable.
        let result = try CLI.run(["lookup", query], in: FileManager.default.temporaryDirectory)
        #expect(result.status == status)
        #expect(result.stdout.contains(expected), "\(result.stdout)")
        // A term not found in the bundled glossary gets a note on looking up discovered terms
        // (a trial's user looked up a term of their own text and was told only that it was not there).
        #expect(status == 0 ? result.stderr == "" : result.stderr.contains("discover --format glossary"), "\(result.stderr)")
    }

    @Test("--json output parses and says what was found, for several terms")
    func jsonOutput() throws {
        let result = try CLI.run(["lookup", "--json", "RSP", "constitutonal"])
        #expect(result.status == 1)
        let array = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(array[0]["found"] as? Bool == true)
        let concept = try #require((array[0]["concepts"] as? [[String: Any]])?.first)
        #expect(concept["id"] as? String == "responsible-scaling-policy")
        #expect(concept["abbreviations"] as? [String] == ["RSP"])
        #expect(concept["matched_by"] as? String == "name")
        #expect(array[1]["found"] as? Bool == false)
        let suggestion = try #require((array[1]["suggestions"] as? [[String: Any]])?.first)
        #expect(suggestion["id"] as? String == "constitutional-ai")
    }

    @Test("glossary check reports every problem with file and line and exits 65")
    func checkCommand() throws {
        let bad = TestPaths.fixture("glossary/bad.tsv")
        let result = try CLI.run(["glossary", "check", bad])
        #expect(result.status == 65)
        #expect(result.stderr.split(separator: "\n").count == 8)
        #expect(result.stderr.contains("\(bad):11: error: name 'rsp' (abbr of 'claims-rsp') is also a name of 'rsp'"))
        let good = try CLI.run(["glossary", "check", TestPaths.fixture("glossary/small.tsv")])
        #expect(good.status == 0)
        #expect(good.stdout == "ok: 5 concepts, 24 names in 1 file\n")
        // Named as the other commands name a glossary.
        let named = try CLI.run(["glossary", "check", "--glossary", TestPaths.fixture("glossary/small.tsv")])
        #expect(named.status == 0 && named.stdout == good.stdout, "\(named.stderr)")
    }

    @Test("a missing glossary file is an input error")
    func missingGlossary() throws {
        let result = try CLI.run(["lookup", "RSP", "--glossary", "/nonexistent/g.tsv"])
        #expect(result.status == 66)
        #expect(result.stderr == "error: cannot open '/nonexistent/g.tsv': no such file\n")
    }
}
