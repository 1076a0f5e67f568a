import Testing

@testable import GlossGraph
@testable import GlossGraphReading
@testable import GlossGraphText

/// Facts about the real transcript in ../shared/corpus, which a user's clone does not have.
@Suite(
    "Reading the shared transcript",
    .enabled(if: TestPaths.hasSharedCorpus, "../shared/corpus is absent (only developers and CI have it); skipping"))
struct SharedCorpusTests {
    let units: [TranscriptUnit]

    init() throws {
        units = try TranscriptReader.read(contentsOf: TestPaths.sharedTranscript).units
    }

    @Test("174 turns, 87 per speaker, from the first host label to the closing thanks, after the article's introduction and biography")
    func turnCounts() throws {
        // The introduction (lines 14–15) and the biography's four paragraphs (75–83) are
        // paragraphs of nobody's; the heading lines and the byline are preamble.
        let article = units.prefix { $0.kind == .paragraph }
        #expect(article.map { $0.lineStart...$0.lineEnd } == [14...15, 75...75, 77...77, 79...80, 82...83])
        #expect(article.allSatisfy { $0.speaker == nil })
        let units = Array(units.dropFirst(article.count))
        #expect(units.count == 174 && units.allSatisfy { $0.kind == .turn })
        #expect(units.filter { $0.speaker == "莱克斯" }.count == 87)
        #expect(units.filter { $0.speaker == "阿莫迪" }.count == 87)
        let first = try #require(units.first)
        #expect(first.speaker == "莱克斯")
        #expect(first.lineStart == 87)
        let last = try #require(units.last)
        #expect(last.speaker == "莱克斯")
        #expect(last.text.hasSuffix("的对话。"))
        #expect(last.lineEnd == last.lineStart)
    }

    @Test("no turn holds a URL, markup, or an editor's note")
    func cleanText() {
        for unit in units {
            for fragment in ["http", "**", "![", "](", "★", "GTA6 指的是", "Anecdotal data指的是", "关注公众号", "参考资料", "往期精选"] {
                #expect(!unit.text.contains(fragment), "turn \(unit.index) holds '\(fragment)'")
            }
        }
    }

    @Test("hard-wrapped terms are joined")
    func joinedTerms() {
        let text = units.map(\.text).joined(separator: "\n")
        #expect(text.contains("ASL 3"))
        #expect(text.contains("SWE-bench"))
        #expect(text.contains("如果-那么"))
        #expect(text.contains("Ilya Sutskever"))
        #expect(!text.contains("SWE- bench"))
    }

    @Test("turn line ranges increase and do not overlap")
    func lineRanges() {
        for (previous, next) in zip(units, units.dropFirst()) {
            #expect(previous.lineStart <= previous.lineEnd)
            #expect(previous.lineEnd < next.lineStart)
        }
    }
}
