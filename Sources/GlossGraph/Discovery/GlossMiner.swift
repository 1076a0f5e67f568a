#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import GlossGraphText

/// A Chinese–English pair that the text itself states: `负责任扩展计划（responsible scaling
/// plan，RSP）`, `RLHF（强化学习与人类反馈）`, `X指的是Y`, `X（也就是Y）`.
public struct StatedGloss: Sendable, Hashable {
    public var zh: String
    public var en: String
    /// An abbreviation tied to `en` (its letters agree) or standing alone.
    public var abbreviation: String
    /// The UTF-8 offset in the unit's text where the pair starts.
    public var offset: Int
    /// Another Chinese name the text gives `zh` (阿司匹林，也就是乙酰水杨酸), or "".
    public var zhVariant = ""
    /// Stated by no marker: the English set right after the Chinese term (`先找锚点 anchor
    /// point，`), which code-switched speech also writes; the caller judges the English.
    public var isBare = false
    /// A second name of a term glossed just before, in a language of Latin script
    /// (`熔池（weld pool），英文也叫 molten pool`): the caller folds it into that gloss.
    public var isSecondName = false
}

/// Finds the glosses a text states. Parentheticals that are not glosses are rejected: asides
/// (`（你采访过他）`), years, counts, citations, URLs and enumerations of examples
/// (`（Opus、Sonnet、Haiku）`); an acronym followed by as many Chinese items as it has letters
/// (`CBRN风险（化学、生物、放射性和核）`) is an expansion, not an enumeration.
public enum GlossMiner {
    /// What the term finders consult besides the text.
    struct Context {
        /// A string's occurrences in the whole corpus.
        var recurrence: (String) -> Int
        /// Its occurrences that no character of a word before it precedes (see `extendsLeft`):
        /// where the text uses it alone, not inside a longer name (换舷 in 和换舷损失, not in
        /// 顺风换舷).
        var standalone: (String) -> Int
        /// Uses of a single character that open a run of CJK text (after punctuation, Latin
        /// text or a line's start), in the whole corpus; nil counts them in the text.
        var runStarts: ((String) -> Int)?
        var lexicon: ChineseLexicon?
        /// Scalar indices where a source line starts (never the first).
        var lineStarts: Set<Int>
        /// A string's uses right after punctuation or a particle (see `usesAfterEdge`).
        var afterEdge: (String) -> Int
    }

    /// The glosses stated in `text`. `recurrence` counts a string's occurrences in the whole
    /// corpus (by default in `text`), which helps find where a Chinese term starts.
    ///
    /// With a `lexicon`, a Chinese term's start is chosen among the text's word boundaries,
    /// after the clause words before it (叫做, 一个, 主要是). `lineStarts` are the UTF-8
    /// offsets in `text` where a source line starts: lines joined without a break (subtitle
    /// lines, hard wraps) are no part of one term. `runStarts` counts the uses of a single
    /// character that open a run of CJK text in the whole corpus (by default in `text`).
    public static func glosses(
        in text: String, recurrence: ((String) -> Int)? = nil, standalone: ((String) -> Int)? = nil, runStarts: ((String) -> Int)? = nil,
        afterEdge: ((String) -> Int)? = nil, lexicon: ChineseLexicon? = nil, lineStarts: @autoclosure () -> Set<Int> = [], bare: Bool = false
    ) -> [StatedGloss] {
        let stated = markedGlosses(
            in: text, recurrence: recurrence, standalone: standalone, runStarts: runStarts, afterEdge: afterEdge, lexicon: lexicon,
            lineStarts: lineStarts())
        guard bare, let lexicon else { return stated }
        let found = bareGlosses(in: text, recurrence: recurrence, afterEdge: afterEdge, lexicon: lexicon).filter { gloss in
            !stated.contains { $0.zh == gloss.zh || $0.en.lowercased() == gloss.en.lowercased() }
        }
        return stated + found
    }

    /// Lower-case English of one to three words set between spaces right after a Chinese term
    /// the text uses twice or more, before punctuation, the line's end or a conjunction or
    /// adverb (或, 和, 都, 也): `成條書脊 spine 都黐滿`, `用音叉 tuning fork 或 ETD`. Marked
    /// `isBare`: code-switched speech sets English words after Chinese ones too (数据库 schema),
    /// so the caller keeps only English that general English seldom uses. Needs the word list.
    static func bareGlosses(
        in text: String, recurrence: ((String) -> Int)?, afterEdge: ((String) -> Int)? = nil, lexicon: ChineseLexicon
    ) -> [StatedGloss] {
        // Most units hold no lower-case Latin letter after a space: they are passed over
        // without a copy.
        var previous: UInt8 = 0
        guard text.utf8.contains(where: { byte in
            defer { previous = byte }
            return previous == UInt8(ascii: " ") && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        }) else { return [] }
        let utf8 = Array(text.utf8)
        let scalars = Array(text.unicodeScalars)
        var offsets = [Int](repeating: 0, count: scalars.count + 1)
        for (index, scalar) in scalars.enumerated() { offsets[index + 1] = offsets[index] + UTF8.width(scalar) }
        let recurrence = recurrence ?? { occurrences(of: $0, in: utf8) }
        let context = Context(
            recurrence: recurrence, standalone: recurrence, lexicon: lexicon, lineStarts: [],
            afterEdge: afterEdge ?? { usesAfterEdge($0, recurrence: recurrence) })
        func isChinese(_ index: Int) -> Bool { ScriptClass.isCJK(scalars[index].value) && !isCJKPunctuation(scalars[index]) }
        var found: [StatedGloss] = []
        var index = 1
        while index + 1 < scalars.count {
            guard scalars[index] == " ", isChinese(index - 1), ("a"..."z").contains(scalars[index + 1]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count && (("a"..."z").contains(scalars[end]) || scalars[end] == " " || scalars[end] == "-") { end += 1 }
            while scalars[end - 1] == " " { end -= 1 }
            let english = String(String.UnicodeScalarView(scalars[(index + 1)..<end])).trimmingWhitespace()
            let words = english.split(separator: " ")
            defer { index = end }
            // What follows: punctuation, the end, or Chinese after a space opening with a
            // conjunction or an adverb (the sentence goes on about the term, not from a verb).
            var next = end
            while next < scalars.count && scalars[next] == " " { next += 1 }
            let followsWell = next == scalars.count || isCJKPunctuation(scalars[next]) || ",.;:!?)".unicodeScalars.contains(scalars[next])
                || (next > end && "或和与及都也".unicodeScalars.contains(scalars[next]))
            guard followsWell, (1...3).contains(words.count), words.allSatisfy({ $0.count >= 3 && !englishFunctionWords.contains(String($0)) }),
                let term = chineseTerm(before: scalars, end: index, englishSize: words.count, englishSizeIsLoose: true, context: context),
                term.text.count >= 2, term.text.unicodeScalars.allSatisfy({ ScriptClass.isCJK($0.value) && !isCJKPunctuation($0) }), context.recurrence(term.text) >= 2,
                !(lexicon.word(ChineseLexicon.simplified(term.text))?.everyday ?? false), !lexicon.isPhrase(term.text)
            else { continue }
            found.append(StatedGloss(zh: term.text, en: english, abbreviation: "", offset: offsets[term.start], isBare: true))
        }
        return found
    }

    /// The glosses `text` states with brackets, markers and naming clauses (see `glosses`).
    static func markedGlosses(
        in text: String, recurrence: ((String) -> Int)?, standalone: ((String) -> Int)?, runStarts: ((String) -> Int)? = nil,
        afterEdge: ((String) -> Int)? = nil, lexicon: ChineseLexicon?, lineStarts: @autoclosure () -> Set<Int>
    ) -> [StatedGloss] {
        let scalars = Array(text.unicodeScalars)
        // Markers are found in the text's Simplified characters (又稱 is 又称), one for one, and
        // Cantonese 即係 as 即是 (that is), not 即系.
        var keys = ChineseLexicon.hasTraditional(text) ? ChineseLexicon.simplified(scalars) : scalars
        // Cantonese 係 is the copula 是 in the markers (即係, 英文係, 就係), not 系.
        for index in scalars.indices.dropFirst() where scalars[index] == "係" && "即文就".unicodeScalars.contains(scalars[index - 1]) { keys[index] = "是" }
        let hasTable = text.utf8.contains(UInt8(ascii: "|"))
        var rows = (hasTable ? tableGlosses(in: text) : []) + colonEntryGlosses(in: text, lexicon: lexicon, lineStarts: lineStarts())
        // A table's header row names columns (| 中文 | English | 缩写 |): no marker there states a gloss.
        if hasTable {
            var lineStart = 0
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for index in lines.indices {
                let count = lines[index].unicodeScalars.count
                if isTableHeader(lines, at: index) {
                    for position in lineStart..<(lineStart + count) { keys[position] = " " }
                }
                lineStart += count + 1
            }
        }
        // An acronym is in capitals: most units hold none, and are not read for one.
        if text.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) {
            rows += copulaGlosses(scalars, keys: keys, lexicon: lexicon)
        }
        // Most units state no gloss: without a bracket or a marker's first character there is
        // nothing to read.
        let spacesAreMarks = lexicon != nil && spacesMarkSegments(scalars)
        let commaStated = lexicon != nil && (mayStateCommaGloss(text) || spacesAreMarks)
        guard commaStated || keys.contains(where: { isTrigger($0) }) else { return agreeingOnExtents(rows.map(withoutTitleMarks)) }
        var offsets = [Int](repeating: 0, count: scalars.count + 1)
        for (index, scalar) in scalars.enumerated() { offsets[index + 1] = offsets[index] + UTF8.width(scalar) }
        var lineStartIndices = Set<Int>()
        // Asked for only here, past the trigger check: finding them measures every line.
        for start in lineStarts() {
            // offsets is increasing: the scalar that starts at UTF-8 offset `start`, if any.
            var low = 1
            var high = offsets.count - 1
            while low < high {
                let middle = (low + high) / 2
                if offsets[middle] < start { low = middle + 1 } else { high = middle }
            }
            if low < offsets.count && offsets[low] == start { lineStartIndices.insert(low) }
        }
        let utf8 = recurrence == nil || standalone == nil || afterEdge == nil ? Array(text.utf8) : []
        // Counted in the text unless the caller counts in the corpus: then from its recurrence.
        let afterEdge = afterEdge ?? recurrence.map { recurrence in { usesAfterEdge($0, recurrence: recurrence) } } ?? { occurrencesAfterEdge(of: $0, in: utf8) }
        let context = Context(
            recurrence: recurrence ?? { occurrences(of: $0, in: utf8) }, standalone: standalone ?? { standaloneOccurrences(of: $0, in: utf8) },
            runStarts: runStarts, lexicon: lexicon, lineStarts: lineStartIndices, afterEdge: afterEdge)
        var found: [StatedGloss] = []
        var index = 0
        while index < scalars.count {
            let scalar = keys[index]
            guard isTrigger(scalar) else {
                index += 1
                continue
            }
            if scalar == "（" || scalar == "(" {
                if let close = closingBracket(scalars, from: index), close - index <= 80 {
                    let inside = String(String.UnicodeScalarView(scalars[(index + 1)..<close])).trimmingWhitespace()
                    found += bracketGlosses(before: scalars, bracket: index, inside: inside, offsets: offsets, context: context)
                    index = close + 1
                    continue
                }
            }
            if let marker = appositionMarker(keys, at: index) {
                if Self.asksIdentity(keys, markerStart: index, markerEnd: index + marker) {
                    index += marker
                    continue
                }
                let glosses = appositionGlosses(scalars, keys: keys, markerStart: index, markerEnd: index + marker, offsets: offsets, context: context)
                let namesLanguage = "英中译一".unicodeScalars.contains(keys[index])
                if glosses.isEmpty && !namesLanguage,
                    let gloss = chineseApposition(scalars, markerStart: index, markerEnd: index + marker, strict: false, offsets: offsets, context: context)
                {
                    found.append(gloss)
                }
                found += glosses
                // A marker holds no shorter marker (中文一般译作 holds 译作).
                index += marker
                continue
            }
            if let marker = chineseAppositionMarker(keys, at: index), !Self.asksIdentity(keys, markerStart: index, markerEnd: index + marker.count),
                let gloss = chineseApposition(scalars, markerStart: index, markerEnd: index + marker.count, strict: marker.strict, offsets: offsets, context: context)
            {
                found.append(gloss)
                index += marker.count
                continue
            }
            // `火山泥流，印尼语叫 lahar`: a name in a language the marker list does not hold.
            if let lexicon, let marker = languageNaming(keys, verbAt: index, lexicon: lexicon),
                case let glosses = appositionGlosses(scalars, keys: keys, markerStart: marker.start, markerEnd: marker.end, offsets: offsets, context: context),
                !glosses.isEmpty
            {
                found += glosses
                index = marker.end
                continue
            }
            // `著者号，国外叫 Cutter number`: who calls it so, then a Latin name, as 英文叫 gives one.
            if let clause = namingClause(keys, at: index), clause.namesLatin, clause.bySpeakers,
                case let glosses = appositionGlosses(scalars, keys: keys, markerStart: clause.start, markerEnd: clause.end, offsets: offsets, context: context),
                !glosses.isEmpty
            {
                found += glosses
                index = clause.end
                continue
            }
            if lexicon != nil, let gloss = bareNamingGloss(scalars, keys: keys, at: index, offsets: offsets, context: context) {
                found.append(gloss)
                index += 1
                continue
            }
            if let clause = namingClause(keys, at: index),
                let gloss = clause.namesLatin
                    ? chineseApposition(scalars, markerStart: clause.start, markerEnd: clause.end, strict: true, offsets: offsets, context: context)
                    : clause.bySpeakers
                        ? chineseApposition(scalars, markerStart: index, markerEnd: clause.end, strict: false, offsets: offsets, context: context)
                        : topicNaming(scalars, clauseStart: clause.start, nameStart: clause.end, offsets: offsets, context: context)
            {
                found.append(gloss)
                index = clause.end
                continue
            }
            index += 1
        }
        if commaStated {
            // Other shapes read some of the same pairs (`KYC，即係客戶身份審查`).
            let stated = Set(found.map { [$0.zh, $0.en.lowercased(), $0.abbreviation] })
            found += commaGlosses(scalars, keys: keys, offsets: offsets, spacesAreMarks: spacesAreMarks, context: context).filter { !stated.contains([$0.zh, $0.en.lowercased(), $0.abbreviation]) }
        }
        return agreeingOnExtents((found + rows).map(withoutTitleMarks))
    }

    /// Whether a copula (就是, 即是, not 也就是) opens a clause that ends in a question mark
    /// (`URI 就是网址吗？`): a question asks whether two names are one; it does not say so. An
    /// apposition inside a question (`你能解释一下X，也就是ASL级别吗？`) still states it. The
    /// clause ends at the first mark of punctuation, 40 characters at most.
    static func asksIdentity(_ keys: [Unicode.Scalar], markerStart: Int, markerEnd: Int) -> Bool {
        let marker = String(String.UnicodeScalarView(keys[markerStart..<markerEnd]))
        guard marker == "就是" || marker == "即是", markerStart == 0 || keys[markerStart - 1] != "也" else { return false }
        var index = markerEnd
        let start = markerEnd
        while index < keys.count && index - start < 40 {
            if keys[index] == "？" || keys[index] == "?" { return true }
            if "。！!；;，,：:\n（(".unicodeScalars.contains(keys[index]) { return false }
            index += 1
        }
        return false
    }

    /// A gloss whose Chinese name is a title in its marks (`《中国图书馆分类法》`, as a standard or
    /// a book is written) names it without them.
    static func withoutTitleMarks(_ gloss: StatedGloss) -> StatedGloss {
        guard gloss.zh.hasPrefix("《"), gloss.zh.hasSuffix("》"), gloss.zh.count > 2 else { return gloss }
        let inner = gloss.zh.dropFirst().dropLast()
        guard !inner.contains("《"), !inner.contains("》") else { return gloss }
        var bare = gloss
        bare.zh = String(inner)
        return bare
    }

    /// `ACRONYM 是 Expansion` (also 指, 即, 代表, 全称, 全称是; `的缩写` after it or not), and the
    /// rendering after a comma when it reads as a term (`ATP 是 Automatic Train Protection，
    /// 列车自动防护，…`): read only where the acronym's letters agree with an expansion of two
    /// words or more (Schwartz–Hearst), as 是 mostly says what a thing is. `keys` are `scalars`
    /// in Simplified characters; offsets in the glosses are UTF-8, 0-based.
    static func copulaGlosses(_ scalars: [Unicode.Scalar], keys: [Unicode.Scalar], lexicon: ChineseLexicon?) -> [StatedGloss] {
        var glosses: [StatedGloss] = []
        for index in keys.indices.dropFirst() where copulaOpenings.contains(keys[index].value) {
            guard let marker = copulaMarkers.first(where: { index + $0.count <= keys.count && keys[index..<(index + $0.count)].elementsEqual($0) }) else { continue }
            let before = keys[index - 1]
            guard before == " " || (before.isASCII && before.properties.isUppercase || ("0"..."9").contains(before)),
                let acronym = latinTerm(before: scalars, end: index), isAcronym(acronym.text)
            else { continue }
            var stop = index + marker.count
            while stop < scalars.count && scalars[stop] == " " { stop += 1 }
            let latinEnd = latinWordsEnd(scalars, from: stop)
            let english = String(String.UnicodeScalarView(scalars[stop..<latinEnd])).trimmingWhitespace()
            guard latinEnd == scalars.count || !(scalars[latinEnd].isASCII && ("0"..."9").contains(scalars[latinEnd])),
                english.split(separator: " ").count >= 2, lettersAgree(short: acronym.text, long: english)
            else { continue }
            // The rendering: the Chinese between the comma after the expansion (and 的缩写) and
            // the next mark, after a rendering marker if one comes first (国内一般译作…).
            var chinese = ""
            var comma = latinEnd
            if let ending = abbreviationEndings.first(where: { comma + $0.count <= keys.count && keys[comma..<(comma + $0.count)].elementsEqual($0) }) {
                comma += ending.count
            }
            if let lexicon, comma < scalars.count, scalars[comma] == "，" || scalars[comma] == "," {
                var start = comma + 1
                let window = String(String.UnicodeScalarView(keys[start..<min(keys.count, start + 8)]))
                if let marker = renderingMarkers.filter({ window.contains($0) }).max(by: { $0.count < $1.count }),
                    let range = window.range(of: marker), window.unicodeScalars[..<range.lowerBound].count <= 4
                {
                    start += window.unicodeScalars[..<range.upperBound].count
                }
                var end = start
                while end < scalars.count && ScriptClass.isCJK(scalars[end].value) && !isCJKPunctuation(scalars[end]) && end - start < 12 { end += 1 }
                let candidate = String(String.UnicodeScalarView(scalars[start..<end]))
                // What the acronym does (主要负责…) opens with an everyday adverb, verb or adjective.
                let opening = lexicon.words(of: candidate).first.flatMap { lexicon.word($0) }
                let opensClause = opening.map { $0.everyday && ($0.wordClass != .content || $0.isAdjective || $0.isVerbal) } ?? false
                if end < scalars.count, isCJKPunctuation(scalars[end]) || ",.;".unicodeScalars.contains(scalars[end]), isChineseGlossText(candidate),
                    isTermLike(candidate, lexicon: lexicon), !opensClause
                {
                    chinese = candidate
                }
            }
            let offset = scalars[..<acronym.start].reduce(0) { $0 + UTF8.width($1) }
            glosses.append(StatedGloss(zh: chinese, en: english, abbreviation: acronym.text, offset: offset))
        }
        return glosses
    }

