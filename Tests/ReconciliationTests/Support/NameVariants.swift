import ReconTestSupport
import BankStatements
@testable import Reconciliation

/// Payer names as banks deliver them: mistyped, reordered, abbreviated, shouting, glued, or another
/// customer's name; and books where one name belongs to many customers. The generated cases carry
/// their customers' exact names, which leaves most of name matching unexercised.
struct NameVariants {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    /// `count` more customers with one invoice each, all called some spelling of `name`, so one
    /// token's postings hold thousands of customers.
    mutating func addNamesakes(_ count: Int, named name: String, to generator: inout ScenarioGenerator) {
        let spellings = [name, name.uppercased(), name + " B.V.", reordered(name), initialled(name)]
        for index in 0..<count {
            let id = "D\(index)"
            let spelling = spellings[random.next(upTo: spellings.count)]
            let aliases = random.next(upTo: 4) == 0 ? [reordered(name)] : []
            generator.customers.append(CustomerProfile(id: id, name: spelling, aliases: aliases))
            generator.invoices.append(OpenInvoice(
                id: "DI\(index)", number: "DUP-\(index)", customerID: id,
                amount: Fixtures.eur(Int64(1_000 + random.next(upTo: 50_000))),
                issueDate: CalendarDate(iso: "2024-01-10"), dueDate: CalendarDate(iso: "2024-02-10")))
        }
    }

    /// The cases with payer names changed in one of ten ways (one in ten kept as they are).
    mutating func vary(_ cases: [ScenarioGenerator.Case], customers: [CustomerProfile]) -> [ScenarioGenerator.Case] {
        var varied = cases
        for index in varied.indices {
            guard let name = varied[index].payment.counterpartyName, !customers.isEmpty else { continue }
            var payment = varied[index].payment
            switch random.next(upTo: 10) {
            case 0: break
            case 1: payment.counterpartyName = replacingLetter(in: name)
            case 2: payment.counterpartyName = reordered(name)
            case 3: payment.counterpartyName = initialled(name)
            case 4: payment.counterpartyName = String(words(name).dropLast().joined(separator: " ").uppercased())
            case 5: payment.counterpartyName = ["Dhr. ", "Fam. ", "Mevr. "][random.next(upTo: 3)] + name
            case 6: payment.counterpartyName = customers[random.next(upTo: customers.count)].name
            case 7: payment.ultimateDebtorName = customers[random.next(upTo: customers.count)].name
            case 8: payment.counterpartyName = glued(name)
            default: payment.counterpartyName = droppingLetter(in: name)
            }
            varied[index].payment = payment
        }
        return varied
    }

    private func words(_ name: String) -> [String] {
        name.split(separator: " ").map(String.init)
    }

    /// `Jan de Vries` → `de Vries, Jan`.
    private func reordered(_ name: String) -> String {
        let parts = words(name)
        guard parts.count > 1 else { return name }
        return parts.dropFirst().joined(separator: " ") + ", " + parts[0]
    }

    /// `Jan de Vries` → `J. de Vries`.
    private func initialled(_ name: String) -> String {
        var parts = words(name)
        guard let first = parts.first?.first, parts.count > 1 else { return name }
        parts[0] = String(first) + "."
        return parts.joined(separator: " ")
    }

    /// The first two words written as one.
    private func glued(_ name: String) -> String {
        let parts = words(name)
        guard parts.count > 1 else { return name }
        return parts[0] + parts[1] + " " + parts.dropFirst(2).joined(separator: " ")
    }

    private mutating func replacingLetter(in name: String) -> String {
        let letter = Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(random.next(upTo: 26))))
        return editLongestWord(name) { word, position in word[position] = letter }
    }

    private mutating func droppingLetter(in name: String) -> String {
        editLongestWord(name) { word, position in word.remove(at: position) }
    }

    private mutating func editLongestWord(_ name: String,
                                          _ edit: (inout [Character], Int) -> Void) -> String {
        var parts = words(name)
        guard let longest = parts.indices.max(by: { parts[$0].count < parts[$1].count }),
              parts[longest].count >= 4 else { return name }
        var letters = Array(parts[longest])
        edit(&letters, 1 + random.next(upTo: letters.count - 1))
        parts[longest] = String(letters)
        return parts.joined(separator: " ")
    }
}
