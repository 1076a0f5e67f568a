import Foundation
import CLibXML2
import GlossGraphText

/// The glossary as TBX (ISO 30042:2019, TBX v3) in the TBX-Basic dialect, DCA style: one
/// `conceptEntry` per concept with its category as `subjectField` and its note as
/// `definition`, a `langSec` per language (`en`, `zh-Hans`), and a `termSec` per name whose
/// `administrativeStatus` is preferred, admitted or deprecated and whose `termType` tells
/// abbreviations from full forms and variants.
public enum GlossaryTBX {
    public static let namespace = "urn:iso:std:iso:30042:ed-2"
    static let chineseLanguage = "zh-Hans"
    static let traditionalLanguage = "zh-Hant"

    public static func format(_ concepts: [Concept], title: String = "GlossGraph glossary") throws(GlossGraphError) -> [UInt8] {
        let xml = try XMLWriter(what: "TBX")
        try xml.startDocument()
        let schemaBase = "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/"
        try xml.processingInstruction(
            "xml-model",
            "href=\"\(schemaBase)TBXcoreStructV03_TBX-Basic_integrated.rng\" type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\"")
        try xml.processingInstruction(
            "xml-model",
            "href=\"\(schemaBase)TBX-Basic_DCA.sch\" type=\"application/xml\" schematypens=\"http://purl.oclc.org/dsdl/schematron\"")
        try xml.startElement("tbx")
        try xml.attribute("type", "TBX-Basic")
        try xml.attribute("style", "dca")
        try xml.attribute("xml:lang", "en")
        try xml.attribute("xmlns", namespace)
        try xml.startElement("tbxHeader")
        try xml.startElement("fileDesc")
        try xml.startElement("titleStmt")
        try xml.element("title", text: title)
        try xml.endElement()
        try xml.startElement("sourceDesc")
        try xml.element("p", text: "Written by GlossGraph \(GlossGraphVersion.string): \(concepts.count) concepts.")
        try xml.endElement()
        try xml.endElement()  // fileDesc
        try xml.endElement()  // tbxHeader
        try xml.startElement("text")
        try xml.startElement("body")
        for concept in concepts {
            try xml.startElement("conceptEntry")
            try xml.attribute("id", concept.id)
            try xml.element("descrip", ["type": "subjectField"], text: concept.category)
            if !concept.note.isEmpty {
                try xml.element("descrip", ["type": "definition"], text: concept.note)
            }
            let names = concept.names
            // English, Simplified Chinese, then a langSec per script or region the glossary
            // tags names with, whose first admitted name is that region's preferred term.
            // An untagged name written in Traditional characters (a glossary discovered from
            // Taiwan's text) is zh-Hant, not Simplified.
            let untagged = names.filter { $0.language == "zh" && $0.tag == nil }
            let isTraditional = { (name: ConceptName) in var text = name.text; return text.withUTF8 { TraditionalCharacters.occur(in: $0) } }
            var sections: [(language: String, terms: [ConceptName])] = [
                ("en", names.filter { $0.language == "en" }), (chineseLanguage, untagged.filter { !isTraditional($0) }),
                (traditionalLanguage, untagged.filter(isTraditional)),
            ]
            for name in names where name.language == "zh" {
                guard let tag = name.tag else { continue }
                if let index = sections.firstIndex(where: { $0.language == tag }) {
                    sections[index].terms.append(name)
                } else {
                    sections.append((tag, [name]))
                }
            }
            for (language, terms) in sections where !terms.isEmpty {
                try xml.startElement("langSec")
                try xml.attribute("xml:lang", language)
                let regionalPreferred = language == "en" || language == chineseLanguage ? nil : terms.first { $0.role.status != .deprecated }
                for term in terms {
                    let status = term == regionalPreferred ? TermStatus.preferred : term.role.status
                    try xml.startElement("termSec")
                    try xml.element("term", text: term.text)
                    try xml.element("termNote", ["type": "termType"], text: termType(term))
                    try xml.element("termNote", ["type": "administrativeStatus"], text: status.tbxValue)
                    try xml.endElement()
                }
                try xml.endElement()
            }
            try xml.endElement()
        }
        try xml.endElement()  // body
        try xml.endElement()  // text
        try xml.endElement()  // tbx
        return try xml.finish()
    }

