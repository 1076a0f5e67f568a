/// A run of UTF-8 bytes used as a dictionary key. It hashes the bytes in bulk, which is many
/// times faster than `ArraySlice<UInt8>`'s element-by-element hashing.
package struct ByteString: Hashable, Sendable {
    package let bytes: ArraySlice<UInt8>

    @inlinable package init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    @inlinable package static func == (lhs: ByteString, rhs: ByteString) -> Bool {
        lhs.bytes.elementsEqual(rhs.bytes)
    }

    @inlinable package func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    package var string: String { String(decoding: bytes, as: UTF8.self) }
}
