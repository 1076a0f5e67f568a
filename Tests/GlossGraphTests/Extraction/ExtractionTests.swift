import Foundation
import Testing

@testable import GlossGraph
@testable import GlossGraphCounting
@testable import GlossGraphExtraction
@testable import GlossGraphGlossary
@testable import GlossGraphReading
@testable import GlossGraphText

@Suite("Extracting concepts from units")
struct ExtractionTests {
    static let glossary = try! Glossary(concepts: [
        Concept(id: "asl-3", category: "policy", zh: "ASL三级", en: "ASL-3"),
        Concept(id: "swe-bench", category: "benchmark", zh: "", en: "SWE-bench"),
        Concept(id: "golden-gate-claude", category: "model", zh: "", en: "Golden Gate Claude"),
        Concept(id: "claude", category: "model", zh: "", en: "Claude"),
        Concept(id: "if-then", category: "policy", zh: "如果-那么承诺", en: "if-then commitment", zhVariants: ["如果-那么"]),
    ])

    /// A trial's `extract` counted `熔池（weld pool）` as two mentions and `WPS（Welding
    /// Procedure Specification，焊接工艺规程）` as three.
    @Test("a concept's names side by side in one gloss are one mention when counted; names apart are two")
    func glossedNamesAreOneMention() throws {
        let glossary = try Glossary(concepts: [
            Concept(id: "weld-pool", category: "welding", zh: "熔池", en: "weld pool"),
            Concept(id: "wps", category: "welding", zh: "焊接工艺规程", en: "Welding Procedure Specification", abbreviations: ["WPS"]),
        ])
        let text = "**李工：** 先看熔池（weld pool），WPS（Welding Procedure Specification，焊接工艺规程）要照做。熔池要稳，weld pool 不能太大。\n"
        let transcript = try TranscriptReader.read(bytes: Array(text.utf8), file: "weld.md", options: ReadingOptions())
        let extractor = ConceptExtractor(glossary: glossary)
        var scratch = TermMatcher.Scratch()
        var mentions: [String: Int] = [:]
        extractor.forEachUnit(in: transcript.units, as: .turn, scratch: &scratch) { matches, _, _, _ in
            for match in matches { mentions[glossary.concepts[match.concept].id, default: 0] += 1 }
        }
        #expect(mentions == ["weld-pool": 3, "wps": 1], "\(mentions)")
        // Every name's use is still a match where each is judged (consistency).
        #expect(extractor.extract(transcript.units[0]).matches.count == 7)
    }

    @Test("mentions map back to the source line and column, across hard wraps and removed markup")
    func sourcePositions() throws {
        let transcript = try TranscriptReader.read(contentsOf: TestPaths.fixture("reading/wechat.md"))
        let extractor = ConceptExtractor(glossary: Self.glossary)
        var found: [String] = []
        for unit in transcript.units {
            let extraction = extractor.extract(unit)
            for match in extraction.matches {
                let mention = extraction.describe(match)
                found.append("\(Self.glossary.concepts[match.concept].id) '\(mention.text)' \(mention.line):\(mention.column)")
            }
        }
        #expect(found == [
            "asl-3 'ASL 3' 15:12",
            "swe-bench 'SWE-bench' 16:3",
            "golden-gate-claude 'Golden Gate Claude' 17:9",
            "if-then '如果-那么' 26:2",
        ])
    }

    @Test("concepts per unit in order of first mention, with counts per corpus and speaker")
    func frequencies() throws {
        let extractor = ConceptExtractor(glossary: Self.glossary)
        let units = [
            TranscriptUnit(file: "f", index: 1, kind: .turn, speaker: "甲", text: "Claude 和 ASL-3，还有 Claude", lineStart: 1, lineEnd: 1),
            TranscriptUnit(file: "f", index: 2, kind: .turn, speaker: "乙", text: "ASL三级", lineStart: 2, lineEnd: 2),
            TranscriptUnit(file: "f", index: 3, kind: .turn, speaker: "甲", text: "没有概念", lineStart: 3, lineEnd: 3),
        ]
        var tally = CooccurrenceTally(conceptCount: Self.glossary.concepts.count, detail: .frequencies)
        var extractions: [UnitExtraction] = []
        for unit in units {
            let extraction = extractor.extract(unit)
            tally.add(
                extraction.matches, speaker: unit.speaker, reference: UnitReference(file: unit.file, turn: unit.index, line: unit.lineStart),
                position: extraction.unit.sourcePosition)
            extractions.append(extraction)
        }
        let counts = tally.counts()
        #expect(extractions[0].conceptsInOrder == [3, 0])
        #expect(extractions[0].mentionsByConcept.map { $0.mentions.count } == [2, 1])
        #expect(counts.unitCount == 3)
        #expect(counts.concepts[0].units == 2 && counts.concepts[0].mentions == 2)
        #expect(counts.concepts[3].units == 1 && counts.concepts[3].mentions == 2)
        #expect(counts.concepts[0].speakerMentions == ["甲": 1, "乙": 1])
        #expect(counts.concepts[3].speakerMentions == ["甲": 2])
        #expect(counts.pairs.isEmpty, "a frequency tally counts no pairs")
        #expect(counts.concepts.allSatisfy { $0.firstMention == nil }, "nor first mentions")
        // Ranked by units, then mentions: ASL-3 (2 units) before Claude (1 unit, 2 mentions).
        let rows = ExtractionListing.frequencyTable(counts, glossary: Self.glossary, top: 10).split(separator: "\n").dropFirst(2)
        #expect(rows.map { $0.split(separator: " ").first.map(String.init) } == ["1", "2"])
        #expect(rows.first?.contains(Self.glossary.concepts[0].en) == true)
    }
}

