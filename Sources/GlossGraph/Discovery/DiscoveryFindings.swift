import GlossGraphExtraction
import GlossGraphGlossary
import GlossGraphReading
import GlossGraphText

/// What discovery gathers from one part of a corpus (a file, or about `Discoverer.partBytes`
/// of a large one), merged part by part in corpus order, so that memory follows what is
/// found, not the corpus: n-gram counts (`GramTable`, pruned past its limit), counts of Latin
/// names and of mixed-script terms (AI安全, kept with the Latin names), the units that state
/// glosses (each distinct text once, with its copies), the first aligned line pairs, the
/// speakers and the phrases set in bold.
public struct DiscoveryFindings: Sendable {
    struct LatinRecord: Sendable {
        var text: String
        var count: Int
        var file: Int
        var line: Int
        var insideSentence: Bool
    }

    /// A unit that states a gloss, and how many units had its very text (a corpus may repeat
    /// itself).
    struct GlossUnit: Sendable {
        var unit: TranscriptUnit
        var copies: Int
    }

    /// The files, in order; records refer to them by index.
    private(set) var files: [String] = []
    var latin: [String: LatinRecord] = [:]
    var latinOrder: [String] = []
    var glossUnits: [[UInt8]: GlossUnit] = [:]
    var glossUnitOrder: [[UInt8]] = []
    /// UTF-8 bytes of the kept gloss units' texts.
    private(set) var glossUnitBytes = 0
    /// A stated gloss's first name (its `NameKey`) → its occurrences in the parts that state it.
    var statedNameCounts: [String: Int] = [:]
    /// Foreign names written in Chinese with middle dots (阿曼达·阿斯克尔), by `NameKey`.
    var transliterated: [String: LatinRecord] = [:]
    var transliteratedOrder: [String] = []
    var grams = GramTable()
    var segments: [AlignedPairs.Segment] = []
    var speakers: Set<String> = []
    var boldSpans: Set<String> = []
    /// Phrases set in bold right before a bracket (`**后上叉**（seat stays）`).
    var boldGlossHeads: Set<String> = []
    /// UTF-8 bytes of the units' texts, a line break after each.
    var textBytes = 0

    /// The corpus's size in word tokens, estimated from its bytes: jieba cuts mixed Chinese
    /// and English text into about one token per `bytesPerToken` UTF-8 bytes (5.4–6.4 on the
    /// evaluation texts and the shared transcript).
    var estimatedTokens: Double { Double(textBytes) / Self.bytesPerToken }
    static let bytesPerToken = 6.0

    /// Gloss-stating units are kept up to this many UTF-8 bytes of text (distinct texts); those
    /// beyond are still counted, but their glosses are not read.
    static let glossUnitByteLimit = 64 << 20

    public init() {}

    mutating func index(ofFile file: String) -> Int {
        if let last = files.last, last == file { return files.count - 1 }
        if let index = files.firstIndex(of: file) { return index }
        files.append(file)
        return files.count - 1
    }

    func file(_ index: Int) -> String { files[index] }

    mutating func keep(_ unit: TranscriptUnit, copies: Int = 1) {
        if glossUnits[unit.utf8] != nil {
            glossUnits[unit.utf8]!.copies += copies
        } else if glossUnitBytes < Self.glossUnitByteLimit {
            glossUnits[unit.utf8] = GlossUnit(unit: unit, copies: copies)
            glossUnitOrder.append(unit.utf8)
            glossUnitBytes += unit.utf8.count
        }
    }

    /// Adds the findings of the part that follows these in the corpus.
    public mutating func merge(_ other: consuming DiscoveryFindings) {
        let map = other.files.map { index(ofFile: $0) }
        textBytes += other.textBytes
        for key in other.latinOrder {
            var record = other.latin[key]!
            if var existing = latin[key] {
                existing.count += record.count
                existing.insideSentence = existing.insideSentence || record.insideSentence
                latin[key] = existing
            } else {
                record.file = map[record.file]
                latin[key] = record
                latinOrder.append(key)
            }
        }
        for key in other.transliteratedOrder {
            var record = other.transliterated[key]!
            if transliterated[key] != nil {
                transliterated[key]!.count += record.count
            } else {
                record.file = map[record.file]
                transliterated[key] = record
                transliteratedOrder.append(key)
            }
        }
        for key in other.glossUnitOrder {
            let record = other.glossUnits[key]!
            keep(record.unit, copies: record.copies)
        }
        statedNameCounts.merge(other.statedNameCounts, uniquingKeysWith: +)
        if grams.count == 0 && files.count == other.files.count && map == Array(map.indices) {
            grams = other.grams
        } else {
            grams.merge(other.grams) { UInt32(map[Int($0)]) }
            other.grams.recycle()
        }
        if segments.count < AlignedPairs.segmentLimit {
            segments += other.segments.prefix(AlignedPairs.segmentLimit - segments.count).map { segment in
                var segment = segment
                segment.file = map[segment.file]
                return segment
            }
        }
        speakers.formUnion(other.speakers)
        boldSpans.formUnion(other.boldSpans)
        boldGlossHeads.formUnion(other.boldGlossHeads)
    }
}

