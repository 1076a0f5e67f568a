import GlossGraph
import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard output and error of the command.
enum Terminal {
    static func printError(_ message: String) {
        var line = message
        if !line.hasSuffix("\n") { line += "\n" }
        let bytes = Array(line.utf8)
        writeAll(errorIsTerminal ? TerminalText.inert(bytes) : bytes, to: .standardError)
    }

    /// Whether standard output (error) is a terminal: text from transcripts and glossaries
    /// shown there has its control characters made visible (`TerminalText.inert`).
    static let outputIsTerminal = isatty(STDOUT_FILENO) != 0
    static let errorIsTerminal = isatty(STDERR_FILENO) != 0

    /// Writes to standard output. Output that cannot be written is not lost in silence: a
    /// closed pipe ends the run as SIGPIPE would (status 141, no message, as `head` expects of
    /// its writers), any other error (a full disk, `/dev/full`, a closed descriptor) ends it
    /// with a message and status 74.
    static func write(_ bytes: [UInt8]) {
        do {
            _ = try FileDescriptor.standardOutput.writeAll(outputIsTerminal ? TerminalText.inert(bytes) : bytes)
        } catch {
            let code = (error as? Errno)?.rawValue ?? EIO
            if code == EPIPE { exit(141) }
            printError("error: cannot write to standard output: \(String(cString: strerror(code)))")
            exit(ExitStatus.ioError.rawValue)
        }
    }

    /// Ends the process with `status`, flushing the C library's buffers (exit(3)): for code
    /// where a command's own `exit` method hides the C library's.
    static func end(_ status: Int32) -> Never {
        exit(status)
    }

    static func write(_ text: String) {
        write(Array(text.utf8))
    }

    /// Writes text to standard error as it is (no line break added).
    static func writeError(_ text: String) {
        writeAll(Array(text.utf8), to: .standardError)
    }

    /// Writes every byte (swift-system retries short and interrupted writes); a closed pipe
    /// simply ends the output.
    private static func writeAll(_ bytes: [UInt8], to descriptor: FileDescriptor) {
        _ = try? descriptor.writeAll(bytes)
    }

    /// Columns of the terminal on stdout, or nil when stdout is not a terminal.
    static var columns: Int? {
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Whether standard input is a pipe or a file someone redirected, rather than a terminal
    /// or nothing: with no file argument, commands read it then.
    static var standardInputIsPiped: Bool {
        var info = stat()
        guard fstat(STDIN_FILENO, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type == S_IFIFO || type == S_IFREG
    }
}
