/// What we know about a customer to recognise their payments.
public struct CustomerProfile: Hashable, Sendable {
    public var id: String
    public var name: String
    /// Other names the customer pays under (trading names, the director's own name, names learned
    /// from earlier manual matches).
    public var aliases: [String]
    /// IBANs the customer has paid from, in any spelling (they are normalised when indexed).
    public var knownIBANs: [String]

    public init(id: String, name: String, aliases: [String] = [], knownIBANs: [String] = []) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.knownIBANs = knownIBANs
    }
}
