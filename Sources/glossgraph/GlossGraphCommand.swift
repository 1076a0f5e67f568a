import ArgumentParser
import GlossGraph

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@main
struct GlossGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossgraph",
        abstract: "Turn bilingual (Chinese/English) interview transcripts into a glossary and a concept graph.",
        discussion: """
            Exit status: 0 success; 1 not found (lookup); 2 findings (consistency); 64 usage \
            error; 65 bad input data; 66 input missing; 73 cannot create output; 74 I/O error.
            """,
        version: GlossGraphVersion.string,
        subcommands: [MapCommand.self, CountCommand.self, MergeCommand.self, TurnsCommand.self, ExtractCommand.self, LookupCommand.self, GlossaryCommand.self, DiscoverCommand.self, ConsistencyCommand.self]
    )

    /// ICU's Traditional-to-Simplified transliterator, which every command that reads a
    /// glossary needs, takes longer to build than the arguments take to parse: its building
    /// starts first, on another thread.
    static func main() {
        NameKey.prepareInBackground()
        main(nil)
    }
}

/// Runs a command body, turning library errors into a message on stderr and the exit status
/// the README documents.
func runReportingErrors(_ body: () throws -> Void) throws {
    keepFreedMemory()
    do {
        try body()
    } catch let error as GlossGraphError {
        Terminal.printError(error.description)
        throw ExitCode(error.status.rawValue)
    } catch let errors as GlossGraphErrors {
        Terminal.printError(errors.description)
        throw ExitCode(errors.status.rawValue)
    }
}

/// glibc hands freed memory at the top of the heap back to the kernel at once, so each part
/// of a large file maps and zeroes its pages afresh (a tenth of the run in page faults). The
/// parts are the same size, so keeping what was freed costs no more than the peak.
private func keepFreedMemory() {
    #if canImport(Glibc)
        let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3  // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
        _ = mallopt(trimThreshold, 256 << 20)
        _ = mallopt(mmapThreshold, 32 << 20)
    #endif
}

#if canImport(Glibc)
    /// glibc's `mallopt` (in <malloc.h>, which the Glibc module does not export).
    @_silgen_name("mallopt")
    private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

enum Terminal {
    static func printError(_ message: String) {
        var line = message
        if !line.hasSuffix("\n") { line += "\n" }
        writeAll(Array(line.utf8), to: STDERR_FILENO)
    }

    static func printNotices(_ notices: [Notice]) {
        for notice in notices { printError(notice.description) }
    }

    static func write(_ bytes: [UInt8]) {
        writeAll(bytes, to: STDOUT_FILENO)
    }

    /// Writes text to standard error as it is (no line break added).
    static func writeError(_ text: String) {
        writeAll(Array(text.utf8), to: STDERR_FILENO)
    }

    /// Writes every byte, retrying short writes; a closed pipe simply ends the output.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    static func write(_ text: String) {
        write(Array(text.utf8))
    }

    /// Columns of the terminal on stdout, or nil when stdout is not a terminal.
    static var columns: Int? {
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
