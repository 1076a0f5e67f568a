import Foundation
import Testing

@testable import GlossGraph
@testable import GlossGraphCounting
@testable import GlossGraphExtraction
@testable import GlossGraphGlossary
@testable import GlossGraphReading
@testable import GlossGraphText

@Suite("Reading in parts")
struct TranscriptStreamTests {
    static var files: [String] {
        var files = [
            TestPaths.fixture("reading/wechat.md"), TestPaths.fixture("reading/labeled.txt"), TestPaths.fixture("reading/subtitles.vtt"),
            TestPaths.fixture("reading/no-labels.txt"), TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path,
            TestPaths.fixture("layouts/back_matter_podcast_links.txt"), TestPaths.fixture("layouts/back_matter_bold_article.md"),
        ]
        if TestPaths.hasSharedCorpus { files.append(TestPaths.sharedTranscript) }
        return files
    }

    @Test("parts give exactly the units of a whole read, with any part size", arguments: files)
    func sameUnits(_ path: String) throws {
        let options = ReadingOptions(keepNotes: true, speakerMap: SpeakerMap(["林晓": "Lin Xiao", "莱克斯": "Lex"]))
        let whole = try TranscriptReader.read(contentsOf: path, options: options)
        for partBytes in [64, 1000, 4096, 1 << 20] {
            var units: [TranscriptUnit] = []
            _ = try TranscriptReader.readInParts(
                contentsOf: path, options: options, partBytes: partBytes, probeBytes: 1 << 20
            ) { units += $0 }
            #expect(units == whole.units, "\(path) in parts of \(partBytes) bytes")
        }
    }

    /// A notice said "8 of 11 non-blank lines" of a file holding 10: the last line of the
    /// banner part, and the last of the file, were counted when they were a `\n` alone.
    @Test("the non-blank lines a reading counts are the file's, whole or in parts, whatever blank lines end it or its parts")
    func nonBlankLinesCounted() throws {
        let preamble = (1...8).map { "前言第\($0)行。\n\n" }.joined()
        for ending in ["", "\n", "\n\n\n"] {
            let path = try TestPaths.temporaryFolder().path + "/t.md"
            try (preamble + "**甲：** 你好。\n\n**乙：** 你好啊。\n" + ending).write(toFile: path, atomically: true, encoding: .utf8)
            #expect(try TranscriptReader.read(contentsOf: path).nonBlankLineCount == 10, "ending \(ending.count) blank lines")
            for partBytes in [64, 1 << 20] {
                let streamed = try TranscriptReader.readInParts(contentsOf: path, options: ReadingOptions(), partBytes: partBytes, probeBytes: 1 << 20) { _ in }
                #expect(streamed.nonBlankLineCount == 10, "ending \(ending.count) blank lines, parts of \(partBytes) bytes")
            }
        }
    }

    @Test("parts parsed on two workers give exactly the units of a whole read", arguments: files)
    func sameUnitsOnWorkers(_ path: String) throws {
        let options = ReadingOptions(keepNotes: true)
        let whole = try TranscriptReader.read(contentsOf: path, options: options)
        for partBytes in [64, 1000, 4096] {
            var units: [TranscriptUnit] = []
            _ = try TranscriptReader.readInParts(
                contentsOf: path, options: options, partBytes: partBytes, probeBytes: 1 << 20, workers: 2,
                process: { $0 },
                collect: { part, unitOffset in
                    units += part.map { unit in
                        var numbered = unit
                        numbered.index += unitOffset
                        return numbered
                    }
                })
            #expect(units == whole.units, "\(path) in parts of \(partBytes) bytes on two workers")
        }
    }

