import Foundation

/// The jobs of `discover` and `consistency`, which read whole transcripts.
public enum AnalysisJobs {
    /// Proposes glossary entries from the inputs (the bundled example when there are none):
    /// stated glosses, Latin names and recurring Chinese terms, known concepts left out when a
    /// glossary is given. Editor's notes are read too, since they often gloss terms. Files (or
    /// parts of a large file) are read `jobs` at a time; the proposals are the same for any
    /// number.
    ///
    /// - Throws: `GlossGraphError` for unreadable inputs or a glossary that cannot be loaded.
    public static func discover(
        _ inputs: [String], reading: ReadingOptions, glossary: GlossarySource?, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        notices: ([Notice]) -> Void
    ) throws -> [DiscoveryCandidate] {
        var skipped: [Notice] = []
        let files = try TranscriptReader.expandInputs(try BundledFiles.inputsOrExample(inputs, notices: &skipped), skipped: &skipped)
        notices(skipped)
        return try proposals(files: files, reading: reading, glossary: try glossary?.load().glossary, jobs: jobs, notices: notices)
    }

    /// `discover` on files already expanded, with a glossary already loaded. Files are read in
    /// parts (`Discoverer.partBytes`), each part's findings made on a worker and merged in
    /// corpus order, so memory follows what is found, not the corpus.
    static func proposals(
        files: [String], reading: ReadingOptions, glossary: Glossary?, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        notices: ([Notice]) -> Void
    ) throws -> [DiscoveryCandidate] {
        let (discoverer, reading) = discoverer(glossary: glossary, reading: reading, notices: notices)
        return discoverer.proposals(from: try findings(files: files, discoverer: discoverer, reading: reading, jobs: jobs, notices: notices), jobs: jobs)
    }

    /// What `discover` writes for `count --discover`: the findings of `files` (expanded), made
    /// with `glossary` (the one the counts are made with), as a statistics file's bytes.
    ///
    /// - Throws: `GlossGraphError` for files that cannot be read.
    public static func discoveryStatistics(
        files: [String], reading: ReadingOptions, glossary: Glossary, jobs: Int, notices: ([Notice]) -> Void
    ) throws -> [UInt8] {
        let (discoverer, reading) = discoverer(glossary: glossary, reading: reading, notices: notices)
        let found = try findings(files: files, discoverer: discoverer, reading: reading, jobs: jobs, notices: notices)
        return DiscoveryStatistics.encoded(found, conceptIDs: glossary.concepts.map(\.id))
    }

    /// `discover`'s proposals from statistics files that `count --discover` wrote for the parts
    /// of a corpus, merged in the order given: the proposals for the whole (see
    /// `DiscoveryStatistics` for when they are exact). The glossary must be the one the
    /// parts were counted with.
    ///
    /// - Throws: `GlossGraphError` for a file that is not a statistics file, or was made with
    ///   another glossary; `GlossGraphErrors` for a bad glossary.
    public static func proposals(fromStatistics paths: [String], glossary source: GlossarySource, notices: ([Notice]) -> Void) throws -> [DiscoveryCandidate] {
        let loaded = try source.load()
        let ids = loaded.glossary.concepts.map(\.id)
        var all = DiscoveryFindings()
        var read = Set<String>()
        for path in paths {
            let (part, conceptIDs, sourcePaths) = try DiscoveryStatistics.read(file: path)
            guard conceptIDs == ids else { throw GlossGraphError(.countsGlossaryMismatch(glossaryFiles: loaded.files), at: SourceLocation(file: path)) }
            // A transcript in two parts' statistics would count twice, as merge refuses for
            // counts; a file is known as merge knows it (its real path, its inode here).
            for (index, file) in part.files.enumerated() {
                let keys = FileReading.sourceKeys(ofRecordedPath: sourcePaths?[index] ?? FileReading.realPath(file))
                guard keys.allSatisfy({ !read.contains($0) }) else { throw GlossGraphError(.countsDuplicateSource(source: file), at: SourceLocation(file: path)) }
                read.formUnion(keys)
            }
            all.merge(part)
        }
        let (discoverer, _) = discoverer(glossary: loaded.glossary, reading: ReadingOptions(), notices: notices)
        return discoverer.proposals(from: all)
    }