    /// Where a run of ASCII letters, spaces and hyphens that starts at `start` ends (an index
    /// into `scalars`): the words of an acronym's expansion.
    static func latinWordsEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var end = start
        while end < scalars.count && scalars[end].isASCII && (scalars[end].properties.isAlphabetic || scalars[end] == " " || scalars[end] == "-") {
            end += 1
        }
        return end
    }

    /// What follows an expansion that says the acronym abbreviates it (`…的缩写`).
    static let abbreviationEndings: [[Unicode.Scalar]] = ["的缩写", "的简称", "的缩略"].map { Array($0.unicodeScalars) }

    /// What links an acronym to its expansion in `copulaGlosses`, longest first.
    static let copulaMarkers: [[Unicode.Scalar]] = ["全称是", "全称", "代表", "是", "指", "即"].map { Array($0.unicodeScalars) }
    private static let copulaOpenings: [UInt32] = Array(Set(copulaMarkers.map { $0[0].value }))

    /// The row under a Markdown table's header: `|---|:--:|`.
    static func isTableDelimiter(_ line: Substring) -> Bool { line.contains("-") && line.allSatisfy { "|-: ".contains($0) } }

    /// Whether `lines[index]` is a Markdown table's header row: a row over a `|---|` row.
    static func isTableHeader(_ lines: [Substring], at index: Int) -> Bool {
        index + 1 < lines.count && lines[index].trimmingWhitespace().hasPrefix("|") && isTableDelimiter(lines[index + 1])
    }

    /// The glosses a table's rows state, cell beside cell (a glossary or a list of formats, as
    /// Markdown tables set them): two columns side by side whose cells in every row of the
    /// table are an abbreviation and its expansion, their letters agreeing (`| TTF | TrueType
    /// Font | … |`, either order), or a short Chinese name and a Latin one (`| 字距 | kerning |`).
    /// A column is one kind of thing: one cell that describes (a comma, a sentence) rules its
    /// column out. The header row (the one before `|---|`) states none.
    static func tableGlosses(in text: String) -> [StatedGloss] {
        typealias Cell = (text: String, offset: Int)
        var tables: [[[Cell]]] = [[]]
        var lineOffset = 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            defer { lineOffset += line.utf8.count + 1 }
            let trimmed = line.trimmingWhitespace()
            guard trimmed.hasPrefix("|"), trimmed.hasSuffix("|"), trimmed.count >= 3 else {
                if !(tables.last?.isEmpty ?? true) { tables.append([]) }
                continue
            }
            if isTableDelimiter(line) || isTableHeader(lines, at: index) { continue }
            var cells: [Cell] = []
            var offset = lineOffset
            for cell in line.split(separator: "|", omittingEmptySubsequences: false) {
                let leading = cell.utf8.count - cell.drop(while: { $0 == " " }).utf8.count
                cells.append((cell.trimmingWhitespace(), offset + leading))
                offset += cell.utf8.count + 1
            }
            tables[tables.count - 1].append(cells)
        }
        /// The gloss two cells side by side state, or nil.
        func gloss(_ first: Cell, _ second: Cell) -> StatedGloss? {
            let latinFirst = !hasChineseText(first.text), latinSecond = !hasChineseText(second.text)
            let offset = min(first.offset, second.offset)
            if latinFirst && latinSecond {
                for (short, long) in [(first, second), (second, first)]
                where isAbbreviation(short.text) && long.text.split(separator: " ").count >= 2 && lettersAgree(short: short.text, long: long.text) {
                    return StatedGloss(zh: "", en: long.text, abbreviation: short.text, offset: offset)
                }
                return nil
            }
            let (chinese, latin) = latinFirst ? (second, first) : (first, second)
            guard latinFirst != latinSecond, isChineseGlossText(chinese.text), !chinese.text.contains(" "), latin.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }),
                latin.text.split(separator: " ").count <= 6, !latin.text.contains(",")
            else { return nil }
            let abbreviation = isAbbreviation(latin.text)
            return StatedGloss(zh: chinese.text, en: abbreviation ? "" : latin.text, abbreviation: abbreviation ? latin.text : "", offset: offset)
        }
        var found: [StatedGloss] = []
        for rows in tables where !rows.isEmpty {
            let columns = rows.map(\.count).min() ?? 0
            // A column of abbreviations whose letters agree with an English column, row by row,
            // abbreviates that column: a Chinese column beside it (who is in charge) renders
            // none of them.
            let expanded = Set((0..<columns).filter { column in
                let filled = rows.filter { !isEmptyCell($0[column].text) }
                return !filled.isEmpty && filled.allSatisfy { isAbbreviation($0[column].text) } && (0..<columns).contains { other in
                    other != column && filled.allSatisfy { lettersAgree(short: $0[column].text, long: $0[other].text) && $0[other].text.contains(" ") }
                }
            })
            for column in 0..<max(0, columns - 1) {
                // A dash or similar in a cell says the row has none (an abbreviation column).
                let pairs = rows.map { row in (row[column], row[column + 1]) }.filter { !isEmptyCell($0.0.text) && !isEmptyCell($0.1.text) }
                let chineseBeside = pairs.contains { hasChineseText($0.0.text) || hasChineseText($0.1.text) }
                if chineseBeside && (expanded.contains(column) || expanded.contains(column + 1)) { continue }
                let glosses = pairs.map { gloss($0.0, $0.1) }
                guard !glosses.isEmpty, glosses.allSatisfy({ $0 != nil }) else { continue }
                found += glosses.compactMap { $0 }
            }
        }
        return found
    }

    /// A table cell that stands for no value: empty, a dash, a slash, N/A, 无.
    static func isEmptyCell(_ text: String) -> Bool {
        text.isEmpty || ["-", "--", "—", "——", "–", "/", "n/a", "na", "none", "无", "暂无", "…", "..."].contains(text.lowercased())
    }

    /// Two statements about one occurrence of a term agree on where it starts: when one
    /// gloss's Chinese name ends where another's does and holds it with words before it
    /// (降低|低密度脂蛋白胆固醇（LDL-C），也就是俗称的坏胆固醇), the shorter extent, which the
    /// other statement names as a term of its own, is the term's. A gloss without Chinese that
    /// another gives with it is left out.
    static func agreeingOnExtents(_ glosses: [StatedGloss]) -> [StatedGloss] {
        guard glosses.count > 1 else { return glosses }
        var result = glosses
        for (index, gloss) in glosses.enumerated() where !gloss.zh.isEmpty {
            let end = gloss.offset + gloss.zh.utf8.count
            let shorter = glosses.filter { other in
                other.zh.count >= 2 && other.zh.count < gloss.zh.count && gloss.zh.hasSuffix(other.zh)
                    && other.offset + other.zh.utf8.count == end
            }
            guard let name = shorter.max(by: { $0.zh.count < $1.zh.count })?.zh else { continue }
            result[index].offset = end - name.utf8.count
            result[index].zh = name
        }
        // An abbreviation's expansion stated again with its rendering (MES (manufacturing
        // execution system)，即制造执行系统) is one gloss, the one with the rendering;
        // HLC（Hybrid Logical Clock），中文一般译作混合逻辑时钟 likewise: the rendering takes the
        // names it lacks from the gloss without Chinese.
        for expansion in result where expansion.zh.isEmpty {
            guard let index = result.firstIndex(where: { !$0.zh.isEmpty
                && ((!expansion.abbreviation.isEmpty && $0.abbreviation == expansion.abbreviation) || (!expansion.en.isEmpty && $0.en == expansion.en)) })
            else { continue }
            if result[index].en.isEmpty { result[index].en = expansion.en }
            if result[index].abbreviation.isEmpty { result[index].abbreviation = expansion.abbreviation }
            result.removeAll { $0 == expansion }
        }
        return result
    }

    // MARK: Brackets

    private static func closingBracket(_ scalars: [Unicode.Scalar], from open: Int) -> Int? {
        var depth = 0
        // A gloss is short; looking no further keeps a line of brackets linear.
        for index in open..<min(scalars.count, open + 200) {
            switch scalars[index] {
            case "（", "(": depth += 1
            case "）", ")":
                depth -= 1
                if depth == 0 { return index }
            case "\n": return nil
            default: break
            }
        }
        return nil
    }

    /// The glosses of a list of terms written `中文：English` a line each (`- 熔池：melt pool`, a
    /// bullet, number or footnote mark before it allowed): a Chinese name of two to sixteen
    /// characters with no clause word after its first word, a colon, and one to six English
    /// words that end the line (an English sentence is no name) or, in a marked entry, a
    /// full-width comma or semicolon before its definition (`[3] 眼内炎：endophthalmitis，术后…`);
    /// the entries are marked, or two or more. Brackets before the English's end are read as
    /// bracket glosses.
    static func colonEntryGlosses(in text: String, lexicon: ChineseLexicon?, lineStarts: @autoclosure () -> Set<Int>) -> [StatedGloss] {
        // Most texts hold no colon before a Latin letter; they are told by one pass over their bytes.
        guard Self.hasColonBeforeLatin(text.utf8) else { return [] }
        var found: [(gloss: StatedGloss, bulleted: Bool)] = []
        for (lineOffset, line) in lines(of: text, lineStarts: lineStarts()) {
            // The mark (`- `, `2.`, `[2]`, `[^2]:`), then the head up to the colon.
            var entry = line.unicodeScalars.drop { isListMarkScalar($0) }[...]
            if entry.first == ":", entry.startIndex > line.unicodeScalars.startIndex,
                line.unicodeScalars[line.unicodeScalars.index(before: entry.startIndex)] == "]"
            {
                entry = entry.dropFirst().drop { $0 == " " }
            }
            let marked = line.unicodeScalars[..<entry.startIndex].contains { $0 != " " }
            guard let colon = entry.firstIndex(where: { $0 == "：" || $0 == ":" }) else { continue }
            var head = Substring(entry[..<colon])
            while head.last == " " { head = head.dropLast() }
            var english = Substring(line.unicodeScalars[line.unicodeScalars.index(after: colon)...])
            // In a marked entry a definition may follow the name (`眼内炎：endophthalmitis，术后…`).
            if marked, let comma = english.firstIndex(where: { $0 == "，" || $0 == "；" }), english[comma...].containsCJK {
                english = english[..<comma]
            }
            guard !head.contains("（"), !head.contains("("), !english.contains("（"), !english.contains("(") else { continue }
            let name = english.trimmingWhitespace().trimmingCharacters(in: ["。", "；", ";", "."])
            let words = name.split(separator: " ")
            guard head.count >= 2, head.count <= 16, head.unicodeScalars.allSatisfy({ ScriptClass.isCJK($0.value) && !isCJKPunctuation($0) }),
                (1...6).contains(words.count), name.count <= 60, name.contains(where: \.isLetter),
                words.allSatisfy({ word in word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "'") } }),
                !holdsClauseWord(String(head), lexicon: lexicon)
            else { continue }
            let offset = lineOffset + line.utf8.distance(from: line.utf8.startIndex, to: head.startIndex)
            found.append((StatedGloss(zh: String(head), en: name, abbreviation: "", offset: offset), marked))
        }
        // A list: marked entries, or two entries or more (one `时间：Monday` line of a header is
        // none).
        return found.filter { found.count >= 2 || $0.bulleted }.map(\.gloss)
    }

    /// Whether `bytes` (UTF-8) hold a colon (`:` or `：`), spaces aside, before an ASCII letter.
    static func hasColonBeforeLatin(_ bytes: some Sequence<UInt8>) -> Bool {
        var afterColon = false
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in bytes {
            if afterColon {
                if byte == 0x20 { continue }
                if (0x41...0x5A).contains(byte & 0xDF) { return true }
                afterColon = false
            }
            // ： is EF BC 9A.
            if byte == UInt8(ascii: ":") || (byte == 0x9A && previous == (0xEF, 0xBC)) { afterColon = true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// The lines of `text` with their UTF-8 offsets: its own (after `\n`) and the source lines it
    /// joined (`lineStarts`, UTF-8 offsets where they start).
    static func lines(of text: String, lineStarts: Set<Int>) -> [(offset: Int, text: String)] {
        let bytes = Array(text.utf8)
        var starts = lineStarts.filter { $0 > 0 && $0 < bytes.count }
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.insert(index + 1) }
        let bounds = [0] + starts.sorted() + [bytes.count]
        return zip(bounds, bounds.dropFirst()).filter { $0 < $1 }.map { ($0, String(decoding: bytes[$0..<$1], as: UTF8.self)) }
    }

    /// Whether a Chinese name holds a clause word after its first word, and so reads as a
    /// sentence (有一类方法叫X); a first clause word may be a transliteration's (替 of 替米沙坦).
    /// A clause word of one character between two single characters is a character of a word
    /// the list lacks (吸|除|术 of 超声乳化白内障吸除术), not a clause's.
    static func holdsClauseWord(_ name: String, lexicon: ChineseLexicon?) -> Bool {
        guard let lexicon else { return false }
        let words = lexicon.words(of: name)
        return words.indices.dropFirst().contains { index in
            guard lexicon.word(words[index])?.wordClass == .clause else { return false }
            let single = { (at: Int) in words[at].unicodeScalars.count == 1 }
            return !(single(index) && index + 1 < words.count && single(index - 1) && single(index + 1))
        }
    }

    /// The head of an entry of a list of terms, `- 中文（English）：definition`: all the line holds
    /// before the bracket (after a bullet or number), when a colon follows the bracket. The layout
    /// names the term, however the dictionary cuts it (加巴喷丁, whose 喷 it reads as a verb).
    /// Nil for any other bracket, a head of fewer than two or more than sixteen characters, or
    /// one holding a clause word after its first word (a sentence).
    static func listEntryHead(_ scalars: [Unicode.Scalar], bracket: Int, context: Context) -> (text: String, start: Int)? {
        guard let close = closingBracket(scalars, from: bracket) else { return nil }
        var after = close + 1
        while after < scalars.count && scalars[after] == " " { after += 1 }
        guard after < scalars.count, scalars[after] == "：" || scalars[after] == ":" else { return nil }
        return listItemHead(scalars, end: bracket, context: context, requiresMarker: false)
    }

    /// The head of a list item or footnote that ends at `end` (a scalar index): all its line
    /// holds before `end` after a bullet, a number or a footnote mark (`- `, `2.`, `[2]`, `[^2]:`,
    /// `②`), or after the line's start when `requiresMarker` is false. The layout names the term,
    /// however the dictionary cuts it (超声乳化白内障吸除术, whose 除 it reads as a preposition).
    /// Nil for a head of fewer than two or more than sixteen characters, or one holding a clause
    /// word after its first word (a sentence).
    static func listItemHead(_ scalars: [Unicode.Scalar], end: Int, context: Context, requiresMarker: Bool) -> (text: String, start: Int)? {
        var start = end
        while start > 0 && scalars[start - 1] != " " && isTermScalar(scalars[start - 1]) && !context.lineStarts.contains(start) { start -= 1 }
        guard end - start >= 2, end - start <= 16 else { return nil }
        var lead = start
        while lead > 0 && !context.lineStarts.contains(lead) && (isListMarkScalar(scalars[lead - 1])
            || (scalars[lead - 1] == ":" && lead > 1 && scalars[lead - 2] == "]"))
        {
            lead -= 1
        }
        guard lead == 0 || context.lineStarts.contains(lead) || scalars[lead - 1] == "\n" else { return nil }
        if requiresMarker && !scalars[lead..<start].contains(where: { $0 != " " }) { return nil }
        let head = String(String.UnicodeScalarView(scalars[start..<end]))
        // A sentence that ends in a gloss and a colon (有一类方法叫X（…）：) is no entry.
        return isChineseGlossText(head) && !holdsClauseWord(head, lexicon: context.lexicon) ? (head, start) : nil
    }

    /// Whether a scalar may make up a list item's bullet, number or footnote mark (`- `, `2.`,
    /// `3)`, `[2]`, `[^2]`, `②`) before its head.
    static func isListMarkScalar(_ scalar: Unicode.Scalar) -> Bool {
        " -*•+.、)）[]^".unicodeScalars.contains(scalar) || ("0"..."9").contains(scalar) || (0x2460...0x2473).contains(scalar.value)
    }

    private static func bracketGlosses(
        before scalars: [Unicode.Scalar], bracket: Int, inside: String, offsets: [Int], context: Context
    ) -> [StatedGloss] {
        guard !inside.isEmpty, !isRejectedParenthetical(inside) else { return [] }
        var inside = inside
        // ZH（俗称“ZH2”）, ZH（简称ZH2）: another Chinese name of the term before the bracket (after
        // 简称, the full name holds the short form's characters in order: 刚性兑付（俗称“刚兑”）).
        if let marker = aliasMarkers.first(where: { inside.hasPrefix($0) }), let lexicon = context.lexicon {
            let alias = inside.dropFirst(marker.count).trimmingWhitespace().trimmingCharacters(in: ["“", "”", "\"", "「", "」", "『", "』"])
            guard isChineseGlossText(alias), alias.count >= 2 else { return [] }
            let aliasSize = lexicon.words(of: alias).count
            guard let term = (marker.contains("简称") ? fullName(ofShortForm: alias, before: scalars, end: bracket, lexicon: lexicon) : nil)
                ?? chineseTerm(before: scalars, end: bracket, englishSize: aliasSize, otherName: alias, context: context),
                term.text != alias, !alias.contains(term.text), isChineseGlossText(term.text)
            else { return [] }
            return [StatedGloss(zh: term.text, en: "", abbreviation: "", offset: offsets[term.start], zhVariant: alias)]
        }
        // ZH（EN，简称 ZH2）: the gloss, with a short or other Chinese name of the same concept
        // in an aside after the last comma as its variant (货运代理（freight forwarder，简称货代）).
        // After an abbreviation (LDL（low-density lipoprotein，俗称坏胆固醇）) the name is the
        // expansion's rendering.
        if let comma = inside.lastIndex(where: { $0 == "，" || $0 == "," }) {
            let aside = inside[inside.index(after: comma)...].trimmingWhitespace()
            if let marker = aliasMarkers.first(where: { aside.hasPrefix($0) }) {
                let alias = aside.dropFirst(marker.count).trimmingWhitespace().trimmingCharacters(in: ["“", "”", "\"", "「", "」"])
                let head = inside[..<comma].trimmingWhitespace()
                if isChineseGlossText(alias), !head.isEmpty, !hasChineseText(head) {
                    let glosses = bracketGlosses(before: scalars, bracket: bracket, inside: head, offsets: offsets, context: context).map { gloss in
                        var gloss = gloss
                        if gloss.zh.isEmpty { gloss.zh = alias } else if gloss.zh != alias { gloss.zhVariant = alias }
                        return gloss
                    }
                    if !glosses.isEmpty { return glosses }
                    inside = head + "，" + alias
                }
                // ZH（EN，也叫 EN2）: a second English name of the same concept (前叉偏移（fork
                // offset，也叫 rake）), folded into the gloss as its English variant.
                if !hasChineseText(alias), alias.unicodeScalars.contains(where: { $0.properties.isAlphabetic }), isEnglishName(alias), !head.isEmpty,
                    !hasChineseText(head)
                {
                    var glosses = bracketGlosses(before: scalars, bracket: bracket, inside: head, offsets: offsets, context: context)
                    guard let first = glosses.first, !first.zh.isEmpty, !first.en.isEmpty else { return glosses }
                    // A short form whose letters agree is the abbreviation (测试压片（test pressing，简称 TP）).
                    if first.abbreviation.isEmpty, isAbbreviation(alias), lettersAgree(short: alias, long: first.en) {
                        glosses[0].abbreviation = alias
                        return glosses
                    }
                    var second = StatedGloss(zh: first.zh, en: alias, abbreviation: "", offset: first.offset)
                    second.isSecondName = true
                    return glosses + [second]
                }
            }
        }
        let insideIsLatin = !hasChineseText(inside) && inside.unicodeScalars.contains { $0.properties.isAlphabetic }
        if insideIsLatin {
            // ZH（EN） or ZH（long form，ABBR） or ZH（ABBR）.
            guard let english = englishGloss(inside) else { return [] }
            // ABBR（English expansion）: an abbreviation right before the bracket, its letters
            // agreeing, that the Chinese found before the bracket ends with (化验单上的LDL), or
            // with no Chinese before it, is what the bracket expands. So is a one-word name
            // whose letters agree with an expansion of two words or more (投资人 a16z（Andreessen
            // Horowitz）): the Chinese before it is its class, not its rendering. (A word of the
            // English itself, as AI of 宪法式 AI（Constitutional AI）, is no abbreviation of it.)
            let term = chineseTerm(
                before: scalars, end: bracket, englishSize: englishSize(english.long, english.short),
                englishModifierIsHyphenated: hasHyphenatedModifier(english.long), englishIsNumbered: startsWithNumber(english.long),
                englishSizeIsLoose: !english.long.isEmpty, englishJoinsWithAnd: joinsWithAnd(english.long), englishName: english.long, context: context)
            if english.short.isEmpty, let latin = latinTerm(before: scalars, end: bracket),
                isAbbreviation(latin.text) || (!latin.text.contains(" ") && english.long.contains(" ")),
                term.map({ $0.text.hasSuffix(latin.text) }) ?? true,
                lettersAgree(short: latin.text, long: english.long),
                !english.long.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).contains(Substring(latin.text.lowercased()))
            {
                // `X，就是 ABBR（expansion）`: the clause before names it in Chinese (做引导骨再生，就是
                // GBR（guided bone regeneration）).
                let named = appositionBefore(scalars, latinStart: latin.start).flatMap { comma in
                    chineseTerm(
                        before: scalars, end: comma, englishSize: englishSize(english.long, ""), englishSizeIsLoose: true,
                        englishJoinsWithAnd: joinsWithAnd(english.long), englishName: english.long, context: context)
                }.flatMap { term -> (text: String, start: Int)? in
                    // A predicate (这一步很关键，就是GBR（…）) names nothing.
                    guard isChineseGlossText(term.text), let lexicon = context.lexicon, isTermLike(term.text, lexicon: lexicon),
                        !opensWithAdverb(lexicon.words(of: term.text), lexicon: lexicon)
                    else { return nil }
                    return term
                }
                return [StatedGloss(zh: named?.text ?? "", en: english.long, abbreviation: latin.text, offset: offsets[named?.start ?? latin.start])]
            }
            guard let term = listEntryHead(scalars, bracket: bracket, context: context) ?? term else {
                // No Chinese name before it (了解你的客户（Know Your Customer，KYC）): the bracket
                // still pairs an expansion with its abbreviation, when their letters agree.
                if !english.long.isEmpty, !english.short.isEmpty {
                    return [StatedGloss(zh: "", en: english.long, abbreviation: english.short, offset: offsets[bracket])]
                }
                return []
            }
            var (text, start) = (term.text, term.start)
            // A Latin word the term opens with that the English does not hold is a maker's name
            // (Witschi|校表儀（timegrapher）), not the term's; a letter the English holds is
            // (B超（B-mode ultrasound）).
            let opening = text.unicodeScalars.prefix { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
            let rest = text.unicodeScalars.dropFirst(opening.count).drop { $0 == " " || $0 == "的" }
            if opening.count >= 2, rest.count >= 2, rest.allSatisfy({ ScriptClass.isCJK($0.value) }),
                !(english.long + " " + english.short).lowercased().filter({ $0.isLetter || $0.isNumber }).contains(String(String.UnicodeScalarView(opening)).lowercased())
            {
                start += text.unicodeScalars.count - rest.count
                text = String(String.UnicodeScalarView(rest))
            }
            // Latin letters the term starts with, written against it, that the abbreviation
            // starts with too (ST段抬高型心肌梗死（STEMI）): the dictionary knows no such word.
            var latinStart = start
            while latinStart > 0 && scalars[latinStart - 1].isASCII
                && (scalars[latinStart - 1].properties.isAlphabetic || ("0"..."9").contains(scalars[latinStart - 1]))
            {
                latinStart -= 1
            }
            let letters = String(String.UnicodeScalarView(scalars[latinStart..<start]))
            if !letters.isEmpty, letters.count < english.short.count, english.short.uppercased().hasPrefix(letters.uppercased()) {
                (text, start) = (letters + text, latinStart)
            }
            // An entry of a list of terms, `ABBR：中文（English）`: the label is the abbreviation
            // when its letters agree with the English.
            var abbreviation = english.short
            var colon = start
            while colon > 0 && scalars[colon - 1] == " " { colon -= 1 }
            if abbreviation.isEmpty, colon > 0, scalars[colon - 1] == "：" || scalars[colon - 1] == ":",
                let label = latinTerm(before: scalars, end: colon - 1), isAbbreviation(label.text), lettersAgree(short: label.text, long: english.long)
            {
                abbreviation = label.text
            }
            return [StatedGloss(zh: text, en: english.long, abbreviation: abbreviation, offset: offsets[start])]
        }
        let inner = inside.hasPrefix("也就是") || inside.hasPrefix("即") || inside.hasPrefix("也称") || inside.hasPrefix("又称")
        if inner {
            // A（也就是B，也就是C）: each B is another name of A.
            return appositionTargets(inside).flatMap { target -> [StatedGloss] in
                pair(termBefore: scalars, end: bracket, with: target, offsets: offsets, context: context)
            }
        }
        // ACRONYM（English expansion，中文）: the acronym, its expansion and the rendering, when
        // the acronym's letters agree with the expansion (Schwartz–Hearst). An expansion
        // holds small words (from, of, for), so it is never split into two names. Mixed-case
        // short forms the letters confirm (UCIe) count as acronyms here.
        if let acronym = latinTerm(before: scalars, end: bracket), isAbbreviation(acronym.text),
            let comma = inside.lastIndex(where: { $0 == "，" || $0 == "," })
        {
            let english = inside[..<comma].trimmingWhitespace()
            var chinese = inside[inside.index(after: comma)...].trimmingWhitespace()
            // `DTW（depth to water，即埋深）`: a rendering marker before the rendering.
            if let marker = renderingMarkers.sorted(by: { $0.count > $1.count }).first(where: { ChineseLexicon.simplified(chinese).hasPrefix($0) }) {
                chinese = String(chinese.dropFirst(marker.count)).trimmingWhitespace()
            }
            if !hasChineseText(english), isExpansion(english, of: acronym.text), isChineseGlossText(chinese),
                lettersAgree(short: acronym.text, long: english)
            {
                return [StatedGloss(zh: chinese, en: english, abbreviation: acronym.text, offset: offsets[acronym.start])]
            }
            // ACRONYM（中文，English expansion）: the same three names, the rendering first.
            let firstComma = inside.firstIndex(where: { $0 == "，" || $0 == "," }) ?? comma
            let rendering = inside[..<firstComma].trimmingWhitespace()
            let expansion = inside[inside.index(after: firstComma)...].trimmingWhitespace()
            if !hasChineseText(expansion), isExpansion(expansion, of: acronym.text), isChineseGlossText(rendering),
                lettersAgree(short: acronym.text, long: expansion)
            {
                return [StatedGloss(zh: rendering, en: expansion, abbreviation: acronym.text, offset: offsets[acronym.start])]
            }
        }
        // A short form's rendering may keep the Latin letters the short form holds (eDNA（环境DNA）,
        // mRNA（信使RNA）), however much of it they are.
        let rendersShortForm = latinTerm(before: scalars, end: bracket).map { latin in
            isAbbreviation(latin.text) && keepsLettersOf(latin.text, rendering: inside)
        } ?? false
        guard isChineseGlossText(inside) || rendersShortForm else { return [] }
        // EN（ZH）: an acronym or an English phrase, then its Chinese rendering.
        if let latin = latinTerm(before: scalars, end: bracket) {
            guard latin.text.unicodeScalars.allSatisfy({ !("0"..."9").contains($0) }) || isAcronym(latin.text) else { return [] }
            // (A short form with a capital inside, pH, dB, kW, is one too, however short.)
            if isAbbreviation(latin.text) || (latin.text.count <= 5 && hasInnerCapital(latin.text)) {
                return [StatedGloss(zh: inside, en: "", abbreviation: latin.text, offset: offsets[latin.start])]
            }
            // A single word is a term too (terroir（风土）, Brix（白利度）) when the rendering is
            // short, or is a longer name without the words of a description (balun（平衡不平衡
            // 转换器）; not jitter（就是延迟一直在变）).
            guard latin.text.split(separator: " ").count >= 2
                || (latin.text.count >= 3 && (inside.count <= 6 || (inside.count <= 12 && !descriptionWords.contains(where: { inside.containsText($0) }))))
            else { return [] }
            return [StatedGloss(zh: inside, en: latin.text, abbreviation: "", offset: offsets[latin.start])]
        }
        // ACRONYM + one character（中文）: the device, container or card the acronym names
        // (BTE机（耳背式助听器）, LC瓶（液体菌种）, QSL卡（通联确认卡）); the rendering is the
        // acronym's, the character no part of either. So is one with a word the rendering ends
        // with (NTP服务器（网络校时服务器）; not RECOVERY 试验（英国的一项大型平台试验）, a description).
        for length in 1...4 where bracket > length && inside.unicodeScalars.count > length + 1 && !descriptionWords.contains(where: { inside.containsText($0) }) {
            let word = scalars[(bracket - length)..<bracket]
            guard word.allSatisfy({ ScriptClass.isCJK($0.value) && !isCJKPunctuation($0) }),
                length == 1 ? !"的是了和与及在把被给让用叫".unicodeScalars.contains(word.first!) : inside.unicodeScalars.reversed().starts(with: word.reversed()),
                let acronym = latinTerm(before: scalars, end: bracket - length), isAcronym(acronym.text)
            else { continue }
            return [StatedGloss(zh: inside, en: "", abbreviation: acronym.text, offset: offsets[acronym.start])]
        }
        // ACRONYM+中文（item、item、item和item）: an expansion when the counts agree.
        if let acronym = acronymInside(termBefore: scalars, end: bracket) {
            let items = inside.split(whereSeparator: { "、和与及,，".contains($0) }).filter { !$0.isEmpty }
            if items.count == acronym.text.count && items.count >= 2 {
                return [StatedGloss(zh: inside, en: "", abbreviation: acronym.text, offset: offsets[acronym.start])]
            }
        }
        return []
    }

    /// Whether `english`, beside a Chinese rendering in an acronym's brackets, may be the
    /// acronym's expansion by its size: two words or more, or one compound word of at least
    /// three letters per letter of the acronym and eight in all (EL: electroluminescence).
    static func isExpansion(_ english: String, of acronym: String) -> Bool {
        let words = english.split(separator: " ")
        return words.count >= 2 || (words.count == 1 && english.count >= max(8, 3 * acronym.count) && english.allSatisfy { $0.isLetter || $0 == "-" })
    }

    /// Words that introduce another name of a concept in an aside (简称货代, 也有人叫滞港费):
    /// a marker before any shorter one it starts with (简称为 before 简称), so that its last
    /// character is not read as part of the name.
    static let aliasMarkers = [
        "以下简称", "业内简称", "也有人叫", "也有人称", "业内叫", "简称为", "又称为", "也称为", "也叫做", "俗称为", "简称", "又称", "也称", "也叫", "俗称",
        "或称", "亦称", "通称",
    ]

    /// Whether text has CJK characters other than punctuation (a full-width comma in
    /// `responsible scaling plan，RSP` does not make it Chinese).
    static func hasChineseText(_ text: String) -> Bool {
        text.unicodeScalars.contains { ScriptClass.isCJK($0.value) && !isCJKPunctuation($0) }
    }

    /// Parentheticals that are never glosses: URLs, citations, years, counts and numbers.
    static func isRejectedParenthetical(_ inside: String) -> Bool {
        // Searched as bytes: every bracket of every unit passes here, and Foundation's string
        // search (and a regular expression compiled per call) cost more than the rest of it.
        let lowered = Array(inside.lowercased().utf8)
        func has(_ needle: String) -> Bool { occurrences(of: needle, in: lowered) > 0 }
        if has("://") || has("www.") { return true }
        // An e-mail address or a handle (chen@example.com, @someone) names a person.
        if lowered.contains(UInt8(ascii: "@")) { return true }
        if has("et al") || has("参见") || lowered.starts(with: "见".utf8) { return true }
        // A formula's terms (（OG − FG）× 131.25, (a + b) = c): minus, times, division and
        // equals signs, or a plus or hyphen between spaces.
        if has("−") || has("×") || has("÷") || has("=") || has(" + ") || has(" - ") { return true }
        let digits = inside.unicodeScalars.filter { ("0"..."9").contains($0) }.count
        let letters = inside.unicodeScalars.filter { $0.properties.isAlphabetic && !("0"..."9").contains($0) }.count
        // A year (2024, 2024年, 2020–2022), a count or a number, or a citation with a year (not
        // a name's digits beside its short form: cytochrome P450，CYP450).
        if digits >= 4 && (inside.contains("年") || (inside.contains(where: { $0 == "," || $0 == "，" }) && containsYear(lowered))) { return true }
        // (A chemical formula, CO2, H2O, opens with a capital and holds capitals and digits only.)
        let isFormula = inside.first?.isUppercase == true && inside.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        if letters <= 1 || (digits > 0 && letters <= 2 && inside.count <= 8 && !isFormula) { return true }
        if !inside.containsCJK && containsYear(lowered) { return true }
        return false
    }

    /// Whether `bytes` hold 19 or 20 and two more digits (a year, also inside a longer number).
    static func containsYear(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4 else { return false }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        return (0...(bytes.count - 4)).contains { index in
            let century = (bytes[index], bytes[index + 1])
            return (century == (UInt8(ascii: "1"), UInt8(ascii: "9")) || century == (UInt8(ascii: "2"), UInt8(ascii: "0")))
                && isDigit(bytes[index + 2]) && isDigit(bytes[index + 3])
        }
    }

    /// Whether Chinese text in brackets reads as a rendering, not an aside: short, no
    /// pronouns, no sentence words, no clause punctuation.
    static func isChineseGlossText(_ text: String) -> Bool {
        guard text.containsCJK, isRenderingShaped(text) else { return false }
        // Mostly CJK: a rendering may hold an acronym, not a sentence about a model.
        let latin = text.unicodeScalars.filter { $0.isASCII && $0.properties.isAlphabetic }.count
        return latin * 2 < text.count
    }

    /// Sixteen characters at most, no clause punctuation, no aside words (`asideWords`).
    static func isRenderingShaped(_ text: String) -> Bool {
        text.count <= 16 && !text.containsText("，") && !text.containsText("。") && !asideWords.contains(where: { text.containsText($0) })
    }

    /// Whether `rendering` is a Chinese rendering of the short form whose Latin letters are the
    /// short form's own: two CJK characters or more, no clause punctuation nor aside words,
    /// each run of Latin letters and digits inside the short form (环境DNA of eDNA).
    static func keepsLettersOf(_ shortForm: String, rendering: String) -> Bool {
        guard isRenderingShaped(rendering), rendering.unicodeScalars.filter({ ScriptClass.isCJK($0.value) && !isCJKPunctuation($0) }).count >= 2
        else { return false }
        let runs = rendering.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return !runs.isEmpty && runs.allSatisfy { shortForm.contains($0) && $0.count < shortForm.count }
    }

    /// Words of a description, not of a name, in a long rendering after one English word or
    /// after an acronym and a Chinese word (beside `asideWords`): particles, adverbs, verbs of
    /// saying, and a count of one (Powerwall（一款家用电池产品）, Robinhood（美国一家零佣金券商）).
    static let descriptionWords = [
        "的", "了", "地", "得", "着", "就", "很", "都", "也", "还", "又", "把", "被", "让", "给", "说", "意思", "叫", "指", "某",
        "一家", "一款", "一位", "一名", "一台", "一部", "一类", "一项", "一套", "一只", "一支", "一本", "一篇", "一条", "一座", "一所", "一个", "一种",
    ]

    static let asideWords = [
        "我", "你", "他", "她", "它", "曾经", "这样", "那样", "可能", "但", "如果", "即使", "实际上", "现在", "几乎", "不是", "而是",
        "其中", "最初", "或者", "其他", "比如", "例如", "等等", "之后", "之前", "不过", "后来", "已经", "过",
        "越来越", "能够", "可以", "应该", "需要", "必须", "正在", "一个", "一种", "这个", "那个", "什么", "怎么", "是",
    ]

    /// The English side of a ZH（…） gloss: a long form and an abbreviation when the letters
    /// agree (Schwartz–Hearst), or a single English name; nil for enumerations of examples.
    static func englishGloss(_ inside: String) -> (long: String, short: String)? {
        // (A comma between digits joins locants: 2,4-dinitrophenol.)
        let characters = Array(inside)
        var parts: [String] = []
        var part = ""
        for (index, character) in characters.enumerated() {
            let joinsDigits = character == "," && index > 0 && index + 1 < characters.count && characters[index - 1].isNumber && characters[index + 1].isNumber
            if ["，", ",", "、", ";", "；"].contains(character) && !joinsDigits {
                parts.append(part)
                part = ""
            } else {
                part.append(character)
            }
        }
        parts.append(part)
        parts = parts.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        switch parts.count {
        case 1:
            let only = parts[0]
            return isAcronym(only) ? ("", only) : (only, "")
        case 2:
            let (first, second) = (parts[0], parts[1])
            if isAbbreviation(second) && lettersAgree(short: second, long: first) { return (first, second) }
            if isAbbreviation(first) && lettersAgree(short: first, long: second) { return (second, first) }
            // A name and an amount, a range or a value after it that is no short form of it
            // (HF，3～30 MHz; but two-phase commit，2PC): the name is the gloss.
            if second.first?.isNumber == true, !second.unicodeScalars.contains(where: { ScriptClass.isCJK($0.value) && !"～至到".unicodeScalars.contains($0) }) {
                if isAcronym(first) { return ("", first) }
                if isEnglishName(first) { return (first, "") }
            }
            // A lower-case short form (pc of parsec, kg): the long form's letters confirm it.
            if first.contains(where: \.isLetter), isLowercaseShortForm(second) && lettersAgree(short: second, long: first) { return (first, second) }
            // A unit's or a substance's symbol (Pa of pascal, Hb of hemoglobin, mS/cm, A of
            // ampere): confirmed by the long form's letters, or by its first letter or its
            // letters in order (oz of ounce, dKH of degrees of carbonate hardness, from the
            // German), else left out (lb of pound), the long form still the gloss. Names in
            // capitals side by side (Python，Go) are a list unless the letters agree.
            if isEnglishName(first), isSymbol(second) {
                if lettersAgree(short: second, long: first) { return (first, second) }
                if !first.contains(where: \.isUppercase) { return looselyAgrees(short: second, long: first) ? (first, second) : (first, "") }
            }
            // A lower-case long form with a short sign of any script (t½, pKa′): the long form is the gloss.
            if isEnglishName(first), !first.contains(where: \.isUppercase), second.count <= 4, !second.contains(" "),
                !second.unicodeScalars.contains(where: { ScriptClass.isCJK($0.value) }), second.unicodeScalars.contains(where: { !$0.isASCII })
            {
                return (first, "")
            }
            // A short form in capitals whose letters Schwartz–Hearst's rule does not confirm, but
            // which starts as the long form does or holds its letters in order (dKH of degrees
            // of carbonate hardness, from the German; xG of expected goals), is the text's
            // abbreviation all the same; other short forms are left out, the long form still
            // the gloss.
            if first.contains(" "), second.count <= 8, second.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }),
                second.unicodeScalars.contains(where: { $0.properties.isUppercase || ("0"..."9").contains($0) })
            {
                let shaped = second.first?.isLetter == true && second.unicodeScalars.contains(where: \.properties.isUppercase)
                return shaped && looselyAgrees(short: second, long: first) ? (first, second) : (first, "")
            }
            return nil
        default:
            return nil
        }
    }

    /// A unit's or an element's symbol as SI and chemistry write it: one token of up to six
    /// ASCII letters, digits and slashes (or Ω, µ, °), opening with a letter, with a capital
    /// after the first letter or at most three letters (Pa, Hb, lx, oz, A, Ω, mS/cm, mmHg, Jy).
    static func isSymbol(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        let signs: Set<Unicode.Scalar> = ["Ω", "µ", "μ", "°", "℃"]
        guard (1...6).contains(scalars.count), scalars[0].properties.isAlphabetic || signs.contains(scalars[0]),
            scalars.allSatisfy({ ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "/")) || signs.contains($0) })
        else { return false }
        let letters = scalars.filter { $0.properties.isAlphabetic }
        return letters.count <= 3 || text.contains("/") || letters.dropFirst().contains { $0.properties.isUppercase }
    }

    /// Whether the text is Latin-script words only (`isLatinLetter`: accented letters too),
    /// spaces and hyphens, a letter first.
    static func isEnglishName(_ text: String) -> Bool {
        text.first?.isLetter == true && text.unicodeScalars.allSatisfy { isLatinLetter($0) || $0 == " " || $0 == "-" }
    }

    /// One token of two to five lower-case ASCII letters (digits allowed): pc, kg, bp.
    static func isLowercaseShortForm(_ text: String) -> Bool {
        (2...5).contains(text.count) && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            && text.unicodeScalars.contains { ("a"..."z").contains($0) }
    }

    /// Two or more letters (digits, hyphens, ampersands and inner slashes allowed), all
    /// capitals: RSP, ASL-3, RLHF, GPT-4, R&D, B/L.
    static func isAcronym(_ text: String) -> Bool {
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        guard letters.count >= 2, text.count <= 10, !text.utf8.contains(0x20) else { return false }
        return letters.allSatisfy { $0.properties.isUppercase }
            && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "&" || $0 == "/") }
            && text.first != "/" && text.last != "/"
    }

    /// The singular of an acronym's English plural (CVEs → CVE, GPUs → GPU), or nil when
    /// `text` is none.
    static func acronymSingular(_ text: String) -> String? {
        guard text.hasSuffix("s"), text.count >= 3 else { return nil }
        let singular = String(text.dropLast())
        return isAcronym(singular) && singular.last.map({ $0.isLetter || $0.isNumber }) == true ? singular : nil
    }

    /// Whether ASCII letters alone hold a capital after a small letter (pH, dB, mAh).
    static func hasInnerCapital(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return scalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic }
            && scalars.indices.dropFirst().contains { scalars[$0].properties.isUppercase && scalars[$0 - 1].properties.isLowercase }
    }

    /// An acronym, or a short form in mixed case that its long form's letters must confirm
    /// (MoE, DiT, gRNA, scRNA-seq, UCIe): one token of at most twelve ASCII letters, digits
    /// and hyphens with two capitals at least (Schwartz and Hearst's short-form candidates).
    static func isAbbreviation(_ text: String) -> Bool {
        if isAcronym(text) { return true }
        guard text.count <= 12, !text.contains(" ") else { return false }
        let scalars = text.unicodeScalars
        return scalars.filter { $0.properties.isUppercase }.count >= 2
            && scalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
    }

    /// Whether a short form the text states after a long form is its abbreviation though
    /// Schwartz–Hearst's rule (`lettersAgree`) does not confirm it: it starts with the long
    /// form's first letter (dKH of degrees of carbonate hardness, from the German) or holds its
    /// letters in order anywhere in the long form's words (xG in eXpected Goals).
    static func looselyAgrees(short: String, long: String) -> Bool {
        if short.first?.lowercased() == long.first?.lowercased() { return true }
        var rest = long.lowercased().unicodeScalars[...]
        for letter in short.lowercased().unicodeScalars where letter.properties.isAlphabetic {
            guard let found = rest.firstIndex(of: letter) else { return false }
            rest = rest[rest.index(after: found)...]
        }
        return true
    }

    /// Schwartz–Hearst: every letter of the short form appears, in order, in the long form,
    /// the first one at the start of a word.
    static func lettersAgree(short: String, long: String) -> Bool {
        let shortLetters = Array(short.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic })
        let longText = Array(long.lowercased().unicodeScalars)
        guard !shortLetters.isEmpty, !longText.isEmpty else { return false }
        var position = longText.count - 1
        for (index, letter) in shortLetters.enumerated().reversed() {
            let mustStartWord = index == 0
            while position >= 0 {
                let atWordStart = position == 0 || longText[position - 1] == " " || longText[position - 1] == "-"
                if longText[position] == letter && (!mustStartWord || atWordStart) { break }
                position -= 1
            }
            if position < 0 { return false }
            position -= 1
        }
        return true
    }

    // MARK: Term extents

    /// The localisers of direction and side (方位词) of one character, a closed class.
    static let directionalLocalisers: Set<Unicode.Scalar> = Set("前后左右上下内外".unicodeScalars)

    /// Characters after which a term may start (the end of a function word or marker).
    static let weakBoundaries: Set<Character> = Set("的了是在和与及或把被对将为从向让给用以种个些叫称即也就都还又而但说谓这那似像")
    /// Characters a term does not start with.
    static let badStarts: Set<Character> = Set("的了是在和与及或把被对将为从向让给用以也就都还又而但这那我你他她它所然因如虽并且其该每各些个种不没有")

    /// The Chinese (or mixed) term that ends right before `end`: the quoted phrase when the
    /// text quotes it, otherwise the best-scoring suffix of the run before `end`: one that
    /// starts after punctuation (or a function word), does not start with a function
    /// character, and recurs in the text.
    static func chineseTerm(
        before scalars: [Unicode.Scalar], end: Int, englishSize: Int? = nil, englishModifierIsHyphenated: Bool = false,
        englishIsNumbered: Bool = false, englishSizeIsLoose: Bool = false, englishJoinsWithAnd: Bool = false, otherName: String? = nil,
        englishName: String? = nil, context: Context
    ) -> (text: String, start: Int)? {
        guard let term = chineseTermInRun(
            before: scalars, end: end, englishSize: englishSize, englishModifierIsHyphenated: englishModifierIsHyphenated,
            englishIsNumbered: englishIsNumbered, englishSizeIsLoose: englishSizeIsLoose, englishJoinsWithAnd: englishJoinsWithAnd,
            otherName: otherName, englishName: englishName, context: context),
            // A language's name says which language the other name is in (`又称中国天眼，英文简称FAST`).
            !chineseLanguageNames.contains(ChineseLexicon.simplified(term.text)),
            // A clause of time or condition before a name (检查蜂螨的时候，英文缩写 IPM) is none.
            !(context.lexicon?.words(of: ChineseLexicon.simplified(term.text)).last.map { $0.count >= 2 && clauseEnders.contains($0) } ?? false)
        else { return nil }
        if let englishName, let lexicon = context.lexicon,
            let start = transliterationStart(scalars, term: term, english: englishName, lexicon: lexicon, lineStarts: context.lineStarts)
        {
            return (String(String.UnicodeScalarView(scalars[start..<(term.start + term.text.unicodeScalars.count)])), start)
        }
        // An English verb phrase (cutting the curd) names an action: a one-character everyday
        // verb right before the term is the term's (切|凝块); so does one English gerund, before
        // a term of one character (斷|墨 for skipping, 挑|料 for gathering).
        if let englishName, namesAction(englishName) || (term.text.unicodeScalars.count == 1 && isGerund(englishName)),
            let lexicon = context.lexicon, term.start > 0, !context.lineStarts.contains(term.start),
            ScriptClass.isCJK(scalars[term.start - 1].value), !isCJKPunctuation(scalars[term.start - 1]),
            let verb = lexicon.word(String(scalars[term.start - 1])), verb.everyday, verb.wordClass == .verb
        {
            return (String(scalars[term.start - 1]) + term.text, term.start - 1)
        }
        // Locants and a hyphen before the term (2-乙酰氧基苯甲酸, 2,4-二硝基苯酚, 1-萘乙酸) are the
        // name's when the English opens with them too, as IUPAC names write them.
        let afterHyphen = term.text.hasPrefix("-") ? term.start : term.start - 1
        if let englishName, afterHyphen >= 1, scalars[afterHyphen] == "-" {
            let isLocant = { (scalar: Unicode.Scalar) in ("0"..."9").contains(scalar) || scalar == "," }
            var locantStart = afterHyphen
            while locantStart > 0 && isLocant(scalars[locantStart - 1]) { locantStart -= 1 }
            // (Or one capital: N-乙酰半胱氨酸 for N-acetylcysteine.)
            if locantStart == afterHyphen, afterHyphen >= 1, ("A"..."Z").contains(scalars[afterHyphen - 1]) { locantStart -= 1 }
            let locant = String(String.UnicodeScalarView(scalars[locantStart..<afterHyphen]))
            if locant.first.map({ $0.isNumber || $0.isUppercase }) == true,
                locantStart == 0 || !(scalars[locantStart - 1].isASCII && scalars[locantStart - 1].properties.isAlphabetic),
                englishName.hasPrefix(locant + "-")
            {
                let end = term.start + term.text.unicodeScalars.count
                return (String(String.UnicodeScalarView(scalars[locantStart..<end])), locantStart)
            }
        }
        // A Greek letter and a hyphen before the term name its variety (β-淀粉酶, α-螺旋, γ-氨基丁酸):
        // without them three enzymes were one.
        // (The run a term is chosen from may hold the hyphen, or stop after it.)
        // So does a Greek letter written on the term (α螺旋, γ射线) when the English names it
        // (alpha helix, gamma rays).
        if term.start >= 1, !term.text.hasPrefix("-"), isGreekLetter(scalars[term.start - 1]),
            term.start == 1 || !(isGreekLetter(scalars[term.start - 2]) || (scalars[term.start - 2].isASCII && scalars[term.start - 2].properties.isAlphabetic)),
            let name = greekLetterNames[Character(scalars[term.start - 1]).lowercased()],
            englishName?.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).contains(where: { $0 == name }) == true
        {
            return (String(scalars[term.start - 1]) + term.text, term.start - 1)
        }
        let hyphen = term.text.hasPrefix("-") ? term.start : term.start - 1
        guard hyphen >= 1, scalars[hyphen] == "-", isGreekLetter(scalars[hyphen - 1]),
            hyphen == 1 || !(isGreekLetter(scalars[hyphen - 2]) || (scalars[hyphen - 2].isASCII && scalars[hyphen - 2].properties.isAlphabetic))
        else { return term }
        return (String(String.UnicodeScalarView(scalars[(hyphen - 1)..<(term.start + term.text.unicodeScalars.count)])), hyphen - 1)
    }

    /// Where a name transliterated from one English word starts, when the term was cut inside
    /// it (用布|比|卡因 for bupivacaine: jieba reads 用布 as a word): the characters before
    /// the term whose sounds lead the English's are its. Drug and compound names (INN) are
    /// rendered syllable by syllable, keeping the consonants in order and dropping some
    /// (`Transliteration`): the longer name's consonant skeleton must be a subsequence of the
    /// English's, its first character's initial must be the English's first consonant (the
    /// term's own first is not), and it holds no more characters than the English has
    /// syllables (vowel groups, a final silent e aside). Up to three characters are taken,
    /// none across a line start nor over a particle (`neverInTerms`: 把|基流 for baseflow).
    /// The term is a word `lexicon` lacks or holds as a name (卡因 nrt, 米沙坦 ns), as the cut
    /// end of a transliteration is; a common word (折旧 for depreciation) is no such end. Nil
    /// when the English is no single lower-case word of six letters or more starting with a
    /// consonant, or nothing fits.
    static func transliterationStart(
        _ scalars: [Unicode.Scalar], term: (text: String, start: Int), english: String, lexicon: ChineseLexicon, lineStarts: Set<Int>
    ) -> Int? {
        let letters = Array(english)
        guard letters.count >= 6, letters.allSatisfy({ $0.isASCII && $0.isLowercase }), let first = letters.first, !"aeiouy".contains(first) else { return nil }
        let termScalars = term.text.unicodeScalars
        guard (2...6).contains(termScalars.count), termScalars.allSatisfy({ ScriptClass.isCJK($0.value) && !isCJKPunctuation($0) }),
            lexicon.word(term.text).map(\.isProperName) ?? true
        else { return nil }
        let englishSkeleton = Transliteration.skeleton(ofEnglish: english)
        guard let leading = englishSkeleton.first else { return nil }
        func initial(_ scalar: Unicode.Scalar) -> Transliteration.Consonant? {
            let pinyin = Pinyin.key(ofChinese: String(scalar))
            guard let letter = pinyin.first, !"aeiouvyw".contains(letter) else { return nil }
            return Transliteration.skeleton(ofPinyin: pinyin).first
        }
        guard initial(termScalars.first!) != leading else { return nil }
        var syllables = 0
        var inVowels = false
        for (index, letter) in letters.enumerated() {
            let vowel = "aeiouy".contains(letter) && !(letter == "e" && index == letters.count - 1 && index > 0 && !"aeiouy".contains(letters[index - 1]))
            if vowel && !inVowels { syllables += 1 }
            inVowels = vowel
        }
        func isSubsequence(_ part: [Transliteration.Consonant], of whole: [Transliteration.Consonant]) -> Bool {
            var index = whole.startIndex
            for sound in part {
                guard let found = whole[index...].firstIndex(of: sound) else { return false }
                index = found + 1
            }
            return true
        }
        let end = term.start + termScalars.count
        var best: Int?
        for taken in 1...3 {
            let start = term.start - taken
            guard start >= 0, termScalars.count + taken <= syllables, !lineStarts.contains(start + 1),
                ScriptClass.isCJK(scalars[start].value), !isCJKPunctuation(scalars[start]),
                !neverInTerms.contains(ChineseLexicon.simplified(String(scalars[start])))
            else { break }
            let candidate = String(String.UnicodeScalarView(scalars[start..<end]))
            if initial(scalars[start]) == leading, isSubsequence(Transliteration.skeleton(ofPinyin: Pinyin.key(ofChinese: candidate)), of: englishSkeleton) {
                best = start
            }
        }
        return best
    }

    /// Markers inside a run that give the name after them (我们也叫|烂皮病, 俗称|扶正力矩).
    static let namingMarkersInRun = ["也叫", "又叫", "又称", "俗称", "简称", "也称", "叫做", "叫作", "称为", "称作", "叫"]

    /// Where the name after the run's last naming marker (`namingMarkersInRun`, read in
    /// Simplified characters) starts, as an index of `run`'s base: when two characters or
    /// more follow it, all content words of the word list (no clause word, no everyday verb
    /// phrase). Nil when the run holds no such marker.
    static func nameAfterNamingMarker(_ run: ArraySlice<Unicode.Scalar>, lexicon: ChineseLexicon) -> Int? {
        let keys = Array(ChineseLexicon.simplified(String(String.UnicodeScalarView(run))).unicodeScalars)
        guard keys.count == run.count else { return nil }
        var markerEnd: Int?
        for marker in namingMarkersInRun.map({ Array($0.unicodeScalars) }) {
            var index = keys.count - marker.count
            while index >= 0 {
                if keys[index..<(index + marker.count)].elementsEqual(marker) {
                    markerEnd = max(markerEnd ?? 0, index + marker.count)
                    break
                }
                index -= 1
            }
        }
        guard var markerEnd else { return nil }
        while markerEnd < keys.count && keys[markerEnd] == " " { markerEnd += 1 }
        guard keys.count - markerEnd >= 2 else { return nil }
        let name = String(String.UnicodeScalarView(keys[markerEnd...]))
        guard isChineseGlossText(name), !lexicon.isPhrase(name), !lexicon.endsInPredicate(name),
            !lexicon.words(of: name).contains(where: { lexicon.word($0).map { $0.everyday && $0.wordClass == .clause } ?? false })
        else { return nil }
        return run.startIndex + markerEnd
    }

    /// The words of a clause before a term the text states only here (升|主帆（mainsail）,
    /// 先穿好|救生衣（PFD）, 勒出|線痕（wire bite）, 想學|蟠紮): the length, in Unicode scalars,
    /// of `term`'s beginning that is no part of the term, or nil. The term is the longest
    /// ending the text uses again elsewhere, not inside longer names (`standalone`: 升|帆索
    /// beside 主帆索 and 前帆索 stays whole), of two characters or more and no generic noun; what
    /// is cut ends in an everyday verb of one character or a common one of two
    /// (`predicatePerMillion`), in one of one character and its complement or second
    /// verb (穿好, 勒出, 贴在), in a modal and a verb the word list holds as one rare word (想学),
    /// or in a modal or clause word (把|主帆). A noun or adjective
    /// before the term may be part of it (天然|酵种, 退火|銅線) and is never cut. With
    /// `englishSize` (nil for an acronym or no English), the ending must render that many
    /// English words: a word the list holds one at most, a character it lacks one (線痕 for
    /// wire bite), unless a common predicate of two characters governs it (考慮|壓條 for air
    /// layering), unless the English opens with a noun of action that renders the predicate
    /// (恢复呼吸 for recovery breathing: `englishOpensWithActionNoun`).
    static func clauseBeforeTermStatedOnce(
        _ term: String, lexicon: ChineseLexicon, englishSize: Int?, englishOpensWithActionNoun: Bool = false, recurrence: (String) -> Int,
        standalone: (String) -> Int, afterEdge: (String) -> Int
    ) -> Int? {
        let scalars = Array(term.unicodeScalars)
        guard scalars.count >= 3, scalars.allSatisfy({ ScriptClass.isCJK($0.value) && !isCJKPunctuation($0) }) else { return nil }
        guard recurrence(term) <= 1,
            let cut = (1...(scalars.count - 2)).first(where: { standalone(String(String.UnicodeScalarView(scalars[$0...]))) >= 2 })
        else { return nil }
        let rest = Array(scalars[cut...])
        guard !derivationalSuffixes.contains(String(rest[0])) else { return nil }  // 坐|式安全带
        let restText = String(String.UnicodeScalarView(rest))
        // A cut inside a word the list reads in the term (保|温段 beside 升温段 and 降温段: 保温|段)
        // leaves the end of several names when the text never writes it after an edge
        // (punctuation, a particle). A place's name read across a verb and a noun (聊|城市内涝:
        // 聊城) is no such word.
        let termStarts = lexicon.wordStarts(scalars[...])
        if let wordStart = termStarts.last(where: { $0 < cut }), !termStarts.contains(cut),
            let word = lexicon.word(String(String.UnicodeScalarView(scalars[wordStart..<(termStarts.first(where: { $0 > cut }) ?? scalars.count)]))),
            !word.isNameOfPersonOrPlace, afterEdge(restText) == 0
        {
            return nil
        }
        if let entry = lexicon.word(restText), entry.wordClass == .content, !entry.isVerbal, !entry.isAdjective,
            lexicon.perMillion(restText) >= genericHeadPerMillion
        {
            return nil
        }
        let lead = Array(scalars[..<cut])
        let starts = lexicon.wordStarts(lead[...])
        let words = starts.indices.map { index in
            ChineseLexicon.simplified(String(String.UnicodeScalarView(lead[starts[index]..<(index + 1 < starts.count ? starts[index + 1] : lead.count)])))
        }
        guard let last = words.last else { return nil }
        let entry = lexicon.word(last)
        let isEverydayVerb = { (word: String) in
            lexicon.word(word).map { $0.everyday && $0.wordClass == .verb } ?? false && !derivationalPrefixes.contains(word)
        }
        let before = words.count >= 2 ? words[words.count - 2] : ""
        let verbPhrase = last.unicodeScalars.count == 1 && before.unicodeScalars.count == 1
            && (ChineseLexicon.complementCharacters.contains(last.unicodeScalars.first!) || isEverydayVerb(before))
        // A modal or verb and a verb the list holds as one rare word (想学).
        let listedVerbPhrase = last.unicodeScalars.count == 2 && !(entry?.everyday ?? false) && modalWords.contains(String(last.prefix(1)))
            && (lexicon.word(String(last.suffix(1)))?.everyday ?? false)
        let clauseWord = modalWords.contains(last) || entry?.wordClass == .clause
        // (A rarer verb of two characters may modify the term: 防火|林带, 隐含|波动率, 持续|音踏板.)
        let commonPredicate = last.unicodeScalars.count >= 2 && lexicon.perMillion(last) >= predicatePerMillion
        let predicate = isEverydayVerb(last) && (last.unicodeScalars.count == 1 || commonPredicate)
        guard predicate || verbPhrase || listedVerbPhrase || clauseWord else { return nil }
        // A 的 phrase was judged part of the term (来自人类反馈的强化学习), and a predicate and
        // a term the list holds as one word are one (使用寿命).
        guard !restText.contains("的"), !(commonPredicate && lexicon.word(last + restText) != nil) else { return nil }
        // A common predicate governs what follows whatever the English's size (考慮|壓條 for air
        // layering, 产生|水锤 for water hammer), but for one an English noun of action renders.
        if let englishSize, englishSize >= 2, !(predicate && commonPredicate) || englishOpensWithActionNoun {
            let restStarts = lexicon.wordStarts(rest[...])
            let renders = restStarts.indices.reduce(0) { sum, index in
                let end = index + 1 < restStarts.count ? restStarts[index + 1] : rest.count
                let word = String(String.UnicodeScalarView(rest[restStarts[index]..<end]))
                guard lexicon.word(word) != nil else { return sum + end - restStarts[index] }
                // (A derivational suffix makes a word with the one before: 波动|率.)
                return sum + (derivationalSuffixes.contains(word) ? 0 : 1)
            }
            guard renders >= englishSize else { return nil }
        }
        return cut
    }

    /// Whether an English name of two words or more opens with a noun made from a verb
    /// (recovery breathing, insertion torque, replacement therapy), which may render a
    /// Chinese verb opening the term: its suffix says so (-tion, -sion, -ment, -ance, -ence,
    /// -ery, -al, -age of six letters or more).
    static func opensWithActionNoun(_ english: String) -> Bool {
        let words = english.lowercased().split(separator: " ")
        guard words.count >= 2, let first = words.first, first.count >= 6 else { return false }
        return ["tion", "sion", "ment", "ance", "ence", "ery", "al", "age"].contains { first.hasSuffix($0) }
    }

    /// The uses per million tokens of jieba's list from which a verb of two characters before
    /// a term is the clause's predicate (产生 at 324, 考虑 at 143: 产生|水锤), where a rarer one
    /// may modify it (持续 at 78: 持续音踏板; 防火林带). Set between the two groups on the
    /// fixture sets.
    static let predicatePerMillion = 100.0

    /// The end, in Unicode scalars from the start of `scalars`, of a one-character verb and its
    /// complement of result, place or aspect inside a term (先戴好|护目镜, 憋着|应力, 贴在|内模,
    /// 蘸上|色粉): such a verb phrase governs what follows and is never part of a name. Only after
    /// a character the list tags as a verb or a morpheme, or does not hold (职|住 of 职住平衡 is
    /// a noun's), in a pair it does not hold as an everyday word (为了, 存在); for the directional
    /// complements 上, 下 and 进 only after a character the list tags as a verb or a morpheme
    /// (垫上, 穿上; 线上 is a noun); what follows is two characters or more, and starts with a
    /// word of the list where the complement makes one with its first character. The last such
    /// pair counts.
    static func verbComplementEnd(_ scalars: [Unicode.Scalar], lexicon: ChineseLexicon) -> Int? {
        (1..<max(1, scalars.count - 2)).last { index in
            let complement = scalars[index]
            // (The verb is no end of an everyday word: 计 of 预计|到港时间 is.)
            guard index < 2 || !(lexicon.word(String(scalars[index - 2]) + String(scalars[index - 1]))?.everyday ?? false) else { return false }
            guard verbComplements.contains(complement) || directionalComplements.contains(complement) else { return false }
            // (A complement is no verb: 转到|上止点.)
            guard !verbComplements.contains(scalars[index - 1]), !directionalComplements.contains(scalars[index - 1]) else { return false }
            let verb = String(scalars[index - 1])
            let verbEntry = lexicon.word(verb)
            guard verbEntry?.wordClass != .clause, !(verbEntry?.isNumeral ?? false), !(verbEntry?.isAdjective ?? false),
                !numeralCharacters.contains(Character(verb)), !(lexicon.word(verb + String(complement))?.everyday ?? false)
            else { return false }
            let isVerb = verbEntry.map { $0.wordClass == .verb || $0.isVerbal || $0.isMorpheme }
            guard isVerb ?? verbComplements.contains(complement) else { return false }
            // (Nor is it a complement or a verb that starts a longer word of the list: 走|好望角,
            // 去甲|肾上腺素.)
            for wordStart in [index - 1, index] {
                guard !(3...5).contains(where: { length in
                    wordStart + length <= scalars.count && lexicon.word(String(String.UnicodeScalarView(scalars[wordStart..<(wordStart + length)]))) != nil
                }) else { return false }
            }
            // Where the complement makes a word with the character after it (在内, 着色), what
            // follows must start with a word of its own (内模, but not 色剂 of 着色剂).
            let rest = scalars[(index + 1)...]
            guard lexicon.word(String(complement) + String(rest.first!)) != nil else { return true }
            return (2...min(4, rest.count)).contains { lexicon.word(String(String.UnicodeScalarView(rest.prefix($0)))) != nil }
        }.map { $0 + 1 }
    }

    /// Complements of result and place (`governingComplements`) and of aspect (着, 了): a verb
    /// they follow governs the words after them (戴好, 做完, 贴在, 憋着).
    static let verbComplements = Set((governingComplements.union(["着", "了"])).map { $0.unicodeScalars.first! })
    /// Directional complements that start words too (上色, 下水, 进退): after a verb only.
    static let directionalComplements: Set<Unicode.Scalar> = ["上", "下", "进"]

    /// Whether an English name puts a modifier after its head with a preposition (reinforcement
    /// learning from human feedback), which Chinese renders as a 的 phrase before the head; a
    /// name of premodifiers alone (chemical oxygen demand) is rendered without 的.
    static func hasPostmodifier(_ english: String) -> Bool {
        english.lowercased().split(separator: " ").dropFirst().contains { ["of", "for", "from", "with", "by", "in", "on", "to", "without", "against", "under", "over", "between", "at"].contains(String($0)) }
    }

    /// One English word of six letters or more ending in -ing (skipping, gathering).
    static func isGerund(_ english: String) -> Bool {
        english.count >= 6 && english.hasSuffix("ing") && english.allSatisfy { $0.isASCII && $0.isLowercase }
    }

    /// Whether an English name is a verb phrase naming an action: a gerund and a determiner
    /// (cutting the curd, tapping a tree), where a gerund before a noun (learning rate) may be
    /// a modifier.
    static func namesAction(_ english: String) -> Bool {
        let words = english.lowercased().split(separator: " ")
        return words.count >= 3 && words[0].count >= 5 && words[0].hasSuffix("ing") && ["the", "a", "an"].contains(words[1])
    }

    /// Letters of the Latin script: ASCII letters, the accented letters of Latin-1 and Latin
    /// Extended-A and -B (U+00C0–U+024F but × and ÷), Latin Extended Additional
    /// (U+1E00–U+1EFF), and combining diacritics (U+0300–U+036F) after a letter in decomposed
    /// text: bâtonnage, Gruyère, crème fraîche, Łódź are one word each.
    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x300...0x36F, 0x1E00...0x1EFF: true
        default: false
        }
    }

    /// Greek letters (U+0391–U+03A9, U+03B1–U+03C9).
    /// The English names of the lower-case Greek letters (ISO 843 and scientific usage).
    static let greekLetterNames: [String: Substring] = [
        "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta", "η": "eta", "θ": "theta", "ι": "iota",
        "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi", "ο": "omicron", "π": "pi", "ρ": "rho", "σ": "sigma", "τ": "tau",
        "υ": "upsilon", "φ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
    ]

    static func isGreekLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x391...0x3A9).contains(scalar.value) || (0x3B1...0x3C9).contains(scalar.value)
    }

    private static func chineseTermInRun(
        before scalars: [Unicode.Scalar], end: Int, englishSize: Int?, englishModifierIsHyphenated: Bool,
        englishIsNumbered: Bool, englishSizeIsLoose: Bool, englishJoinsWithAnd: Bool, otherName: String?,
        englishName: String?, context: Context
    ) -> (text: String, start: Int)? {
        var cursor = end
        while cursor > 0 && scalars[cursor - 1] == " " { cursor -= 1 }
        // A quoted term, or a title in book-title marks (《通用数据保护条例》).
        if cursor > 0 && (scalars[cursor - 1] == "”" || scalars[cursor - 1] == "」" || scalars[cursor - 1] == "\"" || scalars[cursor - 1] == "》") {
            let openers: [Unicode.Scalar] = scalars[cursor - 1] == "》" ? ["《"] : ["“", "「", "\""]
            var open = cursor - 2
            while open >= 0 && !openers.contains(scalars[open]) { open -= 1 }
            guard open >= 0, cursor - 1 - (open + 1) >= 2, cursor - 1 - (open + 1) <= 16 else { return nil }
            let quoted = String(String.UnicodeScalarView(scalars[(open + 1)..<(cursor - 1)]))
            return quoted.containsCJK ? (quoted, open + 1) : nil
        }
        // The run back to punctuation (or to the start of the source line).
        var start = cursor
        while start > 0 && isTermScalar(scalars[start - 1]) && cursor - start < 16 && (start == cursor || !context.lineStarts.contains(start)) {
            start -= 1
        }
        // (One character is a term only as `termByWords` finds one.)
        guard cursor - start >= (englishSize == 1 && context.lexicon != nil ? 1 : 2) else { return nil }
        let runStartsAtStrongBoundary = start == 0 || !isTermScalar(scalars[start - 1]) || (start != cursor && context.lineStarts.contains(start))
        if let lexicon = context.lexicon {
            while start < cursor && scalars[start] == " " { start += 1 }
            // A foreign name in Chinese ends the run (火山学家|玛格丽特·欧文斯): the name is the term.
            // Its first part is what transliterates the English's first word, when the English
            // has a word for each part (天文学家|薇拉·鲁宾（Vera Rubin）); or else as
            // `Discoverer.transliteratedNames` finds it.
            if let firstDot = scalars[start..<cursor].firstIndex(where: Discoverer.nameDots.contains) {
                let words = englishName?.split(separator: " ") ?? []
                if firstDot > start, words.count == scalars[start..<cursor].filter(Discoverer.nameDots.contains).count + 1,
                    let length = (1...min(Discoverer.namePartLimit, firstDot - start)).first(where: { length in
                        Transliteration.isTransliteration(String(String.UnicodeScalarView(scalars[(firstDot - length)..<firstDot])), of: String(words[0]))
                    })
                {
                    return (String(String.UnicodeScalarView(scalars[(firstDot - length)..<cursor])), firstDot - length)
                }
                let run = String(String.UnicodeScalarView(scalars[start..<cursor]))
                if let name = Discoverer.transliteratedNames(in: Array(run.utf8), lexicon: lexicon).last, run.hasSuffix(name.text) {
                    return (name.text, cursor - name.text.unicodeScalars.count)
                }
            }
            // A name a naming marker gives in the run is whole (腐烂病，我们也叫烂皮病，英文是
            // Valsa canker): the marker says where it starts.
            if let nameStart = nameAfterNamingMarker(scalars[start..<cursor], lexicon: lexicon) {
                return (String(String.UnicodeScalarView(scalars[nameStart..<cursor])), nameStart)
            }
            func term(from first: Int) -> (text: String, start: Int)? {
                termByWords(
                    scalars[first..<cursor], lexicon: lexicon, englishSize: englishSize, englishModifierIsHyphenated: englishModifierIsHyphenated,
                    englishIsNumbered: englishIsNumbered, englishSizeIsLoose: englishSizeIsLoose, englishJoinsWithAnd: englishJoinsWithAnd,
                    // (An abbreviation alone of two letters names too little to reach over 的: 营养液的|电导率（EC）.)
                    englishAllowsAttributive: englishName.flatMap { $0.isEmpty ? nil : $0 }.map {
                        $0.split(separator: " ").count < 2 || hasPostmodifier($0) || hasRelationalModifier($0)
                    } ?? (englishSize.map { $0 >= 3 } ?? true),
                    englishNamesNoProperNoun: englishName.map { !$0.isEmpty && !$0.contains(where: \.isUppercase) } ?? false, english: englishName,
                    otherName: otherName,
                    recurrence: context.recurrence, standalone: context.standalone, runStarts: context.runStarts)
            }
            var found = term(from: start)
            // A one-character verb and its complement govern what follows, even where the word
            // list reads the complement into the term's first word (贴在|内模, not 在内 and 模).
            if let end = verbComplementEnd(Array(scalars[start..<cursor]), lexicon: lexicon), found.map({ $0.start < start + end }) ?? true {
                found = term(from: start + end)
            }
            guard var found else { return nil }
            // A term that starts at the second character of a word of the list (顺风|换舷) and
            // that the text never uses after an edge (punctuation, a particle: `runEdges`,
            // `wordEdgesBefore`), though twice or more, is the end of longer names (风换舷 of
            // 顺风换舷 and 迎风换舷): the character before it belongs to this one.
            // (Not where the list cuts a word before the term: 钢琴|调律 for piano tuning, though
            // 琴调 is a word too.)
            if found.start > start, context.recurrence(found.text) >= 2, let first = found.text.unicodeScalars.first,
                found.text.unicodeScalars.allSatisfy({ ScriptClass.isCJK($0.value) }),
                !lexicon.wordStarts(scalars[start..<cursor]).contains(found.start)
            {
                let before = scalars[found.start - 1]
                let character = String(before)
                if context.afterEdge(found.text) == 0, ScriptClass.isCJK(before.value), !isCJKPunctuation(before), !neverInTerms.contains(character),
                    !wordEdgesBefore.contains(character), !verbComplements.contains(before), !directionalComplements.contains(before),
                    lexicon.word(character + String(first)).map({ $0.wordClass == .content }) ?? false
                {
                    found = (character + found.text, found.start - 1)
                }
            }
            // A term that opens with a character the word list does not join to the next (烟|器,
            // 王|板, 风|等级), which the text never writes without the one-character word before
            // it, is the end of a compound that word starts: an instrument or a kind named by
            // what it acts on (喷烟器, 隔王板, 摇蜜机, 抗风等级). The character is no governing
            // verb: its object would be no word.
            let englishAsksForMore = englishSizeIsLoose && englishSize.map { lexicon.words(of: found.text).count < $0 } ?? false
            // (Not before a character that renders the English's prefix: 算|無動力船 for non-powered craft.)
            if found.start > start, !(englishName.flatMap { $0.lowercased().split(separator: " ").first }.map { rendersPrefix(found.text.unicodeScalars.first!, of: $0) } ?? false),
                let extended = boundOpeningCompound(
                    found, in: scalars[start..<cursor], lexicon: lexicon, englishAsksForMore: englishAsksForMore, recurrence: context.recurrence)
            {
                found = extended
            }
            if !englishModifierIsHyphenated,
                let cut = clauseBeforeTermStatedOnce(
                    found.text, lexicon: lexicon, englishSize: englishName.map { $0.isEmpty || isAcronym($0) } ?? true ? nil : englishSize,
                    englishOpensWithActionNoun: englishName.map(opensWithActionNoun) ?? false,
                    recurrence: context.recurrence, standalone: context.standalone, afterEdge: context.afterEdge)
            {
                found = (String(found.text.unicodeScalars.dropFirst(cut)), found.start + cut)
            }
            if let englishName, let prefixed = withEnglishPrefix(found, in: scalars[start..<cursor], english: englishName, lexicon: lexicon) {
                found = prefixed
            }
            if let staged = stageWithItsVerb(found, in: scalars[start..<cursor], lexicon: lexicon) {
                found = staged
            }
            // Localisers of one character that open the run (后内|结环跳 for salchow, 下|一代测序)
            // say which side or kind the name is: with nothing before them in the clause they
            // govern nothing.
            var opening = found.start
            while opening > 0, found.start - opening < 2, directionalLocalisers.contains(scalars[opening - 1]) { opening -= 1 }
            if opening < found.start,
                opening == 0 || !ScriptClass.isCJK(scalars[opening - 1].value) || isCJKPunctuation(scalars[opening - 1]) || context.lineStarts.contains(opening)
            {
                found = (String(String.UnicodeScalarView(scalars[opening..<found.start])) + found.text, opening)
            }
            // 只 or 仅 (only) right before the term renders the English's "only" (只读存储器 for
            // read-only memory, 仅权重量化 for weight-only quantization): elsewhere an adverb of
            // the clause, here the term's.
            if let englishName, found.start > start, "只仅僅".unicodeScalars.contains(scalars[found.start - 1]),
                englishName.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).contains("only")
            {
                found = (String(scalars[found.start - 1]) + found.text, found.start - 1)
            }
            return found
        }
        var best: (text: String, start: Int, score: Double)?
        for candidateStart in start...(cursor - 2) {
            let candidate = String(String.UnicodeScalarView(scalars[candidateStart..<cursor])).trimmingWhitespace()
            guard candidate.count >= 2, candidate.containsCJK, let first = candidate.first else { continue }
            var score = Double(candidate.count) * 0.1
            if candidateStart == start && runStartsAtStrongBoundary {
                score += 4
            } else if let previous = Character(String(scalars[candidateStart - 1])) as Character?, weakBoundaries.contains(previous) {
                score += 2
            }
            if badStarts.contains(first) { score -= 3 }
            // Aspect particles inside make a verb phrase (测试了电脑使用), not a term.
            if candidate.dropFirst().contains(where: { $0 == "了" || $0 == "过" || $0 == "着" }) { score -= 2 }
            if context.recurrence(candidate) >= 2 { score += 1 }
            // A Chinese rendering takes one to three characters per English word or letter.
            if let size = englishSize, candidate.count > 3 * size + 2 {
                score -= 3 + 0.3 * Double(candidate.count - (3 * size + 2))
            }
            if best == nil || score > best!.score { best = (candidate, candidateStart, score) }
        }
        guard let best, best.score > 0 else { return nil }
        return (best.text, best.start)
    }

    /// `found` (a term ending `run`, with its start index in `run`'s base) with the character
    /// before it taken in when that character renders the prefix the English opens with
    /// (`englishPrefixRenderings`: 容易出|过|萃取 for over-extraction, 出现|过|拟合 for
    /// overfitting), which the word list reads into the word before (出过, aspect 过) or as a
    /// particle. Nil when it does not apply.
    /// The rendering may also end a verb the term opens with (出过|转向 for oversteer): the
    /// term starts at it.
    static func withEnglishPrefix(
        _ found: (text: String, start: Int), in run: ArraySlice<Unicode.Scalar>, english: String, lexicon: ChineseLexicon
    ) -> (text: String, start: Int)? {
        let scalars = Array(found.text.unicodeScalars)
        guard scalars.count >= 2, scalars.allSatisfy({ ScriptClass.isCJK($0.value) }), let opening = english.lowercased().split(separator: " ").first
        else { return nil }
        func rendersPrefix(_ character: Unicode.Scalar) -> Bool { Self.rendersPrefix(character, of: opening) }
        // An adjective of one character the English opens with (干|盐法 for dry salting), which
        // the list reads as a verb before its object, or an ordinal (二|沉池 for secondary
        // clarifier), which a numeral's rules leave out.
        func rendersAdjective(_ character: Unicode.Scalar) -> Bool {
            let simplified = ChineseLexicon.simplified(String(character))
            return ((englishOfAdjectives[simplified] ?? []) + (englishOfNumberWords[simplified] ?? [])).contains { opening == $0 }
        }
        if found.start > run.startIndex, rendersPrefix(run[found.start - 1]) || rendersAdjective(run[found.start - 1]),
            !rendersPrefix(scalars[0]), !rendersAdjective(scalars[0])
        {
            return (String(run[found.start - 1]) + found.text, found.start - 1)
        }
        // A word of two characters that renders the prefix (綜合|維生素 for multivitamin).
        if found.start - 1 > run.startIndex, !rendersPrefix(scalars[0]) {
            let before = ChineseLexicon.simplified(String(String.UnicodeScalarView(run[(found.start - 2)..<found.start])))
            if (twoCharacterPrefixRenderings[before] ?? []).contains(where: { opening.hasPrefix($0) && opening.count >= $0.count + 4 }) {
                return (String(String.UnicodeScalarView(run[(found.start - 2)..<found.start])) + found.text, found.start - 2)
            }
        }
        if let inside = (1..<max(1, scalars.count - 2)).first(where: { rendersPrefix(scalars[$0]) }),
            lexicon.word(String(String.UnicodeScalarView(scalars[...inside])))?.isVerbal == true
        {
            return (String(String.UnicodeScalarView(scalars[inside...])), found.start + inside)
        }
        return nil
    }

    /// `found` (a term ending `run`, with its start index in `run`'s base) with the verb before
    /// it taken in when it is one character and 期, a stage: a stage is named by a verb and
    /// its object (发|菌期 for spawn run, 出|菇期, 缓|苗期), and one character is no name of
    /// what grows in it. Nil when it does not apply.
    static func stageWithItsVerb(_ found: (text: String, start: Int), in run: ArraySlice<Unicode.Scalar>, lexicon: ChineseLexicon) -> (text: String, start: Int)? {
        let scalars = Array(found.text.unicodeScalars)
        guard scalars.count == 2, scalars[1] == "期", ScriptClass.isCJK(scalars[0].value), found.start > run.startIndex else { return nil }
        let before = ChineseLexicon.simplified(String(run[found.start - 1]))
        guard let verb = lexicon.word(before), verb.isVerbal || verbsTaggedOtherwise.contains(before), verb.wordClass != .clause else { return nil }
        return (String(run[found.start - 1]) + found.text, found.start - 1)
    }

    /// Numerals and ordinals of one character with the English words that render them when a
    /// name opens with one (一沉池 primary clarifier, 二级 secondary, 双层 double): a closed class.
    static let englishOfNumberWords: [String: [String]] = [
        "一": ["primary", "first"], "初": ["primary", "initial"], "二": ["secondary", "second"], "三": ["tertiary", "third"],
        "双": ["double", "dual", "twin"], "单": ["single"],
    ]

    /// Whether `character` renders the prefix an English word opens with (`englishPrefixRenderings`):
    /// the prefix before a hyphen (over-extraction), or opening a longer word (overfitting).
    static func rendersPrefix(_ character: Unicode.Scalar, of opening: Substring) -> Bool {
        (englishPrefixRenderings[character] ?? []).contains { prefix in
            opening.hasPrefix(prefix + "-") || (opening.hasPrefix(prefix) && opening.count >= prefix.count + 4 && !opening.contains("-"))
        }
    }

    /// Characters that render an English word's prefix, with the prefixes (过拟合 overfitting,
    /// 欠曝 underexposure, 预训练 pretraining, 非线性 nonlinear, 自监督 self-supervised, 半导体
    /// semiconductor): a closed class of Chinese technical word formation. Prefixes that open
    /// many unprefixed English words (re-, de-, co-, in-) are left out.
    /// Words of two characters that render an English word's prefix (综合维生素 multivitamin,
    /// 多元醇 polyol is one word already), in Simplified characters: a closed class.
    static let twoCharacterPrefixRenderings: [String: [String]] = ["综合": ["multi"], "复合": ["multi", "poly"], "多元": ["multi", "poly"]]

    static let englishPrefixRenderings: [Unicode.Scalar: [String]] = [
        "过": ["over"], "過": ["over"], "欠": ["under"], "超": ["super", "ultra", "hyper"], "预": ["pre"], "預": ["pre"], "抗": ["anti"],
        "反": ["anti", "counter"], "非": ["non"], "亚": ["sub"], "亞": ["sub"], "次": ["sub"], "半": ["semi", "hemi"], "多": ["multi", "poly"],
        "单": ["mono", "uni"], "單": ["mono", "uni"], "微": ["micro"], "伪": ["pseudo"], "偽": ["pseudo"], "准": ["quasi"], "準": ["quasi"],
        "自": ["self", "auto"], "互": ["inter"], "逆": ["retro", "reverse", "inverse"], "后": ["post"], "後": ["post"], "无": ["non"],
        "無": ["non"],
    ]

    /// `found` (a term ending `run`, with its start index in `run`'s base) with the
    /// one-character word before it taken in, when `found` opens with characters the word
    /// list holds only one by one (烟|器 read as one unknown word, 风|等级), the text uses
    /// `found` only after that character (each of its uses, counted by `recurrence`, is one of
    /// the longer string's), and a name may start at the character: a verb, a measure word
    /// or 的, 有, 把 comes before it. Nil when it does not apply.
    static func boundOpeningCompound(
        _ found: (text: String, start: Int), in run: ArraySlice<Unicode.Scalar>, lexicon: ChineseLexicon, englishAsksForMore: Bool = false,
        recurrence: (String) -> Int
    ) -> (text: String, start: Int)? {
        let starts = lexicon.wordStarts(run)
        guard let opening = starts.firstIndex(of: found.start), opening >= 2, starts[opening - 1] == found.start - 1 else { return nil }
        let firstEnd = opening + 1 < starts.count ? starts[opening + 1] : run.endIndex
        let first = String(String.UnicodeScalarView(run[found.start..<firstEnd]))
        // A word of the list may open the term too where the English names more than the term
        // does and a verb precedes the character (洗净|分|水网 for shower screen, 贴|防|裂片 for
        // crack cleat): the verb has its object, so the character is no second verb.
        let afterVerb = englishAsksForMore && first.unicodeScalars.count >= 2 && lexicon.word(first) != nil
        guard firstEnd < run.endIndex || first.unicodeScalars.count >= 2, first.unicodeScalars.allSatisfy({ ScriptClass.isCJK($0.value) }),
            first.unicodeScalars.count == 1 || lexicon.word(first) == nil || afterVerb
        else { return nil }
        let before = run[found.start - 1]
        let character = ChineseLexicon.simplified(String(before))
        // (Looked up as written: Cantonese 係 is 是, not 系.)
        guard !isCJKPunctuation(before), let entry = lexicon.word(String(before)), entry.wordClass == .content || entry.wordClass == .verb,
            !entry.isLocaliser, !entry.isAdverb, !entry.isNumeral, !neverInTerms.contains(character), !wordEdgesBefore.contains(character),
            !verbComplements.contains(before), !directionalComplements.contains(before), !modalWords.contains(character)
        else { return nil }
        // A verb, a measure word or an edge before the character: the object or the name starts
        // there (取下|隔王板, 拿个|喷烟器, 机器的|抗风等级), not a clause's verb (然後|拆|錶冠).
        let previous = ChineseLexicon.simplified(String(String.UnicodeScalarView(run[starts[opening - 2]..<(found.start - 1)])))
        // A complement after a verb of one character is the verb's (燙|開|縫份, 拉|起): the verb's
        // object follows it. (Another verb there may open the name: 贴|防裂片.)
        if previous.unicodeScalars.count == 1, lexicon.word(previous)?.isVerbal == true,
            ChineseLexicon.complementCharacters.contains(character.unicodeScalars.first!)
        {
            return nil
        }
        if afterVerb {
            guard lexicon.word(first).map({ !$0.everyday || $0.isNoun }) ?? false, let verb = lexicon.word(previous), verb.wordClass == .verb,
                !modalWords.contains(previous), !verbsTakingVerbs.contains(previous), !directionalComplements.contains(previous.unicodeScalars.last!), previous != "去", previous != "来"
            else { return nil }
        } else {
            guard wordEdgesBefore.contains(previous) || wordEdgesBefore.contains(String(previous.suffix(1)))
            || previous.unicodeScalars.last.map({ directionalComplements.contains($0) || verbComplements.contains($0) }) ?? false
            || lexicon.word(previous).map({ ($0.isVerbal && !modalWords.contains(previous)) || $0.isNumeral }) ?? false
            else { return nil }
        }
        let longer = String(before) + found.text
        let uses = recurrence(found.text)
        guard uses >= 1, recurrence(longer) == uses else { return nil }
        return (longer, found.start - 1)
    }

    /// Verbs whose object is a verb phrase (记得|加|沸石, 准备|换|底座): the verb after one is
    /// the phrase's, not a term's first character.
    static let verbsTakingVerbs: Set<String> = [
        "记得", "记住", "记着", "忘了", "忘记", "准备", "打算", "决定", "尝试", "试着", "试图", "注意", "负责", "帮忙", "习惯", "喜欢", "懂得",
        "学会", "坚持", "避免", "拒绝", "答应", "同意", "希望", "想要", "建议", "提醒",
    ]

    /// Whether words before a term are a clause's, not the term's: they hold a verb, a
    /// numeral, a localiser, a pronoun, a clause word, Latin letters or digits, or an adjective
    /// after another word (one opening the term may name a kind of it, 天然|酵种, 新|抗原, and so
    /// may an adverb: 最终|一致性, 真|峰值).
    /// In a string the word list reads as one word it lacks, a clause character or a localiser
    /// inside counts. A prefix and the one-character verb it makes a word with (自|锁 of 自锁托槽:
    /// `prefixesOfVerbs`) are no clause's.
    static func isClauseBeforeTerm(_ opening: String, lexicon: ChineseLexicon) -> Bool {
        let parts = lexicon.words(of: opening)
        for (index, part) in parts.enumerated() where part != " " {
            if prefixesOfVerbs.contains(part) && index + 1 < parts.count && parts[index + 1].unicodeScalars.count == 1 { continue }
            if index > 0 && prefixesOfVerbs.contains(parts[index - 1]) && part.unicodeScalars.count == 1 { continue }
            guard part.containsCJK else { return true }
            if let entry = lexicon.word(part), part.unicodeScalars.count >= 2 {
                if entry.isVerbal || entry.isNumeral || entry.isLocaliser || (entry.everyday && entry.wordClass == .clause)
                    || personalPronouns.contains(part) || (entry.isAdjective && index > 0)
                {
                    return true
                }
                continue
            }
            let isFunctionCharacter = part.unicodeScalars.contains { scalar in
                guard let entry = lexicon.word(String(scalar)), entry.everyday else { return false }
                return entry.wordClass == .clause || entry.isLocaliser
            }
            if isFunctionCharacter || (part.unicodeScalars.count == 1 && (lexicon.word(part)?.isVerbal ?? false)) { return true }
        }
        return false
    }

    /// Uses per million tokens in jieba's list from which a single character is too common to
    /// be a term of its own (书, 数, 水 are in over 160 of every million words; 筋, 氨, 钢 in
    /// 30–100), and, as a verb, a word of its own that binds to no term (出, 打, 放; 捣 and 揉
    /// are in about 20).
    static let singleCharacterTermPerMillion = 160.0

    /// The uses per million tokens of jieba's list from which a one-character verb governs a
    /// term that renders fewer words than its English (读 at 94: 读|知情同意书; 导 at 21 and 甩 at
    /// 18 name kinds: 导轴承, 甩负荷). Set between the two groups on the fixture sets.
    static let governingCharacterPerMillion = 50.0

    /// Characters that end a run of CJK text before a word: punctuation, a space, a line break.
    static let runEdges = ["，", "。", "、", "：", "；", "？", "！", "（", "「", "“", " ", "\n"]

    /// Uses of `text` right after punctuation or a particle (`runEdges`, `wordEdgesBefore`):
    /// where the text writes it as a word of its own.
    static func usesAfterEdge(_ text: String, recurrence: (String) -> Int) -> Int {
        (runEdges + wordEdgesBefore).reduce(0) { $0 + recurrence($1 + text) }
    }

    /// The scalar that ends right before byte `start` (above 0) of valid UTF-8 `text`, and
    /// the offset of its first byte.
    @inline(__always) static func scalar(before start: Int, in text: UnsafeRawBufferPointer) -> (value: UInt32, lead: Int) {
        var lead = start - 1
        while lead > 0 && text[lead] & 0xC0 == 0x80 { lead -= 1 }
        var value = UInt32(text[lead])
        if value >= 0x80 {
            value &= value >= 0xF0 ? 0x07 : value >= 0xE0 ? 0x0F : 0x1F
            for byte in text[(lead + 1)..<start] { value = value << 6 | UInt32(byte & 0x3F) }
        }
        return (value, lead)
    }

    /// `usesAfterEdge` counted in `haystack` (UTF-8) in one pass: each edge's non-overlapping
    /// uses before `needle`, as `occurrences` counts the edge and the needle together.
    static func occurrencesAfterEdge(of needle: String, in haystack: [UInt8]) -> Int {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, pattern.count < haystack.count else { return 0 }
        // Where each edge's last counted use ends, by the edge's scalar.
        var counted: [UInt32: Int] = [:]
        var count = 0
        haystack.withUnsafeBytes { text in
            pattern.withUnsafeBytes { pattern in
                // Every use, overlapping or not; one at the text's start follows no edge.
                ByteSearch.forEachUse(of: pattern, in: text) { start in
                    guard start > 0 else { return 1 }
                    let (before, lead) = scalar(before: start, in: text)
                    if let weight = edgeWeights[before], lead >= counted[before, default: 0] {
                        count += weight
                        counted[before] = start + pattern.count
                    }
                    return start + 1
                }
            }
        }
        return count
    }

    /// How many times each edge character of `usesAfterEdge` is listed.
    private static let edgeWeights: [UInt32: Int] = (runEdges + wordEdgesBefore).reduce(into: [:]) { weights, edge in
        weights[edge.unicodeScalars.first!.value, default: 0] += 1
    }

    /// Characters after which a word starts inside a run of CJK text: particles, prepositions
    /// and measure words, in both scripts and Cantonese.
    static let wordEdgesBefore = ["的", "把", "被", "让", "讓", "使", "在", "是", "了", "和", "跟", "同", "与", "與", "有", "個", "个", "粒", "颗", "顆", "条", "條", "根", "些", "啲", "嘅", "喺", "将", "將"]

    /// Chinese derivational affixes (后缀 and 前缀): a single character that makes a word of
    /// the word next to it, so no term boundary falls between them.
    /// Complements that end a verb's action on its object (复制到, 换成, 分为): a verb ending
    /// in one governs what follows.
    static let resultativeComplements: Set<Character> = ["到", "成", "为", "进", "出"]

    /// Complements of result or place (复制到, 放在, 压住, 做完, 扔掉, 做好): a verb of two
    /// characters ending in one takes an object, and is no modifier in a term. (成, 为, 进, 出
    /// also end verbs that make compounds: 合成数据, 输出层.)
    static let governingComplements: Set<Character> = ["到", "在", "住", "完", "掉", "好"]

    /// Demonstratives and demonstratives with a measure word (a closed class; the Traditional
    /// forms too): a name after one refers back.
    /// (此 and 该 are left out: 因此 and 应该 end in them.)
    static let demonstratives = ["这", "那", "這", "这个", "那个", "這個", "那個", "这种", "那种", "這種", "那種", "这些", "那些", "這些"]

    /// Other words a measure word follows (嗰|部, 每|台, 该|批): determiners left out of
    /// `demonstratives`, which other words end in.
    static let determinersBeforeMeasureWords: Set<String> = ["嗰", "𠮶", "该", "該", "此", "某", "每", "哪", "各"]

    /// Everyday one-character verbs of handling and measuring that jieba's list tags as
    /// nouns (量 n, 照 n, 夹 n) or as a bound morpheme (刷 zg).
    static let verbsTaggedOtherwise: Set<String> = ["量", "照", "夹", "刷"]

    /// Adverbs of time jieba's list tags as verbal nouns, adjectives or pronouns (定期 vn, 及时 ad,
    /// 每天 r): before a verb they say when it is done, as any adverb does.
    static let adverbsTaggedOtherwise: Set<String> = [
        "定期", "及时", "按时", "定时", "适时", "随时", "经常", "不断", "逐步", "逐渐", "千万", "每天", "每日", "每周", "每月", "每年", "每次", "天天",
    ]

    /// Aspect words before a clause's predicate, besides adverbs and modals (`modalWords`); 在
    /// only after an adverb (也在|筛选), as alone it is a preposition too (在|配置漂移中).
    static let aspectMarkers: Set<String> = ["正在", "将", "在"]

    /// Degree adverbs (a closed class): a word starting with one before 的 describes, and one
    /// opening a string makes it an adjective's predicate (太晚, 很贵).
    static let degreeAdverbs = ["很", "太", "最", "更", "挺", "蛮", "非常", "特别", "比较", "十分", "极其", "相当", "有点"]

    /// Endings of English adjectives derived from verbs and nouns (synthetic, digital,
    /// adaptive, supervised, rotating, primary, continuous, latent).
    static let adjectiveEndings = ["ic", "al", "ive", "ed", "ing", "ary", "ous", "ent", "ant", "ory", "ar", "ble"]
    /// Suffixes of English nouns made from verbs (mixture, acidification, monitoring).
    static let nominalizingSuffixes = ["tion", "sion", "ment", "ure", "ing", "sis", "ance", "ence", "age"]
    /// Suffixes naming a device by what it does (磨豆机, 填压器, 测距仪, 流量计).
    static let instrumentSuffixes: Set<String> = ["器", "机", "仪", "计"]
    /// One-character suffixes that make a word of the word before them (波动|率, 处理|法, 中止|症,
    /// 抑制|剂): a verb before one governs nothing.
    static let derivationalSuffixes: Set<String> = ["性", "化", "式", "型", "率", "度", "者", "器", "体", "法", "系", "派", "论", "学", "症", "炎", "剂"]
    /// Whether `words` (a string cut into words) start with a derivational prefix that makes
    /// a term with what follows (自|博弈, 非|对称), though 自 and 非 alone are function words.
    static func startsWithDerivationalPrefix(_ words: [String]) -> Bool {
        words.count >= 2 && words[0].count == 1 && derivationalPrefixes.contains(words[0]) && words.dropFirst().joined().count >= 2
    }

    /// Uses per million tokens of jieba's corpus from which a noun is a generic head (时间 554,
    /// 方法 300, 系统 343; 热点 20, 模型 48 are not).
    static let genericHeadPerMillion = 100.0

    /// Derivational prefixes that make a word with a verb of one character after them (自锁
    /// self-locking, 自检, 预热 pre-heating, 预紧): the verb is the word's stem, no predicate.
    static let prefixesOfVerbs: Set<String> = ["自", "预", "預"]

    static let derivationalPrefixes: Set<String> = ["可", "非", "反", "超", "半", "自", "去", "过", "预", "微", "无", "亚", "准", "伪", "逆", "总", "副", "次", "元"]

    /// Whether `character` (Simplified) is one character that is an everyday verb of the word
    /// list, or a verbal noun (jieba tags some verbs so: 测 vn), and no derivational suffix
    /// (度); with `orTaggedOtherwise`, also one of `verbsTaggedOtherwise` (量 n).
    static func isVerbCharacter(_ character: String, lexicon: ChineseLexicon, orTaggedOtherwise: Bool = false) -> Bool {
        guard character.unicodeScalars.count == 1, !derivationalSuffixes.contains(character) else { return false }
        if orTaggedOtherwise && verbsTaggedOtherwise.contains(character) { return true }
        guard let entry = lexicon.word(character), entry.everyday else { return false }
        return entry.wordClass == .verb || entry.isVerbal
    }

    /// `starts` (the word starts in `run`, indices in its base, as `ChineseLexicon.wordStarts`
    /// gives them) with a one-character verb that the list left inside a string it does not
    /// know made a word of its own where the clause shows it is the predicate: at the
    /// string's start after an adverb, a modal, a word of sequence or of propensity (定期|测|
    /// 溶氧量, read 测溶|氧量; 容易|长|趾瘤), and after a means a preposition introduces
    /// (用|折光|仪|测|白利度, read 仪测白利度; 用|卡尺|量|壁厚). `termByWords` then finds the predicate as it does a verb the list knows.
    /// Whether a word of two characters that jieba tags as a person's name is the clause's
    /// verb: it follows an adverb, a modal, a word of sequence or of purpose (再|修正|暗角,
    /// 会|陈列|样品, 用来|查明), where a name does not stand; jieba tags hundreds of verbs `nr`.
    /// Not after a copula that jieba tags an adverb (就是|安慰剂效应).
    static func isVerbTaggedAsName(_ word: ChineseLexicon.Word?, _ text: String, after previous: String, lexicon: ChineseLexicon) -> Bool {
        guard let word, word.isTaggedPersonName, word.wordClass == .content, text.unicodeScalars.count == 2, !previous.hasSuffix("是") else { return false }
        return precedesClauseVerb(previous, lexicon: lexicon) || purposeWords.contains(previous)
    }

    /// Whether a verb of two characters that general text seldom uses (小看, jieba's tag v) is
    /// the clause's verb: it follows a modal or a negation (别|小看|变速线), or a word that opens
    /// a clause of purpose (用心率来|推算|最大摄氧量), where a term's first word does not stand.
    /// Everyday verbs are read so wherever they stand. Not one opening with a preposition of
    /// means (先|用布|粉針 is 先用|布粉針: 用 is the verb).
    static func isRareClauseVerb(_ word: ChineseLexicon.Word?, _ text: String, after previous: String, lexicon: ChineseLexicon) -> Bool {
        guard let word, word.wordClass == .verb, !word.everyday, !word.isVerbalNoun, text.unicodeScalars.count == 2, !previous.hasSuffix("是"),
            !meansPrepositions.contains(String(text.prefix(1)))
        else { return false }
        return isModal(previous, lexicon: lexicon) || (purposeWords.contains(previous) && previous != "去")
    }

    /// Whether a clause's verb comes right after `previous`: a modal, a word of sequence or an
    /// adverb (要|打, 然后|测, 定期|测).
    static func precedesClauseVerb(_ previous: String, lexicon: ChineseLexicon) -> Bool {
        isModal(previous, lexicon: lexicon) || sequenceWords.contains(previous) || adverbsTaggedOtherwise.contains(previous)
            || (lexicon.word(previous)?.isAdverb ?? false)
    }

    /// What a verb takes after it for how much of the action (加一点, 看一下, 多放一些).
    static let amountsOfAction = ["一点", "一下", "一些", "一點", "一會", "一会"]

    /// Words that open a clause of purpose or use, before its verb (用来|修正, 以便|查明).
    static let purposeWords: Set<String> = ["来", "用来", "用于", "用以", "以便", "以", "为了", "去", "來", "用來", "用於"]

    static func splittingClauseVerbs(_ starts: [Int], in run: ArraySlice<Unicode.Scalar>, lexicon: ChineseLexicon) -> [Int] {
        guard starts.count >= 2 else { return starts }
        func text(_ range: Range<Int>) -> String { ChineseLexicon.simplified(String(String.UnicodeScalarView(run[range]))) }
        func end(_ index: Int) -> Int { index + 1 < starts.count ? starts[index + 1] : run.endIndex }
        /// A verb of one character (`isVerbCharacter`; after a means also 量), no suffix that
        /// ends the word before (仪).
        func isVerbCharacter(_ position: Int, verbalOnly: Bool) -> Bool {
            let character = text(position..<(position + 1))
            return ScriptClass.isCJK(run[position].value) && !instrumentSuffixes.contains(character)
                && Self.isVerbCharacter(character, lexicon: lexicon, orTaggedOtherwise: !verbalOnly)
        }
        func leavesTerm(after position: Int) -> Bool {
            run.endIndex - (position + 1) >= 2 && !(lexicon.word(text((position + 1)..<run.endIndex))?.everyday ?? false)
        }
        var splits: [Int] = []
        for index in 1..<starts.count where lexicon.word(text(starts[index]..<end(index))) == nil && end(index) - starts[index] >= 2 {
            let start = starts[index]
            let before = text(starts[index - 1]..<start)
            // After a word of propensity (容易|长|趾瘤), any character that is no clause word.
            let afterPropensity = propensityWords.contains(before) && lexicon.word(text(start..<(start + 1)))?.wordClass != .clause
            if precedesClauseVerb(before, lexicon: lexicon) || afterPropensity,
                isVerbCharacter(start, verbalOnly: true) || afterPropensity, leavesTerm(after: start)
            {
                splits.append(start + 1)
                continue
            }
            guard let means = (0..<index).last(where: { meansPrepositions.contains(text(starts[$0]..<end($0))) }),
                ((means + 1)..<index).allSatisfy({ lexicon.word(text(starts[$0]..<end($0)))?.wordClass != .clause })
            else { continue }
            if let verb = (start..<end(index)).first(where: { $0 - end(means) >= 2 && isVerbCharacter($0, verbalOnly: false) && leavesTerm(after: $0) }) {
                splits += [verb, verb + 1]
            }
        }
        // An instrument's suffix and a verb that the list holds as one word (计测), after a
        // means: the suffix ends the instrument's name, the verb is the predicate
        // (拿|风压|计|测|风压, read 风压|计测|风压).
        for index in 1..<starts.count where end(index) - starts[index] == 2 {
            let start = starts[index]
            guard lexicon.word(text(start..<(start + 2))) != nil, instrumentSuffixes.contains(text(start..<(start + 1))),
                Self.isVerbCharacter(text((start + 1)..<(start + 2)), lexicon: lexicon, orTaggedOtherwise: true), leavesTerm(after: start + 1),
                (0..<index).contains(where: { meansPrepositions.contains(text(starts[$0]..<end($0))) })
            else { continue }
            splits += [start + 1, start + 2]
        }
        // A measure word after a numeral or a determiner, read into a string the list lacks
        // with what follows (一|版粗剪, 两版宽色域): the quantity ends at it.
        func isMeasureWord(_ position: Int) -> Bool { measureWords.contains(Character(run[position])) }
        for index in starts.indices where end(index) - starts[index] >= 3 && lexicon.word(text(starts[index]..<end(index))) == nil {
            let start = starts[index]
            if quantityOpeners.contains(text(start..<(start + 1))), end(index) - start >= 4, isMeasureWord(start + 1) {
                splits += [start + 1, start + 2]
            } else if index > 0, quantityOpeners.contains(text(starts[index - 1]..<start)) || demonstratives.contains(text(starts[index - 1]..<start)),
                isMeasureWord(start)
            {
                splits.append(start + 1)
            }
        }
        return splits.isEmpty ? starts : Array(Set(starts + splits)).sorted()
    }

    /// Numerals and determiners a measure word follows (一|版, 每|台, 该|批).
    static let quantityOpeners = determinersBeforeMeasureWords.union(["一", "两", "兩", "几", "幾", "半", "二", "三", "四", "五", "六", "七", "八", "九", "十"])

    /// The term that ends a run of text, cut into words by `lexicon`: the words after the
    /// last clause word, governing verb or modifier (叫做, 一个, 主要是, 依靠), then fitted to
    /// the English's size (`englishSize`): a leading modifier or verb dropped while the term
    /// has more words than the English and the text also uses it without that word, and the
    /// word before taken in while it has fewer (never a clause word; 的, 与 when they join
    /// one name). Derivational affixes stay with their word, and a single character is never
    /// a term. With `englishSizeIsLoose` (the size counts an English name's words, not an
    /// abbreviation's letters) 与, 和 and 及 join a name only when `englishJoinsWithAnd`.
    /// Returns the term and the index in `run` where it starts, or nil.
    static func termByWords(
        _ run: ArraySlice<Unicode.Scalar>, lexicon: ChineseLexicon, englishSize: Int?, englishModifierIsHyphenated: Bool, englishIsNumbered: Bool = false,
        englishSizeIsLoose: Bool = false, englishJoinsWithAnd: Bool = false, englishAllowsAttributive: Bool = true, englishNamesNoProperNoun: Bool = false,
        english: String? = nil, otherName: String? = nil, recurrence: (String) -> Int, standalone: ((String) -> Int)? = nil,
        runStarts: ((String) -> Int)? = nil
    ) -> (text: String, start: Int)? {
        func standaloneUses(_ text: String) -> Int { standalone?(text) ?? recurrence(text) }
        /// Uses of `text` but those inside longer names other than the one `with` counts.
        func usesOutsideOtherNames(_ text: String, with: Int) -> Int {
            standalone.map { min(recurrence(text), $0(text) + with) } ?? recurrence(text)
        }
        let starts = Self.splittingClauseVerbs(lexicon.wordStarts(run), in: run, lexicon: lexicon)
        var words = starts.indices.map { index -> (start: Int, text: String, entry: ChineseLexicon.Word?) in
            let end = index + 1 < starts.count ? starts[index + 1] : run.endIndex
            // Judged by its Simplified characters (the word lists' script); the term keeps the
            // text's own (`text(from:)`).
            let written = String(String.UnicodeScalarView(run[starts[index]..<end]))
            return (starts[index], ChineseLexicon.simplified(written), lexicon.word(written))
        }
        for index in words.indices.dropFirst() where Self.isVerbTaggedAsName(words[index].entry, words[index].text, after: words[index - 1].text, lexicon: lexicon)
            || Self.isRareClauseVerb(words[index].entry, words[index].text, after: words[index - 1].text, lexicon: lexicon)
        {
            words[index].entry!.readAsVerb()
        }
        /// The class of an everyday word, or of a numeral of any frequency (好几颗).
        func wordClass(_ index: Int) -> ChineseLexicon.WordClass? {
            words[index].entry.flatMap { $0.everyday || $0.isNumeral ? $0.wordClass : nil }
        }
        /// A verb before a noun, or a one-character everyday verb before a verbal noun too
        /// (走|设计令牌; but 强化学习, 对抗测试 are compounds).
        func isGoverningVerb(_ index: Int) -> Bool {
            guard wordClass(index) == .verb, index + 1 < words.count, !startsDerivedWord(index), !namesInstrument(from: index) else { return false }
            // After 的 a verb modifies the noun after it (镜头的|倾斜相机): 的 ends a modifier of a noun.
            if index > 0, words[index - 1].text == "的" || words[index - 1].text == "嘅" { return false }
            if isInsideOpenedNounPhrase(index) { return false }
            guard let next = words[index + 1].entry, next.isVerbal else { return true }
            // One with a result or place complement takes a verbal noun as its object too (存在|活期账户).
            if words[index].text.count >= 2 && Self.governingComplements.contains(words[index].text.last!) { return true }
            return next.isVerbalNoun && words[index].text.unicodeScalars.count == 1 && !Self.derivationalSuffixes.contains(words[index].text)
        }
        /// Whether the verb at `index` stands inside a noun phrase that a word before it opens,
        /// as it does after 的: a quantity (一圈|推进|油缸) or 了 (装了|摩擦|摆|支座), with only
        /// nouns (verbal ones too) or words the list lacks between, or a preposition right before it (用|改良|克林奇结, 从|推进|油缸; in
        /// 用|X|测|Y and 把|X|当成|Y the verb after the preposition's noun is the predicate, and
        /// 在 before a verb marks the progressive). A verb there modifies the noun after it, when
        /// that noun is fewer words than the English and the phrase no more.
        func isInsideOpenedNounPhrase(_ index: Int) -> Bool {
            guard let englishSize, index + 1 < words.count, size(from: index + 1) < englishSize else { return false }
            var opener = index - 1
            while opener >= 0, words[opener].text.count >= 2, words[opener].entry.map({ $0.wordClass == .content && !$0.isNumeral }) ?? words[opener].text.containsCJK {
                opener -= 1
            }
            guard opener >= 0, size(from: opener + 1) <= englishSize else { return false }
            let opening = words[opener].text
            if Self.meansPrepositions.contains(opening) || Self.nounPhrasePrepositions.contains(opening) { return opener + 1 == index }
            return opening == "了" || isNominalQuantity(opener)
        }
        /// A numeral with a measure word of things (一圈, 三道, 两|根), not of actions (一次, 一下).
        func isNominalQuantity(_ index: Int) -> Bool {
            let scalars = Array(words[index].text.unicodeScalars)
            if scalars.count == 1, index > 0, isCountedMeasureWord(index) { return !Self.verbalMeasureWords.contains(words[index].text) }
            guard scalars.count == 2, words[index].entry?.isNumeral ?? false, Self.quantityOpeners.contains(String(Character(scalars[0]))) else { return false }
            return !Self.verbalMeasureWords.contains(String(Character(scalars[1])))
        }
        /// A single character before a derivational suffix is the stem of a word the list does
        /// not hold (滴|度 of 抗体滴度), whatever it reads as alone; so is a longer word before a
        /// suffix that ends the term (处理|法 of 水洗处理法, 驱动|器): a verb there governs nothing.
        func startsDerivedWord(_ index: Int) -> Bool {
            index + 1 < words.count && Self.derivationalSuffixes.contains(words[index + 1].text)
                && (words[index].text.unicodeScalars.count == 1 || index + 1 == words.count - 1)
        }
        /// A space or a middle dot joins the words of one name (`KL 散度`, 泰勒·考恩), and so does
        /// a hyphen between Chinese words (苹果酸-乳酸发酵).
        func isJoiner(_ index: Int) -> Bool {
            words[index].text == " " || words[index].text == "·"
                || (words[index].text == "-" && index > 0 && index + 1 < words.count && words[index - 1].text.containsCJK && words[index + 1].text.containsCJK)
        }
        /// A word no term extends over: a clause word, a governing verb, or punctuation (a dash).
        func isBarrier(_ index: Int) -> Bool {
            wordClass(index) == .clause || isGoverningVerb(index) || isComplementVerb(index) || (!isWord(index) && !isJoiner(index)) || isNumber(index)
                || isReduplicatedVerb(index) || endsInDirectionalComplement(index) || Self.quantityWords.contains(words[index].text)
                || Self.clauseEnders.contains(words[index].text) || isPredicateWord(index)
                || (index > 0 && isNumber(index - 1)) || (index > 1 && words[index - 1].text == " " && isNumber(index - 2))
                || isCountedMeasureWord(index)
        }
        /// A measure word after a numeral or determiner (一|版|粗剪, 每|台): the quantity's end,
        /// unless the English names the number.
        func isCountedMeasureWord(_ index: Int) -> Bool {
            index > 0 && !englishIsNumbered && words[index].text.count == 1 && Self.measureWords.contains(words[index].text.first!)
                && Self.quantityOpeners.contains(words[index - 1].text)
        }
        /// A word of the list, however rare, that is a verb with a potential complement (分得清,
        /// 看不见) or with an amount of the action (加一点, 检查一下): a predicate.
        func isPredicateWord(_ index: Int) -> Bool {
            guard let entry = words[index].entry else { return false }
            let scalars = Array(words[index].text.unicodeScalars)
            if scalars.count == 3, scalars[1] == "得" || scalars[1] == "不", entry.isVerbal { return true }
            return scalars.count >= 3 && !entry.isNumeral && Self.amountsOfAction.contains { words[index].text.hasSuffix($0) }
        }
        /// A verb of two characters, however rare, ending in a complement of result or place
        /// (插进|道床, 放到|托盘上), before words the text uses without it: it governs them.
        /// So does one the text states only here, unless the English renders it by an adjective
        /// opening a name of as many words (换成|深水栽培, but 合成数据 for synthetic data); and
        /// so does a verb with the complement written apart (简化|成, 成 a noun in the list; 调|成,
        /// a one-character verb the list does not join to it).
        func isComplementVerb(_ index: Int) -> Bool {
            guard index + 1 < words.count, text(from: index + 1).count >= 2 else { return false }
            if index > 0, words[index].text.unicodeScalars.count == 1, let last = words[index].text.last, Self.resultativeComplements.contains(last),
                (words[index - 1].text.count >= 2 && words[index - 1].entry?.wordClass == .verb)
                    || (wordClass(index - 1) == .verb && Self.isVerbCharacter(words[index - 1].text, lexicon: lexicon))
            {
                return true
            }
            guard let entry = words[index].entry, entry.wordClass == .verb, words[index].text.unicodeScalars.count == 2,
                let last = words[index].text.last, Self.resultativeComplements.contains(last) || Self.governingComplements.contains(last)
            else { return false }
            if isInsideOpenedNounPhrase(index) { return false }
            if usedAlone(from: index + 1) { return true }
            return recurrence(text(from: index)) < 2 && !englishOpensWithAdjective(renderingFrom: index)
        }
        /// Whether the word at `index`, a verb that starts compounds in the list, may render the
        /// English's opening adjective (synthetic, generative, dissolved): the English opens with
        /// an unhyphenated word of an adjective's ending, and the words from `index` on are as
        /// many as the English's.
        func englishOpensWithAdjective(renderingFrom index: Int) -> Bool {
            guard words[index].entry?.startsCompounds ?? false, let englishSize, size(from: index) == englishSize,
                let opening = english?.split(separator: " ").first?.lowercased(), !opening.contains("-")
            else { return false }
            return Self.adjectiveEndings.contains { opening.hasSuffix($0) }
        }
        /// A one-character verb said twice (看看, 试试): a tentative predicate, never a name's.
        func isReduplicatedVerb(_ index: Int) -> Bool {
            let characters = Array(words[index].text)
            guard characters.count == 2, characters[0] == characters[1], let single = lexicon.word(String(characters[0])) else { return false }
            return single.everyday && (single.wordClass == .verb || single.isVerbal)
        }
        /// A verb with a directional complement of two characters (算下来, 看起来): a predicate.
        func endsInDirectionalComplement(_ index: Int) -> Bool {
            words[index].text.count >= 3 && Self.twoCharacterDirectionals.contains(where: { words[index].text.hasSuffix($0) })
        }
        /// A number, and the measure word after it (24 小时, 八十|箱), are a quantity, not a term. A
        /// number in Chinese numerals is one when two numerals or more are followed by a measure
        /// word: numerals start terms (三中卫, 一级动力学) or stand inside them (碳十四测年).
        func isArabicNumber(_ index: Int) -> Bool {
            let scalars = words[index].text.unicodeScalars
            return !scalars.isEmpty && scalars.allSatisfy { ("0"..."9").contains($0) || $0 == "." }
        }
        func isNumber(_ index: Int) -> Bool {
            let scalars = words[index].text.unicodeScalars
            return scalars.allSatisfy { ("0"..."9").contains($0) || $0 == "." }
                || (scalars.count >= 2 && scalars.allSatisfy { "零一二三四五六七八九十百千万亿两".unicodeScalars.contains($0) }
                    && index + 1 < words.count && (words[index + 1].entry?.isNumeral ?? false))
        }
        /// 的 after a noun or verb: the end of a modifier that is part of the term
        /// (来自人类反馈的强化学习), when the English asks for more words; likewise 与, 和
        /// and 及 joining two nouns of one name (终端检测与响应).
        func isAttributive(_ index: Int) -> Bool {
            ["的", "与", "和", "及"].contains(words[index].text) && index > 0 && isWord(index - 1) && wordClass(index - 1) != .clause && wordClass(index - 1) != .modifier
                && !(words[index - 1].entry?.isAdjective ?? false)
                // A degree adverb makes a description of what follows (强度很低的|生坯).
                && !Self.degreeAdverbs.contains { words[index - 1].text.hasPrefix($0) }
                // So does a verb with a directional or result complement (开出去的|统一发票).
                && !(wordClass(index - 1) == .verb && words[index - 1].text.count >= 2
                    && ChineseLexicon.complementCharacters.contains(words[index - 1].text.unicodeScalars.last!))
        }
        /// A one-character clause word between a single character and the term that the text
        /// uses as one string twice or more: a character of a word the list lacks (仿|地|飞行),
        /// not a particle; so is 地 or 得 before a noun, said once or more
        /// (`ChineseLexicon.isCharacterBeforeNoun`: 探|地|雷达).
        func isInnerParticle(_ index: Int) -> Bool {
            index > 0 && wordClass(index) == .clause && words[index].text.unicodeScalars.count == 1 && !Self.neverInTerms.contains(words[index].text)
                && words[index - 1].text.unicodeScalars.count == 1 && words[index - 1].text.containsCJK && wordClass(index - 1) != .clause
                && (recurrence(text(from: index - 1)) >= 2 || isGenericHead(from: index + 1)
                    || (index + 1 < words.count && lexicon.isCharacterBeforeNoun(words[index].text, next: words[index + 1].text)))
        }
        /// A derivational prefix (`derivationalPrefixes`) before a verb or an adjective: it makes
        /// one word with it (可|持续, 非|对称), whatever else it reads as alone. (Before a noun
        /// it may be a verb of its own: 去|科技馆.)
        func isPrefixOfWord(_ index: Int) -> Bool {
            words[index].text.unicodeScalars.count == 1 && Self.derivationalPrefixes.contains(words[index].text) && index + 1 < words.count
                && (words[index + 1].entry.map { $0.isVerbal || $0.isAdjective } ?? false)
        }
        /// A single character that belongs to the word after it: one the lexicon does not
        /// know or not as an everyday word, or an everyday noun or adjective (掩|模版, 新|抗原).
        func isBoundPrefix(_ index: Int) -> Bool {
            guard words[index].text.unicodeScalars.count == 1, words[index].text.containsCJK else { return false }
            guard let entry = words[index].entry, entry.everyday else { return true }
            // An everyday verbal noun of one character is the verb before the term (测|病毒滴度).
            return entry.wordClass == .content && !entry.isVerbal
        }
        func isWord(_ index: Int) -> Bool {
            words[index].text.containsCJK || words[index].text.unicodeScalars.contains { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        }
        /// The words from `start` on, as the English's size counts them: characters the
        /// lexicon does not know, one after another, are one word; a single character not
        /// read as an everyday word goes with the word before (负责|任); a dictionary word of
        /// four characters or more is a compound of two-character words (数值孔径, 摩尔定律).
        func size(from start: Int) -> Int {
            var count = 0
            var previousUnknown = false
            for index in start..<words.count where isWord(index) && wordClass(index) != .clause {
                let single = words[index].text.unicodeScalars.count == 1 && words[index].text.containsCJK
                let unknown = single && words[index].entry == nil
                let bound = single && !(words[index].entry?.everyday ?? false) || (single && lexicon.isReclassified(words[index].text))
                // A derivational prefix goes with the word after it (可|持续 for sustainable), unless
                // the English writes its affix as a word of a hyphenated compound (无|进展 for
                // progression-free).
                // So does a numeral counting inside a name (七|氟烷 for sevoflurane), unless the
                // English writes the number as a word of its own.
                let prefix = (!englishModifierIsHyphenated && isPrefixOfWord(index)) || (!englishIsNumbered && isCountInName(index))
                let characters = words[index].text.unicodeScalars.count
                let weight = words[index].entry != nil && words[index].text.containsCJK && characters >= 4 ? characters / 2 : 1
                if !((unknown && previousUnknown) || (bound && index > start) || prefix) { count += weight }
                previousUnknown = unknown
            }
            return count
        }
        /// The most English words the words from `start` on may render: `size(from:)` with
        /// each character of a word the lexicon does not know counted (残翅|病毒 renders
        /// deformed wing virus).
        func largestSize(from start: Int) -> Int {
            size(from: start) + (start..<words.count).reduce(0) { extra, index in
                extra + (words[index].entry == nil && words[index].text.containsCJK ? words[index].text.unicodeScalars.count - 1 : 0)
            }
        }
        /// Whether a verb and its object, one character each, and an instrument suffix are all
        /// the words from `index` (磨|豆|机, 填|压|器, 开|瓶|器): Chinese names tools so.
        func namesInstrument(from index: Int) -> Bool {
            let rest = ChineseLexicon.simplified(text(from: index))
            return rest.count == 3 && Self.instrumentSuffixes.contains(String(rest.last!)) && words[index].text.count == 1
                && !(lexicon.word(String(rest.dropFirst()))?.everyday ?? false)
        }
        /// A one-character everyday verb, which governs the term after it (靠|硅通孔); a
        /// derivational suffix is no verb here (生殖|系|编辑), nor is one after a prefix that
        /// makes a word with a verb (自|锁 self-locking, 预|热 pre-heating: `prefixesOfVerbs`).
        func isGoverningCharacter(_ index: Int) -> Bool {
            Self.isVerbCharacter(words[index].text, lexicon: lexicon) && !startsDerivedWord(index)
                && !(index > 0 && Self.prefixesOfVerbs.contains(words[index - 1].text))
        }
        /// A verb of two characters or more that governs the words after it: an everyday one
        /// (包括, 履行), or one with a resultative complement (复制到, 换成). Before another
        /// verb it makes a compound (插入缺失, 强化学习) unless two words or more follow.
        func isGoverningWord(_ index: Int, englishSize: Int) -> Bool {
            // A verb with a potential complement (离不开, 做不到, 看得见) is always a predicate, and
            // so is a fixed expression ending in a resultative complement (常听到).
            let potential = words[index].text.count == 3 && ["不", "得"].contains(words[index].text.dropFirst().first)
            guard let entry = words[index].entry, words[index].text.count >= 2, !isGenericHead(from: index + 1) else { return false }
            if entry.isFixedExpression && Self.resultativeComplements.contains(words[index].text.last!) { return size(from: index + 1) >= englishSize }
            guard entry.wordClass == .verb, entry.everyday || potential || Self.resultativeComplements.contains(words[index].text.last!) else { return false }
            let rest = size(from: index + 1)
            return rest >= englishSize && (rest >= 2 || !(words[index + 1].entry?.isVerbal ?? false))
        }
        /// An everyday verb of two characters or more that starts no compound in the word list:
        /// a predicate before the term (包括|粒径分布), where one that starts compounds may modify
        /// it (扩散|策略), and so may a rarer one (量化|投资, 烘焙|曲线).
        func isPredicate(_ index: Int) -> Bool {
            wordClass(index) == .verb && words[index].text.count >= 2 && !(words[index].entry?.startsCompounds ?? true)
        }
        /// Whether the words from `index` on are one generic noun (`genericHeadPerMillion`):
        /// compounds end with it (启动时间), and alone it renders no term (时间 is no rendering
        /// of attack), where a rarer noun may (训练|奖励模型).
        func isGenericHead(from index: Int) -> Bool {
            guard index == words.count - 1, words[index].text.unicodeScalars.count >= 2, let entry = words[index].entry else { return false }
            return entry.wordClass == .content && !entry.isVerbal && !entry.isAdjective
                && Double(exp(entry.logProbability)) * 1_000_000 >= Self.genericHeadPerMillion
        }
        func text(from index: Int) -> String {
            String(String.UnicodeScalarView(run[words[index].start...])).trimmingWhitespace()
        }
        /// Whether the text uses the words from `index` on without the word before them more
        /// often than with it (遗址博物馆 beside 去遗址博物馆). After a rarer word, uses after
        /// another such word are no uses alone: the two words make two names (换舷 is not used
        /// alone beside 迎风换舷 for being in 顺风换舷), where everyday verbs govern the term.
        func usedAlone(from index: Int) -> Bool {
            guard index > 0 else { return false }
            let uses = words[index - 1].entry?.everyday ?? false ? recurrence(text(from: index)) : standaloneUses(text(from: index))
            return uses > recurrence(text(from: index - 1))
        }
        // The term is never empty: the last word at least. It starts after the last
        // barrier or modifier.
        var first = words.count - 1
        // A derivational prefix the list reads as a modifier (元 of 元数据 is a measure word
        // there) between two nouns is no edge: the noun before it is the term's too (都柏林核心
        // 元数据; but 常用|次像素渲染).
        func isModifierEdge(_ index: Int) -> Bool {
            isDescriptive(index) || isAdverbAndVerb(index) || (wordClass(index) == .modifier || isAdverbPhrase(index)) && !isCountInName(index)
                && !(Self.derivationalPrefixes.contains(words[index].text) && index + 1 < words.count && words[index + 1].text.count >= 2
                    && index > 0 && (words[index - 1].entry?.isNoun ?? false))
                && !isClassifierSuffix(index)
        }
        /// A rare word of the list that is an adverb and an everyday verb (定期检查, 及时清理):
        /// the clause's predicate, however the list tags it, never part of a name.
        func isAdverbAndVerb(_ index: Int) -> Bool {
            let characters = Array(words[index].text)
            guard characters.count >= 3, !(words[index].entry?.everyday ?? true) else { return false }
            return (1..<characters.count).contains { cut in
                let adverb = String(characters[..<cut]), verb = String(characters[cut...])
                return (Self.adverbsTaggedOtherwise.contains(adverb) || (lexicon.word(adverb).map { $0.isAdverb && $0.everyday } ?? false))
                    && (lexicon.word(verb).map { $0.everyday && ($0.isVerbal || $0.wordClass == .verb) } ?? false)
            }
        }
        /// A reduplicated adjective with its 的 (扁扁的, 绿油油的), which jieba lists as one word: a
        /// description of the thing, as an adjective before 的 is, not a part of its name.
        func isDescriptive(_ index: Int) -> Bool {
            let characters = Array(words[index].text)
            guard characters.count >= 3, characters.last == "的" else { return false }
            return (1..<(characters.count - 1)).contains { characters[$0] == characters[$0 - 1] }
        }
        /// A numeral of one character (二 to 十) right before a rarer noun, with no measure word
        /// between and no number before, counts inside a name, not things: chemistry and
        /// other fields name so (七|氟烷, 六|氟化硫, 三|倍体). A quantity takes a measure word
        /// (七|种|药), and 一 and 两 count (一|模型 is one model).
        func isCountInName(_ index: Int) -> Bool {
            guard words[index].text.unicodeScalars.count == 1, Self.countingNumerals.contains(words[index].text), index + 1 < words.count,
                words[index + 1].text.count >= 2, words[index + 1].text.containsCJK,
                words[index + 1].entry.map({ !$0.everyday && $0.wordClass == .content && !$0.isNumeral }) ?? true
            else { return false }
            return index == 0 || !(isWord(index - 1) && (words[index - 1].entry?.isNumeral == true || words[index - 1].text == "第"
                || words[index - 1].text.unicodeScalars.last.map { ("0"..."9").contains($0) || Self.numeralCharacters.contains(Character($0)) } == true))
        }
        /// A one-character measure word right after a noun makes a class of it (烟碱|类|农药,
        /// 阿片|类|药物): a suffix inside the term, where after a numeral or a demonstrative it
        /// ends a quantity (三类, 这类).
        func isClassifierSuffix(_ index: Int) -> Bool {
            index > 0 && index + 1 < words.count && words[index].text.unicodeScalars.count == 1 && words[index].entry?.isNumeral == true
                && words[index - 1].text.count >= 2 && words[index - 1].entry?.isNoun == true && !(words[index - 1].entry?.isNumeral ?? false)
                && !isNumber(index - 1) && !Self.demonstratives.contains(words[index - 1].text)
        }
        /// A rare word the list reads as a modifier that starts with an everyday one-character
        /// adverb (再|上, 最|常): an adverb and what it qualifies, as jieba's list holds some.
        func isAdverbPhrase(_ index: Int) -> Bool {
            guard let entry = words[index].entry, !entry.everyday, entry.wordClass == .modifier, !entry.isNumeral, !entry.isLocaliser,
                words[index].text.unicodeScalars.count >= 2, let head = lexicon.word(String(words[index].text.prefix(1)))
            else { return false }
            return head.everyday && head.wordClass == .modifier && !head.isNumeral && !head.isLocaliser
        }
        /// A verb of two characters that starts compounds in the word list, which an English name
        /// of as many words opening with an adjective renders, a word each, with the words after
        /// it (合成|数据 for synthetic data): a modifier of the name, not the clause's predicate,
        /// however often the text says the rest alone. (One that starts none is a predicate:
        /// 包括|孔隙分布; so is one before a name opening with a noun: 造成|双链断裂 for
        /// double-strand break.)
        func englishRendersVerb(_ index: Int) -> Bool {
            guard englishSizeIsLoose, let englishSize, englishSize >= 2, index + 1 == first, words[index].text.unicodeScalars.count == 2,
                wordClass(index) == .verb, !isReduplicatedVerb(index), !Self.governingComplements.contains(words[index].text.last!)
            else { return false }
            return englishOpensWithAdjective(renderingFrom: index)
        }
        while first > 0 && (!isBarrier(first - 1) || englishRendersVerb(first - 1)) && !isModifierEdge(first - 1) { first -= 1 }
        // A character right after a modal that the rules below read as the clause's verb: no
        // bound prefix of the term later.
        var verbAfterModal: Int?
        if let englishSize {
            // More words than the English: a leading modifier or verb goes, when the text also
            // uses the term without it (训练|奖励模型, but 混合专家模型 stays whole), and what is
            // left is more than a generic noun (`isGenericHead`). So does a word jieba tags as
            // no noun that the text uses elsewhere without the term (主推|高纺锤形 beside
            // 主推什么), and an everyday word right after a personal pronoun, which is the
            // pronoun's predicate (我|建议|早熟品种: jieba tags 建议 a noun), when what is left is
            // no everyday word. A hyphenated modifier may be one Chinese word (early-season is
            // 早熟), so beside one such a word goes at the English's size too.
            func isFreeWord(_ index: Int) -> Bool {
                guard words[index].text.count >= 2, words[index].text.containsCJK, index + 1 < words.count,
                    !(lexicon.word(text(from: index + 1))?.everyday ?? false)
                else { return false }
                if isPredicateOfPronoun(index) { return true }
                // An everyday word the text leaves out of most uses of the term (产生|飞火 once,
                // 飞火 twice more): jieba tags some everyday verbs as nouns (产生, 建议).
                let with = recurrence(text(from: index))
                if (words[index].entry?.everyday ?? false) && recurrence(text(from: index + 1)) - with > with { return true }
                return !(words[index].entry?.isNoun ?? true) && recurrence(words[index].text) > with
            }
            func isSingleVerbAfterModal(_ index: Int) -> Bool {
                words[index].text.unicodeScalars.count == 1 && words[index].text.containsCJK && words[index + 1].text.count >= 2
                    && !Self.derivationalPrefixes.contains(words[index].text) && !(words[index].entry?.isNumeral ?? false)
                    && !(words[index].entry?.isAdjective ?? false) && wordClass(index) != .clause && recurrence(text(from: index)) < 2
                    && !namesInstrument(from: index)  // 先|扩管器
            }
            func isPredicateOfPronoun(_ index: Int) -> Bool {
                index > 0 && index + 1 < words.count && Self.personalPronouns.contains(words[index - 1].text) && words[index].text.count >= 2
                    && (words[index].entry?.everyday ?? false) && !(lexicon.word(text(from: index + 1))?.everyday ?? false)
            }
            func dropWordsUsedWithout() {
                while first < words.count - 1
                    && (size(from: first) > englishSize || (englishModifierIsHyphenated && size(from: first) == englishSize && isFreeWord(first)))
                    && (wordClass(first) == .modifier || (words[first].entry?.isVerbal ?? false) || isFreeWord(first))
                    && usedAlone(from: first + 1) && !isGenericHead(from: first + 1)
                    // (One character's uses are mostly inside other words: 差 of 误差, 差不多
                    // beside 闭合|差.)
                    && text(from: first + 1).count >= 2
                {
                    first += 1
                }
            }
            dropWordsUsedWithout()
            // A one-character everyday verb leading more words than the English governs them
            // (靠|透射光谱), though the text uses the term only here.
            // Not one naming an instrument by what it does to what (磨豆机, 填压器, 开瓶器).
            if first < words.count - 1, isGoverningCharacter(first), size(from: first) > englishSize, size(from: first + 1) >= englishSize,
                text(from: first + 1).count >= 2, !namesInstrument(from: first)
            {
                first += 1
            }
            // Still more words than the English: the term starts after the last governing verb
            // that leaves words enough for it (包括|对抗测试, 履行|合规评估, 复制到|多数派).
            if size(from: first) > englishSize, let verb = (first..<(words.count - 1)).last(where: { isGoverningWord($0, englishSize: englishSize) }) {
                first = verb + 1
                // What follows the verb may start with a word the text uses the term without
                // (可能|出现|削波 beside 削波 alone).
                dropWordsUsedWithout()
            }
            // Still more words than the English, and the first a verb of two characters or more
            // that starts no compound in the list, however rare (施加|紧急制动, 检索|现有技术): a
            // predicate, when the words after it are the English's size.
            if first < words.count - 1, size(from: first) > englishSize, size(from: first + 1) == englishSize,
                let verb = words[first].entry, verb.wordClass == .verb, !verb.startsCompounds, words[first].text.count >= 2,
                !isGenericHead(from: first + 1)
            {
                first += 1
            }
            // A word right after a modal is the clause's verb, whatever jieba tags it (要|记录|
            // 植入扭矩 for insertion torque: 记录 n), when the words after it fit the English; so
            // is one character there before a longer word in a term stated once (先|标|控制点, 标
            // n), unless it is a prefix, a numeral or an adjective (先|预|训练, 先|二|次发酵, 要|白|坯布)
            // or names an instrument with what follows (先|扩管器).
            if first > 0, first < words.count - 1, Self.modalWords.contains(words[first - 1].text), !isGenericHead(from: first + 1),
                text(from: first + 1).count >= 2
            {
                if isSingleVerbAfterModal(first) {
                    verbAfterModal = first
                    first += 1
                } else if size(from: first) > englishSize && size(from: first + 1) >= englishSize {
                    first += 1
                }
            }
            // An everyday verb (or verbal noun) of two characters or more before one noun of the
            // list, for an English name of one word, is the clause's (检查|桅杆 for mast).
            if englishSizeIsLoose, englishSize == 1, first == words.count - 2, words[first].text.count >= 2,
                words[first].entry.map({ $0.everyday && $0.isVerbal }) ?? false,
                words[first + 1].entry?.isNoun ?? false, words[first + 1].text.count >= 2, !isGenericHead(from: first + 1)
            {
                first += 1
            }
            // An everyday verb of two characters or more before words that render the English
            // once each character the lexicon does not know counts as a word governs them
            // (传播|残翅病毒 for deformed wing virus; but 强化学习, 生成对抗网络), unless the text
            // uses the term with it again (混合键合 for hybrid bonding). Before words that fit
            // the English without such characters it may render a word of it (混合专家模型 for
            // Mixture of Experts): the rules above judge those.
            if englishSizeIsLoose, first < words.count - 1, words[first].text.count >= 2,
                words[first].entry.map({ $0.everyday && $0.isVerbal }) ?? false,
                size(from: first + 1) < englishSize, largestSize(from: first + 1) >= englishSize,
                !isGenericHead(from: first + 1), recurrence(text(from: first)) < 2 || usedAlone(from: first + 1), !isInsideOpenedNounPhrase(first)
            {
                first += 1
            }
            // So does one inside the term before a name of rare words that may render the
            // English alone (诱捕器|监测|橘小实蝇 for oriental fruit fly).
            if englishSizeIsLoose, first + 1 < words.count - 1, let verb = ((first + 1)..<(words.count - 1)).last(where: { index in
                words[index].text.count >= 2 && (words[index].entry.map { $0.everyday && $0.isVerbal } ?? false)
                    && (index + 1..<words.count).allSatisfy { !(words[$0].entry?.everyday ?? false) && words[$0].text.containsCJK }
                    && largestSize(from: index + 1) >= englishSize && text(from: index + 1).count >= 2
                    && (recurrence(text(from: index)) < 2 || usedAlone(from: index + 1)) && !isInsideOpenedNounPhrase(index)
            }) {
                first = verb + 1
            }
            // A verb inside a term the text states only here, after which the words render the
            // English already, governs them (耐心对准|极轴 for polar axis, 进入|精磨 for fine
            // grinding, 清洗|過濾棉): a verb jieba tags v, not vn (训练|数据 is one name), of two
            // characters (or an everyday one of one, for an English word: 靠|抛光), before a word
            // of two characters or more (持续|音|踏板 is 持续音 and a pedal) and no derivational
            // suffix (隐含|波动|率: 波动率 is one word), first in the term or after an adverb or
            // adjective (碳|排放|交易体系 is a noun's) or after an everyday verb (负责|设计). Before a
            // verb it makes a compound with it (插入缺失, 应力放散), and a verb before a noun the
            // English has no word for is part of the name (强化学习, 焊接电流, 退火铜线 render a
            // word each). An everyday verbal noun of two characters (研究, 设计, 分析: jieba's vn)
            // governs so too when the words after it alone are the English's size (研究|海洋酸化
            // for ocean acidification), where one the English renders is the name's (训练数据),
            // as it is when the English opens with a noun made from a verb (混合专家模型 for
            // Mixture of Experts).
            let englishOpensWithNominalization = english.flatMap { $0.split(separator: " ").first?.lowercased() }
                .map { opening in Self.nominalizingSuffixes.contains { opening.count > $0.count + 2 && opening.hasSuffix($0) } } ?? false
            if englishSizeIsLoose, recurrence(text(from: first)) < 2,
                let verb = (first..<(words.count - 1)).last(where: { index in
                    guard let entry = words[index].entry, !namesInstrument(from: index), !isInsideOpenedNounPhrase(index) else { return false }
                    let verbalNoun = entry.isVerbalNoun && entry.everyday && words[index].text.count >= 2 && !englishOpensWithNominalization
                    guard (entry.wordClass == .verb && !entry.isVerbalNoun) || verbalNoun,
                        words[index].text.count >= 2 || (entry.everyday && englishSize == 1), words[index + 1].text.count >= 2,
                        !(words[index + 1].entry?.isVerbal ?? false),
                        index == first || [.clause, .modifier, .verb].contains(wordClass(index - 1)) || (words[index - 1].entry?.isAdjective ?? false),
                        !((index + 1)..<words.count).contains(where: { Self.derivationalSuffixes.contains(words[$0].text) })
                    else { return false }
                    // (A hyphenated modifier may be one Chinese word: heat-tolerant is 耐热.)
                    return size(from: index + 1) >= englishSize - (englishModifierIsHyphenated && !verbalNoun ? 1 : 0) && text(from: index + 1).count >= 2
                        && !isGenericHead(from: index + 1)
                })
            {
                first = verb + 1
            }
            /// A verb an adverb, a modal or a word of aspect leads is the clause's predicate
            /// (常常|出现|焚风, 也在|筛选|耐热基因型, 一直在|培育 vn; after a degree adverb, any everyday word:
            /// 更|习惯|福尔马林), in a term the text states only here, before a name of two
            /// characters or more that is no everyday word. Not after the copula, which names
            /// (是|配置漂移), and not a verb the English renders by an adjective opening a name of
            /// as many words (也在|生成对抗网络 for generative adversarial network).
            func isPredicateAfterAdverb(_ index: Int) -> Bool {
                guard index > 0, index < words.count - 1, words[index].text.unicodeScalars.count == 2, words[index].text.containsCJK,
                    let entry = words[index].entry, recurrence(text(from: index)) < 2
                else { return false }
                let before = words[index - 1].text
                func isAdverb(_ index: Int) -> Bool {
                    (wordClass(index) == .modifier && !(words[index].entry?.isNumeral ?? false) && !(words[index].entry?.isLocaliser ?? false)
                        && !Self.derivationalPrefixes.contains(words[index].text)) || Self.modalWords.contains(words[index].text)
                        || Self.adverbsTaggedOtherwise.contains(words[index].text)
                }
                let aspect = Self.aspectMarkers.contains(before) && (before != "在" || (index >= 2 && isAdverb(index - 2)))
                guard isAdverb(index - 1) || aspect else { return false }
                // A degree adverb qualifies a predicate only (更|习惯, never a noun).
                let afterDegree = Self.degreeAdverbs.contains(before) && entry.everyday
                guard entry.wordClass == .verb || entry.isVerbal || afterDegree else { return false }
                let rest = text(from: index + 1)
                guard rest.count >= 2, !(lexicon.word(rest)?.everyday ?? false), !isGenericHead(from: index + 1) else { return false }
                return afterDegree || !englishOpensWithAdjective(renderingFrom: index)
            }
            if isPredicateAfterAdverb(first) { first += 1 }
            // The English asks for more words: take in the word before, unless it is a clause
            // word (a verb before a noun may modify it: 扩散策略).
            // Not over a one-character everyday verb as common as 读 (靠|硅通孔, 读|知情同意书;
            // `governingCharacterPerMillion`), unless the term is one character of a name cut in
            // two (考|恩 of 泰勒·考恩); a rarer one names a kind (导轴承 for guide bearing).
            // A generic noun alone renders nothing (时间 for release): it takes in the word before,
            // even a predicate, and is a word the English may leave out: the words before it are
            // to render the English (最小干預|原則 for minimal intervention).
            let genericHeadAlone = englishSizeIsLoose && first == words.count - 1 && isGenericHead(from: first)
            while first > 0 && (size(from: first) < englishSize + (genericHeadAlone ? 1 : 0) || isGenericHead(from: first))
                && ((wordClass(first - 1) != .clause && (isWord(first - 1) || isJoiner(first - 1)))
                    || (isAttributive(first - 1) && (words[first - 1].text != "的" || englishAllowsAttributive)) || isInnerParticle(first - 1))
                // A time word after a quantifier or demonstrative says when (每个|星期|换水); one
                // alone, or after the copula or 的, may render a word of the English (夜间最小流量
                // for minimum night flow, 是|初期稳定性 for primary stability).
                && !((words[first - 1].entry?.isTimeWord ?? false) && first >= 2 && wordClass(first - 2) == .clause
                    && !["是", "的"].contains(words[first - 2].text))
                && !Self.quantityWords.contains(words[first - 1].text)  // 很多|硅穿孔, but 多重|图形化
                && !(words[first - 1].text.unicodeScalars.count == 1 && lexicon.opensNoName(words[first - 1].text))  // 先|素烧
                && first - 1 != verbAfterModal  // 先|标|控制点
                // A measure word after a demonstrative ends a quantity (那台|咖啡机); after a
                // numeral it may name a kind (三元锂电池).
                && !((words[first - 1].entry?.isNumeral ?? false) && words[first - 1].text.unicodeScalars.count == 1 && first >= 2
                    && ChineseLexicon.pronouns.contains(words[first - 2].text))
                && !isComplementVerb(first - 1)
                // An adverb ending in a modal before a verb (就要|托裱, 还会|扩散) is the clause's.
                && !((words[first - 1].entry?.isAdverb ?? false) && (words[first].entry?.isVerbal ?? false)
                    && words[first - 1].text.count >= 2 && lexicon.word(String(words[first - 1].text.suffix(1)))?.wordClass == .clause)
                && !isNumber(first - 1) && !(first > 1 && isNumber(first - 2))  // 八十箱|意大利蜂
                && !isCountedMeasureWord(first - 1)
                && !(isGoverningCharacter(first - 1) && !isPrefixOfWord(first - 1) && text(from: first).count >= 2 && !isGenericHead(from: first)
                    && lexicon.perMillion(words[first - 1].text) >= Self.governingCharacterPerMillion)
                && !(englishIsNumbered && words[first].text.count <= 2 && words[first].text.first.map(Self.numeralCharacters.contains) == true)
                && !(["与", "和", "及"].contains(words[first - 1].text) && englishSizeIsLoose && !englishJoinsWithAnd)
                // A verb with a result or place complement governs what follows (放在|货币基金,
                // 压住|涡激振动, 复制到|多数派).
                && !(wordClass(first - 1) == .verb && words[first - 1].text.count >= 2
                    && Self.governingComplements.contains(words[first - 1].text.last!))
                // Nor a predicate (包括|粒径分布, 属于|非甾体抗炎药).
                && !(isPredicate(first - 1) && !isGenericHead(from: first))
                // Nor an everyday verb right after a modal (还要|补充|时程分析 for time-history
                // analysis): the predicate whose object the term is, unless it may render the
                // English's opening adjective (会|生成对抗网络).
                && !(first >= 2 && Self.isModal(words[first - 2].text, lexicon: lexicon) && (words[first - 1].entry.map { $0.everyday && $0.wordClass == .verb } ?? false)
                    && !isGenericHead(from: first) && !englishOpensWithAdjective(renderingFrom: first - 1))
                // Nor an everyday verb before words that may render the English already: it
                // governs them (传播|残翅病毒 for deformed wing virus).
                && !(englishSizeIsLoose && (words[first - 1].entry.map { $0.everyday && $0.isVerbal } ?? false)
                    && largestSize(from: first) >= englishSize && !isGenericHead(from: first)
                    && (recurrence(text(from: first - 1)) < 2 || usedAlone(from: first)))
                // Nor a pronoun's predicate before a term of two words or more that the text uses
                // without it (我建议|早熟品种 for early-season cultivar).
                && !(englishSizeIsLoose && isPredicateOfPronoun(first - 1) && size(from: first) >= 2 && usedAlone(from: first) && !isGenericHead(from: first))
                && !isPredicateAfterAdverb(first - 1) && !isDescriptive(first - 1) && !isAdverbAndVerb(first - 1)
                && !isReduplicatedVerb(first - 1) && !endsInDirectionalComplement(first - 1) && !isPredicateWord(first - 1)
            {
                first -= isInnerParticle(first - 1) ? 2 : 1  // the particle with the character before it
            }
            // A modifier ending in 的 reaches back to the clause word or punctuation before it.
            if englishAllowsAttributive, words[first...].contains(where: { $0.text == "的" }) {
                while first > 0 && !isBarrier(first - 1) && wordClass(first - 1) != .modifier || (first > 0 && isGoverningVerb(first - 1) && first - 1 == 0) {
                    first -= 1
                }
                // `X-based Y` is rendered 基于X的Y, `X-centred Y` 以X为中心的Y: the modifier
                // starts at its preposition.
                if englishModifierIsHyphenated {
                    var index = first - 1
                    while index >= 0 && isWord(index) && !(words[index].entry?.isPreposition ?? false) { index -= 1 }
                    if index >= 0, words[index].entry?.isPreposition == true, first - index <= 4 { first = index }
                }
            }
            // A 的 or 与 taken in for a modifier that turned out to be a predicate (看不见|的|隐裂)
            // opens no term.
            while first < words.count - 1, ["的", "嘅", "与", "和", "及"].contains(words[first].text) { first += 1 }
        }
        // A noun of two characters or more and a one-character everyday verb before words that
        // fit the English are the clause's subject and predicate (對方|發|下旋 for backspin,
        // 廠商|附|接地 for grounding: jieba tags 下旋 and 接地 as verbs, so 發 and 附 were read as
        // making compounds with them), in a term the text states only here; the term may have
        // been found to start at the verb already (对手|发下旋).
        func isSubject(_ index: Int) -> Bool {
            guard index >= 0, words[index].text.count >= 2, words[index].text.containsCJK, let entry = words[index].entry else { return false }
            return entry.isNoun && !entry.isVerbal && !entry.isProperName
        }
        if let englishSize, let verb = [first + 1, first].first(where: { $0 > 0 && $0 + 1 < words.count && isSubject($0 - 1) && isGoverningCharacter($0) }),
            !namesInstrument(from: verb), text(from: verb + 1).count >= 2, size(from: verb + 1) >= englishSize,
            recurrence(text(from: verb - 1)) < 2, !isGenericHead(from: verb + 1), !(lexicon.word(text(from: verb + 1))?.everyday ?? false)
        {
            first = verb + 1
        }
        // A one-character everyday verb starting the term governs the words after it when the
        // text uses them without it, whatever the dictionary tags them (看|提单: jieba reads 提单
        // as a verb), and so does a predicate of two characters or more (关注|梯次利用). Not one
        // inside the term, whose words the text also uses alone (蒙特卡洛|树|搜索, 前|视|偏差).
        // Where the words after it render fewer words than the English, only a verb as common
        // as 读 (`governingCharacterPerMillion`) governs them; a rarer one names a kind with
        // them (导轴承 for guide bearing, 甩负荷 for load rejection, 卸力片 beside 轴承, 负荷, 卸力).
        if first < words.count - 1, isGoverningCharacter(first) || isPredicate(first), text(from: first + 1).count >= 2,
            usedAlone(from: first + 1), !isGenericHead(from: first + 1),
            !isGoverningCharacter(first) || englishSize.map({ size(from: first + 1) >= $0 }) ?? true
                || lexicon.perMillion(words[first].text) >= Self.governingCharacterPerMillion
        {
            first += 1
        }
        /// A one-character verb, or one the list tags otherwise (`verbsTaggedOtherwise`: 先|量|
        /// 靜止心率, 卡尺|量|壁厚).
        func isClauseVerbCharacter(_ index: Int) -> Bool {
            isGoverningCharacter(index) || Self.verbsTaggedOtherwise.contains(words[index].text)
        }
        // The clause's verb the two rules below find: the term never takes it in again.
        var predicate: Int?
        // One right after a modal verb, a negation, a word of sequence or an adverb is the
        // clause's predicate (要|打|二氧化碳, 不要|加|液肥, 然后|测|熔点, 定期|测|溶氧量), before a
        // term of two characters or more that is no everyday word; so is one inside the term
        // after such a word (最好|定期|测|溶氧量).
        // After a word of propensity (容易, 难以: 鹰脚底容易|长|趾瘤) any single character is the
        // verb, whatever the list tags it (长 as long, an adjective), and so is a verb of the
        // list however rare (很容易|出过|萃取).
        if max(first, 1) < words.count - 1, let verb = (max(first, 1)..<(words.count - 1)).last(where: { index in
            let afterPropensity = Self.propensityWords.contains(ChineseLexicon.simplified(words[index - 1].text))
                && (words[index].text.unicodeScalars.count == 1 ? wordClass(index) != .clause : words[index].entry?.isVerbal == true)
            return (isClauseVerbCharacter(index) || afterPropensity)
                && (Self.precedesClauseVerb(words[index - 1].text, lexicon: lexicon) || afterPropensity)
                && text(from: index + 1).count >= 2 && !(lexicon.word(text(from: index + 1))?.everyday ?? false)
                // (Not one naming an instrument with its object: 快速|扩弓器 for palatal expander.)
                && !namesInstrument(from: index)
                // (Nor one the text never leaves off, with the word before, twice or more: 快速|扫|
                // 眼期 for rapid eye sweep names a phase.)
                && !(recurrence(text(from: index - 1)) >= 2 && recurrence(text(from: index + 1)) <= recurrence(text(from: index - 1)))
        }) {
            first = verb + 1
            predicate = verb
        }
        // A means a preposition introduces (用, 拿, 靠, 通过: 用|折光仪|测|白利度) is followed by the
        // clause's verb, the first after it (拿|分光光度计|测|吸光度, not 吸|光度), which governs
        // the term; the means is no part of it.
        if first + 1 < words.count - 1, let verb = ((first + 1)..<(words.count - 1)).first(where: { index in
            guard isClauseVerbCharacter(index), text(from: index + 1).count >= 2, !isGenericHead(from: index + 1),
                !(lexicon.word(text(from: index + 1))?.everyday ?? false),
                let means = (0..<index).last(where: { Self.meansPrepositions.contains(words[$0].text) })
            else { return false }
            // The means: one to three words, two characters or more, none a clause word or a verb.
            let between = (means + 1)..<index
            return (1...3).contains(between.count)
                && between.allSatisfy({ wordClass($0) != .clause && words[$0].text.containsCJK && !isClauseVerbCharacter($0) })
                && between.reduce(0, { $0 + words[$1].text.count }) >= 2
        }) {
            first = verb + 1
            predicate = verb
        }
        // Inside the term, one after an everyday word of two characters or more is a clause's
        // verb too (耳朵|聽|拍頻, 现场|测|可燃物含水率), where the text uses what follows it
        // without it and that is no everyday word; one after a single character may be part of
        // a word the list lacks (前|视|偏差), one after a rare word part of a name (蒙特卡洛|树|搜索).
        if first + 1 < words.count - 1, let verb = ((first + 1)..<(words.count - 1)).last(where: { index in
            isGoverningCharacter(index) && words[index - 1].text.count >= 2 && words[index - 1].entry?.everyday == true
                && text(from: index + 1).count >= 2 && !isGenericHead(from: index + 1)
                && !(lexicon.word(text(from: index + 1))?.everyday ?? false)
                && (usedAlone(from: index + 1)
                    // (after an everyday word, before rare words only, whatever the text's uses)
                    || (words[index - 1].entry?.everyday == true && text(from: index + 1).count >= 3
                        && (index + 1..<words.count).allSatisfy { !(words[$0].entry?.everyday ?? false) }))
        }) {
            first = verb + 1
        }
        // A maker's or a place's name before the term (长河|超声波探伤仪, 福泉|揉捻機,
        // 谷田牌|高筋面粉) is no part of it when the English, all in lower case, names no proper
        // noun and the words after it may render the English (jieba tags many a common noun
        // as a name: 安慰剂|效应, 城市|内涝).
        if englishNamesNoProperNoun, first < words.count - 1 {
            // (牌 may be read into a word the list lacks: 谷田牌高筋|面粉.)
            let opening = run[words[first].start...]
            if let brand = opening.lastIndex(of: "牌"), brand > opening.startIndex, run.endIndex - brand > 2,
                words.allSatisfy({ $0.text == "牌" || !$0.text.contains("牌") || $0.entry == nil })
            {
                return (String(String.UnicodeScalarView(run[(brand + 1)...])), brand + 1)
            } else if let entry = words[first].entry, entry.isProperName, !entry.everyday, size(from: first + 1) >= 2,
                largestSize(from: first + 1) >= (englishSize ?? 2)
            {
                first += 1
            }
        }
        // One character the English names in one word, that the text uses three times or
        // more, is a term of its own after a verb or a clause word (出|筋 for gluten, 把|砟 for
        // ballast, 梗 for stem, 落去|鑽 for jewel): Chinese names many materials and parts with
        // one character. After a verb of two characters or more only where the term was cut
        // to it already: before, such a verb may name what the thing does (过滤|网).
        let last = words.count - 1
        if englishSize == 1, words[last].text.unicodeScalars.count == 1, words[last].text.containsCJK, wordClass(last) != .clause,
            !Self.neverInTerms.contains(words[last].text), !(words[last].entry?.isNumeral ?? false),
            !Self.derivationalSuffixes.contains(words[last].text), !(words[last].entry?.isLocaliser ?? false),
            recurrence(text(from: last)) >= 3, lexicon.perMillion(words[last].text) < Self.singleCharacterTermPerMillion,
            // The text uses it alone: after punctuation, a particle or a measure word twice or
            // more (砟是…, 在梗裡), where one that only ends or starts words (要求|书, 订|舱) is not.
            (runStarts?(text(from: last)) ?? Self.runEdges.reduce(0, { $0 + recurrence($1 + text(from: last)) }))
                + Self.wordEdgesBefore.reduce(0, { $0 + recurrence($1 + text(from: last)) }) >= 2,
            last == 0 || wordClass(last - 1) == .clause
                || ((words[last - 1].entry?.isVerbal ?? false) && (first == last || words[last - 1].text.unicodeScalars.count == 1)
                    // Neither bound to the other: a verb of one character the text seldom uses
                    // apart, or uses with it again, makes a word with it (捣|固 for tamping,
                    // 殺|菁 for fixing, 整|調 for regulation); one as common as 出 is a word
                    // of its own (慢慢出|筋).
                    && (words[last - 1].text.unicodeScalars.count >= 2
                        || recurrence(text(from: last - 1)) < 2
                            && (lexicon.perMillion(words[last - 1].text) >= Self.singleCharacterTermPerMillion
                                || min(recurrence(String(String.UnicodeScalarView(run[words[last - 1].start..<words[last].start]))), recurrence(text(from: last)))
                                    >= 2 * recurrence(text(from: last - 1)))))
        {
            return (text(from: last), words[last].start)
        }
        // (Not a complement after a verb: 换算成|半音, 成 a noun in the list.)
        while first > 0 && isBoundPrefix(first - 1) && first - 1 != predicate && first - 1 != verbAfterModal && !isComplementVerb(first - 1) { first -= 1 }
        // A character after a demonstrative is its measure word, whatever the list tags it (那|盆|
        // 蝴蝶兰: 盆 n): a quantity, not the term's start.
        // So is one after a numeral that counts things (一|锅|美式淡色艾尔), unless the English
        // names the number.
        let afterDemonstrative = first > 0 && (Self.demonstratives.contains(words[first - 1].text) || Self.determinersBeforeMeasureWords.contains(words[first - 1].text)
            || (!englishIsNumbered && ["一", "两", "几", "半"].contains(words[first - 1].text)))
        if afterDemonstrative, first < words.count - 1, words[first].text.unicodeScalars.count == 1, text(from: first + 1).count >= 2 {
            first += 1
        }
        // (A measure word may open a string the list lacks: 这|盆绿萝, 那|副雨|刮片, 这|支手冲壶.)
        var measureInWord = false
        if afterDemonstrative, words[first].entry == nil, words[first].text.unicodeScalars.count >= 2, text(from: first).count >= 3,
            let opening = words[first].text.first,
            Self.containerMeasureWords.contains(opening) || Self.individualMeasureWords.contains(opening)
                || lexicon.word(String(opening))?.isNumeral == true
        {
            measureInWord = true
        }
        // A localiser of one character after a noun makes a phrase with it (呼气|末 for
        // end-tidal, 术|中 for intraoperative): no term starts at the localiser.
        if first > 0, first < words.count - 1, words[first].text.unicodeScalars.count == 1, words[first].entry?.isLocaliser == true,
            words[first - 1].text.count >= 2, words[first - 1].entry?.isNoun == true, !(words[first - 1].entry?.everyday ?? true)
        {
            first -= 1
        }
        // A character that renders a prefix of the English belongs to the term: stereo and
        // position prefixes of chemical names (右|美托咪定 for dexmedetomidine, 对|乙酰氨基酚
        // for paracetamol, 异|丙醇 for isopropanol; IUPAC and INN name so).
        if first > 0, let english, let renderings = Self.englishOfChemicalPrefixes[words[first - 1].text], text(from: first).count >= 2,
            let opening = english.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).first,
            renderings.contains(where: { opening.hasPrefix($0) && opening.count > $0.count + 3 })
        {
            first -= 1
        }
        // Between a naming verb and the term, a one-character clause word is the name's first
        // character (叫|比|移值 for retention factor: 比 is no preposition there).
        if first >= 2, words[first - 1].text.unicodeScalars.count == 1, wordClass(first - 1) == .clause,
            !Self.neverInTerms.contains(words[first - 1].text), !Self.joiningCharacters.contains(words[first - 1].text),
            Self.namingMarkersInRun.contains(words[first - 2].text), text(from: first - 1).count <= 6
        {
            first -= 1
        }
        // A unit named per another (millisiemens per centimetre) is the quantities on both sides
        // of 每 after the number (0.8|毫西门子每厘米).
        if let english, english.lowercased().contains(" per "), let per = (0..<first).last(where: { words[$0].text == "每" }), per > 0 {
            var unitStart = per
            while unitStart > 0 && isWord(unitStart - 1) && !isNumber(unitStart - 1) && wordClass(unitStart - 1) != .clause
                && !words[unitStart - 1].text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "." })
            {
                unitStart -= 1
            }
            if unitStart < per { first = unitStart }
        }
        // A number the English names after its head (Camp 1, type 2 diabetes) is the term's in
        // the numeral and its ordinal suffix before it (一号|营地, 2|型|糖尿病).
        if !englishIsNumbered, first > 0, let english,
            let number = english.split(separator: " ").first(where: { !$0.isEmpty && $0.allSatisfy(\.isNumber) }).map(String.init)
        {
            let before = words[first - 1].text
            if let suffix = before.last, Self.ordinalSuffixes.contains(suffix), Self.arabic(String(before.dropLast())) == number {
                first -= 1
            } else if first > 1, Self.ordinalSuffixes.contains(where: { String($0) == before }), words[first - 2].text == number {
                first -= 2
            }
        }
        // A number the English opens with, and the measure word after it, are the term's
        // (21|厘米|谱线 for 21-cm line).
        if englishIsNumbered, let english, let digits = english.split(whereSeparator: { !$0.isNumber }).first, english.hasPrefix(digits),
            let number = (0..<first).last(where: { words[$0].text == digits }), first - number <= 3,
            (number + 1..<first).allSatisfy({ words[$0].entry?.isNumeral == true || words[$0].text == " " })
        {
            first = number
        }
        // A character read as part of the word before (负责|任), or a derivational suffix
        // (治疗|性疫苗, 生殖|系编辑), does not start a term.
        if first > 0 && (lexicon.isReclassified(words[first].text) || Self.derivationalSuffixes.contains(words[first].text)
            || (words[first].entry == nil && Self.derivationalSuffixes.contains(String(words[first].text.prefix(1)))))
            && isWord(first - 1) && (wordClass(first - 1) != .clause || (words[first - 1].entry?.isNumeral ?? false))
        {
            first -= 1
        }
        // A derivational prefix before the term belongs to it (可|变形物体, 过|拟合, 去|卷积,
        // 次|像素渲染), unless a numeral before one that is also a measure word makes it one
        // (三|次|训练; but 一次|再平衡).
        let beforePrefix = first > 1 && words[first - 2].text == " " ? first - 3 : first - 2
        // 去 before a noun the text also uses alone is the verb go (去|遗址博物馆), not de- (去中心化);
        // 再 is re- (再平衡) where the text uses the prefixed word twice or more, and the adverb
        // again (再|讨论) elsewhere; no prefix makes a word of a proper name (去|中国国家博物馆).
        let prefix = first > 0 ? words[first - 1].text : ""
        let isPrefix = Self.derivationalPrefixes.contains(prefix) || (prefix == "再" && recurrence(text(from: first - 1)) >= 2)
        // 过 after a verb is its aspect (流行|过|电动气动传动), not over- (过|拟合).
        // So after a clause's verb or a preposition of means (用|过|龙涎香).
        let isAspect = prefix == "过" && first > 1
            && (wordClass(first - 2) == .verb || ChineseLexicon.clauseVerbs.contains(words[first - 2].text) || Self.meansPrepositions.contains(words[first - 2].text))
        if first > 0 && isPrefix && !isAspect && !(prefix == "去" && usedAlone(from: first))
            && !(words[first].entry?.isProperName ?? false)
            && !(beforePrefix >= 0 && (words[first - 1].entry?.isNumeral ?? true)
                && (words[beforePrefix].entry?.isNumeral == true || words[beforePrefix].text.unicodeScalars.contains { ("0"..."9").contains($0) }
                    || words[beforePrefix].text.unicodeScalars.allSatisfy { Self.numeralCharacters.contains(Character($0)) }))
        {
            first -= 1
        }
        // The parts of a name joined by a middle dot are one name (泰勒·考恩).
        while first >= 2 && words[first - 1].text == "·" && isWord(first - 2) { first -= 2 }
        // A single character is no term: take in the word before (a single character too,
        // clause word or not, when the dictionary split a word in two: 做|市).
        // Not a conjunction or an object marker (骨组织和|钛: no term), nor 每 or 各 before a
        // measure word (每|码 for yard: a quantity of one), nor an Arabic number, which a unit
        // after it counts (10 瓩 for kWp: an amount, no term), unless the English is numbered.
        // A unit of one character after a number, glossed by a unit's symbol, is a term of its
        // own (瓩 for kWp, 吋 for in).
        func followsNumber(_ index: Int) -> Bool {
            index > 0 && (words[index - 1].text == " " ? index >= 2 && isArabicNumber(index - 2) : isArabicNumber(index - 1))
        }
        // So is one after a number in Chinese numerals glossed by its symbol or its English name
        // (超過二十|節 for knots).
        func followsChineseNumber(_ index: Int) -> Bool {
            index > 0 && words[index - 1].entry?.isNumeral == true
                && words[index - 1].text.allSatisfy { Self.numeralCharacters.contains($0) || "百千万".contains($0) }
        }
        if followsNumber(first) || followsChineseNumber(first), !englishIsNumbered, first == words.count - 1, words[first].text.unicodeScalars.count == 1,
            words[first].text.containsCJK, let english,
            Self.isSymbol(english) || (followsChineseNumber(first) && english.count >= 2 && english.allSatisfy { $0.isASCII && $0.isLowercase })
        {
            return (text(from: first), words[first].start)
        }
        while first > 0 && text(from: first).count < 2
            && (wordClass(first - 1) != .clause || words[first - 1].text.unicodeScalars.count == 1)
            && !Self.joiningCharacters.contains(words[first - 1].text) && !["每", "各"].contains(words[first - 1].text)
            && (englishIsNumbered || !followsNumber(first))
        {
            first -= 1
        }
        // A numeral the English names too belongs to the term (一级|动力学 for first-order
        // kinetics, 首|过效应 for first-pass effect, 四|后卫 for back four is not numbered first,
        // but 三|中卫 for three centre-backs is), unless the term opens with its numeral already
        // (一片|双窄带滤镜 for dual narrowband filter: 一片 is a quantity).
        if englishIsNumbered, first > 0, let numeral = words[first - 1].text.first, words[first - 1].text.count <= 2,
            Self.numeralCharacters.contains(numeral), !(words[first].text.first.map(Self.numeralCharacters.contains) ?? false)
        {
            first -= 1
        } else if englishIsNumbered, first > 1, words[first - 1].text.count == 1, wordClass(first - 1) == .clause,
            let numeral = words[first - 2].text.first, words[first - 2].text.count == 1, Self.numeralCharacters.contains(numeral)
        {
            first -= 2  // a numeral and a particle the dictionary split off the term (首|过|效应)
        }
        // Characters the term seldom occurs without are part of it, one at a time (在|制品,
        // 变|分|自编码器, 用度 → 度|普利尤单抗): at least three in four uses of the string without
        // the character have it (特|应|性皮炎 beside one 异位性皮炎), uses in other longer names
        // aside (正|手击球 beside 反手击球). Never across an everyday
        // word of two characters or more (使用|奖励模型), nor over a character that never
        // starts a term (是, 的). A term the text gives `otherName` for is not part of that
        // name: while it is, the character before is taken in (特应|性皮炎，也就是异位性皮炎).
        // An everyday verbal noun (预计, 管理) is the exception: it modifies a noun as often as
        // it governs one, and is crossed when the text uses the term with it three times or
        // more and never without it (预计|到港时间 ×7, 到港时间 never alone), and so is a verb
        // before a verb, which makes a compound with it (睡眠|呼吸|中止症 ×5; but 进入|国家阶段
        // ×3 governs a noun, and 进入|审查阶段 a name opening with a verbal noun). So is an
        // everyday modifier of two characters, twice or more (快速|動眼期, jieba's 快速 an
        // adverb), but a degree adverb, a numeral, a localiser or a demonstrative.
        var start = words[first].start
        // An English name joining two things with `and` asks for a Chinese compound of both
        // (疏花疏果 for flower and fruit thinning): while the term renders fewer words than it,
        // half the uses of the string without the character suffice (疏果 is also said alone).
        let coordinationAsksForMore = englishJoinsWithAnd && englishSizeIsLoose && englishSize.map { size(from: first) < $0 } ?? false
        func isNeverWithout(_ word: Int) -> Bool {
            guard let entry = words[word].entry, words[word].text.count >= 2, words[word].text.containsCJK else { return false }
            let verbal = entry.isVerbalNoun
                || (entry.wordClass == .verb && word + 1 < words.count && words[word + 1].entry.map { $0.wordClass == .verb && !$0.isVerbalNoun } ?? false)
            let modifier = entry.wordClass == .modifier && !entry.isNumeral && !entry.isLocaliser && !Self.degreeAdverbs.contains(words[word].text)
                && !Self.demonstratives.contains(words[word].text)
            guard verbal || modifier, !Self.governingComplements.contains(words[word].text.last!) else { return false }
            let with = recurrence(String(String.UnicodeScalarView(run[words[word].start...])))
            return with >= (modifier ? 2 : 3) && with >= recurrence(String(String.UnicodeScalarView(run[start...])))
        }
        var wordIndex = first - 1
        extending: while wordIndex >= 0 {
            let word = words[wordIndex]
            guard wordIndex != predicate, word.text.unicodeScalars.allSatisfy({ ScriptClass.isCJK($0.value) && !isCJKPunctuation($0) }),
                word.text.unicodeScalars.count == 1 || !(word.entry?.everyday ?? false) || isNeverWithout(wordIndex),
                // A one-character verb before an everyday word is its predicate, however often
                // the text uses the term after it (簽|臨時買賣合約 twice); one before a single
                // character or a rarer word may start a word the list lacks (变|分|自编码器,
                // 掩|模版).
                !(isGoverningCharacter(wordIndex) && words[wordIndex + 1].text.count >= 2 && words[wordIndex + 1].entry?.everyday == true),
                // Nor is one after a modal or negation (唔好|落|液肥 twice).
                !(isGoverningCharacter(wordIndex) && wordIndex > 0 && Self.modalWords.contains(words[wordIndex - 1].text)),
                // Nor a preposition of means, however often the text names the same means
                // (用|組串型變流器 twice: the tool, not its name).
                !Self.meansPrepositions.contains(word.text)
            else { break }
            while start > word.start {
                let without = String(String.UnicodeScalarView(run[start...]))
                guard !Self.neverInTerms.contains(ChineseLexicon.simplified(String(run[start - 1]))) else { break extending }
                if !(otherName?.contains(without) ?? false) {
                    let with = recurrence(String(String.UnicodeScalarView(run[(start - 1)...])))
                    let share = coordinationAsksForMore ? (2, 1) : (4, 3)
                    // A character the term's first is never written without, three times or
                    // more, makes a word the list lacks with it (揉|捻機: 捻 only in 揉捻),
                    // however seldom the whole term recurs.
                    let pair = recurrence(String(String.UnicodeScalarView(run[(start - 1)...start])))
                    let bound = start == words[first].start && word.text.unicodeScalars.count == 1 && pair >= 3
                        && recurrence(String(run[start])) <= pair
                    guard bound || (with >= 2 && with * share.0 >= usesOutsideOtherNames(without, with: with) * share.1) else { break extending }
                }
                start -= 1
            }
            wordIndex -= 1
        }
        // A derivational prefix before words so taken in belongs to the term as it does before
        // the term (非|快速動眼期); not 去 or 过, which are also a verb and an aspect.
        if start < words[first].start, let index = words.firstIndex(where: { $0.start == start }), index > 0,
            Self.derivationalPrefixes.subtracting(["去", "过"]).contains(words[index - 1].text),
            index == 1 || !(isNumber(index - 2) || (words[index - 2].entry?.isNumeral ?? false))
        {
            start = words[index - 1].start
        }
        // A word and an adjective-forming suffix before it (阻塞|型, 中樞|型, 治疗|性) render the
        // English's opening adjective (obstructive, central), where the English has more words:
        // no clause's words, however seldom the text states the whole term.
        var rendersOpeningAdjective = false
        if let english, english.split(separator: " ").count >= 2, let opening = english.split(separator: " ").first?.lowercased(),
            !opening.contains("-"), Self.adjectiveEndings.contains(where: { opening.hasSuffix($0) }),
            let index = words.firstIndex(where: { $0.start == start }), index > 1, ["型", "性", "式"].contains(words[index - 1].text),
            words[index - 2].text.count >= 2, words[index - 2].text.containsCJK, wordClass(index - 2) != .clause,
            !(words[index - 2].entry?.isNumeral ?? false), !Self.demonstratives.contains(words[index - 2].text)
        {
            start = words[index - 2].start
            rendersOpeningAdjective = true
        }
        if measureInWord && start == words[first].start { start += 1 }
        // The measure word after a demonstrative stays out when the English's size took it
        // back in (那|副|护目镜 for safety goggles).
        if let index = words.firstIndex(where: { $0.start == start }), index > 0, index + 1 < words.count, words[index].text.unicodeScalars.count == 1,
            Self.demonstratives.contains(words[index - 1].text) || Self.determinersBeforeMeasureWords.contains(words[index - 1].text),
            text(from: index + 1).count >= 2, text(from: index + 1).containsCJK
        {
            start = words[index + 1].start
        }
        // A word that ends a clause of time (下雨|以后|渗透率, 除霜|时|四通阀) or an approximate
        // amount after a numeral (一成|左右|麸皮) ends what comes before it: no term starts with
        // one, whatever the English's size asked for.
        if let index = words.firstIndex(where: { $0.start == start }), index + 1 < words.count,
            Self.clauseEnders.contains(words[index].text) || Self.clauseOpeners.contains(words[index].text)
                || (index > 0 && Self.approximationWords.contains(words[index].text) && (words[index - 1].entry?.isNumeral ?? false)),
            text(from: index + 1).count >= 2, text(from: index + 1).containsCJK
        {
            start = words[index + 1].start
        }
        // A noun and 里 (车间|里|冷却塔) says where the clause happens, and so does a word of
        // place (屋里, 车上: jieba's tag s) when the words after it are as many as the English's
        // (国内 stays in 国内生产总值 for gross domestic product).
        if let index = words.firstIndex(where: { $0.start == start }) {
            let nounAndLi = index + 2 < words.count && words[index + 1].text == "里" && words[index].entry?.wordClass == .content
            // (Or 里 alone, the English's size having taken it in.)
            let li = index + 1 < words.count && words[index].text == "里"
            let placeWord = index + 1 < words.count && (words[index].entry?.isPlaceWord ?? false) && words.count - index - 1 >= (englishSize ?? 0)
            let placeEnd = nounAndLi ? index + 2 : li || placeWord ? index + 1 : nil
            if let placeEnd, text(from: placeEnd).count >= 2, text(from: placeEnd).containsCJK {
                start = words[placeEnd].start
            }
        }
        let term = String(String.UnicodeScalarView(run[start...])).trimmingWhitespace()
        guard term.count >= 2, term.containsCJK else { return nil }
        // A term of clause words only (是这样，也就是 lahar) names nothing: it refers back.
        guard (first..<words.count).contains(where: { wordClass($0) != .clause }) else { return nil }
        // One everyday word for an English name of three words or more is the last part of a
        // rendering that holds clause words (了解你的|客户 for Know Your Customer): paired, it
        // would stand for every use of the word. No gloss. A word that is the whole run
        // (`积温，英文叫 growing degree days`) is named, not cut from a rendering.
        if let englishSize, englishSize >= 3, start > run.startIndex, lexicon.word(ChineseLexicon.simplified(term))?.everyday == true { return nil }
        while run[start] == " " { start += 1 }
        // A term stated once whose last words the text uses alone twice more, after words that
        // are no noun (小弟架 125cc |踏板車): those words are the sentence's, the rest the term.
        // Not an everyday word or a generic noun alone (训练|奖励模型 stays whole beside 模型).
        // With another Chinese name, a naming clause names all the words before it, however
        // often the text says the last alone, but for a verb after a modal or adverb
        // (先检查|备用二级头，我们行内叫「八爪鱼」). A verb opening the run, or after 的, is the
        // name's (备用二级头，…; 五个镜头的倾斜相机，…).
        if otherName != nil {
            let verb = first
            guard verb > 0, words[verb].start >= start, words[verb].entry?.isVerbal ?? false,
                Self.modalWords.contains(words[verb - 1].text) || (words[verb - 1].entry?.isAdverb ?? false),
                verb + 1 < words.count, text(from: verb + 1).count >= 2, text(from: verb + 1).containsCJK,
                wordClass(verb + 1) != .clause, !(lexicon.word(text(from: verb + 1))?.everyday ?? false), !isGenericHead(from: verb + 1)
            else { return (term, start) }
            return (text(from: verb + 1), words[verb + 1].start)
        }
        if let englishSize, recurrence(term) < 2, !rendersOpeningAdjective,
            let cut = words.indices.first(where: { index in
                words[index].start > start && text(from: index).count >= 2 && text(from: index).containsCJK
                    && wordClass(index) != .clause && !Self.neverInTerms.contains(words[index].text)
                    && !(lexicon.word(text(from: index))?.everyday ?? false) && !isGenericHead(from: index)
                    && largestSize(from: index) >= min(englishSize, 2)
                    && recurrence(text(from: index)) - recurrence(term) >= 2
                    // (A 的 phrase was judged part of the term above: 基于污水的|流行病学,
                    // 来自人类反馈的|强化学习.)
                    && !run[start..<words[index].start].contains("的")
                    && Self.isClauseBeforeTerm(String(String.UnicodeScalarView(run[start..<words[index].start])), lexicon: lexicon)
            })
        {
            return (text(from: cut), words[cut].start)
        }
        // An adjective of size, shape or feel an English name of two words or more does not
        // render (平直的长|焊缝 for weld seam, where 焊缝 is said alone twice more) describes this use; 冷裂纹 (cold
        // cracking) and 大模型 (large language model) keep theirs.
        if let english, !english.isEmpty, let index = words.firstIndex(where: { $0.start == start }), words[index].text.count == 1,
            let renderings = Self.englishOfAdjectives[words[index].text], index + 1 < words.count
        {
            let englishWords = english.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" })
            let rest = text(from: index + 1)
            // (One English word may render it by its form: chiplet for 小晶片.)
            if englishWords.count >= 2, !englishWords.contains(where: { word in renderings.contains { word.hasPrefix($0) } }), rest.count >= 2, rest.containsCJK,
                recurrence(rest) - recurrence(term) >= 2
            {
                return (rest, words[index + 1].start)
            }
        }
        // An attributive of how often the thing is used or met (常用|黏滞阻尼器, 窗框多用|断桥铝)
        // is the speaker's remark, with all before it no part of its name, unless the English
        // renders it (common logarithm for 常用对数).
        if let index = words.lastIndex(where: { $0.start >= start && Self.usageAttributives.contains($0.text) }), index + 1 < words.count {
            let rest = text(from: index + 1)
            let renders = english.map { english in ["common", "usual", "frequent", "rare", "popular"].contains { english.lowercased().contains($0) } } ?? false
            if !renders, rest.count >= 2, rest.containsCJK, wordClass(index + 1) != .clause, !(lexicon.word(rest)?.everyday ?? false),
                !isGenericHead(from: index + 1), largestSize(from: index + 1) >= min(englishSize ?? 1, 2)
            {
                return (rest, words[index + 1].start)
            }
        }
        return (term, start)
    }

    /// Attributives of how often a thing is used or met (jieba tags 常用 and 多用 b, 常见 a).
    static let usageAttributives: Set<String> = ["常用", "多用", "少用", "常见", "少见", "罕见", "多见", "常用的", "最常用", "最常见"]

    /// Measure words for containers and plants that jieba tags as nouns (那盆, 这株, 一箱).
    /// Measure words for single things (a closed class), many of which jieba tags otherwise
    /// (副 b, 支 n, 根 p): after a demonstrative, one that opens a string the list lacks is
    /// no part of the term.
    static let individualMeasureWords: Set<Character> = [
        "个", "個", "只", "隻", "支", "枝", "根", "条", "條", "张", "張", "把", "件", "副", "双", "雙", "对", "對", "台", "臺", "部", "辆", "輛",
        "架", "套", "块", "塊", "片", "粒", "颗", "顆", "枚", "本", "座", "顶", "頂", "面", "位", "款",
        "版", "份", "项", "項", "篇", "首", "场", "場", "门", "門", "间", "間", "所", "层", "層", "段",
    ]
    static let measureWords = individualMeasureWords.union(containerMeasureWords)
    static let containerMeasureWords: Set<Character> = ["盆", "瓶", "杯", "碗", "箱", "袋", "盒", "桶", "罐", "株", "棵", "朵", "枝", "颗", "块"]

    /// Suffixes that make a numeral a name's number (一号营地, 2型糖尿病, 三级医院, 四代机).
    static let ordinalSuffixes: Set<Character> = ["号", "型", "级", "代", "期", "类"]

    /// A Chinese numeral of one to ten, or digits, as Arabic digits; nil for anything else.
    static func arabic(_ numeral: String) -> String? {
        if !numeral.isEmpty, numeral.allSatisfy(\.isNumber), numeral.allSatisfy(\.isASCII) { return numeral }
        let values: [String: String] = ["一": "1", "二": "2", "两": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9", "十": "10"]
        return values[numeral]
    }

    /// Characters that render a prefix of a chemical name, with the English prefixes: stereo
    /// descriptors (dextro-, levo-, cis-, trans-), positions on a ring (ortho-, meta-, para-),
    /// and chain forms (iso-, neo-, cyclo-), as IUPAC nomenclature and INN drug names write
    /// them and Chinese chemical nomenclature renders them.
    static let englishOfChemicalPrefixes: [String: [String]] = [
        "右": ["dex"], "左": ["lev"], "顺": ["cis"], "反": ["trans"], "邻": ["ortho"], "间": ["meta"], "对": ["para"], "异": ["iso"],
        "新": ["neo"], "环": ["cyclo"],
    ]

    /// One-character adjectives of size, shape, texture and temperature, with the English
    /// words (or word starts) that render them: a term opening with one keeps it only when
    /// its English does (a closed class).
    static let englishOfAdjectives: [String: [String]] = [
        "长": ["long", "length"], "短": ["short"], "大": ["large", "big", "great", "major", "macro", "mega", "grand"],
        "小": ["small", "little", "mini", "micro", "minor"], "新": ["new", "neo", "novel"], "老": ["old", "aged", "legacy", "senior"],
        "旧": ["old", "used", "legacy"], "厚": ["thick", "heavy"], "薄": ["thin", "sheet", "film"], "宽": ["wide", "broad"],
        "窄": ["narrow"], "高": ["high", "tall", "super", "hyper", "upper"], "低": ["low", "hypo", "under"], "深": ["deep", "dark"],
        "浅": ["shallow", "light", "pale"], "粗": ["coarse", "rough", "thick", "crude"], "细": ["fine", "thin", "micro", "slender"],
        "硬": ["hard", "rigid", "stiff"], "软": ["soft", "flexible"], "重": ["heavy"], "轻": ["light"], "干": ["dry"], "湿": ["wet", "moist"],
        "热": ["hot", "heat", "thermal", "warm"], "冷": ["cold", "cool", "chill"], "快": ["fast", "quick", "rapid"], "慢": ["slow"],
        "直": ["straight", "direct"], "平": ["flat", "plain", "level"], "圆": ["round", "circular"], "满": ["full"],
    ]

    private static func isTermScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "·" || scalar == "-" || scalar == " " { return true }
        if scalar.isASCII { return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) }
        return ScriptClass.isCJK(scalar.value) && !isCJKPunctuation(scalar)
    }

    static func isCJKPunctuation(_ scalar: Unicode.Scalar) -> Bool { isCJKPunctuation(scalar.value) }

    static func isCJKPunctuation(_ value: UInt32) -> Bool {
        switch value {
        case 0x3000...0x303F, 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: true
        default: false
        }
    }

    /// Whether an English name joins two of its parts with and (`endpoint detection and
    /// response`), so that its Chinese may join them with 与 or 和: otherwise 和 before a term
    /// ends a coordination (灰坑和|夯土 for rammed earth).
    static func joinsWithAnd(_ english: String) -> Bool {
        english.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).contains { $0 == "and" } || english.contains("&")
    }

    /// The size of an English gloss for matching a Chinese rendering's length: the letters
    /// of an abbreviation, or the words of a long form other than articles, prepositions and
    /// conjunctions (a hyphen separates words: `open-weight model` has three), a word of
    /// classical parts counting its parts (`classicalParts`: cyclotron has two).
    static func englishSize(_ long: String, _ short: String) -> Int {
        guard !long.isEmpty else { return short.unicodeScalars.filter { $0.properties.isAlphabetic }.count }
        let words = long.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" })
        return max(1, words.filter { !englishFunctionWords.contains(String($0)) }.map { classicalParts(of: Substring($0)) }.reduce(0, +))
    }

    /// Combining forms of Greek and Latin that open scientific words (radio-, cyclo-, tomo-)
    /// and end them (-graphy, -tron), those Chinese renders with a word of its own (放射|药师
    /// for radiopharmacist, 回旋|加速器 for cyclotron, 断层|成像 for tomography); not those it
    /// renders with a character bound to the next (心|肺 for cardio-, 微 for micro-, 计 for -meter).
    static let classicalPrefixes = [
        "astro", "bio", "chrono", "cyclo", "immuno", "multi", "nano", "neuro", "ortho", "patho", "pharmaco", "poly", "psycho", "radio",
        "seismo", "somno", "spectro", "synchro", "tomo",
    ]
    static let classicalSuffixes = ["graphy", "metry", "tron", "lysis"]

    /// How many words Chinese takes for one English word (lower-case letters): one, and one
    /// more for each classical combining form it is built of (`classicalPrefixes`,
    /// `classicalSuffixes`) that leaves four letters or more (polysomnography: poly|somno|graphy, 3).
    static func classicalParts(of word: Substring) -> Int {
        var rest = word
        var parts = 1
        while parts < 4, let prefix = classicalPrefixes.first(where: { rest.hasPrefix($0) && rest.count - $0.count >= 4 }) {
            rest = rest.dropFirst(prefix.count)
            parts += 1
        }
        if classicalSuffixes.contains(where: { rest.hasSuffix($0) && rest.count - $0.count >= 4 }) { parts += 1 }
        return parts
    }

    /// Whether an English name has a hyphenated modifier before its head (`risk-based
    /// approach`), which Chinese renders as a 的 phrase (基于风险的方法).
    /// Particles, copulas and conjunctions: never the first character of a term, however
    /// often they stand before one.
    /// Numerals that say how many (a closed class): unlike 多重, 三元, 多因素, they start no term.
    static let quantityWords: Set<String> = [
        "很多", "许多", "好多", "不少", "大量", "少量", "一些", "这些", "那些", "若干", "诸多", "众多", "好些", "所有", "些", "啲", "呢啲", "嗰啲",
    ]
    /// Words that make an amount approximate after a numeral (一成|左右, 三斤|上下).
    static let approximationWords: Set<String> = ["左右", "上下", "前后", "开外"]
    /// Directional complements of two characters (看起来, 算下来).
    /// (Words are judged in Simplified characters.)
    static let twoCharacterDirectionals = ["下来", "起来", "出来", "上来", "下去", "过来", "回来", "进来", "出去", "上去"]

    static let neverInTerms: Set<String> = ["是", "的", "了", "着", "过", "和", "与", "或", "把", "被", "叫", "称", "即", "就", "也", "都", "很", "又", "还", "让", "给", "对", "为"]

    /// Characters that start a Chinese numeral or ordinal (一级, 两阶段, 首次, 双链).
    static let numeralCharacters: Set<Character> = Set("一二三四五六七八九十两双单首零")
    /// The numerals that count inside names without a measure word (`isCountInName`).
    static let countingNumerals: Set<String> = ["二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// English number words and ordinals that start a term (first-order, two-stage, single-cell,
    /// double-strand), or a digit (3D).
    static let englishNumberWords: Set<String> = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second", "third", "fourth",
        "fifth", "single", "double", "triple", "dual", "twin", "mono", "bi", "tri", "uni",
    ]

    /// Whether an English term starts with a number (first-order kinetics, three centre-backs).
    static func startsWithNumber(_ long: String) -> Bool {
        let first = long.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).first.map(String.init) ?? ""
        return englishNumberWords.contains(first) || first.first?.isNumber == true
    }

    static func hasHyphenatedModifier(_ long: String) -> Bool {
        long.split(separator: " ").dropLast().contains { $0.contains("-") }
    }

    /// Whether a hyphenated modifier relates the name to something else (`X-based Y`,
    /// `X-driven Y`, `X-free Y`), which Chinese renders with 的 (基于X的Y); a compound adjective
    /// (open-circuit voltage, 开路电压) takes none.
    static func hasRelationalModifier(_ long: String) -> Bool {
        long.lowercased().split(separator: " ").dropLast().contains { word in
            word.split(separator: "-").dropFirst().last.map { relationalParticiples.contains(String($0)) } ?? false
        }
    }

    static let relationalParticiples: Set<String> = [
        "based", "centred", "centered", "driven", "oriented", "related", "induced", "dependent", "specific", "free", "sensitive",
        "resistant", "mediated", "controlled", "aware", "friendly", "tolerant", "like", "led", "guided", "associated", "bound", "derived",
    ]

    static let englishFunctionWords: Set<String> = ["a", "an", "the", "of", "for", "from", "to", "in", "on", "with", "by", "and", "or"]

    /// Non-overlapping occurrences of `needle` in `haystack`, compared as UTF-8 bytes (the
    /// texts are NFC as read; a byte search is many times faster than `String` comparison).
    static func occurrences(of needle: String, in haystack: [UInt8]) -> Int {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, pattern.count <= haystack.count else { return 0 }
        var count = 0
        haystack.withUnsafeBytes { text in
            pattern.withUnsafeBytes { pattern in
                ByteSearch.forEachUse(of: pattern, in: text) { start in
                    count += 1
                    return start + pattern.count
                }
            }
        }
        return count
    }

    /// Whether a character before a string may be the end of a word it makes a longer name
    /// with (迎风|换舷, 顺风|换舷): a CJK character that is no punctuation, function character,
    /// weak boundary, numeral or quantifier (和|换舷, 一个|奖励模型 use the name alone).
    static func extendsLeft(_ scalar: UInt32) -> Bool {
        guard ScriptClass.isCJK(scalar), !isCJKPunctuation(scalar), let simplified = Unicode.Scalar(TraditionalCharacters.simplified(scalar))
        else { return false }
        let character = Character(simplified)
        return !Discoverer.functionCharacters.contains(character) && !weakBoundaries.contains(character) && !numeralCharacters.contains(character)
            && !"每几多各某此诸两".contains(character)
    }

    /// `needle`'s occurrences in `haystack` (UTF-8) but those after a character `extendsLeft`
    /// that precedes it twice or more (a longer name: 风|换舷 in 迎风换舷 and 顺风换舷; 聊|城市内涝
    /// once is a verb's object).
    static func standaloneOccurrences(of needle: String, in haystack: [UInt8]) -> Int {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, pattern.count <= haystack.count else { return 0 }
        var count = 0
        var extended: [UInt32: Int] = [:]
        haystack.withUnsafeBytes { text in
            pattern.withUnsafeBytes { pattern in
                // Non-overlapping uses, as `occurrences` counts them.
                ByteSearch.forEachUse(of: pattern, in: text) { start in
                    count += 1
                    if start > 0 {
                        let before = scalar(before: start, in: text).value
                        if extendsLeft(before) { extended[before, default: 0] += 1 }
                    }
                    return start + pattern.count
                }
            }
        }
        return count - extended.values.filter { $0 >= 2 }.reduce(0, +)
    }

    /// The Latin term right before `end` (an acronym or a phrase of up to five words).
    static func latinTerm(before scalars: [Unicode.Scalar], end: Int) -> (text: String, start: Int)? {
        var cursor = end
        while cursor > 0 && scalars[cursor - 1] == " " { cursor -= 1 }
        var start = cursor
        while start > 0 && cursor - start < 200 {
            let scalar = scalars[start - 1]
            guard isLatinLetter(scalar) || ("0"..."9").contains(scalar) || scalar == " " || scalar == "-" || scalar == "." else { break }
            start -= 1
        }
        var text = String(String.UnicodeScalarView(scalars[start..<cursor])).trimmingWhitespace()
        var words = text.split(separator: " ")
        // A list item's number or bullet (`1. ECMWF（…）`, `- TDS (…)`), or an amount the term
        // measures (`-14 LUFS（…）`, `3.5 GHz`), is no part of the term.
        while words.count > 1, words[0].drop(while: { $0 == "-" || $0 == "+" }).allSatisfy({ $0.isNumber || $0 == "." }) { words.removeFirst() }
        // Nor is an English sentence before it (`Exactly. Tannin（单宁）`): a word of three
        // letters or more ending in its only full stop, before a capital. (U.S. and Dr. are
        // abbreviations.)
        if let end = words.indices.dropLast().last(where: { index in
            let word = words[index]
            return word.hasSuffix(".") && word.count >= 4 && !word.dropLast().contains(".") && words[index + 1].first?.isUppercase == true
        }) {
            words = Array(words[(end + 1)...])
        }
        if words.count > 5 { words = Array(words.suffix(5)) }
        text = words.joined(separator: " ")
        guard text.unicodeScalars.filter({ $0.properties.isAlphabetic }).count >= 2 else { return nil }
        // The term must touch the bracket, not be an earlier word of the sentence.
        guard cursor == end || cursor >= end - 1 else { return nil }
        return (text, cursor - text.unicodeScalars.count)
    }

    /// An acronym inside the mixed term before `end` (`CBRN` of `CBRN风险`).
    static func acronymInside(termBefore scalars: [Unicode.Scalar], end: Int) -> (text: String, start: Int)? {
        var cursor = end
        var cjk = 0
        while cursor > 0 && ScriptClass.isCJK(scalars[cursor - 1].value) && !isCJKPunctuation(scalars[cursor - 1]) && cjk < 4 {
            cursor -= 1
            cjk += 1
        }
        guard let latin = latinTerm(before: scalars, end: cursor), isAcronym(latin.text) else { return nil }
        return latin
    }

    // MARK: Appositions

    /// Apposition markers; the 英文/中文 ones name the other language's term (`X，英文叫 Y`,
    /// subtitle lines `X` / `英文缩写 Y`; `ABBR，中文一般译作 X`).
    static let appositionMarkers = [
        "指的是", "也就是", "即为", "又称为", "也称为", "简称为", "英文叫", "英文是", "英文名", "英文缩写", "英文全称", "英文称为", "英语叫",
        "英文常叫", "英文一般叫", "英文通常叫", "英文也叫", "英文一般写", "英文通常写", "英文写作", "英文写成", "英文写",
        "英文说", "英语说", "英文讲", "英语讲", "英语是", "英语称为",
        "中文常叫", "中文一般叫", "中文通常叫", "中文也叫", "中文叫", "中文译作", "中文一般译作", "一般译作", "译作", "译为", "译成",
        // A name in another language of Latin script, which English texts use too (熟成，法语叫
        // affinage).
        "法语叫", "法文叫", "法语是", "法文是", "德语叫", "德文叫", "意大利语叫", "拉丁文叫", "拉丁语叫", "学名是", "学名叫",
        // A formal name (滤洗，正式名称是 lautering; 车脑，正式名称叫发动机控制单元).
        "正式名称是", "正式名称叫", "正式名称为", "正式名是", "正式叫",
        // An English name, then its abbreviation (American foulbrood，缩写AFB).
        "缩写为", "缩写",
        // An English short form (最终比重，英文简称 FG): read as 简称 alone, the marker's 英文 was
        // the term.
        "英文简称", "英语简称", "英文简写",
        // A short form's full name (CoWoS 的全名是 Chip on Wafer on Substrate).
        "全称是", "全名是", "全称为", "全名为", "全称叫", "全名叫", "全称", "全名",
        // Also give a Chinese term another Chinese name (`chineseApposition`), or its English.
        "简称", "又称", "俗称", "也叫", "又叫",
    ]

    private static let markerScalars = appositionMarkers.map { Array($0.unicodeScalars) }

    /// The characters a gloss reading starts at (brackets, 即, each marker's first), one bit
    /// per Basic Multilingual Plane scalar: tested for every scalar of a corpus, so no hashing.
    private static let triggerBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        let firsts = markerScalars.compactMap(\.first) + chineseAppositionMarkers.compactMap(\.marker.first) + namingVerbs.compactMap(\.first) + ["即", "（", "("]
        for scalar in firsts where scalar.value < 65536 { bits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63) }
        return bits
    }()

    private static func isTrigger(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 65536 && triggerBits[Int(scalar.value >> 6)] & (1 << UInt64(scalar.value & 63)) != 0
    }

    /// The length of an apposition marker starting at `index`, if there is one.
    private static func appositionMarker(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        // `ABBR，即中文`: 即 alone (or 即是) marks an apposition only after a comma, and not as
        // the start of 即使, 即便, 即可, 即将, 即时, 即刻.
        if scalars[index] == "即", index + 1 < scalars.count, !"使便可将时刻".unicodeScalars.contains(scalars[index + 1]) {
            var before = index
            while before > 0 && scalars[before - 1] == " " { before -= 1 }
            if before > 0 && (scalars[before - 1] == "，" || scalars[before - 1] == ",") { return scalars[index + 1] == "是" ? 2 : 1 }
        }
        for marker in markerScalars where index + marker.count <= scalars.count && scalars[index..<(index + marker.count)].elementsEqual(marker) {
            return marker.count
        }
        // `X，英文有人叫 Y`, `英文我们一般叫 Y`: who uses the English name between 英文 and the
        // verb, before Latin letters.
        if index + 3 < scalars.count, scalars[index] == "英", scalars[index + 1] == "文" || scalars[index + 1] == "语" {
            let clause = Substring(String(String.UnicodeScalarView(scalars[(index + 2)..<min(scalars.count, index + 12)])))
            let rest = afterNamingSpeaker(clause)
            var length = 2 + clause.count - rest.count
            if length > 2, let verb = ["叫做", "称为", "叫", "是"].first(where: { rest.hasPrefix($0) }) {
                length += verb.count
                var after = index + length
                while after < scalars.count && scalars[after] == " " { after += 1 }
                if after < scalars.count, scalars[after].isASCII, scalars[after].properties.isAlphabetic { return length }
            }
        }
        // `X，英文 Y`: 英文 (or 英语) without a verb, after a comma and before Latin letters.
        if index + 2 < scalars.count, scalars[index + 1] == "文" || scalars[index + 1] == "语", scalars[index] == "英", index > 0,
            scalars[index - 1] == "，" || scalars[index - 1] == ","
        {
            var after = index + 2
            while after < scalars.count && scalars[after] == " " { after += 1 }
            if after < scalars.count, scalars[after].isASCII, scalars[after].properties.isAlphabetic { return 2 }
        }
        return nil
    }

    /// `X指的是Y` and `X，也就是Y`: X before the marker (skipping a comma), Y after it up to
    /// punctuation; Y may name several renderings joined by 或.
    private static func appositionGlosses(
        _ scalars: [Unicode.Scalar], keys: [Unicode.Scalar], markerStart: Int, markerEnd: Int, offsets: [Int], context: Context
    ) -> [StatedGloss] {
        var end = markerStart
        while end > 0 && (scalars[end - 1] == " " || scalars[end - 1] == "，" || scalars[end - 1] == ",") { end -= 1 }
        // Inside brackets the bracket branch handles it.
        if end > 0 && (scalars[end - 1] == "（" || scalars[end - 1] == "(") { return [] }
        // As Simplified characters (簡稱 is 简称; Cantonese 即係 is 即是).
        let marker = String(String.UnicodeScalarView(keys[markerStart..<markerEnd]))
        // `X的全称是Y`, `X的英文叫 Y`: the name is X's.
        if marker.hasPrefix("全") || marker.hasPrefix("英") || marker.hasPrefix("中"), end > 0, scalars[end - 1] == "的" {
            end -= 1
            while end > 0 && scalars[end - 1] == " " { end -= 1 }
        }
        var stop = markerEnd
        // `ABBR (English expansion)，即中文` (or 中文一般译作…): the three names of one gloss,
        // the expansion's letters agreeing with the abbreviation.
        if Self.renderingMarkers.contains(marker), end > 0 && (scalars[end - 1] == "）" || scalars[end - 1] == ")"),
            let open = scalars[..<(end - 1)].lastIndex(where: { $0 == "（" || $0 == "(" }), end - 1 - open <= 80,
            let latin = latinTerm(before: scalars, end: open), isAbbreviation(latin.text)
        {
            let inside = String(String.UnicodeScalarView(scalars[(open + 1)..<(end - 1)])).trimmingWhitespace()
            if !hasChineseText(inside), let english = englishGloss(inside), english.short.isEmpty, !english.long.isEmpty,
                lettersAgree(short: latin.text, long: english.long)
            {
                while stop < scalars.count && scalars[stop] == " " { stop += 1 }
                var targetEnd = stop
                while targetEnd < scalars.count && isTermScalar(scalars[targetEnd]) && !scalars[targetEnd].isASCII && targetEnd - stop < 16 { targetEnd += 1 }
                let target = String(String.UnicodeScalarView(scalars[stop..<targetEnd]))
                if targetEnd == scalars.count || !isTermScalar(scalars[targetEnd]), isChineseGlossText(target), target.count >= 2 {
                    return [StatedGloss(zh: target, en: english.long, abbreviation: latin.text, offset: offsets[latin.start])]
                }
                stop = markerEnd
            }
        }
        while stop < scalars.count && scalars[stop] == " " { stop += 1 }
        // An English name after the marker ends where Chinese resumes; it may run to as long as
        // an expansion (80 characters), a Chinese one to 30. A name cut by the limit is none.
        let englishTarget = stop < scalars.count && scalars[stop].isASCII && scalars[stop].properties.isAlphabetic
        let limit = englishTarget ? 80 : 30
        // (A colon ends it too: `aiming off 也就是偏向瞄准：故意往一侧偏一点` explains after it.)
        while stop < scalars.count && !"，。；！？：,;!?:\n（(".unicodeScalars.contains(scalars[stop]) {
            // Latin letters with diacritics (Baumé) are English-side letters too.
            if englishTarget && !scalars[stop].isASCII && !((0xC0...0x24F).contains(scalars[stop].value) && scalars[stop].properties.isAlphabetic) { break }
            guard stop - markerEnd < limit else { return [] }
            stop += 1
        }
        let rest = String(String.UnicodeScalarView(scalars[markerEnd..<stop]))
        let shortForm = marker.hasPrefix("简称") || marker.hasSuffix("简称")
        // `X来讲，英文叫 Y` (in terms of X): the postposition is no part of the name.
        let beforeEnd = ChineseLexicon.simplified(String(String.UnicodeScalarView(scalars[max(0, end - 2)..<end])))
        if end >= 4, ["来讲", "来说", "而言"].contains(beforeEnd) { end -= 2 }
        // `X，业界习惯简称 Y`: who uses the name, and how often, between the comma and the
        // marker; the name is X's.
        if Self.otherNameMarkers.contains(marker), let comma = Self.speakerClauseStart(scalars, before: end) {
            end = comma
            while end > 0 && (scalars[end - 1] == " " || scalars[end - 1] == "，" || scalars[end - 1] == ",") { end -= 1 }
        }
        if let subjectEnd = describedSubjectEnd(scalars, before: end) { end = subjectEnd }
        if let subjectEnd = nameRemarkSubjectEnd(keys, before: end) { end = subjectEnd }
        // `片皮，我们也叫剖层，英文是 splitting`: the English names the term the clause gave
        // another name, before that clause.
        // Not where the clause before only describes the thing (`有一条斜线，大家叫肤色线，英文叫
        // skin tone line`) or refuses a name (`不叫调色，叫配光，英文叫 color timing`): the
        // English names the name given.
        if marker.hasPrefix("英"), let comma = otherNameClauseStart(keys, before: end), !describesOrRefuses(keys, before: comma) {
            end = comma
            while end > 0 && (scalars[end - 1] == " " || scalars[end - 1] == "，" || scalars[end - 1] == ",") { end -= 1 }
        }
        // `日内瓦波纹（Geneva stripes），法文叫 Côtes de Genève`: a second name in a language of
        // Latin script, after the first in brackets, is the term's before the brackets.
        var isSecondName = false
        if "英法德意拉学".unicodeScalars.contains(keys[markerStart]), end > 0, scalars[end - 1] == "）" || scalars[end - 1] == ")",
            let open = scalars[..<(end - 1)].lastIndex(where: { $0 == "（" || $0 == "(" }), end - 1 - open <= 80,
            !hasChineseText(String(String.UnicodeScalarView(scalars[(open + 1)..<(end - 1)])))
        {
            end = open
            while end > 0 && scalars[end - 1] == " " { end -= 1 }
            isSecondName = true
        }
        return appositionTargets(rest).flatMap { target in
            pair(termBefore: scalars, end: end, with: target, shortForm: shortForm, offsets: offsets, context: context).map { gloss in
                var gloss = gloss
                gloss.isSecondName = isSecondName && !gloss.en.isEmpty && !gloss.zh.isEmpty
                return gloss
            }
        }
    }

    /// Words that end a subordinate clause of time or condition (严重的时候|混凝土保护层,
    /// 下雨以后): no term runs back over one.
    static let clauseEnders: Set<String> = ["时候", "之后", "以后", "之前", "以前", "的话", "时候起", "时"]

    /// Modal verbs, negations and the adverbs of sequence before a verb (a closed class, in
    /// Simplified characters, with the Cantonese ones: 唔好, 唔使).
    static let modalWords: Set<String> = [
        "要", "不要", "想", "别", "不", "没", "没有", "可以", "会", "能", "应该", "得", "需要", "必须", "先", "再", "就", "还", "也", "都", "才",
        "唔好", "唔", "冇", "唔使", "记得", "记住", "别忘了",
    ]

    /// Adverbs and conjunctions that open a clause of condition or time (一旦|接触网停电, 万一):
    /// no term starts with one, whatever the English's size asks for.
    static let clauseOpeners: Set<String> = ["一旦", "万一", "如果", "假如", "要是", "只要", "即使", "哪怕", "每当"]

    /// A modal verb (`modalWords`), or one after an adverb that the word list holds as one
    /// word (还要, 也要, 都得, 一定要, 就会), however it tags it (还要 is a conjunction there).
    static func isModal(_ text: String, lexicon: ChineseLexicon) -> Bool {
        if modalWords.contains(text) { return true }
        guard text.count >= 2, let modal = ["要", "得", "会", "能", "别", "不要"].first(where: { text.hasSuffix($0) }) else { return false }
        let adverb = String(text.dropLast(modal.count))
        return modalWords.contains(adverb) || adverbsTaggedOtherwise.contains(adverb) || (lexicon.word(adverb)?.isAdverb ?? false)
    }

    /// Personal pronouns (a closed class, Simplified, with the Cantonese ones): a word right
    /// after one is mostly its predicate.
    /// Whether a name another names in apposition (`X就是Y`, `X，又称Y`) reads as a term: two
    /// characters or more, no everyday word, phrase, function word or predicate, and no clause
    /// word inside but a single character the word list split off an unknown word.
    static func isTermLike(_ name: String, lexicon: ChineseLexicon) -> Bool {
        let words = lexicon.words(of: name)
        return name.count >= 2 && name.containsCJK && !(lexicon.word(name)?.everyday ?? false) && !lexicon.isPhrase(name)
            && !lexicon.isFunctionWord(name) && !lexicon.endsInPredicate(name)
            // 来 standing alone inside opens a purpose clause (用RPE|来|控制).
            && !words.dropFirst().contains("来")
            // A term the dictionary does not know falls apart into characters, and one of
            // them may read as a clause word (特|应|性皮炎): allowed inside, beside another
            // single character.
            && words.indices.allSatisfy { index in
                lexicon.word(words[index])?.wordClass != .clause
                    // A measure phrase before a derivational suffix is an adjective (一片|式|背板).
                    || (index + 1 < words.count - 1 && derivationalSuffixes.contains(words[index + 1]))
                    || (words[index].count == 1 && index > 0 && index < words.count - 1 && !neverInTerms.contains(words[index])
                        && (words[index - 1].count == 1 || words[index + 1].count == 1))
            }
    }

    /// Whether `words` (a string cut into words) open with a degree adverb or another everyday
    /// adverb before more words (很|关键, 非常|稳定): a predicate, no name.
    static func opensWithAdverb(_ words: [String], lexicon: ChineseLexicon) -> Bool {
        words.count >= 2 && (degreeAdverbs.contains(words[0]) || (lexicon.word(words[0]).map { $0.everyday && $0.isAdverb } ?? false))
    }

    /// Where the Chinese term ends that `，就是` (也就是, 即, 即係) before an abbreviation at
    /// `latinStart` says it names: the index of the comma; nil when no such marker precedes it.
    static func appositionBefore(_ scalars: [Unicode.Scalar], latinStart: Int) -> Int? {
        var end = latinStart
        while end > 0 && scalars[end - 1] == " " { end -= 1 }
        for marker in ["也就是", "就是", "即係", "即是", "即"] {
            let markerScalars = Array(marker.unicodeScalars)
            guard end >= markerScalars.count + 2, Array(scalars[(end - markerScalars.count)..<end]) == markerScalars else { continue }
            let comma = end - markerScalars.count - 1
            guard scalars[comma] == "，" || scalars[comma] == ",", !scalars[comma - 1].isASCII else { return nil }
            return comma
        }
        return nil
    }

    /// Names of languages and of a name in one (a closed class), which no gloss pairs with a name.
    static let chineseLanguageNames: Set<String> = [
        "英文", "英语", "中文", "汉语", "华语", "国语", "普通话", "粤语", "广东话", "台语", "日文", "日语", "法文", "法语", "德文", "德语",
        "拉丁文", "拉丁语", "英文名", "中文名", "英文简称", "英文全称", "学名",
    ]

    /// Conjunctions and the object and agent markers, of one character (a closed class): never
    /// the first character of a term. (从, 对, 同 start words too: 从臂, 对称.)
    /// Words of propensity or difficulty before a verb (a closed class, Simplified): 容易|长,
    /// 难以|察觉. jieba tags most as adjectives.
    static let propensityWords: Set<String> = ["容易", "不容易", "易", "不易", "难", "难以", "易于", "便于", "善于"]
    /// Words that open the next step of a procedure (然后|测|熔点): a verb after one is the
    /// step's predicate, as after a modal.
    static let sequenceWords: Set<String> = ["然后", "接着", "随后", "之后", "以后", "跟着", "再来", "其次"]
    /// Prepositions and verbs that introduce the means of an action (用 X 测 Y, 靠 X 控 Y).
    static let meansPrepositions: Set<String> = ["用", "拿", "靠", "通过", "通過", "借助", "利用", "使用", "採用", "采用", "攞"]
    /// Prepositions whose object is a noun phrase, never a clause (从|X, 往|X, 把|X).
    static let nounPhrasePrepositions: Set<String> = ["从", "從", "往", "把", "对", "對", "向", "由"]
    /// Measure words that count actions (一次, 三遍): a verb may follow them.
    static let verbalMeasureWords: Set<String> = ["次", "下", "遍", "回", "趟", "番", "阵", "陣", "口", "会", "會"]
    static let joiningCharacters: Set<String> = ["和", "与", "及", "或", "跟", "把", "被"]
    static let personalPronouns: Set<String> = ["我", "你", "您", "他", "她", "我们", "你们", "他们", "她们", "咱们", "我哋", "你哋", "佢", "佢哋"]

    /// Quantifiers that open a description (a closed class): what follows one refers to a
    /// kind or a piece of something, it names nothing.
    static let describingQuantifiers = ["一种", "一个", "一片", "一块", "一类", "一根", "一层", "一张", "一套", "一部分", "一個", "一種", "一塊", "一層", "一張"]

    /// `扣片就是鞋底那片塑膠，英文叫 cleat`: where the clause before `end` (back to
    /// punctuation other than 、) says what its subject is, `X就是` (指的是, 也就是, 即是,
    /// Cantonese 就係) and a description (a demonstrative or quantifier, 的 or 嘅, an
    /// enumeration, or 把, 用, 让 opening it), the name after the comma is the subject's:
    /// returns where the subject ends (the copula's index). Also for a description of several
    /// clauses after `X就是` opening the sentence, and for `X，即是<description>` (the comma's
    /// index). A description with no name before it in its clause returns the clause's start,
    /// so that no term precedes. Nil when the clause says no such thing.
    static func describedSubjectEnd(_ scalars: [Unicode.Scalar], before end: Int) -> Int? {
        // The clause runs back over enumeration commas (灌木、藤条和小树), at most 48 characters.
        var start = end
        while start > 0 && end - start < 48 && ScriptClass.isCJK(scalars[start - 1].value)
            && (!isCJKPunctuation(scalars[start - 1]) || scalars[start - 1] == "、")
        {
            start -= 1
        }
        // Read in Simplified characters, Cantonese 係 as 是 and 嘅 as 的.
        let clause = Array(ChineseLexicon.simplified(String(String.UnicodeScalarView(scalars[start..<end]))).unicodeScalars).enumerated().map {
            scalars[start + $0.offset] == "係" ? "是" : scalars[start + $0.offset] == "嘅" ? "的" : $0.element
        }
        guard clause.count == end - start else { return nil }
        func isDescription(_ text: String) -> Bool {
            text.count >= 4 && (demonstratives.contains(where: text.contains) || describingQuantifiers.contains(where: text.contains)
                || text.contains("的") || text.contains("、") || ["把", "用", "让", "将", "使"].contains(where: text.hasPrefix))
        }
        // A description of several clauses (退火就是让玻璃慢慢降温，把内部的应力放掉，英文叫 …):
        // the subject and copula open the sentence, before the clause's comma.
        if !["就是", "指的是", "也就是", "即是"].contains(where: String(String.UnicodeScalarView(clause)).containsText), start > 0,
            scalars[start - 1] == "，" || scalars[start - 1] == ","
        {
            var sentenceStart = start - 1
            while sentenceStart > 0 && start - sentenceStart < 80 && !"。！？；!?;\n：:".unicodeScalars.contains(scalars[sentenceStart - 1]) { sentenceStart -= 1 }
            let sentence = Array(ChineseLexicon.simplified(String(String.UnicodeScalarView(scalars[sentenceStart..<end]))).unicodeScalars)
            if sentence.count == end - sentenceStart, let at = (2..<max(2, min(12, sentence.count - 2))).first(where: { sentence[$0] == "就" && sentence[$0 + 1] == "是" }),
                sentence[..<at].allSatisfy({ ScriptClass.isCJK($0.value) && !isCJKPunctuation($0) }),
                ["让", "把", "用", "将", "在", "使"].contains(where: { String(String.UnicodeScalarView(sentence[(at + 2)...])).hasPrefix($0) })
            {
                return sentenceStart + at
            }
        }
        for copula in ["就是", "指的是", "也就是", "即是"].map({ Array($0.unicodeScalars) }) where clause.count > copula.count {
            guard let at = (0...(clause.count - copula.count)).last(where: { clause[$0..<($0 + copula.count)].elementsEqual(copula) }),
                isDescription(String(String.UnicodeScalarView(clause[(at + copula.count)...])))
            else { continue }
            if at >= 2 { return start + at }
            // `紙漿補洞，即係用…填返個洞，英文有人叫 leafcasting`: the description is a clause of its
            // own after the name's comma.
            if at == 0, start > 0, scalars[start - 1] == "，" || scalars[start - 1] == "," { return start - 1 }
            // `就是表面碳被烧掉的那层软皮，英文叫 …`: no name before the description in this
            // sentence; nothing in it is the named term (its start is returned: no run before).
            if at == 0 { return start }
        }
        return nil
    }

    /// Nouns that name a name (叫法, 说法: "a way of calling it"), in Simplified characters.
    static let namesOfNames = ["叫法", "说法", "讲法", "称呼", "叫名", "写法", "称法"]

    /// `流蜜期是我们行内的叫法，英文一般叫 honey flow`: where the clause before `end` (back to
    /// punctuation) says that its subject is somebody's name for a thing, `X是…的叫法` (说法,
    /// 称呼: `namesOfNames`), the name after the comma is X's: returns where X ends (the
    /// copula's index), or the comma's before a clause `是…的叫法` with no subject. `keys` are
    /// the text's Simplified characters. Nil when the clause says no such thing.
    static func nameRemarkSubjectEnd(_ keys: [Unicode.Scalar], before end: Int) -> Int? {
        var start = end
        while start > 0 && end - start < 24 && ScriptClass.isCJK(keys[start - 1].value) && !isCJKPunctuation(keys[start - 1]) { start -= 1 }
        let clause = String(String.UnicodeScalarView(keys[start..<end]))
        guard namesOfNames.contains(where: { clause.hasSuffix($0) }), let copula = clause.unicodeScalars.firstIndex(of: "是") else { return nil }
        let at = clause.unicodeScalars.distance(from: clause.unicodeScalars.startIndex, to: copula)
        if at >= 2 { return start + at }
        if at == 0, start > 0, keys[start - 1] == "，" || keys[start - 1] == "," { return start - 1 }
        return nil
    }

    /// Where a clause after a comma that gives the term before it another name starts (the
    /// comma's index): who uses the name (`namingSubjects`, `namingAdverbs`), a naming verb
    /// (也叫, 又称, 俗称, 叫), then the name, two characters or more, ending at `end`. `keys`
    /// are the text's Simplified characters.
    static func otherNameClauseStart(_ keys: [Unicode.Scalar], before end: Int) -> Int? {
        var start = end
        while start > 0 && end - start < 20 && ScriptClass.isCJK(keys[start - 1].value) && !isCJKPunctuation(keys[start - 1]) { start -= 1 }
        guard start > 0, keys[start - 1] == "，" || keys[start - 1] == "," else { return nil }
        let clause = afterNamingSpeaker(Substring(String(String.UnicodeScalarView(keys[start..<end]))))
        guard let verb = (namingMarkersInRun + ["叫它"]).sorted(by: { $0.count > $1.count }).first(where: { clause.hasPrefix($0) }),
            clause.count - verb.count >= 2
        else { return nil }
        return start - 1
    }

    /// Whether the clause before `end` (back to punctuation) describes a thing by a count and a
    /// measure word (有一条斜线, 一种做法) or refuses it a name (不叫调色): what a naming clause
    /// after it gives is the name. `keys` are the text's Simplified characters.
    static func describesOrRefuses(_ keys: [Unicode.Scalar], before end: Int) -> Bool {
        var start = end
        while start > 0 && end - start < 24 && ScriptClass.isCJK(keys[start - 1].value) && !isCJKPunctuation(keys[start - 1]) { start -= 1 }
        let clause = Array(keys[start..<end])
        return clause.indices.dropLast().contains { at in
            (clause[at] == "不" && clause[at + 1] == "叫")
                || ("一两几".unicodeScalars.contains(clause[at]) && (measureWords.contains(Character(clause[at + 1])) || "种类".unicodeScalars.contains(clause[at + 1])))
        }
    }

    /// Markers that give another name of the term before them (简称, 俗称, 又称, 也叫).
    static let otherNameMarkers: Set<String> = ["简称", "简称为", "俗称", "又称", "又称为", "也称为", "也叫", "又叫"]

    /// Who calls a thing by a name and how often, as a clause between a comma and a naming
    /// marker says it (业界习惯, 大家一般, 我们通常, 行内都): a closed class.
    static let namingSubjects = [
        "业界", "业内", "行内", "圈内", "行业里", "坊间", "民间", "大家", "我们", "很多人", "有人", "一般人", "老百姓", "外面",
        "这边", "这里", "那边", "当地", "本地",
        // A language's community, after its name (有声轴，英文圈叫 clicky switch; 英语世界叫 …).
        "圈", "世界",
        // Where a name is used: abroad, in the literature (著者号，国外叫 Cutter number; 增重速率，文献里叫 …).
        "国外", "国际上", "外国", "文献里", "文献中", "文献上", "资料里", "资料上", "论文里", "书上", "书里", "教科书里", "教材里", "学界", "圈里",
        // The Cantonese pronouns (我哋 as 我们), as Hong Kong transcripts write them.
        "我哋", "佢哋", "人哋",
        // People of a trade (国外同行叫 …, 老外叫 …).
        "同行", "老外", "内行", "外行",
    ]
    static let namingAdverbs = ["习惯上", "习惯", "一般", "通常", "常常", "经常", "常", "多半", "往往", "也会", "都会", "会", "都", "也", "还", "就"]

    /// `text` after the words at its start that say who uses a name and how often
    /// (`namingSubjects`, `namingAdverbs`: 我们一般, 行内都), in Simplified characters.
    static func afterNamingSpeaker(_ text: Substring) -> Substring {
        var rest = text
        // The longest word first (圈里 before 圈).
        while let piece = (namingSubjects + namingAdverbs).filter({ rest.hasPrefix($0) }).max(by: { $0.count < $1.count }) { rest = rest.dropFirst(piece.count) }
        return rest
    }

    /// Where the clause of `namingSubjects` and `namingAdverbs` ending at `end` starts, after
    /// a comma (the comma's index); nil when the text before `end` back to the comma is not
    /// made of them alone. Text in Traditional characters is read as Simplified.
    /// Without a comma, a clause that opens with a subject right after the term (前帆我们也叫
    /// 前三角帆) starts where that subject does (its index is returned).
    static func speakerClauseStart(_ scalars: [Unicode.Scalar], before end: Int) -> Int? {
        var start = end
        while start > 0 && end - start < 10 && ScriptClass.isCJK(scalars[start - 1].value) && !isCJKPunctuation(scalars[start - 1]) { start -= 1 }
        func isClause(_ from: Int, openingWithSubject: Bool) -> Bool {
            let clause = Substring(ChineseLexicon.simplified(String(String.UnicodeScalarView(scalars[from..<end]))))
            if openingWithSubject && !namingSubjects.contains(where: { clause.hasPrefix($0) }) { return false }
            return afterNamingSpeaker(clause).isEmpty
        }
        guard start < end else { return nil }
        if start > 0, scalars[start - 1] == "，" || scalars[start - 1] == "," { return isClause(start, openingWithSubject: false) ? start - 1 : nil }
        // The term before the subject needs two characters at least.
        guard start + 2 < end else { return nil }
        return (start + 2..<end).first { isClause($0, openingWithSubject: true) }
    }

    /// Apposition markers after which a Chinese rendering follows, not a description (指的是).
    static let renderingMarkers: Set<String> = [
        "即", "即是", "也就是", "即为", "中文叫", "中文常叫", "中文一般叫", "中文通常叫", "中文也叫", "中文译作", "中文一般译作", "一般译作", "译作", "译为", "译成",
        "翻成", "翻译成", "翻译为",
    ]

    /// The names an apposition gives: split on 或 and later markers. An amount (每天八万吨，也就是
    /// 80000 m³/d) is no name.
    private static func appositionTargets(_ text: String) -> [String] {
        var cleaned = text
        for marker in appositionMarkers + ["也称", "又称", "即"] where cleaned.hasPrefix(marker) {
            cleaned = String(cleaned.dropFirst(marker.count))
        }
        return cleaned.components(separatedBy: "或").flatMap { $0.components(separatedBy: "，也就是") }
            .map { target -> String in
                let target = target.trimmingWhitespace().trimmingCharacters(in: ["，", ",", "“", "”", "「", "」", "『", "』"])
                // A word of assent or a question particle ending the sentence (Voc 就是开路电压没错,
                // …就是开路电压吗) is no part of the name.
                return withoutSentenceEnd(target)
            }
            .filter { $0.count >= 2 && $0.count <= ($0.containsCJK ? 20 : 80) && !($0.first?.isNumber ?? false) }
    }

    /// Words of assent and question particles that end a sentence, not a name (a closed class,
    /// Simplified and Traditional; particles that end names too, 吧 of 酒吧, 呢 of 毛呢, are left out).
    static let sentenceEndWords = ["对不对", "對不對", "没错", "沒錯", "对吧", "對吧", "是吧", "吗", "嗎"]

    /// `name` without a word of `sentenceEndWords` ending it, when two characters stay.
    static func withoutSentenceEnd(_ name: String) -> String {
        guard let ending = sentenceEndWords.first(where: { name.hasSuffix($0) && name.count - $0.count >= 2 }) else { return name }
        return String(name.dropLast(ending.count))
    }

    /// The verbs of a naming clause (`X，我们内部叫 playbook`), with what may follow them before
    /// the name (叫它, 称之为).
    static let namingVerbs = ["叫它们", "叫它", "叫做", "叫作", "叫", "称之为", "称它为", "称为", "称作"].map { Array($0.unicodeScalars) }

    /// A short clause after a comma that names the term before it: a subject of one to six
    /// Chinese characters (我们, 我们内部, 业内, 大家一般), a naming verb, then the name: Latin
    /// letters, or Chinese (quoted or not) after a verb whose pronoun object refers back (叫它,
    /// 称之为) or after a subject that only says who uses the name (`namingSubjects`,
    /// `namingAdverbs`: 我哋行內叫「過濾洗糟」). Returns where the clause starts (after the
    /// comma), where its verb ends (where a Chinese name starts, past its opening quote),
    /// whether the name is Latin, and whether the subject only says who uses it. `scalars` are
    /// the text's Simplified characters.
    private static func namingClause(_ scalars: [Unicode.Scalar], at index: Int) -> (start: Int, end: Int, namesLatin: Bool, bySpeakers: Bool)? {
        guard let verb = namingVerbs.first(where: { index + $0.count <= scalars.count && scalars[index..<(index + $0.count)].elementsEqual($0) }) else { return nil }
        var after = index + verb.count
        while after < scalars.count && scalars[after] == " " { after += 1 }
        var nameStart = after
        while nameStart < scalars.count && "「“『\"".unicodeScalars.contains(scalars[nameStart]) { nameStart += 1 }
        guard nameStart < scalars.count else { return nil }
        let namesLatin = nameStart == after && scalars[after].isASCII && scalars[after].properties.isAlphabetic
        let namesChinese = ScriptClass.isCJK(scalars[nameStart].value) && !isCJKPunctuation(scalars[nameStart])
        let referringBack = verb.contains("它") || verb.contains("之")
        var start = index
        while start > 0 && index - start < 6 && ScriptClass.isCJK(scalars[start - 1].value) && !isCJKPunctuation(scalars[start - 1]) { start -= 1 }
        guard start < index, start > 0, scalars[start - 1] == "，" || scalars[start - 1] == "," else { return nil }
        let bySpeakers = !referringBack && afterNamingSpeaker(Substring(String(String.UnicodeScalarView(scalars[start..<index])))).isEmpty
        guard namesLatin || (namesChinese && (referringBack || bySpeakers)) else { return nil }
        return (start, namesLatin ? index + verb.count : nameStart, namesLatin, bySpeakers)
    }

    /// A clause that names a language, then a naming verb and Latin letters (`火山泥流，印尼语叫
    /// lahar`, `日语里一般叫 yamase`): where the clause starts, right after a comma, and where
    /// the verb ends (indices into `keys`, the text in Simplified characters); `index` is where
    /// the verb starts. A language's name is a place's or people's name of the word list, or
    /// one of a closed class of one character (日, 法, 梵), then 语 or 文; what says who uses
    /// the name (`namingSubjects`, `namingAdverbs`) may follow it, after 里 or 中. Nil for any
    /// other clause.
    private static func languageNaming(_ keys: [Unicode.Scalar], verbAt index: Int, lexicon: ChineseLexicon) -> (start: Int, end: Int)? {
        guard keys[index] == "叫" || keys[index] == "称",
            let verb = bareNamingVerbs.first(where: { index + $0.count <= keys.count && keys[index..<(index + $0.count)].elementsEqual($0) })
        else { return nil }
        var after = index + verb.count
        while after < keys.count && keys[after] == " " { after += 1 }
        guard after < keys.count, keys[after].isASCII, keys[after].properties.isAlphabetic else { return nil }
        var start = index
        while start > 0 && index - start < 12 && ScriptClass.isCJK(keys[start - 1].value) && !isCJKPunctuation(keys[start - 1]) { start -= 1 }
        guard start > 0, keys[start - 1] == "，" || keys[start - 1] == ",", index - start >= 2 else { return nil }
        let clause = Substring(String(String.UnicodeScalarView(keys[start..<index])))
        return namesLanguage(clause, lexicon: lexicon) ? (start, index + verb.count) : nil
    }

    /// Whether `clause` (Simplified characters) is a language's name, then what says who uses
    /// a name in it, if anything, after 里 or 中 (印尼语, 日语里一般, 拉丁文我们): a place's or
    /// people's name of the word list, or one of `languageCharacters`, then 语 or 文.
    static func namesLanguage(_ clause: Substring, lexicon: ChineseLexicon) -> Bool {
        for (offset, character) in clause.enumerated() where offset >= 1 && (character == "语" || character == "文") {
            let people = String(clause.prefix(offset))
            guard people.count == 1 ? languageCharacters.contains(people) : lexicon.word(people)?.isNameOfPersonOrPlace ?? false else { continue }
            var rest = clause.dropFirst(offset + 1)
            if rest.hasPrefix("里") || rest.hasPrefix("中") { rest = rest.dropFirst() }
            if afterNamingSpeaker(rest).isEmpty { return true }
        }
        return false
    }

    /// The one-character names of peoples that name their language with 语 or 文 (a closed
    /// class: 日语, 法文, 梵语). Not 英: the readers of 英文叫 and its kin read English names.
    static let languageCharacters: Set<String> = ["日", "韩", "朝", "法", "德", "俄", "泰", "藏", "梵", "意", "西", "葡", "荷", "希", "粤", "满", "蒙", "越", "缅"]

    /// The verbs of a naming clause that give a name right after them, with no pronoun of
    /// what they name (`namingVerbs` less 叫它, 称之为).
    static let bareNamingVerbs = ["叫做", "叫作", "叫", "称为", "称作"].map { Array($0.unicodeScalars) }

    /// A naming verb with no comma before it, then lower-case English words that end at
    /// punctuation, the line's end or Chinese (code-switched speech): `技术组长叫 technical
    /// controller` names the subject term right before the verb, `这种弓叫反曲弓 recurve bow`
    /// the Chinese name right after it, with the English set after that name by a space. Either
    /// name may be said once: the verb says it is a name. Not a subject that refers back (这种弓,
    /// 这个动作) or says who uses the name (我们, 业内), an everyday word or a generic noun
    /// (思路, 方式), nor English in capitals (`模型叫 Claude` names one thing, not a term).
    /// `scalars` is the text, `keys` the same in Simplified characters; `index` is where the
    /// verb starts. Needs the word list.
    private static func bareNamingGloss(
        _ scalars: [Unicode.Scalar], keys: [Unicode.Scalar], at index: Int, offsets: [Int], context: Context
    ) -> StatedGloss? {
        // (Asked at every scalar of a unit with a marker: the verbs' first characters decide at once.)
        guard keys[index] == "叫" || keys[index] == "称", let lexicon = context.lexicon, index > 0,
            let verb = bareNamingVerbs.first(where: { index + $0.count <= scalars.count && keys[index..<(index + $0.count)].elementsEqual($0) })
        else { return nil }
        func isChinese(_ position: Int) -> Bool { ScriptClass.isCJK(scalars[position].value) && !isCJKPunctuation(scalars[position]) }
        /// Lower-case English words from `start` (one to four, letters and inner hyphens), and
        /// where they end, when punctuation, the end or Chinese follows.
        func english(from start: Int) -> (text: String, end: Int)? {
            var end = start
            while end < scalars.count && (("a"..."z").contains(scalars[end]) || ((scalars[end] == " " || scalars[end] == "-")
                && end + 1 < scalars.count && ("a"..."z").contains(scalars[end + 1])))
            {
                end += 1
            }
            var next = end
            while next < scalars.count && scalars[next] == " " { next += 1 }
            guard end > start, next == scalars.count || isChinese(next) || isCJKPunctuation(scalars[next])
                || "\n,.;:!?)".unicodeScalars.contains(scalars[next])
            else { return nil }
            let text = String(String.UnicodeScalarView(scalars[start..<end]))
            let words = text.split(separator: " ")
            guard (1...4).contains(words.count), words.contains(where: { $0.count >= 3 && !englishFunctionWords.contains(String($0)) }),
                !discourseEnglish.contains(text)
            else { return nil }
            return (text, end)
        }
        func isName(_ name: String) -> Bool {
            let key = ChineseLexicon.simplified(name)
            return name.count >= 2 && isChineseGlossText(name) && isTermLike(key, lexicon: lexicon) && !lexicon.isPhrase(key)
                && !(lexicon.word(key).map { $0.everyday || (!$0.isVerbal && lexicon.perMillion(key) >= genericHeadPerMillion) } ?? false)
                && !lexicon.words(of: key).contains(where: { lexicon.word($0)?.wordClass == .clause })
        }
        var after = index + verb.count
        while after < scalars.count && scalars[after] == " " { after += 1 }
        guard after < scalars.count else { return nil }
        if isChinese(after) {
            // 叫反曲弓 recurve bow: the name runs to the space.
            var nameEnd = after
            while nameEnd < scalars.count && isChinese(nameEnd) && nameEnd - after < 12 { nameEnd += 1 }
            guard nameEnd < scalars.count, scalars[nameEnd] == " ", nameEnd + 1 < scalars.count, let found = english(from: nameEnd + 1) else { return nil }
            let name = String(String.UnicodeScalarView(scalars[after..<nameEnd]))
            guard isName(name) else { return nil }
            return StatedGloss(zh: name, en: found.text, abbreviation: "", offset: offsets[after])
        }
        // 技术组长叫 technical controller: the subject ends right at the verb.
        guard isChinese(index - 1), let found = english(from: after) else { return nil }
        let opening = ChineseLexicon.simplified(String(scalars[index - 1]))
        guard !"也又还就都不没却才常文语名".contains(opening),
            let term = chineseTerm(
                before: scalars, end: index, englishSize: englishSize(found.text, ""), englishSizeIsLoose: true,
                englishJoinsWithAnd: joinsWithAnd(found.text), englishName: found.text, context: context)
        else { return nil }
        let key = ChineseLexicon.simplified(term.text)
        var before = term.start
        while before > 0 && scalars[before - 1] == " " { before -= 1 }
        let lead = ChineseLexicon.simplified(String(String.UnicodeScalarView(scalars[max(0, before - 2)..<before])))
        // Nor a kind of thing after a measure word (有个词叫 control, 这一段叫 grip), a generic
        // head (测序方法), or where the name is used (英文里叫, RDA 里面叫).
        let words = lexicon.words(of: key)
        guard let first = words.first, let last = words.last,
            !(first.count == 1 && first.first.map(measureWords.contains) ?? false),
            !(lexicon.word(last).map { $0.isLocaliser || ($0.everyday && !$0.isVerbal && lexicon.perMillion(last) >= genericHeadPerMillion) } ?? false),
            !languageMarkers.contains(where: key.contains)
        else { return nil }
        guard isName(term.text), !demonstratives.contains(where: { key.hasPrefix($0) || lead.hasSuffix($0) }),
            afterNamingSpeaker(Substring(key)).count == key.count, !(namingSubjects + namingAdverbs).contains(where: { key.hasSuffix($0) }),
            !key.hasSuffix("人")  // 美国人叫 switch: who uses the name
        else { return nil }
        return StatedGloss(zh: term.text, en: found.text, abbreviation: "", offset: offsets[term.start])
    }

    /// `CCD这几年常听到，我们这边叫它蜂群崩溃症`: the Chinese name a naming clause gives (after
    /// 叫它, 称之为) names the sentence's topic, a Latin name or acronym opening the sentence; or,
    /// without one, the Chinese term right before the comma (as `chineseApposition` reads
    /// `X，我们叫它Y`, both names used twice). The name runs to punctuation and must read as
    /// a term (at most 12 characters, no clause, no everyday word). Needs the word list.
    private static func topicNaming(
        _ scalars: [Unicode.Scalar], clauseStart: Int, nameStart: Int, offsets: [Int], context: Context
    ) -> StatedGloss? {
        guard let lexicon = context.lexicon else { return nil }
        var nameEnd = nameStart
        while nameEnd < scalars.count && isTermScalar(scalars[nameEnd]) && !scalars[nameEnd].isASCII && nameEnd - nameStart < 12 { nameEnd += 1 }
        guard nameEnd == scalars.count || !isTermScalar(scalars[nameEnd]) else { return nil }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<nameEnd]))
        guard name.count >= 2, isChineseGlossText(name), !(lexicon.word(name)?.everyday ?? false), !lexicon.isPhrase(name),
            !lexicon.endsInPredicate(name), !lexicon.words(of: name).contains(where: { lexicon.word($0)?.wordClass == .clause })
        else { return nil }
        // The sentence's start: after the last sentence end, line break or label colon.
        var sentenceStart = clauseStart - 1
        while sentenceStart > 0 && !"。！？；!?;\n：:".unicodeScalars.contains(scalars[sentenceStart - 1]) { sentenceStart -= 1 }
        while sentenceStart < clauseStart && [" ", "“", "「"].contains(scalars[sentenceStart]) { sentenceStart += 1 }
        var latinEnd = sentenceStart
        while latinEnd < clauseStart && scalars[latinEnd].isASCII
            && (scalars[latinEnd].properties.isAlphabetic || ("0"..."9").contains(scalars[latinEnd]) || scalars[latinEnd] == "-")
        {
            latinEnd += 1
        }
        let topic = String(String.UnicodeScalarView(scalars[sentenceStart..<latinEnd]))
        if latinEnd > sentenceStart, latinEnd < clauseStart, ScriptClass.isCJK(scalars[latinEnd].value) || scalars[latinEnd] == " ",
            isAcronym(topic) || topic.first?.isUppercase == true
        {
            let acronym = isAcronym(topic)
            return StatedGloss(zh: name, en: acronym ? "" : topic, abbreviation: acronym ? topic : "", offset: offsets[sentenceStart])
        }
        return chineseApposition(scalars, markerStart: clauseStart, markerEnd: nameStart, strict: true, offsets: offsets, context: context)
    }

    /// Markers that give a Chinese term another Chinese name (又称, 简称, 也叫, 俗称) besides
    /// the apposition markers; `X就是Y` is read so only when both recur (`strict`), as 就是
    /// mostly says what something is rather than what it is called.
    static let chineseAppositionMarkers: [(marker: [Unicode.Scalar], strict: Bool)] =
        [("又称", false), ("简称", false), ("也叫", false), ("又叫", false), ("俗称", false), ("就是", true)].map { (Array($0.0.unicodeScalars), $0.1) }

    private static func chineseAppositionMarker(_ scalars: [Unicode.Scalar], at index: Int) -> (count: Int, strict: Bool)? {
        for (marker, strict) in chineseAppositionMarkers
        where index + marker.count <= scalars.count && scalars[index..<(index + marker.count)].elementsEqual(marker) {
            return (marker.count, strict)
        }
        return nil
    }

    /// `X，也就是Y`, `X又称Y`, `X就是Y` with X and Y both Chinese terms: two names of one
    /// concept, the one the text uses more often first (X first after 简称 and 俗称). Y runs to
    /// punctuation and must be all content words; neither name may hold the other (模型，也就是
    /// 奖励模型 narrows, it does not rename), be an everyday word or read as a phrase. Needs the
    /// word list.
    static func chineseApposition(
        _ scalars: [Unicode.Scalar], markerStart: Int, markerEnd: Int, strict: Bool, offsets: [Int], context: Context
    ) -> StatedGloss? {
        guard let lexicon = context.lexicon else { return nil }
        var end = markerStart
        // Who uses the other name (“不可航行区”，我们也叫死角; 前帆我们也叫前三角帆) is no part of either.
        if !strict, let clause = speakerClauseStart(scalars, before: end) { end = clause }
        while end > 0 && (scalars[end - 1] == " " || scalars[end - 1] == "，" || scalars[end - 1] == ",") { end -= 1 }
        // A gloss in brackets may stand between the two names (光罩（photomask）又称遮罩): its
        // English long form, where the marker sizes the term, does so rather than the other
        // name (舌侧固定保持器（fixed lingual retainer），也叫舌侧丝).
        var bracketSize: Int?
        if end > 0 && (scalars[end - 1] == "）" || scalars[end - 1] == ")") {
            var open = end - 2
            while open >= 0 && open > end - 80 && scalars[open] != "（" && scalars[open] != "(" { open -= 1 }
            if open >= 0 && (scalars[open] == "（" || scalars[open] == "(") {
                let inside = String(String.UnicodeScalarView(scalars[(open + 1)..<(end - 1)]))
                // After a bracket that renders the name already (IPM（…，有害生物综合治理），就是不只
                // 靠打药…), 就是 says what it is.
                if strict && hasChineseText(inside) { return nil }
                if !hasChineseText(inside), let english = englishGloss(inside), !english.long.isEmpty { bracketSize = englishSize(english.long, "") }
                end = open
            }
        }
        let isTermLike = { (name: String) in Self.isTermLike(name, lexicon: lexicon) }
        var stop = markerEnd
        while stop < scalars.count && [" ", "“", "「", "『", "\""].contains(scalars[stop]) { stop += 1 }
        let targetStart = stop
        // An acronym, the marker, then its expansion, the letters agreeing (UT 就是 ultrasonic
        // testing).
        if stop < scalars.count, scalars[stop].isASCII, scalars[stop].properties.isAlphabetic, let acronym = latinTerm(before: scalars, end: end),
            isAcronym(acronym.text)
        {
            let latinEnd = latinWordsEnd(scalars, from: stop)
            let english = String(String.UnicodeScalarView(scalars[stop..<latinEnd])).trimmingWhitespace()
            if latinEnd == scalars.count || !(scalars[latinEnd].isASCII && scalars[latinEnd].properties.isAlphabetic || ("0"..."9").contains(scalars[latinEnd])),
                english.split(separator: " ").count >= 2, lettersAgree(short: acronym.text, long: english)
            {
                return StatedGloss(zh: "", en: english, abbreviation: acronym.text, offset: offsets[acronym.start])
            }
        }
        // A Chinese term, the marker, then its English ending the clause (回滚就是 rollback).
        if stop < scalars.count, scalars[stop].isASCII, scalars[stop].properties.isAlphabetic, end > 0, !scalars[end - 1].isASCII {
            var latinEnd = stop
            while latinEnd < scalars.count && scalars[latinEnd].isASCII && (scalars[latinEnd].properties.isAlphabetic
                || ("0"..."9").contains(scalars[latinEnd]) || scalars[latinEnd] == " " || scalars[latinEnd] == "-")
            {
                latinEnd += 1
            }
            let latin = String(String.UnicodeScalarView(scalars[stop..<latinEnd])).trimmingWhitespace()
            let words = latin.split(separator: " ").count
            guard latinEnd == scalars.count || isCJKPunctuation(scalars[latinEnd]) || ",.;!?\n".unicodeScalars.contains(scalars[latinEnd]),
                latin.count >= 2, words <= 4,
                let term = chineseTerm(
                    before: scalars, end: end, englishSize: isAcronym(latin) ? englishSize("", latin) : words, englishSizeIsLoose: !isAcronym(latin),
                    englishJoinsWithAnd: joinsWithAnd(latin), englishName: latin, context: context),
                isTermLike(term.text), !strict || context.recurrence(term.text) >= 2 || context.recurrence(latin) >= 2,
                !strict || !isSeriesGrade(latin, recurrence: context.recurrence)
            else { return nil }
            let acronym = isAcronym(latin)
            return StatedGloss(zh: term.text, en: acronym ? "" : latin, abbreviation: acronym ? latin : "", offset: offsets[term.start])
        }
        while stop < scalars.count && isTermScalar(scalars[stop]) && !scalars[stop].isASCII && stop - targetStart < 16 { stop += 1 }
        // Y ends the clause: punctuation (or the text's end) follows it, but not an enumeration
        // comma, after which Y is the first item of a description (指的是蜂王停产、巢里没有幼虫).
        guard stop == scalars.count || !isTermScalar(scalars[stop]), stop == scalars.count || scalars[stop] != "、", stop - targetStart >= 2 else { return nil }
        var target = String(String.UnicodeScalarView(scalars[targetStart..<stop]))
        // A modifier saying how the name is used (过去常说的|异位性皮炎, 大家所谓的|X) is no
        // part of it.
        if let modifierEnd = target.lastIndex(of: "的"), target[..<modifierEnd].contains(where: { "说称叫讲谓".contains($0) }) {
            target = String(target[target.index(after: modifierEnd)...])
        }
        // (Nor a word of assent ending the sentence: Voc 就是开路电压没错.)
        target = withoutSentenceEnd(target)
        // The cheap checks first: 就是 is common in speech, and mostly says what something is.
        guard isTermLike(target) else { return nil }
        // English set in the Chinese text and its rendering (first crack 就是一爆).
        if end > 0, scalars[end - 1].isASCII, let latin = latinTerm(before: scalars, end: end) {
            guard !strict || context.recurrence(target) >= 2 || context.recurrence(latin.text) >= 2,
                !strict || !isSeriesGrade(latin.text, recurrence: context.recurrence)
            else { return nil }
            let acronym = isAcronym(latin.text)
            return StatedGloss(zh: target, en: acronym ? "" : latin.text, abbreviation: acronym ? latin.text : "", offset: offsets[latin.start])
        }
        // The name before is about as long as the name after (委托处理合同又称数据处理协议):
        // its words, a dictionary word of four characters or more counting as two.
        if strict && context.recurrence(target) < 2 { return nil }
        // A nickname (我们行内叫「八爪鱼」, 俗称) is no measure of the name it is given to
        // (备用二级头): only a formal synonym or short form is.
        let marker = ChineseLexicon.simplified(String(String.UnicodeScalarView(scalars[markerStart..<markerEnd])))
        let targetSize = lexicon.words(of: target).reduce(0) { $0 + ($1.count >= 4 && lexicon.word($1) != nil ? $1.count / 2 : 1) }
        let sizeFits = Self.otherNameMarkers.contains(marker) && marker != "俗称"
        guard var term = chineseTerm(before: scalars, end: end, englishSize: sizeFits ? bracketSize ?? targetSize : nil, otherName: target, context: context) else { return nil }
        // A short form after 简称 takes its characters, in order, from the full name (集采 of
        // 药品集中带量采购, 台积电 of 台湾积体电路制造股份有限公司, 二沉池 of 进入|二次沉淀池): the
        // full name runs from the word holding the first of them, not from the size of the short form.
        if marker.hasPrefix("简称"), let whole = fullName(ofShortForm: target, before: scalars, end: end, lexicon: lexicon) {
            term = whole
        }
        // A demonstrative before X refers back: 这个分泌物就是蜂王浆 says what the secretion
        // named before is, not another name of royal jelly.
        var before = term.start
        while before > 0 && scalars[before - 1] == " " { before -= 1 }
        let lead = String(String.UnicodeScalarView(scalars[max(0, before - 2)..<before]))
        // So does one opening X (那条缝，我们叫大接头). A name the word list lacks after one is a
        // kind introduced (这种|急造王台，我们行内叫「急造台」).
        if Self.demonstratives.contains(where: { term.text.hasPrefix($0) })
            || (Self.demonstratives.contains(where: { lead.hasSuffix($0) }) && lexicon.word(ChineseLexicon.simplified(term.text)) != nil)
        {
            return nil
        }
        // Nor is the second of two things joined by a conjunction (岩层或砂层，我们叫含水层): the
        // name is given to what the pair describes, not to either; nor the object of 跟 (with:
        // 跟水反应，也就是水解), which says what happens.
        if ["或", "和", "与", "及", "跟", "或者", "以及"].contains(where: { lead.hasSuffix($0) }) { return nil }
        let names = [term.text, target]
        // (A short form may be the full name's end: 桥梁结构健康监测系统，简称健康监测系统; and
        // after a naming marker the other name may hold the term: 处方图又称作业处方图.)
        let naming = chineseAppositionMarkers.contains { !$0.strict && marker == String(String.UnicodeScalarView($0.marker)) }
        guard names.allSatisfy(isTermLike), !term.text.contains(target) || marker.hasPrefix("简称"), !target.contains(term.text) || naming else { return nil }
        let counts = names.map(context.recurrence)
        if strict && counts.contains(where: { $0 < 2 }) { return nil }
        // After 简称 or 俗称 the second name is the short or colloquial one: the full name is the
        // term however often the text uses the short one (局部放电，简称局放).
        let namesShortForm = ["简称", "俗称"].contains(ChineseLexicon.simplified(String(String.UnicodeScalarView(scalars[markerStart..<markerEnd]))))
        let preferred = !namesShortForm && counts[1] > counts[0] ? 1 : 0
        return StatedGloss(zh: names[preferred], en: "", abbreviation: "", offset: offsets[term.start], zhVariant: names[1 - preferred])
    }

    /// The full name a short form abbreviates, ending at `end`: from the word holding the first
    /// of the short form's characters, found in order as early as they can be in the run
    /// before `end` (back to punctuation, at most 24 characters), with the nouns before that
    /// word (药品集中带量采购 for 集采: 集中 holds 集, 药品 is a noun before it; 中国国家博物馆 for
    /// 国博, without the verb 去 before it). Nil when the run does not hold the short form's
    /// characters in order. Offsets are indices into `scalars`.
    static func fullName(ofShortForm short: String, before scalars: [Unicode.Scalar], end: Int, lexicon: ChineseLexicon) -> (text: String, start: Int)? {
        var runStart = end
        while runStart > 0 && isTermScalar(scalars[runStart - 1]) && !scalars[runStart - 1].isASCII && end - runStart < 24 { runStart -= 1 }
        let run = scalars[runStart..<end]
        let characters = Array(ChineseLexicon.simplified(short).unicodeScalars)
        var matched = 0
        var first: Int?
        for index in run.indices where matched < characters.count && TraditionalCharacters.simplified(run[index].value) == characters[matched].value {
            if matched == 0 { first = index }
            matched += 1
        }
        guard matched == characters.count, var start = first else { return nil }
        let starts = lexicon.wordStarts(run)
        guard var word = starts.lastIndex(where: { $0 <= start }) else { return nil }
        start = starts[word]
        while word > 0 {
            let previous = ChineseLexicon.simplified(String(String.UnicodeScalarView(run[starts[word - 1]..<starts[word]])))
            guard lexicon.word(previous)?.isNoun ?? false else { break }
            word -= 1
            start = starts[word]
        }
        let text = String(String.UnicodeScalarView(scalars[start..<end]))
        return text.count > short.count ? (text, start) : nil
    }

    /// Whether `latin` is one grade of a numbered series the text also names with another
    /// one-digit number (ASL1 beside ASL-3, Level 2 beside Level 4): `X就是ASL1` says which grade X is,
    /// not another name of X.
    static func isSeriesGrade(_ latin: String, recurrence: (String) -> Int) -> Bool {
        // Grades are numbered with one digit (ASL-3, Level 2); SB 1047 and H100 are names.
        guard let digits = latin.firstIndex(where: \.isNumber), digits > latin.startIndex, latin[digits...].count == 1,
            let own = Int(latin[digits...])
        else { return false }
        var stem = String(latin[..<digits])
        if stem.hasSuffix("-") || stem.hasSuffix(" ") { stem.removeLast() }
        guard !stem.isEmpty else { return false }
        return (0...9).contains { number in number != own && ["", "-", " "].contains { recurrence(stem + $0 + String(number)) > 0 } }
    }

    /// Pairs the term before `end` with `target`, whichever script each is in.
    /// With `shortForm` (the marker is 简称) a target of mixed case is an abbreviation too (DfAM,
    /// iPSC): the Chinese before it has about as many words as it has capitals.
    private static func pair(
        termBefore scalars: [Unicode.Scalar], end: Int, with target: String, shortForm: Bool = false, offsets: [Int], context: Context
    ) -> [StatedGloss] {
        let targetIsChinese = target.containsCJK
        if let latin = latinTerm(before: scalars, end: end) {
            if targetIsChinese {
                // A clause saying what the term does (AGI指的是人工智能越来越好) is no name of it.
                guard isChineseGlossText(target), !(context.lexicon?.endsInPredicate(target) ?? false) else { return [] }
                return [StatedGloss(zh: target, en: isAcronym(latin.text) ? "" : latin.text, abbreviation: isAcronym(latin.text) ? latin.text : "", offset: offsets[latin.start])]
            }
            if isAbbreviation(latin.text) && target.contains(" ") && lettersAgree(short: latin.text, long: target) {
                return [StatedGloss(zh: "", en: target, abbreviation: latin.text, offset: offsets[latin.start])]
            }
            // `orthokeratology lens，简称 Ortho-K`: a short form in mixed case after 简称.
            let shortTarget = isAcronym(target) || (shortForm && isAbbreviation(target))
            if shortTarget && latin.text.contains(" ") && lettersAgree(short: target, long: latin.text) {
                return [StatedGloss(zh: "", en: latin.text, abbreviation: target, offset: offsets[latin.start])]
            }
            return []
        }
        if targetIsChinese {
            return []
        }
        let abbreviated = isAcronym(target)
            || (shortForm && !target.contains(" ") && target.count <= 10 && target.unicodeScalars.filter { $0.properties.isUppercase }.count >= 2)
        // A footnote or list item that opens with the term (`[2] 超声乳化白内障吸除术，英文
        // phacoemulsification，…`): its head is the term.
        if !abbreviated, let head = listItemHead(scalars, end: end, context: context, requiresMarker: true) {
            return [StatedGloss(zh: head.text, en: target, abbreviation: "", offset: offsets[head.start])]
        }
        guard let term = chineseTerm(
                before: scalars, end: end, englishSize: abbreviated ? englishSize("", target.filter(\.isUppercase)) : englishSize(target, ""),
                englishSizeIsLoose: !abbreviated, englishJoinsWithAnd: joinsWithAnd(target), englishName: abbreviated ? nil : target, context: context)
        else { return [] }
        return [StatedGloss(zh: term.text, en: abbreviated ? "" : target, abbreviation: abbreviated ? target : "", offset: offsets[term.start])]
    }
}
