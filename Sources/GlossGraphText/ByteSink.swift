import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where an export's bytes go as they are made: to a file descriptor a MiB at a time, so
/// that an export of any size (a million links) needs no more memory than that, or, without
/// a descriptor, into `bytes`.
public struct ByteSink {
    public private(set) var bytes: [UInt8] = []
    /// The file descriptor written to, if any: a writer that streams to it itself
    /// (libxml2's) flushes the sink first.
    public let descriptor: Int32?
    /// The path written to, for messages.
    private let path: String

    /// Bytes are written out once this many are waiting.
    public static let flushBytes = 1 << 20

    /// A sink that keeps its bytes.
    public init() {
        descriptor = nil
        path = ""
    }

    /// A sink that writes to `descriptor` (the file `path`).
    public init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
        bytes.reserveCapacity(Self.flushBytes + (64 << 10))
    }

    /// The bytes `write` puts into a sink that keeps them.
    public static func collect(_ write: (inout ByteSink) throws(GlossGraphError) -> Void) -> [UInt8] {
        var sink = ByteSink()
        do {
            try write(&sink)
        } catch {
            // Only writing to a file fails, and this sink writes to none.
            preconditionFailure("a sink without a file failed: \(error)")
        }
        return sink.bytes
    }

    public mutating func append(_ byte: UInt8) { bytes.append(byte) }
    public mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
    public mutating func append(contentsOf piece: some Sequence<UInt8>) { bytes.append(contentsOf: piece) }

    /// Writes the bytes waiting when they are a MiB or more (with a descriptor).
    ///
    /// - Throws: `GlossGraphError` `.writeFailed`.
    public mutating func flushIfFull() throws(GlossGraphError) {
        if bytes.count >= Self.flushBytes { try flush() }
    }

    /// Writes every byte waiting (with a descriptor).
    ///
    /// - Throws: `GlossGraphError` `.writeFailed`.
    public mutating func flush() throws(GlossGraphError) {
        guard let descriptor, !bytes.isEmpty else { return }
        try Self.write(bytes, to: descriptor, path: path)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes every byte of `bytes` to `descriptor` (the file `path`).
    ///
    /// - Throws: `GlossGraphError` `.writeFailed` with the system's reason.
    public static func write(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(GlossGraphError) {
        do {
            // swift-system retries short and interrupted writes.
            _ = try FileDescriptor(rawValue: descriptor).writeAll(bytes)
        } catch {
            throw GlossGraphError(.writeFailed(path: path, reason: String(cString: strerror((error as? Errno)?.rawValue ?? EIO))))
        }
    }
}
