/// A problem of the policy-lab notes (an unknown status, a malformed date, an unknown code),
/// naming file and line.
///
/// Kept as what went wrong plus the words involved rather than as one English sentence, so
/// that the `/register` page can say it in the reader's language (`register.problem.<kind>` in
/// the message catalogue, filled with `values`); `message` is the English the CLI prints.
public struct RegisterProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case emptyField, unknownStatus, secondStatus, malformedDate, unknownCode, notAnswerable, unknownSolution
    }

    public var location: SourceLocation
    public var kind: Kind
    /// The words the message names, by placeholder: `proposal`, `label`, `value`, `code`,
    /// `kind`, `solution`, `statuses`.
    public var values: [String: String]

    public init(file: String, line: Int, _ kind: Kind, _ values: [String: String]) {
        location = SourceLocation(file: file, line: line)
        self.kind = kind
        self.values = values
    }

    /// The English sentence (CLI, ingest warnings, the API).
    public var message: String {
        func v(_ key: String) -> String { values[key] ?? "" }
        switch kind {
        case .emptyField: return "\(v("label")): is empty in proposal \(v("proposal"))"
        case .unknownStatus: return "unknown status \"\(v("value"))\" in proposal \(v("proposal")); write \(v("statuses"))"
        case .secondStatus:
            return "proposal \(v("proposal")) has a second status \"\(v("value"))\" in this document; write one status per session (or a `\(v("label")):` in a later document)"
        case .malformedDate:
            return "malformed date \"\(v("value"))\" after \(v("label")): in proposal \(v("proposal")); write YYYY-MM-DD, e.g. 2026-02-12"
        case .unknownCode: return "unknown code \"\(v("code"))\" in proposal \(v("proposal")): it is not in the codebook"
        case .notAnswerable:
            return "\"\(v("code"))\" is a code of kind \(v("kind")); a proposal answers needs, barriers and preconditions"
        case .unknownSolution:
            return "unknown solution \"\(v("solution"))\" in proposal \(v("proposal")): it is not in codebooks/solutions.yaml"
        }
    }

    /// The message catalogue's key for this problem on the page.
    public var catalogueKey: String { "register.problem.\(kind.rawValue)" }

    public var sourceProblem: SourceProblem { SourceProblem(location, message) }

    public var description: String { sourceProblem.description }
}
