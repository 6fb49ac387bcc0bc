import BankStatements
@testable import Reconciliation

/// A decision written out in full, field by field, and a 64-bit digest of that text, so thousands
/// of decisions can be compared with recorded ones without storing megabytes of evidence.
///
/// Everything a caller can observe goes in: kind, every allocation and candidate in order, amounts,
/// methods, scores and every evidence sentence; and, for name matching, the exact bits of each
/// similarity (a change in the last bit can reorder candidates).
enum DecisionFingerprint {
    static func render(_ decision: MatchDecision) -> String {
        switch decision {
        case .autoAllocate(let allocations):
            return "auto{" + allocations.map(render).joined(separator: ";") + "}"
        case .review(let candidates):
            return "review{" + candidates.map(render).joined(separator: ";") + "}"
        case .notAPayment(let reason):
            return "not{\(reason.rawValue)}"
        }
    }

    static func render(_ candidate: Candidate) -> String {
        "cand(\(candidate.invoiceIDs.joined(separator: ","))|\(candidate.customerID)|\(candidate.score)|"
            + candidate.evidence.joined(separator: "\u{1F}") + "|"
            + candidate.allocations.map(render).joined(separator: ";") + ")"
    }

    static func render(_ allocation: ProposedAllocation) -> String {
        "alloc(\(allocation.kind.rawValue)|\(allocation.invoiceID ?? "-")|\(allocation.customerID)|"
            + "\(allocation.amount.minorUnits) \(allocation.amount.currency.code)|\(allocation.method.rawValue)|"
            + "\(allocation.confidence)|" + allocation.evidence.joined(separator: "\u{1F}") + ")"
    }

    /// Name-index answers for `name`: the ranked matches with exact similarity bits.
    static func renderMatches(_ matches: [(customer: String, similarity: Double)]) -> String {
        matches.map { "\($0.customer)=\(String($0.similarity.bitPattern, radix: 16))" }.joined(separator: ",")
    }

    /// A short label for a summary line: `auto`, `review`, or the reason.
    static func kind(_ decision: MatchDecision) -> String {
        switch decision {
        case .autoAllocate: return "auto"
        case .review(let candidates): return "review\(candidates.count)"
        case .notAPayment(let reason): return reason.rawValue
        }
    }

    /// FNV-1a, 64 bits, as 16 hex digits.
    static func digest(_ text: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
