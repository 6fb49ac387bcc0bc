#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The Dutch structured `:86:` of ING, Rabobank, ABN AMRO SEPA, Triodos, Knab, bunq and Mollie:
/// `/CODE/value` pairs such as `/EREF/…/CNTP/IBAN/BIC/NAME/CITY/…/REMI/USTD//text/`.
///
/// Values may themselves contain `/`, so a new pair starts only at a known code. Lines are wrapped
/// at a fixed width mid-word, so they are joined without a space before reading.
///
/// This is the text of nearly every entry in a Dutch file, so it is read in one pass over the
/// bytes: codes are compared as packed integers and only the values the model keeps become text.
enum MT940DutchCodewords {
    /// The codes recon knows; an unknown `/XXXX/` is part of the value before it.
    enum Code {
        case eref, kref, mref, cntp, remi, rtrn, marf, csid, ordp, benm, pref, iref, svcl, ultd, ultc, ultb
        case purp, trtp, iban, bic, name, addr, city, id, isdt, rtyp, busp, sum, fx, ocmt, chgs, exch, accw
        case nrtx, cref

        /// The code from its 2–4 upper-case letters packed big-endian into an integer.
        init?(packed: UInt32) {
            switch packed {
            case 0x4552_4546: self = .eref  // EREF
            case 0x4B52_4546: self = .kref  // KREF
            case 0x4D52_4546: self = .mref  // MREF
            case 0x434E_5450: self = .cntp  // CNTP
            case 0x5245_4D49: self = .remi  // REMI
            case 0x5254_524E: self = .rtrn  // RTRN
            case 0x4D41_5246: self = .marf  // MARF
            case 0x4353_4944: self = .csid  // CSID
            case 0x4F52_4450: self = .ordp  // ORDP
            case 0x4245_4E4D: self = .benm  // BENM
            case 0x5052_4546: self = .pref  // PREF
            case 0x4952_4546: self = .iref  // IREF
            case 0x5356_434C: self = .svcl  // SVCL
            case 0x554C_5444: self = .ultd  // ULTD
            case 0x554C_5443: self = .ultc  // ULTC
            case 0x554C_5442: self = .ultb  // ULTB
            case 0x5055_5250: self = .purp  // PURP
            case 0x5452_5450: self = .trtp  // TRTP
            case 0x4942_414E: self = .iban  // IBAN
            case 0x0042_4943: self = .bic   // BIC
            case 0x4E41_4D45: self = .name  // NAME
            case 0x4144_4452: self = .addr  // ADDR
            case 0x4349_5459: self = .city  // CITY
            case 0x0000_4944: self = .id    // ID
            case 0x4953_4454: self = .isdt  // ISDT
            case 0x5254_5950: self = .rtyp  // RTYP
            case 0x4255_5350: self = .busp  // BUSP
            case 0x0053_554D: self = .sum   // SUM
            case 0x0000_4658: self = .fx    // FX
            case 0x4F43_4D54: self = .ocmt  // OCMT
            case 0x4348_4753: self = .chgs  // CHGS
            case 0x4558_4348: self = .exch  // EXCH
            case 0x4143_4357: self = .accw  // ACCW
            case 0x4E52_5458: self = .nrtx  // NRTX
            case 0x4352_4546: self = .cref  // CREF
            default: return nil
            }
        }

        /// The code as written, the key under which an otherwise unused value is kept.
        var name: String {
            switch self {
            case .eref: "EREF"
            case .kref: "KREF"
            case .mref: "MREF"
            case .cntp: "CNTP"
            case .remi: "REMI"
            case .rtrn: "RTRN"
            case .marf: "MARF"
            case .csid: "CSID"
            case .ordp: "ORDP"
            case .benm: "BENM"
            case .pref: "PREF"
            case .iref: "IREF"
            case .svcl: "SVCL"
            case .ultd: "ULTD"
            case .ultc: "ULTC"
            case .ultb: "ULTB"
            case .purp: "PURP"
            case .trtp: "TRTP"
            case .iban: "IBAN"
            case .bic: "BIC"
            case .name: "NAME"
            case .addr: "ADDR"
            case .city: "CITY"
            case .id: "ID"
            case .isdt: "ISDT"
            case .rtyp: "RTYP"
            case .busp: "BUSP"
            case .sum: "SUM"
            case .fx: "FX"
            case .ocmt: "OCMT"
            case .chgs: "CHGS"
            case .exch: "EXCH"
            case .accw: "ACCW"
            case .nrtx: "NRTX"
            case .cref: "CREF"
            }
        }
    }

    /// `true` when the text starts with a known `/CODE/`.
    static func matches(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { text in
            var index = 0
            while index < text.count, MT940Bytes.isBlank(text[index]) { index += 1 }
            return code(text, at: index) != nil
        }
    }

