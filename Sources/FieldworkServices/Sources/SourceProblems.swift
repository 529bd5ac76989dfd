import FieldworkCore

/// Several problems found in one file; the file as a whole is refused.
public struct SourceProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [SourceProblem]

    public init(_ problems: [SourceProblem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
