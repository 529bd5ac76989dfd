import FieldworkCore
import Foundation

/// `fieldwork redact --check` and `--apply`: where listed identifiers still occur, and
/// rewriting the corpus files without them while every coding stays on its words.
public struct RedactionService: Sendable {
    /// One occurrence: file and line, and which entry (by its line in redactions.yaml — the
    /// identifier itself is a real name and is never printed).
    public struct Finding: Sendable, Hashable, CustomStringConvertible {
        public var path: String
        public var line: Int
        public var entry: Redactions.Entry

        public var description: String {
            "\(path):\(line): identifier of corpus/redactions.yaml:\(entry.line) (to be replaced by \(entry.replacement))"
        }
    }

    public struct ApplyReport: Sendable {
        public var files: [String] = []
        public var occurrences = 0
        /// Codings moved to the redacted text before the ingest (their quote, context or memo changed).
        public var codingsMoved = 0
        public var ingest = IngestSummary()
    }

    /// Reads the text entries of an archive (a `.qdpx`), given by the caller that knows the format.
    public typealias ArchiveReader = @Sendable (URL) throws -> [(name: String, text: String)]

    let context: FieldworkContext

    public init(context: FieldworkContext) {
        self.context = context
    }

    /// Every occurrence in the corpus (except redactions.yaml itself), the codings files and the exports.
    public func check(archives: [String: ArchiveReader] = [:]) throws -> [Finding] {
        let workspace = context.workspace
        let redactions = try workspace.redactions()
        guard !redactions.isEmpty else { return [] }
        var findings: [Finding] = []
        for folder in [workspace.corpus, workspace.codingsFolder, workspace.exports] {
            for url in Self.files(under: folder) where url.standardizedFileURL != workspace.redactionsFile.standardizedFileURL {
                let path = workspace.relativePath(of: url)
                if let reader = archives[url.pathExtension.lowercased()] {
                    for entry in (try? reader(url)) ?? [] {
                        findings += Self.find(redactions, in: entry.text, path: "\(path)/\(entry.name)")
                    }
                } else if let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) {
                    findings += Self.find(redactions, in: text.precomposedStringWithCanonicalMapping, path: path)
                }
            }
        }
        return findings
    }

    static func find(_ redactions: Redactions, in text: String, path: String) -> [Finding] {
        var findings: [Finding] = []
        var number = 0
        // By scalars: "\r\n" is one Character, so splitting the String on "\n" never split a CRLF
        // file (every CSV export) and reported everything on line 1.
        for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            for match in redactions.matches(in: Array(line)) {
                findings.append(Finding(path: path, line: number, entry: match.entry))
            }
        }
        return findings
    }

    static func files(under folder: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        return enumerator.compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path < $1.path }
    }

    /// Rewrites every corpus Markdown file holding an identifier. First each coding of those
    /// documents is carried to its place in the redacted text (offsets through the edits, quote,
    /// context and memo redacted; an event `reattached` by `redact` in its history), then the
    /// files are written and ingested: the new text has every coding's quote exactly at its
    /// offsets, so re-anchoring keeps them where they are. Replacements are written escaped, so
    /// the plain text of the new file is exactly the redacted plain text.
    public func apply() async throws -> ApplyReport {
        let workspace = context.workspace
        let redactions = try workspace.redactions()
        var report = ApplyReport()
        guard !redactions.isEmpty else { return report }
        let sources = try await context.store.sourceFiles()
        // Every file's new text first: a file that cannot take a replacement stops the redaction
        // before any coding is moved or any file written.
        var rewrites: [(url: URL, path: String, text: String)] = []
        for url in Self.files(under: workspace.corpus) where ["md", "markdown"].contains(url.pathExtension.lowercased()) {
            let source = try SourceText.read(url, path: workspace.relativePath(of: url))
            let scalars = Array(source.text.unicodeScalars)
            let found = redactions.matches(in: scalars)
            guard !found.isEmpty else { continue }
            rewrites.append((url, source.path, try RedactedFile.text(scalars, matches: found, path: source.path)))
            report.files.append(source.path)
            report.occurrences += found.count
        }
        for rewrite in rewrites {
            if let documentID = sources[rewrite.path]?.documentID {
                report.codingsMoved += try await carryCodings(of: documentID, through: redactions)
            }
        }
        for rewrite in rewrites { try ExportFile.write(rewrite.text, to: rewrite.url, permissions: nil) }
        report.ingest = try await context.ingest.ingest()
        // The codings files keep every person's earlier records (quotes, context, memos), and
        // the ingest has just written the carried codings out: the old records are redacted
        // in place (replacements are JSON-safe words, so every line stays valid).
        for url in Self.files(under: workspace.codingsFolder) where url.pathExtension == "jsonl" {
            let text = try String(contentsOf: url, encoding: .utf8)
            let (redacted, count) = redactions.apply(text)
            guard count > 0 else { continue }
            try ExportFile.write(redacted, to: url, permissions: nil)
            report.files.append(workspace.relativePath(of: url))
            report.occurrences += count
        }
        return report
    }

    /// Moves the document's codings to the redacted text; returns how many changed.
    private func carryCodings(of documentID: String, through redactions: Redactions) async throws -> Int {
        guard let document = try await context.store.document(id: documentID) else { return 0 }
        let mapped = redactions.map(ScalarText(document.plainText))
        guard mapped.count > 0 else { return 0 }
        let text = mapped.text.string
        var moved = 0
        for var coding in try await context.store.codings(CodingFilter(documentID: documentID, status: .anchored)) {
            let start = mapped.offset(coding.start), end = max(mapped.offset(coding.end, end: true), mapped.offset(coding.start) + 1)
            guard let anchor = TextQuoteAnchor(span: start..<end, inText: text) else { continue }
            let memo = coding.memo.map { redactions.apply($0).text }
            guard anchor != coding.anchor || memo != coding.memo else { continue }
            coding.anchor = anchor
            coding.memo = memo
            coding.version += 1
            coding.updatedAt = Coding.timestamp()
            coding.updatedBy = "redact"
            try await context.store.updateCoding(coding)
            moved += 1
        }
        return moved
    }
}
