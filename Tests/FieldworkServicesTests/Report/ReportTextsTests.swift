@testable import FieldworkServices
import Testing

@Suite struct ReportTextsTests {
    /// "1 passages are not quoted" in the English report (found by a new user).
    @Test func oneWithheldPassageIsSaidInTheSingular() {
        #expect(ReportTexts.english.withheldNote(1) == "1 passage is not quoted, because we do not have consent to quote it.")
        #expect(ReportTexts.english.withheldNote(3) == "3 passages are not quoted, because we do not have consent to quote them.")
        #expect(ReportTexts.swedish.withheldNote(1).hasPrefix("1 avsnitt citeras inte"))
    }
}
