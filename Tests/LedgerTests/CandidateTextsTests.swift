import ReconTestSupport
import Testing
@testable import Ledger

/// The byte reader of review candidates against SQLite's `json_tree`, which it stands in for.
@Suite struct CandidateTextsTests {
    private func read(_ json: String) -> [(text: String, namesCustomer: Bool)]? {
        var bytes = Array(json.utf8)
        return bytes.withUnsafeMutableBufferPointer { mutable in
            let buffer = UnsafeBufferPointer(mutable)
            return CandidateTexts.values(in: buffer)?.map { (String(decoding: buffer[$0.bytes], as: UTF8.self), $0.namesCustomer) }
        }
    }

    /// What `customersWithPendingReview` asked SQLite before: every text atom and whether its key is a customer key.
    private func reference(_ json: String, _ store: LedgerStore) throws -> [(text: String, namesCustomer: Bool)] {
        try store.database.rows("""
            SELECT j.atom, j.key IN ('customer', 'customerId', 'customer_id') FROM json_tree(?1) j
            WHERE j.type = 'text' ORDER BY j.id
            """, [.text(json)]) { ($0.text(0), $0.int(1) == 1) }
    }

    @Test func valuesInOrderWithTheirCustomerKeys() throws {
        let values = try #require(read(#" [ {"invoices": "INV-1", "customer" : "C1", "n": 5, "ok": true}, "C2", {"customer_id": {"customer": "C3"}}, {"customerId": ["C4"]} ] "#))
        #expect(values.map(\.text) == ["INV-1", "C1", "C2", "C3", "C4"])
        #expect(values.map(\.namesCustomer) == [false, true, false, true, false])
        #expect(read(#""INV-1""#)?.map(\.text) == ["INV-1"])
        #expect(read("[]")?.isEmpty == true)
        #expect(read(#"{"customer": "Zoë 😀"}"#)?.first?.text == "Zoë 😀")
    }

    @Test func anythingButStrictJSONWithoutEscapesIsRefused() {
        for json in [#"[{"customer": "C\u0031"}]"#, #"["a\"b"]"#, #"{customer: "C1"}"#, "{'customer': 'C1'}",
                     "[\"C1\" /* note */]", "[\"unclosed]", "[\"tab\there\"]", "[NaN]", "[Infinity]", "[0x1F]", "{\"a\"\u{0B}:1}"] {
            #expect(read(json) == nil, "\(json)")
        }
    }

    /// Random documents of nested arrays and objects, with keys and strings that sometimes need
    /// escapes: where the reader answers, it answers exactly what `json_tree` does.
    @Test func agreesWithJSONTree() throws {
        let temporary = try TemporaryDatabase()
        let store = try temporary.open()
        var random = SplitMix64(seed: 7)
        let keys = ["customer", "customerId", "customer_id", "invoices", "Customer", "customer ", "c\\u0075stomer", "x"]
        let strings = ["INV-2026-0001", "C00287", "", " ", "Zoë", "😀", "a,b", "[x]", "{\\\"y\\\"}", "tab\\tx", "\\u00e9", "\\/"]
        func value(_ depth: Int) -> String {
            switch random.next(upTo: depth > 3 ? 4 : 6) {
            case 0: return "\"" + strings[random.next(upTo: strings.count)] + "\""
            case 1: return ["1", "-2.5e3", "0", "true", "false", "null"][random.next(upTo: 6)]
            case 2, 3: return "\"" + strings[random.next(upTo: 2)] + "\""
            case 4: return "[" + (0..<random.next(upTo: 4)).map { _ in value(depth + 1) }.joined(separator: ", ") + "]"
            default:
                return "{" + (0..<random.next(upTo: 4)).map { _ in
                    "\"" + keys[random.next(upTo: keys.count)] + "\" :" + value(depth + 1)
                }.joined(separator: ",\n") + "}"
            }
        }
        var read = 0
        for _ in 0..<2_000 {
            let json = value(0)
            let expected = try reference(json, store)
            if let values = self.read(json) {
                read += 1
                #expect(values.map(\.text) == expected.map(\.text), "\(json)")
                #expect(values.map(\.namesCustomer) == expected.map(\.namesCustomer), "\(json)")
            } else {
                #expect(json.contains("\\"), "refused without an escape: \(json)")
            }
        }
        // Both paths are exercised: most documents are read here, the rest by `json_tree`.
        #expect(read > 1_000 && read < 2_000)
    }
}
