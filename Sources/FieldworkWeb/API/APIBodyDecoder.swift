import FieldworkCore
import Foundation
import Hummingbird

/// The API's request bodies: JSON in snake_case; a body that does not fit says which field and
/// what is wrong in the API's own words ("`target` is missing", "`start` must be a number"), not
/// Swift's ("Coding key `target` not found.", "Cannot initialize Target from invalid String value").
public struct APIBodyDecoder: RequestDecoder {
    let json: JSONDecoder

    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        // As Hummingbird's own JSON path (the body collected up to the limit, decoded from the
        // buffer); only the words of a refusal are ours, and the check for U+0000.
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        // A plain body of a type that reads one (a coding write's): without `JSONDecoder`. It holds
        // no escape, so no U+0000 either.
        if let flat = T.self as? any FlatJSONDecodable.Type,
           let value = buffer.readableBytesView.withContiguousStorageIfAvailable({ FlatJSONObject($0).flatMap(flat.init(flat:)) }) ?? nil {
            return value as! T
        }
        let body = Data(buffer.readableBytesView)
        let value: T
        do {
            value = try json.decode(T.self, from: body)
        } catch let error as DecodingError {
            throw HTTPError(.badRequest, message: Self.problem(error, body: body))
        }
        if let field = Self.fieldHoldingNUL(body) {
            throw APIError(.unprocessableContent, "invalid", NULCharacter.problem(field: "`\(field)`"))
        }
        return value
    }

    /// The first field whose string holds U+0000 (JSON can carry it as `\u0000`; no store keeps
    /// it: `NULCharacter`), as the client wrote it; only bodies that spell it are parsed again.
    static func fieldHoldingNUL(_ body: Data) -> String? {
        guard body.range(of: Data("\\u0000".utf8)) != nil,
              let object = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) else { return nil }
        func find(_ value: Any, _ path: String) -> String? {
            switch value {
            case let text as String: return NULCharacter.isIn(text) ? path : nil
            case let object as [String: Any]:
                for key in object.keys.sorted() {
                    let here = path.isEmpty ? key : path + "." + key
                    if NULCharacter.isIn(key) { return here }
                    if let found = find(object[key]!, here) { return found }
                }
                return nil
            case let array as [Any]:
                return array.indices.lazy.compactMap { find(array[$0], path + "[\($0)]") }.first
            default: return nil
            }
        }
        return find(object, "")
    }

    /// `body`: where the decoder gives no field, the number it could not take is looked for there.
    static func problem(_ error: DecodingError, body: Data) -> String {
        if case .dataCorrupted(let context) = error, context.codingPath.isEmpty, let number = Self.wholeNumberProblem(in: body) {
            return number
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "`\(field(context.codingPath + [key]))` is missing"
        case .valueNotFound(_, let context):
            return "`\(field(context.codingPath))` must not be null"
        case .typeMismatch(let type, let context):
            return context.codingPath.isEmpty ? "the request body must be a JSON object" : "`\(field(context.codingPath))` must be \(kind(type))"
        case .dataCorrupted(let context):
            guard !context.codingPath.isEmpty else { return "the request body is not JSON" }
            // "Cannot initialize Kind from invalid String value x": the value, not the Swift type.
            let value = context.debugDescription.range(of: "invalid String value ").map { String(context.debugDescription[$0.upperBound...]) }
            return "`\(field(context.codingPath))` cannot be " + (value.map { "'\($0)'" } ?? "this value")
        @unknown default:
            return "the request body is not the expected JSON"
        }
    }

    /// Every number the API takes is a whole number Swift's `Int` holds, and a field given `1.5`
    /// or `99999999999999999999` made Linux's `JSONDecoder` refuse the whole body with no field
    /// ("not valid JSON"), which read as a syntax error. Nil when the body is not JSON, or every
    /// number fits.
    static func wholeNumberProblem(in body: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
        } catch {
            // The one refusal of JSON that is about a number's size ("Number 1e400 is not
            // representable"); any other is a syntax error.
            guard ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "").contains("not representable") else { return nil }
        }
        guard let number = JSONNumbers.all(in: body).first(where: { !$0.isInt }), !number.path.isEmpty else { return nil }
        let fraction = Double(number.text).map { $0.isFinite && $0 != $0.rounded() } ?? false
        return "`\(number.path)` must be a whole number" + (fraction ? "" : " from \(Int.min) to \(Int.max)") + ", not \(number.text)"
    }

    /// The field as the client wrote it: snake_case (the decoder converted it), `a.b[2]` for nesting.
    static func field(_ path: [any CodingKey]) -> String {
        path.reduce("") { text, key in
            if let index = key.intValue { return text + "[\(index)]" }
            let name = key.stringValue.reduce(into: "") { name, character in
                if character.isUppercase { name += "_" + character.lowercased() } else { name.append(character) }
            }
            return text.isEmpty ? name : text + "." + name
        }
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "another kind of value"
        }
    }
}
