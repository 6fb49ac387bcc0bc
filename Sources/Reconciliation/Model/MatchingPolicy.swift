/// Every threshold and limit of the matcher, with defaults chosen for precision over recall.
///
/// A wrong automatic allocation costs far more than a manual review, so each default errs towards
/// review. Amounts are minor units of the payment's currency.
public struct MatchingPolicy: Hashable, Sendable {
    /// How far a payment may fall short of the open total and still close it, the difference being
    /// written off (bank charges, rounding, a small early-payment discount).
    ///
    /// The allowed shortfall is the larger of `absoluteMinorUnits` and `basisPoints`/10,000 of the
    /// open total. Default: 5.00 and no percentage.
    public var underpaymentTolerance: Tolerance
    /// The largest overpayment, in basis points of the open total, that is still auto-allocated (the
    /// excess becomes customer credit). Larger overpayments go to review. Default 5,000 (50 %).
    public var overpaymentLimitBasisPoints: Int64
    /// The lowest score an automatic allocation may have; the rules of ``Matcher`` are the real gate,
    /// this is a floor against weights tuned too low. Default 50 (known IBAN + equal amount).
    public var minimumAutoScore: Int
    /// How many points the best candidate must lead the next competing one by. Default 15.
    public var autoMargin: Int
    /// Name similarity (0…1) from which a payer name counts as the customer's name. Default 0.85.
    public var nameMatchThreshold: Double
    /// Name similarity from which a payer name is mentioned as resembling a customer. Default 0.6.
    public var nameResemblanceThreshold: Double
    /// Free text beyond this many bytes is ignored. Default 2,000.
    public var maximumTextLength: Int
    /// An invoice number written with neither its letters nor a prefix word (`Factuur`, `INV`…)
    /// counts only with at least this many significant digits. Default 6.
    public var minimumBareInvoiceDigits: Int
    /// References found in free text must have at least this many characters. Default 6.
    public var minimumFreeTextReferenceLength: Int
    /// The subset search considers at most this many of a customer's open invoices (oldest due
    /// first). Default 16.
    public var subsetMaximumInvoices: Int
    /// The largest number of invoices one payment is assumed to settle by amount alone. Default 4.
    public var subsetMaximumSize: Int
    /// The search budget in visited combinations; when it runs out, no set is trusted. Default 20,000.
    public var subsetMaximumCombinations: Int
    /// Invoices of any customer whose open amount equals the payment are suggested only when there
    /// are at most this many. Default 5.
    public var maximumAmountOnlyCandidates: Int
    /// The longest review list returned. Default 10.
    public var maximumReviewCandidates: Int
    /// Whether a part payment of one invoice is allocated automatically when its invoice number
    /// (not only a checked structured reference) names it and the payer's IBAN is known for that
    /// customer alone. Default `true`.
    public var partialPaymentByInvoiceNumberFromKnownPayer: Bool
    public var weights: ScoreWeights

    public init(underpaymentTolerance: Tolerance = Tolerance(absoluteMinorUnits: 500, basisPoints: 0),
                overpaymentLimitBasisPoints: Int64 = 5_000, minimumAutoScore: Int = 50, autoMargin: Int = 15,
                nameMatchThreshold: Double = 0.85, nameResemblanceThreshold: Double = 0.6,
                maximumTextLength: Int = 2_000, minimumBareInvoiceDigits: Int = 6,
                minimumFreeTextReferenceLength: Int = 6, subsetMaximumInvoices: Int = 16,
                subsetMaximumSize: Int = 4, subsetMaximumCombinations: Int = 20_000,
                maximumAmountOnlyCandidates: Int = 5, maximumReviewCandidates: Int = 10,
                partialPaymentByInvoiceNumberFromKnownPayer: Bool = true,
                weights: ScoreWeights = ScoreWeights()) {
        self.underpaymentTolerance = underpaymentTolerance
        self.overpaymentLimitBasisPoints = overpaymentLimitBasisPoints
        self.minimumAutoScore = minimumAutoScore
        self.autoMargin = autoMargin
        self.nameMatchThreshold = nameMatchThreshold
        self.nameResemblanceThreshold = nameResemblanceThreshold
        self.maximumTextLength = maximumTextLength
        self.minimumBareInvoiceDigits = minimumBareInvoiceDigits
        self.minimumFreeTextReferenceLength = minimumFreeTextReferenceLength
        self.subsetMaximumInvoices = subsetMaximumInvoices
        self.subsetMaximumSize = subsetMaximumSize
        self.subsetMaximumCombinations = subsetMaximumCombinations
        self.maximumAmountOnlyCandidates = maximumAmountOnlyCandidates
        self.maximumReviewCandidates = maximumReviewCandidates
        self.partialPaymentByInvoiceNumberFromKnownPayer = partialPaymentByInvoiceNumberFromKnownPayer
        self.weights = weights
    }

    public static let standard = MatchingPolicy()

    /// An allowed shortfall: a fixed amount or a share of the open total, whichever is larger.
    public struct Tolerance: Hashable, Sendable {
        public var absoluteMinorUnits: Int64
        public var basisPoints: Int64

        public init(absoluteMinorUnits: Int64, basisPoints: Int64 = 0) {
            self.absoluteMinorUnits = absoluteMinorUnits
            self.basisPoints = basisPoints
        }

        /// `true` when `shortfall` (> 0) on an open total of `open` may be written off.
        public func allows(shortfall: Int64, of open: Int64) -> Bool {
            guard shortfall > 0 else { return false }
            let share = open.multipliedReportingOverflow(by: basisPoints)
            let relative = share.overflow ? Int64.max : share.partialValue / 10_000
            return shortfall <= max(absoluteMinorUnits, relative)
        }
    }

    /// Points each kind of evidence adds to a candidate's score (clamped to 0…100 when shown).
    public struct ScoreWeights: Hashable, Sendable {
        public var checkedReference = 60
        public var endToEndOrMandate = 55
        public var invoiceNumber = 50
        public var uncheckedReference = 30
        public var knownIBAN = 25
        public var matchingName = 15
        public var resemblingName = 8
        public var amountEqual = 25
        public var amountWithinTolerance = 18
        public var amountNettedWithCreditNotes = 22
        public var overpayment = 10
        public var partialPayment = 5
        /// Subtracted when the payer IBAN is known for a different customer.
        public var foreignIBANPenalty = 40
        /// Subtracted when the payer name is another customer's and does not resemble this one's.
        public var foreignNamePenalty = 20

        public init() {}
    }
}
