#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Dispatch
import Foundation
import GlossGraphText

extension TranscriptReader {
    /// Reads a transcript in parts of about `partBytes`, cut just before a speaker label, and
    /// hands each part's units to `body`; only a part is in memory at a time, so memory does
    /// not grow with the file. Units are numbered and located exactly as `read(contentsOf:)`
    /// numbers and locates them. Speakers are found in the first part. Files that cannot be
    /// cut this way (UTF-16, subtitles, name lines, unlabelled paragraphs, one turn larger
    /// than a part) are read whole.
    public static func readInParts(
        contentsOf path: String, options: ReadingOptions = ReadingOptions(), partBytes: Int = 1 << 20,
        probeBytes: Int = 4 << 20, progress: ((Int) -> Void)? = nil, _ body: ([TranscriptUnit]) throws -> Void
    ) throws -> Transcript {
        // Numbered as they are made: renumbering a part's units afterwards would copy them all.
        try readBatches(
            contentsOf: path, options: options, partBytes: partBytes, probeBytes: probeBytes, workers: 1, progress: progress,
            process: { $0 }, collect: { batch, unitOffset in try body(batch.units(numberedFrom: unitOffset)) })
    }

    /// Reads a transcript in parts as `readInParts(contentsOf:options:partBytes:probeBytes:progress:_:)`
    /// does, and parses and processes up to `workers` parts at once. `process` gets a part's
    /// units numbered from 1 within the part, on a worker thread; `collect` gets its result on
    /// the calling thread, in file order, with the number of units before the part (add it to
    /// the indices to number them within the file). Cutting the file into parts stays on the
    /// calling thread, so both cores work on one large file.
    public static func readInParts<PartResult: Sendable>(
        contentsOf path: String, options: ReadingOptions = ReadingOptions(), partBytes: Int = 1 << 20,
        probeBytes: Int = 4 << 20, workers: Int, progress: ((Int) -> Void)? = nil,
        process: @escaping @Sendable ([TranscriptUnit]) -> PartResult,
        collect: (PartResult, _ unitOffset: Int) throws -> Void
    ) throws -> Transcript {
        try readBatches(
            contentsOf: path, options: options, partBytes: partBytes, probeBytes: probeBytes, workers: workers, progress: progress,
            process: { process($0.units) }, collect: collect)
    }

