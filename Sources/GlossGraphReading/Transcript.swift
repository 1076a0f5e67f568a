import GlossGraphText

/// What a unit of a transcript is.
public enum UnitKind: String, Sendable, Hashable, CaseIterable {
    /// A speaker's turn: everything from one speaker label to the next.
    case turn
    /// An editor's note (a `>` blockquote between turns), kept only when asked for.
    case note
    /// A paragraph of a transcript without speaker labels.
    case paragraph
    /// One subtitle cue (SRT or WebVTT).
    case cue
}

/// One unit of speech (or note) read from a transcript, with clean text.
public struct TranscriptUnit: Sendable, Hashable {
    /// The file as the user named it.
    public var file: String
    /// 1-based position of the unit in its file.
    public var index: Int
    public var kind: UnitKind
    /// The speaker's display name, after any speaker mapping; nil when the format has none.
    public var speaker: String?
    /// The text with markup removed and hard-wrapped lines joined; paragraphs separated by `\n`.
    public var text: String {
        get { String(decoding: utf8, as: UTF8.self) }
        set { utf8 = Array(newValue.utf8) }
    }
    /// `text` as UTF-8 (valid, as read): what extraction reads, without making a `String`.
    public var utf8: [UInt8]
    /// 1-based line of the unit's first source line (its speaker label, when it has one).
    public var lineStart: Int
    /// 1-based line of the unit's last source line that holds text.
    public var lineEnd: Int

    /// Where the text came from: each segment maps text from its offset on (until the next
    /// segment) to a source line and column.
    public var segments: [SourceSegment]
    /// For a sentence or paragraph cut from a turn, the turn's index.
    public var parentIndex: Int?

    public init(
        file: String, index: Int, kind: UnitKind, speaker: String?, text: String,
        lineStart: Int, lineEnd: Int, segments: [SourceSegment] = []
    ) {
        self.init(
            file: file, index: index, kind: kind, speaker: speaker, utf8: Array(text.utf8), lineStart: lineStart, lineEnd: lineEnd,
            segments: segments)
    }

    /// A unit whose text is `utf8`, which must be valid UTF-8.
    package init(
        file: String, index: Int, kind: UnitKind, speaker: String?, utf8: [UInt8],
        lineStart: Int, lineEnd: Int, segments: [SourceSegment]
    ) {
        self.segments = segments
        self.file = file
        self.index = index
        self.kind = kind
        self.speaker = speaker
        self.utf8 = utf8
        self.lineStart = lineStart
        self.lineEnd = lineEnd
    }
}

/// Maps a stretch of a unit's text back to the source file: text from `textOffset` on comes
/// from `line`, starting at `column`.
public struct SourceSegment: Sendable, Hashable {
    /// UTF-8 byte offset in the unit's text.
    public var textOffset: Int
    /// 1-based source line.
    public var line: Int
    /// 1-based column, in Unicode scalars, of the source character at `textOffset`.
    public var column: Int

    public init(textOffset: Int, line: Int, column: Int) {
        self.textOffset = textOffset
        self.line = line
        self.column = column
    }
}

extension TranscriptUnit {
    /// The source line and column (1-based, Unicode scalars) of a UTF-8 offset in `text`.
    public func sourcePosition(ofTextOffset offset: Int) -> (line: Int, column: Int) {
        SourceSegment.position(ofTextOffset: offset, segments: segments, text: utf8, lineStart: lineStart)
    }
}

extension SourceSegment {
    /// The source line and column of a UTF-8 offset in a unit's `text`, given the unit's
    /// segments (offsets from the start of `text`) and first line.
    static func position(
        ofTextOffset offset: Int, segments: some RandomAccessCollection<SourceSegment>, text: some Collection<UInt8>, lineStart: Int
    ) -> (line: Int, column: Int) {
        var low = 0
        var high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if segments[segments.index(segments.startIndex, offsetBy: middle)].textOffset <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return (lineStart, 1) }
        let segment = segments[segments.index(segments.startIndex, offsetBy: low - 1)]
        var scalars = 0
        for byte in text.dropFirst(segment.textOffset).prefix(max(0, offset - segment.textOffset)) where byte & 0xC0 != 0x80 {
            scalars += 1
        }
        return (segment.line, segment.column + scalars)
    }
}

/// A transcript file read into units.
public struct Transcript: Sendable {
    public var file: String
    /// The format the file was read as (detected, or forced by the caller).
    public var format: InputFormat
    public var units: [TranscriptUnit]
    /// Things worth telling the user that did not stop the reading.
    public var notices: [Notice]
    /// The non-blank lines that are in no unit, in regions with the reason, in file order:
    /// with the units' lines they account for every non-blank line of the file.
    public var skipped: [SkippedRegion] = []
    /// The file's lines that are not blank.
    public var nonBlankLineCount = 0

    public init(
        file: String, format: InputFormat, units: [TranscriptUnit], notices: [Notice], skipped: [SkippedRegion] = [],
        nonBlankLineCount: Int = 0
    ) {
        self.file = file
        self.format = format
        self.units = units
        self.notices = notices
        self.skipped = skipped
        self.nonBlankLineCount = nonBlankLineCount
    }

