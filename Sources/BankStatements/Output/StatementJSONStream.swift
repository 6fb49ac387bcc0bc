/// Writes `recon parse --json` output while statements stream in, so that memory stays flat
/// however large the file.
///
/// The document is `{"files":[{"file","format","statements":[…]}]}`; entries are written as they
/// arrive, balances and verification when the statement ends.
public struct StatementJSONStream {
    private let write: (String) -> Void
    private let writeBytes: ((UnsafeBufferPointer<UInt8>) -> Void)?
    private var fileCount = 0
    private var statementCount = 0
    private var entryCount = 0
    private var formatWritten = false
    /// Entries are written here as bytes (the output's bulk), then handed on.
    private var entryWriter = JSONWriter()

    /// - Parameter write: receives consecutive pieces of the document.
    public init(write: @escaping (String) -> Void) {
        self.write = write
        self.writeBytes = nil
    }

    /// - Parameter writeBytes: receives consecutive pieces of the document as UTF-8, valid only
    ///   during the call; this avoids turning each entry's text into a `String`.
    public init(writeBytes: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        self.write = { text in
            var text = text
            text.withUTF8 { writeBytes($0) }
        }
        self.writeBytes = writeBytes
    }

    public mutating func beginDocument() { write("{\"files\":[") }

    public mutating func endDocument() { write("\n]}\n") }

    public mutating func beginFile(_ name: String) {
        var out = Array((fileCount == 0 ? "\n{\"file\":" : ",\n{\"file\":").utf8)
        JSONValue.renderString(name, into: &out)
        write(String(decoding: out, as: UTF8.self))
        fileCount += 1
        statementCount = 0
        formatWritten = false
    }

    public mutating func endFile() {
        if !formatWritten { write(",\"format\":null,\"statements\":[") }
        write(statementCount == 0 ? "]}" : "\n]}")
    }

    public mutating func handle(_ event: StatementEvent) {
        // Built as UTF-8 bytes, which append far more cheaply than `String`s.
        var out: [UInt8] = []
        switch event {
        case .begin(let header):
            if !formatWritten {
                out.append(contentsOf: ",\"format\":".utf8)
                JSONValue.renderString(header.format.name, into: &out)
                out.append(contentsOf: ",\"statements\":[".utf8)
                formatWritten = true
            }
            out.append(contentsOf: (statementCount == 0 ? "\n{" : ",\n{").utf8)
            for (key, value) in header.jsonFields {
                JSONValue.renderString(key, into: &out)
                out.append(contentsOf: ":".utf8)
                value.render(into: &out)
                out.append(contentsOf: ",".utf8)
            }
            out.append(contentsOf: "\"entries\":[".utf8)
            statementCount += 1
            entryCount = 0
        case .entry(let entry):
            entryWriter.removeAll()
            entryWriter.raw(entryCount == 0 ? "\n" : ",\n")
            entry.writeJSON(to: &entryWriter)
            entryCount += 1
            if let writeBytes {
                entryWriter.withBytes { writeBytes($0) }
            } else {
                write(entryWriter.withBytes { String(decoding: $0, as: UTF8.self) })
            }
            return
        case .end(let trailer, let verification):
            out.append(contentsOf: "]".utf8)
            for (key, value) in trailer.jsonFields {
                out.append(contentsOf: ",".utf8)
                JSONValue.renderString(key, into: &out)
                out.append(contentsOf: ":".utf8)
                value.render(into: &out)
            }
            out.append(contentsOf: ",\"verification\":".utf8)
            verification.jsonValue.render(into: &out)
            out.append(contentsOf: "}".utf8)
        }
        write(String(decoding: out, as: UTF8.self))
    }
}
