import COpenCC
import Foundation

/// Conversions between Simplified and Traditional Chinese and their regional standards, by
/// OpenCC (its phrase and character dictionaries, Debian's libopencc-data), the field's
/// standard converter: it converts phrases and regional vocabulary (数据中心 → 資料中心 under
/// `s2twp`), where ICU's Hant-Hans reads characters one by one.
public enum ChineseConversion: String, Sendable, CaseIterable {
    /// Simplified to Traditional (OpenCC's standard).
    case s2t
    /// Simplified to Taiwan's character standard.
    case s2tw
    /// Simplified to Taiwan's standard with Taiwan's phrases (软件 → 軟體).
    case s2twp
    /// Simplified to Hong Kong's character standard.
    case s2hk
    /// Traditional to Simplified.
    case t2s
    /// Taiwan's standard to Simplified.
    case tw2s
    /// Taiwan's standard and phrases to Simplified (資料中心 → 数据中心).
    case tw2sp
    /// Hong Kong's standard to Simplified.
    case hk2s

    /// The conversions from Simplified text.
    public static let fromSimplified: [ChineseConversion] = [.s2t, .s2tw, .s2twp, .s2hk]
    /// The conversions to Simplified text.
    public static let toSimplified: [ChineseConversion] = [.t2s, .tw2s, .tw2sp, .hk2s]

    /// `texts` converted, each on its own (one OpenCC call for all of them: texts must not
    /// hold line breaks, which separate them); nil when OpenCC's data for the conversion is
    /// missing.
    public func convert(_ texts: [String]) -> [String]? {
        guard !texts.isEmpty else { return [] }
        guard let converter = ChineseConversion.converters[self]!.value else { return nil }
        let joined = texts.joined(separator: "\n")
        let converted: String? = joined.withCString { input in
            converter.lock.lock()
            defer { converter.lock.unlock() }
            guard let output = opencc_convert_utf8(converter.handle, input, strlen(input)) else { return nil }
            defer { opencc_convert_utf8_free(output) }
            return String(cString: output)
        }
        guard let lines = converted?.split(separator: "\n", omittingEmptySubsequences: false), lines.count == texts.count else { return nil }
        return lines.map(String.init)
    }

    /// `text` converted; nil when OpenCC's data is missing.
    public func convert(_ text: String) -> String? {
        convert([text.replacingOccurrences(of: "\n", with: " ")])?.first
    }

    /// Whether OpenCC can make every conversion (its data files are installed).
    public static var isAvailable: Bool { allCases.allSatisfy { converters[$0]!.value != nil } }

    /// Each conversion of `texts` in `conversions`, made at once on all cores (opening a
    /// conversion loads its dictionaries, which takes longer than converting a glossary).
    public static func convert(_ texts: [String], by conversions: [ChineseConversion]) -> [[String]?] {
        (try? Parallel.map(conversions, jobs: ProcessInfo.processInfo.activeProcessorCount) { $0.convert(texts) })
            ?? conversions.map { $0.convert(texts) }
    }

    private final class Handle: @unchecked Sendable {
        let handle: opencc_t
        /// OpenCC does not say that one converter may convert on two threads at once.
        let lock = NSLock()
        init(_ handle: opencc_t) { self.handle = handle }
        deinit { opencc_close(handle) }
    }

    /// Each opened on first use, and kept for the process.
    private static let converters: [ChineseConversion: LazyBox<Handle?>] = Dictionary(
        uniqueKeysWithValues: allCases.map { conversion in
            (conversion, LazyBox {
                guard let handle = opencc_open("\(conversion.rawValue).json"), handle != opencc_t(bitPattern: -1) else { return nil }
                return Handle(handle)
            })
        })
}

/// A value computed on first use; safe to share between threads.
package final class LazyBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    private let make: @Sendable () -> Value

    package init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    package var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let made = make()
        stored = made
        return made
    }
}
