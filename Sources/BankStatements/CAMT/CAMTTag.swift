/// The ISO 20022 element names the CAMT reader acts on, as one byte each.
///
/// The cases are spelled exactly like the XML local names (hence the upper-case first letters):
/// `String(describing:)` then yields the element name for error paths at no extra cost, and the
/// reader code reads like the schema. Every other element maps to `other` and is skipped.
enum CAMTTag: UInt8, CaseIterable {
    case other
    // Wrappers and message level.
    case Envelope, AppHdr, MsgDefIdr, Document
    case BkToCstmrStmt, BkToCstmrAcctRpt, BkToCstmrDbtCdtNtfctn
    // Version 01 names its message elements with the version.
    case BkToCstmrStmtV01, BkToCstmrAcctRptV01, BkToCstmrDbtCdtNtfctnV01
    case GrpHdr, MsgId, CreDtTm, MsgPgntn
    // Statement level.
    case Stmt, Rpt, Ntfctn
    case Id, ElctrncSeqNb, LglSeqNb, FrToDt, FrDtTm, ToDtTm
    case StmtPgntn, RptPgntn, NtfctnPgntn, PgNb, LastPgInd
    case Acct, IBAN, Othr, PrtryAcct, NmAndAdr, SchmeNm, Cd, Prtry, Ccy, Nm, Ownr, Svcr, FinInstnId, BIC, BICFI
    case Bal, Tp, CdOrPrtry, SubTp, Amt, CdtDbtInd, Dt, DtTm
    case TxsSummry, TtlNtries, TtlCdtNtries, TtlDbtNtries, NbOfNtries, Sum
    case AddtlStmtInf, AddtlRptInf, AddtlNtfctnInf
    // Entry level.
    case Ntry, NtryRef, RvslInd, Sts, BookgDt, ValDt, AcctSvcrRef
    case BkTxCd, Domn, Fmly, SubFmlyCd, Issr
    case Chrgs, Rcrd, TtlChrgsAndTaxAmt, ChrgInclInd, Br
    case AddtlNtryInf, NtryDtls, Btch, NbOfTxs, PmtInfId
    // Transaction level.
    case TxDtls, AmtDtls, TxAmt, InstdAmt, CcyXchg, SrcCcy, TrgtCcy, UnitCcy, XchgRate
    case Refs, InstrId, EndToEndId, TxId, MndtId, ChqNb, ClrSysRef, UETR
    case RltdPties, Dbtr, Cdtr, Pty, PstlAdr, AdrLine, DbtrAcct, CdtrAcct, UltmtDbtr, UltmtCdtr
    case CdtrSchmeId, OrgId, PrvtId, AnyBIC, BICOrBEI
    case RltdAgts, DbtrAgt, CdtrAgt
    case RmtInf, Ustrd, Strd, CdtrRefInf, Ref, RfrdDocInf, Nb, AddtlRmtInf
    case RtrInf, Rsn, AddtlInf, Orgtr, Purp, AddtlTxInf

    /// The element name as written in the XML (`…` for elements the reader does not know).
    var name: String { self == .other ? "…" : String(describing: self) }

    /// Whether closing the element may end something the reader is building (a statement, an
    /// entry, a charge …); other elements need no work when they close, beyond their text.
    var closesScope: Bool {
        switch self {
        case .Chrgs, .Rcrd, .CdtrRefInf, .TxDtls, .Ntry, .Bal, .Acct, .Stmt, .Rpt, .Ntfctn,
             .BkToCstmrStmt, .BkToCstmrAcctRpt, .BkToCstmrDbtCdtNtfctn,
             .BkToCstmrStmtV01, .BkToCstmrAcctRptV01, .BkToCstmrDbtCdtNtfctnV01:
            return true
        default:
            return false
        }
    }

    /// Finds the tag for a NUL-terminated UTF-8 local name, as libxml2 hands it over.
    ///
    /// A small open-addressing table keyed by an FNV-1a hash: one pass over the name's bytes and
    /// one comparison, with no `String` made per element.
    static func lookup(_ name: UnsafePointer<UInt8>) -> CAMTTag {
        var hash: UInt32 = 2_166_136_261
        var length = 0
        while name[length] != 0 {
            hash = (hash ^ UInt32(name[length])) &* 16_777_619
            length += 1
            if length > CAMTTagTable.longestName { return .other }
        }
        return CAMTTagTable.shared.find(name, length: length, hash: hash)
    }
}

/// The lookup table behind `CAMTTag.lookup`, built once.
struct CAMTTagTable: Sendable {
    static let shared = CAMTTagTable()
    static let longestName = 32
    private static let slotCount = 512

    private var slots: [UInt8]
    /// All names back to back; `offsets[raw] ..< offsets[raw + 1]` is the name of tag `raw`.
    private var bytes: [UInt8] = []
    private var offsets: [Int] = [0]

    private init() {
        for tag in CAMTTag.allCases {
            bytes += Array(String(describing: tag).utf8)
            offsets.append(bytes.count)
        }
        slots = [UInt8](repeating: 0, count: Self.slotCount)
        for tag in CAMTTag.allCases where tag != .other {
            var hash: UInt32 = 2_166_136_261
            let raw = Int(tag.rawValue)
            for byte in bytes[offsets[raw]..<offsets[raw + 1]] { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            var slot = Int(hash) & (Self.slotCount - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (Self.slotCount - 1) }
            slots[slot] = tag.rawValue
        }
    }

    func find(_ name: UnsafePointer<UInt8>, length: Int, hash: UInt32) -> CAMTTag {
        var slot = Int(hash) & (Self.slotCount - 1)
        while true {
            let raw = slots[slot]
            if raw == 0 { return .other }
            let start = offsets[Int(raw)]
            if offsets[Int(raw) + 1] - start == length, equal(at: start, name, length) {
                return CAMTTag(rawValue: raw) ?? .other
            }
            slot = (slot + 1) & (Self.slotCount - 1)
        }
    }

    private func equal(at start: Int, _ name: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        for index in 0..<length where bytes[start + index] != name[index] { return false }
        return true
    }
}
