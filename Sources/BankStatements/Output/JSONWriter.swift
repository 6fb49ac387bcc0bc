/// Compact JSON written straight into bytes, for the parts of the output that repeat per entry.
///
/// `JSONValue` builds a tree of Strings and arrays for every entry; for a file of half a million
/// entries that tree cost several times the parse. This writer produces the same text (same
/// key order, escaping and number formatting, checked against `JSONValue` in the tests) without
/// building anything but the output.
public struct JSONWriter {
    private var bytes = OutputBytes()
    /// Whether the container being written already holds a value, so the next needs a comma.
    private var needsComma = false

    public init() {}

    /// Calls `body` with what was written; the bytes are valid only during the call.
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withBytes(body)
    }

    public mutating func removeAll() {
        bytes.removeAll()
        needsComma = false
    }

    public mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    // MARK: Containers

    mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func beginArray() {
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Starts the next array element.
    mutating func element() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    /// Starts the next object field; its value must follow.
    mutating func key(_ key: StaticString) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        raw(key)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = true
    }

    // MARK: Fields that are left out when absent, as `JSONObjectBuilder.add` does

    mutating func field(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        self.key(key)
        string(value)
    }

    mutating func field(_ key: StaticString, _ value: Int?) {
        guard let value else { return }
        self.key(key)
        integer(Int64(value))
    }

    mutating func field(_ key: StaticString, _ value: Bool?) {
        guard let value else { return }
        self.key(key)
        raw(value ? "true" : "false")
    }

    mutating func field(_ key: StaticString, _ value: CalendarDate?) {
        guard let value else { return }
        guard value.year >= 0 && value.month >= 0 && value.day >= 0 else {
            field(key, value.description)
            return
        }
        self.key(key)
        bytes.append(UInt8(ascii: "\""))
        digits(of: UInt64(value.year.magnitude), width: 4, negative: value.year < 0)
        bytes.append(UInt8(ascii: "-"))
        digits(of: UInt64(value.month.magnitude), width: 2, negative: value.month < 0)
        bytes.append(UInt8(ascii: "-"))
        digits(of: UInt64(value.day.magnitude), width: 2, negative: value.day < 0)
        bytes.append(UInt8(ascii: "\""))
    }

    /// `"amountKey":"12.50","currencyKey":"EUR"`, as `Money.addFields` writes it.
    mutating func money(_ money: Money, amountKey: StaticString = "amount", currencyKey: StaticString = "currency") {
        key(amountKey)
        bytes.append(UInt8(ascii: "\""))
        decimal(minorUnits: money.minorUnits, exponent: money.currency.exponent)
        bytes.append(UInt8(ascii: "\""))
        field(currencyKey, money.currency.code)
    }

    /// An array of strings, as `JSONValue.array(values.map(JSONValue.string))`.
    mutating func strings(_ values: [String]) {
        beginArray()
        for value in values {
            element()
            string(value)
        }
        endArray()
    }

    // MARK: Scalars

    public mutating func integer(_ value: Int64) {
        digits(of: value.magnitude, width: 1, negative: value < 0)
    }

    /// `value` as a quoted JSON string, escaped as `JSONValue.renderString` escapes it.
    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { string($0) }
    }

    mutating func string(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var plainStart = 0
        var index = 0
        // Skip eight bytes at a time while none of them needs escaping.
        if let base = utf8.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= utf8.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if JSONWriter.mayNeedEscaping(word) { break }
                index += 8
            }
        }
        while index < utf8.count {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<index]))
                escape(byte)
                plainStart = index + 1
            }
            index += 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<utf8.count]))
        bytes.append(UInt8(ascii: "\""))
    }

    /// `false` when none of the eight bytes is a quote, a backslash or below 0x20 (a `true` may
    /// be a false alarm; the bytes are then looked at one by one).
    private static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        // Below 0x20: valid for bytes without their high bit; a set high bit can only cause a false alarm.
        let control = (word &- 0x2020_2020_2020_2020) & ~word & highs != 0
        return control || hasZeroByte(word ^ (0x22 &* ones)) || hasZeroByte(word ^ (0x5C &* ones))
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        default:
            raw("\\u00")
            let hex: StaticString = "0123456789abcdef"
            bytes.append(hex.utf8Start[Int(byte >> 4)])
            bytes.append(hex.utf8Start[Int(byte & 0x0F)])
        }
    }

    /// Minor units as decimal text with `exponent` decimals, as `Money.format` writes it.
    public mutating func decimal(minorUnits: Int64, exponent: Int) {
        DecimalText.withAmount(minorUnits: minorUnits, exponent: exponent) { bytes.append(contentsOf: $0) }
    }

    /// The digits of `value`, at least `width` of them, after a minus sign when `negative`.
    private mutating func digits(of value: UInt64, width: Int, negative: Bool) {
        DecimalText.withDigits(of: value, width: width, negative: negative) { bytes.append(contentsOf: $0) }
    }
}

/// A growable byte buffer that appends with one capacity check and a copy.
///
/// `Array.append(contentsOf:)` checks uniqueness and goes through generic code on every call;
/// the JSON writer appends a few bytes at a time, hundreds of times per entry. The pointer and
/// counts live in this struct so appending touches no class property; the class only owns the
/// allocation. `removeAll()` gives a copied buffer its own storage before it writes again.
private struct OutputBytes {
    private final class Storage {
        var base: UnsafeMutablePointer<UInt8>
        init(capacity: Int) { base = .allocate(capacity: capacity) }
        deinit { base.deallocate() }
    }

    private static let initialCapacity = 4096
    private var storage = Storage(capacity: OutputBytes.initialCapacity)
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity = OutputBytes.initialCapacity

    init() { base = storage.base }

    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    mutating func removeAll() {
        if !isKnownUniquelyReferenced(&storage) {
            storage = Storage(capacity: capacity)
            base = storage.base
        }
        count = 0
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        let length = bytes.count
        if count + length > capacity { grow(length) }
        (base + count).update(from: source, count: length)
        count += length
    }

    private mutating func grow(_ extra: Int) {
        let newCapacity = max(count + extra, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        storage.base.deallocate()
        storage.base = newBase
        base = newBase
        capacity = newCapacity
    }
}
