import Testing
@testable import BankStatements

/// Hostile MT940 input beyond `MT940ParserTests` (which covers a 30-digit `:61:` amount, the
/// entry date 0230, random bytes and a 2 MB line under a lowered limit): default limits, inputs
/// far larger than memory, and missing terminators.
@Suite("Hostile MT940")
struct HostileMT940Tests {
    static let head = ":20:REF\n:25:NL91ABNA0417164300EUR\n:28C:1/1\n:60F:C230101EUR100,00\n"

    @Test("a 1 GB line without a line break stops at the line limit after reading little")
    func gigabyteLine() throws {
        let meter = ReadMeter()
        let input = SyntheticInput(head: Self.head + ":86:", filler: "0123456789", fillCount: 1 << 30,
                                   tail: "\n:62F:C230101EUR100,00\n-\n", meter: meter)
        let (error, statements) = HostileParse.mt940(input)
        let failure = try #require(error)
        #expect(failure.message == "line is longer than 65536 bytes: not a statement file, or line breaks are missing")
        #expect(failure.line == 5)
        #expect(statements.isEmpty)
        #expect(meter.delivered < 1024 * 1024, "read \(meter.delivered) bytes")
    }

    @Test("lines of a megabyte each are refused on the first of them")
    func megabyteLines() throws {
        let line = String(repeating: "x", count: 1024 * 1024) + "\n"
        let meter = ReadMeter()
        let input = SyntheticInput(head: Self.head + ":86:start\n", filler: line, fillCount: line.utf8.count * 100,
                                   tail: ":62F:C230101EUR100,00\n-\n", meter: meter)
        let (error, _) = HostileParse.mt940(input)
        let failure = try #require(error)
        #expect(failure.message.hasPrefix("line is longer than 65536 bytes"))
        #expect(failure.line == 6)
        #expect(meter.delivered < 2 * 1024 * 1024)
    }

    @Test("millions of short continuation lines in one :86: stop at the field limit")
    func endlessInformation() throws {
        let meter = ReadMeter()
        let input = SyntheticInput(head: Self.head + ":61:230101C1,00NTRFNONREF\n:86:start\n", filler: "more text\n",
                                   fillCount: 500_000_000, tail: ":62F:C230101EUR101,00\n-\n", meter: meter)
        let (error, _) = HostileParse.mt940(input)
        let failure = try #require(error)
        #expect(failure.message == ":86: field starting at line 6 is longer than the limit of 65536 bytes")
        #expect(meter.delivered < 1024 * 1024)
    }

    @Test("an endless run of separators and blank lines ends with 'no statement' in linear time")
    func endlessSeparators() throws {
        let meter = ReadMeter()
        let input = SyntheticInput(head: "", filler: "-\n\n\r\n{5:}\n", fillCount: 10_000_000, tail: "", meter: meter)
        let clock = ContinuousClock()
        let start = clock.now
        let (error, _) = HostileParse.mt940(input)
        let failure = try #require(error)
        #expect(failure.message == "no MT940/MT942 statement found: expected a :20: field")
        #expect(clock.now - start < .seconds(30))
    }

    @Test("missing terminators: no final '-', no '-}', no final line break; the statement is still complete", arguments: [
        ":20:REF\n:25:NL91ABNA0417164300EUR\n:28C:1/1\n:60F:C230101EUR100,00\n:61:230101C1,00NTRFNONREF\n:62F:C230101EUR101,00",
        "{1:F01INGBNL2AXXXX0000000000}{2:O9400000230101INGBNL2AXXXX00000000002301010000N}{4:\n:20:REF\n:25:NL91ABNA0417164300EUR\n:28C:1/1\n:60F:C230101EUR100,00\n:61:230101C1,00NTRFNONREF\n:62F:C230101EUR101,00\n",
        ":20:REF\r\n:25:NL91ABNA0417164300EUR\r\n:28C:1/1\r\n:60F:C230101EUR100,00\r\n:61:230101C1,00NTRFNONREF\r\n:62F:C230101EUR101,00\r",
    ])
    func missingTerminators(text: String) throws {
        let (error, statements) = HostileParse.mt940(text)
        #expect(error == nil)
        let statement = try #require(statements.first)
        #expect(statements.count == 1)
        #expect(statement.entries.map(\.signedMinorUnits) == [100])
        #expect(statement.verification.ok, "\(statement.verification.message)")
    }

