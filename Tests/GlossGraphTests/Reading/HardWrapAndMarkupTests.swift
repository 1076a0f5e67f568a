import Testing

@testable import GlossGraph
@testable import GlossGraphReading
@testable import GlossGraphText

@Suite("Joining hard-wrapped lines and removing markup")
struct HardWrapAndMarkupTests {
    static let joins: [(lines: [String], joined: String)] = [
        (["ASL", "3的要求"], "ASL 3的要求"),
        (["在SWE-", "bench上"], "在SWE-bench上"),
        (["Golden", "Gate", "Claude"], "Golden Gate Claude"),
        (["“如果-", "那么”"], "“如果-那么”"),
        (["规模", "定律"], "规模定律"),
        (["大约 10", "亿美元"], "大约 10亿美元"),
        (["Ilya", "Sutskever（你采访过他）"], "Ilya Sutskever（你采访过他）"),
        (["a dash -", "then"], "a dash - then"),
    ]

    @Test("hard-wrapped lines join with a space only between Latin text", arguments: 0..<joins.count)
    func joinsLines(_ caseIndex: Int) throws {
        let (lines, expected) = Self.joins[caseIndex]
        // As a turn reads them: the label's line, then the hard-wrapped rest.
        let transcript = try TranscriptReader.read(bytes: Array(("**甲:** " + lines.joined(separator: "\n") + "\n").utf8), file: "wrap.md")
        #expect(transcript.units.map(\.text) == [expected])
    }

    @Test("text with a short caption per line and no sentence ends (subtitles without timings) is a unit per line; hard-wrapped prose still joins")
    func captionLines() throws {
        let captions = ["潮汐是怎么来的", "月亮的引力拉着海水", "地球自转带着海面转", "于是一天有两次涨落", "渔民叫它大潮和小潮"]
        let read = try TranscriptReader.read(bytes: Array(captions.joined(separator: "\n").utf8), file: "tides.txt")
        #expect(read.units.map(\.text) == captions)
        #expect(read.units.map(\.lineStart) == [1, 2, 3, 4, 5])
        #expect(read.notices.contains { $0.message.contains("each line") }, "\(read.notices)")
        // Long lines cut mid-sentence are one paragraph, ended by a line that ends a sentence.
        let prose = [
            "潮汐是海水在月球和太阳引力作用下发生的周期性涨落，一般每天出现两次，沿海地区的",
            "渔民和航运公司都要依据潮汐表安排作业时间，港口的进出也常常要等待高潮位才能进行，",
            "所以潮汐预报是海洋服务中最基础的一项工作。天文潮可以提前多年精确推算，但风暴",
            "增水等气象因素会让实际水位偏离预报，这部分需要结合天气模式实时修正才能更准确。",
        ]
        let joined = try TranscriptReader.read(bytes: Array(prose.joined(separator: "\n").utf8), file: "prose.txt")
        #expect(joined.units.count == 1 && joined.units[0].lineEnd == 4, "\(joined.units.map(\.text))")
    }

