/// A statement file that cannot be read, with where and why.
///
/// Printed as `file:line: message` (or `file:line: element Path/To/El: message`) so that editors
/// and terminals can jump to the spot.
public struct StatementParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's path as the user gave it; `nil` for in-memory input.
    public var file: String?
    /// 1-based line, when known.
    public var line: Int?
    /// The element path for XML (`Document/BkToCstmrStmt/Stmt/Ntry/Amt`), when known.
    public var element: String?
    public var message: String

    public init(file: String? = nil, line: Int? = nil, element: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.element = element
        self.message = message
    }

    public var description: String {
        var location = file ?? "<input>"
        if let line { location += ":\(line)" }
        if let element { return "\(location): \(element): \(message)" }
        return "\(location): \(message)"
    }

    /// The same error with the file name filled in, for errors raised below the file level.
    public func inFile(_ name: String?) -> StatementParseError {
        var copy = self
        if copy.file == nil { copy.file = name }
        return copy
    }
}
