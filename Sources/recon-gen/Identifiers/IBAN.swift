/// Makes valid IBANs for the generated customers and company accounts.
enum IBAN {
    /// A new IBAN at `bank` with a random account number and correct check digits.
    ///
    /// Dutch account numbers also pass the old eleven-test, German ones are ten digits after the
    /// Bankleitzahl, and Belgian ones end in their national mod-97 check, so that even a strict
    /// validator of the domestic formats accepts them.
    static func make(at bank: Bank, using random: inout SplitMix64) -> String {
        var bban = Array(bank.code.utf8)
        switch bank.country {
        case .netherlands:
            bban += elevenTestAccount(using: &random)
        case .germany:
            bban += random.digits(10)
        case .belgium:
            // The bank code plus seven digits, then (those ten digits mod 97), 97 when that is 0.
            let body = bban + random.digits(7)
            let value = Mod97.remainder(of: body) ?? 0
            let check = value == 0 ? 97 : value
            bban = body + [UInt8(ascii: "0") + UInt8(check / 10), UInt8(ascii: "0") + UInt8(check % 10)]
        }
        return assemble(country: bank.country.rawValue, bban: bban)
    }

    /// `country + check digits + bban`, the check digits computed over the rearranged text.
    static func assemble(country: String, bban: [UInt8]) -> String {
        let prefix = Array(country.utf8)
        let check = Mod97.checkDigits(body: bban, prefix: prefix) ?? [UInt8(ascii: "0"), UInt8(ascii: "0")]
        return String(decoding: prefix + check + bban, as: UTF8.self)
    }

    /// The IBAN in groups of four, as printed on an invoice.
    static func grouped(_ iban: String) -> String {
        var result = ""
        for (index, character) in iban.enumerated() {
            if index > 0 && index % 4 == 0 { result.append(" ") }
            result.append(character)
        }
        return result
    }

    /// Ten digits starting with 0 whose weighted sum (weights 10…1) is divisible by 11.
    private static func elevenTestAccount(using random: inout SplitMix64) -> [UInt8] {
        while true {
            let digits = [UInt8(ascii: "0")] + random.digits(9)
            var sum = 0
            for (index, digit) in digits.enumerated() { sum += (10 - index) * Int(digit - UInt8(ascii: "0")) }
            if sum % 11 == 0 && digits[1] != UInt8(ascii: "0") { return digits }
        }
    }
}
