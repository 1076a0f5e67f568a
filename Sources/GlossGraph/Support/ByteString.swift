/// A run of UTF-8 bytes used as a dictionary key. It hashes the bytes in bulk, which is many
/// times faster than `ArraySlice<UInt8>`'s element-by-element hashing.
struct ByteString: Hashable, Sendable {
    let bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    static func == (lhs: ByteString, rhs: ByteString) -> Bool {
        lhs.bytes.elementsEqual(rhs.bytes)
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
