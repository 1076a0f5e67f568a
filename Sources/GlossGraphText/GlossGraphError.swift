/// The exit status a failure maps to, following BSD `sysexits.h` as the README documents.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    case success = 0
    /// A lookup found nothing.
    case notFound = 1
    /// A check found problems in the text (`consistency`), as `diff` and `grep` use status 1.
    public static let findings = notFound
    /// The command line was wrong.
    case usage = 64
    /// An input file was read but its content is not acceptable.
    case dataError = 65
    /// An input file or folder does not exist or cannot be opened.
    case noInput = 66
    /// An output file or folder cannot be created.
    case cannotCreate = 73
    /// Reading or writing failed part-way.
    case ioError = 74
}

/// A problem tied to a place in an input file, printed as `path:line: message`.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// 1-based line number, or nil when the problem concerns the whole file.
    public var line: Int?
    /// 1-based column in Unicode scalars, when known.
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `name` with its control characters as Swift escapes (`\n`, `\u{1B}`), as messages
    /// show file names: a line break would start a line that looks like another message.
    public static func shown(_ name: String) -> String {
        guard name.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else { return name }
        var text = ""
        for scalar in name.unicodeScalars {
            switch scalar.value {
            case 0x0A: text += "\\n"
            case 0x0D: text += "\\r"
            case 0x09: text += "\\t"
            case 0..<0x20, 0x7F...0x9F: text += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// `file:line:column`; control characters in the file's name (a line break would start a
    /// line that looks like another message) are written as Swift escapes (`\n`, `\u{1B}`).
    public var description: String {
        var text = Self.shown(file)
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        return text
    }
}

/// What went wrong, as data: each case carries the values its message names. The library
/// never names a command-line option; a front end adds its own hints (`GlossGraphError.problem`
/// tells it which).
public enum Problem: Sendable, Hashable {
    // Files and folders.
    /// `reason` is the system's (`strerror`), or "no such file".
    case cannotOpen(path: String, reason: String)
    case notAFile(path: String)
    case cannotListFolder(path: String)
    case noTranscriptsInFolder(path: String)
    case readFailed(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    case cannotCreateFile(folder: String, reason: String)
    case cannotReplace(path: String, reason: String)
    case outputIsNotAFolder(path: String)
    case cannotCreateFolder(path: String, reason: String)
    case folderNotWritable(path: String)
    /// A file GlossGraph keeps in an output folder (its lock, its list of files) cannot be
    /// used: a symbolic link, not a regular file, or not openable (`reason`).
    case folderFileUnusable(path: String, reason: String)
    /// An output file exists that GlossGraph did not write.
    case foreignOutputFile(path: String)
    case xmlWriterFailed(what: String, detail: String)

    // Text.
    case emptyFile
    case noText
    /// `byteOffset` is 0-based, in the file as stored. `likelyEncoding` is the legacy Chinese
    /// encoding the bytes read as, if any (`TextDecoding.likelyChineseEncoding`).
    case invalidUTF8(byteOffset: Int, likelyEncoding: String? = nil)
    case nulByte(byteOffset: Int)
    /// gzip data zlib cannot inflate, or that ends early.
    case corruptGzip(detail: String)
    case invalidUTF8InGlossary(byteOffset: Int)
    case unknownEncoding(name: String)
    case invalidInEncoding(name: String, byteOffset: Int)
    case oddUTF16Length(byteCount: Int)
    /// `byteOffset` is 0-based, in the file as stored.
    case unpairedSurrogate(byteOffset: Int)

    // Transcripts.
    /// Read as `format` (an input format's name), no unit held speech; `hint` says what was looked for.
    case noSpeech(format: String, hint: String)
    case speakerMappingWithoutEquals(entry: String)
    case speakerMappingIncomplete(entry: String)
    case speakerMappedTwice(label: String, first: String, second: String)

    // Glossaries and termbases.
    case glossaryNotFound(environmentVariable: String)
    case noGlossaryFiles(folder: String)
    case emptyGlossary(files: [String])
    case glossaryHeader(columns: [String], found: String)
    case glossaryNoHeader(columns: [String])
    case glossaryCellCount(columns: [String], found: Int)
    case emptyNameInCell(column: String, conceptID: String, cell: String)
    /// A name holding a control character, or a note holding one other than a tab or line
    /// break: XML cannot hold them, so no termbase keeps them.
    case controlCharacterInName(conceptID: String, scalar: UInt32)
    case bareNameSeparator(column: String, conceptID: String, cell: String)
    case badTranslateValue(conceptID: String, value: String)
    case badNameTag(conceptID: String, name: String, tag: String)
    case emptyName(column: String, conceptID: String)
    case oneNameColumn(column: String, conceptID: String)
    case emptyID
    case badID(id: String)
    case badCSVID(id: String)
    case noCategory(conceptID: String)
    case noPreferredName(conceptID: String)
    case emptyTermInCSV(conceptID: String)
    /// `otherPlace` is where the other concept is defined (` file:line`), or empty.
    case duplicateID(id: String, otherPlace: String)
    case nameClaimedTwice(name: String, role: String, conceptID: String, otherID: String, otherRole: String, otherName: String, otherPlace: String)
    case tooManyCharacters(count: Int, limit: Int)
    case csvHeaderLacks(missing: [String], expected: [String])
    case unclosedQuote
    /// A CSV record or glossary row with more cells than any termbase has.
    case tooManyCells(limit: Int)
    case cellTooLarge(limit: Int)
    /// A name cell with more names than any concept has.
    case tooManyNames(column: String, conceptID: String, limit: Int)
    /// An XML tag with more attributes than any termbase element has.
    case tooManyAttributes(limit: Int)
    case notWellFormedXML(message: String)
    case notTBX
    /// An XML file declares an entity (`<!ENTITY`): refused before any is expanded.
    case xmlEntityDeclared(name: String)
    case xmlEntityUndefined(name: String)
    case xmlConstructTooLong(limit: Int)
    case fileTooLarge(size: Int, limit: Int)

    // Counts files.
    case countsNotJSON
    case countsWrongFormat
    case countsVersion(found: String, expected: Int)
    case countsMalformed(detail: String)
    case countsGlossaryMismatch(glossaryFiles: [String])
    case countsUnitMismatch(unit: String, others: String)
    case countsDuplicateSource(source: String)

    // Maps.
    case bundledExampleMissing
    case graphvizMissing
    case graphvizFailed(format: String, message: String)

    /// The exit status a command ends with, following BSD `sysexits.h`.
    public var status: ExitStatus {
        switch self {
        case .cannotOpen, .notAFile, .cannotListFolder, .noTranscriptsInFolder, .glossaryNotFound, .noGlossaryFiles,
            .bundledExampleMissing:
            .noInput
        case .unknownEncoding: .usage
        case .readFailed, .writeFailed, .xmlWriterFailed, .graphvizFailed: .ioError
        case .cannotCreateFile, .cannotReplace, .outputIsNotAFolder, .cannotCreateFolder, .folderNotWritable, .folderFileUnusable, .foreignOutputFile,
            .graphvizMissing:
            .cannotCreate
        default: .dataError
        }
    }

    /// The message for people, without location.
    public var message: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open '\(SourceLocation.shown(path))': \(reason)"
        case .notAFile(let path): "'\(SourceLocation.shown(path))' is a folder, not a file"
        case .cannotListFolder(let path): "cannot list folder '\(SourceLocation.shown(path))'"
        case .noTranscriptsInFolder(let path): "folder '\(SourceLocation.shown(path))' holds no transcript files (.md, .txt, .srt, .vtt, .ass, .ssa)"
        case .readFailed(let path, let reason): "error reading '\(SourceLocation.shown(path))': \(reason)"
        case .writeFailed(let path, let reason): "error writing '\(SourceLocation.shown(path))': \(reason)"
        case .cannotCreateFile(let folder, let reason): "cannot create a file in '\(SourceLocation.shown(folder))': \(reason)"
        case .cannotReplace(let path, let reason): "cannot replace '\(SourceLocation.shown(path))': \(reason)"
        case .outputIsNotAFolder(let path): "output '\(SourceLocation.shown(path))' exists and is not a folder"
        case .cannotCreateFolder(let path, let reason): "cannot create output folder '\(SourceLocation.shown(path))': \(reason)"
        case .folderNotWritable(let path): "output folder '\(SourceLocation.shown(path))' is not writable"
        case .folderFileUnusable(let path, let reason): "cannot use '\(SourceLocation.shown(path))': \(reason); remove it if no glossgraph run is using the folder"
        case .foreignOutputFile(let path): "'\(SourceLocation.shown(path))' exists and glossgraph did not write it"
        case .xmlWriterFailed(let what, let detail): "libxml2 \(detail) \(what)"
        case .corruptGzip(let detail): "not valid gzip data: \(detail)"
        case .emptyFile: "the file is empty"
        case .noText: "the file has no text (only white space)"
        case .invalidUTF8(let offset, let likely):
            "invalid UTF-8 at byte offset \(offset)\(likely.map { " (uchardet reads it as \($0.lowercased()) text)" } ?? ""); save the file as UTF-8"
        case .nulByte(let offset): "a NUL byte at byte offset \(offset): this is binary data, not text"
        case .invalidUTF8InGlossary(let offset): "invalid UTF-8 at byte offset \(offset); glossary files must be UTF-8"
        case .unknownEncoding(let name): "unknown text encoding '\(name)' (iconv's names: gb18030, gbk, big5, big5-hkscs, utf-16 …)"
        case .invalidInEncoding(let name, let offset): "byte offset \(offset) is not valid \(name) text"
        case .oddUTF16Length(let count): "UTF-16 file has an odd number of bytes (\(count)); it is truncated"
        case .unpairedSurrogate(let offset): "invalid UTF-16 (unpaired surrogate) at byte offset \(offset)"
        case .noSpeech(let format, let hint): "no speech found when read as \(format): \(hint)"
        case .speakerMappingWithoutEquals(let entry): "speaker mapping '\(entry)' has no '='; write it as LABEL=NAME, e.g. 莱克斯=Lex Fridman"
        case .speakerMappingIncomplete(let entry): "speaker mapping '\(entry)' needs a label before '=' and a name after it"
        case .speakerMappedTwice(let label, let first, let second): "speaker '\(label)' is mapped twice: to '\(first)' and to '\(second)'"
        case .glossaryNotFound: "no glossary found"
        case .noGlossaryFiles(let folder): "glossary folder '\(SourceLocation.shown(folder))' holds no .tsv files"
        case .emptyGlossary(let files): "the glossary has no concepts (\(files.joined(separator: ", "))); add rows below the header"
        case .glossaryHeader(let columns, let found):
            "the header row must be the columns \(columns.joined(separator: ", ")) separated by tabs; found '\(found.count > 200 ? found.prefix(200) + "…" : found)'"
        case .glossaryNoHeader(let columns):
            "no header row; the first line that is not a comment must be: \(columns.joined(separator: "<TAB>"))"
        case .glossaryCellCount(let columns, let found):
            "expected \(columns.count) tab-separated cells (\(columns.joined(separator: ", "))), found \(found)"
        case .controlCharacterInName(let id, let scalar):
            "concept '\(id)' has a control character (U+\(String(format: "%04X", scalar))) in a name or its note; names are text, and termbases cannot hold it"
        case .emptyNameInCell(let column, let id, let cell):
            "empty name in column \(column) of '\(id)': '\(cell)' has nothing between two '|' or at an end"
        case .bareNameSeparator(let column, let id, let cell):
            "column \(column) of '\(id)' has a '|' without a space on each side in '\(cell)': names are separated by ' | ', and a '|' inside a name is written '\\|'"
        case .badTranslateValue(let id, let value):
            "column translate of '\(id)' holds '\(value)'; write yes (the English name must be translated in Chinese text), no (it may stay in Latin script), or leave it empty (by category)"
        case .badNameTag(let id, let name, let tag):
            "name '\(name)' of '\(id)' is tagged '@\(tag)'; a Chinese name written for another script or region is tagged @zh-Hant, @zh-TW, @zh-HK or @zh-MO"
        case .emptyName(let column, let id): "empty name in column \(column) of '\(id)'"
        case .oneNameColumn(let column, let id): "column \(column) of '\(id)' takes one name; put other names in the variants columns"
        case .emptyID: "the id cell is empty"
        case .badID(let id): "id '\(id)' must be lowercase ASCII letters, digits and single hyphens, starting with a letter"
        case .badCSVID(let id): "ID '\(id)' must be lowercase ASCII letters, digits and single hyphens, starting with a letter"
        case .noCategory(let id): "'\(id)' has no category"
        case .noPreferredName(let id): "'\(id)' has neither a zh nor an en name; give at least one preferred name"
        case .emptyTermInCSV(let id): "'\(id)' has an empty term between two '|'"
        case .duplicateID(let id, let place): "duplicate id '\(id)': it is also the id of the concept defined at\(place)"
        case .nameClaimedTwice(let name, let role, let id, let otherID, let otherRole, let otherName, let place):
            "name '\(name)' (\(role) of '\(id)') is also a name of '\(otherID)' (\(otherRole) '\(otherName)'\(place))"
        case .tooManyCharacters(let count, let limit): "the names use \(count) distinct characters; a glossary can use at most \(limit)"
        case .csvHeaderLacks(let missing, let expected):
            "the header row lacks the column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")); expected \(expected.joined(separator: ","))"
        case .unclosedQuote: "a quoted cell that starts here is never closed"
        case .tooManyCells(let limit): "a row of more than \(limit) cells; a termbase has a dozen columns"
        case .cellTooLarge(let limit): "a cell or text of more than \(limit / 1024) KiB; a term list or definition is far shorter"
        case .tooManyNames(let column, let id, let limit): "column \(column) of '\(id)' holds \(limit) names or more; a concept has a handful"
        case .tooManyAttributes(let limit): "a tag with more than \(limit) attributes; a termbase's elements have a few"
        case .notWellFormedXML(let message): "not well-formed XML: \(message)"
        case .notTBX: "not a TBX v3 file: the root element must be <tbx> (TBX v2 <martif> files are not read)"
        case .xmlEntityDeclared(let name):
            "the file declares the entity '\(name)'; a termbase needs none, and entities are refused so that no file can expand without bound"
        case .xmlEntityUndefined(let name):
            "the file refers to the entity '&\(name);', which it does not define (glossgraph reads no DTD); write the character itself or as &#…;"
        case .xmlConstructTooLong(let limit):
            "a tag, text or other construct here runs past \(limit) bytes, libxml2's limit (XML_MAX_LOOKUP_LIMIT, XML_MAX_TEXT_LENGTH); a termbase's are far shorter"
        case .fileTooLarge(let size, let limit): "the file is \(size) bytes; at most \(limit) are read"
        case .countsNotJSON: "not a counts file: it is not a JSON object"
        case .countsWrongFormat: "not a counts file written by glossgraph count"
        case .countsVersion(let found, let expected): "counts file version \(found) is not \(expected)"
        case .countsMalformed(let detail): detail
        case .countsGlossaryMismatch(let files): "was counted with another glossary than \(files.joined(separator: ", "))"
        case .countsUnitMismatch(let unit, let others): "counts units of '\(unit)', the other parts of '\(others)'"
        case .countsDuplicateSource(let source): "counts '\(SourceLocation.shown(source))', which an earlier counts file counted too: merging both would count its units twice"
        case .bundledExampleMissing: "the bundled example is not next to the glossary; name a transcript file"
        case .graphvizMissing:
            "Graphviz is not installed, so the map cannot be rendered; install it (Debian/Ubuntu: apt-get install graphviz fonts-noto-cjk; macOS: brew install graphviz)"
        case .graphvizFailed(let format, let message): "Graphviz failed to render \(format): \(message)"
        }
    }
}