    /// `readInParts(…workers:process:collect:)` with each part's units as one `UnitBatch`,
    /// which costs no allocation per unit.
    package static func readBatches<PartResult: Sendable>(
        contentsOf path: String, options: ReadingOptions = ReadingOptions(), partBytes: Int = 1 << 20,
        probeBytes: Int = 4 << 20, workers: Int, progress: ((Int) -> Void)? = nil,
        process: @escaping @Sendable (UnitBatch) -> PartResult,
        collect: (PartResult, _ unitOffset: Int) throws -> Void
    ) throws -> Transcript {
        let file = try InputFile(path: path)
        // The probe is read straight into the buffer's memory, which is not zeroed first.
        let firstRead = max(partBytes, probeBytes)
        var buffer = try [UInt8](unsafeUninitializedCapacity: firstRead + partBytes) { space, count in
            count = try file.read(into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: space[..<firstRead])))
        }
        // In a named encoding (UTF-16 without a mark among them) NUL is looked for after decoding.
        let isWide = buffer.starts(with: [0xFF, 0xFE]) || buffer.starts(with: [0xFE, 0xFF]) || buffer.starts(with: [0x00, 0x00, 0xFE, 0xFF])
            || options.encoding != nil
        // Binary data (/dev/zero) is refused before it is read whole.
        if !isWide { try TextDecoding.rejectNUL(buffer, file: path, fileOffset: 0, lineOffset: 0) }
        func readWhole() throws -> Transcript {
            while !file.atEnd {
                let before = buffer.count
                try file.read(partBytes, appendingTo: &buffer)
                if !isWide { try TextDecoding.rejectNUL(in: buffer, from: before, file: path) }
            }
            var transcript = try read(bytes: buffer, file: path, options: options)
            try collect(process(UnitBatch(file: path, units: transcript.units)), 0)
            progress?(buffer.count)
            transcript.units = []
            return transcript
        }
        let isUTF16 = buffer.starts(with: [0xFF, 0xFE]) || buffer.starts(with: [0xFE, 0xFF])
        if isUTF16 || options.encoding != nil || options.format == .srt || options.format == .vtt || options.format == .ass { return try readWhole() }

        // The label style and speakers, from the first part's complete lines: all of them when
        // the part is the whole file (its last line may have no line break).
        let bom = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard let lastBreak = buffer.lastIndex(of: 0x0A) else { return try readWhole() }
        var probe = Array(buffer[bom..<(file.atEnd ? buffer.count : lastBreak + 1)])
        // Not checked here: invalid UTF-8 is reported by the part that holds it, with its
        // offset and line, as reading the whole file reports it.
        if options.replaceInvalid { probe = Array(String(decoding: probe, as: UTF8.self).utf8) }
        TextDecoding.normalizeLineEnds(&probe)
        let probeLines = LineTable(probe)
        let probeParser = LabeledTranscriptParser(file: path, lines: probeLines, keepNotes: options.keepNotes)
        // Only labels that start a line can cut a file into parts; other layouts are read whole.
        guard case .labeled(let style, let speakers) = Layout.detect(probeLines, file: path, format: options.format, parser: probeParser),
            style == .bold || style == .colon, !speakers.isEmpty
        else { return try readWhole() }
        let speakerNames = Set(speakers.map { Array($0.bytes) })
        func isLabel(_ line: ArraySlice<UInt8>) -> Bool {
            let match = style == .bold ? SpeakerLabel.bold(line) : SpeakerLabel.colon(line)
            return match.map { speakerNames.contains(Array($0.name)) } ?? false
        }

        var parts = PartParser(path: path, options: options, style: style, speakers: speakers)
        let pool = workers > 1 ? PartPool<PartResult>(workers: workers) : nil
        var notices: [Notice] = []
        var unitOffset = 0
        var sawText = false
        var speech = 0
        var skipped: [SkippedRegion] = []
        var nonBlankLines = 0
        var speakersRead = Set<String>()
        func finish(_ parsed: ParsedPart, _ result: PartResult) throws {
            notices += parsed.notices
            speakersRead.formUnion(parsed.speakers)
            skipped += parsed.skipped
            nonBlankLines += parsed.nonBlankLines
            sawText = sawText || parsed.sawText
            speech += parsed.speech
            try collect(result, unitOffset)
            unitOffset += parsed.unitCount
        }

        var consumed = 0  // bytes of the file before `buffer`
        var lineOffset = 0
        var first = true
        do {
            // Later parts need what the parser saw before the first label (banner lines), and
            // nothing else from the parts before them: read that here, and leave every part
            // from the first label on to the workers. Without workers the cut is the same, so
            // that parts are the same for any number of workers.
            var labelStart: Int?
            var lineStart = bom
            while lineStart < buffer.count, let lineEnd = buffer[lineStart...].firstIndex(of: 0x0A) {
                if isLabel(buffer[lineStart..<lineEnd]) {
                    labelStart = lineStart
                    break
                }
                lineStart = lineEnd + 1
            }
            if let labelStart {
                if labelStart > bom {
                    let preamble = Array(buffer[bom..<labelStart])
                    let parsed = try parts.parse(preamble, fileOffset: bom, lineOffset: 0, unitOffset: 0, isFinal: false)
                    if let pool {
                        try pool.submit(work: { (parsed.withoutUnits, process(parsed.batch)) }, finished: finish)
                    } else {
                        try finish(parsed, process(parsed.batch))
                    }
                    lineOffset = TextDecoding.lineEndCount(preamble[...])
                }
                progress?(labelStart)
                consumed = labelStart
                buffer.removeFirst(labelStart)
                first = false
            }
        }
        var limit = partBytes
        var part: [UInt8] = []  // reused when parts are parsed here, so its memory is not mapped afresh
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
            let isFinal = file.atEnd && cut == buffer.count
            let partStart = consumed + (first ? bom : 0)
            let partLines = TextDecoding.lineEndCount(buffer[(first ? bom : 0)..<cut])
            if let pool, !first {
                // The buffer becomes the part, and what follows the cut starts a new buffer
                // (so the part is not copied), with the next part's bytes read straight into
                // it, before this part waits for a worker. Capacity in whole multiples of a
                // part, so that the parts' buffers, freed on the workers, fit each other's space
                // instead of fragmenting the heap as it grows.
                let remainder = buffer.count - cut
                let next = try [UInt8](unsafeUninitializedCapacity: (remainder / partBytes + 2) * partBytes) { space, count in
                    _ = buffer.withUnsafeBufferPointer { space.initialize(fromContentsOf: $0[cut...]) }
                    count = remainder
                    if remainder < partBytes && !file.atEnd {
                        count += try file.read(into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: space[remainder..<partBytes])))
                    }
                }
                buffer.removeSubrange(cut...)
                let raw = buffer
                buffer = next
                let (parser, partLineOffset) = (parts, lineOffset)
                try pool.submit(
                    work: {
                        var parser = parser
                        let parsed = try parser.parse(raw, fileOffset: partStart, lineOffset: partLineOffset, unitOffset: 0, isFinal: isFinal)
                        let result = process(parsed.batch)
                        return (parsed.withoutUnits, result)
                    }, finished: finish)
            } else {
                part.removeAll(keepingCapacity: true)
                part.append(contentsOf: buffer[(first ? bom : 0)..<cut])
                let parsed = try parts.parse(part, fileOffset: partStart, lineOffset: lineOffset, unitOffset: 0, isFinal: isFinal)
                try finish(parsed, process(parsed.batch))
                buffer.removeFirst(cut)
            }
            lineOffset += partLines
            consumed += cut
            progress?(cut)
            first = false
            if file.atEnd && buffer.isEmpty { break }
        }
        try pool?.finish(finish)
        guard sawText else {
            throw GlossGraphError(.noText, at: SourceLocation(file: path))
        }
        let format = Layout.labeled(style, speakers: speakers).format
        try requireSpeech(speech, format: format, file: path)
        var transcript = Transcript(file: path, format: format, units: [], notices: notices, skipped: skipped, nonBlankLineCount: nonBlankLines)
        transcript.notices += relatedSpeakerNotices(speakersRead, file: path)
        if let notice = transcript.skippedTextNotice { transcript.notices.append(notice) }
        return transcript
    }
}

