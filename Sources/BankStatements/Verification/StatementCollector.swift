/// Gathers streamed events back into whole statements, for callers that want values.
public struct StatementCollector: Sendable {
    public private(set) var statements: [Statement] = []
    private var header: StatementHeader?
    private var entries: [Entry] = []

    public init() {}

    public mutating func handle(_ event: StatementEvent) {
        switch event {
        case .begin(let header):
            self.header = header
            entries = []
        case .entry(let entry):
            entries.append(entry)
        case .end(let trailer, let verification):
            if let header {
                statements.append(Statement(header: header, entries: entries, trailer: trailer, verification: verification))
            }
            header = nil
            entries = []
        }
    }
}
