import ArgumentParser
import GlossGraph

extension InputFormat: ExpressibleByArgument {}

/// Options for reading transcripts, shared by every command that reads them.
struct InputOptions: ParsableArguments {
    @Argument(help: "Transcript files or folders (searched for .md, .txt, .srt, .vtt).")
    var inputs: [String] = []

    @Option(name: .long, help: "Read the inputs as this format instead of detecting it.")
    var inputFormat: InputFormat = .auto

    @Flag(name: .long, help: "Keep editor's notes (> blockquotes between turns) as separate 'note' units.")
    var keepNotes = false

    @Flag(name: .long, help: "Read invalid UTF-8 or UTF-16 as U+FFFD, with a warning, instead of failing.")
    var replaceInvalid = false

    @Option(name: .long, help: ArgumentHelp("Show a speaker label under another name, e.g. 莱克斯=Lex Fridman (repeatable).", valueName: "LABEL=NAME"))
    var speaker: [String] = []

    @Option(name: .long, help: ArgumentHelp("A file of LABEL=NAME lines mapping speaker labels to display names.", valueName: "FILE"))
    var speakerMap: String?

    func readingOptions() throws(GlossGraphError) -> ReadingOptions {
        var map = SpeakerMap()
        if let speakerMap { map = try SpeakerMap.load(contentsOf: speakerMap) }
        for entry in speaker {
            try map.add(entry: entry, source: SourceLocation(file: "--speaker"))
        }
        return ReadingOptions(
            format: inputFormat, keepNotes: keepNotes, replaceInvalid: replaceInvalid, speakerMap: map)
    }

    /// Reads every input; notices go to stderr as they come.
    func readTranscripts(defaultInputs: [String] = []) throws -> [Transcript] {
        let options = try readingOptions()
        let paths = inputs.isEmpty ? defaultInputs : inputs
        guard !paths.isEmpty else {
            throw ValidationError("name at least one transcript file or folder")
        }
        var transcripts: [Transcript] = []
        for file in try TranscriptReader.expandInputs(paths) {
            let transcript = try TranscriptReader.read(contentsOf: file, options: options)
            Terminal.printNotices(transcript.notices)
            transcripts.append(transcript)
        }
        return transcripts
    }
}
