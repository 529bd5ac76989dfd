import Foundation
import Testing

/// Validates XML against the REFI-QDA schemas with `xmllint` (Debian `libxml2-utils`, installed
/// by `scripts/install-deps.sh test`). A missing xmllint is a failure, not a skip.
enum SchemaValidator {
    static var projectSchema: URL { resource("Project-mrt2019.xsd") }
    static var codebookSchema: URL { resource("Codebook.xsd") }

    private static func resource(_ name: String) -> URL {
        Bundle.module.url(forResource: "Resources/\(name)", withExtension: nil)
            ?? Bundle.module.bundleURL.appending(path: "Resources/\(name)")
    }

    /// xmllint's exit status and messages for `xml` against `schema`.
    static func validate(_ xml: Data, schema: URL) throws -> (valid: Bool, messages: String) {
        let file = FileManager.default.temporaryDirectory.appending(path: "refi-\(UUID().uuidString).xml")
        try xml.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xmllint", "--noout", "--schema", schema.path, file.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let messages = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw FixtureError.tool("xmllint is not installed (apt-get install libxml2-utils)") }
        return (process.terminationStatus == 0, messages)
    }

    static func expectValid(_ xml: Data, schema: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try validate(xml, schema: schema)
        #expect(result.valid, "xmllint: \(result.messages)", sourceLocation: sourceLocation)
    }
}