    /// The discoverer `discover` uses, with the general word lists found on this machine (a
    /// notice for each one missing), and the reading it needs: editor's notes kept.
    private static func discoverer(glossary: Glossary?, reading: ReadingOptions, notices: ([Notice]) -> Void) -> (Discoverer, ReadingOptions) {
        var withNotes = reading
        withNotes.keepNotes = true
        let general = GeneralWords.load()
        if general == nil {
            notices([Notice(
                "no general Chinese word list found (jieba's dict.txt: Debian and Ubuntu's python3-jieba, or \(GeneralWords.environmentVariable)); everyday words are judged by a short built-in list, so more of them are proposed")])
        }
        let english = EnglishWords.load()
        if english == nil {
            notices([Notice(
                "no general English word list found (wordfreq's small_en.msgpack.gz: pip install wordfreq, or \(EnglishWords.environmentVariable)); lower-case English words are not proposed")])
        }
        return (Discoverer(glossary: glossary, generalWords: general, englishWords: english), withNotes)
    }

    /// The findings of `files`, in corpus order, read `jobs` files (or parts of a large file) at
    /// a time. Jobs go to files first; jobs left over read the parts of each file. Files are
    /// taken `jobs` at a time, so that no more than that many files' findings wait to be merged.
    static func findings(
        files: [String], discoverer: Discoverer, reading: ReadingOptions, jobs: Int, notices: ([Notice]) -> Void
    ) throws -> DiscoveryFindings {
        defer { GramTable.releaseSpareStorage() }
        var all = DiscoveryFindings()
        let workersPerFile = max(1, jobs / max(1, min(jobs, files.count)))
        for start in stride(from: 0, to: files.count, by: max(1, jobs)) {
            let group = Array(files[start..<min(files.count, start + max(1, jobs))])
            let found = try Parallel.map(group, jobs: jobs) { file in
                try findings(ofFile: file, discoverer: discoverer, reading: reading, workers: workersPerFile)
            }
            for (findings, fileNotices) in found {
                notices(fileNotices)
                all.merge(findings)
            }
        }
        return all
    }

    /// The findings of one file, read in parts by up to `workers` at once, with what reading
    /// noticed. An article's introduction, its headings and the editor's notes before the first
    /// turn gloss terms too, though they are no one's speech: they are read after the turns,
    /// as paragraphs of their own. Standard input is read whole.
    static func findings(
        ofFile file: String, discoverer: Discoverer, reading: ReadingOptions, workers: Int
    ) throws -> (DiscoveryFindings, [Notice]) {
        var findings = DiscoveryFindings()
        guard file != InputFile.standardInput else {
            let bytes = try FileReading.text(ofFile: file)
            let transcript = try TranscriptReader.read(bytes: bytes, file: file, options: reading)
            findings.merge(discoverer.findings(in: transcript.units))
            let (lines, bold, heads) = try scanLines(bytes[...], wanting: wantedLines(of: transcript), encoding: reading.encoding, file: file)
            findings.merge(discoverer.findings(in: skippedText(of: transcript, lines: lines)))
            findings.boldSpans.formUnion(bold)
            findings.boldGlossHeads.formUnion(heads)
            return (findings, transcript.notices)
        }
        let transcript = try TranscriptReader.readBatches(
            contentsOf: file, options: reading, partBytes: Discoverer.partBytes, workers: workers > 1 ? workers + 1 : 1,
            process: { batch in discoverer.findings(in: batch.units(numberedFrom: 0)) },
            collect: { part, _ in findings.merge(part) })
        let (lines, bold, heads) = try scanLines(ofFile: file, wanting: wantedLines(of: transcript), encoding: reading.encoding)
        findings.merge(discoverer.findings(in: skippedText(of: transcript, lines: lines)))
        findings.boldSpans.formUnion(bold)
        findings.boldGlossHeads.formUnion(heads)
        return (findings, transcript.notices)
    }

