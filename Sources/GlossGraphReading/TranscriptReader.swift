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
    /// The inputs' text encoding as iconv names it (`gb18030`, `big5` …), for text not in
    /// UTF-8; nil reads UTF-8, or UTF-16 or UTF-32 with a byte-order mark. A file in a named
    /// encoding is read whole, and a byte sequence not valid in it is an error.
    public var encoding: String?

    public init(
        format: InputFormat = .auto, keepNotes: Bool = false, replaceInvalid: Bool = false,
        speakerMap: SpeakerMap = SpeakerMap(), encoding: String? = nil
    ) {
        self.format = format
        self.keepNotes = keepNotes
        self.replaceInvalid = replaceInvalid
        self.speakerMap = speakerMap
        self.encoding = encoding
    }
}

/// Reads transcript files into units: the first stage of the pipeline.
public enum TranscriptReader {
    /// File extensions read when a folder is given.
    public static let transcriptExtensions: Set<String> = ["md", "markdown", "txt", "srt", "vtt", "ass", "ssa"]

    /// The files named by `paths`: files as given, folders searched recursively for
    /// transcript files, in a stable (sorted) order. From a folder only regular files are
    /// taken, and no symbolic link is followed (as `grep -r` and ripgrep do): a link could
    /// bring in a file from outside the folder that its owner never meant to share, a FIFO
    /// would hang the run and a device would never end. An empty file in a folder, or one of
    /// white space only, is left out too. Each entry left out gets a notice in `skipped`; a link or an empty file named on the
    /// command line is read (an empty one is an error).
    public static func expandInputs(_ paths: [String], skipped: inout [Notice]) throws(GlossGraphError) -> [String] {
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
                guard transcriptExtensions.contains(ext) else { continue }
                var status = stat()
                if lstat(full, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK {
                    skipped.append(Notice("a symbolic link in a folder, which glossgraph does not follow; left out (name it, or what it links to, to read it)", at: SourceLocation(file: full)))
                } else if stat(full, &status) == 0 && status.st_mode & S_IFMT == S_IFREG {
                    // An empty file among many (a placeholder), or one of white space only, holds
                    // nothing to lose: it is left out with a notice rather than stopping the run,
                    // as one named alone does.
                    if status.st_size == 0 {
                        skipped.append(Notice("an empty file in a folder; left out", at: SourceLocation(file: full)))
                    } else if status.st_size <= 4096, let bytes = FileManager.default.contents(atPath: full),
                        bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
                    {
                        skipped.append(Notice("a file of white space only in a folder; left out", at: SourceLocation(file: full)))
                    } else {
                        found.append(full)
                    }
                } else if relative.unicodeScalars.contains("\u{FFFD}") && errno == ENOENT {
                    // Foundation lists names as Strings: one that is not UTF-8 comes back changed
                    // and names no file.
                    skipped.append(Notice("a file whose name is not valid UTF-8, which glossgraph cannot open by name; left out (rename it to read it)", at: SourceLocation(file: full)))
                } else if !FileReading.isDirectory(full) {
                    skipped.append(Notice("not a regular file (a FIFO, device, socket or broken link); left out", at: SourceLocation(file: full)))
                }
            }
            guard !found.isEmpty else {
                throw GlossGraphError(.noTranscriptsInFolder(path: path))
            }
            files.append(contentsOf: found.sorted())
        }
        // A file named twice (t.md and ./t.md, a link to it, a file inside a folder also
        // named) is read once: counted twice, its units would count double.
        var seen: [String: (first: String, again: [String], times: Int)] = [:]
        var order: [String] = []
        var kept: [String] = []
        for file in files {
            // Standard input redirected from a file named too (`t.md - < t.md`) is that file.
            guard let identity = FileReading.identity(file) else {
                kept.append(file)
                continue
            }
            if seen[identity] != nil {
                // A list naming one file a million times gives one notice, not a million.
                if seen[identity]!.again.count < 3 { seen[identity]!.again.append(file) }
                seen[identity]!.times += 1
                continue
            }
            seen[identity] = (file, [], 0)
            order.append(identity)
            kept.append(file)
        }
        for identity in order where seen[identity]!.times > 0 {
            let (first, again, times) = seen[identity]!
            let names = again.map { "'\(SourceLocation.shown($0))'" }.joined(separator: ", ")
            let more = times > again.count ? " and \(times - again.count) more times" : ""
            skipped.append(Notice("named again (as \(names)\(more)); read once", at: SourceLocation(file: first)))
        }
        return kept
    }

    /// Whether the first 64 KiB of any of the first 16 `files` hold a character only
    /// Traditional Chinese writes (`TraditionalCharacters`): a look at the inputs before the
    /// glossary is loaded, so that the Traditional forms of its names can be made meanwhile.
    /// Only regular files are looked at (standard input, a FIFO or a device is not read twice);
    /// any that cannot be read count as no.
    public static func beginsInTraditional(_ files: [String], encoding: String? = nil) -> Bool {
        files.prefix(16).contains { file in
            beginning(of: file, encoding: encoding)?.withUnsafeBufferPointer { TraditionalCharacters.occur(in: $0) } ?? false
        }
    }

    /// Whether the first 64 KiB of the first 16 `files` hold more characters only Traditional
    /// Chinese writes than characters only Simplified Chinese writes: the script the text is
    /// written in, which one Traditional quotation in a Simplified text does not change.
    public static func writtenInTraditional(_ files: [String], encoding: String? = nil) -> Bool {
        var traditional = 0, simplified = 0
        for file in files.prefix(16) {
            guard let counts = beginning(of: file, encoding: encoding)?.withUnsafeBufferPointer({ TraditionalCharacters.scriptCounts(in: $0) }) else { continue }
            traditional += counts.traditional
            simplified += counts.simplified
        }
        return traditional > simplified
    }

    /// The first 64 KiB of a regular file, or nil (standard input, a FIFO or a device is not
    /// read twice; a file that cannot be read counts as none). In a named `encoding`, those
    /// bytes up to their last line break, decoded to UTF-8.
    private static func beginning(of file: String, encoding: String? = nil) -> [UInt8]? {
        guard file != "-" else { return nil }
        let descriptor = open(file, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: 1 << 16)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        guard let encoding else { return Array(bytes[..<count]) }
        let complete = count == bytes.count ? (bytes[..<count].lastIndex(of: 0x0A).map { $0 + 1 } ?? count) : count
        return try? TextDecoding.decode(Array(bytes[..<complete]), file: file, encoding: encoding)
    }

    /// Reads one file (`-`: standard input) whole: its parts, as `readInParts` reads them,
    /// put together.
    ///
    /// - Throws: `GlossGraphError` for a file that is missing, unreadable, empty, not text or
    ///   without speech.
    public static func read(contentsOf path: String, options: ReadingOptions = ReadingOptions()) throws -> Transcript {
        var units: [TranscriptUnit] = []
        var transcript = try readInParts(contentsOf: path, options: options) { units += $0 }
        transcript.units = units
        return transcript
    }

    /// The notice for units cut at `UnitBuilder.largestUnitBytes` at `lines` (1-based), if any.
    static func cutNotice(_ lines: [Int], file: String) -> Notice? {
        guard let first = lines.first else { return nil }
        var distinct: [Int] = []
        for line in lines where distinct.last != line { distinct.append(line) }
        let shown = distinct.prefix(5).map(String.init).joined(separator: ", ") + (distinct.count > 5 ? ", …" : "")
        return Notice(
            "speech longer than \(UnitBuilder.largestUnitBytes >> 20) MiB is cut into units of at most that size, at a sentence end where one is near: \(lines.count) cut\(lines.count == 1 ? "" : "s"), in line\(distinct.count == 1 ? "" : "s") \(shown)",
            at: SourceLocation(file: file, line: first))
    }

    /// Reads transcript bytes that came from `file` (used in messages and in each unit).
    public static func read(bytes raw: [UInt8], file: String, options: ReadingOptions = ReadingOptions()) throws(GlossGraphError) -> Transcript {
        guard !raw.isEmpty else {
            throw GlossGraphError(.emptyFile, at: SourceLocation(file: file))
        }
        let text: [UInt8]
        var notices: [Notice] = []
        if let encoding = options.encoding {
            text = try TextDecoding.decode(raw, file: file, encoding: encoding)
            try TextDecoding.rejectNUL(text, file: file, fileOffset: 0, lineOffset: 0)
        } else {
            let decoded = try TextDecoding.decode(raw, file: file, replaceInvalid: options.replaceInvalid)
            (text, notices) = (decoded.bytes, decoded.notices)
        }
        guard text.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x09) }) else {
            throw GlossGraphError(.noText, at: SourceLocation(file: file))
        }
        let lines = LineTable(text)
        let parser = LabeledTranscriptParser(file: file, lines: lines, keepNotes: options.keepNotes)
        let layout = Layout.detect(lines, file: file, format: options.format, parser: parser)
        var units: [TranscriptUnit]
        var skipped: [SkippedRegion]
        var nonBlankLines: Int
        var cutLines: [Int]
        var format = layout.format
        switch layout {
        case .subtitles(let vtt):
            var subtitles = SubtitleParser(file: file, lines: lines)
            (units, skipped, nonBlankLines, cutLines) = subtitles.parse(vtt: vtt)
        case .subStation:
            (units, skipped, nonBlankLines, cutLines) = SubStationParser(file: file, lines: lines).parse()
        case .labeled(var style, var speakers):
            (units, skipped, nonBlankLines, cutLines) = parser.parse(style: style, speakers: speakers)
            // Recurring short lines with no speech after them (the same word on every line) are
            // no speaker labels: the file is read as unlabelled text.
            if options.format == .auto && style == .nameLine && !units.contains(where: { $0.kind != .note }) {
                (style, speakers) = (.none, [])
                (units, skipped, nonBlankLines, cutLines) = parser.parse(style: style, speakers: speakers)
                format = .paragraphs
            }
            if options.format == .auto && style == .none {
                let captions = parser.linesAreCaptions()
                let unit = captions ? "each line (short lines that seldom end a sentence, as subtitles are)" : "each paragraph"
                notices.append(Notice("no speaker labels found; \(unit) is read as a unit", at: SourceLocation(file: file),
                    topic: .unitsWithoutSpeakers(captions ? "line" : "paragraph")))
            }
            // Short paragraphs only (a list of brief remarks): titles of nothing, they are the text.
            if style == .none && !units.contains(where: { $0.kind != .note }) && skipped.contains(where: { $0.reason == .heading }) {
                var untitled = parser
                untitled.readsTitles = false
                (units, skipped, nonBlankLines, cutLines) = untitled.parse(style: style, speakers: speakers)
            }
        }
        if let notice = cutNotice(cutLines, file: file) { notices.append(notice) }
        try requireSpeech(units.contains(where: { $0.kind != .note }) ? 1 : 0, format: format, file: file)
        if !options.speakerMap.names.isEmpty {
            for index in units.indices {
                if let speaker = units[index].speaker {
                    units[index].speaker = options.speakerMap.displayName(for: speaker)
                }
            }
        }
        var transcript = Transcript(
            file: file, format: format, units: units, notices: notices, skipped: skipped, nonBlankLineCount: nonBlankLines)
        transcript.notices += relatedSpeakerNotices(Set(units.compactMap(\.speaker)), file: file)
        if let notice = transcript.skippedTextNotice { transcript.notices.append(notice) }
        return transcript
    }

    /// How a file is laid out: found from its lines, or as `format` says when it is not `.auto`.
    enum Layout {
        case subtitles(vtt: Bool)
        /// SubStation Alpha events.
        case subStation
        /// Speaker labels of `style` (`.none`: unlabelled paragraphs), naming `speakers`.
        case labeled(LabeledTranscriptParser.LabelStyle, speakers: Set<ByteString>)

        static func detect(_ lines: LineTable, file: String, format: InputFormat, parser: LabeledTranscriptParser) -> Layout {
            switch format {
            case .srt: return .subtitles(vtt: false)
            case .vtt: return .subtitles(vtt: true)
            case .ass: return .subStation
            case .markdown: return .labeled(.bold, speakers: parser.speakerNames(style: .bold))
            case .labeled: return .labeled(.colon, speakers: parser.speakerNames(style: .colon))
            case .nameLines: return .labeled(.nameLine, speakers: parser.speakerNames(style: .nameLine))
            case .paragraphs: return .labeled(.none, speakers: [])
            case .auto:
                let fileExtension = (file as NSString).pathExtension.lowercased()
                if SubStationParser.looksLikeSubStation(lines) || ["ass", "ssa"].contains(fileExtension) { return .subStation }
                let isVTT = fileExtension == "vtt"
                if SubtitleParser.looksLikeVTT(lines) || (isVTT && SubtitleParser.looksLikeSRT(lines)) { return .subtitles(vtt: true) }
                if SubtitleParser.looksLikeSRT(lines) { return .subtitles(vtt: false) }
                let (style, speakers) = parser.detectStyle()
                return .labeled(style, speakers: speakers)
            }
        }

        /// The input format the layout is read as.
        var format: InputFormat {
            switch self {
            case .subtitles(let vtt): vtt ? .vtt : .srt
            case .subStation: .ass
            case .labeled(.bold, _): .markdown
            case .labeled(.colon, _): .labeled
            case .labeled(.nameLine, _): .nameLines
            case .labeled(.none, _): .paragraphs
            }
        }
    }

    /// Titles that follow a Chinese name (王立新博士, 王博士).
    static let chineseTitles = ["博士", "教授", "老师", "先生", "女士", "小姐", "院士", "医生", "律师", "经理", "主任", "总"]

    /// Notices for speakers whose labels look like two names of one person: a full name and
    /// its first or last word (`Erik Torenberg` and `Erik`), or a Chinese name of two to four
    /// characters and its start or end (`周岚` and `周`), with the same title after both or
    /// none (`王立新博士` and `王博士`), as interviews introduce people and then shorten their
    /// names. Reading keeps them apart; a speaker mapping joins them.
    static func relatedSpeakerNotices(_ speakers: Set<String>, file: String) -> [Notice] {
        var notices: [Notice] = []
        func isCJK(_ name: String) -> Bool { name.unicodeScalars.allSatisfy { ScriptClass.isCJK($0.value) } }
        func withoutTitle(_ name: String) -> (name: String, title: String) {
            for title in chineseTitles where name.hasSuffix(title) && name.count > title.count { return (String(name.dropLast(title.count)), title) }
            return (name, "")
        }
        for full in speakers.sorted() {
            let words = full.split(separator: " ")
            // A Chinese name and its surname or given name (`周岚` and `周`, `陈一鸣` and `一鸣`).
            let (fullName, fullTitle) = withoutTitle(full)
            let chinese = words.count == 1 && isCJK(full) && (2...4).contains(fullName.count)
            guard words.count >= 2 || chinese else { continue }
            for short in speakers.sorted() where short != full
                && (chinese
                    ? isCJK(short) && withoutTitle(short).title == fullTitle && withoutTitle(short).name.count < fullName.count
                        && (fullName.hasPrefix(withoutTitle(short).name) || fullName.hasSuffix(withoutTitle(short).name))
                    : short == String(words.first!) || short == String(words.last!))
            {
                notices.append(Notice(
                    "speakers '\(full)' and '\(short)' may be one person; they are counted apart", at: SourceLocation(file: file),
                    topic: .relatedSpeakers(full, short)))
            }
        }
        return notices
    }

    /// A file whose units hold no speech (only editor's notes, or nothing) is an error.
    static func requireSpeech(_ speechUnits: Int, format: InputFormat, file: String) throws(GlossGraphError) {
        guard speechUnits > 0 else {
            throw GlossGraphError(.noSpeech(format: format.rawValue, hint: hint(for: format)), at: SourceLocation(file: file))
        }
    }

    static func hint(for format: InputFormat) -> String {
        switch format {
        case .markdown: "no line starts with a speaker label such as **名字：** followed by speech"
        case .labeled: "no recurring 'Name: text' lines followed by speech"
        case .nameLines: "no recurring short name lines followed by speech"
        case .srt: "no cue with a timing line (00:00:01,000 --> 00:00:02,000) and text"
        case .vtt: "no cue with a timing line (00:00:01.000 --> 00:00:02.000) and text"
        case .ass: "no Dialogue event with text in an [Events] section"
        case .paragraphs, .auto: "every paragraph is empty once markup is removed"
        }
    }
}
