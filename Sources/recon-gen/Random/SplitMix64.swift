/// The generator's only source of randomness: SplitMix64 (Steele, Lea, Flood 2014).
///
/// Written out here instead of using the standard library's generators and `random(in:)` so that a
/// seed gives the same bytes on every platform and every toolchain, forever: the samples and the
/// benchmark files are reproducible from their seed alone.
struct SplitMix64 {
    private(set) var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An independent generator for a numbered part of the output (a customer, a day), so that the
    /// part stays the same when unrelated parts change.
    func derived(_ salt: UInt64) -> SplitMix64 {
        var mixer = SplitMix64(seed: state ^ (salt &* 0xD6E8_FEB8_6659_FD93))
        return SplitMix64(seed: mixer.next())
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-and-reject, no modulo bias).
    mutating func below(_ bound: UInt64) -> UInt64 {
        precondition(bound > 0, "empty range")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return product.high
    }

    /// A uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(below(width))
    }

    /// A uniform 64-bit integer in `range`, for amounts in minor units.
    mutating func int64(in range: ClosedRange<Int64>) -> Int64 {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int64(below(width))
    }

    /// `true` with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < UInt64(max(0, percent)) }

    /// A uniformly chosen element; the array must not be empty.
    mutating func pick<T>(_ items: [T]) -> T { items[Int(below(UInt64(items.count)))] }

    /// `count` decimal digits as ASCII bytes.
    mutating func digits(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(ascii: "0") + UInt8(below(10)) }
    }

    /// Shuffles `items` in place (Fisher–Yates).
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            let other = Int(below(UInt64(index + 1)))
            items.swapAt(index, other)
        }
    }
}
