import FieldworkCore

/// The actor map's drawn words in Swedish for the study report, which the CLI writes too (the
/// Actors page takes the same words from the interface's message catalogue).
extension ActorMapLabels {
    static let swedishReport: ActorMapLabels = {
        var labels = ActorMapLabels()
        labels.title = "Aktörskarta"
        labels.legend = "Teckenförklaring"
        labels.key = "Nyckel till de numrerade linjerna"
        labels.declaredRelation = "angiven relation (streckad)"
        labels.nodeKind = { kind in clusters[kind.clusterName] ?? kind.displayName }
        labels.edgeKind = { kind in "\(names[kind.name] ?? kind.name): " + (edges[kind.name] ?? kind.meaning) }
        labels.relation = { kind in
            if case .declared(let declared) = kind { return relations[declared] ?? declared.words }
            return names[kind.name] ?? kind.name
        }
        labels.evidence = { kind, count in "\(count) " + (units[kind.unit].map { count == 1 ? $0.one : $0.other } ?? kind.unit) }
        return labels
    }()

    private static let clusters = [
        "administration": "Förvaltning", "authority": "Myndighet", "barrier": "Hinder", "civil-society": "Civilsamhälle",
        "company": "Företag", "need": "Behov", "precondition": "Förutsättning", "proposed": "Nämnd av invånare (förslag)",
        "research": "Forskning", "resident-group": "Invånargrupp", "solution": "IoT-lösning",
    ]

    private static let edges = [
        "co-occurs": "förekommer i samma segment", "involved-in": "förvaltning för behovets invånare",
        "named-with": "nämns i samma segment", "serves": "lösning för ett gemensamt behov",
    ]

    private static let names = ["co-occurs": "samförekommer", "involved-in": "berörs", "named-with": "nämns med", "serves": "tjänar"]

    private static let relations: [DeclaredRelation.Kind: String] = [
        .funds: "finansierar", .supports: "stöder", .informs: "informerar", .providesDataTo: "lämnar data till",
        .refersTo: "remitterar till",
    ]

    private static let units = [
        "administrations": (one: "förvaltning", other: "förvaltningar"), "declarations": (one: "angivelse", other: "angivelser"),
        "residents": (one: "invånare", other: "invånare"), "segments": (one: "segment", other: "segment"),
    ]
}
