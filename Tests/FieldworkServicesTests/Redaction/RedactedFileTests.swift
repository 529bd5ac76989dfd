import FieldworkCore
@testable import FieldworkServices
import Testing

/// Replacements in the front matter: as they are, quoted, or refused with the file and line.
@Suite struct RedactedFileTests {
    static let redactions = Redactions([.init(identifier: "Anna Svensson", replacement: "[R07]", line: 2)])

    static func redacted(_ text: String) throws -> String {
        let scalars = Array(text.unicodeScalars)
        return try RedactedFile.text(scalars, matches: redactions.matches(in: scalars), path: "corpus/x.md")
    }

    @Test func aWholeValueIsQuotedAndAWordInsideAValueIsNot() throws {
        let text = try Self.redacted("---\nid: x\ninterviewer: Anna Svensson\ntitle: Med Anna Svensson\npeople: [Anna Svensson, Bo]\n---\n\nAnna Svensson sa\n")
        #expect(text == "---\nid: x\ninterviewer: \"[R07]\"\ntitle: Med [R07]\npeople: [\"[R07]\", Bo]\n---\n\n\\[R07] sa\n", "\(text)")
        #expect(try Self.redacted("---\nid: x\ntitle: Med Anna Svensson\n---\n\ntext\n") == "---\nid: x\ntitle: Med [R07]\n---\n\ntext\n")
    }

    /// Inside an element of a flow list neither way keeps the YAML: nothing is written.
    @Test func aReplacementTheFrontMatterCannotTakeNamesTheLine() throws {
        #expect(throws: SourceProblem.self) {
            try Self.redacted("---\nid: x\npeople: [Bo, Hos Anna Svensson]\n---\n\ntext\n")
        }
        do {
            _ = try Self.redacted("---\nid: x\npeople: [Bo, Hos Anna Svensson]\n---\n\ntext\n")
        } catch let problem as SourceProblem {
            #expect(problem.location.file == "corpus/x.md" && problem.location.line == 3)
            #expect(problem.message.contains("corpus/redactions.yaml:2"))
        }
    }
}
