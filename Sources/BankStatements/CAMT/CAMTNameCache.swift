/// Element tags by the address of libxml2's copy of the name.
///
/// libxml2 interns element names in its dictionary for the life of a parse, so a name's address
/// identifies it: a direct-mapped table from address to tag skips hashing the name for all but
/// its first sighting. The slots live in one block, so a lookup is two loads and a compare.
struct CAMTNameCache {
    private final class Storage {
        let names: UnsafeMutablePointer<UnsafePointer<UInt8>?>
        let tags: UnsafeMutablePointer<CAMTTag>

        init() {
            names = .allocate(capacity: CAMTNameCache.slotCount)
            names.initialize(repeating: nil, count: CAMTNameCache.slotCount)
            tags = .allocate(capacity: CAMTNameCache.slotCount)
            tags.initialize(repeating: .other, count: CAMTNameCache.slotCount)
        }

        deinit {
            names.deallocate()
            tags.deallocate()
        }
    }

    private static let slotCount = 256
    private let storage = Storage()
    private let names: UnsafeMutablePointer<UnsafePointer<UInt8>?>
    private let tags: UnsafeMutablePointer<CAMTTag>

    init() {
        names = storage.names
        tags = storage.tags
    }

    @inline(__always)
    func tag(for name: UnsafePointer<UInt8>) -> CAMTTag {
        // Fibonacci hashing spreads the closely packed addresses of libxml2's name pool.
        let slot = Int(truncatingIfNeeded: (UInt64(UInt(bitPattern: name)) &* 0x9E37_79B9_7F4A_7C15) >> 56)
        if names[slot] == name { return tags[slot] }
        let tag = CAMTTag.lookup(name)
        names[slot] = name
        tags[slot] = tag
        return tag
    }
}
