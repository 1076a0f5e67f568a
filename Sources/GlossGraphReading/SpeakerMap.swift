import GlossGraphText

/// Maps speaker labels as written (莱克斯) to display names (Lex Fridman).
public struct SpeakerMap: Sendable, Equatable {
    public private(set) var names: [String: String] = [:]

    public init(_ names: [String: String] = [:]) {
        self.names = names
    }

    /// The display name for a label, or the label itself when it is not mapped.
    public func displayName(for label: String) -> String {
        names[label] ?? label
    }

    /// Adds one `label=Display Name` entry, as given on the command line.
    public mutating func add(entry: String, source: SourceLocation) throws(GlossGraphError) {
        guard let separator = entry.firstIndex(where: { $0 == "=" || $0 == "\t" }) else {
            throw GlossGraphError(.speakerMappingWithoutEquals(entry: entry), at: source)
        }
        let label = entry[..<separator].trimmingWhitespace()
        let name = entry[entry.index(after: separator)...].trimmingWhitespace()
        guard !label.isEmpty, !name.isEmpty else {
            throw GlossGraphError(.speakerMappingIncomplete(entry: entry), at: source)
        }
        if let existing = names[label], existing != name {
            throw GlossGraphError(.speakerMappedTwice(label: label, first: existing, second: name), at: source)
        }
        names[label] = name
    }

    /// Reads a mapping file: one `label = name` (or `label<TAB>name`) per line; blank lines
    /// and lines starting with `#` are ignored. Read as every text input is (`TextDecoding`:
    /// any line end, UTF-8 or UTF-16 with a byte-order mark).
    ///
    /// - Throws: `GlossGraphError` for an unreadable file, text that is not valid UTF-8 or
    ///   UTF-16 (naming the byte and line), and bad entries (naming the line).
    public static func load(contentsOf path: String) throws(GlossGraphError) -> SpeakerMap {
        let text = String(decoding: try TextDecoding.decode(try FileReading.text(ofFile: path, limit: FileReading.largestGlossaryBytes), file: path).bytes, as: UTF8.self)
        var map = SpeakerMap()
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let entry = line.trimmingWhitespace()
            if entry.isEmpty || entry.hasPrefix("#") { continue }
            try map.add(entry: entry, source: SourceLocation(file: path, line: lineNumber))
        }
        return map
    }
}
