/// Reads `:25:`: an IBAN with or without a currency suffix (`NL68INGB0000012345EUR`,
/// `NL84RABO0121212121 EUR`), a German `BLZ/account`, `BIC/IBAN`, or any bank's own number.
enum MT940AccountField {
    static func parse(_ field: MT940Field) -> Account {
        let bytes = field.joined
        var range = MT940Bytes.trim(bytes, 0..<bytes.count)
        var account = Account()
        // A trailing currency code: three letters after a digit or a space.
        if range.count > 4 {
            let u = range.upperBound
            if MT940Bytes.isUpper(bytes[u - 1]), MT940Bytes.isUpper(bytes[u - 2]), MT940Bytes.isUpper(bytes[u - 3]),
               MT940Bytes.isDigit(bytes[u - 4]) || bytes[u - 4] == 0x20,
               let currency = Currency(code: String(decoding: bytes[(u - 3)..<u], as: UTF8.self)) {
                account.currency = currency
                range = MT940Bytes.trim(bytes, range.lowerBound..<(u - 3))
            }
        }
        guard !range.isEmpty else { return account }
        let compact = bytes[range].filter { $0 != 0x20 }
        if MT940Bytes.looksLikeIBAN(compact, 0..<compact.count) {
            account.iban = String(decoding: compact, as: UTF8.self)
            return account
        }
        if let slash = bytes[range].firstIndex(of: UInt8(ascii: "/")) {
            let left = MT940Bytes.trim(bytes, range.lowerBound..<slash)
            let right = MT940Bytes.trim(bytes, (slash + 1)..<range.upperBound)
            let rightCompact = bytes[right].filter { $0 != 0x20 }
            if MT940Bytes.looksLikeIBAN(rightCompact, 0..<rightCompact.count) {
                account.iban = String(decoding: rightCompact, as: UTF8.self)
            } else {
                account.other = MT940Text.string(bytes, range)
            }
            if MT940Bytes.looksLikeBIC(bytes, left) {
                account.servicerBIC = String(decoding: bytes[left], as: UTF8.self)
            } else if !left.isEmpty {
                account.servicerName = MT940Text.string(bytes, left)
            }
            return account
        }
        account.other = MT940Text.string(bytes, range)
        return account
    }
}
