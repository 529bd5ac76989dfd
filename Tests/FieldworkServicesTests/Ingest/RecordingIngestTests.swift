import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// `media:` in front matter: a path out of the workspace fails the file (naming file and line);
/// a recording that is not there is a warning naming the file and the line of `media:`.
@Suite struct RecordingIngestTests {
    static func interview(media: String) -> String {
        TemporaryWorkspace.interview(body: "**R14:** [00:00:02] Jag hör larmet.")
            .replacingOccurrences(of: "administrations: [social, care]\n", with: "administrations: [social, care]\nmedia: \(media)\n")
    }

    @Test func aPathOutOfTheWorkspaceFailsTheFileAndChangesNothing() async throws {
        let workspace = try await TemporaryWorkspace()
        for (index, media) in ["../secret.m4a", "/etc/passwd.wav", "recordings/notes.txt"].enumerated() {
            try workspace.write("corpus/int-014.md", Self.interview(media: media))
            let summary = try await workspace.ingest()
            #expect(summary.failed == 1, "\(media)")
            let problem = try #require(summary.problems.first)
            #expect(problem.location.file == "corpus/int-014.md")
            #expect(problem.location.line == 10, "\(media): the line of media:")
            #expect(problem.message.contains("media '\(media)'"))
            #expect(try await workspace.store.document(id: "int-014") == nil, "try \(index)")
        }
    }

    @Test func aMissingRecordingIsAWarningAndTheDocumentIsIngested() async throws {
        let workspace = try await TemporaryWorkspace(participants: TemporaryWorkspace.participants.replacingOccurrences(
            of: "scopes: [interview, quote, telemetry]", with: "scopes: [interview, quote, telemetry, recording]"))
        try workspace.write("corpus/int-014.md", Self.interview(media: "recordings/int-014.m4a"))
        var summary = try await workspace.ingest()
        #expect(summary.succeeded)
        #expect(summary.added == 1)
        #expect(summary.warnings.map(\.description) == [
            "corpus/int-014.md:10: recording 'recordings/int-014.m4a' (media) not found in the workspace; the page will say it is missing",
        ])
        let document = try #require(try await workspace.store.document(id: "int-014"))
        #expect(document.metadata.media == "recordings/int-014.m4a")

        // Put in place: the next run (nothing else changed) has no warning, and it plays.
        try workspace.write("recordings/int-014.m4a", bytes: Data([1, 2, 3]))
        summary = try await workspace.ingest()
        #expect(summary.warnings.isEmpty)
        let participants = try await workspace.store.participants()
        guard case .available(_, let type, let size) = DocumentRecording.of(document, workspace: workspace.context.workspace,
                                                                            participants: participants) else {
            Issue.record("not available")
            return
        }
        #expect(type == "audio/mp4")
        #expect(size == 3)
        // The same file, for someone who never consented to the recording: withheld, not looked up.
        let declined = participants.map { person in
            var person = person
            person.consents = person.consents.map { var consent = $0; consent.scopes.removeAll { $0 == .recording }; return consent }
            return person
        }
        #expect(DocumentRecording.of(document, workspace: workspace.context.workspace, participants: declined) == .withheld(.noRecording))
    }
}
