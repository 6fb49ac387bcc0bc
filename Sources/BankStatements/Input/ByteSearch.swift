/// Finding bytes in a buffer eight at a time, for the loops every byte of a file passes through.
///
/// A byte compare per byte branches on every byte and runs at a byte per cycle at best; folding
/// eight bytes into one `UInt64` and asking which of them equal a value takes a handful of
/// instructions per word, on any CPU and without platform SIMD intrinsics.
enum ByteSearch {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The high bit of each byte of `word` that equals `byte` is set. Bytes above a match may be
    /// flagged falsely (a borrow), so only the lowest flag is exact: enough to find the first one.
    @inline(__always)
    private static func firstMatches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let folded = word ^ (ones &* UInt64(byte))
        return (folded &- ones) & ~folded & highBits
    }

    /// The eight bytes at `offset`, the first in the lowest byte whatever the CPU's byte order.
    @inline(__always)
    private static func word(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The index of the first `byte` in `base[start..<end]`, or `end`.
    @inline(__always)
    static func firstIndex(of byte: UInt8, in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var index = start
        while index &+ 8 <= end {
            let matches = firstMatches(word(base, index), byte)
            if matches != 0 { return index &+ matches.trailingZeroBitCount >> 3 }
            index &+= 8
        }
        while index < end && base[index] != byte { index &+= 1 }
        return index
    }

    /// How many bytes of `base[0..<count]` equal `byte`.
    static func count(of byte: UInt8, in base: UnsafePointer<UInt8>, count: Int) -> Int {
        var total = 0
        var index = 0
        while index &+ 8 <= count {
            // Exact per byte (unlike `firstMatches`): adding 0x7F to each byte's low seven bits
            // sets the high bit of every non-zero byte without carrying into the next.
            let folded = word(base, index) ^ (ones &* UInt64(byte))
            let nonZero = ((folded & lowBits) &+ lowBits) | folded
            total &+= (~nonZero & highBits).nonzeroBitCount
            index &+= 8
        }
        while index < count {
            if base[index] == byte { total &+= 1 }
            index &+= 1
        }
        return total
    }
}
