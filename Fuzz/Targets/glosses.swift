// Gloss mining and discovery on any text.
func fuzzOne(_ bytes: [UInt8]) {
    let text = String(decoding: bytes.prefix(4000), as: UTF8.self)
    for gloss in GlossMiner.glosses(in: text) {
        precondition(gloss.offset >= 0 && gloss.offset <= text.utf8.count, "gloss offset")
        precondition(!(gloss.zh.isEmpty && gloss.en.isEmpty && gloss.abbreviation.isEmpty), "empty gloss")
    }
    let unit = TranscriptUnit(file: "f", index: 1, kind: .turn, speaker: nil, text: text, lineStart: 1, lineEnd: 1)
    _ = Discoverer(glossary: nil).discover([Transcript(file: "f", format: .paragraphs, units: [unit], notices: [])])
}