@Suite("Splitting turns into sentences and paragraphs")
struct UnitSplitterTests {
    static func sentences(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return UnitSplitter.sentenceRanges(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test(
        "sentence boundaries",
        arguments: [
            ("规模定律很重要。Claude 3.5 很强！真的吗？是的", ["规模定律很重要。", "Claude 3.5 很强！", "真的吗？", "是的"]),
            ("He said “好。”然后走了。", ["He said “好。”", "然后走了。"]),
            ("Is it? Yes. Version 3.5 works.", ["Is it?", "Yes.", "Version 3.5 works."]),
            ("等等……好吧！？结束", ["等等……", "好吧！？", "结束"]),
            ("第一段\n第二段。", ["第一段", "第二段。"]),
            ("", []),
        ])
    func sentenceBoundaries(_ text: String, _ expected: [String]) {
        #expect(Self.sentences(text) == expected)
    }

    @Test("pieces keep speaker, turn and source lines, and are numbered within the file")
    func pieces() throws {
        let transcript = try TranscriptReader.read(contentsOf: TestPaths.fixture("reading/wechat.md"))
        var next = 1
        let paragraphs = transcript.units.flatMap { UnitSplitter.split($0, into: .paragraph, nextIndex: &next) }
        #expect(paragraphs.count == 9, "the paragraph after the heading is one of them")
        #expect(paragraphs.map(\.index) == Array(1...9))
        #expect(paragraphs[1].text == "第二段话，依然是主持人。这里有一个链接文字和一张图：")
        #expect(paragraphs[1].parentIndex == 1 && paragraphs[1].speaker == "主持人")
        #expect(paragraphs[1].lineStart == 21 && paragraphs[1].lineEnd == 21)
        next = 1
        let sentences = transcript.units.flatMap { UnitSplitter.split($0, into: .sentence, nextIndex: &next) }
        #expect(sentences.first?.text == "欢迎来到节目。")
        #expect(sentences[1].text == "今天聊聊ASL 3和SWE-bench，还有Golden Gate Claude。")
        #expect(sentences[1].lineStart == 15 && sentences[1].lineEnd == 19)
        next = 1
        let turns = transcript.units.flatMap { UnitSplitter.split($0, into: .turn, nextIndex: &next) }
        #expect(turns.map(\.text) == transcript.units.map(\.text))
    }
}

/// A text written to a temporary file, read, and counted against the small test glossary both
/// ways counting runs: from the file in parts on two jobs, and from the transcript in memory.
struct CountedText {
    var transcript: Transcript
    /// The counts from memory, then from the file.
    var counts: [CooccurrenceCounts]
    var ids: [String]

    init(_ text: String) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("t.md")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let extractor = ConceptExtractor(glossary: try Glossary.load(files: [TestPaths.fixture("glossary/small.tsv")]))
        transcript = try TranscriptReader.read(contentsOf: file.path)
        let fromFile = try CorpusCounting.count(files: [file.path], reading: ReadingOptions(), extractor: { extractor }, settings: CountingSettings(jobs: 2))
        counts = [CorpusCounting.count([transcript], extractor: extractor), fromFile.counts]
        ids = extractor.glossary.concepts.map(\.id)
    }

    /// The units two concepts (ids of the glossary) share in `counts`, nil when they share none.
    func shared(_ first: String, _ second: String, in counts: CooccurrenceCounts) throws -> Int? {
        let a = UInt64(try #require(ids.firstIndex(of: first))), b = UInt64(try #require(ids.firstIndex(of: second)))
        return counts.pairs[min(a, b) << 32 | max(a, b)]?.count
    }

    /// The units a concept (an id of the glossary) is found in.
    func units(_ id: String, in counts: CooccurrenceCounts) throws -> Int { counts.concepts[try #require(ids.firstIndex(of: id))].units }
}

/// A Markdown table lists terms row by row: its rows are units of their own, so terms of two
/// rows do not co-occur (a table of terms had linked every term in it to every other).
@Suite("A table's rows as units")
struct TableRowUnitTests {
    static let text = """
        **甲：** 先说规模定律，再说负责任扩展策略。

        **乙：** 好，规模定律先。

        | 中文 | English | 缩写 |
        |---|---|---|
        | 规模定律 | scaling law | — |
        | 负责任扩展策略 | Responsible Scaling Policy | RSP |
        | 宪法AI | Constitutional AI | CAI |

        """

    @Test("at turn granularity a table unit is cut into its rows, without the delimiter row; other units stay whole")
    func rows() throws {
        let transcript = try CountedText(Self.text).transcript
        #expect(transcript.units.count == 3, "\(transcript.units.map(\.text))")
        var next = 1
        let pieces = transcript.units.flatMap { UnitSplitter.split($0, into: .turn, nextIndex: &next) }
        #expect(pieces.map(\.text) == [
            "先说规模定律，再说负责任扩展策略。", "好，规模定律先。", "| 中文 | English | 缩写 |", "| 规模定律 | scaling law | — |",
            "| 负责任扩展策略 | Responsible Scaling Policy | RSP |", "| 宪法AI | Constitutional AI | CAI |",
        ])
        #expect(pieces.map(\.lineStart) == [1, 3, 5, 7, 8, 9])
        #expect(pieces.dropFirst(2).allSatisfy { $0.parentIndex == 3 })
        // Text that opens with a bar but holds other lines is no table.
        let unit = TranscriptUnit(file: "t", index: 1, kind: .paragraph, speaker: nil, text: "|a| 不是表格\n普通的一段", lineStart: 1, lineEnd: 2)
        next = 1
        #expect(UnitSplitter.split(unit, into: .turn, nextIndex: &next).map(\.text) == [unit.text])
    }

    @Test("terms of two rows do not co-occur, counted from the file in parts or from the transcript in memory")
    func counts() throws {
        let counted = try CountedText(Self.text)
        for counts in counted.counts {
            #expect(counts.unitCount == 6)
            #expect(try counted.shared("scaling-laws", "responsible-scaling-policy", in: counts) == 1, "the first turn holds both")
            #expect(try counted.shared("responsible-scaling-policy", "constitutional-ai", in: counts) == nil)
            #expect(try counted.shared("scaling-laws", "constitutional-ai", in: counts) == nil)
            #expect(try counted.units("scaling-laws", in: counts) == 3)
        }
    }
}

/// A list of labelled entries (a 术语对照 at the end of minutes) is read a line per entry and
/// counted a unit per entry: a helper's tea-factory minutes had one such list make a term its
/// map's hub.
@Suite("A list of terms' entries as units")
struct ListEntryUnitTests {
    static let text = """
        先说规模定律，再说负责任扩展策略。

        - 规模定律：scaling law
        - 负责任扩展策略：Responsible Scaling Policy
        - 宪法AI：Constitutional AI

        - 规模定律和宪法AI要一起讲
        - 负责任扩展策略放最后

        """

    @Test("entries are lines of their unit; a list whose entries are labelled is a unit per entry, another list one unit")
    func entries() throws {
        let counted = try CountedText(Self.text)
        #expect(counted.transcript.units.map(\.text) == [
            "先说规模定律，再说负责任扩展策略。", "- 规模定律：scaling law\n- 负责任扩展策略：Responsible Scaling Policy\n- 宪法AI：Constitutional AI",
            "- 规模定律和宪法AI要一起讲\n- 负责任扩展策略放最后",
        ])
        var next = 1
        let pieces = counted.transcript.units.flatMap { UnitSplitter.split($0, into: .turn, nextIndex: &next) }
        #expect(pieces.map(\.lineStart) == [1, 3, 4, 5, 7])
        for counts in counted.counts {
            #expect(counts.unitCount == 5)
            #expect(try counted.shared("responsible-scaling-policy", "constitutional-ai", in: counts) == 1, "only the unlabelled list joins them")
            #expect(try counted.shared("scaling-laws", "constitutional-ai", in: counts) == 1)
        }
    }
}

