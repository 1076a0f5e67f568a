import GlossGraphReading
import GlossGraphText

extension Discoverer {
    /// Most Chinese characters a mixed-script term takes on its Chinese side.
    static let mixedScriptChineseLimit = 6

    /// Terms written in two scripts with no space or one space between them (AI安全, X射线,
    /// GPU集群, 5G基站, 宪法AI, 金门大桥Claude, T 细胞), which Chinese technical writing coins
    /// freely and a glossary lists as one name; the term keeps the text's space.
    ///
    /// After a Latin token, the Chinese side is the word that follows, and that word with the
    /// next (two candidates; `proposals(from:)` keeps the one the text uses); before a token,
    /// the word before it, and the two words before it. Only words of two characters or more
    /// that `lexicon` (jieba's list) knows as nouns, verbal nouns or, before the token,
    /// adjectives count, so the verbs, particles, numerals and localisers a name stands next to
    /// make none (AGI带来, Claude的, 万个GPU, API中). A token a Chinese word follows must be
    /// written in capitals or digits (AI, A/B, X, A*, 5G): a capitalised name before a Chinese
    /// word is mostly the name and its class or role (Anthropic公司, 在OpenAI工作).
    ///
    /// - Parameters:
    ///   - bytes: a unit's text, UTF-8.
    ///   - sides: the Chinese sides already judged, by run and side (a part's units repeat them).
    /// - Returns: each term and the UTF-8 offset in `bytes` where it starts, in text order.
    static func mixedScriptTerms(in bytes: [UInt8], lexicon: ChineseLexicon, sides: inout [String: [String]]) -> [(text: String, offset: Int)] {
        var terms: [(text: String, offset: Int)] = []
        var index = 0
        func isAlphanumeric(_ at: Int) -> Bool { at >= 0 && at < bytes.count && MarkdownLine.isASCIIAlphanumeric(bytes[at]) }
        while index < bytes.count {
            // Hot: every byte of every unit passes here, and most are no Latin letter.
            guard isAlphanumeric(index),
                index == 0 || !(isAlphanumeric(index - 1) || isJoiner(bytes[index - 1]) || bytes[index - 1] == UInt8(ascii: "'"))
            else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count {
                if isAlphanumeric(end) || bytes[end] == UInt8(ascii: "*") {
                    end += 1
                } else if isJoiner(bytes[end]) && isAlphanumeric(end + 1) {
                    end += 1
                } else {
                    break
                }
            }
            defer { index = end }
            // Most tokens touch no Han character: the lead byte of one (E3–E9) is checked first.
            // One space may stand between the two scripts (KL 散度, PID 控制, 宪法式 AI).
            let gapAfter = end < bytes.count && bytes[end] == UInt8(ascii: " ") ? 1 : 0
            let gapBefore = index > 0 && bytes[index - 1] == UInt8(ascii: " ") ? 1 : 0
            let hanAfter = end + gapAfter < bytes.count && (0xE3...0xE9).contains(bytes[end + gapAfter])
            let hanBefore = index - gapBefore >= 3 && (0xE3...0xE9).contains(bytes[index - gapBefore - 3])
            guard hanAfter || hanBefore else { continue }
            let token = String(decoding: bytes[index..<end], as: UTF8.self)
            guard token.unicodeScalars.contains(where: { $0.properties.isAlphabetic }), !isQuantity(token) else { continue }
            for forward in [true, false] {
                // After the token: capitals or digits; before it: two letters at least.
                let admits = forward
                    ? token.unicodeScalars.allSatisfy { !$0.properties.isLowercase }
                    : token.unicodeScalars.filter { $0.properties.isAlphabetic }.count >= 2
                let gap = forward ? gapAfter : gapBefore
                guard admits, let run = hanRun(in: bytes, from: forward ? end + gap : index - gap, forward: forward) else { continue }
                let key = (forward ? ">" : "<") + run
                if sides[key] == nil { sides[key] = chineseSides(of: run, forward: forward, lexicon: lexicon) }
                let space = gap == 1 ? " " : ""
                for chinese in sides[key]! {
                    terms.append(forward ? (token + space + chinese, index) : (chinese + space + token, index - gap - chinese.utf8.count))
                }
            }
        }
        return terms
    }

