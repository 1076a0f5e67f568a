import GlossGraphText

/// Glosses stated by commas alone, as speech is transcribed (no brackets in a recording):
/// `先张法，pre-tensioning，`, `还有 item，单件记录，`, `ILS，integrated library system，集成图书馆系统，`,
/// `调谐质量阻尼器，tuned mass damper，TMD。`, `MARC 是机读目录，Machine-Readable Cataloging，`.
extension GlossMiner {
    /// A stretch of text between two marks (a comma, a colon, a semicolon, a sentence's end, a
    /// line's start): scalar indices, 0-based, end exclusive, spaces trimmed.
    struct CommaSegment {
        var start: Int
        var end: Int
        /// The mark after the segment, or nil at the text's end or a line's.
        var mark: Unicode.Scalar?
        /// Where the Latin words that end the segment start (== end when none).
        var latinStart: Int
    }

    /// Whether `text` holds a comma with a Latin letter or digit beside it (spaces between
    /// allowed): the only texts `commaGlosses` reads. A scan of UTF-8 bytes.
    static func mayStateCommaGloss(_ text: String) -> Bool {
        var afterLatin = false
        var afterComma = false
        // Bytes of `，` (EF BC 8C) matched so far.
        var matched = 0
        for byte in text.utf8 where byte != UInt8(ascii: " ") {
            if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                if afterComma { return true }
                (afterLatin, afterComma, matched) = (true, false, 0)
            } else if byte == 0xEF {
                matched = 1
            } else if byte == 0xBC && matched == 1 {
                matched = 2
            } else if byte == UInt8(ascii: ",") || (byte == 0x8C && matched == 2) {
                if afterLatin { return true }
                (afterLatin, afterComma, matched) = (false, true, 0)
            } else {
                (afterLatin, afterComma, matched) = (false, false, 0)
            }
        }
        return false
    }

    /// Whether `text` marks no segment at all (no comma, colon, semicolon or sentence end) and
    /// holds a space beside a CJK character: automatic captions, where spaces are the only
    /// marks (`这叫截尾平均 trimmed mean 剩下的`), and where `commaSegments` cuts at them.
    static func spacesMarkSegments(_ scalars: [Unicode.Scalar]) -> Bool {
        var spaceBesideCJK = false
        for (index, scalar) in scalars.enumerated() {
            if scalar != "\n" && isSegmentMark(scalar) { return false }
            if !spaceBesideCJK && isSpaceBesideCJK(scalars, at: index) { spaceBesideCJK = true }
        }
        return spaceBesideCJK
    }

    /// Whether `scalars[index]` is a space with a CJK character on either side.
    static func isSpaceBesideCJK(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        scalars[index] == " " && index > 0 && index + 1 < scalars.count
            && (ScriptClass.isCJK(scalars[index - 1].value) || ScriptClass.isCJK(scalars[index + 1].value))
    }

    /// Words that say the Latin after them is another name of a term before: a language's
    /// name, or a full or short form's.
    static let languageMarkers = ["英文", "英语", "全名", "全称", "简称", "缩写"]

    /// Whether `text` is a clause naming a language, then a naming verb (`印尼语叫 `: the
    /// English after it names the term before the clause, `namesLanguage`).
    static func namesLanguageBeforeVerb(_ text: String, lexicon: ChineseLexicon) -> Bool {
        let clause = text.trimmingWhitespace()
        guard let verb = bareNamingVerbs.lazy.map({ String(String.UnicodeScalarView($0)) }).first(where: { clause.hasSuffix($0) && clause.count > $0.count })
        else { return false }
        return namesLanguage(Substring(clause).dropLast(verb.count), lexicon: lexicon)
    }

    /// Whether `scalar` is a mark that ends a segment (，,：:；;。！？!? or a line break); asked of
    /// every character of a text, so a switch rather than a set's hashing.
    @inline(__always) static func isSegmentMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", ",", "：", ":", "；", ";", "。", "！", "？", "!", "?", "\n": true
        default: false
        }
    }

    /// English said between commas that says nothing of a term (`OK，`, `you know，`).
    static let discourseEnglish: Set<String> = [
        "ok", "okay", "yes", "yeah", "yep", "no", "nope", "so", "well", "right", "sorry", "hi", "hello", "hey", "bye", "thanks",
        "thank you", "you know", "i mean", "like", "um", "uh", "oh", "wow", "actually", "basically", "honestly", "anyway",
        "by the way", "whatever", "please", "cool", "nice", "great", "fine", "sure", "good", "bad", "lol", "haha", "hmm", "emm",
        "of course", "and", "but", "or", "then", "also", "yes or no", "anyway", "wait", "what", "why", "how", "really", "exactly",
    ]

    /// The text cut into segments at commas and other marks and at source lines' starts.
    /// With `spacesAreMarks` (`spacesMarkSegments`), a space beside a CJK character cuts too, as a comma.
    static func commaSegments(_ scalars: [Unicode.Scalar], lineStarts: Set<Int>, spacesAreMarks: Bool = false) -> [CommaSegment] {
        var segments: [CommaSegment] = []
        var start = 0
        func close(at end: Int, mark: Unicode.Scalar?) {
            var (first, last) = (start, end)
            while first < last && scalars[first] == " " { first += 1 }
            while last > first && scalars[last - 1] == " " { last -= 1 }
            var latin = last
            while latin > first && isLatinTermScalar(scalars[latin - 1]) { latin -= 1 }
            // (The scalars from `latin` on are ASCII but for – and ’, which are no letters.)
            while latin < last && !isASCIILetterOrDigit(scalars[latin]) { latin += 1 }
            segments.append(CommaSegment(start: first, end: last, mark: mark, latinStart: latin))
        }
        // Source lines' starts in order, walked beside the scalars rather than looked up.
        let starts = lineStarts.sorted()
        var nextStart = 0
        for index in scalars.indices {
            while nextStart < starts.count && starts[nextStart] < index { nextStart += 1 }
            if nextStart < starts.count && starts[nextStart] == index && index > start {
                close(at: index, mark: nil)
                start = index
            }
            if isSegmentMark(scalars[index]) {
                close(at: index, mark: scalars[index] == "\n" ? nil : scalars[index])
                start = index + 1
            } else if spacesAreMarks && isSpaceBesideCJK(scalars, at: index) {
                close(at: index, mark: "，")
                start = index + 1
            }
        }
        close(at: scalars.count, mark: nil)
        return segments
    }

    /// English words that open or end with an acronym whose letters agree with the other
    /// words (`GPR ground penetrating radar`, `synthetic aperture radar SAR`): the other words
    /// and the acronym; otherwise `english` and nil.
    static func splitAcronym(_ english: String) -> (english: String, acronym: String?) {
        let words = english.split(separator: " ").map(String.init)
        guard words.count >= 3 else { return (english, nil) }
        for (acronym, rest) in [(words[0], words.dropFirst()), (words[words.count - 1], words.dropLast())] {
            let long = rest.joined(separator: " ")
            if isAcronym(acronym), !rest.contains(where: isAcronym), lettersAgree(short: acronym, long: long) { return (long, acronym) }
        }
        return (english, nil)
    }

    /// ASCII letters and digits, spaces, and the marks inside English names (`-`, `–`, `'`,
    /// `’`, `/`, `.`, `&`, `+`).
    static func isLatinTermScalar(_ scalar: Unicode.Scalar) -> Bool {
        isASCIILetterOrDigit(scalar) || " -'/.&+".unicodeScalars.contains(scalar) || scalar == "–" || scalar == "’"
    }

    static func isASCIILetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// The glosses a text states with commas: Latin words that make a whole segment, or end
    /// one after Chinese, beside a Chinese term that makes the next segment whole
    /// (`instance，实例，`) or ends the one before (`先张法，pre-tensioning，`), with an acronym
    /// among the segments around whose letters agree with the English (Schwartz–Hearst). When
    /// Chinese stands on both sides of the English, it goes with the term before, unless that
    /// term went with the English before it (a list: `instance，实例，holdings，馆藏记录`). `scalars` is the text,
    /// `keys` the same in Simplified characters, `offsets` their UTF-8 offsets;
    /// `spacesAreMarks` is `spacesMarkSegments(scalars)`, which the caller has already asked.
    static func commaGlosses(
        _ scalars: [Unicode.Scalar], keys: [Unicode.Scalar], offsets: [Int], spacesAreMarks: Bool, context: Context
    ) -> [StatedGloss] {
        guard let lexicon = context.lexicon else { return [] }
        let segments = commaSegments(scalars, lineStarts: context.lineStarts, spacesAreMarks: spacesAreMarks)
        func text(_ range: Range<Int>, _ source: [Unicode.Scalar] = scalars) -> String { String(String.UnicodeScalarView(source[range])) }
        func latin(_ segment: CommaSegment) -> String? {
            guard segment.latinStart < segment.end else { return nil }
            // Latin words that end a segment after Chinese, not inside a Latin sentence.
            if segment.latinStart > segment.start {
                var before = segment.latinStart
                while before > segment.start && scalars[before - 1] == " " { before -= 1 }
                guard before > segment.start, ScriptClass.isCJK(scalars[before - 1].value) else { return nil }
            }
            let words = text(segment.latinStart..<segment.end).split(separator: " ")
            let english = words.joined(separator: " ")
            guard (1...6).contains(words.count), english.count <= 64, english.contains(where: \.isLetter),
                !discourseEnglish.contains(english.lowercased()), !words.allSatisfy({ englishFunctionWords.contains($0.lowercased()) })
            else { return nil }
            return english
        }
        func isComma(_ mark: Unicode.Scalar?) -> Bool { mark == "，" || mark == "," }
        /// The segment as a whole Chinese term (after an apposition marker such as 就是).
        func wholeTerm(_ segment: CommaSegment) -> (text: String, start: Int)? {
            var start = segment.start
            let opening = text(segment.start..<min(segment.end, segment.start + 4), keys)
            if let marker = ["也就是", "就是", "即是", "即"].first(where: { opening.hasPrefix($0) }) { start += marker.unicodeScalars.count }
            let candidate = text(start..<segment.end)
            let key = text(start..<segment.end, keys)
            guard (2...12).contains(candidate.unicodeScalars.count),
                candidate.unicodeScalars.allSatisfy({ ScriptClass.isCJK($0.value) && !isCJKPunctuation($0) }),
                isChineseGlossText(key), isTermLike(key, lexicon: lexicon), !holdsClauseWord(key, lexicon: lexicon),
                !opensWithAdverb(lexicon.words(of: key), lexicon: lexicon)
            else { return nil }
            guard !isRemark(key), !readsAsPredicate(key) else { return nil }
            return (candidate, start)
        }
        /// A clause saying what the thing named does (`coxswain，坐在船尾`, `draw stroke，往侧面
        /// 拉`): it opens with a preposition, holds a one-character
        /// everyday verb with a complement of place (坐在, 放到), or ends in one such verb after a
        /// word of two characters or more (侧面|拉; but 缩|松 is a name, shrinkage).
        func readsAsPredicate(_ key: String) -> Bool {
            let words = lexicon.words(of: key)
            guard words.count >= 2 else { return false }
            func isEverydayVerb(_ word: Substring) -> Bool {
                word.count == 1 && (lexicon.word(String(word)).map { $0.everyday && ($0.wordClass == .verb || $0.isVerbal) } ?? false)
            }
            if lexicon.word(words[0])?.isPreposition == true { return true }
            if isEverydayVerb(Substring(words[words.count - 1])) && words[words.count - 2].count >= 2 { return true }
            return words.indices.contains { index in
                let word = words[index]
                if word.count == 2, "在到".contains(word.last!), isEverydayVerb(word.prefix(1)) { return true }
                return index + 1 < words.count && isEverydayVerb(Substring(word)) && ["在", "到"].contains(words[index + 1])
            }
        }
        /// A remark on the thing just named (`Freyja，效果不错`, `spread，早盘流动性差`,
        /// `FAST，口径五百米`): it ends in a predicate (an adjective or adverb, or a word that
        /// negates) or in an amount (a numeral and its unit).
        func isRemark(_ key: String) -> Bool {
            let words = lexicon.words(of: key)
            if words.count >= 2, let last = lexicon.word(words[words.count - 1]), last.isAdjective || last.isAdverb { return true }
            // The list holds some such remarks as one rare word (效率高, tagged a noun): an
            // everyday noun and a one-character everyday adjective.
            if let last = words.last, last.count >= 3, lexicon.word(last).map({ !$0.everyday }) ?? false,
                let subject = lexicon.word(String(last.dropLast())), subject.everyday, subject.isNoun,
                let predicate = lexicon.word(String(last.suffix(1))), predicate.everyday, predicate.isAdjective
            {
                return true
            }
            if words.dropFirst().contains(where: { $0.hasPrefix("不") || $0.hasPrefix("没") }) || lexicon.endsInPredicate(key) { return true }
            let scalars = Array(key.unicodeScalars)
            return scalars.count >= 2 && "米个年天次倍吨斤元块度岁层位只台".unicodeScalars.contains(scalars[scalars.count - 1])
                && ("零一二三四五六七八九十百千万两".unicodeScalars.contains(scalars[scalars.count - 2]) || ("0"..."9").contains(scalars[scalars.count - 2]))
        }
        /// The Chinese term that ends the segment right before its comma.
        func termEnding(_ segment: CommaSegment, english: String) -> (text: String, start: Int)? {
            guard segment.end > segment.start, ScriptClass.isCJK(scalars[segment.end - 1].value), !isCJKPunctuation(scalars[segment.end - 1]) else { return nil }
            let abbreviated = isAcronym(english)
            // Where spaces are marks the term is sought in its segment alone: a term may hold a
            // space elsewhere (AI 安全), and the run would reach back over the space before.
            let base = spacesAreMarks ? segment.start : 0
            var local = context
            if spacesAreMarks { local.lineStarts = Set(context.lineStarts.compactMap { (base + 1..<segment.end).contains($0) ? $0 - base : nil }) }
            guard let found = chineseTerm(
                    before: spacesAreMarks ? Array(scalars[base..<segment.end]) : scalars, end: segment.end - base,
                    englishSize: abbreviated ? englishSize("", english) : englishSize(english, ""),
                    englishSizeIsLoose: !abbreviated, englishJoinsWithAnd: joinsWithAnd(english), englishName: abbreviated ? nil : english,
                    context: local),
                found.start + base >= segment.start, found.text.unicodeScalars.count >= 2
            else { return nil }
            let term = (text: found.text, start: found.start + base)
            let key = ChineseLexicon.simplified(term.text)
            // After a naming verb (这叫截尾平均, 叫周数不足) the words are a name, whatever
            // they would say as a remark.
            let named = namingVerbs.contains { verb in
                term.start >= verb.count && keys[(term.start - verb.count)..<term.start].elementsEqual(verb)
            }
            guard isChineseGlossText(key), isTermLike(key, lexicon: lexicon), named || !isRemark(key) else { return nil }
            // Where spaces are the only marks, a marker naming the English may end the segment
            // before it (英文缩写 AMOC): no term.
            if spacesAreMarks, languageMarkers.contains(where: { key.hasSuffix($0) }) { return nil }
            return term
        }
        /// An acronym near the English whose letters agree with it: a whole segment, the Latin
        /// end of one, or the one opening a segment before 是.
        func agreeingAcronym(near position: Int, english: String) -> String? {
            guard !isAcronym(english), english.contains(" ") || english.contains("-") else { return nil }
            for other in [position - 1, position + 1, position - 2, position + 2] where segments.indices.contains(other) {
                let segment = segments[other]
                var candidates: [String] = []
                if let tail = latin(segment) { candidates.append(tail) }
                let head = text(segment.start..<segment.end).split(separator: " ").first.map(String.init) ?? ""
                candidates.append(head)
                if let found = candidates.first(where: { isAcronym($0) && lettersAgree(short: $0, long: english) }) { return found }
            }
            return nil
        }
        var glosses: [StatedGloss] = []
        // Segments whose term went with English before them, with that English.
        var paired: [Int: String] = [:]
        for position in segments.indices {
            let segment = segments[position]
            guard let said = latin(segment) else { continue }
            // An acronym said with its expansion in one segment (`SAR synthetic aperture radar`,
            // or after it) is the expansion's abbreviation.
            let (english, saidAcronym) = Self.splitAcronym(said)
            let whole = segment.latinStart == segment.start
            // An acronym after the English it abbreviates (`mold temperature controller，MTC，`)
            // goes with that English, not with what follows it.
            if whole, isAcronym(english), position > 0, isComma(segments[position - 1].mark),
                let long = latin(segments[position - 1]), lettersAgree(short: english, long: long)
            {
                continue
            }
            let previous = position > 0 && whole && isComma(segments[position - 1].mark) ? segments[position - 1] : nil
            // A term that went with an acronym before it goes with the acronym's expansion too
            // (`LRM，图书馆参考模型，Library Reference Model`).
            let pairedBefore = paired[position - 1]
            let expandsPaired = pairedBefore.map { isAcronym($0) && lettersAgree(short: $0, long: english) } ?? false
            let term: (text: String, start: Int)
            if let before = pairedBefore != nil && !expandsPaired ? nil : previous.flatMap({ termEnding($0, english: english) }) {
                term = before
            } else {
                // English a marker gives as another name (`英文是 gray mold，`, `全名 …，`) names
                // the term before the marker, which other shapes read: what follows is no name of it.
                // (Where spaces are the only marks, a clause may follow the English: only the
                // term before it names it.)
                guard !spacesAreMarks, isComma(segment.mark), position + 1 < segments.count,
                    whole || !languageMarkers.contains(where: { text(segment.start..<segment.latinStart, keys).contains($0) })
                        && !namesLanguageBeforeVerb(text(segment.start..<segment.latinStart, keys), lexicon: lexicon)
                else { continue }
                let next = segments[position + 1]
                guard isComma(next.mark) || next.mark == nil || "。；;！？!?".unicodeScalars.contains(next.mark!), let after = wholeTerm(next) else { continue }
                term = after
                paired[position + 1] = english
            }
            let acronym = isAcronym(english)
            // A space alone sets an acronym after a verb phrase as readily as after its name
            // (`去除 PCR 扩增`): the name must recur in the text, as names do (节目内容分 PCS).
            if spacesAreMarks, acronym, context.recurrence(term.text) < 2 { continue }
            let abbreviation = acronym ? english : saidAcronym ?? agreeingAcronym(near: position, english: english) ?? ""
            glosses.append(StatedGloss(
                zh: term.text, en: acronym ? "" : english, abbreviation: abbreviation, offset: offsets[min(term.start, segment.latinStart)]))
        }
        return glosses
    }
}