    /// Skipped text (`SkipReason.countsAsSkippedText`) above this share of the non-blank lines, and
    /// at least `noticeableSkippedLines` lines, is told: a title, a byline and a few
    /// headings are not, a dropped speaker or a long preamble is.
    public static let noticeableSkippedShare = 0.2
    public static let noticeableSkippedLines = 5

    /// A notice naming the skipped regions when they hold more than a small share of the
    /// file's text, else nil.
    public var skippedTextNotice: Notice? {
        let text = skipped.filter(\.reason.countsAsSkippedText)
        let lines = text.reduce(0) { $0 + $1.lineCount }
        guard lines >= Self.noticeableSkippedLines, Double(lines) > Self.noticeableSkippedShare * Double(nonBlankLineCount) else {
            return nil
        }
        let shown = text.prefix(6).map { region in
            let range = region.lines.count == 1 ? "\(region.lines.lowerBound)" : "\(region.lines.lowerBound)-\(region.lines.upperBound)"
            return "\(range) (\(region.reason.rawValue))"
        }
        let more = text.count > shown.count ? ", and \(text.count - shown.count) more" : ""
        return Notice(
            "\(lines) of \(nonBlankLineCount) non-blank lines are not read as speech: lines \(shown.joined(separator: ", "))\(more)",
            at: SourceLocation(file: file), topic: .skippedText)
    }
}

/// Why lines of a transcript are in no unit.
public enum SkipReason: String, Sendable, Hashable, CaseIterable {
    /// Before the first speaker label: title, byline, banner, table of contents, introduction.
    case preamble
    /// A Markdown heading, or a short unlabelled line between turns (a subheading).
    case heading
    /// An editor's note (a `>` blockquote) when notes are not kept.
    case note
    case image
    /// A horizontal rule.
    case rule
    /// A list of links (related reading).
    case linkList = "link-list"
    /// An emphasised source line under a quotation.
    case citation
    /// A banner repeated from the page's header.
    case banner
    /// A line with nothing left once its markup is removed.
    case markup
    /// Subtitle structure: cue numbers, timing lines, the WebVTT header, NOTE and STYLE blocks.
    case subtitleTiming = "subtitle-timing"
    /// A subtitle cue that only describes a sound (`（片尾音乐）`, `[Music]`).
    case soundDescription = "sound-description"
    /// A chat export's line that is no one's message: a notice the app writes (a recalled
    /// message, a member joining), a placeholder for a picture or voice message (`[图片]`), a
    /// date divider, or a message the chat's system sends.
    case chatNotice = "chat-notice"
    /// An earlier message a chat reply quotes (`「小K：…」` and the dashed rule beside it), or
    /// another post a forum post quotes (`引述《阿明》：…`): its words are counted where they
    /// were first said.
    case quotedMessage = "quoted-message"
    /// After the last turn, what the editor lists under the conversation: show notes, a chapter
    /// list, references, credits (`本期提到：` over a list, `剪辑：周小满`).
    case backMatter = "back-matter"

    /// Counted when saying how much text was skipped: not subtitle structure, nor editor's
    /// notes, which are left out by choice (`keepNotes` keeps them), nor what a chat app wrote
    /// or a reply repeated, which no one said there.
    public var countsAsSkippedText: Bool {
        switch self {
        case .subtitleTiming, .note, .chatNotice, .quotedMessage: false
        default: true
        }
    }
}

/// Consecutive non-blank lines of a file (blank lines between them included) skipped for one
/// reason.
public struct SkippedRegion: Sendable, Hashable {
    public var file: String
    /// 1-based line numbers of the first and last skipped line.
    public var lines: ClosedRange<Int>
    public var reason: SkipReason
    /// Non-blank lines in the region.
    public var lineCount: Int

    public init(file: String, lines: ClosedRange<Int>, reason: SkipReason, lineCount: Int) {
        self.file = file
        self.lines = lines
        self.reason = reason
        self.lineCount = lineCount
    }
}

/// Collects skipped lines into regions: a line joins the previous region when it has the
/// same reason and nothing but blank lines lies between them.
package struct SkippedLines: Sendable {
    package private(set) var regions: [SkippedRegion] = []
    /// Non-blank lines seen, skipped or not.
    package var nonBlankLines = 0
    /// The last non-blank line that was not skipped, or 0.
    private var lastKept = 0
    /// The one kept before it: a unit's label line is kept when the unit opens, and skipped
    /// after all when nothing is said under it.
    private var keptBefore = 0
    let file: String

    package init(file: String) {
        self.file = file
    }

    /// Notes that line `line` (1-based, non-blank) went into a unit.
    package mutating func kept(_ line: Int) {
        if line > lastKept { (keptBefore, lastKept) = (lastKept, line) }
    }

    package mutating func skip(_ line: Int, _ reason: SkipReason) {
        if line == lastKept { lastKept = keptBefore }
        if let last = regions.last, last.reason == reason, last.lines.upperBound > lastKept, last.lines.upperBound < line {
            regions[regions.count - 1].lines = last.lines.lowerBound...line
            regions[regions.count - 1].lineCount += 1
        } else {
            regions.append(SkippedRegion(file: file, lines: line...line, reason: reason, lineCount: 1))
        }
    }
}
