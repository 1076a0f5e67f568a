import GlossGraphGlossary
import GlossGraphText

/// Renders consistency findings for the terminal, for editors (Markdown), and for scripts.
public enum ConsistencyReport {
    /// `file: 12, 40, 41; other.md: 3`, at most `limit` lines.
    static func places(_ usage: NameUsage, limit: Int = 8) -> String {
        var parts: [String] = []
        var currentFile: String?
        var lines: [String] = []
        for use in usage.uses.prefix(limit) {
            if use.file != currentFile {
                if let file = currentFile { parts.append("\(file): " + lines.joined(separator: ", ")) }
                currentFile = use.file
                lines = []
            }
            lines.append(String(use.line))
        }
        if let file = currentFile { parts.append("\(file): " + lines.joined(separator: ", ")) }
        var text = parts.joined(separator: "; ")
        if usage.uses.count > limit { text += " … (\(usage.uses.count - limit) more)" }
        return text
    }

    public static func text(_ findings: [ConsistencyFinding]) -> String {
        guard !findings.isEmpty else { return "No terminology problems found.\n" }
        var output = ""
        for (kind, title) in [
            (FindingKind.deprecated, "Deprecated renderings"), (.mixedScripts, "Names in the other script"),
            (.chineseVariants, "Non-preferred Chinese names"),
            (.englishVariants, "One concept, several English names"), (.untranslated, "English left untranslated"),
        ] {
            let group = findings.filter { $0.kind == kind }
            guard !group.isEmpty else { continue }
            output += "\(title) (\(group.count))\n"
            for finding in group {
                output += "  \(finding.concept.bilingualLabel)  [\(finding.concept.id)]: \(finding.message)\n"
                for usage in finding.usages {
                    let change = usage.replacement.map { " → \($0)" } ?? usage.keptBecause.map { " (kept: \($0))" } ?? ""
                    output += "    \(usage.writtenAs) ×\(usage.uses.count)\(change): \(places(usage))\n"
                }
            }
            output += "\n"
        }
        let counts = FindingKind.allCases.map { kind in (kind, findings.filter { $0.kind == kind }.count) }.filter { $0.1 > 0 }
        output += "\(findings.count) finding\(findings.count == 1 ? "" : "s"): " + counts.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ")
        let review = findings.filter { !$0.needsAction }.count
        output += (review > 0 ? " (\(review) only to review: kept names)" : "") + "\n"
        return output
    }

    /// A Markdown checklist an editor can tick off.
    public static func markdown(_ findings: [ConsistencyFinding], files: [String]) -> String {
        var output = "# Terminology consistency report\n\n"
        output += "Files: " + files.map { "`\($0)`" }.joined(separator: ", ") + "\n\n"
        guard !findings.isEmpty else { return output + "No terminology problems found.\n" }
        for finding in findings {
            output += "- [ ] **\(escaped(finding.concept.bilingualLabel))** (`\(finding.concept.id)`, \(finding.kind.rawValue)): \(escaped(finding.message))\n"
            for usage in finding.usages {
                let change = usage.replacement.map { " → \(escaped($0))" } ?? usage.keptBecause.map { " (kept: \(escaped($0)))" } ?? ""
                output += "  - \(escaped(usage.writtenAs)) ×\(usage.uses.count)\(change): \(places(usage, limit: 20))\n"
            }
        }
        return output
    }

    private static func escaped(_ text: String) -> String {
        var output = ""
        for character in text {
            if "\\`*_[]<>|".contains(character) { output.append("\\") }
            output.append(character)
        }
        return output
    }

