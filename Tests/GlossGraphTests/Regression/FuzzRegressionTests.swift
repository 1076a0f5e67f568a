import Foundation
import Testing

@testable import GlossGraph
@testable import GlossGraphExtraction
@testable import GlossGraphText

/// Inputs the fuzzers found, each named after the crash file it came from (Fuzz/Crashes/…).
@Suite("Regressions found by fuzzing")
struct FuzzRegressionTests {
    /// The matcher target's parts: names separated by 0xFF, the text last.
    static func matcherParts(_ bytes: [UInt8]) -> (names: [(String, Int)], text: String) {
        var parts = bytes.split(separator: 0xFF, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        let text = String(parts.removeLast().prefix(120))
        return (parts.enumerated().map { (String($0.element.prefix(24)), $0.offset) }, text)
    }

    static func agree(_ bytes: [UInt8]) -> (fast: [String], reference: [String]) {
        let (names, text) = matcherParts(bytes)
        return (
            TermMatcher(names: names).matches(in: text).map { "\($0.concept)@\($0.range)" },
            ReferenceMatcher(names: names).matches(in: text).map { "\($0.concept)@\($0.range)" }
        )
    }

    @Test("matcher-crash-762e7161: a vertical tab and DEL next to a name")
    func matcherCrash762e7161() {
        let bytes: [UInt8] = Array("ClaudneAI".utf8) + [0xFF] + Array("CltSonnet".utf8) + [0xFF] + Array("AI".utf8) + [0xFF, 0x0B, 0xFF]
            + Array("nd OpeSonnet".utf8) + [0xFF] + Array("AI".utf8) + [0x0B, 0x7F] + Array("nd Open".utf8) + [0xC1] + Array("InneonAI".utf8) + [0x0B, 0x65]
        let result = Self.agree(bytes)
        #expect(result.fast == result.reference)
    }

    @Test("matcher-crash-b1328808: a name that is only a hyphen")
    func matcherCrashB1328808() throws {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("regression/matcher-crash-b13288084687ab6e33db9faeac9b4537a981b79c"))))
        let result = Self.agree(bytes)
        #expect(result.fast == result.reference)
        #expect(TermMatcher(names: [("-", 0), ("如果-", 1)]).patterns.isEmpty)
    }

    @Test("matcher-crash-6120620c: a Traditional character in the text is not read as Simplified, by either matcher")
    func matcherCrash6120620c() throws {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("regression/matcher-crash-6120620cb64cde9bd1f6a19e54ceef688122b97d"))))
        let result = Self.agree(bytes)
        #expect(result.fast == result.reference)
        // The documented limit: 嬪 (Traditional) in a transcript does not match 嫔 (Simplified).
        #expect(TermMatcher(names: [("嫔妃", 0)]).matches(in: "嬪妃").isEmpty)
    }

    @Test("matcher-crash-c43a6b29: compatibility characters other than full-width forms (¯) stay as written in text")
    func matcherCrashC43a6b29() throws {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("regression/matcher-crash-c43a6b29b8562d3bef258365922a7fa8daecdbdc"))))
        let result = Self.agree(bytes)
        #expect(result.fast == result.reference)
    }
}
