import Foundation
import Testing

@testable import GlossGraph
@testable import GlossGraphReading
@testable import GlossGraphText

@Suite("Discovery over a whole corpus, read in parts")
struct DiscoveryCorpusTests {
    /// Pseudo-random CJK text (a linear congruential generator over 3,000 common-range
    /// characters), so nearly every n-gram of four characters or more is new.
    static func randomChinese(characters: Int, seed: UInt64) -> String {
        var state = seed
        var scalars = String.UnicodeScalarView()
        for index in 0..<characters {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            if index % 23 == 22 {
                scalars.append("，")
            } else {
                scalars.append(Unicode.Scalar(0x4E00 + UInt32((state >> 33) % 3000))!)
            }
        }
        return String(scalars)
    }

    static func unit(_ text: String, file: String = "t.md", index: Int = 1) -> TranscriptUnit {
        TranscriptUnit(file: file, index: index, kind: .turn, speaker: "甲", text: text, lineStart: index, lineEnd: index)
    }

    /// Every substring of two to `Gram.longest` CJK characters of `text`'s runs, counted.
    static func bruteForceCounts(_ texts: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for text in texts {
            for run in text.split(whereSeparator: { !ScriptClass.isCJK($0.unicodeScalars.first!.value) || GlossMiner.isCJKPunctuation($0.unicodeScalars.first!) }) {
                let characters = Array(run)
                for start in characters.indices {
                    for length in 2...Gram.longest where start + length <= characters.count {
                        counts[String(characters[start..<(start + length)]), default: 0] += 1
                    }
                }
            }
        }
        return counts
    }

