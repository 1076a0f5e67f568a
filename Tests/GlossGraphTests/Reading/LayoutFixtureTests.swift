import Foundation
import Testing

@testable import GlossGraph
@testable import GlossGraphReading
@testable import GlossGraphText

/// The layout fixtures (`Fixtures/layouts/`, written for the project by people who had not
/// read the reader): what reading makes of each, held in golden files so that a change to one
/// heuristic shows every layout it affects, checked against the fixtures' own expectations,
/// and every line accounted for.
@Suite("Layouts people have")
struct LayoutFixtureTests {
    static let folder = TestPaths.repositoryRoot.appendingPathComponent("Tests/GlossGraphTests/Fixtures/layouts")

    static let fixtures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasSuffix(".tsv") && !$0.hasSuffix(".jsonl") && $0 != "README.md" }.sorted()
    }()

    /// Units and skipped regions as `turns -f jsonl --show-skipped` prints them, the file
    /// named by its base name.
    static func listing(_ transcript: Transcript, name: String) -> String {
        let text = String(decoding: UnitListing.jsonLines(transcript.units) + UnitListing.jsonLines(skipped: transcript.skipped), as: UTF8.self)
        return text.replacingOccurrences(of: "\"file\":\(jsonString(transcript.file))", with: "\"file\":\(jsonString(name))")
    }

    static func jsonString(_ text: String) -> String {
        var json = JSONText()
        json.string(text)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    @Test("there are layout fixtures for every kind the README names")
    func enoughFixtures() {
        #expect(Self.fixtures.count >= 25)
        for ext in ["md", "txt", "srt", "vtt"] { #expect(Self.fixtures.contains { $0.hasSuffix(".\(ext)") }, "no .\(ext) fixture") }
    }

    @Test("each layout reads as its golden file says (GLOSSGRAPH_RECORD=1 records them anew)", arguments: fixtures)
    func golden(_ name: String) throws {
        let path = Self.folder.appendingPathComponent(name).path
        let transcript = try TranscriptReader.read(contentsOf: path)
        let actual = Self.listing(transcript, name: name)
        let golden = Self.folder.appendingPathComponent((name as NSString).deletingPathExtension + ".golden.jsonl")
        if ProcessInfo.processInfo.environment["GLOSSGRAPH_RECORD"] == "1" {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(actual == expected, "\(name) reads differently from its golden file")
    }

    /// A row of a fixture's `.expected.tsv`, written by hand before any reader ran on it.
    struct ExpectedRow {
        var kind: String
        var speaker: String
        var lines: ClosedRange<Int>
        var firstWords: String
    }

    static func expectedRows(_ name: String) throws -> [ExpectedRow] {
        let path = folder.appendingPathComponent((name as NSString).deletingPathExtension + ".expected.tsv")
        return try String(contentsOf: path, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst()
            .map { line in
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                return ExpectedRow(kind: cells[0], speaker: cells[1], lines: Int(cells[2])!...Int(cells[3])!, firstWords: cells[4])
            }
    }

    @Test("every unit a person expects is read, with its speaker and lines, or its lines are skipped with a reason", arguments: fixtures)
    func humanExpectations(_ name: String) throws {
        let transcript = try TranscriptReader.read(contentsOf: Self.folder.appendingPathComponent(name).path)
        let skipped = transcript.skipped
        for row in try Self.expectedRows(name) where row.kind != "skip" {
            // A label alone on its line opens the turn: the unit may start a line or two early.
            let unit = transcript.units.first {
                ($0.speaker ?? "") == row.speaker && $0.lineEnd == row.lines.upperBound
                    && (row.lines.lowerBound - 2...row.lines.lowerBound).contains($0.lineStart)
            }
            // Editor's notes and the text before the first label are skipped by rule (see the
            // README's Transcript formats); then the rows' lines must be in such a region.
            let accounted = unit != nil
                || (row.kind == "paragraph" && skipped.contains { [.note, .preamble].contains($0.reason) && $0.lines.contains(row.lines.lowerBound) })
            #expect(accounted, "\(name): no unit for \(row.kind) '\(row.speaker)' at lines \(row.lines) ('\(row.firstWords)')")
            if let unit, row.firstWords.count >= 4 {
                let start = String(row.firstWords.prefix(4)).replacingOccurrences(of: " ", with: "")
                #expect(unit.text.replacingOccurrences(of: " ", with: "").contains(start), "\(name): unit at \(row.lines) reads '\(unit.text.prefix(20))'")
            }
        }
        // What a person skips (a title, show notes, credits) is no speaker's words: skipped, or
        // at most a paragraph of nobody's.
        for row in try Self.expectedRows(name) where row.kind == "skip" {
            let turn = transcript.units.first { $0.speaker != nil && ($0.lineStart...$0.lineEnd).contains(row.lines.lowerBound) }
            #expect(turn == nil, "\(name): line \(row.lines.lowerBound) ('\(row.firstWords)') is read as \(turn?.speaker ?? "")'s words")
        }
    }

    /// Every non-blank line of `path` is in exactly one unit (its label line or a line its
    /// text comes from) or one skipped region.
    static func checkCoverage(_ path: String, options: ReadingOptions = ReadingOptions()) throws {
        let transcript = try TranscriptReader.read(contentsOf: path, options: options)
        let text = String(decoding: try FileReading.bytes(ofFile: path), as: UTF8.self)
            .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}\u{200E}\u{200F}")))
        }
        var owners = [Int](repeating: 0, count: lines.count + 2)
        // A line is in one unit, or in several that each hold a part of it and nothing more
        // (two subtitle voices on one line).
        var unitsOfLine: [Int: [Int]] = [:]
        for unit in transcript.units {
            for line in Set([unit.lineStart] + unit.segments.map(\.line)) {
                guard (1...lines.count).contains(line) else {
                    Issue.record("\(path): unit \(unit.index) names line \(line), past the file's \(lines.count) lines")
                    continue
                }
                unitsOfLine[line, default: []].append(unit.index)
            }
        }
        for (line, units) in unitsOfLine {
            let pieces = units.allSatisfy { index in transcript.units.first { $0.index == index }.map { $0.lineStart == line && $0.lineEnd == line } ?? false }
            owners[line] += units.count == 1 || pieces ? 1 : units.count
        }
        for region in transcript.skipped {
            for line in region.lines where line <= lines.count && !lines[line - 1].isEmpty { owners[line] += 1 }
        }
        for (offset, line) in lines.enumerated() where !line.isEmpty {
            #expect(owners[offset + 1] == 1, "\(path):\(offset + 1) is in \(owners[offset + 1]) units and skipped regions: '\(line.prefix(30))'")
        }
    }

    @Test("units and skipped regions cover every non-blank line exactly once", arguments: fixtures)
    func coverage(_ name: String) throws {
        try Self.checkCoverage(Self.folder.appendingPathComponent(name).path)
        try Self.checkCoverage(Self.folder.appendingPathComponent(name).path, options: ReadingOptions(keepNotes: true))
    }

    @Test("the reading fixtures and the shared transcript are covered too")
    func coverageElsewhere() throws {
        let reading = TestPaths.repositoryRoot.appendingPathComponent("Tests/GlossGraphTests/Fixtures/reading")
        for name in try FileManager.default.contentsOfDirectory(atPath: reading.path) where !name.hasSuffix(".map") {
            try Self.checkCoverage(reading.appendingPathComponent(name).path)
        }
        try Self.checkCoverage(TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path)
        if TestPaths.hasSharedCorpus { try Self.checkCoverage(TestPaths.sharedTranscript) }
    }
}
