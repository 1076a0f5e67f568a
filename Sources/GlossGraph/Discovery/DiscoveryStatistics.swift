import Foundation
import GlossGraphCounting
import GlossGraphText

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
/// two to nine CJK characters as [text, count, file index, line], `pruned`, the largest
/// count a full table dropped: 0 when every count is exact, `characters`, each CJK
/// character's count, and `run_starts`, how many runs of CJK characters each opens), `segments` (English lines and
/// the Chinese line after them), `speakers`, `bold`, `text_bytes` (UTF-8 bytes of the units'
/// texts, which size the corpus) and `foreign_names` (foreign names written in Chinese, as
/// `latin` records them).
///
/// Merged in corpus order, the files of the parts give `discover`'s proposals for the whole
/// exactly when no part's n-gram table was pruned (`pruned` 0 in each, and no pruning while
/// merging: under `GramTable.limit` distinct n-grams); otherwise an n-gram's count may be short
/// by the largest `pruned`, the lossy-counting bound.
public enum DiscoveryStatistics {
    public static let format = "glossgraph-discovery"
    /// 2: Latin names are recorded as a glossary lists them (CVEs as CVE), and mixed-script
    /// terms (AI安全) with them; files of version 1 would count a plural apart.
    /// 3: the corpus's size and the foreign names written in Chinese are recorded.
    /// 4: each CJK character's count and the runs of CJK text it opens are recorded (a term of
    /// one character the text uses alone).
    public static let version = 4
    /// The largest statistics file read (the same bound as a counts file's).
    public static let largestFileBytes = 1 << 30

    struct File: Encodable {
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
        var textBytes: Int
        var foreignNames: [Latin]

        enum CodingKeys: String, CodingKey {
            case format, version, glossary, files, sourcePaths = "source_paths", latin, glossUnits = "gloss_units", statedNames = "stated_names", grams, segments, speakers, bold
            case textBytes = "text_bytes", foreignNames = "foreign_names"
        }

