import Foundation
import Testing

@testable import GlossGraph
@testable import GlossGraphReading
@testable import GlossGraphText

/// The failures a new user met on transcripts from the web and subtitle files (issue 15), each
/// with the small input that showed it.
@Suite("Reading what new users brought")
struct ReaderFailureTests {
    static func read(_ text: String, file: String = "t.md", format: InputFormat = .auto) throws -> Transcript {
        try TranscriptReader.read(bytes: Array(text.utf8), file: file, options: ReadingOptions(format: format))
    }

    static func turns(_ transcript: Transcript) -> [String] {
        transcript.units.map { "\($0.speaker ?? "–")@\($0.lineStart)" }
    }

    /// Before, both were an error ("no speech found"): every short paragraph was taken for a
    /// title, and a word on every other line for a speaker's name line.
    @Test("a file of short paragraphs only, or of one word repeated, is read as paragraphs, not refused")
    func shortParagraphsOnly() throws {
        let remarks = (1...30).map { "第\($0)条备忘很短" }.joined(separator: "\n\n") + "\n"
        let read = try Self.read(remarks, file: "t.txt")
        #expect(read.units.count == 30 && read.units[4].text == "第5条备忘很短", "\(read.units.count)")
        let repeated = try Self.read(String(repeating: "好\n\n", count: 40), file: "t.txt")
        #expect(repeated.format == .paragraphs && repeated.units.count == 40, "\(repeated.format) \(repeated.units.count)")
        // A title over body text is still a title.
        let titled = try Self.read("储能笔记\n\n电池成本今年下降了很多，储能项目越来越多。\n", file: "t.txt")
        #expect(titled.units.map(\.text) == ["电池成本今年下降了很多，储能项目越来越多。"])
    }