/// One part of a file read into units, with what reading it noticed.
struct ParsedPart: Sendable {
    var batch: UnitBatch
    var notices: [Notice]
    /// Whether the part holds anything but white space.
    var sawText: Bool
    /// Units that are speech (not editor's notes).
    var speech: Int
    let unitCount: Int

    /// The part's skipped regions, line numbers counted in the whole file, and its non-blank lines.
    var skipped: [SkippedRegion]
    var nonBlankLines: Int
    /// The speakers of the part's units.
    var speakers: Set<String> = []

    init(batch: UnitBatch, notices: [Notice], sawText: Bool, speech: Int, skipped: [SkippedRegion], nonBlankLines: Int) {
        self.batch = batch
        self.skipped = skipped
        self.nonBlankLines = nonBlankLines
        self.notices = notices
        self.sawText = sawText
        self.speech = speech
        unitCount = batch.count
    }

    /// The part without its units, once they have been processed: what waits to be
    /// collected in order should not hold a part's text.
    var withoutUnits: ParsedPart {
        var copy = self
        copy.batch = UnitBatch(file: batch.file)
        return copy
    }
}

/// Turns the raw bytes of a part of a labelled transcript into units: checks the UTF-8, unifies
/// line ends and parses. It carries what the parser learns before the first label.
struct PartParser: Sendable {
    let path: String
    let options: ReadingOptions
    let style: LabeledTranscriptParser.LabelStyle
    let speakers: Set<ByteString>
    private var state: LabeledTranscriptParser.State