    /// `-`, `/`, `.` or `&`, which join the parts of one Latin token (GPT-4, A/B, Node.js, R&D).
    @inline(__always) private static func isJoiner(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "&")
    }

    /// The Chinese sides a run offers a token: its first word and its first two (`forward`,
    /// the run following the token), or its last word and its last two, while they are words
    /// `isMixedScriptWord` admits.
    private static func chineseSides(of run: String, forward: Bool, lexicon: ChineseLexicon) -> [String] {
        // A classifier after a letter or numeral names a type, class, grade or phase (M型, A类,
        // II期, L4级) and takes the words after it (M型矮星, A类人才), which the list cuts
        // across (类人|才).
        if forward, let first = run.unicodeScalars.first, letterClassifiers.contains(first) {
            let rest = String(run.unicodeScalars.dropFirst())
            return [String(first)] + (rest.isEmpty ? [] : chineseSides(of: rest, forward: true, lexicon: lexicon).map { String(first) + $0 })
        }
        let words = lexicon.words(of: run)
        var sides: [String] = []
        for word in (forward ? words : words.reversed()).prefix(2) {
            guard isMixedScriptWord(word, lexicon: lexicon, beforeToken: !forward) else { break }
            sides.append(forward ? (sides.last ?? "") + word : word + (sides.last ?? ""))
        }
        return sides
    }

    /// Classifiers a letter or a numeral labels a kind with (M型, A类, L4级, II期, A相).
    static let letterClassifiers: Set<Unicode.Scalar> = ["型", "类", "類", "级", "級", "期", "相"]

    /// Whether a word may be the Chinese side of a mixed-script term: two characters or more,
    /// in the list as a noun, verbal noun or (before the token) adjective; or, after the token,
    /// a verb general Chinese seldom uses, which names a technique (CT扫描, 3D打印, PCR扩增),
    /// where an everyday verb is the token's predicate (AGI带来, GPT发布).
    private static func isMixedScriptWord(_ word: String, lexicon: ChineseLexicon, beforeToken: Bool) -> Bool {
        guard word.unicodeScalars.count >= 2, let entry = lexicon.word(word) else { return false }
        if entry.wordClass == .verb { return !beforeToken && !entry.everyday && !entry.isFixedExpression }
        guard entry.wordClass == .content else { return false }
        return !entry.isLocaliser && !entry.isNumeral && !entry.isFixedExpression && !entry.isPreposition && (beforeToken || !entry.isAdjective)
    }

    /// Whether a token is an amount written with a magnitude letter (70B, 1.5B, 128K, 2T): a
    /// count of parameters, tokens or bytes, not a name (4K and 5G, one digit before K or a
    /// letter other than K, M, B or T, are names).
    static func isQuantity(_ token: String) -> Bool {
        guard let letter = token.last, "KMBT".contains(letter) else { return false }
        let number = token.dropLast()
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), number.first != "." else { return false }
        return "BT".contains(letter) || number.count >= 2
    }

    /// The Han characters (at most `mixedScriptChineseLimit`) that run from `offset` on, or
    /// that end just before it, with no space between; nil when there are none.
    private static func hanRun(in bytes: [UInt8], from offset: Int, forward: Bool) -> String? {
        var scalars: [Unicode.Scalar] = []
        var at = offset
        while scalars.count < mixedScriptChineseLimit {
            let start = forward ? at : at - 3
            guard start >= 0, start + 2 < bytes.count, bytes[start] & 0xF0 == 0xE0, bytes[start + 1] & 0xC0 == 0x80, bytes[start + 2] & 0xC0 == 0x80
            else { break }
            let value = UInt32(bytes[start] & 0x0F) << 12 | UInt32(bytes[start + 1] & 0x3F) << 6 | UInt32(bytes[start + 2] & 0x3F)
            guard (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value), let scalar = Unicode.Scalar(value) else { break }
            if forward { scalars.append(scalar) } else { scalars.insert(scalar, at: 0) }
            at = forward ? at + 3 : at - 3
        }
        return scalars.isEmpty ? nil : String(String.UnicodeScalarView(scalars))
    }
}
