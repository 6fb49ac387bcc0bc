/// The file formats the generator writes.
enum StatementFileFormat: String, CaseIterable, Sendable {
    case camt053v02 = "camt.053.001.02"
    case camt053v08 = "camt.053.001.08"
    case camt052v08 = "camt.052.001.08"
    case mt940

    var fileExtension: String { self == .mt940 ? "sta" : "xml" }

    var isCAMT: Bool { self != .mt940 }

    /// Version 2 names the BIC `BIC` and puts party names directly under `Dbtr`; later versions say
    /// `BICFI` and wrap the party in `Pty`.
    var isVersion8: Bool { self == .camt053v08 || self == .camt052v08 }

    var isIntraday: Bool { self == .camt052v08 }
}