    /// `[{"kind","id","zh","en","preferred","message","names":[{"name","role","count","replacement"?,"uses":[{"file","turn","line","column","text"}]}]}]`.
    public static func json(_ findings: [ConsistencyFinding]) -> [UInt8] {
        var json = JSONText()
        json.beginArray()
        for finding in findings {
            json.newline()
            json.beginObject()
            json.key("kind"); json.string(finding.kind.rawValue)
            json.key("id"); json.string(finding.concept.id)
            json.key("zh"); json.string(finding.concept.zh)
            json.key("en"); json.string(finding.concept.en)
            json.key("preferred"); json.string(finding.preferred)
            json.key("message"); json.string(finding.message)
            json.key("names")
            json.beginArray()
            for usage in finding.usages {
                json.beginObject()
                json.key("name"); json.string(usage.name.text)
                json.key("role"); json.string(usage.name.role.rawValue)
                json.key("count"); json.int(usage.uses.count)
                if let replacement = usage.replacement { json.key("replacement"); json.string(replacement) }
                if let kept = usage.keptBecause { json.key("kept_because"); json.string(kept) }
                json.key("uses")
                json.beginArray()
                for use in usage.uses {
                    json.beginObject()
                    json.key("file"); json.string(use.file)
                    json.key("turn"); json.int(use.turn)
                    json.key("line"); json.int(use.line)
                    json.key("column"); json.int(use.column)
                    json.key("text"); json.string(use.text)
                    json.endObject()
                }
                json.endArray()
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.newline()
        return json.bytes
    }

    /// One row per use: kind, concept, name, role, preferred, replacement (empty when
    /// `--suggest` leaves it), file, turn, line, column, text.
    public static func tsv(_ findings: [ConsistencyFinding]) -> String {
        var output = "kind\tid\tname\trole\tpreferred\treplacement\tfile\tturn\tline\tcolumn\ttext\n"
        for finding in findings {
            for usage in finding.usages {
                for use in usage.uses {
                    output += [
                        finding.kind.rawValue, finding.concept.id, usage.name.text, usage.name.role.rawValue, finding.preferred,
                        usage.replacement ?? "", use.file,
                        String(use.turn), String(use.line), String(use.column), use.text,
                    ].map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: "\t") + "\n"
                }
            }
        }
        return output
    }
}

/// Suggested fixes as a unified diff against each input file, which `patch` applies; the
/// files themselves are never changed.
public enum ConsistencySuggestions {
    /// A replacement at a 1-based line and column (Unicode scalars) of a file.
    public struct Edit: Sendable, Hashable {
        public var line: Int
        public var column: Int
        public var old: String
        public var new: String
    }

    /// The edits that carry out the findings: each use of a name with a `replacement` becomes
    /// it, and nothing else changes. (`keepingUnreachable` has taken out the uses that no
    /// single line holds.)
    public static func edits(_ findings: [ConsistencyFinding], file: String, lines: [String]) -> [Edit] {
        var edits: Set<Edit> = []
        var scalars = LineScalars()
        for finding in findings {
            for usage in finding.usages {
                guard let replacement = usage.replacement else { continue }
                for use in usage.uses where use.file == file && isReachable(use, in: lines, scalars: &scalars) {
                    edits.insert(Edit(line: use.line, column: use.column, old: use.text, new: replacement))
                }
            }
        }
        return edits.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// The Unicode scalars of a file's lines, each made once: a line of megabytes holds many
    /// uses, and making its scalars for each made `consistency` quadratic in the line's length.
    struct LineScalars {
        private var made: [String: [Int: [Unicode.Scalar]]] = [:]

        mutating func of(_ file: String, line: Int, in lines: [String]) -> [Unicode.Scalar] {
            if let known = made[file]?[line] { return known }
            let scalars = Array(lines[line - 1].unicodeScalars)
            made[file, default: [:]][line] = scalars
            return scalars
        }
    }

    /// Whether the line and column of `use` hold its text as written.
    static func isReachable(_ use: NameUse, in lines: [String], scalars made: inout LineScalars) -> Bool {
        guard use.line >= 1 && use.line <= lines.count else { return false }
        let scalars = made.of(use.file, line: use.line, in: lines)
        let old = Array(use.text.unicodeScalars)
        let start = use.column - 1
        return start >= 0 && start + old.count <= scalars.count && Array(scalars[start..<(start + old.count)]) == old
    }

    /// A file's text as a diff must hold it: its lines (each with its carriage return, if
    /// any), whether it starts with a byte-order mark and ends with a line break. Nil lines for
    /// a UTF-16 file, which no UTF-8 diff can change.
    public struct SourceLines: Sendable {
        public var lines: [String]?
        public var byteOrderMark: Bool
        public var endsWithNewline: Bool

        public init(_ bytes: [UInt8]) {
            byteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
            let body = byteOrderMark ? bytes.dropFirst(3) : bytes[...]
            endsWithNewline = body.last == 0x0A
            guard !(bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])) else {
                lines = nil
                return
            }
            var lines = body.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            if endsWithNewline { lines.removeLast() }
            self.lines = lines
        }
    }

