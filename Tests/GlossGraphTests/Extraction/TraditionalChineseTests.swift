import Foundation
import Testing

@testable import GlossGraph
@testable import GlossGraphExtraction
@testable import GlossGraphGlossary
@testable import GlossGraphReading
@testable import GlossGraphText

/// The concept ids found in each turn of `text`, in turn order.
private func conceptsPerTurn(_ text: [UInt8], file: String, glossary: Glossary) throws -> [Set<String>] {
    let transcript = try TranscriptReader.read(bytes: text, file: file, options: ReadingOptions())
    let extractor = ConceptExtractor(glossary: glossary)
    return transcript.units.map { unit in Set(extractor.extract(unit).conceptsInOrder.map { glossary.concepts[$0].id }) }
}

/// Turn–concept pairs found in both, over pairs found in either (micro-averaged).
private func agreement(_ a: [Set<String>], _ b: [Set<String>]) -> Double {
    var same = 0, total = 0
    for index in 0..<max(a.count, b.count) {
        let x = index < a.count ? a[index] : [], y = index < b.count ? b[index] : []
        same += x.intersection(y).count
        total += x.union(y).count
    }
    return total == 0 ? 1 : Double(same) / Double(total)
}

@Suite("Traditional Chinese and regional usage")
struct TraditionalChineseTests {
    @Test("OpenCC's data is installed (Scripts/install-deps installs libopencc-dev, which brings it)")
    func openCCAvailable() {
        #expect(ChineseConversion.isAvailable)
        #expect(ChineseConversion.s2twp.convert("数据中心") == "資料中心")
        #expect(ChineseConversion.tw2sp.convert("資料中心") == "数据中心")
    }

    @Test(
        "a glossary's Simplified name is found in Traditional and regional text, as the name it comes from",
        arguments: [
            ("规模定律", "我們談談規模定律。"), ("数据中心", "新的資料中心在台中。"), ("数据中心", "新嘅數據中心喺屯門。"),
            ("软件工程", "他以前做軟體工程。"), ("合成数据", "他們用模型生成合成資料。"), ("人工智能", "人工智慧的進展很快。"),
            // 分布 as much Traditional text writes it, where OpenCC's phrases write 分佈.
            ("长尾分布", "這是典型的長尾分布。"),
            // Phrases OpenCC converts otherwise than by characters, to a character Simplified
            // also writes (瞭, 覆): the name needs OpenCC's phrase dictionary.
            ("了解", "我們要先瞭解模型。"), ("反复训练", "他們反覆訓練模型。"),
        ])
    func regionalForms(_ name: String, _ text: String) throws {
        let glossary = try Glossary(concepts: [Concept(id: "concept", category: "idea", zh: name, en: "concept")])
        let extractor = ConceptExtractor(glossary: glossary)
        let unit = TranscriptUnit(file: "t.md", index: 1, kind: .turn, speaker: nil, text: text, lineStart: 1, lineEnd: 1)
        let matches = extractor.extract(unit).matches
        try #require(matches.count == 1)
        #expect(extractor.pattern(matches[0].pattern).name == name)
    }

    /// The Traditional forms are matched only once a text holds a Traditional-only character;
    /// from then on every text is matched with them, which must find the same in Simplified
    /// text, whatever came before.
    @Test("what a Simplified text yields does not depend on whether Traditional text came before")
    func switchingChangesNothing() throws {
        let glossary = try GlossaryExchangeTests.bundled()
        let simplified = try TranscriptReader.read(
            contentsOf: TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path)
        // 人工智慧 is Taiwan's 人工智能 in characters Simplified also writes: a Traditional form
        // only in a text with a Traditional-only character.
        let extra = [
            TranscriptUnit(file: "t.md", index: 1, kind: .turn, speaker: nil, text: "人工智慧安全和人工智能安全", lineStart: 1, lineEnd: 1),
            TranscriptUnit(file: "t.md", index: 2, kind: .turn, speaker: nil, text: "這是人工智慧安全", lineStart: 2, lineEnd: 2),
            // Taiwan's 資料中心 read as Simplified characters: not a name in Simplified text.
            TranscriptUnit(file: "t.md", index: 3, kind: .turn, speaker: nil, text: "我们的资料中心和數據中心", lineStart: 3, lineEnd: 3),
            TranscriptUnit(file: "t.md", index: 4, kind: .turn, speaker: nil, text: "乾隆年间的资料中心", lineStart: 4, lineEnd: 4),
        ]
        let units = simplified.units + extra
        let fresh = ConceptExtractor(glossary: glossary)
        let before = units.map { unit in fresh.extract(unit).matches.map { "\($0.range) \($0.concept)" } }
        let switched = ConceptExtractor(glossary: glossary)
        _ = switched.extract(TranscriptUnit(file: "t.md", index: 0, kind: .turn, speaker: nil, text: "規模定律", lineStart: 1, lineEnd: 1))
        let after = units.map { unit in switched.extract(unit).matches.map { "\($0.range) \($0.concept)" } }
        #expect(before == after)
        // Made at once for text expected to be Traditional, the forms find the same.
        let expecting = ConceptExtractor(glossary: glossary, expectingTraditional: true)
        #expect(units.map { unit in expecting.extract(unit).matches.map { "\($0.range) \($0.concept)" } } == before)
        let dataCenter = try #require(glossary.concepts.firstIndex { $0.id == "data-center" })
        // Only 數據中心: 资料中心, in Simplified characters, is not Taiwan's 資料中心, even beside
        // Traditional ones (nor is it in a Simplified turn with 乾, which Simplified writes too).
        #expect(before[before.count - 2].map { $0.hasSuffix(" \(dataCenter)") } == [true])
        #expect(before.last == [])
        let aiSafety = try #require(glossary.concepts.firstIndex { $0.id == "ai-safety" })
        #expect(before[before.count - 4].count == 1)
        #expect(before[before.count - 3] == ["6..<24 \(aiSafety)"])
    }

