import FieldworkCore
import Foundation

/// A SenML JSON pack read and resolved (base values, relative times), with any problem named
/// by file, and line and column where the JSON says.
enum SenMLFile {
    static func records(_ data: Data, path: String, now: Date) throws -> [SenMLResolvedRecord] {
        do {
            return try SenMLResolver.resolve(try SenMLJSONDecoder.decode(data), now: now.timeIntervalSince1970)
        } catch let error as SenMLError {
            throw SourceProblem(file: path, line: 0, error.description)
        } catch let error as SenMLDecodingError {
            throw SourceProblem(file: path, line: error.line ?? 0, column: error.column, error.description)
        }
    }
}
