import GlossGraphText

/// The transcript formats GlossGraph reads.
public enum InputFormat: String, Sendable, CaseIterable {
    /// Detect the format from the content (and the file extension for subtitles).
    case auto
    /// Markdown with bold speaker labels: `**名字：**` or `**[00:10] Speaker B:**`.
    case markdown
    /// Plain `Name: text` or `Name：text` lines, optionally with a `[00:10]` timestamp.
    case labeled
    /// A short speaker name alone on a line, followed by the speech.
    case nameLines = "name-lines"
    /// SubRip subtitles.
    case srt
    /// WebVTT subtitles; `<v Name>` gives the speaker.
    case vtt
    /// SubStation Alpha and Advanced SubStation Alpha subtitles (`.ssa`, `.ass`); an event's
    /// `Name` field gives the speaker.
    case ass
    /// No speaker labels: each paragraph is a unit.
    case paragraphs
}
