import FieldworkCore
import Foundation

/// Reads a REFI-QDA project (`project.qde`, taken out of a .qdpx) or codebook (`.qdc`) the way
/// `import` does, without importing: `fieldwork check` and the fuzz targets use it.
public enum ExchangeFileCheck {
    public static let extensions: Set<String> = ["qde", "qdc"]

    /// What was read ("project: 12 sources, 40 codes"), or an `ExchangeError` naming the file.
    public static func check(_ data: Data, path: String) throws -> String {
        if REFIReader.rootName(data) == "CodeBook" {
            return "codebook: \(count(try REFIReader.codebook(data, file: path).codes?.codes))"
        }
        let project = try REFIReader.project(data, file: path)
        return "project: \(EnglishCount.of(count(project.sources?.textSources), "text source")), "
            + EnglishCount.of(count(project.codeBook?.codes?.codes), "code")
    }

    private static func count<T>(_ items: [T]?) -> Int { items?.count ?? 0 }
}
