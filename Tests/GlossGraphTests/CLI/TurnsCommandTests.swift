import Foundation
import Testing

@Suite("glossgraph turns, run as a user runs it")
struct TurnsCommandTests {
    @Test("JSON Lines output has one object per turn with the documented fields")
    func jsonLinesOutput() throws {
        let path = TestPaths.fixture("reading/wechat.md")
        let result = try CLI.run(["turns", "--format", "jsonl", path, "--speaker", "主持人=Host Lin"])
        #expect(result.status == 0)
        // The fixture is mostly preamble, which reading says it skipped.
        #expect(result.stderr.hasSuffix("lists them\n") && result.stderr.contains("non-blank lines are not read as speech: lines "))
        let rows = try jsonLines(result.stdout)
        #expect(rows.count == 6)
        let first = try #require(rows.first)
        #expect(Set(first.keys) == ["file", "turn", "speaker", "line_start", "line_end", "text"])
        #expect(first["file"] as? String == path)
        #expect(first["turn"] as? Int == 1)
        #expect(first["speaker"] as? String == "Host Lin")
        #expect(first["line_start"] as? Int == 14)
        #expect(first["line_end"] as? Int == 21)
        #expect(rows[1]["speaker"] as? String == "嘉宾")
    }

    @Test("the table lists index, speaker, lines and the start of the text")
    func tableOutput() throws {
        let result = try CLI.run(["turns", TestPaths.fixture("reading/labeled.txt")])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[1].hasPrefix("   1  Alice  1-3"))
        #expect(lines[1].contains("We start with scaling laws."))
        #expect(lines[2].hasPrefix("   2  Bob    4-4"))
        #expect(result.stderr.contains("4 units from 1 file, 2 speakers"))
    }

    @Test("several files and folders in one call; each unit knows its file")
    func severalInputs() throws {
        let result = try CLI.run([
            "turns", "-f", "jsonl", TestPaths.fixture("reading/labeled.txt"), TestPaths.fixture("reading/subtitles.vtt"),
        ])
        #expect(result.status == 0)
        let files = try jsonLines(result.stdout).map { ($0["file"] as? String ?? "").split(separator: "/").last! }
        #expect(files == ["labeled.txt", "labeled.txt", "labeled.txt", "labeled.txt", "subtitles.vtt", "subtitles.vtt", "subtitles.vtt", "subtitles.vtt", "subtitles.vtt"])
    }

    struct BadInput: Sendable, CustomTestStringConvertible {
        var name: String
        var contents: [UInt8]?
        var arguments: [String] = []
        var status: Int32
        var message: String
        var testDescription: String { name }
    }

    static let badInputs: [BadInput] = [
        BadInput(name: "missing file", contents: nil, status: 66, message: "error: cannot open 'FILE': no such file"),
        BadInput(name: "empty file", contents: [], status: 65, message: "FILE: error: the file is empty"),
        BadInput(name: "blank file", contents: Array("\n \n".utf8), status: 65, message: "FILE: error: the file has no text (only white space)"),
        BadInput(
            name: "invalid UTF-8", contents: Array("**甲：** 好\n**乙：** ".utf8) + [0xFE] + Array("\n".utf8), status: 65,
            message:
                "FILE:2: error: invalid UTF-8 at byte offset 26; save the file as UTF-8, name its encoding with --encoding NAME (gb18030, big5), or pass --replace-invalid to read bad bytes as U+FFFD"
        ),
        BadInput(
            name: "only images", contents: Array("![](https://example.com/a.png)\n".utf8), status: 65,
            message: "FILE: error: no speech found when read as paragraphs: every paragraph is empty once markup is removed"),
        BadInput(
            name: "forced format that does not fit", contents: Array("just prose\n".utf8), arguments: ["--input-format", "srt"],
            status: 65, message: "FILE: error: no speech found when read as srt: no cue with a timing line (00:00:01,000 --> 00:00:02,000) and text"),
        // WebVTT writes its times with a full stop (trial63 was shown SRT's comma).
        BadInput(
            name: "forced WebVTT that does not fit", contents: Array("just prose\n".utf8), arguments: ["--input-format", "vtt"],
            status: 65, message: "FILE: error: no speech found when read as vtt: no cue with a timing line (00:00:01.000 --> 00:00:02.000) and text"),
        BadInput(
            name: "speaker mapping without =", contents: Array("A: x\nA: y\n".utf8), arguments: ["--speaker", "甲"],
            status: 65, message: "--speaker: error: speaker mapping '甲' has no '='; write it as LABEL=NAME, e.g. 莱克斯=Lex Fridman"),
        BadInput(
            name: "unknown input format", contents: Array("A: x\n".utf8), arguments: ["--input-format", "docx"], status: 64,
            message: "The value 'docx' is invalid for '--input-format <input-format>'"),
    ]

    @Test("bad input gives a clear message and the documented exit status", arguments: badInputs)
    func badInput(_ input: BadInput) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("input.md").path
        if let contents = input.contents {
            _ = FileManager.default.createFile(atPath: file, contents: Data(contents))
        }
        let result = try CLI.run(["turns"] + input.arguments + [file])
        #expect(result.status == input.status)
        #expect(result.stdout == "")
        #expect(result.stderr.contains(input.message.replacingOccurrences(of: "FILE", with: file)), "\(result.stderr)")
    }

    @Test("a folder with no transcripts, and a folder named as a speaker map, are input errors")
    func folders() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = try CLI.run(["turns", folder.path])
        #expect(empty.status == 66)
        #expect(empty.stderr.contains("error: folder '\(folder.path)' holds no transcript files (.md, .txt, .srt, .vtt, .ass, .ssa)"))
        let mapIsFolder = try CLI.run(["turns", "--speaker-map", folder.path, TestPaths.fixture("reading/labeled.txt")])
        #expect(mapIsFolder.status == 66)
        #expect(mapIsFolder.stderr.contains("error: '\(folder.path)' is a folder, not a file"))
    }

    @Test("--replace-invalid reads bad bytes with a warning")
    func replaceInvalid() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.txt").path
        let bytes = Array("A: x".utf8) + [0xFF] + Array("\nB: y\nA: z\nB: w\n".utf8)
        _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
        let result = try CLI.run(["turns", "-f", "jsonl", "--replace-invalid", file])
        #expect(result.status == 0)
        #expect(result.stderr.contains("\(file):1: note: replaced 1 invalid UTF-8 sequence with U+FFFD"))
        #expect(try jsonLines(result.stdout).map { $0["text"] as? String } == ["x\u{FFFD}", "y", "z", "w"])
    }

    @Test("a Big5 transcript: the error says to give --encoding big5, and with it every command reads it as its UTF-8 copy")
    func big5Transcript() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "【杯測筆記】風味輪（flavor wheel）與杯測表\n\n"
            + "阿明：今天來聊咖啡杯測，也就是 cupping，還有風味輪。\n小華：杯測要先聞乾香，再破渣聞濕香。\n"
            + "阿明：風味輪上的酸質怎麼分？\n小華：大致分成檸檬酸、蘋果酸和醋酸，杯測表上會分開記分。\n"
        let big5 = try #require(text.data(using: String.Encoding(rawValue: 0x8000_0A03)))
        try big5.write(to: folder.appendingPathComponent("cupping.txt"))
        try Data(text.utf8).write(to: folder.appendingPathComponent("utf8.txt"))
        let refused = try CLI.run(["turns", "cupping.txt"], in: folder)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("(uchardet reads it as big5 text); save the file as UTF-8, name its encoding with --encoding big5,"), "\(refused.stderr)")
        let read = try CLI.run(["turns", "-f", "jsonl", "--encoding", "big5", "cupping.txt"], in: folder)
        #expect(read.status == 0, "\(read.stderr)")
        #expect(try jsonLines(read.stdout).map { $0["speaker"] as? String } == ["阿明", "小華", "阿明", "小華"])
        // Discovery reads the title before the first label from the file again, and the map
        // tells Traditional text by its first bytes: both in the encoding given (trial66 got
        // junk names from the undecoded title, and a map in Simplified labels).
        let discover = try CLI.run(["discover", "--no-glossary", "--format", "json", "--encoding", "big5", "cupping.txt"], in: folder)
        let fromUTF8 = try CLI.run(["discover", "--no-glossary", "--format", "json", "utf8.txt"], in: folder)
        #expect(discover.status == 0 && discover.stdout.contains("flavor wheel"), "\(discover.stdout) \(discover.stderr)")
        #expect(discover.stdout.replacingOccurrences(of: "cupping.txt", with: "utf8.txt") == fromUTF8.stdout)
        let map = try CLI.run(["map", "--encoding", "big5", "--render", "none", "--format", "json", "-o", "map", "cupping.txt"], in: folder)
        #expect(map.status == 0 && map.stderr.contains("written in Traditional characters"), "\(map.stderr)")
    }
}
