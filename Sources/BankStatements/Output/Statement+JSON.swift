// The JSON contract of `recon parse --json`; README.md documents every key.

extension Money {
    /// `{"amount": "12.50", "currency": "EUR"}` as fields to splice into an object.
    func addFields(to object: inout JSONObjectBuilder, amountKey: String = "amount", currencyKey: String = "currency") {
        object.add(amountKey, decimalString)
        object.add(currencyKey, currency.code)
    }

    /// `{"amount": "12.50", "currency": "EUR"}`.
    var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        addFields(to: &object)
        return object.value
    }
}

extension Balance {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.add("type", kind.rawValue)
        if isProprietary { object.add("proprietary", true) }
        object.add("subType", subType)
        amount.addFields(to: &object)
        object.add("creditDebit", creditDebit.rawValue)
        object.add("date", date?.description)
        object.add("dateTime", dateTime)
        return object.value
    }
}

extension Account {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.add("iban", iban)
        object.add("other", other)
        object.add("otherScheme", otherScheme)
        object.add("currency", currency?.code)
        object.add("name", name)
        object.add("ownerName", ownerName)
        object.add("servicerBic", servicerBIC)
        object.add("servicerName", servicerName)
        return object.value
    }
}

extension StatementHeader {
    /// The header's fields, to open a statement object with.
    public var jsonFields: [(String, JSONValue)] {
        var object = JSONObjectBuilder()
        object.add("format", format.name)
        object.add("messageId", messageId)
        object.add("id", id)
        object.add("sequence", sequenceNumber)
        object.add("legalSequence", legalSequenceNumber)
        object.add("relatedReference", relatedReference)
        object.add("created", creationDateTime)
        object.add("from", periodStart?.description)
        object.add("to", periodEnd?.description)
        object.add("page", pageNumber)
        object.add("lastPage", isLastPage)
        object.add("account", account.jsonValue)
        return object.fields
    }
}

extension StatementTrailer {
    /// The fields known at the end of a statement, to close a statement object with.
    public var jsonFields: [(String, JSONValue)] {
        var object = JSONObjectBuilder()
        object.add("balances", .array(balances.map(\.jsonValue)))
        if let summary {
            var fields = JSONObjectBuilder()
            fields.add("entries", summary.entryCount)
            fields.add("credits", summary.creditCount)
            fields.add("creditTotal", summary.creditTotal?.decimalString)
            fields.add("debits", summary.debitCount)
            fields.add("debitTotal", summary.debitTotal?.decimalString)
            object.add("summary", fields.value)
        }
        object.add("additionalInfo", additionalInfo)
        if !floorLimits.isEmpty { object.add("floorLimits", .array(floorLimits.map(JSONValue.string))) }
        object.add("dateTimeIndication", dateTimeIndication)
        return object.fields
    }
}

extension Verification {
    public var jsonValue: JSONValue { .object([("ok", .bool(ok)), ("message", .string(message))]) }
}

extension BankTransactionCode {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.add("domain", domain)
        object.add("family", family)
        object.add("subFamily", subFamily)
        object.add("proprietary", proprietaryCode)
        object.add("issuer", proprietaryIssuer)
        return object.value
    }
}

extension Party {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.add("name", name)
        object.add("iban", iban)
        object.add("account", otherAccount)
        object.add("bic", bic)
        if !address.isEmpty { object.add("address", .array(address.map(JSONValue.string))) }
        object.add("id", identification)
        return object.value
    }
}

extension Charge {
    var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        amount.addFields(to: &object)
        object.add("creditDebit", creditDebit?.rawValue)
        object.add("type", type)
        object.add("bearer", bearer)
        object.add("included", includedInAmount)
        return object.value
    }
}

