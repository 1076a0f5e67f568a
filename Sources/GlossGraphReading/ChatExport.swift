import GlossGraphText

/// Lines of a chat export (WeChat, QQ, LINE, as their "save chat history" and copy commands
/// write them) that are no one's words: notices the app writes into the conversation, media
/// placeholders and date dividers, and the quotation a reply carries.
package enum ChatExport {
    enum Notice {
        /// A notice in words: a recalled message, a member joining, a nudge.
        case announcement
        /// A placeholder for a message with no text, or a date divider.
        case marker
    }

    /// What the line, trimmed, is when it is a notice the app writes (a recalled message, a
    /// member joining, leaving or being invited, a nudge, a renamed group), a placeholder for a
    /// message with no text (`[图片]`, `[语音] 5"`, `[Sticker]`) or a date divider
    /// (`————— 2025-04-02 —————`, `—— 以下为新消息 ——`); nil for any other line. A notice is
    /// the whole line and short: a sentence that mentions a recall is speech. A message's text
    /// can still read as an announcement (`欢迎老周加入群聊`): the caller knows whether it
    /// follows a sender's header.
    static func notice(_ line: ArraySlice<UInt8>) -> Notice? {
        let trimmed = MarkdownLine.trimmed(line)
        // A tab-separated export gives a notice its time and no sender field (`09:47<TAB>阿哲已收回訊息`).
        if let afterTime = SpeakerLabel.tabbedTimeEnd(trimmed), !trimmed[afterTime...].contains(MarkdownLine.tab) { return .announcement }
        // A post's signature line (`--`, on PTT and in mail) divides the post from what the
        // site adds after it.
        if trimmed.elementsEqual("--".utf8) { return .marker }
        guard trimmed.count >= 4, trimmed.count <= 180 else { return nil }
        if let first = trimmed.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9"), isDateLine(trimmed) { return .marker }
        // The lines PTT adds to a post (`※ 發信站: 批踢踢實業坊(ptt.cc), 來自: …`, `※ 編輯: …`).
        // They end a comment's turn as a divider does.
        if sitePrefixes.contains(where: { trimmed.starts(with: $0) }) { return .marker }
        // Lines are judged by bytes before any is decoded: a placeholder opens with `[`, a
        // divider with a dash, and an announcement ends with one of few words or holds 拍 or 群.
        let first = trimmed.first!
        let opensMarker = first == UInt8(ascii: "[") || first == UInt8(ascii: "-") || first == UInt8(ascii: "=") || first == 0xE2 || first == 0xEF
        guard opensMarker || announcementLastBytes.contains(packedLast3(trimmed)) || holdsInfixCharacter(trimmed) else { return nil }
        let text = String(decoding: trimmed, as: UTF8.self)
        if opensMarker && (isPlaceholder(text) || isDateDivider(text)) { return .marker }
        guard text.count <= 60, !text.contains(where: { "。！？!?".contains($0) }) else { return nil }
        if noticeEndings.contains(where: { text.hasSuffix($0) }) || noticeInfixes.contains(where: { text.contains($0) }) { return .announcement }
        return nil
    }

    /// Endings of the notices WeChat and QQ write, in Simplified and Traditional characters
    /// and in the English interface.
    static let noticeEndings: [String] = [
        "撤回了一条消息", "撤回了一條消息", "撤回了一條訊息", "撤回一条消息", "撤回了一条消息 重新编辑", "recalled a message",
        "加入了群聊", "加入群聊", "加入本群", "加入了本群", "加入了群組", "加入群組", "退出了群聊", "退出群聊", "退出本群", "退出了本群",
        "退出了群組", "移出了本群", "移出本群", "被设置为管理员", "被設置為管理員", "被取消管理员", "被取消管理員",
        "移出了群聊", "移出群聊", "移出了群組", "离开了群聊", "離開了群組", "joined the group chat", "left the group chat",
        "以下为新消息", "以下為新訊息", "现在可以开始聊天了", "現在可以開始聊天了",
        // LINE's.
        "已收回訊息", "已收回讯息", "unsent a message", "已加入群組", "已退出群組", "已離開群組",
    ]

    /// How the lines a forum site adds to a post open (PTT's, in Traditional and Simplified
    /// characters), UTF-8.
    static let sitePrefixes: [[UInt8]] = ["※ 發信站", "※ 发信站", "※ 編輯", "※ 编辑", "※ 文章網址", "※ 文章网址", "※ 轉錄者", "※ 转录者"].map { Array($0.utf8) }

    /// The last three bytes of every `noticeEndings` entry, packed (`packedLast3`).
    static let announcementLastBytes = Set(noticeEndings.map { packedLast3(ArraySlice($0.utf8)) })

    static func packedLast3(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.suffix(3).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Whether the bytes hold 拍 or 群 (U+62CD E6 8B 8D, U+7FA4 E7 BE A4): `noticeInfixes` all hold one.
    static func holdsInfixCharacter(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        while index + 2 < bytes.endIndex {
            let byte = bytes[index]
            if (byte == 0xE6 && bytes[index + 1] == 0x8B && bytes[index + 2] == 0x8D) || (byte == 0xE7 && bytes[index + 1] == 0xBE && bytes[index + 2] == 0xA4) {
                return true
            }
            index += 1
        }
        return false
    }

    /// Phrases that make a short line a notice wherever they stand: a nudge (`"阿杰" 拍了拍
    /// "小雨"`), a renamed group, a new group owner.
    static let noticeInfixes: [String] = [
        " 拍了拍 ", "\" 拍了拍 \"", "拍了拍\"", "修改群名为", "修改群名為", "已成为新群主", "已成為新群主", "成为新群主", "邀请你加入了群聊",
    ]

    /// The kinds of message with no text that exports write as a bracketed word.
    static let placeholders: Set<String> = [
        "图片", "圖片", "照片", "语音", "語音", "视频", "視頻", "影片", "表情", "动画表情", "動畫表情", "贴图", "貼圖", "文件", "檔案",
        "链接", "連結", "位置", "红包", "紅包", "转账", "轉帳", "名片", "聊天记录", "聊天記錄", "视频通话", "語音通話", "语音通话",
        "小程序", "Photo", "Image", "Picture", "Sticker", "Video", "Voice", "Audio", "File", "Link", "Location",
    ]

    /// A message that says no words: a placeholder, or a call LINE records (`☎ 通話時間 4:37`,
    /// `☎ 未接來電`).
    static func isWordless(_ text: ArraySlice<UInt8>) -> Bool {
        let trimmed = MarkdownLine.trimmed(text)
        guard let first = trimmed.first, first == UInt8(ascii: "[") || first == 0xE2 else { return false }
        if trimmed.starts(with: Array("☎".utf8)) { return true }
        return first == UInt8(ascii: "[") && isPlaceholder(String(decoding: trimmed, as: UTF8.self))
    }

    /// `[图片]`, or a voice message with its length (`[语音] 5"`, `[语音]12秒`).
    static func isPlaceholder(_ text: String) -> Bool {
        guard text.hasPrefix("["), let close = text.firstIndex(of: "]") else { return false }
        let word = text[text.index(after: text.startIndex)..<close]
        guard placeholders.contains(String(word)) else { return false }
        let rest = text[text.index(after: close)...].drop(while: { $0 == " " })
        return rest.isEmpty || rest.allSatisfy { $0.isNumber || "\"'″秒s ".contains($0) }
    }

    /// A date between dashes or rules, as exports divide days: `————— 2025-04-02 —————`,
    /// `--- 2025年4月2日 星期三 ---`.
    static func isDateDivider(_ text: String) -> Bool {
        let dashes: Set<Character> = ["—", "─", "-", "=", "－", "━", " "]
        guard let first = text.first, let last = text.last, dashes.contains(first), dashes.contains(last) else { return false }
        let inner = text.drop(while: { dashes.contains($0) }).reversed().drop(while: { dashes.contains($0) }).reversed()
        let middle = String(inner)
        guard middle.count >= 6, middle.count <= 30, middle.first?.isNumber == true || middle.hasPrefix("以下") else { return false }
        return middle.hasPrefix("以下") || middle.allSatisfy { $0.isNumber || "-/.:年月日 星期一二三四五六天周週上下午".contains($0) }
    }

    /// A date alone on its line, a weekday after it or not, as LINE's export heads each day:
    /// `2024/05/11（六）`, `2024/05/11(Sat)`, `2024-05-11 星期六`, `2024.05.11`.
    static func isDateLine(_ line: ArraySlice<UInt8>) -> Bool {
        guard let end = SpeakerLabel.dateEnd(line, from: line.startIndex) else { return false }
        var rest = Substring(String(decoding: MarkdownLine.trimmed(line[end...]), as: UTF8.self))
        if rest.isEmpty { return true }
        if let open = rest.first, let close = rest.last, rest.count > 2, "(（".contains(open), ")）".contains(close) {
            rest = rest.dropFirst().dropLast().drop(while: { $0 == " " })
        }
        for prefix in ["星期", "禮拜", "礼拜", "週", "周"] where rest.hasPrefix(prefix) { rest = rest.dropFirst(prefix.count) }
        if rest.last == "." { rest = rest.dropLast() }
        return (rest.count == 1 && "一二三四五六日天".contains(rest)) || englishWeekdays.contains(String(rest))
    }

    /// The weekdays' English names and their abbreviations, as dates open or end with them.
    package static let englishWeekdays: Set<String> = [
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    ]

    /// The senders of notices: a header naming one opens no one's message (`系统消息(10000)`).
    static let systemSenders: Set<ByteString> = Set(
        ["系统消息", "系統訊息", "系統消息", "系统提示", "系統提示", "System Message"].map { ByteString(ArraySlice($0.utf8)) })

    /// Whether a label's name (UTF-8) is one of `systemSenders`; compared as bytes, since every
    /// timestamped label is asked.
    static func isSystemSender(_ name: ArraySlice<UInt8>) -> Bool { systemSenders.contains(ByteString(name)) }

    /// Whether the line opens a quotation of an earlier message, as a reply carries it:
    /// `「小K：早上看了下…」`, the sender one that `isSpeaker` knows. Returns whether the
    /// quotation also ends on this line (its closing `」`); nil for any other line.
    static func quotationStart(_ line: ArraySlice<UInt8>, isSpeaker: (ArraySlice<UInt8>) -> Bool) -> Bool? {
        let trimmed = MarkdownLine.trimmed(line)
        guard trimmed.starts(with: cornerOpen), let label = SpeakerLabel.colon(trimmed[(trimmed.startIndex + cornerOpen.count)...]),
            isSpeaker(label.name)
        else { return nil }
        return closesQuotation(trimmed)
    }

    static let cornerOpen = Array("「".utf8)
    static let cornerClose = Array("」".utf8)

    /// Whether the line closes a quotation that opened on an earlier line.
    static func closesQuotation(_ line: ArraySlice<UInt8>) -> Bool {
        MarkdownLine.trimmed(line).reversed().starts(with: cornerClose.reversed())
    }
}
