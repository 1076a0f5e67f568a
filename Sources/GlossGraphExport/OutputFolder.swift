import Foundation
import GlossGraphText

/// A folder that maps are written into, with the list of files GlossGraph wrote there
/// (`.glossgraph-files`), so that a run overwrites its own files and refuses to overwrite
/// anyone else's. A run holds the folder's lock (`flock` on `.glossgraph-lock`) from
/// `prepare` until the value is gone, so that runs into one folder take turns and each run's
/// files land together.
public struct OutputFolder: Sendable {
    public static let manifestName = ".glossgraph-files"
    public static let lockName = ".glossgraph-lock"
    /// The folder, open.
    public let folder: AtomicFile.Folder
    public var path: String { folder.path }
    private var entries: Set<String>
    private let lock: FolderLock

    /// Makes the folder when it is missing and checks, before any work is done, that it can be
    /// written and that none of `files` exists unless GlossGraph wrote it (or `force`); removes
    /// temporary files that a killed run left behind.
    ///
    /// - Throws: `GlossGraphError` with `.outputIsNotAFolder`, `.cannotCreateFolder`,
    ///   `.folderNotWritable`, `.cannotCreateFile` (the folder cannot be opened),
    ///   `.folderFileUnusable` (its lock or list), `.foreignOutputFile`, or `.cannotReplace`
    ///   (a target is a folder, a socket or a file with other hard links).
    public static func prepare(_ path: String, for files: [String], force: Bool) throws(GlossGraphError) -> OutputFolder {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if exists {
            guard isFolder.boolValue else { throw GlossGraphError(.outputIsNotAFolder(path: path)) }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                // The system's reason (`No such file or directory` under /proc, `Not a directory`
                // under a file) is the underlying POSIX error's.
                let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error
                let reason = (underlying as NSError?).map { $0.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32($0.code))) : $0.localizedDescription }
                throw GlossGraphError(.cannotCreateFolder(path: path, reason: reason ?? error.localizedDescription))
            }
        }
        guard FileManager.default.isWritableFile(atPath: path) else { throw GlossGraphError(.folderNotWritable(path: path)) }
        // Opened once: the lock, the list and every export are made in this folder by its
        // descriptor, so that a folder swapped for a link mid-run does not redirect them.
        let folder = try AtomicFile.Folder(path)
        let lock = try FolderLock(in: folder, removingUnusedFolder: !exists)
        let listed = try Self.listedFiles(in: folder)
        for file in files {
            if !force && !listed.contains(file) && folder.status(of: file) != nil {
                throw GlossGraphError(.foreignOutputFile(path: folder.path(of: file)))
            }
            // Every target is checked before any is written, so that a refusal leaves the set whole.
            try AtomicFile.checkReplaceable(file, in: folder)
        }
        // Temporary files of a run that was killed: regular files of this user's, named as
        // `AtomicFile` alone names them, a minute old at least, so that a `count` or
        // `glossary export` writing into the same folder right now (they take no lock) keeps
        // its own, and another user's are never removed.
        for stale in folder.names() where AtomicFile.isTemporaryName(stale) {
            guard let status = folder.status(of: stale), status.st_mode & S_IFMT == S_IFREG, status.st_uid == geteuid(),
                time(nil) - status.st_mtim.tv_sec > 60
            else { continue }
            unlinkat(folder.descriptor, stale, 0)
        }
        return OutputFolder(folder: folder, entries: listed, lock: lock)
    }

    /// Adds `files` to the list, which is written atomically like every output. Files are
    /// recorded before they are written, so that a run that fails part-way leaves a list
    /// that lets the next run take over.
    public mutating func record(_ files: [String]) throws(GlossGraphError) {
        let before = entries.count
        entries.formUnion(files)
        guard entries.count != before || folder.status(of: Self.manifestName) == nil else { return }
        let text = entries.sorted().joined(separator: "\n") + "\n"
        try AtomicFile.write(Array(text.utf8), named: Self.manifestName, in: folder, replacingAnyFile: true)
    }

    /// The names in `folder`'s list, read only from a regular file of at most 1 MiB: a
    /// symbolic link, FIFO or device planted under the name is refused, not followed, waited
    /// on or read without end.
    ///
    /// - Throws: `GlossGraphError` with `.folderFileUnusable`.
    private static func listedFiles(in folder: AtomicFile.Folder) throws(GlossGraphError) -> Set<String> {
        let path = folder.path(of: manifestName)
        let descriptor = openat(folder.descriptor, manifestName, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { return [] }
            throw GlossGraphError(.folderFileUnusable(
                path: path, reason: code == ELOOP ? "it is a symbolic link, which glossgraph does not follow" : String(cString: strerror(code))))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= 1 << 20 else {
            throw GlossGraphError(.folderFileUnusable(path: path, reason: "it is not a regular file of 1 MiB at most"))
        }
        // A list another user wrote would let that user choose which files this run replaces.
        guard info.st_uid == geteuid() else {
            throw GlossGraphError(.folderFileUnusable(path: path, reason: "it belongs to another user (uid \(info.st_uid)), whose list of files glossgraph does not trust"))
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count >= 0 else { throw GlossGraphError(.folderFileUnusable(path: path, reason: String(cString: strerror(errno)))) }
        return Set(bytes[..<count].split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) })
    }

}