    @Test("a file cut inside a statement, before its closing balance, is an error naming the statement")
    func cutBeforeClosingBalance() throws {
        let (error, _) = HostileParse.mt940(Self.head + ":61:230101C1,00NTRFNONREF\n:86:/REMI/partial")
        let failure = try #require(error)
        #expect(failure.message.contains("no closing balance"), "\(failure)")
        #expect(failure.line != nil)
    }

    @Test("amounts that do not fit in 64 bits are a clear error, never an overflow", arguments: [
        // Int64.max + 1 cents.
        (":60F:C230101EUR92233720368547758,08", "too large"),
        // 30 digits in a balance.
        (":60F:C230101EUR123456789012345678901234567890,", "too large"),
        // 31 digits: past the digit limit.
        (":60F:C230101EUR1234567890123456789012345678901,", "too large"),
        // Fits in Int64 as a yen amount, not once multiplied to cents.
        (":60F:C230101EUR922337203685477580,", "too large"),
    ])
    func hugeBalance(balance: String, expected: String) throws {
        let text = ":20:REF\n:25:NL91ABNA0417164300EUR\n:28C:1/1\n\(balance)\n:62F:C230101EUR1,00\n-\n"
        let (error, _) = HostileParse.mt940(text)
        let failure = try #require(error)
        #expect(failure.message.contains(expected), "\(failure)")
        #expect(failure.line == 4)
    }

    @Test("entries that each fit but whose sum does not: the balance check says so instead of wrapping")
    func entrySumOverflow() throws {
        let big = "92233720368547758,07"
        let text = Self.head + ":61:230101C\(big)NTRFNONREF\n:61:230101C\(big)NTRFNONREF\n:62F:C230101EUR100,00\n-\n"
        let (error, statements) = HostileParse.mt940(text)
        #expect(error == nil)
        let statement = try #require(statements.first)
        #expect(statement.entries.count == 2)
        #expect(statement.entries.allSatisfy { $0.amount.minorUnits == Int64.max })
        #expect(!statement.verification.ok)
        #expect(statement.verification.message == "entry total does not fit in 64 bits")
    }

    @Test("impossible dates in balances are errors, leap days are not", arguments: [
        ("C230230EUR1,00", "230230"),
        ("C230229EUR1,00", "230229"),
        ("C231301EUR1,00", "231301"),
        ("C230100EUR1,00", "230100"),
    ])
    func impossibleBalanceDates(balance: String, shown: String) throws {
        let text = ":20:REF\n:25:NL91ABNA0417164300EUR\n:28C:1/1\n:60F:\(balance)\n:62F:C230101EUR1,00\n-\n"
        let (error, _) = HostileParse.mt940(text)
        let failure = try #require(error)
        #expect(failure.message.contains(shown), "\(failure)")
        #expect(failure.line == 4)

        let leap = ":20:REF\n:25:NL91ABNA0417164300EUR\n:28C:1/1\n:60F:C240229EUR1,00\n:62F:C240229EUR1,00\n-\n"
        #expect(HostileParse.mt940(leap).0 == nil)
    }

    @Test("binary bytes and NULs inside fields never crash; the outcome is a statement or an error with a line")
    func binaryInsideFields() throws {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for round in 0..<200 {
            var bytes = Array(Self.head.utf8) + Array(":61:230101C1,00NTRFNONREF\n:86:".utf8)
            for _ in 0..<(round * 7 % 300) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(UInt8(truncatingIfNeeded: seed >> 56))
            }
            bytes += Array("\n:62F:C230101EUR101,00\n-\n".utf8)
            let (error, statements) = HostileParse.mt940(MemoryInput(bytes))
            if let error {
                #expect(error.line != nil, "round \(round): \(error)")
            } else {
                #expect(!statements.isEmpty, "round \(round)")
            }
        }
    }
}
