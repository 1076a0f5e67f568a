import GlossGraphText

/// Reads SubRip (SRT) and WebVTT subtitles: each cue becomes a unit, or one unit per speaker
/// when a cue holds several (`<v>` voices, or dialogue lines opened by a dash); a voice span
/// (`<v Name>`) or a speaker prefix (`名字：`, `(名字)`) gives the speaker.
///
/// Cues are found by their timing lines, not by blank lines, so files without blank lines
/// between cues or without cue numbers read as well; a cue's text runs to the next blank
/// line, timing line, or cue number followed by a timing line. Cue numbers, timing lines,
/// the WebVTT header and NOTE, STYLE and REGION blocks are skipped as subtitle structure.
/// Tags (`{\an8}`, `<i>`, `<c.yellow>`, `<00:00:05.000>`) are removed, and mention columns
/// still point into the source line.
struct SubtitleParser {
    let file: String
    let lines: LineTable
    /// Speaker prefixes that open two cue lines or more (see `speaker(in:)`).
    var recurringPrefixes: Set<String> = []

    init(file: String, lines: LineTable) {
        self.file = file
        self.lines = lines
    }

    static func looksLikeVTT(_ lines: LineTable) -> Bool {
        guard lines.count > 0 else { return false }
        let first = withoutLeadingMarks(lines[0])
        return first.starts(with: "WEBVTT".utf8)
            && (first.count == 6 || MarkdownLine.isSpace(first[first.startIndex + 6]))
    }

    /// The first non-blank line is a timing line, or a cue number followed by one (bidi and
    /// byte-order marks before it allowed).
    static func looksLikeSRT(_ lines: LineTable) -> Bool {
        var index = 0
        while index < lines.count && MarkdownLine.isBlank(lines[index]) { index += 1 }
        guard index < lines.count else { return false }
        if isTimingLine(lines[index]) { return true }
        guard index + 1 < lines.count else { return false }
        return isCueNumber(lines[index]) && isTimingLine(lines[index + 1])
    }

