/// A balance reported on a statement.
public struct Balance: Hashable, Sendable {
    /// The kind of balance, as its ISO 20022 code.
    public struct Kind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The ISO code such as `OPBD`, or a bank's proprietary code (US BAI codes like `010`).
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let openingBooked = Kind(rawValue: "OPBD")
        public static let closingBooked = Kind(rawValue: "CLBD")
        public static let openingAvailable = Kind(rawValue: "OPAV")
        public static let closingAvailable = Kind(rawValue: "CLAV")
        public static let interimBooked = Kind(rawValue: "ITBD")
        public static let interimAvailable = Kind(rawValue: "ITAV")
        public static let forwardAvailable = Kind(rawValue: "FWAV")
        public static let previouslyClosedBooked = Kind(rawValue: "PRCD")
        public static let expectedCredit = Kind(rawValue: "XPCD")
        public static let information = Kind(rawValue: "INFO")
    }

    public var kind: Kind
    /// `true` when the code is not an ISO balance code but the bank's own (`Tp/CdOrPrtry/Prtry`).
    public var isProprietary: Bool
    /// The sub-type (`Tp/SubTp`), e.g. intraday details; rarely present.
    public var subType: String?
    /// The unsigned amount; `creditDebit` gives its sign.
    public var amount: Money
    public var creditDebit: CreditDebit
    public var date: CalendarDate?
    /// The original date-time text when the bank gave one (`DtTm`).
    public var dateTime: String?

    public init(kind: Kind, isProprietary: Bool = false, subType: String? = nil, amount: Money,
                creditDebit: CreditDebit, date: CalendarDate?, dateTime: String? = nil) {
        self.kind = kind
        self.isProprietary = isProprietary
        self.subType = subType
        self.amount = amount
        self.creditDebit = creditDebit
        self.date = date
        self.dateTime = dateTime
    }

    /// The balance in minor units, negative when overdrawn.
    public var signedMinorUnits: Int64 { amount.minorUnits * creditDebit.sign }
}
