import BankStatements

/// How one payment's money spreads over a set of open items, and how well the amount fits.
///
/// Credit notes are used first (they add to what there is to spread), then invoices oldest due
/// first unless the caller orders them by evidence. Money left over stays on the customer as credit;
/// a shortfall within tolerance on the last invoice is written off, a larger one leaves it partial.
struct AllocationPlan: Hashable, Sendable {
    enum Fit: Hashable, Sendable {
        case exact
        /// Short by this much, within tolerance: written off.
        case underpaidWithinTolerance(Int64)
        /// Over by this much: kept as customer credit.
        case overpaid(Int64)
        /// Short by this much, beyond tolerance: the last invoice stays partly open.
        case partial(Int64)
    }

    struct Line: Hashable, Sendable {
        var item: Int
        var minorUnits: Int64
    }

    /// Money applied per item (index into the items given), credit notes negative.
    var lines: [Line]
    /// The item written off, and how much.
    var writeOff: Line?
    var excess: Int64
    var fit: Fit

    /// Plans `payment` minor units over `items`, taken in the order given for the invoices.
    init(payment: Int64, items: [OpenInvoice], tolerance: MatchingPolicy.Tolerance) {
        var lines: [Line] = []
        var available = payment
        for (index, item) in items.enumerated() where item.openAmount.minorUnits < 0 {
            lines.append(Line(item: index, minorUnits: item.openAmount.minorUnits))
            available -= item.openAmount.minorUnits
        }
        let totalOpen = items.reduce(Int64(0)) { $0 + max(0, $1.openAmount.minorUnits) }
        var remaining = available
        for (index, item) in items.enumerated() where item.openAmount.minorUnits > 0 && remaining > 0 {
            let amount = min(item.openAmount.minorUnits, remaining)
            lines.append(Line(item: index, minorUnits: amount))
            remaining -= amount
        }
        self.lines = lines
        self.writeOff = nil
        self.excess = max(0, remaining)
        if remaining > 0 {
            fit = .overpaid(remaining)
        } else if available == totalOpen {
            fit = .exact
        } else {
            let shortfall = totalOpen - available
            // Oldest first leaves the shortfall on the last invoice; it may be written off only when it
            // lies there alone (a shortfall reaching into earlier invoices is a partial payment).
            let last = items.indices.last { items[$0].openAmount.minorUnits > 0 }
            if let last, shortfall < items[last].openAmount.minorUnits,
               tolerance.allows(shortfall: shortfall, of: totalOpen) {
                writeOff = Line(item: last, minorUnits: shortfall)
                fit = .underpaidWithinTolerance(shortfall)
            } else {
                fit = .partial(shortfall)
            }
        }
    }
}