    /// The shared interview converted by OpenCC's own command gives the same concepts per turn.
    @Test(
        "the shared transcript converted with opencc s2t, s2twp and s2hk keeps its turn–concept pairs",
        .enabled(if: TestPaths.hasSharedCorpus, "../shared/corpus is absent (only developers and CI have it); skipping"),
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/opencc"), "the opencc command is absent (Scripts/install-deps --test installs it); skipping"))
    func sharedTranscriptConverted() throws {
        let glossary = try GlossaryExchangeTests.bundled()
        let original = try Array(Data(contentsOf: URL(fileURLWithPath: TestPaths.sharedTranscript)))
        let simplified = try conceptsPerTurn(original, file: "s.md", glossary: glossary)
        #expect(simplified.reduce(0) { $0 + $1.count } > 400)
        for (configuration, least) in [("s2t", 1.0), ("s2twp", 0.95), ("s2hk", 0.95)] {
            let converted = try runTool(["opencc", "-c", configuration, "-i", TestPaths.sharedTranscript])
            #expect(converted.status == 0)
            let found = try conceptsPerTurn(Array(converted.stdout.utf8), file: "\(configuration).md", glossary: glossary)
            #expect(found.count == simplified.count)
            #expect(agreement(simplified, found) >= least, "\(configuration): \(agreement(simplified, found))")
        }
    }

    /// Recall and precision of the turn–concept pairs found in `transcript`, against a table
    /// whose rows are `turn<TAB>…<TAB>ids` with the ids in column `idColumn` (0-based).
    private func score(transcript: URL, expected table: String, idColumn: Int) throws -> (recall: Double, precision: Double) {
        var expected: [Set<String>] = []
        for line in try String(contentsOfFile: TestPaths.fixture(table), encoding: .utf8).split(separator: "\n") {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count > idColumn - 1, Int(cells[0]) != nil else { continue }
            let ids: [String] = cells.count > idColumn ? cells[idColumn].split(separator: " ").map { String($0) } : []
            expected.append(Set(ids))
        }
        let found = try conceptsPerTurn(
            Array(Data(contentsOf: transcript)), file: transcript.lastPathComponent, glossary: GlossaryExchangeTests.bundled())
        #expect(found.count == expected.count)
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        for (want, got) in zip(expected, found) {
            truePositives += want.intersection(got).count
            falsePositives += got.subtracting(want).count
            falseNegatives += want.subtracting(got).count
        }
        return (Double(truePositives) / Double(truePositives + falseNegatives), Double(truePositives) / Double(truePositives + falsePositives))
    }

    /// Interviews in Taiwan's and Hong Kong's usage, each written by a helper who had not seen
    /// the code, with the concepts a reader finds in each turn. (Before OpenCC's forms: recall
    /// 0.34 and 0.39.) What is left are paraphrases (「憲法」, 被人濫用) no glossary lists.
    @Test(
        "interviews in Taiwan's and Hong Kong's usage: the concepts a reader finds in each turn",
        arguments: [
            ("Examples/taiwan-podcast.md", "traditional/taiwan-podcast.expected.tsv", 3, 0.95),
            ("Tests/GlossGraphTests/Fixtures/traditional/hk-interview.md", "traditional/hk-interview.expected.tsv", 1, 0.9),
        ])
    func regionalInterviews(_ transcript: String, _ table: String, _ idColumn: Int, _ least: Double) throws {
        let (recall, precision) = try score(
            transcript: TestPaths.repositoryRoot.appendingPathComponent(transcript), expected: table, idColumn: idColumn)
        #expect(recall >= least && precision >= 0.95, "recall \(recall), precision \(precision)")
    }

    /// Thirty regional terms written by a helper for concepts of the glossary, half of which
    /// OpenCC does not produce (繪圖處理器, 類神經網路, 規管): those are the glossary's
    /// `@zh-TW` and `@zh-HK` names.
    @Test("lookup finds each term of a table of Taiwan and Hong Kong terms")
    func regionalTermTable() throws {
        let lookup = GlossaryLookup(glossary: try GlossaryExchangeTests.bundled())
        let rows = try String(contentsOfFile: TestPaths.fixture("traditional/regional-terms.tsv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.count == 30)
        for row in rows {
            #expect(lookup.lookup(row[0]).matches.map(\.concept.id) == [row[2]], "\(row[0]) (\(row[1]))")
        }
    }

    /// The regional names a reader met in the Taiwan interview (listed with it by the helper who
    /// wrote it, before any tool ran on it): each is looked up as its concept.
    @Test("lookup finds each regional name of the Taiwan interview's table, and shows the names per script and region")
    func regionalLookups() throws {
        let table = try String(contentsOfFile: TestPaths.fixture("traditional/taiwan-podcast.expected.tsv"), encoding: .utf8)
        var rows: [(name: String, id: String)] = []
        var inNames = false
        for line in table.split(separator: "\n") {
            if line.hasPrefix("# name") { inNames = true }
            let cells = line.split(separator: "\t")
            if inNames, !line.hasPrefix("#"), cells.count == 3 { rows.append((String(cells[0]), String(cells[1]))) }
        }
        #expect(rows.count >= 20)
        let lookup = GlossaryLookup(glossary: try GlossaryExchangeTests.bundled())
        for row in rows {
            #expect(lookup.lookup(row.name).matches.map(\.concept.id) == [row.id], "\(row.name)")
        }
        let dataCenter = try #require(lookup.lookup("資料中心").matches.first)
        #expect(dataCenter.kind == .regionalForm && dataCenter.matchedName == "数据中心")
        #expect(GlossaryListing.regionalNames(of: dataCenter.concept).map { "\($0.tag) \($0.name)" } == ["zh-Hant 數據中心", "zh-TW 資料中心", "zh-HK 數據中心"])
        let rsp = try #require(lookup.lookup("RSP").matches.first?.concept)
        // The glossary's tagged name wins over OpenCC's over-eager 負責任擴充套件策略.
        #expect(GlossaryListing.regionalNames(of: rsp).first { $0.tag == "zh-TW" }?.name == "負責任擴展政策")
    }

    /// A trial's `lookup 支台齒`, on a glossary `discover` wrote from a Taiwanese forum, showed
    /// zh-TW 支臺齒 (OpenCC's `s2twp`), a form the forum never wrote, and 支台齒 twice.
    @Test("a name tagged zh-Hant is the regional form where OpenCC differs from it in character variants only")
    func attestedTraditionalNameIsRegional() throws {
        var abutment = Concept(id: "abutment", category: "new", zh: "支台齿", en: "abutment", zhVariants: ["支台齒"])
        abutment.nameTags = ["支台齒": "zh-Hant"]
        #expect(GlossaryListing.regionalNames(of: abutment).map { "\($0.tag) \($0.name)" } == ["zh-Hant 支台齒", "zh-TW 支台齒", "zh-HK 支台齒"])
        let listing = GlossaryListing.text(GlossaryLookup(glossary: try Glossary(concepts: [abutment])).lookup("支台齒"))
        #expect(!listing.contains("other zh"), "\(listing)")
        #expect(LabelScript.tw.relabel([abutment]).first?.zh == "支台齒")
        // Regional vocabulary is not a variant of characters: Taiwan's 軟體 stays.
        var software = Concept(id: "software", category: "new", zh: "软件", en: "software", zhVariants: ["軟件"])
        software.nameTags = ["軟件": "zh-Hant"]
        #expect(GlossaryListing.regionalNames(of: software).map { "\($0.tag) \($0.name)" } == ["zh-Hant 軟件", "zh-TW 軟體", "zh-HK 軟件"])
    }
}
