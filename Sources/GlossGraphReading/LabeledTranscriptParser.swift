import GlossGraphText

/// Reads Markdown and plain-text transcripts into units: speaker turns when the text has
/// speaker labels, paragraphs when it has none.
///
/// The reading is one forward pass over the lines after the label style is known, with no
/// recursion, so deeply nested or unbalanced markup cannot exhaust the stack.
struct LabeledTranscriptParser {
    enum LabelStyle {
        case bold, colon, nameLine, none
    }

    let file: String
    let lines: LineTable
    let keepNotes: Bool
    /// In unlabelled text, whether short lines standing alone are titles (skipped as
    /// headings). Not when every paragraph is one: then they are the text.
    var readsTitles = true

    /// Finds the label style that the text uses and the names it labels as speakers.
    ///
    /// A name counts as a speaker when it labels at least two lines or a timestamped line,
    /// so that an emphasised phrase ending in a colon is not taken for one. A conversation
    /// has two speakers at least: where fewer than two bold names recur, every bold label
    /// counts (a short exchange in which the guest speaks once).
    ///
    /// Where several styles find speakers (a show-notes page with `**主播**：小宇` in its header
    /// and `[00:00:05] 小宇：` turns below), the style whose speakers label the most lines wins;
    /// on a tie, bold, then plain, then name lines.
    func detectStyle() -> (style: LabelStyle, speakers: Set<ByteString>) {
        var best: (style: LabelStyle, speakers: Set<ByteString>, labelled: Int) = (.none, [], 0)
        for style in [LabelStyle.bold, .colon, .nameLine] {
            let (speakers, labelled) = speakersAndLabelledLines(style: style)
            guard !speakers.isEmpty else { continue }
            if labelled > best.labelled { best = (style, speakers, labelled) }
            // A style that labels this many lines is the transcript's: no other style is read.
            if labelled >= 20 { break }
        }
        return (best.style, best.speakers)
    }

    func speakerNames(style: LabelStyle) -> Set<ByteString> {
        speakersAndLabelledLines(style: style).speakers
    }

    /// The speakers a style finds, and how many lines their labels head.
    private func speakersAndLabelledLines(style: LabelStyle) -> (speakers: Set<ByteString>, labelled: Int) {
        // Per name: its weight (a forum post's header, and a timestamped label where labels
        // carry times, count twice), the lines it heads, and how many of them carry a time.
        var found: [ByteString: (weight: Int, lines: Int, timed: Int)] = [:]
        var timedLines = 0
        for index in 0..<lines.count {
            if let label = label(at: index, style: style, speakers: nil) {
                found[ByteString(label.name), default: (0, 0, 0)].weight += label.isPostHeader ? 2 : 1
                found[ByteString(label.name), default: (0, 0, 0)].lines += 1
                if label.hasTimestamp {
                    found[ByteString(label.name), default: (0, 0, 0)].timed += 1
                    timedLines += 1
                }
            }
        }
        // Where labels carry times (a chat export's), one with its time is a speaker's even
        // once; among labels without, a timed one is a chapter's (`12:40 装备篇：…` in show notes).
        let labelledLines = found.values.reduce(0) { $0 + $1.lines }
        if timedLines * 2 >= labelledLines {
            for key in found.keys { found[key]!.weight += found[key]!.timed }
        }
        let counts = found.filter { !SpeakerLabel.isDiscourseLabel($0.key.bytes) && !ChatExport.isSystemSender($0.key.bytes) }.mapValues(\.weight)
        let speakers = speakers(style: style, counts: counts)
        return (speakers, speakers.reduce(0) { $0 + (found[$1]?.lines ?? 0) })
    }

    private func speakers(style: LabelStyle, counts: [ByteString: Int]) -> Set<ByteString> {
        let recurring = Set(counts.filter { $0.value >= 2 }.keys)
        switch style {
        case .bold:
            // A short exchange in which the guest speaks once still has two speakers.
            return recurring.count < 2 ? Set(counts.keys) : recurring
        case .colon:
            // Two roles that each label one line (`主持人：…` then `嘉宾：…`) are a short exchange.
            let roles = counts.keys.filter { SpeakerLabel.roles.contains(SpeakerLabel.displayName(String(decoding: $0.bytes, as: UTF8.self)).lowercased()) }
            return recurring.count < 2 && Set(roles).union(recurring).count >= 2 ? recurring.union(roles) : recurring
        case .nameLine:
            // A short line may be a heading-like phrase or a short reply: only recurring names
            // that label at least three lines in all are trusted, two of them at least unless
            // the labels carry timestamps (a monologue's).
            let labelled = counts.filter { recurring.contains($0.key) }.values.reduce(0, +)
            guard labelled >= 3, recurring.count >= 2 || labelled >= 6 else { return [] }
            return recurring
        case .none:
            return []
        }
    }

    /// The label on line `index` in the given style; with `speakers`, only known names.
    func label(at index: Int, style: LabelStyle, speakers: Set<ByteString>?) -> SpeakerLabel.Match? {
        let line = lines[index]
        let match: SpeakerLabel.Match?
        switch style {
        case .bold:
            match = SpeakerLabel.bold(line)
        case .colon:
            match = SpeakerLabel.colon(line)
        case .nameLine:
            // Speech follows the name, on the next line or after one blank line; before it
            // may be a blank line or the last line of the previous turn (scraped transcripts
            // have no blank lines at all).
            var next = index + 1
            if next < lines.count && MarkdownLine.isBlank(lines[next]) { next += 1 }
            match = next < lines.count && !MarkdownLine.isBlank(lines[next]) ? SpeakerLabel.nameLine(line) : nil
        case .none:
            match = nil
        }
        guard let match else { return nil }
        if let speakers, !speakers.contains(ByteString(match.name)) { return nil }
        return match
    }

    /// Reads all units. Turns, notes and paragraphs are numbered in the order they start.
    /// What reading carries from one part of a file to the next (see `parse(style:speakers:state:)`).
    struct State {
        var inSpeech: Bool
        var sawFirstLabel = false
        var bannerLines = Set<ByteString>()
        /// Inside a message the chat's system sent (`系统消息(10000)`), up to a blank line or label.
        var inSystemMessage = false
        /// Inside a quotation of an earlier message that goes on past its first line.
        var inQuotation = false
        /// The last non-blank line was (the end of) a quoted message.
        var afterQuotation = false
        /// The speakers the labels read so far name (display names, before any mapping).
        var speakersNamed = Set<String>()
        /// The regions skipped so far, and the non-blank lines read.
        var skipped: [SkippedRegion] = []
        var nonBlankLines = 0
        /// Source lines (1-based, in the whole file) where a unit was cut at `UnitBuilder.largestUnitBytes`.
        var cutLines: [Int] = []
        /// The author a forum post's header names (`作者  pinecone88 (松果)` on PTT): the post's
        /// body, the prose before the first comment, is that author's turn.
        var postAuthor: String?
        /// Inside what the editor lists after the last turn (`SkipReason.backMatter`).
        var inBackMatter = false
        /// Whether this part ends the file: only then can a label be known to follow every turn.
        var isFinalPart = true
        /// Lines and units of the file before this part.
        var lineOffset = 0
        var unitOffset = 0

        init(style: LabelStyle) {
            inSpeech = style == .none
        }
    }

