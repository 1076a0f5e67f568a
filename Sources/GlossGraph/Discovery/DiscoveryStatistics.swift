import Foundation

/// `DiscoveryFindings` as a file: what `glossgraph count --discover FILE` writes beside the
/// counts of a part of a corpus, and `glossgraph discover --from-counts` merges in the order
/// given, as `discover` merges the parts of a corpus it reads itself.
///
/// JSON: `format` ("glossgraph-discovery"), `version` (1), `glossary` (the concept ids of the
/// glossary the findings were made with, in order: Latin names it knows are not counted),
/// `files`, and the findings: `latin` (a name's key, text, count, first file index and
/// 1-based line, whether it was seen inside a sentence), `gloss_units` (each distinct unit
/// that states a gloss, with its copies: file, 1-based index, kind, speaker, text, first and
/// last 1-based line, and its text's source segments as [UTF-8 offset, line, column]),
/// `stated_names` (a stated gloss's first name's key → occurrences), `grams` (every n-gram of
/// two to nine CJK characters as [text, count, file index, line], and `pruned`, the largest
/// count a full table dropped: 0 when every count is exact), `segments` (English lines and
/// the Chinese line after them), `speakers` and `bold`.
///
/// Merged in corpus order, the files of the parts give `discover`'s proposals for the whole
/// exactly when no part's n-gram table was pruned (`pruned` 0 in each, and no pruning while
/// merging: under `GramTable.limit` distinct n-grams); otherwise an n-gram's count may be short
/// by the largest `pruned`, the lossy-counting bound.
public enum DiscoveryStatistics {
    public static let format = "glossgraph-discovery"
    public static let version = 1
    /// The largest statistics file read (the same bound as a counts file's).
    public static let largestFileBytes = 1 << 30

    struct File: Codable {
        var format: String
        var version: Int
        var glossary: [String]
        var files: [String]
        /// Each file's real path where `count` ran (`FileReading.realPath`); absent in files
        /// written before it was added.
        var sourcePaths: [String]?
        var latin: [Latin]
        var glossUnits: [GlossUnit]
        var statedNames: [String: Int]
        var grams: Grams
        var segments: [Segment]
        var speakers: [String]
        var bold: [String]

        enum CodingKeys: String, CodingKey {
            case format, version, glossary, files, sourcePaths = "source_paths", latin, glossUnits = "gloss_units", statedNames = "stated_names", grams, segments, speakers, bold
        }
    }

    struct Latin: Codable {
        var key: String
        var text: String
        var count: Int
        var file: Int
        var line: Int
        var inside: Bool
    }

    struct GlossUnit: Codable {
        var copies: Int
        var file: String
        var index: Int
        var kind: String
        var speaker: String?
        var text: String
        var lines: [Int]
        var segments: [[Int]]
    }

    struct Grams: Codable {
        var pruned: Int
        var entries: [Gram]

        /// One n-gram: its text, count, first file index and 1-based line.
        struct Gram: Codable {
            var text: String
            var count: Int
            var file: Int
            var line: Int

            init(text: String, count: Int, file: Int, line: Int) {
                (self.text, self.count, self.file, self.line) = (text, count, file, line)
            }

            init(from decoder: Decoder) throws {
                var values = try decoder.unkeyedContainer()
                text = try values.decode(String.self)
                count = try values.decode(Int.self)
                file = try values.decode(Int.self)
                line = try values.decode(Int.self)
                guard values.isAtEnd else { throw DecodingError.dataCorruptedError(in: values, debugDescription: "an n-gram has four values") }
            }

            func encode(to encoder: Encoder) throws {
                var values = encoder.unkeyedContainer()
                try values.encode(text)
                try values.encode(count)
                try values.encode(file)
                try values.encode(line)
            }
        }
    }

    struct Segment: Codable {
        var words: [String]
        var chinese: String
        var file: Int
        var line: Int
    }