    init(path: String, options: ReadingOptions, style: LabeledTranscriptParser.LabelStyle, speakers: Set<ByteString>) {
        self.path = path
        self.options = options
        self.style = style
        self.speakers = speakers
        state = LabeledTranscriptParser.State(style: style)
    }

    /// Parses `raw`, which starts `fileOffset` bytes and `lineOffset` lines into the file;
    /// units are numbered from `unitOffset + 1`.
    mutating func parse(_ raw: [UInt8], fileOffset: Int, lineOffset: Int, unitOffset: Int, isFinal: Bool) throws(GlossGraphError) -> ParsedPart {
        var part = raw
        var notices: [Notice] = []
        try TextDecoding.validateUTF8(
            &part, file: path, fileOffset: fileOffset, lineOffset: lineOffset, replaceInvalid: options.replaceInvalid, notices: &notices)
        TextDecoding.normalizeLineEnds(&part)
        let sawText = part.contains { !($0 == 0x20 || $0 == 0x0A || $0 == 0x09) }
        let parser = LabeledTranscriptParser(file: path, lines: LineTable(part), keepNotes: options.keepNotes)
        state.lineOffset = lineOffset
        state.unitOffset = unitOffset
        state.isFinalPart = isFinal
        var batch = parser.parseBatch(style: style, speakers: speakers, state: &state)
        var speech = 0
        for entry in batch.entries where entry.kind != .note { speech += 1 }
        if !options.speakerMap.names.isEmpty { batch.renameSpeakers { options.speakerMap.displayName(for: $0) } }
        let (skipped, nonBlankLines) = (state.skipped, state.nonBlankLines)
        state.skipped = []
        state.nonBlankLines = 0
        if let notice = TranscriptReader.cutNotice(state.cutLines, file: path) { notices.append(notice) }
        state.cutLines = []
        var parsed = ParsedPart(batch: batch, notices: notices, sawText: sawText, speech: speech, skipped: skipped, nonBlankLines: nonBlankLines)
        parsed.speakers =
            options.speakerMap.names.isEmpty ? state.speakersNamed : Set(state.speakersNamed.map { options.speakerMap.displayName(for: $0) })
        state.speakersNamed = []
        return parsed
    }
}

/// Runs parts' work on a few threads and hands the results back in submission order on the
/// submitting thread; at most `workers` parts are in flight, so memory stays bounded.
final class PartPool<Result: Sendable>: @unchecked Sendable {
    private let queue = DispatchQueue(label: "glossgraph.parts", attributes: .concurrent)
    private let slots: DispatchSemaphore
    private let done = NSCondition()
    private var results: [Int: Swift.Result<(ParsedPart, Result), Error>] = [:]
    private var submitted = 0
    private var delivered = 0

    init(workers: Int) {
        slots = DispatchSemaphore(value: workers)
    }

    /// Runs `work` on a worker (waiting for a free one), then delivers every result that is
    /// ready, in order, to `finished`.
    func submit(work: @escaping @Sendable () throws -> (ParsedPart, Result), finished: (ParsedPart, Result) throws -> Void) throws {
        slots.wait()
        let number = submitted
        submitted += 1
        queue.async { [self] in
            let outcome = Swift.Result { try work() }
            done.lock()
            results[number] = outcome
            done.broadcast()
            done.unlock()
            slots.signal()
        }
        try deliver(waitingForAll: false, finished)
    }

    /// Waits for every part and delivers the rest of the results.
    package func finish(_ finished: (ParsedPart, Result) throws -> Void) throws {
        try deliver(waitingForAll: true, finished)
    }

    private func deliver(waitingForAll: Bool, _ finished: (ParsedPart, Result) throws -> Void) throws {
        while delivered < submitted {
            done.lock()
            while waitingForAll && results[delivered] == nil { done.wait() }
            let next = results.removeValue(forKey: delivered)
            done.unlock()
            guard let next else { return }
            delivered += 1
            do {
                let (parsed, result) = try next.get()
                try finished(parsed, result)
            } catch {
                // Let the parts still running end before the error leaves.
                done.lock()
                while results.count < submitted - delivered { done.wait() }
                done.unlock()
                throw error
            }
        }
    }
}
