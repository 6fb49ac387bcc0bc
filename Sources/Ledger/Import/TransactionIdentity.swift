/// How a bank transaction is recognised when it arrives again, so that every import is idempotent
/// and overlapping files store each booking once.
///
/// A transaction has up to two identities, both scoped to its account:
///
/// - **Reference key**, when the bank gave a reference (`AcctSvcrRef`, MT940 `//` reference):
///   the reference plus the signed amount and currency, and for a payment inside a batch that shares
///   the entry's reference, its end-to-end id (else its position in the batch). The amount is a
///   guard against banks that reuse references; the same booking always has the same amount.
/// - **Fingerprint**, always: booking date (value date when there is none), signed amount and
///   currency, end-to-end id and counterparty IBAN, plus an occurrence number counting identical
///   fingerprints within the same statement in file order. Two identical payments on one day (same
///   payer, amount, no references) are #1 and #2 and both kept; a later file that reports the same
///   day again produces the same numbers.
///
/// An incoming transaction is a duplicate when **either** identity matches a stored one: the
/// reference catches the same booking with different details (intraday vs end of day), the
/// fingerprint catches the same booking with a different reference (CAMT vs MT940 of one bank).
///
/// Known limit: intraday reports that list only the bookings since the previous report restart
/// occurrence numbers, so a second identical unreferenced payment reported in a later intraday file
/// would be taken for the first; the end-of-day statement then adds it as occurrence #2.
struct TransactionIdentity: Hashable, Sendable {
    var referenceKey: String?
    var fingerprint: String

    /// The fingerprint without its occurrence number, for counting occurrences.
    static func fingerprintBase(of row: TransactionRow) -> String {
        let date = (row.bookingDate ?? row.valueDate)?.description ?? ""
        return [date, "\(row.signedMinorUnits) \(row.currency.code)", row.endToEndId ?? "", row.counterpartyIBAN ?? ""]
            .map(escaped).joined(separator: "|")
    }

    init(row: TransactionRow, occurrence: Int) {
        self.init(row: row, fingerprintBase: TransactionIdentity.fingerprintBase(of: row), occurrence: occurrence)
    }

    /// With the row's ``fingerprintBase(of:)`` already worked out (the import needs it first to
    /// count occurrences).
    init(row: TransactionRow, fingerprintBase: String, occurrence: Int) {
        fingerprint = fingerprintBase + "|#\(occurrence)"
        guard let reference = row.bankReference else {
            referenceKey = nil
            return
        }
        var parts = [reference, "\(row.signedMinorUnits) \(row.currency.code)"]
        if !row.referenceIsTransactionLevel {
            parts.append(row.endToEndId.map { "e2e:" + $0 } ?? "pos:\(row.transactionPosition ?? 0)")
        }
        referenceKey = parts.map(TransactionIdentity.escaped).joined(separator: "|")
    }

    /// Keeps `|` inside a value from forging another key.
    private static func escaped(_ value: String) -> String {
        // Almost no value holds either character: looking at bytes first avoids walking characters.
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "|") }) else { return value }
        return value.replacingAll("\\", with: "\\\\").replacingAll("|", with: "\\|")
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
