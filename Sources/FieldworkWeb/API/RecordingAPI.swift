import FieldworkCore
import FieldworkServices
import Foundation
import Hummingbird

/// `/api/documents/{id}/recording`: a transcript's recording (`media:` in its front matter),
/// for the player on the document page. Behind the session like every route; in byte ranges so
/// the browser can seek; never cached (`no-store`, set on every response). Refused (403) when the
/// consent rule or an access restriction withholds it, or when its path leads out of the
/// workspace. Playing is a read, and the audit log records no reads, so it is not audited.
struct RecordingAPI {
    let context: FieldworkContext
    let files = FileIO()

    func register(on group: RouterGroup<WebContext>) {
        group.get("documents/{id}/recording", use: recording)
    }

    @Sendable func recording(_ request: Request, context web: WebContext) async throws -> Response {
        let id = try web.parameters.require("id")
        guard let recording = try await DocumentRecording.load(id, workspace: context.workspace, store: context.store) else {
            throw StoreError.notFound("document '\(id)'")
        }
        switch recording {
        case .none:
            throw APIError(.notFound, "no_recording", "document \(id) names no recording (media: in its front matter)")
        case .missing(let path):
            throw APIError(.notFound, "recording_missing", "the recording \(path) of document \(id) is not in the workspace")
        case .refused(let path):
            throw APIError(.forbidden, "recording_refused", "the recording \(path) of document \(id) lies outside the workspace")
        case .withheld(let reason):
            throw APIError(.forbidden, reason == .restricted ? "access_restricted" : "consent_withheld",
                           "the recording of document \(id) is withheld: \(reason.rawValue)")
        case .available(let file, let contentType, let size):
            return try await serve(file, contentType: contentType, size: size, request: request, web: web)
        }
    }

    private func serve(_ file: URL, contentType: String, size: Int, request: Request, web: WebContext) async throws -> Response {
        var headers: HTTPFields = [.contentType: contentType, .acceptRanges: "bytes"]
        let range = ByteRange.parse(request.headers[.range], length: size)
        switch range {
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(size)"
            throw APIError(.rangeNotSatisfiable, "range_not_satisfiable", "the recording has \(size) bytes", headers: headers)
        case .whole:
            headers[.contentLength] = String(size)
            if request.method == .head || size == 0 { return Response(status: .ok, headers: headers) }
            return Response(status: .ok, headers: headers, body: try await files.loadFile(path: file.path, range: 0...(size - 1), context: web))
        case .part(let part):
            headers[.contentRange] = "bytes \(part.lowerBound)-\(part.upperBound)/\(size)"
            headers[.contentLength] = String(part.count)
            if request.method == .head { return Response(status: .partialContent, headers: headers) }
            return Response(status: .partialContent, headers: headers, body: try await files.loadFile(path: file.path, range: part, context: web))
        }
    }
}