    private static func termType(_ name: ConceptName) -> String {
        switch name.role {
        case .zh, .en: "fullForm"
        case .abbreviation: name.text.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "-" } ? "acronym" : "abbreviation"
        case .zhVariant, .enVariant, .deprecated: "variant"
        }
    }

    /// Reads the concepts of a TBX v3 file (any dialect; the TBX-Basic categories are used).
    /// Language tags are read as BCP 47 (`LanguageTag`: `en_US`, `zh_CN`, `cmn-Hans` are English
    /// and Chinese). Nothing is left out without a notice naming the entry: a `langSec` of
    /// another language, an empty term, an entry with no English or Chinese term. An entry
    /// whose English and Chinese terms are all admitted takes the first as preferred (with a
    /// notice). Traditional and regional Chinese terms (`zh-Hant`, `zh-TW`, `zh-HK`) are read
    /// after the Simplified ones, as names tagged with their script and region. A
    /// termbase's ids that are not valid glossary ids are turned into valid ones.
    ///
    /// `encoding` overrides the encoding the file declares (libxml2's names).
    ///
    /// - Throws: `GlossGraphErrors` for XML that is not well-formed, a root that is not `tbx`,
    ///   and entries whose only English and Chinese terms are deprecated (no name to prefer).
    /// The most attributes a tag may have. libxml2 (2.9) checks a tag's attributes for
    /// duplicates pair by pair: 40,000 attributes took 11 s, 200,000 more than a minute.
    /// A termbase's elements have a few.
    public static let mostAttributes = 1000

    /// The 1-based line of the first tag with more than `mostAttributes` attributes, found in
    /// one pass over the bytes before libxml2 reads them (attributes are counted by their
    /// `=` outside quotes; comments and CDATA sections are passed over), or nil.
    static func tagWithTooManyAttributes(_ bytes: [UInt8]) -> Int? {
        let less = UInt8(ascii: "<"), greater = UInt8(ascii: ">"), equals = UInt8(ascii: "="), newline = UInt8(ascii: "\n")
        let commentEnd = Array("-->".utf8), cdataEnd = Array("]]>".utf8)
        var line = 1
        var index = 0
        return bytes.withUnsafeBufferPointer { bytes -> Int? in
            func skip(past end: [UInt8]) {
                while index < bytes.count && !(bytes[index] == end[2] && index >= 2 && bytes[index - 1] == end[1] && bytes[index - 2] == end[0]) {
                    if bytes[index] == newline { line += 1 }
                    index += 1
                }
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == newline { line += 1 }
                guard byte == less else {
                    index += 1
                    continue
                }
                if index + 3 < bytes.count && bytes[index + 1] == UInt8(ascii: "!") && bytes[index + 2] == UInt8(ascii: "-") && bytes[index + 3] == UInt8(ascii: "-") {
                    index += 4
                    skip(past: commentEnd)
                    continue
                }
                if index + 8 < bytes.count && bytes[index + 1] == UInt8(ascii: "!") && bytes[index + 2] == UInt8(ascii: "[") {
                    index += 3
                    skip(past: cdataEnd)
                    continue
                }
                let tagLine = line
                var attributes = 0
                var quote: UInt8 = 0
                index += 1
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == newline { line += 1 }
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == equals {
                        attributes += 1
                        if attributes > mostAttributes { return tagLine }
                    } else if byte == greater || byte == less {
                        break
                    }
                    index += 1
                }
            }
            return nil
        }
    }

    public static func parse(
        _ bytes: [UInt8], file: String, encoding: String? = nil, notices: inout [Notice]
    ) throws(GlossGraphErrors) -> [(concept: Concept, line: Int)] {
        guard bytes.count <= Int(Int32.max) else {
            throw GlossGraphErrors([GlossGraphError(.fileTooLarge(size: bytes.count, limit: Int(Int32.max)), at: SourceLocation(file: file))])
        }
        if let line = tagWithTooManyAttributes(bytes) {
            throw GlossGraphErrors([GlossGraphError(.tooManyAttributes(limit: mostAttributes), at: SourceLocation(file: file, line: line))])
        }
        // No network, no entity substitution, no DTD loading, and libxml2's own size limits
        // (no XML_PARSE_HUGE); an entity declaration stops the parser before it is recorded
        // (`refuseEntity`), so that no entity, in text or in an attribute, is ever expanded.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        xmlResetLastError()
        guard let context = xmlNewParserCtxt() else {
            throw GlossGraphErrors([GlossGraphError(.notWellFormedXML(message: "libxml2 could not make a parser"), at: SourceLocation(file: file))])
        }
        defer { xmlFreeParserCtxt(context) }
        context.pointee.sax.pointee.entityDecl = refuseEntity
        // libxml2 prints some errors itself (a huge text node, through its generic channel),
        // with the file's own line, control characters and all: they are read from
        // xmlGetLastError instead, and shown as every message is.
        xmlSetStructuredErrorFunc(nil, ignoreXMLError)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        // Unless `encoding` is given, the XML declaration (or a byte-order mark) says; UTF-8 otherwise.
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), file, encoding, options)
            }
        }
        if let declared = context.pointee._private {
            let name = String(cString: declared.assumingMemoryBound(to: CChar.self))
            free(declared)
            if let document { xmlFreeDoc(document) }
            let line = Int(xmlSAX2GetLineNumber(context))
            throw GlossGraphErrors([GlossGraphError(.xmlEntityDeclared(name: name), at: SourceLocation(file: file, line: line))])
        }
        guard let document else {
            let error = xmlGetLastError()
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "not well-formed XML"
            let line = error.map { Int($0.pointee.line) }
            // libxml2's own bound on what one construct may span (XML_MAX_LOOKUP_LIMIT in
            // parserInternals.h), kept: XML_PARSE_HUGE would lift every bound at once.
            if message.contains("Huge input lookup") || message.contains("huge text node") {
                throw GlossGraphErrors([GlossGraphError(.xmlConstructTooLong(limit: 10_000_000), at: SourceLocation(file: file, line: line))])
            }
            throw GlossGraphErrors([GlossGraphError(.notWellFormedXML(message: message.trimmingWhitespace()), at: SourceLocation(file: file, line: line))])
        }
        defer { xmlFreeDoc(document) }
        // A reference to an entity no declaration defines (one an external DTD, never read,
        // might) is kept by libxml2 as a reference node, which a term's text leaves out: the
        // term would come out cut or empty without a word.
        if let (name, line) = firstEntityReference(in: document) {
            throw GlossGraphErrors([GlossGraphError(.xmlEntityUndefined(name: name), at: SourceLocation(file: file, line: line))])
        }
        guard let root = xmlDocGetRootElement(document), localName(root) == "tbx" else {
            throw GlossGraphErrors([GlossGraphError(.notTBX, at: SourceLocation(file: file))])
        }
        var concepts: [(concept: Concept, line: Int)] = []
        var errors: [GlossGraphError] = []
        var usedIDs = Set<String>()
        for entry in descendants(of: root, named: "conceptEntry") {
            let line = Int(xmlGetLineNo(entry))
            let location = SourceLocation(file: file, line: line)
            let entryID = attribute(entry, "id")
            let entryName = entryID.isEmpty ? "the conceptEntry" : "conceptEntry '\(entryID)'"
            func notice(_ message: String) { notices.append(Notice(message, at: location)) }
            var concept = Concept(id: "", category: "", zh: "", en: "")
            var definitions: [(language: String, text: String)] = []
            var languageSections: [(section: xmlNodePtr, tag: LanguageTag)] = []
            for child in children(of: entry) {
                switch localName(child) {
                case "descrip":
                    let type = attribute(child, "type")
                    if type == "subjectField" && concept.category.isEmpty { concept.category = text(of: child) }
                    if type == "definition" { definitions.append(("", text(of: child))) }
                case "langSec":
                    let tag = LanguageTag(attribute(child, "lang"))
                    switch tag.language {
                    case .english, .chinese: languageSections.append((child, tag))
                    case .other(let code):
                        let terms = descendants(of: child, named: "term").count
                        notice(code.isEmpty
                            ? "\(entryName): a langSec without xml:lang (\(terms) term\(terms == 1 ? "" : "s")) left out"
                            : "\(entryName): langSec '\(tag)' (\(terms) term\(terms == 1 ? "" : "s")) left out; only English and Chinese are read")
                    }
                default:
                    break
                }
            }
            // Simplified (or unmarked) Chinese first, so that its preferred term is the concept's.
            let ordered = languageSections.enumerated().sorted {
                ($0.element.tag.isTraditionalChinese ? 1 : 0, $0.offset) < ($1.element.tag.isTraditionalChinese ? 1 : 0, $1.offset)
            }
            for (_, section) in ordered {
                read(
                    langSec: section.section, chinese: section.tag.language == .chinese,
                    tag: section.tag.isTraditionalChinese ? section.tag.canonical : nil, into: &concept, definitions: &definitions
                ) { notice("\(entryName): \($0)") }
            }
            let english = definitions.first { $0.language != "zh" }
            concept.note = (english ?? definitions.first)?.text ?? ""
            if concept.category.isEmpty { concept.category = "uncategorized" }
            concept.id = GlossaryTSV.newID(from: [entryID, concept.en.isEmpty ? concept.zh : concept.en], used: &usedIDs)
            if concept.names.isEmpty {
                notice("\(entryName) has no English or Chinese term; left out")
                continue
            }
            if concept.en.isEmpty && concept.zh.isEmpty {
                // Admitted terms only: the first (English, then Chinese, then an abbreviation) is preferred.
                if !concept.enVariants.isEmpty {
                    concept.en = concept.enVariants.removeFirst()
                } else if !concept.zhVariants.isEmpty {
                    concept.zh = concept.zhVariants.removeFirst()
                } else if !concept.abbreviations.isEmpty {
                    concept.en = concept.abbreviations.removeFirst()
                } else {
                    errors.append(GlossGraphError(.noPreferredName(conceptID: concept.id), at: location))
                    continue
                }
                notice("\(entryName) has no preferred English or Chinese term; '\(concept.en.isEmpty ? concept.zh : concept.en)' taken as preferred")
            }
            if let tag = concept.nameTags[concept.zh] {
                // The zh column holds a Simplified name: one for the regional term, by OpenCC.
                let conversion: ChineseConversion = tag.hasSuffix("TW") ? .tw2sp : tag.hasSuffix("HK") || tag.hasSuffix("MO") ? .hk2s : .t2s
                if let simplified = conversion.convert(concept.zh), simplified != concept.zh {
                    notice("\(entryName) has no Simplified Chinese term; '\(simplified)' (OpenCC's \(conversion.rawValue) of '\(concept.zh)') taken as preferred")
                    concept.zhVariants.insert(concept.zh, at: 0)
                    concept.zh = simplified
                }
            }
            // Every text taken, whole (a term in `<hi>` pieces, a definition between comments),
            // is held to the bound of a CSV cell.
            let texts = [concept.zh, concept.en, concept.note] + concept.zhVariants + concept.enVariants + concept.abbreviations + concept.deprecated
            if texts.contains(where: { $0.utf8.count > largestText }) || definitions.contains(where: { $0.text.utf8.count > largestText }) {
                errors.append(GlossGraphError(.cellTooLarge(limit: largestText), at: location))
                continue
            }
            concepts.append((concept, line))
        }
        if !errors.isEmpty { throw GlossGraphErrors(errors) }
        return concepts
    }

    /// Reads a langSec's terms into `concept`; a Traditional or regional Chinese langSec's
    /// terms are Chinese names tagged `tag`.
    private static func read(
        langSec: xmlNodePtr, chinese: Bool, tag: String?, into concept: inout Concept,
        definitions: inout [(language: String, text: String)], notice: (String) -> Void
    ) {
        for child in children(of: langSec) {
            let name = localName(child)
            if name == "descrip" && attribute(child, "type") == "definition" {
                definitions.append((chinese ? "zh" : "en", text(of: child)))
            }
            guard name == "termSec" else { continue }
            var term = ""
            var status = ""
            var type = ""
            for part in children(of: child) {
                switch localName(part) {
                case "term": term = text(of: part).trimmingWhitespace()
                case "termNote":
                    let noteType = attribute(part, "type")
                    if noteType == "administrativeStatus" { status = text(of: part) }
                    if noteType == "termType" { type = text(of: part) }
                default: break
                }
            }
            guard !term.isEmpty else {
                notice("a termSec with an empty term (line \(xmlGetLineNo(child))) left out")
                continue
            }
            let hasPreferred = chinese ? !concept.zh.isEmpty : !concept.en.isEmpty
            let isAbbreviation = type == "acronym" || type == "abbreviation"
            if let tag, !isAbbreviation { concept.nameTags[term] = tag }
            switch status {
            case "deprecatedTerm-admn-sts", "supersededTerm-admn-sts":
                concept.deprecated.append(term)
            case "preferredTerm-admn-sts" where !hasPreferred, "" where !hasPreferred && type != "acronym" && type != "abbreviation":
                if chinese { concept.zh = term } else { concept.en = term }
            default:
                if isAbbreviation {
                    concept.abbreviations.append(term)
                } else if chinese {
                    concept.zhVariants.append(term)
                } else {
                    concept.enVariants.append(term)
                }
            }
        }
    }

    // MARK: libxml2 tree helpers

    private static func localName(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    private static func attribute(_ node: xmlNodePtr, _ name: String) -> String {
        // xml:lang lives in the XML namespace; other attributes in none.
        let namespaceURI = name == "lang" ? "http://www.w3.org/XML/1998/namespace" : nil
        guard let value = xmlGetNsProp(node, name, namespaceURI) ?? xmlGetProp(node, name) else { return "" }
        defer { glossgraph_xml_free(value) }
        return String(cString: value)
    }

    private static func text(of node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { glossgraph_xml_free(content) }
        return String(cString: content)
    }

    private static func children(of node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    /// The name and line of the first entity reference node in `document` (in an element or an
    /// attribute), found without recursion.
    private static func firstEntityReference(in document: xmlDocPtr) -> (name: String, line: Int)? {
        var stack: [xmlNodePtr] = []
        var child = document.pointee.children
        while let current = child {
            stack.append(current)
            child = current.pointee.next
        }
        while let node = stack.popLast() {
            if node.pointee.type == XML_ENTITY_REF_NODE {
                // A reference node has a line of its own when libxml2 gave it one; else its parent's.
                let line = xmlGetLineNo(node) > 0 ? xmlGetLineNo(node) : xmlGetLineNo(node.pointee.parent ?? node)
                return (node.pointee.name.map { String(cString: $0) } ?? "?", Int(line))
            }
            var next = node.pointee.children
            while let current = next {
                stack.append(current)
                next = current.pointee.next
            }
            if node.pointee.type == XML_ELEMENT_NODE {
                var attribute = node.pointee.properties
                while let current = attribute {
                    var value = current.pointee.children
                    while let part = value {
                        if part.pointee.type == XML_ENTITY_REF_NODE {
                            return (part.pointee.name.map { String(cString: $0) } ?? "?", Int(xmlGetLineNo(node)))
                        }
                        value = part.pointee.next
                    }
                    attribute = current.pointee.next
                }
            }
        }
        return nil
    }

    /// The most UTF-8 bytes a text (a term, a definition, a note) may hold, as a CSV cell.
    public static let largestText = 1 << 20

    /// Elements named `name` below `root`, in document order, found without recursion.
    private static func descendants(of root: xmlNodePtr, named name: String) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var stack = children(of: root).reversed() as [xmlNodePtr]
        while let node = stack.popLast() {
            if localName(node) == name {
                result.append(node)
            } else {
                stack.append(contentsOf: children(of: node).reversed())
            }
        }
        return result
    }
}

extension TermStatus {
    /// The TBX `administrativeStatus` value.
    var tbxValue: String {
        switch self {
        case .preferred: "preferredTerm-admn-sts"
        case .admitted: "admittedTerm-admn-sts"
        case .deprecated: "deprecatedTerm-admn-sts"
        }
    }
}

/// libxml2's SAX handler for `<!ENTITY` declarations: stops the parser and keeps the
/// entity's name (in the context's `_private`, freed by the reader).
private func refuseEntity(
    _ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ type: Int32, _ publicID: UnsafePointer<xmlChar>?,
    _ systemID: UnsafePointer<xmlChar>?, _ content: UnsafeMutablePointer<xmlChar>?
) {
    guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self) else { return }
    if parser.pointee._private == nil {
        parser.pointee._private = UnsafeMutableRawPointer(strdup(name.map { String(cString: $0) } ?? "?"))
    }
    xmlStopParser(parser)
}

/// libxml2's structured error handler while a termbase is read: it drops the message, which
/// the reader takes from xmlGetLastError.
private func ignoreXMLError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {}
