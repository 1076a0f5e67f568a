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

    /// A folder opened once, that files are made, replaced and removed in by name (`openat`,
    /// `renameat`, `unlinkat`): a folder swapped for a link while a run writes does not
    /// redirect its files. Closed when the value is gone.
    public final class Folder: Sendable {
        /// The path it was opened by, for messages.
        public let path: String
        public let descriptor: Int32

        /// Opens the folder at `path` (following a link there, as opening a file in it would).
        ///
        /// - Throws: `GlossGraphError` with `.cannotCreateFile` when it cannot be opened.
        public init(_ path: String) throws(GlossGraphError) {
            var path = path.isEmpty ? "." : path
            while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
            let opened = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard opened >= 0 else { throw GlossGraphError(.cannotCreateFile(folder: path, reason: String(cString: strerror(errno)))) }
            self.path = path
            descriptor = opened
        }

        deinit { close(descriptor) }

        /// The path of the file `name` in it, for messages.
        public func path(of name: String) -> String { path == "/" ? "/" + name : path + "/" + name }

        /// The names in the folder (without `.` and `..`), read through its descriptor.
        public func names() -> [String] {
            let copy = dup(descriptor)
            guard copy >= 0, let stream = fdopendir(copy) else {
                if copy >= 0 { close(copy) }
                return []
            }
            defer { closedir(stream) }
            rewinddir(stream)
            var names: [String] = []
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
                if name != "." && name != ".." { names.append(name) }
            }
            return names
        }

        /// The status of `name` itself (a link's own, not its target's), or nil when it is missing.
        public func status(of name: String, following: Bool = false) -> stat? {
            var status = stat()
            return fstatat(descriptor, name, &status, following ? 0 : AT_SYMLINK_NOFOLLOW) == 0 ? status : nil
        }
    }

    /// The folder part and the name part of `path`: "." for a bare name, "/" for a name at the root.
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    /// Whether `name` in `folder` is a symbolic link in a sticky, world-writable folder, owned
    /// neither by this user nor by the folder's owner: one the kernel refuses to follow when
    /// fs.protected_symlinks is on.
    static func isForeignLinkInStickyFolder(_ name: String, in folder: Folder) -> Bool {
        var parent = stat()
        guard let link = folder.status(of: name), link.st_mode & S_IFMT == S_IFLNK, fstat(folder.descriptor, &parent) == 0 else { return false }
        let sticky = parent.st_mode & S_ISVTX != 0 && parent.st_mode & S_IWOTH != 0
        return sticky && link.st_uid != geteuid() && link.st_uid != parent.st_uid
    }

    /// Checks that `name` in `folder` may be replaced: it is no folder or socket, and no
    /// regular file with other hard links (replacing it would split it from them).
    ///
    /// - Throws: `GlossGraphError` with `.cannotReplace`.
    public static func checkReplaceable(_ name: String, in folder: Folder) throws(GlossGraphError) {
        if let existing = folder.status(of: name, following: true) {
            if existing.st_mode & S_IFMT == S_IFDIR {
                throw GlossGraphError(.cannotReplace(path: folder.path(of: name), reason: "it is a folder; name a file"))
            }
            if existing.st_mode & S_IFMT == S_IFSOCK {
                throw GlossGraphError(.cannotReplace(path: folder.path(of: name), reason: "it is a socket"))
            }
        }
        if let replaced = folder.status(of: name), replaced.st_mode & S_IFMT == S_IFREG, replaced.st_nlink > 1 {
            throw GlossGraphError(.cannotReplace(
                path: folder.path(of: name),
                reason: "it has \(replaced.st_nlink) hard links, which replacing it would break; remove the other links or write to another path"))
        }
    }

    /// `bytes` written as `write(to:replacingAnyFile:body:)` writes.
    public static func write(_ bytes: [UInt8], to path: String, replacingAnyFile: Bool = false) throws(GlossGraphError) {
        try write(to: path, replacingAnyFile: replacingAnyFile) { descriptor throws(GlossGraphError) in
            try ByteSink.write(bytes, to: descriptor, path: path)
        }
    }

    /// `bytes` written as `write(named:in:replacingAnyFile:body:)` writes.
    public static func write(_ bytes: [UInt8], named name: String, in folder: Folder, replacingAnyFile: Bool = false) throws(GlossGraphError) {
        try write(named: name, in: folder, replacingAnyFile: replacingAnyFile) { descriptor throws(GlossGraphError) in
            try ByteSink.write(bytes, to: descriptor, path: folder.path(of: name))
        }
    }

    /// Lets `body` write the file's content to a descriptor of a temporary file in the same
    /// folder, then flushes it to disk and renames it over `path`. Nothing is left behind when
    /// `body` throws. With `replacingAnyFile` (a file of GlossGraph's own, such as an output
    /// folder's list), a device, FIFO or stream at `path` is replaced too, never written to.
    public static func write(to path: String, replacingAnyFile: Bool = false, body: (Int32) throws(GlossGraphError) -> Void) throws(GlossGraphError) {
        if !replacingAnyFile && isStreamPath(path) {
            try writeDirectly(to: path, body: body)
            return
        }
        let (folderPath, name) = split(path)
        if name.isEmpty || name == "." || name == ".." {
            throw GlossGraphError(.cannotReplace(path: path, reason: "it is a folder; name a file"))
        }
        try write(named: name, in: try Folder(folderPath), replacingAnyFile: replacingAnyFile, body: body)
    }

    /// `write(to:replacingAnyFile:body:)` for the file `name` in an open `folder`: the
    /// temporary file is made in it and renamed by its descriptor.
    public static func write(
        named name: String, in folder: Folder, replacingAnyFile: Bool = false, body: (Int32) throws(GlossGraphError) -> Void
    ) throws(GlossGraphError) {
        if let pending = try prepare(named: name, in: folder, replacingAnyFile: replacingAnyFile, body: body) {
            try commit([pending])
        }
    }

    /// A file written under a temporary name beside its target, not yet renamed over it.
    public struct Pending: Sendable {
        let folder: Folder
        let temporary: String
        public let name: String
    }

    /// The first half of `write(named:in:replacingAnyFile:body:)`: checks the target, lets
    /// `body` write the temporary file and flushes it; nil when the target is a device or
    /// stream written directly (without `replacingAnyFile`). `commit` renames it into place.
    ///
    /// - Throws: `GlossGraphError` as `write` does; nothing is left behind.
    public static func prepare(
        named name: String, in folder: Folder, replacingAnyFile: Bool = false, body: (Int32) throws(GlossGraphError) -> Void
    ) throws(GlossGraphError) -> Pending? {
        let path = folder.path(of: name)
        // A link another user planted in a shared sticky folder (/tmp) is replaced, never
        // followed: the rule of Linux's fs.protected_symlinks, kept where it is switched off.
        let replacingAnyFile = replacingAnyFile || isForeignLinkInStickyFolder(name, in: folder)
        try checkReplaceable(name, in: folder)
        if !replacingAnyFile, let existing = folder.status(of: name, following: true), existing.st_mode & S_IFMT != S_IFREG {
            let descriptor = openat(folder.descriptor, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY, 0o666)
            guard descriptor >= 0 else { throw GlossGraphError(.writeFailed(path: path, reason: String(cString: strerror(errno)))) }
            defer { close(descriptor) }
            try body(descriptor)
            return nil
        }
        // The file the rename replaces: the name itself, not what a symlink there names.
        let replaced = folder.status(of: name).flatMap { $0.st_mode & S_IFMT == S_IFREG ? $0 : nil }
        let (descriptor, temporary) = try makeTemporary(in: folder)
        do {
            try body(descriptor)
        } catch {
            close(descriptor)
            unlinkat(folder.descriptor, temporary, 0)
            throw error
        }
        let synced = fsync(descriptor) == 0
        let error = errno
        // The temporary file is private; give it the permission bits of the file it replaces
        // when that is the user's own (never set-user-ID, set-group-ID or sticky bits, and never
        // a symlink's target's or another user's), or those a new file normally gets.
        let keptMode = replaced.flatMap { $0.st_uid == geteuid() ? $0.st_mode & 0o777 : nil }
        fchmod(descriptor, keptMode ?? 0o666 & ~Self.processUmask)
        close(descriptor)
        guard synced else {
            unlinkat(folder.descriptor, temporary, 0)
            throw GlossGraphError(.writeFailed(path: path, reason: String(cString: strerror(error))))
        }
        return Pending(folder: folder, temporary: temporary, name: name)
    }

    /// Renames prepared files into place, together: every target is checked again first (a
    /// hard link made meanwhile refuses them all), so that either all are renamed or none.
    /// The temporary files of those not renamed are removed.
    ///
    /// - Throws: `GlossGraphError` with `.cannotReplace`.
    public static func commit(_ files: [Pending]) throws(GlossGraphError) {
        var renamed = 0
        defer {
            for file in files.dropFirst(renamed) { unlinkat(file.folder.descriptor, file.temporary, 0) }
        }
        for file in files { try checkReplaceable(file.name, in: file.folder) }
        for file in files {
            guard renameat(file.folder.descriptor, file.temporary, file.folder.descriptor, file.name) == 0 else {
                throw GlossGraphError(.cannotReplace(path: file.folder.path(of: file.name), reason: String(cString: strerror(errno))))
            }
            renamed += 1
        }
    }

    /// Removes prepared files that will not be committed.
    public static func discard(_ files: [Pending]) {
        for file in files { unlinkat(file.folder.descriptor, file.temporary, 0) }
    }

    /// `prepare(named:in:replacingAnyFile:body:)` for a path; a stream path (`/dev/stdout`) is
    /// written to directly, and nil returned.
    ///
    /// - Throws: `GlossGraphError` as `write(to:replacingAnyFile:body:)` does.
    public static func prepare(path: String, body: (Int32) throws(GlossGraphError) -> Void) throws(GlossGraphError) -> Pending? {
        if isStreamPath(path) {
            try writeDirectly(to: path, body: body)
            return nil
        }
        let (folderPath, name) = split(path)
        if name.isEmpty || name == "." || name == ".." {
            throw GlossGraphError(.cannotReplace(path: path, reason: "it is a folder; name a file"))
        }
        return try prepare(named: name, in: try Folder(folderPath), body: body)
    }

    /// `checkReplaceable(_:in:)` for a path (a stream path is always written to).
    ///
    /// - Throws: `GlossGraphError` with `.cannotReplace`, or `.cannotCreateFile` when its
    ///   folder cannot be opened.
    public static func checkReplaceable(path: String) throws(GlossGraphError) {
        guard !isStreamPath(path) else { return }
        let (folderPath, name) = split(path)
        try checkReplaceable(name, in: try Folder(folderPath))
    }

    /// A new private file in `folder` named `temporaryPrefix` and six random letters and
    /// digits, as `mkstemp` names them (which has no form relative to a folder descriptor).
    private static func makeTemporary(in folder: Folder) throws(GlossGraphError) -> (descriptor: Int32, name: String) {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let name = temporaryPrefix + String(decoding: (0..<6).map { _ in letters.randomElement(using: &generator)! }, as: UTF8.self)
            let descriptor = openat(folder.descriptor, name, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor >= 0 { return (descriptor, name) }
            if errno != EEXIST { break }
        }
        throw GlossGraphError(.cannotCreateFile(folder: folder.path, reason: String(cString: strerror(errno))))
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
