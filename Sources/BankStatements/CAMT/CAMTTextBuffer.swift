/// The text of the leaf element being read, collected from libxml2's `characters` callbacks
/// (which may split one text into several pieces).
///
/// One block reused for every leaf and grown by doubling up to the text limit: clearing it is a
/// store, appending a copy, and values are read from it without an intermediate array. The reader
/// owns the only copy (copies would share the block).
struct CAMTTextBuffer {
    /// Owns the block, so that it is freed with the reader.
    private final class Storage {
        var base: UnsafeMutablePointer<UInt8>
        var capacity: Int

        init(capacity: Int) {
            base = .allocate(capacity: capacity)
            self.capacity = capacity
        }

        func grow(to needed: Int) {
            var capacity = self.capacity
            while capacity < needed { capacity *= 2 }
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            larger.update(from: base, count: self.capacity)
            base.deallocate()
            base = larger
            self.capacity = capacity
        }

        deinit { base.deallocate() }
    }

    private let storage = Storage(capacity: 256)
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init() {
        base = storage.base
        capacity = storage.capacity
    }

    mutating func removeAll() { count = 0 }

    /// Appends `bytes`; the caller has checked the total against the text limit.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        let needed = count + bytes.count
        if needed > capacity {
            storage.grow(to: needed)
            base = storage.base
            capacity = storage.capacity
        }
        (base + count).update(from: source, count: bytes.count)
        count = needed
    }

    /// The text without surrounding XML white space. Valid until the buffer next changes.
    var trimmed: UnsafeMutableBufferPointer<UInt8> {
        var start = 0
        var end = count
        while start < end, Self.isSpace(base[start]) { start += 1 }
        while end > start, Self.isSpace(base[end - 1]) { end -= 1 }
        return UnsafeMutableBufferPointer(start: base + start, count: end - start)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
