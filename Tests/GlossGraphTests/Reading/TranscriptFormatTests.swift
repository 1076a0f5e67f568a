import Foundation
import Testing

@testable import GlossGraph
@testable import GlossGraphReading
@testable import GlossGraphText

/// One expected unit: speaker, source lines and clean text.
struct ExpectedUnit: CustomStringConvertible, Sendable {
    var speaker: String?
    var lines: ClosedRange<Int>
    var text: String
    var description: String { "\(speaker ?? "–") \(lines) \(text)" }
}

struct FormatCase: CustomTestStringConvertible, Sendable {
    var fixture: String
    var format: InputFormat
    var kind: UnitKind
    var units: [ExpectedUnit]
    var testDescription: String { fixture }
}

@Suite("Reading each transcript format")
struct TranscriptFormatTests {
    static let cases: [FormatCase] = [
        FormatCase(
            fixture: "reading/wechat.md", format: .markdown, kind: .turn,
            units: [
                ExpectedUnit(
                    speaker: "主持人", lines: 14...21,
                    text: "欢迎来到节目。今天聊聊ASL 3和SWE-bench，还有Golden Gate Claude。\n第二段话，依然是主持人。这里有一个链接文字和一张图："),
                ExpectedUnit(
                    speaker: "嘉宾", lines: 25...27,
                    text: "谢谢邀请。加粗的观点很重要，HTML标签也要去掉。“如果-那么”结构是关键。"),
                ExpectedUnit(
                    speaker: "主持人", lines: 34...36,
                    text: "冒号在粗体外面的标签也算。网址 不应出现。\n第三段不是标签: 这是一句加粗开头的话，只出现一次。"),
                ExpectedUnit(speaker: "嘉宾", lines: 38...41, text: "半角冒号的标签。\nASL-4这一整行都是加粗的句子"),
                // Text after a heading that no label claims is a paragraph of its own, not lost.
                ExpectedUnit(speaker: nil, lines: 45...45, text: "这一段在标题之后、下一个标签之前，是文章正文。"),
                ExpectedUnit(speaker: "主持人", lines: 47...47, text: "最后，谢谢收听。"),
            ]),
        FormatCase(
            fixture: "reading/timestamped-bold.md", format: .markdown, kind: .turn,
            units: [
                ExpectedUnit(speaker: "Speaker A", lines: 1...1, text: "Welcome back to the show."),
                ExpectedUnit(speaker: "Speaker B", lines: 3...3, text: "Thanks. Today we talk about RLHF."),
                ExpectedUnit(speaker: "Speaker A", lines: 5...6, text: "And about constitutional AI too."),
            ]),
        FormatCase(
            fixture: "reading/labeled.txt", format: .labeled, kind: .turn,
            units: [
                ExpectedUnit(
                    speaker: "Alice", lines: 1...3,
                    text: "We start with scaling laws. They keep holding across many orders of magnitude."),
                ExpectedUnit(speaker: "Bob", lines: 4...4, text: "我同意，规模定律很稳定。"),
                ExpectedUnit(speaker: "Alice", lines: 5...5, text: "What about data?"),
                ExpectedUnit(speaker: "Bob", lines: 6...6, text: "Synthetic data helps."),
            ]),
        FormatCase(
            fixture: "reading/timestamped.txt", format: .labeled, kind: .turn,
            units: [
                ExpectedUnit(speaker: "Host", lines: 1...1, text: "Welcome."),
                ExpectedUnit(speaker: "Guest", lines: 2...2, text: "Glad to be here."),
                ExpectedUnit(speaker: "Host", lines: 3...3, text: "Tell us about RSP."),
                ExpectedUnit(speaker: "Guest", lines: 4...4, text: "It is a policy with if-then commitments."),
            ]),
        FormatCase(
            fixture: "reading/name-lines.txt", format: .nameLines, kind: .turn,
            units: [
                ExpectedUnit(speaker: "HOST", lines: 1...2, text: "Our topic today is interpretability."),
                ExpectedUnit(speaker: "GUEST", lines: 4...6, text: "Sparse autoencoders find features inside the network."),
                ExpectedUnit(speaker: "HOST", lines: 8...9, text: "Is that mechanistic interpretability?"),
                ExpectedUnit(speaker: "GUEST", lines: 11...12, text: "Yes, one part of it."),
            ]),
        FormatCase(
            fixture: "reading/subtitles.srt", format: .srt, kind: .cue,
            units: [
                // A cue's lines are its text lines; numbers and timings are skipped as structure.
                ExpectedUnit(speaker: nil, lines: 3...4, text: "欢迎收听。今天聊规模定律。"),
                ExpectedUnit(speaker: nil, lines: 8...9, text: "We talk about scaling laws."),
                ExpectedUnit(speaker: nil, lines: 13...13, text: "ASL-3 防护"),
            ]),
        FormatCase(
            fixture: "reading/subtitles.vtt", format: .vtt, kind: .cue,
            units: [
                ExpectedUnit(speaker: "Lex", lines: 8...8, text: "Welcome to the podcast."),
                ExpectedUnit(speaker: "Dario", lines: 11...11, text: "Thanks for having me."),
                ExpectedUnit(speaker: nil, lines: 14...14, text: "No voice on this cue."),
                // Two voices on one line are two units (before, Dario's words went to Lex).
                ExpectedUnit(speaker: "Lex", lines: 17...17, text: "Right."),
                ExpectedUnit(speaker: "Dario", lines: 17...17, text: "两个声音，一行。"),
            ]),
        FormatCase(
            fixture: "reading/no-labels.txt", format: .paragraphs, kind: .paragraph,
            units: [
                ExpectedUnit(speaker: nil, lines: 1...2, text: "规模定律说明，模型越大、数据越多，效果越好。这是第一段的第二行。"),
                ExpectedUnit(speaker: nil, lines: 4...4, text: "第二段讲负责任扩展策略（RSP）。"),
                ExpectedUnit(speaker: nil, lines: 8...8, text: "Third paragraph in English."),
            ]),
    ]

    @Test("detects the format and reads every unit", arguments: cases)
    func readsFormat(_ testCase: FormatCase) throws {
        let path = TestPaths.fixture(testCase.fixture)
        let transcript = try TranscriptReader.read(contentsOf: path)
        #expect(transcript.format == testCase.format)
        let actual = transcript.units.map {
            ExpectedUnit(speaker: $0.speaker, lines: $0.lineStart...$0.lineEnd, text: $0.text)
        }
        #expect(actual.map(\.description) == testCase.units.map(\.description))
        #expect(transcript.units.map(\.index) == Array(1...testCase.units.count))
        // Unlabelled text in a labelled file is a paragraph.
        #expect(transcript.units.allSatisfy { ($0.kind == testCase.kind || ($0.kind == .paragraph && $0.speaker == nil)) && $0.file == path })
    }

