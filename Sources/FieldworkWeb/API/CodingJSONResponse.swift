import FieldworkCore
import FieldworkServices
import Hummingbird
import NIOCore

/// The answer to every coding write: the coding as `JSONText` writes it (the same bytes the
/// response encoder writes for `CodingOutput`'s `Encodable` form, which lists still use).
extension CodingOutput: ResponseGenerator {
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let bytes = jsonText
        return Response(status: .ok,
                        headers: [.contentType: "application/json; charset=utf-8", .contentLength: String(bytes.count)],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The keys in sorted order, snake_case, as `CodingOutput.CodingKeys` names them.
    var jsonText: [UInt8] {
        var json = JSONText()
        json.beginObject()
        json.key("anchor_method"); json.value(anchorMethod)
        json.key("code"); json.value(code)
        json.key("coder"); json.value(coder)
        json.key("created_at"); json.value(createdAt)
        json.key("document"); json.value(document)
        json.key("end"); json.value(end)
        json.key("id"); json.value(id)
        json.key("memo"); json.value(memo)
        json.key("prefix"); json.value(prefix)
        json.key("quote"); json.value(quote)
        json.key("start"); json.value(start)
        json.key("status"); json.value(status)
        json.key("suffix"); json.value(suffix)
        json.key("updated_at"); json.value(updatedAt)
        json.key("updated_by"); json.value(updatedBy)
        json.key("version"); json.value(version)
        json.key("withheld"); json.value(withheld)
        json.endObject()
        return json.bytes
    }
}