    /// `findings` with the uses a replacement cannot reach kept apart and said to be changed by
    /// hand, so that the report shows as replaced exactly what the diff replaces: a hard wrap
    /// or markup splits them (`强化学习与人类⏎反馈`, `**缩放**定律`), or the file is UTF-16.
    public static func keepingUnreachable(_ findings: [ConsistencyFinding], files: [String: SourceLines]) -> [ConsistencyFinding] {
        var scalars = LineScalars()
        return findings.map { finding in
            var finding = finding
            finding.usages = finding.usages.flatMap { usage -> [NameUsage] in
                guard let replacement = usage.replacement else { return [usage] }
                var kept: [String: [NameUse]] = [:]  // reason → uses
                var reachable = usage
                reachable.uses = usage.uses.filter { use in
                    guard let lines = files[use.file]?.lines else {
                        kept["a UTF-16 file: save it as UTF-8 to have it replaced", default: []].append(use)
                        return false
                    }
                    if isReachable(use, in: lines, scalars: &scalars) { return true }
                    kept["split across lines or by markup: change it by hand to \(replacement)", default: []].append(use)
                    return false
                }
                let unreachable = kept.keys.sorted().map { reason in
                    var usage = usage
                    usage.uses = kept[reason]!
                    usage.replacement = nil
                    usage.keptBecause = reason
                    return usage
                }
                return ([reachable] + unreachable).filter { !$0.uses.isEmpty }
            }
            return finding
        }
    }

    /// A unified diff (three lines of context) applying `edits` to `lines` of `file`;
    /// `endsWithNewline` says whether the file's last line ends in a line break, and
    /// `firstLinePrefix` is what the file holds before its first line (a byte-order mark),
    /// outside the edits' columns. A line keeps its carriage return.
    public static func unifiedDiff(
        file: String, lines originalLines: [String], edits: [Edit], endsWithNewline: Bool = true, firstLinePrefix: String = ""
    ) -> String {
        guard !edits.isEmpty else { return "" }
        var lines = originalLines
        var changed: [Int: String] = [:]  // 0-based line → new text
        for (lineNumber, lineEdits) in Dictionary(grouping: edits, by: \.line) {
            var scalars = Array(lines[lineNumber - 1].unicodeScalars)
            // Right to left, so earlier columns stay valid.
            for edit in lineEdits.sorted(by: { $0.column > $1.column }) {
                let start = edit.column - 1
                scalars.replaceSubrange(start..<(start + edit.old.unicodeScalars.count), with: Array(edit.new.unicodeScalars))
            }
            changed[lineNumber - 1] = String(String.UnicodeScalarView(scalars))
        }
        if !firstLinePrefix.isEmpty, !lines.isEmpty {
            lines[0] = firstLinePrefix + lines[0]
            if let first = changed[0] { changed[0] = firstLinePrefix + first }
        }
        let context = 3
        var hunks: [(start: Int, end: Int)] = []  // 0-based, end exclusive
        for line in changed.keys.sorted() {
            let start = max(0, line - context), end = min(lines.count, line + context + 1)
            if let last = hunks.last, start <= last.end {
                hunks[hunks.count - 1].end = max(last.end, end)
            } else {
                hunks.append((start, end))
            }
        }
        var output = "--- a/\(file)\n+++ b/\(file)\n"
        for hunk in hunks {
            let count = hunk.end - hunk.start
            output += "@@ -\(hunk.start + 1),\(count) +\(hunk.start + 1),\(count) @@\n"
            for index in hunk.start..<hunk.end {
                let noNewline = !endsWithNewline && index == lines.count - 1 ? "\\ No newline at end of file\n" : ""
                if let replacement = changed[index] {
                    output += "-\(lines[index])\n\(noNewline)+\(replacement)\n\(noNewline)"
                } else {
                    output += " \(lines[index])\n\(noNewline)"
                }
            }
        }
        return output
    }
}
