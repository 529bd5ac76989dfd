import Foundation
import Hummingbird
import HummingbirdCore
import FieldworkServing
import Logging
import NIOCore

/// `hummingbird-floor PORT`: serves on 127.0.0.1:PORT (0: any free port, printed on stdout as
/// `listening on PORT`) until killed.
///   POST /api/codings  decodes Fieldwork's coding-write body and answers 201 with a small JSON
///   GET  /static/file  answers 30,000 bytes
/// Requests are handled on the event loop that reads their connection, as Fieldwork's are (its
/// `FieldworkServing` module): Hummingbird's default hands each to Swift's global pool and back,
/// which would make this floor costlier than Fieldwork's own static files.

struct CodingWrite: Decodable {
    let document: String
    let start: Int
    let end: Int
    let code: String
    let coder: String
}

let router = Router()
let file = ByteBuffer(repeating: UInt8(ascii: "x"), count: 30_000)
router.get("/static/file") { _, _ in Response(status: .ok, body: .init(byteBuffer: file)) }
router.post("/api/codings") { request, context -> Response in
    let write = try await request.decode(as: CodingWrite.self, context: context)
    let answer = #"{"document":"\#(write.document)","start":\#(write.start),"end":\#(write.end)}"#
    return Response(status: .created, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: answer)))
}

var logger = Logger(label: "hummingbird-floor")
logger.logLevel = .warning
let app = Application(
    router: router,
    server: .http1OnEventLoops(configuration: .init()),
    configuration: .init(address: .hostname("127.0.0.1", port: Int(CommandLine.arguments.dropFirst().first ?? "0") ?? 0)),
    onServerRunning: { channel in
        FileHandle.standardOutput.write(Data("listening on \(channel.localAddress?.port ?? 0)\n".utf8))
    },
    logger: logger
)
try await app.runService()
