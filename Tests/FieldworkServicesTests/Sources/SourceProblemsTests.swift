import FieldworkCore
import FieldworkServices
import Testing

@Suite struct SourceProblemsTests {
    /// Checks find one kind of problem after another; the list reads top to bottom per file, the
    /// files in the order they were found, problems on one line as they came.
    @Test func problemsAreListedInLineOrderWithinEachFile() {
        let found = SourceProblems([
            SourceProblem(file: "corpus/b.md", line: 8, "eighth"),
            SourceProblem(file: "corpus/b.md", line: 3, "third"),
            SourceProblem(file: "corpus/a.md", line: 2, "a, second"),
            SourceProblem(file: "corpus/b.md", line: 5, "fifth"),
            SourceProblem(file: "corpus/b.md", line: 3, "third, again"),
            SourceProblem(file: "corpus/b.md", line: 0, "the whole file"),
        ])
        #expect(found.problems.map(\.message) == ["the whole file", "third", "third, again", "fifth", "eighth", "a, second"])
    }
}
