/// Check-digit rules written again from their specifications, independently of the generator's
/// code, so that a bug there cannot hide itself.
enum IndependentChecks {
    /// ISO 13616: move the first four characters to the end, letters to 10…35, the number mod 97 must be 1.
    /// Done on the decimal text in nine-digit pieces, as the standard's appendix describes.
    static func ibanIsValid(_ iban: String) -> Bool {
        let characters = Array(iban)
        guard characters.count >= 5, characters.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) else { return false }
        let rearranged = characters[4...] + characters[0..<4]
        return mod97(ofAlphanumeric: String(rearranged)) == 1
    }

    /// ISO 11649: `RF` + check + body; body + "RF" + check, converted like an IBAN, mod 97 = 1.
    static func creditorReferenceIsValid(_ reference: String) -> Bool {
        let characters = Array(reference)
        guard characters.count >= 5, characters.count <= 25, reference.hasPrefix("RF") else { return false }
        return mod97(ofAlphanumeric: String(characters[4...] + characters[0..<4])) == 1
    }

    /// The Dutch betalingskenmerk: sixteen digits; weights 2,4,8,5,10,9,7,3,6,1 from the right over
    /// the fifteen after the check digit; check = 11 − (sum mod 11), 10 → 1, 11 → 0.
    static func betalingskenmerkIsValid(_ reference: String) -> Bool {
        let digits = reference.compactMap { $0.wholeNumberValue }
        guard digits.count == 16, reference.count == 16 else { return false }
        let weights = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]
        var sum = 0
        var weightIndex = 0
        for digit in digits[1...].reversed() {
            sum += digit * weights[weightIndex]
            weightIndex = (weightIndex + 1) % weights.count
        }
        var check = 11 - (sum % 11)
        if check == 10 { check = 1 } else if check == 11 { check = 0 }
        return digits[0] == check
    }

    /// The Belgian structured communication: twelve digits, the last two = first ten mod 97 (0 → 97).
    static func belgianIsValid(_ reference: String) -> Bool {
        guard reference.count == 12, let body = Int(reference.prefix(10)), let check = Int(reference.suffix(2)) else { return false }
        let expected = body % 97 == 0 ? 97 : body % 97
        return check == expected
    }

    /// Belgian BBAN national check: account digits (first ten) mod 97, 0 written as 97.
    static func belgianIBANNationalCheckIsValid(_ iban: String) -> Bool {
        guard iban.hasPrefix("BE"), iban.count == 16 else { return false }
        return belgianIsValid(String(iban.suffix(12)))
    }

    private static func mod97(ofAlphanumeric text: String) -> Int {
        var digits = ""
        for character in text {
            if let value = character.wholeNumberValue {
                digits += String(value)
            } else if let ascii = character.asciiValue {
                digits += String(Int(ascii) - 55)
            }
        }
        var remainder = 0
        var rest = Substring(digits)
        while !rest.isEmpty {
            let piece = String(remainder) + rest.prefix(9 - String(remainder).count)
            rest = rest.dropFirst(9 - String(remainder).count)
            remainder = (Int(piece) ?? 0) % 97
        }
        return remainder
    }
}
