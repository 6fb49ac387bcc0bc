import BankStatements

/// Writes ING-style MT940: SWIFT blocks, CRLF lines, `:86:` with `/EREF/ /CNTP/ /REMI/` codewords
/// wrapped at 65 characters, one `{4:` block per statement.
struct MT940Writer {
    let sink: ByteSink

    /// The longest `:86:` text: six lines of 65 characters, less room for lines shortened by wrapping.
    static let informationLimit = 6 * 65 - 10
    static let lineWidth = 65

    func statement(_ draft: StatementDraft) {
        sink.write("{1:F01INGBNL2AXXXX0000000000}\r\n{2:I940INGBNL2AXXXXN}\r\n{4:\r\n:20:" as StaticString)
        sink.write(draft.id)
        sink.write("\r\n:25:" as StaticString)
        sink.write(draft.account.iban)
        sink.write("EUR\r\n:28C:" as StaticString)
        sink.integer(draft.sequence, width: 5)
        sink.write("\r\n:60F:" as StaticString)
        balance(draft.opening, date: draft.date)
        for entry in draft.entries { self.entry(entry) }
        sink.write(":62F:" as StaticString)
        balance(draft.closing, date: draft.date)
        sink.write(":64:" as StaticString)
        balance(draft.closing, date: draft.date)
        sink.write(":86:/SUM/" as StaticString)
        sink.integer(draft.debitCount)
        sink.byte(UInt8(ascii: "/"))
        sink.integer(draft.creditCount)
        sink.byte(UInt8(ascii: "/"))
        sink.amount(draft.debitSum, separator: UInt8(ascii: ","))
        sink.byte(UInt8(ascii: "/"))
        sink.amount(draft.creditSum, separator: UInt8(ascii: ","))
        sink.write("/\r\n-}\r\n" as StaticString)
    }

    private func balance(_ signed: Int64, date: CalendarDate) {
        sink.byte(signed < 0 ? UInt8(ascii: "D") : UInt8(ascii: "C"))
        sink.swiftDate(date)
        sink.write("EUR" as StaticString)
        sink.amount(Int64(signed.magnitude), separator: UInt8(ascii: ","))
        sink.write("\r\n" as StaticString)
    }

    private func entry(_ entry: Entry) {
        let first = entry.transactions.first
        let isBatch = entry.batchTransactionCount != nil
        let family = entry.bankTransactionCode?.family
        let subFamily = entry.bankTransactionCode?.subFamily
        let isReturn = first?.returnInformation != nil
        sink.write(":61:" as StaticString)
        let booking = entry.bookingDate ?? CalendarDate(dayNumber: 0)
        sink.swiftDate(entry.valueDate ?? booking)
        sink.integer(booking.month, width: 2)
        sink.integer(booking.day, width: 2)
        if entry.reversal {
            sink.write(entry.creditDebit == .debit ? "RC" as StaticString : "RD" as StaticString)
        } else {
            sink.byte(entry.creditDebit == .credit ? UInt8(ascii: "C") : UInt8(ascii: "D"))
        }
        sink.amount(entry.amount.minorUnits, separator: UInt8(ascii: ","))
        let type: StaticString
        let transactionCode: StaticString
        if isReturn {
            type = "NRTI"
            transactionCode = "01315"
        } else if family == "IDDT" || family == "RDDT" {
            type = "NDDT"
            transactionCode = isBatch ? "01000" : "01016"
        } else if family == "RCDT" || family == "ICDT" {
            type = "NTRF"
            transactionCode = subFamily == "SALA" ? "00108" : "00100"
        } else {
            type = "NMSC"
            transactionCode = "00370"
        }
        sink.write(type)
        if isBatch {
            sink.write("PREF" as StaticString)
        } else if let e2e = first?.references.endToEndId, !TransactionReferences.isPlaceholder(e2e) {
            sink.write("EREF" as StaticString)
        } else {
            sink.write("NONREF" as StaticString)
        }
        if let reference = entry.accountServicerReference {
            sink.write("//" as StaticString)
            sink.write(String(reference.prefix(16)))
        }
        sink.write("\r\n/TRCD/" as StaticString)
        sink.write(transactionCode)
        sink.write("/\r\n" as StaticString)
        information(MT940Writer.information(for: entry))
    }

    /// Writes `:86:` and the text in lines of at most 65 characters, never starting a continuation
    /// line with `:` or `-`, which readers would take for a new field or the end of the message.
    private func information(_ text: [UInt8]) {
        sink.write(":86:" as StaticString)
        var start = 0
        while start < text.count {
            var end = min(text.count, start + MT940Writer.lineWidth)
            while end < text.count && end > start + 1
                && (text[end] == UInt8(ascii: ":") || text[end] == UInt8(ascii: "-")) {
                end -= 1
            }
            if start > 0 { sink.write("\r\n" as StaticString) }
            text.withUnsafeBytes { sink.append(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
            start = end
        }
        sink.write("\r\n" as StaticString)
    }

    /// The `:86:` codeword text for an entry, limited to six lines.
    static func information(for entry: Entry) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(informationLimit + 16)
        func add(_ text: StaticString) { text.withUTF8Buffer { bytes.append(contentsOf: $0) } }
        func add(_ text: String) { bytes.append(contentsOf: text.utf8) }
        func field(_ code: StaticString, _ value: String) {
            add("/"); add(code); add("/"); add(value); add("/")
        }
        var remittanceText: String?
        if entry.batchTransactionCount != nil {
            if let id = entry.batchPaymentInformationId { field("PREF", NameVariants.swiftSafe(id)) }
            if let creditorId = entry.transactions.first?.references.creditorId { field("CSID", creditorId) }
            add("/REMI/USTD//")
            remittanceText = "TOTAAL \(entry.batchTransactionCount ?? entry.transactions.count) POSTEN"
        } else if let transaction = entry.transactions.first {
            let references = transaction.references
            if let reason = transaction.returnInformation?.reasonCode { field("RTRN", reason) }
            if let e2e = references.endToEndId, !TransactionReferences.isPlaceholder(e2e) {
                field("EREF", NameVariants.swiftSafe(e2e))
            }
            if let mandate = references.mandateId { field("MARF", NameVariants.swiftSafe(mandate)) }
            if let creditorId = references.creditorId { field("CSID", creditorId) }
            if let party = EntryFactory.otherParty(of: transaction) {
                add("/CNTP/"); add(party.iban ?? ""); add("/"); add(party.bic ?? ""); add("/")
                add(NameVariants.swiftSafe(String((party.name ?? "").prefix(70)))); add("/")
                add(NameVariants.swiftSafe(party.address.first ?? "")); add("/")
            }
            if let purpose = transaction.purpose { field("PURP", purpose) }
            if let reference = transaction.remittance.references.first {
                add("/REMI/STRD/"); add(reference.issuer ?? "CUR"); add("/"); add(reference.reference); add("/")
            } else if let text = transaction.remittance.unstructured {
                add("/REMI/USTD//")
                remittanceText = NameVariants.swiftSafe(text)
            }
        }
        if let remittanceText {
            let room = max(0, informationLimit - bytes.count - 1)
            bytes.append(contentsOf: remittanceText.utf8.prefix(room))
            add("/")
        }
        if bytes.isEmpty, let info = entry.additionalInfo { add(NameVariants.swiftSafe(info)) }
        if bytes.count > informationLimit { bytes.removeLast(bytes.count - informationLimit) }
        return bytes
    }
}
