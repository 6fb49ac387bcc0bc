/// The German `:86:` of the Deutsche Kreditwirtschaft (and the Polish and Triodos variants):
/// a 3-digit business transaction code (GVC), then `?NN` sub-fields.
///
/// `?00` booking text, `?10` primanota, `?20`–`?29` and `?60`–`?63` purpose, `?30` bank code or
/// BIC, `?31` account or IBAN, `?32`/`?33` name, `?34` return reason. Some banks use `>` or `~`
/// instead of `?`. SEPA keywords (`EREF+`, `SVWZ+`…) run across the purpose sub-fields.
enum MT940GermanSubfields {
    /// The separator byte when the text has this shape: `NNN?` or a separator plus two digits at the start.
    static func separator(_ bytes: [UInt8]) -> UInt8? {
        func isSeparator(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "?") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "~")
        }
        if bytes.count >= 6, MT940Bytes.number(bytes, at: 0, count: 3) != nil, isSeparator(bytes[3]),
           MT940Bytes.number(bytes, at: 4, count: 2) != nil {
            return bytes[3]
        }
        if bytes.count >= 3, isSeparator(bytes[0]), MT940Bytes.number(bytes, at: 1, count: 2) != nil { return bytes[0] }
        return nil
    }

    /// German return-type business codes: returned direct debits and returned transfers.
    private static let returnCodes: Set<String> = ["108", "109", "159", "169", "184", "199"]

    static func parse(_ text: [UInt8], separator: UInt8, into transaction: inout Transaction, details: inout MT940Details,
                      utf8: Bool) {
        var subfields: [(code: Int, value: Range<Int>)] = []
        var gvc: String?
        var index = 0
        if MT940Bytes.number(text, at: 0, count: 3) != nil, text.count > 3, text[3] == separator {
            gvc = String(decoding: text[0..<3], as: UTF8.self)
            index = 3
        }
        while index < text.count {
            if text[index] == separator, let code = MT940Bytes.number(text, at: index + 1, count: 2) {
                if let last = subfields.indices.last { subfields[last].value = subfields[last].value.lowerBound..<index }
                subfields.append((code, (index + 3)..<text.count))
                index += 3
            } else {
                index += 1
            }
        }
        func string(_ range: Range<Int>) -> String { MT940Text.string(text, MT940Bytes.trim(text, range), utf8: utf8) }

        var purpose: [Range<Int>] = []
        var latePurpose: [Range<Int>] = []
        var nameParts: [Range<Int>] = []
        var returnReason: String?
        for subfield in subfields {
            switch subfield.code {
            case 0:
                let value = string(subfield.value)
                if !value.isEmpty { transaction.additionalInfo = value }
            case 10:
                let value = string(subfield.value)
                if !value.isEmpty { transaction.references.other["PRIMANOTA"] = value }
            case 20...29: purpose.append(subfield.value)
            case 60...63: latePurpose.append(subfield.value)
            case 30:
                let value = string(subfield.value)
                if !value.isEmpty {
                    let bytes = Array(value.utf8)
                    if MT940Bytes.looksLikeBIC(bytes, 0..<bytes.count) { details.counterparty.bic = value }
                    else { transaction.references.other["BLZ"] = value }  // a German bank code, no BIC
                }
            case 31, 38:
                let value = string(subfield.value)
                if !value.isEmpty { MT940Details.setAccount(value, on: &details.counterparty) }
            case 32, 33:
                nameParts.append(subfield.value)
            case 34:
                let value = string(subfield.value)
                if !value.isEmpty { returnReason = value }
            default:
                break
            }
        }
        if let name = joinedName(text, nameParts, utf8: utf8) { details.counterparty.name = name }
        purpose += latePurpose

        // Triodos puts the other side's BIC and IBAN in the first two purpose sub-fields.
        if purpose.count >= 2,
           MT940Bytes.looksLikeBIC(text, MT940Bytes.trim(text, purpose[0])),
           MT940Bytes.looksLikeIBAN(text, MT940Bytes.trim(text, purpose[1])) {
            details.counterparty = Party(iban: string(purpose[1]), bic: string(purpose[0]))
            purpose.removeFirst(2)
        }
        sepaKeywords(text, purpose, into: &transaction, details: &details, utf8: utf8)

        if let gvc {
            transaction.bankTransactionCode = BankTransactionCode(proprietaryCode: gvc, proprietaryIssuer: "DK")
            if returnCodes.contains(gvc) || returnReason != nil && transaction.returnInformation != nil {
                var info = transaction.returnInformation ?? ReturnInformation()
                if let returnReason {
                    if isISOReason(returnReason) { info.reasonCode = returnReason } else { info.proprietaryReason = returnReason }
                }
                transaction.returnInformation = info
            }
        }
    }

    private static func isISOReason(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        return bytes.count == 4 && MT940Bytes.isUpper(bytes[0]) && MT940Bytes.isUpper(bytes[1])
            && MT940Bytes.isAlphanumeric(bytes[2]) && MT940Bytes.isDigit(bytes[3])
    }

    /// The name in `?32` and `?33`, joined as the bank wrote it: banks fill `?32` and go on in
    /// `?33`, mid-word when the name is longer (`Daniel Severidt 70 Z|eichen`, `…UK|01`), with a
    /// blank where the name has one (`…Frech UK| 01`). Blanks at the join, however many (padding),
    /// become one space. `nil` when both are empty.
    private static func joinedName(_ text: [UInt8], _ parts: [Range<Int>], utf8: Bool) -> String? {
        var name = ""
        var blankAfterPrevious = false
        for part in parts {
            let trimmed = MT940Bytes.trim(text, part)
            guard !trimmed.isEmpty else { continue }
            if !name.isEmpty && (blankAfterPrevious || trimmed.lowerBound > part.lowerBound) { name += " " }
            name += MT940Text.string(text, trimmed, utf8: utf8)
            blankAfterPrevious = trimmed.upperBound < part.upperBound
        }
        return name.isEmpty ? nil : name
    }

    private static let keywords: [String] = ["EREF+", "KREF+", "MREF+", "CRED+", "DEBT+", "SVWZ+", "ABWA+", "ABWE+", "IBAN+", "BIC+", "COAM+", "OAMT+", "PURP+"]

    /// Reads SEPA keywords across the purpose sub-fields; without any, the sub-fields are the remittance lines.
    private static func sepaKeywords(_ text: [UInt8], _ purpose: [Range<Int>], into transaction: inout Transaction,
                                     details: inout MT940Details, utf8: Bool) {
        var joined: [UInt8] = []
        for range in purpose { joined.append(contentsOf: text[range].lazy.filter { $0 != 0x0A }) }
        var found: [(keyword: String, start: Int, valueStart: Int)] = []
        var index = 0
        while index + 4 < joined.count {
            if MT940Bytes.isUpper(joined[index]) {
                for keyword in keywords {
                    let k = Array(keyword.utf8)
                    if index + k.count <= joined.count, joined[index..<(index + k.count)].elementsEqual(k) {
                        found.append((keyword, index, index + k.count))
                        index += k.count - 1
                        break
                    }
                }
            }
            index += 1
        }
        guard !found.isEmpty else {
            for range in purpose {
                let line = MT940Text.string(text, MT940Bytes.trim(text, range), utf8: utf8)
                if !line.isEmpty { transaction.remittance.unstructuredLines.append(line.filter { $0 != "\n" }) }
            }
            return
        }
        if found[0].start > 0 {
            let lead = MT940Text.string(joined, MT940Bytes.trim(joined, 0..<found[0].start), utf8: utf8)
            if !lead.isEmpty { transaction.remittance.unstructuredLines.append(lead) }
        }
        for (position, item) in found.enumerated() {
            let end = position + 1 < found.count ? found[position + 1].start : joined.count
            let value = MT940Text.string(joined, MT940Bytes.trim(joined, item.valueStart..<end), utf8: utf8)
            guard !value.isEmpty else { continue }
            switch item.keyword {
            case "EREF+": transaction.references.endToEndId = MT940Details.meaningful(value)
            case "MREF+": transaction.references.mandateId = value
            case "CRED+": transaction.references.creditorId = value
            case "SVWZ+": transaction.remittance.unstructuredLines.append(value)
            case "ABWA+": MT940Details.update(&transaction.ultimateDebtor) { $0.name = value }
            case "ABWE+": MT940Details.update(&transaction.ultimateCreditor) { $0.name = value }
            case "IBAN+": if details.counterparty.iban == nil { MT940Details.setAccount(value, on: &details.counterparty) }
            case "BIC+": if details.counterparty.bic == nil { details.counterparty.bic = value }
            case "PURP+": transaction.purpose = value
            default: transaction.references.other[String(item.keyword.dropLast())] = value
            }
        }
    }
}
