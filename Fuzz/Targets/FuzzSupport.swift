// Shared by the fuzz targets: each target file defines `fuzzOne(_:)`; the entry point libFuzzer
// calls hands it the input as bytes.

@_cdecl("LLVMFuzzerTestOneInput")
public func llvmFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    fuzzOne(bytes)
    return 0
}

/// Splits fuzz input into parts at 0xFF bytes (never valid UTF-8, so never inside text).
func fuzzParts(_ bytes: [UInt8], maxParts: Int = 16) -> [String] {
    bytes.split(separator: 0xFF, maxSplits: maxParts, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
}
