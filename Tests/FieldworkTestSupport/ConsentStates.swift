import Foundation

/// Participants in different consent states, each to be given one word nobody else says: the
/// table the consent tests of the CLI and of the web routes both check every output against.
public enum ConsentStates {
    /// id, the consent lines of participants.yaml, whether their words may appear, and whether
    /// they may be quoted.
    public typealias Person = (id: String, consent: String, words: Bool, quotes: Bool)

    public static let basic: [Person] = [
        ("R21", "- {id: c1, date: 2025-01-01, scopes: [interview, quote]}", true, true),
        // Withdrawn after the interview (the usual case): nothing of theirs appears any more.
        ("R22", "- {id: c2, date: 2025-01-01, scopes: [interview, quote], withdrawn: 2025-06-01}", false, false),
        ("R23", "- {id: c3, date: 2025-01-01, scopes: [interview]}", true, false),
        ("R24", "- {id: c4, date: 2025-01-01, scopes: [telemetry]}", false, false),
        // A withdrawal dated in the future has not happened yet.
        ("R25", "- {id: c5, date: 2025-01-01, scopes: [interview, quote], withdrawn: 2099-01-01}", true, true),
    ]

    /// participants.yaml with two residents who consented to interviews and quotes, R21 and R22;
    /// R22 withdrew after the interview when `secondWithdrawn`.
    public static func twoResidents(secondWithdrawn: Bool) -> String {
        """
        participants:
          - id: R21
            role: resident
            consents:
              - {id: c1, date: 2025-01-01, scopes: [interview, quote]}
          - id: R22
            role: resident
            consents:
              - {id: c2, date: 2025-01-01, scopes: [interview, quote]\(secondWithdrawn ? ", withdrawn: 2025-06-01" : "")}

        """
    }

    /// Withdraws every consent R01 gave in the sample study's register (`corpus/participants.yaml`
    /// under `workspace`): a withdrawal dated 2026-01-10 after each of R01's two `given` events.
    /// Fails if the sample no longer holds those events, so a test cannot pass on an unchanged register.
    public static func withdrawSampleR01(in workspace: URL) throws {
        let register = workspace.appending(path: "corpus/participants.yaml")
        let withdrawal = "          - {event: withdrawn, date: 2026-01-10, by: Bo, how: letter}\n"
        var text = try String(contentsOf: register, encoding: .utf8)
        for given in [#"          - {event: given, date: 2025-02-20, by: Anna, how: "signed paper form, read aloud"}"# + "\n",
                      "          - {event: given, date: 2025-05-06, by: Bo, how: signed paper form}\n"] {
            guard text.contains(given) else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: register.path]) }
            text = text.replacingOccurrences(of: given, with: given + withdrawal)
        }
        try text.write(to: register, atomically: true, encoding: .utf8)
    }
}
