import GlossGraphGlossary

/// Whether a Chinese name is a transliteration of a Latin-script one (莱克斯 of Lex, 阿莫迪 of
/// Amodei, 弗里德曼 of Fridman), told by their consonants.
///
/// Transliteration into Chinese keeps a name's consonants in order and fills in vowels, so
/// both names are reduced to a skeleton of consonant classes: pinyin in each character's most
/// common reading (`Pinyin.key(ofChinese:)`), English by its spelling. Voiced and voiceless
/// stops share a class (b/p, d/t, g/k), as do l and r (Chinese has no r sound to match
/// English r), f, v and w, and the sibilants and affricates (s, z, j, x, zh, ch, sh);
/// repeated classes count once, and an English r before a consonant or at the end, which
/// transliteration drops (Robert, 罗伯特), is left out. The two skeletons must be the same and
/// hold two consonants at least, and the names must both start with a vowel or both with a
/// consonant, which transliteration keeps (Amodei, 阿莫迪; not Meta, whose skeleton is also
/// m-d): a coarse test, for names the text already pairs (a speaker label and a name in the
/// text), not for finding translations.
enum Transliteration {
    static func isTransliteration(_ chinese: String, of latin: String) -> Bool {
        let pinyin = Pinyin.key(ofChinese: chinese)
        let english = latin.lowercased()
        let sounds = skeleton(ofPinyin: pinyin)
        return sounds.count >= 2 && sounds == skeleton(ofEnglish: english)
            && startsWithVowel(pinyin, vowels: "aeiouvy") == startsWithVowel(english, vowels: "aeiouy")
    }

    /// Whether the first letter is a vowel or the glide y, which pinyin writes for a syllable
    /// with no initial consonant (伊 yi, 尤 you).
    private static func startsWithVowel(_ word: String, vowels: String) -> Bool {
        word.first(where: { $0.isLetter }).map(vowels.contains) ?? false
    }

    enum Consonant: Character { case labial = "B", dental = "D", velar = "K", sibilant = "S", liquid = "L", m = "M", n = "N", fricative = "F" }

    private static func consonant(_ letter: Character) -> Consonant? {
        switch letter {
        case "b", "p": .labial
        case "d", "t": .dental
        case "g", "k", "h", "q": .velar
        case "s", "z", "j", "x", "c": .sibilant
        case "l", "r": .liquid
        case "m": .m
        case "n": .n
        case "f", "v", "w": .fricative
        default: nil
        }
    }

    /// Pinyin letters as consonant classes: q, x, c, zh, ch, sh are sibilants there, ng is n,
    /// and y (a written glide) is none.
    static func skeleton(ofPinyin pinyin: String) -> [Consonant] {
        var result: [Consonant] = []
        let letters = Array(pinyin)
        var index = 0
        while index < letters.count {
            var letter = letters[index]
            if letter == "q" { letter = "x" }
            if letter == "h", index > 0, "zcs".contains(letters[index - 1]) { index += 1; continue }
            if letter == "g", index > 0, letters[index - 1] == "n" { index += 1; continue }
            if let class_ = consonant(letter), result.last != class_ { result.append(class_) }
            index += 1
        }
        return result
    }

    /// English spelling as consonant classes: ph is f, th is t, sh and ch are sibilants, ck and
    /// qu are k, gh and r before a consonant or at the end are silent, x is k and s, c before
    /// e, i or y is s and otherwise k.
    static func skeleton(ofEnglish word: String) -> [Consonant] {
        var result: [Consonant] = []
        let letters = Array(word.filter { $0.isLetter && $0.isASCII })
        func append(_ class_: Consonant) { if result.last != class_ { result.append(class_) } }
        var index = 0
        while index < letters.count {
            let letter = letters[index]
            let next: Character? = index + 1 < letters.count ? letters[index + 1] : nil
            switch (letter, next) {
            case ("p", "h"): append(.fricative); index += 2; continue
            case ("t", "h"): append(.dental); index += 2; continue
            case ("s", "h"), ("c", "h"): append(.sibilant); index += 2; continue
            case ("g", "h"): index += 2; continue
            case ("c", "k"), ("q", "u"): append(.velar); index += 2; continue
            case ("x", _): append(.velar); append(.sibilant)
            case ("c", let following?) where "eiy".contains(following): append(.sibilant)
            case ("c", _): append(.velar)
            case ("y", _): break
            case ("r", let following) where following.map({ !"aeiouy".contains($0) }) ?? true: break
            default: if let class_ = consonant(letter) { append(class_) }
            }
            index += 1
        }
        return result
    }
}
