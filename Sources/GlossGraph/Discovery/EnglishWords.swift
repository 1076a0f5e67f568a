import Foundation
import GlossGraphText

/// How often words are used in general English, from wordfreq's English list (Robyn Speer,
/// `wordfreq` on PyPI: web text, subtitles, news, books and Wikipedia; `data/small_en.msgpack.gz`
/// holds every word used at least once per million words, with its frequency in centibels).
/// A lower-case English word that a Chinese text uses untranslated is a term of its field
/// (tokenizer, sepsis) unless general English uses it every day (ok, anyway, sorry).
public struct EnglishWords: Sendable {
    /// Zipf frequency (log₁₀ of uses per billion words, van Heuven et al. 2014, as wordfreq
    /// gives it) from which a single word is an everyday word: 4.5 is about 30 uses per million
    /// (ok 5.9, sorry 5.3, anyway 5.0; token 3.8, latency 3.2, sepsis 2.9).
    public static let everydayZipf = 4.5
    /// Zipf frequency from which a word makes a run of several words a phrase, not a term: the
    /// function words (the 7.7, you 7.0, by 6.6; first 6.3 of first crack, batch 4.0, rate 5.1).
    public static let phraseZipf = 6.5

    /// Read before the standard places: a path to a wordfreq list (`*.msgpack.gz`).
    public static let environmentVariable = "GLOSSGRAPH_ENGLISH_WORDS"

    /// Where pip puts wordfreq's English list: the system's, /usr/local's, the user's, a
    /// virtual environment's and pyenv's site-packages (glob(3) patterns).
    public static var standardPatterns: [String] {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "/root"
        let pyenv = ProcessInfo.processInfo.environment["PYENV_ROOT"] ?? "\(home)/.pyenv"
        let virtual = ProcessInfo.processInfo.environment["VIRTUAL_ENV"].map { ["\($0)/lib/python3*/site-packages"] } ?? []
        let folders = virtual + [
            "/usr/lib/python3/dist-packages", "/usr/local/lib/python3*/dist-packages", "/usr/local/lib/python3*/site-packages",
            "\(home)/.local/lib/python3*/site-packages", "\(pyenv)/versions/*/lib/python3*/site-packages",
        ]
        return folders.map { "\($0)/wordfreq/data/small_en.msgpack.gz" }
    }

    /// Largest decompressed list read, in bytes (the list is about 300 KB): a larger one is refused.
    static let largestList = 64 << 20

    /// Zipf frequency of each word of the list, lower-case.
    let zipf: [String: Float]
    /// The file it was read from.
    public let source: String

    /// The list found through `environmentVariable` or at a standard place, or nil when there
    /// is none or it cannot be read.
    public static func load() -> EnglishWords? {
        let environment = ProcessInfo.processInfo.environment[environmentVariable].map { [$0] } ?? []
        for path in environment + standardPatterns.flatMap(Self.paths(matching:)) {
            if let bytes = try? Gzip.decompress(FileReading.bytes(ofFile: path), limit: largestList, file: path), let words = EnglishWords(msgpack: bytes, source: path) { return words }
        }
        return nil
    }

    public init(zipf: [String: Float], source: String) {
        self.zipf = zipf
        self.source = source
    }

    /// Reads wordfreq's `cB` list: a MessagePack array of a header map (`format` "cB") and
    /// then buckets of words, the words of bucket *i* (0-based) used 10^(−i/100) of the time.
    /// Nil when the bytes are not such a list.
    public init?(msgpack bytes: [UInt8], source: String) {
        var reader = MessagePackReader(bytes: bytes)
        guard let count = reader.arrayCount(), count >= 1, reader.skip() else { return nil }
        var zipf: [String: Float] = [:]
        for bucket in 0..<(count - 1) {
            guard let words = reader.arrayCount() else { return nil }
            let value = Float(9 - Double(bucket) / 100)
            for _ in 0..<words {
                guard let word = reader.string() else { return nil }
                zipf[word] = value
            }
        }
        guard !zipf.isEmpty else { return nil }
        self.zipf = zipf
        self.source = source
    }

    /// A word's Zipf frequency, 0 when the list does not hold it (used less than once per
    /// million words). Looked up in lower case.
    public func zipf(of word: String) -> Double {
        Double(zipf[word.lowercased()] ?? 0)
    }

    /// Whether a lower-case run of English words (one to a few) is everyday English, not a
    /// term: a single word used `everydayZipf` or more, or a run holding a word used
    /// `phraseZipf` or more (by the way, thank you).
    public func isEveryday(_ run: String) -> Bool {
        let words = run.split(whereSeparator: { $0 == " " })
        if words.count == 1 { return zipf(of: String(words[0])) >= Self.everydayZipf }
        return words.contains { zipf(of: String($0)) >= Self.phraseZipf }
    }

    private static func paths(matching pattern: String) -> [String] {
        var found = glob_t()
        defer { globfree(&found) }
        guard glob(pattern, 0, nil, &found) == 0 else { return [] }
        return (0..<Int(found.gl_pathc)).compactMap { found.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }
}

/// The part of MessagePack (msgpack.org's specification) that wordfreq's lists use: arrays,
/// maps, strings and integers.
struct MessagePackReader {
    let bytes: [UInt8]
    var offset = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func unsigned(_ width: Int) -> Int? {
        guard offset + width <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[offset..<(offset + width)] { value = value << 8 | Int(byte) }
        offset += width
        return value
    }

    private mutating func head() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func arrayCount() -> Int? {
        guard let byte = head() else { return nil }
        switch byte {
        case 0x90...0x9F: return Int(byte & 0x0F)
        case 0xDC: return unsigned(2)
        case 0xDD: return unsigned(4)
        default: return nil
        }
    }

    mutating func string() -> String? {
        guard let byte = head() else { return nil }
        let length: Int?
        switch byte {
        case 0xA0...0xBF: length = Int(byte & 0x1F)
        case 0xD9: length = unsigned(1)
        case 0xDA: length = unsigned(2)
        case 0xDB: length = unsigned(4)
        default: return nil
        }
        guard let length, offset + length <= bytes.count else { return nil }
        defer { offset += length }
        return String(validating: bytes[offset..<(offset + length)], as: UTF8.self)
    }

    /// Steps over one value of any of the kinds above; false when the bytes are not one.
    mutating func skip() -> Bool {
        guard offset < bytes.count else { return false }
        let byte = bytes[offset]
        switch byte {
        case 0x00...0x7F, 0xC0, 0xC2, 0xC3, 0xE0...0xFF: offset += 1; return true
        case 0xCC, 0xD0: offset += 1; return unsigned(1) != nil
        case 0xCD, 0xD1: offset += 1; return unsigned(2) != nil
        case 0xCE, 0xD2, 0xCA: offset += 1; return unsigned(4) != nil
        case 0xCF, 0xD3, 0xCB: offset += 1; return unsigned(8) != nil
        case 0xA0...0xBF, 0xD9, 0xDA, 0xDB: return string() != nil
        case 0x90...0x9F, 0xDC, 0xDD:
            guard let count = arrayCount() else { return false }
            return (0..<count).allSatisfy { _ in skip() }
        case 0x80...0x8F, 0xDE, 0xDF:
            offset += 1
            let count = byte <= 0x8F ? Int(byte & 0x0F) : unsigned(byte == 0xDE ? 2 : 4)
            guard let count else { return false }
            return (0..<(2 * count)).allSatisfy { _ in skip() }
        default: return false
        }
    }
}
