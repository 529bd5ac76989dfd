import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// Browser edits of a codebook written in several languages: the other languages' texts and the
/// workshop questions are never lost, whether the file is patched or written whole.
@Suite struct CodebookEditorLanguagesTests {
    /// `need` in English and Swedish (name, definition, examples, questions); a line separator in
    /// `barrier`'s definition (a line break to YAML) makes the editor write this file whole.
    static func codebook(separator: Bool) -> String {
        """
        codes:
          - id: need
            name: {en: Needs, sv: Behov}
            kind: need
            description:
              en: What residents say they need.
              sv: Det som invånarna säger att de behöver.
            include:
              en: What they say they need.
              sv: Det de säger att de behöver.
            exclude: {sv: Tekniken själv., en: The technology itself.}
            examples:
              en: ["I want to be left alone."]
              sv: ["Jag vill få vara ifred."]
            questions:
              sv: [Vad behöver du?]
              en: [What do you need?]
            children:
              - id: need.night
                name: {sv: Natten, en: The night}
                questions: [Vad gör natten otrygg?]
          - id: barrier
            name: Barriers
            kind: barrier
            description: "Obstacles\(separator ? "\u{2028}" : " ")in everyday life"
        """
    }

    private func fixture(separator: Bool = false) async throws -> (TemporaryWorkspace, CodebookEditor) {
        let workspace = try await TemporaryWorkspace(codebook: Self.codebook(separator: separator))
        try await workspace.ingest()
        return (workspace, CodebookEditor(workspace: workspace.context.workspace, store: workspace.store))
    }

    /// The per-language texts and questions of `need` and `need.night`, as the store holds them.
    private func languages(_ workspace: TemporaryWorkspace) async throws -> [String] {
        let codebook = try await workspace.store.codebook()
        return try ["need", "need.night"].flatMap { id -> [String] in
            let code = try #require(codebook[id])
            return [code.name, code.description ?? "-", "\(code.examples)", "\(code.questions)"] + ["en", "sv"].flatMap { language in
                let localized = code.localized(language)
                return [localized.name, localized.description ?? "-", localized.include ?? "-", localized.exclude ?? "-",
                        "\(localized.examples)", "\(code.questions(in: language) ?? [])"]
            }
        }
    }

    @Test func aFileWrittenWholeKeepsEveryLanguageAndTheQuestions() async throws {
        let (workspace, editor) = try await fixture(separator: true)
        let before = try await languages(workspace)
        #expect(before.contains("Behov") && before.contains("[\"Jag vill få vara ifred.\"]") && before.contains("[\"Vad gör natten otrygg?\"]"))
        #expect(before.contains("Det de säger att de behöver.") && before.contains("The technology itself."))
        _ = try await editor.update(id: "barrier", .init(name: "Hinder"))
        #expect(try await workspace.store.codebook()["barrier"]?.name == "Hinder")
        #expect(try await languages(workspace) == before)
    }

    @Test func aPatchedFileKeepsEveryLanguageAndTheQuestions() async throws {
        let (workspace, editor) = try await fixture()
        let before = try await languages(workspace)
        _ = try await editor.update(id: "barrier", .init(name: "Hinder"))
        #expect(try await languages(workspace) == before)
    }
}

/// Name and definition edited in one language (the browser sends its interface language).
@Suite struct CodebookEditorOneLanguageTests {
    private func fixture() async throws -> (TemporaryWorkspace, CodebookEditor) {
        let workspace = try await TemporaryWorkspace(codebook: CodebookEditorLanguagesTests.codebook(separator: false))
        try await workspace.ingest()
        return (workspace, CodebookEditor(workspace: workspace.context.workspace, store: workspace.store))
    }

    private func code(_ workspace: TemporaryWorkspace, _ id: String) async throws -> Code {
        try #require(try await workspace.store.codebook()[id])
    }

