#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lines of a UTF-8 buffer whose line ends are `\n`, as byte ranges without the `\n`.
struct LineTable {
    let bytes: [UInt8]
    /// Start offset of each line; line `i` (0-based) ends where line `i + 1` starts, less one.
    private(set) var starts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                offset = base.distance(to: UnsafeRawPointer(found)) + 1
                starts.append(offset)
            }
        }
        // A final `\n` ends the last line rather than starting an empty one.
        if starts.count > 1 && starts.last == bytes.count { starts.removeLast() }
        self.starts = starts
    }

    var count: Int { bytes.isEmpty ? 0 : starts.count }

    /// The first byte of line `index` after leading spaces and tabs, and the line's length in
    /// bytes without leading and trailing spaces and tabs, or nil for a line of spaces and
    /// tabs only; read without making a slice (the reader's fast path asks this of every line).
    @inline(__always) func firstTextByte(at index: Int) -> (byte: UInt8, length: Int)? {
        let start = starts[index]
        var end = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count
        return bytes.withUnsafeBufferPointer { buffer in
            // The last line keeps the buffer's final `\n` (a blank last line is that `\n` alone).
            if end > start && end == buffer.count && buffer[end - 1] == 0x0A { end -= 1 }
            var position = start
            while position < end && (buffer[position] == 0x20 || buffer[position] == 0x09) { position += 1 }
            guard position < end else { return nil }
            while end > position && (buffer[end - 1] == 0x20 || buffer[end - 1] == 0x09) { end -= 1 }
            return (buffer[position], end - position)
        }
    }

    /// Line `index` (0-based) without its `\n`.
    subscript(index: Int) -> ArraySlice<UInt8> {
        let start = starts[index]
        var end = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count
        if end > start && end == bytes.count && bytes[end - 1] == 0x0A { end -= 1 }
        return bytes[start..<end]
    }
}