/// A label may carry its gloss in brackets before the colon (`- X（English，ABBR）：…`), which
/// puts the colon past the first 20 characters: trial70's list of five such entries on
/// analysis methods was counted as one unit, each method linked to every other.
@Suite("A list of glossed labels' entries as units")
struct GlossedLabelEntryTests {
    static let text = """
        - 负责任扩展策略（Responsible Scaling Policy，RSP）：先定门槛，再谈规模定律。
        - 宪法AI（Constitutional AI，CAI）：让模型按一组原则自我批评。
        - 规模定律（scaling law）：算力、数据、参数越多越好（大致如此）。

        - 我们（这一组人：三位）先讲宪法AI，再讲规模定律和负责任扩展策略，最后讨论。
        - 规模定律放最后

        """

    @Test("an entry whose label is glossed in brackets is a unit; a colon inside brackets labels nothing")
    func glossedLabels() throws {
        let counted = try CountedText(Self.text)
        for counts in counted.counts {
            #expect(counts.unitCount == 4)
            #expect(try counted.shared("responsible-scaling-policy", "constitutional-ai", in: counts) == 1, "only the unlabelled list joins them")
            #expect(try counted.shared("scaling-laws", "responsible-scaling-policy", in: counts) == 2)
            #expect(try counted.units("scaling-laws", in: counts) == 3)
        }
    }
}

