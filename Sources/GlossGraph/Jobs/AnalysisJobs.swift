import Foundation

/// The jobs of `discover` and `consistency`, which read whole transcripts.
public enum AnalysisJobs {
    /// Proposes glossary entries from the inputs (the bundled example when there are none):
    /// stated glosses, Latin names and recurring Chinese terms, known concepts left out when a
    /// glossary is given. Editor's notes are read too, since they often gloss terms.
    ///
    /// - Throws: `GlossGraphError` for unreadable inputs or a glossary that cannot be loaded.
    public static func discover(
        _ inputs: [String], reading: ReadingOptions, glossary: GlossarySource?, notices: ([Notice]) -> Void
    ) throws -> [DiscoveryCandidate] {
        let files = try TranscriptReader.expandInputs(inputs.isEmpty ? [try BundledFiles.example()] : inputs)
        return try proposals(files: files, reading: reading, glossary: try glossary?.load().glossary, notices: notices)
    }

    /// `discover` on files already expanded, with a glossary already loaded.
    static func proposals(files: [String], reading: ReadingOptions, glossary: Glossary?, notices: ([Notice]) -> Void) throws -> [DiscoveryCandidate] {
        var reading = reading
        reading.keepNotes = true
        var transcripts: [Transcript] = []
        var bold = Set<String>()
        for file in files {
            let bytes = try FileReading.bytes(ofFile: file)
            var transcript = try TranscriptReader.read(bytes: bytes, file: file, options: reading)
            notices(transcript.notices)
            // An article's introduction, its headings and the editor's notes before the first
            // turn gloss terms too, though they are no one's speech: they are read as
            // paragraphs of their own.
            transcript.units += skippedText(of: transcript, bytes: bytes, reasons: [.preamble, .heading, .note])
            transcripts.append(transcript)
            bold.formUnion(BoldSpans.find(in: String(decoding: bytes, as: UTF8.self)))
        }
        let general = GeneralWords.load()
        if general == nil {
            notices([Notice(
                "no general Chinese word list found (jieba's dict.txt: Debian and Ubuntu's python3-jieba, or \(GeneralWords.environmentVariable)); everyday words are judged by a short built-in list, so more of them are proposed")])
        }
        return Discoverer(glossary: glossary, generalWords: general).discover(transcripts, boldSpans: bold)
    }

    /// The lines of `transcript`'s skipped regions with one of `reasons`, each region a
    /// paragraph unit (numbered after the transcript's units) whose text is its lines, without
    /// Markdown markup and blockquote marks, joined by line breaks.
    static func skippedText(of transcript: Transcript, bytes: [UInt8], reasons: Set<SkipReason>) -> [TranscriptUnit] {
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var units: [TranscriptUnit] = []
        for region in transcript.skipped where reasons.contains(region.reason) && region.lines.upperBound <= lines.count {
            var joined: [UInt8] = []
            var segments: [SourceSegment] = []
            for number in region.lines {
                var clean: [UInt8] = []
                var line = Array(lines[number - 1].utf8)[...]
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
    }

    /// Checks the inputs' terminology against the glossary; with `suggest`, also makes the
    /// diff that replaces deprecated and non-preferred names (the inputs are never changed).
    ///
    /// - Throws: `GlossGraphError` for unreadable inputs, or a glossary error.
    public static func consistency(
        _ inputs: [String], reading: ReadingOptions, glossary source: GlossarySource, suggest: Bool, notices: ([Notice]) -> Void
    ) throws -> ConsistencyResult {
        let glossary = try source.load().glossary
        var transcripts: [Transcript] = []
        var texts: [String] = []
        for file in try TranscriptReader.expandInputs(inputs) {
            let bytes = try FileReading.bytes(ofFile: file)
            let transcript = try TranscriptReader.read(bytes: bytes, file: file, options: reading)
            notices(transcript.notices)
            transcripts.append(transcript)
            texts.append(String(decoding: bytes, as: UTF8.self))
        }
        let checker = ConsistencyChecker(glossary: glossary)
        var result = ConsistencyResult(findings: checker.findings(transcripts), files: transcripts.map(\.file))
        if suggest {
            let usages = checker.usages(transcripts)
            var diff = ""
            for (transcript, text) in zip(transcripts, texts) {
                var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let endsWithNewline = text.hasSuffix("\n")
                if endsWithNewline { lines.removeLast() }
                let edits = ConsistencySuggestions.edits(usages, file: transcript.file, lines: lines)
                diff += ConsistencySuggestions.unifiedDiff(file: transcript.file, lines: lines, edits: edits, endsWithNewline: endsWithNewline)
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
    public static func importTermbase(_ file: String, format: ImportFormat?) throws -> [UInt8] {
        let bytes = try FileReading.bytes(ofFile: file)
        let rows: [(concept: Concept, line: Int)] =
            switch format ?? (file.lowercased().hasSuffix(".csv") ? .csv : .tbx) {
            case .tbx: try GlossaryTBX.parse(bytes, file: file)
            case .csv: try GlossaryCSV.parse(String(decoding: bytes, as: UTF8.self), file: file)
            }
        let glossary = try Glossary(concepts: rows.map(\.concept), sources: rows.map { SourceLocation(file: file, line: $0.line) })
        return Array(("# Imported by GlossGraph from \(file)\n" + GlossaryTSV.format(glossary.concepts)).utf8)
    }

    /// Each term looked up in the glossary (by any name, pinyin or a unique beginning).
    public static func lookup(_ terms: [String], in source: GlossarySource) throws -> [GlossaryLookup.Result] {
        let lookup = GlossaryLookup(glossary: try source.load().glossary)
        return terms.map { lookup.lookup($0) }
    }
}
