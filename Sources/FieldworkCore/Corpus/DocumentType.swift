/// The kinds of corpus documents; each kind is segmented its own way.
public enum DocumentType: String, Sendable, Codable, CaseIterable {
    case interview
    case workshop
    case policyLab = "policy-lab"
    case note

    /// Interviews are split into speaker turns; the others by heading, note by note.
    public var segmentsBySpeaker: Bool { self == .interview }
}
