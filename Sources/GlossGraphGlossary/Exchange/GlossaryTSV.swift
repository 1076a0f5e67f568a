import GlossGraphText

/// The glossary's own file format: tab-separated rows, one concept a row, `#` comments.
///
/// ```
/// id	category	zh	en	abbr	zh_variants	en_variants	deprecated	note
/// constitutional-ai	technique	宪法AI	Constitutional AI	CAI	宪法人工智能 | 宪法式AI			…
/// ```
///
/// Cells holding several names separate them with ` | `; a `|` inside a name is written `\|`.
/// `Glossary/README.md` documents the format for people who edit it.
public enum GlossaryTSV {
    /// The header row, which must be the first line that is not blank or a comment.
    /// The most names a cell may hold: a concept has a handful of other names.
    public static let mostNamesInCell = 1000

    public static let columns = ["id", "category", "zh", "en", "abbr", "zh_variants", "en_variants", "deprecated", "note"]
    /// The header may add this column: `yes`, `no` or empty (`Concept.translate`).
    public static let translateColumn = "translate"
    /// Separates several names in one cell.
    public static let nameSeparator = " | "

    /// The names of a cell, split at ` | ` (a `|` with white space, or the cell's edge, on each
    /// side), trimmed; `\|` is a `|` inside a name (`A\|B`). Nil when a `|` that is not
    /// escaped lacks a space on one side (`a|b pipe`): a typo or a name holding `|`, never a
    /// separator, so the cell is refused rather than split.
    public static func names(inCell cell: String) -> [String]? {
        let characters = Array(cell)
        var names: [String] = []
        var current = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, characters[index + 1] == "|" {
                current.append("|")
                index += 2
                continue
            }
            if character == "|" {
                let spaceBefore = index == 0 || characters[index - 1].isWhitespace
                let spaceAfter = index + 1 == characters.count || characters[index + 1].isWhitespace
                guard spaceBefore && spaceAfter else { return nil }
                names.append(current.trimmingWhitespace())
                current = ""
            } else {
                current.append(character)
            }
            index += 1
        }
        names.append(current.trimmingWhitespace())
        return names
    }

    /// A name cell's entry split from its tag: `資料中心 @zh-TW` is the name 資料中心 written for
    /// Taiwan (tags after RDF's `"text"@lang`). `tag` is canonical (`zh-TW`, `zh-Hant`,
    /// `zh-Hant-HK`); `badTag` is set instead when the tag is not a Traditional or regional
    /// Chinese one (`LanguageTag.isTraditionalChinese`).
    public static func taggedName(_ entry: String) -> (name: String, tag: String?, badTag: String?) {
        guard let at = entry.range(of: " @", options: .backwards) else { return (entry, nil, nil) }
        let text = String(entry[at.upperBound...])
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            return (entry, nil, nil)
        }
        let name = String(entry[..<at.lowerBound]).trimmingWhitespace()
        let tag = LanguageTag(text)
        guard tag.isTraditionalChinese else { return (name, nil, text) }
        return (name, tag.canonical, nil)
    }

    /// A name as a cell writes it: escaped, with its tag.
    public static func written(_ name: String, tag: String?) -> String {
        escaped(name) + (tag.map { " @" + $0 } ?? "")
    }

    /// `name` as written in a cell: a `|` inside it escaped as `\|`.
    public static func escaped(_ name: String) -> String {
        name.replacingOccurrences(of: "|", with: "\\|")
    }

    /// `names` as one cell.
    public static func cell(_ names: [String]) -> String {
        names.map(escaped).joined(separator: nameSeparator)
    }

    /// A concept read from a row, with the line it came from.
    public struct Row: Sendable {
        public var concept: Concept
        public var line: Int
    }

    /// Reads every row; all malformed rows are reported together.
    public static func parse(_ text: String, file: String) -> (rows: [Row], errors: [GlossGraphError]) {
        var rows: [Row] = []
        var errors: [GlossGraphError] = []
        var sawHeader = false
        var headerColumns = columns
        var lineNumber = 0
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        // Split on bytes: splitting a String on Characters walks grapheme clusters.
        for rawLine in body.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map(Substring.init) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let location = SourceLocation(file: file, line: lineNumber)
            if line.trimmingWhitespace().isEmpty || line.hasPrefix("#") { continue }
            // No more cells than the header and one: a row of millions of tabs is refused
            // without making millions of cells.
            let cells = line.utf8.split(separator: 0x09, maxSplits: columns.count + 1, omittingEmptySubsequences: false).map { Substring($0).trimmingWhitespace() }
            let cellCount = cells.count > columns.count + 1 ? line.utf8.reduce(1) { $0 + ($1 == 0x09 ? 1 : 0) } : cells.count
            if !sawHeader {
                sawHeader = true
                if cells == columns + [translateColumn] {
                    headerColumns = cells.map { String($0) }
                } else if cells != columns {
                    errors.append(GlossGraphError(.glossaryHeader(columns: columns, found: String(line)), at: location))
                    return ([], errors)
                }
                continue
            }
            // An editor may drop the empty cells at a row's end after the note.
            guard cellCount == headerColumns.count || (cellCount == columns.count && headerColumns.count > columns.count) else {
                errors.append(GlossGraphError(.glossaryCellCount(columns: headerColumns, found: cellCount), at: location))
                continue
            }
            var rowErrors: [GlossGraphError] = []
            func names(_ column: Int) -> [String] {
                let cell = cells[column]
                guard !cell.isEmpty else { return [] }
                // Counted before the cell is split: millions of names must not take gigabytes.
                guard cell.utf8.reduce(0, { $0 + ($1 == UInt8(ascii: "|") ? 1 : 0) }) < Self.mostNamesInCell else {
                    rowErrors.append(GlossGraphError(.tooManyNames(column: columns[column], conceptID: String(cells[0]), limit: Self.mostNamesInCell), at: location))
                    return []
                }
                guard let parts = Self.names(inCell: cell) else {
                    rowErrors.append(GlossGraphError(.bareNameSeparator(column: columns[column], conceptID: cells[0], cell: cell), at: location))
                    return []
                }
                if parts.contains(where: \.isEmpty) {
                    rowErrors.append(GlossGraphError(.emptyNameInCell(column: columns[column], conceptID: cells[0], cell: cell), at: location))
                }
                return parts.filter { !$0.isEmpty }
            }
            let single = { (column: Int) -> String in
                let value = cells[column]
                guard value.utf8.contains(UInt8(ascii: "|")) else { return value }
                guard let parts = Self.names(inCell: value) else {
                    rowErrors.append(GlossGraphError(.bareNameSeparator(column: columns[column], conceptID: cells[0], cell: value), at: location))
                    return value
                }
                if parts.count > 1 {
                    rowErrors.append(GlossGraphError(.oneNameColumn(column: columns[column], conceptID: cells[0]), at: location))
                }
                return parts[0]
            }
            var tags: [String: String] = [:]
            func untagged(_ entries: [String]) -> [String] {
                entries.map { entry in
                    let (name, tag, badTag) = taggedName(entry)
                    if let badTag { rowErrors.append(GlossGraphError(.badNameTag(conceptID: cells[0], name: name, tag: badTag), at: location)) }
                    if let tag { tags[name] = tag }
                    return name
                }
            }
            var concept = Concept(
                id: cells[0], category: cells[1], zh: untagged([single(2)])[0], en: single(3), abbreviations: names(4),
                zhVariants: untagged(names(5)), enVariants: names(6), deprecated: untagged(names(7)), note: cells[8])
            concept.nameTags = tags
            if cells.count > columns.count {
                switch cells[columns.count].lowercased() {
                case "": break
                case "yes": concept.translate = true
                case "no": concept.translate = false
                default: rowErrors.append(GlossGraphError(.badTranslateValue(conceptID: concept.id, value: cells[columns.count]), at: location))
                }
            }
            rowErrors += problems(of: concept).map { GlossGraphError($0, at: location) }
            if rowErrors.isEmpty {
                rows.append(Row(concept: concept, line: lineNumber))
            } else {
                errors += rowErrors
            }
        }
        if !sawHeader {
            errors.append(GlossGraphError(.glossaryNoHeader(columns: columns), at: SourceLocation(file: file)))
        }
        return (rows, errors)
    }

    /// What makes a concept unfit to be a row, whatever file it comes from: an empty or
    /// invalid id, no category, neither a `zh` nor an `en` name.
    public static func problems(of concept: Concept) -> [Problem] {
        var problems: [Problem] = []
        if concept.id.isEmpty {
            problems.append(.emptyID)
        } else if !isValidID(concept.id) {
            problems.append(.badID(id: concept.id))
        }
        if concept.category.isEmpty { problems.append(.noCategory(conceptID: concept.id)) }
        if concept.zh.isEmpty && concept.en.isEmpty { problems.append(.noPreferredName(conceptID: concept.id)) }
        // XML keeps tabs and line breaks, which a note (from a CSV cell) may hold; no name does.
        let names = [concept.zh, concept.en, concept.category] + concept.abbreviations + concept.zhVariants + concept.enVariants + concept.deprecated
        let isControl = { (scalar: Unicode.Scalar) in scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) }
        if let control = names.lazy.flatMap(\.unicodeScalars).first(where: isControl)
            ?? concept.note.unicodeScalars.first(where: { isControl($0) && !["\t", "\n", "\r"].contains($0) })
        {
            problems.append(.controlCharacterInName(conceptID: concept.id, scalar: control.value))
        }
        return problems
    }

    /// `responsible-scaling-policy`, `asl-3`: usable as an XML id and in file names.
    public static func isValidID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard let first = bytes.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z"),
            bytes.last != UInt8(ascii: "-")
        else { return false }
        var previousHyphen = false
        for byte in bytes {
            let isHyphen = byte == UInt8(ascii: "-")
            let isLowerOrDigit =
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            if !(isHyphen || isLowerOrDigit) || (isHyphen && previousHyphen) { return false }
            previousHyphen = isHyphen
        }
        return true
    }

    /// A valid id not in `used` (which it joins), made from the first of `sources` that
    /// leaves anything once lowercased and reduced to letters, digits and hyphens: a
    /// termbase's id, an English name, a pinyin key. Ids that cannot start with a letter get
    /// `prefix`; taken ids get `-2`, `-3` ….
    public static func newID(from sources: [String], prefix: String = "c-", used: inout Set<String>) -> String {
        var id = sources.lazy.map(slug).first { !$0.isEmpty } ?? "concept"
        if !isValidID(id) { id = prefix + id }
        var candidate = id
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(id)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// Lowercase ASCII letters and digits, other runs turned into single hyphens. Latin
    /// letters with diacritics are written without them first (Häring → haring, Øresund →
    /// oresund), as Foundation's diacritic folding and the letters it leaves (ø, ł, đ, æ, ß) give.
    static func slug(_ text: String) -> String {
        var result = ""
        let folded = text.lowercased().folding(options: .diacriticInsensitive, locale: nil)
            .replacingOccurrences(of: "ø", with: "o").replacingOccurrences(of: "ł", with: "l").replacingOccurrences(of: "đ", with: "d")
            .replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "ß", with: "ss")
        for scalar in folded.unicodeScalars {
            if (0x61...0x7A).contains(scalar.value) || (0x30...0x39).contains(scalar.value) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty && !result.hasSuffix("-") {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }

    /// Writes concepts as glossary rows (with the header row when `header` is set).
    /// The `translate` column is written when a concept has a value for it.
    public static func format(_ concepts: [Concept], header: Bool = true) -> String {
        let withTranslate = concepts.contains { $0.translate != nil }
        var output = header ? (columns + (withTranslate ? [translateColumn] : [])).joined(separator: "\t") + "\n" : ""
        for concept in concepts {
            func tagged(_ names: [String]) -> String {
                names.map { written($0, tag: concept.nameTags[$0]) }.joined(separator: nameSeparator)
            }
            var cells = [
                concept.id, concept.category, concept.zh.isEmpty ? "" : written(concept.zh, tag: concept.nameTags[concept.zh]), escaped(concept.en),
                cell(concept.abbreviations), tagged(concept.zhVariants), cell(concept.enVariants), tagged(concept.deprecated),
                concept.note,
            ].map(cleanCell)
            if withTranslate { cells.append(concept.translate.map { $0 ? "yes" : "no" } ?? "") }
            output += cells.joined(separator: "\t") + "\n"
        }
        return output
    }

    /// A cell cannot hold tabs or line breaks; they become spaces.
    private static func cleanCell(_ value: String) -> String {
        guard value.contains(where: { $0 == "\t" || $0.isNewline }) else { return value }
        return String(value.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}
