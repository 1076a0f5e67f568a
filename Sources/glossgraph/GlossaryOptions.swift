import ArgumentParser
import GlossGraph

/// The `--glossary` option shared by every command that uses the glossary.
struct GlossaryOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A glossary file or folder of .tsv files (repeatable; merged). Default: the bundled Glossary/.",
            valueName: "FILE"))
    var glossary: [String] = []

    /// The files named, or the bundled glossary's.
    func files() throws -> [String] {
        if glossary.isEmpty { return try GlossaryLocator.defaultFiles() }
        return try glossary.flatMap { path throws(GlossGraphError) in try GlossaryLocator.files(in: path) }
    }

    /// The merged glossary; one without concepts is an error, since nothing could be found.
    func load() throws -> Glossary {
        try loadWithFiles().glossary
    }

    /// The merged glossary and the files it was read from.
    func loadWithFiles() throws -> (glossary: Glossary, files: [String]) {
        let files = try files()
        let glossary = try Glossary.load(files: files)
        guard !glossary.concepts.isEmpty else {
            throw GlossGraphError(
                "the glossary has no concepts (\(files.joined(separator: ", "))); add rows below the header", status: .dataError)
        }
        return (glossary, files)
    }

    /// Loads the glossary and makes its extractor on another thread, to overlap with the
    /// reading of the transcripts.
    func loadInBackground() -> Deferred<(glossary: Glossary, files: [String], extractor: ConceptExtractor)> {
        Deferred { [self] in
            let (glossary, files) = try loadWithFiles()
            return (glossary, files, ConceptExtractor(glossary: glossary))
        }
    }
}