    func parse(style: LabelStyle, speakers: Set<ByteString>) -> (units: [TranscriptUnit], skipped: [SkippedRegion], nonBlankLines: Int, cutLines: [Int]) {
        var state = State(style: style)
        let units = parse(style: style, speakers: speakers, state: &state)
        return (units, state.skipped, state.nonBlankLines, state.cutLines)
    }

    /// Reads the lines as a part of a file that starts after `state.lineOffset` lines and
    /// `state.unitOffset` units, and updates `state` for the next part. Parts must be cut
    /// just before a speaker label, so that no unit spans two parts.
    func parse(style: LabelStyle, speakers: Set<ByteString>, state: inout State) -> [TranscriptUnit] {
        parseBatch(style: style, speakers: speakers, state: &state).units
    }

    /// `parse(style:speakers:state:)`, with the units kept in one batch rather than made one
    /// by one.
    func parseBatch(style: LabelStyle, speakers: Set<ByteString>, state: inout State) -> UnitBatch {
        // The texts are the lines less their markup: the lines' size is room enough (rounded
        // up to whole megabytes, so that the buffers of parts fit each other's space).
        var builder = UnitBuilder(file: file, textBytes: (lines.bytes.count >> 20 + 1) << 20)
        var inSpeech = state.inSpeech
        var sawFirstLabel = state.sawFirstLabel
        // The indentation of the list item whose label opened the current turn (`   - 王经理：`).
        var turnItemIndent: Int?
        // The speaker whose turn a bracketed aside interrupted: speech after it is theirs again.
        var asideInterrupted: String?
        // The open turn is a forum post (`#2 回覆 阿明`): its quotations of other posts are not its words.
        var inForumPost = false
        // Inside a chat message of several lines that the export put in double quotes (LINE's):
        // its lines are lines, not a hard-wrapped sentence, and the quotes are the export's.
        var inQuotedMessage = false
        var bannerLines = state.bannerLines
        var postAuthor = state.postAuthor
        var (inSystemMessage, inQuotation, afterQuotation) = (state.inSystemMessage, state.inQuotation, state.afterQuotation)
        defer {
            state.inSpeech = inSpeech
            state.sawFirstLabel = sawFirstLabel
            state.bannerLines = bannerLines
            state.postAuthor = postAuthor
            (state.inSystemMessage, state.inQuotation, state.afterQuotation) = (inSystemMessage, inQuotation, afterQuotation)
            state.lineOffset += lines.count
        }
        let speakerNames = SpeakerNames(speakers)
        if state.unitOffset == 0 { state.speakersNamed.formUnion(speakerNames.displayNames) }
        // A conversation has two speakers at least: beside one recurring name, a name that
        // labels one line is the other (王经理 asks twice, 林护士长 answers once).
        let acceptsOneOffLabels = style != .none && (speakers.count >= 2 || (style == .colon && speakers.count == 1))
        // In a chat export every message's label carries its time: there a label without one
        // is a line of the message before (`总结一下：` over a list), not a one-off speaker.
        // Counted when a one-off label first appears: most files have none.
        var labelsCarryTimesKnown: Bool?
        func labelsCarryTimes() -> Bool {
            if let known = labelsCarryTimesKnown { return known }
            let found = labelsCarryTimestamps(style: style, speakers: speakers)
            labelsCarryTimesKnown = found
            return found
        }
        let linesAreParagraphs = style == .none && lineBreaksEndParagraphs()
        let linesAreCaptions = linesAreParagraphs && lineBreaksEndCaptions()
        // The line of the last label that names a known speaker, found when a label of no
        // known speaker first appears.
        var lastTurnLabelKnown: Int?
        func lastTurnLabel() -> Int {
            if let known = lastTurnLabelKnown { return known }
            let found = (0..<lines.count).last { label(at: $0, style: style, speakers: speakers) != nil } ?? -1
            lastTurnLabelKnown = found
            return found
        }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let lineNumber = state.lineOffset + index + 1
            if state.inBackMatter {
                if !MarkdownLine.isBlank(line) {
                    builder.countLine()
                    builder.skip(lineNumber, .backMatter)
                }
                index += 1
                continue
            }
            if style == .bold || style == .colon {
                // Most lines are blank, or speech that starts with a letter or a Chinese
                // character. A blank line is never a label; with bold labels, such a speech
                // line is not one either, nor a note, heading, rule, image, link list,
                // citation or banner (all of which start with ASCII punctuation or a digit):
                // both skip those checks.
                // A line that opens with an ideographic space (U+3000, E3 80 80) takes the full check.
                if let (first, length) = lines.firstTextByte(at: index), first != 0xE3 || !MarkdownLine.isBlank(line) {
                    builder.countLine()
                    if style == .bold && sawFirstLabel && first != 0xE3 && (first >= 0x80 || (0x61...0x7A).contains(first | 0x20)) {
                        builder.finishNote()
                        if length <= SpeakerLabel.longestTitleBytes && isSubheading(at: index, style: style) {
                            builder.finishUnit()
                            builder.skip(lineNumber, .heading)
                            inSpeech = false
                        } else if inSpeech {
                            builder.addLine(line, of: line, line: lineNumber)
                        } else {
                            Self.addUnlabelled(line, lineNumber, to: &builder)
                        }
                        index += 1
                        continue
                    }
                } else {
                    builder.finishNote()
                    inSystemMessage = false
                    // Unlabelled text is a unit per paragraph; a turn goes on past a blank line.
                    if builder.openUnitKind == .paragraph { builder.finishUnit() } else { builder.breakParagraph() }
                    index += 1
                    continue
                }
            } else if !MarkdownLine.isBlank(line) {
                builder.countLine()
            }
            var speaker: String?
            let label = label(at: index, style: style, speakers: nil)
            let blank = MarkdownLine.isBlank(line)
            // A chat export's header naming its system (`2025-05-10 9:05:00 系统消息(10000)`)
            // opens a notice: it and its lines, up to a blank line or the next label, are no one's.
            if let label, label.hasTimestamp, ChatExport.isSystemSender(label.name) {
                builder.finishUnit()
                builder.skip(lineNumber, .chatNotice)
                (inSystemMessage, inSpeech, afterQuotation) = (true, false, false)
                index += 1
                continue
            }
            if label != nil || blank { inSystemMessage = false }
            if inSystemMessage {
                builder.skip(lineNumber, .chatNotice)
                index += 1
                continue
            }
            // A forum post's quotation of another post (`引述《阿明》：…`, PTT's `※ 引述…之銘言：`
            // and its `: ` lines) repeats words counted where they were first written.
            if inForumPost && !blank && label == nil && MarkdownLine.isForumQuotation(line) {
                builder.skip(lineNumber, .quotedMessage)
                index += 1
                continue
            }
            // A reply's quotation of an earlier message in a chat export (`「小K：…」`), up to its
            // closing bracket, and a dashed rule right after it: the reply's turn goes on.
            if !blank && label == nil && sawFirstLabel {
                if inQuotation || afterQuotation && MarkdownLine.isRule(line) {
                    if inQuotation { inQuotation = !ChatExport.closesQuotation(line) }
                    builder.skip(lineNumber, .quotedMessage)
                    afterQuotation = !inQuotation && !MarkdownLine.isRule(line)
                    index += 1
                    continue
                }
                if let closed = ChatExport.quotationStart(line, isSpeaker: { speakerNames.contains($0) }), labelsCarryTimes() {
                    builder.skip(lineNumber, .quotedMessage)
                    (inQuotation, afterQuotation) = (!closed, closed)
                    index += 1
                    continue
                }
            }
            if !blank { afterQuotation = false }
            if let label {
                speaker = speakerNames.name(of: label.name)
                // A cast list before the first turn (`嘉宾：陈海峰（秦岭养蜂人）`): a role, then a
                // speaker's name; the line is preamble.
                // So is a header line that names the cast by their labels (`主持人：老周 ｜ 嘉宾：林一`).
                // And one whose fields a bar separates (`主持人：老周 ｜ 嘉宾：林一`), whoever the
                // turns name.
                let castList = !sawFirstLabel
                    && (speaker == nil && speakerNames.startsAName(MarkdownLine.trimmed(line[label.textStart...]))
                        || speakerNames.holdsALabel(line[label.textStart...]) || Self.holdsBarredField(line[label.textStart...]))
                if castList { speaker = nil }
                // Show notes and credits after the last turn (`本期提到：` over a list,
                // `剪辑：周小满`): they and every line after them are the editor's.
                if speaker == nil, !castList, sawFirstLabel, state.isFinalPart, style == .bold || style == .colon,
                    index > lastTurnLabel(), opensBackMatter(label, at: index, style: style, speakerNames: speakerNames)
                {
                    builder.finishUnit()
                    builder.countLine()
                    builder.skip(lineNumber, .backMatter)
                    state.inBackMatter = true
                    inSpeech = false
                    index += 1
                    continue
                }
                if speaker == nil, !castList,
                    let oneOff = oneOffSpeaker(
                        of: label, at: index, style: style, acceptsOneOffs: acceptsOneOffLabels && (label.hasTimestamp || label.isPostHeader || !labelsCarryTimes()),
                        sawKnownSpeaker: sawFirstLabel)
                {
                    state.speakersNamed.insert(oneOff)
                    speaker = oneOff
                }
            }
            // A chat message with its time that says no words (`19:42<TAB>阿哲<TAB>[照片]`), or a
            // pasted chat's `阿May：[照片]`: a placeholder is no one's words.
            if let label, speaker != nil, label.hasTimestamp || style == .colon, ChatExport.isWordless(line[label.textStart..<(label.textEnd ?? line.endIndex)]) {
                builder.finishUnit()
                builder.skip(lineNumber, .chatNotice)
                sawFirstLabel = true
                inSpeech = false
                index += 1
                continue
            }
            // PTT's `→` line by the user who wrote the line before goes on with that comment.
            if let label, let speaker, label.mayContinueComment, index > 0, builder.openTurnSpeaker == speaker,
                let before = self.label(at: index - 1, style: style, speakers: speakers), speakerNames.name(of: before.name) == speaker
            {
                builder.addLine(line[label.textStart..<(label.textEnd ?? line.endIndex)], of: line, line: lineNumber)
                index += 1
                continue
            }
            if let label, let speaker {
                builder.finishUnit()
                asideInterrupted = nil
                inForumPost = label.isPostHeader
                builder.startUnit(kind: .turn, speaker: speaker, line: lineNumber)
                var textStart = label.textStart
                inQuotedMessage = label.isTabbedMessage && textStart < line.endIndex && line[textStart] == MarkdownLine.doubleQuote
                    && !line[(textStart + 1)...].contains(MarkdownLine.doubleQuote)
                if inQuotedMessage { textStart += 1 }
                builder.addLine(line[textStart..<(label.textEnd ?? line.endIndex)], of: line, line: lineNumber)
                sawFirstLabel = true
                inSpeech = true
                turnItemIndent = style == .colon ? MarkdownLine.listItemIndent(line) : nil
                if label.isWholeBoldLine {
                    // A bold question line: the answers after it are not the asker's.
                    builder.finishUnit()
                    inSpeech = false
                }
                index += 1
                continue
            }
            // A list item less indented than the one whose label opened the turn (an agenda
            // point over `   - 王经理：` items, as minutes write them) is nobody's speech: it
            // ends the turn and is a paragraph of its own.
            if let itemIndent = turnItemIndent, builder.openUnitKind == .turn, let indent = MarkdownLine.listItemIndent(line), indent < itemIndent {
                builder.finishUnit()
                builder.startUnit(kind: .paragraph, speaker: nil, line: lineNumber)
                builder.addLine(line, of: line, line: lineNumber)
                inSpeech = false
                turnItemIndent = nil
                index += 1
                continue
            }
            // A footnote's definition (`[^1]: …`) is a note too, not the last answer's words.
            let isFootnote = MarkdownLine.isFootnoteDefinition(line)
            if MarkdownLine.isBlockquote(line) || isFootnote {
                if keepNotes && (sawFirstLabel || style == .none) {
                    builder.addNoteLine(isFootnote ? MarkdownLine.footnoteContent(line) : MarkdownLine.blockquoteContent(line), of: line, line: lineNumber)
                } else {
                    builder.skip(lineNumber, .note)
                }
                index += 1
                continue
            }
            builder.finishNote()
            if MarkdownLine.isBlank(line) {
                if style == .none || builder.openUnitKind == .paragraph {
                    builder.finishUnit()
                } else {
                    builder.breakParagraph()
                }
            } else if style != .none && sawFirstLabel && MarkdownLine.isTableRow(line) && (index == 0 || !MarkdownLine.isTableRow(lines[index - 1])) {
                // A table is nobody's speech (a glossary of the interview's terms): it ends the
                // turn and is a paragraph of its own; its rows join it as unlabelled text does.
                builder.finishUnit()
                builder.startUnit(kind: .paragraph, speaker: nil, line: lineNumber)
                builder.addLine(line, of: line, line: lineNumber)
                inSpeech = false
            } else if MarkdownLine.isHeading(line) {
                // A heading ends the speech; what follows it is speech again only after a label.
                builder.finishUnit()
                builder.skip(lineNumber, .heading)
                inSpeech = style == .none
            } else if !sawFirstLabel && style != .none {
                // The article before the interview: remember its banner lines, which
                // publications repeat after the last turn. Its prose (an introduction, sections
                // before the questions) is a paragraph unit of nobody's; the rest (a byline, a
                // date, a link, a banner) is preamble.
                if MarkdownLine.isBoldOnly(line) { bannerLines.insert(ByteString(MarkdownLine.trimmed(line))) }
                let bodyKind: UnitKind = postAuthor == nil ? .paragraph : .turn
                if postAuthor == nil, let author = forumPostAuthor(at: index) {
                    postAuthor = author
                    state.speakersNamed.insert(author)
                    builder.finishUnit()
                    builder.skip(lineNumber, .preamble)
                } else if ChatExport.notice(line) != nil {
                    // A line the site adds (`※ 發信站: …` after a PTT post's body) or an app's notice.
                    builder.finishUnit()
                    builder.skip(lineNumber, .chatNotice)
                } else if isArticleProse(line, continuing: builder.openUnitKind == bodyKind)
                    || postAuthor != nil && !isForumPostHeaderField(line) && MarkdownLine.trimmed(line).contains(where: { $0 >= 0xE4 || (0x61...0x7A).contains($0 | 0x20) })
                {
                    // A post's body is its author's from its first line, however short.
                    if builder.openUnitKind != bodyKind {
                        builder.finishUnit()
                        builder.startUnit(kind: bodyKind, speaker: postAuthor, line: lineNumber)
                    }
                    builder.addLine(line, of: line, line: lineNumber)
                } else {
                    builder.finishUnit()
                    builder.skip(lineNumber, .preamble)
                }
            } else if let notice = ChatExport.notice(line),
                notice == .marker || index == 0 || MarkdownLine.isBlank(lines[index - 1]) || self.label(at: index - 1, style: style, speakers: speakers) == nil
                    || SpeakerLabel.tabbedTimeEnd(line) != nil
            {
                // A chat notice stands between messages (an announcement right under a sender's
                // header is that sender's words; one with its own time is under none). A message
                // that is only a placeholder (`[图片]`)
                // leaves its header with nothing said: the header is the notice's too. One the
                // message's text follows (a picture, then words about it) is skipped alone.
                let textFollows = notice == .marker && builder.hasOpenUnit && index > 0 && !MarkdownLine.isBlank(lines[index - 1])
                    && index + 1 < lines.count && !MarkdownLine.isBlank(lines[index + 1])
                    && self.label(at: index + 1, style: style, speakers: speakers) == nil && ChatExport.notice(lines[index + 1]) == nil
                if textFollows {
                    builder.skip(lineNumber, .chatNotice)
                } else {
                    builder.finishUnit(ifEmpty: .chatNotice)
                    builder.skip(lineNumber, .chatNotice)
                    inSpeech = style == .none
                }
            } else if let reason = nonSpeechReason(line, bannerLines: bannerLines) {
                builder.skip(lineNumber, reason)
                // A turn does not go on past a rule or a link list: text after one before
                // the next label is nobody's (a closing note, a disclaimer).
                if reason == .rule || reason == .linkList {
                    builder.finishUnit()
                    inSpeech = style == .none
                }
            } else if style != .none && line.count <= SpeakerLabel.longestTitleBytes + 8 && isSubheading(at: index, style: style) {
                // As after a heading, what follows is speech again only after a label. A sound
                // between turns (`（片尾音乐）`) is said to be one.
                builder.finishUnit()
                builder.skip(lineNumber, SubtitleParser.isSoundDescription(line) ? .soundDescription : .heading)
                inSpeech = false
            } else if style == .none && readsTitles && !linesAreCaptions && isTitle(at: index, linesAreParagraphs: linesAreParagraphs) {
                builder.finishUnit()
                builder.skip(lineNumber, .heading)
            } else if style != .none && sawFirstLabel && inSpeech && (index == 0 || MarkdownLine.isBlank(lines[index - 1]))
                && (index + 1 == lines.count || MarkdownLine.isBlank(lines[index + 1])) && MarkdownLine.isBracketedAside(line)
            {
                // A paragraph wholly in brackets between or after the turns (`（本文根据录音整理，
                // 经受访者审阅。）`) is the editor's: a paragraph of nobody's, not the last speaker's.
                asideInterrupted = builder.openTurnSpeaker ?? asideInterrupted
                builder.finishUnit()
                builder.startUnit(kind: .paragraph, speaker: nil, line: lineNumber)
                builder.addLine(line, of: line, line: lineNumber)
                builder.finishUnit()
            } else if style != .none && inSpeech && builder.hasOpenUnit && Self.opensLikeSoundDescription(line) && SubtitleParser.isSoundDescription(line) {
                // A sound or stage note on a line of its own inside a turn (`[音乐起]`, `（本期完）`
                // after the last words) is no one's speech; the turn goes on after it.
                builder.skip(lineNumber, .soundDescription)
            } else if inSpeech {
                if style == .none && !builder.hasOpenUnit {
                    builder.startUnit(kind: .paragraph, speaker: nil, line: lineNumber)
                } else if !builder.hasOpenUnit, let speaker = asideInterrupted {
                    builder.startUnit(kind: .turn, speaker: speaker, line: lineNumber)
                }
                if inQuotedMessage && builder.hasOpenUnit {
                    builder.breakParagraph()
                    let trimmed = MarkdownLine.trimmed(line)
                    inQuotedMessage = trimmed.last != MarkdownLine.doubleQuote
                    builder.addLine(inQuotedMessage ? line : trimmed.dropLast(), of: line, line: lineNumber)
                } else {
                    builder.addLine(line, of: line, line: lineNumber)
                }
                // A table's rows are one paragraph, whatever the lines around them are. Otherwise a
                // caption ends its unit; with a paragraph per line, so does a line that ends a
                // sentence, or one too short to have been cut by a wrap (a heading, a byline)
                // unless the next goes on with a lower-case word, as only a sentence's rest does,
                // and the line before an entry of a list of terms (`AAP：美国儿科学会…`).
                let next = index + 1 < lines.count ? MarkdownLine.trimmed(lines[index + 1]) : []
                let tableGoesOn = MarkdownLine.isTableRow(line) && MarkdownLine.isTableRow(next)
                let trimmed = MarkdownLine.trimmed(line)
                let sentenceGoesOn = next.first.map { (0x61...0x7A).contains($0) } ?? false
                let endsParagraph = linesAreParagraphs
                    && (ScriptClass.lastScalar(trimmed).map(SpeakerLabel.endsSentence) == true || (!MarkdownLine.fillsWrapWidth(trimmed) && !sentenceGoesOn)
                        || MarkdownLine.startsWithTermLabel(next))
                if !tableGoesOn && (linesAreCaptions || endsParagraph) { builder.finishUnit() }
            } else {
                Self.addUnlabelled(line, lineNumber, to: &builder)
            }
            index += 1
        }
        builder.finishNote()
        builder.finishUnit()
        var batch = builder.takeNumberedUnits()
        batch.renumber(from: state.unitOffset + 1)
        state.unitOffset += batch.count
        let skipped = builder.takeSkipped()
        state.skipped += skipped.regions
        state.nonBlankLines += skipped.nonBlankLines
        state.cutLines += builder.cutLines.map { $0 + state.lineOffset }
        return batch
    }

    /// Whether nine in ten of the known speakers' labels in these lines, three at least, carry
    /// a timestamp, as a chat export's do.
    private func labelsCarryTimestamps(style: LabelStyle, speakers: Set<ByteString>) -> Bool {
        var timed = 0
        var all = 0
        for index in 0..<lines.count {
            guard let label = label(at: index, style: style, speakers: speakers) else { continue }
            all += 1
            if label.hasTimestamp { timed += 1 }
        }
        return all >= 3 && timed * 10 >= all * 9
    }

    /// The speaker a label on line `index` names when it is no known speaker: in a
    /// conversation, a one-off speaker whose label sits where turns start.
    private func oneOffSpeaker(
        of label: borrowing SpeakerLabel.Match, at index: Int, style: LabelStyle, acceptsOneOffs: Bool, sawKnownSpeaker: Bool
    ) -> String? {
        guard acceptsOneOffs, SpeakerLabel.isOneOffSpeaker(label, style: style) else { return nil }
        // A field whose value is a number, a time or a date (`节目时长：38:12`, `Date: 2024-04-20`)
        // is a header's, not a speaker's.
        if let first = MarkdownLine.trimmed(lines[index][label.textStart...]).first, first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") {
            return nil
        }
        let previous = index == 0 ? nil : lines[index - 1]
        if style == .nameLine {
            // A lone short line is a weak sign: before the first known speaker it is a header
            // (`SUMMARY KEYWORDS`, `SPEAKERS`), not a speaker.
            guard sawKnownSpeaker else { return nil }
            // A name alone on its line: after a blank line or a finished sentence, never
            // right after another name.
            if let previous, !MarkdownLine.isBlank(previous) {
                guard self.label(at: index - 1, style: style, speakers: nil) == nil,
                    let last = ScriptClass.lastScalar(MarkdownLine.trimmed(previous)), SpeakerLabel.endsSentence(last)
                else { return nil }
            }
        } else {
            // Before the first known speaker, a label over words that end no sentence is a
            // title (`冰川學訪談：冰芯裡的氣候紀錄`), not a speaker.
            if !sawKnownSpeaker, let last = ScriptClass.lastScalar(MarkdownLine.trimmed(lines[index][label.textStart...])),
                !SpeakerLabel.endsSentence(last)
            {
                return nil
            }
            // After a blank line, another label, or as a list item of its own (`- 林护士长：`).
            guard previous.map({ MarkdownLine.isBlank($0) }) ?? true || self.label(at: index - 1, style: style, speakers: nil) != nil
                || MarkdownLine.isListItem(lines[index])
            else { return nil }
        }
        return SpeakerLabel.displayName(String(decoding: label.name, as: UTF8.self))
    }

    /// Whether a label that follows every known speaker's opens the editor's closing matter
    /// (`SkipReason.backMatter`): after a blank line, over words that end no sentence, and
    /// itself an editor's field (a discourse label such as `整理`, or a closing head such as
    /// `剪辑` or `本期提到`: `SpeakerLabel.closingHeads`), or over a list, chapter times or
    /// such a field; the labels on the lines right after it, up to a blank line, may be the
    /// fields. A role over a speaker's name (`主持人：周岚`, a credit of the cast, as a cast list
    /// before the first turn is) is one too. A one-off speaker's last words
    /// (`观众乙：下一本什么时候出`) are none of these.
    private func opensBackMatter(_ label: borrowing SpeakerLabel.Match, at index: Int, style: LabelStyle, speakerNames: SpeakerNames) -> Bool {
        func words(_ label: borrowing SpeakerLabel.Match, at index: Int) -> ArraySlice<UInt8> { MarkdownLine.trimmed(lines[index][label.textStart...]) }
        func endsSentence(_ text: ArraySlice<UInt8>) -> Bool { ScriptClass.lastScalar(text).map(SpeakerLabel.endsSentence) ?? false }
        func isField(_ label: borrowing SpeakerLabel.Match, at index: Int) -> Bool {
            let text = words(label, at: index)
            return !endsSentence(text)
                && (SpeakerLabel.isDiscourseLabel(label.name) || SpeakerLabel.isClosingField(label.name) || speakerNames.namesOnly(text))
        }
        guard index > 0, MarkdownLine.isBlank(lines[index - 1]), !endsSentence(words(label, at: index)) else { return false }
        if isField(label, at: index) { return true }
        var next = index + 1
        while next < lines.count && MarkdownLine.isBlank(lines[next]) { next += 1 }
        guard next < lines.count else { return false }
        if MarkdownLine.isListItem(lines[next]) || MarkdownLine.startsWithTime(MarkdownLine.trimmed(lines[next])) { return true }
        // Fields one to a line (`主持人：周岚` over `后期制作：阿木`).
        while next < lines.count, let field = self.label(at: next, style: style, speakers: nil) {
            if isField(field, at: next) { return true }
            next += 1
        }
        return false
    }

    /// Whether `text` holds a field after a bar (｜ or |): a short label and a colon
    /// (`老周 ｜ 嘉宾：林一`), as header lines list a cast or an episode's facts.
    static func holdsBarredField(_ text: ArraySlice<UInt8>) -> Bool {
        let bar: [UInt8] = [0xEF, 0xBD, 0x9C]  // ｜
        var index = text.startIndex
        while index < text.endIndex {
            let afterBar: Int
            if text[index] == UInt8(ascii: "|") {
                afterBar = index + 1
            } else if text[index...].starts(with: bar) {
                afterBar = index + bar.count
            } else {
                index += 1
                continue
            }
            if let field = SpeakerLabel.colon(MarkdownLine.trimmed(text[afterBar...])), field.name.count <= SpeakerLabel.longestTitleBytes {
                return true
            }
            index = afterBar
        }
        return false
    }

    /// Text that no label claims (after a heading, or a Q&A's answers): a paragraph of its own.
    private static func addUnlabelled(_ line: ArraySlice<UInt8>, _ lineNumber: Int, to builder: inout UnitBuilder) {
        if !builder.hasOpenUnit { builder.startUnit(kind: .paragraph, speaker: nil, line: lineNumber) }
        builder.addLine(line, of: line, line: lineNumber)
    }

    /// Whether an unlabelled text has one paragraph per line, as web text pasted into a file
    /// does: blank lines fewer than one for every ten lines of text. A line that ends a
    /// sentence, or is too short for a wrap (`MarkdownLine.fillsWrapWidth`), then ends its
    /// paragraph; other lines still join the next (hard wraps).
    private func lineBreaksEndParagraphs() -> Bool {
        var blank = 0
        var text = 0
        for index in 0..<lines.count {
            if MarkdownLine.isBlank(lines[index]) { blank += 1 } else { text += 1 }
        }
        return text >= 4 && blank * 10 < text
    }

    /// Whether unlabelled text is read a unit per line: a paragraph per line, and captions.
    func linesAreCaptions() -> Bool { lineBreaksEndParagraphs() && lineBreaksEndCaptions() }

    /// Whether an unlabelled text with a paragraph per line is a caption per line, as
    /// subtitle text exported without timings is: short lines (half of them at most 30
    /// characters) that seldom end a sentence (fewer than one in five). Such a line is a unit
    /// of its own, as a subtitle cue is; joined, the lines would make one unit of the file.
    private func lineBreaksEndCaptions() -> Bool {
        var lengths: [Int] = []
        var sentenceEnds = 0
        for index in 0..<lines.count where !MarkdownLine.isBlank(lines[index]) {
            let text = MarkdownLine.trimmed(lines[index])
            lengths.append(ScriptClass.scalarCount(text))
            if let last = ScriptClass.lastScalar(text), SpeakerLabel.endsSentence(last) { sentenceEnds += 1 }
        }
        guard lengths.count >= 4 else { return false }
        lengths.sort()
        return lengths[lengths.count / 2] <= 30 && sentenceEnds * 5 < lengths.count
    }

    /// In unlabelled text, a title: a short line without sentence punctuation at its end
    /// that stands alone: after a blank line or first, and before a blank line (or any line,
    /// when every line is a paragraph).
    private func isTitle(at index: Int, linesAreParagraphs: Bool) -> Bool {
        guard index == 0 || MarkdownLine.isBlank(lines[index - 1]),
            linesAreParagraphs || index + 1 >= lines.count || MarkdownLine.isBlank(lines[index + 1])
        else { return false }
        return SpeakerLabel.isTitleLike(MarkdownLine.trimmed(lines[index]))
    }

    /// A short unlabelled line between turns that reads as a title (`关于算力`): a blank line
    /// (or the part's start) before it, and the next text is a speaker label; no sentence
    /// punctuation at its end.
    private func isSubheading(at index: Int, style: LabelStyle) -> Bool {
        // The cheap test first: most lines are too long, or end a sentence.
        guard SpeakerLabel.isTitleLike(MarkdownLine.trimmed(lines[index])) else { return false }
        guard index == 0 || MarkdownLine.isBlank(lines[index - 1]) else { return false }
        var next = index + 1
        while next < lines.count && MarkdownLine.isBlank(lines[next]) { next += 1 }
        // Parts are cut just before a label: the end of a part is followed by one. A link
        // list or a rule after it also makes it a title (`相关阅读`).
        guard next >= lines.count || label(at: next, style: style, speakers: nil) != nil
            || MarkdownLine.isLinkListItem(lines[next]) || MarkdownLine.isRule(lines[next])
        else { return false }
        return true
    }

    /// Why a line inside the speech is not speech, if it is not: an image, a link list, a
    /// rule, a citation footer or a repeated banner.
    /// Whether a line before the first turn is an article's prose: a table row, a line going
    /// on with a paragraph of prose (`continuing`), or one of 40 characters or more (with its
    /// markup) holding no URL (`原文链接: http…`); never a bold line alone (a banner), a link
    /// list, an image or a rule. A one-sentence note (以下是对…的采访，经本人审阅。) is shorter.
    /// The author's ID when line `index` is the header line of a forum post that names it, as
    /// PTT writes it (`作者  pinecone88 (松果)`, `作者: pinecone88`, then `看板`, `標題` and `時間`
    /// on that line or the next ones): an ID of ASCII letters, digits and `_`.
    private func forumPostAuthor(at index: Int) -> String? {
        let line = MarkdownLine.trimmed(lines[index])
        let author: [UInt8] = Array("作者".utf8)
        guard line.starts(with: author) else { return nil }
        var start = line.startIndex + author.count
        let afterMark = start
        if line[start...].starts(with: [0xEF, 0xBC, 0x9A]) { start += 3 } else if start < line.endIndex && line[start] == UInt8(ascii: ":") { start += 1 }
        while start < line.endIndex && MarkdownLine.isSpace(line[start]) { start += 1 }
        guard start > afterMark else { return nil }
        var end = start
        while end < line.endIndex && (MarkdownLine.isASCIIAlphanumeric(line[end]) || line[end] == UInt8(ascii: "_")) { end += 1 }
        guard end - start >= 2, end == line.endIndex || MarkdownLine.isSpace(line[end]) || line[end] == MarkdownLine.openParen else { return nil }
        let board: [UInt8] = Array("看板".utf8)
        let boardFollows = line[end...].firstRange(of: board) != nil
            || (index + 1..<min(lines.count, index + 4)).contains { isForumPostHeaderField(lines[$0]) }
        return boardFollows ? String(decoding: line[start..<end], as: UTF8.self) : nil
    }

    /// The fields of a forum post's header (PTT's `看板`, `標題`, `時間`), which are no part of its body.
    private func isForumPostHeaderField(_ line: ArraySlice<UInt8>) -> Bool {
        let trimmed = MarkdownLine.trimmed(line)
        return Self.forumPostHeaderFields.contains { trimmed.starts(with: $0) }
    }

    static let forumPostHeaderFields: [[UInt8]] = ["看板", "標題", "标题", "時間", "时间", "作者"].map { Array($0.utf8) }

    private func isArticleProse(_ line: ArraySlice<UInt8>, continuing: Bool) -> Bool {
        let trimmed = MarkdownLine.trimmed(line)
        guard !trimmed.isEmpty, !MarkdownLine.isBoldOnly(line), nonSpeechReason(line, bannerLines: []) == nil else { return false }
        if MarkdownLine.isTableRow(line) || continuing { return true }
        // Prose has words: a line of symbols (`=====` around an export's banner) is decoration.
        guard trimmed.contains(where: { $0 >= 0x80 || (0x61...0x7A).contains($0 | 0x20) }) else { return false }
        guard trimmed.firstRange(of: Array("://".utf8)) == nil else { return false }
        // A shorter line is prose when it ends a sentence (`各位板友好，小弟在台中養了一盆黑松。`),
        // as a byline, a date or a title does not.
        let text = String(decoding: trimmed, as: UTF8.self)
        return text.count >= 40 || (text.count >= 10 && text.unicodeScalars.contains(where: { ScriptClass.isCJK($0.value) }) && (text.hasSuffix("。") || text.hasSuffix("！")))
    }

    /// Whether a line's first byte may open a sound description (`[`, `(`, `（`, `♪`): the check
    /// every speech line takes before the full one, which decodes the line.
    private static func opensLikeSoundDescription(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = MarkdownLine.trimmed(line).first else { return false }
        return first == MarkdownLine.openBracket || first == MarkdownLine.openParen || first == 0xEF || first == 0xE2
    }

    private func nonSpeechReason(_ line: ArraySlice<UInt8>, bannerLines: Set<ByteString>) -> SkipReason? {
        if MarkdownLine.isImageOnly(line) { return .image }
        if MarkdownLine.isRule(line) { return .rule }
        if MarkdownLine.isLinkListItem(line) { return .linkList }
        if MarkdownLine.isEmphasizedCitation(line) { return .citation }
        if !bannerLines.isEmpty && MarkdownLine.isBoldOnly(line) && bannerLines.contains(ByteString(MarkdownLine.trimmed(line))) {
            return .banner
        }
        return nil
    }
}

