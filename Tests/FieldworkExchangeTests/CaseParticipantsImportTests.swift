import FieldworkCore
@testable import FieldworkExchange
import FieldworkServices
import Foundation
import Testing

/// A foreign project's cases become participants: appended to `corpus/participants.yaml` (its
/// comments and order kept), named in the created documents' front matter, without consent so
/// that their words are withheld until one is recorded; all or nothing, and only once.
struct CaseParticipantsImportTests {
    static let code = ForeignProject.guid(1)
    static let interview = "R07: Jag jobbar natt.\n\nIntervjuare: Hur går det?\n\nR07: Det går bra.\n\nR14: Jag sover."
    static let note = "Besök hos en boende, anteckning.\n"

    /// Cases: R07 (a pseudonym, role from `roll`, an age), a real-looking name (gets C01), R14 who
    /// is already a participant (a differing age band: reported, not overwritten), and a case
    /// that refers to no source (not added).
    static func project() -> ForeignProject {
        var project = ForeignProject(origin: "MAXQDA 24", counting: .codePoints)
        project.codes = [(code, "Safety at home", true, nil)]
        project.sources = [
            .init(name: "Samtal 1.txt", text: interview, selections: [.init(quote: "Det går bra", code: code)]),
            .init(name: "Anteckning", text: note, selections: [.init(quote: "anteckning", code: code)]),
        ]
        let (roll, age, ageBand) = (ForeignProject.guid(60), ForeignProject.guid(61), ForeignProject.guid(62))
        func value(_ variable: String, _ text: String) -> String {
            "<VariableValue><VariableRef targetGUID=\"\(variable)\"/><TextValue>\(text)</TextValue></VariableValue>"
        }
        project.extra = """
            <Variables>
            <Variable guid="\(roll)" name="roll" typeOfVariable="Text"/>
            <Variable guid="\(age)" name="ålder" typeOfVariable="Text"/>
            <Variable guid="\(ageBand)" name="age_band" typeOfVariable="Text"/>
            </Variables>
            <Cases>
            <Case guid="\(ForeignProject.guid(70))" name="R07">\(value(roll, "staff"))\(value(age, "50-59"))<SourceRef targetGUID="\(ForeignProject.guid(1000))"/></Case>
            <Case guid="\(ForeignProject.guid(71))" name="Anna Svensson">\(value(age, "80 år: \"gammal\""))<SourceRef targetGUID="\(ForeignProject.guid(1001))"/></Case>
            <Case guid="\(ForeignProject.guid(72))" name="R14">\(value(ageBand, "80-89"))<SourceRef targetGUID="\(ForeignProject.guid(1000))"/></Case>
            <Case guid="\(ForeignProject.guid(73))" name="R99"/>
            </Cases>
            """
        return project
    }

    static let appended = """
          # added by import qdpx from project.qdpx: no consent recorded yet
          - id: "R07"
            role: staff
            attributes:
              "ålder": "50-59"
          # added by import qdpx from project.qdpx: no consent recorded yet
          - id: "C01"
            role: resident
            attributes:
              "ålder": "80 år: \\"gammal\\""

        """

    @Test func casesBecomeParticipantsWithoutConsentAndReimportAddsNothing() async throws {
        let workspace = try await ExchangeWorkspace()
        let file = try Self.project().pack()
        let report = try await QDPXImport(context: workspace.context).run(file, options: ImportOptions(coder: "Chen"))
        #expect(report.written && report.problems.isEmpty, "\(report.problems)")

        // Appended after the existing entries, which are untouched; the real name is nowhere.
        let register = try workspace.read("corpus/participants.yaml")
        let comment = "# added by import qdpx (a case of \(file.lastPathComponent)): no consent recorded yet"
        #expect(register == ExchangeWorkspace.participants.trimmingTrailingNewlines + "\n"
            + Self.appended.replacing("# added by import qdpx from project.qdpx: no consent recorded yet", with: comment))
        #expect(report.participantsCreated.map(\.id) == ["R07", "C01"])
        #expect(report.participantsCreated.map(\.caseName) == ["R07", nil])
        #expect(report.participantsCreated.map(\.roleBasis) == ["variable \"roll\"", "no role variable; default"])
        #expect(report.caseConflicts == ["case \"R14\": age_band is \"80-89\", participants.yaml has \"70-79\" for R14; kept"])
        #expect(report.lines.contains("    no consent recorded for the 2 new participants: their words are withheld until a consent is added"))
        #expect(!report.lines.joined().contains("Anna") && !register.contains("Anna"))
        #expect(report.notImported.contains { $0.hasPrefix("1 case referring to no source") })

        // Front matter lists them; the store knows them, without consent.
        let interview = try #require(try await workspace.store.document(id: "samtal-1"))
        #expect(interview.metadata.participants == ["R07", "R14"])
        let text = try workspace.read("corpus/samtal-1.md")
        #expect(text.contains("participants: [\"R07\", \"R14\"]"))
        #expect(try workspace.read("corpus/anteckning.md").contains("participants: [\"C01\"]"))
        let stored = try await workspace.store.participants()
        #expect(stored.first { $0.id == "R07" }?.consents == [] && stored.first { $0.id == "R07" }?.role == .staff)
        #expect(stored.first { $0.id == "R14" }?.attributes["age_band"] == "70-79")

