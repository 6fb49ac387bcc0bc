/// The structured payment-reference schemes recognised, each with its own check-digit rule.
public enum ReferenceKind: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// ISO 11649 `RF` creditor reference.
    case creditorReference
    /// Dutch betalingskenmerk.
    case dutchPaymentReference
    /// Belgian OGM/VCS structured communication.
    case belgianStructured
    /// Finnish national reference.
    case finnish
    /// Swiss QR reference.
    case swissQR
    /// Norwegian KID with the Luhn (MOD10) check.
    case norwegianKIDMod10
    /// Norwegian KID with the weighted MOD11 check.
    case norwegianKIDMod11

    public var description: String {
        switch self {
        case .creditorReference: return "RF reference"
        case .dutchPaymentReference: return "betalingskenmerk"
        case .belgianStructured: return "Belgian structured reference"
        case .finnish: return "Finnish reference"
        case .swissQR: return "Swiss QR reference"
        case .norwegianKIDMod10: return "KID (MOD10)"
        case .norwegianKIDMod11: return "KID (MOD11)"
        }
    }

    /// `true` when `text` is a reference of this kind whose check digit is right.
    public func isValid(_ text: some StringProtocol) -> Bool {
        switch self {
        case .creditorReference: return CreditorReference.isValid(text)
        case .dutchPaymentReference: return DutchPaymentReference.isValid(text)
        case .belgianStructured: return BelgianStructuredReference.isValid(text)
        case .finnish: return FinnishReference.isValid(text)
        case .swissQR: return SwissQRReference.isValid(text)
        case .norwegianKIDMod10: return NorwegianKID.isValid(text, method: .mod10)
        case .norwegianKIDMod11: return NorwegianKID.isValid(text, method: .mod11)
        }
    }

    /// A valid reference of this kind built from `base` (see each scheme for the base lengths it
    /// takes), or `nil` when `base` does not fit the scheme.
    public func make(base: some StringProtocol) -> String? {
        switch self {
        case .creditorReference: return CreditorReference.make(base: base)
        case .dutchPaymentReference: return DutchPaymentReference.make(base: base)
        case .belgianStructured: return BelgianStructuredReference.make(base: base)
        case .finnish: return FinnishReference.make(base: base)
        case .swissQR: return SwissQRReference.make(base: base)
        case .norwegianKIDMod10: return NorwegianKID.make(base: base, method: .mod10)
        case .norwegianKIDMod11: return NorwegianKID.make(base: base, method: .mod11)
        }
    }

    /// The kind an ISO 20022 reference issuer code announces (`ISO`, `CUR`, `BBA`), if any.
    public init?(issuer: String?) {
        switch issuer?.uppercased() {
        case "ISO": self = .creditorReference
        case "CUR": self = .dutchPaymentReference
        case "BBA": self = .belgianStructured
        default: return nil
        }
    }

    /// The kinds under which `text` carries a valid check digit, strongest scheme first.
    ///
    /// A purely numeric string passes some scheme by chance about one time in three, so a non-empty
    /// answer alone proves little; it matters when the text also equals a reference we issued.
    public static func validKinds(of text: some StringProtocol) -> [ReferenceKind] {
        allCases.filter { $0.isValid(text) }
    }
}
