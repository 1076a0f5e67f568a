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
