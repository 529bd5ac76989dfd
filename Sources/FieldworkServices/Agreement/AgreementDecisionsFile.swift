import FieldworkCore
import Foundation

/// Decisions made elsewhere (another tool, a spreadsheet, a test): `fieldwork agreement
/// --decisions FILE.json` computes the same statistics from them as from the workspace.
///
/// ```json
/// {"coders": ["A", "B"], "codes": ["need"],
///  "units": [{"document": "int-001", "segment": 0, "applied": {"need": ["A"]}}]}
/// ```
/// Every coder decides every unit: a coder not listed under a code did not apply it. `codes` is
/// optional (default: every code applied, sorted); `start` and `end` of a unit are optional.
public enum AgreementDecisionsFile {
    struct Content: Decodable {
        struct Unit: Decodable {
            var document: String
            var segment: Int
            var start: Int?
            var end: Int?
            var applied: [String: [String]]?
        }

        var coders: [String]
        var codes: [String]?
        var units: [Unit]
    }

    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    public static func read(_ url: URL) throws -> AgreementDecisions {
        let name = url.lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw Problem(description: "\(name): cannot be read")
        }
        let content: Content
        do { content = try JSONDecoder().decode(Content.self, from: data) } catch let error as DecodingError {
            throw Problem(description: "\(name): \(Self.describe(error))")
        }
        return try decisions(content, name: name)
    }

    static func decisions(_ content: Content, name: String) throws -> AgreementDecisions {
        func problem(_ text: String) -> Problem { Problem(description: "\(name): \(text)") }
        let coders = Set(content.coders)
        guard coders.count == content.coders.count, !coders.contains("") else {
            throw problem("coders must be distinct, non-empty names")
        }
        var applied: [String: [Int: Set<String>]] = [:]
        var seen = Set<String>()
        for (index, unit) in content.units.enumerated() {
            guard seen.insert("\(unit.document)\u{0}\(unit.segment)").inserted else {
                throw problem("units[\(index)]: document '\(unit.document)' segment \(unit.segment) is listed twice")
            }
            for (code, appliers) in unit.applied ?? [:] {
                if let stranger = appliers.first(where: { !coders.contains($0) }) {
                    throw problem("units[\(index)].applied.\(code): '\(stranger)' is not one of the coders")
                }
                if let codes = content.codes, !codes.contains(code) {
                    throw problem("units[\(index)].applied: '\(code)' is not one of the codes")
                }
                applied[code, default: [:]][index, default: []].formUnion(appliers)
            }
        }
        let units = content.units.map {
            AgreementUnit(documentID: $0.document, segmentIndex: $0.segment, start: $0.start ?? 0, end: $0.end ?? 0)
        }
        return AgreementDecisions(coders: content.coders, codes: content.codes ?? applied.keys.sorted(), units: units,
                                  applied: applied)
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "top level" : text)
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)): missing '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context): return "not JSON (\(path(context)))"
        @unknown default: return "not the expected JSON"
        }
    }
}
