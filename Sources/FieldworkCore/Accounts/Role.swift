/// What a team member may do on a team server (`fieldwork account create NAME --role ROLE`).
///
/// The routes each role may use are one table in the web face (`RoutePermissions`); the roles
/// themselves say what the study's people do:
public enum Role: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Reads transcripts, codes them and writes memos; edits the codebook.
    case researcher
    /// Prepares workshops: handouts, the codebook's questions, solutions and the policy-lab
    /// register — no raw transcripts.
    case facilitator
    /// Reads and compares: retrieval, matrices, agreement, search, exports; changes nothing.
    case analyst
    /// Everything, plus what concerns people: accounts, consent, erasure, the audit log.
    case admin

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// "researcher, facilitator, analyst, admin", for messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
