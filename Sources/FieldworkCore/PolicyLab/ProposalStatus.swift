/// Where a policy-lab proposal stands. A facilitator writes it in the notes' language
/// (`Status: beslutad` or `Status: decided`); the register keeps the English word.
public enum ProposalStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case proposed
    case decided
    case inProgress = "in progress"
    case done
    case rejected

    /// The words accepted after `Status:`, lower-cased, Swedish and English.
    static let words: [String: ProposalStatus] = [
        "proposed": .proposed, "föreslagen": .proposed, "föreslaget": .proposed,
        "decided": .decided, "beslutad": .decided, "beslutat": .decided,
        "in progress": .inProgress, "in-progress": .inProgress, "pågår": .inProgress, "pågående": .inProgress,
        "done": .done, "klar": .done, "klart": .done, "genomförd": .done, "genomfört": .done,
        "rejected": .rejected, "avslagen": .rejected, "avslaget": .rejected, "avslogs": .rejected,
    ]

    /// Reads a status word (case and surrounding spaces aside); nil for anything else.
    public init?(word: String) {
        let key = word.trimmingPolicyLabSpace().lowercased()
        guard let status = Self.words[key] else { return nil }
        self = status
    }

    /// The accepted words, for the message that names an unknown one.
    public static let accepted = "proposed, decided, in progress, done or rejected (föreslagen, beslutad, pågår, klar, avslagen)"
}

extension String {
    /// Without leading and trailing spaces and tabs (no Foundation needed).
    func trimmingPolicyLabSpace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
