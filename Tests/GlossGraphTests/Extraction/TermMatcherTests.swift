import Testing

@testable import GlossGraph
@testable import GlossGraphExtraction
@testable import GlossGraphText

/// A table row: names (their index is their concept), a text, and the expected matches as
/// (name, UTF-8 byte range) in text order.
struct MatcherCase: Sendable, CustomTestStringConvertible {
    var rule: String
    var names: [String]
    var text: String
    var expected: [(name: String, range: Range<Int>)]
    var testDescription: String { rule }
}

/// Byte offset of the `occurrence`-th `fragment` in `text`, as a range.
func byteRange(of fragment: String, in text: String, occurrence: Int = 1) -> Range<Int> {
    let bytes = Array(text.utf8), needle = Array(fragment.utf8)
    var seen = 0
    for start in 0...(bytes.count - needle.count) where Array(bytes[start..<start + needle.count]) == needle {
        seen += 1
        if seen == occurrence { return start..<start + needle.count }
    }
    fatalError("'\(fragment)' not in '\(text)'")
}

@Suite("Matching glossary names in text")
struct TermMatcherTests {
    static let cases: [MatcherCase] = [
        // Leftmost-longest, non-overlapping.
        MatcherCase(rule: "longest CJK name wins over the name inside it", names: ["人工智能", "宪法人工智能"], text: "宪法人工智能很重要",
                    expected: [("宪法人工智能", 0..<18)]),
        MatcherCase(rule: "机制可解释性 over 可解释性", names: ["可解释性", "机制可解释性"], text: "关于机制可解释性和可解释性",
                    expected: [("机制可解释性", 6..<24), ("可解释性", 27..<39)]),
        MatcherCase(rule: "Claude 3.5 Sonnet over Claude", names: ["Claude", "Claude 3.5 Sonnet"], text: "Claude 3.5 Sonnet and Claude",
                    expected: [("Claude 3.5 Sonnet", 0..<17), ("Claude", 22..<28)]),
        MatcherCase(rule: "leftmost wins over a longer later overlap", names: ["规模定律", "定律假设"], text: "规模定律假设",
                    expected: [("规模定律", 0..<12)]),
        // Word boundaries for Latin names.
        MatcherCase(rule: "RSP not inside RSPX", names: ["RSP"], text: "RSPX, RSP", expected: [("RSP", 6..<9)]),
        MatcherCase(rule: "AI not inside Claude or OpenAI", names: ["AI"], text: "Claude OpenAI AI MAIL", expected: [("AI", 14..<16)]),
        MatcherCase(rule: "digits are word characters", names: ["GPT-4"], text: "GPT-4o GPT-4 GPT-40", expected: [("GPT-4", 7..<12)]),
        MatcherCase(rule: "a name ending in a digit is not found where the number goes on", names: ["GPT-4", "Claude 3", "Claude 3.5", "ASL-3"],
                    text: "GPT-4.5, GPT-4. Claude 3.7 Sonnet, Claude 3.5.1, Claude 3.5. ASL-3．5 ASL-3",
                    expected: [("GPT-4", 9..<14), ("Claude 3.5", 49..<59), ("ASL-3", 71..<76)]),
        MatcherCase(rule: "an English plural of a Latin name is the name", names: ["RSP", "data center", "sandbox", "GPT-4"],
                    text: "RSPs, data centers, sandboxes, GPT-4s, RSPsX",
                    expected: [("RSP", 0..<4), ("data center", 6..<18), ("sandbox", 20..<29)]),
        MatcherCase(rule: "es makes a plural only after a sibilant: metres is no plural of METR", names: ["METR", "box"],
                    text: "three metres, METRs, boxes", expected: [("METR", 14..<19), ("box", 21..<26)]),
        MatcherCase(rule: "a curly apostrophe is the ASCII one", names: ["Moore's law"], text: "Moore’s law, Moore's law",
                    expected: [("Moore's law", 0..<13), ("Moore's law", 15..<26)]),
        MatcherCase(rule: "CJK next to Latin is a boundary", names: ["RSP", "AI"], text: "在RSP中，宪法AI和AI。",
                    expected: [("RSP", 3..<6), ("AI", 18..<20), ("AI", 23..<25)]),
        MatcherCase(rule: "mixed-script name", names: ["宪法AI", "AI"], text: "宪法AI", expected: [("宪法AI", 0..<8)]),
        MatcherCase(rule: "ASL三级 beats ASL", names: ["ASL", "ASL三级"], text: "ASL三级和ASL", expected: [("ASL三级", 0..<9), ("ASL", 12..<15)]),
        // Name rules.
        MatcherCase(rule: "case-insensitive Latin", names: ["RLHF"], text: "rlhf Rlhf RLHF",
                    expected: [("RLHF", 0..<4), ("RLHF", 5..<9), ("RLHF", 10..<14)]),
        MatcherCase(rule: "ASL-3 = ASL 3 = ASL3", names: ["ASL-3"], text: "ASL-3, ASL 3, ASL3, asl  3",
                    expected: [("ASL-3", 0..<5), ("ASL-3", 7..<12), ("ASL-3", 14..<18), ("ASL-3", 20..<26)]),
        MatcherCase(rule: "full-width forms (NFKC)", names: ["ASL-3"], text: "ＡＳＬ－３级", expected: [("ASL-3", 0..<15)]),
        MatcherCase(rule: "a hyphen between letters is a space", names: ["SWE-bench"], text: "SWE bench, SWE-bench, SWEbench",
                    expected: [("SWE-bench", 0..<9), ("SWE-bench", 11..<20)]),
        MatcherCase(rule: "a space next to CJK does not matter", names: ["ASL三级"], text: "ASL 三级", expected: [("ASL三级", 0..<10)]),
        MatcherCase(rule: "a dropped separator is still a boundary", names: ["Claude"], text: "Claude 2", expected: [("Claude", 0..<6)]),
        MatcherCase(rule: "zero-width characters inside a name", names: ["RSP"], text: "R\u{200B}SP", expected: [("RSP", 0..<6)]),
        MatcherCase(rule: "a paragraph break is not a space", names: ["ASL-3"], text: "ASL\n3", expected: []),
        MatcherCase(rule: "the same name given twice is one pattern", names: ["RSP", "rsp"], text: "RSP", expected: [("RSP", 0..<3)]),
        MatcherCase(rule: "empty text", names: ["RSP"], text: "", expected: []),
        // A trial's pottery subtitles found the bundled glossary's 百度 in 八百度 (800 degrees).
        MatcherCase(rule: "a name starting with a Chinese numeral is not found inside a number", names: ["百度", "一致性"],
                    text: "大约八百度，一千二百度以上；百度和一致性，十一致性", expected: [("百度", 42..<48), ("一致性", 51..<60)]),
    ]

