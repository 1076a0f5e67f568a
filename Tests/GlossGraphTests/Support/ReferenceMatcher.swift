@testable import GlossGraphExtraction
@testable import GlossGraphGlossary
@testable import GlossGraphReading
@testable import GlossGraphText

/// The brute-force reference for `TermMatcher`, used as the oracle in tests and fuzzing: every
/// substring of the text whose `NameKey` is a name's key, at word boundaries, then
/// leftmost-longest without overlaps. Quadratic; for short texts only.
///
/// Names are keyed by `NameKey`; text is keyed by the part of those rules that extraction
/// applies to transcripts (`textKey`): full-width ASCII, spaces and dashes unified, zero-width
/// characters dropped, ASCII case folded, separators folded. Other compatibility forms (¯, ½,
/// ligatures), Traditional characters and non-ASCII case are left as they are.
public struct ReferenceMatcher {
    let keys: [String: Int]  // key → concept
    let longest: Int

    public init(names: [(String, Int)]) {
        var keys: [String: Int] = [:]
        for (name, concept) in names {
            let key = NameKey.key(name)
            if !key.isEmpty && keys[key] == nil { keys[key] = concept }
        }
        self.keys = keys
        longest = keys.keys.map(\.utf8.count).max() ?? 0
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar?) -> Bool {
        guard let value = scalar?.value else { return false }
        return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
            || (0xFF10...0xFF19).contains(value) || (0xFF21...0xFF3A).contains(value) || (0xFF41...0xFF5A).contains(value)
    }

    /// Characters a match cannot start or end with: white space, dashes, zero-width characters.
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD, 0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xFF0D: true
        default: scalar.properties.isWhitespace
        }
    }

    /// Line breaks end every match: a name never spans paragraphs.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    static func isASCIIAlphanumeric(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return MarkdownLine.isASCIIAlphanumeric(byte)
    }

    /// The key of a piece of transcript text under the rules extraction applies.
    static func textKey(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            // Full-width ASCII is ASCII.
            let value = (0xFF01...0xFF5E).contains(scalar.value) ? scalar.value - 0xFF01 + 0x21 : scalar.value
            switch value {
            case 0x09, 0x0B, 0x0C, 0x0D, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: scalars.append(" ")
            case 0x2010...0x2013, 0x2212: scalars.append("-")
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD: continue
            case 0x41...0x5A: scalars.append(Unicode.Scalar(value + 0x20)!)
            default: scalars.append(Unicode.Scalar(value)!)
            }
        }
        return NameKey.foldSeparators(String(scalars))
    }

    /// Matches as (concept, UTF-8 byte range), in text order.
    public func matches(in text: String) -> [(concept: Int, range: Range<Int>)] {
        let scalars = Array(text.unicodeScalars)
        var offsets = [0]
        for scalar in scalars { offsets.append(offsets.last! + String(scalar).utf8.count) }
        var candidates: [(concept: Int, range: Range<Int>)] = []
        for start in scalars.indices where !Self.isSeparator(scalars[start]) && !Self.isLineBreak(scalars[start]) {
            var end = start + 1
            while end <= scalars.count && offsets[end] - offsets[start] <= longest * 3 + 12 {
                defer { end += 1 }
                if Self.isLineBreak(scalars[end - 1]) { break }
                if Self.isSeparator(scalars[end - 1]) { continue }
                let piece = String(String.UnicodeScalarView(scalars[start..<end]))
                let key = Self.textKey(piece)
                guard let concept = keys[key] else { continue }
                if Self.isASCIIAlphanumeric(key.utf8.first) && start > 0 && Self.isWordCharacter(scalars[start - 1]) { continue }
                // A name starting with a Chinese numeral is not found inside a number (百度 in 八百度).
                if let first = key.unicodeScalars.first, "一二三四五六七八九十百千万萬亿億零两兩〇".unicodeScalars.contains(first), start > 0,
                    "一二三四五六七八九十百千万萬亿億零两兩〇".unicodeScalars.contains(scalars[start - 1])
                {
                    continue
                }
                if Self.isASCIIAlphanumeric(key.utf8.last) && end < scalars.count && Self.isWordCharacter(scalars[end]) {
                    // An English plural of a name ending in a letter: `RSPs`, `sandboxes`.
                    let endsInLetter = key.utf8.last.map { !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false
                    // `es` only after a sibilant (boxes; metres is no plural of METR).
                    let sibilant = ["s", "x", "z", "ch", "sh"].contains { key.lowercased().hasSuffix($0) }
                    for suffix in ["s", "es"] where endsInLetter && (suffix == "s" || sibilant) {
                        let suffixEnd = end + suffix.unicodeScalars.count
                        guard suffixEnd <= scalars.count,
                            String(String.UnicodeScalarView(scalars[end..<suffixEnd])) == suffix,
                            suffixEnd == scalars.count || !Self.isWordCharacter(scalars[suffixEnd])
                        else { continue }
                        candidates.append((concept, offsets[start]..<offsets[suffixEnd]))
                    }
                    continue
                }
                // A name ending in a digit is not found where the number goes on (GPT-4 in GPT-4.5).
                if let last = key.utf8.last, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(last), end + 1 < scalars.count,
                    scalars[end] == "." || scalars[end] == "．",
                    ("0"..."9").contains(scalars[end + 1]) || (0xFF10...0xFF19).contains(scalars[end + 1].value)
                {
                    continue
                }
                candidates.append((concept, offsets[start]..<offsets[end]))
            }
        }
        candidates.sort {
            $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.upperBound > $1.range.upperBound
        }
        var chosen: [(concept: Int, range: Range<Int>)] = []
        for candidate in candidates where candidate.range.lowerBound >= (chosen.last?.range.upperBound ?? 0) {
            chosen.append(candidate)
        }
        return chosen
    }
}
