import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// Browser edits of the codebook change only the lines they must: the researchers' comments,
/// folded descriptions and key order elsewhere in the shared YAML survive.
@Suite struct CodebookEditorTests {
    static let codebook = """
        title: Test codebook   # shared with the municipality team
        codes:
          # ---------------------------------------------------- NEEDS
          - id: need
            name: Needs
            kind: need
            description: >-
              What residents say they need, in their words;
              not the technology.
            children:
              # Safety first: agreed at the 12 March workshop.
              - id: need.safety
                name: Safety at home
                children:
                  - id: need.safety.night
                    name: At night   # keep short
                    color: "#3c8fd0"
              - id: need.contact
                name: Contact with the city
          # ---------------------------------------------------- BARRIERS
          - id: barrier
            name: Barriers
            kind: barrier
        """

    private func fixture() async throws -> (TemporaryWorkspace, CodebookEditor) {
        let workspace = try await TemporaryWorkspace(codebook: Self.codebook)
        try await workspace.ingest()
        return (workspace, CodebookEditor(workspace: workspace.context.workspace, store: workspace.store))
    }

    private func yaml(_ workspace: TemporaryWorkspace) throws -> String {
        try String(contentsOf: workspace.root.appending(path: "codebooks/codebook.yaml"), encoding: .utf8)
    }

    /// The lines of `after` that are not in `before`, and the other way round.
    private func changedLines(_ before: String, _ after: String) -> (added: [String], removed: [String]) {
        let old = before.components(separatedBy: "\n"), new = after.components(separatedBy: "\n")
        return (new.filter { !old.contains($0) }, old.filter { !new.contains($0) })
    }

    @Test func renamingChangesOneLine() async throws {
        let (workspace, editor) = try await fixture()
        let before = try yaml(workspace)
        _ = try await editor.update(id: "need.safety.night", .init(name: "Otrygg: \"natten\" # inte kommentar"))
        let after = try yaml(workspace)
        let diff = changedLines(before, after)
        #expect(diff.removed == ["            name: At night   # keep short"])
        #expect(diff.added.count == 1 && diff.added[0].hasPrefix("            name: ") && diff.added[0].hasSuffix("   # keep short"))
        #expect(try await workspace.store.codebook()["need.safety.night"]?.name == "Otrygg: \"natten\" # inte kommentar")
    }

    private func expectComments(_ text: String) {
        for comment in ["# shared with the municipality team", "# ---------------------------------------------------- NEEDS",
                        "# Safety first: agreed at the 12 March workshop.", "# keep short",
                        "# ---------------------------------------------------- BARRIERS"] {
            #expect(text.contains(comment), "lost: \(comment)")
        }
    }

    @Test func fieldsAreSetAndReplacedInPlace() async throws {
        let (workspace, editor) = try await fixture()
        let before = try yaml(workspace)
        _ = try await editor.update(id: "need", .init(description: "Needs in everyday life.\nSecond line: with a colon."))
        _ = try await editor.update(id: "need.contact", .init(include: "Phone calls, visits, the e-service.", color: "#AABBCC"))
        let after = try yaml(workspace)
        expectComments(after)
        #expect(!changedLines(before, after).removed.contains { $0.contains("name:") })
        #expect(!after.contains("not the technology"))  // the folded description was replaced whole
        let codebook = try await workspace.store.codebook()
        #expect(codebook["need"]?.description == "Needs in everyday life.\nSecond line: with a colon.")
        #expect(codebook["need.contact"]?.include == "Phone calls, visits, the e-service.")
        #expect(codebook["need.contact"]?.color == "#aabbcc")
    }

    @Test func addedCodesGoUnderTheirParentAndCommentsStay() async throws {
        let (workspace, editor) = try await fixture()
        _ = try await editor.add(Code(id: "need.contact.phone", name: "Telefon", kind: .need, parentID: "need.contact"))
        _ = try await editor.add(Code(id: "need.safety.falls", name: "Fall", kind: .need, parentID: "need.safety"))
        _ = try await editor.add(Code(id: "actor", name: "Aktörer", kind: .actor))
        expectComments(try yaml(workspace))
        let codebook = try await workspace.store.codebook()
        #expect(codebook.children(of: "need.contact").map(\.id) == ["need.contact.phone"])
        #expect(codebook.children(of: "need.safety").map(\.id) == ["need.safety.night", "need.safety.falls"])
        #expect(codebook.roots.map(\.id) == ["need", "barrier", "actor"])
        #expect(try await CodebookCheck(workspace: workspace.context.workspace, store: workspace.store).run().problems.isEmpty)
    }

