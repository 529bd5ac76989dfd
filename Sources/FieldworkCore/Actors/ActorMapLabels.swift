/// The words an actor map draws besides names: the title, cluster and legend labels. English by
/// default (exports); the Actors page passes its interface language's words from the message
/// catalogue, so a Swedish page never shows an English legend.
public struct ActorMapLabels: Sendable {
    public var title = "Actor map"
    public var legend = "Legend"
    public var key = "Key to the numbered lines"
    public var declaredRelation = "declared relation (dashed)"
    public var nodeKind: @Sendable (ActorGraph.NodeKind) -> String = { $0.displayName }
    /// An edge kind with what it means: `involved-in: administration of a need's residents`.
    public var edgeKind: @Sendable (ActorGraph.EdgeKind) -> String = { "\($0.name): \($0.meaning)" }
    /// An edge's relation in the key: a declared one in words (`provides data to`), a derived one
    /// by its name (`involved-in`, which the legend explains).
    public var relation: @Sendable (ActorGraph.EdgeKind) -> String = { kind in
        if case .declared(let declared) = kind { return declared.words }
        return kind.name
    }
    /// A need–solution link's status, the note of a `serves` line: `piloted`.
    public var linkStatus: @Sendable (NeedSolutionLink.Status) -> String = { $0.rawValue }
    /// An evidence count with its unit: `3 residents`.
    public var evidence: @Sendable (ActorGraph.EdgeKind, Int) -> String = { $0.counted($1) }

    public init() {}

    public static let english = ActorMapLabels()
}
