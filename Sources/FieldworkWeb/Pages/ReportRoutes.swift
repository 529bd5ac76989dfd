import FieldworkCore
import FieldworkServices
import Foundation
import Hummingbird

/// `/report`: the study report in the browser (`?lang=sv|en`, `?for_publication=1`), the same
/// document `fieldwork report` writes, with a toolbar (in the interface's language, not printed)
/// linking its downloads. `/report/download?format=html|md|pdf` sends the file as an
/// attachment and records the export in the audit log, as the CLI does. The page links
/// `/static/report.css` instead of inline style (CSP).
struct ReportRoutes {
    let context: FieldworkContext

    func register(on router: Router<WebContext>) {
        router.get("/report", use: page)
        router.get("/report/download", use: download)
        router.get("/static/report.css") { _, _ in Response.stylesheet(ReportStylesheet.css) }
    }

    var service: StudyReportService { context.studyReport }

    /// The report a request asks for; an unknown language is refused, not ignored.
    func options(_ request: Request) throws -> StudyReportService.Request {
        let form = request.uri.form
        let language = try form.language(among: ReportTexts.languages, subject: "the report is")
        return .init(language: language, forPublication: form.flag("for_publication"))
    }

    @Sendable func page(_ request: Request, context web: WebContext) async throws -> Response {
        let options = try self.options(request)
        let report = try await service.report(options)
        let toolbar = Self.toolbar(options: options, language: report.language, t: Localizer(web.language))
        let html = ReportHTMLRenderer.render(report, styling: .linked(stylesheet: "/static/report.css", toolbar: toolbar))
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    @Sendable func download(_ request: Request, context web: WebContext) async throws -> Response {
        let options = try self.options(request)
        let format = request.uri.form.get("format") ?? "html"
        guard ["html", "md", "pdf"].contains(format) else { throw APIError(.badRequest, "bad_request", "format must be html, md or pdf") }
        let report = try await service.report(options)
        var metadata = report.metadata
        let redactions = try context.workspace.redactions()
        let body: ByteBuffer
        let type: String
        switch format {
        case "md":
            body = ByteBuffer(string: metadata.redact(ReportMarkdownRenderer.render(report), with: redactions))
            type = "text/markdown; charset=utf-8"
        case "pdf":
            // trusted: the renderer builds the report as SafeHTML; redaction swaps identifiers for corpus/redactions.yaml's pseudonyms.
            body = ByteBuffer(bytes: try await ChromiumPrinter.pdf(html: SafeHTML(trusted: metadata.redact(ReportHTMLRenderer.render(report), with: redactions))))
            type = "application/pdf"
        default:
            body = ByteBuffer(string: metadata.redact(ReportHTMLRenderer.render(report), with: redactions))
            type = "text/html; charset=utf-8"
        }
        try await context.recordExport("report-\(format)", to: nil, counts: ["needs": report.needs.count, "proposals": report.proposals.count],
                                       applied: metadata, metadata: ["file": "download", "language": report.language])
        let name = "report-\(report.language)\(options.forPublication ? "-publication" : "").\(format)"
        return Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""], body: .init(byteBuffer: body))
    }

    /// Downloads in each format, the report in the other language, with or without small counts.
    static func toolbar(options: StudyReportService.Request, language: String, t: Localizer) -> SafeHTML {
        func query(language: String, publication: Bool, format: String? = nil) -> String {
            "?lang=\(language)" + (publication ? "&for_publication=1" : "") + (format.map { "&format=\($0)" } ?? "")
        }
        let downloads: [SafeHTML] = ["html", "md", "pdf"].map { format in
            "<a href=\"/report/download\(query(language: language, publication: options.forPublication, format: format))\" download>\(t("report.download.\(format)"))</a>"
        }
        let languages: [SafeHTML] = ReportTexts.languages.filter { $0 != language }.map { other in
            "<a href=\"/report\(query(language: other, publication: options.forPublication))\" hreflang=\"\(other)\">\(t("report.in.\(other)"))</a>"
        }
        let publication: SafeHTML = "<a href=\"/report\(query(language: language, publication: !options.forPublication))\">\(t(options.forPublication ? "report.allCounts" : "report.forPublication"))</a>"
        return "<nav class=\"toolbar\" lang=\"\(t.language.rawValue)\" aria-label=\"\(t("report.toolbar"))\"><a href=\"/needs\">\(t("report.back"))</a>\(downloads)\(languages)\(publication)</nav>"
    }
}
