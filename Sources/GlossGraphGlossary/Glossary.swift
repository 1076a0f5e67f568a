import Foundation
import GlossGraphText

/// The bilingual glossary: concepts with every name they go by, indexed by name.
///
/// Building one validates it: ids are unique and no name (under `NameKey`'s rules) belongs to
/// two concepts. All problems are reported together.
public struct Glossary: Sendable {
    /// The concepts in the order they were read.
    public let concepts: [Concept]
    /// Where each concept was defined, parallel to `concepts` (nil when built in memory).
    public let sources: [SourceLocation?]
    private let indexByID: [String: Int]
    private let indexByKey: [String: (concept: Int, name: ConceptName)]
    /// The `NameKey` of every name, parallel to each concept's `names` (kept for the matcher,
    /// so that the ICU transforms run once).
    package let nameKeys: [[String]]

    /// Builds and validates a glossary. `sources`, when given, is parallel to `concepts` and
    /// is used in error messages.
    public init(concepts: [Concept], sources: [SourceLocation?]? = nil) throws(GlossGraphErrors) {
        let sources = sources ?? Array(repeating: nil, count: concepts.count)
        precondition(sources.count == concepts.count, "one source per concept")
        var errors: [GlossGraphError] = []
        var indexByID: [String: Int] = [:]
        var indexByKey: [String: (concept: Int, name: ConceptName)] = [:]
        func place(_ index: Int) -> String {
            sources[index].map { " (\($0))" } ?? ""
        }
        // All keys at once: one ICU transform instead of one per name.
        let allNames = concepts.map(\.names)
        var keys = NameKey.keys(allNames.flatMap { $0.map(\.text) })[...]
        var nameKeys: [[String]] = []
        for (index, concept) in concepts.enumerated() {
            let names = allNames[index]
            let conceptKeys = keys.prefix(names.count)
            keys = keys.dropFirst(names.count)
            nameKeys.append(Array(conceptKeys))
            if let other = indexByID[concept.id] {
                errors.append(GlossGraphError(.duplicateID(id: concept.id, otherPlace: place(other)), at: sources[index]))
                continue
            }
            indexByID[concept.id] = index
            for (name, key) in zip(names, conceptKeys) {
                guard !key.isEmpty else {
                    errors.append(GlossGraphError(.emptyName(column: name.role.rawValue, conceptID: concept.id), at: sources[index]))
                    continue
                }
                if let existing = indexByKey[key], existing.concept != index {
                    let owner = concepts[existing.concept]
                    errors.append(GlossGraphError(
                        .nameClaimedTwice(
                            name: name.text, role: name.role.rawValue, conceptID: concept.id, otherID: owner.id,
                            otherRole: existing.name.role.rawValue, otherName: existing.name.text, otherPlace: place(existing.concept)),
                        at: sources[index]))
                } else if indexByKey[key] == nil {
                    indexByKey[key] = (index, name)
                }
            }
        }
        let characters = Set(nameKeys.joined().lazy.flatMap(\.unicodeScalars)).count
        if characters > Self.maximumDistinctCharacters {
            errors.append(GlossGraphError(
                .tooManyCharacters(count: characters, limit: Self.maximumDistinctCharacters),
                at: sources.lazy.compactMap { $0 }.first.map { SourceLocation(file: $0.file) }))
        }
        if !errors.isEmpty { throw GlossGraphErrors(errors) }
        self.concepts = concepts
        self.sources = sources
        self.indexByID = indexByID
        self.indexByKey = indexByKey
        self.nameKeys = nameKeys
    }

    /// The most distinct characters (after the name rules) the names may use together: the
    /// matcher reads each as one of 65,535 input classes, one of which marks separators.
    public static let maximumDistinctCharacters = 0xFFFE

    /// An empty glossary.
    public static let empty = try! Glossary(concepts: [])

