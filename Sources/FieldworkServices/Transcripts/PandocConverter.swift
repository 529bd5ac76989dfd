import FieldworkCore
import Foundation

/// Turns a Word (`.docx`) or LibreOffice (`.odt`) document into plain text with pandoc (Debian
/// `pandoc`): paragraphs separated by a blank line, no wrapping, formatting dropped (a bold
/// `Anna:` becomes `Anna:`), which the plain transcript reader then splits into turns.
public enum PandocConverter {
    public static func plainText(of url: URL, format: String, displayPath: String) async throws -> String {
        guard let program = ExternalProgram("pandoc") else {
            throw ExternalProgramError.notInstalled(program: "pandoc", package: "pandoc")
        }
        let result = try await program.run(["--from", format, "--to", "plain", "--wrap=none", "--", url.path])
        guard result.status == 0 else {
            // pandoc names the file itself in most messages; say which one in any case.
            throw SourceProblem(file: displayPath, line: 0,
                                "pandoc could not read it as \(format) (status \(result.status)): "
                                    + result.stderr.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return try SourceText.decode(result.stdout, path: displayPath).text
    }
}
