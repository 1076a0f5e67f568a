#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension TranscriptReader {
    /// Reads a transcript in parts of about `partBytes`, cut just before a speaker label, and
    /// hands each part's units to `body`; only a part is in memory at a time, so memory does
    /// not grow with the file. Units are numbered and located exactly as `read(contentsOf:)`
    /// numbers and locates them. Speakers are found in the first part. Files that cannot be
    /// cut this way (UTF-16, subtitles, name lines, unlabelled paragraphs, one turn larger
    /// than a part) are read whole.
    public static func readInParts(
        contentsOf path: String, options: ReadingOptions = ReadingOptions(), partBytes: Int = 2 << 20,
        probeBytes: Int = 4 << 20, progress: ((Int) -> Void)? = nil, _ body: ([TranscriptUnit]) throws -> Void
    ) throws -> Transcript {
        let file = try ChunkedFile(path: path)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(max(partBytes, probeBytes) + partBytes)
        try file.read(max(partBytes, probeBytes), appendingTo: &buffer)
        func readWhole() throws -> Transcript {
            while !file.atEnd { try file.read(partBytes, appendingTo: &buffer) }
            var transcript = try read(bytes: buffer, file: path, options: options)
            try body(transcript.units)
            progress?(buffer.count)
            transcript.units = []
            return transcript
        }
        let isUTF16 = buffer.starts(with: [0xFF, 0xFE]) || buffer.starts(with: [0xFE, 0xFF])
        if isUTF16 || options.format == .srt || options.format == .vtt { return try readWhole() }

        // The label style and speakers, from the first part's complete lines.
        let bom = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard let lastBreak = buffer.lastIndex(of: 0x0A) else { return try readWhole() }
        var probe = Array(buffer[bom...lastBreak])
        guard TextDecoding.firstInvalidUTF8Offset(probe) == nil || options.replaceInvalid else { return try readWhole() }
        if options.replaceInvalid { probe = Array(String(decoding: probe, as: UTF8.self).utf8) }
        TextDecoding.normalizeLineEnds(&probe)
        let probeParser = LabeledTranscriptParser(file: path, lines: LineTable(probe), keepNotes: options.keepNotes)
        let style: LabeledTranscriptParser.LabelStyle
        let speakers: Set<ByteString>
        switch options.format {
        case .markdown: (style, speakers) = (.bold, probeParser.speakerNames(style: .bold))
        case .labeled: (style, speakers) = (.colon, probeParser.speakerNames(style: .colon))
        case .auto:
            if SubtitleParser.looksLikeVTT(probeParser.lines) || SubtitleParser.looksLikeSRT(probeParser.lines) { return try readWhole() }
            (style, speakers) = probeParser.detectStyle()
        default: return try readWhole()
        }
        guard style == .bold || style == .colon, !speakers.isEmpty else { return try readWhole() }
        let speakerNames = Set(speakers.map { Array($0.bytes) })
        func isLabel(_ line: ArraySlice<UInt8>) -> Bool {
            let match = style == .bold ? SpeakerLabel.bold(line) : SpeakerLabel.colon(line)
            return match.map { speakerNames.contains(Array($0.name)) } ?? false
        }

        var state = LabeledTranscriptParser.State(style: style)
        var notices: [Notice] = []
        var consumed = 0  // bytes of the file before `buffer`
        var sawText = false
        var speech = 0
        var first = true
        var limit = partBytes
        var part: [UInt8] = []  // reused, so that its memory is not mapped afresh for each part
        while true {
            // Cut before the last label line that starts within the first `limit` bytes (but
            // not at the very start); with none there, look further.
            while buffer.count < limit && !file.atEnd { try file.read(partBytes, appendingTo: &buffer) }
            var cut = buffer.count
            if buffer.count > limit || !file.atEnd {
                var found: Int?
                var end = min(limit, buffer.count)
                while let newline = buffer[..<end].lastIndex(of: 0x0A) {
                    let start = newline + 1
                    if newline > 0, start < buffer.count {
                        let lineEnd = buffer[start...].firstIndex(of: 0x0A) ?? buffer.count
                        if isLabel(buffer[start..<lineEnd]) {
                            found = start
                            break
                        }
                    }
                    end = newline
                }
                if let found {
                    cut = found
                } else if buffer.count > limit {
                    limit = buffer.count
                    continue
                } else if !file.atEnd {
                    try file.read(partBytes, appendingTo: &buffer)
                    limit = buffer.count
                    continue
                }
            }
            limit = partBytes
            part.removeAll(keepingCapacity: true)
            part.append(contentsOf: buffer[(first ? bom : 0)..<cut])
            let partStart = consumed + (first ? bom : 0)
            if let bad = TextDecoding.firstInvalidUTF8Offset(part) {
                let line = state.lineOffset + TextDecoding.lineNumber(ofByteOffset: bad, in: part)
                guard options.replaceInvalid else {
                    throw GlossGraphError(
                        "invalid UTF-8 at byte offset \(partStart + bad); save the file as UTF-8, or pass --replace-invalid to read bad bytes as U+FFFD",
                        at: SourceLocation(file: path, line: line), status: .dataError)
                }
                let count = TextDecoding.countInvalidSequences(part, from: 0)
                notices.append(Notice(
                    "replaced \(count) invalid UTF-8 sequence\(count == 1 ? "" : "s") with U+FFFD (first at byte offset \(partStart + bad))",
                    at: SourceLocation(file: path, line: line)))
                part = Array(String(decoding: part, as: UTF8.self).utf8)
            }
            TextDecoding.normalizeLineEnds(&part)
            sawText = sawText || part.contains { !($0 == 0x20 || $0 == 0x0A || $0 == 0x09) }
            let parser = LabeledTranscriptParser(file: path, lines: LineTable(part), keepNotes: options.keepNotes)
            var units = parser.parse(style: style, speakers: speakers, state: &state)
            for unit in units where unit.kind != .note { speech += 1 }
            if !options.speakerMap.names.isEmpty {
                for index in units.indices {
                    if let speaker = units[index].speaker { units[index].speaker = options.speakerMap.displayName(for: speaker) }
                }
            }
            try body(units)
            consumed += cut
            progress?(cut)
            buffer.removeFirst(cut)
            first = false
            if file.atEnd && buffer.isEmpty { break }
        }
        guard sawText else {
            throw GlossGraphError("the file has no text (only white space)", at: SourceLocation(file: path), status: .dataError)
        }
        let format: InputFormat = style == .bold ? .markdown : .labeled
        guard speech > 0 else {
            throw GlossGraphError(
                "no speech found when read as \(format.rawValue): \(hint(for: format))", at: SourceLocation(file: path), status: .dataError)
        }
        return Transcript(file: path, format: format, units: [], notices: notices)
    }
}

/// Sequential reads of a file in blocks.
final class ChunkedFile {
    private let descriptor: Int32
    private(set) var atEnd = false
    let path: String

    init(path: String) throws(GlossGraphError) {
        self.path = path
        if FileReading.isDirectory(path) { throw GlossGraphError("'\(path)' is a folder, not a file", status: .noInput) }
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
            throw GlossGraphError("cannot open '\(path)': \(reason)", status: .noInput)
        }
    }

    deinit { close(descriptor) }

    /// Appends up to `count` more bytes to `buffer`; fewer only at the end of the file.
    func read(_ count: Int, appendingTo buffer: inout [UInt8]) throws(GlossGraphError) {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: count))
        var filled = 0
        defer { buffer.removeLast(count - filled) }
        while filled < count {
            let got = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + start + filled, count - filled) }
            if got < 0 {
                if errno == EINTR { continue }
                throw GlossGraphError("error reading '\(path)': \(String(cString: strerror(errno)))", status: .ioError)
            }
            if got == 0 {
                atEnd = true
                break
            }
            filled += got
        }
        if filled < count { atEnd = true }
    }
}
