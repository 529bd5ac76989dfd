/// Whose words a coded passage holds, and on what grounds.
///
/// The rule (README, "Who said it"): a coding counts for the segment's speaker; in workshop and
/// policy-lab notes for the people a note names as its authors, else for the members of the
/// smallest enclosing group that declares them; otherwise it is a group note that counts for
/// nobody in particular — never for everyone in the document.
public struct Attribution: Sendable, Hashable {
    public enum Basis: String, Sendable, Hashable, Codable, CaseIterable {
        /// A turn spoken by a participant.
        case speaker
        /// A note that names its authors: "… borde (R11)".
        case named
        /// A note under a group heading whose members are declared ("Deltagare: R01, R08.").
        case group
        /// A note with no declared group (plenary, station summary, an interview's preamble).
        case groupNote = "group-note"
        /// A turn by someone who is not a participant (the interviewer, a facilitator).
        case nonParticipant = "non-participant"
    }

    public var participants: [String]
    public var basis: Basis
    /// The heading line of the group the passage was attributed through (group and group notes).
    public var group: String?

    public init(participants: [String], basis: Basis, group: String? = nil) {
        self.participants = participants
        self.basis = basis
        self.group = group
    }

    /// Whether the passage counts for individual people at all.
    public var isIndividual: Bool { !participants.isEmpty }
}
