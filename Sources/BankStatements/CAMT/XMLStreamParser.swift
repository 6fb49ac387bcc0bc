import CLibXML2

/// The attributes of one start tag, valid only during the `startElement` call.
struct XMLAttributes {
    fileprivate let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    fileprivate let count: Int

    /// The value of the attribute with local name `name` (no namespace), as UTF-8 bytes.
    func value(of name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard let base else { return nil }
        for index in 0..<count {
            // libxml2 hands five pointers per attribute: local name, prefix, URI, value start, value end.
            let entry = base + index * 5
            guard let local = entry[0], let start = entry[3], let end = entry[4] else { continue }
            if XMLAttributes.equal(local, name) { return UnsafeBufferPointer(start: start, count: end - start) }
        }
        return nil
    }

    private static func equal(_ local: UnsafePointer<xmlChar>, _ name: StaticString) -> Bool {
        name.withUTF8Buffer { expected in
            for index in 0..<expected.count where local[index] != expected[index] { return false }
            return local[expected.count] == 0
        }
    }
}

/// libxml2's SAX2 parser reading through an input callback, with a safe configuration, driving a
/// `CAMTDocumentReader` that it holds inline (see there for why it is not behind a protocol).
///
/// libxml2 pulls the bytes itself (`xmlCreateIOParserCtxt` + `xmlParseDocument`), a few KiB at a
/// time from `source`, so memory stays flat however large the file. This is the pull side of the
/// same SAX2 parser as `xmlCreatePushParserCtxt` + `xmlParseChunk`, and about a sixth cheaper:
/// the push parser scans ahead for the end of every tag and text before parsing it, to know
/// whether the chunk holds all of it.
///
/// Never substitutes entities, never loads a DTD or anything from the network, and refuses any
/// `DOCTYPE` outright: bank statements need none of it, and each is a known attack (XXE, billion
/// laughs). A class because it owns the C parser context, freed in `deinit`.
///
/// The C functions are documented at <https://gnome.pages.gitlab.gnome.org/libxml2/devhelp/libxml2-parser.html>.
final class XMLStreamParser {
    /// What the C callbacks work on. It lives at a fixed address owned by the parser, so callbacks
    /// reach it through the `user` pointer without reference counting or exclusivity bookkeeping,
    /// which would otherwise cost more than the parsing itself at millions of events per second.
    private struct State {
        var context: xmlParserCtxtPtr?
        /// libxml2's copy of the handler table, whose text callbacks are switched on only inside
        /// elements the reader collects: most text (indentation above all) then costs no call.
        var handlers: UnsafeMutablePointer<xmlSAXHandler>?
        var textCallback: charactersSAXFunc?
        var reader: CAMTDocumentReader
        /// Fills the buffer with the next bytes of the document; 0 at the end.
        var source: (UnsafeMutableRawBufferPointer) throws(StatementParseError) -> Int
        /// A Swift error raised inside a callback, thrown once libxml2 has returned.
        var parkedError: StatementParseError?
        var failed = false

        var line: Int {
            guard let context, let input = context.pointee.input else { return 0 }
            return Int(input.pointee.line)
        }

        /// Switches the text callbacks on or off, as the reader wants the current element's text.
        mutating func updateTextCallbacks() {
            guard let handlers else { return }
            let callback = reader.collecting ? textCallback : nil
            handlers.pointee.characters = callback
            handlers.pointee.cdataBlock = callback
        }

        /// Keeps the first error of a callback and stops the parser.
        mutating func park(_ error: StatementParseError, stopping: Bool = true) {
            guard !failed else { return }
            failed = true
            parkedError = error
            if stopping, let context { xmlStopParser(context) }
        }

        mutating func refuse(_ message: String) {
            park(StatementParseError(line: line, message: message))
        }
    }

    private let state: UnsafeMutablePointer<State>

