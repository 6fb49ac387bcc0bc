/// The open elements from the root down to the current one.
///
/// Positions in the stack act as anchors (where the statement, entry or transaction started), and
/// the tags below an anchor fold into a `PathKey`, so the reader recognises `RltdPties/Dbtr/Nm`
/// with integer comparisons instead of strings.
///
/// The tags live in one block allocated up front for the deepest nesting allowed: pushing and
/// popping are then a store and an increment, with no array bookkeeping per SAX event. The reader
/// owns the only copy of the stack (copies would share the block).
struct CAMTElementStack {
    /// Frees the block when the reader goes away.
    private final class Storage {
        let base: UnsafeMutablePointer<CAMTTag>

        init(capacity: Int) {
            base = .allocate(capacity: capacity)
            base.initialize(repeating: .other, count: capacity)
        }

        deinit { base.deallocate() }
    }

    private let storage: Storage
    private let base: UnsafeMutablePointer<CAMTTag>
    /// How many elements may be open at once.
    let capacity: Int
    private(set) var depth = 0

    /// - Parameter capacity: the deepest nesting to hold; libxml2 itself stops at 256 levels
    ///   without `XML_PARSE_HUGE`, so more than 1024 is never needed.
    init(capacity: Int) {
        self.capacity = max(1, min(capacity, 1024))
        storage = Storage(capacity: self.capacity)
        base = storage.base
    }

    var top: CAMTTag { depth > 0 ? base[depth - 1] : .other }

    /// Opens `tag`; the caller checks `depth < capacity` first.
    mutating func push(_ tag: CAMTTag) {
        base[depth] = tag
        depth += 1
    }

    mutating func pop() { if depth > 0 { depth -= 1 } }

    /// The tag at `index` (0 = root), `.other` outside the stack.
    func tag(at index: Int) -> CAMTTag { index >= 0 && index < depth ? base[index] : .other }

    /// The key of the elements from `start` to the top; `PathKey.none` when the path is too long to
    /// be one the reader knows.
    func key(from start: Int) -> UInt64 {
        guard start >= 0, start <= depth, depth - start <= 8 else { return PathKey.none }
        var key: UInt64 = 0
        for index in start..<depth { key = (key << 8) | UInt64(base[index].rawValue &+ 1) }
        return key
    }

    /// `Document/BkToCstmrStmt/Stmt/Ntry` style path of the open elements, for error messages.
    func path(depth: Int? = nil) -> String {
        let count = min(depth ?? self.depth, self.depth)
        return (0..<count).map { base[$0].name }.joined(separator: "/")
    }
}

/// Element paths folded into one integer, one byte per element (outermost first).
enum PathKey {
    static let none: UInt64 = .max

    @inline(__always) private static func b(_ tag: CAMTTag) -> UInt64 { UInt64(tag.rawValue &+ 1) }

    @inline(__always) static func of(_ a: CAMTTag) -> UInt64 { b(a) }
    @inline(__always) static func of(_ a: CAMTTag, _ c: CAMTTag) -> UInt64 { b(a) << 8 | b(c) }
    @inline(__always) static func of(_ a: CAMTTag, _ c: CAMTTag, _ d: CAMTTag) -> UInt64 {
        of(a, c) << 8 | b(d)
    }
    @inline(__always) static func of(_ a: CAMTTag, _ c: CAMTTag, _ d: CAMTTag, _ e: CAMTTag) -> UInt64 {
        of(a, c, d) << 8 | b(e)
    }
    @inline(__always) static func of(
        _ a: CAMTTag, _ c: CAMTTag, _ d: CAMTTag, _ e: CAMTTag, _ f: CAMTTag
    ) -> UInt64 {
        of(a, c, d, e) << 8 | b(f)
    }
    @inline(__always) static func of(
        _ a: CAMTTag, _ c: CAMTTag, _ d: CAMTTag, _ e: CAMTTag, _ f: CAMTTag, _ g: CAMTTag
    ) -> UInt64 {
        of(a, c, d, e, f) << 8 | b(g)
    }
}
