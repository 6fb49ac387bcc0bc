/// Word lists for realistic Dutch, German and Belgian customer names and places.
enum NameBook {
    static let dutchTrades = ["Bakkerij", "Installatiebedrijf", "Autobedrijf", "Hoveniersbedrijf", "Drukkerij",
                              "Schildersbedrijf", "Transportbedrijf", "Adviesbureau", "Timmerbedrijf", "Loodgietersbedrijf"]
    static let dutchSurnames = ["Jansen", "de Vries", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
                                "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker"]
    static let dutchForms = ["B.V.", "V.O.F.", "", "B.V.", "& Zn."]
    static let dutchInitials = ["P.", "J.", "A.M.", "K.", "W.J.", "M.", "E.", "H."]
    static let dutchCities = ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Groningen", "Zwolle", "Breda", "Haarlem",
                              "Nijmegen", "Leeuwarden", "Delft", "Amersfoort"]

    static let germanTrades = ["Bäckerei", "Elektro", "Metallbau", "Schreinerei", "Spedition", "Ingenieurbüro",
                               "Malerbetrieb", "Gärtnerei"]
    static let germanSurnames = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
                                 "Hoffmann", "Schäfer", "Koch", "Größer"]
    static let germanForms = ["GmbH", "GmbH & Co. KG", "e.K.", "AG", "GmbH"]
    static let germanInitials = ["K.", "M.", "H.-J.", "S.", "T.", "A."]
    static let germanCities = ["Köln", "Düsseldorf", "Münster", "Aachen", "Essen", "Duisburg", "Hamburg", "München",
                               "Frankfurt am Main", "Osnabrück"]

    static let belgianTrades = ["Brouwerij", "Bouwbedrijf", "Garage", "Slagerij", "Houthandel"]
    static let belgianSurnames = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens"]
    static let belgianForms = ["BV", "NV", "BVBA", "CommV"]
    static let belgianCities = ["Antwerpen", "Gent", "Brugge", "Leuven", "Hasselt", "Mechelen"]

    static let suppliers = ["Kantoorvakhandel Noord B.V.", "Staalhandel Rijnmond B.V.", "Würth Nederland B.V.",
                            "Technische Unie B.V.", "Eneco Zakelijk", "KPN B.V.", "Vodafone Libertel B.V.",
                            "Shell Nederland Verkoop B.V.", "Bouwmaat Rotterdam", "Hornbach Bouwmarkt"]
    static let strangers = ["J. de Wit", "M. Yilmaz", "S. Bouzid", "R. van den Berg", "L. Janssen", "T. Nguyen"]
    static let employees = ["D. Kok", "F. Willemsen", "A. El Amrani", "N. Brouwer", "R. Schouten", "I. Postma",
                            "G. Huisman", "B. Koster"]
}