    /// Reads and merges glossary files. Every problem in every file is reported in one error.
    public static func load(files: [String]) throws(GlossGraphErrors) -> Glossary {
        var concepts: [Concept] = []
        var sources: [SourceLocation?] = []
        var errors: [GlossGraphError] = []
        for file in files {
            do throws(GlossGraphError) {
                let bytes = try FileReading.text(ofFile: file, limit: FileReading.largestGlossaryBytes)
                if let bad = TextDecoding.firstInvalidUTF8Offset(bytes) {
                    throw GlossGraphError(
                        .invalidUTF8InGlossary(byteOffset: bad),
                        at: SourceLocation(file: file, line: TextDecoding.lineNumber(ofByteOffset: bad, in: bytes)))
                }
                let parsed = GlossaryTSV.parse(String(decoding: bytes, as: UTF8.self), file: file)
                errors += parsed.errors
                for row in parsed.rows {
                    concepts.append(row.concept)
                    sources.append(SourceLocation(file: file, line: row.line))
                }
            } catch {
                errors.append(error)
            }
        }
        let glossary: Glossary
        do throws(GlossGraphErrors) {
            glossary = try Glossary(concepts: concepts, sources: sources)
        } catch {
            throw GlossGraphErrors(errors + error.errors)
        }
        if !errors.isEmpty { throw GlossGraphErrors(errors) }
        return glossary
    }

    public func concept(id: String) -> Concept? {
        indexByID[id].map { concepts[$0] }
    }

    /// The concept one of whose names is `name` under the matching rules, with that name.
    public func concept(named name: String) -> (concept: Concept, name: ConceptName)? {
        indexByKey[NameKey.key(name)].map { (concepts[$0.concept], $0.name) }
    }

    /// Every (key, concept index, name) triple, for building matchers and search indexes.
    public var nameIndex: [(key: String, concept: Int, name: ConceptName)] {
        indexByKey.map { ($0.key, $0.value.concept, $0.value.name) }.sorted { $0.key < $1.key }
    }

    /// Number of distinct names under the matching rules.
    public var nameCount: Int { indexByKey.count }
}

/// Finds the bundled glossary from any working folder.
public enum GlossaryLocator {
    /// The environment variable that names a glossary file or folder to use by default.
    public static let environmentVariable = "GLOSSGRAPH_GLOSSARY"

    /// The glossary files used when none is named: `$GLOSSGRAPH_GLOSSARY`; else the
    /// `Glossary/` folder of the source tree the executable was built in (found from the
    /// executable's location, then from where this library was compiled); else
    /// `PREFIX/share/glossgraph/Glossary` next to an installed executable.
    public static func defaultFiles(executablePath: String? = nil) throws(GlossGraphError) -> [String] {
        if let configured = ProcessInfo.processInfo.environment[environmentVariable], !configured.isEmpty {
            return try files(in: configured)
        }
        var candidates: [URL] = []
        if let executable = executablePath.map(URL.init(fileURLWithPath:)) ?? Bundle.main.executableURL {
            var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            candidates.append(folder.deletingLastPathComponent().appendingPathComponent("share/glossgraph/Glossary"))
            for _ in 0..<6 {
                candidates.append(folder.appendingPathComponent("Glossary"))
                folder = folder.deletingLastPathComponent()
            }
        }
        // Sources/GlossGraphGlossary/Glossary.swift → the repository's Glossary/ folder.
        candidates.append(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Glossary"))
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("concepts.tsv").path)
            && isTrusted(candidate.path) && isTrusted(candidate.appendingPathComponent("concepts.tsv").path)
        {
            return try files(in: candidate.standardizedFileURL.path).map(FileReading.displayPath)
        }
        throw GlossGraphError(.glossaryNotFound(environmentVariable: environmentVariable))
    }

    /// Whether a default glossary found by searching may be used: owned by the user or root
    /// and not writable by every user, as git trusts a repository (`safe.directory`). A folder
    /// any local user could make (`/tmp/Glossary` above an executable in `/tmp`) is passed over.
    static func isTrusted(_ path: String) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0 else { return false }
        return (status.st_uid == 0 || status.st_uid == geteuid()) && status.st_mode & 0o002 == 0
    }

    /// A glossary file as given, or the `.tsv` files of a folder in sorted order.
    public static func files(in path: String) throws(GlossGraphError) -> [String] {
        guard FileReading.isDirectory(path) else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let files = names.filter { $0.hasSuffix(".tsv") }.sorted().map { (path as NSString).appendingPathComponent($0) }
        guard !files.isEmpty else {
            throw GlossGraphError(.noGlossaryFiles(folder: path))
        }
        return files
    }
}
