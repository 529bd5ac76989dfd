import FieldworkCore
@testable import FieldworkExchange
import FieldworkServices
import Foundation
import Testing

/// A Fieldwork project imported into an empty workspace keeps the study's structure: document
/// types, titles, dates, administrations, the Markdown with its headings (so the same segments),
/// and the codebook's ids; re-exporting it gives an equivalent project.
struct QDPXTripIntoEmptyWorkspaceTests {
    static let policyLab = """
        ---
        id: pl-001
        type: policy-lab
        title: Policylabb – samtycke och kostnad
        date: 2025-10-07
        language: sv
        participants: [S01, R15]
        interviewer: A. Lind
        administrations: [social, care, labour]
        ---
        # Policylabb: Samtycke

        Heldag i stadshuset.

        ## Block 1: Förståeligt samtycke

        ### Grupp A

        - Samtycke i tre nivåer
        - Alltid erbjuda *ljudfil* och bildstöd

        ## Block 2: Kostnad

        Ingen avgift för larmet under piloten.
        """

    static let corpus = ExchangeWorkspace.corpus.merging(["corpus/policy-lab/pl-001.md": policyLab]) { $1 }

    /// The coded workspace of `QDPXExportTests`, with a policy lab beside its interview and workshop.
    static func source() async throws -> ExchangeWorkspace {
        let workspace = try await ExchangeWorkspace(corpus: corpus)
        try await workspace.code("int-014", quote: "Familjen 👩‍👩‍👧 ringer", code: "need.safety", coder: "Anna", memo: "familj")
        try await workspace.code("int-014", quote: "n̈attlarmet kostar för mycket", code: "barrier.cost", coder: "Björn")
        try await workspace.code("ws-001", quote: "Det kostar för mycket för familjen.", code: "barrier.cost", coder: "Björn")
        try await workspace.code("pl-001", quote: "Alltid erbjuda ljudfil och bildstöd", code: "need.safety.night", coder: "Anna")
        return workspace
    }

    /// `fieldwork init`: no documents, no codes, no participants.
    static func emptyWorkspace() async throws -> ExchangeWorkspace {
        try await ExchangeWorkspace(codebook: "title: Codebook\ncodes: []\n", corpus: [:], participants: "participants: []\n")
    }

    static func export(_ workspace: ExchangeWorkspace, _ name: String) async throws -> URL {
        let file = Archives.temporaryURL(name)
        _ = try await QDPXExport(context: workspace.context).write(to: file)
        return file
    }

    /// Each segment as kind, speaker, headings and span: what the document page and retrieval use.
    static func segments(_ workspace: ExchangeWorkspace, _ id: String) async throws -> [String] {
        try await workspace.store.segments(documentID: id).map {
            "\($0.kind) \($0.speaker ?? "-") \($0.headingPath.joined(separator: " > ")) [\($0.start), \($0.end))"
        }
    }

    @Test func typesTitlesHeadingsAndCodeIdsSurviveATripIntoAnEmptyWorkspace() async throws {
        let source = try await Self.source()
        let file = try await Self.export(source, "trip.qdpx")
        defer { try? FileManager.default.removeItem(at: file) }

        let target = try await Self.emptyWorkspace()
        let report = try await QDPXImport(context: target.context).run(file, options: ImportOptions(coder: "someone-else"))
        #expect(report.written && report.problems.isEmpty, "\(report.lines.joined(separator: "\n"))")
        // The codebook's own ids, not ids made from the names ("needs", "needs.safety_at_home"…).
        #expect(report.codesAdded == ["need", "need.safety", "need.safety.night", "barrier", "barrier.cost"])
        let codebook = try await target.store.codebook()
        #expect(codebook.codes.map { [$0.id, $0.parentID ?? "", $0.name, $0.kind.rawValue] }
            == (try await source.store.codebook()).codes.map { [$0.id, $0.parentID ?? "", $0.name, $0.kind.rawValue] })
        #expect(codebook["need.safety"]?.include == "Worry at night, alarms." && codebook["need.safety"]?.description == "Feeling safe at home.")

        // Each in its folder, as in the study's corpus.
        #expect(Set(report.documentsCreated.map(\.path)) == ["corpus/int-014.md", "corpus/ws-001.md", "corpus/policy-lab/pl-001.md"])
        for (id, path) in [("int-014", "corpus/int-014.md"), ("ws-001", "corpus/ws-001.md"), ("pl-001", "corpus/policy-lab/pl-001.md")] {
            let original = try #require(try await source.store.document(id: id))
            let trip = try #require(try await target.store.document(id: id))
            // Type, title, date, language, participants, interviewer, administrations.
            #expect(trip.metadata == original.metadata)
            #expect(trip.plainText == original.plainText)
            // The Markdown comes back as it was written: headings, turns, emphasis.
            #expect(try target.read(path) == (try source.read(path)))
            #expect(try await Self.segments(target, id) == (try await Self.segments(source, id)))
        }
        #expect(try target.read("corpus/policy-lab/pl-001.md").contains("## Block 1: Förståeligt samtycke\n\n### Grupp A"))
        #expect(try await Self.segments(target, "pl-001").contains { $0.contains("Block 1: Förståeligt samtycke > Grupp A") })
        #expect(try await target.store.document(id: "pl-001")?.metadata.type == .policyLab)
        #expect(try await target.store.document(id: "ws-001")?.metadata.title == "Workshop 1")

