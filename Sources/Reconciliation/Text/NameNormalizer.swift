/// Turns a person or company name into the tokens names are compared on.
///
/// Case, accents (`ä`→`a`, `ß`→`ss`, `ø`→`o`, `ĳ`→`ij`) and punctuation go; legal forms (`B.V.`,
/// `GmbH`, `Ltd`…), Dutch and German particles (`van`, `de`, `der`, `von`…), salutations and
/// connecting words carry no identity and are dropped. The order of the remaining tokens is not
/// significant, so `Vries, J. de` and `J. de Vries` give the same tokens `j`, `vries`.
enum NameNormalizer {
    /// The identifying tokens of `name`, lower-case ASCII; single letters are initials.
    static func tokens(_ name: some StringProtocol, limit: Int = 300) -> [String] {
        let raw = TextSegment.split(name.replacingApostrophes(), limit: limit)
        var words: [String] = []
        // Glue runs of single letters (`B.V.` → `bv`, `V.O.F.` → `vof`) when they spell a legal form.
        var index = raw.startIndex
        while index < raw.endIndex {
            let segment = raw[index]
            if segment.text.count == 1 && !segment.isDigits {
                var end = index
                while end < raw.endIndex && raw[end].text.count == 1 && !raw[end].isDigits { end += 1 }
                let joined = raw[index..<end].map(\.text).joined().lowercased()
                if end - index > 1 && legalForms.contains(joined) {
                    index = end
                    continue
                }
                words.append(contentsOf: raw[index..<end].map { $0.text.lowercased() })
                index = end
                continue
            }
            words.append(segment.text.lowercased())
            index += 1
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

extension StringProtocol {
    /// Removes apostrophes so `'t Hoen` and `O'Brien` keep their words whole.
    fileprivate func replacingApostrophes() -> String {
        String(unicodeScalars.filter { $0 != "'" && $0 != "\u{2019}" && $0 != "`" }.map(Character.init))
    }
}
