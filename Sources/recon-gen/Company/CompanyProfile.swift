/// The company whose bank statements are generated, and its accounts.
struct CompanyProfile: Sendable {
    let name: String
    let city: String
    /// The SEPA creditor id under which it collects direct debits (`NLxxZZZ…`).
    let creditorId: String
    let abnAmro: CompanyAccount
    let ing: CompanyAccount

    static func make(random base: SplitMix64) -> CompanyProfile {
        var random = base.derived(0xC0)
        let abn = CompanyAccount(label: "abnamro", bank: .abnAmro, iban: IBAN.make(at: .abnAmro, using: &random))
        let ing = CompanyAccount(label: "ing", bank: .ing, iban: IBAN.make(at: .ing, using: &random))
        // Dutch creditor id: NL + check + ZZZ + KvK number + four-digit suffix; the check digits
        // leave the business code ZZZ out.
        let national = Array(("\(random.int(in: 10_000_000...99_999_999))0000").utf8)
        let check = Mod97.checkDigits(body: national, prefix: Array("NL".utf8)) ?? Array("00".utf8)
        let creditorId = "NL" + String(decoding: check, as: UTF8.self) + "ZZZ" + String(decoding: national, as: UTF8.self)
        return CompanyProfile(name: "Noordzee Techniek B.V.", city: "Rotterdam", creditorId: creditorId,
                              abnAmro: abn, ing: ing)
    }
}

/// One of the company's bank accounts.
struct CompanyAccount: Sendable {
    /// Used in file names: `abnamro`, `ing`.
    let label: String
    let bank: Bank
    let iban: String
}
