/// The Dutch structured `:86:` of ING, Rabobank, ABN AMRO SEPA, Triodos, Knab, bunq and Mollie:
/// `/CODE/value` pairs such as `/EREF/…/CNTP/IBAN/BIC/NAME/CITY/…/REMI/USTD//text/`.
///
/// Values may themselves contain `/`, so a new pair starts only at a known code. Lines are wrapped
/// at a fixed width mid-word, so they are joined without a space before reading.
enum MT940DutchCodewords {
    /// `true` when the text starts with a known `/CODE/`.
    static func matches(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count, MT940Bytes.isBlank(bytes[index]) { index += 1 }
        return codeEnd(bytes, at: index) != nil
    }

    /// The index after `/CODE/` when a known code starts at `start`.
    static func codeEnd(_ bytes: [UInt8], at start: Int) -> Int? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "/") else { return nil }
        var index = start + 1
        var packed: UInt32 = 0
        while index < bytes.count, index - start <= 5, MT940Bytes.isUpper(bytes[index]) {
            packed = packed << 8 | UInt32(bytes[index])
            index += 1
        }
        let length = index - start - 1
        guard length >= 2, length <= 4, index < bytes.count, bytes[index] == UInt8(ascii: "/") else { return nil }
        return knownCodes.contains(packed) ? index + 1 : nil
    }

    private static func pack(_ code: StaticString) -> UInt32 {
        code.withUTF8Buffer { $0.reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }
    }

    private static let knownCodes: Set<UInt32> = Set(([
        "EREF", "KREF", "MREF", "CNTP", "REMI", "RTRN", "MARF", "CSID", "ORDP", "BENM", "PREF", "IREF",
        "SVCL", "ULTD", "ULTC", "ULTB", "PURP", "TRTP", "IBAN", "BIC", "NAME", "ADDR", "CITY", "ID", "ISDT",
        "RTYP", "BUSP", "SUM", "FX", "OCMT", "CHGS", "EXCH", "ACCW", "NRTX", "CREF",
    ] as [StaticString]).map(pack))

    private enum Role { case counterparty, debtor, creditor, ultimateDebtor, ultimateCreditor }

    static func parse(_ text: [UInt8], into details: inout MT940Details, utf8: Bool) {
        // Find every pair first: value i runs from its start to the next pair's slash.
        var pairs: [(code: Range<Int>, value: Range<Int>)] = []
        var index = 0
        while index < text.count {
            if let end = codeEnd(text, at: index) {
                if let last = pairs.indices.last { pairs[last].value = pairs[last].value.lowerBound..<index }
                pairs.append(((index + 1)..<(end - 1), end..<text.count))
                index = end
            } else {
                index += 1
            }
        }
        var role = Role.counterparty
        func string(_ range: Range<Int>) -> String {
            MT940Text.string(text, MT940Bytes.trim(text, range), utf8: utf8)
        }
        func withParty(_ body: (inout Party) -> Void) {
            switch role {
            case .counterparty: body(&details.counterparty)
            case .debtor: body(&details.debtor)
            case .creditor: body(&details.creditor)
            case .ultimateDebtor: body(&details.ultimateDebtor)
            case .ultimateCreditor: body(&details.ultimateCreditor)
            }
        }
        for pair in pairs {
            var value = pair.value
            // Each value ends with its own `/` before the next code.
            if value.count > 0, text[value.upperBound - 1] == UInt8(ascii: "/") { value = value.lowerBound..<(value.upperBound - 1) }
            let code = String(decoding: text[pair.code], as: UTF8.self)
            let valueText = string(value)
            switch code {
            case "CNTP":
                role = .counterparty
                let parts = split(text, value)
                withParty { party in
                    if parts.count > 0 { MT940Details.setAccount(string(parts[0]), on: &party) }
                    if parts.count > 1, !parts[1].isEmpty { party.bic = string(parts[1]) }
                    if parts.count > 2 {
                        let name = string(parts[2])
                        if !name.isEmpty { party.name = name }
                    }
                    if parts.count > 3 {
                        let city = string(parts[3])
                        if !city.isEmpty { party.address = [city] }
                    }
                }
            case "ORDP", "BENM", "ULTD", "ULTC", "ULTB":
                switch code {
                case "ORDP": role = .debtor
                case "BENM": role = .creditor
                case "ULTC": role = .ultimateCreditor
                case "ULTB": role = .ultimateCreditor
                default: role = .ultimateDebtor
                }
                if !valueText.isEmpty {
                    let parts = split(text, value)
                    withParty { party in
                        party.name = string(parts[0])
                        if parts.count > 1, !parts[1].isEmpty { party.identification = string(parts[1]) }
                    }
                }
            case "NAME":
                if !valueText.isEmpty { withParty { $0.name = valueText } }
            case "IBAN":
                withParty { MT940Details.setAccount(valueText, on: &$0) }
            case "BIC":
                if !valueText.isEmpty { withParty { $0.bic = valueText } }
            case "ID":
                if !valueText.isEmpty { withParty { $0.identification = valueText } }
            case "ADDR", "CITY":
                if !valueText.isEmpty { withParty { $0.address.append(valueText) } }
            default:
                role = .counterparty
                apply(code: code, value: value, text: text, details: &details, utf8: utf8)
            }
        }
    }

    private static func apply(code: String, value: Range<Int>, text: [UInt8], details: inout MT940Details, utf8: Bool) {
        let valueText = MT940Text.string(text, MT940Bytes.trim(text, value), utf8: utf8)
        switch code {
        case "EREF": details.references.endToEndId = MT940Details.meaningful(valueText)
        case "MARF": details.references.mandateId = MT940Details.meaningful(valueText)
        case "CSID": details.references.creditorId = MT940Details.meaningful(valueText)
        case "PREF": details.references.paymentInformationId = MT940Details.meaningful(valueText)
        case "IREF": details.references.instructionId = MT940Details.meaningful(valueText)
        case "RTRN":
            let reason = valueText.split(separator: "/").first.map(String.init) ?? valueText
            details.returnInformation = ReturnInformation(reasonCode: reason.isEmpty ? nil : reason)
        case "PURP":
            var purpose = Substring(valueText)
            while purpose.first == "/" { purpose = purpose.dropFirst() }
            if purpose.hasPrefix("CD/") { purpose = purpose.dropFirst(3) }
            if !purpose.isEmpty { details.purpose = String(purpose) }
        case "TRTP":
            if !valueText.isEmpty { details.additionalInfo = valueText }
            details.references.other[code] = valueText
        case "REMI":
            remittance(text, value, into: &details.remittance, utf8: utf8)
        default:
            if !valueText.isEmpty { details.references.other[code] = valueText }
        }
    }

    /// `USTD//text`, `STRD/CUR/reference` (Dutch betalingskenmerk), `STRD/ISO/RF…`, or plain text.
    private static func remittance(_ text: [UInt8], _ value: Range<Int>, into remittance: inout Remittance, utf8: Bool) {
        let trimmed = MT940Bytes.trim(text, value)
        let bytes = text[trimmed]
        if bytes.starts(with: Array("USTD/".utf8)) {
            var start = trimmed.lowerBound + 5
            if start < trimmed.upperBound, text[start] == UInt8(ascii: "/") { start += 1 }
            let line = MT940Text.string(text, MT940Bytes.trim(text, start..<trimmed.upperBound), utf8: utf8)
            if !line.isEmpty { remittance.unstructuredLines.append(line) }
        } else if bytes.starts(with: Array("STRD/".utf8)) {
            let parts = split(text, (trimmed.lowerBound + 5)..<trimmed.upperBound).filter { !$0.isEmpty }
            if parts.count >= 2 {
                remittance.references.append(.init(
                    type: "SCOR", issuer: MT940Text.string(text, parts[0], utf8: utf8),
                    reference: MT940Text.string(text, parts[1], utf8: utf8)))
            } else if let only = parts.first {
                remittance.references.append(.init(type: "SCOR", reference: MT940Text.string(text, only, utf8: utf8)))
            }
        } else if !bytes.isEmpty {
            remittance.unstructuredLines.append(MT940Text.string(text, trimmed, utf8: utf8))
        }
    }

    /// The `/`-separated parts of `range`.
    private static func split(_ text: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = range.lowerBound
        for index in range where text[index] == UInt8(ascii: "/") {
            parts.append(start..<index)
            start = index + 1
        }
        parts.append(start..<range.upperBound)
        return parts
    }
}