/// The speakers a transcript's labels may name, as bytes and as the strings units carry:
/// a label's speaker is found and named without hashing or decoding its name at every turn.
private struct SpeakerNames {
    private let names: [(bytes: [UInt8], string: String)]
    private let byBytes: [ByteString: String]

    /// Units carry a speaker's display name (`SpeakerLabel.displayName`), made here once.
    init(_ speakers: Set<ByteString>) {
        names = speakers.map { (Array($0.bytes), SpeakerLabel.displayName($0.string)) }
        // A transcript has a few speakers, compared one by one; a long list is looked up.
        byBytes = names.count > 8 ? Dictionary(uniqueKeysWithValues: speakers.map { ($0, SpeakerLabel.displayName($0.string)) }) : [:]
    }

    /// The display names of all known speakers.
    var displayNames: Set<String> { Set(names.map(\.string)) }

    func contains(_ bytes: ArraySlice<UInt8>) -> Bool { name(of: bytes) != nil }

    /// Whether `text` starts with a known speaker's label.
    func startsAName(_ text: ArraySlice<UInt8>) -> Bool { names.contains { text.starts(with: $0.bytes) } }

    /// Whether `text` is known speakers' labels and nothing else but the marks between them
    /// (`马可、许雯`, `周岚 / 阿木`): a credit of the cast.
    func namesOnly(_ text: ArraySlice<UInt8>) -> Bool {
        let separators: [[UInt8]] = ["、", "，", ",", "/", "／", "和", "及", " "].map { Array($0.utf8) }
        var rest = text
        var sawName = false
        while !rest.isEmpty {
            if let name = names.first(where: { rest.starts(with: $0.bytes) }) {
                rest = rest.dropFirst(name.bytes.count)
                sawName = true
            } else if let separator = separators.first(where: { rest.starts(with: $0) }), sawName {
                rest = rest.dropFirst(separator.count)
            } else {
                return false
            }
        }
        return sawName
    }

