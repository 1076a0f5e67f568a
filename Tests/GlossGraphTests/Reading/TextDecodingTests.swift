import Foundation
import Testing

@testable import GlossGraph
@testable import GlossGraphReading
@testable import GlossGraphText

@Suite("Encodings and line ends")
struct TextDecodingTests {
    static let sample = "**甲：** 你好\n**乙：** Hello\n**甲：** 再见\n"

    static func read(_ bytes: [UInt8], replaceInvalid: Bool = false) throws -> Transcript {
        try TranscriptReader.read(bytes: bytes, file: "sample.md", options: ReadingOptions(replaceInvalid: replaceInvalid))
    }

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }

    @Test(
        "every supported encoding and line end gives the same turns",
        arguments: [
            ("UTF-8", Array(sample.utf8)),
            ("UTF-8 with BOM", [0xEF, 0xBB, 0xBF] + Array(sample.utf8)),
            ("CRLF", Array(sample.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
            ("CR", Array(sample.replacingOccurrences(of: "\n", with: "\r").utf8)),
            ("UTF-16LE", utf16(sample, bigEndian: false)),
            ("UTF-16BE", utf16(sample, bigEndian: true)),
        ])
    func encodings(_ name: String, _ bytes: [UInt8]) throws {
        let transcript = try Self.read(bytes)
        #expect(transcript.units.map(\.text) == ["你好", "Hello", "再见"], "\(name)")
        #expect(transcript.units.map(\.lineStart) == [1, 2, 3], "\(name)")
    }

    @Test("invalid UTF-8 is an error naming the byte offset and line")
    func invalidUTF8() throws {
        var bytes = Array("**甲：** 你好\n**乙：** ok\n".utf8)
        let offset = bytes.count - 3
        bytes.insert(0xFF, at: offset)
        let error = try #require(throws: GlossGraphError.self) { try Self.read(bytes) }
        #expect(error.status == .dataError)
        #expect(error.location == SourceLocation(file: "sample.md", line: 2))
        #expect(error.message.hasPrefix("invalid UTF-8 at byte offset \(offset);"))
        #expect(error.description.hasPrefix("sample.md:2: error: invalid UTF-8"))
    }

    /// Foundation's names for the two legacy encodings of Chinese text (CFStringEncoding
    /// kCFStringEncodingGB_18030_2000 and kCFStringEncodingBig5, as NSStringEncoding values).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632), big5 = String.Encoding(rawValue: 0x8000_0A03)

    /// Before, a transcript saved as GB18030 or Big5 was only "invalid UTF-8 at byte offset 2"
    /// with no way to read it but converting it first.
    @Test("a transcript in GB18030 or Big5: the error names the encoding it reads as, and it is read when the encoding is given")
    func legacyChineseEncodings() throws {
        let simplified = "**主持人：** 欢迎收听本期节目，今天我们请到一位做园艺的朋友。\n**嘉宾：** 谢谢邀请，我平时主要研究土壤改良和堆肥。\n"
            + "**主持人：** 堆肥需要注意什么问题？\n**嘉宾：** 最重要的是碳氮比，还有湿度和翻堆的频率。\n"
        let traditional = "**主持人：** 歡迎收聽本期節目，今天我們請到一位做園藝的朋友。\n**來賓：** 謝謝邀請，我平常主要研究土壤改良和堆肥。\n"
            + "**主持人：** 堆肥需要注意什麼問題？\n**來賓：** 最重要的是碳氮比，還有濕度和翻堆的頻率。\n"
        // Traditional text saved as GB18030 is GB18030: the characters do not decide it.
        for (text, encoding, name) in [(simplified, Self.gb18030, "gb18030"), (traditional, Self.big5, "big5"), (traditional, Self.gb18030, "gb18030")] {
            let bytes = try #require(text.data(using: encoding)).map { $0 }
            let error = try #require(throws: GlossGraphError.self) { try Self.read(bytes) }
            #expect(error.message.hasPrefix("invalid UTF-8 at byte offset 2 (uchardet reads it as \(name) text);"), "\(error)")
            let read = try TranscriptReader.read(bytes: bytes, file: "sample.md", options: ReadingOptions(encoding: name))
            #expect(read.units.map(\.text) == (try Self.read(Array(text.utf8))).units.map(\.text))
            #expect(read.units.count == 4 && read.units.allSatisfy { $0.speaker != nil })
        }
        // Latin-1 is no Chinese encoding: no name is given.
        let latin1 = try #require("Host: the café serves crème brûlée\nGuest: très bien\n".data(using: .isoLatin1)).map { $0 }
        let error = try #require(throws: GlossGraphError.self) { try Self.read(latin1) }
        #expect(error.message.hasPrefix("invalid UTF-8 at byte offset 13; save"), "\(error)")
        // Bytes the named encoding does not allow are an error naming their offset and line.
        let cut = try #require(simplified.data(using: Self.gb18030)).map { $0 } + [0x81]
        let invalid = try #require(throws: GlossGraphError.self) {
            try TranscriptReader.read(bytes: cut, file: "sample.md", options: ReadingOptions(encoding: "gb18030"))
        }
        #expect(invalid.message == "byte offset \(cut.count - 1) is not valid gb18030 text" && invalid.location?.line == 5, "\(invalid)")
    }

    static func utf32(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = bigEndian ? [0x00, 0x00, 0xFE, 0xFF] : [0xFF, 0xFE, 0x00, 0x00]
        for scalar in text.unicodeScalars { bytes += unit32(scalar.value, bigEndian: bigEndian) }
        return bytes
    }

    static func unit32(_ value: UInt32, bigEndian: Bool) -> [UInt8] {
        let bytes = [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
        return bigEndian ? bytes : bytes.reversed()
    }

    /// The repeated attack: glibc's iconv ended a UTF-32 text silently at a unit past
    /// U+10FFFF, and dropped a cut last unit; the run exited 0 with the rest lost.
    @Test("UTF-32 with a unit that is no character, or cut short, is an error naming the offset; replaced with a notice when asked")
    func invalidUTF32() throws {
        for bigEndian in [false, true] {
            #expect(try Self.read(Self.utf32(Self.sample, bigEndian: bigEndian)).units.map(\.text) == ["你好", "Hello", "再见"])
            let good = Self.utf32("**甲：** 你好\n**乙：** ", bigEndian: bigEndian)
            let bad = good + Self.unit32(0x11_0000, bigEndian: bigEndian) + Self.utf32("再见\n", bigEndian: bigEndian).dropFirst(4)
            let error = try #require(throws: GlossGraphError.self) { try Self.read(bad) }
            #expect(error.status == .dataError && error.message.contains("byte offset \(good.count) is not valid UTF-32"), "\(error)")
            #expect(error.location?.line == 2)
            #expect(throws: GlossGraphError.self) { try Self.read(Self.utf32(Self.sample, bigEndian: bigEndian) + [0x41, 0x00]) }
            let replaced = try Self.read(bad, replaceInvalid: true)
            #expect(replaced.units.map(\.text) == ["你好", "\u{FFFD}再见"])
            #expect(replaced.notices.contains { $0.message.contains("UTF-32 unit") })
        }
    }

    @Test("invalid UTF-8 is replaced with a notice when asked")
    func replacedUTF8() throws {
        var bytes = Array("**甲：** 你好\n**乙：** ok\n**甲：** 好\n".utf8)
        bytes.insert(0xC3, at: 0)  // a lead byte with no continuation
        let transcript = try Self.read(bytes, replaceInvalid: true)
        #expect(transcript.units.count == 2)
        #expect(transcript.notices.count == 1)
        #expect(transcript.notices[0].message.contains("replaced 1 invalid UTF-8 sequence with U+FFFD (first at byte offset 0)"))
    }

    @Test(
        "ill-formed UTF-8 sequences are found at the right offset",
        arguments: [
            ([0x41, 0xC0, 0xAF], 1),  // overlong
            ([0xE0, 0x80, 0x80], 0),  // overlong three-byte
            ([0xED, 0xA0, 0x80], 0),  // encoded surrogate
            ([0xF4, 0x90, 0x80, 0x80], 0),  // past U+10FFFF
            ([0x41, 0x42, 0xE4, 0xB8], 2),  // truncated at the end
            ([0xE4, 0xB8, 0xAD, 0x80], 3),  // stray continuation byte
        ] as [([UInt8], Int)])
    func illFormed(_ bytes: [UInt8], _ offset: Int) {
        #expect(TextDecoding.firstInvalidUTF8Offset(bytes) == offset)
    }

    @Test("the UTF-8 check finds the first bad byte where the standard library's parser does, on 20,000 seeded texts")
    func utf8CheckAgreesWithTheStandardLibrary() {
        // Runs of ASCII, two-, three- (including E0 and ED leads) and four-byte characters, with
        // a byte sometimes changed, so that every fast path meets its edges.
        let pieces: [[UInt8]] = ["a", "Zq ", "é", "中", "文字", "\u{800}", "\u{D7FF}", "\u{E000}", "😀", "模型的规模定律"].map { Array($0.utf8) }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        func reference(_ bytes: [UInt8]) -> Int? {
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = bytes.makeIterator()
            var offset = 0
            while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let scalar): offset += scalar.count
                case .error: return offset
                case .emptyInput: return nil
                }
            }
        }
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<next(12) { bytes += pieces[next(pieces.count)] }
            if !bytes.isEmpty && next(3) == 0 { bytes[next(bytes.count)] = UInt8(truncatingIfNeeded: next(256)) }
            #expect(TextDecoding.firstInvalidUTF8Offset(bytes) == reference(bytes), "\(bytes)")
        }
    }

    @Test("containsText finds what Foundation's contains finds in NFC text, by bytes")
    func containsTextAgreesWithFoundation() {
        let texts = ["奖励模型（RM）是什么", "RLHF", "", "的", "a b", "近似词，如「走水」。", "ASL-3级", "Gruyère 奶酪"]
        let needles = ["模型", "（RM）", "什么", "RLHF", "HF", "的", " ", "，", "「走水」", "。", "3级", "è", "ère", "奶酪", "", "模型（RN）", "奖励模型（RM）是什么呢"]
        for text in texts {
            for needle in needles {
                #expect(text.containsText(needle) == text.contains(needle), "\(text) ⊃ \(needle)?")
            }
        }
        // A substring and a needle that is itself a substring, not at the start of its storage.
        let line = "前言：稀疏自动编码器"[...].dropFirst(3)
        #expect(line.containsText("自动"[...]) && !line.containsText("前言"))
    }

    @Test("well-formed UTF-8 of every length passes")
    func wellFormed() {
        #expect(TextDecoding.firstInvalidUTF8Offset(Array("aé中𠀀".utf8)) == nil)
    }

    @Test("an unpaired surrogate in UTF-16 is an error, or U+FFFD when asked")
    func loneSurrogate() throws {
        var bytes = Self.utf16("**甲：** 你好\n**甲：** x", bigEndian: false)
        bytes += [0x00, 0xD8]  // a high surrogate with nothing after it
        let error = try #require(throws: GlossGraphError.self) { try Self.read(bytes) }
        #expect(error.status == .dataError)
        #expect(error.message.contains("unpaired surrogate"))
        let replaced = try Self.read(bytes, replaceInvalid: true)
        #expect(replaced.units.last?.text == "x\u{FFFD}")
    }

    @Test("empty and blank files are errors")
    func emptyFiles() {
        for bytes in [[], Array(" \n\n\t\n".utf8)] as [[UInt8]] {
            #expect {
                try Self.read(bytes)
            } throws: { error in
                (error as? GlossGraphError)?.status == .dataError
            }
        }
    }
}
