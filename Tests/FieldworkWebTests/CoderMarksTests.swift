@testable import FieldworkWeb
import Testing

/// Margin chips tell up to eight coders of a document apart by border (a fifth coder's chip
/// looked like the first's when there were four styles); the ninth shares the first's.
@Suite struct CoderMarksTests {
    @Test func eightCodersHaveEightStylesInOrderOfAppearance() {
        let coders = (1...9).map { "Coder \($0)" }
        let marks = CoderMarks(coders: coders + ["Coder 1"])
        let classes = coders.map(marks.styleClass(of:))
        #expect(classes.prefix(8) == ["coder-1", "coder-2", "coder-3", "coder-4", "coder-5", "coder-6", "coder-7", "coder-8"])
        #expect(classes[8] == "coder-1")
    }
}
