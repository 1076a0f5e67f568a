import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file read from start to end in blocks: a named file, or standard input for `-`. Reading
/// goes through swift-system, which retries interrupted reads.
package final class InputFile {
    /// The path that names standard input.
    package static let standardInput = "-"

    package let path: String
    private let descriptor: FileDescriptor
    private let closesDescriptor: Bool
    package private(set) var atEnd = false

    /// Opens `path` for reading.
    ///
    /// - Throws: `GlossGraphError` with `.cannotOpen` (the system's reason, or "no such file")
    ///   or `.notAFile` for a folder.
    package init(path: String) throws(GlossGraphError) {
        self.path = path
        if path == Self.standardInput {
            descriptor = .standardInput
            closesDescriptor = false
            return
        }
        do {
            descriptor = try FileDescriptor.open(path, .readOnly, options: [.closeOnExec])
        } catch {
            let code = (error as? Errno)?.rawValue ?? EIO
            let reason = code == ENOENT ? "no such file" : String(cString: strerror(code))
            throw GlossGraphError(.cannotOpen(path: path, reason: reason))
        }
        closesDescriptor = true
        var info = stat()
        if fstat(descriptor.rawValue, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR {
            try? descriptor.close()
            throw GlossGraphError(.notAFile(path: path))
        }
    }

    deinit {
        if closesDescriptor { try? descriptor.close() }
    }

    /// Reads into `space` until it is full or the file ends; returns the bytes read.
    ///
    /// - Throws: `GlossGraphError` with `.readFailed`.
    package func read(into space: UnsafeMutableRawBufferPointer) throws(GlossGraphError) -> Int {
        var filled = 0
        while filled < space.count {
            let got: Int
            do {
                got = try descriptor.read(into: UnsafeMutableRawBufferPointer(rebasing: space[filled...]), retryOnInterrupt: true)
            } catch {
                throw GlossGraphError(.readFailed(path: path, reason: String(cString: strerror((error as? Errno)?.rawValue ?? EIO))))
            }
            if got == 0 {
                atEnd = true
                break
            }
            filled += got
        }
        return filled
    }

    /// Appends up to `count` more bytes to `buffer`; fewer only at the end of the file.
    package func read(_ count: Int, appendingTo buffer: inout [UInt8]) throws(GlossGraphError) {
        var remaining = count
        while remaining > 0 && !atEnd {
            // Room is made a block at a time, so that a small file is not read into megabytes
            // of zeroed memory.
            let block = min(remaining, 256 << 10)
            let start = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: block))
            let got = try buffer.withUnsafeMutableBytes { raw in
                Result { () throws(GlossGraphError) in try read(into: UnsafeMutableRawBufferPointer(rebasing: raw[start...])) }
            }.get()
            buffer.removeLast(block - got)
            remaining -= got
        }
        if remaining > 0 { atEnd = true }
    }

    /// The rest of the file.
    package func readAll() throws(GlossGraphError) -> [UInt8] {
        var bytes: [UInt8] = []
        while !atEnd { try read(1 << 20, appendingTo: &bytes) }
        return bytes
    }
}
