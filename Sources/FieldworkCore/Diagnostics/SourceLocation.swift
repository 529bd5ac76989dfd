/// A place in a workspace file, for messages that must name file and line.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Path relative to the workspace root, e.g. `corpus/interviews/int-014.md`.
    public var file: String
    /// 1-based; 0 when the problem concerns the whole file.
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { line > 0 ? "\(file):\(line)" : file }
}

/// A problem found in a workspace file: where, and what.
public struct SourceProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public init(file: String, line: Int, _ message: String) {
        self.init(SourceLocation(file: file, line: line), message)
    }

    public var description: String { "\(location): \(message)" }
}