extension Transaction {
    /// - Parameter entry: the entry holding the transaction, whose bank reference stands in when
    ///   the transaction has none.
    public func jsonValue(in entry: Entry) -> JSONValue {
        var object = JSONObjectBuilder()
        if let amount { amount.addFields(to: &object) }
        object.add("creditDebit", creditDebit.rawValue)
        object.add("endToEndId", references.endToEndId)
        object.add("bankReference", references.accountServicerReference ?? entry.accountServicerReference)
        object.add("mandateId", references.mandateId)
        object.add("instructionId", references.instructionId)
        object.add("transactionId", references.transactionId)
        object.add("paymentInformationId", references.paymentInformationId)
        object.add("messageId", references.messageId)
        object.add("creditorId", references.creditorId)
        object.add("uetr", references.uetr)
        object.add("clearingSystemReference", references.clearingSystemReference)
        object.add("chequeNumber", references.chequeNumber)
        object.add("customerReference", references.customerReference)
        if !references.other.isEmpty {
            object.add("otherReferences", .object(references.other.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
        }
        if let counterparty = counterparty, !counterparty.isEmpty { object.add("counterparty", counterparty.jsonValue) }
        if let ultimate = ultimateCounterparty, !ultimate.isEmpty { object.add("ultimateCounterparty", ultimate.jsonValue) }
        if let debtor, !debtor.isEmpty { object.add("debtor", debtor.jsonValue) }
        if let creditor, !creditor.isEmpty { object.add("creditor", creditor.jsonValue) }
        if !remittance.isEmpty {
            var fields = JSONObjectBuilder()
            fields.add("unstructured", remittance.unstructured)
            if !remittance.unstructuredLines.isEmpty {
                fields.add("lines", .array(remittance.unstructuredLines.map(JSONValue.string)))
            }
            fields.add("references", .array(remittance.references.map { reference in
                var ref = JSONObjectBuilder()
                ref.add("type", reference.type)
                ref.add("issuer", reference.issuer)
                ref.add("reference", reference.reference)
                return ref.value
            }))
            if !remittance.referredDocuments.isEmpty {
                fields.add("documents", .array(remittance.referredDocuments.map(JSONValue.string)))
            }
            if !remittance.additional.isEmpty {
                fields.add("additional", .array(remittance.additional.map(JSONValue.string)))
            }
            object.add("remittance", fields.value)
        }
        if let returnInformation {
            object.add("returnReason", returnInformation.reason)
            if !returnInformation.additionalInfo.isEmpty {
                object.add("returnInfo", .array(returnInformation.additionalInfo.map(JSONValue.string)))
            }
            object.add("returnOriginator", returnInformation.originator)
        }
        if !charges.isEmpty { object.add("charges", .array(charges.map(\.jsonValue))) }
        if let originalAmount {
            originalAmount.addFields(to: &object, amountKey: "originalAmount", currencyKey: "originalCurrency")
        }
        if let exchange {
            var fields = JSONObjectBuilder()
            fields.add("sourceCurrency", exchange.sourceCurrency?.code)
            fields.add("targetCurrency", exchange.targetCurrency?.code)
            fields.add("unitCurrency", exchange.unitCurrency?.code)
            fields.add("rate", exchange.rate?.description)
            object.add("exchange", fields.value)
        }
        if let code = bankTransactionCode { object.add("bankTransactionCode", code.jsonValue) }
        object.add("purpose", purpose)
        object.add("additionalInfo", additionalInfo)
        return object.value
    }
}

extension Entry {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        amount.addFields(to: &object)
        object.add("creditDebit", creditDebit.rawValue)
        object.add("reversal", reversal)
        object.add("status", status.code)
        object.add("bookingDate", bookingDate?.description)
        object.add("valueDate", valueDate?.description)
        object.add("bankReference", accountServicerReference)
        object.add("entryReference", entryReference)
        if let code = bankTransactionCode { object.add("bankTransactionCode", code.jsonValue) }
        object.add("batchCount", batchTransactionCount)
        object.add("batchPaymentInformationId", batchPaymentInformationId)
        if !charges.isEmpty { object.add("charges", .array(charges.map(\.jsonValue))) }
        object.add("additionalInfo", additionalInfo)
        object.add("fundsCode", fundsCode)
        object.add("supplementaryDetails", supplementaryDetails)
        object.add("information", rawInformation)
        object.add("line", sourceLine)
        object.add("transactions", .array(transactions.map { $0.jsonValue(in: self) }))
        return object.value
    }
}
