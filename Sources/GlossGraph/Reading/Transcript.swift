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
    public var text: String
    /// 1-based line of the unit's first source line (its speaker label, when it has one).
    public var lineStart: Int
    /// 1-based line of the unit's last source line that holds text.
    public var lineEnd: Int

    public init(
        file: String, index: Int, kind: UnitKind, speaker: String?, text: String,
        lineStart: Int, lineEnd: Int
    ) {
        self.file = file
        self.index = index
        self.kind = kind
        self.speaker = speaker
        self.text = text
        self.lineStart = lineStart
        self.lineEnd = lineEnd
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
}
