/// Sizes such as `10MB`, `1GB` or `512KiB` for the benchmark file generators.
enum ByteSize {
    static func parse(_ text: String) throws(GeneratorError) -> Int {
        let units: [(String, Int)] = [("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30),
                                      ("KB", 1_000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("B", 1)]
        var number = Substring(text)
        var multiplier = 1
        // The binary units come first so that `MiB` is not read as a number ending in `B`.
        for (suffix, factor) in units where text.lowercased().hasSuffix(suffix.lowercased()) {
            number = text.dropLast(suffix.count)
            multiplier = factor
            break
        }
        guard let value = Int(number.trimmingSpaces), value > 0, value <= Int.max / multiplier,
              value * multiplier <= 64_000_000_000
        else { throw GeneratorError("size '\(text)' is not a size between 1 byte and 64GB (e.g. 10MB, 1GB)") }
        return value * multiplier
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var result = self
        while result.first == " " { result.removeFirst() }
        while result.last == " " { result.removeLast() }
        return result
    }
}