        /// Reads the file's object in one pass. An entry listed twice (an n-gram, a Latin
        /// name, a gloss unit's text) is refused as it is read, so that a file repeating one
        /// entry without end does not fill memory.
        ///
        /// - Throws: `JSONPullReader.SyntaxError` naming what is wrong or missing.
        init(reading json: inout JSONPullReader) throws {
            typealias Syntax = JSONPullReader.SyntaxError
            var format: String?, version: Int?, glossary: [String]?, files: [String]?, sourcePaths: [String]?
            var latin: [Latin]?, glossUnits: [GlossUnit]?, statedNames: [String: Int]?, grams: Grams?, segments: [Segment]?
            var speakers: [String]?, bold: [String]?, textBytes: Int?, foreignNames: [Latin]?
            func latinRecords(_ what: String) throws -> [Latin] {
                var records: [Latin] = []
                var seen = Set<String>()
                try json.enterArray(what)
                while try json.hasNextElement() {
                    var k: String?, text: String?, count: Int?, file: Int?, line: Int?, inside: Bool?
                    try json.enterObject("a name of \(what)")
                    while let field = try json.nextKey() {
                        switch field {
                        case "key": k = try json.string(field)
                        case "text": text = try json.string(field)
                        case "count": count = try json.integer(field)
                        case "file": file = try json.integer(field)
                        case "line": line = try json.integer(field)
                        case "inside": inside = try json.bool(field)
                        default: try json.skipValue()
                        }
                    }
                    guard let k, let text, let count, let file, let line, let inside else { throw Syntax(detail: "a name of \(what) lacks a member") }
                    guard seen.insert(k).inserted else { throw Syntax(detail: "name '\(text)' of \(what) is listed twice") }
                    records.append(Latin(key: k, text: text, count: count, file: file, line: line, inside: inside))
                }
                return records
            }
            func strings(_ what: String) throws -> [String] {
                var values: [String] = []
                try json.enterArray(what)
                while try json.hasNextElement() { values.append(try json.string(what)) }
                return values
            }
            func integers(_ what: String) throws -> [Int] {
                var values: [Int] = []
                try json.enterArray(what)
                while try json.hasNextElement() {
                    guard values.count < 16 else { throw Syntax(detail: "\(what) has more numbers than it may") }
                    values.append(try json.integer(what))
                }
                return values
            }
            var keys = Set<String>()
            try json.enterObject("the file")
            while let key = try json.nextKey() {
                guard keys.insert(key).inserted else { throw Syntax(detail: "'\(key)' is given twice") }
                switch key {
                case "format": format = try json.string(key)
                case "version": version = try json.integer(key)
                case "glossary": glossary = try strings(key)
                case "files": files = try strings(key)
                case "source_paths": sourcePaths = try strings(key)
                case "speakers": speakers = try strings(key)
                case "bold": bold = try strings(key)
                case "stated_names":
                    var names: [String: Int] = [:]
                    try json.enterObject(key)
                    while let name = try json.nextKey() {
                        guard names[name] == nil else { throw Syntax(detail: "stated name '\(name)' is listed twice") }
                        names[name] = try json.integer("stated name '\(name)'")
                    }
                    statedNames = names
                case "latin": latin = try latinRecords(key)
                case "foreign_names": foreignNames = try latinRecords(key)
                case "text_bytes": textBytes = try json.integer(key)
                case "gloss_units":
                    var records: [GlossUnit] = []
                    var seen = Set<String>()
                    try json.enterArray(key)
                    while try json.hasNextElement() {
                        var copies: Int?, file: String?, index: Int?, kind: String?, speaker: String?, text: String?, lines: [Int]?
                        var segments: [[Int]]?
                        try json.enterObject("a gloss unit")
                        while let field = try json.nextKey() {
                            switch field {
                            case "copies": copies = try json.integer(field)
                            case "file": file = try json.string(field)
                            case "index": index = try json.integer(field)
                            case "kind": kind = try json.string(field)
                            case "speaker": speaker = try json.optionalString(field)
                            case "text": text = try json.string(field)
                            case "lines": lines = try integers(field)
                            case "segments":
                                var list: [[Int]] = []
                                try json.enterArray(field)
                                while try json.hasNextElement() { list.append(try integers(field)) }
                                segments = list
                            default: try json.skipValue()
                            }
                        }
                        guard let copies, let file, let index, let kind, let text, let lines, let segments else {
                            throw Syntax(detail: "a gloss unit lacks a member")
                        }
                        guard seen.insert(text).inserted else { throw Syntax(detail: "a gloss unit is listed twice") }
                        records.append(GlossUnit(copies: copies, file: file, index: index, kind: kind, speaker: speaker, text: text, lines: lines, segments: segments))
                    }
                    glossUnits = records
                case "grams":
                    var pruned: Int?
                    var entries: [Grams.Gram]?
                    var characters: [String: Int]?, runStarts: [String: Int]?
                    try json.enterObject(key)
                    while let field = try json.nextKey() {
                        switch field {
                        case "pruned": pruned = try json.integer(field)
                        case "entries":
                            var list: [Grams.Gram] = []
                            var seen = Set<String>()
                            try json.enterArray(field)
                            while try json.hasNextElement() {
                                // A table never grows past twice `GramTable.limit` slots, and its file lists no more.
                                guard list.count < 2 * GramTable.limit else { throw Syntax(detail: "grams lists more than the \(2 * GramTable.limit) n-grams a table holds") }
                                try json.enterArray("an n-gram")
                                guard try json.hasNextElement() else { throw Syntax(detail: "an n-gram is empty") }
                                let text = try json.string("an n-gram")
                                var numbers: [Int] = []
                                while try json.hasNextElement() {
                                    guard numbers.count < 3 else { throw Syntax(detail: "n-gram '\(text)' has more than four values") }
                                    numbers.append(try json.integer("n-gram '\(text)'"))
                                }
                                guard numbers.count == 3 else { throw Syntax(detail: "n-gram '\(text)' does not have four values") }
                                guard seen.insert(text).inserted else { throw Syntax(detail: "n-gram '\(text)' is listed twice") }
                                list.append(Grams.Gram(text: text, count: numbers[0], file: numbers[1], line: numbers[2]))
                            }
                            entries = list
                        case "characters", "run_starts":
                            var counts: [String: Int] = [:]
                            try json.enterObject(field)
                            while let character = try json.nextKey() {
                                guard counts[character] == nil else { throw Syntax(detail: "'\(character)' is listed twice in \(field)") }
                                counts[character] = try json.integer("'\(character)' in \(field)")
                            }
                            if field == "characters" { characters = counts } else { runStarts = counts }
                        default: try json.skipValue()
                        }
                    }
                    guard let pruned, let entries, let characters, let runStarts else {
                        throw Syntax(detail: "grams lacks pruned, entries, characters or run_starts")
                    }
                    grams = Grams(pruned: pruned, entries: entries, characters: characters, runStarts: runStarts)
                case "segments":
                    var records: [Segment] = []
                    try json.enterArray(key)
                    while try json.hasNextElement() {
                        var words: [String]?, chinese: String?, file: Int?, line: Int?
                        try json.enterObject("an aligned line")
                        while let field = try json.nextKey() {
                            switch field {
                            case "words": words = try strings(field)
                            case "chinese": chinese = try json.string(field)
                            case "file": file = try json.integer(field)
                            case "line": line = try json.integer(field)
                            default: try json.skipValue()
                            }
                        }
                        guard let words, let chinese, let file, let line else { throw Syntax(detail: "an aligned line lacks a member") }
                        records.append(Segment(words: words, chinese: chinese, file: file, line: line))
                    }
                    segments = records
                default: try json.skipValue()
                }
            }
            try json.end()
            guard let format, let version, let glossary, let files, let latin, let glossUnits, let statedNames, let grams, let segments, let speakers,
                let bold, let textBytes, let foreignNames
            else {
                let missing = [("format", format == nil), ("version", version == nil), ("glossary", glossary == nil), ("files", files == nil)]
                    .first { $0.1 }?.0 ?? "a member"
                throw Syntax(detail: "\(missing) is missing")
            }
            self.init(
                format: format, version: version, glossary: glossary, files: files, sourcePaths: sourcePaths, latin: latin, glossUnits: glossUnits,
                statedNames: statedNames, grams: grams, segments: segments, speakers: speakers, bold: bold, textBytes: textBytes, foreignNames: foreignNames)
        }

