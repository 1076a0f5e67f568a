import COpenCC
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Conversions between Simplified and Traditional Chinese and their regional standards, by
/// OpenCC (its phrase and character dictionaries, Debian's libopencc-data), the field's
/// standard converter: it converts phrases and regional vocabulary (数据中心 → 資料中心 under
/// `s2twp`), where ICU's Hant-Hans reads characters one by one.
///
/// The conversions from Simplified are made as OpenCC's `s2t` followed by its step from
/// Traditional to the regional standard (`t2tw`, `t2hk`, and for Taiwan's phrases the
/// `TWPhrases` and `TWVariants` dictionaries that `s2twp` applies), so that `s2t`'s phrase
/// dictionary, the largest, is loaded once rather than by each.
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
    /// Simplified to Traditional character by character, without OpenCC's phrases: 分布 stays
    /// 分布 where `s2t` writes 分佈, as much Traditional text does.
    case s2tCharacters
    /// `s2tCharacters`, then Taiwan's character standard.
    case s2twCharacters
    /// `s2tCharacters`, then Taiwan's phrases and standard (`s2twp`'s step after `s2t`).
    case s2twpCharacters
    /// `s2tCharacters`, then Hong Kong's character standard.
    case s2hkCharacters

    /// The conversions from Simplified text.
    public static let fromSimplified: [ChineseConversion] = [.s2t, .s2tw, .s2twp, .s2hk]
    /// The conversions to Simplified text.
    public static let toSimplified: [ChineseConversion] = [.t2s, .tw2s, .tw2sp, .hk2s]
    /// The conversions from Simplified text that start character by character: they load
    /// none of OpenCC's phrase dictionary, the largest.
    public static let fromSimplifiedByCharacters: [ChineseConversion] = [.s2tCharacters, .s2twCharacters, .s2twpCharacters, .s2hkCharacters]

    /// The OpenCC configurations this conversion runs, in order.
    private var steps: [Step] {
        switch self {
        case .s2t: [.s2t]
        case .s2tw: [.s2t, .t2tw]
        case .s2twp: [.s2t, .t2twp]
        case .s2hk: [.s2t, .t2hk]
        case .t2s: [.t2s]
        case .tw2s: [.tw2s]
        case .tw2sp: [.tw2sp]
        case .hk2s: [.hk2s]
        case .s2tCharacters: [.s2tc]
        case .s2twCharacters: [.s2tc, .t2tw]
        case .s2twpCharacters: [.s2tc, .t2twp]
        case .s2hkCharacters: [.s2tc, .t2hk]
        }
    }

    /// `texts` converted, each on its own (one OpenCC call for all of them: texts must not
    /// hold line breaks, which separate them); nil when OpenCC's data for the conversion is
    /// missing.
    public func convert(_ texts: [String]) -> [String]? {
        var converted = texts
        for step in steps {
            guard let next = step.convert(converted) else { return nil }
            converted = next
        }
        return converted
    }

    /// `text` converted; nil when OpenCC's data is missing.
    public func convert(_ text: String) -> String? {
        convert([text.replacingOccurrences(of: "\n", with: " ")])?.first
    }

    /// Opens OpenCC's configurations for `conversions` on other threads, so that they are
    /// ready (loading their dictionaries takes longer than reading a glossary) when the first
    /// names are converted.
    public static func prepareInBackground(_ conversions: [ChineseConversion] = allCases) {
        for step in Set(conversions.flatMap(\.steps)) {
            DispatchQueue.global(qos: .userInitiated).async { _ = step.converter }
        }
    }

    /// Whether OpenCC can make every conversion (its data files are installed).
    public static var isAvailable: Bool { Step.allCases.allSatisfy { $0.converter != nil } }

    /// Each conversion of `texts` in `conversions`, made at once on all cores; a first step
    /// that several share (`s2t`, `s2tc`) is made once.
    public static func convert(_ texts: [String], by conversions: [ChineseConversion]) -> [[String]?] {
        var firstSteps: [Step] = []
        for conversion in conversions where conversion.steps.count > 1 && !firstSteps.contains(conversion.steps[0]) {
            firstSteps.append(conversion.steps[0])
        }
        let shared = Dictionary(uniqueKeysWithValues: zip(firstSteps, (try? Parallel.map(firstSteps, jobs: 2) { $0.convert(texts) }) ?? firstSteps.map { $0.convert(texts) }))
        let convert = { @Sendable (conversion: ChineseConversion) -> [String]? in
            let steps = conversion.steps
            guard let first = shared[steps[0]] else { return conversion.convert(texts) }
            guard var converted = first else { return nil }
            for step in steps.dropFirst() {
                guard let next = step.convert(converted) else { return nil }
                converted = next
            }
            return converted
        }
        return (try? Parallel.map(conversions, jobs: ProcessInfo.processInfo.activeProcessorCount, convert)) ?? conversions.map(convert)
    }

    /// One OpenCC configuration: one of OpenCC's own files, or (`t2twp`) one made here of its
    /// dictionaries.
    private enum Step: String, CaseIterable, Sendable {
        case s2t, t2tw, t2hk, t2twp, t2s, tw2s, tw2sp, hk2s, s2tc

        /// `s2twp`'s steps after `s2t`, as OpenCC's own s2twp.json writes them.
        static let taiwanPhrases = """
            {"name": "Traditional Chinese to Taiwan's standard with Taiwan's phrases",
             "segmentation": {"type": "mmseg", "dict": {"type": "ocd2", "file": "TWPhrases.ocd2"}},
             "conversion_chain": [{"dict": {"type": "ocd2", "file": "TWPhrases.ocd2"}},
                                  {"dict": {"type": "ocd2", "file": "TWVariants.ocd2"}}]}
            """

        /// OpenCC's `STCharacters` alone.
        static let characters = """
            {"name": "Simplified Chinese to Traditional Chinese, characters only",
             "segmentation": {"type": "mmseg", "dict": {"type": "ocd2", "file": "STCharacters.ocd2"}},
             "conversion_chain": [{"dict": {"type": "ocd2", "file": "STCharacters.ocd2"}}]}
            """

        /// The configuration made here of OpenCC's dictionaries; nil for OpenCC's own file.
        private var ownConfiguration: String? {
            switch self {
            case .t2twp: Self.taiwanPhrases
            case .s2tc: Self.characters
            default: nil
            }
        }

        func convert(_ texts: [String]) -> [String]? {
            guard !texts.isEmpty else { return [] }
            guard let converter else { return nil }
            let joined = texts.joined(separator: "\n")
            let converted: String? = joined.withCString { input in
                converter.lock.lock()
                defer { converter.lock.unlock() }
                guard let output = opencc_convert_utf8(converter.handle, input, strlen(input)) else { return nil }
                defer { opencc_convert_utf8_free(output) }
                return String(cString: output)
            }
            guard let lines = converted?.split(separator: "\n", omittingEmptySubsequences: false), lines.count == texts.count else {
                return nil
            }
            return lines.map(String.init)
        }

        var converter: Handle? { Self.converters[self]!.value }

        /// Each opened on first use, and kept for the process.
        private static let converters: [Step: LazyBox<Handle?>] = Dictionary(
            uniqueKeysWithValues: allCases.map { step in (step, LazyBox { step.open() }) })

        private func open() -> Handle? {
            let handle = ownConfiguration.map(Self.openConfiguration) ?? opencc_open("\(rawValue).json")
            guard let handle, handle != opencc_t(bitPattern: -1) else { return nil }
            return Handle(handle)
        }

        /// Opens a configuration given as text: OpenCC's C API reads configurations from files
        /// only, so it reads this one from a pipe, and finds the dictionaries it names in its
        /// data folder. Nil where that cannot be done.
        private static func openConfiguration(_ json: String) -> opencc_t? {
            #if os(Linux)
                var ends: [Int32] = [0, 0]
                guard pipe(&ends) == 0 else { return nil }
                defer { close(ends[0]) }
                let bytes = Array(json.utf8)
                let written = bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
                close(ends[1])
                guard written == bytes.count else { return nil }
                return opencc_open("/proc/self/fd/\(ends[0])")
            #else
                return nil
            #endif
        }
    }

    final class Handle: @unchecked Sendable {
        let handle: opencc_t
        /// OpenCC does not say that one converter may convert on two threads at once.
        let lock = NSLock()
        init(_ handle: opencc_t) { self.handle = handle }
        deinit { opencc_close(handle) }
    }
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