    /// Whether `text` holds a known name's label (`嘉宾：` in `老周 ｜ 嘉宾：林一`), as a
    /// header's cast line does.
    func holdsALabel(_ text: ArraySlice<UInt8>) -> Bool {
        names.contains { name in
            [name.bytes + [0xEF, 0xBC, 0x9A], name.bytes + [UInt8(ascii: ":")]].contains { label in
                text.firstRange(of: label) != nil
            }
        }
    }

    func name(of bytes: ArraySlice<UInt8>) -> String? {
        if !byBytes.isEmpty { return byBytes[ByteString(bytes)] }
        for name in names where name.bytes.count == bytes.count && name.bytes.elementsEqual(bytes) { return name.string }
        return nil
    }
}

/// Collects the lines of the unit being read and of an editor's note, joining hard-wrapped
/// lines into paragraphs and remembering where each stretch of text came from.
struct UnitBuilder {
    /// Bytes of a unit's text between two of its source segments, at most (see `append`).
    static let segmentStride = 256

    let file: String
    private var batch: UnitBatch
    /// The non-blank lines that went into no unit, with why.
    private(set) var skipped: SkippedLines

    private var kind: UnitKind = .turn
    private var speaker: String?
    private var lineStart = 0
    private var lineEnd = 0
    private var text = JoinedText()
    private var runs = SourceRuns()
    private(set) var hasOpenUnit = false
    /// The kind of the open unit, if one is open.
    var openUnitKind: UnitKind? { hasOpenUnit ? kind : nil }
    /// The speaker of the open unit, if it is a turn.
    var openTurnSpeaker: String? { hasOpenUnit && kind == .turn ? speaker : nil }

