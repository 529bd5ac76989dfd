import Foundation
import Testing

/// A small workspace for the privacy tests: R07 alone in one interview, beside R08 in another
/// interview and a workshop; every participant says words nobody else says.
enum PrivacyWorkspace {
    /// Words only R07 says: none may survive an erasure anywhere.
    static let r07Words = ["zebrafink", "papegojfisk", "kanelsnäcka"]
    static let r08Word = "grannlarmet"

    static func make(coder: String = "Maja") async throws -> CLIRunner {
        let root = FileManager.default.temporaryDirectory.appending(path: "fieldwork-privacy-\(UUID().uuidString)")
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("init", root.path).status == 0)
        try write(root, "corpus/participants.yaml", """
            participants:
              - id: R07
                role: resident
                administrations: [social]
                consents:
                  - {id: c-r07, date: 2025-01-01, scopes: [interview, workshop, quote, telemetry]}

              - id: R08
                role: resident
                administrations: [care]
                consents:
                  - {id: c-r08, date: 2025-01-01, scopes: [interview, workshop, quote]}
            """)
        try write(root, "codebooks/codebook.yaml", """
            title: Codebook
            codes:
              - {id: need, name: Needs, kind: need, children: [{id: need.safety, name: Safety at home}]}
            """)
        try write(root, "corpus/int-007.md", """
            ---
            id: int-007
            type: interview
            title: Kvällar
            date: 2025-03-12
            participants: [R07]
            ---

            **Intervjuare:** Hur har du det på kvällarna?

            **R07:** Jag ser en zebrafink varje kväll vid fönstret.
            """)
        try write(root, "corpus/int-008.md", """
            ---
            id: int-008
            type: interview
            title: Två röster
            date: 2025-03-13
            participants: [R07, R08]
            ---

            **Intervjuare:** Hur fungerar larmet?

            **R08:** Det fungerar bra, grannlarmet ringer alltid.

            **R07:** Min papegojfisk heter Olle och han är lugn.

            **Intervjuare:** Tack.
            """)
        try write(root, "corpus/ws-701.md", """
            ---
            id: ws-701
            type: workshop
            title: Workshop
            date: 2025-05-06
            participants: [R07, R08]
            ---
            # Workshop

            ## Grupp A

            Deltagare: R07, R08.

            - Vi vill att grannen får en signal (R08).
            - Jag saknar min kanelsnäcka på kvällen (R07).
            - Gemensam lapp om hemtjänsten.
            """)
        let ingest = try await cli.run("ingest", environment: ["FIELDWORK_CODER": coder])
        #expect(ingest.status == 0, "\(ingest.stdout)\(ingest.stderr)")
        return cli
    }

    /// Codes every segment that holds `word` with need.safety, by `coder`.
    static func code(_ cli: CLIRunner, document: String, containing word: String, coder: String) async throws {
        let segments = try await cli.json("segments", document) as? [[String: Any]] ?? []
        for segment in segments where (segment["text"] as? String ?? "").contains(word) {
            let result = try await cli.run("code", "add", document, "--start", "\(segment["start"] as! Int)", "--end", "\(segment["end"] as! Int)",
                                     "--code", "need.safety", "--coder", coder, "--memo", "om \(word)")
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    static func write(_ root: URL, _ path: String, _ text: String) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data((text + "\n").utf8).write(to: url)
    }

    static func read(_ root: URL, _ path: String) -> String {
        (try? String(contentsOf: root.appending(path: path), encoding: .utf8)) ?? ""
    }
}
