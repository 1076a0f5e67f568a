#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finding a run of bytes in UTF-8 text, for the loops that search a corpus part for every
/// candidate string.
package enum ByteSearch {
    /// Calls `found` with the offset (in bytes, 0-based) of each use of `needle` in
    /// `haystack`, left to right. `found` returns the offset to search on from (the use's end
    /// for non-overlapping uses, the next byte for every use), or nil to stop. A candidate is
    /// found by the needle's last byte (memchr), then compared whole (memcmp): a Chinese
    /// needle's first byte is the lead byte of most characters, its last a continuation byte
    /// that varies far more. An empty needle has no use.
    @inline(__always) package static func forEachUse(
        of needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer, _ found: (Int) -> Int?
    ) {
        guard let pattern = needle.baseAddress, !needle.isEmpty, let text = haystack.baseAddress else { return }
        let last = needle.count - 1
        let pivot = Int32(needle[last])
        var offset = 0
        while offset + needle.count <= haystack.count, let hit = memchr(text + offset + last, pivot, haystack.count - offset - last) {
            let use = text.distance(to: UnsafeRawPointer(hit)) - last
            if memcmp(text + use, pattern, needle.count) == 0 {
                guard let next = found(use) else { return }
                offset = next
            } else {
                offset = use + 1
            }
        }
    }
}
