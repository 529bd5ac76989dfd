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

    public init() {}

    public static let english = ActorMapLabels()
}