    private var note = JoinedText()
    private var noteStart = 0
    private var noteEnd = 0

    /// Text rebuilt from lines: paragraphs joined by line breaks, the lines of a paragraph
    /// joined as hard wraps are, with where each stretch came from.
    private struct JoinedText {
        var bytes: [UInt8] = []
        var segments: [SourceSegment] = []
        /// Where the open paragraph starts in `bytes`; nil before its first line.
        var paragraphStart: Int?
        /// The last line ended in a Markdown hard break.
        var hardBreakPending = false
        /// Where the last line added starts in `bytes`.
        var lineStart = 0

        mutating func removeAll() {
            bytes.removeAll(keepingCapacity: true)
            segments.removeAll(keepingCapacity: true)
            paragraphStart = nil
            hardBreakPending = false
            lineStart = 0
        }
    }

    init(file: String, textBytes: Int = 0) {
        self.file = file
        batch = UnitBatch(file: file)
        batch.reserveCapacity(textBytes: textBytes)
        skipped = SkippedLines(file: file)
    }

    /// Opens a unit whose first line (a speaker label, or its first text) is `line`.
    mutating func startUnit(kind: UnitKind, speaker: String?, line: Int) {
        self.kind = kind
        self.speaker = speaker
        lineStart = line
        lineEnd = line
        text.removeAll()
        hasOpenUnit = true
        skipped.kept(line)
    }

