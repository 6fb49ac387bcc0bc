/// The string values in a review item's candidates JSON, read straight from its bytes.
///
/// Whether a customer may already have paid depends on the invoice numbers and customer ids its
/// open review items name. SQLite's `json_tree` answers that, but for a queue of tens of thousands
/// of items it cost more than the rest of the overdue list. This reader takes only the JSON that
/// recon writes, strict JSON without escapes, and refuses anything else (a backslash, a raw
/// control character, JSON5, an unclosed string), so the caller can ask `json_tree` about just
/// that item and the answer never depends on this reader.
enum CandidateTexts {
    /// One string value: where its bytes are, and whether it is the value of a member named
    /// `customer`, `customerId` or `customer_id`.
    struct Value: Equatable {
        var bytes: Range<Int>
        var namesCustomer: Bool
    }

    /// Every string value in `json` in order (member names are not values), or `nil` when the
    /// text is not one this reader takes.
    static func values(in json: UnsafeBufferPointer<UInt8>) -> [Value]? {
        if json.contains(UInt8(ascii: "\\")) { return nil }
        var values: [Value] = []
        var index = 0
        var memberName: Range<Int>?
        // The last token was a `:`, so a string now is that member's value.
        var afterColon = false
        while index < json.count {
            switch json[index] {
            case 0x20, 0x09, 0x0A, 0x0D:
                index += 1
            case UInt8(ascii: "\""):
                var close = index + 1
                while close < json.count, json[close] != UInt8(ascii: "\"") {
                    // Strict JSON escapes control characters; SQLite would take them raw.
                    if json[close] < 0x20 { return nil }
                    close += 1
                }
                guard close < json.count else { return nil }
                let text = (index + 1)..<close
                index = close + 1
                var next = index
                while next < json.count, json[next] == 0x20 || json[next] == 0x09 || json[next] == 0x0A || json[next] == 0x0D {
                    next += 1
                }
                if next < json.count, json[next] == UInt8(ascii: ":") {
                    memberName = text
                    afterColon = true
                    index = next + 1
                } else {
                    let namesCustomer = afterColon && memberName.map { isCustomerKey(json, $0) } == true
                    values.append(Value(bytes: text, namesCustomer: namesCustomer))
                    afterColon = false
                }
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ","),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                 UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "u"),
                 UInt8(ascii: "f"), UInt8(ascii: "a"), UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "n"):
                // Structure, numbers and true/false/null carry no text.
                afterColon = false
                index += 1
            default:
                // A `:` after anything but a string (an unquoted name), a quote mark, a comment…: not strict JSON.
                return nil
            }
        }
        return values
    }

    private static let customerKeys: [[UInt8]] = [Array("customer".utf8), Array("customerId".utf8), Array("customer_id".utf8)]

    private static func isCustomerKey(_ json: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> Bool {
        customerKeys.contains { $0.elementsEqual(json[name]) }
    }
}
