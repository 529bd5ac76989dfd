import Foundation

/// A need (a code of kind `need`) linked to a catalogue solution that might meet it, with why,
/// how far it got, who decided and when. Linking the same pair again replaces the earlier link.
public struct NeedSolutionLink: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case candidate
        case piloted
        case rejected
    }

    public var needID: String
    public var solutionID: String
    public var rationale: String
    public var status: Status
    public var linkedBy: String
    public var linkedAt: Date

    public init(needID: String, solutionID: String, rationale: String, status: Status = .candidate, linkedBy: String, linkedAt: Date) {
        self.needID = needID
        self.solutionID = solutionID
        self.rationale = rationale
        self.status = status
        self.linkedBy = linkedBy
        self.linkedAt = linkedAt
    }
}