/// An exclusive `flock` on a file in a folder, held until the value is gone (as the kernel
/// releases it when the descriptor closes, a killed run never leaves the folder locked).
final class FolderLock: Sendable {
    private let descriptor: Int32
    /// The folder when this run made it: a run that fails before writing there removes it
    /// again, rather than leave a folder holding only the lock.
    private let madeFolder: AtomicFile.Folder?

    /// Waits for the lock on `folder`'s `OutputFolder.lockName`. With `removingUnusedFolder`
    /// (the run made the folder), the folder goes when the lock does if it holds nothing else.
    ///
    /// - Throws: `GlossGraphError` with `.folderFileUnusable` when the lock file is a symbolic link
    ///   (never followed), not a regular file, or cannot be opened, and `.folderNotWritable`
    ///   when it cannot be made.
    init(in folder: AtomicFile.Folder, removingUnusedFolder: Bool = false) throws(GlossGraphError) {
        madeFolder = removingUnusedFolder ? folder : nil
        let path = folder.path(of: OutputFolder.lockName)
        // O_NONBLOCK: a FIFO planted under the name must not hold the run at open(2).
        // Readable by its owner only: whoever can open a lock file can hold its lock.
        let opened = openat(folder.descriptor, OutputFolder.lockName, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o600)
        guard opened >= 0 else {
            let code = errno
            if code == ELOOP { throw GlossGraphError(.folderFileUnusable(path: path, reason: "it is a symbolic link, which glossgraph does not follow")) }
            if code == EACCES || code == EROFS || code == EPERM, faccessat(folder.descriptor, OutputFolder.lockName, F_OK, 0) != 0 {
                throw GlossGraphError(.folderNotWritable(path: folder.path))
            }
            throw GlossGraphError(.folderFileUnusable(path: path, reason: String(cString: strerror(code))))
        }
        var info = stat()
        guard fstat(opened, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(opened)
            throw GlossGraphError(.folderFileUnusable(path: path, reason: "it is not a regular file"))
        }
        // Another user's lock file could be held by that user forever.
        guard info.st_uid == geteuid() else {
            close(opened)
            throw GlossGraphError(.folderFileUnusable(path: path, reason: "it belongs to another user (uid \(info.st_uid)), who could hold the lock"))
        }
        descriptor = opened
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
    }

    deinit {
        // Still held here, so no other run has written into the folder meanwhile.
        if let madeFolder, madeFolder.names() == [OutputFolder.lockName] {
            unlinkat(madeFolder.descriptor, OutputFolder.lockName, 0)
            rmdir(madeFolder.path)
        }
        close(descriptor)
    }
}
