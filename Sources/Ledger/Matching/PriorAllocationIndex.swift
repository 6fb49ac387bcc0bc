import Reconciliation

/// The earlier payments a return may send back, found by their identifiers instead of a scan.
///
/// `ReturnMatcher` only ever matches payments that share the return's end-to-end id, mandate id or
/// bank reference, and then looks at all allocations of those payments; handing it just those keeps
/// its answer the same while a large import with many returns stays linear.
struct PriorAllocationIndex {
    private var byPayment: [String: [PriorAllocation]] = [:]
    private var paymentsByKey: [String: Set<String>] = [:]

    init(_ priors: [PriorAllocation]) {
        for prior in priors { add(prior) }
    }

    mutating func add(_ prior: PriorAllocation) {
        byPayment[prior.paymentID, default: []].append(prior)
        for key in PriorAllocationIndex.keys(prior.endToEndId, prior.mandateId, prior.bankReference) {
            paymentsByKey[key, default: []].insert(prior.paymentID)
        }
    }

    mutating func removePayment(_ paymentID: String) {
        guard let priors = byPayment.removeValue(forKey: paymentID) else { return }
        for prior in priors {
            for key in PriorAllocationIndex.keys(prior.endToEndId, prior.mandateId, prior.bankReference) {
                paymentsByKey[key]?.remove(paymentID)
                if paymentsByKey[key]?.isEmpty == true { paymentsByKey[key] = nil }
            }
        }
    }

    /// The allocations of every payment sharing one of `payment`'s identifiers, in a stable order.
    func candidates(for payment: Payment) -> [PriorAllocation] {
        var ids: Set<String> = []
        for key in PriorAllocationIndex.keys(payment.endToEndId, payment.mandateId, payment.bankReference) {
            ids.formUnion(paymentsByKey[key] ?? [])
        }
        return ids.sorted().flatMap { byPayment[$0] ?? [] }
    }

    /// The identifiers in the form `ReturnMatcher` compares them, tagged by kind so that an
    /// end-to-end id never meets a bank reference that happens to read the same.
    private static func keys(_ endToEndId: String?, _ mandateId: String?, _ bankReference: String?) -> [String] {
        var keys: [String] = []
        if let value = endToEndId.flatMap(ReferenceText.normalize) { keys.append("e:" + value) }
        if let value = mandateId.flatMap(ReferenceText.normalize) { keys.append("m:" + value) }
        if let value = bankReference.flatMap(ReferenceText.normalize) { keys.append("b:" + value) }
        return keys
    }
}
