import GlossGraphText

/// The other written forms of Chinese names, by which extraction and lookup find a name in
/// Traditional and regional text.
public enum ChineseForms {
    /// The conversions to Simplified, for names written in Traditional characters: their
    /// dictionaries are small, so these forms cost little to make.
    public static let simplifying: [ChineseConversion] = [.t2s, .tw2sp, .hk2s]
    /// The conversions to Traditional characters and the regional standards, which load
    /// OpenCC's largest dictionary.
    public static let traditionalizing: [ChineseConversion] = ChineseConversion.fromSimplified + [.s2tCharacters]

    /// Every other written form of the Chinese names: `simplified(of:)` and
    /// `traditional(of:)`.
    public static func of(_ names: [(name: String, concept: Int)]) -> [(name: (name: String, concept: Int), form: String)] {
        simplified(of: names) + traditional(of: names)
    }

    /// Each Chinese name as written (the glossary's keys read Traditional as Simplified) and,
    /// for a name written in Traditional characters, as `simplifying` converts it: forms
    /// `lookup` reads a query by (extraction makes do with the keys, without OpenCC).
    public static func simplified(of names: [(name: String, concept: Int)]) -> [(name: (name: String, concept: Int), form: String)] {
        let chinese = names.filter { $0.name.containsCJK }
        return chinese.map { ($0, $0.name) } + converted(chinese, by: simplifying)
    }

    /// The forms in Traditional characters and the regional standards (`traditionalizing`).
    public static func traditional(of names: [(name: String, concept: Int)]) -> [(name: (name: String, concept: Int), form: String)] {
        converted(names.filter { $0.name.containsCJK }, by: traditionalizing)
    }

    /// The forms extraction needs, which reads each Traditional-only character as the
    /// Simplified one `t2s` makes of it (so 數據中心 reads as 数据中心 and needs no form): the
    /// names as `ChineseConversion.fromSimplifiedByCharacters` converts them (Taiwan's 資料中心),
    /// which load no phrase dictionary and read the same as `traditionalizing`'s forms; a name
    /// that holds a phrase OpenCC converts otherwise than by characters
    /// (`TraditionalCharacters.holdsPhraseBeyondCharacters`: 了解 → 瞭解) gets
    /// `traditionalizing`'s forms.
    public static func forMatching(of names: [(name: String, concept: Int)]) -> [(name: (name: String, concept: Int), form: String)] {
        var byCharacters: [(name: String, concept: Int)] = [], phrased: [(name: String, concept: Int)] = []
        for name in names where name.name.containsCJK {
            if TraditionalCharacters.holdsPhraseBeyondCharacters(name.name) { phrased.append(name) } else { byCharacters.append(name) }
        }
        return converted(byCharacters, by: ChineseConversion.fromSimplifiedByCharacters) + converted(phrased, by: traditionalizing)
    }

    /// The names as each conversion gives them, whole and in two halves of two characters or
    /// more converted apart, each form that differs from the name once. OpenCC converts by
    /// the phrases it segments, and a sentence segments a name as the name alone may not:
    /// under `s2twp`, 合成数据 alone is 合成數據, but 生成合成数据 is 生成合成資料.
    private static func converted(
        _ chinese: [(name: String, concept: Int)], by conversions: [ChineseConversion]
    ) -> [(name: (name: String, concept: Int), form: String)] {
        // Each distinct piece is converted once: halves recur across names (模型, 学习).
        var pieces: [String] = []
        var pieceIndex: [[UInt8]: Int] = [:]
        func piece(_ text: String) -> Int {
            let bytes = Array(text.utf8)
            if let index = pieceIndex[bytes] { return index }
            pieces.append(text)
            pieceIndex[bytes] = pieces.count - 1
            return pieces.count - 1
        }
        // Per name: its whole piece, then each split's two halves.
        let layouts: [(whole: Int, halves: [(Int, Int)])] = chinese.map { name in
            let characters = Array(name.name)
            let points = characters.count >= 4 ? Array(2...(characters.count - 2)) : []
            return (piece(name.name), points.map { (piece(String(characters[..<$0])), piece(String(characters[$0...]))) })
        }
        var forms: [(name: (name: String, concept: Int), form: String)] = []
        for converted in ChineseConversion.convert(pieces, by: conversions) {
            guard let converted else { continue }
            for (name, layout) in zip(chinese, layouts) {
                var seen: Set<[UInt8]> = [Array(name.name.utf8)]
                for form in [converted[layout.whole]] + layout.halves.map({ converted[$0.0] + converted[$0.1] })
                where seen.insert(Array(form.utf8)).inserted {
                    forms.append((name, form))
                }
            }
        }
        return forms
    }
}

/// The script and usage that labels are written in (`map --script`).
public enum LabelScript: String, Sendable, CaseIterable {
    /// Simplified Chinese: the glossary's preferred names as they are.
    case hans
    /// Traditional characters: the name the glossary tags `zh-Hant`, else OpenCC's `s2t`.
    case hant
    /// Taiwan's usage: the name tagged `zh-TW`, else OpenCC's `s2twp`.
    case tw
    /// Hong Kong's usage: the name tagged `zh-HK`, else OpenCC's `s2hk`.
    case hk

    public var tag: String {
        switch self {
        case .hans: "zh-Hans"
        case .hant: "zh-Hant"
        case .tw: "zh-TW"
        case .hk: "zh-HK"
        }
    }

    var conversion: ChineseConversion? {
        switch self {
        case .hans: .t2s
        case .hant: .s2t
        case .tw: .s2twp
        case .hk: .s2hk
        }
    }

    /// `concepts` with their preferred Chinese name (`zh`) in this script; the rest as it is.
    /// In Simplified, a name holding Traditional-only characters (one discovered in a
    /// Traditional text) is written by OpenCC's `t2s`, others stay as they are. In the other
    /// scripts, without OpenCC's data a name the glossary does not tag stays Simplified. A name already
    /// written in Traditional characters stays as written, and so do discovered names with
    /// `keepingDiscovered` (the inputs they were found in are Traditional): `s2t` may choose
    /// other characters than the text did (稽核 became 稽覈).
    public func relabel(_ concepts: [Concept], keepingDiscovered: Bool = false) -> [Concept] {
        guard let conversion else { return concepts }
        let converted = conversion.convert(concepts.map(\.zh)) ?? concepts.map(\.zh)
        return zip(concepts, converted).map { concept, form in
            var relabelled = concept
            guard !concept.zh.isEmpty else { return relabelled }
            let counts = Array(concept.zh.utf8).withUnsafeBufferPointer(TraditionalCharacters.scriptCounts(in:))
            let written = self == .hans
                ? counts.traditional == 0 : (counts.simplified == 0 && counts.traditional > 0) || (keepingDiscovered && concept.provenance == .discovered)
            relabelled.zh = concept.chineseName(for: tag) ?? (written ? concept.zh : concept.chineseName(for: tag, converted: form))
            return relabelled
        }
    }
}