    @Test func aSwedishEditChangesOnlyTheSwedishText() async throws {
        let (workspace, editor) = try await fixture()
        _ = try await editor.update(id: "need", .init(name: "Behov i vardagen", description: "Vad invånarna behöver.", language: "sv"))
        let need = try await code(workspace, "need")
        #expect(need.localized("sv").name == "Behov i vardagen" && need.localized("sv").description == "Vad invånarna behöver.")
        #expect(need.name == "Needs" && need.description == "What residents say they need.")
        #expect(need.localized("en").name == "Needs" && need.localized("sv").examples == ["Jag vill få vara ifred."])
        let yaml = try String(contentsOf: workspace.root.appending(path: "codebooks/codebook.yaml"), encoding: .utf8)
        #expect(yaml.contains("name: {en: Needs, sv: Behov i vardagen}"), "\(yaml)")
    }

    @Test func includeAndExcludeAreEditedPerLanguageToo() async throws {
        let (workspace, editor) = try await fixture()
        _ = try await editor.update(id: "need", .init(include: "Vad de själva säger.", exclude: "", language: "sv"))
        let need = try await code(workspace, "need")
        #expect(need.localized("sv").include == "Vad de själva säger." && need.localized("en").include == "What they say they need.")
        // The exclusion was the code's own in Swedish (written first): English is left, and becomes the own text.
        #expect(need.localized("sv").exclude == "The technology itself." && need.exclude == "The technology itself.")
        #expect(need.translations["sv"]?.exclude == nil)
    }

    @Test func anEditInTheOwnLanguageChangesTheOwnText() async throws {
        let (workspace, editor) = try await fixture()
        _ = try await editor.update(id: "need", .init(name: "Needs in everyday life", language: "en"))
        let need = try await code(workspace, "need")
        #expect(need.name == "Needs in everyday life" && need.localized("en").name == "Needs in everyday life")
        #expect(need.localized("sv").name == "Behov")
    }

    /// The own language's definition removed: the other language's becomes the code's own.
    @Test func removingTheOwnDefinitionLeavesTheOtherLanguages() async throws {
        let (workspace, editor) = try await fixture()
        _ = try await editor.update(id: "need", .init(description: "", language: "en"))
        let need = try await code(workspace, "need")
        #expect(need.localized("sv").description == "Det som invånarna säger att de behöver.")
        #expect(need.description == "Det som invånarna säger att de behöver.")
        #expect(need.translations["en"]?.description == nil)
    }

    /// Without a language the edit would make one text of every translation: refused, naming
    /// the languages, and nothing is written (the name alone, plain, would have been fine).
    @Test func withoutALanguageAnEditOfATranslatedTextIsRefused() async throws {
        let (workspace, editor) = try await fixture()
        let file = workspace.root.appending(path: "codebooks/codebook.yaml")
        let before = try String(contentsOf: file, encoding: .utf8)
        let refusal = await #expect(throws: CodebookEditError.languageRequired(code: "need", field: .description, languages: ["en", "sv"])) {
            _ = try await editor.update(id: "need", .init(description: "One definition."))
        }
        #expect(refusal?.description == "the description of 'need' is given per language (en, sv): say which one to change (\"language\": \"en\")")
        await #expect(throws: CodebookEditError.self) { _ = try await editor.update(id: "need.night", .init(name: "Night")) }
        #expect(try String(contentsOf: file, encoding: .utf8) == before)
        let need = try await code(workspace, "need")
        #expect(need.localized("sv").description == "Det som invånarna säger att de behöver.")
    }

    /// A code written in one language has no other text to keep: the edit replaces it.
    @Test func aTextGivenWithoutLanguagesIsReplaced() async throws {
        let (workspace, editor) = try await fixture()
        _ = try await editor.update(id: "barrier", .init(name: "Hinder", language: "sv"))
        let barrier = try await code(workspace, "barrier")
        #expect(barrier.name == "Hinder" && barrier.translations.isEmpty)
    }
}
