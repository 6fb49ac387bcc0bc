/// Traces a returned or reversed incoming payment back to the allocations it undoes.
///
/// Identifiers are tried strongest first: the end-to-end id (unique per payment), then the mandate
/// id together with the amount (a mandate is collected again every period), then the bank reference.
/// The first identifier that matches anything decides: exactly one earlier payment of the same
/// amount → undo it; several payments, or a different amount → review. Nothing is ever guessed.
public enum ReturnMatcher {
    public static func identify(_ payment: Payment, priorAllocations: [PriorAllocation]) -> ReturnDecision {
        // Money that came in and goes back out: a debit. A credit marked as reversal undoes one of
        // our own outgoing payments, which no invoice allocation stems from.
        guard payment.isReturnOrReversal, payment.direction == .debit else { return .notAReturn }
        let byPayment = Dictionary(grouping: priorAllocations, by: \.paymentID)

        let keys: [(label: String, value: String?, requireAmount: Bool, pick: (PriorAllocation) -> String?)] = [
            ("end-to-end id", payment.endToEndId, false, { $0.endToEndId }),
            ("mandate id", payment.mandateId, true, { $0.mandateId }),
            ("bank reference", payment.bankReference, false, { $0.bankReference }),
        ]
        for key in keys {
            guard let value = key.value.flatMap(ReferenceText.normalize) else { continue }
            let matching = byPayment.filter { _, allocations in
                allocations.contains { key.pick($0).flatMap(ReferenceText.normalize) == value }
            }
            guard !matching.isEmpty else { continue }
            let sameAmount = matching.filter { $0.value.first?.paymentAmount == payment.amount }
            let pool = key.requireAmount ? sameAmount : matching
            if pool.count == 1, let (paymentID, allocations) = pool.first {
                guard allocations.first?.paymentAmount == payment.amount else {
                    return .review(candidatePaymentIDs: [paymentID],
                                   reason: "\(key.label) matches, but the returned amount differs from the payment")
                }
                return .undo(paymentID: paymentID, allocations: allocations.sorted { $0.allocationID < $1.allocationID },
                             evidence: ["\(key.label) \(key.value ?? "") equals the original payment's",
                                        "amount equal to the original payment"])
            }
            let ids = (pool.isEmpty ? matching : pool).keys.sorted()
            return .review(candidatePaymentIDs: ids,
                           reason: "\(key.label) matches \(ids.count) earlier payments\(pool.isEmpty ? " of other amounts" : "")")
        }
        return .review(candidatePaymentIDs: [], reason: "no earlier payment carries the return's identifiers")
    }
}
