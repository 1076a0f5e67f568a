import Foundation
import GlossGraphText

/// The rules by which two names are the same name, shared by validation, lookup and
/// extraction:
///
/// - compatibility forms are unified (NFKC: `ＡＳＬ－３` is `ASL-3`);
/// - Traditional Chinese is read as Simplified (`憲法` is `宪法`);
/// - Latin letters are compared without case;
/// - a hyphen or space between a Latin letter and a digit does not matter
///   (`ASL-3` = `ASL 3` = `ASL3`), nor does a space next to a CJK character
///   (`ASL 三级` = `ASL三级`), and a hyphen between two letters is a space
///   (`SWE-bench` = `SWE bench`);
/// - zero-width characters and runs of white space do not matter, and a curly apostrophe is
///   `'` (`Moore’s law` = `Moore's law`).
public enum NameKey {
    /// Builds ICU's Traditional-to-Simplified transliterator on another thread, so that it is
    /// ready (ICU keeps it once built) when the first keys are made: building it takes longer
    /// than reading a glossary. (A table of characters would not do: ICU's rules read some
    /// characters by their neighbours, 深沈 becomes 深沉 while 沈阳 keeps its 沈.)
    public static func prepareInBackground() {
        DispatchQueue.global(qos: .userInitiated).async {
            _ = "憲".applyingTransform(StringTransform("Hant-Hans"), reverse: false)
        }
    }

    /// The comparison key of a name: equal keys mean the same name. Without
    /// `simplifyTraditional`, Traditional characters stay as they are (as extraction reads
    /// transcripts).
    public static func key(_ name: String, simplifyTraditional: Bool = true) -> String {
        var text = compatibilityNormalized(name)
        if simplifyTraditional, text.containsCJK, let simplified = text.applyingTransform(StringTransform("Hant-Hans"), reverse: false) {
            text = simplified
        }
        return foldSeparators(text.lowercased())
    }

    /// The keys of many names at once: one ICU transform for all the Chinese ones, since
    /// starting a transform costs far more than running it.
    public static func keys(_ names: [String]) -> [String] {
        var normalized = names.map(compatibilityNormalized)
        let chinese = normalized.indices.filter { normalized[$0].containsCJK }
        if !chinese.isEmpty {
            // White space is folded anyway, so line breaks can separate the names.
            let joined = chinese.map { normalized[$0].replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ") }
                .joined(separator: "\n")
            let simplified = (joined.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? joined)
                .split(separator: "\n", omittingEmptySubsequences: false)
            if simplified.count == chinese.count {
                for (position, index) in chinese.enumerated() { normalized[index] = String(simplified[position]) }
            } else {
                for index in chinese { normalized[index] = normalized[index].applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? normalized[index] }
            }
        }
        return normalized.map { foldSeparators($0.lowercased()) }
    }

    /// NFKC, skipped for text that it leaves as it is because every character is printable
    /// ASCII or a CJK ideograph of the main blocks (neither has a decomposition): most names
    /// are, and Foundation's NFKC costs more than the rest of the key.
    static func compatibilityNormalized(_ text: String) -> String {
        isCompatibilityNormal(text) ? text : text.precomposedStringWithCompatibilityMapping
    }

    static func isCompatibilityNormal(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            (0x20...0x7E).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value) || (0x4E00...0x9FFF).contains(scalar.value)
        }
    }

    /// Applies the separator rules to text that is already NFKC, Simplified and lowercased.
    static func foldSeparators(_ text: String) -> String {
        // Drop zero-width characters; unify dashes; collapse white space.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
                continue
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2212:
                scalars.append("-")
            case 0x2018, 0x2019:
                scalars.append("'")
            default:
                if isWhitespace(scalar) {
                    if let last = scalars.last, last != " " { scalars.append(" ") }
                } else {
                    scalars.append(scalar)
                }
            }
        }
        while scalars.last == " " { scalars.removeLast() }

        var output = String.UnicodeScalarView()
        for index in scalars.indices {
            let scalar = scalars[index]
            guard scalar == " " || scalar == "-" else {
                output.append(scalar)
                continue
            }
            let before = output.last
            let after = index + 1 < scalars.count ? scalars[index + 1] : nil
            guard let before, let after else {
                if scalar == "-" { output.append(scalar) }
                continue
            }
            let letterDigit =
                (isLatinLetter(before) && isDigit(after)) || (isDigit(before) && isLatinLetter(after))
            if letterDigit { continue }
            if scalar == " " && (ScriptClass.isCJK(before.value) || ScriptClass.isCJK(after.value)) { continue }
            if scalar == "-" && isLatinLetter(before) && isLatinLetter(after) {
                output.append(" ")
                continue
            }
            output.append(scalar)
        }
        return String(output)
    }

    /// `Unicode.Scalar.Properties.isWhitespace`, without the property look-up for ASCII and
    /// CJK ideographs.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: true
        case 0...0x7F, 0x3400...0x9FFF: false
        default: scalar.properties.isWhitespace
        }
    }

    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x250 && scalar.properties.isAlphabetic
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }
}
