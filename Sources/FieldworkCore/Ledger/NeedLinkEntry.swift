import Foundation

extension LedgerRecord {
    /// A need–solution link as the person who last changed it left it: linked (or linked again,
    /// with a new rationale or status) by `linked_by`, or removed by `removed.by`. Links travel in
    /// the same files as codings and memos, so a team shares them through git and a deleted
    /// `.fieldwork/` gets them back.
    ///
    /// A link has no version: it is made, replaced or removed whole, rarely, so the latest change
    /// wins (its time, then the changer's name, so every machine picks the same one). The record
    /// belongs in the file of the person who made that change.
    public struct NeedLinkEntry: Sendable, Hashable, Codable {
        public var need: String
        public var solution: String
        public var rationale: String
        public var status: NeedSolutionLink.Status
        public var linkedBy: String
        public var linkedAt: Date
        public var removed: Removal?

        enum CodingKeys: String, CodingKey {
            case need, solution, rationale, status, removed
            case linkedBy = "linked_by", linkedAt = "linked_at"
        }

        public init(_ link: NeedSolutionLink, removed: Removal? = nil) {
            need = link.needID
            solution = link.solutionID
            rationale = link.rationale
            status = link.status
            linkedBy = link.linkedBy
            linkedAt = link.linkedAt
            self.removed = removed
        }

        public var link: NeedSolutionLink {
            NeedSolutionLink(needID: need, solutionID: solution, rationale: rationale, status: status,
                             linkedBy: linkedBy, linkedAt: linkedAt)
        }

        /// One id per need and solution, whoever links them: `link:need.safety.night>door-sensor`.
        public static func id(need: String, solution: String) -> String { "link:\(need)>\(solution)" }
        public var id: String { Self.id(need: need, solution: solution) }
        /// Who made this state of the link: whose file it belongs in.
        public var changedBy: String { removed?.by ?? linkedBy }
        public var changedAt: Date { removed?.at ?? linkedAt }
    }
}
