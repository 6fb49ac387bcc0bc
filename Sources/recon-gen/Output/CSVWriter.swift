/// Comma-separated rows (RFC 4180): fields quoted only when they hold a comma, quote or line break.
struct CSVWriter {
    let sink: ByteSink

    func row(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { sink.byte(UInt8(ascii: ",")) }
            let needsQuotes = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
            if needsQuotes {
                sink.byte(UInt8(ascii: "\""))
                for byte in field.utf8 {
                    if byte == UInt8(ascii: "\"") { sink.byte(byte) }
                    sink.byte(byte)
                }
                sink.byte(UInt8(ascii: "\""))
            } else {
                sink.write(field)
            }
        }
        sink.byte(10)
    }
}
