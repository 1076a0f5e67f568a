// Transcript reading: any bytes, in every format, read or rejected with a GlossGraphError.
func fuzzOne(_ bytes: [UInt8]) {
    for format in InputFormat.allCases {
        for keepNotes in [false, true] {
            let options = ReadingOptions(format: format, keepNotes: keepNotes, replaceInvalid: bytes.first.map { $0 & 1 == 1 } ?? false)
            if let transcript = try? TranscriptReader.read(bytes: bytes, file: "fuzz.md", options: options) {
                for unit in transcript.units {
                    precondition(unit.lineStart >= 1 && unit.lineStart <= unit.lineEnd, "line range")
                    precondition(!unit.text.isEmpty, "empty unit")
                    _ = unit.sourcePosition(ofTextOffset: unit.text.utf8.count / 2)
                }
            }
        }
    }
}