    @Test("counts of parts counted on workers equal the counts of the whole file, supporting turns included", arguments: files)
    func sameCountsOnWorkers(_ path: String) throws {
        let glossaryFiles = try GlossaryLocator.files(in: TestPaths.repositoryRoot.appendingPathComponent("Glossary").path)
        let extractor = ConceptExtractor(glossary: try Glossary.load(files: glossaryFiles))
        let whole = CorpusCounting.count([try TranscriptReader.read(contentsOf: path)], extractor: extractor)
        var tally = CooccurrenceTally(conceptCount: extractor.glossary.concepts.count)
        _ = try TranscriptReader.readInParts(
            contentsOf: path, partBytes: 1000, probeBytes: 1 << 20, workers: 2,
            process: { units in
                var part = CooccurrenceTally(conceptCount: extractor.glossary.concepts.count)
                var scratch = TermMatcher.Scratch()
                extractor.forEachUnit(in: units, as: .turn, scratch: &scratch) { part.add($0, speaker: $1, reference: $2, position: $3) }
                return part
            },
            collect: { part, unitOffset in _ = tally.merge(part, turnOffset: unitOffset) })
        let counts = tally.counts()
        #expect(counts.unitCount == whole.unitCount)
        #expect(counts.concepts.map(\.units) == whole.concepts.map(\.units))
        #expect(counts.concepts.map(\.speakerMentions) == whole.concepts.map(\.speakerMentions))
        #expect(counts.concepts.map(\.firstMention) == whole.concepts.map(\.firstMention))
        #expect(counts.pairs.mapValues(\.count) == whole.pairs.mapValues(\.count))
        #expect(counts.pairs.mapValues(\.support) == whole.pairs.mapValues(\.support), "supporting turns are numbered in the file")
        // The path map takes: flat per-part tallies, settled pairs, on two workers.
        let counted = try CorpusCounting.count(
            file: path, reading: ReadingOptions(), extractor: { extractor }, unit: .turn, workers: 2, progress: nil).counts
        #expect(counted.unitCount == whole.unitCount)
        #expect(counted.concepts.map(\.speakerMentions) == whole.concepts.map(\.speakerMentions))
        #expect(counted.concepts.map(\.firstMention) == whole.concepts.map(\.firstMention))
        #expect(counted.pairs.mapValues(\.count) == whole.pairs.mapValues(\.count))
        #expect(counted.pairs.mapValues(\.support) == whole.pairs.mapValues(\.support))
    }

    @Test(
        "invalid UTF-8 in the first part or a later one is reported with its position in the whole file",
        arguments: [400, 28], [1, 2])
    func errorsInParts(line: Int, workers: Int) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = Array(String(repeating: "**甲：** 规模定律\n**乙：** RSP\n", count: 200).utf8)
        // A bad byte after the label of `line`.
        let lineStart = line == 1 ? 0 : bytes.indices.filter { bytes[$0] == 0x0A }[line - 2] + 1
        let offset = lineStart + Array("**甲：** ".utf8).count
        bytes.insert(0xFF, at: offset)
        let file = folder.appendingPathComponent("t.md")
        try Data(bytes).write(to: file)
        let error = try #require(throws: GlossGraphError.self) {
            try TranscriptReader.readInParts(
                contentsOf: file.path, partBytes: 512, probeBytes: 4096, workers: workers, process: { $0.count }, collect: { _, _ in })
        }
        #expect(error.message.hasPrefix("invalid UTF-8 at byte offset \(offset);"))
        #expect(error.location?.line == line)
    }

    /// Before, a file whose last line had no line break left that line out of the speaker
    /// search: a guest who speaks once, last, lost their turn (skipped as a heading, or read as
    /// the host's words).
    @Test("a last line without a line break is read as the same line with one", arguments: [
        "**Alice:** hi.\n\n**Bob:** there", "**主持人：** 欢迎。\n**嘉宾：** 谢谢，规模定律很重要。",
    ])
    func lastLineWithoutBreak(_ text: String) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func units(_ text: String) throws -> [String] {
            let file = folder.appendingPathComponent("t.md")
            try Data(text.utf8).write(to: file)
            return try TranscriptReader.read(contentsOf: file.path).units.map { "\($0.speaker ?? "-") \($0.lineStart)-\($0.lineEnd): \($0.text)" }
        }
        let withBreak = try units(text + "\n")
        #expect(withBreak.count == 2, "\(withBreak)")
        #expect(try units(text) == withBreak)
    }
}
