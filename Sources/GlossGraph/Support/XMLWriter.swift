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
        guard !text.unicodeScalars.allSatisfy(isKept) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter(isKept)))
    }
}

/// A thin checked wrapper over libxml2's `xmlTextWriter` writing into memory. Every call's
/// return code is checked; text and attribute values are made XML-safe first.
final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    private let what: String

    /// `what` names the document in error messages ("GraphML", "TBX").
    init(indent: Bool = true, what: String) throws(GlossGraphError) {
        self.what = what
        guard let buffer = xmlBufferCreate() else {
            throw GlossGraphError("libxml2 could not allocate a buffer for \(what)", status: .ioError)
        }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw GlossGraphError("libxml2 could not create a writer for \(what)", status: .ioError)
        }
        self.buffer = buffer
        self.writer = writer
        if indent {
            try check(xmlTextWriterSetIndent(writer, 1), "setting indentation")
            try check(xmlTextWriterSetIndentString(writer, "  "), "setting indentation")
        }
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    private func check(_ result: Int32, _ action: @autoclosure () -> String) throws(GlossGraphError) {
        if result < 0 {
            throw GlossGraphError("libxml2 failed while writing \(what): \(action())", status: .ioError)
        }
    }

    func startDocument() throws(GlossGraphError) {
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "the XML declaration")
    }

    func processingInstruction(_ target: String, _ content: String) throws(GlossGraphError) {
        try check(xmlTextWriterWritePI(writer, target, XMLText.safe(content)), "processing instruction \(target)")
    }

    func startElement(_ name: String) throws(GlossGraphError) {
        try check(xmlTextWriterStartElement(writer, name), "<\(name)>")
    }

    func attribute(_ name: String, _ value: String) throws(GlossGraphError) {
        try check(xmlTextWriterWriteAttribute(writer, name, XMLText.safe(value)), "attribute \(name)")
    }

    func text(_ value: String) throws(GlossGraphError) {
        try check(xmlTextWriterWriteString(writer, XMLText.safe(value)), "text")
    }

    func endElement() throws(GlossGraphError) {
        try check(xmlTextWriterEndElement(writer), "an end tag")
    }

    /// `<name attributes…>text</name>` in one call.
    func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text value: String) throws(GlossGraphError) {
        try startElement(name)
        for (key, attributeValue) in attributes { try attribute(key, attributeValue) }
        try text(value)
        try endElement()
    }

    /// Ends the document and returns its bytes.
    func finish() throws(GlossGraphError) -> [UInt8] {
        try check(xmlTextWriterEndDocument(writer), "the end of the document")
        try check(xmlTextWriterFlush(writer), "flushing")
        let count = Int(xmlBufferLength(buffer))
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: count))
    }
}
