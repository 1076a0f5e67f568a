import GlossGraphText

/// The glossary as CSV for CAT tools (memoQ, Trados MultiTerm via Glossary Converter) and
/// spreadsheets: a header row, one column per language, several terms in one cell separated
/// by ` | `, the preferred term first.
///
/// ```
/// ID,Subject,English,Chinese,Abbreviations,Deprecated,Definition
/// constitutional-ai,technique,Constitutional AI,宪法AI | 宪法人工智能 | 宪法式AI,CAI,,…
/// ```
///
/// A cell that starts with the separator (`| variant`) has no preferred term. The file is UTF-8
/// with a byte-order mark (which spreadsheets need to see UTF-8) and CRLF line ends, quoted
/// as RFC 4180 says. A cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`
/// first) starts with `'` (`SpreadsheetCell.inert`), which reading removes.
public enum GlossaryCSV {
    public static let header = ["ID", "Subject", "English", "Chinese", "Abbreviations", "Deprecated", "Definition"]

    public static func format(_ concepts: [Concept]) -> [UInt8] {
        var output = "\u{FEFF}" + header.map(quoted).joined(separator: ",") + "\r\n"
        for concept in concepts {
            let cells = [
                concept.id, concept.category,
                terms(preferred: concept.en, others: concept.enVariants),
                terms(preferred: concept.zh, others: concept.zhVariants, tags: concept.nameTags),
                GlossaryTSV.cell(concept.abbreviations),
                concept.deprecated.map { GlossaryTSV.written($0, tag: concept.nameTags[$0]) }.joined(separator: GlossaryTSV.nameSeparator),
                concept.note,
            ]
            output += cells.map { quoted(SpreadsheetCell.inert($0)) }.joined(separator: ",") + "\r\n"
        }
        return Array(output.utf8)
    }

    private static func terms(preferred: String, others: [String], tags: [String: String] = [:]) -> String {
        let written = ([preferred] + others).map { $0.isEmpty ? "" : GlossaryTSV.written($0, tag: tags[$0]) }
        if others.isEmpty { return written[0] }
        // With no preferred term the cell starts with the separator: `| variant`.
        return String(written.joined(separator: GlossaryTSV.nameSeparator).trimmingPrefix(" "))
    }

    private static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else {
            return cell
        }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Reads concepts back. Columns are found by their header names, so a file with extra
    /// columns or another column order (as CAT tools export) still reads. An empty `Subject`
    /// reads as `uncategorized`.
    ///
    /// - Throws: `GlossGraphErrors` with every bad row's line: an unclosed quote, a missing
    ///   column, a bare `|`, an invalid id, an empty term, a row with no preferred term (its
    ///   `English` and `Chinese` cells empty or starting with `|`).
    public static func parse(_ text: String, file: String) throws(GlossGraphErrors) -> [(concept: Concept, line: Int)] {
        try parse(utf8: Array(text.utf8), file: file)
    }

    /// `parse` on the file's UTF-8 bytes (valid UTF-8: an invalid sequence reads as U+FFFD).
    public static func parse(utf8 bytes: [UInt8], file: String) throws(GlossGraphErrors) -> [(concept: Concept, line: Int)] {
        let records = try splitRecords(bytes, file: file)
        guard let headerRecord = records.first else {
            throw GlossGraphErrors([GlossGraphError(.emptyFile, at: SourceLocation(file: file))])
        }
        var column: [String: Int] = [:]
        for (index, name) in headerRecord.cells.enumerated() { column[name.trimmingWhitespace()] = index }
        let missing = header.filter { column[$0] == nil }
        guard missing.isEmpty else {
            throw GlossGraphErrors([GlossGraphError(.csvHeaderLacks(missing: missing, expected: header), at: SourceLocation(file: file, line: headerRecord.line))])
        }
        var concepts: [(concept: Concept, line: Int)] = []
        var errors: [GlossGraphError] = []
        for record in records.dropFirst() {
            if record.cells.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
            func cell(_ name: String) -> String {
                let index = column[name]!
                return index < record.cells.count ? SpreadsheetCell.reading(record.cells[index].trimmingWhitespace()) : ""
            }
            var bareSeparators: [(column: String, cell: String)] = []
            func list(_ column: String) -> [String] {
                let value = cell(column)
                guard !value.isEmpty else { return [] }
                guard let names = GlossaryTSV.names(inCell: value) else {
                    bareSeparators.append((column, value))
                    return []
                }
                return names
            }
            let location = SourceLocation(file: file, line: record.line)
            var tags: [String: String] = [:]
            var badTags: [GlossGraphError] = []
            func untagged(_ entries: [String]) -> [String] {
                entries.map { entry in
                    let (name, tag, badTag) = GlossaryTSV.taggedName(entry)
                    if let badTag { badTags.append(GlossGraphError(.badNameTag(conceptID: cell("ID"), name: name, tag: badTag), at: location)) }
                    if let tag { tags[name] = tag }
                    return name
                }
            }
            let english = list("English")
            let chinese = untagged(list("Chinese"))
            var concept = Concept(
                id: cell("ID"), category: cell("Subject").isEmpty ? "uncategorized" : cell("Subject"), zh: chinese.first ?? "", en: english.first ?? "",
                abbreviations: list("Abbreviations"), zhVariants: Array(chinese.dropFirst()),
                enVariants: Array(english.dropFirst()), deprecated: untagged(list("Deprecated")), note: cell("Definition"))
            concept.nameTags = tags
            let emptyNames = (concept.abbreviations + concept.zhVariants + concept.enVariants + concept.deprecated).contains(where: \.isEmpty)
            if let bad = badTags.first {
                errors.append(bad)
            } else if let bare = bareSeparators.first {
                errors.append(GlossGraphError(.bareNameSeparator(column: bare.column, conceptID: concept.id, cell: bare.cell), at: location))
            } else if concept.id.isEmpty || !GlossaryTSV.isValidID(concept.id) {
                errors.append(GlossGraphError(.badCSVID(id: concept.id), at: location))
            } else if emptyNames {
                errors.append(GlossGraphError(.emptyTermInCSV(conceptID: concept.id), at: location))
            } else if let problem = GlossaryTSV.problems(of: concept).first {
                errors.append(GlossGraphError(problem, at: location))
            } else {
                concepts.append((concept, record.line))
            }
        }
        if !errors.isEmpty { throw GlossGraphErrors(errors) }
        return concepts
    }

