import Foundation
import GlossGraphText

extension Discoverer {
    /// The dots that join the parts of a foreign name in Chinese text: U+00B7 (the 间隔号 of
    /// GB/T 15834-2011), U+30FB (the katakana middle dot some input methods give) and U+2027
    /// (the hyphenation point Taiwan's texts use).
    static let nameDots: Set<Unicode.Scalar> = ["\u{00B7}", "\u{30FB}", "\u{2027}"]

    /// Characters that end nouns for people by their trade or role (学家, 作者, 教练员, 主持人).
    static let personSuffixes: Set<Unicode.Scalar> = ["家", "师", "者", "员", "人", "长", "手", "生", "官", "士"]

    /// Most characters in one part of a transliterated name (克里斯蒂亚诺 has six).
    static let namePartLimit = 6

    /// Foreign names written in Chinese characters with a middle dot between their parts
    /// (阿曼达·阿斯克尔, 彼得·蒂尔), as Chinese writes the names of people from other languages.
    ///
    /// A part is the words next to the dot, cut by `lexicon`, taken outwards while each is a
    /// name the list knows (玛格丽特; an everyday one only if it is a foreign name: not 谢谢,
    /// which jieba tags as a Chinese name) or is spelt with transliteration characters
    /// (`ChineseLexicon.transliterationCharacters`; one other in three is let by: 理查德,
    /// 诺依曼) and is no everyday word of two characters or more, no noun for a person's trade
    /// (`personSuffixes`: 火山学家|玛格丽特) and no one-character clause word (在, 和). A
    /// one-character everyday word is taken only with a word beyond it or between two dots
    /// (阿曼|达, 约翰·冯·诺依曼; but 乔布斯|所说): 创始人|彼得·蒂尔|在 gives 彼得·蒂尔.
    ///
    /// - Parameter bytes: a unit's text, UTF-8.
    /// - Returns: each name, as the text writes it, and the UTF-8 offset in `bytes` where it
    ///   starts, in text order.
    static func transliteratedNames(in bytes: [UInt8], lexicon: ChineseLexicon) -> [(text: String, offset: Int)] {
        // Most units hold no dot: C2 B7, E3 83 BB or E2 80 A7.
        func endsDot(_ index: Int) -> Bool {
            switch bytes[index] {
            case 0xB7: index >= 1 && bytes[index - 1] == 0xC2
            case 0xBB: index >= 2 && bytes[index - 2] == 0xE3 && bytes[index - 1] == 0x83
            case 0xA7: index >= 2 && bytes[index - 2] == 0xE2 && bytes[index - 1] == 0x80
            default: false
            }
        }
        guard bytes.indices.contains(where: endsDot) else { return [] }
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        func isHan(_ at: Int) -> Bool { at >= 0 && at < scalars.count && ScriptClass.isCJK(scalars[at].value) && !GlossMiner.isCJKPunctuation(scalars[at]) }
        /// How many characters of the words beside a dot make the name's part: `outwards` lists
        /// the words from the dot outwards; `closedByDot` when they run up to the next dot.
        func part(_ outwards: [String], closedByDot: Bool) -> Int {
            var taken = 0
            var pending = 0  // characters of one-character everyday words not yet confirmed
            for word in outwards {
                let simplified = ChineseLexicon.simplified(word)
                let entry = lexicon.word(simplified)
                let single = simplified.unicodeScalars.count == 1
                if let entry, entry.isProperName {
                    // jieba tags some everyday words as Chinese names (谢谢 nr).
                    guard entry.isTransliteratedName || !entry.everyday || single else { break }
                } else {
                    // A character the list knows as a name (孔 of 孔蒂, a surname) spells names too.
                    let others = simplified.unicodeScalars.filter {
                        !lexicon.transliterationCharacters.contains($0) && lexicon.word(String($0))?.isProperName != true
                    }.count
                    guard others <= (simplified.unicodeScalars.count - 1) / 2 else { break }
                }
                if let entry, entry.isProperName, single, entry.everyday, !entry.isTransliteratedName,
                    !lexicon.transliterationCharacters.contains(simplified.unicodeScalars.first!)
                {
                    pending += 1
                    continue
                }
                if let entry, !entry.isProperName {
                    if single && (entry.wordClass == .clause || entry.isPreposition) { break }
                    // An everyday word, or a noun of a person's trade (学家 of 火山学家, 作者).
                    if !single && (entry.everyday || Self.personSuffixes.contains(simplified.unicodeScalars.last!)) { break }
                    if single && entry.everyday {
                        pending += 1
                        continue
                    }
                }
                guard taken + pending + word.unicodeScalars.count <= Self.namePartLimit else { break }
                taken += pending + word.unicodeScalars.count
                pending = 0
            }
            // A part between two dots is whole (冯 of 约翰·冯·诺依曼).
            if closedByDot && pending == outwards.reduce(0, { $0 + $1.unicodeScalars.count }) { taken += pending }
            return taken
        }
        var names: [(text: String, offset: Int)] = []
        var index = 0
        while index < scalars.count {
            guard Self.nameDots.contains(scalars[index]), isHan(index - 1), isHan(index + 1) else {
                index += 1
                continue
            }
            var runStart = index
            while isHan(runStart - 1) && index - runStart < 2 * Self.namePartLimit { runStart -= 1 }
            let before = lexicon.words(of: String(String.UnicodeScalarView(scalars[runStart..<index])))
            let start = index - part(before.reversed(), closedByDot: false)
            guard start < index else {
                index += 1
                continue
            }
            // The parts after it, up to a part that does not reach another dot.
            var end = index
            while end < scalars.count && Self.nameDots.contains(scalars[end]) && isHan(end + 1) {
                var runEnd = end + 1
                while isHan(runEnd) && runEnd - end <= 2 * Self.namePartLimit { runEnd += 1 }
                let taken = part(lexicon.words(of: String(String.UnicodeScalarView(scalars[(end + 1)..<runEnd]))),
                    closedByDot: runEnd < scalars.count && Self.nameDots.contains(scalars[runEnd]))
                guard taken > 0 else { break }
                end += 1 + taken
            }
            if end > index {
                let offset = scalars[..<start].reduce(0) { $0 + $1.utf8.count }
                names.append((String(String.UnicodeScalarView(scalars[start..<end])), offset))
            }
            index = max(end, index + 1)
        }
        return names
    }