    /// `00:00:01,000 --> 00:00:02,500` (SRT) or `00:01.000 --> 00:02.500 align:start` (WebVTT):
    /// a digit first, and an arrow.
    static func isTimingLine(_ line: ArraySlice<UInt8>) -> Bool {
        let text = MarkdownLine.trimmed(withoutLeadingMarks(line))
        guard let first = text.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return false }
        var index = text.startIndex
        while index + 3 <= text.endIndex {
            if text[index] == UInt8(ascii: "-") && text[index + 1] == UInt8(ascii: "-") && text[index + 2] == UInt8(ascii: ">") {
                return true
            }
            index += 1
        }
        return false
    }

    static func isCueNumber(_ line: ArraySlice<UInt8>) -> Bool {
        let number = MarkdownLine.trimmed(withoutLeadingMarks(line))
        return !number.isEmpty && number.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// The line without the bidi and byte-order marks (U+200E, U+200F, U+FEFF) editors put
    /// before cue numbers.
    static func withoutLeadingMarks(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var rest = line
        while rest.count >= 3, rest[rest.startIndex] == 0xE2 || rest[rest.startIndex] == 0xEF {
            let mark = Array(rest.prefix(3))
            guard mark == [0xE2, 0x80, 0x8E] || mark == [0xE2, 0x80, 0x8F] || mark == [0xEF, 0xBB, 0xBF] else { break }
            rest = rest.dropFirst(3)
        }
        return rest
    }

    mutating func parse(vtt: Bool) -> (units: [TranscriptUnit], skipped: [SkippedRegion], nonBlankLines: Int, cutLines: [Int]) {
        var builder = UnitBuilder(file: file)
        recurringPrefixes = Self.recurring((0..<lines.count).filter { !Self.isTimingLine(lines[$0]) }.map { withoutCueTags(lines[$0]).text })
        var index = 0
        if vtt, lines.count > 0, Self.looksLikeVTT(lines) {
            // The header: `WEBVTT` and the lines up to the first blank one (Kind:, Language:).
            while index < lines.count && !MarkdownLine.isBlank(lines[index]) {
                builder.skip(index + 1, .subtitleTiming)
                index += 1
            }
        }
        while index < lines.count {
            let line = lines[index]
            if MarkdownLine.isBlank(line) {
                index += 1
                continue
            }
            if vtt && (line.starts(with: "NOTE".utf8) || line.starts(with: "STYLE".utf8) || line.starts(with: "REGION".utf8)) {
                while index < lines.count && !MarkdownLine.isBlank(lines[index]) {
                    builder.skip(index + 1, .subtitleTiming)
                    index += 1
                }
                continue
            }
            if Self.isTimingLine(line) {
                builder.skip(index + 1, .subtitleTiming)
                index = readCue(from: index + 1, vtt: vtt, into: &builder)
                continue
            }
            if index + 1 < lines.count && Self.isTimingLine(lines[index + 1]) {
                // A cue number (SRT) or identifier (WebVTT).
                builder.skip(index + 1, .subtitleTiming)
                index += 1
                continue
            }
            // Text outside any cue: kept as a paragraph of its own.
            builder.startUnit(kind: .paragraph, speaker: nil, line: index + 1)
            builder.addLine(line, of: line, line: index + 1)
            builder.finishUnit()
            index += 1
        }
        let units = builder.takeNumberedUnits().units
        // Text without a single cue is not subtitles: reading it so is an error (no speech).
        guard units.contains(where: { $0.kind == .cue }) else { return ([], [], 0, []) }
        let skipped = builder.takeSkipped()
        return (units, skipped.regions, (0..<lines.count).filter { !MarkdownLine.isBlank(lines[$0]) }.count, builder.cutLines)
    }

    /// Reads the text lines of the cue that starts at `start` (after its timing line); returns
    /// the index after them.
    private func readCue(from start: Int, vtt: Bool, into builder: inout UnitBuilder) -> Int {
        var end = start
        while end < lines.count, !MarkdownLine.isBlank(lines[end]), !Self.isTimingLine(lines[end]),
            !(end + 1 < lines.count && Self.isTimingLine(lines[end + 1]) && (Self.isCueNumber(lines[end]) || vtt))
        {
            end += 1
        }
        guard start < end else { return end }
        let cue = (start..<end).map { index in
            let untagged = withoutCueTags(lines[index])
            return CueLine(line: index, untagged: untagged.text, sourceOffsets: untagged.sourceOffsets, speaker: nil)
        }
        emit(cue: cue, vtt: vtt, into: &builder)
        return end
    }

    /// A line of a cue's text, without its tags: `line` (0-based) is the source line it was
    /// taken from, `sourceOffsets` each byte's index in it, and `speaker` the speaker a
    /// subtitle format names outside the text (SubStation's `Name` field), if any.
    struct CueLine {
        var line: Int
        var untagged: [UInt8]
        var sourceOffsets: [Int]
        var speaker: String?
    }

    /// Turns a cue's lines into units: one, or one per speaker, voice or translated voice.
    func emit(cue cueText: [CueLine], vtt: Bool, into builder: inout UnitBuilder) {
        // A cue that only describes a sound: `（片尾音乐）`, `[Music]`.
        if cueText.allSatisfy({ Self.isSoundDescription($0.untagged[...]) }) {
            for line in Set(cueText.map(\.line)).sorted() { builder.skip(line + 1, .soundDescription) }
            return
        }
        // A cue of a line and its translation (Chinese over English, or English over Chinese):
        // one speaker's words in two languages, whatever dashes or labels each line repeats
        // (`- 学员：…` over `- Student: …` is not two speakers). The first line's label names
        // the speaker, or the second's when the first has none.
        // One voice span opening both lines (`<v 老师>…` over `<v 老师>While…`) names that speaker;
        // other voice spans name voices of their own.
        let lineVoices = vtt ? cueText.map { voiceSpans(lines[$0.line]) } : []
        let sharedVoice = lineVoices.count == 2 && lineVoices.allSatisfy { $0.count == 1 } && lineVoices[0][0].name == lineVoices[1][0].name
            && cueText.allSatisfy { voiceSpan(lines[$0.line]) != nil } ? lineVoices[0][0].name : nil
        let translationPair = cueText.count == 2 && Self.isTranslationPair(cueText[0].untagged[...], cueText[1].untagged[...])
            && !cueText.contains { Self.dialogueDash($0.untagged[...]) != nil && Self.secondVoice($0.untagged[...]) != nil }
            && (sharedVoice != nil || !lineVoices.contains { !$0.isEmpty })
        var pairSpeaker: String? = sharedVoice ?? cueText.lazy.compactMap(\.speaker).first
        if translationPair && pairSpeaker == nil {
            pairSpeaker = cueText.lazy.compactMap { entry in
                let text = entry.untagged[...]
                return speaker(in: Self.dialogueDash(text).map { text[$0...] } ?? text)?.name
            }.first
        }
        // A dialogue cue and its translation, the voices stacked (`- 学员：…` / `- 老师：…` over
        // `- Student: …` / `- Teacher: …`) or each followed by its translation: a unit per voice
        // holding its two lines, named by the first line's speaker (or the second's).
        if let voices = translatedVoices(cueText.map(\.untagged), vtt: vtt, lines: cueText.map(\.line)) {
            for (first, second) in voices {
                let texts = [first, second].map { position -> (text: ArraySlice<UInt8>, speaker: String?) in
                    var text = cueText[position].untagged[...]
                    if let dash = Self.dialogueDash(text) { text = text[dash...] }
                    guard let prefix = speaker(in: text) else { return (text, nil) }
                    return (text[prefix.textStart...], prefix.name)
                }
                builder.finishUnit()
                builder.startUnit(
                    kind: .cue, speaker: texts[0].speaker ?? texts[1].speaker ?? cueText[first].speaker ?? cueText[second].speaker,
                    line: cueText[first].line + 1)
                for (position, text) in zip([first, second], texts) {
                    let entry = cueText[position]
                    builder.addLine(text.text, of: lines[entry.line], line: entry.line + 1, sourceOffsets: entry.sourceOffsets)
                }
            }
            builder.finishUnit()
            return
        }
        var open = false
        // The speaker of the unit open in this cue: a line that names the same one again goes on
        // with it, since only a change of speaker starts a turn.
        var openSpeaker: String?
        for entry in cueText {
            let (index, untagged, sourceOffsets) = (entry.line, entry.untagged, entry.sourceOffsets)
            let line = lines[index]
            // Voices after the first on one line (`<v Alice>one</v> <v Bob>two</v>`) speak
            // units of their own.
            let voices = vtt ? voiceSpans(line) : []
            if voices.count > 1 || (voices.count == 1 && voices[0].tagStart > MarkdownLine.trimmed(line).startIndex) {
                var pieceStart = 0
                var speaker: String? = nil
                for voice in voices + [(name: "", tagStart: line.endIndex)] {
                    let pieceEnd = sourceOffsets.firstIndex { $0 >= voice.tagStart } ?? untagged.count
                    let piece = untagged[pieceStart..<pieceEnd]
                    if !MarkdownLine.isBlank(piece) {
                        builder.finishUnit()
                        builder.startUnit(kind: .cue, speaker: speaker, line: index + 1)
                        builder.addLine(piece, of: line, line: index + 1, sourceOffsets: sourceOffsets)
                        open = true
                        openSpeaker = speaker
                    }
                    pieceStart = pieceEnd
                    speaker = voice.name
                }
                continue
            }
            let voice = vtt ? voiceSpan(line) : nil
            var text = untagged[...]
            var speaker = voice?.name ?? entry.speaker
            let dash = Self.dialogueDash(text)
            if let dash { text = text[dash...] }
            if speaker == nil, voice == nil, let prefix = self.speaker(in: text) {
                speaker = prefix.name
                text = text[prefix.textStart...]
            }
            if translationPair {
                if !open {
                    builder.startUnit(kind: .cue, speaker: pairSpeaker, line: index + 1)
                    open = true
                }
                builder.addLine(text, of: line, line: index + 1, sourceOffsets: sourceOffsets)
                continue
            }
            // A new voice, a dialogue dash or a speaker prefix starts a unit of its own; the
            // voice of the open unit named again (`<v 阿峰>` on two lines) does not.
            let sameSpeaker = open && dash == nil && speaker != nil && speaker == openSpeaker
            if !sameSpeaker && (!open || voice != nil || dash != nil || speaker != nil) {
                builder.finishUnit()
                builder.startUnit(kind: .cue, speaker: speaker, line: index + 1)
                open = true
                openSpeaker = speaker
            }
            // Two dialogue lines on one (`- 要等多久？ - 大概一分钟。`): two voices.
            if dash != nil, let second = Self.secondVoice(text) {
                builder.addLine(text[..<second.end], of: line, line: index + 1, sourceOffsets: sourceOffsets)
                var rest = text[second.start...]
                var nextSpeaker: String?
                if let prefix = self.speaker(in: rest) {
                    nextSpeaker = prefix.name
                    rest = rest[prefix.textStart...]
                }
                builder.finishUnit()
                builder.startUnit(kind: .cue, speaker: nextSpeaker, line: index + 1)
                openSpeaker = nextSpeaker
                text = rest
            }
            builder.addLine(text, of: line, line: index + 1, sourceOffsets: sourceOffsets)
        }
        builder.finishUnit()
    }

    /// The voices of a dialogue cue with its translation, as pairs of line positions (0-based,
    /// in `texts`): two voices or more, each line of the one language opening with a dialogue
    /// dash and each paired with a line of the other, either stacked (the voices, then their
    /// translations in the same order) or interleaved (each voice, then its translation). Nil
    /// for any other cue, and for a WebVTT cue with voice spans (`<v Name>`), which name its voices.
    private func translatedVoices(_ texts: [[UInt8]], vtt: Bool, lines: [Int]) -> [(Int, Int)]? {
        let half = texts.count / 2
        guard half >= 2, texts.count == 2 * half, !(vtt && lines.contains { !voiceSpans(self.lines[$0]).isEmpty }) else { return nil }
        func isVoice(_ position: Int, translatedBy other: Int) -> Bool {
            Self.dialogueDash(texts[position][...]) != nil && Self.isTranslationPair(texts[position][...], texts[other][...])
        }
        func oneLanguage(_ positions: [Int]) -> Bool { Set(positions.map { Self.holdsCJK(texts[$0][...]) }).count == 1 }
        let stacked = (0..<half).map { ($0, $0 + half) }
        if stacked.allSatisfy({ isVoice($0.0, translatedBy: $0.1) }) && oneLanguage(stacked.map(\.0)) { return stacked }
        let interleaved = (0..<half).map { (2 * $0, 2 * $0 + 1) }
        if interleaved.allSatisfy({ isVoice($0.0, translatedBy: $0.1) }) && oneLanguage(interleaved.map(\.0)) { return interleaved }
        return nil
    }

    /// `（片尾音乐）`, `(laughs)`, `[Music]`, `♪`: the whole text in one pair of brackets, or notes only.
    static func isSoundDescription(_ text: ArraySlice<UInt8>) -> Bool {
        let trimmed = Array(MarkdownLine.trimmed(text))
        guard !trimmed.isEmpty else { return true }
        let string = String(decoding: trimmed, as: UTF8.self)
        if string.unicodeScalars.allSatisfy({ $0 == "♪" || $0 == "♫" || $0 == " " }) { return true }
        // Music between notes: `♪ 片头音乐 ♪`.
        if let first = string.unicodeScalars.first, let last = string.unicodeScalars.last, "♪♫".unicodeScalars.contains(first),
            "♪♫".unicodeScalars.contains(last), string.count <= 16
        {
            return true
        }
        for (open, close) in [("（", "）"), ("(", ")"), ("[", "]")] where string.hasPrefix(open) && string.hasSuffix(close) {
            // Short, and no sentence or colon in it: `（提示：本期节目…）` is a caption, not a sound.
            let inner = string.dropFirst(open.count).dropLast(close.count)
            return !inner.isEmpty && inner.count <= 12 && !inner.contains(Character(close))
                && !inner.contains(where: { "：:，,。.！!？?".contains($0) })
        }
        return false
    }

    /// Whether a bracketed word is a stage direction, a sound or a gesture (`（笑）`, `(laughs)`,
    /// `[掌声]`, `（背景音乐）`), not a speaker's name: a closed class of reactions and sounds as
    /// subtitles for the deaf and hard of hearing (SDH) write them,
    /// in Simplified and Traditional characters and in English, and any word ending in 声 (sound).
    static func isStageDirection(_ word: Substring) -> Bool {
        let key = word.trimmingWhitespace().lowercased()
        if stageDirections.contains(key) { return true }
        return key.count >= 2 && (key.hasSuffix("声") || key.hasSuffix("聲") || key.hasSuffix("音乐") || key.hasSuffix("音樂") || key.hasSuffix("music"))
    }

    static let stageDirections: Set<String> = [
        "笑", "大笑", "众笑", "眾笑", "哄笑", "轻笑", "輕笑", "苦笑", "笑着", "笑著", "憨笑", "微笑", "鼓掌", "欢呼", "歡呼", "叹气", "嘆氣",
        "叹息", "嘆息", "咳嗽", "停顿", "停頓", "沉默", "哭", "哭泣", "喘气", "喘氣", "惊呼", "驚呼", "尖叫", "口哨", "音乐", "音樂",
        "静音", "靜音", "无声", "無聲", "哈哈", "哈哈哈", "laughs", "laughter", "laughing", "chuckles", "applause", "music", "sighs",
        "coughs", "pause", "silence", "crosstalk", "inaudible", "cheering", "cheers",
    ]

    /// Whether two cue lines are one text in two languages: one holds Chinese characters, the
    /// other Latin letters and none.
    static func isTranslationPair(_ first: ArraySlice<UInt8>, _ second: ArraySlice<UInt8>) -> Bool {
        func holdsLatin(_ text: ArraySlice<UInt8>) -> Bool {
            text.contains { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
        }
        let (firstCJK, secondCJK) = (holdsCJK(first), holdsCJK(second))
        return firstCJK != secondCJK && holdsLatin(firstCJK ? second : first)
    }

    static func holdsCJK(_ text: ArraySlice<UInt8>) -> Bool {
        String(decoding: text, as: UTF8.self).unicodeScalars.contains { ScriptClass.isCJK($0.value) }
    }

    /// A second dialogue line inside a line (`- 要等多久？ - 大概一分钟。`): a dash after a
    /// sentence's end, then a space or Chinese text. Returns where the first line's text ends
    /// and where the second's starts.
    static func secondVoice(_ text: ArraySlice<UInt8>) -> (end: Int, start: Int)? {
        var index = text.startIndex + 1
        while index < text.endIndex {
            defer { index += 1 }
            guard text[index] == MarkdownLine.hyphen, index + 1 < text.endIndex,
                text[index + 1] == MarkdownLine.space || text[index + 1] >= 0x80
            else { continue }
            var end = index
            while end > text.startIndex && text[end - 1] == MarkdownLine.space { end -= 1 }
            guard let last = ScriptClass.lastScalar(text[..<end]), SpeakerLabel.endsSentence(last) else { continue }
            var start = index + 1
            while start < text.endIndex && text[start] == MarkdownLine.space { start += 1 }
            guard start < text.endIndex else { return nil }
            return (end, start)
        }
        return nil
    }

    /// The index after a dialogue dash (`- ` or `-`) opening the line, if there is one.
    static func dialogueDash(_ text: ArraySlice<UInt8>) -> Int? {
        let trimmed = MarkdownLine.trimmed(text)
        guard let first = trimmed.first, first == MarkdownLine.hyphen, trimmed.count > 1 else { return nil }
        let next = trimmed[trimmed.startIndex + 1]
        guard next == MarkdownLine.space || next >= 0x80 else { return nil }
        return trimmed.startIndex + 1
    }

    /// The speaker prefix of a cue line (see `speakerPrefix`), when the file names it in two
    /// lines or more or it is shaped as a name said once (see `namesSpeakerOnce`): a clause
    /// before a colon (`记住三件事：`, `下集预告：`) is said once, and is speech.
    func speaker(in text: ArraySlice<UInt8>) -> (name: String, textStart: Int)? {
        guard let prefix = Self.speakerPrefix(text) else { return nil }
        return recurringPrefixes.contains(prefix.name) || Self.namesSpeakerOnce(prefix.name) ? prefix : nil
    }

    /// The speaker prefixes that open two or more of `texts` (cue lines without their tags),
    /// after a dialogue dash or not.
    static func recurring(_ texts: some Sequence<[UInt8]>) -> Set<String> {
        var counts: [String: Int] = [:]
        for text in texts {
            let line = text[...]
            if let prefix = speakerPrefix(dialogueDash(line).map { line[$0...] } ?? line) { counts[prefix.name, default: 0] += 1 }
        }
        return Set(counts.filter { $0.value >= 2 }.keys)
    }

    /// Whether a prefix said once names a speaker: Latin words (name-shaped already), a role
    /// (观众, 记者), a name with a title (王老师), or at most three CJK characters with none
    /// that mostly makes a clause (是, 说, 个, 的, 这, 有, 要, …; Simplified and Traditional).
    static func namesSpeakerOnce(_ name: String) -> Bool {
        let display = SpeakerLabel.displayName(name)
        let cjk = display.unicodeScalars.filter { ScriptClass.isCJK($0.value) }.count
        guard cjk > 0 else { return true }
        if SpeakerLabel.roles.contains(display) || TranscriptReader.chineseTitles.contains(where: { display.hasSuffix($0) && display.count > $0.count }) {
            return true
        }
        return cjk <= 3 && !display.contains(where: { clauseCharacters.contains($0) })
    }

    static let clauseCharacters: Set<Character> = Set("是说說个個件的了这這那有要就几幾")

    /// A speaker named at the start of a cue line: `名字：`, `Name:`, `(名字)`, `（名字）`,
    /// followed by text. Brackets of captions (`【节目名：…】`) are not names.
    static func speakerPrefix(_ text: ArraySlice<UInt8>) -> (name: String, textStart: Int)? {
        let trimmed = MarkdownLine.trimmed(text)
        let string = String(decoding: trimmed, as: UTF8.self)
        for (open, close) in [("（", "）"), ("(", ")"), ("[", "]")] where string.hasPrefix(open) {
            guard let closing = string.range(of: close) else { return nil }
            let name = string[string.index(string.startIndex, offsetBy: open.count)..<closing.lowerBound]
            let rest = string[closing.upperBound...]
            guard !name.isEmpty, name.utf8.count <= 24, !rest.trimmingWhitespace().isEmpty, !Self.isStageDirection(name) else { return nil }
            return (String(name), trimmed.startIndex + string.utf8.distance(from: string.utf8.startIndex, to: closing.upperBound.samePosition(in: string.utf8)!))
        }
        guard let label = SpeakerLabel.colon(trimmed), label.textStart < trimmed.endIndex,
            !label.name.contains(where: { [UInt8(ascii: "["), UInt8(ascii: "("), 0xE3, 0xEF].contains($0) }),
            !SpeakerLabel.isDiscourseLabel(label.name), label.name.count <= 24
        else { return nil }
        let name = String(decoding: label.name, as: UTF8.self)
        // A clause before a colon in a cue (`最关键的一件事：骨结合`) is speech, not a name.
        guard SpeakerLabel.isNameShaped(SpeakerLabel.displayName(name)) else { return nil }
        return (name, label.textStart)
    }

    /// Every `<v Name>` or `<v.class Name>` span in a cue line, with where its tag starts.
    private func voiceSpans(_ line: ArraySlice<UInt8>) -> [(name: String, tagStart: Int)] {
        var spans: [(name: String, tagStart: Int)] = []
        var index = line.startIndex
        while let open = line[index...].firstIndex(of: MarkdownLine.lessThan) {
            if let voice = voiceSpan(line[open...]) { spans.append((voice.name, open)) }
            index = open + 1
        }
        return spans
    }

    /// `<v Name>` or `<v.class Name>` at the start of a cue line.
    private func voiceSpan(_ line: ArraySlice<UInt8>) -> (name: String, textStart: Int)? {
        let text = MarkdownLine.trimmed(line)
        guard text.starts(with: "<v".utf8), text.count > 3 else { return nil }
        let afterV = text.startIndex + 2
        guard text[afterV] == MarkdownLine.space || text[afterV] == UInt8(ascii: ".") else { return nil }
        guard let close = text[afterV...].firstIndex(of: MarkdownLine.greaterThan) else { return nil }
        var nameStart = afterV
        if text[afterV] == UInt8(ascii: ".") {
            guard let space = text[afterV..<close].firstIndex(of: MarkdownLine.space) else { return nil }
            nameStart = space
        }
        let name = MarkdownLine.trimmed(text[nameStart..<close])
        guard !name.isEmpty else { return nil }
        return (String(decoding: name, as: UTF8.self), close + 1)
    }

    /// The line without SRT styling (`{\an8}`, `<i>`) and WebVTT spans (`<v Name>`,
    /// `<c.yellow>`, `</v>`, `<00:00:01.000>`), which the Markdown cleaner would not all
    /// recognise, with each byte's index in the source line.
    private func withoutCueTags(_ line: ArraySlice<UInt8>) -> (text: [UInt8], sourceOffsets: [Int]) {
        var output: [UInt8] = []
        var offsets: [Int] = []
        output.reserveCapacity(line.count)
        offsets.reserveCapacity(line.count)
        var index = Self.withoutLeadingMarks(line).startIndex
        while index < line.endIndex {
            let byte = line[index]
            let closer: UInt8? =
                byte == MarkdownLine.lessThan ? MarkdownLine.greaterThan
                : byte == UInt8(ascii: "{") && index + 1 < line.endIndex && line[index + 1] == MarkdownLine.backslash
                    ? UInt8(ascii: "}") : nil
            if let closer, let end = line[index...].firstIndex(of: closer) {
                index = end + 1
                continue
            }
            output.append(byte)
            offsets.append(index)
            index += 1
        }
        return (output, offsets)
    }
}