    /// Before, such a file was said to be "not a regular file (a FIFO, device…)".
    @Test("a transcript in a folder whose name is not UTF-8 is left out with a notice that says why")
    func fileNameNotUTF8() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("**甲：** 你好。\n**乙：** 再见。\n".utf8).write(to: folder.appendingPathComponent("ok.md"))
        let raw: [CChar] = Array(folder.path.utf8CString.dropLast()) + Array("/lat".utf8CString.dropLast()) + [CChar(bitPattern: 0xE9)] + Array(".md".utf8CString)
        let descriptor = open(raw, O_CREAT | O_WRONLY, 0o644)
        try #require(descriptor >= 0)
        close(descriptor)
        var notices: [Notice] = []
        let files = try TranscriptReader.expandInputs([folder.path], skipped: &notices)
        #expect(files.map { ($0 as NSString).lastPathComponent } == ["ok.md"])
        #expect(notices.contains { $0.message.contains("name is not valid UTF-8") }, "\(notices)")
    }

    @Test("a speaker labelled only once keeps their words, bold or plain")
    func oneOffSpeakers() throws {
        let bold = try Self.read("""
            **Erik Torenberg：** 欢迎来到节目，今天聊RLHF。
            **Sam Altman：** 谢谢邀请，宪法AI很重要。
            **Erik：** 你们的基础设施会对外开放吗？
            **Sam：** 目前主要给我们自己用。
            **Erik：** 那能源呢？
            **Sam：** 能源是最大的瓶颈。
            """)
        #expect(Self.turns(bold) == ["Erik Torenberg@1", "Sam Altman@2", "Erik@3", "Sam@4", "Erik@5", "Sam@6"])
        #expect(bold.units[0].text.contains("RLHF") && bold.units[1].text.contains("宪法AI"))
        // The full and the short name are reported side by side, so the user can map them.
        #expect(bold.notices.contains { $0.topic == .relatedSpeakers("Erik Torenberg", "Erik") })
        // A Chinese full name and surname with the same title after them, likewise.
        let titled = try Self.read("**主持人：** 请介绍一下。\n**林晓东教授：** 我做储能。\n**主持人：** 成本呢？\n**林教授：** 在下降。\n**主持人：** 谢谢林教授。\n")
        #expect(titled.notices.contains { $0.topic == .relatedSpeakers("林晓东教授", "林教授") }, "\(titled.notices)")
        #expect(!titled.notices.contains { $0.topic == .relatedSpeakers("林晓东教授", "主持人") })
        let plain = try Self.read("主持人：第一个问题。\n\n嘉宾：第一个回答。\n\nHost: one question in English.\n\n嘉宾：再回答。\n\n主持人：谢谢。\n", file: "t.txt")
        #expect(Self.turns(plain) == ["主持人@1", "嘉宾@3", "Host@5", "嘉宾@7", "主持人@9"])
    }

    @Test("names alone on lines, with no blank lines or a blank line after the name")
    func nameLines() throws {
        let dense = "主持人\n欢迎来到节目。\n嘉宾\n谢谢邀请。\n主持人\n你们的算力够用吗？\n嘉宾\n目前还够用。\n"
        #expect(Self.turns(try Self.read(dense, file: "t.txt")) == ["主持人@1", "嘉宾@3", "主持人@5", "嘉宾@7"])
        #expect(Self.turns(try Self.read(dense, file: "t.txt", format: .nameLines)) == ["主持人@1", "嘉宾@3", "主持人@5", "嘉宾@7"])
        let spaced = "主持人\n\n欢迎来到节目。\n\n嘉宾\n\n谢谢邀请。\n\n主持人\n\n你们的算力够用吗？\n\n嘉宾\n\n目前还够用。\n"
        let transcript = try Self.read(spaced, file: "t.txt")
        #expect(Self.turns(transcript) == ["主持人@1", "嘉宾@5", "主持人@9", "嘉宾@13"])
        #expect(transcript.units[3].text == "目前还够用。")
    }

    @Test("an explainer whose paragraphs start with 目标： is read as paragraphs, nothing before them dropped")
    func explainer() throws {
        let transcript = try Self.read("""
            # 什么是 RLHF

            RLHF（基于人类反馈的强化学习）是一种训练方法。

            ## 1. 第一阶段：监督微调

            目标：让模型学会按指令回答。

            目标：得到一个能打分的奖励模型。

            2. 第二阶段：奖励模型

            目标：优化策略模型。
            """)
        #expect(transcript.format == .paragraphs)
        #expect(transcript.units.allSatisfy { $0.speaker == nil })
        #expect(transcript.units.first?.text.contains("基于人类反馈的强化学习") == true)
        #expect(transcript.units.map(\.text).filter { $0.hasPrefix("目标：") }.count == 3)
        #expect(!transcript.units.contains { $0.text.contains("第二阶段") }, "a numbered section title is a title, not speech")
    }

    @Test("web text with one paragraph per line and no blank lines: each line is a paragraph")
    func paragraphPerLine() throws {
        let transcript = try Self.read("第一段讲规模定律。\n第二段讲负责任扩展策略。\n第三段讲算力。\n第四段讲数据。\n第五段讲能源。\n", file: "t.txt")
        #expect(transcript.units.count == 5)
        #expect(transcript.units.map(\.lineStart) == [1, 2, 3, 4, 5])
    }

    @Test("web text with a paragraph per line: a short line with no sentence end (a heading, a credit line) is a paragraph of its own; a full-width one is a hard wrap")
    func shortLinesEndParagraphs() throws {
        let text = """
            导语：本文讲三件事。
            整理：编辑部 2024-06-18
            第一段讲规模定律。
            二、再看算力
            第二段比较长，长到一行放不下的时候，作者的编辑器在这里把它折
            成了两行，后面接着写完这一句。
            第三段讲算力。
            第四段讲数据。

            """
        let transcript = try Self.read(text, file: "t.txt")
        #expect(transcript.units.map(\.text) == [
            "导语：本文讲三件事。", "整理：编辑部 2024-06-18", "第一段讲规模定律。", "二、再看算力",
            "第二段比较长，长到一行放不下的时候，作者的编辑器在这里把它折成了两行，后面接着写完这一句。", "第三段讲算力。", "第四段讲数据。",
        ], "\(transcript.units.map(\.text))")
    }

    @Test("a short heading line over a hard-wrapped paragraph stays a line of its own; entries of a list of terms are paragraphs of their own")
    func headingsAndTermLists() throws {
        let wrapped = """
            二、空间语法
            手语最有特色的地方在于它利用身体前方的空间来表达语法关系，比如
            把人物安放在不同的位置，再用动词的方向指向他们。

            三、习得
            大约九成的聋童出生在听人家庭，很多孩子接触手语的时间比较晚。

            """
        let units = try Self.read(wrapped, file: "t.txt").units.map(\.text)
        #expect(units.first?.hasPrefix("二、空间语法\n手语最有特色") == true && units.first?.contains("比如把人物") == true, "\(units)")
        let list = """
            第一段讲辅食。
            第二段讲过敏，后面附了缩写表，方便大家查阅文中出现的机构名称和研究名称。
            AAP：美国儿科学会（American Academy of Pediatrics）
            LEAP：花生过敏早期干预研究（Learning Early About Peanut Allergy）
            WHO：世界卫生组织
            第三段讲铁。

            """
        #expect(try Self.read(list, file: "t.txt").units.map(\.lineStart) == [1, 2, 3, 4, 5, 6])
    }

    @Test("a table's rows are one paragraph, a row a line, in a text read a line at a time or after a turn")
    func tableRows() throws {
        let text = "第一行讲规模定律\n第二行讲算力\n| 中文 | English |\n|---|---|\n| 字距 | kerning |\n第三行讲数据\n第四行讲能源\n"
        let transcript = try Self.read(text, file: "t.txt")
        #expect(transcript.units.map(\.text) == ["第一行讲规模定律", "第二行讲算力", "| 中文 | English |\n|---|---|\n| 字距 | kerning |", "第三行讲数据", "第四行讲能源"],
                "\(transcript.units.map(\.text))")
        // After a turn, a table is nobody's speech: a paragraph of its own.
        let interview = "**主持人：** 今天聊污泥。\n\n**专家：** 先说活性污泥。\n\n| 中文 | English |\n| --- | --- |\n| 生化需氧量 | biochemical oxygen demand |\n"
        let units = try Self.read(interview, file: "t.md").units
        #expect(units.map { "\($0.speaker ?? "–")@\($0.lineStart)" } == ["主持人@1", "专家@3", "–@5"], "\(units.map(\.text))")
        #expect(units.last?.text.hasSuffix("| 生化需氧量 | biochemical oxygen demand |") == true)
    }

    @Test("SRT without blank lines, without numbers, with a bidi mark, with bilingual cues; WebVTT with two voices in a cue")
    func subtitles() throws {
        let noBlanks = "1\n00:00:01,000 --> 00:00:02,000\n主持人：你好。\n2\n00:00:02,000 --> 00:00:03,000\n嘉宾：你好啊。\n"
        #expect(Self.turns(try Self.read(noBlanks, file: "t.srt")) == ["主持人@3", "嘉宾@6"])
        let noNumbers = "00:00:01,000 --> 00:00:02,000\n第一句。\n\n00:00:02,000 --> 00:00:03,000\n第二句。\n"
        let unnumbered = try Self.read(noNumbers, file: "t.srt")
        #expect(unnumbered.format == .srt && unnumbered.units.map(\.text) == ["第一句。", "第二句。"])
        let marked = "\u{200E}1\n00:00:01,000 --> 00:00:02,000\n第一句。\n\n2\n00:00:02,000 --> 00:00:03,000\n第二句。\n"
        #expect(try Self.read(marked, file: "t.srt").units.map(\.text) == ["第一句。", "第二句。"])
        // A bilingual cue: the English sentence and its Chinese translation stay two lines,
        // in either order; a wrapped Chinese cue and a name alone on a line still join.
        let bilingual = """
            1
            00:00:01,000 --> 00:00:04,000
            The scan takes about three minutes.
            口扫大概三分钟

            2
            00:00:04,000 --> 00:00:08,000
            附件粘在牙面上
            Attachments are bonded to the teeth.

            3
            00:00:08,000 --> 00:00:12,000
            我们用的是
            Invisalign 的方案

            """
        #expect(try Self.read(bilingual, file: "t.srt").units.map(\.text) == [
            "The scan takes about three minutes.\n口扫大概三分钟", "附件粘在牙面上\nAttachments are bonded to the teeth.", "我们用的是Invisalign 的方案",
        ])
        let voices = "WEBVTT\n\n00:01.000 --> 00:03.000\n<v 主持人>你好。\n<v 嘉宾>你好啊。\n"
        let vtt = try Self.read(voices, file: "t.vtt")
        #expect(vtt.units.map { "\($0.speaker ?? "–"):\($0.text)" } == ["主持人:你好。", "嘉宾:你好啊。"])
    }

    @Test("mention columns count through removed subtitle tags")
    func subtitleColumns() throws {
        let line = "{\\an8}<i>今天聊</i><c.yellow>规模定律</c>。"
        let transcript = try Self.read("1\n00:00:01,000 --> 00:00:02,000\n\(line)\n", file: "t.srt")
        let unit = try #require(transcript.units.first)
        #expect(unit.text == "今天聊规模定律。")
        let offset = try #require(unit.text.utf8.firstRange(of: "规模定律".utf8)).lowerBound
        let position = unit.sourcePosition(ofTextOffset: unit.text.utf8.distance(from: unit.text.utf8.startIndex, to: offset))
        let expectedColumn = line.unicodeScalars.distance(
            from: line.unicodeScalars.startIndex, to: line.range(of: "规模定律")!.lowerBound.samePosition(in: line.unicodeScalars)!) + 1
        #expect(position.line == 3 && position.column == expectedColumn)
    }

    @Test("what a second new user met: Name (00:00:04): labels, [名字] and ♪ in subtitles, a list after a subheading, 补充：")
    func secondTrial() throws {
        let podcast = try Self.read("Maya Chen (00:00:04):\nWelcome back.\n\nDaniel Ho (00:00:15):\nThanks, Maya.\n\nMaya Chen (00:01:02): So, 内卷?\n\nDaniel Ho (00:01:10):\nYes.\n", file: "t.txt")
        #expect(Self.turns(podcast) == ["Maya Chen@1", "Daniel Ho@4", "Maya Chen@7", "Daniel Ho@9"])
        let srt = try Self.read("1\n00:00:01,000 --> 00:00:02,000\n♪ 片头音乐 ♪\n\n2\n00:00:02,000 --> 00:00:03,000\n[王立] 谢谢邀请。\n", file: "t.srt")
        #expect(srt.units.map { "\($0.speaker ?? "–"):\($0.text)" } == ["王立:谢谢邀请。"])
        #expect(srt.skipped.contains { $0.reason == .soundDescription && $0.lines == 3...3 })
        let zhihu = try Self.read("记者：问题一？\n\n许明远：回答一。\n补充：还有一点。\n\n记者：问题二？\n\n许明远：回答二。\n\n相关推荐\n- 第一篇\n- 第二篇\n", file: "t.txt")
        #expect(Set(zhihu.units.compactMap(\.speaker)) == ["记者", "许明远"], "补充 is no speaker")
        // A plain list after a closing title stays in the last turn (a link list would not): nothing is lost.
        #expect(zhihu.units.last?.lineEnd == 12 && zhihu.units.last?.text.contains("第二篇") == true, "the list after 相关推荐 is kept")
    }

    /// A new user's clinic chat export: with a date before the time no line was a turn, and the
    /// whole chat came out as seven paragraphs with no speaker.
    @Test("chat exports with a date before the time: bracketed, ISO, WhatsApp's `date, time - Name:`, and a name line with date and time over each message")
    func chatExportsWithDates() throws {
        let messages = [("周医生", "今天先做绝育，九点开始。"), ("Mia", "ok 我去准备麻醉。"), ("小林", "术前血检做了吗？"), ("周医生", "做了，都正常。")]
        let layouts: [(String, String) -> String] = [
            { "[2025/06/12 09:0\($0.count)] \($0): \($1)" },
            { "[2025-06-12 09:01:3\($0.count)] \($0)：\($1)" },
            { "12/06/2025, 09:0\($0.count) - \($0): \($1)" },
            { "[12/06/2025, 09:01:0\($0.count)] \($0): \($1)" },
            { "2025-06-12T09:01 \($0): \($1)" },
        ]
        for layout in layouts {
            let text = messages.map { layout($0.0, $0.1) }.joined(separator: "\n") + "\n"
            let transcript = try Self.read(text, file: "chat.txt")
            #expect(Self.turns(transcript) == ["周医生@1", "Mia@2", "小林@3", "周医生@4"], "\(text)")
            #expect(transcript.units.first?.text == "今天先做绝育，九点开始。")
        }
        // A label with no time, in a chat whose every message has one, is a line of the message
        // before (a second user's solar-farm chat gave 总结一下 as a speaker).
        let summary = "12/06/2025, 09:01 - 周医生: 今天先这样\n总结一下：\n1. 术前血检都正常\n2. 明天九点开始\n12/06/2025, 09:02 - Mia: 收到\n12/06/2025, 09:03 - 小林: 好的\n"
        let summarised = try Self.read(summary, file: "chat.txt")
        #expect(Self.turns(summarised) == ["周医生@1", "Mia@5", "小林@6"])
        #expect(summarised.units.first?.text.contains("明天九点开始") == true)
        let wechat = "诊室群 聊天记录\n\n" + messages.map { "\($0.0) 2025-06-12 09:0\($0.0.count)\n\($0.1)" }.joined(separator: "\n") + "\n"
        #expect(Self.turns(try Self.read(wechat, file: "chat.txt")) == ["周医生@3", "Mia@5", "小林@7", "周医生@9"])
        // A date alone is no timestamp.
        #expect(SpeakerLabel.dateEnd(ArraySlice(Array("2025-06-12 x".utf8)), from: 0) == 10)
        #expect(SpeakerLabel.dateEnd(ArraySlice(Array("12345-06-12".utf8)), from: 0) == nil)
        #expect(SpeakerLabel.dateEnd(ArraySlice(Array("3.14 kg".utf8)), from: 0) == nil)
    }

    /// A third new user's podcast page got no speaker at all (its labels were 【主持人】), and
    /// a magazine interview's footnote was read as the last answer's words.
    @Test("【名字】 labels; a header's cast line and a field holding a time are no turns; a footnote is a note")
    func bracketLabelsAndFootnotes() throws {
        let podcast = try Self.read("""
            第 7 期｜城市养蜂
            节目时长：41:05 ｜ 发布于 2025-05-02
            主持人：阿秋 ｜ 嘉宾：周航
            【主持人】欢迎收听，今天聊城市养蜂。
            【嘉宾】谢谢邀请。（03:10）

            我先说说楼顶的蜂箱。
            【主持人】：蜂箱放楼顶会不会太晒？
            【嘉宾】会，所以要遮阳。

            【听众来信】

            【主持人】有位听众问，冬天怎么办？

            """, file: "p.txt")
        #expect(Self.turns(podcast) == ["主持人@4", "嘉宾@5", "主持人@8", "嘉宾@9", "主持人@13"])
        // Alone on its line, a bracketed title heads a section.
        #expect(podcast.skipped.contains { $0.reason == .heading && $0.lines == 11...11 }, "\(podcast.skipped)")
        #expect(podcast.units[1].text.contains("楼顶的蜂箱") && podcast.units[0].text == "欢迎收听，今天聊城市养蜂。")
        #expect(podcast.skipped.contains { $0.reason == .preamble && $0.lines.contains(3) })
        // Whoever the turns name: a trial's cast line over turns labelled by the host's role
        // and the guest's name was read as the host's first words.
        let mixed = try Self.read("主持人：黃子軒 ｜ 來賓：陳怡君\n\n主持人：歡迎。\n陳怡君：謝謝。\n主持人：開始吧。\n陳怡君：好。\n", file: "m.txt")
        #expect(Self.turns(mixed) == ["主持人@3", "陳怡君@4", "主持人@5", "陳怡君@6"])
        #expect(mixed.skipped.contains { $0.reason == .preamble && $0.lines.contains(1) })
        // A bar inside speech after the first turn is speech.
        let spoken = try Self.read("主持人：歡迎。\n陳怡君：選項A | 選項B：都行。\n主持人：好。\n陳怡君：嗯。\n", file: "s.txt")
        #expect(spoken.units[1].text == "選項A | 選項B：都行。")
        // A title with a colon over a Q&A is no speaker (a final trial's Taiwanese Q&A).
        let qa = try Self.read("冰川學訪談：冰芯裡的氣候紀錄\n\n問：冰芯怎麼定年？\n\n答：數年層。\n\n問：準嗎？\n\n答：越深越難數。\n", file: "q.txt")
        #expect(Self.turns(qa) == ["問@3", "答@5", "問@7", "答@9"])
        let interview = "**问：** 你怎么开始做这个的？\n\n**答：** 从一个折射仪[^1]开始。\n\n**问：** 后来呢？\n\n**答：** 后来就停不下来了。\n\n[^1]: 折射仪（refractometer）测的是浓度。\n"
        let read = try Self.read(interview)
        #expect(Self.turns(read) == ["问@1", "答@3", "问@5", "答@7"])
        #expect(read.units.last?.text == "后来就停不下来了。" && read.skipped.contains { $0.reason == .note && $0.lines == 9...9 })
        let kept = try TranscriptReader.read(bytes: Array(interview.utf8), file: "t.md", options: ReadingOptions(keepNotes: true))
        #expect(kept.units.last.map { $0.kind == .note && $0.text == "折射仪（refractometer）测的是浓度。" } == true)
        #expect(UnitListing.table(kept.units).contains("[note]  9-9"), "\(UnitListing.table(kept.units))")
    }

    @Test("a Markdown hard break between a line and its translation stays a line break")
    func hardBreak() throws {
        let transcript = try Self.read("**[00:00] Speaker A:** How are you?  \n你好吗？\n\n**[00:05] Speaker B:** Fine.  \n很好。\n")
        #expect(transcript.units.map(\.text) == ["How are you?\n你好吗？", "Fine.\n很好。"])
    }

    @Test("a plain subheading between turns is skipped as a heading, not glued into the turn")
    func subheading() throws {
        let transcript = try Self.read("主持人：第一个问题。\n\n嘉宾：回答。\n\n关于算力\n\n主持人：第二个问题。\n\n嘉宾：再回答。\n", file: "t.txt")
        #expect(transcript.units.map(\.text) == ["第一个问题。", "回答。", "第二个问题。", "再回答。"])
        #expect(transcript.skipped.map(\.reason) == [.heading] && transcript.skipped.first?.lines == 5...5)
    }

    /// Hospital-IT minutes (a helper's new-user trial): the only line of 林護理長 went to 王經理,
    /// the speakers were named `- 王經理`, 出席 and 紀錄 were speakers, and agenda points were
    /// glued to the turn before them.
    @Test("minutes: a one-off speaker beside one recurring, bulleted labels, header fields, agenda points between turns")
    func minutes() throws {
        let once = try Self.read("王经理：第一句。\n林护士长：只说一次。\n王经理：第三句。\n", file: "t.txt")
        #expect(Self.turns(once) == ["王经理@1", "林护士长@2", "王经理@3"])
        let minutes = """
            出席：周主任、吴工、郑老师
            记录：冯秘书

            1. 机房搬迁
               - 周主任：下周完成布线。
               - 吴工：电源要先验收。
            2. 备份策略
               - 郑老师：磁带还留着吗？
               - 周主任：留一年。
               - 吴工：同意。

            """
        let read = try Self.read(minutes, file: "t.md")
        #expect(Self.turns(read) == ["周主任@5", "吴工@6", "–@7", "郑老师@8", "周主任@9", "吴工@10"])
        #expect(read.units.map(\.text) == ["下周完成布线。", "电源要先验收。", "2. 备份策略", "磁带还留着吗？", "留一年。", "同意。"])
        // The header fields and the first agenda point are preamble, reported as skipped.
        #expect(read.skipped.map(\.lines) == [1...4] && read.skipped.map(\.reason) == [.preamble], "\(read.skipped)")
    }
}
