/// Which CAMT message and version a document holds, worked out from its namespace.
///
/// The namespace is the only reliable version marker: a SWIFT `AppHdr` may name another version
/// than the `Document` it wraps, so the header is used only when the document has no versioned
/// namespace at all.
enum CAMTMessageIdentity {
    /// The message number (`052`, `053`, `054`) that a message element stands for.
    static func message(for tag: CAMTTag) -> String? {
        switch tag {
        case .BkToCstmrAcctRpt, .BkToCstmrAcctRptV01: return "052"
        case .BkToCstmrStmt, .BkToCstmrStmtV01: return "053"
        case .BkToCstmrDbtCdtNtfctn, .BkToCstmrDbtCdtNtfctnV01: return "054"
        default: return nil
        }
    }

    /// The statement element that a message element holds (`Stmt`, `Rpt`, `Ntfctn`).
    static func statementTag(for tag: CAMTTag) -> CAMTTag {
        switch tag {
        case .BkToCstmrAcctRpt, .BkToCstmrAcctRptV01: return .Rpt
        case .BkToCstmrDbtCdtNtfctn, .BkToCstmrDbtCdtNtfctnV01: return .Ntfctn
        default: return .Stmt
        }
    }

    /// The format for a message element in `namespace`.
    ///
    /// - Parameters:
    ///   - tag: The message element (`BkToCstmrStmt` …).
    ///   - namespace: Its namespace URI bytes, empty when it has none.
    ///   - headerVersion: The version a wrapping `AppHdr/MsgDefIdr` gave, if any.
    /// - Returns: The format, or `nil` when the namespace is not a CAMT one (`urn:weird-namespace`).
    static func format(for tag: CAMTTag, namespace: [UInt8], headerVersion: String?) -> StatementFormat? {
        guard let message = message(for: tag) else { return nil }
        if let (_, version) = versionedName(in: namespace) {
            return .camt(message: message, version: version)
        }
        if !namespace.isEmpty && !contains(namespace, Array("camt".utf8)) { return nil }
        return .camt(message: message, version: headerVersion ?? "unknown")
    }

    /// The version in a `MsgDefIdr` such as `camt.053.001.08`.
    static func headerVersion(_ text: [UInt8]) -> String? { versionedName(in: text)?.version }

    /// Finds `camt.NNN.NNN.NN` anywhere in `bytes` (plain ISO namespaces, STUZZA's
    /// `ISO:camt.053.001.02:APC:…`, header identifiers).
    private static func versionedName(in bytes: [UInt8]) -> (message: String, version: String)? {
        let prefix = Array("camt.".utf8)
        guard bytes.count >= prefix.count + 10 else { return nil }
        var start = 0
        while start + prefix.count + 10 <= bytes.count {
            if bytes[start..<(start + prefix.count)].elementsEqual(prefix) {
                let rest = Array(bytes[(start + prefix.count)..<(start + prefix.count + 10)])
                // NNN.NNN.NN
                let digitPositions = [0, 1, 2, 4, 5, 6, 8, 9]
                if rest[3] == UInt8(ascii: "."), rest[7] == UInt8(ascii: "."),
                   digitPositions.allSatisfy({ rest[$0] >= 48 && rest[$0] <= 57 }) {
                    let message = String(decoding: rest[0..<3], as: UTF8.self)
                    let version = String(decoding: rest[4..<10], as: UTF8.self)
                    return (message, version)
                }
            }
            start += 1
        }
        return nil
    }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count)
        where bytes[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }
}
