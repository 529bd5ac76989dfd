import FieldworkCore
import Foundation

/// Prints HTML to PDF with headless Chromium (Debian package `chromium`).
public enum ChromiumPrinter {
    public static func pdf(html: SafeHTML) async throws -> Data {
        guard let chromium = ExternalProgram("chromium") ?? ExternalProgram("chromium-browser") ?? ExternalProgram("google-chrome") else {
            throw ExternalProgramError.notInstalled(program: "chromium", package: "chromium")
        }
        let folder = FileManager.default.temporaryDirectory.appending(path: "fieldwork-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appending(path: "handout.html"), output = folder.appending(path: "handout.pdf")
        try Data(html.rendered.utf8).write(to: page)
        // A private profile folder, so a running browser's profile lock never gets in the way.
        let result = try await chromium.run([
            "--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(folder.appending(path: "profile").path)",
            "--print-to-pdf=\(output.path)", page.absoluteString,
        ])
        guard result.status == 0, let pdf = try? Data(contentsOf: output), pdf.starts(with: Data("%PDF".utf8)) else {
            throw ExternalProgramError.failed(program: "chromium", status: result.status, stderr: result.stderr)
        }
        return pdf
    }
}
