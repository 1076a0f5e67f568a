import Foundation
import GlossGraphText

/// How transcripts are read.
public struct ReadingOptions: Sendable {
    /// The format to read as; `.auto` detects it per file.
    public var format: InputFormat
    /// Keep editor's notes (`>` blockquotes inside the interview) as `.note` units.
    public var keepNotes: Bool
    /// Read invalid UTF-8 or UTF-16 as U+FFFD (with a notice) instead of failing.
    public var replaceInvalid: Bool
    /// Display names for speaker labels.
    public var speakerMap: SpeakerMap

    public init(
        format: InputFormat = .auto, keepNotes: Bool = false, replaceInvalid: Bool = false,
        speakerMap: SpeakerMap = SpeakerMap()
    ) {
        self.format = format
        self.keepNotes = keepNotes
        self.replaceInvalid = replaceInvalid
        self.speakerMap = speakerMap
    }
}

/// Reads transcript files into units: the first stage of the pipeline.
public enum TranscriptReader {
    /// File extensions read when a folder is given.
    public static let transcriptExtensions: Set<String> = ["md", "markdown", "txt", "srt", "vtt"]

    /// The files named by `paths`: files as given, folders searched recursively for
    /// transcript files, in a stable (sorted) order.
    public static func expandInputs(_ paths: [String]) throws(GlossGraphError) -> [String] {
        var files: [String] = []
        for path in paths {
            guard FileReading.isDirectory(path) else {
                files.append(path)
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            guard let enumerator = FileManager.default.enumerator(atPath: path) else {
                throw GlossGraphError(.cannotListFolder(path: path))
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let ext = (relative as NSString).pathExtension.lowercased()
                let full = base + "/" + relative
                if transcriptExtensions.contains(ext) && !FileReading.isDirectory(full) {
                    found.append(full)
                }
            }
            guard !found.isEmpty else {
                throw GlossGraphError(.noTranscriptsInFolder(path: path))
            }
            files.append(contentsOf: found.sorted())
        }
        return files
    }

    /// Reads one file.
    public static func read(contentsOf path: String, options: ReadingOptions = ReadingOptions()) throws(GlossGraphError) -> Transcript {
        try read(bytes: try FileReading.bytes(ofFile: path), file: path, options: options)
    }

    /// Reads transcript bytes that came from `file` (used in messages and in each unit).
    public static func read(bytes raw: [UInt8], file: String, options: ReadingOptions = ReadingOptions()) throws(GlossGraphError) -> Transcript {
        guard !raw.isEmpty else {
            throw GlossGraphError(.emptyFile, at: SourceLocation(file: file))
        }
        let decoded = try TextDecoding.decode(raw, file: file, replaceInvalid: options.replaceInvalid)
        var notices = decoded.notices
        guard decoded.bytes.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x09) }) else {
            throw GlossGraphError(.noText, at: SourceLocation(file: file))
        }
        let lines = LineTable(decoded.bytes)
        var format = options.format
        var units: [TranscriptUnit]
        if format == .auto {
            let ext = (file as NSString).pathExtension.lowercased()
            if SubtitleParser.looksLikeVTT(lines) || (ext == "vtt" && SubtitleParser.looksLikeSRT(lines)) {
                format = .vtt
            } else if SubtitleParser.looksLikeSRT(lines) {
                format = .srt
            }
        }
        switch format {
        case .srt, .vtt:
            units = SubtitleParser(file: file, lines: lines).parse(vtt: format == .vtt)
        default:
            let parser = LabeledTranscriptParser(file: file, lines: lines, keepNotes: options.keepNotes)
            let style: LabeledTranscriptParser.LabelStyle
            let speakers: Set<ByteString>
            switch format {
            case .markdown: (style, speakers) = (.bold, parser.speakerNames(style: .bold))
            case .labeled: (style, speakers) = (.colon, parser.speakerNames(style: .colon))
            case .nameLines: (style, speakers) = (.nameLine, parser.speakerNames(style: .nameLine))
            case .paragraphs: (style, speakers) = (.none, [])
            default:
                (style, speakers) = parser.detectStyle()
                format = Self.format(of: style)
                if style == .none {
                    notices.append(Notice(
                        "no speaker labels found; each paragraph is read as a unit",
                        at: SourceLocation(file: file)))
                }
            }
            units = parser.parse(style: style, speakers: speakers)
        }
        guard units.contains(where: { $0.kind != .note }) else {
            throw GlossGraphError(.noSpeech(format: format.rawValue, hint: hint(for: format)), at: SourceLocation(file: file))
        }
        if !options.speakerMap.names.isEmpty {
            for index in units.indices {
                if let speaker = units[index].speaker {
                    units[index].speaker = options.speakerMap.displayName(for: speaker)
                }
            }
        }
        return Transcript(file: file, format: format, units: units, notices: notices)
    }

    private static func format(of style: LabeledTranscriptParser.LabelStyle) -> InputFormat {
        switch style {
        case .bold: .markdown
        case .colon: .labeled
        case .nameLine: .nameLines
        case .none: .paragraphs
        }
    }

    static func hint(for format: InputFormat) -> String {
        switch format {
        case .markdown: "no line starts with a speaker label such as **名字：** followed by speech"
        case .labeled: "no recurring 'Name: text' lines followed by speech"
        case .nameLines: "no recurring short name lines followed by speech"
        case .srt, .vtt: "no cue with a timing line (00:00:01,000 --> 00:00:02,000) and text"
        case .paragraphs, .auto: "every paragraph is empty once markup is removed"
        }
    }
}
