import FieldworkCore
import Foundation

/// Decodes `application/senml+json` (RFC 8428 §5): a JSON array of record objects. Checks the
/// JSON type of every known label; unknown labels are kept by name for the resolver to judge.
enum SenMLJSONDecoder {
    static func decode(_ data: Data) throws(SenMLDecodingError) -> [SenMLRecord] {
        do {
            return try JSONDecoder().decode([JSONRecord].self, from: data).map(\.record)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw syntaxError(in: data)
        } catch let error as DecodingError {
            throw SenMLDecodingError(error)
        } catch {
            throw SenMLDecodingError(index: nil, "not valid JSON")
        }
    }

    /// JSONDecoder says only "The given data was not valid JSON."; JSONSerialization says what
    /// and at which byte ("Invalid value around character 19."), which becomes line and column.
    static func syntaxError(in data: Data) -> SenMLDecodingError {
        let detail: String
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return SenMLDecodingError(index: nil, "not valid JSON")
        } catch {
            detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
        }
        var offset = data.count
        var problem = detail.hasSuffix(".") ? String(detail.dropLast()) : detail
        if let range = problem.range(of: " around character "), let number = Int(problem[range.upperBound...]) {
            offset = min(number, data.count)
            problem = String(problem[..<range.lowerBound])
        } else if problem.contains(" is not representable"), let number = JSONNumbers.all(in: data).first(where: { !$0.isInDoubleRange }) {
            // "Number 1e400 is not representable in Swift", with no place: the line and column
            // were the end of the file. The number is valid JSON; it is too large for a reading.
            return SenMLDecodingError(index: nil, line: line(at: number.offset, in: data), column: column(at: number.offset, in: data),
                                      "number \(number.text) is out of range (a reading's numbers lie within ±1.8e308)")
        }
        problem = problem.replacing(" during JSON parse", with: "")
        let text = problem.isEmpty ? "not valid JSON" : "not valid JSON: " + problem.prefix(1).lowercased() + problem.dropFirst()
        return SenMLDecodingError(index: nil, line: line(at: offset, in: data), column: column(at: offset, in: data), text)
    }

    /// The 1-based line of a byte offset.
    private static func line(at offset: Int, in data: Data) -> Int {
        data.prefix(offset).count { $0 == 0x0A } + 1
    }

    /// The 1-based column, in characters, of a byte offset.
    private static func column(at offset: Int, in data: Data) -> Int {
        String(decoding: data.prefix(offset).reversed().prefix { $0 != 0x0A }.reversed(), as: UTF8.self).count + 1
    }

    private struct Label: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private struct JSONRecord: Decodable {
        var record = SenMLRecord()

        init(from decoder: any Decoder) throws {
            let fields = try decoder.container(keyedBy: Label.self)
            for label in fields.allKeys {
                func text() throws -> String { try fields.decode(String.self, forKey: label) }
                func number() throws -> Double { try fields.decode(Double.self, forKey: label) }
                switch label.stringValue {
                case "bn": record.baseName = try text()
                case "bt": record.baseTime = try number()
                case "bu": record.baseUnit = try text()
                case "bv": record.baseValue = try number()
                case "bs": record.baseSum = try number()
                case "bver": record.baseVersion = try number()
                case "n": record.name = try text()
                case "u": record.unit = try text()
                case "v": record.value = try number()
                case "vs": record.stringValue = try text()
                case "vb": record.boolValue = try fields.decode(Bool.self, forKey: label)
                case "vd": record.dataValue = try text()
                case "s": record.sum = try number()
                case "t": record.time = try number()
                case "ut": record.updateTime = try number()
                default: record.otherLabels.append(label.stringValue)
                }
            }
            record.otherLabels.sort()
        }
    }
}

/// A pack that is not valid SenML JSON, with the record's index when known.
struct SenMLDecodingError: Error, CustomStringConvertible {
    let index: Int?
    /// Where a JSON syntax error is (1-based, column in characters).
    var line: Int?
    var column: Int?
    let message: String

    init(index: Int?, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.index = index
        self.line = line
        self.column = column
        self.message = message
    }

    init(_ error: DecodingError) {
        let context: DecodingError.Context
        let problem: String
        switch error {
        case .typeMismatch(let type, let c): (context, problem) = (c, "must be \(Self.describe(type))")
        case .valueNotFound(let type, let c): (context, problem) = (c, "must be \(Self.describe(type)), not null")
        case .keyNotFound(_, let c): (context, problem) = (c, "is missing")
        case .dataCorrupted(let c): (context, problem) = (c, "")
        @unknown default: (context, problem) = (DecodingError.Context(codingPath: [], debugDescription: "\(error)"), "")
        }
        index = context.codingPath.first?.intValue
        let label = context.codingPath.dropFirst().first?.stringValue
        if context.codingPath.isEmpty, case .typeMismatch = error {
            message = "a SenML pack must be a JSON array of records"
        } else if index != nil, label == nil, case .typeMismatch = error {
            message = "a record must be a JSON object"
        } else if let label, !problem.isEmpty {
            message = "'\(label)' \(problem)"
        } else {
            message = "not valid JSON: \(context.debugDescription)"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        if type == String.self { return "a string" }
        if type == Bool.self { return "true or false" }
        if type == Double.self { return "a number" }
        return "\(type)"
    }

    var description: String { index.map { "record at index \($0): \(message)" } ?? message }
}
