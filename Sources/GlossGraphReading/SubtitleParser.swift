import GlossGraphText

/// Reads SubRip (SRT) and WebVTT subtitles: each cue becomes a unit; a WebVTT voice span
/// (`<v Name>`) gives the speaker.
struct SubtitleParser {
    let file: String
    let lines: LineTable

    static func looksLikeVTT(_ lines: LineTable) -> Bool {
        guard lines.count > 0 else { return false }
        let first = lines[0]
        return first.starts(with: "WEBVTT".utf8)
            && (first.count == 6 || MarkdownLine.isSpace(first[first.startIndex + 6]))
    }

    /// The first non-blank line is a cue number and the next a `-->` timing line.
    static func looksLikeSRT(_ lines: LineTable) -> Bool {
        var index = 0
        while index < lines.count && MarkdownLine.isBlank(lines[index]) { index += 1 }
        guard index + 1 < lines.count else { return false }
        let number = MarkdownLine.trimmed(lines[index])
        return !number.isEmpty && number.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            && isTimingLine(lines[index + 1])
    }

    static func isTimingLine(_ line: ArraySlice<UInt8>) -> Bool {
        var index = line.startIndex
        while index + 3 <= line.endIndex {
            if line[index] == UInt8(ascii: "-") && line[index + 1] == UInt8(ascii: "-")
                && line[index + 2] == UInt8(ascii: ">")
            {
                return true
            }
            index += 1
        }
        return false
    }

    /// Splits the file into blocks separated by blank lines and reads each cue.
    func parse(vtt: Bool) -> [TranscriptUnit] {
        var builder = UnitBuilder(file: file)
        var index = 0
        var isFirstBlock = true
        while index < lines.count {
            while index < lines.count && MarkdownLine.isBlank(lines[index]) { index += 1 }
            let blockStart = index
            while index < lines.count && !MarkdownLine.isBlank(lines[index]) { index += 1 }
            guard blockStart < index else { break }
            defer { isFirstBlock = false }
            if vtt {
                let head = lines[blockStart]
                if isFirstBlock && head.starts(with: "WEBVTT".utf8) { continue }
                if head.starts(with: "NOTE".utf8) || head.starts(with: "STYLE".utf8)
                    || head.starts(with: "REGION".utf8)
                {
                    continue
                }
            }
            // The timing line is the first or second line of a cue (after an identifier).
            guard let timing = (blockStart..<min(blockStart + 2, index)).first(where: { Self.isTimingLine(lines[$0]) })
            else { continue }
            var speaker: String?
            var textLines: [ArraySlice<UInt8>] = []
            for lineIndex in (timing + 1)..<index {
                var line = lines[lineIndex]
                if vtt, let voice = voiceSpan(line) {
                    speaker = speaker ?? voice.name
                    line = line[voice.textStart...]
                }
                textLines.append(line)
            }
            builder.startUnit(kind: .cue, speaker: speaker, line: blockStart + 1)
            for (offset, line) in textLines.enumerated() {
                // Tags are removed first, so columns after a tag are approximate.
                let untagged = withoutCueTags(line)
                builder.addLine(untagged[...], of: untagged[...], line: timing + 2 + offset)
            }
            builder.finishUnit()
        }
        return builder.takeNumberedUnits().units
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

    /// Removes SRT styling (`{\an8}`, `<i>`) and WebVTT spans (`<c.yellow>`, `</v>`,
    /// `<00:00:01.000>`), which the Markdown cleaner would not all recognise.
    private func withoutCueTags(_ line: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(line.count)
        var index = line.startIndex
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
            index += 1
        }
        return output
    }
}
