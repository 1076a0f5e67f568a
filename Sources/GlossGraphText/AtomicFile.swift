import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that readers see the old content or the new, never a part: the bytes go
/// to a temporary file in the same folder, are flushed to disk, and the file is renamed over
/// the target. Only a regular file, or a missing path, is replaced so: a character device,
/// FIFO or socket, and `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N`, are
/// written to directly, as `cp` and `sort -o` write to them. A replaced file keeps its
/// permission bits; one with other hard links is refused rather than split from them.
public enum AtomicFile {
    /// The start of a temporary file's name: `mkstemp` ends it with six letters and digits.
    public static let temporaryPrefix = ".glossgraph-tmp-"

    /// Whether `name` is one that `write` gives its temporary files, and only such a name.
    public static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix(temporaryPrefix) else { return false }
        let suffix = name.utf8.dropFirst(temporaryPrefix.utf8.count)
        return suffix.count == 6 && suffix.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
    }

    /// Whether `path` is a symbolic link in a sticky, world-writable folder, owned neither by
    /// this user nor by the folder's owner: one the kernel refuses to follow when
    /// fs.protected_symlinks is on.
    static func isForeignLinkInStickyFolder(_ path: String) -> Bool {
        var link = stat()
        guard lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK else { return false }
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        var parent = stat()
        guard stat(folder.isEmpty ? "/" : folder, &parent) == 0 else { return false }
        let sticky = parent.st_mode & S_ISVTX != 0 && parent.st_mode & S_IWOTH != 0
        return sticky && link.st_uid != geteuid() && link.st_uid != parent.st_uid
    }

    /// `bytes` written as `write(to:replacingAnyFile:body:)` writes.
    public static func write(_ bytes: [UInt8], to path: String, replacingAnyFile: Bool = false) throws(GlossGraphError) {
        try write(to: path, replacingAnyFile: replacingAnyFile) { descriptor throws(GlossGraphError) in
            do {
                // swift-system retries short and interrupted writes.
                _ = try FileDescriptor(rawValue: descriptor).writeAll(bytes)
            } catch {
                throw GlossGraphError(.writeFailed(path: path, reason: String(cString: strerror((error as? Errno)?.rawValue ?? EIO))))
            }
        }
    }

    /// Lets `body` write the file's content to a descriptor of a temporary file in the same
    /// folder, then flushes it to disk and renames it over `path`. Nothing is left behind when
    /// `body` throws. With `replacingAnyFile` (a file of GlossGraph's own, such as an output
    /// folder's list), a device, FIFO or stream at `path` is replaced too, never written to.
    public static func write(to path: String, replacingAnyFile: Bool = false, body: (Int32) throws(GlossGraphError) -> Void) throws(GlossGraphError) {
        // A link another user planted in a shared sticky folder (/tmp) is replaced, never
        // followed: the rule of Linux's fs.protected_symlinks, kept where it is switched off.
        let replacingAnyFile = replacingAnyFile || isForeignLinkInStickyFolder(path)
        var existing = stat()
        let exists = stat(path, &existing) == 0
        if exists && existing.st_mode & S_IFMT == S_IFDIR {
            throw GlossGraphError(.cannotReplace(path: path, reason: "it is a folder; name a file"))
        }
        if exists && existing.st_mode & S_IFMT == S_IFSOCK {
            throw GlossGraphError(.cannotReplace(path: path, reason: "it is a socket"))
        }
        if !replacingAnyFile && (isStreamPath(path) || (exists && existing.st_mode & S_IFMT != S_IFREG)) {
            try writeDirectly(to: path, body: body)
            return
        }
        // The file the rename replaces: the path itself, not what a symlink there names.
        var replaced = stat()
        let replacesFile = lstat(path, &replaced) == 0 && replaced.st_mode & S_IFMT == S_IFREG
        if replacesFile && replaced.st_nlink > 1 {
            throw GlossGraphError(.cannotReplace(
                path: path,
                reason: "it has \(replaced.st_nlink) hard links, which replacing it would break; remove the other links or write to another path"))
        }
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        var template = Array((folder.isEmpty ? "/" : folder + "/").utf8) + Array((temporaryPrefix + "XXXXXX").utf8) + [0]
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { mkstemp($0.baseAddress!) }
        }
        guard descriptor >= 0 else {
            throw GlossGraphError(.cannotCreateFile(folder: folder, reason: String(cString: strerror(errno))))
        }
        let temporary = String(decoding: template.dropLast(), as: UTF8.self)
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
        do {
            try body(descriptor)
        } catch {
            close(descriptor)
            throw error
        }
        let synced = fsync(descriptor) == 0
        let error = errno
        // mkstemp makes the file private; give it the permission bits of the file it replaces
        // when that is the user's own (never set-user-ID, set-group-ID or sticky bits, and never
        // a symlink's target's or another user's), or those a new file normally gets.
        let keepsMode = replacesFile && replaced.st_uid == geteuid()
        fchmod(descriptor, keepsMode ? replaced.st_mode & 0o777 : 0o666 & ~Self.processUmask)
        close(descriptor)
        guard synced else {
            throw GlossGraphError(.writeFailed(path: path, reason: String(cString: strerror(error))))
        }
        guard rename(temporary, path) == 0 else {
            throw GlossGraphError(.cannotReplace(path: path, reason: String(cString: strerror(errno))))
        }
        succeeded = true
    }

    /// The process's file mode creation mask, read once from /proc/self/status (Linux 4.7
    /// on) without changing it: setting it to read it, as umask(2) alone can, would give files
    /// that other threads create meanwhile the wrong permissions.
    static let processUmask: mode_t = {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
            let value = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
        {
            return value
        }
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()

    /// Paths that name a process's standard streams or descriptors: written to, never replaced.
    static func isStreamPath(_ path: String) -> Bool {
        ["/dev/stdout", "/dev/stderr"].contains(path) || path.hasPrefix("/dev/fd/") || path.hasPrefix("/proc/self/fd/")
    }

    private static func writeDirectly(to path: String, body: (Int32) throws(GlossGraphError) -> Void) throws(GlossGraphError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY, 0o666)
        guard descriptor >= 0 else {
            throw GlossGraphError(.writeFailed(path: path, reason: String(cString: strerror(errno))))
        }
        defer { close(descriptor) }
        try body(descriptor)
    }
}
