import Foundation
import Hummingbird

/// The browser files (HTML-free: CSS, JavaScript modules, the OpenAPI document), loaded from
/// the package resources once at start-up and served from memory.
struct StaticAssets: Sendable {
    struct Asset: Sendable {
        let bytes: ByteBuffer
        let contentType: String
    }

    private let assets: [String: Asset]

    /// The interface's stylesheet is written as parts, one concern each (`Static/styles/`, each
    /// kept under ~400 lines), and served as one `app.css`, joined in this order (the cascade's).
    /// One file, not seven links: every page would otherwise make seven uncached requests
    /// (everything is served `no-store`), and `app.css` is the benchmarks' static-file floor.
    static let stylesheetParts = ["theme.css", "layout.css", "reader.css", "codings.css", "pages.css", "responsive.css", "views.css"]

    init() throws {
        guard let folder = Bundle.module.url(forResource: "Static", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "the Static resources are missing from the bundle"])
        }
        var assets: [String: Asset] = [:]
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        for name in names {
            let type: String
            switch (name as NSString).pathExtension {
            case "css": type = "text/css; charset=utf-8"
            case "js": type = "text/javascript; charset=utf-8"
            case "json": type = "application/json; charset=utf-8"
            case "svg": type = "image/svg+xml"
            default: continue
            }
            let data = try Data(contentsOf: folder.appending(path: name))
            assets[name] = Asset(bytes: ByteBuffer(bytes: data), contentType: type)
        }
        let styles = try Self.stylesheetParts.map { try Data(contentsOf: folder.appending(path: "styles/\($0)")) }
        assets["app.css"] = Asset(bytes: ByteBuffer(bytes: styles.joined(separator: Data("\n".utf8))), contentType: "text/css; charset=utf-8")
        self.assets = assets
    }

    func response(for name: String) -> Response? {
        guard let asset = assets[name] else { return nil }
        return Response(status: .ok, headers: [.contentType: asset.contentType], body: .init(byteBuffer: asset.bytes))
    }
}
