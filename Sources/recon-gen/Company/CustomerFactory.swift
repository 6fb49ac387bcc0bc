/// Makes customers: mostly Dutch, many German, some Belgian; mostly businesses, some consumers.
enum CustomerFactory {
    /// Customer number `index` (0-based), decided by its own random stream so that customers stay the
    /// same whatever else the scenario holds.
    static func make(index: Int, random base: SplitMix64) -> Customer {
        var random = base.derived(UInt64(index) &+ 0xC0570)
        let roll = random.below(100)
        let country: Bank.Country = roll < 55 ? .netherlands : (roll < 85 ? .germany : .belgium)
        let kind: Customer.Kind = random.chance(80) ? .business : .consumer
        let bank: Bank
        let trade: String
        let surname: String
        let form: String
        let initials: String
        let city: String
        switch country {
        case .netherlands:
            bank = random.pick(Bank.dutch)
            trade = random.pick(NameBook.dutchTrades)
            surname = random.pick(NameBook.dutchSurnames)
            form = random.pick(NameBook.dutchForms)
            initials = random.pick(NameBook.dutchInitials)
            city = random.pick(NameBook.dutchCities)
        case .germany:
            bank = random.pick(Bank.german)
            trade = random.pick(NameBook.germanTrades)
            surname = random.pick(NameBook.germanSurnames)
            form = random.pick(NameBook.germanForms)
            initials = random.pick(NameBook.germanInitials)
            city = random.pick(NameBook.germanCities)
        case .belgium:
            bank = random.pick(Bank.belgian)
            trade = random.pick(NameBook.belgianTrades)
            surname = random.pick(NameBook.belgianSurnames)
            form = random.pick(NameBook.belgianForms)
            initials = random.pick(NameBook.dutchInitials)
            city = random.pick(NameBook.belgianCities)
        }
        let name: String
        let bankName: String
        if kind == .business {
            name = form.isEmpty ? "\(trade) \(surname)" : "\(trade) \(surname) \(form)"
            let style = random.below(10)
            if style < 5 {
                bankName = NameVariants.bankStyle(name)
            } else if style < 8 {
                bankName = NameVariants.transliterated(name)
            } else {
                bankName = NameVariants.ownerStyle(surname: surname, initials: initials)
            }
        } else {
            name = "\(initials) \(surname.prefix(1).uppercased() + surname.dropFirst())"
            let style = random.below(4)
            switch style {
            case 0: bankName = NameVariants.bankStyle(name)
            case 1: bankName = NameVariants.ownerStyle(surname: surname, initials: initials)
            case 2: bankName = "HR " + NameVariants.bankStyle(name)
            default: bankName = NameVariants.transliterated(name)
            }
        }
        let referenceStyle = referenceStyle(country: country, kind: kind, random: &random)
        let id = "C" + padded(index + 1, width: 5)
        let mandate = kind == .business && country != .belgium && random.chance(20) ? "NT-\(id)-01" : nil
        let slug = String(NameVariants.transliterated(name).lowercased().unicodeScalars
            .filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            .map(Character.init))
        let email = (kind == .business ? "administratie@" : "\(slug.prefix(12))@") + (kind == .business ? slug : "mail") + ".example"
        let phone: String
        switch country {
        case .netherlands: phone = "+31 \(random.int(in: 10...79)) \(String(decoding: random.digits(7), as: UTF8.self))"
        case .germany: phone = "+49 \(random.int(in: 201...911)) \(String(decoding: random.digits(7), as: UTF8.self))"
        case .belgium: phone = "+32 \(random.int(in: 2...9)) \(String(decoding: random.digits(7), as: UTF8.self))"
        }
        return Customer(id: id, name: name, bankName: bankName, kind: kind, bank: bank,
                        iban: IBAN.make(at: bank, using: &random), city: city, email: email, phone: phone,
                        referenceStyle: referenceStyle, mandateId: mandate)
    }

    private static func referenceStyle(country: Bank.Country, kind: Customer.Kind,
                                       random: inout SplitMix64) -> Customer.ReferenceStyle {
        let roll = random.below(100)
        if kind == .consumer && roll < 60 { return .none }
        switch country {
        case .netherlands: return roll < 40 ? .betalingskenmerk : (roll < 60 ? .creditorReference : .none)
        case .germany: return roll < 40 ? .creditorReference : .none
        case .belgium: return roll < 60 ? .belgianStructured : (roll < 80 ? .creditorReference : .none)
        }
    }

    static func padded(_ value: Int, width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
