/// A place in a workspace file, for messages that must name file and line.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Path relative to the workspace root, e.g. `corpus/interviews/int-014.md`.
    public var file: String
    /// 1-based; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based, in characters; nil where only the line is known.
    public var column: Int?

    public init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        guard line > 0 else { return file }
        return column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)"
    }
}

/// A problem found in a workspace file: where, and what.
public struct SourceProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    /// The message is kept on one line: a value quoted from the file may hold line breaks (a
    /// YAML key with a carriage return, a JSON string with `\n`), and a problem must stay one
    /// line in a terminal or a log (`file:line: problem`). Breaks and other control characters
    /// are written as escapes.
    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = Self.oneLine(message)
    }

    static func oneLine(_ text: String) -> String {
        func breaks(_ scalar: Unicode.Scalar) -> Bool {
            (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F || scalar.value == 0x85
                || scalar.value == 0x2028 || scalar.value == 0x2029
        }
        guard text.unicodeScalars.contains(where: breaks) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard breaks(scalar) else { result.append(scalar); continue }
            switch scalar {
            case "\n": result.append(contentsOf: "\\n".unicodeScalars)
            case "\r": result.append(contentsOf: "\\r".unicodeScalars)
            default: result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            }
        }
        return String(result)
    }

    public init(file: String, line: Int, column: Int? = nil, _ message: String) {
        self.init(SourceLocation(file: file, line: line, column: column), message)
    }

    public var description: String { "\(location): \(message)" }
}
