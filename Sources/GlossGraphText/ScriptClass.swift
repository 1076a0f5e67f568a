/// Classifies Unicode scalars the way transcript text needs: which characters belong to the
/// CJK writing system (no spaces between words) and which to Latin-like scripts.
package enum ScriptClass {
    /// Han ideographs, kana, hangul, CJK and full-width punctuation: text written without
    /// spaces between words.
    @inlinable @inline(__always)
    package static func isCJK(_ value: UInt32) -> Bool {
        switch value {
        case 0x2E80...0x2FDF,  // radicals
            0x3000...0x303F,  // CJK symbols and punctuation
            0x3040...0x30FF,  // kana
            0x3100...0x31FF,  // bopomofo, kanbun, strokes
            0x3400...0x4DBF,  // extension A
            0x4E00...0x9FFF,  // unified ideographs
            0xAC00...0xD7AF,  // hangul
            0xF900...0xFAFF,  // compatibility ideographs
            0xFE30...0xFE4F,  // compatibility forms
            0xFF00...0xFFEF,  // full-width and half-width forms
            0x20000...0x3FFFF:  // supplementary ideographs
            return true
        default:
            return false
        }
    }

    /// Letters, digits and punctuation of alphabetic scripts, which separate words by spaces.
    @inlinable @inline(__always)
    package static func isLatinLike(_ value: UInt32) -> Bool {
        if value < 0x80 {
            return value > 0x20 && value != 0x7F
        }
        return value >= 0xA0 && value < 0x2000 && value != 0xA0
    }

    /// The last Unicode scalar of UTF-8 bytes, or nil when empty.
    @inlinable
    package static func lastScalar(_ bytes: ArraySlice<UInt8>) -> UInt32? {
        guard var index = bytes.indices.last else { return nil }
        while index > bytes.startIndex && bytes[index] & 0xC0 == 0x80 { index -= 1 }
        return firstScalar(bytes[index...])
    }

    /// The first Unicode scalar of UTF-8 bytes, or nil when empty.
    @inlinable
    package static func firstScalar(_ bytes: ArraySlice<UInt8>) -> UInt32? {
        guard let lead = bytes.first else { return nil }
        let start = bytes.startIndex
        func continuation(_ offset: Int) -> UInt32 {
            start + offset < bytes.endIndex ? UInt32(bytes[start + offset] & 0x3F) : 0
        }
        switch lead {
        case ..<0x80: return UInt32(lead)
        case 0xC0..<0xE0: return UInt32(lead & 0x1F) << 6 | continuation(1)
        case 0xE0..<0xF0: return UInt32(lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2)
        default:
            return UInt32(lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6
                | continuation(3)
        }
    }

    /// Number of Unicode scalars in UTF-8 bytes.
    @inlinable
    package static func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            // Every byte but a continuation byte (10xxxxxx) starts a scalar; eight at a time.
            let raw = UnsafeRawBufferPointer(buffer)
            var continuations = 0
            var index = 0
            while index + 8 <= buffer.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                index += 8
            }
            while index < buffer.count {
                if buffer[index] & 0xC0 == 0x80 { continuations += 1 }
                index += 1
            }
            return buffer.count - continuations
        }
    }
}