    @Test("a bilingual cue's two lines are one speaker's words in two languages, whatever dashes or labels each repeats; a dashed cue in one language is two speakers")
    func bilingualCues() throws {
        // A trial's bilingual lecture read `- 学员：…` over `- Student: …` as two speakers.
        let cues = [
            "1\n00:00:01,000 --> 00:00:03,000\n讲师：先把面团揉到光滑。\nInstructor: First knead the dough until smooth.",
            "2\n00:00:03,500 --> 00:00:06,000\n- 学徒：要揉多久？\n- Apprentice: How long should I knead it?",
            "3\n00:00:06,500 --> 00:00:09,000\n- Ten minutes or so.\n- 大概十分钟。",
            "4\n00:00:09,500 --> 00:00:12,000\n- 好的。\n- 开始吧。",
        ]
        let transcript = try TranscriptReader.read(bytes: Array(cues.joined(separator: "\n\n").utf8), file: "bakery.srt")
        #expect(transcript.units.map(\.speaker) == ["讲师", "学徒", nil, nil, nil])
        #expect(transcript.units.map { $0.lineStart...$0.lineEnd } == [3...4, 8...9, 13...14, 18...18, 19...19])
        #expect(transcript.units[1].text.contains("How long should I knead it?") && !transcript.units[1].text.contains("Apprentice"))
        // Two dialogue lines on one line are two voices (a trial's `- 要等多久？ - 大概一分钟。`),
        // and so are each line's two in a bilingual cue.
        let voices = [
            "1\n00:00:01,000 --> 00:00:03,000\n- 要等多久？ - 大概一分钟。",
            "2\n00:00:03,500 --> 00:00:06,000\n- 好了吗？- 老师：好了。\n- Ready? - Teacher: Ready.",
            "3\n00:00:06,500 --> 00:00:09,000\n- 温度是 60-70 度。",
        ]
        let split = try TranscriptReader.read(bytes: Array(voices.joined(separator: "\n\n").utf8), file: "vat.srt")
        #expect(split.units.map(\.text) == ["要等多久？", "大概一分钟。", "好了吗？", "好了。", "Ready?", "Ready.", "温度是 60-70 度。"])
        #expect(split.units.map(\.speaker) == [nil, nil, nil, "老师", nil, "Teacher", nil])
        // A dialogue over its translation, line by line (a trial's pottery cues counted Student
        // and Teacher as two more speakers), or each voice over its own (a trial's coffee cues):
        // a unit per voice holding both its lines, the speaker the Chinese line names.
        let dialogue = [
            "1\n00:00:01,000 --> 00:00:04,000\n- 学徒：刀要磨几遍？\n- 师傅：先粗磨二十遍。\n- Apprentice: How many passes?\n- Master: Twenty on the coarse stone.",
            "2\n00:00:04,500 --> 00:00:06,000\n- 看这里。\n- 好。\n- Look here.\n- OK.",
        ]
        let translated = try TranscriptReader.read(bytes: Array(dialogue.joined(separator: "\n\n").utf8), file: "whetstone.srt")
        #expect(translated.units.map(\.speaker) == ["学徒", "师傅", nil, nil], "\(translated.units.map(\.speaker))")
        #expect(translated.units.first?.text == "刀要磨几遍？\nHow many passes?")
        #expect(translated.units.map(\.lineStart) == [3, 4, 10, 11])
        let interleaved = [
            "WEBVTT", "00:01.000 --> 00:04.000\n- 学徒：刀要磨几遍？\n- Apprentice: How many passes?\n- 师傅：先粗磨二十遍。\n- Master: Twenty on the coarse stone.",
            // One voice span opening both lines of a pair names one speaker.
            "00:04.500 --> 00:06.000\n<v 师傅>看这里，刀背放平。\n<v 师傅>Look here, keep the spine flat.",
            // A Chinese line that starts with Latin letters stays apart from its translation.
            "00:06.500 --> 00:08.000\nRoR 要平稳往下走。\nThe RoR should decline steadily.",
            // A discourse label before a colon is no speaker (a trial's `总结一下：…` / `To sum up: …`).
            "00:08.500 --> 00:10.000\n总结一下：盐度要控制好。\nTo sum up: keep the salinity right.",
            // So is one with its number in words (a trial's `Step one:` was a speaker).
            "00:10.500 --> 00:12.000\n第一步：先开粗磨。\nStep one: start on the coarse stone.",
            // A clause before a colon is no name (a trial's implant lecture: `最关键的一件事：骨结合`).
            "00:12.500 --> 00:14.000\n磨刀最要紧的一件事：角度。\nThe one thing that matters: the angle.",
        ]
        let vtt = try TranscriptReader.read(bytes: Array(interleaved.joined(separator: "\n\n").utf8), file: "whetstone.vtt")
        #expect(vtt.units.map(\.speaker) == ["学徒", "师傅", "师傅", nil, nil, nil, nil], "\(vtt.units.map(\.speaker))")
        #expect(vtt.units.map(\.text) == [
            "刀要磨几遍？\nHow many passes?", "先粗磨二十遍。\nTwenty on the coarse stone.", "看这里，刀背放平。\nLook here, keep the spine flat.",
            "RoR 要平稳往下走。\nThe RoR should decline steadily.", "总结一下：盐度要控制好。\nTo sum up: keep the salinity right.",
            "第一步：先开粗磨。\nStep one: start on the coarse stone.", "磨刀最要紧的一件事：角度。\nThe one thing that matters: the angle.",
        ])
        for label in ["Part II", "Tip three", "Step 4"] {
            #expect(SpeakerLabel.isDiscourseLabel(Array(label.utf8)[...]), "\(label)")
        }
        #expect(!SpeakerLabel.isDiscourseLabel(Array("Mary Ann".utf8)[...]))
    }

    /// A trial's Hong Kong forum thread had no speakers: each post's header
    /// (`#2 老馬車房 發表於 2024-03-10 00:05`) was glued to the post's first line.
    /// Fansubbed Chinese video comes as SubStation Alpha (`.ass`): the session-58 build read
    /// such a file as paragraphs, its `Style:` and `Format:` lines among them, and took a
    /// `Dialogue:` line's fields for its words.
    @Test("SubStation Alpha subtitles: each Dialogue event is a cue, its Name field the speaker, events shown together one bilingual cue")
    func subStationAlpha() throws {
        let script = [
            "[Script Info]", "; made by hand", "Title: 窑口访谈", "ScriptType: v4.00+", "",
            "[V4+ Styles]", "Format: Name, Fontname, Fontsize, PrimaryColour", "Style: 中文,Noto Sans CJK SC,52,&H00FFFFFF",
            "Style: 英文,Arial,34,&H00FFFFFF", "",
            "[Events]", "Format: Layer, Start, End, Name, Style, MarginL, MarginR, MarginV, Effect, Text",
            "Dialogue: 0,0:00:01.00,0:00:04.00,窑工,中文,0,0,0,,开窑之前，先看火照\\N{\\fs30}Before opening the kiln, check the draw trial",
            "Comment: 0,0:00:04.00,0:00:05.00,,中文,0,0,0,,译注：火照是试片",
            "Dialogue: 0,0:00:05.00,0:00:08.00,,中文,0,0,0,,{\\an8}{\\p1}m 0 0 l 100 0 100 100{\\p0}第二集",
            "Dialogue: 0,0:00:08.00,0:00:11.00,,中文,0,0,0,,釉面起泡，多半是升温太快",
            "Dialogue: 0,0:00:08.00,0:00:11.00,,英文,0,0,0,,Blistered glaze,\\hmostly from firing too fast",
            "Dialogue: 0,0:00:11.00,0:00:12.00,学徒,中文,0,0,0,,",
            "Dialogue: 0,0:00:12.00,0:00:15.00,学徒,中文,0,0,0,,那{还能补救吗？",
        ].joined(separator: "\n")
        let transcript = try TranscriptReader.read(bytes: Array(script.utf8), file: "kiln.ass")
        #expect(transcript.format == .ass)
        #expect(transcript.units.map(\.speaker) == ["窑工", nil, nil, "学徒"])
        #expect(transcript.units.map(\.text) == [
            "开窑之前，先看火照\nBefore opening the kiln, check the draw trial", "第二集",
            "釉面起泡，多半是升温太快\nBlistered glaze, mostly from firing too fast", "那{还能补救吗？",
        ])
        #expect(transcript.units.map { $0.lineStart...$0.lineEnd } == [13...13, 15...15, 16...17, 19...19])
        // Every other line is subtitle structure (sections, styles, formats, the comment), or an
        // event with no text.
        let skipped = transcript.skipped.flatMap { Array($0.lines) }
        #expect(Set(skipped).subtracting([5, 10]) == Set([1, 2, 3, 4, 6, 7, 8, 9, 11, 12, 14, 18]), "\(transcript.skipped)")
        #expect(transcript.skipped.first { $0.lines.contains(18) }?.reason == .markup)
        // Found by its first line without the extension, and searched for in folders.
        #expect(try TranscriptReader.read(bytes: Array(script.utf8), file: "kiln.txt").format == .ass)
        #expect(TranscriptReader.transcriptExtensions.isSuperset(of: ["ass", "ssa"]))
    }

    /// trial66: `记住三件事：碳氮比、…` in a lecture's cue was read as spoken by 记住三件事.
    @Test("in subtitles, a clause before a colon said once is speech; a prefix said twice, a role or a short name names a speaker")
    func subtitleClauseBeforeColon() throws {
        let cues = [
            "老师：今天讲嫁接。", "先说三个要点：切口平、对得准、绑得紧。", "下节预告：压条繁殖。", "学员：砧木选几年生的？",
            "老师：两三年生的最好。", "观众：能嫁接月季吗？", "举个例子：柑橘常用枳做砧木。", "上一讲：播种育苗。",
        ]
        let srt = cues.enumerated().map { "\($0.offset + 1)\n00:00:0\($0.offset),000 --> 00:00:0\($0.offset),900\n\($0.element)" }
        let transcript = try TranscriptReader.read(bytes: Array(srt.joined(separator: "\n\n").utf8), file: "graft.srt")
        #expect(transcript.units.map(\.speaker) == ["老师", nil, nil, "学员", "老师", "观众", nil, nil])
        #expect(transcript.units[1].text == "先说三个要点：切口平、对得准、绑得紧。")
    }

    @Test("a forum thread's post headers name each post's author: the post's number, the thread starter's role and the date go")
    func forumPostHeaders() throws {
        let text = [
            "討論區 › 單車 › 【求助】鏈條成日甩",
            "",
            "#1 樓主 阿明 發表於 2024-05-01 21:10",
            "鏈條成日甩，係咪要換？",
            "",
            "#2 單車舖陳生 發表於 2024-05-01 22:03",
            "回覆 #1：先量下鏈條伸長。",
            "後撥都要調埋。",
            "",
            "#3 阿明 發表於 2024-05-02 08:15",
            "多謝，量咗先。",
            "",
            "#4 單車舖陳生 發表於 2024-05-02 09:40",
            "唔使客氣。",
        ].joined(separator: "\n")
        let read = try TranscriptReader.read(bytes: Array(text.utf8), file: "forum.txt")
        #expect(read.units.map(\.speaker) == ["阿明", "單車舖陳生", "阿明", "單車舖陳生"], "\(read.units.map(\.speaker))")
        #expect(read.units.first?.text == "鏈條成日甩，係咪要換？")
        #expect(read.units.dropFirst().first?.text == "回覆 #1：先量下鏈條伸長。後撥都要調埋。")
        #expect(read.units.last?.text == "唔使客氣。")
    }

    /// A trial's fishing-reel forum numbered its replies `B1 老K釣具行 2024-05-02 21:40`: each
    /// floor was a speaker of its own (11 for 4 people), and the first post, `#1 樓主 name date`
    /// with no 發表於, was skipped as preamble. A planted-tank thread with no dates was read
    /// as paragraphs, each header glued to its post's first words (`#1 樓主 小綠蝦各位大大好`).
    @Test(
        "a forum's floor numbers (#1, B3, 5F, 5樓), the word for a reply (回覆) and dates are no part of the author's name; whoever posts once is a speaker",
        arguments: [
            ["#1 樓主 阿青 2025-01-08 20:15", "B1 鐵馬小吳 2025-01-08 20:40", "B2 阿青 2025-01-08 21:02", "B3 路過的車友老賴 2025-01-08 21:30", "B4 鐵馬小吳 2025-01-08 22:11"],
            ["#1 樓主 阿青", "B1 鐵馬小吳", "B2 阿青", "B3 路過的車友老賴", "B4 鐵馬小吳"],
            ["1F 阿青", "2F 鐵馬小吳", "3F 阿青", "4F 路過的車友老賴", "5F 鐵馬小吳"],
            // A trial's tomato forum headed replies `#1 回覆 老農阿伯`: the word for a reply stayed in the name.
            ["#1 樓主 阿青", "#2 回覆 鐵馬小吳", "#3 回覆 阿青", "#4 回复 路過的車友老賴", "#5 回應 鐵馬小吳"],
            ["第1樓 阿青 2025-01-08", "第2樓 鐵馬小吳 2025-01-08", "第3樓 阿青 2025-01-09", "第4樓 路過的車友老賴 2025-01-09", "第5樓 鐵馬小吳 2025-01-09"],
            // Trial64's table-tennis thread ended its headers with a colon (`#2 阿德教練：`), the
            // post on the lines below: no speaker was found.
            ["#1 樓主 阿青：", "#2 鐵馬小吳：", "#3 阿青:", "#4 路過的車友老賴：", "#5 回覆 鐵馬小吳："],
        ])
    func forumFloors(headers: [String]) throws {
        let posts = ["輪組該換碳纖維的嗎？預算不多 XD", "先換外胎比較有感。", "好，那我先換胎 ^^", "路過推一下，外胎真的差很多。", "不客氣～"]
        let text = (["【請益】公路車升級順序"] + zip(headers, posts).flatMap { ["", $0, $1] }).joined(separator: "\n")
        let read = try TranscriptReader.read(bytes: Array(text.utf8), file: "forum.txt")
        #expect(read.units.map(\.speaker) == ["阿青", "鐵馬小吳", "阿青", "路過的車友老賴", "鐵馬小吳"], "\(read.units.map(\.speaker))")
        #expect(read.units.map(\.text) == posts)
        #expect(read.units.first?.lineStart == 3)
    }

    /// Trial62's forum reply opened with a quotation of another post, `引述《…》：…`, which was
    /// glued to the reply's first words (`…保持乾燥謝謝…`), making a false term of the join; in
    /// trial63 the quotation was still the replier's words.
    @Test("a forum post's quotation of another post (引述《…》：…, PTT's `※ 引述…之銘言：` and `: ` lines) is a quoted message, counted where first written")
    func forumQuotationLines() throws {
        let text = [
            "#1 樓主 阿青", "輪組該換碳纖維的嗎？", "", "#2 回覆 老賴", "引述《阿青》：輪組該換碳纖維的嗎", "先換外胎比較有感。", "",
            "#3 回覆 阿青", "※ 引述《laichi (老賴)》之銘言：", ": 先換外胎比較有感", "好的我先換胎",
        ].joined(separator: "\n")
        let read = try TranscriptReader.read(bytes: Array(text.utf8), file: "forum.txt")
        #expect(read.units.map(\.speaker) == ["阿青", "老賴", "阿青"], "\(read.units.map(\.speaker))")
        #expect(read.units.map(\.text) == ["輪組該換碳纖維的嗎？", "先換外胎比較有感。", "好的我先換胎"], "\(read.units.map(\.text))")
        #expect(read.skipped.filter { $0.reason == .quotedMessage }.flatMap { Array($0.lines) } == [5, 9, 10], "\(read.skipped)")
        // Outside a forum post, a quotation line keeps its line break from the next.
        let plain = try TranscriptReader.read(bytes: Array("引述《阿青》：輪組該換了\n先換外胎比較有感。\n".utf8), file: "a.txt")
        #expect(plain.units.map(\.text) == ["引述《阿青》：輪組該換了\n先換外胎比較有感。"], "\(plain.units.map(\.text))")
        // A line that only mentions quoting goes on as a wrap does.
        #expect(!MarkdownLine.isForumQuotation(Array("引用一下大家的意見".utf8)[...]))
    }

    /// Trial65's PTT thread: each comment's mark was read into its name (`推 oldmaple` and
    /// `→ oldmaple`, two speakers), its time stayed in the text, a user who commented once was
    /// no speaker (their words went to the comment above), the body's first sentence was
    /// preamble, and the lines the site adds were speech. Then the body was nobody's, though
    /// its header names its author, and a comment the site cut into two lines was two.
    @Test("a PTT thread: each comment (推/→/噓 ID: text MM/DD HH:MM) is its user's, without the time, a → line going on with it; the body is its author's; the site's lines skipped")
    func pttComments() throws {
        let text = [
            "作者  kayaker01 (阿划)", "看板  Canoe", "標題  [問題] 獨木舟要買幾公尺的？", "時間  Sat Mar  2 20:11:05 2024", "────────────────────",
            "", "大家好，最近想買第一艘獨木舟。", "預算三萬以內，主要在日月潭划，不知道長度怎麼選比較好，想聽聽各位的經驗。", "", "--",
            "※ 發信站: 批踢踢實業坊(ptt.cc), 來自: 1.160.xx.xx (臺灣)",
            "推 riverfox: 湖面的話四米左右就很夠了，太長不好轉彎                 03/02 20:15",
            "→ riverfox: 船身寬一點比較穩，新手不容易翻                          03/02 20:16",
            "噓 lazyduck: 買什麼船，先去租來划划看                               03/02 20:20",
            "推 kayaker01: 感謝，那槳要買多長的？  03/02 20:31",
            "→ riverfox: 身高一百七的話槳大約兩百二十公分                        03/02 20:33",
            "--", "※ 編輯: kayaker01 (1.160.xx.xx 臺灣), 03/02/2024 20:40:11",
        ].joined(separator: "\n")
        let read = try TranscriptReader.read(bytes: Array(text.utf8), file: "canoe.txt")
        #expect(read.units.map { "\($0.speaker ?? "–")|\($0.text)" } == [
            "kayaker01|大家好，最近想買第一艘獨木舟。預算三萬以內，主要在日月潭划，不知道長度怎麼選比較好，想聽聽各位的經驗。",
            "riverfox|湖面的話四米左右就很夠了，太長不好轉彎\n船身寬一點比較穩，新手不容易翻", "lazyduck|買什麼船，先去租來划划看",
            "kayaker01|感謝，那槳要買多長的？", "riverfox|身高一百七的話槳大約兩百二十公分",
        ], "\(read.units.map { "\($0.speaker ?? "–")|\($0.text)" })")
        #expect(read.skipped.filter { $0.reason == .chatNotice }.flatMap { Array($0.lines) } == [10, 11, 17, 18], "\(read.skipped)")
    }

    /// Trial66's LINE export: a message of two lines that LINE put in double quotes kept the
    /// quotes and read its lines as one hard-wrapped sentence (`配羊毛盤第二道換細蠟`).
    @Test("a LINE message of several lines in double quotes: its lines stay lines, the quotes are the export's")
    func lineQuotedMessage() throws {
        let text = [
            "[LINE] 「烘焙小組」的聊天記錄", "儲存日期：2024/06/01 22:10", "", "2024/06/01（六）",
            "20:01\t小麥\t\"今天的配方：", "高筋麵粉 500 克", "水 350 克\"", "20:03\t阿豆\t收到，明天試試", "20:05\t小麥\t記得\"二次發酵\"要夠久",
        ].joined(separator: "\n")
        let read = try TranscriptReader.read(bytes: Array(text.utf8), file: "bake.txt")
        #expect(read.units.map { "\($0.speaker ?? "–")|\($0.text)" } == ["小麥|今天的配方：\n高筋麵粉 500 克\n水 350 克", "阿豆|收到，明天試試", "小麥|記得\"二次發酵\"要夠久"],
            "\(read.units.map { "\($0.speaker ?? "–")|\($0.text)" })")
    }

    /// Trial65's podcast ended `[08:58] 主持人 周舟：谢谢…` with `[音乐起]` and `（本期完）` on the
    /// next lines, which were read as the host's words.
    @Test("a sound or stage note on a line of its own inside a turn is skipped, and the turn goes on after it")
    func soundLinesInsideTurns() throws {
        let text = ["主持人：今天聊风筝。", "嘉宾：先说骨架，竹子要烤过。", "[风声]", "烤完再劈成细条。", "主持人：谢谢，下期再见。", "[音乐起]", "（本期完）"].joined(separator: "\n")
        let read = try TranscriptReader.read(bytes: Array(text.utf8), file: "kite.txt")
        #expect(read.units.map { "\($0.speaker ?? "–")|\($0.text)" } == ["主持人|今天聊风筝。", "嘉宾|先说骨架，竹子要烤过。烤完再劈成细条。", "主持人|谢谢，下期再见。"],
            "\(read.units.map { "\($0.speaker ?? "–")|\($0.text)" })")
        #expect(read.skipped.filter { $0.reason == .soundDescription }.flatMap { Array($0.lines) } == [3, 6, 7], "\(read.skipped)")
    }

    /// A trial's interview ended with `（本文根据录音整理，经受访者审阅。）` after a blank line,
    /// which was read as the last speaker's words.
    @Test("a paragraph wholly in brackets between or after the turns is an editor's aside, nobody's; the interrupted speaker's words go on after it")
    func bracketedAsides() throws {
        let text = [
            "记者：厂里一天处理多少？", "", "工程师：十万吨左右。", "",
            "记者：最后一个问题，您怎么看？", "", "工程师：先把管网修好。", "", "（编者注：管网指城市排水管网，下同。）", "", "然后再谈扩建。", "",
            "（本文根据录音整理，经受访者审阅。）",
        ].joined(separator: "\n")
        let read = try TranscriptReader.read(bytes: Array(text.utf8), file: "interview.txt")
        #expect(read.units.map { "\($0.speaker ?? "–")|\($0.text)" } == [
            "记者|厂里一天处理多少？", "工程师|十万吨左右。", "记者|最后一个问题，您怎么看？", "工程师|先把管网修好。", "–|（编者注：管网指城市排水管网，下同。）", "工程师|然后再谈扩建。",
            "–|（本文根据录音整理，经受访者审阅。）",
        ], "\(read.units.map { "\($0.speaker ?? "–")|\($0.text)" })")
        // A short sound, and speech that opens and closes with brackets, stay the speaker's.
        let sounds = try TranscriptReader.read(bytes: Array("甲：你好。\n\n乙：你好。\n\n甲：开始吧。\n\n（笑）\n\n（停顿）我觉得这样做可以，大家看呢？（笑）\n\n乙：好。\n".utf8), file: "a.txt")
        #expect(sounds.units.map(\.speaker) == ["甲", "乙", "甲", "乙"] && sounds.units[2].lineEnd == 9, "\(sounds.units.map(\.text))")
    }

    /// A closing trial's Cantonese interview (`記者（00:00:12）：`) found no speaker: the
    /// timestamp's full-width brackets were read as part of the name, and the labels stayed in
    /// the speech.
    @Test("a timestamp in full-width brackets after a name labels a turn, as one in half-width brackets does")
    func fullWidthTimestamp() throws {
        let text = ["記者（00:00:12）：梁師傅，你入行幾多年？", "", "梁師傅（00:00:20）：四十八年啦。", "", "記者（00:01:05）：學徒學咩？"]
            .joined(separator: "\n")
        let read = try TranscriptReader.read(bytes: Array(text.utf8), file: "a.md")
        #expect(read.units.map(\.speaker) == ["記者", "梁師傅", "記者"], "\(read.units.map(\.speaker))")
        #expect(read.units.map(\.text) == ["梁師傅，你入行幾多年？", "四十八年啦。", "學徒學咩？"])
    }

    /// The same trial's group-chat export (`2024-06-01 20:15:03 阿鱼🐟` above each message)
    /// found no speaker: the date and nickname were glued to the message.
    @Test("a chat export's header line, a date and time before the nickname, names the message's author")
    func chatHeaderBeforeName() throws {
        let text = [
            "潜水群聊天记录", "", "2024-06-01 20:15:03 阿鱼🐟", "今晚有人吗？", "", "2024-06-01 20:15:40 Leo_教练", "我在，8点半到。", "",
            "2024-06-01 20:16:22 阿鱼🐟", "好的。", "", "2024-06-01 20:17:05 小K", "图在群相册",
        ].joined(separator: "\n")
        let read = try TranscriptReader.read(bytes: Array(text.utf8), file: "chat.txt")
        #expect(read.units.map(\.speaker) == ["阿鱼🐟", "Leo_教练", "阿鱼🐟", "小K"], "\(read.units.map(\.speaker))")
        #expect(read.units.map(\.text) == ["今晚有人吗？", "我在，8点半到。", "好的。", "图在群相册"])
    }

    /// The next trial's QQ export found one speaker of four: `【管理员】` was read as a podcast's
    /// `【主持人】text` label, and a QQ number or an address stayed in the nickname.
    @Test("a chat export's header names the sender without the group role and the account around the nickname")
    func chatHeaderRoleAndAccount() throws {
        let text = [
            "消息对象:麻醉交流群", "", "2024-06-11 8:02:11 麻醉小王🐱(1234567)", "早，谁来麻醉？", "",
            "2024-06-11 8:03:40 【管理员】Dr.Zhou<zhou@vetmail.cn>", "我来。", "", "2024-06-11 8:05:02 麻醉小王🐱(1234567)", "收到。", "",
            "2024-06-11 8:06:15 老陈-麻醉科(7654321)", "我也在。", "", "2024-06-11 8:07:00 【管理员】Dr.Zhou<zhou@vetmail.cn>", "好。",
        ].joined(separator: "\n")
        let read = try TranscriptReader.read(bytes: Array(text.utf8), file: "qq.txt")
        #expect(read.units.map(\.speaker) == ["麻醉小王🐱", "Dr.Zhou", "麻醉小王🐱", "老陈-麻醉科", "Dr.Zhou"], "\(read.units.map(\.speaker))")
        #expect(read.units.map(\.text) == ["早，谁来麻醉？", "我来。", "收到。", "我也在。", "好。"])
    }

    /// A helper's podcast export: the show notes after the last turn (`本期提到：` over a list)
    /// and the credits (`剪辑：…`) were read as three one-off speakers' turns.
    @Test("what the editor lists after the last turn (show notes, chapter times, credits) is back matter, not speakers; a one-off speaker's last words stay speech")
    func backMatter() throws {
        let turns = ["毛线夜谈 第5期", "", "小芸：今晚聊起针。", "", "阿桂：起针松一点，收边才不会紧。", "", "小芸：那用几号针？", "", "阿桂：四号就够了。"]
        let notes = [
            [["", "本期提到：", "- 长尾起针法", "- 四号环形针"], ["", "剪辑：阿木", "音乐：《线团》"]],
            [["", "本期书单：", "· 《织物入门》"], ["", "制作：阿木"]],
            [["", "时间轴：", "00:00 开场", "03:15 起针：为什么要松"]],
            [["", "整理：阿木"]],
            // Trial68: the cast credited by role first (主持人：小芸) had been three speakers.
            [["", "主持人：小芸", "嘉宾：阿桂", "后期制作：阿木"]],
        ]
        for (number, blocks) in notes.enumerated() {
            let lines = turns + blocks.flatMap { $0 }
            let read = try TranscriptReader.read(bytes: Array(lines.joined(separator: "\n").utf8), file: "t\(number).txt")
            #expect(read.units.map(\.speaker) == ["小芸", "阿桂", "小芸", "阿桂"], "\(number): \(read.units.map(\.speaker))")
            #expect(read.units.last?.text == "四号就够了。", "\(number)")
            let backMatter = Set(read.skipped.filter { $0.reason == .backMatter }.flatMap { Array($0.lines) })
            let nonBlank = lines.indices.filter { $0 >= turns.count && !lines[$0].isEmpty }.map { $0 + 1 }
            #expect(backMatter.isSuperset(of: nonBlank) && backMatter.min() == nonBlank.first, "\(number): \(read.skipped)")
        }
        // The last words of a one-off speaker, after a blank line and without a full stop, are speech.
        let ending = try TranscriptReader.read(bytes: Array((turns + ["", "听众：下期聊收针吗"]).joined(separator: "\n").utf8), file: "t.txt")
        #expect(ending.units.last?.speaker == "听众" && ending.units.last?.text == "下期聊收针吗")
        #expect(!ending.skipped.contains { $0.reason == .backMatter })
        let naming = try TranscriptReader.read(bytes: Array((turns + ["", "听众：阿桂说得对"]).joined(separator: "\n").utf8), file: "t.txt")
        #expect(naming.units.last?.speaker == "听众", "a speaker's words that open with a name are no credit")
        // Before the last turn, such a label is no editor's field: the turns after it are read.
        let middle = try TranscriptReader.read(
            bytes: Array((Array(turns[..<5]) + ["", "剪辑：阿木", ""] + Array(turns[6...])).joined(separator: "\n").utf8), file: "t.txt")
        #expect(middle.units.map(\.speaker).suffix(2) == ["小芸", "阿桂"], "\(middle.units.map(\.speaker))")
        // A pasted chat's member posting once (`阿May：+1`) is a speaker, not the line before's words.
        let chat = try TranscriptReader.read(bytes: Array("阿桂：几点？\n小芸：七点。\n阿桂：好\n小芸：到了\n阿May：+1".utf8), file: "chat.txt")
        #expect(chat.units.map(\.speaker) == ["阿桂", "小芸", "阿桂", "小芸", "阿May"], "\(chat.units.map(\.speaker))")
    }

    /// A trial's WeChat export: a recall notice joined the message before it, a `[图片]`
    /// message was a turn, and an announcement stood in a turn.
    @Test("chat notices, placeholders and date dividers are skipped; the same words under a sender's header are speech")
    func chatNotices() throws {
        let text = [
            "2024-06-01 20:15:03 阿鱼", "欢迎老周加入群聊", "", "2024-06-01 20:16:03 老周", "谢谢大家", "", "\"老周\" 撤回了一条消息", "",
            "2024-06-01 20:17:03 阿鱼", "[图片]", "", "小雨 邀请 小K 加入了群聊", "", "———— 2024-06-02 ————", "", "2024-06-02 08:00:00 老周",
            "早", "[语音] 5\"", "", "2024-06-02 08:01:00 系统消息(10000)", "小K 退出本群", "", "2024-06-02 08:02:00 阿鱼", "好",
        ].joined(separator: "\n")
        let read = try TranscriptReader.read(bytes: Array(text.utf8), file: "wechat.txt")
        #expect(read.units.map(\.text) == ["欢迎老周加入群聊", "谢谢大家", "早", "好"], "\(read.units.map(\.text))")
        #expect(read.units.map(\.speaker) == ["阿鱼", "老周", "老周", "阿鱼"])
        let notices = Set(read.skipped.filter { $0.reason == .chatNotice }.flatMap { Array($0.lines) })
        #expect([7, 9, 10, 12, 14, 18, 20, 21].allSatisfy(notices.contains), "\(read.skipped)")
        #expect(!read.units.contains { $0.speaker == "系统消息" })
    }

    /// A trial's QQ export: a `[表情]` message's header and placeholder were two regions, and
    /// the app's notices set off the warning about text not read as speech.
    @Test("a placeholder message is one skipped region with its header; chat notices are not counted as skipped text")
    func chatNoticesAreNotLostText() throws {
        let text = [
            "2025-07-02 21:00:05 阿木(11112222)", "今晚换水百分之二十。", "", "\"小鹿\" 撤回了一条消息", "",
            "2025-07-02 21:01:10 小鹿(33334444)", "[表情]", "", "小鹿 邀请 阿青 加入了本群", "", "2025-07-02 21:02:00 系统消息(10000)",
            "阿青 已被设置为管理员", "", "2025-07-02 21:03:40 阿木(11112222)", "[图片]", "", "2025-07-02 21:04:02 阿青(55556666)", "收到，谢谢。",
        ].joined(separator: "\n")
        let read = try TranscriptReader.read(bytes: Array(text.utf8), file: "qq.txt")
        #expect(read.units.map(\.text) == ["今晚换水百分之二十。", "收到，谢谢。"], "\(read.units.map(\.text))")
        let notices = read.skipped.filter { $0.reason == .chatNotice }
        // Lines 4 to 15 are all the app's: one region, blank lines within it.
        #expect(notices.map(\.lines) == [4...15], "\(read.skipped)")
        #expect(read.skippedTextNotice == nil, "\(String(describing: read.skippedTextNotice))")
    }

    /// A trial's forum thread: a post of a picture and words about it lost its author, its
    /// header and `[圖片]` skipped as a placeholder-only message.
    @Test("a placeholder followed by the message's text is skipped alone; the text stays the sender's")
    func placeholderBeforeText() throws {
        let text = [
            "2025-08-01 10:00:00 阿强", "叶子边缘发黄了。", "", "2025-08-01 10:02:00 小林", "[图片]", "你看是不是这样？", "", "2025-08-01 10:03:00 阿强", "[图片]", "",
            "2025-08-01 10:04:00 小林", "对，就是缺钙。",
        ].joined(separator: "\n")
        let read = try TranscriptReader.read(bytes: Array(text.utf8), file: "chat.txt")
        #expect(read.units.map(\.speaker) == ["阿强", "小林", "小林"], "\(read.units.map(\.speaker))")
        #expect(read.units[1].text == "你看是不是这样？" && read.units[1].lineStart == 4, "\(read.units)")
        #expect(read.skipped.filter { $0.reason == .chatNotice }.map(\.lines) == [5...5, 8...9], "\(read.skipped)")
    }

    /// The same export: a reply's quotation (`「小K：…」` over a dashed rule) was counted again,
    /// and the reply after the rule was a unit without a speaker.
    @Test("a chat reply's quotation of an earlier message is skipped and the reply stays its sender's")
    func chatQuotation() throws {
        for layout in [["「小K：分享一下练习表」", "- - - - - - - - - - - - - - -", "收藏了！"], ["收藏了！", "「小K：分享一下练习表」", "- - - - - - - - - - - - - - -"]] {
            let text = (["2024-06-01 20:18:41 小K", "分享一下练习表", "", "2024-06-01 20:19:02 阿鱼"] + layout + ["", "2024-06-01 20:20:00 小K", "不客气"])
                .joined(separator: "\n")
            let read = try TranscriptReader.read(bytes: Array(text.utf8), file: "wechat.txt")
            #expect(read.units.map(\.text) == ["分享一下练习表", "收藏了！", "不客气"], "\(read.units.map(\.text))")
            #expect(read.units.map(\.speaker) == ["小K", "阿鱼", "小K"])
            #expect(read.skipped.contains { $0.reason == .quotedMessage && $0.lineCount == 2 }, "\(read.skipped)")
        }
    }

    /// A trial's pottery subtitles: `（笑）那我们开始吧` made 笑 a speaker.
    @Test("a bracketed stage direction opening a cue is no speaker")
    func stageDirectionPrefix() throws {
        let srt = ["1", "00:00:01,000 --> 00:00:03,000", "（笑）那我们开始吧。", "", "2", "00:00:03,500 --> 00:00:05,000", "(laughs) OK.", "",
                   "3", "00:00:05,500 --> 00:00:07,000", "（小林）老师，好了。", "", "4", "00:00:07,500 --> 00:00:09,000", "（小林）再来。"].joined(separator: "\n")
        let read = try TranscriptReader.read(bytes: Array(srt.utf8), file: "class.srt")
        #expect(read.units.map(\.speaker) == [nil, nil, "小林", "小林"], "\(read.units.map(\.speaker))")
        #expect(read.units[0].text == "（笑）那我们开始吧。")
    }

    @Test("one speaker's lines in one cue are one unit; a change of speaker starts another")
    func sameVoiceInCue() throws {
        let vtt = ["WEBVTT", "", "00:00:01.000 --> 00:00:04.000", "<v 阿峰>快拆杆一扳就松了。", "<v 阿峰>后轮先挂小飞。", "<v 小梅>明白。", "", "00:00:05.000 --> 00:00:07.000",
                   "- 阿峰：先放气。", "- 阿峰：再撬胎。"].joined(separator: "\n")
        let read = try TranscriptReader.read(bytes: Array(vtt.utf8), file: "bike.vtt")
        #expect(read.units.map(\.speaker) == ["阿峰", "小梅", "阿峰", "阿峰"], "\(read.units.map(\.speaker))")
        #expect(read.units[0].lineStart == 4 && read.units[0].lineEnd == 5)
    }

    @Test("a QQ export's banner between rules of = is preamble, not a paragraph")
    func qqBanner() throws {
        let text = ["消息记录（此消息记录为文本格式，不支持重新导入）", "", String(repeating: "=", count: 64), "消息分组:我的群聊", String(repeating: "=", count: 64),
                    "消息对象:羽毛球群", String(repeating: "=", count: 64), "", "2025-05-10 9:03:22 球球(12345678)", "三点开场", "", "2025-05-10 9:04:22 大刘(87654321)", "我来"]
            .joined(separator: "\n")
        let read = try TranscriptReader.read(bytes: Array(text.utf8), file: "qq.txt")
        #expect(read.units.map(\.text) == ["三点开场", "我来"], "\(read.units.map(\.text))")
        #expect(read.skipped.first.map { $0.reason == .preamble && $0.lines == 1...7 } ?? false, "\(read.skipped)")
    }

    /// The same trial's FAQ gave eleven one-off speakers Q1 … Q11.
    @Test("an FAQ's numbered questions (Q1：, 问题2：) are no speakers")
    func numberedQuestions() throws {
        let text = ["**Q1：申办方是谁？**", "", "申办方出钱。", "", "**Q2：什么是盲法？**", "", "盲法就是不告诉分组。", "", "**问题3：多久随访？**", "", "每月一次。"]
            .joined(separator: "\n")
        let read = try TranscriptReader.read(bytes: Array(text.utf8), file: "faq.md")
        #expect(read.units.allSatisfy { $0.speaker == nil }, "\(read.units.map(\.speaker))")
        #expect(read.units.count == 6)
    }

    /// A trial's groundwater explainer mapped only its Q&A: its sections before the first
    /// question were preamble.
    @Test("an article's sections before its questions are paragraphs of nobody's; its byline, link and short lines stay preamble")
    func articleBeforeQuestions() throws {
        let text = [
            "# 盐碱地怎么改良", "", "作者：农技站", "原文链接：https://example.com/a", "",
            "## 一、盐从哪里来", "", "地下水位高的地方，水分蒸发以后盐分留在表层土壤里，一年年积累下来，庄稼就长不好了，这就是次生盐渍化。", "",
            "改良分三步：", "", "| 方法 | 作用 |", "|---|---|", "| 排水 | 降低地下水位 |", "",
            "## 二、问答", "", "**问：** 石膏有什么用？", "", "**答：** 石膏里的钙能把土里的钠换下来。",
        ].joined(separator: "\n")
        let transcript = try TranscriptReader.read(bytes: Array(text.utf8), file: "soil.md")
        #expect(transcript.units.map(\.kind) == [.paragraph, .paragraph, .turn, .turn], "\(transcript.units.map(\.text))")
        #expect(transcript.units.prefix(2).map { $0.lineStart } == [8, 12] && transcript.units.prefix(2).allSatisfy { $0.speaker == nil })
        #expect(transcript.skipped.filter { $0.reason == .preamble }.flatMap(\.lines).sorted() == [3, 4, 10], "\(transcript.skipped)")
    }

    @Test("a forced format overrides detection")
    func forcedFormat() throws {
        // Read as paragraphs, the labelled file keeps its labels as text.
        let options = ReadingOptions(format: .paragraphs)
        let transcript = try TranscriptReader.read(contentsOf: TestPaths.fixture("reading/labeled.txt"), options: options)
        #expect(transcript.format == .paragraphs)
        // No blank lines: each line that ends a sentence ends a paragraph; the others are
        // hard wraps and join the next.
        #expect(transcript.units.map { $0.lineStart...$0.lineEnd } == [1...1, 2...3, 4...4, 5...5, 6...6])
        #expect(transcript.units.allSatisfy { $0.speaker == nil })
        #expect(transcript.units[0].text == "Alice: We start with scaling laws.")
        #expect(transcript.units[1].text == "They keep holding across many orders of magnitude.")
    }

    @Test("a file without labels says that paragraphs became units")
    func paragraphNotice() throws {
        let transcript = try TranscriptReader.read(contentsOf: TestPaths.fixture("reading/no-labels.txt"))
        #expect(transcript.notices.map(\.message) == ["no speaker labels found; each paragraph is read as a unit"])
    }

    @Test("editor's notes are left out, or kept as note units in order when asked")
    func editorsNotes() throws {
        let path = TestPaths.fixture("reading/wechat.md")
        let plain = try TranscriptReader.read(contentsOf: path)
        #expect(!plain.units.contains { $0.text.contains("编者注") || $0.text.contains("导读") })

        let withNotes = try TranscriptReader.read(contentsOf: path, options: ReadingOptions(keepNotes: true))
        let notes = withNotes.units.filter { $0.kind == .note }
        #expect(notes.count == 1)
        #expect(notes.first?.text == "编者注：这是一条编者注，解释一个术语。")
        #expect(notes.first?.lineStart == 31)
        #expect(withNotes.units.map(\.index) == Array(1...7))
        // The note sits between the guest's turn and the host's next one.
        #expect(withNotes.units.map(\.kind) == [.turn, .turn, .note, .turn, .turn, .paragraph, .turn])
    }

    @Test("speaker labels map to display names, from options and from a file")
    func speakerMapping() throws {
        let map = try SpeakerMap.load(contentsOf: TestPaths.fixture("reading/speakers.map"))
        #expect(map.names == ["主持人": "Host Lin", "嘉宾": "Guest Zhou"])
        let transcript = try TranscriptReader.read(
            contentsOf: TestPaths.fixture("reading/wechat.md"), options: ReadingOptions(speakerMap: map))
        #expect(transcript.units.map { $0.speaker ?? "" } == ["Host Lin", "Guest Zhou", "Host Lin", "Guest Zhou", "", "Host Lin"])

        var bad = SpeakerMap()
        #expect(throws: GlossGraphError.self) { try bad.add(entry: "no separator", source: SourceLocation(file: "--speaker")) }
        #expect(throws: GlossGraphError.self) { try bad.add(entry: "=Name", source: SourceLocation(file: "--speaker")) }
    }

    @Test("folders are searched recursively for transcript files, in sorted order")
    func folderExpansion() throws {
        var skipped: [Notice] = []
        let files = try TranscriptReader.expandInputs([TestPaths.fixture("reading")], skipped: &skipped)
        #expect(skipped.isEmpty)
        let names = files.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        #expect(names == [
            "labeled.txt", "name-lines.txt", "no-labels.txt", "subtitles.srt", "subtitles.vtt",
            "timestamped-bold.md", "timestamped.txt", "wechat.md",
        ])
    }

    /// Before, a FIFO named `*.md` in an input folder hung the run, and a link to /dev/zero
    /// aborted it.
    /// The repeated attack: a link in a shared input folder to another user's private file
    /// put that file's text into a world-readable page.
    @Test("from a folder only regular files are read, and no link is followed: a FIFO, a link to a device or to a file outside is left out with a notice", .timeLimit(.minutes(15)))
    func folderNonRegularFiles() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: secret) }
        try Data("**甲：** 我们谈谈规模定律。\n".utf8).write(to: folder.appendingPathComponent("a.md"))
        try Data("**乙：** 机密的预训练计划。\n".utf8).write(to: secret.appendingPathComponent("secret.md"))
        try #require(mkfifo(folder.appendingPathComponent("pipe.md").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("zero.txt").path, withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("b.md").path, withDestinationPath: secret.appendingPathComponent("secret.md").path)
        let result = try CLI.run(["extract", "--summary", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("规模定律") && !result.stdout.contains("预训练"))
        #expect(result.stderr.contains("pipe.md: note: not a regular file"), "\(result.stderr)")
        #expect(result.stderr.contains("zero.txt: note: a symbolic link in a folder"), "\(result.stderr)")
        #expect(result.stderr.contains("b.md: note: a symbolic link in a folder"), "\(result.stderr)")
        // Named on the command line, a link is read.
        #expect(try CLI.run(["extract", "--summary", folder.appendingPathComponent("b.md").path]).stdout.contains("预训练"))
    }

    /// Trials 60 and 63: one empty placeholder file in a folder of transcripts stopped the whole
    /// run with exit 65.
    @Test("an empty or white-space-only file in a folder is left out with a notice; named alone it is an error")
    func emptyFileInFolder() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("**甲：** 我们谈谈规模定律。\n".utf8).write(to: folder.appendingPathComponent("a.md"))
        try Data().write(to: folder.appendingPathComponent("zz-empty.txt"))
        try Data(" \n\t\r\n".utf8).write(to: folder.appendingPathComponent("zz-blank.md"))
        let result = try CLI.run(["extract", "--summary", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("规模定律"))
        #expect(result.stderr.contains("zz-empty.txt: note: an empty file in a folder; left out"), "\(result.stderr)")
        #expect(result.stderr.contains("zz-blank.md: note: a file of white space only in a folder; left out"), "\(result.stderr)")
        let alone = try CLI.run(["extract", "--summary", folder.appendingPathComponent("zz-empty.txt").path])
        #expect(alone.status == 65 && alone.stderr.contains("the file is empty"), "\(alone.stderr)")
    }
}
