import GlossGraphText

/// Recognises speaker labels at the start of a line, in the styles transcripts use.
package enum SpeakerLabel {
    package typealias Bytes = ArraySlice<UInt8>

    /// A label found on a line: the speaker's name and where the speech after it starts.
    struct Match {
        var name: Bytes
        var textStart: Int
        /// The label carried a timestamp (`[00:10]`), a sure sign of a speaker label.
        var hasTimestamp = false
        /// The label is a forum post's header (`B3 老K釣具行`, `#2 阿明 發表於 …`), as sure a
        /// sign: whoever posts once is a speaker too.
        var isPostHeader = false
        /// The label and its text are one bold line (`**Q：为什么？**`), as WeChat interviews
        /// set the interviewer's questions: the turn is that line only.
        var isWholeBoldLine = false
        /// Where the speech ends, when the line goes on with the label's time after it (PTT's
        /// `推 oldmaple: text  06/09 21:45`); nil when the speech runs to the line's end.
        var textEnd: Int?
        /// The label is a tab-separated chat export's (LINE's `19:42<TAB>阿哲<TAB>text`), which
        /// puts a message of several lines in double quotes.
        var isTabbedMessage = false
        /// The label is PTT's `→` mark, with which a user also goes on with the comment on the
        /// line before, the site cutting long comments into lines.
        var mayContinueComment = false
    }

    /// Longest speaker name accepted, in bytes (about 16 CJK characters or 48 Latin ones).
    static let maximumNameBytes = 48

    /// `**名字：** text`, `**Name:**`, `**名字**：text`, `**[00:10] Speaker B:** text`.
    static func bold(_ line: Bytes) -> Match? {
        var index = skipIndent(line)
        guard line.endIndex - index >= 5, line[index] == MarkdownLine.star,
            line[index + 1] == MarkdownLine.star
        else { return nil }
        index = skipSpaces(line, from: index + 2)
        let beforeTimestamp = index
        index = skipTimestamp(line, from: index)
        let hasTimestamp = index != beforeTimestamp
        let nameStart = index
        while index < line.endIndex && index - nameStart <= maximumNameBytes {
            if line[index] == MarkdownLine.star {
                // `**名字**：`: the colon follows the bold span.
                guard index + 1 < line.endIndex, line[index + 1] == MarkdownLine.star else { return nil }
                let afterBold = skipSpaces(line, from: index + 2)
                guard let afterColon = colonEnd(line, at: afterBold) else { return nil }
                return validated(line[nameStart..<index], textStart: afterColon, hasTimestamp: hasTimestamp)
            }
            if let afterColon = colonEnd(line, at: index) {
                // `**名字：**`: the colon is inside the bold span.
                let closing = skipSpaces(line, from: afterColon)
                if line.endIndex - closing >= 2, line[closing] == MarkdownLine.star, line[closing + 1] == MarkdownLine.star {
                    return validated(line[nameStart..<index], textStart: closing + 2, hasTimestamp: hasTimestamp)
                }
                // `**Q：text**`: the whole line is bold, the label its start.
                let text = MarkdownLine.trimmed(line)
                guard text.count > 4, text.reversed().starts(with: [MarkdownLine.star, MarkdownLine.star]),
                    !line[afterColon..<(text.endIndex - 2)].contains(MarkdownLine.star),
                    var match = validated(line[nameStart..<index], textStart: afterColon, hasTimestamp: hasTimestamp)
                else { return nil }
                match.isWholeBoldLine = true
                return match
            }
            index += 1
        }
        return nil
    }

    /// （ and ） (U+FF08, U+FF09), UTF-8.
    static let fullWidthOpenParen: [UInt8] = [0xEF, 0xBC, 0x88]
    static let fullWidthCloseParen: [UInt8] = [0xEF, 0xBC, 0x89]
    /// 【 and 】 (U+3010, U+3011), UTF-8.
    static let lenticularOpen: [UInt8] = [0xE3, 0x80, 0x90]
    static let lenticularClose: [UInt8] = [0xE3, 0x80, 0x91]

    /// `Name: text`, `名字：text`, `[00:10] Speaker B: text`, `00:10:05 Speaker B: text`,
    /// `【主持人】text`.
    static func colon(_ line: Bytes) -> Match? {
        if let push = forumPush(line) { return push }
        if let message = tabbedChatMessage(line) { return message }
        var indent = skipIndent(line)
        // A list item's bullet (`- 王经理：`, as minutes list who said what).
        if isBullet(line, at: indent) { indent = skipSpaces(line, from: indent + 1) }
        var index = skipTimestamp(line, from: indent)
        let hasTimestamp = index != indent
        // `【主持人】text`, as Chinese podcast transcripts on the web label turns; a colon may follow.
        // After a date it is a group role in a chat export's header (`2024-06-11 8:03:40
        // 【管理员】Dr.Zhou`), a name line's.
        if line[index...].starts(with: lenticularOpen), !(hasTimestamp && dateEnd(line, from: line[indent] == MarkdownLine.openBracket ? indent + 1 : indent) != nil) {
            let nameStart = index + 3
            var close = nameStart
            while close + 2 < line.endIndex && close - nameStart <= maximumNameBytes && !line[close...].starts(with: lenticularClose) { close += 1 }
            guard close + 2 < line.endIndex, line[close...].starts(with: lenticularClose) else { return nil }
            // Alone on its line, 【观众提问】 heads a section.
            let after = skipSpaces(line, from: close + 3)
            guard !MarkdownLine.trimmed(line[after...]).isEmpty else { return nil }
            return validated(line[nameStart..<close], textStart: colonEnd(line, at: after) ?? after, hasTimestamp: hasTimestamp)
        }
        let nameStart = index
        while index < line.endIndex && index - nameStart <= maximumNameBytes {
            if let afterColon = colonEnd(line, at: index) {
                // `http://…` is not a speaker, nor the hours of a time (`说话人 1  00:00:45`,
                // `下午 2:00`).
                if afterColon < line.endIndex && line[afterColon] == UInt8(ascii: "/") { return nil }
                let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
                if index > nameStart, isDigit(line[index - 1]), afterColon < line.endIndex, isDigit(line[afterColon]) { return nil }
                return validated(line[nameStart..<index], textStart: afterColon, hasTimestamp: hasTimestamp)
            }
            // `記者（00:00:12）：`, the same in full-width brackets; a role in them (`张敏（主持人）：`)
            // is part of the name.
            if line[index...].starts(with: fullWidthOpenParen) {
                let stamp = skipTimestamp(line, from: index)
                if stamp != index, let afterColon = colonEnd(line, at: stamp) {
                    return validated(line[nameStart..<index], textStart: afterColon, hasTimestamp: true)
                }
            }
            switch line[index] {
            case MarkdownLine.openParen:
                // `Maya Chen (00:00:04):`, as transcription services write a timestamp.
                let stamp = skipTimestamp(line, from: index)
                guard stamp != index, let afterColon = colonEnd(line, at: stamp) else { return nil }
                return validated(line[nameStart..<index], textStart: afterColon, hasTimestamp: true)
            case MarkdownLine.star, MarkdownLine.openBracket, MarkdownLine.greaterThan, MarkdownLine.hash:
                return nil
            default:
                index += 1
            }
        }
        return nil
    }

    /// What a clock time may open with in a chat export written in Chinese (`下午7:42`).
    static let timeOfDayPrefixes: [[UInt8]] = ["上午", "下午", "中午", "晚上", "凌晨", "早上"].map { Array($0.utf8) }

    /// A message of a chat export that separates its fields with tabs, as LINE's "save chat
    /// history" writes them: `19:42<TAB>阿哲 Jay<TAB>text` (the time may be `下午7:42` or
    /// `07:42 PM`). The name is the field between the tabs, the speech what follows the second.
    static func tabbedChatMessage(_ line: Bytes) -> Match? {
        guard let afterTime = tabbedTimeEnd(line), let secondTab = line[afterTime...].firstIndex(of: MarkdownLine.tab),
            var match = validated(line[afterTime..<secondTab], textStart: secondTab + 1, hasTimestamp: true)
        else { return nil }
        match.isTabbedMessage = true
        return match
    }

    /// The index after the tab that follows a clock time opening the line (`19:42<TAB>`,
    /// `下午7:42<TAB>`, `07:42 PM<TAB>`), as a tab-separated chat export opens its messages and
    /// its notices (`09:47<TAB>阿哲已收回訊息`); nil for any other line. Only the first 24 bytes
    /// are looked at.
    static func tabbedTimeEnd(_ line: Bytes) -> Int? {
        guard let firstTab = line.prefix(24).firstIndex(of: MarkdownLine.tab) else { return nil }
        var time = MarkdownLine.trimmed(line[..<firstTab])
        if let prefix = timeOfDayPrefixes.first(where: { time.starts(with: $0) }) { time = MarkdownLine.trimmed(time.dropFirst(prefix.count)) }
        if let space = time.lastIndex(of: MarkdownLine.space), ["AM", "PM", "am", "pm"].contains(where: { time[(space + 1)...].elementsEqual($0.utf8) }) {
            time = MarkdownLine.trimmed(time[..<space])
        }
        let digits = time.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard (2...3).contains(digits.count), (1...2).contains(digits[0].count), digits.dropFirst().allSatisfy({ $0.count == 2 }),
            digits.allSatisfy({ $0.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } })
        else { return nil }
        return firstTab + 1
    }

    /// The marks of a PTT comment (a push): 推, → and 噓 (or 嘘), UTF-8.
    static let pushMarks: [[UInt8]] = ["推", "→", "噓", "嘘"].map { Array($0.utf8) }

    /// A comment under a PTT post, as the site and its readers write it: `推 oldmaple: text
    /// 06/09 21:45`, the mark (推 up, 噓 down, → neither), the user's ID (letters, digits and
    /// `_`), a colon, the text, and the time (`MM/DD HH:MM`, an IP address may precede it). The
    /// name is the ID without the mark, and the speech ends before the time.
    static func forumPush(_ line: Bytes) -> Match? {
        let start = skipIndent(line)
        guard let mark = pushMarks.first(where: { line[start...].starts(with: $0) }) else { return nil }
        var index = start + mark.count
        guard index < line.endIndex, line[index] == UInt8(ascii: " ") else { return nil }
        index = skipSpaces(line, from: index)
        let nameStart = index
        while index < line.endIndex && (MarkdownLine.isASCIIAlphanumeric(line[index]) || line[index] == UInt8(ascii: "_")) { index += 1 }
        let nameEnd = index
        guard nameEnd > nameStart, nameEnd - nameStart <= 16 else { return nil }
        index = skipSpaces(line, from: index)
        guard index < line.endIndex, line[index] == UInt8(ascii: ":") else { return nil }
        let textStart = index + 1
        // The time at the line's end: `MM/DD HH:MM` or `MM/DD`.
        let text = MarkdownLine.trimmed(line[textStart...])
        var textEnd: Int?
        let digits = { (range: Range<Int>) in range.allSatisfy { (0x30...0x39).contains(line[$0]) } }
        for stampLength in [11, 5] where text.count >= stampLength {
            let stamp = (text.endIndex - stampLength)..<text.endIndex
            let date = stamp.lowerBound
            guard digits(date..<(date + 2)), line[date + 2] == UInt8(ascii: "/"), digits((date + 3)..<(date + 5)) else { continue }
            if stampLength == 11 {
                guard line[date + 5] == UInt8(ascii: " "), digits((date + 6)..<(date + 8)), line[date + 8] == UInt8(ascii: ":"), digits((date + 9)..<(date + 11))
                else { continue }
            }
            guard date == text.startIndex || line[date - 1] == UInt8(ascii: " ") else { continue }
            var end = date
            // An IP address before the time, as some boards show it.
            let beforeStamp = MarkdownLine.trimmed(line[textStart..<date])
            if let space = beforeStamp.lastIndex(of: UInt8(ascii: " ")),
                beforeStamp[(space + 1)...].allSatisfy({ (0x30...0x39).contains($0) || $0 == UInt8(ascii: ".") }),
                beforeStamp[(space + 1)...].filter({ $0 == UInt8(ascii: ".") }).count == 3
            {
                end = space
            }
            textEnd = end
            break
        }
        guard var match = validated(line[nameStart..<nameEnd], textStart: textStart, hasTimestamp: true) else { return nil }
        match.textEnd = textEnd
        match.mayContinueComment = mark == pushMarks[1]
        return match
    }

    /// A short name alone on its line (`LEX`, `主持人`), to be confirmed by recurrence; bold
    /// (`**周航**`) and with a timestamp after it (`**主持人** 00:03:12`, `说话人 1  00:00:45`),
    /// as meeting-notes exports write them.
    static func nameLine(_ line: Bytes) -> Match? {
        var text = MarkdownLine.trimmed(line)
        var hasTimestamp = false
        // A timestamp at the end: `00:03:12` or `03:12`, after a space.
        if let space = text.lastIndex(where: MarkdownLine.isSpace), space > text.startIndex {
            let stamp = text[(space + 1)...]
            if stamp.count >= 4, stamp.allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ":") }),
                stamp.contains(UInt8(ascii: ":")), let first = stamp.first, first != UInt8(ascii: ":")
            {
                text = MarkdownLine.trimmed(text[..<space])
                hasTimestamp = true
                // And a date before it (`陈工 2026-03-04 14:02`, as chat exports write it).
                if let space = text.lastIndex(where: MarkdownLine.isSpace), space > text.startIndex,
                    dateEnd(text, from: space + 1) == text.endIndex
                {
                    text = MarkdownLine.trimmed(text[..<space])
                }
            }
        }
        // A date and time before it (`2024-06-01 20:15:03 阿鱼`, as WeChat and QQ exports write a
        // message's header); a time alone there is a table of contents' (`05:07 押注 AGI`).
        if !hasTimestamp, dateEnd(text, from: text.startIndex) != nil {
            let afterStamp = skipTimestamp(text, from: text.startIndex)
            if afterStamp != text.startIndex, afterStamp < text.endIndex {
                text = text[afterStamp...]
                hasTimestamp = true
            }
        }
        if hasTimestamp { text = chatNickname(text) }
        if text.count > 4, text.starts(with: [MarkdownLine.star, MarkdownLine.star]), text.reversed().starts(with: [MarkdownLine.star, MarkdownLine.star]) {
            text = MarkdownLine.trimmed(text.dropFirst(2).dropLast(2))
        }
        // A forum post's header: `#2 老馬車房 發表於 2024-03-10 00:05`, `#1 樓主 阿Ken 2025-03-14`,
        // `B3 老K釣具行 2024-05-02 21:40`, `5F 阿哲`, `#3 回覆 阿明`: the post's number, the thread
        // starter's role or the word for a reply, the verb before the date and the date go.
        var isPostHeader = false
        if hasTimestamp, let posted = postingVerbs.first(where: { text.reversed().starts(with: $0.reversed()) }) {
            text = MarkdownLine.trimmed(text.dropLast(posted.count))
            isPostHeader = true
        }
        if let afterNumber = postNumberEnd(text) {
            text = MarkdownLine.trimmed(text[afterNumber...])
            isPostHeader = true
            if let space = text.lastIndex(where: MarkdownLine.isSpace), space > text.startIndex, dateEnd(text, from: space + 1) == text.endIndex {
                text = MarkdownLine.trimmed(text[..<space])
            }
        }
        if isPostHeader, let role = postRoles.first(where: { text.starts(with: $0) }), text.count > role.count,
            MarkdownLine.isSpace(text[text.startIndex + role.count])
        {
            text = MarkdownLine.trimmed(text.dropFirst(role.count))
        }
        // (`#2 阿德教練：` with the post on the lines below: the colon ends the header.)
        if isPostHeader, text.reversed().starts(with: fullWidthColon.reversed()) {
            text = MarkdownLine.trimmed(text.dropLast(fullWidthColon.count))
        } else if isPostHeader, text.last == 0x3A {
            text = MarkdownLine.trimmed(text.dropLast())
        }
        guard !text.isEmpty, text.count <= maximumNameBytes / 2 else { return nil }
        switch text.first! {
        case MarkdownLine.hash, MarkdownLine.greaterThan, MarkdownLine.bang,
            MarkdownLine.openBracket, MarkdownLine.star, MarkdownLine.hyphen:
            return nil
        default:
            break
        }
        if let last = ScriptClass.lastScalar(text), isSentenceEnd(last) || last == 0x3A || last == 0xFF1A || last == 0x201D {
            return nil
        }
        guard !isDiscourseLabel(text) else { return nil }
        guard var match = validated(text, textStart: line.endIndex, hasTimestamp: hasTimestamp) else { return nil }
        match.isPostHeader = isPostHeader
        return match
    }

    /// A chat export's sender without what the export adds around the nickname: a group role
    /// before it (`【管理员】`, `【群主】`) and the account after it (QQ's `(1234567)`, an address
    /// `<zhou@vetmail.cn>`).
    static func chatNickname(_ text: Bytes) -> Bytes {
        var text = text
        if text.starts(with: lenticularOpen), let close = text.firstRange(of: lenticularClose)?.lowerBound, close - text.startIndex <= 3 + 18,
            close + 3 < text.endIndex
        {
            text = MarkdownLine.trimmed(text[(close + 3)...])
        }
        guard let last = text.last else { return text }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        if last == MarkdownLine.closeParen, let open = text.lastIndex(of: MarkdownLine.openParen), open > text.startIndex,
            text[(open + 1)..<(text.endIndex - 1)].count >= 5, text[(open + 1)..<(text.endIndex - 1)].allSatisfy(isDigit)
        {
            return MarkdownLine.trimmed(text[..<open])
        }
        if last == MarkdownLine.greaterThan, let open = text.lastIndex(of: MarkdownLine.lessThan), open > text.startIndex,
            text[open...].contains(UInt8(ascii: "@"))
        {
            return MarkdownLine.trimmed(text[..<open])
        }
        return text
    }

    /// The index just past a forum post's number and the space after it, at the start of
    /// `text`: `#12`, `B3` (floors as Taiwanese boards number replies), `5F`, `5樓`, `5#`,
    /// `第5樓`; nil when there is none.
    static func postNumberEnd(_ text: Bytes) -> Int? {
        var index = text.startIndex
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var prefixed = false
        if index < text.endIndex, text[index] == MarkdownLine.hash || text[index] == UInt8(ascii: "B") || text[index] == UInt8(ascii: "b") {
            index += 1
            prefixed = true
        } else if text[index...].starts(with: ordinalPrefix) {
            index += ordinalPrefix.count
        }
        let digits = index
        while index < text.endIndex, isDigit(text[index]), index - digits < 5 { index += 1 }
        guard index > digits else { return nil }
        if !prefixed {
            guard let suffix = floorSuffixes.first(where: { text[index...].starts(with: $0) }) else { return nil }
            index += suffix.count
        }
        guard index < text.endIndex, MarkdownLine.isSpace(text[index]) else { return nil }
        return index + 1
    }

    /// 第, before a floor's number (第5樓), UTF-8.
    static let ordinalPrefix = Array("第".utf8)
    /// What follows a floor's number when nothing precedes it (5F, 5樓, 5楼, 5#), UTF-8.
    static let floorSuffixes: [[UInt8]] = ["F", "f", "樓", "楼", "#"].map { Array($0.utf8) }

    /// Words that head paragraphs of articles, abstracts and notes (`目标：`, `方法：`,
    /// `注意：`, `Note:`), with an ordinal or not (`误区一：`, `Step 2:`), and the fields of
    /// meeting minutes (`出席：`, `记录：`, `散会：`): never a speaker. A closed class of
    /// discourse labels, like a stop list; names and roles are open.
    static let discourseLabels: Set<String> = [
        "出席", "列席", "缺席", "请假", "請假", "参会", "參會", "与会", "與會", "参会人员", "參會人員", "出席人员", "出席人員", "出席者",
        "记录", "記錄", "紀錄", "纪录", "记录人", "記錄人", "散会", "散會", "议程", "議程", "决议", "決議",
        "attendees", "present", "absent", "apologies", "minutes", "agenda",
        "目标", "方法", "注意", "背景", "结果", "结论", "步骤", "提示", "示例", "例如", "比如", "总结", "小结", "摘要", "定义",
        "误区", "要点", "优点", "缺点", "优势", "劣势", "前提", "假设", "说明", "备注", "注", "附注", "补充", "提醒", "更正", "声明", "免责声明", "编者注", "编者按", "编按", "相关阅读", "相关推荐", "延伸阅读", "来源", "作者", "编辑", "责任编辑",
        "整理", "翻译", "校对", "编译", "撰文", "文", "图", "时间", "地点", "日期", "链接", "原文", "出品", "策划", "口述",
        "目標", "方法", "注意", "結果", "結論", "步驟", "總結", "小結", "摘要", "定義", "誤區", "要點", "優點", "缺點", "假設",
        "說明", "備註", "補充", "聲明", "編者按", "編按", "相關閱讀", "相關推薦", "延伸閱讀", "來源", "作者", "編輯", "責任編輯",
        "整理", "翻譯", "校對", "時間", "地點", "日期", "連結",
        "note", "notes", "goal", "goals", "method", "methods", "result", "results", "background", "conclusion", "conclusions",
        "summary", "example", "examples", "tip", "tips", "warning", "caution", "step", "source", "sources", "author", "editor",
        "date", "time", "definition", "pros", "cons", "update", "disclaimer", "abstract", "objective", "objectives", "keywords",
        "episode", "ep", "part", "chapter", "to sum up", "in summary", "in short", "for example", "in other words",
    ]

    /// Whether a label names a discourse label rather than a speaker (see `discourseLabels`).
    package static func isDiscourseLabel(_ name: Bytes) -> Bool {
        var text = String(decoding: name, as: UTF8.self).lowercased()
        // 一下 after the word (总结一下, 补充一下: a verb and "briefly"), and an ordinal after it:
        // 误区一, Step 2, 结论 3.
        if text.hasSuffix("一下"), text.count > 2 { text.removeLast(2) }
        let unnumbered = text
        while let last = text.unicodeScalars.last, "0123456789一二三四五六七八九十 #.".unicodeScalars.contains(last) {
            text.unicodeScalars.removeLast()
        }
        // A numbered question (`**Q1：…**`, 问题3) is an FAQ's, where Q alone may label turns.
        if text != unnumbered, numberedQuestionHeads.contains(text) { return true }
        // An ordinal in words (Step one, Part II, Tip three).
        if let space = text.lastIndex(of: " "), englishOrdinals.contains(String(text[text.index(after: space)...])) {
            text = String(text[..<space])
        }
        // An episode, section or step number (第九期, 第3集, 第二章, 第一步), a title's first part.
        let scalars = Array(text.unicodeScalars)
        if scalars.count >= 3, scalars.first == "第", "期集章节讲回部篇课步點点條条".unicodeScalars.contains(scalars.last!),
            scalars.dropFirst().dropLast().allSatisfy({ "0123456789一二三四五六七八九十百零两".unicodeScalars.contains($0) })
        {
            return true
        }
        // The next or last episode, lecture or part (下一讲, 下集, 上期), as a caption announces it.
        if scalars.count >= 2, "下上".unicodeScalars.contains(scalars[0]), "期集章节讲講回部篇课課".unicodeScalars.contains(scalars[scalars.count - 1]),
            scalars.count == 2 || (scalars.count == 3 && scalars[1] == "一")
        {
            return true
        }
        // A field of a header with its kind before it (录制时间, 采访地点, Recording date).
        return discourseLabels.contains(text) || metadataHeads.contains { head in
            text.hasSuffix(head) && (head.hasPrefix(" ") ? text.split(separator: " ").count <= 3 : text.count <= head.count + 4)
        }
    }

    /// What a number after it makes a question of an FAQ (Q1, 问题 3), lower-cased.
    static let numberedQuestionHeads: Set<String> = ["q", "question", "问", "問", "问题", "問題"]

    /// The verbs a forum writes between a post's author and its date (UTF-8, after a space).
    static let postingVerbs: [[UInt8]] = [" 發表於", " 发表于", " 發表", " 发表", " 寫於", " 写于", " posted", " wrote"].map { Array($0.utf8) }
    /// What a post's header writes before its author's name: the thread starter's role, or the
    /// word that marks a reply (`#3 回覆 阿明`).
    /// ：(U+FF1A), EF BC 9A.
    static let fullWidthColon: [UInt8] = [0xEF, 0xBC, 0x9A]
    static let postRoles: [[UInt8]] = ["樓主", "楼主", "OP", "回覆", "回复", "回應", "回应"].map { Array($0.utf8) }

    /// Numbers and ordinals in English words and Roman numerals, after a discourse label.
    static let englishOrdinals: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "last", "final", "next",
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
    ]

    /// The heads of a header's fields (时间 of 录制时间, 地点 of 采访地点) and credits (整理 of
    /// 采访整理 and 文字整理, 摄影 of 现场摄影), a closed class. Credits that also address a
    /// person (王编辑, 李翻译) are left out.
    static let metadataHeads = [
        "时间", "日期", "地点", "時間", "地點", " date", " time", " place", " location",
        "整理", "撰文", "校对", "校對", "摄影", "攝影", "编译", "編譯", "来源", "來源", "出品", "策划", "策劃",
        // What comes next (下集预告, 节目预告).
        "预告", "預告",
    ]

    /// Words in the labels of what an editor lists after a conversation: credits (`剪辑`,
    /// `片头音乐`, `责任编辑`, `封面设计`) and show notes (`本期提到`, `时间轴`, `参考资料`,
    /// `收听平台`), Simplified and Traditional, lower-cased English; credits that head a header's
    /// fields too (出品, 策划) are `metadataHeads`. Read only after the last turn (see
    /// `LabeledTranscriptParser`): elsewhere 编辑 or 音乐 may be a speaker's role.
    static let closingHeads = [
        "剪辑", "剪輯", "后期", "後期", "音乐", "音樂", "配乐", "配樂", "混音", "录音", "錄音", "制作", "製作", "制片", "製片",
        "监制", "監製", "编辑", "編輯", "责编", "責編", "主编", "主編", "排版", "美编", "美編", "设计", "設計", "封面", "插图", "插圖",
        "图片", "圖片", "摄像", "攝像", "统筹", "統籌", "运营", "營運", "鸣谢", "鳴謝", "致谢", "致謝",
        "时间轴", "時間軸", "时间线", "時間線", "提到", "提及", "涉及", "书单", "書單", "参考", "參考", "资料", "資料", "链接", "鏈接",
        "連結", "收听", "收聽", "联系", "聯繫", "聯絡", "合作", "投稿", "订阅", "訂閱",
        "credits", "music", "editing", "editor", "producer", "show notes", "links", "references", "timestamps", "chapters", "mentioned",
    ]

    /// Whether a label's name is one of an editor's closing fields (`closingHeads`): at most
    /// six characters (sixteen when all ASCII) that hold such a word.
    package static func isClosingField(_ name: Bytes) -> Bool {
        let text = String(decoding: name, as: UTF8.self).lowercased()
        return text.count <= (text.utf8.count == text.count ? 16 : 6) && closingHeads.contains { text.contains($0) }
    }

    /// Whether a label that occurs once in a conversation is taken for a speaker (a one-off
    /// questioner, a short form of a name): not a discourse label, and shaped like a name or
    /// a role: at most five CJK characters (`观众`, `陳太`, `观众A`), or up to four words
    /// that each start with a capital letter or are one to three CJK characters (`Sam`,
    /// `Dr. Li Wei`, `Kelvin 陳`), a role in brackets after it allowed (`张敏（主持人）`).
    /// A bold phrase (`**第三段不是标签:**`) is none of these.
    static func isOneOffSpeaker(_ label: Match, style: LabeledTranscriptParser.LabelStyle) -> Bool {
        guard !isDiscourseLabel(label.name) else { return false }
        // A forum's nicknames take any shape (`魚缸新手阿凱`, `xX阿哲Xx`); the post's header says
        // it is one.
        if label.isPostHeader { return true }
        return isNameShaped(displayName(String(decoding: label.name, as: UTF8.self)))
    }

    /// Whether `name` (a role in brackets removed: `displayName`) is shaped like a person's name
    /// or a role: at most five CJK characters with a letter or two after them (`观众A`), one to
    /// three with an English name after them (`阿May`), or up
    /// to four words that each start with a capital letter or are one to three CJK characters.
    /// A clause before a colon (`最关键的一件事：`) is not.
    static func isNameShaped(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        guard !words.isEmpty, words.count <= 4 else { return false }
        func isCJK(_ scalar: Unicode.Scalar) -> Bool { ScriptClass.isCJK(scalar.value) }
        if words.count == 1, let word = words.first, word.unicodeScalars.contains(where: isCJK) {
            // CJK, with at most a letter or two after it (观众A, 嘉宾2).
            let cjk = word.unicodeScalars.prefix { isCJK($0) }
            let rest = word.unicodeScalars.dropFirst(cjk.count)
            if cjk.count <= 5 && rest.count <= 2 && rest.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) }) { return true }
            // A nickname of a Chinese prefix and an English name (阿May, 小Kevin).
            return (1...3).contains(cjk.count) && (2...8).contains(rest.count) && rest.first!.properties.isUppercase
                && rest.allSatisfy { $0.isASCII && $0.properties.isAlphabetic }
        }
        return words.allSatisfy { word in
            if word.unicodeScalars.allSatisfy(isCJK) { return word.unicodeScalars.count <= 3 }
            guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return false }
            return word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "." || $0 == "'" || $0 == "-" || ("0"..."9").contains($0) }
        }
    }

    /// A speaker's name without the role in brackets after it: `张敏（主持人）` → `张敏`,
    /// `Mr. Zhao (listener)` → `Mr. Zhao`, so that a person labelled with and without a role is
    /// one speaker. A role with the name in brackets gives the name: `主持人（王蕾）` → `王蕾`;
    /// so does a role and a space before the name: `嘉宾 王磊` → `王磊`.
    static func displayName(_ name: String) -> String {
        for (open, close) in [("（", "）"), ("(", ")")] where name.hasSuffix(close) {
            if let start = name.range(of: open, options: .backwards), start.lowerBound > name.startIndex {
                let outside = String(name[..<start.lowerBound]).trimmingCharacters(in: .whitespaces)
                let inside = String(name[start.upperBound..<name.index(name.endIndex, offsetBy: -close.count)]).trimmingCharacters(in: .whitespaces)
                if roles.contains(outside.lowercased()), !inside.isEmpty, !roles.contains(inside.lowercased()) { return inside }
                return outside
            }
        }
        // A role, a space and the name: `嘉宾 王磊` → `王磊`, `Host Sam Ortiz` → `Sam Ortiz`.
        if let space = name.firstIndex(where: { $0 == " " || $0 == "\u{3000}" }), roles.contains(name[..<space].lowercased()) {
            let rest = String(name[name.index(after: space)...].drop { $0 == " " || $0 == "\u{3000}" })
            if !rest.isEmpty, !roles.contains(rest.lowercased()) { return rest }
        }
        return name
    }

    /// The parts people play in a conversation, which a label may give before the person's
    /// name in brackets (a closed class).
    static let roles: Set<String> = [
        "主持人", "主持", "嘉宾", "记者", "主播", "观众", "听众", "编辑", "采访者", "受访者", "提问者", "发言人", "讲者", "翻译", "译者",
        "嘉賓", "記者", "觀眾", "聽眾", "編輯", "採訪者", "受訪者", "發言人", "翻譯",
        "host", "guest", "interviewer", "interviewee", "moderator", "reporter", "audience", "translator",
    ]

    /// The longest title, in UTF-8 bytes (twelve CJK characters).
    static let longestTitleBytes = 36

    /// A short line that reads as a title: at most about twelve CJK characters or six Latin
    /// words, no sentence punctuation or colon at its end, and no markup at its start.
    static func isTitleLike(_ line: Bytes) -> Bool {
        // Emphasis around the whole line (`**相关阅读**`) is a title's too.
        var text = line
        while let first = text.first, first == MarkdownLine.star || first == UInt8(ascii: "_") { text = text.dropFirst() }
        while let last = text.last, last == MarkdownLine.star || last == UInt8(ascii: "_") { text = text.dropLast() }
        guard !text.isEmpty, text.count <= longestTitleBytes, let first = text.first, first >= 0x80 || (0x30...0x7A).contains(first),
            let last = ScriptClass.lastScalar(text)
        else { return false }
        if isSentenceEnd(last) || last == 0x3A || last == 0xFF1A || last == 0x201D || last == 0x300D || last == 0x22 { return false }
        return text.lazy.filter { $0 == MarkdownLine.space }.count <= 5
    }

    /// Whether a scalar ends a sentence (。！？.!?…).
    static func endsSentence(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x2E, 0x21, 0x3F, 0x3002, 0xFF01, 0xFF1F, 0x2026, 0x201D, 0x300D: true
        default: false
        }
    }

    private static func isSentenceEnd(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x2E, 0x21, 0x3F, 0x2C, 0x3B, 0x3002, 0xFF01, 0xFF1F, 0xFF0C, 0xFF1B, 0x2026, 0x3001:
            return true
        default:
            return false
        }
    }

    /// A name must be short and hold no sentence punctuation, so that an emphasised phrase
    /// ending in a colon is not mistaken for a speaker.
    @inline(__always)
    private static func validated(_ rawName: Bytes, textStart: Int, hasTimestamp: Bool = false) -> Match? {
        let name = MarkdownLine.trimmed(rawName)
        guard !name.isEmpty, name.count <= maximumNameBytes else { return nil }
        // A bracket opens an aside, not a name: `（編按：…）`, `【节目名：…】`, `「…」`.
        switch name[name.startIndex] {
        case MarkdownLine.openParen, MarkdownLine.openBracket: return nil
        case 0xEF, 0xE3:
            if let first = ScriptClass.firstScalar(name), first == 0xFF08 || first == 0x3010 || first == 0x300C || first == 0x300E { return nil }
        default: break
        }
        if holdsContraction(name) || holdsAuxiliary(name) { return nil }
        var index = name.startIndex
        while index < name.endIndex {
            let byte = name[index]
            if byte < 0x80 {
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
                    || byte == UInt8(ascii: ";") || byte == MarkdownLine.star
                {
                    return nil
                }
                index += 1
            } else {
                if let scalar = ScriptClass.firstScalar(name[index...]), isSentenceEnd(scalar) {
                    return nil
                }
                index += 1
                while index < name.endIndex && name[index] & 0xC0 == 0x80 { index += 1 }
            }
        }
        return Match(name: name, textStart: textStart, hasTimestamp: hasTimestamp)
    }

    /// Words that a contraction's `'s` joins to a verb (it's, that's, let's), not a possessive.
    static let contractedWords: Set<String> = ["it", "that", "let", "here", "there", "what", "who", "he", "she", "where", "how"]

    /// Whether `name` holds an English contraction (we'll, don't, I'm, it's; an apostrophe,
    /// ASCII or curly, then lower-case letters): a clause before a colon, not a speaker
    /// (`Tomorrow we'll trim: turn the bowl…`). A name's possessive (Sophie's) and names with
    /// an apostrophe before a capital (O'Brien) are no contraction.
    static func holdsContraction(_ name: Bytes) -> Bool {
        // ' or ’ (E2 80 99), found in the bytes before the name is decoded.
        guard name.contains(UInt8(ascii: "'")) || name.indices.dropLast(2).contains(where: { name[$0] == 0xE2 && name[$0 + 1] == 0x80 && name[$0 + 2] == 0x99 })
        else { return false }
        let text = String(decoding: name, as: UTF8.self)
        for word in text.split(separator: " ") {
            let parts = word.split(whereSeparator: { $0 == "'" || $0 == "\u{2019}" }).map(String.init)
            guard parts.count == 2, let ending = parts[1].first, ending.isLowercase, ending.isASCII else { continue }
            if parts[1] != "s" || contractedWords.contains(parts[0].lowercased()) || parts[0].first?.isLowercase == true { return true }
        }
        return false
    }

    /// English copulas and auxiliaries (a closed class), lower-case: a clause's verb.
    static let auxiliaries: Set<String> = [
        "is", "are", "was", "were", "be", "been", "am", "will", "would", "can", "could", "should", "shall", "must", "may", "might",
        "has", "have", "had", "do", "does", "did",
    ]

    /// Whether `name` holds a lower-case English copula or auxiliary as a word of its own: a
    /// clause before a colon, not a speaker (`Next class is hands-on: everyone roasts…`); no
    /// name or role holds one in lower case (Will Smith's capital is a name's).
    static func holdsAuxiliary(_ name: Bytes) -> Bool {
        guard name.contains(UInt8(ascii: " ")) else { return false }
        return String(decoding: name, as: UTF8.self).split(separator: " ").contains { auxiliaries.contains(String($0)) }
    }

    /// Whether a list item's bullet (`-`, `*` or `+` and a space) is at `index`.
    private static func isBullet(_ line: Bytes, at index: Int) -> Bool {
        index + 1 < line.endIndex && [MarkdownLine.hyphen, MarkdownLine.star, UInt8(ascii: "+")].contains(line[index]) && MarkdownLine.isSpace(line[index + 1])
    }

    private static func skipIndent(_ line: Bytes) -> Int {
        var index = line.startIndex
        while index < line.endIndex && index - line.startIndex < 4 && MarkdownLine.isSpace(line[index]) {
            index += 1
        }
        return index
    }

    private static func skipSpaces(_ line: Bytes, from start: Int) -> Int {
        var index = start
        while index < line.endIndex && MarkdownLine.isSpace(line[index]) { index += 1 }
        return index
    }

    /// Skips `[00:10]`, `(00:10:05)`, `（00:00:12）` or a bare `00:10` timestamp followed by a space.
    private static func skipTimestamp(_ line: Bytes, from start: Int) -> Int {
        var index = start
        guard index < line.endIndex else { return start }
        let opener = line[index]
        let fullWidth = line[index...].starts(with: fullWidthOpenParen)
        let bracketed = opener == MarkdownLine.openBracket || opener == MarkdownLine.openParen || fullWidth
        if bracketed { index += fullWidth ? fullWidthOpenParen.count : 1 }
        // A date before the time, as chat exports write it (`[2024/03/05 08:02:11]`,
        // `05/03/2024, 08:02 - `, `2024-03-05T08:02`).
        if let date = dateEnd(line, from: index), date < line.endIndex {
            var next = date
            if line[next] == UInt8(ascii: ",") { next += 1 }
            if next < line.endIndex && (MarkdownLine.isSpace(line[next]) || line[next] == UInt8(ascii: "T")) {
                index = skipSpaces(line, from: next + 1)
            }
        }
        let digitsStart = index
        var colons = 0
        while index < line.endIndex {
            let byte = line[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: ",")
            {
                index += 1
            } else if byte == UInt8(ascii: ":") {
                colons += 1
                index += 1
            } else {
                break
            }
        }
        guard colons >= 1, index - digitsStart >= 3,
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[index - 1])
        else { return start }
        if bracketed {
            if fullWidth {
                guard line[index...].starts(with: fullWidthCloseParen) else { return start }
                return skipSpaces(line, from: index + fullWidthCloseParen.count)
            }
            guard index < line.endIndex,
                line[index] == (opener == MarkdownLine.openBracket ? MarkdownLine.closeBracket : MarkdownLine.closeParen)
            else { return start }
            index += 1
        } else {
            guard index < line.endIndex, MarkdownLine.isSpace(line[index]) else { return start }
            // `08:02 - Name:`, as WhatsApp exports write it.
            let dash = skipSpaces(line, from: index)
            if dash + 1 < line.endIndex && line[dash] == MarkdownLine.hyphen && MarkdownLine.isSpace(line[dash + 1]) { index = dash + 1 }
        }
        return skipSpaces(line, from: index)
    }

    /// The index just past a date at `start`: three groups of digits joined by one separator,
    /// `-`, `/` or `.` (2024-03-05, 2024/3/5, 05/03/2024, 5.3.24), the year of four digits or
    /// two; nil when there is none.
    static func dateEnd(_ line: Bytes, from start: Int) -> Int? {
        var index = start
        var groups: [Int] = []
        var separator: UInt8?
        while index < line.endIndex {
            let groupStart = index
            while index < line.endIndex && line[index] >= UInt8(ascii: "0") && line[index] <= UInt8(ascii: "9") { index += 1 }
            let length = index - groupStart
            guard (1...4).contains(length) else { return nil }
            groups.append(length)
            guard groups.count < 3 else { break }
            guard index < line.endIndex, [UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ".")].contains(line[index]),
                separator == nil || separator == line[index]
            else { return nil }
            separator = line[index]
            index += 1
        }
        guard groups.count == 3, groups[0] == 4 || groups[2] == 4 || groups[2] == 2, groups[1] <= 2 else { return nil }
        return index
    }

    /// If a colon (`:` or full-width `：`) is at `index`, the index just past it.
    @inline(__always)
    private static func colonEnd(_ line: Bytes, at index: Int) -> Int? {
        guard index < line.endIndex else { return nil }
        if line[index] == UInt8(ascii: ":") { return index + 1 }
        if line.endIndex - index >= 3 && line[index] == 0xEF && line[index + 1] == 0xBC
            && line[index + 2] == 0x9A
        {
            return index + 3
        }
        return nil
    }
}
