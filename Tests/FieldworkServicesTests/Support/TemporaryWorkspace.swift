import FieldworkCore
import FieldworkServices
import FieldworkTestSupport
import Foundation

/// A real workspace in a fresh temporary folder with a real store (its SQLite file, or a
/// PostgreSQL database: `TestStore`), removed afterwards.
final class TemporaryWorkspace {
    let root: URL
    let database: TestDatabase
    let context: FieldworkContext

    /// Async: on PostgreSQL its database is made with `psql` on a thread of its own, not on one
    /// of the cooperative pool's (see `TestDatabase.make`).
    init(participants: String = TemporaryWorkspace.participants, codebook: String = TemporaryWorkspace.codebook) async throws {
        root = FileManager.default.temporaryDirectory.appending(path: "fieldwork-test-\(UUID().uuidString)")
        let workspace = try Workspace.create(at: root)
        database = try await TestDatabase.make(workspace: root)
        context = try FieldworkContext.open(workspace, storeURL: database.url)
        database.usedBy(context.store as AnyObject)
        try write("corpus/participants.yaml", participants)
        try write("codebooks/codebook.yaml", codebook)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    var store: any FieldworkStore { context.store }

    func write(_ path: String, _ text: String) throws {
        try write(path, bytes: Data(text.utf8))
    }

    func write(_ path: String, bytes: Data) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appending(path: path))
    }

    @discardableResult
    func ingest(_ paths: [String] = [], rehash: Bool = false) async throws -> IngestSummary {
        try await context.ingest.ingest(paths: paths, rehash: rehash)
    }

    func plainText(_ id: String) async throws -> ScalarText {
        ScalarText(try await store.document(id: id)?.plainText ?? "")
    }

    /// Codes the first occurrence of `quote` in document `id`.
    func code(_ id: String, quote: String, code: String = "need.safety", coder: String = "anna") async throws -> Coding {
        let text = try await plainText(id)
        guard let start = text.occurrences(of: Array(quote.unicodeScalars)).first else {
            throw FixtureError.quoteNotFound(quote)
        }
        return try await context.codings.add(document: id, span: start..<(start + quote.scalarCount), code: code, coder: coder).coding
    }

    static let participants = """
        participants:
          - id: R14
            role: resident
            administrations: [social, care]
            attributes: {age_band: "70-79", living_situation: alone}
            consents:
              - {id: c-r14, date: 2025-02-01, scopes: [interview, quote, telemetry]}
          - id: R15
            role: relative
        """

    static let codebook = """
        title: Test codebook
        codes:
          - id: need
            name: Needs
            kind: need
            color: "#1f77b4"
            children:
              - id: need.safety
                name: Safety at home
                description: Feeling safe at home.
                children:
                  - id: need.safety.night
                    name: At night
          - id: barrier
            name: Barriers
            kind: barrier
            children:
              - id: barrier.cost
                name: Cost
        """

    /// A workshop's notes, under the heading "Lappar" (a note's words are its named authors': "… (R14)").
    static func workshopNotes(_ notes: String) -> String {
        """
        ---
        id: ws-001
        type: workshop
        title: Verkstad 1
        date: 2025-04-02
        language: sv
        participants: [R14]
        ---
        # Lappar

        \(notes)
        """
    }

    static func interview(id: String = "int-014", participants: String = "[R14]", body: String) -> String {
        """
        ---
        id: \(id)
        type: interview
        title: Vardag och trygghet
        date: 2025-03-12
        language: sv
        participants: \(participants)
        interviewer: A. Researcher
        administrations: [social, care]
        ---
        \(body)
        """
    }
}

enum FixtureError: Error {
    case quoteNotFound(String)
}
