#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads whole files with errors that say which file and why, as exit statuses need.
public enum FileReading {
    /// The bytes of a file, or of standard input for `-`.
    ///
    /// - Throws: `GlossGraphError`: `.cannotOpen` or `.notAFile` for a missing, unreadable
    ///   or folder path (exit status 66), `.readFailed` when a read fails part-way (74).
    public static func bytes(ofFile path: String) throws(GlossGraphError) -> [UInt8] {
        try InputFile(path: path).readAll()
    }

    /// The bytes of a text file (or standard input for `-`), read in blocks of 1 MiB and
    /// checked as they come, so that a device or a huge file fails at once instead of
    /// filling memory: at most `limit` bytes (a regular file's size is checked before it is
    /// read), and, unless it starts with a UTF-16 or UTF-32 byte-order mark, no NUL byte.
    ///
    /// With `gzip`, a file that starts with gzip's magic number is inflated (`Gzip`), and
    /// `limit` bounds both the file and what it inflates to. Without `rejectingNUL` (text in an
    /// encoding named by the user, such as UTF-16 without a byte-order mark), NUL bytes are
    /// left to the decoder.
    ///
    /// - Throws: `GlossGraphError`: as `bytes(ofFile:)`, and `.fileTooLarge`, `.nulByte`
    ///   (with its line) or `.corruptGzip`.
    public static func text(ofFile path: String, limit: Int = Int.max, gzip: Bool = false, rejectingNUL: Bool = true) throws(GlossGraphError) -> [UInt8] {
        if path != InputFile.standardInput {
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) > limit {
                throw GlossGraphError(.fileTooLarge(size: Int(info.st_size), limit: limit), at: SourceLocation(file: path))
            }
        }
        // Inflated a chunk at a time when gzip-compressed: the compressed bytes are never held
        // beside the text.
        let file = try ChunkedFile(path: path, limit: limit, gzip: gzip)
        var bytes: [UInt8] = []
        var wide: Bool?
        while let chunk = try file.next() {
            let start = bytes.count
            bytes += chunk
            if wide == nil {
                wide = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF])
            }
            if wide == false && rejectingNUL { try TextDecoding.rejectNUL(in: bytes, from: start, file: path) }
        }
        return bytes
    }

    /// Largest glossary, termbase or speaker map read, in bytes: far above any real one
    /// (the bundled glossary is 60 KB; 100,000 concepts take about 15 MB).
    public static let largestGlossaryBytes = 256 << 20

    /// `path` with no `.`, `..` or symbolic link in it (realpath(3)), or `path` itself when it
    /// names nothing (or standard input, `-`).
    public static func realPath(_ path: String) -> String {
        guard path != InputFile.standardInput, let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether `path` is `-` (standard input) or an absolute path with no empty, `.` or `..`
    /// component and no trailing `/`: the form `realPath` gives, which `count` records.
    public static func isRealPath(_ path: String) -> Bool {
        if path == InputFile.standardInput || path == "/" { return true }
        guard path.hasPrefix("/") else { return false }
        return !path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == "." || $0 == ".." }
    }

    /// A regular file's identity, `device:inode`: the same for every name of one file (hard
    /// links, symbolic links, standard input redirected from it), and for the file after it is
    /// touched or edited (counting it again would count its units twice). Nil for anything
    /// else. `-` is standard input. (A file made after another was deleted may reuse its inode:
    /// merging counts of both is then refused, wrongly but never silently.)
    public static func identity(_ path: String) -> String? {
        var status = stat()
        let found = path == InputFile.standardInput ? fstat(STDIN_FILENO, &status) : stat(path, &status)
        guard found == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return "\(status.st_dev):\(status.st_ino)"
    }

    /// Whether `text` has the form `identity` gives.
    public static func isIdentity(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.count <= 20 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    /// The keys a source recorded as `path` (a real path), with the identity recorded for it
    /// when there is one, is known by when parts are merged: the path, that identity, and the
    /// identity of the file the path names here, so that two names of one file are one source.
    public static func sourceKeys(ofRecordedPath path: String, identity recorded: String? = nil) -> [String] {
        let identities = [recorded, path == InputFile.standardInput ? nil : identity(path)].compactMap { $0 }.filter { !$0.isEmpty }
        return [path] + Set(identities).sorted().map { "file \($0)" }
    }

    /// Whether a path names an existing folder.
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}

extension FileReading {
    /// `path` relative to the current folder when it lies below it (so that exports of the
    /// bundled files name them the same way in every clone), otherwise unchanged.
    public static func displayPath(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let folder = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
