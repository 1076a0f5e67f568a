/// Emoticons of chat and forum text written in Latin letters and symbols (XD, orz, QAQ, ^^,
/// T_T, >_<): a closed class of the forms common on Chinese-language forums. They name
/// nothing, and one ending a line ends its sentence: the line is no hard wrap of the next.
public enum Emoticon {
    /// Emoticons of letters (XD and its longer forms are told by `isEmoticon(_:)`). QQ and TT
    /// (crying eyes) are also names, Tencent's messenger among them: a caller judging names
    /// weighs them by their uses.
    static let letterForms: Set<String> = ["QAQ", "QWQ", "QQ", "TT", "orz", "Orz", "OTZ", "otz"]
    /// Emoticons of symbols, with letters in some (T_T, ^o^).
    static let symbolForms: Set<String> = [
        "^^", "^_^", "^^;", "^o^", "^O^", "T_T", "T.T", "Q_Q", ">_<", "><", "=.=", "-_-", "-_-||", ":)", ":(", ":D", ":P", ":-)", ":-(",
    ]

    /// Whether `text` is an emoticon: one of `letterForms` or `symbolForms`, or X and one D or
    /// more (XD, XDDD).
    public static func isEmoticon(_ text: String) -> Bool {
        letterForms.contains(text) || symbolForms.contains(text)
            || (text.count >= 2 && (text.first == "X" || text.first == "x") && text.dropFirst().allSatisfy { $0 == "D" })
    }

    /// Whether a line (UTF-8, trailing spaces allowed) ends with an emoticon: the ASCII run
    /// after its last space or CJK character is one (`小弟新手一枚 ^^`, `右邊比較少QQ`).
    static func endsLine(_ line: ArraySlice<UInt8>) -> Bool {
        var end = line.endIndex
        while end > line.startIndex && (line[end - 1] == 0x20 || line[end - 1] == 0x09) { end -= 1 }
        var start = end
        while start > line.startIndex && line[start - 1] < 0x80 && line[start - 1] != 0x20 { start -= 1 }
        guard start < end, end - start <= 8 else { return false }
        return isEmoticon(String(decoding: line[start..<end], as: UTF8.self))
    }
}