    @Test("table of rules", arguments: cases)
    func table(_ testCase: MatcherCase) {
        let matcher = TermMatcher(names: testCase.names.enumerated().map { ($0.element, $0.offset) })
        let found = matcher.matches(in: testCase.text).map { (testCase.names[$0.concept], $0.range) }
        #expect(found.map { "\($0.0)@\($0.1)" } == testCase.expected.map { "\($0.name)@\($0.range)" })
    }

    @Test("the byte ranges cut the text at the names as written")
    func rangesAreTextSlices() {
        let text = "他说ＲＳＰ和ASL 3都重要"
        let matcher = TermMatcher(names: [("RSP", 0), ("ASL-3", 1)])
        let bytes = Array(text.utf8)
        let written = matcher.matches(in: text).map { String(decoding: bytes[$0.range], as: UTF8.self) }
        #expect(written == ["ＲＳＰ", "ASL 3"])
    }
}

/// SplitMix64: a small seeded generator, so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("The fast matcher agrees with the brute-force oracle")
struct TermMatcherOracleTests {
    static let names = [
        "RSP", "ASL-3", "ASL", "AI", "OpenAI", "宪法AI", "宪法人工智能", "人工智能", "Claude", "Claude 3.5 Sonnet", "机制可解释性",
        "可解释性", "SWE-bench", "GPT-4", "规模定律", "如果-那么", "ASL三级", "A/B测试", "o1", "百度",
    ]

    static func randomText(_ generator: inout SeededGenerator) -> String {
        let pieces = names + [
            "rsp", "Asl 3", "ａｓｌ３", "ＲＳＰ", "gpt 4", "SWE bench", "八", "二", "度", " ", " ", "  ", "-", "，", "。", "\n", "在", "的", "和", "x", "3", "5", ".",
            "\u{200B}", "\u{3000}", "－", "Ａ", "Sonnet", "3.5", "宪法", "人工", "智能", "法A", "I", "\u{0B}", "\u{7F}", "\u{A0}", "\r",
        ]
        let length = Int.random(in: 0...14, using: &generator)
        return (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test("on thousands of generated mixed-script texts")
    func agreesWithOracle() {
        let indexed = Self.names.enumerated().map { ($0.element, $0.offset) }
        let fast = TermMatcher(names: indexed)
        let sparse = TermMatcher(names: indexed, denseLimit: 0)
        #expect(!fast.isSparse && sparse.isSparse)
        let naive = ReferenceMatcher(names: indexed)
        var generator = SeededGenerator(state: 20_261_129)
        var disagreements: [String] = []
        var compared = 0
        for _ in 0..<2500 {
            let text = Self.randomText(&generator)
            let expected = naive.matches(in: text).map { "\($0.concept)@\($0.range)" }
            let actual = fast.matches(in: text).map { "\($0.concept)@\($0.range)" }
            let sparseActual = sparse.matches(in: text).map { "\($0.concept)@\($0.range)" }
            if sparseActual != actual && disagreements.count < 5 {
                disagreements.append("\(text.debugDescription): sparse \(sparseActual) dense \(actual)")
            }
            compared += expected.count
            if expected != actual && disagreements.count < 5 {
                disagreements.append("\(text.debugDescription): fast \(actual) oracle \(expected)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
        // The texts must exercise the matcher, not just agree on finding nothing.
        #expect(compared > 3000)
    }
}
