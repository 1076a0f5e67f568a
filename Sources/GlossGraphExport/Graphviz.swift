import Foundation
import GlossGraphText
import Synchronization

/// Runs Graphviz's `dot` command to render DOT, through pipes: no file is written outside the
/// output folder.
public enum Graphviz {
    /// The `dot` executable on `PATH`, if any.
    public static var executable: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public static var isInstalled: Bool { executable != nil }

    /// The largest graph `map` has Graphviz draw: `dot`'s layout grows much faster than the
    /// graph (400 concepts and 1,140 links took 50 s, 990 and 2,400 almost 8 minutes), so larger ones are left to
    /// graph tools, with a notice.
    public static let largestDrawnGraph = (concepts: 200, links: 600)

    /// The process IDs of the `dot` processes running now (a rendering and the page's layout,
    /// which may run at once), or 0, for `stopRunning`. A `dot` that outlives its parent ends
    /// only when its layout is done.
    static let runningRenderer = Atomic<Int32>(0)
    static let runningLayout = Atomic<Int32>(0)
    /// Set once the run is being stopped: from then on no thread acts on a `dot` that died.
    static let stopping = Atomic<Bool>(false)

    /// Kills the `dot` processes running now (SIGKILL), for a run that a signal is ending:
    /// left alone, a `dot` would draw on for seconds (minutes for a large map) with no one to
    /// read the drawing. The thread waiting on a killed `dot` then waits for the end of the
    /// process instead of reporting Graphviz's failure, so that the run ends by the signal,
    /// not by a status of its own.
    ///
    /// Async-signal-safe (atomic loads and stores, kill(2)): made to be called from a signal
    /// handler, before the handler ends the process.
    public static func stopRunning() {
        stopping.store(true, ordering: .sequentiallyConsistent)
        let renderer = runningRenderer.load(ordering: .sequentiallyConsistent)
        if renderer > 0 { kill(renderer, SIGKILL) }
        let layout = runningLayout.load(ordering: .sequentiallyConsistent)
        if layout > 0 { kill(layout, SIGKILL) }
    }

    /// The rendering of `dot` in `format`.
    ///
    /// - Throws: `GlossGraphError` with `.graphvizMissing` when `dot` is not on `PATH`, and
    ///   `.graphvizFailed` with its messages when it exits with an error.
    public static func render(_ dot: [UInt8], as format: RenderFormat) throws(GlossGraphError) -> [UInt8] {
        try run(dot, outputFormat: format.rawValue, running: runningRenderer)
    }

    /// Graphviz's layout of `dot` as its JSON output (`-Tjson`): positions and sizes in
    /// points, y upwards, and each edge's drawn B-spline.
    ///
    /// - Throws: as `render(_:as:)`.
    public static func layout(_ dot: [UInt8]) throws(GlossGraphError) -> [UInt8] {
        try run(dot, outputFormat: "json", running: runningLayout)
    }

    private static func run(_ dot: [UInt8], outputFormat format: String, running: borrowing Atomic<Int32>) throws(GlossGraphError) -> [UInt8] {
        guard let executable else { throw GlossGraphError(.graphvizMissing) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-T\(format)"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw GlossGraphError(.graphvizFailed(format: format, message: "\(error.localizedDescription)"))
        }
        running.store(process.processIdentifier, ordering: .sequentiallyConsistent)
        defer { running.store(0, ordering: .sequentiallyConsistent) }
        // Input, output and errors flow at once, so that no pipe fills while another waits.
        let group = DispatchGroup()
        let messages = Box<Data>(Data())
        DispatchQueue.global().async(group: group) {
            try? input.fileHandleForWriting.write(contentsOf: Data(dot))
            try? input.fileHandleForWriting.close()
        }
        // `readToEnd()`, not `readDataToEndOfFile()`: Foundation's older call traps on a read
        // error (`try!`), as one may be when a stop signal kills dot under the read; a failed
        // read here leaves dot's status to tell.
        DispatchQueue.global().async(group: group) {
            messages.value = (try? errors.fileHandleForReading.readToEnd()) ?? Data()
        }
        let rendered = (try? output.fileHandleForReading.readToEnd()) ?? Data()
        group.wait()
        process.waitUntilExit()
        // Killed by `stopRunning`: the signal handler ends the process next; a failure
        // reported meanwhile could end it first, with another status.
        while stopping.load(ordering: .sequentiallyConsistent) { pause() }
        guard process.terminationReason == .exit else {
            throw GlossGraphError(.graphvizFailed(format: format, message: "dot was killed by signal \(process.terminationStatus)"))
        }
        guard process.terminationStatus == 0 else {
            let message = String(decoding: messages.value, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw GlossGraphError(.graphvizFailed(format: format, message: message.isEmpty ? "dot exited with status \(process.terminationStatus)" : message))
        }
        return Array(rendered)
    }
}

/// What fontconfig, through which Graphviz finds fonts, does with a font family.
public enum FontCheck {
    /// The family fontconfig uses instead of `family`, as its `fc-match` says; nil when it
    /// has `family` (under any letter case) or when `fc-match` is not installed.
    public static func substitute(for family: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let fcMatch = paths.map({ "\($0)/fc-match" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: fcMatch)
        process.arguments = ["-f", "%{family}", family]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = (try? output.fileHandleForReading.readToEnd()) ?? Data()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        // A family may go by several names (`Noto Sans CJK SC,Noto Sans CJK`), comma-separated.
        let names = String(decoding: data, as: UTF8.self).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = names.first, !first.isEmpty else { return nil }
        return names.contains { $0.caseInsensitiveCompare(family) == .orderedSame } ? nil : first
    }
}

/// A value written by one thread and read by another after a `DispatchGroup.wait`.
private final class Box<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
