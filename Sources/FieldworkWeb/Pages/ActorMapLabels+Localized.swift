import FieldworkCore

extension ActorMapLabels {
    /// The map's words in the page's language, from the message catalogue (`actors.map.*`).
    static func localized(_ t: Localizer) -> ActorMapLabels {
        var labels = ActorMapLabels()
        labels.title = t("actors.title")
        labels.legend = t("actors.map.legend")
        labels.key = t("actors.key.caption")
        labels.declaredRelation = t("actors.map.declared")
        labels.nodeKind = { kind in t("actors.map.kind.\(kind.clusterName)") }
        // A derived relation's name in the page's language too ("co-occurs" stood on Swedish pages).
        labels.edgeKind = { kind in "\(t("actors.map.name.\(kind.name)")): " + t("actors.map.edge.\(kind.name)") }
        labels.relation = { kind in
            if case .declared(let declared) = kind { return t("actors.relation.\(declared.rawValue)") }
            return t("actors.map.name.\(kind.name)")
        }
        labels.evidence = { kind, count in t.count("actors.unit.\(kind.unit)", count) }
        labels.linkStatus = { status in t("link.status.\(status.rawValue)") }
        return labels
    }
}
