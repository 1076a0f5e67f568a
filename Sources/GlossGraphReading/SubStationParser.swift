import GlossGraphText

/// Reads SubStation Alpha subtitles (`.ssa`, and Advanced SubStation Alpha `.ass` as Aegisub
/// and fansub groups write them): each `Dialogue:` event of the `[Events]` section is a cue,
/// its `Name` field (the actor) the speaker. Events shown at the same time, one after another
/// (`Dialogue:` lines with the same start and end), are one cue: a Chinese line and its English
/// translation in two styles read as the two lines of a bilingual cue, as `中文\NEnglish` in
/// one event does.
///
/// The event's fields are found by the section's `Format:` line (the default order of the
/// SubStation Alpha v4.00+ script format when there is none); the text is the last field and
/// may hold commas. In the text, override blocks (`{\fs36}`, `{\an8}`, `{\k20}`) are removed,
/// `\N` and `\n` break lines, `\h` is a space, and drawing commands (after `{\p1}`, up to
/// `{\p0}`) are no text. The other sections (`[Script Info]`, `[V4+ Styles]`, `[Fonts]`,
/// `[Aegisub Project Garbage]`), `Format:` lines, `Comment:` events (not shown) and events of
/// other kinds are skipped as subtitle structure; an event with no text left is skipped as
/// markup.
struct SubStationParser {
    let file: String
    let lines: LineTable

    /// The first non-blank line is `[Script Info]`, which the format requires first (a
    /// byte-order or bidi mark before it allowed).
    static func looksLikeSubStation(_ lines: LineTable) -> Bool {
        var index = 0
        while index < lines.count && MarkdownLine.isBlank(lines[index]) { index += 1 }
        guard index < lines.count else { return false }
        let first = MarkdownLine.trimmed(SubtitleParser.withoutLeadingMarks(lines[index]))
        return String(decoding: first, as: UTF8.self).lowercased() == "[script info]"
    }

    /// The event fields when no `Format:` line names them: the v4.00+ order.
    static let defaultFields = ["layer", "start", "end", "style", "name", "marginl", "marginr", "marginv", "effect", "text"]

    /// A section heading: `[Events]`, `[V4+ Styles]`. Brackets around text with a lower-case
    /// letter: embedded fonts and pictures are uuencoded, in characters from `!` to `` ` ``,
    /// which has none.
    static func sectionName(_ line: ArraySlice<UInt8>) -> String? {
        guard line.count >= 3, line.first == UInt8(ascii: "["), line.last == UInt8(ascii: "]") else { return nil }
        let inner = line.dropFirst().dropLast()
        guard inner.contains(where: { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }) else { return nil }
        return String(decoding: inner, as: UTF8.self).lowercased()
    }

