/// An exact decimal that is not money, such as an exchange rate: `significand × 10^-scale`.
public struct DecimalNumber: Hashable, Sendable, CustomStringConvertible {
    public var significand: Int64
    public var scale: Int

    public init(significand: Int64, scale: Int) {
        self.significand = significand
        self.scale = scale
    }

    /// Parses text such as `0.9253030601` or `1,0850`; `nil` when it is not a plain decimal.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard let separator = bytes.firstIndex(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }) else {
            guard let value = try? DecimalAmount.minorUnits(from: bytes, exponent: 0, options: .signed) else { return nil }
            self.init(significand: value, scale: 0)
            return
        }
        let scale = bytes.count - separator - 1
        guard let value = try? DecimalAmount.minorUnits(from: bytes, exponent: scale, options: [.signed, .eitherDecimal]) else {
            return nil
        }
        self.init(significand: value, scale: scale)
    }

    public var description: String { Money.format(minorUnits: significand, exponent: scale) }
}