    /// Adds `content`, a part of the source line `sourceLine` (both slices of one buffer;
    /// the line gives columns), to the current paragraph; a line with nothing left once its
    /// markup is removed is skipped as markup. `sourceOffsets`, when given, maps each index
    /// of the buffer `content` is a slice of to an index in `sourceLine` (for content copied
    /// out of the line, such as subtitle text without its tags).
    mutating func addLine(
        _ content: ArraySlice<UInt8>, of sourceLine: ArraySlice<UInt8>, line lineNumber: Int, sourceOffsets: [Int]? = nil
    ) {
        // No line is dropped: text with no unit to go to is a paragraph of its own.
        if !hasOpenUnit { startUnit(kind: .paragraph, speaker: nil, line: lineNumber) }
        var content = content
        // A unit stops at `largestUnitBytes`: the next one, with the same speaker, starts at
        // this line, or in it at a sentence end (or a character) when the line alone is longer.
        while text.bytes.count + content.count > Self.largestUnitBytes {
            let room = Self.largestUnitBytes - text.bytes.count
            if !text.bytes.isEmpty && room < Self.sentenceSearchBytes {
                continueUnit(atLine: lineNumber)
                continue
            }
            let cut = Self.cutPoint(in: content, within: room)
            // `sourceOffsets` is indexed by positions in `content`'s buffer, which slices keep.
            addPiece(content[..<cut], of: sourceLine, line: lineNumber, sourceOffsets: sourceOffsets)
            continueUnit(atLine: lineNumber)
            content = content[cut...]
        }
        addPiece(content, of: sourceLine, line: lineNumber, sourceOffsets: sourceOffsets)
    }

