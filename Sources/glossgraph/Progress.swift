import Foundation
import GlossGraph

#if canImport(Glibc)
    import Glibc
#endif

/// A progress line on standard error for long runs: bytes read, units, rate and time left,
/// redrawn at most five times a second and erased at the end. Silent unless standard error is
/// a terminal and the input is large.
final class ProgressLine: @unchecked Sendable {
    /// Inputs smaller than this finish too soon for progress to help.
    static let threshold = 32 << 20

    private let total: Int
    private let enabled: Bool
    private let lock = NSLock()
    private let start = Date()
    private var done = 0
    private var units = 0
    private var lastDrawn = Date.distantPast
    private var drawn = false

    init(files: [String], quiet: Bool) {
        total = files.reduce(0) { sum, file in
            sum + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
        enabled = !quiet && isatty(STDERR_FILENO) != 0 && total >= Self.threshold
    }

    func advance(bytes: Int = 0, units newUnits: Int = 0) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        done += bytes
        units += newUnits
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= 0.2 else { return }
        lastDrawn = now
        let seconds = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(done) / seconds
        let left = rate > 0 ? Double(total - done) / rate : 0
        let line = String(
            format: "\r\u{1B}[K%.0f / %.0f MB  %d units  %.0f MB/s  %.0f s left", Double(done) / 1e6, Double(total) / 1e6, units,
            rate / 1e6, left)
        Terminal.writeError(line)
        drawn = true
    }

    /// Erases the line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { Terminal.writeError("\r\u{1B}[K") }
        drawn = false
    }
}