    /// The file's bytes for `findings`, made with a glossary of `conceptIDs`.
    public static func encoded(_ findings: DiscoveryFindings, conceptIDs: [String]) -> [UInt8] {
        let grams = findings.grams.slots.filter { $0.count > 0 }
            .map { Grams.Gram(text: $0.key.text, count: Int($0.count), file: Int($0.file), line: Int($0.line)) }
            .sorted { ($0.file, $0.line, $0.text) < ($1.file, $1.line, $1.text) }
        let file = File(
            format: format, version: version, glossary: conceptIDs, files: findings.files, sourcePaths: findings.files.map(FileReading.realPath),
            latin: findings.latinOrder.map { key in
                let record = findings.latin[key]!
                return Latin(key: key, text: record.text, count: record.count, file: record.file, line: record.line, inside: record.insideSentence)
            },
            glossUnits: findings.glossUnitOrder.map { key in
                let record = findings.glossUnits[key]!
                let unit = record.unit
                return GlossUnit(
                    copies: record.copies, file: unit.file, index: unit.index, kind: unit.kind.rawValue, speaker: unit.speaker, text: unit.text,
                    lines: [unit.lineStart, unit.lineEnd], segments: unit.segments.map { [$0.textOffset, $0.line, $0.column] })
            },
            statedNames: findings.statedNameCounts, grams: Grams(pruned: Int(findings.grams.prunedCount), entries: grams),
            segments: findings.segments.map {
                Segment(words: $0.words, chinese: String(String.UnicodeScalarView($0.chinese)), file: $0.file, line: $0.line)
            },
            speakers: findings.speakers.sorted(), bold: findings.boldSpans.sorted())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(file)) ?? Data()) + [0x0A]
    }

    /// Reads a statistics file (untrusted input): every number in range, every index to a
    /// file it lists, every n-gram two to nine characters and listed once, every segment
    /// inside its unit's text.
    ///
    /// - Throws: `GlossGraphError` `.countsMalformed` naming what is wrong, at
    ///   `path`.
    public static func decode(_ bytes: [UInt8], path: String) throws(GlossGraphError) -> (findings: DiscoveryFindings, conceptIDs: [String], sourcePaths: [String]?) {
        func malformed(_ detail: String) -> GlossGraphError {
            GlossGraphError(.countsMalformed(detail: detail), at: SourceLocation(file: path))
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(bytes))
        } catch {
            throw malformed("not a discovery statistics file written by glossgraph count: not JSON, cut short, or a member missing or of the wrong type")
        }
        guard file.format == format else { throw malformed("its format is '\(file.format)', not '\(format)'") }
        guard file.version == version else { throw malformed("version \(file.version) is not the version this build reads (\(version))") }
        let largest = 1 << 40
        func check(_ value: Int, _ what: String, atLeast least: Int = 0) throws(GlossGraphError) {
            guard value >= least && value <= largest else { throw malformed("\(what) \(value) is out of range") }
        }
        func checkFile(_ index: Int, _ what: String) throws(GlossGraphError) {
            guard file.files.indices.contains(index) else { throw malformed("\(what) names file \(index) of \(file.files.count)") }
        }
        var findings = DiscoveryFindings()
        for name in file.files { _ = findings.index(ofFile: name) }
        guard findings.files.count == file.files.count else { throw malformed("a file is listed twice") }
        if let paths = file.sourcePaths {
            guard paths.count == file.files.count else { throw malformed("source_paths has \(paths.count) entries for \(file.files.count) files") }
            if let path = paths.first(where: { !FileReading.isRealPath($0) }) {
                throw malformed("source_paths holds '\(path)', which is not a real path as count records one (absolute, without '.', '..' or '//')")
            }
        }
        for record in file.latin {
            try check(record.count, "the count of Latin name '\(record.text)'", atLeast: 1)
            try check(record.line, "the line of Latin name '\(record.text)'", atLeast: 1)
            try checkFile(record.file, "Latin name '\(record.text)'")
            guard findings.latin[record.key] == nil else { throw malformed("Latin name '\(record.text)' is listed twice") }
            findings.latin[record.key] = .init(text: record.text, count: record.count, file: record.file, line: record.line, insideSentence: record.inside)
            findings.latinOrder.append(record.key)
        }
        for record in file.glossUnits {
            try check(record.copies, "the copies of a gloss unit", atLeast: 1)
            try check(record.index, "a gloss unit's index", atLeast: 1)
            guard let kind = UnitKind(rawValue: record.kind) else { throw malformed("a gloss unit's kind '\(record.kind)' is unknown") }
            guard record.lines.count == 2, record.lines[0] >= 1, record.lines[1] >= record.lines[0], record.lines[1] <= largest else {
                throw malformed("a gloss unit's lines \(record.lines) are not a first and last line")
            }
            let utf8 = Array(record.text.utf8)
            var segments: [SourceSegment] = []
            for segment in record.segments {
                guard segment.count == 3, (0...utf8.count).contains(segment[0]), (1...largest).contains(segment[1]), (1...largest).contains(segment[2]),
                    segments.last.map({ $0.textOffset <= segment[0] }) ?? true
                else { throw malformed("a gloss unit's segment \(segment) is not an offset in its text, a line and a column, in order") }
                segments.append(SourceSegment(textOffset: segment[0], line: segment[1], column: segment[2]))
            }
            let unit = TranscriptUnit(
                file: record.file, index: record.index, kind: kind, speaker: record.speaker, utf8: utf8, lineStart: record.lines[0],
                lineEnd: record.lines[1], segments: segments)
            guard findings.glossUnits[utf8] == nil else { throw malformed("a gloss unit is listed twice") }
            findings.keep(unit, copies: record.copies)
        }
        for (name, count) in file.statedNames { try check(count, "the occurrences of stated name '\(name)'") }
        findings.statedNameCounts = file.statedNames
        try check(file.grams.pruned, "the pruned count")
        var seen = Set<Gram>()
        var slots: [GramTable.Slot] = []
        slots.reserveCapacity(file.grams.entries.count)
        for entry in file.grams.entries {
            let scalars = entry.text.unicodeScalars.map(\.value)
            guard (2...Gram.longest).contains(scalars.count) else { throw malformed("n-gram '\(entry.text)' is not two to \(Gram.longest) characters") }
            try check(entry.count, "the count of n-gram '\(entry.text)'", atLeast: 1)
            guard entry.count <= Int(UInt32.max) else { throw malformed("the count of n-gram '\(entry.text)' is out of range") }
            try checkFile(entry.file, "n-gram '\(entry.text)'")
            try check(entry.line, "the line of n-gram '\(entry.text)'", atLeast: 1)
            guard entry.line <= Int(UInt32.max) else { throw malformed("the line of n-gram '\(entry.text)' is out of range") }
            let key = Gram(scalars)
            guard seen.insert(key).inserted else { throw malformed("n-gram '\(entry.text)' is listed twice") }
            slots.append(GramTable.Slot(key: key, count: UInt32(entry.count), file: UInt32(entry.file), line: UInt32(entry.line)))
        }
        guard file.grams.pruned <= Int(UInt32.max) else { throw malformed("the pruned count is out of range") }
        findings.grams = GramTable.restoring(slots, prunedCount: UInt32(file.grams.pruned))
        for segment in file.segments {
            try checkFile(segment.file, "an aligned line")
            try check(segment.line, "the line of an aligned line", atLeast: 1)
            findings.segments.append(AlignedPairs.Segment(words: segment.words, chinese: Array(segment.chinese.unicodeScalars), file: segment.file, line: segment.line))
        }
        findings.speakers = Set(file.speakers)
        findings.boldSpans = Set(file.bold)
        return (findings, file.glossary, file.sourcePaths)
    }
}