    @Test func movedCodesTakeTheirChildrenCommentsAndKind() async throws {
        let (workspace, editor) = try await fixture()
        _ = try await editor.update(id: "need.safety", .init(parent: .some("barrier")))
        var text = try yaml(workspace)
        expectComments(text)
        var codebook = try await workspace.store.codebook()
        #expect(codebook.children(of: "barrier").map(\.id) == ["need.safety"])
        #expect(codebook["need.safety"]?.kind == .need)  // inherited before; written out now
        #expect(codebook["need.safety.night"]?.parentID == "need.safety")
        _ = try await editor.update(id: "need.safety", .init(parent: .some(nil)))
        text = try yaml(workspace)
        expectComments(text)
        codebook = try await workspace.store.codebook()
        #expect(codebook.roots.map(\.id) == ["need", "barrier", "need.safety"])
        #expect(codebook.children(of: "need").map(\.id) == ["need.contact"])
    }

    @Test func listsAtTheKeysColumnAreEditedToo() async throws {
        // libyaml writes a key's list at the key's own column; such files must patch as well.
        let workspace = try await TemporaryWorkspace(codebook: """
            title: Flat   # written by another tool
            codes:
            - id: need
              name: Needs
              kind: need
              children:
              - id: need.safety
                name: Safety
              - id: need.contact
                name: Contact   # the city
            - id: barrier
              name: Barriers
              kind: barrier
            """)
        try await workspace.ingest()
        let editor = CodebookEditor(workspace: workspace.context.workspace, store: workspace.store)
        _ = try await editor.update(id: "need.contact", .init(name: "Kontakt", parent: .some("barrier")))
        _ = try await editor.update(id: "need.safety", .init(parent: .some("barrier")))
        _ = try await editor.add(Code(id: "need.health", name: "Hälsa", kind: .need, parentID: "need"))
        let text = try yaml(workspace)
        #expect(text.contains("# written by another tool") && text.contains("# the city"))
        let codebook = try await workspace.store.codebook()
        #expect(codebook.children(of: "barrier").map(\.id) == ["need.contact", "need.safety"])
        #expect(codebook.children(of: "need").map(\.id) == ["need.health"])
        #expect(codebook["need.contact"]?.name == "Kontakt" && codebook["need.contact"]?.kind == .need)
    }

    @Test func windowsLineEndingsAreKept() async throws {
        let workspace = try await TemporaryWorkspace(codebook: Self.codebook.replacingOccurrences(of: "\n", with: "\r\n"))
        try await workspace.ingest()
        let editor = CodebookEditor(workspace: workspace.context.workspace, store: workspace.store)
        _ = try await editor.update(id: "need.contact", .init(name: "Kontakt med staden"))
        _ = try await editor.add(Code(id: "need.contact.phone", name: "Telefon", kind: .need, parentID: "need.contact"))
        let text = try yaml(workspace)
        expectComments(text)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))  // every line ends in CRLF
        #expect(try await workspace.store.codebook()["need.contact"]?.name == "Kontakt med staden")
    }

    @Test func unusualLineBreaksAreWrittenWholeNotMisplaced() async throws {
        // A pasted line separator (U+2028) is a line break to YAML: the file is written
        // canonically rather than patched at the wrong line (and nothing traps).
        let workspace = try await TemporaryWorkspace(codebook: """
            codes:
              - id: need
                name: Needs
                kind: need
                description: "Första\u{2028}andra"
              - id: barrier
                name: Barriers
                kind: barrier
            """)
        try await workspace.ingest()
        let editor = CodebookEditor(workspace: workspace.context.workspace, store: workspace.store)
        let description = try await workspace.store.codebook()["need"]?.description
        _ = try await editor.update(id: "barrier", .init(name: "Hinder"))
        let codebook = try await workspace.store.codebook()
        #expect(codebook["barrier"]?.name == "Hinder")
        #expect(description != nil && codebook["need"]?.description == description)
    }
}