        init(
            format: String, version: Int, glossary: [String], files: [String], sourcePaths: [String]?, latin: [Latin], glossUnits: [GlossUnit],
            statedNames: [String: Int], grams: Grams, segments: [Segment], speakers: [String], bold: [String], textBytes: Int, foreignNames: [Latin]
        ) {
            (self.format, self.version, self.glossary, self.files, self.sourcePaths) = (format, version, glossary, files, sourcePaths)
            (self.latin, self.glossUnits, self.statedNames, self.grams, self.segments) = (latin, glossUnits, statedNames, grams, segments)
            (self.speakers, self.bold, self.textBytes, self.foreignNames) = (speakers, bold, textBytes, foreignNames)
        }
    }

    struct Latin: Encodable {
        var key: String
        var text: String
        var count: Int
        var file: Int
        var line: Int
        var inside: Bool
    }

    struct GlossUnit: Encodable {
        var copies: Int
        var file: String
        var index: Int
        var kind: String
        var speaker: String?
        var text: String
        var lines: [Int]
        var segments: [[Int]]
    }

    struct Grams: Encodable {
        var pruned: Int
        var entries: [Gram]
        var characters: [String: Int]
        var runStarts: [String: Int]

        enum CodingKeys: String, CodingKey {
            case pruned, entries, characters, runStarts = "run_starts"
        }

        /// One n-gram: its text, count, first file index and 1-based line.
        struct Gram: Encodable {
            var text: String
            var count: Int
            var file: Int
            var line: Int

            init(text: String, count: Int, file: Int, line: Int) {
                (self.text, self.count, self.file, self.line) = (text, count, file, line)
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

    struct Segment: Encodable {
        var words: [String]
        var chinese: String
        var file: Int
        var line: Int
    }

    /// The file's bytes for `findings`, made with a glossary of `conceptIDs`.
    public static func encoded(_ findings: DiscoveryFindings, conceptIDs: [String]) -> [UInt8] {
        let grams = findings.grams.entries
            .map { Grams.Gram(text: $0.key.text, count: Int($0.count), file: Int($0.place.file), line: Int($0.place.line)) }
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
            statedNames: findings.statedNameCounts,
            grams: Grams(
                pruned: Int(findings.grams.prunedCount), entries: grams, characters: findings.grams.characters.byCharacter,
                runStarts: findings.grams.runInitials.byCharacter),
            segments: findings.segments.map {
                Segment(words: $0.words, chinese: String(String.UnicodeScalarView($0.chinese)), file: $0.file, line: $0.line)
            },
            speakers: findings.speakers.sorted(), bold: findings.boldSpans.sorted(), textBytes: findings.textBytes,
            foreignNames: findings.transliteratedOrder.map { key in
                let record = findings.transliterated[key]!
                return Latin(key: key, text: record.text, count: record.count, file: record.file, line: record.line, inside: record.insideSentence)
            })
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
        try decode(JSONPullReader(bytes: bytes), path: path)
    }

