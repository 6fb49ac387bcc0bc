/// A bank a generated account can be held at: the country, the bank code inside the BBAN and the BIC.
struct Bank: Hashable, Sendable {
    enum Country: String, Sendable {
        case netherlands = "NL"
        case germany = "DE"
        case belgium = "BE"
    }

    let country: Country
    /// The code the BBAN starts with: four letters in NL, the eight-digit Bankleitzahl in DE, three digits in BE.
    let code: String
    let bic: String
    let name: String

    /// Dutch banks, with the bank code that IBANs of each carry.
    static let dutch: [Bank] = [
        Bank(country: .netherlands, code: "ABNA", bic: "ABNANL2A", name: "ABN AMRO Bank N.V."),
        Bank(country: .netherlands, code: "INGB", bic: "INGBNL2A", name: "ING Bank N.V."),
        Bank(country: .netherlands, code: "RABO", bic: "RABONL2U", name: "Coöperatieve Rabobank U.A."),
        Bank(country: .netherlands, code: "TRIO", bic: "TRIONL2U", name: "Triodos Bank N.V."),
        Bank(country: .netherlands, code: "KNAB", bic: "KNABNL2H", name: "Knab"),
        Bank(country: .netherlands, code: "ASNB", bic: "ASNBNL21", name: "ASN Bank"),
        Bank(country: .netherlands, code: "SNSB", bic: "SNSBNL2A", name: "SNS"),
        Bank(country: .netherlands, code: "BUNQ", bic: "BUNQNL2A", name: "bunq B.V."),
    ]

    /// German banks by Bankleitzahl.
    static let german: [Bank] = [
        Bank(country: .germany, code: "37040044", bic: "COBADEFFXXX", name: "Commerzbank"),
        Bank(country: .germany, code: "10070000", bic: "DEUTDEBBXXX", name: "Deutsche Bank"),
        Bank(country: .germany, code: "50010517", bic: "INGDDEFFXXX", name: "ING-DiBa"),
        Bank(country: .germany, code: "43060967", bic: "GENODEM1GLS", name: "GLS Gemeinschaftsbank"),
        Bank(country: .germany, code: "70150000", bic: "SSKMDEMMXXX", name: "Stadtsparkasse München"),
        Bank(country: .germany, code: "12030000", bic: "BYLADEM1001", name: "Deutsche Kreditbank"),
        Bank(country: .germany, code: "30050110", bic: "DUSSDEDDXXX", name: "Stadtsparkasse Düsseldorf"),
    ]

    /// Belgian banks by their three-digit protocol code.
    static let belgian: [Bank] = [
        Bank(country: .belgium, code: "001", bic: "GEBABEBB", name: "BNP Paribas Fortis"),
        Bank(country: .belgium, code: "310", bic: "BBRUBEBB", name: "ING België"),
        Bank(country: .belgium, code: "733", bic: "KREDBEBB", name: "KBC Bank"),
        Bank(country: .belgium, code: "068", bic: "GKCCBEBB", name: "Belfius Bank"),
    ]

    static let abnAmro = dutch[0]
    static let ing = dutch[1]
}
