// Glossary loading: TSV, CSV and TBX parsing, validation and lookup never crash.
func fuzzOne(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    let parsed = GlossaryTSV.parse(text, file: "fuzz.tsv")
    if let glossary = try? Glossary(concepts: parsed.rows.map(\.concept)) {
        let lookup = GlossaryLookup(glossary: glossary)
        for concept in glossary.concepts.prefix(3) {
            for name in concept.names.prefix(3) {
                // Every name finds its own concept.
                precondition(glossary.concept(named: name.text)?.concept.id == concept.id, "name lookup")
                _ = lookup.lookup(String(name.text.dropLast()))
            }
        }
        if let tbx = try? GlossaryTBX.format(glossary.concepts) { _ = try? GlossaryTBX.parse(tbx, file: "fuzz.tbx") }
        _ = try? GlossaryCSV.parse(String(decoding: GlossaryCSV.format(glossary.concepts), as: UTF8.self), file: "fuzz.csv")
    }
    _ = try? GlossaryCSV.parse(text, file: "fuzz.csv")
    _ = try? GlossaryTBX.parse(bytes, file: "fuzz.tbx")
}
