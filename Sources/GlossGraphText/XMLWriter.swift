import CLibXML2

/// Makes text safe for XML 1.0 and for the tools that read it: characters XML cannot carry
/// (control characters other than tab, line feed and carriage return; U+FFFE, U+FFFF) are
/// removed, and so are DEL and the C1 controls, which XML allows but which only ever reach a
/// label through a charset mix-up. libxml2's writer would otherwise write them raw and
/// produce a file no reader accepts.
public enum XMLText {
    /// Whether XML 1.0 allows the character at all.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Whether the character is written: allowed in XML and not DEL or a C1 control.
    public static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        isAllowed(scalar) && !(0x7F...0x9F).contains(scalar.value)
    }

    public static func safe(_ text: String) -> String {
        guard needsCleaning(text) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter(isKept)))
    }

    /// A quick scan of the UTF-8 bytes for anything `isKept` would drop: C0 controls, DEL,
    /// C1 controls (C2 80–C2 9F) and U+FFFE/U+FFFF (EF BF BE/BF).
    static func needsCleaning(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x20 {
                    if byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
                } else if byte == 0x7F {
                    return true
                } else if byte == 0xC2 {
                    if index + 1 < count && bytes[index + 1] < 0xA0 { return true }
                } else if byte == 0xEF {
                    if index + 2 < count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE { return true }
                }
                index += 1
            }
            return false
        }
    }
}

