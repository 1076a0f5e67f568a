import Foundation
import Testing

@testable import GlossGraph
@testable import GlossGraphText

/// What users of rg, jq, diff and Graphviz expect of a command line, and the bugs a close
/// reading of the old command line found (issue 14), each run through the real binary.
@Suite("Command-line conventions")
struct ConventionsTests {
    static let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/scaling-and-safety.md").path

    @Test("- reads standard input, and so does no file argument with input piped in", arguments: ["turns", "extract", "discover", "consistency", "map"])
    func standardInput(_ command: String) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try Data(contentsOf: URL(fileURLWithPath: Self.example))
        let extra = command == "map" ? ["-o", folder.appendingPathComponent("map").path, "--render", "none"] : []
        let fromFile = try CLI.run([command, Self.example] + extra)
        let dash = try CLI.run([command, "-"] + extra, input: text)
        let piped = try CLI.run([command] + extra, input: text)
        #expect(dash.status == fromFile.status, "\(dash.stderr)")
        #expect(piped.status == fromFile.status, "\(piped.stderr)")
        // The same units and concepts; only the file's name differs.
        let named = fromFile.stdout.replacingOccurrences(of: Self.example, with: "-")
        if command != "map" {
            #expect(dash.stdout == named)
            #expect(piped.stdout == named)
        } else {
            #expect(dash.stdout.hasPrefix(String(fromFile.stdout.prefix(60))))
        }
    }

    @Test("a command with nothing to read is a usage error with its own usage line")
    func usageErrors() throws {
        for command in ["turns", "extract", "consistency", "count"] {
            let result = try CLI.run([command] + (command == "count" ? ["-o", "-"] : []))
            #expect(result.status == 64, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("Usage: glossgraph \(command)"), "\(command): \(result.stderr)")
        }
    }

    /// trial59: `glossgraph trun FILE` said "2 unexpected arguments", where `--discovr` gets
    /// a suggestion.
    @Test("a mistyped command names the closest one; a file given without a command does not")
    func mistypedCommand() throws {
        for (typed, meant) in [("trun", "turns"), ("mapp", "map"), ("dicsover", "discover"), ("lookpu", "lookup")] {
            let result = try CLI.run([typed, "notes.md"])
            #expect(result.status == 64, "\(typed): \(result.stderr)")
            #expect(result.stderr.hasPrefix("Error: Unknown command '\(typed)'. Did you mean '\(meant)'?\nUsage: glossgraph <subcommand>"), "\(typed): \(result.stderr)")
        }
        let file = try CLI.run(["notes.md"])
        #expect(file.status == 64 && !file.stderr.contains("Did you mean"), "\(file.stderr)")
        #expect(try CLI.run(["help"]).status == 0)
    }

    @Test("-j is --jobs; lookup --format json (and --json); consistency exits 1 with findings; benchmark is not a user command")
    func spellings() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["map", Self.example, "-j", "1", "-o", folder.path, "--render", "none"]).status == 0)
        let json = try CLI.run(["lookup", "RSP", "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdout == (try CLI.run(["lookup", "RSP", "--json"])).stdout)
        #expect(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) is [Any])
        #expect(try CLI.run(["consistency", TestPaths.fixture("consistency/drift.md")]).status == 1)
        #expect(try CLI.run(["consistency", TestPaths.fixture("consistency/clean.md")]).status == 0)
        #expect(try CLI.run(["turns", "-f", "table", Self.example]).stdout == (try CLI.run(["turns", "-f", "text", Self.example])).stdout)
        #expect(try CLI.run(["benchmark", "graphml", "-o", folder.appendingPathComponent("b.graphml").path]).status == 64)
    }

    /// A trial's talk listed its first turn, read as a part of its own, with a speaker column
    /// narrower than the rest.
    @Test("turns lines up its columns across the parts it lists as it reads")
    func turnsColumnsLineUp() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let turns = (1...6).map { "**Maria Chen：** 第\($0)段回答。\n\n**Maria Chen：** 补充一点。\n\n**刘畅：** 明白了。\n" }.joined(separator: "\n")
        let file = folder.appendingPathComponent("talk.md")
        try Data(("# 标题：一次访谈\n\n> 本文根据一次演讲整理。\n\n**主持人（刘畅）：** 欢迎大家回来。\n\n" + turns).utf8).write(to: file)
        let rows = try CLI.run(["turns", file.path]).stdout.split(separator: "\n").filter { $0.hasPrefix("  ") }
        // Where the source lines start, in terminal columns (a CJK character takes two).
        let columns = Set(rows.compactMap { row in
            row.range(of: #"  [0-9]+-[0-9]+ "#, options: .regularExpression).map { TerminalText.displayWidth(String(row[..<$0.lowerBound])) }
        })
        #expect(rows.count == 19 && columns.count == 1, "\(rows)")
    }

    @Test("a bad --layout is refused before any work, and a run that fails late leaves a folder the next run can use")
    func failedRunsDoNotLockTheFolder() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        let bogus = try CLI.run(["map", Self.example, "--layout", "bogus", "-o", output.path, "-f", "dot"])
        #expect(bogus.status == 64, "\(bogus.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("concept-map.dot").path))
        // Rendering fails once the DOT is written (no Graphviz on PATH) …
        let failed = try CLI.run(["map", Self.example, "-o", output.path, "-f", "dot", "--render", "png"], environment: ["PATH": folder.path])
        #expect(failed.status == 73)
        // … and the next run overwrites what the failed run wrote.
        let next = try CLI.run(["map", Self.example, "-o", output.path, "-f", "dot", "--render", "none"])
        #expect(next.status == 0, "\(next.stderr)")
        // A run refused for its input leaves no folder it made (trial60 found one holding only
        // the lock), and leaves a folder that was there.
        let empty = folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let made = folder.appendingPathComponent("made")
        let refused = try CLI.run(["map", empty.path, "-o", made.path])
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: made.path))
        let kept = folder.appendingPathComponent("kept")
        try FileManager.default.createDirectory(at: kept, withIntermediateDirectories: false)
        #expect(try CLI.run(["map", empty.path, "-o", kept.path]).status == 65)
        #expect(FileManager.default.fileExists(atPath: kept.path))
    }

    @Test("-f csv -o - is refused: CSV is two tables")
    func csvToStandardOutput() throws {
        let result = try CLI.run(["map", Self.example, "-f", "csv", "-o", "-"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("CSV is two tables"))
        #expect(result.stdout.isEmpty)
    }

    @Test(
        "node-link JSON writes every double attribute as a float, so NetworkX re-exports one GraphML key per attribute",
        .enabled(if: TestPaths.hasNetworkX, "python3 cannot import networkx (Scripts/install-deps --test installs it); skipping"))
    func doublesStayDoubles() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["map", Self.example, "-f", "json", "-o", "-"])
        #expect(result.status == 0)
        let json = folder.appendingPathComponent("map.json")
        try Data(result.stdout.utf8).write(to: json)
        let check = try python(
            """
            import sys, json
            data = json.load(open(sys.argv[1]))
            doubles = {'weighted_degree', 'pagerank', 'betweenness', 'weight', 'jaccard', 'dice', 'npmi', 'association'}
            bad = [(k, v) for row in data['nodes'] + data['edges'] for k, v in row.items() if k in doubles and not isinstance(v, float)]
            print(len(bad), bad[:3])
            """, [json.path])
        #expect(check.stdout.hasPrefix("0 "), "\(check.stdout)")
        let reexport = try python(
            """
            import sys, io, json, networkx as nx
            G = nx.node_link_graph(json.load(open(sys.argv[1])), edges='edges')
            out = io.BytesIO(); nx.write_graphml(G, out)
            text = out.getvalue().decode()
            print(text.count('attr.name="jaccard"'), text.count('attr.name="betweenness"'))
            """, [json.path])
        #expect(reexport.stdout == "1 1\n", "\(reexport.stdout)")
    }

    @Test("the node count attribute is named units, whatever the unit is")
    func unitsAttribute() throws {
        let result = try CLI.run(["map", Self.example, "--unit", "sentence", "-f", "json", "-o", "-"])
        let object = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        #expect(!nodes.isEmpty && nodes.allSatisfy { $0["units"] is Int && $0["turns"] == nil })
        #expect((object["graph"] as? [String: Any])?["unit"] as? String == "sentence")
        let dot = try CLI.run(["map", Self.example, "-f", "dot", "-o", "-"])
        #expect(dot.stdout.contains(" units, ") && !dot.stdout.contains(" turns, "))
    }

    @Test("exports are byte-identical between two processes (each with its own hash seed)")
    func deterministicAcrossProcesses() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for run in ["a", "b"] {
            let result = try CLI.run(["map", Self.example, "--yed", "--render", "none", "-o", folder.appendingPathComponent(run).path])
            #expect(result.status == 0)
        }
        for name in MapCommandTests.exportNames {
            let a = try Data(contentsOf: folder.appendingPathComponent("a/\(name)"))
            #expect(a == (try Data(contentsOf: folder.appendingPathComponent("b/\(name)"))), "\(name) differs between processes")
        }
    }
}
