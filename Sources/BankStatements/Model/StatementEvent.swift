/// What a streaming parser reports, in file order.
///
/// Parsers hand over one entry at a time so that memory does not grow with the file: a consumer
/// that needs whole statements collects them with `StatementCollector`.
public enum StatementEvent: Sendable {
    /// A statement starts; its entries follow.
    case begin(StatementHeader)
    case entry(Entry)
    /// The statement is complete; `verification` checks its balances against the entries.
    case end(StatementTrailer, Verification)
}
