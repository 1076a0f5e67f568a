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
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw GlossGraphError(.corruptGzip(detail: "zlib could not start inflating"), at: SourceLocation(file: file))
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var input = bytes
        var failure: String?
        var tooLarge = false
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while failure == nil {
                let status = chunk.withUnsafeMutableBufferPointer { target -> Int32 in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output += chunk[..<produced]
                if output.count > limit {
                    tooLarge = true
                    return
                }
                switch status {
                case Z_STREAM_END:
                    // Concatenated members (`cat a.gz b.gz`) are one file to gzip.
                    if stream.avail_in == 0 { return }
                    inflateReset(&stream)
                case Z_OK, Z_BUF_ERROR:
                    // No progress with all input read: the stream was cut short.
                    if produced == 0 && stream.avail_in == 0 { failure = "the data ends before the gzip stream does" }
                default:
                    failure = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                }
            }
        }
        if tooLarge { throw GlossGraphError(.fileTooLarge(size: output.count, limit: limit), at: SourceLocation(file: file)) }
        if let failure { throw GlossGraphError(.corruptGzip(detail: failure), at: SourceLocation(file: file)) }
        return output
    }
}
