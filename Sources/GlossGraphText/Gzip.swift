import CZlib

/// gzip (RFC 1952) through zlib: counts files written compressed, and compressed files read.
public enum Gzip {
    /// Whether `bytes` start with gzip's magic number (1F 8B).
    public static func isCompressed(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }

    /// `bytes` as one gzip member, compressed at zlib's default level. The header holds no
    /// name and a modification time of 0, so the same bytes always give the same file.
    public static func compress(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        // 15 + 16: a 32 KiB window with gzip's header and trailer instead of zlib's.
        guard deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            preconditionFailure("zlib could not start deflating")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))))
        var input = bytes
        let written = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target -> Int in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                // deflateBound leaves room for all of it: one call finishes.
                let status = deflate(&stream, Z_FINISH)
                precondition(status == Z_STREAM_END, "zlib deflate returned \(status)")
                return Int(stream.total_out)
            }
        }
        return Array(output[..<written])
    }

    /// The bytes of the gzip members in `bytes`, at most `limit` of them.
    ///
    /// - Throws: `GlossGraphError` at `file`: `.fileTooLarge` past `limit`, and `.corruptGzip`
    ///   for data zlib cannot inflate (with zlib's message) or that ends early.
    public static func decompress(_ bytes: [UInt8], limit: Int, file: String) throws(GlossGraphError) -> [UInt8] {
        let inflater = try Inflater(file: file)
        var output: [UInt8] = []
        var position = 0
        while true {
            let step = try inflater.step(bytes, from: position, inputEnded: true)
            position += step.used
            output += step.bytes
            if output.count > limit { throw GlossGraphError(.fileTooLarge(size: output.count, limit: limit), at: SourceLocation(file: file)) }
            if step.ended { return output }
        }
    }

    /// zlib's inflating state for gzip members, one after another (`cat a.gz b.gz` is one
    /// file to gzip), kept at a fixed address as zlib requires.
    final class Inflater {
        private let stream: UnsafeMutablePointer<z_stream>
        private let file: String
        /// Made once: a file of a million empty members must not zero a MiB for each.
        private var output = [UInt8](repeating: 0, count: 1 << 20)

        /// - Throws: `GlossGraphError` `.corruptGzip` when zlib cannot start.
        init(file: String) throws(GlossGraphError) {
            self.file = file
            stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            // 15 + 16: a 32 KiB window, gzip's header and trailer instead of zlib's.
            guard inflateInit2_(stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                stream.deinitialize(count: 1)
                stream.deallocate()
                throw GlossGraphError(.corruptGzip(detail: "zlib could not start inflating"), at: SourceLocation(file: file))
            }
        }

        deinit {
            inflateEnd(stream)
            stream.deinitialize(count: 1)
            stream.deallocate()
        }

        /// Inflates from `input[start...]` into up to a MiB of bytes; returns them, the input
        /// bytes used, and whether the last member has ended (`inputEnded`: no input follows
        /// `input`).
        ///
        /// - Throws: `GlossGraphError` `.corruptGzip` for data zlib cannot inflate, or that
        ///   ends before the stream does.
        func step(_ input: [UInt8], from start: Int, inputEnded: Bool) throws(GlossGraphError) -> (bytes: [UInt8], used: Int, ended: Bool) {
            let available = input.count - start
            // Read, never written, by zlib: no copy of the input is made for a mutable pointer.
            let (status, used, made) = input.withUnsafeBufferPointer { source in
                output.withUnsafeMutableBufferPointer { target -> (Int32, Int, Int) in
                    stream.pointee.next_in = available > 0 ? UnsafeMutablePointer(mutating: source.baseAddress! + start) : nil
                    stream.pointee.avail_in = uInt(available)
                    stream.pointee.next_out = target.baseAddress
                    stream.pointee.avail_out = uInt(target.count)
                    let status = inflate(stream, Z_NO_FLUSH)
                    return (status, available - Int(stream.pointee.avail_in), target.count - Int(stream.pointee.avail_out))
                }
            }
            let produced = Array(output[..<made])
            let noInputLeft = used == available && inputEnded
            switch status {
            case Z_STREAM_END:
                if noInputLeft { return (produced, used, true) }
                inflateReset(stream)
            case Z_OK, Z_BUF_ERROR:
                // No progress with all input read: the stream was cut short.
                if made == 0 && noInputLeft {
                    throw GlossGraphError(.corruptGzip(detail: "the data ends before the gzip stream does"), at: SourceLocation(file: file))
                }
            default:
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw GlossGraphError(.corruptGzip(detail: detail), at: SourceLocation(file: file))
            }
            return (produced, used, false)
        }
    }
}

/// A file's bytes a chunk (about a MiB) at a time, inflated on the way when the file is
/// gzip-compressed, so that a reader that keeps only what it parses needs no more memory
/// than a chunk, whatever the (inflated) size: a gzip bomb of a MiB that inflates to a GiB
/// is never held whole.
public final class ChunkedFile {
    private let input: InputFile
    private let limit: Int
    /// Bytes given out so far (inflated bytes, for a compressed file).
    private var produced = 0
    /// Read but not yet given out or inflated, from `pendingStart` on.
    private var pending: [UInt8] = []
    private var pendingStart = 0
    /// Nil for a plain file.
    private let inflater: Gzip.Inflater?
    private var finished = false

    /// Opens `path` (`-` for standard input). With `gzip`, a file starting with gzip's magic
    /// number is inflated.
    ///
    /// - Throws: `GlossGraphError` with `.cannotOpen`, `.notAFile`, `.readFailed`, or
    ///   `.corruptGzip` when zlib cannot start.
    public init(path: String, limit: Int, gzip: Bool) throws(GlossGraphError) {
        input = try InputFile(path: path)
        self.limit = limit
        try input.read(1 << 20, appendingTo: &pending)
        inflater = gzip && Gzip.isCompressed(pending) ? try Gzip.Inflater(file: path) : nil
    }

    /// The next chunk of bytes, or nil at the end of the file.
    ///
    /// - Throws: `GlossGraphError` at the file: `.fileTooLarge` past `limit` bytes
    ///   (inflated), `.corruptGzip` for data zlib cannot inflate or that ends early, and
    ///   `.readFailed`.
    public func next() throws(GlossGraphError) -> [UInt8]? {
        while !finished {
            if pendingStart == pending.count && !input.atEnd {
                pending.removeAll(keepingCapacity: true)
                pendingStart = 0
                try input.read(1 << 20, appendingTo: &pending)
            }
            let chunk: [UInt8]
            if let inflater {
                let step = try inflater.step(pending, from: pendingStart, inputEnded: input.atEnd)
                pendingStart += step.used
                finished = step.ended
                chunk = step.bytes
            } else {
                chunk = Array(pending[pendingStart...])
                pendingStart = pending.count
                finished = input.atEnd
            }
            guard !chunk.isEmpty else { continue }
            produced += chunk.count
            if produced > limit { throw GlossGraphError(.fileTooLarge(size: produced, limit: limit), at: SourceLocation(file: input.path)) }
            return chunk
        }
        return nil
    }
}
