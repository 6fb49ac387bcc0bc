// The per-entry part of the `recon parse --json` contract, written straight to bytes.
// Each function here writes exactly what the matching `jsonValue` in Statement+JSON.swift renders;
// the tests compare the two.

extension Entry {
    func writeJSON(to out: inout JSONWriter) {
        out.beginObject()
        out.money(amount)
        out.field("creditDebit", creditDebit.rawValue)
        out.field("reversal", reversal)
        out.field("status", status.code)
        out.field("bookingDate", bookingDate)
        out.field("valueDate", valueDate)
        out.field("bankReference", accountServicerReference)
        out.field("entryReference", entryReference)
        if let code = bankTransactionCode {
            out.key("bankTransactionCode")
            code.writeJSON(to: &out)
        }
        out.field("batchCount", batchTransactionCount)
        out.field("batchPaymentInformationId", batchPaymentInformationId)
        if !charges.isEmpty {
            out.key("charges")
            Charge.writeJSON(charges, to: &out)
        }
        out.field("additionalInfo", additionalInfo)
        out.field("fundsCode", fundsCode)
        out.field("supplementaryDetails", supplementaryDetails)
        out.field("information", rawInformation)
        out.field("line", sourceLine)
        out.key("transactions")
        out.beginArray()
        for transaction in transactions {
            out.element()
            transaction.writeJSON(in: self, to: &out)
        }
        out.endArray()
        out.endObject()
    }
}

extension Transaction {
    func writeJSON(in entry: Entry, to out: inout JSONWriter) {
        out.beginObject()
        if let amount { out.money(amount) }
        out.field("creditDebit", creditDebit.rawValue)
        out.field("endToEndId", references.endToEndId)
        out.field("bankReference", references.accountServicerReference ?? entry.accountServicerReference)
        out.field("mandateId", references.mandateId)
        out.field("instructionId", references.instructionId)
        out.field("transactionId", references.transactionId)
        out.field("paymentInformationId", references.paymentInformationId)
        out.field("messageId", references.messageId)
        out.field("creditorId", references.creditorId)
        out.field("uetr", references.uetr)
        out.field("clearingSystemReference", references.clearingSystemReference)
        out.field("chequeNumber", references.chequeNumber)
        out.field("customerReference", references.customerReference)
        if !references.other.isEmpty {
            out.key("otherReferences")
            out.beginObject()
            for (key, value) in references.other.sorted(by: { $0.key < $1.key }) {
                // Keys come from the data, so they are written as escaped strings.
                out.element()
                out.string(key)
                out.raw(":")
                out.string(value)
            }
            out.endObject()
        }
        if let counterparty = counterparty, !counterparty.isEmpty {
            out.key("counterparty")
            counterparty.writeJSON(to: &out)
        }
        if let ultimate = ultimateCounterparty, !ultimate.isEmpty {
            out.key("ultimateCounterparty")
            ultimate.writeJSON(to: &out)
        }
        if let debtor, !debtor.isEmpty {
            out.key("debtor")
            debtor.writeJSON(to: &out)
        }
        if let creditor, !creditor.isEmpty {
            out.key("creditor")
            creditor.writeJSON(to: &out)
        }
        if !remittance.isEmpty {
            out.key("remittance")
            out.beginObject()
            out.field("unstructured", remittance.unstructured)
            if !remittance.unstructuredLines.isEmpty {
                out.key("lines")
                out.strings(remittance.unstructuredLines)
            }
            out.key("references")
            out.beginArray()
            for reference in remittance.references {
                out.element()
                out.beginObject()
                out.field("type", reference.type)
                out.field("issuer", reference.issuer)
                out.field("reference", reference.reference)
                out.endObject()
            }
            out.endArray()
            if !remittance.referredDocuments.isEmpty {
                out.key("documents")
                out.strings(remittance.referredDocuments)
            }
            if !remittance.additional.isEmpty {
                out.key("additional")
                out.strings(remittance.additional)
            }
            out.endObject()
        }
        if let returnInformation {
            out.field("returnReason", returnInformation.reason)
            if !returnInformation.additionalInfo.isEmpty {
                out.key("returnInfo")
                out.strings(returnInformation.additionalInfo)
            }
            out.field("returnOriginator", returnInformation.originator)
        }
        if !charges.isEmpty {
            out.key("charges")
            Charge.writeJSON(charges, to: &out)
        }
        if let originalAmount { out.money(originalAmount, amountKey: "originalAmount", currencyKey: "originalCurrency") }
        if let exchange {
            out.key("exchange")
            out.beginObject()
            out.field("sourceCurrency", exchange.sourceCurrency?.code)
            out.field("targetCurrency", exchange.targetCurrency?.code)
            out.field("unitCurrency", exchange.unitCurrency?.code)
            out.field("rate", exchange.rate?.description)
            out.endObject()
        }
        if let code = bankTransactionCode {
            out.key("bankTransactionCode")
            code.writeJSON(to: &out)
        }
        out.field("purpose", purpose)
        out.field("additionalInfo", additionalInfo)
        out.endObject()
    }
}

extension Party {
    func writeJSON(to out: inout JSONWriter) {
        out.beginObject()
        out.field("name", name)
        out.field("iban", iban)
        out.field("account", otherAccount)
        out.field("bic", bic)
        if !address.isEmpty {
            out.key("address")
            out.strings(address)
        }
        out.field("id", identification)
        out.endObject()
    }
}

extension BankTransactionCode {
    func writeJSON(to out: inout JSONWriter) {
        out.beginObject()
        out.field("domain", domain)
        out.field("family", family)
        out.field("subFamily", subFamily)
        out.field("proprietary", proprietaryCode)
        out.field("issuer", proprietaryIssuer)
        out.endObject()
    }
}

extension Charge {
    static func writeJSON(_ charges: [Charge], to out: inout JSONWriter) {
        out.beginArray()
        for charge in charges {
            out.element()
            out.beginObject()
            out.money(charge.amount)
            out.field("creditDebit", charge.creditDebit?.rawValue)
            out.field("type", charge.type)
            out.field("bearer", charge.bearer)
            out.field("included", charge.includedInAmount)
            out.endObject()
        }
        out.endArray()
    }
}
