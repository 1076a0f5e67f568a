import Foundation
import GlossGraphExtraction
import GlossGraphText

/// Partial co-occurrence counts of a part of a corpus, as written by `glossgraph count` and
/// merged by `glossgraph merge`: JSON, keyed by concept id, with the glossary's ids to check
/// that all parts were counted with the same glossary.
public struct CountsFile: Sendable {
    public static let format = "glossgraph-counts"
    public static let version = 1

    public var counts: CooccurrenceCounts
    /// Concept ids in glossary order.
    public var conceptIDs: [String]
    public var unit: String
    public var sourceFiles: [String]
    /// Each source's real path where `count` ran (no `.`, `..` or link in it; `-` for
    /// standard input), so that `merge` knows a file counted twice under two names. Files
    /// written before this field have none.
    public var sourcePaths: [String]?
    /// Each source's identity where `count` ran (`FileReading.identity`: device and inode; ""
    /// where there is none), so that a file counted under a name removed since (one of two
    /// hard links, a file given as standard input), or touched since, is still known.
    public var sourceIdentities: [String]?
    public var glossaryFiles: [String]

    public init(
        counts: CooccurrenceCounts, conceptIDs: [String], unit: String, sourceFiles: [String], sourcePaths: [String]? = nil,
        sourceIdentities: [String]? = nil, glossaryFiles: [String]
    ) {
        self.counts = counts
        self.conceptIDs = conceptIDs
        self.unit = unit
        self.sourceFiles = sourceFiles
        self.sourcePaths = sourcePaths
        self.sourceIdentities = sourceIdentities
        self.glossaryFiles = glossaryFiles
    }