    /// The skipped regions whose text discovery reads: introductions, headings, notes, show notes.
    static let readSkipReasons: Set<SkipReason> = [.preamble, .heading, .note, .backMatter]

    private static func wantedLines(of transcript: Transcript) -> Set<Int> {
        Set(transcript.skipped.filter { readSkipReasons.contains($0.reason) }.flatMap { Array($0.lines) })
    }

    /// The lines numbered in `wanted` (1-based), without their line ends, and the phrases set
    /// in bold or quotes on any line, reading the file a block at a time. UTF-16 files, and
    /// files in a named `encoding`, are read whole and decoded.
    ///
    /// - Throws: `GlossGraphError` for an unreadable file, or bytes not valid in `encoding`.
    static func scanLines(
        ofFile file: String, wanting wanted: Set<Int>, encoding: String? = nil
    ) throws -> (lines: [Int: [UInt8]], bold: Set<String>, glossHeads: Set<String>) {
        if encoding != nil { return try scanLines(try FileReading.text(ofFile: file)[...], wanting: wanted, encoding: encoding, file: file) }
        let input = try InputFile(path: file)
        var buffer: [UInt8] = []
        try input.read(1 << 20, appendingTo: &buffer)
        if buffer.starts(with: [0xFF, 0xFE]) || buffer.starts(with: [0xFE, 0xFF]) {
            return try scanLines(try FileReading.text(ofFile: file)[...], wanting: wanted)
        }
        var lines: [Int: [UInt8]] = [:]
        var bold = Set<String>()
        var heads = Set<String>()
        var number = 0
        var start = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while true {
            while let end = buffer[start...].firstIndex(of: 0x0A) {
                number += 1
                scan(buffer[start..<end], number: number, wanted: wanted, lines: &lines, bold: &bold, glossHeads: &heads)
                start = end + 1
            }
            if input.atEnd { break }
            buffer.removeFirst(start)
            start = 0
            try input.read(1 << 20, appendingTo: &buffer)
        }
        if start < buffer.count { scan(buffer[start...], number: number + 1, wanted: wanted, lines: &lines, bold: &bold, glossHeads: &heads) }
        return (lines, bold, heads)
    }

