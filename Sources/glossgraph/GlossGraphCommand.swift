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
            Exit status: 0 success; 1 not found (lookup) or findings (consistency), as grep and \
            diff use it; 64 usage error; 65 bad input data; 66 input missing; 73 cannot create \
            output; 74 I/O error. A file argument '-' is standard input; with no file argument, \
            a piped standard input is read.
            """,
        version: GlossGraphVersion.string,
        subcommands: [
            MapCommand.self, CountCommand.self, MergeCommand.self, TurnsCommand.self, ExtractCommand.self, LookupCommand.self,
            GlossaryCommand.self, DiscoverCommand.self, ConsistencyCommand.self,
        ]
    )

    /// ICU's Traditional-to-Simplified transliterator and OpenCC's conversions, which every
    /// command that reads a glossary needs, take longer to build than the arguments take to
    /// parse: their building starts first, on other threads.
    static func main() {
        NameKey.prepareInBackground()
        // Only for the commands that convert every name; extraction converts them only for
        // text that has Traditional characters.
        if let command = CommandLine.arguments.dropFirst().first, ["lookup", "consistency"].contains(command) {
            ChineseConversion.prepareInBackground()
        }
        // The argument parser prints help, versions and usage errors through the C library's
        // buffered standard output and calls exit(3): a write that fails when the buffer is
        // flushed there (`--help > /dev/full`) must change the status, not vanish.
        atexit(flushOnExit)
        // A `dot` that dies while it is fed (killed by the user, or by the kernel short of
        // memory) closes its input: the write fails with EPIPE, and dot's status tells, where
        // SIGPIPE would end the run without a word. Standard output handles EPIPE itself
        // (`Terminal.write`).
        signal(SIGPIPE, SIG_IGN)
        // A file past the size limit (`ulimit -f`) is a failed write like a full disk: the
        // write returns EFBIG, the run says so and removes its temporary file (exit 74),
        // where the signal would kill it and leave the file behind.
        signal(SIGXFSZ, SIG_IGN)
        // Asked to stop, stop the `dot` that draws the map too (`Graphviz.stopRunning`).
        // Every signal whose default action ends the process, but SIGKILL, which no one can
        // catch. A parent may have left them blocked (the mask is inherited): then a stop
        // would wait until the run ends.
        let stopSignals = [SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU]
        var stops = sigset_t()
        sigemptyset(&stops)
        for stopSignal in stopSignals { sigaddset(&stops, stopSignal) }
        sigprocmask(SIG_UNBLOCK, &stops, nil)
        for stopSignal in stopSignals { signal(stopSignal, stopOnSignal) }
        // A mistyped command (`trun`) reads to the parser as stray arguments: name the closest
        // command, as the parser does for a mistyped option.
        let commands = configuration.subcommands.compactMap { $0.configuration.commandName }
        if let first = CommandLine.arguments.dropFirst().first, !first.hasPrefix("-"), !commands.contains(first), first != "help",
            let closest = commands.min(by: { distance(first, to: $0) < distance(first, to: $1) }), distance(first, to: closest) <= 2
        {
            Terminal.printError("Error: Unknown command '\(first)'. Did you mean '\(closest)'?\nUsage: glossgraph <subcommand>\n  See 'glossgraph --help' for more information.")
            Terminal.end(ExitStatus.usage.rawValue)
        }
        do {
            var command = try parseAsRoot(nil)
            try command.run()
        } catch {
            // A usage error quotes the value given (`--unit $'\e[2J'`): printed as every
            // message is, its control characters are shown on a terminal, not obeyed.
            let code = exitCode(for: error)
            guard code != .success else { exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty { Terminal.printError(message) }
            Terminal.end(code.rawValue)
        }
    }
}

/// Flushes the C library's buffers as the process ends, and turns a failed flush into status 141
/// (a closed pipe) or 74 with a message. A function of its own, as `stopOnSignal` is: exit(3)
/// runs it on whichever thread ends the process.
private func flushOnExit() {
    guard fflush(nil) != 0 else { return }
    let code = errno
    if code == EPIPE { _exit(141) }
    Terminal.printError("error: cannot write to standard output: \(String(cString: strerror(code)))")
    _exit(ExitStatus.ioError.rawValue)
}

/// The handler of the stop signals: stops Graphviz, then ends the process by the signal it
/// received, as the default action would have. Only async-signal-safe calls: no allocation, no
/// lock.
///
/// A function of its own, not a closure in `main()`: a closure there is isolated to the main
/// actor, and Swift checks that isolation when the closure is called. A signal runs its handler
/// on whichever thread it lands on, and on any thread but the main one that check trapped
/// (SIGILL, in about one stop in ten under load).
private func stopOnSignal(_ received: Int32) {
    Graphviz.stopRunning()
    // To the process, not this thread: here the signal is blocked until the handler returns.
    signal(received, SIG_DFL)
    var pending = sigset_t()
    sigemptyset(&pending)
    sigaddset(&pending, received)
    pthread_sigmask(SIG_UNBLOCK, &pending, nil)
    kill(getpid(), received)
}

/// Edits between `word` and a command's name (or its start, so that `tur` is close to turns).
private func distance(_ word: String, to command: String) -> Int {
    EditDistance.toClosestPrefix(of: Array(command.unicodeScalars), from: Array(word.unicodeScalars))
}

extension Terminal {
    /// Prints notices with the hints only the command line can give (its commands and options).
    static func printNotices(_ notices: [Notice]) {
        for var notice in notices {
            switch notice.topic {
            case .skippedText?:
                notice.hint = "; `glossgraph turns --show-skipped \(notice.location?.file ?? "FILE")` lists them"
            case .relatedSpeakers(let full, let short)?:
                notice.hint = "; if they are one person, pass --speaker '\(short)=\(full)'"
            case .shortTextLinks(let conceptsInOneUnit, let isolatedKept)?:
                let options = ["--min-pair-count"] + (conceptsInOneUnit ? ["--min-frequency"] : []) + (isolatedKept ? ["--no-keep-isolated"] : [])
                notice.hint = options.count == 1 ? " (--min-pair-count sets it)"
                    : " (" + options.dropLast().joined(separator: ", ") + " and " + options[options.count - 1] + " set them)"
            case .emptyMap(.discover)?:
                notice.hint = "; the glossary covers little of this text: try --discover, which adds the concepts glossgraph discover proposes"
            case .emptyMap(.thresholds)?:
                notice.hint = "; try --min-frequency 1, --min-pair-count 1 or --keep-isolated"
            case .emptyMap(.reviewProposals)?:
                notice.hint = "; glossgraph discover lists every proposal for these inputs, and with --format glossary writes them as a glossary to review and pass with --glossary"
            case .labelScriptFromInputs?:
                notice.hint = " (--script hans, tw or hk picks another)"
            case .isolatedConcepts?:
                notice.hint = " (--keep-isolated draws them)"
            case .rareConcepts?:
                notice.hint = " (--min-frequency 1 and --keep-isolated map them)"
            case .bundledExample?:
                notice.hint = "; name files or folders (or pipe text in) to read your own"
            case .unitsWithoutSpeakers?, nil:
                break
            }
            printError(notice.description)
        }
    }
}

/// Runs a command body, turning library errors into a message on stderr (with the hints
/// only the command line knows: its options) and the exit status the README documents.
/// `commandHint` gives a command's own hint for a problem, before the common ones.
func runReportingErrors(commandHint: (Problem) -> String? = { _ in nil }, _ body: () throws -> Void) throws {
    keepFreedMemory()
    do {
        try body()
    } catch var error as GlossGraphError {
        error.hint = commandHint(error.problem) ?? hint(for: error.problem)
        Terminal.printError(error.description)
        throw ExitCode(error.status.rawValue)
    } catch var errors as GlossGraphErrors {
        for index in errors.errors.indices {
            errors.errors[index].hint = commandHint(errors.errors[index].problem) ?? hint(for: errors.errors[index].problem)
        }
        Terminal.printError(errors.description)
        throw ExitCode(errors.status.rawValue)
    }
}

/// The option to try, for the problems an option can solve.
private func hint(for problem: Problem) -> String? {
    switch problem {
    case .invalidUTF8(_, let likely):
        ", name its encoding with --encoding \(likely?.lowercased() ?? "NAME (gb18030, big5)"), or pass --replace-invalid to read bad bytes as U+FFFD"
    case .unpairedSurrogate: "; pass --replace-invalid to read it as U+FFFD"
    case .glossaryNotFound(let variable): "; name one with --glossary FILE or set \(variable)"
    case .foreignOutputFile: "; remove it, choose another --output or --name, or pass --force"
    case .graphvizMissing: " or pass --render none"
    default: nil
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

/// The human output format, spelled the same by every command (`table`, its former name in
/// `turns` and `discover`, is still read).
protocol HumanReadableFormat: RawRepresentable, ExpressibleByArgument, CaseIterable where RawValue == String {
    static var text: Self { get }
}

extension HumanReadableFormat {
    init?(argument: String) {
        guard let format = argument == "table" ? .text : Self(rawValue: argument) else { return nil }
        self = format
    }
}
