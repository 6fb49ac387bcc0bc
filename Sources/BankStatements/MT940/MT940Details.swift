/// The parties an `:86:` text names, kept apart from the transaction until the text is read.
///
/// Dialects name parties by role (ordering party, beneficiary) or only as "the other side";
/// `resolve(into:)` puts the other side on the debtor of a credit and the creditor of a debit.
/// Everything else the dialect readers write straight into the transaction, which arrives
/// holding only what the `:61:` line said (its customer reference and a party from the
/// supplementary details), so no field is built twice.
struct MT940Details {
    /// The other side, named without a role (`/CNTP/`, `?32`, `NAAM:`).
    var counterparty = Party()
    // Parties named by role are rare, so they stay `nil` (and cost nothing) until a text names one.
    var debtor: Party?
    var creditor: Party?

    /// Changes a party named by role, creating it on first use.
    static func update(_ party: inout Party?, _ body: (inout Party) -> Void) {
        var value = party ?? Party()
        party = nil
        body(&value)
        party = value
    }

    /// Puts the parties on `transaction`: a party named by role wins field by field over the
    /// unnamed other side, which wins over what the `:61:` line said.
    consuming func resolve(into transaction: inout Transaction) {
        if debtor == nil && creditor == nil && transaction.debtor == nil && transaction.creditor == nil {
            // The common case: only the unnamed other side, and the :61: line named nobody.
            if !counterparty.isEmpty {
                if transaction.creditDebit == .credit { transaction.debtor = counterparty } else { transaction.creditor = counterparty }
            }
            dropEmptyUltimateParties(of: &transaction)
            return
        }
        var debtor = debtor ?? Party(), creditor = creditor ?? Party()
        if transaction.creditDebit == .credit {
            MT940Details.fill(&debtor, from: counterparty)
        } else {
            MT940Details.fill(&creditor, from: counterparty)
        }
        if !debtor.isEmpty {
            if let existing = transaction.debtor { MT940Details.fill(&debtor, from: existing) }
            transaction.debtor = debtor
        }
        if !creditor.isEmpty {
            if let existing = transaction.creditor { MT940Details.fill(&creditor, from: existing) }
            transaction.creditor = creditor
        }
        dropEmptyUltimateParties(of: &transaction)
    }

    /// An ultimate party is only kept when the text said something about it.
    private func dropEmptyUltimateParties(of transaction: inout Transaction) {
        if transaction.ultimateDebtor?.isEmpty == true { transaction.ultimateDebtor = nil }
        if transaction.ultimateCreditor?.isEmpty == true { transaction.ultimateCreditor = nil }
    }

    /// Takes the fields `party` lacks from `secondary`.
    static func fill(_ party: inout Party, from secondary: Party) {
        if party.name == nil { party.name = secondary.name }
        if party.iban == nil { party.iban = secondary.iban }
        if party.otherAccount == nil { party.otherAccount = secondary.otherAccount }
        if party.bic == nil { party.bic = secondary.bic }
        if party.address.isEmpty { party.address = secondary.address }
        if party.identification == nil { party.identification = secondary.identification }
    }

    /// Sets an account on a party: an IBAN when it has the shape of one, else the other account.
    static func setAccount(_ text: String, on party: inout Party) {
        let compact = String(text.filter { $0 != " " }).uppercased()
        guard !compact.isEmpty else { return }
        let bytes = Array(compact.utf8)
        if MT940Bytes.looksLikeIBAN(bytes, 0..<bytes.count) { party.iban = compact } else { party.otherAccount = text }
    }

    /// Sets an account from the bytes of `range` (already trimmed): what `setAccount(_:on:)` does
    /// with their text, without building the intermediate strings when the bytes are plain ASCII.
    static func setAccount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, utf8: Bool, on party: inout Party) {
        var compactCount = 0
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            index += 1
            // Anything but printable ASCII (a control byte becomes a space, a letter may change
            // when upper-cased) takes the general path.
            guard byte &- 0x20 < 0x5F else {
                setAccount(MT940Text.string(UnsafeBufferPointer(rebasing: bytes[range]), utf8: utf8), on: &party)
                return
            }
            if byte != 0x20 { compactCount += 1 }
        }
        guard compactCount > 0 else { return }
        if compactCount >= 15 && compactCount <= 34 {
            let iban = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 34) { buffer -> String? in
                var count = 0
                var index = range.lowerBound
                while index < range.upperBound {
                    let byte = bytes[index]
                    index += 1
                    if byte == 0x20 { continue }
                    buffer[count] = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
                    count += 1
                }
                let compact = UnsafeBufferPointer(rebasing: buffer[0..<count])
                guard MT940Bytes.looksLikeIBAN(compact, 0..<count) else { return nil }
                return String(decoding: compact, as: UTF8.self)
            }
            if let iban {
                party.iban = iban
                return
            }
        }
        party.otherAccount = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// `value` unless it is empty or a placeholder such as `NOTPROVIDED`.
    static func meaningful(_ value: String) -> String? {
        // An ASCII text can only be a placeholder at one of the placeholders' lengths.
        var value = value
        let count = value.utf8.count
        if count != 0 && count != 6 && count != 11 && count != 12 && value.withUTF8({ MT940Text.isASCII($0) }) {
            return value
        }
        return TransactionReferences.isPlaceholder(value) ? nil : value
    }
}