    func parse() -> (units: [TranscriptUnit], skipped: [SkippedRegion], nonBlankLines: Int, cutLines: [Int]) {
        var builder = UnitBuilder(file: file)
        // The lines in order, each an event's lines of text or what else it is; the events
        // first, so that speaker prefixes in their text are counted over the whole file.
        enum Line {
            case event(timing: (start: String, end: String), lines: [SubtitleParser.CueLine])
            case text(ArraySlice<UInt8>)
            case skipped(SkipReason)
        }
        var read: [(index: Int, line: Line)] = []
        var inEvents = false
        var fields = Self.defaultFields
        for index in 0..<lines.count {
            let line = MarkdownLine.trimmed(SubtitleParser.withoutLeadingMarks(lines[index]))
            if line.isEmpty { continue }
            if let section = Self.sectionName(line) {
                inEvents = section == "events"
                read.append((index, .skipped(.subtitleTiming)))
                continue
            }
            guard inEvents, let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                // Text outside any event is kept as a paragraph of its own.
                read.append((index, inEvents ? .text(line) : .skipped(.subtitleTiming)))
                continue
            }
            let key = String(decoding: MarkdownLine.trimmed(line[..<colon]), as: UTF8.self).lowercased()
            let value = line[(colon + 1)...]
            if key == "format" {
                fields = value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
                    .map { String(decoding: MarkdownLine.trimmed($0), as: UTF8.self).lowercased() }
                read.append((index, .skipped(.subtitleTiming)))
                continue
            }
            guard key == "dialogue" else {
                read.append((index, .skipped(.subtitleTiming)))
                continue
            }
            // Fewer fields than the format names: the line is kept whole.
            guard let event = Self.event(value, fields: fields) else {
                read.append((index, .text(value)))
                continue
            }
            let pieces = Self.textLines(line[event.text...]).filter { !MarkdownLine.isBlank($0.text[...]) }
            read.append((index, pieces.isEmpty ? .skipped(.markup) : .event(timing: event.timing, lines: pieces.map {
                SubtitleParser.CueLine(line: index, untagged: $0.text, sourceOffsets: $0.offsets, speaker: event.speaker)
            })))
        }
        var cues = SubtitleParser(file: file, lines: lines)
        cues.recurringPrefixes = SubtitleParser.recurring(read.flatMap { entry -> [[UInt8]] in
            guard case .event(_, let lines) = entry.line else { return [] }
            return lines.filter { $0.speaker == nil }.map(\.untagged)
        })
        var group: [SubtitleParser.CueLine] = []
        var groupTiming: (start: String, end: String)?
        func flush() {
            if !group.isEmpty { cues.emit(cue: group, vtt: false, into: &builder) }
            group = []
            groupTiming = nil
        }
        for (index, line) in read {
            switch line {
            case .event(let timing, let lines):
                if let groupTiming, groupTiming != timing { flush() }
                groupTiming = timing
                group += lines
            case .text(let text):
                flush()
                builder.startUnit(kind: .paragraph, speaker: nil, line: index + 1)
                builder.addLine(text, of: lines[index], line: index + 1)
                builder.finishUnit()
            case .skipped(let reason):
                flush()
                builder.skip(index + 1, reason)
            }
        }
        flush()
        let units = builder.takeNumberedUnits().units
        guard units.contains(where: { $0.kind == .cue }) else { return ([], [], 0, []) }
        let skipped = builder.takeSkipped()
        return (units, skipped.regions, (0..<lines.count).filter { !MarkdownLine.isBlank(lines[$0]) }.count, builder.cutLines)
    }

    /// The fields of an event line after `Dialogue:`: its timing, its speaker (the `Name`
    /// field, or `Actor` in old scripts; nil when empty) and where its text starts. Nil when
    /// the line has fewer fields than `fields` names, or the format names no text.
    static func event(_ value: ArraySlice<UInt8>, fields: [String]) -> (timing: (start: String, end: String), speaker: String?, text: Int)? {
        guard fields.last == "text" else { return nil }
        var cells: [ArraySlice<UInt8>] = []
        var start = value.startIndex
        while cells.count < fields.count - 1 {
            guard let comma = value[start...].firstIndex(of: UInt8(ascii: ",")) else { return nil }
            cells.append(value[start..<comma])
            start = comma + 1
        }
        func cell(_ names: String...) -> String {
            guard let position = fields.firstIndex(where: { names.contains($0) }) else { return "" }
            return String(decoding: MarkdownLine.trimmed(cells[position]), as: UTF8.self)
        }
        let speaker = cell("name", "actor")
        return ((cell("start"), cell("end")), speaker.isEmpty ? nil : speaker, start)
    }

    /// The lines an event's text shows, each with every byte's index in the source line:
    /// override blocks removed, broken at `\N` and `\n`, `\h` a space, drawings left out. A
    /// `{` with no `}` after it is text, as renderers show it.
    static func textLines(_ text: ArraySlice<UInt8>) -> [(text: [UInt8], offsets: [Int])] {
        var result: [(text: [UInt8], offsets: [Int])] = []
        var current: (text: [UInt8], offsets: [Int]) = ([], [])
        var drawing = false
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "{"), let close = text[index...].firstIndex(of: UInt8(ascii: "}")) {
                if let scale = drawingScale(text[index..<close]) { drawing = scale > 0 }
                index = close + 1
                continue
            }
            if byte == MarkdownLine.backslash, index + 1 < text.endIndex {
                switch text[index + 1] {
                case UInt8(ascii: "N"), UInt8(ascii: "n"):
                    result.append(current)
                    current = ([], [])
                    index += 2
                    continue
                case UInt8(ascii: "h"):
                    if !drawing {
                        current.text.append(MarkdownLine.space)
                        current.offsets.append(index)
                    }
                    index += 2
                    continue
                default: break
                }
            }
            if !drawing {
                current.text.append(byte)
                current.offsets.append(index)
            }
            index += 1
        }
        result.append(current)
        return result
    }

    /// The last drawing-mode tag's scale in an override block (`\p1` starts a drawing, `\p0`
    /// ends it), nil when the block has none. `\pos(` and `\pbo` are other tags.
    static func drawingScale(_ block: ArraySlice<UInt8>) -> Int? {
        var scale: Int?
        var index = block.startIndex
        while index + 2 < block.endIndex {
            defer { index += 1 }
            guard block[index] == MarkdownLine.backslash, block[index + 1] == UInt8(ascii: "p") else { continue }
            var end = index + 2
            var value = 0
            while end < block.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(block[end]) {
                value = value * 10 + Int(block[end] - UInt8(ascii: "0"))
                end += 1
            }
            if end > index + 2 { scale = value }
        }
        return scale
    }
}
