import FieldworkCore
import FieldworkServices
import FieldworkTestSupport
import Foundation

/// A real workspace in a fresh temporary folder with a real store (its SQLite file, or a
/// PostgreSQL database: `TestStore`), removed afterwards;
/// its corpus holds emoji ZWJ sequences, skin-tone modifiers and combining marks.
final class ExchangeWorkspace {
    let root: URL
    let database: TestDatabase
    let context: FieldworkContext

    init(codebook: String = ExchangeWorkspace.codebook, corpus: [String: String] = ExchangeWorkspace.corpus,
         participants: String = ExchangeWorkspace.participants) async throws {
        root = FileManager.default.temporaryDirectory.appending(path: "fieldwork-exchange-\(UUID().uuidString)")
        let workspace = try Workspace.create(at: root)
        database = try await TestDatabase.make(workspace: root)
        context = try FieldworkContext.open(workspace, storeURL: database.url)
        database.usedBy(context.store as AnyObject)
        try write("corpus/participants.yaml", participants)
        try write("codebooks/codebook.yaml", codebook)
        for (path, text) in corpus { try write(path, text) }
        let summary = try await context.ingest.ingest()
        guard summary.problems.isEmpty else { throw FixtureError.ingest(summary.problems.map(\.description)) }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    var store: any FieldworkStore { context.store }

    func write(_ path: String, _ text: String) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appending(path: path), encoding: .utf8)
    }

    func plainText(_ id: String) async throws -> ScalarText {
        ScalarText(try await store.document(id: id)?.plainText ?? "")
    }

    /// Codes the first occurrence of `quote` in document `id`.
    @discardableResult
    func code(_ id: String, quote: String, code: String, coder: String = "Anna", memo: String? = nil) async throws -> Coding {
        let text = try await plainText(id)
        guard let start = text.occurrences(of: Array(quote.unicodeScalars)).first else { throw FixtureError.quoteNotFound(quote) }
        return try await context.codings.add(document: id, span: start..<(start + quote.scalarCount), code: code,
                                             coder: coder, memo: memo).coding
    }

    /// Codings as comparable facts (no ids or timestamps), sorted.
    func codingFacts() async throws -> [[String]] {
        try await store.codings(CodingFilter()).map {
            [$0.documentID, $0.codeID, String($0.start), String($0.end), $0.quote, $0.coder, $0.memo ?? ""]
        }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    static let participants = """
        participants:
          - id: R14
            role: resident
            administrations: [social, care]
            attributes: {age_band: "70-79", living_situation: alone}
            consents: [{id: c-r14, date: 2025-01-01, scopes: [interview, workshop, quote]}]
          - id: R15
            role: relative
            administrations: [labour]
            attributes: {age_band: "40-49"}
            consents: [{id: c-r15, date: 2025-01-01, scopes: [workshop]}]
          - id: S01
            role: staff
            administrations: [care]
            consents: [{id: c-s01, date: 2025-01-01, scopes: [workshop]}]
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
                include: Worry at night, alarms.
                exclude: Loneliness without worry.
                examples: ["Jag ligger vaken.", "Larmet & <knappen>"]
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

    /// The interview mixes emoji ZWJ sequences (👩‍👩‍👧), a skin-tone modifier (👍🏽) and a combining
    /// mark with no precomposed form (n̈), so scalar offsets differ from characters and UTF-16.
    static let interview = """
        ---
        id: int-014
        type: interview
        title: Vardag och trygghet
        date: 2025-03-12
        language: sv
        participants: [R14]
        interviewer: A. Researcher
        administrations: [social, care]
        ---
        **Intervjuare:** Hur känns nätterna hemma?

        **R14:** Familjen 👩‍👩‍👧 ringer varje kväll 👍🏽 och då känner jag mig trygg på natten.

        **R14:** Hemtjänsten kommer tre gånger, men n̈attlarmet kostar för mycket.
        """

    static let workshop = """
        ---
        id: ws-001
        type: workshop
        title: Workshop 1
        date: 2025-05-06
        language: sv
        participants: [R14, R15]
        ---
        # Station 1

        - Larmet måste gå att stänga av själv.
        - Det kostar för mycket för familjen.
        """

    static let corpus = ["corpus/int-014.md": interview, "corpus/ws-001.md": workshop]
}

enum FixtureError: Error {
    case quoteNotFound(String)
    case ingest([String])
    case tool(String)
}
