import GlossGraphText

/// Renders transcript units for people (a table) and for programs (JSON Lines).
public enum UnitListing {
    /// One JSON object per unit and line:
    /// `{"file","turn","speaker","line_start","line_end","text"}` (plus `"kind"` for units
    /// that are not turns).
    public static func jsonLines(_ units: some Collection<TranscriptUnit>) -> [UInt8] {
        var json = JSONText()
        // By index: `for unit in units` would copy each unit, retaining its strings and arrays.
        for position in units.indices {
            let unit = units[position]
            json.beginObject()
            json.key("file"); json.string(unit.file)
            json.key("turn"); json.int(unit.index)
            if unit.kind != .turn { json.key("kind"); json.string(unit.kind.rawValue) }
            json.key("speaker"); json.optionalString(unit.speaker)
            json.key("line_start"); json.int(unit.lineStart)
            json.key("line_end"); json.int(unit.lineEnd)
            json.key("text"); json.string(utf8: unit.utf8)
            json.endObject()
            json.newline()
        }
        return json.bytes
    }

    /// One JSON object per skipped region:
    /// `{"file","kind":"skipped","reason","line_start","line_end","lines"}` (lines: non-blank
    /// lines in it).
    public static func jsonLines(skipped regions: [SkippedRegion]) -> [UInt8] {
        var json = JSONText()
        for region in regions {
            json.beginObject()
            json.key("file"); json.string(region.file)
            json.key("kind"); json.string("skipped")
            json.key("reason"); json.string(region.reason.rawValue)
            json.key("line_start"); json.int(region.lines.lowerBound)
            json.key("line_end"); json.int(region.lines.upperBound)
            json.key("lines"); json.int(region.lineCount)
            json.endObject()
            json.newline()
        }
        return json.bytes
    }

    /// The skipped regions under a file's table: `skipped  12-15  link-list (4 lines)`.
    public static func table(skipped regions: [SkippedRegion]) -> String {
        regions.map { region in
            let lines = "\(region.lines.lowerBound)-\(region.lines.upperBound)"
            return "skipped  " + lines + String(repeating: " ", count: max(1, 10 - lines.count))
                + "\(region.reason.rawValue) (\(region.lineCount) line\(region.lineCount == 1 ? "" : "s"))\n"
        }.joined()
    }

    /// The speaker column's width `table` gives `units`: their widest speaker label, in
    /// terminal columns, at most 16.
    public static func speakerWidth(of units: [TranscriptUnit]) -> Int {
        min(16, units.map { TerminalText.displayWidth($0.kind == .note ? "[note]" : $0.speaker ?? "–") }.max() ?? 1)
    }

    /// A table of index, speaker, source lines and the first characters of each unit, sized
    /// for a terminal `width` columns wide (CJK characters take two columns).
    /// `header` starts each file with its name (off for the later parts of a file).
    /// `speakerWidth` sets the speaker column's width, in columns (the parts of one streamed
    /// listing share one: `speakerWidth(of:)` of each part, the widest so far).
    public static func table(_ units: [TranscriptUnit], width: Int = 100, header: Bool = true, speakerWidth: Int? = nil) -> String {
        let speakerWidth = speakerWidth ?? Self.speakerWidth(of: units)
        let indexWidth = max(4, String(units.last?.index ?? units.count).count)
        var output = ""
        var currentFile: String? = header ? nil : units.first?.file
        for unit in units {
            if unit.file != currentFile {
                if currentFile != nil { output += "\n" }
                output += "\(unit.file)\n"
                currentFile = unit.file
            }
            let index = String(unit.index)
            var row = String(repeating: " ", count: max(0, indexWidth - index.count)) + index + "  "
            let speaker = unit.kind == .note ? "[note]" : (unit.speaker ?? "–")
            row += TerminalText.padded(TerminalText.truncated(speaker, to: speakerWidth), to: speakerWidth) + "  "
            let lines = "\(unit.lineStart)-\(unit.lineEnd)"
            row += lines + String(repeating: " ", count: max(1, 10 - lines.count))
            let flat = unit.text.replacingNewlines()
            row += TerminalText.truncated(flat, to: max(10, width - TerminalText.displayWidth(row)))
            output += row + "\n"
        }
        return output
    }
}
