/// How the bank classifies a booking (`BkTxCd`), in the ISO domain/family/sub-family form,
/// a proprietary form, or both.
public struct BankTransactionCode: Hashable, Sendable {
    /// ISO domain, e.g. `PMNT`.
    public var domain: String?
    /// ISO family, e.g. `RCDT` (received credit transfers).
    public var family: String?
    /// ISO sub-family, e.g. `ESCT` (SEPA credit transfer).
    public var subFamily: String?
    /// The bank's own code: an MT940 transaction type (`NTRF`), a German GVC (`166`), a BAI code.
    public var proprietaryCode: String?
    /// Who defined the proprietary code (`SWIFT`, `DK`, `BAI`, a bank name).
    public var proprietaryIssuer: String?

    public init(domain: String? = nil, family: String? = nil, subFamily: String? = nil,
                proprietaryCode: String? = nil, proprietaryIssuer: String? = nil) {
        self.domain = domain
        self.family = family
        self.subFamily = subFamily
        self.proprietaryCode = proprietaryCode
        self.proprietaryIssuer = proprietaryIssuer
    }

    /// A compact text: `PMNT/RCDT/ESCT`, the proprietary code, or both separated by a space.
    public var summary: String? {
        var parts: [String] = []
        if let domain { parts.append([domain, family, subFamily].compactMap { $0 }.joined(separator: "/")) }
        if let proprietaryCode {
            parts.append(proprietaryIssuer.map { "\(proprietaryCode)@\($0)" } ?? proprietaryCode)
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}