    /// The most cells a record may have: a termbase has a dozen columns, and a row of
    /// millions of empty cells must not take gigabytes to refuse.
    static let mostCells = 256

    /// The most UTF-8 bytes a cell may hold: far above any term list or definition, and a
    /// 200 MB cell must not take gigabytes to refuse.
    static let largestCellBytes = 1 << 20

    /// RFC 4180 records with the 1-based line each starts on; quoted cells may hold commas,
    /// quotes (doubled) and line breaks. Read as UTF-8 bytes: the delimiters are ASCII, which
    /// no multi-byte sequence holds.
    ///
    /// - Throws: `GlossGraphErrors` for a quote never closed, a record of more than
    ///   `mostCells` cells (`.tooManyCells`) or a cell of more than `largestCellBytes`
    ///   (`.cellTooLarge`), naming the line.
    static func splitRecords(_ bytes: [UInt8], file: String) throws(GlossGraphErrors) -> [(cells: [String], line: Int)] {
        let (quote, comma, cr, lf) = (UInt8(ascii: "\""), UInt8(ascii: ","), UInt8(ascii: "\r"), UInt8(ascii: "\n"))
        var records: [(cells: [String], line: Int)] = []
        var cells: [String] = []
        var cell: [UInt8] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        func endCell() throws(GlossGraphErrors) {
            cells.append(String(decoding: cell, as: UTF8.self))
            cell.removeAll(keepingCapacity: true)
            if cells.count > Self.mostCells {
                throw GlossGraphErrors([GlossGraphError(.tooManyCells(limit: Self.mostCells), at: SourceLocation(file: file, line: recordLine))])
            }
        }
        func endRecord() throws(GlossGraphErrors) {
            try endCell()
            // A row of empty cells reads as none (parse skips it): millions of empty lines
            // must not become millions of records.
            if cells.contains(where: { !$0.isEmpty }) || records.isEmpty { records.append((cells, recordLine)) }
            cells = []
        }
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == quote {
                    if index + 1 < bytes.count && bytes[index + 1] == quote {
                        cell.append(quote)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == lf { line += 1 }
                    cell.append(byte)
                }
            } else {
                switch byte {
                case quote where cell.isEmpty:
                    inQuotes = true
                    quoteLine = line
                case comma:
                    try endCell()
                case cr where index + 1 < bytes.count && bytes[index + 1] == lf:
                    break
                case lf, cr:
                    try endRecord()
                    line += 1
                    recordLine = line
                default:
                    cell.append(byte)
                }
            }
            if cell.count > Self.largestCellBytes {
                throw GlossGraphErrors([GlossGraphError(.cellTooLarge(limit: Self.largestCellBytes), at: SourceLocation(file: file, line: recordLine))])
            }
            index += 1
        }
        if inQuotes {
            throw GlossGraphErrors([GlossGraphError(.unclosedQuote, at: SourceLocation(file: file, line: quoteLine))])
        }
        if !cell.isEmpty || !cells.isEmpty { try endRecord() }
        return records
    }
}

/// The glossary as a Markdown table, for documents.
public enum GlossaryMarkdown {
    public static func format(_ concepts: [Concept]) -> [UInt8] {
        var output = "| ID | 中文 | English | Abbreviations | Other names | Category | Note |\n"
        output += "| --- | --- | --- | --- | --- | --- | --- |\n"
        for concept in concepts {
            var others = concept.zhVariants + concept.enVariants
            others += concept.deprecated.map { "~~\($0)~~" }
            let cells = [
                "`\(concept.id)`", concept.zh, concept.en, concept.abbreviations.joined(separator: ", "),
                others.joined(separator: ", "), concept.category, concept.note,
            ]
            output += "| " + cells.map(escaped).joined(separator: " | ") + " |\n"
        }
        return Array(output.utf8)
    }

    private static func escaped(_ cell: String) -> String {
        cell.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