    static let cleaning: [(markup: String, clean: String)] = [
        ("看[这篇论文](https://example.com/p(1))吧", "看这篇论文吧"),
        ("前![图](https://example.com/i.png)后", "前后"),
        ("**加粗**和*斜体*和__粗__", "加粗和斜体和粗"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("_整行斜体_", "整行斜体"),
        // Underscores that pair with none are text: a trial's forum post lost those of its
        // bowing emoticon.
        ("先謝謝大家 m(_ _)m", "先謝謝大家 m(_ _)m"),
        ("__init__ 和 _斜体_ 和 一个_", "init 和 斜体 和 一个_"),
        ("<span style=\"x\">文字</span><br/>", "文字"),
        ("a < b and c > d", "a < b and c > d"),
        ("见 https://example.com/a?b=1 与 www.example.org。", "见 与 。"),
        ("R&amp;D &lt;tag&gt;", "R&D <tag>"),
        ("\\*字面星号\\*", "*字面星号*"),
        // Stars that mark no emphasis are text (a robotics lecture lost the star of A* search
        // and of 2*3=6, in subtitles and plain text alike).
        ("用A*算法搜索，2*3=6。", "用A*算法搜索，2*3=6。"),
        ("A* search and 5 * 3", "A* search and 5 * 3"),
        ("**主持人：** 讲**启发式**", "主持人： 讲启发式"),
        ("* 列表项", "列表项"),
        ("***很重要***的事", "很重要的事"),
        // A line set in italics that ends in CJK punctuation (a trial's stage direction kept
        // its first star).
        ("*（笑）*", "（笑）"),
        ("*编者按：本文经过删节。*", "编者按：本文经过删节。"),
        ("  前后空格  ", "前后空格"),
        ("how  with   what, Hw", "how with what, Hw"),
        ("见xhttp://a.b与/www.c.d和https://e.f 完", "见xhttp://a.b与/www.c.d和 完"),
    ]

    @Test("markup is removed and link text kept", arguments: 0..<cleaning.count)
    func cleansMarkup(_ caseIndex: Int) {
        let (markup, expected) = Self.cleaning[caseIndex]
        var output: [UInt8] = []
        MarkdownLine.appendCleanText(of: Array(markup.utf8)[...], to: &output)
        #expect(String(decoding: output, as: UTF8.self) == expected)
    }

    @Test("line kinds that are not speech are recognised")
    func nonSpeechLines() {
        func bytes(_ text: String) -> ArraySlice<UInt8> { Array(text.utf8)[...] }
        #expect(MarkdownLine.isImageOnly(bytes("![](https://e.com/a.png)![](https://e.com/b.png)")))
        #expect(!MarkdownLine.isImageOnly(bytes("![](https://e.com/a.png) 图注")))
        #expect(MarkdownLine.isLinkListItem(bytes("  1. [标题](https://e.com/1)")))
        #expect(MarkdownLine.isLinkListItem(bytes("- [A](https://e.com/a) | [B](https://e.com/b)")))
        #expect(!MarkdownLine.isLinkListItem(bytes("见[标题](https://e.com/1)一文")))
        #expect(MarkdownLine.isEmphasizedCitation(bytes(" _参考资料: https://e.com/x，2024_")))
        #expect(!MarkdownLine.isEmphasizedCitation(bytes("_强调一句话_")))
        #expect(MarkdownLine.isRule(bytes("****")))
        #expect(MarkdownLine.isRule(bytes("- - -")))
        #expect(!MarkdownLine.isRule(bytes("**加粗**")))
        #expect(MarkdownLine.isHeading(bytes("## 往期精选")))
        #expect(!MarkdownLine.isHeading(bytes("#标签")))
    }

    static let labels: [(line: String, name: String?)] = [
        ("**莱克斯：**", "莱克斯"),
        ("**阿莫迪：** 是的。", "阿莫迪"),
        ("**Lex:** yes", "Lex"),
        ("**名字**：正文", "名字"),
        ("**[00:10] Speaker B:** text", "Speaker B"),
        ("**加粗的整句话，不是标签：**", nil),
        ("**ASL-4，达到某种程度**", nil),
        ("**没有冒号**", nil),
    ]

    @Test("bold speaker labels", arguments: 0..<labels.count)
    func recognisesBoldLabel(_ caseIndex: Int) {
        let (line, name) = Self.labels[caseIndex]
        let match = SpeakerLabel.bold(Array(line.utf8)[...])
        #expect(match.map { String(decoding: $0.name, as: UTF8.self) } == name)
    }

    static let colonLabels: [(line: String, name: String?)] = [
        ("Alice: hello", "Alice"),
        ("鲍勃：你好", "鲍勃"),
        ("[00:01:02] Speaker B: text", "Speaker B"),
        ("00:10 Host: text", "Host"),
        ("https://example.com", nil),
        ("A long sentence, with a comma: is not a name", nil),
        // A clause with a contraction before a colon (a trial's subtitle line `Tomorrow we'll
        // trim: turn the bowl…` lost its first words to a speaker).
        ("Tomorrow we'll trim: turn the bowl", nil),
        ("Now it’s simple: press here", nil),
        ("I don't know: maybe", nil),
        // So is one with a copula or auxiliary (a trial's coffee cue `Next class is hands-on:
        // everyone roasts one batch.` gave a speaker).
        ("The next batch is darker: see the color", nil),
        ("This step can wait: first weigh the beans", nil),
        ("Will Smith: hi", "Will Smith"),
        ("Conan O'Brien: hello", "Conan O'Brien"),
        ("Sophie's mum: hi", "Sophie's mum"),
    ]

    @Test("a header's fields and credits, their kind before the head (录制时间, 采访地点, Recording date, 採訪整理), are no one-off speakers")
    func headerFieldsAreNoSpeakers() throws {
        // A helper's Taiwanese interview had a speaker called 採訪整理 (interview written up by).
        for header in ["录制时间：2023年冬　　地点：台里三号棚", "采访地点：学校图书馆", "Recording date: March 2024", "採訪整理：本刊編輯部", "文字整理：小周", "现场摄影：阿凯"] {
            let text = ["第九期：旧城改造", header, "", "主播：欢迎收听。", "时间管理师：谢谢邀请。", "主播：先聊清单。", "时间管理师：好。"].joined(separator: "\n")
            let transcript = try TranscriptReader.read(bytes: Array(text.utf8), file: "show.txt")
            #expect(Set(transcript.units.compactMap(\.speaker)) == ["主播", "时间管理师"], "\(header)")
            #expect(transcript.units.count == 4 && transcript.units.first?.lineStart == 4, "\(header)")
        }
    }

    /// A helper's beekeeping podcast had a speaker called 嘉宾 and a closing sound read as a heading.
    @Test("a cast list before the first turn (a role, then a speaker's name) is preamble, and a sound between turns is said to be one")
    func castListAndSounds() throws {
        let text = [
            "山野夜话 第三期", "嘉宾：林秋生（茶农）", "", "[00:00] 许宁：欢迎收听。", "[00:05] 林秋生：大家好。", "[00:09] 许宁：先聊采茶。",
            "[00:20] 林秋生：好的。", "", "（片尾音乐）",
        ].joined(separator: "\n")
        let transcript = try TranscriptReader.read(bytes: Array(text.utf8), file: "show.txt")
        #expect(Set(transcript.units.compactMap(\.speaker)) == ["许宁", "林秋生"], "\(transcript.units.map(\.speaker))")
        #expect(transcript.units.first?.lineStart == 4)
        #expect(transcript.skipped.contains { $0.reason == .preamble && $0.lines.contains(2) }, "\(transcript.skipped)")
        #expect(transcript.skipped.contains { $0.reason == .soundDescription && $0.lines.contains(9) }, "\(transcript.skipped)")
    }

    @Test("a role with the name in brackets is that person (主持人（王蕾） is 王蕾); a name with the role in brackets too")
    func rolesAndNames() throws {
        let text = [
            "主持人（王蕾）：欢迎收听。", "嘉宾（陈默）：大家好。", "主持人（王蕾）：先聊陶片。", "嘉宾（陈默）：好的。", "张敏（观众）：我有个问题。",
            "嘉宾（陈默）：请讲。", "张敏（观众）：谢谢。",
        ]
        let transcript = try TranscriptReader.read(bytes: Array(text.joined(separator: "\n").utf8), file: "show.txt")
        #expect(transcript.units.map { $0.speaker ?? "" } == ["王蕾", "陈默", "王蕾", "陈默", "张敏", "陈默", "张敏"], "\(transcript.units.map(\.speaker))")
        // A role and a space before the name (a helper's security podcast had a speaker called
        // `嘉宾 王磊`, and proposed 王磊 as a term).
        let spaced = ["**主持人：** 欢迎。", "**嘉宾 王磊：** 大家好，我是王磊。", "**主持人：** 王磊，先说勒索软件。", "**嘉宾 王磊：** 好。", "**Host Sam Ortiz：** Thanks."]
        let read = try TranscriptReader.read(bytes: Array(spaced.joined(separator: "\n\n").utf8), file: "show.md")
        #expect(read.units.map { $0.speaker ?? "" } == ["主持人", "王磊", "主持人", "王磊", "Sam Ortiz"], "\(read.units.map(\.speaker))")
        #expect(SpeakerLabel.displayName("嘉宾　王磊") == "王磊" && SpeakerLabel.displayName("主持人 嘉宾") == "主持人 嘉宾")
    }

    @Test("plain colon speaker labels", arguments: 0..<colonLabels.count)
    func recognisesColonLabel(_ caseIndex: Int) {
        let (line, name) = Self.colonLabels[caseIndex]
        let match = SpeakerLabel.colon(Array(line.utf8)[...])
        #expect(match.map { String(decoding: $0.name, as: UTF8.self) } == name)
    }
}
