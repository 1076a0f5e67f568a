import GlossGraphText

/// The units of a transcript, or of a part of one, in one block of memory: their texts one
/// after another in one buffer, their source segments in another, and a small entry per unit.
/// Reading builds units this way, so that a large file costs no allocation per turn; `units`
/// makes `TranscriptUnit` values when they are wanted.
package struct UnitBatch: Sendable {
    package let file: String
    /// Every unit's text, one after another.
    @usableFromInline private(set) var text: [UInt8] = []
    /// Every unit's source segments, offsets counted from the start of the unit's text.
    private(set) var segments: [SourceSegment] = []
    @usableFromInline private(set) var entries: [Entry] = []

    /// One unit: what `TranscriptUnit` holds, with its text and segments as ranges.
    package struct Entry: Sendable {
        package var index: Int
        package var kind: UnitKind
        package var speaker: String?
        package var lineStart: Int
        package var lineEnd: Int
        package var text: Range<Int>
        package var segments: Range<Int>
    }

    init(file: String) {
        self.file = file
    }

    /// A batch of units already made (of formats read whole), keeping their numbers.
    init(file: String, units: [TranscriptUnit]) {
        self.file = file
        for unit in units {
            append(kind: unit.kind, speaker: unit.speaker, text: unit.utf8, segments: unit.segments, lineStart: unit.lineStart, lineEnd: unit.lineEnd)
            entries[entries.count - 1].index = unit.index
        }
    }

    package var count: Int { entries.count }

    /// Makes room for units whose texts come to about `bytes` in all.
    mutating func reserveCapacity(textBytes bytes: Int) {
        text.reserveCapacity(bytes)
    }

    mutating func append(kind: UnitKind, speaker: String?, text unitText: [UInt8], segments unitSegments: [SourceSegment], lineStart: Int, lineEnd: Int) {
        entries.append(Entry(
            index: 0, kind: kind, speaker: speaker, lineStart: lineStart, lineEnd: lineEnd,
            text: text.count..<text.count + unitText.count, segments: segments.count..<segments.count + unitSegments.count))
        text.append(contentsOf: unitText)
        segments.append(contentsOf: unitSegments)
    }

    /// Puts the units in the order they start in the file (editor's notes are finished after
    /// the turn they sit in); units starting on the same line keep their order.
    mutating func sortByStart() {
        guard entries.contains(where: { $0.kind == .note }) else { return }
        entries = entries.enumerated().sorted { ($0.element.lineStart, $0.offset) < ($1.element.lineStart, $1.offset) }.map(\.element)
    }

    /// Numbers the units from `first` on, in their order.
    mutating func renumber(from first: Int) {
        for position in entries.indices { entries[position].index = first + position }
    }

    /// Shows each speaker under another name.
    mutating func renameSpeakers(_ displayName: (String) -> String) {
        for position in entries.indices {
            if let speaker = entries[position].speaker { entries[position].speaker = displayName(speaker) }
        }
    }

    /// The unit of `entry` as a value of its own.
    func unit(_ entry: Entry, indexOffset: Int = 0) -> TranscriptUnit {
        TranscriptUnit(
            file: file, index: entry.index + indexOffset, kind: entry.kind, speaker: entry.speaker, utf8: Array(text[entry.text]),
            lineStart: entry.lineStart, lineEnd: entry.lineEnd, segments: Array(segments[entry.segments]))
    }

    package var units: [TranscriptUnit] { units(numberedFrom: 0) }

    /// The units, with `offset` added to each index (the units before the batch in its file).
    package func units(numberedFrom offset: Int) -> [TranscriptUnit] { entries.map { unit($0, indexOffset: offset) } }

    /// Calls `body` with each unit's entry and text, without copying the text.
    @inlinable package func forEachText(_ body: (Entry, UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try text.withUnsafeBufferPointer { all in
            for entry in entries { try body(entry, UnsafeBufferPointer(rebasing: all[entry.text])) }
        }
    }

    /// `TranscriptUnit.sourcePosition(ofTextOffset:)` for the unit of `entry`.
    package func sourcePosition(of entry: Entry, textOffset: Int) -> (line: Int, column: Int) {
        SourceSegment.position(ofTextOffset: textOffset, segments: segments[entry.segments], text: text[entry.text], lineStart: entry.lineStart)
    }
}
