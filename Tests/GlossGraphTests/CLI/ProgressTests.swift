import Foundation
import Testing

@Suite("Progress on long runs")
struct ProgressTests {
    /// A 40 MB transcript: the example interview, repeated.
    static func largeInput(in folder: URL) throws -> String {
        let example = try Data(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md"))
        var data = Data()
        while data.count < 40_000_000 { data.append(example) }
        let file = folder.appendingPathComponent("large.md")
        try data.write(to: file)
        return file.path
    }

    @Test("on a terminal, a progress line shows and is erased; piped or --quiet, nothing", .timeLimit(.minutes(15)))
    func progressLine() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.largeInput(in: folder)
        let command = "\(TestPaths.binary) map --render none -f dot --jobs 1 -o \(folder.path)/out \(input)"
        // `script` gives the command a terminal; its output is what the terminal showed.
        let terminal = try runTool(["script", "-qec", command, "/dev/null"])
        #expect(terminal.status == 0)
        #expect(terminal.stdout.contains(" MB/s "))
        #expect(terminal.stdout.contains(" s left"))
        let lastErase = try #require(terminal.stdout.range(of: "\r\u{1B}[K", options: .backwards))
        #expect(terminal.stdout[lastErase.upperBound...].contains("units (turn)"))
        #expect(!terminal.stdout[lastErase.upperBound...].contains(" s left"))

        let quiet = try runTool(["script", "-qec", command + " --quiet --force", "/dev/null"])
        #expect(quiet.status == 0)
        #expect(!quiet.stdout.contains(" s left"))
        let piped = try CLI.run(["map", "--render", "none", "-f", "dot", "--force", "-o", "\(folder.path)/out", input])
        #expect(piped.status == 0)
        // No progress line; what reading noticed (the skipped preamble) is all it says.
        #expect(!piped.stderr.contains("\r") && !piped.stderr.contains(" s left"))
        #expect(piped.stderr.split(separator: "\n").allSatisfy { $0.contains(": note: ") })
    }

    /// A glossary of 2,100 concepts (`g.tsv`) and a transcript whose turns name three in a
    /// row (`chain.md`): one chain of links.
    static func writeChain(in folder: URL) throws {
        let count = 2_100
        let name = { (index: Int) in String(format: "kx%04d", index) }
        var glossary = "id\tcategory\tzh\ten\tabbr\tzh_variants\ten_variants\tdeprecated\tnote\n"
        for index in 0..<count { glossary += "c\(index)\tthing\t词\(index)\t\(name(index))\t\t\t\t\t\n" }
        try glossary.write(to: folder.appendingPathComponent("g.tsv"), atomically: true, encoding: .utf8)
        var transcript = ""
        for index in 0..<(count - 2) { transcript += "**甲：** \(name(index)) \(name(index + 1)) \(name(index + 2))。\n" }
        try transcript.write(to: folder.appendingPathComponent("chain.md"), atomically: true, encoding: .utf8)
    }

    /// Before, Graphviz laid out a 30,000-concept map for minutes without end, silently (and
    /// 990 concepts for 8 minutes).
    @Test("a map too large for Graphviz to lay out soon is not drawn, with a notice; its exports are written")
    func largeMapNotDrawn() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writeChain(in: folder)
        let result = try CLI.run(
            ["map", "--all-concepts", "--all-links", "--min-frequency", "1", "--min-pair-count", "1", "--glossary", "g.tsv", "-o", "out", "chain.md"], in: folder)
        #expect(result.status == 0 && result.stderr.contains("so it is not drawn"), "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
        #expect(files.contains("concept-map.graphml") && !files.contains("concept-map.svg"), "\(files)")
        // Nor is the page, past a browser's reach (a helper's 5,000-concept map made 793 MB).
        #expect(!files.contains("concept-map.html") && result.stderr.contains("more than the page (concept-map.html) shows"), "\(result.stderr)")
    }

    @Test("on a terminal, estimating betweenness on a graph of over 2,000 concepts shows its progress; --quiet shows none", .timeLimit(.minutes(15)))
    func measuringProgress() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writeChain(in: folder)
        let command = "\(TestPaths.binary) map --render none -f graphml --all-concepts --all-links --min-frequency 1 --min-pair-count 1 --glossary \(folder.path)/g.tsv -o \(folder.path)/out \(folder.path)/chain.md"
        let terminal = try runTool(["script", "-qec", command, "/dev/null"])
        #expect(terminal.status == 0, "\(terminal.stdout)")
        #expect(terminal.stdout.contains("betweenness, estimated: 0 / 1000 source nodes"), "\(terminal.stdout.prefix(500))")
        let lastErase = try #require(terminal.stdout.range(of: "\r\u{1B}[K", options: .backwards))
        #expect(terminal.stdout[lastErase.upperBound...].contains("the map has 2100 concepts"))
        let graphML = try String(contentsOf: folder.appendingPathComponent("out/concept-map.graphml"), encoding: .utf8)
        #expect(graphML.contains("from 1000 of 2100 nodes as sources"))
        let quiet = try runTool(["script", "-qec", command + " --quiet --force", "/dev/null"])
        #expect(quiet.status == 0 && !quiet.stdout.contains("betweenness, estimated"))
    }
}
