import GlossGraphText

/// A list of input names, as `--files-from` reads it: one per line, or separated by NUL
/// bytes when the list holds any (`find -print0`, `xargs -0`), as tar's `--files-from` and
/// rsync's `--from0` take them.
public enum InputList {
    /// The names listed in `path` (`-` is standard input), in order; blank entries and a
    /// carriage return ending a line are left out.
    ///
    /// - Throws: `GlossGraphError` when the list cannot be read, is not UTF-8 (`.invalidUTF8`,
    ///   naming the byte) or names nothing (`.emptyFile`).
    public static func names(listedIn path: String) throws(GlossGraphError) -> [String] {
        let file = try InputFile(path: path)
        var bytes: [UInt8] = []
        // Read in blocks and bounded: `--files-from /dev/zero` must fail, not fill memory.
        while !file.atEnd {
            try file.read(1 << 20, appendingTo: &bytes)
            guard bytes.count <= largestListBytes else {
                throw GlossGraphError(.fileTooLarge(size: bytes.count, limit: largestListBytes), at: SourceLocation(file: path))
            }
        }
        return try names(in: bytes, source: path)
    }

    /// The longest list read, in bytes: a million paths of 60 bytes.
    public static let largestListBytes = 64 << 20

    /// The names in `bytes`, which came from `source` (for messages).
    public static func names(in bytes: [UInt8], source: String) throws(GlossGraphError) -> [String] {
        if let bad = TextDecoding.firstInvalidUTF8Offset(bytes) {
            throw GlossGraphError(.invalidUTF8(byteOffset: bad), at: SourceLocation(file: source))
        }
        let separator: UInt8 = bytes.contains(0) ? 0 : 0x0A
        let names = bytes.split(separator: separator, omittingEmptySubsequences: true).compactMap { entry -> String? in
            var entry = entry
            if separator == 0x0A && entry.last == 0x0D { entry = entry.dropLast() }
            return entry.isEmpty ? nil : String(decoding: entry, as: UTF8.self)
        }
        guard !names.isEmpty else { throw GlossGraphError(.emptyFile, at: SourceLocation(file: source)) }
        return names
    }
}