extension Discoverer {
    /// Labels of a roster's lines: who attended, chaired, took the minutes (a closed class).
    static let rosterLabels: Set<String> = [
        "参会", "参会人", "参会人员", "与会", "与会人员", "出席", "出席人员", "列席", "缺席", "在场", "主持", "主持人", "记录", "记录人", "嘉宾",
        "參會", "參會人員", "與會", "與會人員", "出席人員", "記錄", "記錄人", "主持人員",
    ]

    /// The names a roster lists after a label and a colon, line by line (`lineStarts`: UTF-8
    /// offsets where source lines start): items separated by 、 or a comma up to the next label
    /// or a separator (｜, |, ；, 。), each a person's name: two or three Chinese characters
    /// starting with a common surname (`surnames`) or with 阿, 小 or 老, or one to three
    /// capitalised words (Tom Becker). A line is a roster when one of its labels is a roster's
    /// (`rosterLabels`) or lists two names or more, one of them Chinese (前端：阿珂、Tom); then
    /// each of its labels that lists names only lists people (设计：小鹿 beside it).
    static func rosterNames(in text: String, lineStarts: Set<Int> = []) -> [String] {
        var names: [String] = []
        for (_, line) in GlossMiner.lines(of: text, lineStarts: lineStarts) {
            guard line.contains("：") || line.contains(":") else { continue }
            var lists: [(label: String, items: [String])] = []
            for segment in line.split(whereSeparator: { "｜|；;。\n".contains($0) }) {
                var rest = segment[...]
                while let colon = rest.firstIndex(where: { $0 == "：" || $0 == ":" }) {
                    let label = rest[..<colon].split(whereSeparator: { $0 == " " || $0 == "　" || $0 == "，" || $0 == "," }).last.map(String.init) ?? ""
                    let after = rest[rest.index(after: colon)...]
                    // The list runs to the next label (地点：…) or the segment's end.
                    let listEnd = after.firstIndex(where: { $0 == "：" || $0 == ":" }).flatMap { next in
                        after[..<next].lastIndex(where: { $0 == " " || $0 == "　" || $0 == "，" || $0 == "," })
                    } ?? after.endIndex
                    let items = after[..<listEnd].split(whereSeparator: { "、，,/".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
                    lists.append((label, items.filter { !$0.isEmpty }))
                    rest = after[listEnd...]
                    if rest.isEmpty { break }
                }
            }
            let people = lists.filter { !$0.items.isEmpty && $0.items.allSatisfy(isPersonName) }
            // Capitalised words alone may be products (工具：Figma、Sketch): a list of two names
            // makes a roster when one of them is Chinese.
            guard people.contains(where: { list in
                rosterLabels.contains(list.label) || (list.items.count >= 2 && list.items.contains { $0.unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) } ?? false })
            }) else { continue }
            names += people.flatMap(\.items)
        }
        return names
    }

    private static func isPersonName(_ item: String) -> Bool {
        let scalars = item.unicodeScalars
        if scalars.allSatisfy({ (0x4E00...0x9FFF).contains($0.value) }) {
            return (2...3).contains(item.count) && (surnames.contains(item.first!) || "阿小老".contains(item.first!))
        }
        let words = item.split(separator: " ")
        return (1...3).contains(words.count) && words.allSatisfy { word in
            word.first!.isUppercase && word.count >= 2 && word.dropFirst().allSatisfy { $0.isLowercase || $0 == "-" || $0 == "." }
        }
    }

