#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads whole files with errors that say which file and why, as exit statuses need.
public enum FileReading {
    /// The bytes of a regular file. A missing or unreadable file is `.noInput`; a folder or
    /// other non-file is `.noInput` too; a read that fails part-way is `.ioError`.
    public static func bytes(ofFile path: String) throws(GlossGraphError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
            throw GlossGraphError(.cannotOpen(path: path, reason: reason))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw GlossGraphError(.readFailed(path: path, reason: String(cString: strerror(errno))))
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw GlossGraphError(.notAFile(path: path))
        }
        var result = [UInt8]()
        result.reserveCapacity(Int(info.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw GlossGraphError(.readFailed(path: path, reason: String(cString: strerror(errno))))
            }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
        }
        return result
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