/// Facts checked by hand on the shared transcript: turn index → the concepts it mentions.
@Suite(
    "Extraction on the shared transcript",
    .enabled(if: TestPaths.hasSharedCorpus, "../shared/corpus is absent (only developers and CI have it); skipping"))
struct SharedCorpusExtractionTests {
    static let handChecked: [Int: [String]] = [
        2: ["baidu", "bitter-lesson", "data-limits", "deep-learning", "gpt-1", "gpu", "gwern", "ilya-sutskever", "recurrent-neural-network", "rich-sutton", "scaling", "scaling-hypothesis", "speech-recognition"],
        13: [],
        20: ["anthropic", "chris-olah", "interpretability", "mechanistic-interpretability", "race-to-the-top", "theory-of-change"],
        33: ["claude-3", "claude-3-5", "post-training", "pre-training"],
        40: ["claude-3-5"],
        60: ["ab-testing", "anthropic", "evals", "whack-a-mole"],
        64: ["autonomy-risk", "biology", "biorisk", "catastrophic-misuse", "machines-of-loving-grace", "responsible-scaling-policy"],
        66: ["asl-1", "asl-2", "asl-3", "asl-4", "asl-5", "autonomy-risk", "catastrophic-misuse", "cbrn", "cyberattacks", "deep-blue", "google", "if-then-commitments", "metr", "model-autonomy", "non-state-actors", "paul-christiano", "responsible-scaling-policy", "self-replication", "state-actors"],
        67: ["asl-3", "asl-4"],
        75: ["deception", "mechanistic-interpretability"],
        82: ["benchmarks", "swe-bench"],
        86: ["asl-3", "asl-4", "cbrn", "computer-use", "model-autonomy", "responsible-scaling-policy"],
        93: ["asl-4", "sandboxing"],
        101: [],
        110: ["gpu", "neural-network", "programming", "scaling-hypothesis"],
        118: ["compute", "model-steering", "pre-training", "rlhf", "scaling-hypothesis"],
        122: ["leopold-aschenbrenner", "rlhf", "unhobbling"],
        131: [],
        150: ["agi", "biology", "powerful-ai"],
        160: ["anthropic", "biology", "computer-use", "ide", "programming"],
    ]

    @Test("20 hand-checked turns give exactly their concepts")
    func handCheckedTurns() throws {
        let glossary = try GlossaryExchangeTests.bundled()
        let extractor = ConceptExtractor(glossary: glossary)
        // Numbered as the turns (the article's paragraphs before them are no turns).
        let turns = try TranscriptReader.read(contentsOf: TestPaths.sharedTranscript).units.filter { $0.kind == .turn }
        for (turn, expected) in Self.handChecked.sorted(by: { $0.key < $1.key }) {
            let unit = turns[turn - 1]
            let ids = Set(extractor.extract(unit).matches.map { glossary.concepts[$0.concept].id })
            #expect(ids.sorted() == expected, "turn \(turn)")
        }
    }

    @Test("every mention's line and column point at its text in the source file")
    func mentionPositions() throws {
        let glossary = try GlossaryExchangeTests.bundled()
        let extractor = ConceptExtractor(glossary: glossary)
        let sourceLines = try String(contentsOfFile: TestPaths.sharedTranscript, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var checked = 0
        for unit in try TranscriptReader.read(contentsOf: TestPaths.sharedTranscript).units {
            let extraction = extractor.extract(unit)
            for match in extraction.matches {
                let mention = extraction.describe(match)
                let line = Array(sourceLines[mention.line - 1].unicodeScalars)
                let rest = String(String.UnicodeScalarView(line[(mention.column - 1)...]))
                // A mention that a hard wrap split begins with the rest of its first line.
                let remainder = rest.trimmingCharacters(in: .whitespaces)
                #expect(rest.hasPrefix(mention.text) || (!remainder.isEmpty && mention.text.hasPrefix(remainder)), "\(mention)")
                checked += 1
            }
        }
        #expect(checked > 600)
    }
}