/// A thin checked wrapper over libxml2's `xmlTextWriter`, writing into memory or straight to
/// a file descriptor. Every call's return code is checked; text and attribute values are made
/// XML-safe first.
package final class XMLWriter {
    private let buffer: xmlBufferPtr?
    private let writer: xmlTextWriterPtr
    private let what: String
    private var indented = false

    /// Writes into memory; `finish()` returns the document. `what` names the document in
    /// error messages ("GraphML", "TBX").
    package init(indent: Bool = true, what: String) throws(GlossGraphError) {
        self.what = what
        guard let buffer = xmlBufferCreate() else {
            throw GlossGraphError(.xmlWriterFailed(what: what, detail: "could not allocate a buffer for"))
        }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw GlossGraphError(.xmlWriterFailed(what: what, detail: "could not create a writer for"))
        }
        self.buffer = buffer
        self.writer = writer
        try setIndent(indent)
    }

    /// Writes through libxml2's output buffer to `descriptor` (which stays open), so a large
    /// document is never held in memory.
    package init(fileDescriptor descriptor: Int32, indent: Bool = true, what: String) throws(GlossGraphError) {
        self.what = what
        guard let output = xmlOutputBufferCreateFd(descriptor, nil) else {
            throw GlossGraphError(.xmlWriterFailed(what: what, detail: "could not open an output for"))
        }
        guard let writer = xmlNewTextWriter(output) else {
            _ = xmlOutputBufferClose(output)
            throw GlossGraphError(.xmlWriterFailed(what: what, detail: "could not create a writer for"))
        }
        self.buffer = nil
        self.writer = writer
        try setIndent(indent)
    }

    private func setIndent(_ indent: Bool) throws(GlossGraphError) {
        indented = indent
        guard indent else { return }
        try check(xmlTextWriterSetIndent(writer, 1), "setting indentation")
        try check(xmlTextWriterSetIndentString(writer, "  "), "setting indentation")
    }

    deinit {
        xmlFreeTextWriter(writer)
        if let buffer { xmlBufferFree(buffer) }
    }

    private func check(_ result: Int32, _ action: @autoclosure () -> String) throws(GlossGraphError) {
        if result < 0 {
            throw GlossGraphError(.xmlWriterFailed(what: "\(what): \(action())", detail: "failed while writing"))
        }
    }

    package func startDocument() throws(GlossGraphError) {
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "the XML declaration")
    }

    package func processingInstruction(_ target: String, _ content: String) throws(GlossGraphError) {
        let result = Self.withXMLChars(target) { target in
            Self.withXMLChars(XMLText.safe(content)) { xmlTextWriterWritePI(writer, target, $0) }
        }
        try check(result, "processing instruction \(target)")
    }

    package func startElement(_ name: String) throws(GlossGraphError) {
        try check(Self.withXMLChars(name) { xmlTextWriterStartElement(writer, $0) }, "<\(name)>")
    }

    package func attribute(_ name: String, _ value: String) throws(GlossGraphError) {
        let result = Self.withXMLChars(name) { name in
            Self.withXMLChars(XMLText.safe(value)) { xmlTextWriterWriteAttribute(writer, name, $0) }
        }
        try check(result, "attribute \(name)")
    }

    package func text(_ value: String) throws(GlossGraphError) {
        try check(Self.withXMLChars(XMLText.safe(value)) { xmlTextWriterWriteString(writer, $0) }, "text")
    }

    /// Passes a Swift string's NUL-terminated UTF-8 to libxml2 without copying it.
    @inline(__always)
    private static func withXMLChars<Result>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> Result) -> Result {
        text.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
    }

    package func endElement() throws(GlossGraphError) {
        try check(xmlTextWriterEndElement(writer), "an end tag")
    }

    /// Writes `<name key="…">text</name>` children in one raw chunk: for documents with
    /// millions of such small elements, one libxml2 call per element instead of four. Names
    /// and attribute values must be plain identifiers; text is made XML-safe and escaped here
    /// exactly as libxml2 escapes it. `depth` is the children's nesting level for indentation.
    package func simpleElements(
        _ name: StaticString, attribute: StaticString, _ entries: [(name: String, value: AttributeValue)], depth: Int,
        lastChildren: Bool = true
    ) throws(GlossGraphError) {
        guard !entries.isEmpty else { return }
        // A local buffer: a class property would be checked for exclusive access on every append.
        var chunk = self.chunk
        self.chunk = []
        defer { self.chunk = chunk }
        chunk.removeAll(keepingCapacity: true)
        for entry in entries {
            if indented {
                chunk.append(0x0A)
                chunk.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
            }
            chunk.append(UInt8(ascii: "<"))
            chunk.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            chunk.append(UInt8(ascii: " "))
            chunk.append(contentsOf: UnsafeBufferPointer(start: attribute.utf8Start, count: attribute.utf8CodeUnitCount))
            chunk.append(contentsOf: "=\"".utf8)
            chunk.append(contentsOf: entry.name.utf8)
            chunk.append(contentsOf: "\">".utf8)
            switch entry.value {
            case .string(let text): Self.appendEscaped(text, to: &chunk)
            default: chunk.append(contentsOf: entry.value.text.utf8)
            }
            chunk.append(contentsOf: "</".utf8)
            chunk.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            chunk.append(UInt8(ascii: ">"))
        }
        // libxml2 will not indent the parent's end tag after raw content, so do it here.
        if indented {
            chunk.append(0x0A)
            // libxml2 indents the next sibling start tag itself, but not the end tag.
            if lastChildren { chunk.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * (depth - 1))) }
        }
        let result = chunk.withUnsafeBufferPointer { xmlTextWriterWriteRawLen(writer, $0.baseAddress, Int32($0.count)) }
        try check(result, "<\(name)> elements")
    }

    private var chunk: [UInt8] = []

    /// Escapes text content as libxml2 does (`&`, `<`, `>`, carriage return), dropping what
    /// `XMLText` drops, copying the runs in between in one go.
    private static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        if XMLText.needsCleaning(text) {
            appendEscaped(XMLText.safe(text), to: &output)
            return
        }
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let replacement: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case 0x0D: replacement = "&#13;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    /// `<name attributes…>text</name>` in one call.
    package func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text value: String) throws(GlossGraphError) {
        try startElement(name)
        for (key, attributeValue) in attributes { try attribute(key, attributeValue) }
        try text(value)
        try endElement()
    }

    /// Ends the document and returns its bytes (none when writing to a file descriptor).
    @discardableResult
    package func finish() throws(GlossGraphError) -> [UInt8] {
        try check(xmlTextWriterEndDocument(writer), "the end of the document")
        try check(xmlTextWriterFlush(writer), "flushing")
        guard let buffer, let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }
}
