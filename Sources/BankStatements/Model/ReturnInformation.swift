/// Why a payment came back: a returned direct debit or a rejected transfer.
public struct ReturnInformation: Hashable, Sendable {
    /// The ISO reason code, e.g. `MD06` (refund request by debtor), `AM04` (insufficient funds), `AC04` (account closed).
    public var reasonCode: String?
    /// A proprietary reason when no ISO code is given.
    public var proprietaryReason: String?
    /// Free text the bank added.
    public var additionalInfo: [String]
    /// The party that started the return, when given.
    public var originator: String?

    public init(reasonCode: String? = nil, proprietaryReason: String? = nil, additionalInfo: [String] = [],
                originator: String? = nil) {
        self.reasonCode = reasonCode
        self.proprietaryReason = proprietaryReason
        self.additionalInfo = additionalInfo
        self.originator = originator
    }

    /// The code to show: the ISO code, else the proprietary one.
    public var reason: String? { reasonCode ?? proprietaryReason }
}