    /// - Parameter source: fills the buffer it is given with the document's next bytes and
    ///   returns how many it wrote, 0 at the end.
    init(reader: CAMTDocumentReader,
         source: @escaping (UnsafeMutableRawBufferPointer) throws(StatementParseError) -> Int) {
        state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State(reader: reader, source: source))
    }

    deinit {
        if let context = state.pointee.context { xmlFreeParserCtxt(context) }
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Parses the whole document.
    ///
    /// - Throws: `StatementParseError`, or what the reader's event handler threw.
    func parse() throws {
        let context = try create()
        let status = xmlParseDocument(context)
        if let sinkError = state.pointee.reader.sinkError { throw sinkError }
        if let parkedError = state.pointee.parkedError { throw parkedError }
        if status != 0 || context.pointee.wellFormed == 0 { throw libxmlError() }
    }

    private func create() throws(StatementParseError) -> xmlParserCtxtPtr {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { user, localName, _, uri, _, _, attributeCount, _, attributes in
            guard let state = user?.assumingMemoryBound(to: State.self), let localName, !state.pointee.failed else {
                return
            }
            do throws(StatementParseError) {
                try state.pointee.reader.startElement(
                    localName, namespace: uri,
                    attributes: XMLAttributes(base: attributes, count: Int(attributeCount)), line: state.pointee.line)
                state.pointee.updateTextCallbacks()
            } catch {
                state.pointee.park(error)
            }
        }
        sax.endElementNs = { user, _, _, _ in
            guard let state = user?.assumingMemoryBound(to: State.self), !state.pointee.failed else { return }
            do throws(StatementParseError) {
                try state.pointee.reader.endElement(line: state.pointee.line)
                state.pointee.updateTextCallbacks()
            } catch {
                state.pointee.park(error)
            }
        }
        let characters: charactersSAXFunc = { user, bytes, count in
            guard let state = user?.assumingMemoryBound(to: State.self), let bytes, count > 0,
                  !state.pointee.failed
            else { return }
            do throws(StatementParseError) {
                try state.pointee.reader.text(UnsafeBufferPointer(start: bytes, count: Int(count)))
            } catch {
                state.pointee.park(error)
            }
        }
        // Off until an element the reader collects opens (see `updateTextCallbacks`).
        sax.characters = nil
        sax.cdataBlock = nil
        state.pointee.textCallback = characters
        sax.internalSubset = { user, _, _, _ in
            user?.assumingMemoryBound(to: State.self).pointee
                .refuse("a DOCTYPE is not allowed in a bank statement (DTDs and entities are refused for safety)")
        }
        sax.externalSubset = { user, _, _, _ in
            user?.assumingMemoryBound(to: State.self).pointee
                .refuse("a DOCTYPE is not allowed in a bank statement (DTDs and entities are refused for safety)")
        }
        sax.entityDecl = { user, _, _, _, _, _ in
            user?.assumingMemoryBound(to: State.self).pointee
                .refuse("entity declarations are not allowed in a bank statement")
        }
        sax.reference = { user, _ in
            user?.assumingMemoryBound(to: State.self).pointee
                .refuse("entity references are not allowed in a bank statement")
        }
        // Errors are read from the context afterwards; this handler keeps libxml2 from printing
        // them, and stops at the first fatal one, where the pull parser would otherwise go on
        // reporting consequential errors (the last of which is what the context keeps).
        sax.serror = { user, error in
            guard let error, error.pointee.level == XML_ERR_FATAL,
                  let context = user?.assumingMemoryBound(to: State.self).pointee.context
            else { return }
            xmlStopParser(context)
        }

        let user = UnsafeMutableRawPointer(state)
        let read: xmlInputReadCallback = { user, buffer, length in
            guard let state = user?.assumingMemoryBound(to: State.self), let buffer, length > 0 else { return -1 }
            do throws(StatementParseError) {
                return Int32(try state.pointee.source(UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))))
            } catch {
                // Stopping the parser, or returning -1, from inside its own read made libxml2
                // 2.9.14 dereference a freed input buffer and crash. Ending the input instead lets
                // it wind down normally; the parked error is what the parse reports.
                state.pointee.park(error, stopping: false)
                return 0
            }
        }
        guard let created = xmlCreateIOParserCtxt(&sax, user, read, nil, user, XML_CHAR_ENCODING_NONE) else {
            if let parkedError = state.pointee.parkedError { throw parkedError }
            throw StatementParseError(message: "cannot create the XML parser (out of memory?)")
        }
        state.pointee.context = created
        state.pointee.handlers = created.pointee.sax
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        xmlCtxtUseOptions(created, options)
        if let parkedError = state.pointee.parkedError { throw parkedError }
        return created
    }

    /// Checks, once the document is parsed, that it held a complete CAMT message.
    func finish() throws(StatementParseError) { try state.pointee.reader.finish() }

    /// The error libxml2 recorded for this document, with its line.
    private func libxmlError() -> StatementParseError {
        guard let context = state.pointee.context, let error = xmlCtxtGetLastError(context) else {
            return StatementParseError(line: state.pointee.line, message: "malformed XML")
        }
        var message = error.pointee.message.map { String(cString: $0) } ?? "malformed XML"
        while let last = message.last, last.isWhitespace { message.removeLast() }
        let line = error.pointee.line > 0 ? Int(error.pointee.line) : state.pointee.line
        return StatementParseError(line: line, message: "malformed XML: \(message)")
    }
}
