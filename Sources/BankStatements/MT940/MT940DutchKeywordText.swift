/// Older Dutch free-text layouts that still carry the payment's facts:
/// ABN AMRO's SEPA text (`IBAN: … BIC: … NAAM: … OMSCHRIJVING: … KENMERK: …`), Knab's
/// `REK: …/NAAM: …`, and ABN AMRO's fixed columns (`GIRO   428428 NAME`, `52.89.39.882   NAME`).
enum MT940DutchKeywordText {
    private static let keywords: [(String, [UInt8])] = [
        "IBAN:", "BIC:", "NAAM:", "OMSCHRIJVING:", "KENMERK:", "REK:", "MACHTIGING:", "INCASSANT:",
        "BETALINGSKENM.:",
    ].map { ($0, Array($0.utf8)) }

    /// Reads the keyword layout; `false` when the text has no keyword at all.
    static func parse(_ joined: [UInt8], into transaction: inout Transaction, details: inout MT940Details, utf8: Bool) -> Bool {
        var found: [(keyword: String, start: Int, valueStart: Int)] = []
        var index = 0
        while index < joined.count {
            let byte = joined[index]
            // Lines are glued without a space, so a keyword may follow a letter (`IDEAOMSCHRIJVING:`);
            // only the short ones need a word boundary.
            let atBoundary = index == 0 || !MT940Bytes.isUpper(joined[index - 1])
            if MT940Bytes.isUpper(byte) {
                for (keyword, pattern) in keywords where joined.count - index >= pattern.count
                    && (atBoundary || pattern.count > 4)
                    && joined[index..<(index + pattern.count)].elementsEqual(pattern) {
                    found.append((keyword, index, index + pattern.count))
                    index += pattern.count - 1
                    break
                }
            }
            index += 1
        }
        guard !found.isEmpty else { return false }
        func string(_ range: Range<Int>) -> String {
            var text = MT940Text.string(joined, MT940Bytes.trim(joined, range), utf8: utf8)
            while text.hasSuffix("/") { text.removeLast() }
            return text
        }
        if found[0].start > 0 {
            let lead = string(0..<found[0].start)
            if !lead.isEmpty { transaction.additionalInfo = lead }
        }
        for (position, item) in found.enumerated() {
            let end = position + 1 < found.count ? found[position + 1].start : joined.count
            let value = string(item.valueStart..<end)
            guard !value.isEmpty else { continue }
            switch item.keyword {
            case "IBAN:", "REK:": MT940Details.setAccount(value, on: &details.counterparty)
            case "BIC:": details.counterparty.bic = value
            case "NAAM:": details.counterparty.name = value
            case "OMSCHRIJVING:": transaction.remittance.unstructuredLines.append(value)
            case "KENMERK:": transaction.references.endToEndId = MT940Details.meaningful(value)
            case "MACHTIGING:": transaction.references.mandateId = value
            case "INCASSANT:": transaction.references.creditorId = value
            case "BETALINGSKENM.:":
                transaction.remittance.references.append(.init(type: "SCOR", issuer: "CUR", reference: value))
            default: break
            }
        }
        return true
    }

    /// The betalingskenmerk (payment reference) of ABN AMRO's fixed columns and Rabobank's old
    /// text: `BETALINGSKENM.` (a colon allowed), blanks, then digits up to the end of the column
    /// (two blanks or the end of the line). Digits grouped by single spaces are joined. `nil`
    /// when no line has one.
    static func oldPaymentReference(_ lines: [[UInt8]]) -> String? {
        let keyword = Array("BETALINGSKENM.".utf8)
        for line in lines where line.count > keyword.count {
            var start = 0
            while start + keyword.count <= line.count, !line[start..<(start + keyword.count)].elementsEqual(keyword) {
                start += 1
            }
            guard start + keyword.count <= line.count else { continue }
            var index = start + keyword.count
            if index < line.count, line[index] == UInt8(ascii: ":") { index += 1 }
            while index < line.count, MT940Bytes.isBlank(line[index]) { index += 1 }
            var digits: [UInt8] = []
            while index < line.count {
                if MT940Bytes.isDigit(line[index]) {
                    digits.append(line[index])
                } else if line[index] == 0x20, index + 1 < line.count, MT940Bytes.isDigit(line[index + 1]), !digits.isEmpty {
                    // A single space between digit groups.
                } else {
                    break
                }
                index += 1
            }
            if !digits.isEmpty { return String(decoding: digits, as: UTF8.self) }
        }
        return nil
    }

    /// ABN AMRO's fixed columns: the other account (`GIRO 428428` or `52.89.39.882`) then the name,
    /// both in the first 32 columns. `nil` when the first line has neither.
    static func fixedColumnParty(_ firstLine: [UInt8], utf8: Bool) -> Party? {
        var index = 0
        var account: String?
        if firstLine.starts(with: Array("GIRO".utf8)) {
            index = 4
            while index < firstLine.count, firstLine[index] == 0x20 { index += 1 }
            let start = index
            while index < firstLine.count, MT940Bytes.isDigit(firstLine[index]) { index += 1 }
            guard index > start, index == firstLine.count || firstLine[index] == 0x20 else { return nil }
            account = String(decoding: firstLine[start..<index], as: UTF8.self)
        } else if firstLine.count >= 12, MT940Bytes.number(firstLine, at: 0, count: 2) != nil,
                  firstLine[2] == UInt8(ascii: "."), MT940Bytes.number(firstLine, at: 3, count: 2) != nil,
                  firstLine[5] == UInt8(ascii: "."), MT940Bytes.number(firstLine, at: 6, count: 2) != nil,
                  firstLine[8] == UInt8(ascii: "."), MT940Bytes.number(firstLine, at: 9, count: 3) != nil,
                  firstLine.count == 12 || firstLine[12] == 0x20 {
            account = String(decoding: firstLine[0..<12].filter { $0 != UInt8(ascii: ".") }, as: UTF8.self)
            index = 12
        }
        guard let account else { return nil }
        // The name runs to the double space that ends its column.
        while index < firstLine.count, firstLine[index] == 0x20 { index += 1 }
        let nameStart = index
        while index < firstLine.count, !(firstLine[index] == 0x20 && index + 1 < firstLine.count && firstLine[index + 1] == 0x20) {
            index += 1
        }
        let name = MT940Text.string(firstLine, MT940Bytes.trim(firstLine, nameStart..<index), utf8: utf8)
        return Party(name: name.isEmpty ? nil : name, otherAccount: account)
    }
}
