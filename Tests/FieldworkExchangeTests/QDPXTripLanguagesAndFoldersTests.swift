import FieldworkCore
@testable import FieldworkExchange
import FieldworkServices
import Foundation
import Testing

/// Fieldwork → QDPX → a fresh workspace keeps what the project has no element for: a codebook's
/// texts per language (labelled paragraphs of each code's description) and the corpus's
/// sub-folders (the source's `Corpus file:` line); `project.qde` stays valid.
struct QDPXTripLanguagesAndFoldersTests {
    static let codebook = """
        title: Test codebook
        language: sv
        codes:
          - id: need
            name: {sv: Behov, en: Needs}
            kind: need
            children:
              - id: need.safety
                name: {en: Safety at home, sv: Trygghet i hemmet}
                description:
                  sv: Att känna sig trygg hemma.
                  en: Feeling safe at home.
                include:
                  sv: |-
                    Oro på natten.

                    Även larm.
                  en: Worry at night, alarms.
                exclude: Loneliness without worry.
                examples:
                  sv: ["Jag ligger vaken."]
                  en: ["I lie awake.", "The alarm & <button>"]
                questions:
                  sv: ["Vad gör natten otrygg för dig?"]
                  en: ["What makes the night feel unsafe?", "Who should answer the alarm?"]
          - id: barrier
            name: Barriers
            kind: barrier
            children:
              - id: barrier.cost
                name: Cost
                questions: ["Vad får det kosta?"]
        """

    static let corpus = [
        "corpus/interviews/int-014.md": ExchangeWorkspace.interview,
        "corpus/workshops/2025/workshop-one.md": ExchangeWorkspace.workshop,
    ]

    /// What a code is, apart from where its file puts it.
    static func facts(_ codebook: Codebook) -> [String] {
        codebook.codes.map { code in
            [code.id, code.parentID ?? "", code.name, code.kind.rawValue, code.description ?? "", code.include ?? "", code.exclude ?? "",
             code.examples.joined(separator: "|"), code.questions.joined(separator: "|"), code.color ?? "",
             code.translations.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")].joined(separator: " / ")
        }
    }

    @Test func languagesAndFoldersSurviveATripIntoAnEmptyWorkspace() async throws {
        let source = try await ExchangeWorkspace(codebook: Self.codebook, corpus: Self.corpus)
        try await source.code("int-014", quote: "Familjen 👩‍👩‍👧 ringer", code: "need.safety", coder: "Anna")
        try await source.code("ws-001", quote: "Det kostar för mycket för familjen.", code: "barrier.cost", coder: "Björn")
        let archive = try await QDPXExport(context: source.context).archive()
        try SchemaValidator.expectValid(try Archives.unpack(archive.data).project, schema: SchemaValidator.projectSchema)
        let file = Archives.temporaryURL("languages.qdpx")
        try archive.data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let target = try await QDPXTripIntoEmptyWorkspaceTests.emptyWorkspace()
        let report = try await QDPXImport(context: target.context).run(file, options: ImportOptions(coder: "x"))
        #expect(report.written && report.problems.isEmpty, "\(report.lines.joined(separator: "\n"))")

        // (a) Every language's name, description, include, exclude, examples and workshop questions.
        let before = try await source.store.codebook(), after = try await target.store.codebook()
        #expect(Self.facts(after) == Self.facts(before))
        #expect(after["need.safety"]?.localized("en").name == "Safety at home")
        #expect(after["need.safety"]?.localized("sv").include == "Oro på natten.\n\nÄven larm.")
        #expect(after["need"]?.localized("sv").name == "Behov")
        #expect(after["need.safety"]?.localized("en").questions == ["What makes the night feel unsafe?", "Who should answer the alarm?"])
        #expect(after["barrier.cost"]?.questions == ["Vad får det kosta?"])

        // (b) Each document in its folder, under its file's name, as it was written.
        #expect(Set(report.documentsCreated.map(\.path)) == Set(Self.corpus.keys))
        for path in Self.corpus.keys { #expect(try target.read(path) == (try source.read(path)), "\(path)") }
        #expect(try await target.store.document(id: "ws-001")?.path == "corpus/workshops/2025/workshop-one.md")
        #expect(try await target.codingFacts() == (try await source.codingFacts()))
        let ingest = try await target.context.ingest.ingest()
        #expect(ingest.added == 0 && ingest.updated == 0 && ingest.problems.isEmpty, "\(ingest.problems)")
    }

    @Test func otherToolsReadEveryLanguageAndTheFolderAsLabelledText() throws {
        var code = Code(id: "need.safety", name: "Safety at home", kind: .need, description: "Feeling safe at home.")
        code.translations = ["en": CodeTranslation(name: "Safety at home", description: "Feeling safe at home."),
                             "sv": CodeTranslation(name: "Trygghet i hemmet", description: "Att känna sig trygg hemma.")]
        let text = try #require(CodeDescription(code).text)
        #expect(text == """
            Description (en): Feeling safe at home.

            Description (sv): Att känna sig trygg hemma.

            Kind: need

            Name (en): Safety at home

            Name (sv): Trygghet i hemmet

            Code id: need.safety
            """)
        let parsed = CodeDescription(parsing: text)
        #expect(parsed.description == "Feeling safe at home." && parsed.translations == code.translations)

        let metadata = DocumentMetadata(id: "int-001", type: .interview, title: "Intervju")
        #expect(SourceDescription(metadata, path: "corpus/interviews/int-001.md").text.hasSuffix("\nCorpus file: interviews/int-001.md"))
        #expect(SourceDescription(metadata, path: "corpus/int-001.md").corpusFile == nil)
        // Only a Markdown path below corpus/ is read back: nothing is written elsewhere.
        for unsafe in ["../int-001.md", "a/../../b.md", ".hidden/int-001.md", "/etc/int-001.md", "a//b.md", "interviews/int-001.txt"] {
            #expect(SourceDescription(parsing: "Corpus file: \(unsafe)").corpusFile == nil, "\(unsafe)")
        }
        #expect(SourceDescription(parsing: "Corpus file: workshops/2025/ws-001.md").corpusFile == "workshops/2025/ws-001.md")
    }
}
