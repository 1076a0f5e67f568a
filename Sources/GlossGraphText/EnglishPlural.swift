/// English plural spelling, as the matcher and lookup read a name's plural.
package enum EnglishPlural {
    /// Whether a word whose stem ends in `tail` (its last one or two bytes, UTF-8) takes `es`
    /// for its plural: English writes `es` after a sibilant, s, x, z, ch or sh, in either case
    /// (sandbox → sandboxes; metres is no plural of METR).
    package static func takesES(stemEnding tail: some Collection<UInt8>) -> Bool {
        let letters = tail.map { $0 | 0x20 }  // ASCII lower case
        guard let last = letters.last else { return false }
        if last == UInt8(ascii: "s") || last == UInt8(ascii: "x") || last == UInt8(ascii: "z") { return true }
        return last == UInt8(ascii: "h") && letters.count == 2 && (letters[0] == UInt8(ascii: "c") || letters[0] == UInt8(ascii: "s"))
    }
}