    @Test("a string's uses after an edge, counted in one pass, equal each edge's own count added up, overlaps included")
    func usesAfterEdgeInOnePass() {
        // A small alphabet of edges (的, 在, ，, a space, a line break) and other characters, so
        // that needles recur, overlap themselves (甲甲) and hold edges (的甲的).
        let alphabet: [Character] = ["的", "在", "，", " ", "\n", "甲", "乙", "a"]
        var state: UInt64 = 7
        var text = ""
        for _ in 0..<4_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            text.append(alphabet[Int((state >> 33) % UInt64(alphabet.count))])
        }
        let bytes = Array(text.utf8)
        var needles = Set<String>()
        for first in alphabet {
            for second in alphabet { needles.formUnion([String(first), String([first, second]), String([first, second, "甲"]), "的\(first)的"]) }
        }
        for needle in needles.sorted() {
            let expected = GlossMiner.usesAfterEdge(needle, recurrence: { GlossMiner.occurrences(of: $0, in: bytes) })
            #expect(GlossMiner.occurrencesAfterEdge(of: needle, in: bytes) == expected, "\(needle.debugDescription)")
        }
        #expect(GlossMiner.occurrencesAfterEdge(of: "甲甲", in: Array("的甲甲甲，甲甲".utf8)) == 2)
        #expect(GlossMiner.occurrencesAfterEdge(of: "", in: bytes) == 0)
    }

    @Test("n-gram counts of parts, merged, equal the counts of the whole and a brute-force count")
    func mergedCountsAreExact() {
        let texts = (0..<40).map { Self.randomChinese(characters: 300, seed: UInt64($0 % 7)) + "，稀疏自动编码器。" }
        let units = texts.enumerated().map { Self.unit($0.element, index: $0.offset + 1) }
        let whole = GramTable.counting(units, fileIndex: 0)
        var merged = GramTable()
        for part in stride(from: 0, to: units.count, by: 9) {
            merged.merge(GramTable.counting(Array(units[part..<min(units.count, part + 9)]), fileIndex: 0)) { $0 }
        }
        let expected = Self.bruteForceCounts(texts)
        #expect(whole.count == expected.count)
        #expect(merged.count == expected.count)
        #expect(whole.prunedCount == 0)
        let gramsOfText = texts.map { Set(Self.bruteForceCounts([$0]).keys) }
        for (text, count) in expected {
            let gram = Gram(text.unicodeScalars.map(\.value))
            #expect(whole.find(gram).map { Int($0.count) } == count, "\(text)")
            #expect(merged.find(gram).map { Int($0.count) } == count, "\(text)")
            // The first place is the first turn (its line) holding the n-gram, in the merge too.
            let first = UInt32(gramsOfText.firstIndex { $0.contains(text) }! + 1)
            #expect(whole.find(gram).map { whole.place(of: $0).line } == first, "\(text)")
            #expect(merged.find(gram).map { merged.place(of: $0).line } == first, "\(text)")
        }
    }

    @Test("the word table finds each key by its string and by a hash built one character at a time, through growth and updates")
    func wordTableLookups() {
        func word(_ logProbability: Float) -> ChineseLexicon.Word {
            ChineseLexicon.Word(logProbability: logProbability, wordClass: .content, everyday: false, isVerbal: false, isAdjective: false, isPreposition: false)
        }
        // 3,000 keys of one to four characters (one outside the Basic Multilingual Plane), from
        // a table made for 16: it grows several times.
        var table = WordTable()
        var keys: [String] = []
        for index in 0..<3_000 {
            let characters = [0x4E00 + index % 500, 0x4E00 + index / 500, 0x20000 + index % 7, 0x9FA0 + index % 3].prefix(1 + index % 4)
            let key = String(String.UnicodeScalarView(characters.map { Unicode.Scalar(UInt32($0))! }))
            guard table[key] == nil else { continue }
            keys.append(key)
            table[key] = word(Float(-keys.count))
        }
        #expect(table.count == keys.count)
        #expect(keys.count > 2_000)
        for (index, key) in keys.enumerated() {
            #expect(table[key]?.logProbability == Float(-(index + 1)), "\(key)")
            let scalars = key.unicodeScalars.map(\.value)
            var probe = WordTable.Probe()
            for scalar in scalars { probe.append(scalar) }
            #expect(table.word(scalars, probe: probe)?.logProbability == Float(-(index + 1)), "\(key)")
            #expect(Array(table.key(at: index)) == scalars)
        }
        // A key's prefix or extension is another key, or none.
        #expect(table["丁丁丁丁丁"] == nil)
        #expect(table[""] == nil)
        table[keys[0]] = word(1)
        table.update(at: 1) { $0.everyday = true }
        #expect(table[keys[0]]?.logProbability == 1)
        #expect(table[keys[1]]?.everyday == true)
        #expect(table.count == keys.count)
        #expect(table.word(Unicode.Scalar(0x4E00)!)?.logProbability == 1)
    }

    @Test("a part's uses of a string are looked up in its n-gram table when the table holds them exactly, and equal a search of its text")
    func occurrencesFromTheTable() {
        // Few characters, so that strings recur and overlap (甲乙甲乙甲), with digits and Latin
        // letters between runs.
        let alphabet = Array("甲乙丙丁")
        var state: UInt64 = 7
        let texts = (0..<30).map { index -> String in
            var scalars = String.UnicodeScalarView()
            for _ in 0..<120 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                scalars.append(contentsOf: String(alphabet[Int((state >> 33) % 4)]).unicodeScalars)
                if (state >> 40) % 13 == 0 { scalars.append(contentsOf: ["，", "3", "a", " "][Int((state >> 50) % 4)].unicodeScalars) }
            }
            return String(scalars) + (index % 5 == 0 ? "哈哈哈哈。" : "")
        }
        let units = texts.enumerated().map { Self.unit($0.element, index: $0.offset + 1) }
        let table = GramTable.counting(units, fileIndex: 0)
        let bytes = Array(texts.joined(separator: "\n").utf8)
        var needles: Set<String> = ["哈哈", "哈哈哈", "甲乙甲", "甲乙甲乙", "丁丁", "a甲", "甲，乙", "3甲", "戊", "甲乙丙丁甲乙丙丁甲乙"]
        for first in alphabet {
            for second in alphabet { needles.formUnion([String(first), String([first, second]), String([first, second, "丙", first])]) }
        }
        var lookedUp = 0
        for needle in needles.sorted() {
            let searched = GlossMiner.occurrences(of: needle, in: bytes)
            if let counted = table.exactOccurrences(of: needle) {
                lookedUp += 1
                #expect(counted == searched, "\(needle)")
            }
        }
        // Strings whose start is also their end (甲乙甲, 哈哈) and those with other characters
        // are searched for; most of the rest are looked up.
        #expect(table.exactOccurrences(of: "甲乙甲") == nil)
        #expect(table.exactOccurrences(of: "哈哈") == nil)
        #expect(table.exactOccurrences(of: "a甲") == nil)
        #expect(table.exactOccurrences(of: "甲乙丙丁甲乙丙丁甲乙") == nil)
        #expect(table.exactOccurrences(of: "戊") == 0)
        #expect(lookedUp >= 12)
        // A pruned table answers nothing.
        let pruned = GramTable.counting((0..<2_000).map { Self.unit(Self.randomChinese(characters: 160, seed: UInt64($0) + 100), index: $0 + 1) }, fileIndex: 0)
        #expect(pruned.prunedCount >= 1)
        #expect(pruned.exactOccurrences(of: "一二") == nil)
    }

    @Test("a table never holds more than twice its limit in slots: past the limit it drops the rarest n-grams, and frequent ones survive")
    func pruningBoundsMemory() {
        // 2,000 turns of 160 new characters: about 2.5 million distinct n-grams, five times the
        // limit; the planted term recurs once a turn.
        // A second term comes in at turn 1,500.
        let units = (0..<2_000).map {
            Self.unit(Self.randomChinese(characters: 160, seed: UInt64($0) + 100) + "，稀疏自动编码器。" + ($0 >= 1_499 ? "变分推断方法。" : ""), index: $0 + 1)
        }
        let table = GramTable.counting(units, fileIndex: 0)
        #expect(table.slots.count <= 2 * GramTable.limit)
        #expect(table.prunedCount >= 1)
        let planted = table.find(Gram("稀疏自动编码器".unicodeScalars.map(\.value)))
        #expect(planted != nil)
        #expect(Int(planted?.count ?? 0) >= 2_000 - Int(table.prunedCount))
        // Pruning keeps each survivor's first place.
        #expect(planted.map { table.place(of: $0) } == GramTable.Place(file: 0, line: 1))
        let later = table.find(Gram("变分推断方法".unicodeScalars.map(\.value)))
        #expect(later.map { table.place(of: $0) } == GramTable.Place(file: 0, line: 1_500))
    }

    @Test("what a merge prunes depends on the counts alone, not on where the merged table's slots lie")
    func pruningOnMergeIgnoresSlotOrder() {
        // About 450,000 distinct n-grams, then a part of about 150,000 more: together past the
        // limit, so the merge prunes.
        let base = (0..<460).map { Self.unit(Self.randomChinese(characters: 160, seed: UInt64($0) + 5_000) + "，稀疏自动编码器。", index: $0 + 1) }
        let part = GramTable.counting((0..<150).map { Self.unit(Self.randomChinese(characters: 160, seed: UInt64($0) + 9_000), index: $0 + 1) }, fileIndex: 0)
        // The part's n-grams in two slot orders: copied into a table that grows from small and
        // into one large from the start.
        var grown = GramTable(capacity: 1 << 12)
        grown.merge(part) { $0 }
        var large = GramTable(capacity: 1 << 19)
        large.merge(part) { $0 }
        #expect(grown.slots.count != large.slots.count)
        let merged = [grown, large].map { other in
            var table = GramTable.counting(base, fileIndex: 0)
            table.merge(other) { $0 }
            return table
        }
        #expect(merged[0].prunedCount >= 1)
        #expect(merged[0].count == merged[1].count)
        #expect(merged[0].count < GramTable.limit)
        let differing = merged[0].slots.filter { $0.count > 0 && merged[1].find($0.key)?.count != $0.count }
        #expect(differing.count == 0, "first: \(differing.prefix(5).map(\.key.text))")
        #expect(merged[1].find(Gram("稀疏自动编码器".unicodeScalars.map(\.value)))?.count == 460)
    }

    /// A labelled transcript of `turns` turns of random text, with a term stated in a gloss
    /// at the start and used in every tenth turn.
    static func transcript(turns: Int, charactersPerTurn: Int) -> String {
        var text = "# 一次访谈\n\n编者按：本文讨论稀疏自动编码器（sparse autoencoder）。\n\n"
        for turn in 0..<turns {
            text += "**\(turn % 2 == 0 ? "甲" : "乙")：** " + randomChinese(characters: charactersPerTurn, seed: UInt64(turn) + 7)
            if turn % 10 == 0 { text += "，我们又用了稀疏自动编码器，机制可解释性。" }
            text += "\n\n"
        }
        return text
    }

    @Test("the same proposals come out for one, two or three jobs, with parts pruned and merged")
    func sameProposalsForAnyJobs() throws {
        let file = try TestPaths.temporaryFolder().path + "/corpus.md"
        // About 1.6 MB: several parts, each holding more n-grams than a table keeps.
        try Self.transcript(turns: 3_000, charactersPerTurn: 180).write(toFile: file, atomically: true, encoding: .utf8)
        let discoverer = Discoverer(glossary: nil, generalWords: GeneralWords.load())
        var reading = ReadingOptions()
        reading.keepNotes = true
        let runs = try [1, 2, 3].map { jobs in
            try AnalysisJobs.findings(files: [file], discoverer: discoverer, reading: reading, jobs: jobs) { _ in }
        }
        #expect(runs[0].grams.prunedCount >= 1)
        let proposals = runs.map { discoverer.proposals(from: $0).map { "\($0.kind) \($0.zh) \($0.en) \($0.count) \($0.line)" } }
        #expect(proposals[0] == proposals[1])
        #expect(proposals[0] == proposals[2])
        // The gloss of the editor's note, counted over the whole file; the recurring term too.
        #expect(proposals[0].contains { $0.hasPrefix("gloss 稀疏自动编码器 sparse autoencoder 301 ") })
        #expect(proposals[0].contains { $0.hasPrefix("term 机制可解释性 ") })
    }

    @Test("Chinese terms are counted past the first 8 MB of a corpus")
    func wholeCorpusIsSearched() throws {
        let file = try TestPaths.temporaryFolder().path + "/long.md"
        var text = ""
        // 8.4 MB of turns without Chinese, then turns that use a term.
        let filler = "**甲：** " + String(repeating: "so we talked about it again and again ", count: 20) + "\n\n"
        text.reserveCapacity(9 << 20)
        while text.utf8.count < 8_400_000 { text += filler }
        for _ in 0..<5 { text += "**乙：** 后来我们研究了量子退火算法，量子退火算法很有用。\n\n" }
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let proposals = try AnalysisJobs.proposals(files: [file], reading: ReadingOptions(), glossary: nil, jobs: 2) { _ in }
        let term = proposals.first { $0.zh == "量子退火算法" }
        #expect(term?.count == 10)
        let firstUse = text.components(separatedBy: "**乙：**")[0].filter { $0 == "\n" }.count + 1
        #expect(term?.line == firstUse)
    }
}
