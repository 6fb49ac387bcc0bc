#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file read sequentially through a POSIX file descriptor.
///
/// A class because it owns the descriptor; it is closed when the value goes away.
public final class FileInput: ByteInput {
    public let path: String
    private let descriptor: Int32
    private var scratch: [UInt8]

    /// Opens `path` for reading.
    ///
    /// - Throws: `StatementParseError` naming the file and the system's reason.
    public init(path: String) throws(StatementParseError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw StatementParseError(file: path, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw StatementParseError(file: path, message: "is a directory, not a statement file")
        }
        self.descriptor = fd
        self.scratch = []
    }

    deinit { close(descriptor) }

    public func read(into buffer: inout [UInt8], maximumCount: Int) throws(StatementParseError) -> Int {
        if scratch.count < maximumCount { scratch = [UInt8](repeating: 0, count: maximumCount) }
        while true {
            let count = scratch.withUnsafeMutableBytes { raw in
                Glibc.read(descriptor, raw.baseAddress, maximumCount)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw StatementParseError(file: path, message: "read failed: \(String(cString: strerror(errno)))")
            }
            if count > 0 { buffer.append(contentsOf: scratch[0..<count]) }
            return count
        }
    }
}