/// Every error the library reports: what went wrong, and where when there is a place.
public struct GlossGraphError: Error, Sendable, Hashable, CustomStringConvertible {
    public var problem: Problem
    public var location: SourceLocation?
    /// Words a front end appends to the message as they are (an option to try, with its own
    /// leading punctuation); the library sets none.
    public var hint: String?

    public init(_ problem: Problem, at location: SourceLocation? = nil) {
        self.problem = problem
        self.location = location
    }

    public var status: ExitStatus { problem.status }
    public var message: String { problem.message + (hint ?? "") }

    public var description: String {
        if let location { return "\(location): error: \(message)" }
        return "error: \(message)"
    }
}

/// Several errors found in one pass (for example every bad row of a glossary), so that one
/// problem does not hide the next.
public struct GlossGraphErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [GlossGraphError]

    public init(_ errors: [GlossGraphError]) {
        precondition(!errors.isEmpty, "an error list must hold at least one error")
        self.errors = errors
    }

    /// The most specific status among the errors: the first one's.
    public var status: ExitStatus { errors[0].status }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}

/// A message that does not stop the run (a replaced invalid byte, a file with no speaker labels).
public struct Notice: Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation?
    public var message: String
    /// What the notice is about, for a front end that adds its own hint to some kinds.
    public var topic: Topic?
    /// Words a front end appends to the message as they are; the library sets none.
    public var hint: String?

    public enum Topic: Sendable, Hashable {
        /// A large share of a file's text was not read as speech.
        case skippedText
        /// Two speaker labels look like names of one person.
        case relatedSpeakers(String, String)
        /// A short text's map links concepts that share one unit (and maps concepts found in
        /// one unit, `conceptsInOneUnit`; keeps concepts without a link, `isolatedKept`).
        case shortTextLinks(conceptsInOneUnit: Bool, isolatedKept: Bool)
        /// The map is empty; what would most likely fill it.
        case emptyMap(EmptyMapRemedy)
        /// The labels were written in the inputs' script, which the run did not name.
        case labelScriptFromInputs
        /// Concepts found as often as those on the map are not on it: they share no kept link.
        case isolatedConcepts
        /// A short text's concepts found in fewer units than its map's least frequency.
        case rareConcepts
        /// A file had no speaker labels: each of its turns is a paragraph or a line, as named.
        case unitsWithoutSpeakers(String)
        /// No input was named, so the bundled example was read.
        case bundledExample
    }

    /// What to try when a map comes out empty.
    public enum EmptyMapRemedy: Sendable, Hashable {
        /// The glossary found few concepts in the text: add the text's own (discovery).
        case discover
        /// Concepts were found, but the map's thresholds left none: lower them.
        case thresholds
        /// Discovery ran and added too little: its proposals are there to review.
        case reviewProposals
    }

    public init(_ message: String, at location: SourceLocation? = nil, topic: Topic? = nil) {
        self.message = message
        self.location = location
        self.topic = topic
    }

    public var description: String {
        let text = message + (hint ?? "")
        if let location { return "\(location): note: \(text)" }
        return "note: \(text)"
    }
}
