#if canImport(Glibc)
import Glibc
#endif
@testable import BankStatements

/// A document of any size that is never held: `head`, then `fillCount` bytes repeating `filler`,
/// then `tail`, made up chunk by chunk as the parser asks for them.
///
/// This is how the tests hand a parser a 2 GB text node without writing 2 GB anywhere.
struct SyntheticInput: ByteInput {
    let head: [UInt8]
    let filler: [UInt8]
    let fillCount: Int
    let tail: [UInt8]
    /// Shared with the test so that it sees how far the parser read, even through copies.
    let meter: ReadMeter
    /// Reading past this many bytes fails with `budgetExceeded`, so that a parser that does not stop
    /// makes the test fail in seconds instead of grinding through gigabytes.
    let budget: Int
    private var offset = 0

    static let budgetExceeded = "synthetic input: the parser read past the test's budget"

    init(head: String, filler: String, fillCount: Int, tail: String, meter: ReadMeter = ReadMeter(),
         budget: Int = 64 * 1024 * 1024) {
        self.head = Array(head.utf8)
        self.filler = Array(filler.utf8)
        self.fillCount = fillCount
        self.tail = Array(tail.utf8)
        self.meter = meter
        self.budget = budget
    }

    var totalCount: Int { head.count + fillCount + tail.count }

    mutating func read(into buffer: inout [UInt8], maximumCount: Int) throws(StatementParseError) -> Int {
        let count = min(maximumCount, totalCount - offset)
        guard count > 0 else { return 0 }
        guard offset < budget else { throw StatementParseError(message: SyntheticInput.budgetExceeded) }
        buffer.reserveCapacity(buffer.count + count)
        var position = offset
        let end = offset + count
        while position < end {
            if position < head.count {
                let upper = min(end, head.count)
                buffer.append(contentsOf: head[position..<upper])
                position = upper
            } else if position < head.count + fillCount {
                // Whole runs of the filler at a time: a byte-by-byte loop is too slow for gigabytes.
                let phase = (position - head.count) % filler.count
                let upper = min(end, head.count + fillCount, position + filler.count - phase)
                buffer.append(contentsOf: filler[phase..<(phase + upper - position)])
                position = upper
            } else {
                let start = position - head.count - fillCount
                buffer.append(contentsOf: tail[start..<(start + end - position)])
                position = end
            }
        }
        offset += count
        meter.delivered = offset
        return count
    }
}

/// How many bytes a `SyntheticInput` has handed out.
final class ReadMeter: @unchecked Sendable {
    // Only the test's own task touches it; @unchecked because the parser API takes non-Sendable input anyway.
    var delivered = 0
}

/// The process's peak resident memory, to show a hostile input did not make it grow.
enum PeakMemory {
    /// Peak resident set size in MiB (`getrusage`'s `ru_maxrss`, which Linux gives in KiB).
    static var mebibytes: Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) / 1024
    }
}

/// The error a parse of `input` ends with, or `nil` when it succeeds; statements read go to `statements`.
enum HostileParse {
    static func camt(_ input: some ByteInput, options: ParseOptions = ParseOptions()) -> (StatementParseError?, [Statement]) {
        var input = input
        var collector = StatementCollector()
        do {
            try CAMTParser(options: options).parse(&input) { collector.handle($0) }
            return (nil, collector.statements)
        } catch let error as StatementParseError {
            return (error, collector.statements)
        } catch {
            return (StatementParseError(message: "unexpected error type: \(error)"), collector.statements)
        }
    }

    static func mt940(_ input: some ByteInput, options: ParseOptions = ParseOptions()) -> (StatementParseError?, [Statement]) {
        var input = input
        var collector = StatementCollector()
        do {
            try MT940Parser(options: options).parse(&input) { collector.handle($0) }
            return (nil, collector.statements)
        } catch let error as StatementParseError {
            return (error, collector.statements)
        } catch {
            return (StatementParseError(message: "unexpected error type: \(error)"), collector.statements)
        }
    }

    static func camt(_ text: String) -> (StatementParseError?, [Statement]) { camt(MemoryInput(text)) }
    static func camt(bytes: [UInt8]) -> (StatementParseError?, [Statement]) { camt(MemoryInput(bytes)) }
    static func mt940(_ text: String) -> (StatementParseError?, [Statement]) { mt940(MemoryInput(text)) }
}
