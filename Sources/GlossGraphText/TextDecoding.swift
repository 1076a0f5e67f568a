import CUchardet

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns the bytes of a file into validated UTF-8 with `\n` line ends.
///
/// Accepts UTF-8 with or without a byte-order mark, UTF-16 and UTF-32 (LE or BE) with a
/// byte-order mark, and CRLF, CR or LF line ends. Invalid input is an error naming the byte offset and line,
/// unless `replaceInvalid` is set, in which case each bad sequence becomes U+FFFD and a notice
/// says so.
public enum TextDecoding {
    /// The decoded text and what was noticed on the way.
    public struct Result: Sendable {
        /// UTF-8 bytes, no byte-order mark, every line ending in `\n` replaced by one `\n`.
        public var bytes: [UInt8]
        public var notices: [Notice]
    }

    public static func decode(
        _ raw: [UInt8], file: String, replaceInvalid: Bool = false
    ) throws(GlossGraphError) -> Result {
        var notices: [Notice] = []
        var utf8: [UInt8]
        // UTF-32's little-endian mark starts as UTF-16's does: it is looked for first.
        if raw.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || raw.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            utf8 = try decodeUTF32(raw, bigEndian: raw[0] == 0x00, file: file, replaceInvalid: replaceInvalid, notices: &notices)
        } else if raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF]) {
            utf8 = try decodeUTF16(
                raw, bigEndian: raw[0] == 0xFE, file: file, replaceInvalid: replaceInvalid,
                notices: &notices)
        } else {
            let start = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            utf8 = start == 0 ? raw : Array(raw[start...])
            try validateUTF8(
                &utf8, file: file, fileOffset: start, lineOffset: 0, replaceInvalid: replaceInvalid, notices: &notices)
        }
        try rejectNUL(utf8, file: file, fileOffset: 0, lineOffset: 0)
        normalizeLineEnds(&utf8)
        return Result(bytes: utf8, notices: notices)
    }

    /// Text holds no NUL byte (U+0000); binary data does, and /dev/zero is nothing else, as
    /// grep and git tell binary files from text.
    ///
    /// - Throws: `GlossGraphError` with `.nulByte`, naming the first one's offset (in the
    ///   decoded text, `fileOffset` on) and line.
    public static func rejectNUL(_ bytes: ArraySlice<UInt8>, file: String, fileOffset: Int, lineOffset: Int) throws(GlossGraphError) {
        let found = bytes.withUnsafeBytes { buffer -> Int? in
            guard let base = buffer.baseAddress, let hit = memchr(base, 0, buffer.count) else { return nil }
            return base.distance(to: UnsafeRawPointer(hit))
        }
        guard let offset = found else { return }
        let line = lineOffset + 1 + lineEndCount(bytes[bytes.startIndex..<(bytes.startIndex + offset)])
        throw GlossGraphError(.nulByte(byteOffset: fileOffset + offset), at: SourceLocation(file: file, line: line))
    }

    public static func rejectNUL(_ bytes: [UInt8], file: String, fileOffset: Int, lineOffset: Int) throws(GlossGraphError) {
        try rejectNUL(bytes[...], file: file, fileOffset: fileOffset, lineOffset: lineOffset)
    }

    /// `rejectNUL` on the bytes of `buffer` from `start` on (a block just read), naming the
    /// line within the whole buffer, the file's start: each block is searched once.
    public static func rejectNUL(in buffer: [UInt8], from start: Int, file: String) throws(GlossGraphError) {
        guard (try? rejectNUL(buffer[start...], file: file, fileOffset: start, lineOffset: 0)) == nil else { return }
        try rejectNUL(buffer, file: file, fileOffset: 0, lineOffset: 0)
    }

    /// Converts text in a legacy encoding (`gb18030`, `gbk`, `big5`, `big5-hkscs`, or any
    /// name glibc's iconv knows) to UTF-8 with `\n` line ends.
    ///
    /// - Throws: `GlossGraphError` with `.unknownEncoding` when iconv does not know the name,
    ///   and `.invalidInEncoding` naming the byte offset and line of the first byte sequence
    ///   that is not valid in it.
    public static func decode(_ raw: [UInt8], file: String, encoding: String) throws(GlossGraphError) -> [UInt8] {
        let converter = iconv_open("UTF-8", encoding)
        guard let converter, converter != iconv_t(bitPattern: -1) else {
            throw GlossGraphError(.unknownEncoding(name: encoding))
        }
        defer { iconv_close(converter) }
        // glibc's UTF-7 drops a `+` that starts no base64 run (`C+ D` reads as `C D`); RFC 2152
        // writes a plain `+` as `+-`, so any other is not UTF-7.
        let name = encoding.lowercased().filter { $0.isLetter || $0.isNumber }
        if name == "utf7" || name == "unicode11utf7" {
            let base64 = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-".utf8)
            var inRun = false
            for (offset, byte) in raw.enumerated() {
                if inRun {
                    if !base64.contains(byte) || byte == UInt8(ascii: "-") { inRun = false }
                } else if byte == UInt8(ascii: "+") {
                    guard offset + 1 < raw.count, base64.contains(raw[offset + 1]) else {
                        throw GlossGraphError(
                            .invalidInEncoding(name: encoding, byteOffset: offset), at: SourceLocation(file: file, line: lineNumber(ofByteOffset: offset, in: raw)))
                    }
                    inRun = true
                }
            }
        }
        var input = raw
        var output = [UInt8](repeating: 0, count: raw.count * 4 + 4)
        var failedAt: Int?
        var written = 0
        input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                inBuffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(1, inBuffer.count)) { inStart in
                    outBuffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: outBuffer.count) { outStart in
                        var inPointer: UnsafeMutablePointer<CChar>? = inStart
                        var outPointer: UnsafeMutablePointer<CChar>? = outStart
                        var inLeft = inBuffer.count
                        var outLeft = outBuffer.count
                        // A whole buffer at once: the output has room for any input (4 bytes
                        // each). iconv(3) returns (size_t)-1 on an invalid or cut sequence,
                        // which Swift imports as the Int -1 (comparing with size_t.max, Int.max,
                        // let every invalid byte end the text silently).
                        if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
                            failedAt = inBuffer.count - inLeft
                        } else if iconv(converter, nil, nil, &outPointer, &outLeft) == -1 {
                            // A stateful encoding's closing shift (UTF-7's base64 run) that does not fit.
                            failedAt = inBuffer.count
                        }
                        written = outBuffer.count - outLeft
                    }
                }
            }
        }
        if let failedAt {
            throw GlossGraphError(
                .invalidInEncoding(name: encoding, byteOffset: failedAt),
                at: SourceLocation(file: file, line: lineNumber(ofByteOffset: failedAt, in: raw)))
        }
        var utf8 = Array(output[..<written])
        if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { utf8.removeFirst(3) }
        normalizeLineEnds(&utf8)
        return utf8
    }

    /// Checks that `bytes`, which start `fileOffset` bytes and `lineOffset` lines into
    /// `file`, are well-formed UTF-8. Bad sequences are an error naming the first one's byte
    /// offset in the file and its line, or, with `replaceInvalid`, are replaced by U+FFFD
    /// with a notice.
    ///
    /// - Throws: `GlossGraphError` with `.invalidUTF8`.
    public static func validateUTF8(
        _ bytes: inout [UInt8], file: String, fileOffset: Int, lineOffset: Int, replaceInvalid: Bool, notices: inout [Notice]
    ) throws(GlossGraphError) {
        try rejectNUL(bytes, file: file, fileOffset: fileOffset, lineOffset: lineOffset)
        if let bad = firstInvalidUTF8Offset(bytes) {
            try reportInvalidUTF8(
                at: bad, in: &bytes, file: file, fileOffset: fileOffset, lineOffset: lineOffset, replaceInvalid: replaceInvalid,
                notices: &notices)
        }
    }

    private static func reportInvalidUTF8(
        at bad: Int, in bytes: inout [UInt8], file: String, fileOffset: Int, lineOffset: Int, replaceInvalid: Bool, notices: inout [Notice]
    ) throws(GlossGraphError) {
        let location = SourceLocation(file: file, line: lineOffset + lineNumber(ofByteOffset: bad, in: bytes))
        guard replaceInvalid else {
            throw GlossGraphError(
                .invalidUTF8(byteOffset: fileOffset + bad, likelyEncoding: likelyChineseEncoding(of: bytes[...])), at: location)
        }
        let count = countInvalidSequences(bytes, from: 0)
        notices.append(Notice(
            "replaced \(count) invalid UTF-8 sequence\(count == 1 ? "" : "s") with U+FFFD (first at byte offset \(fileOffset + bad))",
            at: location))
        bytes = Array(String(decoding: bytes, as: UTF8.self).utf8)
    }

    /// The legacy Chinese encoding that text not in UTF-8 is most likely in, as uchardet (the
    /// detector derived from Mozilla's universal charset detector) names it: `GB18030`, `BIG5`,
    /// `EUC-TW`, `HZ-GB-2312` or `ISO-2022-CN`. Only the first 256 KiB are read, up to their
    /// last line break, and the name is given only when iconv decodes them in it without error.
    ///
    /// - Returns: nil for another encoding (uchardet names Western ones for short Chinese
    ///   texts, which are not said), or when the bytes do not decode in the one named.
    public static func likelyChineseEncoding(of bytes: ArraySlice<UInt8>) -> String? {
        var sample = bytes.prefix(256 << 10)
        if sample.count < bytes.count, let lastBreak = sample.lastIndex(of: 0x0A) { sample = sample[...lastBreak] }
        guard let detector = uchardet_new() else { return nil }
        defer { uchardet_delete(detector) }
        let fed = sample.withUnsafeBytes { buffer in
            uchardet_handle_data(detector, buffer.baseAddress?.assumingMemoryBound(to: CChar.self), buffer.count)
        }
        guard fed == 0 else { return nil }
        uchardet_data_end(detector)
        guard let name = uchardet_get_charset(detector).map({ String(cString: $0) }),
            ["GB18030", "BIG5", "EUC-TW", "HZ-GB-2312", "ISO-2022-CN"].contains(name.uppercased()),
            (try? decode(Array(sample), file: "", encoding: name)) != nil
        else { return nil }
        return name
    }

    /// The offset of the first byte that does not begin or continue a well-formed UTF-8
    /// sequence (overlong forms, surrogates and values past U+10FFFF are ill-formed).
    @inlinable
    public static func firstInvalidUTF8Offset(_ bytes: [UInt8], from start: Int = 0) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            var index = start
            let count = buffer.count
            let raw = UnsafeRawBufferPointer(buffer)
            // Two three-byte sequences in the low six bytes of a word: lead 1110xxxx, two
            // 10xxxxxx, twice. Leads E0 and ED have narrower second bytes, so they take the full
            // check below.
            @inline(__always) func twoThreeByteSequences(_ word: UInt64) -> Bool {
                guard word & 0xC0C0_F0C0_C0F0 == 0x8080_E080_80E0 else { return false }
                let first = word & 0x0F, second = word >> 24 & 0x0F
                return first != 0 && first != 0xD && second != 0 && second != 0xD
            }
            while index < count {
                if index &+ 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    // Eight ASCII bytes at a time.
                    if word & 0x8080_8080_8080_8080 == 0 {
                        index &+= 8
                        continue
                    }
                    // Most of Chinese text: four three-byte sequences (12 bytes) a step when
                    // they are there, else two.
                    if twoThreeByteSequences(word) {
                        if index &+ 14 <= count, twoThreeByteSequences(raw.loadUnaligned(fromByteOffset: index &+ 6, as: UInt64.self)) {
                            index &+= 12
                        } else {
                            index &+= 6
                        }
                        continue
                    }
                }
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                let length = wellFormedSequenceLength(buffer, at: index)
                if length == 0 { return index }
                index += length
            }
            return nil
        }
    }

    package static func countInvalidSequences(_ bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var index = start
            var bad = 0
            while index < buffer.count {
                if buffer[index] < 0x80 {
                    index += 1
                    continue
                }
                let length = wellFormedSequenceLength(buffer, at: index)
                if length == 0 {
                    bad += 1
                    index += 1
                } else {
                    index += length
                }
            }
            return bad
        }
    }

    /// Length of the well-formed multi-byte sequence starting at `index`, or 0 (Unicode
    /// Table 3-7, "Well-Formed UTF-8 Byte Sequences").
    @inline(__always)
    @usableFromInline static func wellFormedSequenceLength(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = buffer[index]
        let remaining = buffer.count - index
        func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            offset < remaining && (low...high).contains(buffer[index + offset])
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }

    /// UTF-32 after its byte-order mark. Before, glibc's iconv ended the text silently at a
    /// code unit past U+10FFFF or a surrogate, and dropped a cut last unit.
    ///
    /// - Throws: `GlossGraphError` with `.invalidInEncoding` naming the byte offset and line
    ///   of a length that is no multiple of four or of a unit that is no Unicode scalar,
    ///   unless `replaceInvalid` (then U+FFFD, with a notice).
    private static func decodeUTF32(
        _ raw: [UInt8], bigEndian: Bool, file: String, replaceInvalid: Bool, notices: inout [Notice]
    ) throws(GlossGraphError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var replaced = 0
        var line = 1
        var index = 4
        while index < raw.count {
            var scalar: Unicode.Scalar?
            if index + 3 < raw.count {
                let bytes = (UInt32(raw[index]), UInt32(raw[index + 1]), UInt32(raw[index + 2]), UInt32(raw[index + 3]))
                let value = bigEndian ? bytes.0 << 24 | bytes.1 << 16 | bytes.2 << 8 | bytes.3 : bytes.3 << 24 | bytes.2 << 16 | bytes.1 << 8 | bytes.0
                scalar = Unicode.Scalar(value)
            }
            if let scalar {
                if scalar == "\n" { line += 1 }
                appendUTF8(scalar, to: &output)
            } else {
                guard replaceInvalid else {
                    throw GlossGraphError(.invalidInEncoding(name: "UTF-32", byteOffset: index), at: SourceLocation(file: file, line: line))
                }
                replaced += 1
                appendUTF8("\u{FFFD}", to: &output)
            }
            index += 4
        }
        if replaced > 0 {
            notices.append(Notice(
                "replaced \(replaced) UTF-32 unit\(replaced == 1 ? "" : "s") that \(replaced == 1 ? "is" : "are") no Unicode character with U+FFFD",
                at: SourceLocation(file: file)))
        }
        return output
    }

    private static func decodeUTF16(
        _ raw: [UInt8], bigEndian: Bool, file: String, replaceInvalid: Bool,
        notices: inout [Notice]
    ) throws(GlossGraphError) -> [UInt8] {
        if raw.count % 2 != 0 && !replaceInvalid {
            throw GlossGraphError(.oddUTF16Length(byteCount: raw.count), at: SourceLocation(file: file))
        }
        var units: [UInt16] = []
        units.reserveCapacity(raw.count / 2)
        var index = 2
        while index + 1 < raw.count {
            let high = UInt16(raw[index]), low = UInt16(raw[index + 1])
            units.append(bigEndian ? high << 8 | low : low << 8 | high)
            index += 2
        }
        var output: [UInt8] = []
        output.reserveCapacity(units.count * 2)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var unitOffset = 0
        var replaced = 0
        var line = 1
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                appendUTF8(scalar, to: &output)
                unitOffset += scalar.value > 0xFFFF ? 2 : 1
            case .emptyInput:
                break loop
            case .error:
                guard replaceInvalid else {
                    throw GlossGraphError(.unpairedSurrogate(byteOffset: 2 + unitOffset * 2), at: SourceLocation(file: file, line: line))
                }
                replaced += 1
                appendUTF8("\u{FFFD}", to: &output)
                unitOffset += 1
            }
        }
        if replaced > 0 {
            notices.append(Notice(
                "replaced \(replaced) unpaired UTF-16 surrogate\(replaced == 1 ? "" : "s") with U+FFFD",
                at: SourceLocation(file: file)))
        }
        if output.starts(with: [0xEF, 0xBB, 0xBF]) { output.removeFirst(3) }
        return output
    }

    private static func appendUTF8(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        UTF8.encode(scalar) { output.append($0) }
    }

    /// Replaces CRLF and lone CR with LF, in place.
    package static func normalizeLineEnds(_ bytes: inout [UInt8]) {
        let hasCarriageReturn = bytes.withUnsafeBytes { $0.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false }
        guard hasCarriageReturn else { return }
        var write = 0
        var read = 0
        let count = bytes.count
        while read < count {
            let byte = bytes[read]
            if byte == 0x0D {
                bytes[write] = 0x0A
                if read + 1 < count && bytes[read + 1] == 0x0A { read += 1 }
            } else {
                bytes[write] = byte
            }
            write += 1
            read += 1
        }
        bytes.removeLast(count - write)
    }

    /// The line ends in `bytes`, counting LF, CRLF and a lone CR as one each.
    public static func lineEndCount(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var count = 0
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                count += 1
                offset = base.distance(to: UnsafeRawPointer(found)) + 1
            }
            if memchr(base, 0x0D, buffer.count) != nil {
                for index in 0..<buffer.count where buffer[index] == 0x0D && (index + 1 == buffer.count || buffer[index + 1] != 0x0A) {
                    count += 1
                }
            }
            return count
        }
    }

    /// 1-based line number of a byte offset, counting LF, CRLF and CR as line ends.
    public static func lineNumber(ofByteOffset offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
            } else if byte == 0x0D {
                line += 1
                if index + 1 < end && bytes[index + 1] == 0x0A { index += 1 }
            }
            index += 1
        }
        return line
    }
}
