/// Tells CAMT XML from SWIFT MT940/MT942 by content, never by file name.
public enum FormatDetector {
    public enum Family: Hashable, Sendable {
        case camt
        case mt940
    }

    /// Looks at the first bytes of a file.
    ///
    /// XML starts with `<` after an optional byte-order mark and white space (UTF-16 files are
    /// recognised by their BOM or zero bytes so that the CAMT parser can reject them clearly).
    /// Anything else that contains an MT tag such as `:20:` or a SWIFT block `{1:` is MT940.
    public static func detect(_ prefix: [UInt8]) -> Family? {
        var index = 0
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        if prefix.starts(with: [0xFF, 0xFE]) || prefix.starts(with: [0xFE, 0xFF]) { return .camt }
        if prefix.count >= 2 && (prefix[0] == 0 || prefix[1] == 0) && (prefix[0] == UInt8(ascii: "<") || prefix[1] == UInt8(ascii: "<")) {
            return .camt
        }
        while index < prefix.count, isWhitespace(prefix[index]) { index += 1 }
        if index < prefix.count && prefix[index] == UInt8(ascii: "<") { return .camt }
        if contains(prefix, ":20:") || contains(prefix, "{1:") || contains(prefix, ":25:")
            || contains(prefix, ":940:") || contains(prefix, "STARTUMS") {
            return .mt940
        }
        return nil
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func contains(_ bytes: [UInt8], _ needle: StaticString) -> Bool {
        let pattern = needle.withUTF8Buffer { Array($0) }
        guard bytes.count >= pattern.count else { return false }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] {
            if bytes[start..<(start + pattern.count)].elementsEqual(pattern) { return true }
        }
        return false
    }
}
