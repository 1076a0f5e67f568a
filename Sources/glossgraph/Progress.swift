import Foundation
import GlossGraph
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A progress line on standard error for long runs: bytes read, units, rate and time left,
/// redrawn at most five times a second and erased at the end. Silent unless standard error is
/// a terminal and the input is large.
final class ProgressLine: JobProgress {
    /// Inputs smaller than this finish too soon for progress to help.
    static let threshold = 32 << 20

    private struct State {
        var total = 0
        var enabled = false
        var start = Date()
        var done = 0
        var units = 0
        var lastDrawn = Date.distantPast
        var drawn = false
    }

    private let quiet: Bool
    private let state = Mutex(State())

    init(quiet: Bool) {
        self.quiet = quiet
    }

    func start(files: [String]) {
        let total = files.reduce(0) { sum, file in
            sum + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
        let enabled = !quiet && isatty(STDERR_FILENO) != 0 && total >= Self.threshold
        state.withLock { $0 = State(total: total, enabled: enabled, start: Date()) }
    }

    func advance(bytes: Int, units newUnits: Int) {
        state.withLock { state in
            guard state.enabled else { return }
            state.done += bytes
            state.units += newUnits
            let now = Date()
            guard now.timeIntervalSince(state.lastDrawn) >= 0.2 else { return }
            state.lastDrawn = now
            state.drawn = true
            let seconds = max(now.timeIntervalSince(state.start), 0.001)
            let rate = Double(state.done) / seconds
            let left = rate > 0 ? Double(state.total - state.done) / rate : 0
            Terminal.writeError(String(
                format: "\r\u{1B}[K%.0f / %.0f MB  %d units  %.0f MB/s  %.0f s left", Double(state.done) / 1e6, Double(state.total) / 1e6,
                state.units, rate / 1e6, left))
        }
    }

    /// Network measures of a large graph take a while whatever the input's size: shown on a
    /// terminal unless quiet.
    func measuring(sources done: Int, of total: Int) {
        guard !quiet, isatty(STDERR_FILENO) != 0 else { return }
        state.withLock { state in
            let now = Date()
            guard now.timeIntervalSince(state.lastDrawn) >= 0.2 else { return }
            state.lastDrawn = now
            state.drawn = true
            Terminal.writeError("\r\u{1B}[Kbetweenness, estimated: \(done) / \(total) source nodes")
        }
    }

    /// Erases the line.
    func finish() {
        state.withLock { state in
            if state.drawn { Terminal.writeError("\r\u{1B}[K") }
            state.drawn = false
        }
    }
}
