/// Whether a statement's balances agree with its entries.
public struct Verification: Hashable, Sendable {
    /// `false` only when the statement gives both balances and they disagree with the entries.
    public var ok: Bool
    /// What was checked, or what disagrees, in words.
    public var message: String

    public init(ok: Bool, message: String) {
        self.ok = ok
        self.message = message
    }
}
