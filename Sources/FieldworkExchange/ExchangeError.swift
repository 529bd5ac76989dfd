/// Why an export or import could not be done at all (problems with single items are listed in
/// the import report instead).
public enum ExchangeError: Error, Sendable, Equatable, CustomStringConvertible {
    case emptyCodebook
    case notAnArchive(String)
    /// The file is not there (or cannot be opened): not "not a ZIP archive".
    case unreadable(file: String, problem: String)
    case missingProject(String)
    case invalidXML(file: String, detail: String)
    /// Not well-formed XML (or not UTF-8), where it was found.
    case malformedXML(file: String, line: Int, column: Int, problem: String)
    /// An entry of the archive that cannot be read, named `ARCHIVE/ENTRY`.
    case damagedArchive(file: String, problem: String)
    case unexpectedRoot(file: String, found: String, expected: String)
    case storeCannotImport

    public var description: String {
        switch self {
        case .emptyCodebook:
            "the codebook has no codes; a REFI-QDA codebook needs at least one"
        case .notAnArchive(let file):
            "\(file) is not a REFI-QDA project (.qdpx): it cannot be read as a ZIP archive"
        case .unreadable(let file, let problem):
            "\(file): cannot read the file: \(problem)"
        case .missingProject(let file):
            "\(file) holds no project.qde (or other .qde file) at its top level"
        case .invalidXML(let file, let detail):
            "\(file) is not valid REFI-QDA XML: \(detail)"
        case .malformedXML(let file, let line, let column, let problem):
            "\(file):\(line):\(column): \(problem)"
        case .damagedArchive(let file, let problem):
            "\(file): \(problem)"
        case .unexpectedRoot(let file, let found, let expected):
            "\(file) has a <\(found)> root element; expected <\(expected)>"
        case .storeCannotImport:
            "this workspace's store cannot take imports"
        }
    }
}
