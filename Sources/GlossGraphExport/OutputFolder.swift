import Foundation
import GlossGraphText

/// A folder that maps are written into, with the list of files GlossGraph wrote there
/// (`.glossgraph-files`), so that a run overwrites its own files and refuses to overwrite
/// anyone else's.
public struct OutputFolder: Sendable {
    public static let manifestName = ".glossgraph-files"
    public let path: String
    private var entries: Set<String>

    /// Makes the folder when it is missing and checks, before any work is done, that it can be
    /// written and that none of `files` exists unless GlossGraph wrote it (or `force`); removes
    /// temporary files that a killed run left behind.
    ///
    /// - Throws: `GlossGraphError` with `.outputIsNotAFolder`, `.cannotCreateFolder`,
    ///   `.folderNotWritable` or `.foreignOutputFile`.
    public static func prepare(_ path: String, for files: [String], force: Bool) throws(GlossGraphError) -> OutputFolder {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw GlossGraphError(.outputIsNotAFolder(path: path)) }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw GlossGraphError(.cannotCreateFolder(path: path))
            }
        }
        guard FileManager.default.isWritableFile(atPath: path) else { throw GlossGraphError(.folderNotWritable(path: path)) }
        let manifest = (path as NSString).appendingPathComponent(manifestName)
        let listed = (try? String(contentsOfFile: manifest, encoding: .utf8)).map { Set($0.split(separator: "\n").map(String.init)) } ?? []
        if !force {
            for file in files where !listed.contains(file) {
                let target = (path as NSString).appendingPathComponent(file)
                if FileManager.default.fileExists(atPath: target) { throw GlossGraphError(.foreignOutputFile(path: target)) }
            }
        }
        // Temporary files of a run that was killed; a minute old at least, so a run writing
        // into the same folder right now keeps its own.
        for stale in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where stale.hasPrefix(".glossgraph-") && stale != manifestName {
            let stalePath = (path as NSString).appendingPathComponent(stale)
            let modified = (try? FileManager.default.attributesOfItem(atPath: stalePath)[.modificationDate] as? Date) ?? Date()
            if Date().timeIntervalSince(modified) > 60 { try? FileManager.default.removeItem(atPath: stalePath) }
        }
        return OutputFolder(path: path, entries: listed)
    }

    /// Adds `files` to the list, which is written atomically like every output. Files are
    /// recorded before they are written, so that a run that fails part-way leaves a list
    /// that lets the next run take over.
    public mutating func record(_ files: [String]) throws(GlossGraphError) {
        let before = entries.count
        entries.formUnion(files)
        guard entries.count != before || !FileManager.default.fileExists(atPath: manifestPath) else { return }
        let text = entries.sorted().joined(separator: "\n") + "\n"
        try AtomicFile.write(Array(text.utf8), to: manifestPath)
    }

    private var manifestPath: String { (path as NSString).appendingPathComponent(Self.manifestName) }
}