    /// The findings of one part of a corpus: `units` of one file, in order. Gloss extents are
    /// judged within the part here only to tell which units state glosses; `proposals(from:)`
    /// reads those again against the whole corpus's counts.
    public func findings(in units: [TranscriptUnit]) -> DiscoveryFindings {
        var findings = DiscoveryFindings()
        guard let firstUnit = units.first else { return findings }
        let fileIndex = findings.index(ofFile: firstUnit.file)
        var text: [UInt8] = []
        for unit in units {
            text += unit.utf8
            text.append(0x0A)
        }
        findings.textBytes = text.count
        // Counted first: most strings' uses are then looked up rather than searched for.
        let grams = GramTable.counting(units, fileIndex: fileIndex)
        let recurrence = Self.memoized { grams.exactOccurrences(of: $0) ?? GlossMiner.occurrences(of: $0, in: text) }
        let standalone = Self.memoized { GlossMiner.standaloneOccurrences(of: $0, in: text) }
        let afterEdge = Self.memoized { GlossMiner.occurrencesAfterEdge(of: $0, in: text) }
        var scratch = TermMatcher.Scratch()
        var partNames = Set<String>()
        var mixedSides: [String: [String]] = [:]
        // Keys of the names a part repeats (speakers, glosses, terms): a key of Chinese text
        // runs an ICU transform, which costs more than the rest of a unit's reading.
        var keys: [String: String] = [:]
        func cachedKey(_ name: String) -> String {
            if let known = keys[name] { return known }
            let made = NameKey.key(name)
            keys[name] = made
            return made
        }
        var previous: (unit: TranscriptUnit, lines: [Range<Int>], aligned: Bool)?
        for unit in units {
            let file = unit.file == findings.file(fileIndex) ? fileIndex : findings.index(ofFile: unit.file)
            if let speaker = unit.speaker { findings.speakers.insert(cachedKey(speaker)) }
            // Glosses: which units state them, and how often their first names occur here.
            let unitText = unit.text
            // The people a roster names (参会：陈立伟、周敏、Tom Becker) are people, as speakers are.
            // Rosters head minutes and notes: a speaker's turn is none.
            if unit.speaker == nil, unitText.contains("：") || unitText.contains(":") {
                let sourceLines = Set(zip(unit.segments, unit.segments.dropFirst()).filter { $0.line != $1.line }.map(\.1.textOffset))
                for person in Self.rosterNames(in: unitText, lineStarts: sourceLines) { findings.speakers.insert(cachedKey(person)) }
            }
            let glosses = GlossMiner.glosses(
                in: unitText, recurrence: recurrence, standalone: standalone, afterEdge: afterEdge, lexicon: generalWords?.lexicon,
                lineStarts: Self.lineStarts(of: unit), bare: true)
            if !glosses.isEmpty {
                findings.keep(unit)
                for gloss in glosses {
                    let first = gloss.zh.isEmpty ? (gloss.en.isEmpty ? gloss.abbreviation : gloss.en) : gloss.zh
                    let key = cachedKey(first)
                    if partNames.insert(key).inserted { findings.statedNameCounts[key, default: 0] += recurrence(first) }
                }
            }
            // Latin names the glossary does not know.
            let known = extractor.map { $0.extract(unit, scratch: &scratch).matches.map(\.range) } ?? []
            let bytes = unit.utf8
            let names = Self.latinNames(in: bytes).flatMap { name, opensSentence in
                Self.splittingTitles(name, in: bytes).enumerated().map { ($0.element, opensSentence && $0.offset == 0) }
            }
            // A table's header row names its columns (| 中文 | English | 缩写 |), not things.
            let headers = bytes.contains(UInt8(ascii: "|")) ? Self.tableHeaderRanges(in: unitText) : []
            for (name, opensSentence) in names where !known.contains(where: { $0.overlaps(name) }) && !headers.contains(where: { $0.overlaps(name) }) {
                let written = String(decoding: bytes[name], as: UTF8.self)
                let text = Self.latinLemma(written)
                // Roman numerals (Phase II, III) number things; they name nothing. Only those of
                // I, V and X are taken for numerals: CI, LC and CLI are acronyms.
                guard !Self.genericLatin.contains(text), !text.allSatisfy({ "IVX".contains($0) }), !Self.isDate(text), !Self.isTimeOfDay(name, in: bytes)
                else { continue }
                let key = cachedKey(text)
                if findings.latin[key] == nil {
                    findings.latin[key] = .init(text: text, count: 0, file: file, line: GramTable.line(of: unit, atTextOffset: name.lowerBound), insideSentence: false)
                    findings.latinOrder.append(key)
                }
                findings.latin[key]!.count += 1
                if !opensSentence { findings.latin[key]!.insideSentence = true }
            }
            if let lexicon = generalWords?.lexicon {
                for term in Self.mixedScriptTerms(in: bytes, lexicon: lexicon, sides: &mixedSides) where !known.contains(where: { $0.contains(term.offset) }) {
                    let key = cachedKey(term.text)
                    if findings.latin[key] == nil {
                        findings.latin[key] = .init(text: term.text, count: 0, file: file, line: GramTable.line(of: unit, atTextOffset: term.offset), insideSentence: true)
                        findings.latinOrder.append(key)
                    }
                    findings.latin[key]!.count += 1
                }
                for name in Self.transliteratedNames(in: bytes, lexicon: lexicon) {
                    let key = cachedKey(name.text)
                    if findings.transliterated[key] == nil {
                        findings.transliterated[key] = .init(text: name.text, count: 0, file: file, line: GramTable.line(of: unit, atTextOffset: name.offset), insideSentence: true)
                        findings.transliteratedOrder.append(key)
                    }
                    findings.transliterated[key]!.count += 1
                }
            }
            if findings.segments.count < AlignedPairs.segmentLimit {
                let lines = AlignedPairs.lines(of: unit)
                let within = AlignedPairs.segments(of: unit, lines: lines, file: file)
                // Lines pair across units only where neither unit pairs its own lines: after a
                // bilingual cue, its English line and the next cue's Chinese are two sentences.
                if within.isEmpty, let previous, !previous.aligned, previous.unit.file == unit.file, let last = previous.lines.last, let first = lines.first,
                    let across = AlignedPairs.segment(from: previous.unit, lastLine: last, to: unit, firstLine: first, file: file)
                {
                    findings.segments.append(across)
                }
                findings.segments += within
                previous = (unit, lines, !within.isEmpty)
            }
        }
        findings.grams = grams
        return findings
    }

