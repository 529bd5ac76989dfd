import Foundation

/// The page count of a PDF's page tree (`/Type /Pages … /Count N`), for tests of printed output.
public enum PDFPages {
    public static func count(_ pdf: Data) -> Int? {
        let text = String(decoding: pdf, as: UTF8.self)
        guard let match = text.firstMatch(of: /\/Type\s*\/Pages[^>]*?\/Count\s+(\d+)/) ?? text.firstMatch(of: /\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages/) else { return nil }
        return Int(match.1)
    }

    /// Whether Debian's Chromium (which prints the PDFs) is installed.
    public static var chromiumInstalled: Bool {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].contains(where: FileManager.default.isExecutableFile)
    }
}