    /// `scanLines(ofFile:wanting:encoding:)` over bytes in memory (UTF-8, UTF-16 with its
    /// byte-order mark, or in `encoding`), read from `file`.
    static func scanLines(
        _ bytes: ArraySlice<UInt8>, wanting wanted: Set<Int>, encoding: String? = nil, file: String = ""
    ) throws -> (lines: [Int: [UInt8]], bold: Set<String>, glossHeads: Set<String>) {
        let text = try encoding.map { name throws(GlossGraphError) in try TextDecoding.decode(Array(bytes), file: file, encoding: name) }
            ?? (try? TextDecoding.decode(Array(bytes), file: "", replaceInvalid: true).bytes) ?? Array(bytes)
        var lines: [Int: [UInt8]] = [:]
        var bold = Set<String>()
        var heads = Set<String>()
        for (index, line) in text.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            scan(line, number: index + 1, wanted: wanted, lines: &lines, bold: &bold, glossHeads: &heads)
        }
        return (lines, bold, heads)
    }

    private static func scan(
        _ line: ArraySlice<UInt8>, number: Int, wanted: Set<Int>, lines: inout [Int: [UInt8]], bold: inout Set<String>, glossHeads: inout Set<String>
    ) {
        let line = line.last == 0x0D ? line.dropLast() : line
        if wanted.contains(number) { lines[number] = Array(line) }
        BoldSpans.find(inLine: line, into: &bold, glossHeads: &glossHeads)
    }

    /// The lines of `transcript`'s skipped regions that discovery reads, each region a
    /// paragraph unit (numbered after the transcript's units) whose text is its lines, without
    /// Markdown markup and blockquote marks, joined by line breaks. `lines` holds the lines'
    /// raw bytes by number.
    static func skippedText(of transcript: Transcript, lines: [Int: [UInt8]]) -> [TranscriptUnit] {
        var units: [TranscriptUnit] = []
        for region in transcript.skipped where readSkipReasons.contains(region.reason) {
            var joined: [UInt8] = []
            var segments: [SourceSegment] = []
            for number in region.lines {
                guard let raw = lines[number] else { continue }
                var clean: [UInt8] = []
                var line = raw[...]
                if MarkdownLine.isBlockquote(line) { line = MarkdownLine.blockquoteContent(line) }
                MarkdownLine.appendCleanText(of: line, to: &clean)
                guard !clean.isEmpty else { continue }
                if !joined.isEmpty { joined.append(0x0A) }
                segments.append(SourceSegment(textOffset: joined.count, line: number, column: 1))
                joined += clean
            }
            guard !joined.isEmpty else { continue }
            units.append(TranscriptUnit(
                file: transcript.file, index: transcript.units.count + units.count + 1, kind: .paragraph, speaker: nil,
                text: String(decoding: joined, as: UTF8.self), lineStart: region.lines.lowerBound, lineEnd: region.lines.upperBound,
                segments: segments))
        }
        return units
    }

    /// What `consistency` found: the findings, the files checked, and, when asked for, the
    /// fixes as a unified diff (empty when there is nothing to fix).
    public struct ConsistencyResult: Sendable {
        public var findings: [ConsistencyFinding]
        public var files: [String]
        public var suggestions: [UInt8]?
        /// How many of the glossary's concepts the inputs name: with none, no finding says
        /// nothing of the inputs' terminology.
        public var conceptsFound: Int
    }

    /// Checks the inputs' terminology against the glossary; with `suggest`, also makes the
    /// diff that replaces deprecated and non-preferred names (the inputs are never changed).
    ///
    /// - Throws: `GlossGraphError` for unreadable inputs, or a glossary error.
    public static func consistency(
        _ inputs: [String], reading: ReadingOptions, glossary source: GlossarySource, suggest: Bool, englishVariants: Bool = false,
        script: LabelScript? = nil, notices: ([Notice]) -> Void
    ) throws -> ConsistencyResult {
        let glossary = try source.load().glossary
        var transcripts: [Transcript] = []
        var texts: [[UInt8]] = []
        var skipped: [Notice] = []
        let inputFiles = try TranscriptReader.expandInputs(inputs, skipped: &skipped)
        notices(skipped)
        for file in inputFiles {
            let bytes = try FileReading.text(ofFile: file)
            let transcript = try TranscriptReader.read(bytes: bytes, file: file, options: reading)
            notices(transcript.notices)
            transcripts.append(transcript)
            texts.append(bytes)
        }
        let checker = ConsistencyChecker(glossary: glossary, checksEnglishVariants: englishVariants, script: script)
        var files: [String: ConsistencySuggestions.SourceLines] = [:]
        for (transcript, bytes) in zip(transcripts, texts) { files[transcript.file] = .init(bytes) }
        let checked = checker.check(transcripts)
        var result = ConsistencyResult(
            findings: ConsistencySuggestions.keepingUnreachable(checked.findings, files: files), files: transcripts.map(\.file),
            conceptsFound: checked.conceptsFound)
        if suggest {
            var diff = ""
            for transcript in transcripts {
                // The diff holds the file's own bytes: its line ends (CRLF too) and its
                // byte-order mark, which the reader's positions leave out.
                let source = files[transcript.file]!
                guard let lines = source.lines else {
                    notices([Notice("no changes are suggested for a UTF-16 file; save it as UTF-8 for a diff", at: SourceLocation(file: transcript.file))])
                    continue
                }
                let edits = ConsistencySuggestions.edits(result.findings, file: transcript.file, lines: lines)
                diff += ConsistencySuggestions.unifiedDiff(
                    file: transcript.file, lines: lines, edits: edits, endsWithNewline: source.endsWithNewline,
                    firstLinePrefix: source.byteOrderMark ? "\u{FEFF}" : "")
            }
            result.suggestions = Array(diff.utf8)
        }
        return result
    }
}

