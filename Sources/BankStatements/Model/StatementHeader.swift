/// What a statement says about itself before its entries.
public struct StatementHeader: Hashable, Sendable {
    public var format: StatementFormat
    /// The message id of the file's group header (`GrpHdr/MsgId`), MT940 `:20:`.
    public var messageId: String?
    /// The statement's own id (`Stmt/Id`), MT940 `:20:`.
    public var id: String?
    /// The electronic sequence number (`ElctrncSeqNb`), MT940 `:28C:` such as `117/1`.
    public var sequenceNumber: String?
    /// The legal sequence number (`LglSeqNb`).
    public var legalSequenceNumber: String?
    /// The creation date-time text as given (`CreDtTm`).
    public var creationDateTime: String?
    /// The day part of the creation time.
    public var creationDate: CalendarDate?
    public var periodStart: CalendarDate?
    public var periodEnd: CalendarDate?
    public var account: Account
    /// The page number and whether it is the last page (`StmtPgntn`).
    public var pageNumber: Int?
    public var isLastPage: Bool?
    /// MT940 `:21:` related reference.
    public var relatedReference: String?
    /// The 1-based source line where the statement starts.
    public var sourceLine: Int

    public init(format: StatementFormat, messageId: String? = nil, id: String? = nil, sequenceNumber: String? = nil,
                legalSequenceNumber: String? = nil, creationDateTime: String? = nil, creationDate: CalendarDate? = nil,
                periodStart: CalendarDate? = nil, periodEnd: CalendarDate? = nil, account: Account = Account(),
                pageNumber: Int? = nil, isLastPage: Bool? = nil, relatedReference: String? = nil, sourceLine: Int = 0) {
        self.format = format
        self.messageId = messageId
        self.id = id
        self.sequenceNumber = sequenceNumber
        self.legalSequenceNumber = legalSequenceNumber
        self.creationDateTime = creationDateTime
        self.creationDate = creationDate
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.account = account
        self.pageNumber = pageNumber
        self.isLastPage = isLastPage
        self.relatedReference = relatedReference
        self.sourceLine = sourceLine
    }
}
