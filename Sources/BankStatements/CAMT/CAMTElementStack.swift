/// The open elements from the root down to the current one.
///
/// Positions in the stack act as anchors (where the statement, entry or transaction started), and
/// the tags below an anchor fold into a `PathKey`, so the reader recognises `RltdPties/Dbtr/Nm`
/// with integer comparisons instead of strings.
struct CAMTElementStack {
    private(set) var tags: [CAMTTag] = []

    init() { tags.reserveCapacity(64) }

    var depth: Int { tags.count }
    var top: CAMTTag { tags.last ?? .other }

    mutating func push(_ tag: CAMTTag) { tags.append(tag) }
    mutating func pop() { if !tags.isEmpty { tags.removeLast() } }

    /// The tag at `index` (0 = root), `.other` outside the stack.
    func tag(at index: Int) -> CAMTTag { index >= 0 && index < tags.count ? tags[index] : .other }

    /// The key of the elements from `start` to the top; `PathKey.none` when the path is too long to
    /// be one the reader knows.
    func key(from start: Int) -> UInt64 {
        guard start >= 0, start <= tags.count, tags.count - start <= 8 else { return PathKey.none }
        var key: UInt64 = 0
        for index in start..<tags.count { key = (key << 8) | UInt64(tags[index].rawValue &+ 1) }
        return key
    }

    /// `Document/BkToCstmrStmt/Stmt/Ntry` style path of the open elements, for error messages.
    func path(depth: Int? = nil) -> String {
        tags.prefix(depth ?? tags.count).map(\.name).joined(separator: "/")
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
