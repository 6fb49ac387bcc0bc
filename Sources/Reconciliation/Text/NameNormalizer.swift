/// Turns a person or company name into the tokens names are compared on.
///
/// Case, accents (`ä`→`a`, `ß`→`ss`, `ø`→`o`, `ĳ`→`ij`) and punctuation go; legal forms (`B.V.`,
/// `GmbH`, `Ltd`…), Dutch and German particles (`van`, `de`, `der`, `von`…), salutations and
/// connecting words carry no identity and are dropped. The order of the remaining tokens is not
/// significant, so `Vries, J. de` and `J. de Vries` give the same tokens `j`, `vries`.
enum NameNormalizer {
    /// The identifying tokens of `name`, lower-case ASCII; single letters are initials.
    ///
    /// Works on Unicode scalars and bytes: apostrophes are skipped (`'t Hoen`, `O'Brien` keep their
    /// words whole) and do not count towards `limit`; letters are folded to lower-case ASCII; a
    /// letter/digit boundary or any other character ends a word.
    static func tokens(_ name: some StringProtocol, limit: Int = 300) -> [String] {
        var bytes: [UInt8] = []
        var bounds: [(start: Int, end: Int, isDigits: Bool)] = []
        var start = 0
        var inDigits = false
        func flush() {
            if bytes.count > start { bounds.append((start, bytes.count, inDigits)) }
            start = bytes.count
        }
        func add(_ byte: UInt8, digit: Bool) {
            if bytes.count > start && inDigits != digit { flush() }
            inDigits = digit
            bytes.append(byte)
        }
        var consumed = 0
        for scalar in name.unicodeScalars {
            let value = scalar.value
            if value == 0x27 || value == 0x2019 || value == 0x60 { continue }
            consumed += 1
            if consumed > limit { break }
            if value >= 0x30 && value <= 0x39 {
                add(UInt8(value), digit: true)
            } else if value >= 0x41 && value <= 0x5A {
                add(UInt8(value + 32), digit: false)
            } else if value >= 0x61 && value <= 0x7A {
                add(UInt8(value), digit: false)
            } else if let folded = LatinFolding.ascii(for: scalar) {
                for byte in folded.utf8 { add(byte, digit: false) }
            } else {
                flush()
            }
        }
        flush()
        func word(_ index: Int) -> String {
            String(decoding: bytes[bounds[index].start..<bounds[index].end], as: UTF8.self)
        }
        func isInitial(_ index: Int) -> Bool {
            !bounds[index].isDigits && bounds[index].end - bounds[index].start == 1
        }
        var words: [String] = []
        words.reserveCapacity(bounds.count)
        // Glue runs of single letters (`B.V.` → `bv`, `V.O.F.` → `vof`) when they spell a legal form.
        var index = 0
        while index < bounds.count {
            guard isInitial(index) else {
                words.append(word(index))
                index += 1
                continue
            }
            var end = index
            while end < bounds.count && isInitial(end) { end += 1 }
            if end - index > 1 {
                let joined = String(decoding: (index..<end).map { bytes[bounds[$0].start] }, as: UTF8.self)
                if legalForms.contains(joined) {
                    index = end
                    continue
                }
            }
            for initial in index..<end { words.append(word(initial)) }
            index = end
        }
        return words.filter { !legalForms.contains($0) && !particles.contains($0) && !fillers.contains($0) }
    }

    static let legalForms: Set<String> = [
        "bv", "nv", "vof", "cv", "bvba", "bvb", "sprl", "srl", "sa", "sas", "sarl", "eurl", "gmbh", "mbh", "ag", "kg",
        "ohg", "ek", "ug", "gbr", "ev", "kgaa", "ltd", "limited", "llc", "llp", "lp", "plc", "inc", "incorporated",
        "corp", "corporation", "co", "company", "oy", "oyj", "ab", "as", "asa", "aps", "spa", "sl", "sro", "kft",
        "vzw", "asbl", "cvba", "scrl", "holding",
    ]

    static let particles: Set<String> = [
        "van", "de", "der", "den", "het", "ter", "ten", "te", "op", "in", "von", "vom", "zu", "zum", "zur",
        "di", "da", "du", "des", "del", "della", "la", "le", "dos", "das", "do", "y",
    ]

    /// Salutations and connecting words.
    static let fillers: Set<String> = [
        "en", "and", "und", "et", "of", "eo", "dhr", "mevr", "mw", "mr", "mrs", "ms", "herr", "frau", "fam",
        "familie", "firma", "fa", "heer", "mevrouw",
    ]
}
