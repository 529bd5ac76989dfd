import FieldworkCore

/// Several problems found in one file; the file as a whole is refused.
public struct SourceProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [SourceProblem]

    public init(_ problems: [SourceProblem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

extension SourceProblems {
    /// Runs a check and returns the problems it found in the files (one or several) instead of
    /// throwing them: what the `check` commands report. Other errors are thrown.
    public static func collecting(_ check: () async throws -> Void) async throws -> [SourceProblem] {
        do {
            try await check()
            return []
        } catch let found as SourceProblems {
            return found.problems
        } catch let problem as SourceProblem {
            return [problem]
        }
    }
}