    /// The foreign names the text writes in Chinese (`transliteratedNames(in:lexicon:)`) as
    /// proposals. One whose parts a Latin-script name of the text transliterates, word for
    /// word, or whose first or last part a one-word name does (Amanda of 阿曼达·阿斯克尔), is
    /// that name's Chinese: it joins the name's proposal in `names`, its uses added. The others
    /// are proposed on their own, ranked as Chinese strings found as often, below the Latin
    /// names. A name that holds a speaker's label (达里奥·阿莫迪 where 阿莫迪 speaks) or a name
    /// a gloss states is left out.
    func transliteratedNameCandidates(_ findings: DiscoveryFindings, pairingWith names: inout [DiscoveryCandidate], claimed: Set<String>) -> [DiscoveryCandidate] {
        var unpaired: [DiscoveryCandidate] = []
        for key in findings.transliteratedOrder where !claimed.contains(key) {
            let record = findings.transliterated[key]!
            let parts = record.text.unicodeScalars.split(whereSeparator: Self.nameDots.contains).map { String(String.UnicodeScalarView($0)) }
            guard parts.count >= 2, !parts.contains(where: { findings.speakers.contains(NameKey.key($0)) }) else { continue }
            let partner = names.firstIndex { name in
                guard name.kind == .name, name.zh.isEmpty else { return false }
                let words = name.en.split(separator: " ").map(String.init)
                if words.count == parts.count { return zip(parts, words).allSatisfy { Transliteration.isTransliteration($0, of: $1) } }
                return words.count == 1 && [parts[0], parts[parts.count - 1]].contains { Transliteration.isTransliteration($0, of: words[0]) }
            }
            if let partner {
                let uses = names[partner].count + record.count
                names[partner].score += log2(Double(1 + uses) / Double(1 + names[partner].count)) * 2.5
                names[partner].count = uses
                names[partner].zh = record.text
                names[partner].reason += "; written \(record.text) in Chinese, \(record.count)×"
            } else {
                unpaired.append(DiscoveryCandidate(
                    kind: .name, zh: record.text, en: "", abbreviation: "", score: log2(Double(1 + record.count)) * 2.5, count: record.count,
                    file: findings.file(record.file), line: record.line, variantOf: nil,
                    reason: "a foreign name written in Chinese, \(record.count)×"))
            }
        }
        return unpaired
    }
}
