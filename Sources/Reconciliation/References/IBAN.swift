/// International Bank Account Numbers: validation and construction.
///
/// A payer IBAN is only learned or trusted when it is well formed: right length for its country and
/// ISO 7064 MOD 97-10 check digits.
public enum IBAN {
    /// The IBAN in its electronic form (upper case, no spaces), or `nil` when it is not a valid IBAN.
    public static func normalize(_ text: some StringProtocol) -> String? {
        guard let normalized = ReferenceText.normalize(text), isValidNormalized(normalized) else { return nil }
        return normalized
    }

    public static func isValid(_ text: some StringProtocol) -> Bool {
        normalize(text) != nil
    }

    /// The IBAN of `country` for the domestic account number `bban`, with computed check digits;
    /// `nil` when the country is unknown or the BBAN has the wrong length.
    public static func make(country: String, bban: some StringProtocol) -> String? {
        guard let body = ReferenceText.normalize(bban), let length = lengths[country.uppercased()],
              body.utf8.count == length - 4, let remainder = ReferenceText.mod97(body + country.uppercased() + "00")
        else { return nil }
        return country.uppercased() + ReferenceText.twoDigits(98 - remainder) + body
    }

    private static func isValidNormalized(_ iban: String) -> Bool {
        let bytes = Array(iban.utf8)
        guard bytes.count >= 15, bytes.count <= 34,
              bytes[0] >= UInt8(ascii: "A"), bytes[0] <= UInt8(ascii: "Z"),
              bytes[1] >= UInt8(ascii: "A"), bytes[1] <= UInt8(ascii: "Z"),
              ReferenceText.digits(iban.dropFirst(2).prefix(2)) != nil,
              lengths[String(iban.prefix(2))] == bytes.count
        else { return false }
        return ReferenceText.mod97(iban.dropFirst(4) + iban.prefix(4)) == 1
    }

    /// IBAN lengths by country (SWIFT IBAN registry).
    static let lengths: [String: Int] = [
        "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29,
        "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29,
        "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28,
        "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20,
        "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22,
        "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25,
        "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
        "ST": 25, "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
    ]
}
