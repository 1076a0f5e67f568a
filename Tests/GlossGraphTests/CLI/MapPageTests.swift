import Foundation
import Testing

@testable import GlossGraphExport

/// `concept-map.html`, read as bytes and driven in a real Chromium by Selenium.
@Suite("the interactive map page")
struct MapPageTests {
    static let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path

    /// Whether python3 has Selenium and Debian's chromium and chromium-driver are installed
    /// (`Scripts/install-deps --test` installs them).
    static let hasBrowser: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") else { return false }
        return (try? TestPaths.python("import selenium; print('yes')")) == "yes\n"
    }()

    /// A transcript whose turns try to break out of the page. Reading drops markup but decodes
    /// entities, so `&lt;/script&gt;` reaches the unit's text as `</script>`: closing and
    /// opening script tags, an event handler, quotes, U+2028 and U+2029. It names RSP and
    /// ASL-3 in two turns, so both are on the map, linked, with passages.
    static let hostileTranscript = """
        **甲：** 负责任扩展策略（RSP）&lt;/script&gt;&lt;script&gt;window.pwned = 1&lt;/script&gt; 和 ASL-3 "引号" 'quote' &lt;img src=x onerror="window.pwned = 2"&gt;\u{2028}下一行\u{2029}。

        **乙：** RSP 与 ASL-3 &lt;!-- comment --&gt; &lt;/script&gt;&lt;script&gt;window.pwned = 3&lt;/script&gt; ]]&gt; &amp;amp; \\u003c/script\\u003e。

        """

    static func writePage(_ input: String, into folder: URL) throws -> String {
        let result = try CLI.run(["map", "--render", "none", "-f", "html", "-o", folder.path, input])
        try #require(result.status == 0, "\(result.stderr)")
        return folder.appendingPathComponent("concept-map.html").path
    }

    /// Runs the Selenium checks and returns their report; the screenshots stay in
    /// `$TMPDIR/glossgraph-browser-screenshots`.
    static func drive(_ page: String, mode: String, name: String) throws -> CommandResult {
        let shots = FileManager.default.temporaryDirectory.appendingPathComponent("glossgraph-browser-screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestPaths.fixture("browser/concept_map_check.py"), page, mode, shots.appendingPathComponent(name).path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: text, stderr: "")
    }

    @Test("the page is one file that fetches nothing, small, with passages bounded per concept and per link")
    func selfContained() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var inputs = [Self.example]
        if TestPaths.hasSharedCorpus { inputs.append(TestPaths.sharedTranscript) }
        for input in inputs {
            let page = try String(contentsOfFile: try Self.writePage(input, into: folder), encoding: .utf8)
            #expect(page.utf8.count < 1_500_000, "\(page.utf8.count) bytes")
            #expect(page.contains("Content-Security-Policy\" content=\"default-src 'none'"))
            #expect(page.firstMatch(of: /(src|href)\s*=/) == nil)
            let start = try #require(page.range(of: "<script type=\"application/json\" id=\"map-data\">"))
            let end = try #require(page[start.upperBound...].range(of: "</script>"))
            let data = try #require(JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
            let nodes = try #require(data["nodes"] as? [[String: Any]])
            let links = try #require(data["links"] as? [[String: Any]])
            #expect(nodes.allSatisfy { ($0["evidence"] as? [Any])?.count ?? 99 <= 6 })
            #expect(links.allSatisfy { ($0["evidence"] as? [Any])?.count ?? 99 <= 4 })
            #expect(nodes.allSatisfy { !(($0["evidence"] as? [Any]) ?? []).isEmpty }, "every concept on the map has a passage")
        }
    }

    @Test("a transcript's markup reaches the page only as escaped JSON: no tag of it ends the data")
    func hostileEscaped() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("hostile.md")
        try Data(Self.hostileTranscript.utf8).write(to: transcript)
        let page = try String(contentsOfFile: try Self.writePage(transcript.path, into: folder), encoding: .utf8)
        // The template's own two script elements end; nothing else does.
        #expect(page.components(separatedBy: "</script>").count == 3)
        #expect(!page.contains("<script>window") && !page.contains("<img"))
        #expect(!page.contains("\u{2028}") && !page.contains("\u{2029}"))
        #expect(page.contains("\\u003c/script\\u003e\\u003cscript\\u003ewindow.pwned = 1"))
        #expect(page.contains("\\u2028") && page.contains("\\u2029"))
    }

    /// Before, the closest pair of a link's mentions was sought among all pairs: a 5 MB line
    /// naming two concepts thousands of times took 54 s to make the page (0.17 s at 4 MB).
    @Test("a unit naming two linked concepts thousands of times makes its page in linear time", .timeLimit(.minutes(15)))
    func longUnitPage() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var line = "**甲：** "
        while line.utf8.count < 6_000_000 { line += "负责任扩展策略要求在 ASL-3 之前做好防护，规模定律也说明了这一点。" }
        let transcript = folder.appendingPathComponent("long.md")
        try Data((line + "\n\n**乙：** RSP 和 ASL-3 都提到了规模定律。\n").utf8).write(to: transcript)
        let page = try String(contentsOfFile: try Self.writePage(transcript.path, into: folder), encoding: .utf8)
        #expect(page.contains("\"evidence\":[{\"file\""))
    }

    @Test(
        "in Chromium: search RSP, open its card, read a link's passages, move the weight slider, switch labels, filter",
        .enabled(if: hasBrowser, "chromium, chromium-driver or Selenium is missing (Scripts/install-deps --test installs them); skipping"))
    func readerChecks() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var inputs = [("example", Self.example)]
        if TestPaths.hasSharedCorpus { inputs.append(("shared", TestPaths.sharedTranscript)) }
        for (name, input) in inputs {
            let page = try Self.writePage(input, into: folder.appendingPathComponent(name))
            let report = try Self.drive(page, mode: "map", name: name)
            #expect(report.status == 0, "\(name):\n\(report.stdout)")
            #expect(report.stdout.contains("ok no console error"), "\(name):\n\(report.stdout)")
        }
    }

    @Test(
        "in Chromium: a page made from a hostile transcript runs none of its script and logs no error",
        .enabled(if: hasBrowser, "chromium, chromium-driver or Selenium is missing (Scripts/install-deps --test installs them); skipping"))
    func hostileInBrowser() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("hostile.md")
        try Data(Self.hostileTranscript.utf8).write(to: transcript)
        let report = try Self.drive(try Self.writePage(transcript.path, into: folder), mode: "hostile", name: "hostile")
        #expect(report.status == 0, "\(report.stdout)")
        #expect(report.stdout.contains("ok no script from the transcript ran"), "\(report.stdout)")
    }
}
