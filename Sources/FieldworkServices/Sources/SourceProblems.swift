import FieldworkCore

/// Several problems found in one file; the file as a whole is refused.
public struct SourceProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [SourceProblem]

    /// In line order within each file, the files in the order they were found: the checks run one
    /// kind of problem after another, and a list going 8, 3, 5, 7 is hard to work through.
    public init(_ problems: [SourceProblem]) {
        var fileOrder: [String: Int] = [:]
        for problem in problems where fileOrder[problem.location.file] == nil { fileOrder[problem.location.file] = fileOrder.count }
        self.problems = problems.enumerated().sorted { a, b in
            let left = (fileOrder[a.element.location.file]!, a.element.location.line, a.offset)
            let right = (fileOrder[b.element.location.file]!, b.element.location.line, b.offset)
            return left < right
        }.map(\.element)
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