    /// The statistics file at `path`, read a chunk at a time and inflated on the way when it is
    /// gzip-compressed (as `CountsFile.read(file:)` reads): memory follows what it holds, not
    /// its text, and an n-gram, Latin name or gloss unit repeated is refused at its second copy.
    ///
    /// - Throws: `GlossGraphError` as `decode` does, and for a file that cannot be read, is
    ///   corrupt gzip, or holds more than `largestFileBytes` (inflated).
    public static func read(file path: String) throws(GlossGraphError) -> (findings: DiscoveryFindings, conceptIDs: [String], sourcePaths: [String]?) {
        let chunks = try ChunkedFile(path: path, limit: largestFileBytes, gzip: true)
        return try decode(JSONPullReader { () throws(GlossGraphError) in try chunks.next() }, path: path)
    }

    private static func decode(_ reader: JSONPullReader, path: String) throws(GlossGraphError) -> (findings: DiscoveryFindings, conceptIDs: [String], sourcePaths: [String]?) {
        func malformed(_ detail: String) -> GlossGraphError {
            GlossGraphError(.countsMalformed(detail: detail), at: SourceLocation(file: path))
        }
        var reader = reader
        let file: File
        do {
            file = try File(reading: &reader)
            if let error = reader.sourceError { throw error }
        } catch let error as GlossGraphError {
            throw error
        } catch {
            if let error = reader.sourceError { throw error }
            let detail = (error as? JSONPullReader.SyntaxError)?.detail ?? "not JSON"
            throw malformed("not a discovery statistics file written by glossgraph count: \(detail)")
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
        /// Latin names or foreign names (`what` names them in messages), checked, by key and in order.
        func names(_ records: [Latin], _ what: String) throws(GlossGraphError) -> (byKey: [String: DiscoveryFindings.LatinRecord], order: [String]) {
            var byKey: [String: DiscoveryFindings.LatinRecord] = [:]
            var order: [String] = []
            for record in records {
                try check(record.count, "the count of \(what) '\(record.text)'", atLeast: 1)
                try check(record.line, "the line of \(what) '\(record.text)'", atLeast: 1)
                try checkFile(record.file, "\(what) '\(record.text)'")
                guard byKey[record.key] == nil else { throw malformed("\(what) '\(record.text)' is listed twice") }
                byKey[record.key] = .init(text: record.text, count: record.count, file: record.file, line: record.line, insideSentence: record.inside)
                order.append(record.key)
            }
            return (byKey, order)
        }
        (findings.latin, findings.latinOrder) = try names(file.latin, "Latin name")
        (findings.transliterated, findings.transliteratedOrder) = try names(file.foreignNames, "foreign name")
        try check(file.textBytes, "the text's size")
        findings.textBytes = file.textBytes
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
        var entries: [GramTable.Entry] = []
        entries.reserveCapacity(file.grams.entries.count)
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
            entries.append(GramTable.Entry(key: key, count: UInt32(entry.count), place: .init(file: UInt32(entry.file), line: UInt32(entry.line))))
        }
        guard file.grams.pruned <= Int(UInt32.max) else { throw malformed("the pruned count is out of range") }
        func characterCounts(_ counts: [String: Int], _ what: String) throws(GlossGraphError) -> CharacterCounts {
            var table = CharacterCounts()
            for (character, count) in counts {
                guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1, ScriptClass.isCJK(scalar.value) else {
                    throw malformed("'\(character)' in \(what) is not one CJK character")
                }
                try check(count, "the count of '\(character)' in \(what)", atLeast: 1)
                guard count <= Int(UInt32.max) else { throw malformed("the count of '\(character)' in \(what) is out of range") }
                table.add(scalar.value, count: UInt32(count))
            }
            return table
        }
        findings.grams = GramTable.restoring(
            entries, prunedCount: UInt32(file.grams.pruned), characters: try characterCounts(file.grams.characters, "characters"),
            runStarts: try characterCounts(file.grams.runStarts, "run_starts"))
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
