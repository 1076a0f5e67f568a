import Foundation

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
/// - zero-width characters and runs of white space do not matter.
public enum NameKey {
    /// The comparison key of a name: equal keys mean the same name. Without
    /// `simplifyTraditional`, Traditional characters stay as they are (as extraction reads
    /// transcripts).
    public static func key(_ name: String, simplifyTraditional: Bool = true) -> String {
        var text = isCompatibilityNormal(name) ? name : name.precomposedStringWithCompatibilityMapping
        if simplifyTraditional && text.containsCJK { text = simplified(text) }
        return foldSeparators(text.lowercased())
    }

    /// True for text that NFKC leaves as it is because every character is printable ASCII or
    /// a CJK ideograph of the main blocks (neither has a decomposition); most names are, and
    /// Foundation's NFKC costs more than the rest of the key.
    static func isCompatibilityNormal(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            (0x20...0x7E).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value) || (0x4E00...0x9FFF).contains(scalar.value)
        }
    }

    /// The keys of many names.
    public static func keys(_ names: [String]) -> [String] {
        names.map { key($0) }
    }

    /// The text with Traditional characters in their Simplified forms, as ICU's Hant-Hans
    /// transform gives them (from a table generated from it; building the transform would
    /// take longer than reading a glossary).
    static func simplified(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { output.append(simplifiedForms[scalar.value] ?? scalar) }
        return String(output)
    }

    private static let simplifiedForms: [UInt32: Unicode.Scalar] = {
        let scalars = Array(SimplifiedTable.pairs.unicodeScalars)
        var forms: [UInt32: Unicode.Scalar] = [:]
        forms.reserveCapacity(scalars.count / 2)
        for index in stride(from: 0, to: scalars.count - 1, by: 2) { forms[scalars[index].value] = scalars[index + 1] }
        return forms
    }()

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