    public func encoded() -> [UInt8] {
        var json = JSONText()
        json.beginObject()
        json.key("format"); json.string(Self.format)
        json.key("version"); json.int(Self.version)
        json.key("unit"); json.string(unit)
        json.key("units"); json.int(counts.unitCount)
        for (key, values) in [("source_files", sourceFiles), ("source_paths", sourcePaths), ("source_identities", sourceIdentities), ("glossary_files", glossaryFiles), ("glossary", conceptIDs)] {
            guard let values else { continue }
            json.key(key)
            json.beginArray()
            for value in values { json.string(value) }
            json.endArray()
        }
        json.key("concepts")
        json.beginArray()
        for (index, concept) in counts.concepts.enumerated() where concept.units > 0 || !concept.speakerMentions.isEmpty {
            json.newline()
            json.beginObject()
            json.key("id"); json.string(conceptIDs[index])
            json.key("units"); json.int(concept.units)
            json.key("mentions"); json.int(concept.mentions)
            json.key("speakers")
            json.beginObject()
            for (speaker, mentions) in concept.speakerMentions.sorted(by: { $0.key < $1.key }) {
                json.key(speaker); json.int(mentions)
            }
            json.endObject()
            if let first = concept.firstMention {
                json.key("first")
                json.beginArray(); json.string(first.file); json.int(first.line); json.int(first.column); json.endArray()
            }
            json.endObject()
        }
        json.endArray()
        json.key("pairs")
        json.beginArray()
        for (key, pair) in counts.pairs.sorted(by: { $0.key < $1.key }) {
            json.newline()
            json.beginObject()
            json.key("a"); json.string(conceptIDs[Int(key >> 32)])
            json.key("b"); json.string(conceptIDs[Int(key & 0xFFFF_FFFF)])
            json.key("count"); json.int(pair.count)
            json.key("support")
            json.beginArray()
            for reference in pair.support {
                json.beginArray(); json.string(reference.file); json.int(reference.turn); json.int(reference.line); json.endArray()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.newline()
        return json.bytes
    }

    /// Reads a counts file (untrusted input); every problem is an error naming the file.
    /// The JSON is read in one pass into the counts themselves (no document tree), so memory
    /// is the file's bytes and the counts they hold; keys may come in any order.
    ///
    /// - Throws: `GlossGraphError` (`.countsNotJSON`, `.countsWrongFormat`, `.countsVersion`,
    ///   `.countsMalformed`)
    ///   located at `file`.
    public static func decode(_ bytes: [UInt8], file: String) throws(GlossGraphError) -> CountsFile {
        try decode(JSONPullReader(bytes: bytes), file: file)
    }

    /// The counts file at `path`, read a chunk at a time and inflated on the way when it is
    /// gzip-compressed: memory follows the counts it holds, not its text (a MiB of gzip that
    /// inflates to a GiB of white space is never held).
    ///
    /// - Throws: `GlossGraphError` as `decode` does, and for a file that cannot be read, is
    ///   corrupt gzip, or holds more than `largestFileBytes` (inflated).
    public static func read(file path: String) throws(GlossGraphError) -> CountsFile {
        let chunks = try ChunkedFile(path: path, limit: largestFileBytes, gzip: true)
        return try decode(JSONPullReader { () throws(GlossGraphError) in try chunks.next() }, file: path)
    }

    static func decode(_ reader: JSONPullReader, file: String) throws(GlossGraphError) -> CountsFile {
        let location = SourceLocation(file: file)
        var parsed = Parsed()
        do {
            try parsed.read(reader)
            if let error = parsed.sourceError { throw error }
        } catch let error as GlossGraphError {
            throw error
        } catch let failure as CountsSyntax {
            // A file that could not be read to its end is reported as such, not as cut JSON.
            if let error = parsed.sourceError { throw error }
            // Not a JSON object, or another program's JSON, is named as such; a broken counts
            // file says where.
            guard parsed.isObject else { throw GlossGraphError(.countsNotJSON, at: location) }
            guard parsed.format == nil || parsed.format == format else { throw GlossGraphError(.countsWrongFormat, at: location) }
            throw GlossGraphError(.countsMalformed(detail: failure.detail), at: location)
        } catch {
            throw GlossGraphError(.countsNotJSON, at: location)
        }
        guard parsed.format == format else { throw GlossGraphError(.countsWrongFormat, at: location) }
        guard let found = parsed.version, found == String(version) else {
            throw GlossGraphError(.countsVersion(found: parsed.version ?? "(none)", expected: version), at: location)
        }
        func malformed(_ detail: String) -> GlossGraphError { GlossGraphError(.countsMalformed(detail: detail), at: location) }
        for (key, value) in [("unit", parsed.unit as Any?), ("units", parsed.units), ("glossary", parsed.glossary), ("source_files", parsed.sourceFiles),
            ("glossary_files", parsed.glossaryFiles), ("concepts", parsed.concepts), ("pairs", parsed.pairs)] where value == nil {
            throw malformed("\(key) is missing")
        }
        let glossary = parsed.glossary!
        try validate(parsed, at: location)
        var index: [String: Int] = [:]
        for (position, id) in glossary.enumerated() { index[id] = position }
        func position(of local: Int32) throws(GlossGraphError) -> Int {
            let id = parsed.ids[Int(local)]
            guard let position = index[id] else { throw malformed("concept '\(id)' is not in the file's glossary list") }
            return position
        }
        var concepts = [CooccurrenceCounts.ConceptCounts](repeating: .init(), count: glossary.count)
        for entry in parsed.concepts! {
            let position = try position(of: entry.id)
            concepts[position] = entry.counts
        }
        var pairs: [UInt64: CooccurrenceCounts.PairCounts] = [:]
        pairs.reserveCapacity(parsed.pairs!.count)
        for entry in parsed.pairs! {
            let (a, b) = (try position(of: entry.a), try position(of: entry.b))
            pairs[UInt64(min(a, b)) << 32 | UInt64(max(a, b))] = .init(count: entry.count, support: entry.support)
        }
        return CountsFile(
            counts: CooccurrenceCounts(unitCount: parsed.units!, concepts: concepts, pairs: pairs), conceptIDs: glossary,
            unit: parsed.unit!, sourceFiles: parsed.sourceFiles!, sourcePaths: parsed.sourcePaths,
            sourceIdentities: parsed.sourceIdentities, glossaryFiles: parsed.glossaryFiles!)
    }

    /// Whether `text` names a unit as `CountingSettings.unitDescription` does: `turn`,
    /// `sentence`, `paragraph`, or a window of 2 turns or more (`3 turns`).
    static func isUnitDescription(_ text: String) -> Bool {
        if CooccurrenceUnit(rawValue: text) != nil { return true }
        guard text.hasSuffix(" turns") else { return false }
        let number = text.dropLast(" turns".count)
        return number.first != "0" && number.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && (Int(number) ?? 0) >= 2
    }

    /// The largest count a file may hold: 2⁴⁰, far above any corpus, so that the counts of
    /// millions of files sum without overflow.
    public static let largestCount = 1 << 40

    /// The largest counts file read, in bytes (inflated, when it is gzip-compressed): a
    /// counts file grows with the glossary and the pairs found, not with the corpus (the
    /// shared interview gives 0.2 MB, the 100 MB benchmark corpus 6.9 MB).
    public static let largestFileBytes = 1 << 30

    /// A counts file is untrusted input: every number is checked, and every relation between
    /// them that counting guarantees (a concept is in at most every unit, mentioned at least
    /// once per unit it is in, by its speakers no more often than in all; a pair is two
    /// concepts, counted once, in no more units than either; support lists, in order, no more units than the pair's count and
    /// `CooccurrenceCounts.supportLimit`).
    private static func validate(_ parsed: Parsed, at location: SourceLocation) throws(GlossGraphError) {
        func malformed(_ detail: String) -> GlossGraphError { GlossGraphError(.countsMalformed(detail: detail), at: location) }
        func check(_ value: Int, _ what: @autoclosure () -> String, atLeast minimum: Int = 0) throws(GlossGraphError) {
            guard value >= minimum, value <= largestCount else {
                throw malformed("\(what()) is \(value); it must be \(minimum) to \(largestCount)")
            }
        }
        let unitCount = parsed.units!
        try check(unitCount, "units")
        guard Set(parsed.glossary!).count == parsed.glossary!.count else { throw malformed("the glossary list names a concept twice") }
        guard isUnitDescription(parsed.unit!) else {
            throw malformed("unit is '\(parsed.unit!)'; it must be turn, sentence, paragraph or a window such as '3 turns'")
        }
        let sources = Set(parsed.sourceFiles!)
        if let identities = parsed.sourceIdentities {
            guard identities.count == parsed.sourceFiles!.count else {
                throw malformed("source_identities has \(identities.count) entries for \(parsed.sourceFiles!.count) source files")
            }
            if let identity = identities.first(where: { !$0.isEmpty && !FileReading.isIdentity($0) }) {
                throw malformed("source_identities holds '\(identity)', which is not a file's identity as count records one")
            }
        }
        if let paths = parsed.sourcePaths {
            guard paths.count == parsed.sourceFiles!.count else {
                throw malformed("source_paths has \(paths.count) entries for \(parsed.sourceFiles!.count) source files")
            }
            // A path with `.`, `..` or `//` in it would let one file pass as two to merge.
            if let path = paths.first(where: { !FileReading.isRealPath($0) }) {
                throw malformed("source_paths holds '\(path)', which is not a real path as count records one (absolute, without '.', '..' or '//')")
            }
        }
        var units = [Int?](repeating: nil, count: parsed.ids.count)
        for entry in parsed.concepts! {
            let id = parsed.ids[Int(entry.id)]
            guard units[Int(entry.id)] == nil else { throw malformed("concept '\(id)' is listed twice") }
            try check(entry.counts.units, "concept '\(id)': units")
            try check(entry.counts.mentions, "concept '\(id)': mentions", atLeast: entry.counts.units)
            guard entry.counts.units <= unitCount else { throw malformed("concept '\(id)' is in \(entry.counts.units) units of \(unitCount)") }
            // Mentions by speakers are some of its mentions (a unit may have no speaker).
            var bySpeakers = 0
            for (speaker, count) in entry.counts.speakerMentions.sorted(by: { $0.key < $1.key }) {
                try check(count, "concept '\(id)': mentions by '\(speaker)'")
                bySpeakers += count
                guard bySpeakers <= entry.counts.mentions else {
                    throw malformed("concept '\(id)' is mentioned \(entry.counts.mentions) times, fewer than its speakers' mentions")
                }
            }
            if let first = entry.counts.firstMention {
                try check(min(first.line, first.column), "concept '\(id)': first mention's line or column", atLeast: 1)
                guard sources.contains(first.file) else { throw malformed("concept '\(id)' is first mentioned in '\(first.file)', which the file does not count") }
            }
            units[Int(entry.id)] = entry.counts.units
        }
        var seen = Set<UInt64>()
        for entry in parsed.pairs! {
            let name = "pair '\(parsed.ids[Int(entry.a)])' – '\(parsed.ids[Int(entry.b)])'"
            guard entry.a != entry.b else { throw malformed("\(name) pairs a concept with itself") }
            guard seen.insert(UInt64(UInt32(min(entry.a, entry.b))) << 32 | UInt64(UInt32(max(entry.a, entry.b)))).inserted else {
                throw malformed("\(name) is listed twice")
            }
            try check(entry.count, "\(name): count", atLeast: 1)
            let bound = min(units[Int(entry.a)] ?? 0, units[Int(entry.b)] ?? 0)
            guard entry.count <= bound else { throw malformed("\(name) is counted in \(entry.count) units, more than its concepts are in (\(bound))") }
            guard entry.support.count <= min(entry.count, CooccurrenceCounts.supportLimit) else {
                throw malformed("\(name) lists \(entry.support.count) supporting units; at most its count and \(CooccurrenceCounts.supportLimit) are kept")
            }
            for (earlier, later) in zip(entry.support, entry.support.dropFirst()) where !(earlier < later) {
                throw malformed("\(name): its supporting units are not in order (file, turn, line), or one is listed twice")
            }
            for place in entry.support { try check(min(place.turn, place.line), "\(name): a supporting unit's turn or line", atLeast: 1) }
        }
    }

    /// A counts file that is not the JSON it should be, with where.
    typealias CountsSyntax = JSONPullReader.SyntaxError

    /// What one pass over a counts file's JSON found. Concept ids are numbered as first seen
    /// (`ids`), so that concepts and pairs may come before the glossary list; file names are
    /// shared between the references that name them.
    struct Parsed {
        var format: String?
        var version: String?
        var unit: String?
        var units: Int?
        var glossary: [String]?
        var sourceFiles: [String]?
        var sourcePaths: [String]?
        var sourceIdentities: [String]?
        var glossaryFiles: [String]?
        var concepts: [(id: Int32, counts: CooccurrenceCounts.ConceptCounts)]?
        var pairs: [(a: Int32, b: Int32, count: Int, support: [UnitReference])]?
        var ids: [String] = []
        private var idNumbers: [String: Int32] = [:]
        private var glossaryIDs: Set<String> = []
        private var fileNames: [String: String] = [:]
        private var json = JSONPullReader(bytes: [])

        /// The file starts as a JSON object.
        private(set) var isObject = false

        /// What the reader's source threw, which ended the text early.
        var sourceError: GlossGraphError? { json.sourceError }

        mutating func read(_ reader: JSONPullReader) throws {
            json = reader
            try json.enterObject("the file")
            isObject = true
            var keys = Set<String>()
            while let key = try json.nextKey() {
                guard keys.insert(key).inserted else { throw CountsSyntax(detail: "'\(key)' is given twice") }
                switch key {
                case "format": format = try json.string(key)
                case "version": version = try json.scalarText(key)
                case "unit": unit = try json.string(key)
                case "units": units = try json.integer(key)
                case "glossary":
                    let list = try strings(key)
                    guard list.count <= Self.mostIDs else { throw CountsSyntax(detail: "the file names more than \(Self.mostIDs) concepts") }
                    glossary = list
                    glossaryIDs = Set(list)
                case "source_files": sourceFiles = try strings(key)
                case "source_paths": sourcePaths = try strings(key)
                case "source_identities": sourceIdentities = try strings(key)
                case "glossary_files": glossaryFiles = try strings(key)
                case "concepts": concepts = try readConcepts()
                case "pairs": pairs = try readPairs()
                default: try json.skipValue()
                }
            }
            try json.end()
        }

        private mutating func strings(_ what: String) throws -> [String] {
            var values: [String] = []
            try json.enterArray(what)
            while try json.hasNextElement() {
                guard values.count < Self.mostIDs else { throw CountsSyntax(detail: "\(what) lists more than \(Self.mostIDs) entries") }
                values.append(try json.string("\(what)[\(values.count)]"))
            }
            return values
        }

        /// The most concept ids a file may name, and speakers a concept may have: far above any
        /// glossary or transcript, and ids without end (a compressed file of a MiB can name
        /// millions) must not fill memory.
        static let mostIDs = 1 << 18

        private mutating func id(_ text: String) throws -> Int32 {
            if let number = idNumbers[text] { return number }
            // Files that count writes list the glossary first: an id outside it is refused at once.
            if glossary != nil, !glossaryIDs.contains(text) {
                throw CountsSyntax(detail: "concept '\(text)' is not in the file's glossary list")
            }
            guard ids.count < Self.mostIDs else { throw CountsSyntax(detail: "the file names more than \(Self.mostIDs) concepts") }
            let number = Int32(ids.count)
            ids.append(text)
            idNumbers[text] = number
            return number
        }

        private mutating func fileName(_ text: String) -> String {
            if let shared = fileNames[text] { return shared }
            fileNames[text] = text
            return text
        }

        /// `[file, n, m]`, as the file writes a first mention or a supporting unit.
        private mutating func place(_ what: String) throws -> (file: String, numbers: (Int, Int)) {
            try json.enterArray(what)
            guard try json.hasNextElement() else { throw CountsSyntax(detail: "\(what) is empty") }
            let file = fileName(try json.string(what))
            guard try json.hasNextElement() else { throw CountsSyntax(detail: "\(what) lacks its numbers") }
            let first = try json.integer(what)
            guard try json.hasNextElement() else { throw CountsSyntax(detail: "\(what) lacks its second number") }
            let second = try json.integer(what)
            guard try !json.hasNextElement() else { throw CountsSyntax(detail: "\(what) has more than a file and two numbers") }
            return (file, (first, second))
        }

        private mutating func readConcepts() throws -> [(id: Int32, counts: CooccurrenceCounts.ConceptCounts)] {
            var entries: [(id: Int32, counts: CooccurrenceCounts.ConceptCounts)] = []
            var listed = Set<Int32>()
            try json.enterArray("concepts")
            while try json.hasNextElement() {
                let what = "concepts[\(entries.count)]"
                var identifier: Int32?
                var counts = CooccurrenceCounts.ConceptCounts()
                var seen = Set<String>()
                try json.enterObject(what)
                while let key = try json.nextKey() {
                    guard seen.insert(key).inserted else { throw CountsSyntax(detail: "\(what).\(key) is given twice") }
                    switch key {
                    case "id": identifier = try id(try json.string("\(what).id"))
                    case "units": counts.units = try json.integer("\(what).units")
                    case "mentions": counts.mentions = try json.integer("\(what).mentions")
                    case "speakers":
                        try json.enterObject("\(what).speakers")
                        while let speaker = try json.nextKey() {
                            guard counts.speakerMentions.count < Self.mostIDs else { throw CountsSyntax(detail: "\(what).speakers names more than \(Self.mostIDs)") }
                            guard counts.speakerMentions[speaker] == nil else { throw CountsSyntax(detail: "\(what).speakers names '\(speaker)' twice") }
                            counts.speakerMentions[speaker] = try json.integer("\(what).speakers.\(speaker)")
                        }
                    case "first":
                        let first = try place("\(what).first")
                        counts.firstMention = MentionLocation(file: first.file, line: first.numbers.0, column: first.numbers.1)
                    default: try json.skipValue()
                    }
                }
                for key in ["id", "units", "mentions", "speakers"] where !seen.contains(key) { throw CountsSyntax(detail: "\(what).\(key) is missing") }
                // Refused as read: a file repeating one entry without end must not fill memory.
                guard listed.insert(identifier!).inserted else { throw CountsSyntax(detail: "concept '\(ids[Int(identifier!)])' is listed twice") }
                entries.append((identifier!, counts))
            }
            return entries
        }

        private mutating func readPairs() throws -> [(a: Int32, b: Int32, count: Int, support: [UnitReference])] {
            var entries: [(a: Int32, b: Int32, count: Int, support: [UnitReference])] = []
            var listed = Set<UInt64>()
            try json.enterArray("pairs")
            while try json.hasNextElement() {
                let what = "pairs[\(entries.count)]"
                var a: Int32?, b: Int32?, count: Int?
                var support: [UnitReference]?
                var seen = Set<String>()
                try json.enterObject(what)
                while let key = try json.nextKey() {
                    guard seen.insert(key).inserted else { throw CountsSyntax(detail: "\(what).\(key) is given twice") }
                    switch key {
                    case "a": a = try id(try json.string("\(what).a"))
                    case "b": b = try id(try json.string("\(what).b"))
                    case "count": count = try json.integer("\(what).count")
                    case "support":
                        var references: [UnitReference] = []
                        try json.enterArray("\(what).support")
                        while try json.hasNextElement() {
                            // More than the most kept is refused when checked; none past it is read.
                            guard references.count <= CooccurrenceCounts.supportLimit else {
                                throw CountsSyntax(detail: "\(what).support lists more than the \(CooccurrenceCounts.supportLimit) supporting units kept per pair")
                            }
                            let place = try place("\(what).support[\(references.count)]")
                            references.append(UnitReference(file: place.file, turn: place.numbers.0, line: place.numbers.1))
                        }
                        support = references
                    default: try json.skipValue()
                    }
                }
                guard let a, let b, let count, let support else {
                    let missing = [("a", a == nil), ("b", b == nil), ("count", count == nil), ("support", support == nil)].first { $0.1 }!.0
                    throw CountsSyntax(detail: "\(what).\(missing) is missing")
                }
                guard listed.insert(UInt64(UInt32(min(a, b))) << 32 | UInt64(UInt32(max(a, b)))).inserted else {
                    throw CountsSyntax(detail: "pair '\(ids[Int(a)])' – '\(ids[Int(b)])' is listed twice")
                }
                entries.append((a, b, count, support))
            }
            return entries
        }
    }
}
