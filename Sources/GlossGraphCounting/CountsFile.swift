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
    public var glossaryFiles: [String]

    public init(counts: CooccurrenceCounts, conceptIDs: [String], unit: String, sourceFiles: [String], glossaryFiles: [String]) {
        self.counts = counts
        self.conceptIDs = conceptIDs
        self.unit = unit
        self.sourceFiles = sourceFiles
        self.glossaryFiles = glossaryFiles
    }

    public func encoded() -> [UInt8] {
        var json = JSONText()
        json.beginObject()
        json.key("format"); json.string(Self.format)
        json.key("version"); json.int(Self.version)
        json.key("unit"); json.string(unit)
        json.key("units"); json.int(counts.unitCount)
        for (key, values) in [("source_files", sourceFiles), ("glossary_files", glossaryFiles), ("glossary", conceptIDs)] {
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
    ///
    /// - Throws: `GlossGraphError` (`.countsNotJSON`, `.countsWrongFormat`, `.countsVersion`,
    ///   `.countsMalformed`)
    ///   located at `file`.
    public static func decode(_ bytes: [UInt8], file: String) throws(GlossGraphError) -> CountsFile {
        let location = SourceLocation(file: file)
        let decoder = JSONDecoder()
        let data = Data(bytes)
        guard let header = try? decoder.decode(Header.self, from: data) else { throw GlossGraphError(.countsNotJSON, at: location) }
        guard header.format == format else { throw GlossGraphError(.countsWrongFormat, at: location) }
        guard let found = header.version, found == .number(version) else {
            throw GlossGraphError(.countsVersion(found: header.version?.text ?? "(none)", expected: version), at: location)
        }
        let document: Document
        do {
            document = try decoder.decode(Document.self, from: data)
        } catch {
            throw GlossGraphError(.countsMalformed(detail: Self.describe(error)), at: location)
        }
        try validate(document, at: location)
        var index: [String: Int] = [:]
        for (position, id) in document.glossary.enumerated() { index[id] = position }
        func position(of id: String) throws(GlossGraphError) -> Int {
            guard let position = index[id] else {
                throw GlossGraphError(.countsMalformed(detail: "concept '\(id)' is not in the file's glossary list"), at: location)
            }
            return position
        }
        var concepts = [CooccurrenceCounts.ConceptCounts](repeating: .init(), count: document.glossary.count)
        for entry in document.concepts {
            let position = try position(of: entry.id)
            concepts[position].units = entry.units
            concepts[position].mentions = entry.mentions
            concepts[position].speakerMentions = entry.speakers
            concepts[position].firstMention = entry.first.map { MentionLocation(file: $0.file, line: $0.numbers.0, column: $0.numbers.1) }
        }
        var pairs: [UInt64: CooccurrenceCounts.PairCounts] = [:]
        for entry in document.pairs {
            let (a, b) = (try position(of: entry.a), try position(of: entry.b))
            let support = entry.support.map { UnitReference(file: $0.file, turn: $0.numbers.0, line: $0.numbers.1) }
            pairs[UInt64(min(a, b)) << 32 | UInt64(max(a, b))] = .init(count: entry.count, support: support)
        }
        return CountsFile(
            counts: CooccurrenceCounts(unitCount: document.units, concepts: concepts, pairs: pairs), conceptIDs: document.glossary,
            unit: document.unit, sourceFiles: document.sourceFiles, glossaryFiles: document.glossaryFiles)
    }

    /// The largest count a file may hold: 2⁴⁰, far above any corpus, so that the counts of
    /// millions of files sum without overflow.
    public static let largestCount = 1 << 40

    /// A counts file is untrusted input: every number is checked, and every relation between
    /// them that counting guarantees (a concept is in at most every unit, mentioned at least
    /// once per unit it is in; a pair is two concepts, counted once, in no more units than
    /// either; support lists, in order, no more units than the pair's count and
    /// `CooccurrenceCounts.supportLimit`).
    private static func validate(_ document: Document, at location: SourceLocation) throws(GlossGraphError) {
        func malformed(_ detail: String) -> GlossGraphError { GlossGraphError(.countsMalformed(detail: detail), at: location) }
        func check(_ value: Int, _ what: @autoclosure () -> String, atLeast minimum: Int = 0) throws(GlossGraphError) {
            guard value >= minimum, value <= largestCount else {
                throw malformed("\(what()) is \(value); it must be \(minimum) to \(largestCount)")
            }
        }
        try check(document.units, "units")
        guard Set(document.glossary).count == document.glossary.count else { throw malformed("the glossary list names a concept twice") }
        var units: [String: Int] = [:]
        for entry in document.concepts {
            guard units[entry.id] == nil else { throw malformed("concept '\(entry.id)' is listed twice") }
            try check(entry.units, "concept '\(entry.id)': units")
            try check(entry.mentions, "concept '\(entry.id)': mentions", atLeast: entry.units)
            guard entry.units <= document.units else { throw malformed("concept '\(entry.id)' is in \(entry.units) units of \(document.units)") }
            for (speaker, count) in entry.speakers { try check(count, "concept '\(entry.id)': mentions by '\(speaker)'") }
            if let first = entry.first { try check(min(first.numbers.0, first.numbers.1), "concept '\(entry.id)': first mention's line or column", atLeast: 1) }
            units[entry.id] = entry.units
        }
        var seen = Set<[String]>()
        for entry in document.pairs {
            let name = "pair '\(entry.a)' – '\(entry.b)'"
            guard entry.a != entry.b else { throw malformed("\(name) pairs a concept with itself") }
            guard seen.insert([entry.a, entry.b].sorted()).inserted else { throw malformed("\(name) is listed twice") }
            try check(entry.count, "\(name): count", atLeast: 1)
            let bound = min(units[entry.a] ?? 0, units[entry.b] ?? 0)
            guard entry.count <= bound else { throw malformed("\(name) is counted in \(entry.count) units, more than its concepts are in (\(bound))") }
            guard entry.support.count <= min(entry.count, CooccurrenceCounts.supportLimit) else {
                throw malformed("\(name) lists \(entry.support.count) supporting units; at most its count and \(CooccurrenceCounts.supportLimit) are kept")
            }
            for (earlier, later) in zip(entry.support, entry.support.dropFirst())
            where !((earlier.file, earlier.numbers.0, earlier.numbers.1) < (later.file, later.numbers.0, later.numbers.1)) {
                throw malformed("\(name): its supporting units are not in order (file, turn, line), or one is listed twice")
            }
            for place in entry.support { try check(min(place.numbers.0, place.numbers.1), "\(name): a supporting unit's turn or line", atLeast: 1) }
        }
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not valid JSON" }
        let (path, what): ([any CodingKey], String) =
            switch error {
            case .keyNotFound(let key, let context): (context.codingPath + [key], "is missing")
            case .typeMismatch(_, let context), .valueNotFound(_, let context): (context.codingPath, context.debugDescription)
            case .dataCorrupted(let context): (context.codingPath, context.debugDescription)
            @unknown default: ([], "is malformed")
            }
        let name = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return name.isEmpty ? what : "\(name.hasPrefix(".") ? String(name.dropFirst()) : name) \(what)"
    }

    /// The fields read before anything else, so that another JSON file is named as such.
    private struct Header: Decodable {
        enum Version: Decodable, Equatable {
            case number(Int)
            case other(String)

            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let number = try? container.decode(Int.self) {
                    self = .number(number)
                } else if let text = try? container.decode(String.self) {
                    self = .other("'\(text)' (a string)")
                } else {
                    self = .other("(not a number)")
                }
            }

            var text: String {
                switch self {
                case .number(let number): String(number)
                case .other(let text): text
                }
            }
        }

        let format: String?
        let version: Version?
    }

    private struct Document: Decodable {
        struct Concept: Decodable {
            let id: String
            let units: Int
            let mentions: Int
            let speakers: [String: Int]
            let first: Place?
        }

        /// A place as the file writes it: `[file, line, column]` for a first mention,
        /// `[file, turn, line]` for a supporting unit.
        struct Place: Decodable {
            let file: String
            let numbers: (Int, Int)

            init(from decoder: any Decoder) throws {
                var items = try decoder.unkeyedContainer()
                file = try items.decode(String.self)
                numbers = (try items.decode(Int.self), try items.decode(Int.self))
            }
        }

        struct Pair: Decodable {
            let a: String
            let b: String
            let count: Int
            let support: [Place]
        }

        enum CodingKeys: String, CodingKey {
            case unit, units, glossary, concepts, pairs
            case sourceFiles = "source_files"
            case glossaryFiles = "glossary_files"
        }

        let unit: String
        let units: Int
        let glossary: [String]
        let sourceFiles: [String]
        let glossaryFiles: [String]
        let concepts: [Concept]
        let pairs: [Pair]
    }
}