    /// The known code at `start` and the index after its `/CODE/`, or `nil`.
    @inline(__always)
    static func code(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (code: Code, end: Int)? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "/") else { return nil }
        var index = start + 1
        var packed: UInt32 = 0
        while index < bytes.count, index - start <= 5, MT940Bytes.isUpper(bytes[index]) {
            packed = packed << 8 | UInt32(bytes[index])
            index += 1
        }
        let length = index - start - 1
        guard length >= 2, length <= 4, index < bytes.count, bytes[index] == UInt8(ascii: "/"),
              let code = Code(packed: packed) else { return nil }
        return (code, index + 1)
    }

    private enum Role { case counterparty, debtor, creditor, ultimateDebtor, ultimateCreditor }

    static func parse(_ text: [UInt8], into transaction: inout Transaction, details: inout MT940Details, utf8: Bool) {
        text.withUnsafeBufferPointer { parse($0, into: &transaction, details: &details, utf8: utf8) }
    }

    /// Reads every pair: a value runs from its code to the next known code's slash.
    static func parse(_ text: UnsafeBufferPointer<UInt8>, into transaction: inout Transaction, details: inout MT940Details,
                      utf8: Bool) {
        var reader = Reader(text: text, utf8: utf8)
        var current: (code: Code, start: Int)?
        var index = 0
        let count = text.count
        while index < count {
            guard let slash = nextSlash(text, from: index) else { break }
            if let (code, end) = code(text, at: slash) {
                if let current { reader.pair(current.code, current.start..<slash, into: &transaction, details: &details) }
                current = (code, end)
                index = end
            } else {
                index = slash + 1
            }
        }
        if let current { reader.pair(current.code, current.start..<count, into: &transaction, details: &details) }
    }

    /// The index of the next `/` at or after `start`, found with `memchr`.
    private static func nextSlash(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = text.baseAddress, start < text.count,
              let found = memchr(base + start, Int32(UInt8(ascii: "/")), text.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Applies pairs in order; `role` is the party that `/NAME/`, `/IBAN/`… describe.
    private struct Reader {
        let text: UnsafeBufferPointer<UInt8>
        let utf8: Bool
        var role = Role.counterparty

        /// The trimmed text of `range`.
        func string(_ range: Range<Int>) -> String { MT940Text.trimmed(text, range, utf8: utf8) }

        /// `true` when `range` holds nothing but blanks and line breaks (its text would be empty).
        func isBlank(_ range: Range<Int>) -> Bool { MT940Bytes.trim(text, range).isEmpty }

        func withParty(_ transaction: inout Transaction, _ details: inout MT940Details, _ body: (inout Party) -> Void) {
            switch role {
            case .counterparty: body(&details.counterparty)
            case .debtor: MT940Details.update(&details.debtor, body)
            case .creditor: MT940Details.update(&details.creditor, body)
            case .ultimateDebtor: MT940Details.update(&transaction.ultimateDebtor, body)
            case .ultimateCreditor: MT940Details.update(&transaction.ultimateCreditor, body)
            }
        }

        mutating func pair(_ code: Code, _ range: Range<Int>, into transaction: inout Transaction, details: inout MT940Details) {
            var value = range
            // Each value ends with its own `/` before the next code.
            if value.count > 0, text[value.upperBound - 1] == UInt8(ascii: "/") { value = value.lowerBound..<(value.upperBound - 1) }
            switch code {
            case .cntp:
                role = .counterparty
                let parts = Parts(text, value)
                withParty(&transaction, &details) { party in
                    if parts.count > 0 { MT940Details.setAccount(text, MT940Bytes.trim(text, parts[0]), utf8: utf8, on: &party) }
                    if parts.count > 1, !parts[1].isEmpty { party.bic = string(parts[1]) }
                    if parts.count > 2, !isBlank(parts[2]) { party.name = string(parts[2]) }
                    if parts.count > 3, !isBlank(parts[3]) { party.address = [string(parts[3])] }
                }
            case .ordp, .benm, .ultd, .ultc, .ultb:
                switch code {
                case .ordp: role = .debtor
                case .benm: role = .creditor
                case .ultc, .ultb: role = .ultimateCreditor
                default: role = .ultimateDebtor
                }
                if !isBlank(value) {
                    let parts = Parts(text, value)
                    withParty(&transaction, &details) { party in
                        party.name = string(parts[0])
                        if parts.count > 1, !parts[1].isEmpty { party.identification = string(parts[1]) }
                    }
                }
            case .name:
                if !isBlank(value) { withParty(&transaction, &details) { $0.name = string(value) } }
            case .iban:
                withParty(&transaction, &details) { MT940Details.setAccount(text, MT940Bytes.trim(text, value), utf8: utf8, on: &$0) }
            case .bic:
                if !isBlank(value) { withParty(&transaction, &details) { $0.bic = string(value) } }
            case .id:
                if !isBlank(value) { withParty(&transaction, &details) { $0.identification = string(value) } }
            case .addr, .city:
                if !isBlank(value) { withParty(&transaction, &details) { $0.address.append(string(value)) } }
            default:
                role = .counterparty
                apply(code, value, into: &transaction)
            }
        }

        private func apply(_ code: Code, _ value: Range<Int>, into transaction: inout Transaction) {
            switch code {
            case .eref: transaction.references.endToEndId = MT940Details.meaningful(string(value))
            case .marf: transaction.references.mandateId = MT940Details.meaningful(string(value))
            case .csid: transaction.references.creditorId = MT940Details.meaningful(string(value))
            case .pref: transaction.references.paymentInformationId = MT940Details.meaningful(string(value))
            case .iref: transaction.references.instructionId = MT940Details.meaningful(string(value))
            case .rtrn:
                let valueText = string(value)
                let reason = valueText.split(separator: "/").first.map(String.init) ?? valueText
                transaction.returnInformation = ReturnInformation(reasonCode: reason.isEmpty ? nil : reason)
            case .purp:
                var purpose = Substring(string(value))
                while purpose.first == "/" { purpose = purpose.dropFirst() }
                if purpose.hasPrefix("CD/") { purpose = purpose.dropFirst(3) }
                if !purpose.isEmpty { transaction.purpose = String(purpose) }
            case .trtp:
                let valueText = string(value)
                if !valueText.isEmpty { transaction.additionalInfo = valueText }
                transaction.references.other[code.name] = valueText
            case .remi:
                remittance(value, into: &transaction.remittance)
            default:
                if !isBlank(value) { transaction.references.other[code.name] = string(value) }
            }
        }

        /// `USTD//text`, `STRD/CUR/reference` (Dutch betalingskenmerk), `STRD/ISO/RF…`, or plain text.
        private func remittance(_ value: Range<Int>, into remittance: inout Remittance) {
            let trimmed = MT940Bytes.trim(text, value)
            if MT940Bytes.matches(text, at: trimmed.lowerBound, "USTD/"), trimmed.count >= 5 {
                var start = trimmed.lowerBound + 5
                if start < trimmed.upperBound, text[start] == UInt8(ascii: "/") { start += 1 }
                if !isBlank(start..<trimmed.upperBound) { remittance.unstructuredLines.append(string(start..<trimmed.upperBound)) }
            } else if MT940Bytes.matches(text, at: trimmed.lowerBound, "STRD/"), trimmed.count >= 5 {
                // The first two non-empty `/` parts are the issuer and the reference.
                var found: [Range<Int>] = []
                var start = trimmed.lowerBound + 5
                var index = start
                while index <= trimmed.upperBound, found.count < 2 {
                    if index == trimmed.upperBound || text[index] == UInt8(ascii: "/") {
                        if index > start { found.append(start..<index) }
                        start = index + 1
                    }
                    index += 1
                }
                if found.count >= 2 {
                    remittance.references.append(.init(
                        type: "SCOR", issuer: MT940Text.string(UnsafeBufferPointer(rebasing: text[found[0]]), utf8: utf8),
                        reference: MT940Text.string(UnsafeBufferPointer(rebasing: text[found[1]]), utf8: utf8)))
                } else if let only = found.first {
                    remittance.references.append(.init(
                        type: "SCOR", reference: MT940Text.string(UnsafeBufferPointer(rebasing: text[only]), utf8: utf8)))
                }
            } else if !trimmed.isEmpty {
                remittance.unstructuredLines.append(MT940Text.string(UnsafeBufferPointer(rebasing: text[trimmed]), utf8: utf8))
            }
        }
    }

    /// The `/`-separated parts of a range, found in one pass without building an array.
    ///
    /// Only the first four parts are ever read (account, BIC, name, city), so only their
    /// boundaries are kept.
    private struct Parts {
        let range: Range<Int>
        /// The number of parts: one more than the number of slashes.
        let count: Int
        /// The positions of the first four slashes.
        private var slashes: (Int, Int, Int, Int) = (0, 0, 0, 0)

        init(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            self.range = range
            var found = 0
            var index = range.lowerBound
            while index < range.upperBound {
                if text[index] == UInt8(ascii: "/") {
                    switch found {
                    case 0: slashes.0 = index
                    case 1: slashes.1 = index
                    case 2: slashes.2 = index
                    case 3: slashes.3 = index
                    default: break
                    }
                    found += 1
                }
                index += 1
            }
            count = found + 1
        }

        private func slash(_ number: Int) -> Int {
            switch number {
            case 0: slashes.0
            case 1: slashes.1
            case 2: slashes.2
            default: slashes.3
            }
        }

        /// Part `part` (0 to 3) of the range; `part` must be less than `count`.
        subscript(part: Int) -> Range<Int> {
            let start = part == 0 ? range.lowerBound : slash(part - 1) + 1
            let end = part + 1 < count ? slash(part) : range.upperBound
            return start..<end
        }
    }
}