    /// The UTF-8 ranges of the header rows of the Markdown tables in `text` (each the row just
    /// above a `|---|` row).
    static func tableHeaderRanges(in text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var offset = 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if GlossMiner.isTableHeader(lines, at: index) { ranges.append(offset..<(offset + line.utf8.count)) }
            offset += line.utf8.count + 1
        }
        return ranges
    }

    /// The UTF-8 offsets in `unit`'s text where a source line starts (never the first) after
    /// a line that is not a hard wrap. A term's run stops at these: subtitle and plain lines
    /// mostly end a phrase (鸭子曲线 / 英文叫 duck curve). A line that fills the width its
    /// paragraph is wrapped to (`MarkdownLine.hardWrapColumns` or more, within 15% of the
    /// widest line) was cut where the width ran out, inside a word as often as not (数字音频工 /
    /// 作站).
    static func lineStarts(of unit: TranscriptUnit) -> Set<Int> {
        var starts: [Int] = []
        for (previous, segment) in zip(unit.segments, unit.segments.dropFirst()) where segment.line != previous.line {
            starts.append(segment.textOffset)
        }
        guard !starts.isEmpty else { return [] }
        // Each line's width, as `TerminalText.displayWidth` measures it trimmed, from the
        // scalars: no string is made per line.
        let scalars = Array(unit.text.unicodeScalars)
        var utf8Offsets: [Int] = []
        utf8Offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            utf8Offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        utf8Offsets.append(offset)
        // The first scalar at or after a UTF-8 offset (`utf8Offsets` is increasing).
        func scalarIndex(_ utf8Offset: Int) -> Int {
            var (low, high) = (0, scalars.count)
            while low < high {
                let middle = (low + high) / 2
                if utf8Offsets[middle] < utf8Offset { low = middle + 1 } else { high = middle }
            }
            return low
        }
        let bounds = [0] + starts.map(scalarIndex) + [scalars.count]
        let isSpace: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace || $0 == "\u{FEFF}" }
        let widths = zip(bounds, bounds.dropFirst()).map { start, end in
            let line = scalars[start..<max(start, end)].drop(while: isSpace)
            let trimmed = line[..<(line.lastIndex { !isSpace($0) }.map { $0 + 1 } ?? line.startIndex)]
            return trimmed.reduce(0) { $0 + (ScriptClass.isCJK($1.value) ? 2 : 1) }
        }
        let widest = widths.max() ?? 0
        return Set(starts.indices.filter { index in
            let width = widths[index]
            return width < MarkdownLine.hardWrapColumns || Double(width) < Double(widest) * 0.85 || opensListItem(scalars[bounds[index + 1]...])
        }.map { starts[$0] })
    }

    /// Whether a line opens with a list item's or footnote's mark (`- `, `2.`, `2、`, `[2]`,
    /// `[^2]:`, `②`): it starts an item of its own however wide the line before it, never a
    /// hard wrap of that line.
    static func opensListItem(_ line: ArraySlice<Unicode.Scalar>) -> Bool {
        let text = line.drop { $0 == " " || $0 == "\u{3000}" }
        guard let first = text.first else { return false }
        if (0x2460...0x2473).contains(first.value) { return true }
        if "-*•+".unicodeScalars.contains(first) { return text.dropFirst().first == " " }
        let isDigit = { (scalar: Unicode.Scalar) in ("0"..."9").contains(scalar) }
        if first == "[" {
            let label = text.dropFirst().drop { $0 == "^" }
            let digits = label.prefix(while: isDigit)
            return !digits.isEmpty && digits.count <= 3 && label.dropFirst(digits.count).first == "]"
        }
        let digits = text.prefix(while: isDigit)
        guard !digits.isEmpty, digits.count <= 3, let after = text.dropFirst(digits.count).first else { return false }
        return after == "、" || ((after == "." || after == ")") && text.dropFirst(digits.count + 1).first == " ")
    }
}