/// The jobs of `glossary check`, `export` and `import`.
public enum GlossaryJobs {
    /// The formats a glossary is written in.
    public enum ExportFormat: String, Sendable, CaseIterable {
        case tbx, csv, md
    }

    /// The termbase formats read.
    public enum ImportFormat: String, Sendable, CaseIterable {
        case tbx, csv
    }

    /// Loads and validates the glossary; returns it with its files.
    ///
    /// - Throws: `GlossGraphErrors` listing every problem, or a `GlossGraphError`.
    public static func check(_ source: GlossarySource) throws -> GlossarySource.Loaded {
        let files = try source.files()
        return GlossarySource.Loaded(glossary: try Glossary.load(files: files), files: files)
    }

    /// The glossary written as TBX (ISO 30042 TBX-Basic), CSV or a Markdown table.
    public static func export(_ source: GlossarySource, as format: ExportFormat) throws -> [UInt8] {
        let concepts = try source.load().glossary.concepts
        return switch format {
        case .tbx: try GlossaryTBX.format(concepts)
        case .csv: GlossaryCSV.format(concepts)
        case .md: GlossaryMarkdown.format(concepts)
        }
    }

    /// A TBX or CSV termbase read and validated like the glossary itself, as glossary rows
    /// (TSV); `format` defaults to the file's extension (`.csv`, else TBX).
    ///
    /// - Throws: `GlossGraphErrors` for bad entries, `GlossGraphError` for unreadable files.
    public static func importTermbase(
        _ file: String, format: ImportFormat?, encoding: String? = nil, notices: ([Notice]) -> Void = { _ in }
    ) throws -> [UInt8] {
        let bytes = try FileReading.text(ofFile: file, limit: FileReading.largestGlossaryBytes, rejectingNUL: encoding == nil)
        var found: [Notice] = []
        // What was left out is said even when a bad entry stops the import.
        defer { notices(found) }
        let rows: [(concept: Concept, line: Int)]
        switch format ?? (file.lowercased().hasSuffix(".csv") ? .csv : .tbx) {
        case .tbx:
            rows = try GlossaryTBX.parse(bytes, file: file, encoding: encoding, notices: &found)
        case .csv:
            // Not UTF-8 is an error naming the byte and line, unless the encoding is given.
            let text = try encoding.map { name throws(GlossGraphError) in try TextDecoding.decode(bytes, file: file, encoding: name) }
                ?? TextDecoding.decode(bytes, file: file).bytes
            rows = try GlossaryCSV.parse(utf8: text, file: file)
        }
        // Validated as `glossary check` would validate the rows written, before anything is.
        let glossary = try Glossary(concepts: rows.map(\.concept), sources: rows.map { SourceLocation(file: file, line: $0.line) })
        let output = "# Imported by GlossGraph from \(file)\n" + GlossaryTSV.format(glossary.concepts)
        let check = GlossaryTSV.parse(output, file: file)
        if !check.errors.isEmpty { throw GlossGraphErrors(check.errors) }
        return Array(output.utf8)
    }

    /// Each term looked up in the glossary (by any name, pinyin or a unique beginning).
    public static func lookup(_ terms: [String], in source: GlossarySource) throws -> [GlossaryLookup.Result] {
        let lookup = GlossaryLookup(glossary: try source.load().glossary)
        // Read only when a query begins a name: most look-ups match one.
        var chinese: ChineseLexicon??
        var english: EnglishWords??
        func isGeneralWord(_ query: String) -> Bool {
            if query.containsCJK {
                if chinese == nil { chinese = .some(GeneralWords.load()?.lexicon) }
                return chinese!?.word(query) != nil
            }
            if english == nil { english = .some(EnglishWords.load()) }
            guard let words = english! else { return false }
            return query.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).allSatisfy { words.zipf(of: String($0)) >= generalWordZipf }
        }
        return terms.map { lookup.lookup($0, isGeneralWord: isGeneralWord) }
    }

    /// The Zipf frequency (wordfreq's scale: 3 is once per million words) from which each word
    /// of a Latin query makes it a word of general English (wire, tap, bending; not scal or xianfa).
    static let generalWordZipf = 3.0
}
