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

/// libxml2's SAX2 push parser, fed chunk by chunk, with a safe configuration, driving a
/// `CAMTDocumentReader` that it holds inline (see there for why it is not behind a protocol).
///
/// Never substitutes entities, never loads a DTD or anything from the network, and refuses any
/// `DOCTYPE` outright: bank statements need none of it, and each is a known attack (XXE, billion
/// laughs). A class because it owns the C parser context, freed in `deinit`.
///
/// The corresponding C functions are `xmlCreatePushParserCtxt` and `xmlParseChunk`
/// (<https://gnome.pages.gitlab.gnome.org/libxml2/devhelp/libxml2-parser.html>).
final class XMLPushParser {
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
        mutating func park(_ error: StatementParseError) {
            guard !failed else { return }
            failed = true
            parkedError = error
            if let context { xmlStopParser(context) }
        }

        mutating func refuse(_ message: String) {
            park(StatementParseError(line: line, message: message))
        }
    }

    private let state: UnsafeMutablePointer<State>
    private var started = false

    init(reader: CAMTDocumentReader) {
        state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State(reader: reader))
    }

    deinit {
        if let context = state.pointee.context { xmlFreeParserCtxt(context) }
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Parses the next piece of the document; `isLast` ends it, so that truncation is detected.
    ///
    /// - Throws: `StatementParseError`, or what the reader's event handler threw.
    func feed(_ bytes: UnsafeBufferPointer<UInt8>, isLast: Bool) throws {
        var offset = 0
        if !started {
            // The first four bytes go to the constructor, which detects the encoding from them.
            let head = min(4, bytes.count)
            try create(head: UnsafeBufferPointer(rebasing: bytes[0..<head]))
            offset = head
            started = true
        }
        guard let context = state.pointee.context else { return }
        let rest = bytes.count - offset
        let status = bytes.baseAddress.map { base in
            base.advanced(by: offset).withMemoryRebound(to: CChar.self, capacity: max(rest, 1)) {
                xmlParseChunk(context, rest > 0 ? $0 : nil, Int32(rest), isLast ? 1 : 0)
            }
        } ?? xmlParseChunk(context, nil, 0, isLast ? 1 : 0)
        if let sinkError = state.pointee.reader.sinkError { throw sinkError }
        if let parkedError = state.pointee.parkedError { throw parkedError }
        if status != 0 || (isLast && context.pointee.wellFormed == 0) { throw libxmlError() }
    }

    private func create(head: UnsafeBufferPointer<UInt8>) throws(StatementParseError) {
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
        // Errors are read from the context after each chunk; a structured handler that does
        // nothing keeps libxml2 from printing them to stderr.
        sax.serror = { _, _ in }

        let user = UnsafeMutableRawPointer(state)
        let created = head.baseAddress.map { base in
            base.withMemoryRebound(to: CChar.self, capacity: head.count) {
                xmlCreatePushParserCtxt(&sax, user, $0, Int32(head.count), nil)
            }
        } ?? xmlCreatePushParserCtxt(&sax, user, nil, 0, nil)
        guard let created else {
            throw StatementParseError(message: "cannot create the XML parser (out of memory?)")
        }
        state.pointee.context = created
        state.pointee.handlers = created.pointee.sax
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        xmlCtxtUseOptions(created, options)
        if let parkedError = state.pointee.parkedError { throw parkedError }
    }

    /// Checks, once the last piece is fed, that the document held a complete CAMT message.
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