        // R07's words are withheld until a consent is recorded, then shown.
        let r07 = try await workspace.store.segments(documentID: "samtal-1").filter { $0.speaker == "R07" }.map(\.index)
        #expect(r07.count == 2)
        let before = try #require(try await DocumentView.load("samtal-1", from: workspace.store))
        #expect(r07.allSatisfy { before.withheld[$0] != nil })
        let ingestAfterImport = try await workspace.context.ingest.ingest()
        #expect(ingestAfterImport.added == 0 && ingestAfterImport.updated == 0 && ingestAfterImport.problems.isEmpty)
        try workspace.write("corpus/participants.yaml", register.replacing(
            "  - id: \"R07\"\n", with: "  - id: \"R07\"\n    consents: [{id: c-r07, date: 2024-01-01, scopes: [interview, quote]}]\n"))
        let ingest = try await workspace.context.ingest.ingest()
        #expect(ingest.problems.isEmpty, "\(ingest.problems)")
        let after = try #require(try await DocumentView.load("samtal-1", from: workspace.store))
        #expect(r07.allSatisfy { after.withheld[$0] == nil })

        // Again: nothing added, the register as the researcher left it.
        let edited = try workspace.read("corpus/participants.yaml")
        let again = try await QDPXImport(context: workspace.context).run(file, options: ImportOptions(coder: "Chen"))
        #expect(again.participantsCreated.isEmpty && again.documentsCreated.isEmpty && again.problems.isEmpty)
        #expect(try workspace.read("corpus/participants.yaml") == edited)
    }

    @Test func dryRunListsTheParticipantsAndWritesNothing() async throws {
        let workspace = try await ExchangeWorkspace()
        let report = try await QDPXImport(context: workspace.context).run(try Self.project().pack(),
                                                                           options: ImportOptions(coder: "x", dryRun: true))
        #expect(!report.written && report.participantsCreated.map(\.id) == ["R07", "C01"])
        #expect(report.lines.contains("  participants: 2 to add to corpus/participants.yaml from cases"))
        #expect(try workspace.read("corpus/participants.yaml") == ExchangeWorkspace.participants)
        #expect(try await workspace.store.participants().count == 3)
    }

    @Test func aFailedImportLeavesTheRegisterAndStoreUnchanged() async throws {
        let workspace = try await ExchangeWorkspace()
        let storedBefore = try await workspace.store.participants()
        // A new code whose codebook cannot be written: the import fails after planning.
        var project = Self.project()
        project.codes.append((ForeignProject.guid(2), "Ny kod", true, nil))
        project.sources[1].selections.append(.init(quote: "Besök", code: ForeignProject.guid(2)))
        try workspace.write("codebooks/codebook.yaml", "codes: [unclosed\n")
        await #expect(throws: (any Error).self) {
            try await QDPXImport(context: workspace.context).run(try project.pack(), options: ImportOptions(coder: "x"))
        }
        #expect(try workspace.read("corpus/participants.yaml") == ExchangeWorkspace.participants)
        #expect(try await workspace.store.participants() == storedBefore)
        #expect(try await workspace.store.document(id: "samtal-1") == nil)
    }

    /// Edits to the register that ingest has not seen would reach the store unchecked: the
    /// import stops before writing anything and says so.
    @Test func aRegisterEditedSinceIngestStopsTheImport() async throws {
        let workspace = try await ExchangeWorkspace()
        let edited = ExchangeWorkspace.participants + "\n# a note\n"
        try workspace.write("corpus/participants.yaml", edited)
        await #expect(throws: SourceProblem.self) {
            try await QDPXImport(context: workspace.context).run(try Self.project().pack(), options: ImportOptions(coder: "x"))
        }
        #expect(try workspace.read("corpus/participants.yaml") == edited)
        #expect(try await workspace.store.document(id: "samtal-1") == nil)
    }

    /// The starter file's `participants: []` becomes a block list; the comment above it stays.
    @Test func theStarterRegisterIsPatchedAndReadBack() throws {
        let root = FileManager.default.temporaryDirectory.appending(path: "fieldwork-register-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = try Workspace.create(at: root)
        try Data("# Our participants\nparticipants: []  # none yet\n".utf8).write(to: workspace.participantsFile)
        let new = Participant(id: "C01", role: .resident, attributes: ["a: b": "x\ny"])
        let append = try ParticipantsAppend([new], workspace: workspace, comment: "imported")
        #expect(append.text == "# Our participants\nparticipants:  # none yet\n  # imported\n  - id: \"C01\"\n    role: resident\n"
            + "    attributes:\n      \"a: b\": \"x\\ny\"\n")
        #expect(append.participants == [new])
        try append.place()
        #expect(try String(contentsOf: workspace.participantsFile, encoding: .utf8) == append.text)
        #expect(append.restore())
        #expect(try String(contentsOf: workspace.participantsFile, encoding: .utf8) == "# Our participants\nparticipants: []  # none yet\n")
    }
}

private extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