    /// Largest unit text, in bytes of UTF-8: a longer stretch of speech is cut into units of
    /// at most this size, so that no unit (and no output made from one) grows with the input.
    package static let largestUnitBytes = 4 << 20
    /// How far back from the limit a cut looks for a sentence's end, in bytes.
    static let sentenceSearchBytes = 64 << 10

    /// The source lines where a unit was cut at `largestUnitBytes`, in order.
    private(set) var cutLines: [Int] = []

    /// Ends the open unit and opens the next with the same kind and speaker at `line`.
    private mutating func continueUnit(atLine line: Int) {
        let (kind, speaker) = (self.kind, self.speaker)
        finishUnit()
        cutLines.append(line)
        startUnit(kind: kind, speaker: speaker, line: line)
    }

    /// Where to cut `content` to keep at most `room` bytes before the cut: after the last
    /// sentence end (。！？ or `. ! ?` and a space) in the last `sentenceSearchBytes`, else at
    /// the last character boundary. At least one character is kept.
    static func cutPoint(in content: ArraySlice<UInt8>, within room: Int) -> Int {
        var limit = content.startIndex + max(0, min(room, content.count))
        while limit > content.startIndex && limit < content.endIndex && content[limit] & 0xC0 == 0x80 { limit -= 1 }
        let floor = max(content.startIndex, limit - sentenceSearchBytes)
        var index = limit
        while index > floor {
            let byte = content[index - 1]
            if index - 3 >= content.startIndex {
                let a = content[index - 3], b = content[index - 2]
                if (a, b, byte) == (0xE3, 0x80, 0x82) || (a, b, byte) == (0xEF, 0xBC, 0x81) || (a, b, byte) == (0xEF, 0xBC, 0x9F) { return index }
            }
            if byte == 0x20 && index - 2 >= content.startIndex && [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(content[index - 2]) {
                return index
            }
            index -= 1
        }
        if limit > content.startIndex { return limit }
        // Not even one character fits in `room`: keep the first character whole.
        var end = content.startIndex + 1
        while end < content.endIndex && content[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }

    private mutating func addPiece(
        _ content: ArraySlice<UInt8>, of sourceLine: ArraySlice<UInt8>, line lineNumber: Int, sourceOffsets: [Int]?
    ) {
        if Self.append(content, of: sourceLine, line: lineNumber, to: &text, runs: &runs, sourceOffsets: sourceOffsets) {
            lineEnd = lineNumber
            skipped.kept(lineNumber)
        } else if lineNumber != lineStart {
            skipped.skip(lineNumber, .markup)
        }
    }

    /// Records a non-blank line that goes into no unit.
    mutating func skip(_ line: Int, _ reason: SkipReason) {
        skipped.skip(line, reason)
    }

    /// Cleans a line into `target`, joined to its open paragraph (or opening one); false
    /// when nothing was left of it.
    private static func append(
        _ content: ArraySlice<UInt8>, of sourceLine: ArraySlice<UInt8>, line lineNumber: Int, to target: inout JoinedText,
        runs: inout SourceRuns, sourceOffsets: [Int]? = nil
    ) -> Bool {
        runs.removeAll()
        // The line is cleaned where it goes; a new paragraph after another starts on a new
        // line, taken back if nothing is left of the line.
        let breaksLine = target.paragraphStart == nil && !target.bytes.isEmpty
        if breaksLine { target.bytes.append(0x0A) }
        let start = target.bytes.count
        MarkdownLine.appendCleanText(of: content, to: &target.bytes, runs: &runs)
        guard target.bytes.count > start else {
            if breaksLine { target.bytes.removeLast() }
            return false
        }
        var shift = 0
        if let paragraphStart = target.paragraphStart {
            // A Markdown hard break (two spaces or a backslash ending the line before) keeps
            // its line break: an English line and its translation stay apart. So do an English
            // sentence and a Chinese line after it or before it with none (a bilingual subtitle
            // cue), a table's rows, a list's entries, a numbered heading over its text (二、空间语法), a line
            // that starts with a time (`08:01 AI 与人类`): a table of contents, not a hard wrap; and
            // a forum line ending in an emoticon (`新手一枚 ^^` / `上個月…`), which ends its sentence;
            // and a quotation of another post (`引述《阿明》：…`) and the reply after it.
            if target.hardBreakPending || MarkdownLine.startsWithTime(target.bytes[start...])
                || MarkdownLine.isTranslationPair(target.bytes[target.lineStart..<start], target.bytes[start...])
                || MarkdownLine.isTableRow(target.bytes[start...]) || MarkdownLine.isTableRow(target.bytes[target.lineStart..<start])
                || MarkdownLine.isListItem(target.bytes[start...])
                || MarkdownLine.endsShortLine(target.bytes[target.lineStart..<start], before: target.bytes[start...])
                || Emoticon.endsLine(target.bytes[target.lineStart..<start])
                || MarkdownLine.isForumQuotation(target.bytes[target.lineStart..<start]) || MarkdownLine.isForumQuotation(target.bytes[start...])
            {
                target.bytes.insert(0x0A, at: start)
                shift = 1
            } else if MarkdownLine.needsJoiningSpace(target.bytes, paragraphStart: paragraphStart, lineStart: start) {
                target.bytes.insert(MarkdownLine.space, at: start)
                shift = 1
            }
        } else {
            target.paragraphStart = start
        }
        target.lineStart = start + shift
        let end = content.endIndex
        target.hardBreakPending =
            content.count >= 2 && content[end - 1] == MarkdownLine.space && content[end - 2] == MarkdownLine.space
            || content.last == MarkdownLine.backslash
        // Columns count Unicode scalars from the start of the source line.
        var countedTo = sourceLine.startIndex
        var column = 1
        var mappedEntries: [(output: Int, source: Int)] = []
        let outputEnd = target.bytes.count - shift
        if let sourceOffsets {
            // Content copied out of the line (subtitle text without its tags): a run of it
            // maps to several stretches of the line wherever a tag was taken out.
            for (position, run) in runs.entries.enumerated() {
                let runEnd = position + 1 < runs.entries.count ? runs.entries[position + 1].output : outputEnd
                var previous: Int?
                for offset in 0..<max(1, runEnd - run.output) {
                    let index = run.source + offset
                    let mapped = index < sourceOffsets.count ? sourceOffsets[index] : sourceLine.endIndex
                    if previous.map({ mapped != $0 + 1 }) ?? true { mappedEntries.append((run.output + offset, mapped)) }
                    previous = mapped
                }
            }
        }
        let entries = sourceOffsets == nil ? runs.entries : mappedEntries
        for (position, run) in entries.enumerated() {
            let source = min(max(run.source, sourceLine.startIndex), sourceLine.endIndex)
            if source < countedTo {
                countedTo = sourceLine.startIndex
                column = 1
            }
            column += ScriptClass.scalarCount(sourceLine[countedTo..<source])
            countedTo = source
            target.segments.append(SourceSegment(textOffset: run.output + shift, line: lineNumber, column: column))
            // A long run gets a segment every `segmentStride` bytes (at a character's start), so
            // that finding a mention's column counts at most that many bytes, not the whole
            // line each time: linear on a line of megabytes.
            let runEnd = position + 1 < entries.count ? entries[position + 1].output : outputEnd
            var next = run.output + Self.segmentStride
            while next < runEnd {
                var sourceIndex = source + (next - run.output)
                while sourceIndex < sourceLine.endIndex, sourceLine[sourceIndex] & 0xC0 == 0x80 {
                    sourceIndex += 1
                    next += 1
                }
                guard next < runEnd, sourceIndex < sourceLine.endIndex else { break }
                column += ScriptClass.scalarCount(sourceLine[countedTo..<sourceIndex])
                countedTo = sourceIndex
                target.segments.append(SourceSegment(textOffset: next + shift, line: lineNumber, column: column))
                next += Self.segmentStride
            }
        }
        return true
    }

    mutating func breakParagraph() {
        text.paragraphStart = nil
    }

    /// Ends the open unit; one with no text leaves its label line skipped for `reason`.
    mutating func finishUnit(ifEmpty reason: SkipReason = .markup) {
        guard hasOpenUnit else { return }
        hasOpenUnit = false
        guard !text.bytes.isEmpty else {
            // A label with no speech after it.
            skipped.skip(lineStart, reason)
            return
        }
        batch.append(kind: kind, speaker: speaker, text: text.bytes, segments: text.segments, lineStart: lineStart, lineEnd: lineEnd)
    }

    mutating func addNoteLine(_ content: ArraySlice<UInt8>, of sourceLine: ArraySlice<UInt8>, line: Int) {
        // The ★ that opens WeChat editor's notes is decoration, and a blank `>` line ends a
        // paragraph of the note: both belong to the note.
        if content.elementsEqual("★".utf8) || content.isEmpty {
            if content.isEmpty { note.paragraphStart = nil }
            skipped.kept(line)
            return
        }
        if note.bytes.isEmpty { noteStart = line }
        if Self.append(content, of: sourceLine, line: line, to: &note, runs: &runs) {
            noteEnd = line
            skipped.kept(line)
        } else {
            skipped.skip(line, .markup)
        }
    }

    mutating func finishNote() {
        guard !note.bytes.isEmpty else { return }
        batch.append(kind: .note, speaker: nil, text: note.bytes, segments: note.segments, lineStart: noteStart, lineEnd: noteEnd)
        note.removeAll()
    }

    /// The units in the order they start in the file, numbered from 1; the builder is left
    /// without units (they are moved, not copied).
    mutating func takeNumberedUnits() -> UnitBatch {
        var taken = UnitBatch(file: file)
        swap(&taken, &batch)
        taken.sortByStart()
        taken.renumber(from: 1)
        return taken
    }

    /// Counts a non-blank line of the source, skipped or not.
    mutating func countLine() {
        skipped.nonBlankLines += 1
    }

    /// The skipped regions in file order and the non-blank lines counted; the builder is
    /// left without them.
    mutating func takeSkipped() -> (regions: [SkippedRegion], nonBlankLines: Int) {
        defer { skipped = SkippedLines(file: file) }
        return (skipped.regions.sorted { $0.lines.lowerBound < $1.lines.lowerBound }, skipped.nonBlankLines)
    }
}
