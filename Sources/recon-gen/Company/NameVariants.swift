/// The spellings a bank shows instead of the customer master's name.
enum NameVariants {
    /// German and Dutch letters outside the SEPA basic character set, written the way banks do.
    static func transliterated(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "ä": result += "ae"
            case "ö": result += "oe"
            case "ü": result += "ue"
            case "Ä": result += "Ae"
            case "Ö": result += "Oe"
            case "Ü": result += "Ue"
            case "ß": result += "ss"
            case "é", "è", "ë", "ê": result += "e"
            case "ï": result += "i"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Upper case without the dots of legal forms: `Bakkerij Jansen B.V.` → `BAKKERIJ JANSEN BV`.
    static func bankStyle(_ name: String) -> String {
        let plain = transliterated(name).uppercased()
        var result = ""
        for character in plain where character != "." { result.append(character) }
        return result.split(separator: " ").joined(separator: " ")
    }

    /// `Jansen, P.`, the owner's name in the form some banks print for a one-man business.
    static func ownerStyle(surname: String, initials: String) -> String {
        transliterated(surname.prefix(1).uppercased() + surname.dropFirst()) + ", " + initials
    }

    /// Only characters of the SWIFT X set (`a-z A-Z 0-9 / - ? : ( ) . , ' +` and space), for MT940.
    static func swiftSafe(_ text: String) -> String {
        if text.utf8.allSatisfy(isSwiftCharacter) { return text }
        var result = ""
        for scalar in transliterated(text).unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "/", "-", "?", ":", "(", ")", ".", ",", "'", "+", " ":
                result.unicodeScalars.append(scalar)
            case "&":
                result += "+"
            default:
                result += " "
            }
        }
        return result
    }

    private static func isSwiftCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "'"), UInt8(ascii: "+"), UInt8(ascii: " "):
            return true
        default:
            return false
        }
    }
}