        // The codings sit on the same words with the same codes and coders.
        #expect(try await target.codingFacts() == (try await source.codingFacts()))
        // Ingest finds the files as the import stored them.
        let ingest = try await target.context.ingest.ingest()
        #expect(ingest.added == 0 && ingest.updated == 0 && ingest.problems.isEmpty, "\(ingest.problems)")
    }

    @Test func reExportingTheImportedWorkspaceGivesAnEquivalentProject() async throws {
        let source = try await Self.source()
        let first = try await Self.export(source, "first.qdpx")
        defer { try? FileManager.default.removeItem(at: first) }
        let target = try await Self.emptyWorkspace()
        _ = try await QDPXImport(context: target.context).run(first, options: ImportOptions(coder: "x"))
        // The team records the consents (an import adds participants without one, by design).
        try target.write("corpus/participants.yaml", ExchangeWorkspace.participants)
        _ = try await target.context.ingest.ingest()
        let second = try await Self.export(target, "second.qdpx")
        defer { try? FileManager.default.removeItem(at: second) }

        let (before, after) = (try ProjectFacts(first), try ProjectFacts(second))
        #expect(after.codes == before.codes)
        #expect(after.sources == before.sources)
        #expect(after.selections == before.selections)
        #expect(after.files == before.files)
        #expect(before.files.count == 6)  // three plain texts, three Markdown files
    }

    @Test func withoutItsMarkdownASourceStillKeepsTypeTitleDateAndAdministrations() async throws {
        let source = try await Self.source()
        let archive = try Archives.unpack(try await QDPXExport(context: source.context).archive().data)
        // As another tool would pass it on: the project and the plain texts only.
        let file = try Archives.pack(projectBytes: archive.project, files: archive.sources.filter { $0.key.hasSuffix(".txt") }
            .map { ($0.key, String(decoding: $0.value, as: UTF8.self)) })
        defer { try? FileManager.default.removeItem(at: file) }

        let target = try await Self.emptyWorkspace()
        let report = try await QDPXImport(context: target.context).run(file, options: ImportOptions(coder: "x"))
        #expect(report.written && report.problems.isEmpty, "\(report.lines.joined(separator: "\n"))")
        for id in ["int-014", "ws-001", "pl-001"] {
            let original = try #require(try await source.store.document(id: id)?.metadata)
            let trip = try #require(try await target.store.document(id: id))
            #expect([trip.metadata.type.rawValue, trip.metadata.title, trip.metadata.date, trip.metadata.language, trip.metadata.interviewer]
                == [original.type.rawValue, original.title, original.date, original.language, original.interviewer])
            #expect(trip.metadata.administrations == original.administrations)
            #expect(trip.plainText == (try await source.store.document(id: id))?.plainText)
        }
        #expect(try await target.codingFacts() == (try await source.codingFacts()))
    }

    @Test func aDocumentWithRedactedWordsTravelsWithoutItsMarkdown() async throws {
        let source = try await Self.source()
        // "Heldag" is in the policy lab's text; "Researcher" only in the interview's front matter.
        try source.write("corpus/redactions.yaml", """
            redactions:
              - {identifier: Heldag, replacement: "[dag]"}
              - {identifier: Researcher, replacement: "[intervjuare]"}
            """)
        let archive = try Archives.unpack(try await QDPXExport(context: source.context).archive().data)
        let markdown = Set(archive.sources.keys.filter { $0.hasSuffix(".md") })
        #expect(markdown == [SourceMarkdown.fileName(sourceGUID: StableGUID.make(.document, "ws-001"))])
        let texts = archive.sources.values.map { String(decoding: $0, as: UTF8.self) } + [String(decoding: archive.project, as: UTF8.self)]
        #expect(!texts.contains { $0.contains("Heldag") || $0.contains("Researcher") })
        #expect(texts.last?.contains("Interviewer: A. [intervjuare]") == true)
    }
}

/// What two exports of one study must share, without the ids a new workspace gives its codings
/// and memos (selection GUIDs are made from coding ids).
private struct ProjectFacts {
    var codes: [[String]] = []
    var sources: [[String]] = []
    var selections: [[String]] = []
    /// Internal file name → text, of the sources (plain text and Markdown; notes are named by memo ids).
    var files: [String: String] = [:]

    init(_ url: URL) throws {
        let archive = try QDPXArchive.read(url)
        let project = try REFIReader.project(archive.project, file: "project.qde")
        func walk(_ codes: [REFI.Code], parent: String) {
            for code in codes {
                self.codes.append([parent, code.guid ?? "", code.name ?? "", code.color ?? "", code.description ?? ""])
                walk(code.children ?? [], parent: code.guid ?? "")
            }
        }
        walk(project.codeBook?.codes?.codes ?? [], parent: "")
        for source in project.sources?.textSources ?? [] {
            sources.append([source.guid ?? "", source.name ?? "", source.description ?? "", source.plainTextPath ?? ""])
            for selection in source.selections ?? [] {
                selections.append([source.guid ?? "", selection.startPosition ?? "", selection.endPosition ?? "", selection.name ?? "",
                                   selection.creatingUser ?? "", selection.codings?.first?.codeRef?.targetGUID ?? ""])
            }
        }
        selections.sort { $0.lexicographicallyPrecedes($1) }
        let stems = Set(sources.map { $0[0] })
        files = archive.sources.filter { stems.contains(String($0.key.prefix { $0 != "." })) }
            .mapValues { String(decoding: $0, as: UTF8.self) }
    }
}
